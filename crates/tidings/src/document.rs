//! The output types: a superset of schema v1 of the annotation guide.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use tidings_core::{EntityType, Span};
use tidings_entities::{Entities, Input};
use tidings_events::Event as StageEvent;
use tidings_relations::Relation as StageRelation;
use tidings_temporal::{Date, TimexKind};

/// Byte offsets into the article text as given: `start` inclusive, `end` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offsets {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<Span> for Offsets {
    fn from(s: Span) -> Offsets {
        Offsets {
            start: s.start,
            end: s.end,
        }
    }
}

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The article's id (the CLI uses the file name without extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The document creation time used, `YYYY-MM-DD`, or null.
    pub dct: Option<String>,
    /// One record per real-world entity, ordered by first mention.
    pub entities: Vec<Entity>,
    /// Every date and time expression, in text order, with its `type`.
    pub dates: Vec<DateRecord>,
    /// Durations ("two years") and sets ("annually"), in text order: not
    /// dates in schema v1, so kept apart from them.
    #[serde(default)]
    pub durations_and_sets: Vec<DateRecord>,
    /// Relations between entities.
    pub relations: Vec<Relation>,
    /// Events, in text order of their triggers.
    pub events: Vec<Event>,
}

/// Where a record came from: the rules and gazetteer entries that produced it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Rule ids (`gazetteer` for list matches, `acronym` for acronym
    /// definitions, `short-name` for surnames standing for a full name).
    pub rules: Vec<String>,
    /// Gazetteer entries as `file:line`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gazetteer: Vec<String>,
}

/// One occurrence of an entity's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text, as written.
    pub text: String,
    /// The rule that found it.
    pub rule: String,
}

/// Attributes of an entity (schema v1 `attrs`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityAttrs {
    /// PERSON titles as written, without the name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    /// The country an ORG belongs to or a PERSON represents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The acronym.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// The gazetteer's finer kind (`country`, `city`, `ministry`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// One real-world entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`, ... in order of first mention.
    pub id: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// The fullest name.
    pub name: String,
    /// Other names used for it in the article.
    pub aliases: Vec<String>,
    /// Attributes.
    pub attrs: EntityAttrs,
    /// Every mention, in text order.
    pub mentions: Vec<MentionRecord>,
    /// The rules and list entries behind it.
    pub provenance: Provenance,
}

/// One date, time, duration or set expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRecord {
    /// The expression as written.
    pub text: String,
    /// The TIMEX3 value.
    pub value: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`; only `DATE` and `TIME` are dates in schema v1.
    #[serde(rename = "type")]
    pub kind: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The rule that found and normalised it.
    pub rule: String,
}

/// One relation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// `represents`, `works_for`, `part_of`, `party_to` or `signatory`.
    #[serde(rename = "type")]
    pub rtype: String,
    /// The head entity's name.
    pub head: String,
    /// The tail entity's name.
    pub tail: String,
    /// The head entity's id.
    pub head_id: String,
    /// The tail entity's id.
    pub tail_id: String,
    /// The rule that produced it.
    pub rule: String,
    /// The text that states it.
    pub evidence: Offsets,
}

/// An event's arguments: lists of entity names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Args {
    /// Agreements signed or negotiated.
    pub agreement: Vec<String>,
    /// Who acts.
    pub participants: Vec<String>,
    /// Where.
    pub location: Vec<String>,
    /// The gathering or initiative itself.
    pub name: Vec<String>,
}

/// One event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// `MEET`, `VISIT`, `SUMMIT`, `SIGN`, `NEGOTIATE`, `LAUNCH` or `EXERCISE`.
    #[serde(rename = "type")]
    pub etype: String,
    /// The TIMEX3 value of the date the text ties to it, or null.
    pub date: Option<String>,
    /// The words that state it.
    pub trigger: String,
    /// `happened`, `planned` or `negated`.
    pub status: String,
    /// Arguments.
    pub args: Args,
    /// The trigger's offsets.
    pub trigger_offsets: Offsets,
    /// The offsets of the sentence it comes from.
    pub sentence: Offsets,
    /// The event rule that fired on the first report.
    pub rule: String,
    /// Every event rule whose report was merged into this event.
    pub rules: Vec<String>,
    /// How the date was attached (`region`, `clause`, `sentence`, `agreement`,
    /// `party`, `coordinated`, `lead-event`, `separately` or `none`), then `:`
    /// and the rule of the date.
    pub date_rule: String,
}

pub(crate) fn build(
    input: &Input<'_>,
    dct: Option<Date>,
    entities: &Entities,
    events: &[StageEvent],
    relations: &[StageRelation],
) -> Document {
    let text = input.text;
    // Agreements the text calls only "the deal" or "a contract" are no
    // entities of the document; the others are numbered in order.
    let mut shown: Vec<Option<usize>> = Vec::with_capacity(entities.entities.len());
    let mut next = 0;
    for i in 0..entities.entities.len() {
        if entities.is_unnamed_agreement(i, text) {
            shown.push(None);
        } else {
            shown.push(Some(next));
            next += 1;
        }
    }
    let is_shown = |i: &usize| shown[*i].is_some();
    let ent_id = |i: usize| format!("e{}", shown[i].map_or(0, |k| k + 1));
    let out_entities = entities
        .entities
        .iter()
        .enumerate()
        .filter(|(i, _)| is_shown(i))
        .map(|(i, e)| {
            let mentions: Vec<MentionRecord> = e
                .mentions
                .iter()
                .map(|&m| {
                    let m = &entities.mentions[m];
                    MentionRecord {
                        start: m.span.start,
                        end: m.span.end,
                        text: text[m.span].to_string(),
                        rule: m.rule.clone(),
                    }
                })
                .collect();
            let gazetteer: BTreeSet<String> = e
                .entries
                .iter()
                .map(|&id| input.gazetteer.entry(id).origin.to_string())
                .collect();
            Entity {
                id: ent_id(i),
                etype: e.etype,
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                attrs: EntityAttrs {
                    titles: e.titles.clone(),
                    country: e.country.clone(),
                    acronym: e.acronym.clone(),
                    kind: e.kind.clone(),
                },
                mentions,
                provenance: Provenance {
                    rules: e.rules.clone(),
                    gazetteer: gazetteer.into_iter().collect(),
                },
            }
        })
        .collect();
    let (dates, durations_and_sets) = input
        .timexes
        .iter()
        .map(|t| DateRecord {
            text: text[t.span].to_string(),
            value: t.value.clone(),
            kind: t.kind.as_str().to_string(),
            start: t.span.start,
            end: t.span.end,
            rule: t.rule.to_string(),
        })
        .partition(|d| matches!(d.kind.as_str(), "DATE" | "TIME"));
    let name = |i: usize| entities.entities[i].name.clone();
    let names = |v: &[usize]| {
        v.iter()
            .filter(|i| is_shown(i))
            .map(|&i| name(i))
            .collect::<Vec<_>>()
    };
    let out_relations = relations
        .iter()
        .filter(|r| is_shown(&r.head) && is_shown(&r.tail))
        .map(|r| Relation {
            rtype: r.rtype.as_str().to_string(),
            head: name(r.head),
            tail: name(r.tail),
            head_id: ent_id(r.head),
            tail_id: ent_id(r.tail),
            rule: r.rule.clone(),
            evidence: r.evidence.into(),
        })
        .collect();
    let out_events = events
        .iter()
        .map(|e| {
            let date = e.date.map(|i| &input.timexes[i]);
            Event {
                etype: e.etype.as_str().to_string(),
                date: date
                    .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
                    .map(|t| t.value.clone()),
                trigger: text[e.trigger].to_string(),
                status: e.status.as_str().to_string(),
                args: Args {
                    agreement: names(&e.agreement),
                    participants: names(&e.participants),
                    location: names(&e.location),
                    name: names(&e.name),
                },
                trigger_offsets: e.trigger.into(),
                sentence: e.sentence.into(),
                rule: e.rule.clone(),
                rules: e.rules.clone(),
                date_rule: match date {
                    Some(t) => format!("{}:{}", e.date_rule, t.rule),
                    None => e.date_rule.to_string(),
                },
            }
        })
        .collect();
    Document {
        id: None,
        dct: dct.map(|d| d.to_string()),
        entities: out_entities,
        dates,
        durations_and_sets,
        relations: out_relations,
        events: out_events,
    }
}
