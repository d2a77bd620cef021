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
    &["both", "the", "countries"],
    &["both", "nations"],
    &["the", "two", "sides"],
    &["the", "two", "countries"],
    &["the", "two", "nations"],
    &["the", "two", "governments"],
];

/// Phrases that stand for the two people last named.
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
    "with", "by", "between", "and", "the", "of", ",", "in", "cooperation", "co", "-", "hosted",
    "organised", "organized", "be", "being", "is", "was", "will", "among", "including", "his",
    "her", "their", "its", "counterpart", "also", "together", "jointly",
];

/// Words before a trigger that mark it as a mention of an event already reported.
const DETERMINERS: &[&str] = &["the", "this", "that", "these", "its", "their"];

/// One trigger found in a sentence, before its arguments are filled.
struct Trigger {
    rule: usize,
    tokens: Range<usize>,
    roles: Vec<(String, usize)>,
}

/// Finds the events of `input`.
pub fn find(input: &Input<'_>, entities: &Entities, rules: &EventRules) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let toks = input.tokens.tokens();
    let mut lead: Option<usize> = None;
    for (s, sent) in input.tokens.sentences().iter().enumerate() {
        let seq = annotate(input, s, Some(&entities.mentions));
        let base = sent.tokens.start;
        let mut triggers: Vec<Trigger> = Vec::new();
        for (r, rule) in rules.rules.iter().enumerate() {
            for m in rule.pattern.find_iter(&seq) {
                let local = m.get("trigger").map_or(m.tokens.clone(), |c| c.tokens.clone());
                if local.is_empty() {
                    continue;
                }
                let tokens = base + local.start..base + local.end;
                // Two rules on the same words: the first rule wins.
                if triggers.iter().any(|t| t.tokens.start < tokens.end && tokens.start < t.tokens.end) {
                    continue;
                }
                let roles = m
                    .captures
                    .iter()
                    .filter_map(|c| c.annotation.map(|a| (c.name.to_string(), a)))
                    .collect();
                triggers.push(Trigger { rule: r, tokens, roles });
            }
        }
        triggers.sort_by_key(|t| t.tokens.start);
        let first_event = events.len();
        for (k, t) in triggers.iter().enumerate() {
            let rule = &rules.rules[t.rule];
            let clause = clause(input, sent.tokens.clone(), &t.tokens);
            // The words between the neighbouring triggers belong to this one.
            let left = k
                .checked_sub(1)
                .map_or(clause.start, |j| triggers[j].tokens.end.max(clause.start));
            let right = triggers
                .get(k + 1)
                .map_or(clause.end, |n| n.tokens.start.min(clause.end));
            let region = left.min(t.tokens.start)..right.max(t.tokens.end);
            let span = Span::new(toks[t.tokens.start].span.start, toks[t.tokens.end - 1].span.end);
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
            fill_arguments(input, entities, &mut event, region.clone(), clause.clone(), t.tokens.clone());
            attach_date(input, &mut event, sent.tokens.clone(), clause, region.clone(), t.tokens.clone());
            events.extend(split_by_dates(input, entities, event, region));
        }
        if lead.is_none() && events.len() > first_event {
            lead = Some(s);
        }
    }
    attach_following_agreements(input, entities, &mut events);
    let mut events = merge_reports(input, events);
    inherit_lead_date(input, &mut events, lead);
    events.sort_by_key(|e| (e.trigger.start, e.etype));
    events
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
    start..end
}

/// Whether token `i` lies inside parentheses (a dateline's agency, an acronym).
fn in_parentheses(input: &Input<'_>, i: usize, sentence_start: usize) -> bool {
    let mut depth = 0i32;
    for j in (sentence_start..i).rev() {
        match input.text[input.tokens.tokens()[j].span].as_ref() {
            ")" => depth += 1,
            "(" if depth == 0 => return true,
            "(" => depth -= 1,
            _ => {}
        }
    }
    false
}

fn fill_arguments(
    input: &Input<'_>,
    entities: &Entities,
    event: &mut Event,
    region: Range<usize>,
    clause: Range<usize>,
    trigger: Range<usize>,
) {
    let inside: Vec<&tidings_entities::Mention> = entities
        .mentions
        .iter()
        .filter(|m| m.tokens.start >= region.start && m.tokens.end <= region.end)
        .collect();
    // Outermost mentions only: a country word inside an organisation's name
    // is not a participant of its own, nor is the country in a title
    // ("US Secretary for Defence Lloyd Austin").
    let attribute_spans: Vec<Span> = entities
        .mentions
        .iter()
        .flat_map(|m| m.countries.iter().copied())
        .collect();
    let outer: Vec<&tidings_entities::Mention> = inside
        .iter()
        .copied()
        .filter(|m| !inside.iter().any(|o| o.span != m.span && o.span.contains(m.span)))
        .filter(|m| !attribute_spans.iter().any(|s| s.contains(m.span)))
        .filter(|m| !in_parentheses(input, m.tokens.start, clause.start))
        .collect();
    let etype = event.etype;
    let word = |i: usize| lower(input, i);
    // "Modi's state visit": the possessor is the one participant.
    let mut possessor = None;
    {
        let mut j = trigger.start;
        while j > region.start && matches!(word(j - 1).as_str(), "state" | "official" | "maiden" | "first" | "second" | "recent" | "two-day") {
            j -= 1;
        }
        if j > region.start && matches!(word(j - 1).as_str(), "'s" | "’s") {
            possessor = outer.iter().find(|m| m.tokens.end == j - 1).map(|m| m.entity);
        }
    }
    // The name of a gathering or initiative: a name that contains the
    // trigger ("INDUS-X Summit") or stands right before it ("QUAD summit").
    if matches!(etype, EventType::Summit | EventType::Launch) {
        let containing = entities
            .mentions
            .iter()
            .find(|m| m.tokens.start <= trigger.start && trigger.end <= m.tokens.end && m.etype == EntityType::Org);
        if let Some(m) = containing {
            push(&mut event.name, m.entity);
        } else if let Some(m) = outer.iter().find(|m| {
            m.tokens.end == trigger.start && matches!(m.etype, EntityType::Org)
                || (m.tokens.end + 1 == trigger.start && matches!(word(m.tokens.end).as_str(), "'" | "’"))
        }) {
            push(&mut event.name, m.entity);
        }
    }
    if etype == EventType::Launch && event.name.is_empty() {
        // "launched the X", "X was launched".
        let mut j = trigger.end;
        while j < region.end && matches!(word(j).as_str(), "the" | "a" | "an" | "new" | "its" | "their" | "of") {
            j += 1;
        }
        let object = outer.iter().find(|m| m.tokens.start == j && matches!(m.etype, EntityType::Org | EntityType::Agreement));
        let mut b = trigger.start;
        while b > region.start && matches!(word(b - 1).as_str(), "was" | "were" | "is" | "are" | "been" | "be" | "has" | "have" | "had" | "being" | "formally" | "officially" | "jointly") {
            b -= 1;
        }
        let subject = (b < trigger.start)
            .then(|| outer.iter().find(|m| m.tokens.end == b && matches!(m.etype, EntityType::Org | EntityType::Agreement)))
            .flatten();
        if let Some(m) = object.or(subject) {
            push(&mut event.name, m.entity);
        }
    }
    for m in &outer {
        if m.tokens.start < trigger.end && trigger.start < m.tokens.end {
            continue;
        }
        if event.name.contains(&m.entity) {
            continue;
        }
        let before = m.tokens.end <= trigger.start;
        let prev = m.tokens.start.checked_sub(1).map(word);
        let prev2 = m.tokens.start.checked_sub(2).map(word);
        let after_prep = |words: &[&str]| {
            prev.as_deref().is_some_and(|p| words.contains(&p))
                || (prev.as_deref() == Some("the") && prev2.as_deref().is_some_and(|p| words.contains(&p)))
        };
        match m.etype {
            EntityType::Agreement => {
                if matches!(etype, EventType::Sign | EventType::Negotiate) {
                    push(&mut event.agreement, m.entity);
                }
            }
            EntityType::Place if !m.is_country => {
                if after_prep(&["in", "at", "to", "near", "from"]) {
                    push(&mut event.location, m.entity);
                }
            }
            EntityType::Place if !before && after_prep(&["in", "to"]) => {
                if matches!(etype, EventType::Visit | EventType::Summit | EventType::Exercise | EventType::Meet) {
                    push(&mut event.location, m.entity);
                }
            }
            EntityType::Person | EntityType::Place | EntityType::Org => {
                if possessor.is_none() && participant_position(input, m.tokens.clone(), &trigger, before) {
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
    // People act; the countries named beside them are their affiliations.
    let is_person = |e: usize| entities.entities[e].etype == EntityType::Person;
    if event.participants.iter().any(|&p| is_person(p)) {
        event.participants.retain(|&p| entities.entities[p].etype != EntityType::Place);
    }
    // "both sides", "the two countries", "both the leaders".
    if let Some(pair) = both_sides(input, entities, clause.clone()) {
        for p in pair {
            push(&mut event.participants, p);
        }
    }
}

/// Whether a mention at `m` stands where a participant does: before the
/// trigger in its region, or after it behind "with", "by", "between",
/// "and" and the like.
fn participant_position(input: &Input<'_>, m: Range<usize>, trigger: &Range<usize>, before: bool) -> bool {
    if before {
        return true;
    }
    let words: Vec<String> = (trigger.end..m.start).map(|i| lower(input, i)).collect();
    words.len() <= 8 && words.iter().all(|w| GAP_WORDS.contains(&w.as_str()) || w == "'s" || w == "’s")
}

fn phrase_in(words: &[String], phrases: &[&[&str]]) -> bool {
    phrases
        .iter()
        .any(|p| words.windows(p.len()).any(|w| w.iter().zip(p.iter()).all(|(a, b)| a == b)))
}

/// The two countries (or people) last named before a "both sides" phrase in `clause`.
fn both_sides(input: &Input<'_>, entities: &Entities, clause: Range<usize>) -> Option<[usize; 2]> {
    let words: Vec<String> = clause.clone().map(|i| lower(input, i)).collect();
    let people = phrase_in(&words, BOTH_LEADERS);
    if !people && !phrase_in(&words, BOTH_SIDES) {
        return None;
    }
    let mut last: Vec<usize> = Vec::new();
    for m in entities.mentions.iter().rev() {
        let fits = if people {
            m.etype == EntityType::Person
        } else {
            m.is_country
        };
        if m.tokens.end <= clause.end && fits && !last.contains(&m.entity) {
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

/// Attaches the date expression nearest the trigger: in its own region
/// first, then its clause, then its sentence.
fn attach_date(
    input: &Input<'_>,
    event: &mut Event,
    sentence: Range<usize>,
    clause: Range<usize>,
    region: Range<usize>,
    trigger: Range<usize>,
) {
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
    for (scope, name) in [(region, "region"), (clause, "clause"), (sentence, "sentence")] {
        if let Some((i, _)) = candidates
            .iter()
            .filter(|(_, r)| r.start >= scope.start && r.end <= scope.end)
            .min_by_key(|(_, r)| dist(r))
        {
            event.date = Some(*i);
            event.date_rule = name;
            return;
        }
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
fn split_by_dates(input: &Input<'_>, entities: &Entities, event: Event, region: Range<usize>) -> Vec<Event> {
    if !matches!(event.etype, EventType::Sign) || event.agreement.is_empty() {
        return vec![event];
    }
    let dated: Vec<(usize, usize)> = event
        .agreement
        .iter()
        .filter_map(|&a| {
            entities.entities[a]
                .mentions
                .iter()
                .map(|&m| &entities.mentions[m])
                .filter(|m| m.tokens.start >= region.start && m.tokens.end <= region.end)
                .find_map(|m| date_after(input, m.tokens.end))
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

/// "These agreements, including X and Y, ...": agreements named in the
/// sentence after a signing whose agreements were not named belong to it.
fn attach_following_agreements(input: &Input<'_>, entities: &Entities, events: &mut [Event]) {
    let sentences = input.tokens.sentences();
    for e in events.iter_mut() {
        if e.etype != EventType::Sign || !e.agreement.is_empty() {
            continue;
        }
        let s = input.tokens.sentence_at(e.sentence.start);
        let Some(next) = sentences.get(s + 1) else {
            continue;
        };
        let first: Vec<String> = next.tokens.clone().take(2).map(|i| lower(input, i)).collect();
        let anaphor = first.len() == 2
            && matches!(first[0].as_str(), "these" | "the" | "both")
            && matches!(first[1].as_str(), "agreements" | "pacts" | "accords" | "deals" | "documents" | "memoranda");
        if !anaphor {
            continue;
        }
        for m in &entities.mentions {
            if m.etype == EntityType::Agreement && m.tokens.start >= next.tokens.start && m.tokens.end <= next.tokens.end {
                push(&mut e.agreement, m.entity);
            }
        }
    }
}

/// Whether the event's trigger is preceded by a determiner ("the summit",
/// "this initiative"): a mention of an event already reported.
fn definite(input: &Input<'_>, e: &Event) -> bool {
    let Some(t) = input.tokens.token_starting_at(e.trigger.start) else {
        return false;
    };
    (t.saturating_sub(3)..t).any(|i| DETERMINERS.contains(&lower(input, i).as_str()))
}

/// Merges reports of one event: same type, and the same sentence, a shared
/// agreement or name, the same participants, or a bare definite mention
/// ("the summit") of the last such event.
fn merge_reports(input: &Input<'_>, events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let bare = e.participants.is_empty() && e.agreement.is_empty() && e.name.is_empty() && definite(input, &e);
        let conflict = |o: &Event| {
            (!o.agreement.is_empty() && !e.agreement.is_empty() && !o.agreement.iter().any(|a| e.agreement.contains(a)))
                || (!o.name.is_empty() && !e.name.is_empty() && !o.name.iter().any(|a| e.name.contains(a)))
        };
        let same = out.iter_mut().rev().find(|o| {
            o.etype == e.etype
                && !conflict(o)
                && (o.sentence == e.sentence
                    || o.agreement.iter().any(|a| e.agreement.contains(a))
                    || o.name.iter().any(|a| e.name.contains(a))
                    || (!o.participants.is_empty() && sorted(&o.participants) == sorted(&e.participants))
                    || bare
                    || (definite(input, &e) && e.name.is_empty() && e.agreement.is_empty()
                        && e.participants.iter().all(|p| o.participants.contains(p))))
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

/// Events that the text gives no date share the date of the article's
/// lead event when they share a participant with it ("Austin ... met Singh"
/// after "Singh and Austin on Monday concluded ...").
fn inherit_lead_date(input: &Input<'_>, events: &mut [Event], lead: Option<usize>) {
    let Some(lead) = lead else {
        return;
    };
    let lead_span = input.tokens.sentences()[lead].span;
    let Some(main) = events
        .iter()
        .find(|e| e.sentence == lead_span && e.date.is_some())
        .map(|e| (e.date, e.participants.clone()))
    else {
        return;
    };
    for e in events.iter_mut() {
        if e.date.is_none() && e.participants.iter().any(|p| main.1.contains(p)) {
            e.date = main.0;
            e.date_rule = "lead-event";
        }
    }
}

fn sorted(v: &[usize]) -> Vec<usize> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}
