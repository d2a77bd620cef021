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
//! assert_eq!(names(&e.agreement), ["Basic Exchange and Cooperation Agreement"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::ops::Range;

use tidings_core::{EntityType, Span};
use tidings_entities::{annotate, Entities, Input};
use tidings_pattern::{Pattern, RuleError, RuleFile};
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
}

#[derive(Clone, Debug)]
struct EventRule {
    id: String,
    pattern: Pattern,
    etype: EventType,
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
                let Some(field) = rule.fields("event").next() else {
                    continue;
                };
                let etype = EventType::ALL
                    .into_iter()
                    .find(|t| t.as_str() == field.value.trim())
                    .ok_or_else(|| {
                        rule.error_at(
                            field.line,
                            1,
                            format!("unknown event type {:?} (expected MEET, VISIT, SUMMIT, SIGN, NEGOTIATE, LAUNCH or EXERCISE)", field.value),
                        )
                    })?;
                rules.push(EventRule {
                    id: rule.id.clone(),
                    pattern: rule.pattern.clone(),
                    etype,
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
const NEGATION: &[&str] = &["not", "never", "no", "n't", "without", "refused", "failed"];

/// Phrases that stand for the two countries last named.
const BOTH_SIDES: &[&[&str]] = &[
    &["both", "sides"],
    &["both", "countries"],
    &["both", "nations"],
    &["the", "two", "sides"],
    &["the", "two", "countries"],
    &["the", "two", "nations"],
];

/// Finds the events of `input`.
pub fn find(input: &Input<'_>, entities: &Entities, rules: &EventRules) -> Vec<Event> {
    let mut events = Vec::new();
    let toks = input.tokens.tokens();
    for (s, sent) in input.tokens.sentences().iter().enumerate() {
        let seq = annotate(input, s, Some(&entities.mentions));
        let base = sent.tokens.start;
        for rule in &rules.rules {
            for m in rule.pattern.find_iter(&seq) {
                let local = m
                    .get("trigger")
                    .map_or(m.tokens.clone(), |c| c.tokens.clone());
                if local.is_empty() {
                    continue;
                }
                let trigger = base + local.start..base + local.end;
                let span = Span::new(
                    toks[trigger.start].span.start,
                    toks[trigger.end - 1].span.end,
                );
                let mut event = Event {
                    etype: rule.etype,
                    trigger: span,
                    sentence: sent.span,
                    status: status(input, trigger.start, sent.tokens.start),
                    date: None,
                    date_rule: "none",
                    participants: Vec::new(),
                    agreement: Vec::new(),
                    location: Vec::new(),
                    name: Vec::new(),
                    rule: rule.id.clone(),
                };
                // Roles the rule captured itself.
                for cap in &m.captures {
                    let Some(id) = cap.annotation else { continue };
                    let role = match &*cap.name {
                        "participant" | "participants" => &mut event.participants,
                        "agreement" => &mut event.agreement,
                        "location" => &mut event.location,
                        "name" => &mut event.name,
                        _ => continue,
                    };
                    if let Some(mention) = entities.mentions.get(id) {
                        push(role, mention.entity);
                    }
                }
                fill_arguments(
                    input,
                    entities,
                    &mut event,
                    sent.tokens.clone(),
                    trigger.clone(),
                );
                attach_date(input, &mut event, sent.tokens.clone(), trigger);
                events.push(event);
            }
        }
    }
    events.sort_by_key(|e| (e.trigger.start, e.etype));
    events.dedup_by(|b, a| a.trigger == b.trigger && a.etype == b.etype);
    merge_reports(events)
}

fn push(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn lower(input: &Input<'_>, i: usize) -> String {
    input.text[input.tokens.tokens()[i].span].to_lowercase()
}

fn status(input: &Input<'_>, trigger: usize, sentence_start: usize) -> Status {
    let from = trigger.saturating_sub(4).max(sentence_start);
    let words: Vec<String> = (from..trigger).map(|i| lower(input, i)).collect();
    if words.iter().any(|w| NEGATION.contains(&w.as_str())) {
        Status::Negated
    } else if words.iter().any(|w| FUTURE.contains(&w.as_str())) {
        Status::Planned
    } else {
        Status::Happened
    }
}

/// The clause around the trigger: the sentence cut at semicolons and at
/// commas followed by a new subject is too fine for news copy, so a clause
/// here is the sentence cut at `;` and at `:`.
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
    start..end
}

fn fill_arguments(
    input: &Input<'_>,
    entities: &Entities,
    event: &mut Event,
    sentence: Range<usize>,
    trigger: Range<usize>,
) {
    let clause = clause(input, sentence, &trigger);
    // Mentions in the clause, outermost only (a country word inside an
    // organisation's name is not a participant of its own).
    let inside: Vec<&tidings_entities::Mention> = entities
        .mentions
        .iter()
        .filter(|m| m.tokens.start >= clause.start && m.tokens.end <= clause.end)
        .collect();
    let outer: Vec<&tidings_entities::Mention> = inside
        .iter()
        .copied()
        .filter(|m| {
            !inside
                .iter()
                .any(|o| o.span != m.span && o.span.contains(m.span))
        })
        .collect();
    let etype = event.etype;
    for m in &outer {
        if m.tokens.start < trigger.end && trigger.start < m.tokens.end {
            continue;
        }
        let before = m.tokens.end <= trigger.start;
        let prev = m.tokens.start.checked_sub(1).map(|i| lower(input, i));
        let prev2 = m.tokens.start.checked_sub(2).map(|i| lower(input, i));
        let after_prep = |words: &[&str]| {
            prev.as_deref().is_some_and(|p| words.contains(&p))
                || (prev.as_deref() == Some("the")
                    && prev2.as_deref().is_some_and(|p| words.contains(&p)))
        };
        match m.etype {
            EntityType::Agreement => {
                if matches!(etype, EventType::Sign | EventType::Negotiate) {
                    push(&mut event.agreement, m.entity);
                }
            }
            EntityType::Place if !m.is_country && after_prep(&["in", "at", "to", "near"]) => {
                push(&mut event.location, m.entity);
            }
            EntityType::Place if m.is_country && after_prep(&["in", "to"]) && !before => {
                if matches!(
                    etype,
                    EventType::Visit | EventType::Summit | EventType::Exercise | EventType::Meet
                ) {
                    push(&mut event.location, m.entity);
                }
            }
            EntityType::Place if !m.is_country => {}
            EntityType::Person | EntityType::Place | EntityType::Org => {
                if matches!(etype, EventType::Summit | EventType::Launch)
                    && m.etype == EntityType::Org
                    && adjacent(m.tokens.clone(), &trigger)
                {
                    push(&mut event.name, m.entity);
                } else if participant_position(input, m.tokens.clone(), &trigger, before) {
                    push(&mut event.participants, m.entity);
                }
            }
            EntityType::System => {}
        }
    }
    // "both sides", "the two countries": the two countries last named.
    if event.participants.is_empty() {
        if let Some(pair) = both_sides(input, entities, clause.clone()) {
            for p in pair {
                push(&mut event.participants, p);
            }
        }
    }
}

/// Whether a mention at `m` stands where a participant does: before the
/// trigger in its clause, or after it behind "with", "by", "between", "and"
/// or as the object of a meeting verb.
fn participant_position(
    input: &Input<'_>,
    m: Range<usize>,
    trigger: &Range<usize>,
    before: bool,
) -> bool {
    if before {
        return true;
    }
    let words: Vec<String> = (trigger.end..m.start).map(|i| lower(input, i)).collect();
    words.len() <= 6
        && (words.is_empty()
            || words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "with" | "by" | "between" | "and" | "counterpart" | "met" | "among"
                )
            }))
}

fn adjacent(m: Range<usize>, trigger: &Range<usize>) -> bool {
    m.end == trigger.start || trigger.end == m.start
}

fn both_sides(input: &Input<'_>, entities: &Entities, clause: Range<usize>) -> Option<[usize; 2]> {
    let words: Vec<String> = clause.clone().map(|i| lower(input, i)).collect();
    let found = BOTH_SIDES.iter().any(|p| {
        words
            .windows(p.len())
            .any(|w| w.iter().zip(p.iter()).all(|(a, b)| a == b))
    });
    if !found {
        return None;
    }
    let mut last: Vec<usize> = Vec::new();
    for m in entities.mentions.iter().rev() {
        if m.tokens.end <= clause.end && m.is_country && !last.contains(&m.entity) {
            last.push(m.entity);
            if last.len() == 2 {
                let mut pair = [last[1], last[0]];
                pair.sort_unstable();
                return Some(pair);
            }
        }
    }
    None
}

/// Attaches the date expression nearest the trigger in its clause, else in
/// its sentence.
fn attach_date(
    input: &Input<'_>,
    event: &mut Event,
    sentence: Range<usize>,
    trigger: Range<usize>,
) {
    let toks = input.tokens.tokens();
    let clause = clause(input, sentence.clone(), &trigger);
    let dist = |r: &Range<usize>| {
        if r.end <= trigger.start {
            trigger.start - r.end
        } else {
            r.start.saturating_sub(trigger.end)
        }
    };
    let candidates: Vec<(usize, Range<usize>)> = input
        .timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TimexKind::Date))
        .map(|(i, t)| (i, input.tokens.tokens_in(t.span)))
        .filter(|(_, r)| !r.is_empty() && r.start >= sentence.start && r.end <= sentence.end)
        .collect();
    let _ = toks;
    let in_clause = candidates
        .iter()
        .filter(|(_, r)| r.start >= clause.start && r.end <= clause.end)
        .min_by_key(|(_, r)| dist(r));
    if let Some((i, _)) = in_clause {
        event.date = Some(*i);
        event.date_rule = "clause";
    } else if let Some((i, _)) = candidates.iter().min_by_key(|(_, r)| dist(r)) {
        event.date = Some(*i);
        event.date_rule = "sentence";
    }
}

/// Merges reports of one event: same type, and a shared agreement, or a
/// shared name, or the same participants.
fn merge_reports(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let same = out.iter_mut().find(|o| {
            o.etype == e.etype
                && (o.agreement.iter().any(|a| e.agreement.contains(a))
                    || o.name.iter().any(|a| e.name.contains(a))
                    || (!o.participants.is_empty()
                        && sorted(&o.participants) == sorted(&e.participants)
                        && o.agreement.is_empty()
                        && e.agreement.is_empty()))
        });
        match same {
            Some(o) => {
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
                if o.date.is_none() {
                    o.date = e.date;
                    o.date_rule = e.date_rule;
                }
            }
            None => out.push(e),
        }
    }
    out
}

fn sorted(v: &[usize]) -> Vec<usize> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}
