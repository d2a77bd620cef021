//! Acronym definitions: "Full Name (ACRONYM)" and "ACRONYM (Full Name)".
//!
//! A definition links the acronym to the full name, so both are mentions of
//! one entity, and makes every later use of the acronym a mention too.

use std::collections::{HashMap, HashSet};

use tidings_core::{EntityType, Span};
use tidings_tokenize::Shape;

use crate::{Input, Mention, MentionKind};

/// Words that end an agreement's name.
pub(crate) const AGREEMENT_HEADS: &[&str] = &[
    "agreement",
    "agreements",
    "arrangement",
    "arrangements",
    "memorandum",
    "treaty",
    "accord",
    "accords",
    "pact",
    "roadmap",
    "framework",
    "protocol",
    "declaration",
    "convention",
    "charter",
    "compact",
    "understanding",
    "annex",
    "deal",
];

/// Small words that may join the capitalised words of a name.
pub(crate) const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "in", "&", "de", "to"];

/// Whether tokens `r` spell an acronym: no spaces inside, two or more
/// capitals, letters (and hyphens or digits) only, at most 12 bytes.
fn acronym_at(input: &Input<'_>, r: std::ops::Range<usize>) -> Option<Span> {
    let toks = input.tokens.tokens();
    if r.is_empty() || r.end > toks.len() {
        return None;
    }
    for t in &toks[r.start + 1..r.end] {
        if t.space_before {
            return None;
        }
    }
    let span = Span::new(toks[r.start].span.start, toks[r.end - 1].span.end);
    let s = &input.text[span];
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    let ok = s.len() <= 12
        && upper >= 2
        && s.chars().next().is_some_and(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '&')
        && upper * 2 >= s.chars().filter(|c| c.is_alphabetic()).count();
    ok.then_some(span)
}

/// Whether the acronym plausibly abbreviates the long form: at least half
/// of its distinct letters start a word of the long form.
fn plausible(acronym: &str, long: &str) -> bool {
    let initials = word_initials(long, &[]);
    let mut letters = acronym_letters(acronym);
    letters.sort_unstable();
    letters.dedup();
    let first = acronym.chars().next().and_then(|c| c.to_lowercase().next());
    let hits = letters.iter().filter(|c| initials.contains(c)).count();
    !letters.is_empty() && hits * 2 >= letters.len() && first.is_some_and(|f| initials.contains(&f))
}

/// For "Full Name (ACR) Head" where "ACR Head" is a listed name: a mention
/// of that entry over the whole phrase (replacing the mentions inside it),
/// else `None`. `open` and `close` are the parentheses' tokens.
fn listed_around(
    input: &Input<'_>,
    mentions: &mut Vec<Mention>,
    index: &mut Index,
    open: usize,
    close: usize,
    acr: &str,
) -> Option<usize> {
    let toks = input.tokens.tokens();
    let head = toks.get(close + 1)?;
    if head.shape != Shape::Capitalized || head.newline_before {
        return None;
    }
    let form = format!("{acr} {}", &input.text[head.span]);
    let form_tokens = tidings_tokenize::tokenize(&form);
    let found = input.gazetteer.find(&form, &form_tokens);
    let entry = found
        .chosen
        .iter()
        .find(|g| g.span.start == 0 && g.span.end == form.len())?
        .entry;
    let etype = input.gazetteer.entry(entry).entity_type()?;
    let start = capitalised_run_before(input, open)?.start;
    let whole = start..close + 2;
    index.kill_within(mentions, whole.clone(), |m| {
        whole.start <= m.tokens.start && m.tokens.end <= whole.end
    });
    let mut m = new_mention(input, whole, etype, MentionKind::Name);
    m.entry = Some(entry);
    Some(index.push(mentions, m))
}

/// Whether every capitalised word of `long` is a word of the listed name
/// (two or more words).
fn within_listed_name(listed: &str, long: &str) -> bool {
    let key = |w: &str| crate::normal::name_key(w);
    let listed: HashSet<String> = listed.split_whitespace().map(key).collect();
    let words: Vec<String> = long
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(key)
        .collect();
    words.len() >= 2 && words.iter().all(|w| listed.contains(w))
}

/// The letters of an acronym, in lower case.
fn acronym_letters(acronym: &str) -> Vec<char> {
    acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The initials of the words of `long` (split at spaces and hyphens), in
/// lower case, leaving out the words of `skip`.
fn word_initials(long: &str, skip: &[&str]) -> Vec<char> {
    long.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !skip.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the acronym's letters are the initials of consecutive words of
/// the long form, connectors skipped ("JCS" in "South Korea's Joint Chiefs
/// of Staff", "IRA" in "Inflation Reduction Act"; not "AP" in "Buenos
/// Aires").
fn initials_in_order(acronym: &str, long: &str) -> bool {
    let letters = acronym_letters(acronym);
    let initials = word_initials(long, CONNECTORS);
    !letters.is_empty()
        && initials
            .windows(letters.len())
            .any(|w| w == letters.as_slice())
}

/// The run of capitalised words (with connectors inside) that ends at token
/// `end` (exclusive), as a token range of at least two words.
fn capitalised_run_before(input: &Input<'_>, end: usize) -> Option<std::ops::Range<usize>> {
    let toks = input.tokens.tokens();
    let sentence = &input.tokens.sentences()[input.tokens.sentence_of(end.saturating_sub(1))];
    let mut start = end;
    let mut words = 0;
    while start > sentence.tokens.start {
        let t = &toks[start - 1];
        let w = &input.text[t.span];
        let capital = matches!(t.shape, Shape::Capitalized | Shape::Upper | Shape::Mixed);
        let joiner = w == "-" && !t.space_before;
        let connector = CONNECTORS.contains(&w.to_lowercase().as_str());
        if capital || joiner || (connector && words > 0) {
            start -= 1;
            if capital {
                words += 1;
            }
        } else {
            break;
        }
    }
    // Never start on a connector or hyphen.
    while start < end {
        let w = &input.text[toks[start].span];
        if CONNECTORS.contains(&w.to_lowercase().as_str()) || w == "-" {
            start += 1;
        } else {
            break;
        }
    }
    (words >= 2 && start < end).then_some(start..end)
}

/// The end of the run `r` whose capitalised words' initials spell the
/// acronym exactly, when a later word than the first starts it
/// ("Italy's Leonardo and Japan Aircraft Industrial Enhancement Co.
/// (JAIEC)": from "Japan"); else `r`.
fn spelled_part(
    input: &Input<'_>,
    r: std::ops::Range<usize>,
    acronym: &str,
) -> std::ops::Range<usize> {
    let toks = input.tokens.tokens();
    let letters = acronym_letters(acronym);
    let initial = |i: usize| {
        let t = &toks[i];
        let w = &input.text[t.span];
        let skip = w == "-" || CONNECTORS.contains(&w.to_lowercase().as_str());
        (!skip)
            .then(|| w.chars().next().into_iter().flat_map(char::to_lowercase))
            .into_iter()
            .flatten()
    };
    let spelled = |start: usize| (start..r.end).flat_map(initial).eq(letters.iter().copied());
    if letters.len() < 2 || spelled(r.start) {
        return r;
    }
    (r.start + 1..r.end)
        .filter(|&s| matches!(toks[s].shape, Shape::Capitalized | Shape::Upper))
        .find(|&s| spelled(s))
        .map_or(r.clone(), |s| s..r.end)
}

/// Whether every token of `r` is a capitalised word or a connector, with
/// at least two capitalised words.
fn capitalised_inside(input: &Input<'_>, r: std::ops::Range<usize>) -> bool {
    let toks = input.tokens.tokens();
    let mut words = 0;
    for t in &toks[r] {
        let w = input.text[t.span].to_lowercase();
        if matches!(t.shape, Shape::Capitalized | Shape::Upper | Shape::Mixed) {
            words += 1;
        } else if !(CONNECTORS.contains(&w.as_str()) || w == "-") {
            return false;
        }
    }
    words >= 2
}

/// Nouns of equipment that end a system's name ("Littoral Mission Ships").
const EQUIPMENT: &[&str] = &[
    "ship",
    "ships",
    "vessel",
    "vessels",
    "submarine",
    "submarines",
    "frigate",
    "frigates",
    "corvette",
    "corvettes",
    "destroyer",
    "destroyers",
    "aircraft",
    "fighter",
    "fighters",
    "jet",
    "jets",
    "missile",
    "missiles",
    "tank",
    "tanks",
    "vehicle",
    "vehicles",
    "howitzer",
    "howitzers",
    "helicopter",
    "helicopters",
    "drone",
    "drones",
    "launcher",
    "launchers",
];

fn type_of_long(input: &Input<'_>, r: &std::ops::Range<usize>) -> EntityType {
    let toks = input.tokens.tokens();
    let last = input.text[toks[r.end - 1].span].to_lowercase();
    if EQUIPMENT.contains(&last.as_str()) {
        return EntityType::System;
    }
    if AGREEMENT_HEADS.contains(&last.as_str())
        || toks[r.clone()]
            .iter()
            .any(|t| input.text[t.span].eq_ignore_ascii_case("memorandum"))
    {
        EntityType::Agreement
    } else {
        EntityType::Org
    }
}

fn new_mention(
    input: &Input<'_>,
    r: std::ops::Range<usize>,
    etype: EntityType,
    kind: MentionKind,
) -> Mention {
    let toks = input.tokens.tokens();
    Mention {
        span: Span::new(toks[r.start].span.start, toks[r.end - 1].span.end),
        tokens: r,
        etype,
        kind,
        rule: "acronym".to_string(),
        entry: None,
        is_country: false,
        titles: Vec::new(),
        countries: Vec::new(),
        entity: 0,
    }
}

/// Mentions by their first token, so that the lookups below cost the
/// mentions near a place rather than all of them.
struct Index {
    starts: HashMap<usize, Vec<usize>>,
}

/// How far back a mention that covers a token may start.
const LONGEST: usize = 24;

impl Index {
    fn new(mentions: &[Mention]) -> Index {
        let mut starts: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            if !m.tokens.is_empty() {
                starts.entry(m.tokens.start).or_default().push(i);
            }
        }
        Index { starts }
    }

    fn push(&mut self, mentions: &mut Vec<Mention>, m: Mention) -> usize {
        self.starts
            .entry(m.tokens.start)
            .or_default()
            .push(mentions.len());
        mentions.push(m);
        mentions.len() - 1
    }

    /// Live mentions starting at one of `starts`.
    fn starting<'a>(
        &'a self,
        mentions: &'a [Mention],
        starts: std::ops::Range<usize>,
    ) -> impl Iterator<Item = usize> + 'a {
        starts
            .filter_map(|s| self.starts.get(&s))
            .flatten()
            .copied()
            .filter(|&i| !mentions[i].tokens.is_empty())
    }

    fn exact(&self, mentions: &[Mention], r: &std::ops::Range<usize>) -> Option<usize> {
        self.starting(mentions, r.start..r.start + 1)
            .find(|&i| mentions[i].tokens == *r)
    }

    /// Marks the mentions that lie within `r` and satisfy `pred` as removed.
    fn kill_within(
        &self,
        mentions: &mut [Mention],
        r: std::ops::Range<usize>,
        pred: impl Fn(&Mention) -> bool,
    ) {
        let found: Vec<usize> = self
            .starting(mentions, r.start.saturating_sub(LONGEST)..r.end)
            .filter(|&i| pred(&mentions[i]))
            .collect();
        for i in found {
            mentions[i].tokens = 0..0;
            mentions[i].span = Span::new(0, 0);
        }
    }
}

/// The mention covering exactly tokens `r`, or one ending at `r.end` that
/// covers at least the last two tokens of `r`.
fn mention_ending(mentions: &[Mention], index: &Index, end: usize) -> Option<usize> {
    let mut found: Vec<usize> = index
        .starting(mentions, end.saturating_sub(LONGEST)..end)
        .collect();
    found.sort_unstable();
    found.into_iter().find(|&i| {
        let m = &mentions[i];
        m.tokens.end == end
            && !m.tokens.is_empty()
            && m.etype != EntityType::Person
            && !m.is_country
    })
}

/// Whether a country's mention ends where tokens `r` end and starts at or
/// before them.
fn country_covering(mentions: &[Mention], index: &Index, r: &std::ops::Range<usize>) -> bool {
    index
        .starting(mentions, r.start.saturating_sub(LONGEST)..r.end)
        .any(|i| {
            let m = &mentions[i];
            m.is_country && m.tokens.end == r.end && m.tokens.start <= r.start
        })
}

/// Whether a listed title ends where tokens `r` end and starts at or
/// before them: "the Chief of Defence Staff (CDS), Christopher Musa" names
/// an office, not a body.
fn title_covering(input: &Input<'_>, r: &std::ops::Range<usize>) -> bool {
    crate::chosen_ending_at(input, r.end).is_some_and(|g| {
        g.tokens.start <= r.start && input.gazetteer.entry(g.entry).label == "TITLE"
    })
}

/// Finds acronym definitions, adds the mentions they imply to `mentions`,
/// and returns the links (pairs of mention indices naming one entity).
pub(crate) fn define(input: &Input<'_>, mentions: &mut Vec<Mention>) -> Vec<(usize, usize)> {
    let toks = input.tokens.tokens();
    let mut links = Vec::new();
    let mut defined: Vec<(String, usize)> = Vec::new();
    let mut index = Index::new(mentions);
    let text = input.text;
    let mut i = 0;
    while i < toks.len() {
        if &text[toks[i].span] != "(" {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..toks.len().min(i + 16)).find(|&j| &text[toks[j].span] == ")")
        else {
            i += 1;
            continue;
        };
        let inside = i + 1..close;
        if inside.is_empty() {
            i = close + 1;
            continue;
        }
        // "Full Name (ACRONYM)"
        if let Some(acr_span) = acronym_at(input, inside.clone()) {
            let acr = &text[acr_span];
            // "the Intermediate-Range Nuclear Forces (INF) Treaty": the
            // acronym sits inside a listed name ("INF Treaty"); the whole
            // phrase is that entry.
            if listed_around(input, mentions, &mut index, i, close, acr).is_some() {
                i = close + 2;
                continue;
            }
            let long = match mention_ending(mentions, &index, i) {
                Some(m) => Some(m),
                None => capitalised_run_before(input, i)
                    .map(|r| spelled_part(input, r, acr))
                    // "People's Republic of China (PRC)": a country's name
                    // covers the run; its acronym is the country's alias.
                    .filter(|r| !country_covering(mentions, &index, r) && !title_covering(input, r))
                    .map(|r| {
                        let etype = type_of_long(input, &r);
                        index.push(mentions, new_mention(input, r, etype, MentionKind::Name))
                    }),
            };
            if let Some(long) = long {
                let long_text = &text[mentions[long].span];
                // "BUENOS AIRES (AP)": an acronym the lists know as another
                // name is defined here only by a long form that starts
                // with its first letter.
                let listed = crate::chosen_starting_at(input, inside.start)
                    .filter(|g| g.tokens == inside && mentions[long].entry != Some(g.entry));
                // "Defence Materiel Administration (FMV)": the long form
                // names the entry the acronym is listed for, in other words
                // than its initials (Swedish "Försvarets materielverk").
                let names_listed = listed.is_some_and(|g| {
                    within_listed_name(&input.gazetteer.entry(g.entry).name, long_text)
                });
                // "National Intelligence Organization (MIT)": a body of
                // several words defines its acronym in its own language
                // (Turkish "Milli Istihbarat Teskilati"), whatever else the
                // lists know by it.
                let foreign = mentions[long].etype == EntityType::Org
                    && mentions[long].tokens.len() >= 2
                    && mentions[long].span.end + 2 >= toks[i].span.start
                    && !plausible(acr, long_text)
                    && acr.chars().all(|c| c.is_ascii_uppercase());
                if names_listed
                    || foreign
                    || plausible(acr, long_text)
                        && (listed.is_none() || initials_in_order(acr, long_text))
                {
                    let etype = mentions[long].etype;
                    if let Some(a) =
                        existing_or_new(input, mentions, &mut index, inside.clone(), etype)
                    {
                        drop_other_entry(input, mentions, long, a);
                        links.push((long, a));
                    }
                    defined.push((acr.to_string(), long));
                }
            }
            i = close + 1;
            continue;
        }
        // "the Agreement ... on the Framework for Security Cooperation (the
        // Lombok Treaty)": a name in parentheses right after a name of the
        // same type is another name of it.
        {
            let the = text[toks[inside.start].span].eq_ignore_ascii_case("the");
            let name = inside.start + usize::from(the)..inside.end;
            let short = index.exact(mentions, &name);
            let long = mention_ending(mentions, &index, i);
            if let (Some(short), Some(long)) = (short, long) {
                if short != long
                    && mentions[short].etype == mentions[long].etype
                    && matches!(
                        mentions[long].etype,
                        EntityType::Agreement | EntityType::Org
                    )
                {
                    links.push((long, short));
                    i = close + 1;
                    continue;
                }
            }
        }
        // "ACRONYM (Full Name)"
        if i > 0 && capitalised_inside(input, inside.clone()) {
            let mut start = i - 1;
            while start > 0
                && !toks[start].space_before
                && acronym_at(input, start - 1..i).is_some()
            {
                start -= 1;
            }
            if let Some(acr_span) = acronym_at(input, start..i) {
                let acr = &text[acr_span];
                let long_text =
                    &text[Span::new(toks[inside.start].span.start, toks[inside.end - 1].span.end)];
                if plausible(acr, long_text) {
                    let etype = type_of_long(input, &inside);
                    let long = match index.exact(mentions, &inside) {
                        Some(m) => m,
                        None => {
                            index.kill_within(mentions, inside.clone(), |m| {
                                m.tokens.start < inside.end
                                    && inside.start < m.tokens.end
                                    && !m.is_country
                            });
                            let long = new_mention(input, inside.clone(), etype, MentionKind::Name);
                            index.push(mentions, long)
                        }
                    };
                    let etype = mentions[long].etype;
                    if let Some(a) = existing_or_new(input, mentions, &mut index, start..i, etype) {
                        drop_other_entry(input, mentions, long, a);
                        links.push((long, a));
                    }
                    defined.push((acr.to_string(), long));
                }
            }
        }
        i = close + 1;
    }
    // "the 2006 Lombok Treaty, formally the Agreement on the Framework for
    // Security Cooperation": a name after ", formally" or ", officially"
    // (known as, called) is another name of the one before.
    for k in 1..toks.len() {
        // (A cheap test first: most tokens are neither word.)
        let raw = &text[toks[k].span];
        if !(raw.eq_ignore_ascii_case("formally") || raw.eq_ignore_ascii_case("officially"))
            || &text[toks[k - 1].span] != ","
        {
            continue;
        }
        let word = |i: usize| toks.get(i).map(|t| text[t.span].to_lowercase());
        let mut j = k + 1;
        if matches!(
            word(j).as_deref(),
            Some("known" | "called" | "titled" | "named")
        ) {
            j += 1;
            if word(j).as_deref() == Some("as") {
                j += 1;
            }
        }
        if word(j).as_deref() == Some("the") {
            j += 1;
        }
        let Some(long) = mention_ending(mentions, &index, k - 1) else {
            continue;
        };
        let other = index
            .starting(mentions, j..j + 1)
            .filter(|&m| mentions[m].etype == mentions[long].etype)
            .max_by_key(|&m| mentions[m].tokens.len());
        if let Some(other) = other {
            if other != long
                && matches!(
                    mentions[long].etype,
                    EntityType::Agreement | EntityType::Org
                )
            {
                links.push((long, other));
            }
        }
    }
    // Names the text gives in full whose initials spell an acronym it also
    // uses ("the Armed Forces of the Philippines said. AFP spokesperson
    // ..."): defined as well, after the stated definitions.
    implicit_definitions(input, mentions, &mut defined);
    // Later (and earlier) uses of a defined acronym; an acronym defined
    // twice is looked for for its first definition. One pass over the
    // tokens, trying the longest run without spaces first.
    let mut by_acronym: HashMap<String, usize> = HashMap::new();
    for (acr, long) in defined {
        by_acronym.entry(acr).or_insert(long);
    }
    if by_acronym.is_empty() {
        return links;
    }
    for start in 0..toks.len() {
        let mut end = start + 1;
        while end < toks.len()
            && !toks[end].space_before
            && toks[end].span.end - toks[start].span.start <= 12
        {
            end += 1;
        }
        for end in (start + 1..=end).rev() {
            let run = &text[toks[start].span.start..toks[end - 1].span.end];
            let Some(&long) = by_acronym.get(run) else {
                continue;
            };
            if acronym_at(input, start..end).is_none() {
                continue;
            }
            let etype = mentions[long].etype;
            if let Some(a) = existing_or_new(input, mentions, &mut index, start..end, etype) {
                drop_other_entry(input, mentions, long, a);
                links.push((long, a));
            }
            break;
        }
    }
    links
}

/// Adds the acronyms spelled by the initials of organisations' names in
/// the text (three or more capitalised words, connectors skipped: "Armed
/// Forces of the Philippines" is AFP, "Japan Maritime Self-Defense Force"
/// JMSDF) to `defined`, where not defined already. Two letters are too
/// few to tell ("IN" is not the Indian Navy).
fn implicit_definitions(
    input: &Input<'_>,
    mentions: &[Mention],
    defined: &mut Vec<(String, usize)>,
) {
    let toks = input.tokens.tokens();
    let mut seen: HashSet<String> = defined.iter().map(|(a, _)| a.clone()).collect();
    for (i, m) in mentions.iter().enumerate() {
        if m.tokens.is_empty() || m.etype != EntityType::Org || m.kind != MentionKind::Name {
            continue;
        }
        let mut initials = String::new();
        let mut spelled = true;
        for t in &toks[m.tokens.clone()] {
            let w = &input.text[t.span];
            match t.shape {
                Shape::Capitalized => initials.extend(w.chars().next()),
                _ if w == "-" || CONNECTORS.contains(&w.to_lowercase().as_str()) => {}
                _ => {
                    spelled = false;
                    break;
                }
            }
        }
        if spelled && initials.chars().count() >= 3 && seen.insert(initials.clone()) {
            defined.push((initials, i));
        }
    }
}

/// An acronym mention `a` that the list gave to something else ("AFP" the
/// news agency, where the text's AFP is the Armed Forces of the
/// Philippines) keeps no list entry, so that the entity takes nothing from
/// it; one that the list gives to the name `long` says, or to the same
/// entry, keeps it.
fn drop_other_entry(input: &Input<'_>, mentions: &mut [Mention], long: usize, a: usize) {
    let Some(entry) = mentions[a].entry else {
        return;
    };
    let same = match mentions[long].entry {
        Some(e) => e == entry,
        None => {
            let listed = crate::normal::name_key(&input.gazetteer.entry(entry).name);
            let words = |s: &str| -> HashSet<String> {
                s.split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .map(crate::normal::name_key)
                    .collect()
            };
            let long_text = &input.text[mentions[long].span];
            let listed_words = words(&input.gazetteer.entry(entry).name);
            listed == crate::normal::name_key(long_text)
                || !words(long_text).is_disjoint(&listed_words)
        }
    };
    if !same {
        mentions[a].entry = None;
    }
}

/// The mention over exactly `r`, or a new acronym mention there. `None`
/// when a longer mention already covers `r` ("BECA" inside "BECA pact" is
/// left to that mention).
fn existing_or_new(
    input: &Input<'_>,
    mentions: &mut Vec<Mention>,
    index: &mut Index,
    r: std::ops::Range<usize>,
    etype: EntityType,
) -> Option<usize> {
    if let Some(m) = index.exact(mentions, &r) {
        return Some(m);
    }
    let covered = index
        .starting(mentions, r.start.saturating_sub(LONGEST)..r.start + 1)
        .any(|i| {
            let m = &mentions[i];
            m.tokens.start <= r.start && r.end <= m.tokens.end && !m.is_country
        });
    if covered {
        return None;
    }
    // Shorter mentions inside the acronym (a list entry "INDUS" in
    // "INDUS-X") give way to it.
    index.kill_within(mentions, r.clone(), |m| {
        r.start <= m.tokens.start && m.tokens.end <= r.end
    });
    Some(index.push(mentions, new_mention(input, r, etype, MentionKind::Acronym)))
}
