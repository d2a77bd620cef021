//! Dated events: meetings, visits, summits, signings, negotiations, launches
//! and exercises, with their participants, agreement, place, name and date.
//!
//! Triggers ("met", "signed", "state visit", "summit") are found by event
//! rules written in the pattern language of `tidings-pattern`; the
//! arguments come from the entity mentions of the trigger's sentence (and
//! roles a rule captures itself), and the date from the date expression the
//! text ties to the trigger. Reports of one event in several sentences are
//! merged.
//!
//! ```
//! use tidings_entities::{find as find_entities, EntityRules, Input};
//! use tidings_events::{find, EventRules, EventType, Status};
//! use tidings_gazetteer::GazetteerBuilder;
//! use tidings_pattern::parse_rules;
//! use tidings_temporal::{parse_date, Tagger};
//! use tidings_tokenize::tokenize;
//!
//! let gazetteer = GazetteerBuilder::new()
//!     .add_source("g.tsv", "PLACE\tIndia\t\tkind=country\nPLACE\tUnited States\tUS\tkind=country\n\
//!                           AGREEMENT\tBasic Exchange and Cooperation Agreement\tBECA\n")?
//!     .build()?;
//! let rules = parse_rules("sign.rules", "\
//! rule event.sign
//!   pattern  (?<trigger>\"signed\" | \"sealed\")
//!   event    SIGN
//! ")?;
//! let text = "In October 2020, India and the US sealed the BECA pact.";
//! let tokens = tokenize(text);
//! let matches = gazetteer.find(text, &tokens);
//! let timexes = Tagger::new().tag(text, &tokens, parse_date("2024-02-19"));
//! let input = Input { text, tokens: &tokens, gazetteer: &gazetteer, matches: &matches, timexes: &timexes };
//! let entities = find_entities(&input, &EntityRules::default());
//! let events = find(&input, &entities, &EventRules::new(&[rules])?);
//! assert_eq!(events.len(), 1);
//! let e = &events[0];
//! assert_eq!(e.etype, EventType::Sign);
//! assert_eq!(e.status, Status::Happened);
//! assert_eq!(timexes[e.date.unwrap()].value, "2020-10");
//! let names = |ids: &[usize]| ids.iter().map(|&i| entities.entities[i].name.clone()).collect::<Vec<_>>();
//! assert_eq!(names(&e.participants), ["India", "United States"]);
//! assert_eq!(names(&e.agreement), ["BECA"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::ops::Range;

use tidings_core::{EntityType, Span};
use tidings_entities::{annotate_all, Entities, Input, MentionKind};
use tidings_pattern::{Pattern, RuleError, RuleFile, Sequence};
use tidings_temporal::TimexKind;

/// The kinds of event (schema v1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    /// Named people or bodies meet, hold talks, a dialogue or a call.
    Meet,
    /// A person or delegation travels to a place.
    Visit,
    /// A named or described gathering is held.
    Summit,
    /// An agreement is signed, concluded, inked or adopted.
    Sign,
    /// Talks or negotiations towards an agreement, or a pledge to start them.
    Negotiate,
    /// An initiative, programme or body is launched, established or inaugurated.
    Launch,
    /// A joint military exercise is held.
    Exercise,
}

impl EventType {
    /// All event types.
    pub const ALL: [EventType; 7] = [
        EventType::Meet,
        EventType::Visit,
        EventType::Summit,
        EventType::Sign,
        EventType::Negotiate,
        EventType::Launch,
        EventType::Exercise,
    ];

    /// The upper-case name used in rules and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Meet => "MEET",
            EventType::Visit => "VISIT",
            EventType::Summit => "SUMMIT",
            EventType::Sign => "SIGN",
            EventType::Negotiate => "NEGOTIATE",
            EventType::Launch => "LAUNCH",
            EventType::Exercise => "EXERCISE",
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the event happened, is planned or announced, or is denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Reported as having taken place (or taking place).
    Happened,
    /// Planned, expected or announced ("will hold", "is expected to sign").
    Planned,
    /// Negated ("did not sign").
    Negated,
}

impl Status {
    /// The lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Planned => "planned",
            Status::Negated => "negated",
        }
    }
}

/// One event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The event type.
    pub etype: EventType,
    /// The trigger words.
    pub trigger: Span,
    /// The sentence the trigger is in.
    pub sentence: Span,
    /// Happened, planned or negated.
    pub status: Status,
    /// The index of the timex that dates it, if the text ties one to it.
    pub date: Option<usize>,
    /// How the date was attached: `clause`, `sentence`, or `none`.
    pub date_rule: &'static str,
    /// Who acts (entity indices).
    pub participants: Vec<usize>,
    /// The agreements signed or negotiated.
    pub agreement: Vec<usize>,
    /// Where.
    pub location: Vec<usize>,
    /// The gathering or initiative itself.
    pub name: Vec<usize>,
    /// The rule that found the trigger.
    pub rule: String,
    /// Every rule whose report was merged into this event, `rule` first.
    pub rules: Vec<String>,
}

impl Event {
    /// Renumbers the entity indices of the event by `map` (old index to
    /// new, as [`Entities::fold`] returns), keeping each entity once.
    pub fn renumber(&mut self, map: &[usize]) {
        for v in [
            &mut self.participants,
            &mut self.agreement,
            &mut self.location,
            &mut self.name,
        ] {
            let old = std::mem::take(v);
            for x in old {
                push(v, map.get(x).copied().unwrap_or(x));
            }
        }
    }

    /// The participants (entity indices) for which `keep` holds, in order.
    pub fn participants_where(&self, keep: impl Fn(usize) -> bool) -> Vec<usize> {
        self.participants
            .iter()
            .copied()
            .filter(|&p| keep(p))
            .collect()
    }
}

/// The agreements that one signing or negotiation both describes and
/// names, as `(described, named)` entity pairs for [`Entities::fold`]:
/// "Japan and the Philippines signed a defense pact Monday ... Kamikawa
/// and Kihara signed the Reciprocal Access Agreement" tells of one pact.
/// Only where the event names one agreement or none (then the fullest
/// description stands for the others).
pub fn described_and_named(events: &[Event], entities: &Entities) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for e in events {
        if !matches!(e.etype, EventType::Sign | EventType::Negotiate) {
            continue;
        }
        let (described, named): (Vec<usize>, Vec<usize>) = e
            .agreement
            .iter()
            .partition(|&&a| is_described(entities, a));
        // With no name, the fullest description stands for the others ("a
        // five-year defence cooperation agreement ... the defence deal").
        let fullest = described
            .iter()
            .copied()
            .max_by_key(|&d| (entities.entities[d].name.len(), std::cmp::Reverse(d)));
        let into = match (&named[..], fullest) {
            ([named], _) => *named,
            ([], Some(fullest)) => fullest,
            _ => continue,
        };
        for d in described {
            if d != into
                && is_statement(entities, d) == is_statement(entities, into)
                && !out.iter().any(|&(x, _)| x == d)
            {
                out.push((d, into));
            }
        }
    }
    out
}

/// Whether entity `a` is a statement or declaration rather than an
/// agreement ("a joint communique", "The Hague Summit Declaration").
fn is_statement(entities: &Entities, a: usize) -> bool {
    entities.entities.get(a).is_some_and(|e| {
        e.name.split_whitespace().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "statement" | "declaration" | "communique" | "communiqué"
            )
        })
    })
}

/// Whether entity `a` is an agreement that the text describes instead of
/// naming it ("a defence cooperation agreement"): its name is in lower
/// case.
fn is_described(entities: &Entities, a: usize) -> bool {
    entities.entities.get(a).is_some_and(|e| {
        e.etype == EntityType::Agreement && e.name.starts_with(|c: char| c.is_lowercase())
    })
}

#[derive(Clone, Debug)]
struct EventRule {
    id: String,
    pattern: Pattern,
    etype: EventType,
    /// Whether the event continues the last event of its type (`merge
    /// previous`: "This event will be co-hosted by ...").
    follows: bool,
}

/// The compiled event rules.
#[derive(Clone, Debug, Default)]
pub struct EventRules {
    rules: Vec<EventRule>,
}

impl EventRules {
    /// Collects the event rules (blocks with an `event` field) of `files`.
    ///
    /// # Errors
    ///
    /// An unknown event type, with the file and line of the field.
    pub fn new(files: &[RuleFile]) -> Result<EventRules, RuleError> {
        let mut rules = Vec::new();
        for file in files {
            for rule in &file.rules {
                let types = EventType::ALL.map(|t| (t.as_str(), t));
                let Some(etype) = rule.choice("event", &types)? else {
                    continue;
                };
                let follows = rule
                    .choice("merge", &[("previous", true)])?
                    .unwrap_or(false);
                rules.push(EventRule {
                    id: rule.id.clone(),
                    pattern: rule.pattern.clone(),
                    etype,
                    follows,
                });
            }
        }
        Ok(EventRules { rules })
    }

    /// The number of event rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Words before a trigger that make the event planned or announced.
const FUTURE: &[&str] = &[
    "will",
    "would",
    "shall",
    "to",
    "expected",
    "set",
    "scheduled",
    "plans",
    "plan",
    "planned",
    "planning",
    "upcoming",
    "proposed",
    "next",
    "'ll",
    "forthcoming",
    "intends",
    "aims",
];

/// Words before a trigger that negate it.
const NEGATION: &[&str] = &[
    "not",
    "never",
    "no",
    "n't",
    "without",
    "refused",
    "failed",
    "cancelled",
    "canceled",
    "scrapped",
];

/// Phrases that stand for the two countries last named.
const BOTH_SIDES: &[&[&str]] = &[
    &["both", "sides"],
    &["both", "countries"],
    &["both", "the", "countries"],
    &["both", "nations"],
    &["the", "two", "sides"],
    &["the", "two", "countries"],
    &["the", "two", "nations"],
    &["the", "two", "governments"],
    &["the", "two", "navies"],
    &["the", "two", "militaries"],
    &["the", "two", "armies"],
    &["the", "two", "air", "forces"],
    &["the", "two", "armed", "forces"],
    &["both", "navies"],
    &["both", "militaries"],
    &["both", "armies"],
];

/// Auxiliaries and adverbs that may stand between a subject and its verb
/// ("X, who will also hold talks", "the two countries have jointly
/// signed").
const SUBJECT_GAP: &[&str] = &[
    "will",
    "would",
    "also",
    "had",
    "has",
    "have",
    "is",
    "was",
    "later",
    "then",
    "earlier",
    "separately",
    "last",
    "recently",
    "jointly",
    "formally",
    "officially",
    "finally",
    "first",
    "already",
];

/// Phrases that stand for the two people who acted together last.
const BOTH_LEADERS: &[&[&str]] = &[
    &["both", "leaders"],
    &["both", "the", "leaders"],
    &["the", "two", "leaders"],
    &["both", "ministers"],
    &["the", "two", "ministers"],
    &["both", "officials"],
];

/// Words that may stand between a trigger and a participant after it
/// ("met with", "organised by ... in cooperation with", "visit of").
const GAP_WORDS: &[&str] = &[
    "with",
    "by",
    "between",
    "and",
    "the",
    "of",
    ",",
    "in",
    // "was signed at Al-Yamamah Palace in Riyadh by ...", "in the
    // Turkish capital Ankara on Feb. 8 by ..."
    "at",
    "capital",
    "cooperation",
    "co",
    "-",
    "hosted",
    "organised",
    "organized",
    "be",
    "being",
    "is",
    "was",
    "will",
    "among",
    "including",
    "his",
    "her",
    "their",
    "its",
    "counterpart",
    // "after a meeting there with his Armenian counterpart"
    "there",
    "here",
    "also",
    "together",
    "jointly",
    "separately",
    "on",
    "'s",
    "’s",
    "(",
    ")",
    // "a summit in Brussels attended by Zelenskiy", "chaired by"
    "attended",
    "chaired",
    // "signed ... by then-presidents Barack Obama and Dmitry Medvedev"
    "then",
    "former",
    "presidents",
    "leaders",
    "ministers",
    "counterparts",
];

/// Words before a trigger that mark it as a mention of an event already reported.
const DETERMINERS: &[&str] = &["the", "this", "that", "these", "its", "their", "his", "her"];

/// Words that end a noun phrase on its left: a determiner beyond them is
/// not the trigger's.
const PHRASE_ENDS: &[&str] = &[
    "after",
    "before",
    "during",
    "following",
    "of",
    "in",
    "at",
    "on",
    "with",
    "for",
    "by",
    "and",
    "or",
    "to",
    "from",
    "about",
    "over",
    "amid",
    "since",
];

/// Words that, between a determiner and a trigger, make the phrase name a
/// different event of the kind ("their first meeting", "the next summit").
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "next",
    "last",
    "previous",
    "another",
    "new",
    "inaugural",
    "earlier",
    "later",
    "upcoming",
    "following",
];

/// Single-word vague references that, used before a noun ("the recent
/// summit", "future challenges"), describe rather than date an event.
const ATTRIBUTIVE_REFS: &[&str] = &["recent", "future", "current", "present", "former"];

/// One trigger found in a sentence, before its arguments are filled.
struct Trigger {
    rule: usize,
    tokens: Range<usize>,
    roles: Vec<(String, usize)>,
}

/// Finds the events of `input`.
pub fn find(input: &Input<'_>, entities: &Entities, rules: &EventRules) -> Vec<Event> {
    find_in(
        input,
        entities,
        &annotate_all(input, &entities.mentions),
        rules,
    )
}

/// Finds the events of `input` over its sentences already annotated with
/// the entity mentions (see `tidings_entities::annotate_all`), so that a
/// caller running several stages builds them once.
pub fn find_in(
    input: &Input<'_>,
    entities: &Entities,
    sequences: &[Sequence<'_>],
    rules: &EventRules,
) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let mut follows: Vec<bool> = Vec::new();
    let toks = input.tokens.tokens();
    let mut lead: Option<usize> = None;
    let title = headline(input);
    for (s, sent) in input.tokens.sentences().iter().enumerate() {
        let Some(seq) = sequences.get(s) else {
            break;
        };
        let base = sent.tokens.start;
        let mut triggers: Vec<Trigger> = Vec::new();
        for (r, rule) in rules.rules.iter().enumerate() {
            for m in rule.pattern.find_iter(seq) {
                let local = m
                    .get("trigger")
                    .map_or(m.tokens.clone(), |c| c.tokens.clone());
                if local.is_empty() {
                    continue;
                }
                let tokens = base + local.start..base + local.end;
                // Two rules on the same words: the longer trigger wins, then
                // the earlier rule.
                let overlap =
                    |t: &Trigger| t.tokens.start < tokens.end && tokens.start < t.tokens.end;
                if triggers
                    .iter()
                    .any(|t| overlap(t) && t.tokens.len() >= tokens.len())
                {
                    continue;
                }
                triggers.retain(|t| !overlap(t));
                let roles = m
                    .captures
                    .iter()
                    .filter_map(|c| c.annotation.map(|a| (c.name.to_string(), a)))
                    .collect();
                triggers.push(Trigger {
                    rule: r,
                    tokens,
                    roles,
                });
            }
        }
        // A word inside an agreement's name is no trigger: "the Joint
        // Declaration on the Completion of Negotiations on Civil Nuclear
        // Cooperation".
        let agreements: Vec<Range<usize>> = entities
            .mentions_in(sent.tokens.clone())
            .iter()
            .filter(|m| m.etype == EntityType::Agreement)
            .map(|m| m.tokens.clone())
            .collect();
        triggers.retain(|t| {
            !agreements.iter().any(|a| {
                a.start <= t.tokens.start && t.tokens.end <= a.end && a.len() > t.tokens.len()
            })
        });
        triggers.sort_by_key(|t| t.tokens.start);
        let first_event = events.len();
        for (k, t) in triggers.iter().enumerate() {
            let rule = &rules.rules[t.rule];
            let clause = clause(input, sent.tokens.clone(), &t.tokens);
            let region = region_of(input, sent.tokens.clone(), &triggers, k);
            let span = Span::new(
                toks[t.tokens.start].span.start,
                toks[t.tokens.end - 1].span.end,
            );
            let mut event = Event {
                etype: rule.etype,
                trigger: span,
                sentence: sent.span,
                status: status(input, t.tokens.start, sent.tokens.start),
                date: None,
                date_rule: "none",
                participants: Vec::new(),
                agreement: Vec::new(),
                location: Vec::new(),
                name: Vec::new(),
                rule: rule.id.clone(),
                rules: vec![rule.id.clone()],
            };
            for (role, id) in &t.roles {
                let slot = match role.as_str() {
                    "participant" | "participants" => &mut event.participants,
                    "agreement" => &mut event.agreement,
                    "location" => &mut event.location,
                    "name" => &mut event.name,
                    _ => continue,
                };
                if let Some(m) = entities.mentions.get(*id) {
                    push(slot, m.entity);
                }
            }
            let ctx = Context {
                input,
                entities,
                region: region.clone(),
                clause: clause.clone(),
                sentence: sent.tokens.clone(),
                trigger: t.tokens.clone(),
                blocked: triggers
                    .iter()
                    .enumerate()
                    .filter(|(j, o)| {
                        *j != k
                            && (rules.rules[o.rule].etype == rule.etype
                                || !linked(input, &t.tokens, &o.tokens))
                    })
                    .map(|(j, o)| {
                        let region = region_of(input, sent.tokens.clone(), &triggers, j);
                        // An apposition's trigger holds nothing before its
                        // comma.
                        match appositive_comma(input, &sent.tokens, &o.tokens) {
                            Some(c) if c >= region.start => c + 1..region.end.max(c + 1),
                            _ => region,
                        }
                    })
                    .collect(),
                others: triggers
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != k)
                    .map(|(_, o)| o.tokens.clone())
                    .collect(),
            };
            fill_arguments(&ctx, &mut event, &events);
            attach_date(&ctx, &mut event);
            // "arrived in Manila on Friday ... and met Marcos": a verb
            // joined to an earlier one of the sentence shares its day.
            if event.date.is_none() && t.tokens.start > 0 && ctx.word(t.tokens.start - 1) == "and" {
                if let Some(prev) = events
                    .iter()
                    .rev()
                    .find(|e| e.sentence == event.sentence && e.date.is_some())
                {
                    event.date = prev.date;
                    event.date_rule = "coordinated";
                }
            }
            let split = split_by_dates(&ctx, event)
                .into_iter()
                .flat_map(|e| split_by_party_dates(&ctx, e))
                .collect();
            for e in separately(&ctx, split) {
                events.push(e);
                follows.push(rule.follows);
            }
        }
        share_locations(input, &mut events[first_event..]);
        // The lead is the first sentence of the body with an event: a
        // headline sums up, and may look ahead ("aim to conclude deal by
        // year-end").
        if lead.is_none() && events.len() > first_event && Some(s) != title {
            lead = Some(s);
        }
    }
    attach_following_agreements(input, entities, &mut events);
    for e in events.iter_mut() {
        people_over_places(entities, e);
    }
    let events = merge_reports(input, entities, events, &follows);
    let mut events: Vec<Event> = events
        .into_iter()
        .map(|mut e| {
            let name = e.name.clone();
            e.participants.retain(|p| !name.contains(p));
            e
        })
        // An event with no argument at all says too little to report.
        .filter(|e| {
            !(e.participants.is_empty()
                && e.agreement.is_empty()
                && e.location.is_empty()
                && e.name.is_empty())
        })
        .collect();
    // "NATO leaders will meet in The Hague in June": a bloc's leaders
    // meeting alone is its summit ("NATO defence ministers met" stays a
    // meeting); so is a council's meeting.
    for e in events.iter_mut().filter(|e| e.etype == EventType::Meet) {
        let [p] = e.participants[..] else {
            continue;
        };
        let ent = &entities.entities[p];
        let bloc = ent.etype == EntityType::Org
            && matches!(
                ent.kind.as_deref(),
                Some("alliance" | "intergovernmental" | "grouping")
            );
        let trigger = input.tokens.tokens_in(e.trigger).start;
        let leaders = (trigger.saturating_sub(3)..trigger)
            .any(|i| matches!(lower(input, i).as_str(), "leaders" | "heads"));
        // "the latest meeting of the High-Level Strategic Cooperation
        // Council": a body made to meet, meeting, is its gathering.
        // (Not a standing body of the lists: "an emergency Security Council
        // meeting" is a meeting.)
        let sitting = ent.etype == EntityType::Org
            && ent.kind.is_none()
            && ent.name.rsplit(' ').next().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "council" | "mechanism" | "committee" | "commission" | "dialogue" | "forum"
                )
            });
        if bloc && leaders {
            e.etype = EventType::Summit;
        } else if sitting {
            e.etype = EventType::Summit;
            e.name = vec![p];
            e.participants.clear();
        }
    }
    inherit_lead_date(input, entities, &mut events, lead);
    date_from_sidelines(input, &mut events);
    date_from_purpose(input, &mut events);
    if let Some((place, sentence)) = dateline(input, entities) {
        for e in events
            .iter_mut()
            .filter(|e| e.sentence == sentence && e.location.is_empty())
        {
            e.location.push(place);
        }
    }
    // A visit goes to a place. With none found, only a person's stays: a
    // body's "visits" are mostly inspections or tours of sites the text
    // does not name ("the team made surprise visits to a number of sites").
    events.retain(|e| {
        e.etype != EventType::Visit
            || !e.location.is_empty()
            || e.participants
                .iter()
                .any(|&p| entities.entities[p].etype == EntityType::Person)
    });
    events.sort_by_key(|e| (e.trigger.start, e.etype));
    events
}

/// Events of one sentence without a place take the place of a later event
/// of the sentence that they happened during or at: "launched ... during
/// Modi's visit to Washington", "introduced ... at the QUAD summit in Tokyo".
fn share_locations(input: &Input<'_>, events: &mut [Event]) {
    let within = |from: usize, to: usize| {
        let words = input.text[from..to].to_lowercase();
        words
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "during" | "at" | "on"))
    };
    for i in 0..events.len() {
        if !events[i].location.is_empty() {
            continue;
        }
        if let Some(loc) = events[i + 1..]
            .iter()
            .find(|o| {
                !o.location.is_empty()
                    && o.trigger.start > events[i].trigger.start
                    && o.etype != events[i].etype
                    && within(events[i].trigger.end, o.trigger.start)
            })
            .map(|o| o.location.clone())
        {
            events[i].location = loc;
        }
    }
}

/// Whether two triggers of a sentence are tied in time, one happening
/// during or at the other ("launched ... during Modi's visit", "introduced
/// ... at the QUAD summit", "travels to Tokyo on Saturday for talks", "will
/// travel to Addis Ababa on December 4 to hold talks", "will fly to Kuala
/// Lumpur on Tuesday, where he will meet Anwar", "visited Mongolia in 2019,
/// when the two countries signed", "met on October 23 on the margins of the
/// BRICS summit"), so
/// that a date of one dates the other too.
fn linked(input: &Input<'_>, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (from, to) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    // "Meeting in the Nigerien capital on Saturday, the three leaders
    // signed a treaty": a participle that opens the sentence tells the
    // occasion of its main verb.
    let opening_participle = |r: &Range<usize>| {
        let s = &input.tokens.sentences()[input.tokens.sentence_of(r.start)];
        r.start == s.tokens.start && r.len() == 1 && lower(input, r.start).ends_with("ing")
    };
    if opening_participle(a) || opening_participle(b) {
        return true;
    }
    // "arrived in Nairobi from Djibouti, where he visited US troops": the
    // place before "where" is where he came from, earlier.
    let came_from = (from..to).any(|i| lower(input, i) == "from");
    (from..to).any(|i| match lower(input, i).as_str() {
        "during" | "at" | "for" | "when" | "sidelines" | "margins" | "margin" | "sideline" => true,
        "where" => !came_from,
        _ => false,
    }) || (from < to && lower(input, to - 1) == "to")
}

/// The words between trigger `k`'s neighbouring triggers in its clause:
/// they belong to it.
fn region_of(
    input: &Input<'_>,
    sentence: Range<usize>,
    triggers: &[Trigger],
    k: usize,
) -> Range<usize> {
    let t = &triggers[k];
    let clause = clause(input, sentence, &t.tokens);
    // ", and" between two triggers joins two clauses: "... will hold a
    // summit with Trump in Riyadh, and the Arab League meets in Baghdad".
    let joint = |from: usize, to: usize| {
        (from..to.saturating_sub(1))
            .rev()
            .find(|&i| lower(input, i) == "," && lower(input, i + 1) == "and")
    };
    let left = k.checked_sub(1).map_or(clause.start, |j| {
        let end = triggers[j].tokens.end.max(clause.start);
        joint(end, t.tokens.start).map_or(end, |comma| comma + 1)
    });
    // "delivered the missiles on Friday, two years after Manila signed a
    // deal": a finite verb in a clause of "after", "before", "since",
    // "until" or "when" has its own subject, after that word.
    let verb = {
        let w = lower(input, t.tokens.start);
        (w.len() > 4 && w.ends_with("ed"))
            || matches!(w.as_str(), "met" | "signs" | "struck" | "held" | "inked")
    };
    let left = if verb {
        (left..t.tokens.start)
            .rev()
            .take_while(|&i| lower(input, i) != ",")
            .find(|&i| {
                matches!(
                    lower(input, i).as_str(),
                    "after" | "before" | "since" | "until" | "when"
                ) && input.tokens.tokens().get(i + 1).is_some_and(|n| {
                    // (A pronoun there stands for the main clause's
                    // subject, which the region keeps: "when they met".)
                    n.shape == tidings_tokenize::Shape::Capitalized || lower(input, i + 1) == "the"
                }) && !input
                    .timexes
                    .iter()
                    .any(|x| input.tokens.token_starting_at(x.span.start) == Some(i + 1))
            })
            .map_or(left, |i| i + 1)
    } else {
        left
    };
    // "nations that have signed defence agreements with Japan": a relative
    // pronoun right before the verb (but for auxiliaries) makes a clause
    // whose subject is the noun before it, not the main clause's.
    let left = match relative_right_before(input, left, t.tokens.start) {
        Some(i) if verb => i + 1,
        _ => left,
    };
    let right = triggers.get(k + 1).map_or(clause.end, |n| {
        let start = n.tokens.start.min(clause.end);
        joint(t.tokens.end, start).unwrap_or(start)
    });
    // ", according to the defense ministry in Seoul": the source and where
    // it speaks from are no part of the event.
    let right = (t.tokens.end..right.saturating_sub(1))
        .find(|&i| lower(input, i) == "," && lower(input, i + 1) == "according")
        .unwrap_or(right);
    left.min(t.tokens.start)..right.max(t.tokens.end)
}

/// Where a trigger stands: the token ranges its arguments are read from.
struct Context<'a, 't> {
    input: &'a Input<'t>,
    entities: &'a Entities,
    /// The words between the neighbouring triggers of the clause.
    region: Range<usize>,
    /// The sentence cut at `;` and `:`.
    clause: Range<usize>,
    sentence: Range<usize>,
    trigger: Range<usize>,
    /// The words of other triggers in the sentence, of the same type or not
    /// tied to this one in time: a date there dates those ("Austin's visit
    /// comes days ahead of Modi's visit to the US from June 22"; "The
    /// summit, from July 9 to July 11, comes as Orban visited Moscow").
    blocked: Vec<Range<usize>>,
    /// The other triggers of the sentence.
    others: Vec<Range<usize>>,
}

impl Context<'_, '_> {
    fn word(&self, i: usize) -> String {
        lower(self.input, i)
    }
}

fn push(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Token `i` in lower case; empty past the last token.
fn lower(input: &Input<'_>, i: usize) -> String {
    input
        .tokens
        .tokens()
        .get(i)
        .map_or_else(String::new, |t| input.text[t.span].to_lowercase())
}

fn status(input: &Input<'_>, trigger: usize, sentence_start: usize) -> Status {
    let from = trigger.saturating_sub(4).max(sentence_start);
    let words: Vec<String> = (from..trigger).map(|i| lower(input, i)).collect();
    // "called off his visit".
    let called_off = words
        .windows(2)
        .any(|w| matches!(w[0].as_str(), "called" | "call" | "calls") && w[1] == "off");
    if called_off || words.iter().any(|w| NEGATION.contains(&w.as_str())) {
        Status::Negated
    } else if words.iter().any(|w| FUTURE.contains(&w.as_str())) {
        Status::Planned
    } else {
        Status::Happened
    }
}

/// The clause around the trigger: the sentence cut at `;` and `:`.
fn clause(input: &Input<'_>, sentence: Range<usize>, trigger: &Range<usize>) -> Range<usize> {
    let mut start = sentence.start;
    let mut end = sentence.end;
    for i in sentence.clone() {
        let w = &input.text[input.tokens.tokens()[i].span];
        if matches!(w, ";" | ":") {
            if i < trigger.start {
                start = i + 1;
            } else if i >= trigger.end {
                end = i;
                break;
            }
        }
    }
    // A quotation is a clause of its own: '"... took place in Istanbul
    // earlier this year," he told reporters after visiting the shipyard
    // here today'. Only quoted speech, of six words or more (not a quoted
    // name: 'the "Baltic Sentry" mission').
    for q in quotations(input, sentence) {
        if q.len() < 7 {
            continue;
        }
        if q.start < trigger.start && trigger.end <= q.end {
            start = start.max(q.start + 1);
            end = end.min(q.end);
        } else if q.end < trigger.start {
            start = start.max(q.end + 1);
        } else if q.start >= trigger.end {
            end = end.min(q.start);
        }
    }
    start..end.max(start)
}

/// The quotations of a sentence, from the opening mark (or the sentence's
/// start, for one opened before it) to the closing one (or the sentence's
/// end, for one closed after it), as token ranges without the closing
/// mark.
fn quotations(input: &Input<'_>, sentence: Range<usize>) -> Vec<Range<usize>> {
    let word = |i: usize| &input.text[input.tokens.tokens()[i].span];
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // A quotation may open in an earlier sentence: a closing mark with
    // none open ('... this year," he told') closes one from the start.
    let (from, to) = (sentence.start, sentence.end);
    for i in sentence {
        match word(i) {
            "\"" => match open.take() {
                Some(o) => out.push(o..i),
                None if i > from && matches!(word(i - 1), "," | "." | "?" | "!") => {
                    out.push(from..i);
                }
                None => open = Some(i),
            },
            "\u{201c}" => open = Some(i),
            "\u{201d}" => out.push(open.take().unwrap_or(from)..i),
            _ => {}
        }
    }
    // ... and one still open at the end goes on past it.
    if let Some(o) = open {
        out.push(o..to);
    }
    out
}

/// Whether token `i`, before the trigger at token `trigger`, lies in a
/// relative clause set off by commas: "Blinken, who accompanied Biden,
/// met Son" (Biden is not at the meeting).
fn in_relative_clause(input: &Input<'_>, i: usize, trigger: usize, clause_start: usize) -> bool {
    let word = |j: usize| &input.text[input.tokens.tokens()[j].span];
    // Relative clauses are short: the comma is looked for a few words back.
    let opened = (clause_start.max(i.saturating_sub(30))..i)
        .rev()
        .find(|&j| word(j) == ",")
        .is_some_and(|j| relative_pronoun(&word(j + 1).to_ascii_lowercase()));
    opened && (i..trigger).any(|j| word(j) == ",")
}

/// Whether token `i`, before the trigger, lies in an apposition set off by
/// commas right after a person's name: "Sytenko, a former deputy
/// secretary-general of the United Nations, is expected to visit Baghdad".
fn in_apposition(ctx: &Context<'_, '_>, i: usize) -> bool {
    let trigger = ctx.trigger.start;
    let from = ctx.clause.start.max(i.saturating_sub(20));
    let Some(open) = (from..i).rev().find(|&j| ctx.word(j) == ",") else {
        return false;
    };
    let apposition = matches!(
        ctx.word(open + 1).as_str(),
        "a" | "an" | "the" | "former" | "then"
    );
    let after_person = ctx
        .entities
        .mentions_in(ctx.clause.start..open)
        .iter()
        .any(|m| m.tokens.end == open && m.etype == EntityType::Person);
    apposition && after_person && (i..trigger).any(|j| ctx.word(j) == ",")
}

/// The appositions after the trigger in its clause, each from its opening
/// comma to its closing one: a comma right after a person's name, then a
/// description in lower case ("met Adm. John Aquilino, commander of U.S.
/// Indo-Pacific Command, in Honolulu"; "with Wang Yi, the foreign
/// minister, on Monday").
fn appositions_after(ctx: &Context<'_, '_>) -> Vec<Range<usize>> {
    let toks = ctx.input.tokens.tokens();
    let end = ctx.clause.end;
    let mentions = ctx.entities.mentions_in(ctx.trigger.end..end);
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| m.etype == EntityType::Person) {
        let open = m.tokens.end;
        if open + 1 >= end || ctx.word(open) != "," {
            continue;
        }
        let first = ctx.word(open + 1);
        let describes = toks[open + 1].shape == tidings_tokenize::Shape::Lower
            && !matches!(
                first.as_str(),
                "and"
                    | "or"
                    | "but"
                    | "who"
                    | "which"
                    | "where"
                    | "while"
                    | "as"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "said"
                    | "says"
                    | "told"
                    | "after"
                    | "before"
                    | "when"
            );
        if !describes {
            continue;
        }
        if let Some(close) = (open + 2..end.min(open + 16)).find(|&j| ctx.word(j) == ",") {
            out.push(open..close + 1);
        }
    }
    out
}

/// Whether a lower-case word opens a relative clause.
fn relative_pronoun(word: &str) -> bool {
    matches!(word, "who" | "whom" | "whose" | "which")
}

/// Whether token `i` lies inside parentheses (a dateline's agency, an acronym).
fn in_parentheses(input: &Input<'_>, i: usize, sentence_start: usize) -> bool {
    let mut depth = 0i32;
    for j in (sentence_start..i).rev() {
        match &input.text[input.tokens.tokens()[j].span] {
            ")" => depth += 1,
            "(" if depth == 0 => return true,
            "(" => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Tokens that do not separate a trigger from a participant: titles and the
/// country words of titles ("met with Indian Foreign Secretary Vikram Misri").
fn skippable(ctx: &Context<'_, '_>, i: usize) -> bool {
    let tokens = ctx.input.tokens.tokens();
    let span = tokens[i].span;
    let chosen = &ctx.input.matches.chosen;
    let title = |span: Span| {
        let near = chosen.partition_point(|g| g.span.end <= span.start);
        chosen[near..]
            .iter()
            .take_while(|g| g.span.start <= span.start)
            .any(|g| g.span.contains(span) && ctx.input.gazetteer.entry(g.entry).label == "TITLE")
    };
    // "talks with Communist Party General Secretary Nguyen Phu Trong": a
    // few capitalised words right before a title qualify it.
    let qualifier = || {
        let capitalised = |j: usize| {
            matches!(
                tokens[j].shape,
                tidings_tokenize::Shape::Capitalized | tidings_tokenize::Shape::Upper
            )
        };
        let end = (i + 4).min(ctx.sentence.end);
        let mut j = i;
        while j < end && capitalised(j) && !title(tokens[j].span) {
            j += 1;
        }
        j > i && j < ctx.sentence.end && title(tokens[j].span)
    };
    // "Lin Chia-lung (林佳龍)": a name in its own script, after the name.
    let native = || {
        let other_script = |j: usize| {
            let text = &ctx.input.text[tokens[j].span];
            text.chars().any(char::is_alphabetic)
                && !text
                    .chars()
                    .any(|c| c.is_ascii_alphabetic() || c.is_ascii_digit())
        };
        let mut j = i;
        while j > ctx.sentence.start && other_script(j) {
            j -= 1;
        }
        j < i && ctx.word(j) == "("
    };
    // "Egypt's Minister of Defence and Military Production, General
    // Mohamed Zaki": capitalised words that go on from a listed title are
    // the title's.
    let title_tail = || {
        let joins = |j: usize| {
            matches!(
                tokens[j].shape,
                tidings_tokenize::Shape::Capitalized | tidings_tokenize::Shape::Upper
            ) || matches!(ctx.word(j).as_str(), "and" | "of" | "for" | "the")
        };
        if !joins(i) || ctx.word(i) == "and" && i + 1 < ctx.sentence.end && !joins(i + 1) {
            return false;
        }
        let mut j = i;
        while j > ctx.sentence.start && i - j < 6 {
            j -= 1;
            if title(tokens[j].span) {
                return true;
            }
            if !joins(j) {
                return false;
            }
        }
        false
    };
    title(span)
        || qualifier()
        || native()
        || title_tail()
        || ctx
            .entities
            .mentions_in(ctx.sentence.clone())
            .iter()
            .any(|m| {
                m.countries.iter().any(|c| c.contains(span))
                    // "met Indian Army chief Upendra Dwivedi": a title
                    // the rules read, not only a listed one.
                    || m.titles.iter().any(|t| t.contains(span))
                    || (m.span.contains(span) && m.etype != EntityType::Agreement)
            })
}

fn fill_arguments(ctx: &Context<'_, '_>, event: &mut Event, earlier: &[Event]) {
    let (input, entities) = (ctx.input, ctx.entities);
    let (region, trigger) = (ctx.region.clone(), ctx.trigger.clone());
    let inside: Vec<&tidings_entities::Mention> = entities
        .mentions_in(region.clone())
        .iter()
        .filter(|m| m.tokens.end <= region.end)
        .collect();
    // Outermost mentions only: a country word inside an organisation's name
    // is not a participant of its own, nor is the country or body in a
    // title ("US Secretary for Defence Lloyd Austin", "EU Trade
    // Commissioner Valdis Dombrovskis").
    let attribute_spans = attribute_spans(entities, ctx.sentence.clone());
    let outer: Vec<&tidings_entities::Mention> = inside
        .iter()
        .copied()
        .filter(|m| {
            !inside
                .iter()
                .any(|o| o.span != m.span && o.span.contains(m.span))
        })
        .filter(|m| !attribute_spans.iter().any(|s| s.contains(m.span)))
        .filter(|m| !in_parentheses(input, m.tokens.start, ctx.clause.start))
        .filter(|m| {
            m.tokens.end > trigger.start
                || !in_relative_clause(input, m.tokens.start, trigger.start, ctx.clause.start)
        })
        .collect();
    let etype = event.etype;
    // "Modi's state visit": the possessor is the one participant.
    let mut possessor = None;
    {
        let mut j = trigger.start;
        while j > region.start && TRIP_WORDS.contains(&ctx.word(j - 1).as_str()) {
            j -= 1;
        }
        if j > region.start && matches!(ctx.word(j - 1).as_str(), "'s" | "’s") {
            possessor = outer
                .iter()
                .find(|m| m.tokens.end == j - 1)
                .map(|m| m.entity)
                .or_else(|| leader_of(ctx, j - 1));
        }
        // "signed an agreement with Ukraine during his first visit to
        // Kyiv": the visit is his, not Ukraine's.
        if etype == EventType::Visit
            && j > region.start
            && matches!(ctx.word(j - 1).as_str(), "his" | "her")
        {
            possessor = antecedent(ctx, j - 1);
        }
    }
    // The name of a gathering: a name that contains the trigger ("INDUS-X
    // Summit") or stands right before it ("QUAD summit").
    if matches!(etype, EventType::Summit | EventType::Launch) {
        let containing = entities.mentions_in(ctx.sentence.clone()).iter().find(|m| {
            m.tokens.start <= trigger.start
                && trigger.end <= m.tokens.end
                && m.etype == EntityType::Org
        });
        if let Some(m) = containing {
            push(&mut event.name, m.entity);
        } else if etype == EventType::Summit {
            if let Some(m) = outer.iter().find(|m| {
                matches!(m.etype, EntityType::Org)
                    && (m.tokens.end == trigger.start
                        || (m.tokens.end + 1 == trigger.start
                            && matches!(ctx.word(m.tokens.end).as_str(), "'" | "’"))
                        // "the Asia-Pacific Economic Cooperation (APEC) summit"
                        || (trigger.start > m.tokens.end + 2
                            && trigger.start <= m.tokens.end + 4
                            && ctx.word(m.tokens.end) == "("
                            && ctx.word(trigger.start - 1) == ")"))
            }) {
                push(&mut event.name, m.entity);
            } else if let Some(m) = gathering_of(ctx, &outer) {
                push(&mut event.name, m.entity);
            }
        }
    }
    if etype == EventType::Launch && event.name.is_empty() {
        // "launched the X", "X was launched", "since its launch, X ...".
        let mut j = trigger.end;
        while j < region.end
            && matches!(
                ctx.word(j).as_str(),
                "the" | "a" | "an" | "new" | "its" | "their" | "of" | "his" | "her" | "our"
            )
        {
            j += 1;
        }
        // Not an alliance or a group that only qualifies what was launched
        // ("unveil AUKUS hypersonics plan").
        let qualifier = |m: &tidings_entities::Mention| {
            let next = input.tokens.tokens().get(m.tokens.end);
            next.is_some_and(|t| t.shape == tidings_tokenize::Shape::Lower && !t.newline_before)
                && !FUNCTION_WORDS.contains(&ctx.word(m.tokens.end).as_str())
                && !matches!(
                    ctx.word(m.tokens.end).as_str(),
                    "initiative" | "programme" | "program" | "project" | "scheme"
                )
                && matches!(
                    entities.entities[m.entity].kind.as_deref(),
                    Some(
                        "alliance"
                            | "grouping"
                            | "intergovernmental"
                            | "un_body"
                            | "eu_institution"
                    )
                )
        };
        let object = outer.iter().find(|m| {
            m.tokens.start == j
                && matches!(m.etype, EntityType::Org | EntityType::Agreement)
                && !qualifier(m)
        });
        let mut b = trigger.start;
        while b > region.start
            && matches!(
                ctx.word(b - 1).as_str(),
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "been"
                    | "be"
                    | "has"
                    | "have"
                    | "had"
                    | "being"
                    | "formally"
                    | "officially"
                    | "jointly"
            )
        {
            b -= 1;
        }
        // "the Nuclear Consultative Group (NCG), which was launched last
        // year", "The FPDA, established in 1971": the name a relative
        // clause or a participle after a comma tells of.
        let before_aux = b;
        while b > region.start && matches!(ctx.word(b - 1).as_str(), "which" | "that") {
            b -= 1;
        }
        if b > region.start && ctx.word(b - 1) == "," && (b < before_aux || b == trigger.start) {
            b -= 1;
        }
        // (A name that ends with the generic noun itself: "the East Shield
        // programme, launched in May 2024".)
        let whole = (b < trigger.start)
            .then(|| {
                outer.iter().find(|m| {
                    m.tokens.end == b && matches!(m.etype, EntityType::Org | EntityType::Agreement)
                })
            })
            .flatten();
        // "The Innovations for Defence Excellence (iDEX) initiative was
        // established": the name before a generic noun and an acronym.
        if b < trigger.start && b > region.start {
            if matches!(
                ctx.word(b - 1).as_str(),
                "initiative"
                    | "programme"
                    | "program"
                    | "scheme"
                    | "project"
                    | "platform"
                    | "challenge"
                    | "fund"
                    | "mission"
                    | "centre"
                    | "center"
                    | "forum"
                    | "partnership"
                    | "pact"
                    | "alliance"
                    | "framework"
                    | "mechanism"
                    | "coalition"
                    | "group"
                    | "network"
                    | "compact"
                    | "corridor"
            ) {
                b -= 1;
            }
            if b > region.start && ctx.word(b - 1) == ")" {
                if let Some(open) = (b.saturating_sub(5).max(region.start)..b - 1)
                    .rev()
                    .find(|&j| ctx.word(j) == "(")
                {
                    b = open;
                }
            }
        }
        let subject = (b < trigger.start)
            .then(|| {
                outer.iter().find(|m| {
                    m.tokens.end == b && matches!(m.etype, EntityType::Org | EntityType::Agreement)
                })
            })
            .flatten()
            .or(whole);
        let its = trigger.start > 0 && ctx.word(trigger.start - 1) == "its";
        let later = its
            .then(|| {
                entities.mentions_in(ctx.sentence.clone()).iter().find(|m| {
                    m.tokens.start >= trigger.end
                        && m.tokens.end <= ctx.sentence.end
                        && m.etype == EntityType::Org
                        && !in_parentheses(input, m.tokens.start, ctx.sentence.start)
                })
            })
            .flatten();
        if let Some(m) = object
            .or(subject)
            .copied()
            .or(later)
            .or_else(|| anaphoric_initiative(ctx))
        {
            push(&mut event.name, m.entity);
        }
    }
    // "... in the presence of Rajnath Singh, who held talks with Y": the
    // trigger's subject is the one named right before ", who".
    let relative_subject = relative_subject(ctx, &outer);
    let appositions = appositions_after(ctx);
    // "the summit of the Community of ... States (CELAC) in Buenos Aires":
    // the gathering's name after the trigger is no distance to its place.
    let name_end = outer
        .iter()
        .filter(|m| event.name.contains(&m.entity) && m.tokens.start >= trigger.end)
        .map(|m| {
            let end = m.tokens.end;
            let close = (end..(end + 6).min(ctx.sentence.end)).find(|&k| ctx.word(k) == ")");
            match close {
                Some(c) if ctx.word(end) == "(" => c + 1,
                _ => end,
            }
        })
        .max();
    // Where "for a G20 summit" begins: before the gathering's name and
    // article.
    let purpose_start = {
        let mut j = trigger.start;
        loop {
            if let Some(m) = outer
                .iter()
                .find(|m| m.tokens.end == j && event.name.contains(&m.entity))
            {
                j = m.tokens.start;
            } else if j > region.start && matches!(ctx.word(j - 1).as_str(), "a" | "an" | "the") {
                j -= 1;
            } else {
                break j;
            }
        }
    };
    for m in &outer {
        if m.tokens.start < trigger.end && trigger.start < m.tokens.end {
            continue;
        }
        if !relative_subject.is_empty()
            && m.tokens.end <= trigger.start
            && !relative_subject.contains(&m.entity)
        {
            continue;
        }
        // "the first alliance Australia has entered into since the ANZUS
        // Treaty with the United States was signed": a clause of its own.
        if m.tokens.start >= trigger.end && since_before(ctx, trigger.end, m.tokens.start) {
            continue;
        }
        if event.name.contains(&m.entity) {
            continue;
        }
        let before = m.tokens.end <= trigger.start;
        // "the summit of CELAC in Buenos Aires, where he is expected to
        // meet Maduro": who stands before "where" is not the subject (the
        // place is where).
        if before
            && m.etype != EntityType::Place
            && (m.tokens.end..trigger.start).any(|k| ctx.word(k) == "where")
        {
            continue;
        }
        // "Putin last visited Mongolia in 2019, when the two countries
        // signed a treaty": what stands before ", when" is the other
        // clause's.
        if before
            && (m.tokens.end + 1..trigger.start)
                .any(|k| ctx.word(k) == "when" && ctx.word(k - 1) == ",")
        {
            continue;
        }
        // "in the Red Sea city of Jeddah": the place before the descriptor
        // only says where the city is; the city is read as if it stood
        // after "in the".
        if m.etype == EntityType::Place && describes_another(ctx, &outer, m) {
            continue;
        }
        let lead = described_from(ctx, &outer, m);
        let prev = lead.checked_sub(1).map(|i| ctx.word(i));
        let prev2 = lead.checked_sub(2).map(|i| ctx.word(i));
        // "off the coast of Goa", "on the outskirts of Kyiv": the place
        // of the coast or outskirts is where it happens.
        let of_the_edge = prev.as_deref() == Some("of")
            && prev2.as_deref().is_some_and(|p| {
                matches!(
                    p,
                    "coast"
                        | "coasts"
                        | "shores"
                        | "waters"
                        | "outskirts"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeast"
                        | "northwest"
                        | "southeast"
                        | "southwest"
                )
            });
        // "to discuss the war in Ukraine", "with conflicts in Sudan
        // dominating the agenda": a place of what is talked about.
        let topical =
            prev.as_deref() == Some("in") && prev2.as_deref().is_some_and(|p| TOPICS.contains(&p));
        // "36 guns built by KNDS France": the maker of what the event is
        // about, not a party to it.
        if prev.as_deref() == Some("by")
            && prev2.as_deref().is_some_and(|p| {
                matches!(
                    p,
                    "built"
                        | "made"
                        | "produced"
                        | "manufactured"
                        | "developed"
                        | "designed"
                        | "supplied"
                        | "operated"
                        | "owned"
                )
            })
        {
            continue;
        }
        let after_prep = |words: &[&str]| {
            !topical && prev.as_deref().is_some_and(|p| words.contains(&p))
                || (prev.as_deref() == Some("the")
                    && prev2.as_deref().is_some_and(|p| words.contains(&p)))
                || of_the_edge
        };
        // "visited Moscow", "visiting the Pentagon": the place visited.
        let right_after = |t: &Range<usize>| {
            m.tokens.start == t.end
                || (m.tokens.start == t.end + 1
                    && matches!(ctx.word(t.end).as_str(), "the" | "both"))
        };
        // "visited both Islamabad and New Delhi": a place joined to the one
        // visited is visited too.
        let joined_to_visited = m.tokens.start >= 2
            && matches!(ctx.word(m.tokens.start - 1).as_str(), "and" | ",")
            && outer.iter().any(|o| {
                o.tokens.end + 1 == m.tokens.start
                    && o.etype == EntityType::Place
                    && event.location.contains(&o.entity)
            });
        let visited = etype == EventType::Visit && (right_after(&trigger) || joined_to_visited);
        // "will return to Tokyo on Wednesday": going home is no visit, nor
        // where anything happens.
        let going_home = m.etype == EntityType::Place
            && prev.as_deref() == Some("to")
            && prev2.as_deref().is_some_and(|p| {
                matches!(
                    p,
                    "return" | "returns" | "returned" | "returning" | "back" | "home"
                )
            });
        if going_home {
            continue;
        }
        // "Austin will travel to Tokyo, while Blinken will visit Seoul": a
        // place right after another trigger is not this visit's
        // destination (talks held there may still take it).
        if etype == EventType::Visit
            && m.etype == EntityType::Place
            && !m.is_country
            && ctx.others.iter().any(right_after)
        {
            continue;
        }
        // "Marles said Australia had entered into ...": the speaker is no
        // actor of what the reported clause says others did; nor is one
        // who says it after ("is expected to visit Baghdad, Gremitskikh
        // said").
        if before && m.etype != EntityType::Agreement && speaker_of_other(ctx, m, &outer) {
            continue;
        }
        if !before
            && m.tokens.end < ctx.sentence.end
            && SPEECH.contains(&ctx.word(m.tokens.end).as_str())
        {
            continue;
        }
        // "Sytenko, a former deputy secretary-general of the United
        // Nations, is expected to visit": a name in an apposition to the
        // subject describes it.
        if before && in_apposition(ctx, m.tokens.start) {
            continue;
        }
        if !before
            && m.etype != EntityType::Place
            && appositions
                .iter()
                .any(|a| a.start <= m.tokens.start && m.tokens.end <= a.end)
        {
            continue;
        }
        // "in Kazan, Russia": the place the place before lies in is where
        // that one is where.
        if m.etype == EntityType::Place
            && m.tokens.start > 0
            && place_comma(ctx, m.tokens.start - 1)
        {
            let before_it = outer.iter().find(|o| o.tokens.end + 1 == m.tokens.start);
            match before_it {
                Some(o) if event.location.contains(&o.entity) => {
                    push(&mut event.location, m.entity);
                    continue;
                }
                // "Lima, Peru hosted the summit": as the place before is read.
                Some(o) if event.participants.contains(&o.entity) => continue,
                _ => {}
            }
        }
        // "in Niger's capital, Niamey", "in the Malian capital, Bamako".
        let capital = (m.etype == EntityType::Place)
            .then(|| capital_apposition(ctx, m.tokens.clone()))
            .flatten();
        match m.etype {
            EntityType::Agreement => {
                // "negotiating an ACSA and signed an MoU": an agreement
                // right after the trigger before is that one's object.
                // Not past a clause of its own ("the first alliance it has
                // entered into since the ANZUS Treaty was signed").
                let object_of_other = before
                    && ctx.others.iter().any(|o| {
                        o.end >= region.start
                            && o.end <= m.tokens.start
                            && !since_before(ctx, o.end, m.tokens.start)
                    });
                if matches!(etype, EventType::Sign | EventType::Negotiate) && !object_of_other {
                    push(&mut event.agreement, m.entity);
                }
            }
            EntityType::Place if visited => push(&mut event.location, m.entity),
            // "in Niger's capital, Niamey", "in the Malian capital,
            // Bamako": the capital named after its country is the place.
            EntityType::Place if capital == Some(true) => push(&mut event.location, m.entity),
            EntityType::Place if capital == Some(false) => {}
            // "the alliance's Wales summit", "the Camp David summit": a
            // place right before a gathering is where it is held.
            EntityType::Place if etype == EventType::Summit && m.tokens.end == trigger.start => {
                push(&mut event.location, m.entity)
            }
            // "Tokyo and Manila will hold talks": a capital as the subject
            // stands for its country; so does one a signing or talks are
            // "with" ("signed framework agreements with Seoul") and the
            // seat of a government ("the previous government in Warsaw").
            EntityType::Place
                if etype != EventType::Visit
                    && possessor.is_none()
                    && (before
                        && !after_prep(&[
                            "in", "at", "to", "near", "from", "off", "of", "across",
                        ])
                        && capital_as_subject(ctx, m)
                        || capital_of_government(ctx, m, etype)) =>
            {
                let capital = &entities.entities[m.entity];
                let country = entities.entities.iter().position(|e| {
                    e.etype == EntityType::Place
                        && capital
                            .country
                            .as_ref()
                            .is_some_and(|c| e.name == *c || e.aliases.iter().any(|a| a == c))
                });
                push(&mut event.participants, country.unwrap_or(m.entity));
            }
            EntityType::Place if !m.is_country => {
                // A gathering's place may stand further off: "leaders will
                // gather in The Hague on June 24-25 for the annual summit".
                let reach = if matches!(etype, EventType::Summit | EventType::Exercise) {
                    12
                } else {
                    8
                };
                // An apposition after the trigger's object does not count
                // ("met Adm. John Aquilino, commander of U.S. Indo-Pacific
                // Command, in Honolulu").
                // Nor does a long agreement name as the object ("signed
                // the Framework for the U.S.-India Major Defense
                // Partnership in Kuala Lumpur"): it counts as one word.
                let skipped: usize = if m.tokens.start > trigger.end {
                    appositions
                        .iter()
                        .filter(|a| a.end <= m.tokens.start)
                        .map(|a| a.len())
                        .sum::<usize>()
                        + outer
                            .iter()
                            .filter(|a| {
                                a.etype == EntityType::Agreement
                                    && a.tokens.start >= trigger.end
                                    && a.tokens.end <= m.tokens.start
                            })
                            .map(|a| a.tokens.len() - 1)
                            .sum::<usize>()
                } else {
                    0
                };
                let near = etype == EventType::Visit
                    || lead.saturating_sub(
                        name_end.filter(|&e| lead >= e).unwrap_or(trigger.end) + skipped,
                    ) <= reach
                        && trigger.start.saturating_sub(m.tokens.end) <= reach;
                // Before the trigger, "to" and "from" tell where someone
                // travelled, not where this happened ("arrived on his first
                // trip to Asia, and met Marcos at the palace"), unless the
                // trip was for it ("travels to Tokyo for talks").
                let purpose = purpose_start > 0
                    && matches!(ctx.word(purpose_start - 1).as_str(), "for" | "to");
                let preps: &[&str] = if before && etype != EventType::Visit && !purpose {
                    &["in", "at", "near", "off"]
                } else if etype == EventType::Visit {
                    // "From Hanoi, Xi will fly to Kuala Lumpur": where a
                    // trip starts is not where it goes.
                    &["in", "at", "to", "near", "off"]
                } else {
                    &["in", "at", "to", "near", "from", "off"]
                };
                if near && after_prep(preps) {
                    push(&mut event.location, m.entity);
                }
            }
            EntityType::Place if !before && after_prep(&["in", "to", "off", "around"]) => {
                if matches!(
                    etype,
                    EventType::Visit | EventType::Summit | EventType::Exercise | EventType::Meet
                ) {
                    // "in the Ethiopian capital": the capital, when the text
                    // names it.
                    let capital = (ctx.word(m.tokens.end) == "capital")
                        .then(|| capital_of(entities, m.entity))
                        .flatten();
                    push(&mut event.location, capital.unwrap_or(m.entity));
                }
            }
            // "in India", "to the US": a place, not an actor.
            EntityType::Place
                if after_prep(&["in", "to", "at", "from", "near", "across", "off"]) => {}
            // "at the Defense Innovation Unit headquarters", "talks at the
            // UN": a body after "at" is the venue.
            EntityType::Org if after_prep(&["at"]) => {}
            // "after visiting Lumut Naval Shipyard": the body visited is
            // where the visit goes (its works), not a visitor.
            EntityType::Org if etype == EventType::Visit && right_after(&trigger) => {
                push(&mut event.location, m.entity);
            }
            EntityType::Person | EntityType::Place | EntityType::Org => {
                if possessor.is_none() && participant_position(ctx, m.tokens.clone(), before) {
                    push(&mut event.participants, m.entity);
                }
            }
            EntityType::System => {}
        }
    }
    if let Some(p) = possessor {
        event.participants.insert(0, p);
        event.participants.dedup();
    }
    // "Xi will fly to Kuala Lumpur, where he will meet Anwar, before
    // travelling to Phnom Penh": who travels is the clause's subject, not
    // whoever is named last before the trigger.
    if let Some(s) = gerund_subject(ctx) {
        let named_before = |p: &usize| {
            entities.entities[*p].mentions.iter().any(|&i| {
                let m = &entities.mentions[i];
                m.tokens.end <= trigger.start && m.tokens.start >= region.start
            })
        };
        event.participants.retain(|p| *p == s || !named_before(p));
        if !event.participants.contains(&s) {
            event.participants.insert(0, s);
        }
    }
    if matches!(etype, EventType::Sign | EventType::Negotiate) && event.agreement.is_empty() {
        if let Some(m) = anaphoric_agreement(ctx) {
            push(&mut event.agreement, m.entity);
        }
    }
    // "bought jets from Turkish Aerospace during a visit by President
    // Erdogan": the visitor is the one after "by", not whoever stands
    // before.
    if matches!(etype, EventType::Visit | EventType::Meet)
        && trigger.end < region.end
        && ctx.word(trigger.end) == "by"
    {
        let named_after = |p: &usize| {
            entities.entities[*p].mentions.iter().any(|&i| {
                let m = &entities.mentions[i];
                m.tokens.start > trigger.end && m.tokens.end <= region.end
            })
        };
        if event.participants.iter().any(named_after) {
            event.participants.retain(named_after);
        }
    }
    // "X is in India ... and met Y", "X will visit Washington to meet Y",
    // "X will travel to Washington for talks with Y":
    // the subject of the first verb.
    let has_subject = |event: &Event| {
        event.participants.iter().any(|&p| {
            entities.entities[p].mentions.iter().any(|&m| {
                entities.mentions[m].tokens.end <= trigger.start
                    && entities.mentions[m].tokens.start >= region.start
            })
        })
    };
    // "visited Berlin and agreed with the German chancellor, Olaf Scholz,
    // to negotiate": one named after "with" is no subject.
    let with_at = (region.start..trigger.start).find(|&i| ctx.word(i) == "with");
    let subject_found = event.participants.iter().any(|&p| {
        entities.entities[p].mentions.iter().any(|&m| {
            let m = &entities.mentions[m];
            m.tokens.end <= trigger.start
                && m.tokens.start >= region.start
                && with_at.is_none_or(|w| m.tokens.start < w)
        })
    });
    if !subject_found
        && region.start > ctx.clause.start
        && region.start < trigger.start
        && matches!(ctx.word(trigger.start - 1).as_str(), "and" | "to" | "for")
    {
        // The nearest earlier event of the sentence with a person acting
        // ("arrived in Manila on his first trip to Asia, and met ..."), else
        // the nearest with anyone acting ("Japan and the Philippines are
        // negotiating an ACSA and signed an MoU in February").
        let is_person = |p: &usize| entities.entities[*p].etype == EntityType::Person;
        let same = |e: &&Event| e.sentence == event.sentence;
        let prev = earlier
            .iter()
            .rev()
            .filter(same)
            .find(|e| e.participants.iter().any(is_person))
            .or_else(|| {
                earlier
                    .iter()
                    .rev()
                    .filter(same)
                    .find(|e| !e.participants.is_empty())
            });
        if let Some(prev) = prev {
            let people = prev.participants_where(|p| is_person(&p));
            let subjects = if people.is_empty() {
                prev.participants.clone()
            } else {
                people
            };
            for p in subjects.into_iter().rev() {
                if !event.participants.contains(&p) {
                    event.participants.insert(0, p);
                }
            }
        }
    }
    // "He later spoke by phone with ...": the person the pronoun stands
    // for is the subject.
    let pronoun = pronoun_subject(ctx);
    if !has_subject(event) || pronoun.is_some_and(|p| coordinated_pronoun(ctx, p)) {
        if let Some(p) = pronoun.and_then(|p| antecedent(ctx, p)) {
            if !event.participants.contains(&p) {
                event.participants.insert(0, p);
            }
        }
    }
    // "Shin, Austin and Kihara inked the memorandum during their trilateral
    // meeting": "their" stands for the people named before it.
    if !has_subject(event) {
        for p in their_antecedents(ctx) {
            push(&mut event.participants, p);
        }
    }
    // "Li Shangfu, who visited Moscow in April, held talks with ...": the
    // subject stands before the relative clause.
    if let Some(open) = relative_clause_before(ctx) {
        if let Some(m) = entities.mentions_in(ctx.clause.clone()).iter().find(|m| {
            m.tokens.end == open
                && (m.etype == EntityType::Person || m.etype == EntityType::Org || m.is_country)
        }) {
            if !event.participants.contains(&m.entity) {
                event.participants.insert(0, m.entity);
            }
        }
    }
    // "both sides", "the two countries", "both the leaders" as the subject
    // ("The two navies will hold the exercise with the US": them and the
    // US); a gathering's participants are not whoever praises it.
    // Right before the trigger, such a phrase is the subject whoever is
    // named before it ("for talks with Marles, the first since the two
    // countries signed the RAA").
    let sides_right_before = sides_phrase_right_before(ctx);
    if (!has_subject(event) || sides_right_before.is_some()) && etype != EventType::Summit {
        if let Some(pair) = both_sides(ctx, earlier) {
            if let Some(phrase) = sides_right_before {
                let named_before = |p: &usize| {
                    entities.entities[*p].mentions.iter().any(|&i| {
                        let m = &entities.mentions[i];
                        m.tokens.end <= phrase && m.tokens.start >= region.start
                    })
                };
                event.participants.retain(|p| !named_before(p));
            }
            for p in pair {
                push(&mut event.participants, p);
            }
        }
    }
    // "The two companies signed a memorandum": the last two companies
    // named.
    if !has_subject(event) {
        for p in two_companies(ctx) {
            push(&mut event.participants, p);
        }
    }
    // "The three neighbours first formed the AES", "The allies held the
    // first Freedom Edge exercise": the countries of the last event with
    // that many.
    if !has_subject(event) && etype != EventType::Summit {
        for p in several_sides(ctx, earlier) {
            push(&mut event.participants, p);
        }
    }
    // "The DCA builds on the Agreement between ... (the Lombok Treaty),
    // signed in 2006, and elevates ...": a participle after a comma tells
    // of the agreement right before it, not of the clause's others.
    if etype == EventType::Sign {
        if let Some(a) = agreement_before_participle(ctx) {
            event.agreement = vec![a];
        }
    }
    // "the Agreement between Australia and the Republic of Indonesia on
    // ...": the countries a signed agreement's name is between sign it.
    if etype == EventType::Sign && event.participants.is_empty() {
        let agreements = event.agreement.clone();
        for am in agreements
            .iter()
            .flat_map(|&a| &entities.entities[a].mentions)
        {
            let t = entities.mentions[*am].tokens.clone();
            let Some(between) = (t.start..t.end).find(|&i| ctx.word(i) == "between") else {
                continue;
            };
            for m in entities.mentions_in(between..t.end) {
                if m.is_country && m.tokens.end <= t.end {
                    push(&mut event.participants, m.entity);
                }
            }
            // A listed name holds its countries as the lists' losers: they
            // sign as the countries the text names elsewhere.
            let gaz = input.gazetteer;
            for g in &input.matches.shadowed {
                if g.tokens.start < between
                    || g.tokens.end > t.end
                    || gaz.entry(g.entry).attr("kind") != Some("country")
                {
                    continue;
                }
                if let Some(c) = entities
                    .entities
                    .iter()
                    .position(|e| e.etype == EntityType::Place && e.entries.contains(&g.entry))
                {
                    push(&mut event.participants, c);
                }
            }
        }
    }
}

/// Of "in Niger's capital, Niamey" or "in the Malian capital, Bamako":
/// `Some(true)` for the capital's name (the place something happens),
/// `Some(false)` for the country before "'s capital" (not the place);
/// `None` for a place in no such phrase.
fn capital_apposition(ctx: &Context<'_, '_>, m: Range<usize>) -> Option<bool> {
    let word = |i: usize| (i < ctx.sentence.end).then(|| ctx.word(i));
    let at = |i: usize| {
        (i.saturating_sub(4).max(ctx.sentence.start)..i)
            .any(|j| matches!(ctx.word(j).as_str(), "in" | "at" | "to"))
    };
    // The country: "X's capital, Y".
    if matches!(word(m.end).as_deref(), Some("'s" | "’s"))
        && word(m.end + 1).as_deref() == Some("capital")
        && m.start > 0
        && at(m.start)
    {
        return Some(false);
    }
    // The capital: "capital, Y" or "capital Y".
    let mut k = m.start;
    if k > ctx.sentence.start && ctx.word(k - 1) == "," {
        k -= 1;
    }
    (k > ctx.sentence.start && ctx.word(k - 1) == "capital" && at(k - 1)).then_some(true)
}

/// The agreement that a signing participle after a comma follows
/// ("the Lombok Treaty, signed in 2006"; "the Agreement ... (the Lombok
/// Treaty), signed in 2006"), if the trigger is such a participle.
fn agreement_before_participle(ctx: &Context<'_, '_>) -> Option<usize> {
    let t = ctx.trigger.start;
    if t < 2 || ctx.word(t - 1) != "," || !ctx.word(t).ends_with("ed") {
        return None;
    }
    let mut end = t - 1;
    if ctx.word(end - 1) == ")" {
        end = (end.saturating_sub(12).max(ctx.sentence.start)..end - 1)
            .rev()
            .find(|&j| ctx.word(j) == "(")?;
    }
    ctx.entities
        .mentions_in(ctx.sentence.start..end)
        .iter()
        .find(|m| m.tokens.end == end && m.etype == EntityType::Agreement)
        .map(|m| m.entity)
}

/// Verbs that report speech: what follows them is another clause.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "noted",
    "announced",
    "confirmed",
    "claimed",
    "insisted",
    "argued",
    "warned",
    "stressed",
    "explained",
    "wrote",
    "tweeted",
    "posted",
    "reported",
    "reports",
    "quoted",
];

/// Whether mention `m`, before the trigger, is the speaker of a reported
/// clause that names its own subject before the trigger ("Marles said
/// Australia had entered into ..."). Not when the clause's subject is a
/// pronoun ("India said it would sign") or unnamed ("Jaishankar said after
/// talks with Wang Yi"): then the speaker acts.
fn speaker_of_other(
    ctx: &Context<'_, '_>,
    m: &tidings_entities::Mention,
    outer: &[&tidings_entities::Mention],
) -> bool {
    let trigger = ctx.trigger.start;
    let Some(k) = (m.tokens.end..trigger).find(|&k| SPEECH.contains(&ctx.word(k).as_str())) else {
        return false;
    };
    let mut j = k + 1;
    while j < trigger && matches!(ctx.word(j).as_str(), "that" | "on" | "," | "in" | "a") {
        j += 1;
    }
    if j < trigger && matches!(ctx.word(j).as_str(), "it" | "they" | "he" | "she" | "we") {
        return false;
    }
    outer.iter().any(|o| {
        o.tokens.start > k
            && o.tokens.end <= trigger
            && matches!(
                o.etype,
                EntityType::Person | EntityType::Org | EntityType::Place
            )
    })
}

/// The token of "he" or "she" as the subject of the trigger ("He later
/// spoke with ...", "where she met ..."), or of "his" or "her" right before
/// it ("during his visit"), with no name between it and the trigger.
fn pronoun_subject(ctx: &Context<'_, '_>) -> Option<usize> {
    let trigger = ctx.trigger.start;
    let from = ctx.region.start.max(ctx.clause.start);
    let p = (from..trigger).rev().find(|&i| {
        let w = ctx.word(i);
        matches!(w.as_str(), "he" | "she")
            || matches!(w.as_str(), "his" | "her")
                && (i + 1..trigger).all(|j| TRIP_WORDS.contains(&ctx.word(j).as_str()))
    })?;
    let named_between = ctx
        .entities
        .mentions_in(p + 1..trigger)
        .iter()
        .any(|m| m.tokens.end <= trigger);
    (!named_between || coordinated_pronoun(ctx, p)).then_some(p)
}

/// The subject of the clause when the trigger is a gerund after "before",
/// "after", "while" or "then" ("X met Y on Monday before travelling to
/// Z"): the clause's first person, unless a pronoun stands before it.
fn gerund_subject(ctx: &Context<'_, '_>) -> Option<usize> {
    let t = ctx.trigger.start;
    if t <= ctx.clause.start || !ctx.word(t).ends_with("ing") {
        return None;
    }
    let j = t - 1;
    if !matches!(ctx.word(j).as_str(), "before" | "after" | "while" | "then") {
        return None;
    }
    let first = ctx
        .entities
        .mentions_in(ctx.clause.start..j)
        .iter()
        .find(|m| m.etype == EntityType::Person && m.tokens.end <= j)?;
    let pronoun_first = (ctx.clause.start..first.tokens.start)
        .any(|i| matches!(ctx.word(i).as_str(), "he" | "she"));
    (!pronoun_first).then_some(first.entity)
}

/// The people that a "their" right before the trigger stands for ("during
/// their trilateral ministerial meeting"): those named in the sentence
/// before it, outside titles and other names; none when the sentence names
/// fewer than two.
fn their_antecedents(ctx: &Context<'_, '_>) -> Vec<usize> {
    let mut j = ctx.trigger.start;
    while j > ctx.sentence.start
        && (TRIP_WORDS.contains(&ctx.word(j - 1).as_str())
            || matches!(
                ctx.word(j - 1).as_str(),
                "bilateral" | "trilateral" | "ministerial" | "annual" | "regular" | "joint"
            ))
    {
        j -= 1;
    }
    if j == ctx.sentence.start || ctx.word(j - 1) != "their" {
        return Vec::new();
    }
    let before = ctx.sentence.start..j - 1;
    let mentions = ctx.entities.mentions_in(before.clone());
    let attributes = attribute_spans(ctx.entities, before.clone());
    let mut people: Vec<usize> = Vec::new();
    for m in mentions {
        let inside = attributes.iter().any(|s| s.contains(m.span))
            || mentions
                .iter()
                .any(|o| o.span != m.span && o.span.contains(m.span));
        if m.etype == EntityType::Person && m.tokens.end <= before.end && !inside {
            push(&mut people, m.entity);
        }
    }
    if people.len() < 2 {
        people.clear();
    }
    people
}

/// Whether the pronoun at token `p` heads a subject with a name after
/// "and": "He and Palestinian leader Yasser Arafat meet ...".
fn coordinated_pronoun(ctx: &Context<'_, '_>, p: usize) -> bool {
    matches!(ctx.word(p).as_str(), "he" | "she")
        && p + 1 < ctx.trigger.start
        && ctx.word(p + 1) == "and"
}

/// The title and country-word spans of the mentions that start among
/// `tokens` ("US Secretary for Defence" of Lloyd Austin): names inside
/// them are attributes, not actors. A mention's attributes lie in its
/// sentence, so a sentence's mentions are enough.
fn attribute_spans(entities: &Entities, tokens: Range<usize>) -> Vec<Span> {
    entities
        .mentions_in(tokens)
        .iter()
        .flat_map(|m| m.countries.iter().chain(&m.titles).copied())
        .collect()
}

/// Words between a possessive and a visit or meeting ("his first official
/// visit", "her two-day trip").
const TRIP_WORDS: &[&str] = &[
    "state", "official", "maiden", "first", "second", "third", "recent", "latest", "day", "-",
    "two", "three", "four", "five", "brief", "surprise", "planned", "upcoming",
];

/// The person that "the Russian leader" ending right before token `end`
/// stands for: the last person named before it in the text who acts for
/// that country ("signed by Putin and Kim during the Russian leader's
/// visit").
fn leader_of(ctx: &Context<'_, '_>, end: usize) -> Option<usize> {
    const LEADERS: &[&str] = &[
        "leader",
        "president",
        "premier",
        "minister",
        "chancellor",
        "king",
        "monarch",
        "emperor",
        "ruler",
        "envoy",
        "diplomat",
    ];
    if end < 2 || !LEADERS.contains(&ctx.word(end - 1).as_str()) {
        return None;
    }
    let entities = ctx.entities;
    let from = end.saturating_sub(4);
    let country = entities
        .mentions_in(from..end - 1)
        .iter()
        .rev()
        .find(|m| m.kind == MentionKind::Demonym && m.tokens.end >= end - 2)?;
    let name = &entities.entities[country.entity].name;
    let mut people = entities.mentions.iter().filter(|m| {
        m.tokens.end <= from
            && m.etype == EntityType::Person
            && entities.entities[m.entity].country.as_ref() == Some(name)
    });
    people.next_back().map(|m| m.entity)
}

/// The person a pronoun at token `p` stands for: the first person named
/// in its sentence before it, else the first named in the nearest of the
/// three sentences before that names one (news names a person, then goes
/// on with "he"). Not one named in a title or inside another name.
fn antecedent(ctx: &Context<'_, '_>, p: usize) -> Option<usize> {
    let (input, entities) = (ctx.input, ctx.entities);
    let first_person = |tokens: Range<usize>| {
        let mentions = entities.mentions_in(tokens.clone());
        let attribute_spans = attribute_spans(entities, tokens.clone());
        // Not one named in quoted speech ('"I was briefed by ... Ozgur
        // Guleryuz," he said').
        let sentence = input.tokens.sentence_of(tokens.start);
        let quoted: Vec<Range<usize>> =
            quotations(input, input.tokens.sentences()[sentence].tokens.clone())
                .into_iter()
                .filter(|q| q.len() >= 7)
                .collect();
        mentions
            .iter()
            .filter(|m| m.tokens.end <= tokens.end && m.etype == EntityType::Person)
            .filter(|m| {
                !quoted
                    .iter()
                    .any(|q| q.start < m.tokens.start && m.tokens.end <= q.end)
            })
            .find(|m| {
                !attribute_spans.iter().any(|s| s.contains(m.span))
                    && !mentions
                        .iter()
                        .any(|o| o.span != m.span && o.span.contains(m.span))
            })
            .map(|m| m.entity)
    };
    if let Some(e) = first_person(ctx.sentence.start..p) {
        return Some(e);
    }
    let sentences = input.tokens.sentences();
    let here = input.tokens.sentence_of(ctx.sentence.start);
    (here.saturating_sub(3)..here).rev().find_map(|s| {
        let tokens = input.tokens.tokens_in(sentences[s].span);
        first_person(tokens)
    })
}

/// Whether the place mention `m` is a capital standing as a subject: it
/// heads the clause or follows "and" or a comma, and "and" or a word in
/// lower case follows ("Tokyo and Manila will ...",
/// "Washington has urged ..."), not the comma or parenthesis of a dateline.
fn capital_as_subject(ctx: &Context<'_, '_>, m: &tidings_entities::Mention) -> bool {
    let capital = ctx.entities.entities[m.entity].kind.as_deref() == Some("capital");
    // At the head of the clause or joined to another subject, not the
    // object of a verb ("will visit Washington next month").
    // (Or of a clause of "after" that `region_of` cut off: "two years
    // after Manila signed".)
    let opens = |i: usize| {
        i == ctx.region.start
            && i > 0
            && matches!(
                ctx.word(i - 1).as_str(),
                "after" | "before" | "since" | "until" | "when"
            )
    };
    let heads = m.tokens.start <= ctx.clause.start
        || opens(m.tokens.start)
        || matches!(
            ctx.word(m.tokens.start - 1).as_str(),
            "and" | "," | "both" | "\"" | "“"
        );
    let next = ctx.input.tokens.tokens().get(m.tokens.end);
    capital
        && heads
        && next.is_some_and(|t| {
            t.shape == tidings_tokenize::Shape::Lower && !t.newline_before
                || matches!(ctx.word(m.tokens.end).as_str(), "and" | "'s" | "’s")
        })
}

/// Whether the place mention `m` is a capital that stands for its
/// government: right after "with" past a signing, negotiation or meeting
/// ("signed framework agreements with Seoul"), or after "government in"
/// ("the previous government in Warsaw signed").
fn capital_of_government(
    ctx: &Context<'_, '_>,
    m: &tidings_entities::Mention,
    etype: EventType,
) -> bool {
    let capital = ctx.entities.entities[m.entity].kind.as_deref() == Some("capital");
    let at = m.tokens.start;
    let with = at > ctx.trigger.end
        && matches!(
            etype,
            EventType::Sign | EventType::Negotiate | EventType::Meet
        )
        && ctx.word(at - 1) == "with"
        // Not "..., with Ankara expected to host": no comma between.
        && (ctx.trigger.end..at).all(|i| ctx.word(i) != ",");
    let seat = at >= 2
        && at <= ctx.trigger.start
        && ctx.word(at - 1) == "in"
        && matches!(
            ctx.word(at - 2).as_str(),
            "government" | "authorities" | "administration" | "leadership" | "regime"
        );
    capital && (with || seat)
}

/// The comma that opens a relative or participial clause closing right
/// before the trigger: "Li Shangfu, who visited Moscow in April, held
/// talks", "The HLSCC, set up in 2009, last met".
fn relative_clause_before(ctx: &Context<'_, '_>) -> Option<usize> {
    // (Auxiliaries and adverbs may stand after the clause: "The HLSCC, set
    // up in 2009 as the apex forum, last met in Islamabad".)
    let mut t = ctx.trigger.start;
    while t > ctx.clause.start && SUBJECT_GAP.contains(&ctx.word(t - 1).as_str()) {
        t -= 1;
    }
    if t < 2 || ctx.word(t - 1) != "," {
        return None;
    }
    (ctx.clause.start.max(t.saturating_sub(30))..t - 1)
        .rev()
        .find(|&j| ctx.word(j) == ",")
        .filter(|&j| {
            relative_pronoun(&ctx.word(j + 1))
                || matches!(
                    ctx.word(j + 1).as_str(),
                    "set" | "established" | "founded" | "formed" | "created" | "launched"
                )
        })
}

/// The entities of the person right before ", who" when the trigger opens
/// such a relative clause ("X, who will also hold talks with Y"), and of
/// one joined to it by "and"; empty when there is none.
fn relative_subject(ctx: &Context<'_, '_>, outer: &[&tidings_entities::Mention]) -> Vec<usize> {
    let mut j = ctx.trigger.start;
    while j > ctx.clause.start && SUBJECT_GAP.contains(&ctx.word(j - 1).as_str()) {
        j -= 1;
    }
    if j < ctx.clause.start + 2 || ctx.word(j - 1) != "who" || ctx.word(j - 2) != "," {
        return Vec::new();
    }
    let person_ending = |end: usize| {
        outer
            .iter()
            .find(|m| m.tokens.end == end && m.etype == EntityType::Person)
    };
    let Some(last) = person_ending(j - 2) else {
        return Vec::new();
    };
    // "in the presence of Erdogan and Indonesian President Prabowo
    // Subianto, who held talks": both. The name's phrase begins with its
    // title or country word.
    let phrase_start = last
        .titles
        .iter()
        .chain(&last.countries)
        .map(|s| s.start)
        .fold(last.span.start, usize::min);
    let first_of_last = ctx
        .input
        .tokens
        .tokens_in(Span::new(phrase_start, last.span.end))
        .start;
    let mut found = vec![last.entity];
    if first_of_last > 0 && ctx.word(first_of_last - 1) == "and" {
        if let Some(m) = person_ending(first_of_last - 1) {
            found.insert(0, m.entity);
        }
    }
    found
}

/// "This initiative was introduced ...": the initiative named last before
/// the sentence.
fn anaphoric_initiative<'e>(ctx: &Context<'e, '_>) -> Option<&'e tidings_entities::Mention> {
    let t = ctx.trigger.start;
    let words: Vec<String> = (ctx.region.start..t).map(|i| ctx.word(i)).collect();
    let anaphor = words.windows(2).any(|w| {
        matches!(w[0].as_str(), "this" | "the")
            && matches!(
                w[1].as_str(),
                "initiative" | "programme" | "program" | "scheme" | "project" | "framework"
            )
    });
    if !anaphor {
        return None;
    }
    let entities = ctx.entities;
    entities.mentions.iter().rev().find(|m| {
        m.tokens.end <= ctx.sentence.start
            && m.etype == EntityType::Org
            && entities.entities[m.entity].kind.as_deref() == Some("initiative")
    })
}

/// "The treaty, signed in Prague in 2010, ...", "signed the pact": the
/// agreement named last in the three sentences before, when the trigger's
/// clause speaks of "the/this treaty" and names none.
fn anaphoric_agreement<'e>(ctx: &Context<'e, '_>) -> Option<&'e tidings_entities::Mention> {
    let (start, end) = (ctx.clause.start, ctx.clause.end.min(ctx.trigger.end + 8));
    let words: Vec<String> = (start..end).map(|i| ctx.word(i)).collect();
    // "the treaty", "the 10-year agreement", "this landmark pact".
    let noun = |w: &str| {
        matches!(
            w,
            "treaty" | "agreement" | "pact" | "accord" | "deal" | "memorandum" | "arrangement"
        )
    };
    let toks = ctx.input.tokens.tokens();
    // Only words that tell nothing of what sort of paper it is ("the
    // framework agreement" after a contract is another paper).
    let modifier = |k: usize| {
        toks[start + k].shape == tidings_tokenize::Shape::Digit
            || matches!(
                words[k].as_str(),
                "-" | "year"
                    | "month"
                    | "landmark"
                    | "historic"
                    | "new"
                    | "latest"
                    | "same"
                    | "$"
                    | "€"
                    | "£"
                    | "million"
                    | "billion"
                    | "roughly"
                    | "about"
                    | "nearly"
                    | "some"
            )
    };
    let anaphor = (0..words.len()).any(|i| {
        matches!(words[i].as_str(), "this" | "the" | "that")
            && (i + 1..words.len().min(i + 6))
                .take_while(|&k| noun(&words[k]) || modifier(k))
                .any(|k| noun(&words[k]))
    });
    let entities = ctx.entities;
    let named_here = entities
        .mentions_in(ctx.sentence.clone())
        .iter()
        .any(|m| m.etype == EntityType::Agreement);
    if !anaphor || named_here {
        return None;
    }
    let sentences = ctx.input.tokens.sentences();
    let here = ctx.input.tokens.sentence_of(ctx.sentence.start);
    let from = sentences[here.saturating_sub(3)].tokens.start;
    entities.mentions.iter().rev().find(|m| {
        m.tokens.end <= ctx.sentence.start
            && m.tokens.start >= from
            && m.etype == EntityType::Agreement
    })
}

/// People act; the countries named beside them are their affiliations.
/// To an agreement, a country that none of them acts for is a party of its
/// own, when all of them are known to act for one ("Starmer signed a
/// partnership agreement with Ukraine").
fn people_over_places(entities: &Entities, event: &mut Event) {
    let ents = &entities.entities;
    let people = event.participants_where(|p| ents[p].etype == EntityType::Person);
    if people.is_empty() {
        return;
    }
    let theirs: Vec<&str> = people
        .iter()
        .filter_map(|&p| ents[p].country.as_deref())
        .collect();
    let all_known = theirs.len() == people.len()
        && matches!(event.etype, EventType::Sign | EventType::Negotiate);
    event.participants.retain(|&p| {
        ents[p].etype != EntityType::Place || all_known && !theirs.contains(&ents[p].name.as_str())
    });
}

/// Whether a mention at `m` stands where a participant does: before the
/// trigger in its region, or after it behind "with", "by", "between",
/// "and" and the like (other names and titles between do not count).
/// Whether the trigger is a passive participle ("was signed", "had been
/// signed").
fn passive_trigger(ctx: &Context<'_, '_>) -> bool {
    let t = ctx.trigger.start;
    t > ctx.sentence.start
        && matches!(
            ctx.word(t - 1).as_str(),
            "was" | "were" | "been" | "be" | "is" | "are" | "being"
        )
}

/// Whether the trigger is "the signing" (or "this", "that", "Tuesday's"
/// signing), not after "for" (the trip made for it) or "attended" (those
/// who attend a signing take part in it: "Hanwha Aerospace CEO Son Jae-il
/// attended the signing ceremony").
fn definite_signing(ctx: &Context<'_, '_>) -> bool {
    let t = ctx.trigger.start;
    t > ctx.sentence.start + 1
        && matches!(ctx.word(t).as_str(), "signing" | "signings")
        && matches!(
            ctx.word(t - 1).as_str(),
            "the" | "this" | "that" | "'s" | "’s"
        )
        && !matches!(
            ctx.word(t - 2).as_str(),
            "for" | "attended" | "attend" | "attends" | "attending"
        )
}

fn participant_position(ctx: &Context<'_, '_>, m: Range<usize>, before: bool) -> bool {
    if before {
        // "Marcos witnessed the signing", "Before the signing, Kamikawa and
        // Kihara held talks", "Stanley called Tuesday's signing a signal":
        // the signing named as a thing has its signers after it ("the
        // signing of the pact by ..."), not in the clause around it; but
        // for the trip made for it ("welcomed Prabowo to Canberra for the
        // signing of the DCA").
        if definite_signing(ctx) {
            return false;
        }
        let t = ctx.trigger.start;
        // "X said 23 contracts had been signed": the speaker of a passive
        // report is not its agent.
        if passive_trigger(ctx)
            && (m.end..t).any(|i| {
                matches!(
                    ctx.word(i).as_str(),
                    "said" | "says" | "told" | "added" | "announced" | "stated" | "noted"
                )
            })
        {
            return false;
        }
        return true;
    }
    // ("Before the signing, Kamikawa and Kihara held talks": the phrase
    // ends at the comma.)
    if definite_signing(ctx) && ctx.word(ctx.trigger.end) == "," {
        return false;
    }
    // "with Defense Minister Wellington Koo present", "with Modi looking
    // on", "in attendance": a witness, not a party.
    let next = |k: usize| (k < ctx.sentence.end).then(|| ctx.word(k));
    // (past a parenthesis after the name: "Wellington Koo (顧立雄) present")
    let mut after = m.end;
    if next(after).as_deref() == Some("(") {
        if let Some(close) =
            (after + 1..(after + 8).min(ctx.sentence.end)).find(|&k| ctx.word(k) == ")")
        {
            after = close + 1;
        }
    }
    if matches!(next(after).as_deref(), Some("present" | "attending"))
        || matches!(
            (next(after).as_deref(), next(after + 1).as_deref()),
            (Some("looking"), Some("on")) | (Some("in"), Some("attendance"))
        )
    {
        return false;
    }
    // A date between does not count either ("meet separately Monday with").
    let toks = ctx.input.tokens.tokens();
    let timexes = ctx.input.timexes;
    let in_date = |i: usize| {
        let span = toks[i].span;
        let k = timexes.partition_point(|t| t.span.end <= span.start);
        timexes.get(k).is_some_and(|t| t.span.contains(span))
    };
    let gap: Vec<String> = (ctx.trigger.end..m.start)
        .filter(|&i| !skippable(ctx, i) && !in_date(i))
        .map(|i| ctx.word(i))
        .collect();
    let words = |w: &String| GAP_WORDS.contains(&w.as_str());
    // Or an agreement the trigger's object, and "with" the other party:
    // "signed a similar agreement with Australia".
    // ("... with his then Egyptian counterpart, General Mohamed Zaki")
    let object_then_with = gap.iter().position(|w| w == "with").is_some_and(|with| {
        with <= 8
            && gap[..with]
                .iter()
                .any(|w| AGREEMENT_NOUNS.contains(&w.as_str()))
            && gap[with..].iter().all(words)
    });
    // Or the agent of a passive trigger, whatever place or object stands
    // between: "was signed at the ministry in Taipei by Lin and Ramirez"
    // (after its first "by": not "in a ceremony witnessed by Marcos").
    let agent = passive_trigger(ctx)
        && gap.iter().position(|w| w == "by").is_some_and(|by| {
            by <= 10
                && gap[by..].iter().all(words)
                && !gap[..by].iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "said" | "says" | "which" | "who" | "that" | "while"
                    )
                })
        });
    gap.len() <= 12 && gap.iter().all(words) || object_then_with || agent
}

/// Prepositions, conjunctions and auxiliaries: a lower-case word after a
/// name or date that is one of these does not make it a modifier of a
/// noun ("the AES as a pact", "the April 22 attack" but not "April 22 in").
const FUNCTION_WORDS: &[&str] = &[
    "in", "on", "at", "to", "for", "with", "by", "of", "from", "and", "or", "as", "when", "after",
    "before", "that", "which", "was", "were", "is", "are", "will", "has", "had", "have",
];

/// The nouns of agreements that a signing or a negotiation takes as its
/// object.
const AGREEMENT_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "pact",
    "pacts",
    "deal",
    "deals",
    "accord",
    "accords",
    "treaty",
    "treaties",
    "memorandum",
    "memoranda",
    "mou",
    "mous",
    "arrangement",
    "arrangements",
    "contract",
    "contracts",
    "protocol",
    "understanding",
    // Instruments by their usual initials: "signed an IGA with France".
    "iga",
    "moa",
    "loa",
    "loi",
    "sofa",
];

fn phrase_in(words: &[String], phrases: &[&[&str]]) -> bool {
    phrases.iter().any(|p| {
        words
            .windows(p.len())
            .any(|w| w.iter().zip(p.iter()).all(|(a, b)| a == b))
    })
}

/// Where a phrase for two countries ("the two countries", "both sides")
/// starts, when it stands right before the trigger (but for auxiliaries
/// and adverbs): the subject of the trigger.
fn sides_phrase_right_before(ctx: &Context<'_, '_>) -> Option<usize> {
    let mut end = ctx.trigger.start;
    while end > ctx.clause.start && SUBJECT_GAP.contains(&ctx.word(end - 1).as_str()) {
        end -= 1;
    }
    let words: Vec<String> = (ctx.clause.start..end).map(|i| ctx.word(i)).collect();
    BOTH_SIDES
        .iter()
        .find(|p| words.ends_with(&p.iter().map(|w| w.to_string()).collect::<Vec<_>>()))
        .map(|p| end - p.len())
}

/// What "both sides" (the two countries last named) or "both the leaders"
/// (the two people of the last event with two people) stand for.
fn both_sides(ctx: &Context<'_, '_>, earlier: &[Event]) -> Option<[usize; 2]> {
    // Only as the subject: before the trigger.
    let words: Vec<String> = (ctx.clause.start..ctx.trigger.start)
        .map(|i| ctx.word(i))
        .collect();
    // "The two met earlier this year": the two people last named.
    let the_two = words.len() >= 2 && words[words.len() - 2..] == ["the", "two"];
    let people = the_two || phrase_in(&words, BOTH_LEADERS);
    if !people && !phrase_in(&words, BOTH_SIDES) {
        return None;
    }
    let entities = ctx.entities;
    let is_person = |e: usize| entities.entities[e].etype == EntityType::Person;
    let is_side = |e: usize| {
        let ent = &entities.entities[e];
        ent.mentions
            .iter()
            .any(|&m| entities.mentions[m].is_country)
            || ent.etype == EntityType::Org
                && matches!(
                    ent.kind.as_deref(),
                    Some("intergovernmental" | "alliance" | "grouping")
                )
    };
    // The two of an event with two of them in this sentence or the one
    // before ("Singh held a meeting with Marles ... The two ministers
    // discussed ..."; "China and Russia began joint naval exercises ...
    // The two navies also held joint patrols"), else of the first such
    // event: the article's principals.
    let two_of = |is: &dyn Fn(usize) -> bool, or_first: bool| {
        let pair = |e: &&Event| e.participants.iter().filter(|&&p| is(p)).count() == 2;
        let sentences = ctx.input.tokens.sentences();
        let this = sentences.partition_point(|s| s.tokens.end <= ctx.trigger.start);
        let recent = |e: &&Event| {
            sentences[this.saturating_sub(1)..=this.min(sentences.len() - 1)]
                .iter()
                .any(|s| s.span == e.sentence)
        };
        if let Some(e) = earlier
            .iter()
            .rev()
            .filter(recent)
            .find(pair)
            .or_else(|| earlier.iter().find(pair).filter(|_| or_first))
        {
            let two: Vec<usize> = e.participants.iter().copied().filter(|&p| is(p)).collect();
            return Some([two[0], two[1]]);
        }
        None
    };
    let two_people = || two_of(&is_person, true);
    if people {
        if let Some(pair) = two_people() {
            return Some(pair);
        }
    } else if let Some(pair) = two_of(&is_side, false) {
        return Some(pair);
    } else if let Some(pair) = countries_of_recent_pair(ctx, earlier) {
        // "Xi will hold talks with To Lam ... The two sides are expected
        // to sign": the countries of the two who just met, before the
        // article's principals ("Nakatani is due to visit Canberra for
        // talks with Marles, the first since the two countries signed").
        return Some(pair);
    } else if let Some(pair) = two_of(&is_side, true) {
        return Some(pair);
    }
    let mut last: Vec<usize> = Vec::new();
    for m in entities.mentions.iter().rev() {
        // A side may be a bloc: "The European Union and India ... The two
        // sides".
        let bloc = m.etype == EntityType::Org
            && matches!(
                entities.entities[m.entity].kind.as_deref(),
                Some("intergovernmental" | "alliance" | "grouping")
            );
        let fits = if people {
            m.etype == EntityType::Person
        } else {
            m.is_country || bloc
        };
        if m.tokens.end <= ctx.trigger.start && fits && !last.contains(&m.entity) {
            last.push(m.entity);
            if last.len() == 2 {
                let mut pair = [last[1], last[0]];
                pair.sort_unstable();
                return Some(pair);
            }
        }
    }
    // "Rajnath Singh held talks with the Defence Minister of Malaysia ...
    // The two sides exchanged an MoU": one country named, two principals.
    if people {
        None
    } else {
        two_people()
    }
}

/// The two companies that "the two companies" or "both firms" before the
/// trigger stand for: the last two organisations named before it that are
/// companies (or of no known kind), in text order. Empty when there is no
/// such phrase or fewer than two.
fn two_companies(ctx: &Context<'_, '_>) -> Vec<usize> {
    let t = ctx.trigger.start;
    let words: Vec<String> = (ctx.clause.start..t).map(|i| ctx.word(i)).collect();
    let said = words.windows(3).any(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str(), w[2].as_str()),
            (
                "the" | "both",
                "two",
                "companies" | "firms" | "manufacturers"
            )
        )
    }) || words
        .windows(2)
        .any(|w| w[0] == "both" && matches!(w[1].as_str(), "companies" | "firms"));
    if !said {
        return Vec::new();
    }
    let entities = ctx.entities;
    let mut last: Vec<usize> = Vec::new();
    for m in entities.mentions_in(0..t).iter().rev() {
        let e = &entities.entities[m.entity];
        let company =
            e.etype == EntityType::Org && matches!(e.kind.as_deref(), None | Some("company"));
        if company && m.tokens.end <= t && !last.contains(&m.entity) {
            last.push(m.entity);
            if last.len() == 2 {
                last.reverse();
                return last;
            }
        }
    }
    Vec::new()
}

/// The entity of the country that person `p` acts for, when the text
/// names that country.
fn country_acted_for(entities: &Entities, p: usize) -> Option<usize> {
    let name = entities.entities[p].country.as_deref()?;
    (0..entities.entities.len()).find(|&c| {
        entities.entities[c].name == name
            && entities.entities[c]
                .mentions
                .iter()
                .any(|&m| entities.mentions[m].is_country)
    })
}

/// The countries that "the three countries", "the three neighbours" or
/// "the allies" before the trigger stand for: those of the last earlier
/// event with that many countries (or whose people act for that many),
/// else the last that many countries named in this sentence or the three
/// before it; the people that "the six heads of state" or "the five
/// leaders" stand for (the last that many named). Empty when there is no
/// such phrase or no such countries.
fn several_sides(ctx: &Context<'_, '_>, earlier: &[Event]) -> Vec<usize> {
    const GROUPS: &[&str] = &[
        "countries",
        "nations",
        "sides",
        "neighbours",
        "neighbors",
        "allies",
        "partners",
        "governments",
        "juntas",
        "navies",
        "militaries",
        "armies",
    ];
    // Groups of people: "the six heads of state", "the five leaders".
    const PEOPLE: &[&str] = &["leaders", "heads", "presidents", "ministers", "premiers"];
    let t = ctx.trigger.start;
    let words: Vec<String> = (ctx.clause.start..t).map(|i| ctx.word(i)).collect();
    let number = |w: &str| match w {
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        _ => None,
    };
    let people = words.windows(3).find_map(|w| {
        let n = number(&w[1])?;
        (w[0] == "the" && PEOPLE.contains(&w[2].as_str())).then_some(n)
    });
    if let Some(n) = people {
        return last_named(ctx, n, |m| m.etype == EntityType::Person);
    }
    let count = words.windows(3).find_map(|w| {
        let n = number(&w[1])?;
        (w[0] == "the" && GROUPS.contains(&w[2].as_str())).then_some(n)
    });
    let allies = words
        .windows(2)
        .any(|w| w[0] == "the" && matches!(w[1].as_str(), "allies" | "partners"));
    if count.is_none() && !allies {
        return Vec::new();
    }
    let entities = ctx.entities;
    let is_country = |e: usize| {
        entities.entities[e]
            .mentions
            .iter()
            .any(|&m| entities.mentions[m].is_country)
    };
    let fits = |n: usize| count.map_or(n >= 3, |c| c == n);
    for e in earlier.iter().rev() {
        let countries = e.participants_where(is_country);
        if fits(countries.len()) {
            return countries;
        }
        let mut of_people: Vec<usize> = Vec::new();
        for &p in &e.participants {
            if entities.entities[p].etype == EntityType::Person {
                if let Some(c) = country_acted_for(entities, p) {
                    push(&mut of_people, c);
                }
            }
        }
        if fits(of_people.len()) {
            return of_people;
        }
    }
    let Some(n) = count else {
        return Vec::new();
    };
    last_named(ctx, n, |m| m.is_country)
}

/// The last `n` entities whose mentions pass `keep`, named before the
/// trigger in its sentence or the three before it, in text order; empty
/// when there are fewer.
fn last_named(
    ctx: &Context<'_, '_>,
    n: usize,
    keep: impl Fn(&tidings_entities::Mention) -> bool,
) -> Vec<usize> {
    let t = ctx.trigger.start;
    let sentences = ctx.input.tokens.sentences();
    let this = ctx.input.tokens.sentence_of(t);
    let from = sentences[this.saturating_sub(3)].tokens.start;
    let mut last: Vec<usize> = Vec::new();
    for m in ctx.entities.mentions_in(from..t).iter().rev() {
        if keep(m) && m.tokens.end <= t && !last.contains(&m.entity) {
            last.push(m.entity);
        }
    }
    if last.len() < n {
        return Vec::new();
    }
    last.truncate(n);
    last.reverse();
    last
}

/// The countries of the two people of an event in this sentence or the
/// one before, when each acts for a different country the text names.
fn countries_of_recent_pair(ctx: &Context<'_, '_>, earlier: &[Event]) -> Option<[usize; 2]> {
    let entities = ctx.entities;
    let sentences = ctx.input.tokens.sentences();
    let this = sentences.partition_point(|s| s.tokens.end <= ctx.trigger.start);
    let recent = &sentences[this.saturating_sub(1)..=this.min(sentences.len().checked_sub(1)?)];
    let country_of = |p: usize| country_acted_for(entities, p);
    earlier
        .iter()
        .rev()
        .filter(|e| recent.iter().any(|s| s.span == e.sentence))
        .find_map(|e| {
            let people: Vec<usize> = (e.participants.iter().copied())
                .filter(|&p| entities.entities[p].etype == EntityType::Person)
                .collect();
            let [a, b] = people[..] else {
                return None;
            };
            let (x, y) = (country_of(a)?, country_of(b)?);
            let mut pair = [x, y];
            pair.sort_unstable();
            (x != y).then_some(pair)
        })
}

/// Whether timex `t` is a vague reference used as an adjective ("the
/// recent summit"), which describes the event rather than dating it.
fn attributive(input: &Input<'_>, t: &tidings_temporal::Timex) -> bool {
    let text = input.text[t.span].to_lowercase();
    if !ATTRIBUTIVE_REFS.contains(&text.as_str()) {
        return false;
    }
    let next = input.tokens.token_ending_at(t.span.end).map(|i| i + 1);
    next.and_then(|i| input.tokens.tokens().get(i))
        .is_some_and(|n| n.is_word())
}

/// Whether timex `t` places something relative to another event ("days
/// ahead of Modi's visit", "weeks before the vote"): it dates that relation,
/// not the event beside it.
fn relative_to_other(input: &Input<'_>, t: &tidings_temporal::Timex) -> bool {
    let Some(last) = input.tokens.token_ending_at(t.span.end) else {
        return false;
    };
    let toks = input.tokens.tokens();
    let word = |i: usize| toks.get(i).map(|tok| input.text[tok.span].to_lowercase());
    let text = input.text[t.span].to_lowercase();
    let ends_relative =
        text.ends_with(" ahead") || text.ends_with(" before") || text.ends_with(" after");
    // Only an amount of time is counted from another event ("two days
    // before the vote"); a date followed by "before" is its own ("in April
    // last year before taking office").
    let amount = text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) || AMOUNTS.contains(&w));
    ends_relative && word(last + 1).as_deref() == Some("of")
        || amount
            && matches!(
                word(last + 1).as_deref(),
                Some("before" | "after" | "ahead")
            )
}

/// Words that open an amount of time ("two days", "a week", "several months").
const AMOUNTS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "few", "several", "some", "many", "days",
    "weeks", "months", "years", "hours", "just", "only", "nearly", "almost", "about", "over",
    "barely", "less", "more",
];

/// Attaches the date expression nearest the trigger: in its own region
/// first, then its clause, then its sentence.
fn attach_date(ctx: &Context<'_, '_>, event: &mut Event) {
    let input = ctx.input;
    let trigger = ctx.trigger.clone();
    let dist = |r: &Range<usize>| {
        if r.end <= trigger.start {
            trigger.start - r.end
        } else {
            r.start.saturating_sub(trigger.end)
        }
    };
    let sentence_span = input.tokens.sentences()[input.tokens.sentence_of(ctx.trigger.start)].span;
    let in_sentence =
        tidings_core::starting_in(input.timexes, |t| t.span.start, sentence_span.range());
    let first = in_sentence.start;
    let candidates: Vec<(usize, Range<usize>)> = input.timexes[in_sentence]
        .iter()
        .enumerate()
        .map(|(i, t)| (first + i, t))
        .filter(|(_, t)| {
            matches!(t.kind, TimexKind::Date)
                && !attributive(input, t)
                && !relative_to_other(input, t)
        })
        .map(|(i, t)| (i, input.tokens.tokens_in(t.span)))
        .filter(|(_, r)| {
            !r.is_empty() && r.start >= ctx.sentence.start && r.end <= ctx.sentence.end
        })
        .collect();
    let relative = relative_clause_before(ctx);
    let since = since_clause_before(ctx);
    // A trigger that is a verb ("reached", "signed", "met"), not a noun.
    let verbal = {
        let w = ctx.word(trigger.start);
        (w.len() > 4 && w.ends_with("ed"))
            || matches!(
                w.as_str(),
                "met" | "meet" | "meets" | "sign" | "signs" | "struck" | "inked" | "ink"
            )
    };
    let candidates: Vec<(usize, Range<usize>)> = candidates
        .into_iter()
        .filter(|(_, r)| {
            // "the biggest upgrade since it was established": a date before
            // "since" is the main clause's, not the background event's.
            if since.is_some_and(|s| r.end <= s) {
                return false;
            }
            // A date in this trigger's words is its own, unless another
            // trigger stands nearer to it ("The summit, from July 9 to July
            // 11, comes as Orban visited Moscow").
            // Words apart, a comma counting for ten: "who visited Moscow in
            // April, held talks" (April is the visit's).
            let apart = |t: &Range<usize>| {
                let (from, to) = if r.end <= t.start {
                    (r.end, t.start)
                } else {
                    (t.end, r.start)
                };
                let commas = (from..to)
                    .filter(|&i| lower(input, i) == "," && !place_comma(ctx, i))
                    .count();
                to.saturating_sub(from) + 10 * commas
            };
            let mine = apart(&trigger);
            let nearer = ctx
                .others
                .iter()
                .filter(|o| !linked(input, &trigger, o))
                // "held talks ... on October 23, their first meeting in five
                // years": a noun in an apposition after the date renames
                // the event; the date is not its own.
                .filter(|o| appositive_comma(input, &ctx.sentence, o).is_none_or(|c| r.end > c))
                .any(|o| apart(o) < mine);
            let own = ctx.region.start <= r.start && r.end <= ctx.region.end && !nearer;
            // "launched the Council, modelled on a body set up with the US
            // in 2021": a date past a clause that hangs off the object
            // dates that clause.
            // (After a noun, ", held at NATO headquarters on February 12"
            // describes the event itself.)
            if r.start >= trigger.end
                && inner_clause_between(ctx, trigger.end, r.start)
                && (verbal || !describes_the_event(ctx, trigger.end, r.start))
            {
                return false;
            }
            // "reached an agreement ..., ending a standoff that began in May
            // 2020": past a verb's object, a date after "that" or "which"
            // dates the relative clause. (After a noun the clause may date
            // the event itself: "the meeting, which took place on Friday".)
            if r.start >= trigger.end
                && verbal
                && (trigger.end..r.start).any(|k| matches!(ctx.word(k).as_str(), "that" | "which"))
            {
                return false;
            }
            // ... and one in a relative clause that ends at the trigger.
            if relative.is_some_and(|open| open < r.start && r.end <= trigger.start) {
                return false;
            }
            // "his fourth visit to Ukraine since Russia's invasion in
            // February 2022": a date after "since" starts a period the
            // event falls in; it is not the event's.
            if r.start >= trigger.end && since_before(ctx, trigger.end, r.start) {
                return false;
            }
            // "have signed a memorandum ..., the defense ministry said
            // Monday": the day of the report, not of the event.
            if r.start >= trigger.end && reporting_date(ctx, trigger.end, r.start) {
                return false;
            }
            // "Hyundai Rotem said Saturday it has signed a deal": the day
            // of the saying, before what is said.
            if r.end <= trigger.start && said_on(ctx, r) {
                return false;
            }
            // "left out any reference to the April 22 terror attack": a date
            // between a determiner and a noun names that noun's day.
            if modifies_a_noun(ctx, r) && !dates_the_agreement(ctx, event.etype, r) {
                return false;
            }
            // "SEOUL, July 29 (Yonhap) -- South Korea, the United States
            // and Japan have signed a memorandum": the dateline's day is
            // the report's; a present perfect does not put the event on it.
            if r.start < trigger.start
                && matches!(
                    ctx.word(trigger.start.saturating_sub(1)).as_str(),
                    "have" | "has"
                )
                && dateline_date(ctx, r)
            {
                return false;
            }
            // "the Eagle Partner exercise, a drill first staged in
            // September last year": the first occurrence's date.
            if r.start >= trigger.end
                && (r.start.saturating_sub(4).max(trigger.end)..r.start)
                    .any(|k| ctx.word(k) == "first")
            {
                return false;
            }
            // "witnessed the signing of a cooperation plan for 2025": the
            // period a plan covers, not when it was signed.
            if r.start >= 2
                && ctx.word(r.start - 1) == "for"
                && matches!(
                    ctx.word(r.start - 2).as_str(),
                    "plan"
                        | "plans"
                        | "programme"
                        | "program"
                        | "budget"
                        | "budgets"
                        | "target"
                        | "targets"
                        | "roadmap"
                        | "agenda"
                        | "goals"
                        | "strategy"
                        | "vision"
                        | "framework"
                        | "priorities"
                        | "forecast"
                        | "outlook"
                        | "guidance"
                )
            {
                return false;
            }
            // "on his first trip since taking office in October": the date
            // of a clause of its own.
            if gerund_clause_date(ctx, r) {
                return false;
            }
            own || !ctx
                .blocked
                .iter()
                .any(|b| b.start <= r.start && r.end <= b.end)
        })
        .collect();
    for (scope, name) in [
        (&ctx.region, "region"),
        (&ctx.clause, "clause"),
        (&ctx.sentence, "sentence"),
    ] {
        // A deadline ("raise spending to 5% by 2035, at a summit in The
        // Hague") dates the event only when nothing else in reach does.
        let deadline = |r: &Range<usize>| {
            r.start > 0
                && matches!(
                    lower(input, r.start - 1).as_str(),
                    "by" | "until" | "till" | "through" | "before"
                )
        };
        // "was sworn in on January 25 and spoke with Marles by phone two
        // days later": a date before "and" + the trigger dates the verb
        // before it; one after the trigger is nearer the event.
        let coordinated_before = |r: &Range<usize>| {
            r.end <= trigger.start && trigger.start > 0 && ctx.word(trigger.start - 1) == "and"
        };
        if let Some((i, _)) = candidates
            .iter()
            .filter(|(_, r)| r.start >= scope.start && r.end <= scope.end)
            .min_by_key(|(_, r)| (deadline(r), coordinated_before(r), dist(r)))
        {
            event.date = Some(range_start(input, *i));
            event.date_rule = name;
            return;
        }
    }
    // Undated background ("since it was established") takes no other
    // event's date either.
    if since.is_some() {
        event.date_rule = "since";
    }
}

/// Whether the comma at token `i` joins a place to the place it lies in
/// ("in Kazan, Russia on October 23"): no break between clauses. Not two
/// countries ("Saudi Arabia, US sign ...").
fn place_comma(ctx: &Context<'_, '_>, i: usize) -> bool {
    let place = |at: &dyn Fn(&tidings_entities::Mention) -> bool| {
        ctx.entities
            .mentions_in(ctx.sentence.clone())
            .iter()
            .any(|m| m.etype == EntityType::Place && at(m))
    };
    // "Manila, the Philippines, on July 30": both commas of the place's
    // apposition.
    let the = |j: usize| usize::from(ctx.word(j) == "the");
    let opens = |i: usize| {
        ctx.word(i) == ","
            && place(&|m| m.tokens.end == i && !m.is_country)
            && place(&|m| m.tokens.start == i + 1 + the(i + 1))
    };
    ctx.word(i) == ","
        && (opens(i)
            || ctx
                .entities
                .mentions_in(ctx.sentence.clone())
                .iter()
                .filter(|m| m.etype == EntityType::Place && m.tokens.end == i)
                .any(|m| {
                    let before = m.tokens.start.saturating_sub(1);
                    let comma = if ctx.word(before) == "the" {
                        before.saturating_sub(1)
                    } else {
                        before
                    };
                    comma > 0 && opens(comma)
                }))
}

/// The entity of the capital of country entity `country`, when the text
/// names it.
fn capital_of(entities: &Entities, country: usize) -> Option<usize> {
    let name = &entities.entities[country].name;
    entities.entities.iter().position(|e| {
        e.etype == EntityType::Place
            && e.kind.as_deref() == Some("capital")
            && e.country.as_deref() == Some(name.as_str())
    })
}

/// The organisation a summit is "of" ("the summit of the Community of
/// Latin American and Caribbean States", "a summit of the Shanghai
/// Cooperation Organisation"): its gathering, so its name.
fn gathering_of<'e>(
    ctx: &Context<'_, '_>,
    outer: &[&'e tidings_entities::Mention],
) -> Option<&'e tidings_entities::Mention> {
    let mut j = ctx.trigger.end;
    // "the 26th meeting of the Contact Group": the trigger may end in "of".
    if ctx.word(j - 1) != "of" {
        if ctx.word(j) != "of" {
            return None;
        }
        j += 1;
    }
    if ctx.word(j) == "the" {
        j += 1;
    }
    outer
        .iter()
        .copied()
        .find(|m| m.tokens.start == j && m.etype == EntityType::Org)
}

/// Nouns whose place ("the war in Ukraine") is a topic, not where an
/// event is.
const TOPICS: &[&str] = &[
    "war",
    "wars",
    "conflict",
    "conflicts",
    "fighting",
    "crisis",
    "crises",
    "tension",
    "tensions",
    "violence",
    "unrest",
    "situation",
    "attacks",
    "attack",
    "strikes",
    "offensive",
    "ceasefire",
    "truce",
    "peace",
    "insurgency",
    "famine",
    "humanitarian",
    "elections",
    "election",
];

/// Nouns that a place names when "of" follows ("the port city of Odesa",
/// "the Red Sea city of Jeddah").
const PLACE_DESCRIPTORS: &[&str] = &[
    "city", "town", "port", "capital", "village", "resort", "enclave", "region", "province",
    "island", "district", "county",
];

/// Whether place `m` only says where another place lies: descriptor
/// words, "of" and a place follow it ("Red Sea" in "the Red Sea city of
/// Jeddah").
fn describes_another(
    ctx: &Context<'_, '_>,
    outer: &[&tidings_entities::Mention],
    m: &tidings_entities::Mention,
) -> bool {
    let mut j = m.tokens.end;
    while j < ctx.sentence.end && PLACE_DESCRIPTORS.contains(&ctx.word(j).as_str()) {
        j += 1;
    }
    j > m.tokens.end
        && ctx.word(j) == "of"
        && outer
            .iter()
            .any(|o| o.tokens.start == j + 1 && o.etype == EntityType::Place)
}

/// Where the phrase naming place `m` starts: before descriptor words, "of"
/// and the place they lie in ("the Red Sea city of Jeddah", "the port city
/// of Odesa"), else at `m`.
fn described_from(
    ctx: &Context<'_, '_>,
    outer: &[&tidings_entities::Mention],
    m: &tidings_entities::Mention,
) -> usize {
    let start = m.tokens.start;
    if m.etype != EntityType::Place || start < 2 || ctx.word(start - 1) != "of" {
        return start;
    }
    let mut j = start - 1;
    while j > ctx.sentence.start && PLACE_DESCRIPTORS.contains(&ctx.word(j - 1).as_str()) {
        j -= 1;
    }
    if j == start - 1 {
        return start;
    }
    // Back over what qualifies the descriptor: a place and lower-case
    // words ("the eastern Ukrainian city of", "the front-line town of"),
    // up to the article.
    for _ in 0..6 {
        if let Some(o) = outer
            .iter()
            .find(|o| o.tokens.end == j && o.etype == EntityType::Place)
        {
            j = o.tokens.start;
            continue;
        }
        let w = ctx.word(j.saturating_sub(1));
        let qualifier = w == "-"
            || w.chars().all(|c| c.is_lowercase())
                && !matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "in" | "at" | "to" | "of" | "from"
                );
        if j <= ctx.sentence.start + 1 || !qualifier {
            break;
        }
        j -= 1;
    }
    j
}

/// The comma before trigger `o` when `o` heads an apposition (", their
/// first structured meeting", ", a visit that ...").
fn appositive_comma(input: &Input<'_>, sentence: &Range<usize>, o: &Range<usize>) -> Option<usize> {
    let from = o.start.saturating_sub(5).max(sentence.start);
    let c = (from..o.start).rev().find(|&k| lower(input, k) == ",")?;
    let words_only = (c + 1..o.start).all(|k| {
        lower(input, k)
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '-')
    });
    (words_only
        && matches!(
            lower(input, c + 1).as_str(),
            "their" | "his" | "her" | "its" | "the" | "a" | "an"
        ))
    .then_some(c)
}

/// The pronoun of a restrictive relative clause ("that", "which", with no
/// comma before it) right before token `trigger`, but for auxiliaries,
/// at or after token `from`. (Clauses after a comma and "who" clauses
/// have rules of their own: `relative_clause_before`, `relative_subject`.)
fn relative_right_before(input: &Input<'_>, from: usize, trigger: usize) -> Option<usize> {
    let mut j = trigger;
    while j > from && SUBJECT_GAP.contains(&lower(input, j - 1).as_str()) {
        j -= 1;
    }
    (j > from + 1
        && matches!(lower(input, j - 1).as_str(), "that" | "which")
        && lower(input, j - 2) != ",")
        .then(|| j - 1)
}

/// The token of a "since" that opens the clause of the trigger ("since it
/// was established", "since the treaty's signing"): no comma between them,
/// and not a date's preposition ("met since March").
fn since_clause_before(ctx: &Context<'_, '_>) -> Option<usize> {
    let start = ctx.trigger.start;
    let from = start.saturating_sub(6).max(ctx.sentence.start);
    // "two years after Manila signed a deal": "after" and "before" too,
    // when a clause of the trigger's own starts at them (the region starts
    // past them then, see `region_of`) and an amount of time sets it apart
    // ("announced Thursday, after Canada signed" is one day).
    // "In March 2024, the cabinet approved exports to nations that have
    // signed ...": a relative clause is dated by what is in it.
    if let Some(r) = relative_right_before(ctx.input, ctx.clause.start, start)
        .filter(|&r| r + 1 == ctx.region.start)
    {
        return Some(r);
    }
    let s = (from..start).rev().find(|&i| {
        ctx.word(i) == "since"
            || matches!(ctx.word(i).as_str(), "after" | "before")
                && ctx.region.start == i + 1
                && i > 0
                && matches!(
                    ctx.word(i - 1).as_str(),
                    "days" | "weeks" | "months" | "years" | "decades" | "decade" | "year" | "month"
                )
    })?;
    let dated = ctx
        .input
        .timexes
        .iter()
        .any(|t| ctx.input.tokens.token_starting_at(t.span.start) == Some(s + 1));
    let comma = (s + 1..start).any(|i| ctx.word(i) == ",");
    (!dated && !comma).then_some(s)
}

/// Whether the date at tokens `r` belongs to a clause of a preposition
/// and a verb in "-ing" just before it ("since taking office in October",
/// "after winning the vote last year"), with the trigger outside it.
fn gerund_clause_date(ctx: &Context<'_, '_>, r: &Range<usize>) -> bool {
    let from = r.start.saturating_sub(5).max(ctx.sentence.start + 1);
    (from..r.start).any(|j| {
        let verb = ctx.word(j);
        verb.len() > 4
            && verb.ends_with("ing")
            && matches!(
                ctx.word(j - 1).as_str(),
                "since" | "after" | "before" | "upon" | "while" | "when"
            )
            && !(j - 1..r.start).any(|k| ctx.trigger.contains(&k))
    })
}

/// Whether the last comma of tokens `from..to` opens a relative or
/// participial clause (", which ...", ", modelled on ...", ", set up ..."),
/// so that what follows it up to `to` belongs to that clause. A clause
/// closed by a later comma is left behind: "talks on the treaty, brokered
/// by the World Bank in 1960, would resume next month".
fn inner_clause_between(ctx: &Context<'_, '_>, from: usize, to: usize) -> bool {
    let Some(k) = (from..to.saturating_sub(1))
        .rev()
        .find(|&k| ctx.word(k) == ",")
    else {
        return false;
    };
    let next = ctx.word(k + 1);
    relative_pronoun(&next)
        || matches!(
            next.as_str(),
            "that"
                | "set"
                | "built"
                | "made"
                | "held"
                | "known"
                | "begun"
                | "won"
                | "sold"
                | "bought"
                | "led"
                | "taken"
                | "given"
                | "drawn"
                | "written"
        )
        || (next.len() > 4 && next.ends_with("ed"))
}

/// Whether the last clause after a comma between tokens `from` and `to`
/// tells of the gathering before it ("the 26th meeting of the Contact
/// Group, held at NATO headquarters on February 12").
fn describes_the_event(ctx: &Context<'_, '_>, from: usize, to: usize) -> bool {
    (from..to.saturating_sub(1))
        .rev()
        .find(|&k| ctx.word(k) == ",")
        .is_some_and(|k| {
            matches!(
                ctx.word(k + 1).as_str(),
                "which"
                    | "held"
                    | "hosted"
                    | "attended"
                    | "chaired"
                    | "organised"
                    | "organized"
                    | "convened"
                    | "scheduled"
                    | "planned"
                    | "slated"
            )
        })
}

/// The first day of the range of days that timex `i` ends, or `i`: an
/// event "on June 24-25" or "from 10 to 14 February" is dated by its first
/// day.
fn range_start(input: &Input<'_>, i: usize) -> usize {
    let t = &input.timexes;
    let starts_range = |j: usize| {
        (t[i].rule == "day_range_end" || t[j].rule == "day_range_start")
            && t[j].span.end <= t[i].span.start
            && input.text[t[j].span.end..t[i].span.start].len() <= 10
    };
    match i.checked_sub(1) {
        Some(j) if starts_range(j) => j,
        _ => i,
    }
}

/// The date expression right after a mention: "LEMOA in 2016".
fn date_after(input: &Input<'_>, end: usize) -> Option<usize> {
    let toks = input.tokens.tokens();
    let mut j = end;
    // Skip an acronym in parentheses: "(LEMOA)".
    if j < toks.len() && &input.text[toks[j].span] == "(" {
        while j < toks.len() && &input.text[toks[j].span] != ")" && j < end + 6 {
            j += 1;
        }
        j += 1;
    }
    if j < toks.len() && matches!(lower(input, j).as_str(), "in" | "on") {
        j += 1;
    }
    let at = toks.get(j)?.span.start;
    input
        .timexes
        .iter()
        .position(|t| t.span.start == at && t.kind == TimexKind::Date)
}

/// A signing of several agreements, each with its own date ("LEMOA in 2016,
/// COMCASA in 2018"), is several signings; one agreement with its own date
/// takes that date.
fn split_by_dates(ctx: &Context<'_, '_>, event: Event) -> Vec<Event> {
    if !matches!(event.etype, EventType::Sign) || event.agreement.is_empty() {
        return vec![event];
    }
    let entities = ctx.entities;
    let dated: Vec<(usize, usize)> = event
        .agreement
        .iter()
        .filter_map(|&a| {
            entities.entities[a]
                .mentions
                .iter()
                .map(|&m| &entities.mentions[m])
                .filter(|m| m.tokens.start >= ctx.region.start && m.tokens.end <= ctx.region.end)
                .find_map(|m| date_after(ctx.input, m.tokens.end))
                .map(|d| (a, d))
        })
        .collect();
    if dated.is_empty() {
        return vec![event];
    }
    if event.agreement.len() == 1 {
        let mut e = event;
        e.date = Some(dated[0].1);
        e.date_rule = "agreement";
        return vec![e];
    }
    dated
        .into_iter()
        .map(|(a, d)| {
            let mut e = event.clone();
            e.agreement = vec![a];
            e.date = Some(d);
            e.date_rule = "agreement";
            e
        })
        .collect()
}

/// "signed similar agreements with Australia in January 2022 and Britain
/// in 2023", "will travel to Doha on Wednesday and Abu Dhabi on Thursday":
/// one event for each party (or place visited) named with a date of its
/// own, on that date.
fn split_by_party_dates(ctx: &Context<'_, '_>, event: Event) -> Vec<Event> {
    let (visit, opener) = match event.etype {
        EventType::Sign | EventType::Negotiate => (false, "with"),
        EventType::Visit => (true, "to"),
        _ => return vec![event],
    };
    let mut dated: Vec<(usize, usize)> = Vec::new();
    for m in ctx.entities.mentions_in(ctx.trigger.end..ctx.region.end) {
        let fits = if visit {
            m.etype == EntityType::Place
        } else {
            m.is_country || m.etype == EntityType::Org
        };
        if !fits || m.tokens.end > ctx.region.end || m.tokens.start == 0 {
            continue;
        }
        let Some(date) = date_after(ctx.input, m.tokens.end) else {
            continue;
        };
        let prev = ctx.word(m.tokens.start - 1);
        let joined = if prev == opener {
            true
        } else {
            matches!(prev.as_str(), "and" | ",") && !dated.is_empty()
        };
        if joined && !dated.iter().any(|&(p, _)| p == m.entity) {
            dated.push((m.entity, date));
        }
    }
    if dated.len() < 2 {
        return vec![event];
    }
    let named: Vec<usize> = dated.iter().map(|&(p, _)| p).collect();
    dated
        .into_iter()
        .map(|(one, date)| {
            let mut e = event.clone();
            let role = if visit {
                &mut e.location
            } else {
                &mut e.participants
            };
            role.retain(|p| !named.contains(p));
            push(role, one);
            e.date = Some(date);
            e.date_rule = "party";
            e
        })
        .collect()
}

/// "X met A and B separately": one meeting with each.
fn separately(ctx: &Context<'_, '_>, events: Vec<Event>) -> Vec<Event> {
    let says = (ctx.trigger.end..ctx.region.end).any(|i| ctx.word(i) == "separately");
    let mut out = Vec::new();
    for e in events {
        if !says || e.etype != EventType::Meet || e.participants.len() < 3 {
            out.push(e);
            continue;
        }
        let trigger_end = ctx.trigger.end;
        let entities = ctx.entities;
        // The ones met are named after the trigger; the subjects before it
        // (or by a pronoun).
        let after_trigger = |p: usize| {
            entities.entities[p].mentions.iter().any(|&m| {
                entities.mentions[m].tokens.start >= trigger_end
                    && entities.mentions[m].tokens.end <= ctx.sentence.end
            })
        };
        let (others, subjects): (Vec<usize>, Vec<usize>) =
            e.participants.iter().partition(|&&p| after_trigger(p));
        // "He and Arafat meet separately Monday with Albright": one
        // meeting of each with her, on that day.
        if subjects.len() >= 2 && others.len() == 1 {
            for s in subjects {
                let mut one = e.clone();
                one.participants = vec![s, others[0]];
                out.push(one);
            }
            continue;
        }
        if subjects.is_empty() || others.len() < 2 {
            out.push(e);
            continue;
        }
        for (k, o) in others.iter().enumerate() {
            let mut one = e.clone();
            one.participants = subjects.iter().copied().chain([*o]).collect();
            if k > 0 {
                // The text dates the first meeting at most.
                one.date = None;
                one.date_rule = "separately";
            }
            out.push(one);
        }
    }
    out
}

/// "These agreements, including X and Y, ...": agreements named in the
/// sentence after a signing whose agreements were not named belong to it;
/// so does one that opens that sentence and is of the kind signed ("signed
/// a defence treaty. The Pukpuk Treaty ...").
fn attach_following_agreements(input: &Input<'_>, entities: &Entities, events: &mut [Event]) {
    let sentences = input.tokens.sentences();
    for e in events.iter_mut() {
        // (An agreement only described is still unnamed.)
        if e.etype != EventType::Sign || e.agreement.iter().any(|&a| !is_described(entities, a)) {
            continue;
        }
        let s = input.tokens.sentence_at(e.sentence.start);
        let Some(next) = sentences.get(s + 1) else {
            continue;
        };
        let first: Vec<String> = next
            .tokens
            .clone()
            .take(2)
            .map(|i| lower(input, i))
            .collect();
        let anaphor = first.len() == 2
            && matches!(first[0].as_str(), "these" | "the" | "both")
            && matches!(
                first[1].as_str(),
                "agreements" | "pacts" | "accords" | "deals" | "documents" | "memoranda"
            );
        // "signed a mutual defence treaty ... The Pukpuk Treaty, named
        // after ...": the next sentence opens with the name of an
        // agreement of the kind the signing left unnamed.
        let trigger_end = input
            .tokens
            .token_ending_at(e.trigger.end)
            .map_or(0, |i| i + 1);
        let sentence_end = sentences[s].tokens.end;
        let unnamed: Vec<String> = (trigger_end..sentence_end)
            .take(8)
            .map(|i| lower(input, i))
            .filter(|w| AGREEMENT_NOUNS.contains(&w.as_str()))
            .collect();
        let skip = usize::from(first.first().is_some_and(|w| w == "the"));
        let opening = entities
            .mentions_in(next.tokens.clone())
            .first()
            .filter(|m| {
                m.etype == EntityType::Agreement
                    && m.tokens.start == next.tokens.start + skip
                    && m.tokens.end > m.tokens.start
                    && unnamed.contains(&lower(input, m.tokens.end - 1))
            });
        if let Some(m) = opening {
            push(&mut e.agreement, m.entity);
            continue;
        }
        if !anaphor {
            continue;
        }
        for m in &entities.mentions {
            if m.etype == EntityType::Agreement
                && m.tokens.start >= next.tokens.start
                && m.tokens.end <= next.tokens.end
            {
                push(&mut e.agreement, m.entity);
            }
        }
    }
}

/// How the phrase of a trigger points: back at an event already told
/// ("the summit", "this dialogue"), at another one ("their first \"2+2\"
/// meeting", "the next round"), or neither ("made the announcement after
/// meeting": the determiner belongs to another phrase).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reference {
    Definite,
    Another,
    Neither,
}

fn reference(input: &Input<'_>, e: &Event) -> Reference {
    let Some(t) = input.tokens.token_starting_at(e.trigger.start) else {
        return Reference::Neither;
    };
    let toks = input.tokens.tokens();
    // "The agreement, the second executive contract under a framework
    // deal, was signed on Thursday": a sentence that opens with the
    // agreement as its subject tells of the one already reported.
    let s0 = input.tokens.sentences()[input.tokens.sentence_of(t)]
        .tokens
        .start;
    if e.etype == EventType::Sign
        && s0 + 1 < t
        && lower(input, s0) == "the"
        && AGREEMENT_NOUNS.contains(&lower(input, s0 + 1).as_str())
    {
        return Reference::Definite;
    }
    // Punctuation between a determiner and the trigger ("the agreement,
    // signed") makes the determiner another phrase's; an ordinal beyond
    // it still counts ("their first \"2+2\" meeting").
    let mut unbroken = true;
    for i in (t.saturating_sub(6)..t).rev() {
        let w = lower(input, i);
        let w = w.as_str();
        // Written in lower case: "New" in "Papua New Guinea" is a name's.
        if ORDINALS.contains(&w) && toks[i].shape == tidings_tokenize::Shape::Lower {
            return Reference::Another;
        }
        if PHRASE_ENDS.contains(&w) || matches!(w, "." | "," | ";" | ":") {
            return Reference::Neither;
        }
        if DETERMINERS.contains(&w) {
            return if unbroken {
                Reference::Definite
            } else {
                Reference::Neither
            };
        }
        if toks[i].shape == tidings_tokenize::Shape::Punct && !matches!(w, "-" | "'" | "’") {
            unbroken = false;
        }
    }
    Reference::Neither
}

/// The index of the headline: a first sentence that ends its line
/// without a full stop, followed by more text.
fn headline(input: &Input<'_>) -> Option<usize> {
    input.tokens.is_title_line(input.text, 0).then_some(0)
}

/// Merges reports of one event: same type, no conflicting agreement, name
/// or participants, and the same sentence, a shared agreement or name, the
/// same participants, or a definite mention ("the summit") of the last such
/// event; events of rules marked `merge previous` join the last event of
/// their type within two sentences.
fn merge_reports(
    input: &Input<'_>,
    entities: &Entities,
    events: Vec<Event>,
    follows: &[bool],
) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    // The sentences each merged event was reported in.
    let mut seen: Vec<Vec<usize>> = Vec::new();
    let sentence_of = |e: &Event| input.tokens.sentence_at(e.sentence.start);
    let headline = headline(input);
    let is_person = |p: &usize| entities.entities[*p].etype == EntityType::Person;
    // The year of the news: that of the first weekday or "today" (dates
    // read from the publication date), if any.
    let news_year = input
        .timexes
        .iter()
        .find(|t| {
            t.rule == "weekday"
                || matches!(
                    input.text[t.span].to_lowercase().as_str(),
                    "today" | "yesterday" | "tomorrow" | "tonight"
                )
        })
        .and_then(|t| year_of(&t.value));
    for (e, &follow) in events.into_iter().zip(follows) {
        let refers = reference(input, &e);
        let (def, another) = (refers == Reference::Definite, refers == Reference::Another);
        let bare = e.participants.is_empty() && e.agreement.is_empty() && e.name.is_empty();
        let disjoint = |a: &[usize], b: &[usize]| {
            !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
        };
        let people = |v: &[usize]| v.iter().copied().filter(is_person).collect::<Vec<usize>>();
        // An agreement the text only describes ("a defense pact") may be
        // the one another report names, if it is the same sort of paper
        // (a joint statement is no treaty).
        let named = |v: &[usize]| {
            v.iter()
                .copied()
                .filter(|&a| !is_described(entities, a))
                .collect::<Vec<usize>>()
        };
        let sort_apart = |a: &[usize], b: &[usize]| {
            a.iter().any(|&x| {
                is_described(entities, x)
                    && b.iter()
                        .all(|&y| is_statement(entities, x) != is_statement(entities, y))
            })
        };
        let conflict = |o: &Event| {
            disjoint(&named(&o.agreement), &named(&e.agreement))
                || sort_apart(&o.agreement, &e.agreement) && !e.agreement.is_empty()
                || sort_apart(&e.agreement, &o.agreement) && !o.agreement.is_empty()
                || disjoint(&o.name, &e.name)
                || {
                    let op: Vec<usize> = o.participants.iter().copied().filter(is_person).collect();
                    let ep: Vec<usize> = e.participants.iter().copied().filter(is_person).collect();
                    disjoint(&op, &ep)
                }
        };
        let s = sentence_of(&e);
        let latest = out.iter().rposition(|o| o.etype == e.etype);
        let last_gathering = out
            .iter()
            .rposition(|o| matches!(o.etype, EventType::Summit | EventType::Meet));
        let trigger_word = |x: &Event| input.text[x.trigger].to_lowercase();
        let same = out.iter_mut().enumerate().rev().find(|(k, o)| {
            let near = seen[*k].iter().any(|&x| s <= x + 1);
            // "Japan and the Philippines signed ... The pact was signed by
            // Kamikawa, Kihara and Teodoro": people acting for the very
            // countries of the other report.
            // (Within three sentences: "Somalia's parliament approved a
            // ... agreement signed with Türkiye earlier this month ... The
            // 10-year agreement was signed in Ankara on Feb. 8 by Turkish
            // ... Guler and Somali ... Nur".)
            let on_behalf = seen[*k].iter().any(|&x| s <= x + 3)
                && (acting_for(entities, &e.participants, &o.participants)
                    || acting_for(entities, &o.participants, &e.participants));
            // "Morrison and Kishida signed a defence treaty ... The
            // Reciprocal Access Agreement, signed during a virtual summit":
            // one report says who, the next says what.
            // (An agreement only described does not say what.)
            let complements = near
                && ((named(&o.agreement).is_empty()
                    && !o.participants.is_empty()
                    && e.participants.is_empty()
                    && !named(&e.agreement).is_empty())
                    || (named(&e.agreement).is_empty()
                        && !e.participants.is_empty()
                        && o.participants.is_empty()
                        && !named(&o.agreement).is_empty()));
            // Reports dated differently are different events ("after
            // meeting the ambassador on Friday ... their first meeting in
            // April 2022").
            // A shared agreement or name outweighs the dates ("the summit
            // ... the summit now under way").
            let dated_apart = match (o.date, e.date) {
                (Some(a), Some(b)) => {
                    let (a, b) = (&input.timexes[a].value, &input.timexes[b].value);
                    // "next month" and "April 2" (or "the first week of
                    // April") are one date, told twice.
                    let week_and_other_of_year = |x: &str, y: &str| {
                        x.get(4..6) == Some("-W") && !y.contains('W') && x.get(..4) == y.get(..4)
                    };
                    !a.starts_with(b.as_str())
                        && !b.starts_with(a.as_str())
                        && !week_and_other_of_year(a, b)
                        && !week_and_other_of_year(b, a)
                        && a.starts_with(|c: char| c.is_ascii_digit())
                        && b.starts_with(|c: char| c.is_ascii_digit())
                }
                _ => false,
            };
            // (Not for exercises: a named exercise recurs, and two dates
            // are two editions: "the second round of their Freedom Edge
            // exercise next month, following the inaugural drills in June".)
            let same_thing = e.etype != EventType::Exercise
                && (o.agreement.iter().any(|a| e.agreement.contains(a))
                    || o.name.iter().any(|a| e.name.contains(a)));
            // "Poland signs $10 billion deal for tanks" over "Poland's
            // defence ministry signed a contract ... on Saturday": a
            // headline tells the event its first sentences report.
            let told_below = headline.is_some_and(|h| seen[*k] == [h] && s <= h + 2);
            // "... attended the signing ceremony": a definite mention with
            // no agreement or name of its own is the last such event.
            // (A noun reaches further back than a verb whose subject's
            // article made it look definite: "The Defense Ministry signed".)
            let noun = {
                let w = trigger_word(&e);
                !(w.ends_with("ed") || matches!(w.as_str(), "met" | "meet" | "sign" | "signs"))
            };
            let the_last = def
                && seen[*k].iter().any(|&x| s <= x + if noun { 5 } else { 3 })
                && e.agreement.is_empty()
                && e.name.is_empty()
                && Some(*k) == latest;
            // "is expected to hold talks with Rubio ... The two met earlier
            // this year": one to come and one dated back from now are two
            // events.
            let dated_back = |x: &Event| {
                x.status == Status::Happened
                    && x.date.is_some_and(|d| {
                        let text = input.text[input.timexes[d].span].to_lowercase();
                        ["earlier", "last", "ago", "previous", "past"]
                            .iter()
                            .any(|w| text.split_whitespace().any(|t| t == *w))
                    })
            };
            let past_and_planned = (o.status == Status::Planned && dated_back(&e))
                || (e.status == Status::Planned && dated_back(o));
            // "Russia, Mongolia sign agreements ... Putin last visited
            // Mongolia in 2019, when the two countries signed a treaty": an
            // undated event of the lead is the news, not one of an earlier
            // year told later.
            let background_of_lead = o.date.is_none()
                && seen[*k].iter().min().is_some_and(|&first| first <= 1)
                && e.date.is_some_and(|d| {
                    year_of(&input.timexes[d].value)
                        .zip(news_year)
                        .is_some_and(|(y, news)| y < news)
                });
            // "Asif also attended the meeting", "in his address to the
            // meeting": the gathering just reported, as a meeting.
            let the_gathering = o.etype == EventType::Summit
                && e.etype == EventType::Meet
                && def
                && e.agreement.is_empty()
                && e.name.is_empty()
                && Some(*k) == last_gathering
                && seen[*k].iter().any(|&x| s <= x + 3)
                && matches!(trigger_word(&e).as_str(), "meeting" | "meetings");
            // (More people may attend a gathering: only a different
            // agreement or name tells another one.)
            if the_gathering && !disjoint(&o.agreement, &e.agreement) && !disjoint(&o.name, &e.name)
            {
                return true;
            }
            o.etype == e.etype
                && !conflict(o)
                && !past_and_planned
                && (same_thing || !dated_apart && !another && !background_of_lead)
                && ((seen[*k].contains(&s)
                    && nested(&people(&o.participants), &people(&e.participants)))
                    || (near
                        && !e.participants.is_empty()
                        && e.participants.iter().all(|p| o.participants.contains(p)))
                    || o.agreement.iter().any(|a| e.agreement.contains(a))
                    || o.name.iter().any(|a| e.name.contains(a))
                    || (!o.participants.is_empty()
                        && sorted(&o.participants) == sorted(&e.participants))
                    || (def && bare)
                    || (def && e.participants.is_empty())
                    || (def
                        && e.name.is_empty()
                        && e.agreement.is_empty()
                        && e.participants.iter().all(|p| o.participants.contains(p)))
                    || on_behalf
                    || complements
                    || told_below
                    || the_last
                    || (follow && seen[*k].iter().any(|&x| s <= x + 2)))
        });
        match same {
            Some((k, o)) => {
                seen[k].push(s);
                for r in &e.rules {
                    if !o.rules.contains(r) {
                        o.rules.push(r.clone());
                    }
                }
                for (dst, src) in [
                    (&mut o.participants, &e.participants),
                    (&mut o.agreement, &e.agreement),
                    (&mut o.location, &e.location),
                    (&mut o.name, &e.name),
                ] {
                    for &x in src {
                        push(dst, x);
                    }
                }
                // A later report may tell the day of a month told before
                // ("signed earlier this month ... signed on Feb. 8").
                let finer = match (o.date, e.date) {
                    (Some(a), Some(b)) => {
                        let (a, b) = (&input.timexes[a].value, &input.timexes[b].value);
                        b.len() > a.len() && b.starts_with(a.as_str())
                    }
                    (None, Some(_)) => true,
                    _ => false,
                };
                if finer {
                    o.date = e.date;
                    o.date_rule = e.date_rule;
                }
            }
            None => {
                seen.push(vec![s]);
                out.push(e);
            }
        }
    }
    out
}

/// Whether the date at tokens `r` stands between a determiner and a noun
/// other than the trigger ("the April 22 terror attack", "the 2018 radar
/// incident") or an agreement's name ("under the 1951 U.S.-Philippines
/// Mutual Defense Treaty"): it dates that noun, not the event.
fn modifies_a_noun(ctx: &Context<'_, '_>, r: &Range<usize>) -> bool {
    let toks = ctx.input.tokens.tokens();
    let Some(next) = toks.get(r.end) else {
        return false;
    };
    let agreement = || {
        ctx.entities
            .mentions_in(r.end..r.end + 1)
            .iter()
            .any(|m| m.tokens.start == r.end && m.etype == EntityType::Agreement)
    };
    r.start > 0
        && matches!(
            ctx.word(r.start - 1).as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that"
        )
        && r.end != ctx.trigger.start
        && !ctx.others.iter().any(|o| o.start == r.end)
        && next.space_before
        && (next.shape == tidings_tokenize::Shape::Lower
            && !FUNCTION_WORDS.contains(&ctx.word(r.end).as_str())
            || agreement())
}

/// Whether the date at tokens `r` names the day of an agreement that a
/// signing or negotiation is about ("the Feb. 23 accord signed by Annan",
/// "the 2016 defence pact").
fn dates_the_agreement(ctx: &Context<'_, '_>, etype: EventType, r: &Range<usize>) -> bool {
    matches!(etype, EventType::Sign | EventType::Negotiate)
        && (r.end..(r.end + 3).min(ctx.sentence.end))
            .any(|i| AGREEMENT_NOUNS.contains(&ctx.word(i).as_str()))
}

/// Whether the date at token `to` dates a reporting clause after a comma
/// (", the ministry said Monday", ", he told reporters on Friday") that
/// follows the trigger ending at `from`.
fn reporting_date(ctx: &Context<'_, '_>, from: usize, to: usize) -> bool {
    let mut j = to;
    while j > from && matches!(ctx.word(j - 1).as_str(), "on" | "reporters" | "journalists") {
        j -= 1;
    }
    j > from
        && SPEECH.contains(&ctx.word(j - 1).as_str())
        && ctx.word(j - 1) != "announced"
        && (from..j - 1).any(|k| ctx.word(k) == ",")
}

/// Whether the date at tokens `r` dates a verb of saying right before it
/// ("said Saturday", "announced on Monday") whose report, in the present
/// perfect, is the trigger's clause ("said Saturday it has signed"): the
/// event came before the day it was told.
fn said_on(ctx: &Context<'_, '_>, r: &Range<usize>) -> bool {
    let t = ctx.trigger.start;
    let perfect = (t.saturating_sub(2)..t).any(|i| matches!(ctx.word(i).as_str(), "has" | "have"));
    if !perfect {
        return false;
    }
    let mut j = r.start;
    if j > 0 && ctx.word(j - 1) == "on" {
        j -= 1;
    }
    // The trigger's clause is what is said: no comma or clause of its own
    // between ("announced Thursday, after Canada signed" is the signing's
    // day too).
    j > 0
        && SPEECH.contains(&ctx.word(j - 1).as_str())
        && !ctx.trigger.contains(&(j - 1))
        && (r.end..ctx.trigger.start).all(|i| {
            !matches!(
                ctx.word(i).as_str(),
                "," | "after" | "before" | "since" | "when" | "while" | "as"
            )
        })
}

/// Whether the date at tokens `r` is the day of a dateline: right after
/// "PLACE," at the start of the sentence.
fn dateline_date(ctx: &Context<'_, '_>, r: &Range<usize>) -> bool {
    r.start >= 2
        && ctx.word(r.start - 1) == ","
        && ctx
            .entities
            .mentions_in(ctx.sentence.clone())
            .iter()
            .any(|m| {
                m.etype == EntityType::Place
                    && m.tokens.start == ctx.sentence.start
                    && m.tokens.end + 1 == r.start
            })
}

/// Whether a "since" between tokens `from` and `to`, with no comma after
/// it, opens a clause that token `to` stands in ("his fourth visit since
/// the invasion in February 2022").
fn since_before(ctx: &Context<'_, '_>, from: usize, to: usize) -> bool {
    (from..to)
        .rev()
        .find(|&k| ctx.word(k) == "since")
        .is_some_and(|k| (k..to).all(|j| ctx.word(j) != ","))
}

/// The year of a TIMEX3 value that starts with one ("2019", "2024-09-03").
fn year_of(value: &str) -> Option<u32> {
    value.get(..4)?.parse().ok()
}

/// The place of a dateline ("New Delhi, Feb 19 (PTI) ..."): a place in
/// capitals opening one of the first lines ("MANILA, Philippines (AP) -"),
/// else a place name that opens the text, followed by a comma and a date.
/// Returns the place's entity and the span of the sentence it opens.
fn dateline(input: &Input<'_>, entities: &Entities) -> Option<(usize, Span)> {
    // "MANILA, Philippines (AP) -", "ANKARA (AA) -" on a line of its own
    // or after a headline: a place in capitals.
    if let Some(m) = entities
        .mentions
        .iter()
        .take_while(|m| m.span.start < 600)
        .find(|m| {
            m.etype == EntityType::Place && tidings_entities::is_dateline(input, m.tokens.clone())
        })
    {
        let s = input.tokens.sentence_of(m.tokens.start);
        return Some((m.entity, input.tokens.sentences()[s].span));
    }
    let first = input.tokens.sentences().first()?;
    let m = entities
        .mentions
        .iter()
        .find(|m| m.tokens.start == first.tokens.start && m.etype == EntityType::Place)?;
    let comma = input.tokens.tokens().get(m.tokens.end)?;
    if &input.text[comma.span] != "," {
        return None;
    }
    let after = input.tokens.tokens().get(m.tokens.end + 1)?.span.start;
    let dated = input
        .timexes
        .iter()
        .any(|t| t.span.start == after && t.kind == TimexKind::Date);
    dated.then_some((m.entity, first.span))
}

/// Events that the text gives no date share the date of the article's
/// lead event when they share a participant with it ("Austin ... met Singh"
/// after "Singh and Austin on Monday concluded ...").
fn inherit_lead_date(
    input: &Input<'_>,
    entities: &Entities,
    events: &mut [Event],
    lead: Option<usize>,
) {
    let Some(lead) = lead else {
        return;
    };
    let lead_span = input.tokens.sentences()[lead].span;
    // A report of the lead merged into one of the headline keeps the
    // headline's sentence: the headline's events come next. Within each,
    // what happened before what is planned ("relaunch trade talks, aim to
    // conclude deal by year-end").
    let title_span = headline(input).map(|h| input.tokens.sentences()[h].span);
    let main = [Some(lead_span), title_span]
        .into_iter()
        .flatten()
        .find_map(|span| {
            let here = |e: &&Event| e.sentence == span && e.date.is_some();
            events
                .iter()
                .filter(here)
                .find(|e| e.status == Status::Happened)
                .or_else(|| events.iter().find(here))
        })
        .map(|e| (e.date, e.participants.clone(), e.etype));
    let Some(main) = main else {
        return;
    };
    // Within the next two sentences, the countries its people act for
    // share in it too: "Crown Prince Mohammed bin Salman and President
    // Donald Trump signed ... Saudi Arabia and the United States also
    // opened the forum".
    let countries: Vec<usize> = main
        .1
        .iter()
        .filter_map(|&p| entities.entities[p].country.as_deref())
        .filter_map(|c| {
            entities
                .entities
                .iter()
                .position(|e| e.etype == EntityType::Place && e.name == c)
        })
        .collect();
    let sentences = input.tokens.sentences();
    let near = |e: &Event| {
        sentences[lead..]
            .iter()
            .take(3)
            .any(|s| s.span == e.sentence)
    };
    // ... and, in an event of its type, people acting for its countries:
    // "US and Russian officials agreed on Tuesday after their talks ...
    // Rubio, Waltz and Witkoff met Lavrov" (not "the two navies began an
    // exercise on Thursday ... Li held talks with Shoigu").
    let acts_for_main = |p: usize| {
        entities.entities[p].country.as_deref().is_some_and(|c| {
            main.1.iter().any(|&m| {
                entities.entities[m].etype == EntityType::Place && entities.entities[m].name == c
            })
        })
    };
    for e in events.iter_mut() {
        let shares = e.participants.iter().any(|p| main.1.contains(p))
            || (near(e)
                && e.participants
                    .iter()
                    .any(|&p| countries.contains(&p) || (e.etype == main.2 && acts_for_main(p))));
        if e.date.is_none() && !matches!(e.date_rule, "separately" | "since") && shares {
            e.date = main.0;
            e.date_rule = "lead-event";
        }
    }
}

/// An undated event "on the sidelines of the meeting" (or summit,
/// conference, talks) takes the date of the last dated gathering before
/// it: "... the 26th meeting of the Contact Group on February 12. On the
/// sidelines of the meeting, Umerov held his first meeting with Hegseth."
/// One "during that visit" (or "the summit", "the talks") takes the date of
/// the last dated visit (or gathering) told before its sentence, even over
/// a date inherited from the lead.
fn date_from_sidelines(input: &Input<'_>, events: &mut [Event]) {
    const GATHERINGS: &[&str] = &[
        "meeting",
        "meetings",
        "summit",
        "conference",
        "talks",
        "forum",
        "gathering",
        "session",
        "dialogue",
    ];
    for k in 0..events.len() {
        let r = input.tokens.tokens_in(events[k].sentence);
        let words: Vec<String> = r.clone().map(|i| lower(input, i)).collect();
        // "During that visit the two countries signed ...": the last dated
        // visit before, over a date only inherited from the lead.
        let during = words.windows(3).find_map(|w| {
            (w[0] == "during" && matches!(w[1].as_str(), "that" | "the" | "his" | "her" | "their"))
                .then(|| w[2].clone())
        });
        let inherited = events[k].date.is_none() || events[k].date_rule.starts_with("lead-event");
        if let Some(noun) = during.filter(|_| inherited) {
            let start = events[k].trigger.start;
            let kinds: &[EventType] = match noun.as_str() {
                "visit" | "trip" | "tour" | "stay" => &[EventType::Visit],
                "summit" | "meeting" | "talks" | "conference" => {
                    &[EventType::Summit, EventType::Meet]
                }
                _ => &[],
            };
            let before = events[..k]
                .iter()
                .rev()
                .filter(|o| o.trigger.start < start && o.sentence != events[k].sentence)
                .find(|o| kinds.contains(&o.etype) && o.date.is_some());
            if let Some(date) = before.and_then(|o| o.date) {
                events[k].date = Some(date);
                events[k].date_rule = "during";
                continue;
            }
        }
        if events[k].date.is_some() {
            continue;
        }
        let aside = words.windows(4).any(|w| {
            matches!(
                w[0].as_str(),
                "sidelines" | "sideline" | "margins" | "margin"
            ) && w[1] == "of"
                && w[2] == "the"
                && GATHERINGS.contains(&w[3].as_str())
        });
        if !aside {
            continue;
        }
        let start = events[k].trigger.start;
        let gathering = events[..k]
            .iter()
            .rev()
            .chain(events[k + 1..].iter())
            .filter(|o| o.trigger.start < start && o.date.is_some())
            .find(|o| matches!(o.etype, EventType::Summit | EventType::Meet));
        if let Some(date) = gathering.and_then(|o| o.date) {
            events[k].date = Some(date);
            events[k].date_rule = "sidelines";
        }
    }
}

/// An undated gathering that a dated trip in its sentence is made for
/// takes the trip's date: "will travel to Manila on July 30, 2024, to hold
/// the fourth 2+2 Ministerial Dialogue".
fn date_from_purpose(input: &Input<'_>, events: &mut [Event]) {
    const FOR: &[&str] = &[
        "hold", "attend", "meet", "join", "chair", "co-chair", "host", "sign", "open", "address",
    ];
    for k in 0..events.len() {
        if events[k].date.is_some() || events[k].etype == EventType::Visit {
            continue;
        }
        let start = input.tokens.tokens_in(events[k].trigger).start;
        let sentence = input.tokens.tokens_in(events[k].sentence);
        // "to hold the fourth ... Dialogue": "to" and a verb of purpose
        // within a few words before the trigger, nothing else between.
        let purpose = (start.saturating_sub(12).max(sentence.start)..start).any(|i| {
            lower(input, i) == "to"
                && FOR.contains(&lower(input, i + 1).as_str())
                && (i + 2..start).all(|j| lower(input, j) != ",")
        });
        if !purpose {
            continue;
        }
        let trip = events.iter().find(|o| {
            o.etype == EventType::Visit
                && o.sentence == events[k].sentence
                && o.trigger.end <= events[k].trigger.start
                && o.date.is_some()
        });
        if let Some(date) = trip.and_then(|o| o.date) {
            events[k].date = Some(date);
            events[k].date_rule = "purpose";
        }
    }
}

/// Whether `people` are all persons, each representing one of `countries`
/// (all countries), and together covering them all; a person of no known
/// country may stand for a country no one else covers.
fn acting_for(entities: &Entities, people: &[usize], countries: &[usize]) -> bool {
    let ents = &entities.entities;
    if people.is_empty() || countries.len() < 2 {
        return false;
    }
    let all_people = people.iter().all(|&p| ents[p].etype == EntityType::Person);
    let all_countries = countries
        .iter()
        .all(|&c| ents[c].etype == EntityType::Place);
    if !all_people || !all_countries {
        return false;
    }
    let of = |p: usize| ents[p].country.as_deref();
    let acts_for = |p: usize, c: usize| of(p) == Some(ents[c].name.as_str());
    // People of no known country may act for the countries no one else
    // does ("Defence Cabinet Secretary Aden Duale and US Secretary of
    // Defense Lloyd Austin" for Kenya and the United States).
    let unknown = people.iter().filter(|&&p| of(p).is_none()).count();
    let uncovered = countries
        .iter()
        .filter(|&&c| !people.iter().any(|&p| acts_for(p, c)))
        .count();
    people
        .iter()
        .all(|&p| of(p).is_none() || countries.iter().any(|&c| acts_for(p, c)))
        && unknown < people.len()
        && uncovered <= unknown
        && (unknown == 0 || people.len() <= countries.len())
}

/// Whether one participant list holds the other (or either is empty).
fn nested(a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
}

fn sorted(v: &[usize]) -> Vec<usize> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_entities::{find as find_entities, Analysis, EntityRules};
    use tidings_gazetteer::GazetteerBuilder;
    use tidings_pattern::parse_rules;
    use tidings_temporal::{parse_date, Tagger};

    const LISTS: &str = "PLACE\tIndia\t\tkind=country;demonym=Indian\n\
        PLACE\tUnited States\tUS\tkind=country;demonym=American\n\
        PLACE\tNew Delhi\t\tkind=city\n\
        PERSON\tRajnath Singh\n\
        PERSON\tLloyd Austin\n\
        PERSON\tAjit Doval\n\
        AGREEMENT\tSecurity of Supply Arrangement\tSOSA\n";

    const RULES: &str = "\
rule meet
  pattern  (?<trigger>\"met\" | \"meet\")
  event    MEET
rule sign
  pattern  (?<trigger>\"signed\" | \"sign\")
  event    SIGN
rule visit
  pattern  (?<trigger>\"visit\")
  event    VISIT
";

    /// (type, status, date value, participants, location) of an event.
    type Summary = (EventType, Status, Option<String>, Vec<String>, Vec<String>);

    fn events(text: &str, dct: &str) -> Vec<Summary> {
        let gazetteer = GazetteerBuilder::new()
            .add_source("t.tsv", LISTS)
            .unwrap()
            .build()
            .unwrap();
        let rules = EventRules::new(&[parse_rules("e.rules", RULES).unwrap()]).unwrap();
        let analysis = Analysis::new(text, &gazetteer, &Tagger::new(), parse_date(dct));
        let input = analysis.input(&gazetteer);
        let timexes = &analysis.timexes;
        let entities = find_entities(&input, &EntityRules::default());
        let names = |v: &[usize]| {
            v.iter()
                .map(|&i| entities.entities[i].name.clone())
                .collect::<Vec<_>>()
        };
        find(&input, &entities, &rules)
            .into_iter()
            .map(|e| {
                let date = e.date.map(|d| timexes[d].value.clone());
                (
                    e.etype,
                    e.status,
                    date,
                    names(&e.participants),
                    names(&e.location),
                )
            })
            .collect()
    }

    #[test]
    fn status_follows_modality() {
        let e = events("Rajnath Singh did not sign the SOSA.", "2024-02-19");
        assert_eq!(e[0].1, Status::Negated);
        let e = events("Rajnath Singh will sign the SOSA on Friday.", "2024-02-19");
        assert_eq!(e[0].1, Status::Planned);
        assert_eq!(e[0].2.as_deref(), Some("2024-02-23"));
        let e = events("Rajnath Singh signed the SOSA on Friday.", "2024-02-19");
        assert_eq!(e[0].1, Status::Happened);
        assert_eq!(e[0].2.as_deref(), Some("2024-02-16"));
    }

    #[test]
    fn one_signing_reported_twice_is_one_event() {
        let e = events(
            "Rajnath Singh and Lloyd Austin signed the SOSA on Friday. The SOSA was signed in New Delhi.",
            "2024-02-19",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].3, ["Rajnath Singh", "Lloyd Austin"]);
    }

    #[test]
    fn separately_makes_one_meeting_each() {
        let e = events(
            "Lloyd Austin met Rajnath Singh and Ajit Doval separately.",
            "2023-06-05",
        );
        let people: Vec<&Vec<String>> = e.iter().map(|e| &e.3).collect();
        assert_eq!(
            people,
            [
                &vec!["Lloyd Austin".to_string(), "Rajnath Singh".to_string()],
                &vec!["Lloyd Austin".to_string(), "Ajit Doval".to_string()]
            ]
        );
    }

    #[test]
    fn dateline_gives_the_place() {
        let e = events(
            "New Delhi, Feb 19 (PTI) Rajnath Singh met Lloyd Austin.",
            "2024-02-19",
        );
        assert_eq!(e[0].4, ["New Delhi"]);
    }

    #[test]
    fn a_date_beside_another_trigger_is_not_borrowed() {
        let e = events(
            "The visit on July 9 was long, and later Rajnath Singh met Lloyd Austin.",
            "2024-07-01",
        );
        let meet = e
            .iter()
            .find(|e| e.0 == EventType::Meet)
            .expect("a meeting");
        assert_eq!(meet.2, None, "{e:?}");
        let e = events(
            "Rajnath Singh met Lloyd Austin during the visit on July 9.",
            "2024-07-01",
        );
        let meet = e
            .iter()
            .find(|e| e.0 == EventType::Meet)
            .expect("a meeting");
        assert_eq!(meet.2.as_deref(), Some("2024-07-09"), "{e:?}");
    }

    #[test]
    fn no_trigger_no_event() {
        assert!(events("India and the US are friends.", "2024-02-19").is_empty());
    }
}
