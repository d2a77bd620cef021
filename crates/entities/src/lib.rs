//! Entity mentions from gazetteer matches and rules, merged into one entity
//! per real thing.
//!
//! This stage takes the tokens, gazetteer matches and timexes of a text and
//! produces [`Mention`]s (where a name occurs and what type it is) and
//! [`Entity`]s (the things those names stand for: "Austin", "Lloyd Austin" and
//! "Lloyd J. Austin III" are three mentions of one PERSON).
//!
//! Mentions come from three places: entity gazetteer entries; rules written
//! in the pattern language of `tidings-pattern` (a title before a capitalised
//! name is a PERSON, a capitalised sequence headed by "Ministry" is an ORG);
//! and acronym definitions ("Security of Supply Arrangement (SOSA)"), which
//! also make later uses of the acronym mentions of the same entity.
//!
//! ```
//! use tidings_entities::{find, EntityRules, Input};
//! use tidings_gazetteer::GazetteerBuilder;
//! use tidings_pattern::parse_rules;
//! use tidings_temporal::Tagger;
//! use tidings_tokenize::tokenize;
//!
//! let gazetteer = GazetteerBuilder::new()
//!     .add_source("t.tsv", "TITLE\tForeign Secretary\nPLACE\tIndia\t\tkind=country;demonym=Indian\n")?
//!     .build()?;
//! let rules = parse_rules("person.rules", "\
//! rule person.title_name
//!   pattern  (?<country>[@kind:country])? (?<title>[@gaz:TITLE]+) (?<name>[shape=Capitalized & !@gaz:*]{1,3})
//!   emit     PERSON name
//!   title    title
//!   country  country
//! ").unwrap();
//! let rules = EntityRules::new(&[rules])?;
//!
//! let text = "Indian Foreign Secretary Vikram Misri arrived. Misri met officials.";
//! let tokens = tokenize(text);
//! let matches = gazetteer.find(text, &tokens);
//! let timexes = Tagger::new().tag(text, &tokens, None);
//! let input = Input { text, tokens: &tokens, gazetteer: &gazetteer, matches: &matches, timexes: &timexes };
//! let found = find(&input, &rules);
//! let names: Vec<&str> = found.entities.iter().map(|e| e.name.as_str()).collect();
//! assert_eq!(names, ["India", "Vikram Misri"]);
//! assert_eq!(found.entities[1].mentions.len(), 2);
//! assert_eq!(found.entities[1].titles, ["Indian Foreign Secretary"]);
//! assert_eq!(found.entities[1].country.as_deref(), Some("India"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod acronyms;
mod annotate;
mod merge;
mod normal;
mod rules;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tidings_core::{EntityType, Span};
use tidings_gazetteer::{EntryId, Gazetteer, Matches};
use tidings_temporal::Timex;
use tidings_tokenize::Tokens;

pub use annotate::{annotate, annotate_all, LABELS};
pub use normal::name_key;
pub use rules::EntityRules;

/// What the entity stage reads: the text and the results of the stages before it.
#[derive(Clone, Copy, Debug)]
pub struct Input<'t> {
    /// The text, as given.
    pub text: &'t str,
    /// Its tokens and sentences.
    pub tokens: &'t Tokens,
    /// The gazetteer the matches come from.
    pub gazetteer: &'t Gazetteer,
    /// Gazetteer matches in the text.
    pub matches: &'t Matches,
    /// Date and time expressions in the text.
    pub timexes: &'t [Timex],
}

/// The results of the stages before this one for one text, owned: its
/// tokens, gazetteer matches and date expressions. [`Analysis::input`]
/// lends them out as the [`Input`] of this and the later stages.
#[derive(Clone, Debug)]
pub struct Analysis<'t> {
    /// The text.
    pub text: &'t str,
    /// Its tokens and sentences.
    pub tokens: Tokens,
    /// Gazetteer matches.
    pub matches: Matches,
    /// Date and time expressions.
    pub timexes: Vec<Timex>,
}

impl<'t> Analysis<'t> {
    /// Tokenizes `text`, matches `gazetteer` and tags dates against `dct`.
    pub fn new(
        text: &'t str,
        gazetteer: &Gazetteer,
        tagger: &tidings_temporal::Tagger,
        dct: Option<tidings_temporal::Date>,
    ) -> Analysis<'t> {
        let tokens = tidings_tokenize::tokenize(text);
        let matches = gazetteer.find(text, &tokens);
        let timexes = tagger.tag(text, &tokens, dct);
        Analysis {
            text,
            tokens,
            matches,
            timexes,
        }
    }

    /// The stage input over these results and the gazetteer they came from.
    pub fn input<'a>(&'a self, gazetteer: &'a Gazetteer) -> Input<'a>
    where
        't: 'a,
    {
        Input {
            text: self.text,
            tokens: &self.tokens,
            gazetteer,
            matches: &self.matches,
            timexes: &self.timexes,
        }
    }
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MentionKind {
    /// A full or partial proper name.
    Name,
    /// An acronym.
    Acronym,
    /// A demonym or adjective of a place ("Indian").
    Demonym,
    /// A surname or given name alone, standing for a person named in full elsewhere.
    Short,
}

/// One occurrence of a name in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the name is.
    pub span: Span,
    /// Its tokens, as indices into the document's tokens.
    pub tokens: Range<usize>,
    /// The entity type.
    pub etype: EntityType,
    /// How it names the entity.
    pub kind: MentionKind,
    /// The rule that found it: a rule id, `gazetteer`, `acronym` or `short-name`.
    pub rule: String,
    /// The gazetteer entry it matched, if any.
    pub entry: Option<EntryId>,
    /// Whether it names a country.
    pub is_country: bool,
    /// Title spans stated with it ("Defence Minister").
    pub titles: Vec<Span>,
    /// Country mention spans stated with it ("Indian" in "Indian Foreign Secretary").
    pub countries: Vec<Span>,
    /// The index of its entity in [`Entities::entities`].
    pub entity: usize,
}

/// One real-world thing named in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The entity type.
    pub etype: EntityType,
    /// The fullest name the text gives (its longest name mention, as
    /// written: "BECA" where the text gives only that); the gazetteer name
    /// for a person named by one word ("Putin") and for a country where
    /// the text writes that name or only an acronym or adjective ("United
    /// States" for "US"; "Türkiye" where the text never writes "Turkey").
    pub name: String,
    /// Other names it goes by: its gazetteer name when that differs, the
    /// other names in the text, and acronyms; without `name`.
    pub aliases: Vec<String>,
    /// Indices into [`Entities::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// The gazetteer entries that matched its mentions.
    pub entries: Vec<EntryId>,
    /// Titles stated with its mentions (persons), as written.
    pub titles: Vec<String>,
    /// The country it belongs to or represents, as stated (or listed in the gazetteer).
    pub country: Option<String>,
    /// Its acronym.
    pub acronym: Option<String>,
    /// The gazetteer `kind` attribute or the rule's kind.
    pub kind: Option<String>,
    /// The rules that produced its mentions, deduplicated, in first-use order.
    pub rules: Vec<String>,
}

/// The result of [`find`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// All mentions, in text order.
    pub mentions: Vec<Mention>,
    /// All entities, ordered by their first mention.
    pub entities: Vec<Entity>,
}

impl Entities {
    /// Whether entity `i` is an agreement the text only calls by a bare
    /// word ("signed a deal to buy 24 jets", "the contract"): a signing's
    /// object for the stages, but no entity of the document, whose
    /// AGREEMENTs are named or described ones (ANNOTATION.md: "named
    /// deals"). `text` is the text the mentions' spans point into.
    ///
    /// ```
    /// # use tidings_entities::{Entities, Entity, Mention, MentionKind};
    /// # use tidings_core::{EntityType, Span};
    /// let text = "They signed a deal.";
    /// let mention = Mention {
    ///     span: Span::new(14, 18), tokens: 3..4, etype: EntityType::Agreement,
    ///     kind: MentionKind::Name, rule: "agreement.described".into(), entry: None,
    ///     is_country: false, titles: vec![], countries: vec![], entity: 0,
    /// };
    /// let entity = Entity {
    ///     etype: EntityType::Agreement, name: "deal".into(), aliases: vec![],
    ///     mentions: vec![0], entries: vec![], titles: vec![], country: None,
    ///     acronym: None, kind: None, rules: vec!["agreement.described".into()],
    /// };
    /// let all = Entities { mentions: vec![mention], entities: vec![entity] };
    /// assert!(all.is_unnamed_agreement(0, text));
    /// ```
    pub fn is_unnamed_agreement(&self, i: usize, text: &str) -> bool {
        let e = &self.entities[i];
        e.etype == EntityType::Agreement
            && e.entries.is_empty()
            && !e.mentions.is_empty()
            && e.mentions.iter().all(|&m| {
                let m = &self.mentions[m];
                matches!(
                    text[m.span].to_lowercase().as_str(),
                    "deal" | "deals" | "contract" | "contracts" | "agreement" | "agreements"
                )
            })
    }

    /// The mentions that start among `tokens` (token indices), in text order:
    /// a slice found by binary search, so per-sentence work stays linear.
    pub fn mentions_in(&self, tokens: Range<usize>) -> &[Mention] {
        &self.mentions[tidings_core::starting_in(&self.mentions, |m| m.tokens.start, tokens)]
    }

    /// The entity whose mention covers exactly `span`, if any.
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        self.mentions
            .iter()
            .find(|m| m.span == span)
            .map(|m| m.entity)
    }

    /// Folds each entity `from` of `pairs` into the entity `into`, for a
    /// later stage that finds two entities to be one thing (an agreement
    /// the text first describes and then names): `into` keeps its name and
    /// takes `from`'s mentions, names (as aliases), entries and rules.
    /// Entities stay ordered by their first mention; the result maps each
    /// old index to the new one. A pair whose `into` is itself folded
    /// follows it; a pair of one entity, or out of range, is ignored.
    ///
    /// ```
    /// # use tidings_entities::{Entities, Entity};
    /// # use tidings_core::EntityType;
    /// let entity = |name: &str| Entity {
    ///     etype: EntityType::Agreement, name: name.to_string(), aliases: vec![],
    ///     mentions: vec![], entries: vec![], titles: vec![], country: None,
    ///     acronym: None, kind: None, rules: vec![],
    /// };
    /// let mut all = Entities {
    ///     mentions: vec![],
    ///     entities: vec![entity("defence pact"), entity("Reciprocal Access Agreement")],
    /// };
    /// let map = all.fold(&[(0, 1)]);
    /// assert_eq!(map, [0, 0]);
    /// assert_eq!(all.entities[0].aliases, ["defence pact"]);
    /// ```
    pub fn fold(&mut self, pairs: &[(usize, usize)]) -> Vec<usize> {
        let n = self.entities.len();
        // Where each entity goes, following chains (a -> b -> c).
        let mut target: Vec<usize> = (0..n).collect();
        for &(from, into) in pairs {
            if from < n && into < n && from != into {
                target[from] = into;
            }
        }
        let root = |mut i: usize| {
            for _ in 0..n {
                if target[i] == i {
                    break;
                }
                i = target[i];
            }
            i
        };
        let roots: Vec<usize> = (0..n).map(root).collect();
        for (from, &into) in roots.iter().enumerate() {
            if into == from {
                continue;
            }
            let etype = self.entities[from].etype;
            let gone = std::mem::replace(
                &mut self.entities[from],
                Entity {
                    etype,
                    name: String::new(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    entries: Vec::new(),
                    titles: Vec::new(),
                    country: None,
                    acronym: None,
                    kind: None,
                    rules: Vec::new(),
                },
            );
            let keep = &mut self.entities[into];
            for name in std::iter::once(gone.name).chain(gone.aliases) {
                if name != keep.name && !keep.aliases.contains(&name) {
                    keep.aliases.push(name);
                }
            }
            keep.mentions.extend(gone.mentions);
            keep.mentions.sort_unstable();
            keep.mentions.dedup();
            for e in gone.entries {
                if !keep.entries.contains(&e) {
                    keep.entries.push(e);
                }
            }
            for r in gone.rules {
                if !keep.rules.contains(&r) {
                    keep.rules.push(r);
                }
            }
        }
        // Renumber: the entities that remain, by their first mention.
        let mut order: Vec<usize> = (0..n).filter(|&i| roots[i] == i).collect();
        order.sort_by_key(|&i| (self.entities[i].mentions.first().copied(), i));
        let mut new_index = vec![0; n];
        for (k, &i) in order.iter().enumerate() {
            new_index[i] = k;
        }
        let map: Vec<usize> = (0..n).map(|i| new_index[roots[i]]).collect();
        let mut old: Vec<Option<Entity>> = std::mem::take(&mut self.entities)
            .into_iter()
            .map(Some)
            .collect();
        self.entities = order.iter().filter_map(|&i| old[i].take()).collect();
        for m in &mut self.mentions {
            if let Some(&k) = map.get(m.entity) {
                m.entity = k;
            }
        }
        map
    }
}

/// Finds the mentions in `input` and merges them into entities.
pub fn find(input: &Input<'_>, rules: &EntityRules) -> Entities {
    // The countries the text names: several choices below depend on them.
    let countries = countries_named(input);
    let mut candidates = gazetteer_mentions(input, &countries);
    candidates.extend(rules.apply(input));
    let mut mentions = resolve(input, candidates, &countries);
    let links = acronyms::define(input, &mut mentions);
    merge::merge(input, mentions, links)
}

/// Whether a listed sea or region is only part of a word for something
/// else: "Euro-Atlantic security", "trans-Pacific trade" (the second half
/// of a compound), "the Atlantic alliance" (NATO).
fn describes_something_else(input: &Input<'_>, m: &tidings_gazetteer::Match) -> bool {
    let kind = input.gazetteer.entry(m.entry).attr("kind");
    if !matches!(kind, Some("water" | "region" | "continent")) {
        return false;
    }
    let toks = input.tokens.tokens();
    let word = |i: usize| {
        toks.get(i)
            .map_or(String::new(), |t| input.text[t.span].to_lowercase())
    };
    let first = &toks[m.tokens.start];
    let compound = m.tokens.start >= 2
        && !first.space_before
        && matches!(word(m.tokens.start - 1).as_str(), "-" | "–")
        && !toks[m.tokens.start - 1].space_before
        && toks[m.tokens.start - 2].shape != tidings_tokenize::Shape::Punct;
    let adjective = kind == Some("water")
        && matches!(
            word(m.tokens.end).as_str(),
            "alliance"
                | "partners"
                | "partnership"
                | "community"
                | "security"
                | "relations"
                | "ties"
        );
    compound || adjective
}

fn gazetteer_mentions(input: &Input<'_>, countries: &HashSet<&str>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let push = |m: &tidings_gazetteer::Match, out: &mut Vec<Candidate>| {
        let entry = input.gazetteer.entry(m.entry);
        let Some(etype) = entry.entity_type() else {
            return;
        };
        let kind = match m.form {
            tidings_gazetteer::Form::Demonym => MentionKind::Demonym,
            tidings_gazetteer::Form::Acronym => MentionKind::Acronym,
            _ => MentionKind::Name,
        };
        out.push(Candidate {
            mention: Mention {
                span: m.span,
                tokens: m.tokens.clone(),
                etype,
                kind,
                rule: "gazetteer".to_string(),
                entry: Some(m.entry),
                is_country: matches!(entry.attr("kind"), Some("country" | "territory")),
                titles: Vec::new(),
                countries: Vec::new(),
                entity: 0,
            },
            priority: GAZETTEER_PRIORITY,
            order: out.len(),
        });
    };
    for m in &input.matches.chosen {
        if describes_something_else(input, m) {
            continue;
        }
        let m = tidings_gazetteer::Match {
            entry: entry_by_country(input, m, countries),
            ..m.clone()
        };
        // "Tejas Light Combat Aircraft": two forms of one entry side by
        // side are one name.
        if let Some(last) = out.last_mut() {
            let prev = &mut last.mention;
            if prev.entry == Some(m.entry)
                && prev.tokens.end == m.tokens.start
                && prev.kind == MentionKind::Name
                && !matches!(m.form, tidings_gazetteer::Form::Demonym)
                && input.text[prev.span.end..m.span.start].trim().is_empty()
                && !input.tokens.tokens()[m.tokens.start].newline_before
            {
                prev.span = Span::new(prev.span.start, m.span.end);
                prev.tokens = prev.tokens.start..m.tokens.end;
                continue;
            }
        }
        push(&m, &mut out);
        another_countrys_body(input, &mut out);
    }
    // A country's adjective or possessive inside a listed name ("Indian" in
    // "Indian Army", "China's" in "China's foreign ministry") is a mention
    // of the country too, as ANNOTATION.md counts demonyms; the matcher
    // kept the longer name. A country's name inside one ("Israel Aerospace
    // Industries") is not.
    let toks = input.tokens.tokens();
    let possessive = |t: usize| {
        toks.get(t)
            .is_some_and(|t| matches!(&input.text[t.span], "'s" | "’s"))
    };
    // Not a part of a wider demonym: "Latin American", "North Korean",
    // "Afro-Caribbean".
    let compound = |t: usize| {
        t > 0
            && matches!(
                input.text[toks[t - 1].span].to_lowercase().as_str(),
                "latin"
                    | "north"
                    | "south"
                    | "central"
                    | "east"
                    | "west"
                    | "pan"
                    | "anglo"
                    | "afro"
                    | "native"
                    | "-"
            )
    };
    for m in &input.matches.shadowed {
        let kind = input.gazetteer.entry(m.entry).attr("kind");
        if !matches!(kind, Some("country" | "territory"))
            || !(m.form == tidings_gazetteer::Form::Demonym || possessive(m.tokens.end))
            || compound(m.tokens.start)
        {
            continue;
        }
        let inside = input.matches.chosen[..]
            .get(
                input
                    .matches
                    .chosen
                    .partition_point(|g| g.tokens.end <= m.tokens.start),
            )
            .is_some_and(|g| {
                g.span.contains(m.span)
                    && g.span != m.span
                    && input.gazetteer.entry(g.entry).entity_type().is_some()
            });
        if inside {
            push(m, &mut out);
        }
    }
    out
}

/// "the Russian Pacific Fleet": a listed organisation of one country (the
/// US Pacific Fleet, listed as "Pacific Fleet" too) right after another
/// country's adjective is that country's own body of the same name. The last candidate pushed becomes the longer name without the
/// list entry, with the country words as its country.
fn another_countrys_body(input: &Input<'_>, out: &mut [Candidate]) {
    let Some(c) = out.last_mut() else {
        return;
    };
    let (span, tokens) = (c.mention.span, c.mention.tokens.clone());
    let listed = c.mention.entry.map(|id| input.gazetteer.entry(id));
    let Some(own) = listed
        .filter(|e| e.label == "ORG")
        .and_then(|e| e.attr("country"))
    else {
        return;
    };
    let Some(before) = chosen_ending_at(input, tokens.start) else {
        return;
    };
    let country = input.gazetteer.entry(before.entry);
    let other = before.form == tidings_gazetteer::Form::Demonym
        && matches!(country.attr("kind"), Some("country" | "territory"))
        && country.name != own;
    if other {
        c.mention.countries.push(before.span);
        c.mention.span = Span::new(before.span.start, span.end);
        c.mention.tokens = before.tokens.start..tokens.end;
        c.mention.entry = None;
        c.mention.rule = "org.other_country".to_string();
    }
}

/// The chosen gazetteer match that starts at token `t`, if any (chosen
/// matches are in text order and do not overlap: a binary search).
pub(crate) fn chosen_starting_at<'t>(
    input: &Input<'t>,
    t: usize,
) -> Option<&'t tidings_gazetteer::Match> {
    let chosen = &input.matches.chosen;
    let at = chosen.partition_point(|g| g.tokens.start < t);
    chosen.get(at).filter(|g| g.tokens.start == t)
}

/// The chosen gazetteer match that ends at token `t` (exclusive), if any.
pub(crate) fn chosen_ending_at<'t>(
    input: &Input<'t>,
    t: usize,
) -> Option<&'t tidings_gazetteer::Match> {
    let chosen = &input.matches.chosen;
    let at = chosen.partition_point(|g| g.tokens.start < t);
    at.checked_sub(1)
        .and_then(|i| chosen.get(i))
        .filter(|g| g.tokens.end == t)
}

/// The country a listed place is in (a country is in itself).
fn country_of(entry: &tidings_gazetteer::Entry) -> Option<&str> {
    match entry.attr("kind") {
        Some("country" | "territory") => Some(entry.name.as_str()),
        _ => entry.attr("country"),
    }
}

/// The countries the text names (by name or demonym).
fn countries_named<'g>(input: &Input<'g>) -> HashSet<&'g str> {
    input
        .matches
        .chosen
        .iter()
        .map(|m| input.gazetteer.entry(m.entry))
        .filter(|e| matches!(e.attr("kind"), Some("country" | "territory")))
        .map(|e| e.name.as_str())
        .collect()
}

/// Of the places and organisations listed under one name ("Victoria": a
/// city of Hong Kong and of Canada, a capital, an Australian state; "IRA":
/// the Irish Republican Army and the US Inflation Reduction Act;
/// "Morena": a Mexican party and an Indian city), the one in the country of
/// the place written next to it with a comma ("Geelong, Victoria",
/// "Victoria, Australia"), else one of a country the text names, else the
/// first listed (the matcher's choice).
fn entry_by_country(
    input: &Input<'_>,
    m: &tidings_gazetteer::Match,
    countries: &HashSet<&str>,
) -> EntryId {
    let gaz = input.gazetteer;
    let shadowed = &input.matches.shadowed;
    let from = shadowed.partition_point(|s| s.span.start < m.span.start);
    let named = |label: &str| matches!(label, "PLACE" | "ORG");
    if !named(&gaz.entry(m.entry).label) {
        return m.entry;
    }
    let others: Vec<EntryId> = shadowed[from..]
        .iter()
        .take_while(|s| s.span.start == m.span.start)
        .filter(|s| s.span == m.span && named(&gaz.entry(s.entry).label))
        .map(|s| s.entry)
        .collect();
    if others.is_empty() {
        return m.entry;
    }
    let toks = input.tokens.tokens();
    let comma = |i: usize| toks.get(i).is_some_and(|t| &input.text[t.span] == ",");
    // The places next to it across a comma.
    let before = m.tokens.start.checked_sub(1).filter(|&i| comma(i));
    let after = Some(m.tokens.end).filter(|&i| comma(i));
    let beside: Vec<&str> = [
        before.and_then(|i| chosen_ending_at(input, i)),
        after.and_then(|i| chosen_starting_at(input, i + 1)),
    ]
    .into_iter()
    .flatten()
    .filter_map(|g| country_of(gaz.entry(g.entry)))
    .collect();
    let score = |id: EntryId| match country_of(gaz.entry(id)) {
        Some(c) if beside.contains(&c) => 2,
        Some(c) if countries.contains(c) => 1,
        _ => 0,
    };
    std::iter::once(m.entry)
        .chain(others)
        .enumerate()
        .max_by_key(|&(i, id)| (score(id), std::cmp::Reverse(i)))
        .map_or(m.entry, |(_, id)| id)
}

/// The priority of gazetteer mentions; rules default to a lower one.
pub(crate) const GAZETTEER_PRIORITY: i32 = 50;

/// A mention before overlaps are resolved.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub mention: Mention,
    pub priority: i32,
    pub order: usize,
}

/// Keeps the longest candidates, then the higher priority, then the earlier
/// found; a country mention nested inside a longer name is kept too, since
/// "Indian" in "Indian Ministry of Defence" still mentions India.
fn resolve(
    input: &Input<'_>,
    mut candidates: Vec<Candidate>,
    countries: &HashSet<&str>,
) -> Vec<Mention> {
    // Ambiguous gazetteer names stand only when context supports one of
    // their uses; then all of them stand (one sense per article).
    let ambiguous = |id: EntryId| input.gazetteer.entry(id).is_ambiguous();
    let supported: HashSet<EntryId> = candidates
        .iter()
        .filter_map(|c| {
            c.mention
                .entry
                .filter(|&id| ambiguous(id) && ambiguous_supported(input, &c.mention, countries))
        })
        .collect();
    candidates.retain(|c| {
        c.mention
            .entry
            .is_none_or(|id| !ambiguous(id) || supported.contains(&id))
    });
    // "US$6.5 billion", "A$1 billion": a currency, not a country.
    let toks = input.tokens.tokens();
    candidates.retain(|c| {
        !c.mention.is_country
            || toks
                .get(c.mention.tokens.end)
                .is_none_or(|t| t.space_before || &input.text[t.span] != "$")
    });
    prefer_listed_names(input, &mut candidates);
    candidates.sort_by(|a, b| {
        b.mention
            .span
            .len()
            .cmp(&a.mention.span.len())
            .then(b.priority.cmp(&a.priority))
            .then(a.order.cmp(&b.order))
    });
    let mut kept: Vec<Mention> = Vec::new();
    // The kept mention that covers each token (the outermost), and the kept
    // mention of each span and type: overlap checks stay linear in the text.
    let mut owner: Vec<u32> = vec![0; input.tokens.tokens().len()];
    let mut by_span: HashMap<(Span, EntityType), usize> = HashMap::new();
    for c in candidates {
        let m = c.mention;
        // A loser with the same span and type hands its titles and
        // countries to the winner: a rule that saw "Defence Minister" before
        // a listed name still contributes the title.
        if let Some(k) = by_span.get(&(m.span, m.etype)).map(|&k| &mut kept[k]) {
            k.titles.extend(m.titles);
            k.countries.extend(m.countries);
            // A rule that outranks the list on a listed name keeps the
            // list entry: the canonical name and attributes still hold.
            if k.entry.is_none() {
                k.entry = m.entry;
                k.is_country |= m.is_country;
            }
            continue;
        }
        let clash = m.tokens.clone().any(|t| {
            let k = owner.get(t).copied().unwrap_or(0);
            k != 0 && {
                let k = &kept[k as usize - 1];
                !(m.is_country && k.span.contains(m.span) && k.etype != EntityType::Place)
            }
        });
        if clash {
            // A listed system inside a longer system name ("FA-50" in
            // "FA-50 fighter jets") is that system: the longer mention keeps
            // the list entry, its attributes and its name.
            let outer = owner.get(m.tokens.start).copied().unwrap_or(0);
            if let (EntityType::System, Some(entry), Some(k)) =
                (m.etype, m.entry, (outer as usize).checked_sub(1))
            {
                let k = &mut kept[k];
                if k.etype == EntityType::System && k.entry.is_none() && k.span.contains(m.span) {
                    k.entry = Some(entry);
                }
            }
            // "Japanese Defense Minister Gen Nakatani": a rule read "Gen" as
            // a title and "Nakatani" as the name; the listed name "Gen
            // Nakatani" wins, and takes the titles before it.
            let last = owner.get(m.tokens.end - 1).copied().unwrap_or(0);
            if let (EntityType::Person, Some(k)) = (m.etype, (last as usize).checked_sub(1)) {
                let k = &mut kept[k];
                if k.etype == EntityType::Person
                    && k.span.end == m.span.end
                    && k.span.start < m.span.start
                {
                    for t in m.titles.iter().filter(|t| t.start < k.span.start) {
                        let end = t.start + input.text[t.start..k.span.start].trim_end().len();
                        if end > t.start {
                            k.titles.push(Span::new(t.start, end.min(t.end)));
                        }
                    }
                    k.countries
                        .extend(m.countries.iter().filter(|c| c.end <= k.span.start));
                }
            }
        } else {
            for t in m.tokens.clone() {
                if let Some(o) = owner.get_mut(t) {
                    if *o == 0 {
                        *o = kept.len() as u32 + 1;
                    }
                }
            }
            by_span.insert((m.span, m.etype), kept.len());
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| (m.span.start, m.span.end));
    kept
}

/// Whether context supports an ambiguous list name as the entry it lists.
///
/// Against it: a capitalised word right after it on the same line ("Jordan
/// Peterson", "Chad Smith"), or a given name or title right before it
/// ("Michael Jordan"). For it: a preposition of place before it ("in
/// Reading", "to Austin", "of Jordan", "between Washington and Beijing"),
/// a place not in doubt joined to it by "and", "or", a comma or a dash
/// ("Washington and Manila"), a comma and a country or state after it
/// ("Austin, Texas"), a demonym use ("Georgian"), or, for a capital, a text
/// that names its country ("thanked Washington" in a story of a U.S. arms
/// sale), or a dateline ("WASHINGTON, July 2 (Reuters) -"); for a system,
/// an equipment noun within three words after it ("Leclerc main battle
/// tanks"). A country
/// name with nothing against it stands ("Turkey bought ..."); another
/// place needs something for it ("Nice work" is not the city).
fn ambiguous_supported(input: &Input<'_>, m: &Mention, countries: &HashSet<&str>) -> bool {
    let toks = input.tokens.tokens();
    let word = |i: usize| toks.get(i).map(|t| input.text[t.span].to_lowercase());
    if m.kind == MentionKind::Demonym {
        return true;
    }
    if let Some(next) = toks.get(m.tokens.end) {
        if next.shape == tidings_tokenize::Shape::Capitalized
            && next.space_before
            && !next.newline_before
        {
            return false;
        }
    }
    if let Some(prev) = m.tokens.start.checked_sub(1) {
        // Chosen matches do not overlap and are sorted: the one ending at
        // `prev` is the last that starts at or before it.
        let chosen = &input.matches.chosen;
        let before_prev = chosen.partition_point(|g| g.tokens.start <= prev);
        let cue = |g: &tidings_gazetteer::Match| {
            g.tokens.end == prev + 1
                && matches!(
                    input.gazetteer.entry(g.entry).label.as_str(),
                    "GIVEN_NAME" | "TITLE"
                )
        };
        // A given name that lost to a place of the same word counts too
        // ("George" is also a South African city: "George Washington").
        let shadowed = &input.matches.shadowed;
        let from = shadowed.partition_point(|g| g.tokens.start < prev);
        let person_cue = chosen[before_prev.saturating_sub(1)..before_prev]
            .iter()
            .any(cue)
            || shadowed[from..]
                .iter()
                .take_while(|g| g.tokens.start == prev)
                .any(cue);
        if person_cue && toks[prev].shape == tidings_tokenize::Shape::Capitalized {
            return false;
        }
    }
    if is_dateline(input, m.tokens.clone()) {
        return true;
    }
    // "France's Leclerc main battle tanks", "the Bohdana self-propelled
    // howitzer", "the Tempest project", "12 Anka medium-altitude
    // long-endurance drones": equipment named as such, within the name or
    // the five words after it, or all the lower-case words and hyphens
    // right after it.
    let modifiers = (m.tokens.end..(m.tokens.end + 8).min(toks.len()))
        .take_while(|&i| {
            matches!(
                toks[i].shape,
                tidings_tokenize::Shape::Lower | tidings_tokenize::Shape::Punct
            ) && (toks[i].shape == tidings_tokenize::Shape::Lower
                || word(i).as_deref() == Some("-"))
        })
        .count();
    if m.etype == EntityType::System
        && (m.tokens.start + 1..m.tokens.end + modifiers.max(5)).any(|i| {
            word(i).is_some_and(|w| {
                matches!(
                    w.trim_end_matches('s'),
                    "tank"
                        | "jet"
                        | "fighter"
                        | "aircraft"
                        | "missile"
                        | "helicopter"
                        | "howitzer"
                        | "submarine"
                        | "frigate"
                        | "destroyer"
                        | "vehicle"
                        | "drone"
                        | "launcher"
                        | "radar"
                        | "rifle"
                        | "gun"
                        | "system"
                        | "programme"
                        | "program"
                        | "project"
                        | "warship"
                        | "ship"
                        | "vessel"
                        | "corvette"
                        | "carrier"
                        | "bomber"
                        | "interceptor"
                        | "engine"
                        | "torpedo"
                        | "rocket"
                )
            })
        })
    {
        return true;
    }
    let before = m.tokens.start.checked_sub(1).and_then(word);
    if let Some(b) = before.as_deref() {
        if matches!(
            b,
            "in" | "to"
                | "from"
                | "at"
                | "of"
                | "off"
                | "near"
                | "across"
                | "into"
                | "visit"
                | "visited"
                | "visiting"
                | "towards"
                | "toward"
                | "outside"
                | "inside"
                | "throughout"
                | "between"
        ) {
            return true;
        }
    }
    // "Washington and Manila", "between Tokyo and Washington": coordinated
    // with a place that is not itself in doubt.
    let place = |g: Option<&tidings_gazetteer::Match>| {
        g.is_some_and(|g| {
            let e = input.gazetteer.entry(g.entry);
            e.label == "PLACE" && !e.is_ambiguous()
        })
    };
    let joins = |w: Option<String>| matches!(w.as_deref(), Some("and" | "or" | "," | "-" | "–"));
    if joins(word(m.tokens.end)) && place(chosen_starting_at(input, m.tokens.end + 1)) {
        return true;
    }
    if m.tokens.start >= 2
        && joins(word(m.tokens.start - 1))
        && place(chosen_ending_at(input, m.tokens.start - 1))
    {
        return true;
    }
    if word(m.tokens.end).as_deref() == Some(",") {
        let chosen = &input.matches.chosen;
        let at = chosen.partition_point(|g| g.tokens.start < m.tokens.end + 1);
        if let Some(after) = chosen
            .get(at)
            .filter(|g| g.tokens.start == m.tokens.end + 1)
        {
            let e = input.gazetteer.entry(after.entry);
            if matches!(e.attr("kind"), Some("country" | "state")) {
                return true;
            }
        }
    }
    // A capital whose country the text names: "Taiwan's defence ministry
    // thanked Washington" in a story of a U.S. arms sale.
    let capital_of_named = m.entry.is_some_and(|id| {
        let e = input.gazetteer.entry(id);
        e.attr("kind") == Some("capital")
            && e.attr("country").is_some_and(|c| countries.contains(c))
    });
    m.is_country || capital_of_named
}

/// Whether tokens `r` are a dateline's place: opening a line, written in
/// capitals (three letters or more) and followed by a comma, parenthesis,
/// colon or dash ("WASHINGTON, July 2 (Reuters) -", "AUSTIN (AP) -"), or
/// in any case and followed by a comma, a few words and an agency in
/// parentheses ("Madrid, Apr 22, 2025 (EFE).-").
pub fn is_dateline(input: &Input<'_>, r: Range<usize>) -> bool {
    let toks = input.tokens.tokens();
    if r.is_empty() || r.end > toks.len() || !(r.start == 0 || toks[r.start].newline_before) {
        return false;
    }
    let word = |i: usize| toks.get(i).map(|t| &input.text[t.span]);
    let text = &input.text[toks[r.start].span.start..toks[r.end - 1].span.end];
    let capitals = text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !text.chars().any(char::is_lowercase)
        && word(r.end)
            .is_some_and(|w| matches!(w, "," | "(" | ":" | "-" | "\u{2013}" | "\u{2014}"));
    // "(EFE)" within eight tokens, with nothing before it on the line that
    // a sentence would have (no verb can fit in a date and a place).
    let agency = || {
        word(r.end) == Some(",")
            && (r.end + 1..(r.end + 10).min(toks.len()))
                .take_while(|&i| !toks[i].newline_before)
                .any(|i| {
                    word(i) == Some("(")
                        && word(i + 2) == Some(")")
                        && toks[i + 1].shape != tidings_tokenize::Shape::Lower
                        && (r.end + 1..i).all(|j| toks[j].shape != tidings_tokenize::Shape::Lower)
                })
    };
    capitals || agency()
}

/// A rule name made of country words and a listed name of the same type
/// ("U.S. Defense Innovation Unit", "Indian Ministry of Defence" when the
/// list has the ministry) gives way to the listed name, which takes the
/// country words as its country; so does one made of a sentence's opening
/// verb and a listed name ("Replied State Department").
fn prefer_listed_names(input: &Input<'_>, candidates: &mut Vec<Candidate>) {
    let toks = input.tokens.tokens();
    let mut drop = Vec::new();
    let mut give: Vec<(usize, Vec<Span>)> = Vec::new();
    let mut listed_by_end: HashMap<(usize, EntityType), Vec<usize>> = HashMap::new();
    let mut countries_by_start: Vec<(usize, Span, Option<EntryId>)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        if c.mention.entry.is_some() {
            listed_by_end
                .entry((c.mention.span.end, c.mention.etype))
                .or_default()
                .push(i);
        }
        if c.mention.is_country {
            countries_by_start.push((c.mention.tokens.start, c.mention.span, c.mention.entry));
        }
    }
    countries_by_start.sort_unstable_by_key(|&(t, s, _)| (t, s.end));
    for (i, c) in candidates.iter().enumerate() {
        let m = &c.mention;
        if m.entry.is_some() {
            continue;
        }
        let Some(g) = listed_by_end.get(&(m.span.end, m.etype)).and_then(|v| {
            v.iter()
                .copied()
                .find(|&g| candidates[g].mention.span.start > m.span.start)
        }) else {
            continue;
        };
        let prefix = m.tokens.start..candidates[g].mention.tokens.start;
        let first = countries_by_start.partition_point(|&(t, _, _)| t < prefix.start);
        let named: Vec<(Span, Option<EntryId>)> = countries_by_start[first..]
            .iter()
            .take_while(|&&(t, _, _)| t < prefix.end)
            .filter(|(_, span, _)| input.tokens.tokens_in(*span).end <= prefix.end)
            .map(|&(_, span, entry)| (span, entry))
            .collect();
        // "the Russian Pacific Fleet" is not the listed US Pacific Fleet.
        let listed_country = candidates[g]
            .mention
            .entry
            .and_then(|id| input.gazetteer.entry(id).attr("country"));
        let other_country = listed_country.is_some_and(|listed| {
            named
                .iter()
                .any(|&(_, entry)| entry.is_some_and(|id| input.gazetteer.entry(id).name != listed))
        });
        if other_country {
            continue;
        }
        // "Replied State Department spokesman Richard Boucher": a verb in
        // the past that opens the sentence is no part of the listed name.
        let opening_verb = prefix.len() == 1 && {
            let s = input.tokens.sentence_of(prefix.start);
            let w = &input.text[toks[prefix.start].span];
            input.tokens.sentences()[s].tokens.start == prefix.start
                && w.len() > 4
                && w.ends_with("ed")
                && toks[prefix.start].shape == tidings_tokenize::Shape::Capitalized
        };
        if opening_verb {
            drop.push(i);
            continue;
        }
        let countries: Vec<Span> = named.into_iter().map(|(span, _)| span).collect();
        let only_countries = prefix.clone().all(|t| {
            let w = &input.text[toks[t].span];
            countries.iter().any(|s| s.contains(toks[t].span))
                || matches!(w, "the" | "The" | "'s" | "’s" | "-" | "." | "of")
        });
        if !countries.is_empty() && only_countries {
            drop.push(i);
            give.push((g, countries));
        }
    }
    for (g, countries) in give {
        candidates[g].mention.countries.extend(countries);
    }
    let mut i = 0;
    candidates.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_gazetteer::GazetteerBuilder;
    use tidings_pattern::parse_rules;
    use tidings_temporal::Tagger;

    const LISTS: &str = "PLACE\tIndia\t\tkind=country;demonym=Indian\n\
        PLACE\tUnited States\tUS|U.S.|America\tkind=country;demonym=American\n\
        PLACE\tAustin\t\tkind=city;ambiguous=1\n\
        TITLE\tDefence Minister\n\
        TITLE\tPrime Minister\n\
        TITLE\tSecretary\n";

    const RULES: &str = "\
rule person.title
  pattern  (?<country>[@kind:country])? (?<title>[@gaz:TITLE]+) (?<name>[shape=Capitalized & !@gaz:TITLE & !@kind:country]{1,3})
  emit     PERSON name
  title    title
  country  country
  priority 60
rule agreement.head
  pattern  (?<name>[shape=Capitalized]+ (\"of\" [shape=Capitalized]+)* [lower=\"arrangement\"])
  emit     AGREEMENT name
";

    /// (type, name, aliases, number of mentions) of each entity.
    fn entities(text: &str) -> Vec<(EntityType, String, Vec<String>, usize)> {
        let gazetteer = GazetteerBuilder::new()
            .add_source("t.tsv", LISTS)
            .unwrap()
            .build()
            .unwrap();
        let rules = EntityRules::new(&[parse_rules("t.rules", RULES).unwrap()]).unwrap();
        let analysis = Analysis::new(text, &gazetteer, &Tagger::new(), None);
        let input = analysis.input(&gazetteer);
        find(&input, &rules)
            .entities
            .into_iter()
            .map(|e| (e.etype, e.name, e.aliases, e.mentions.len()))
            .collect()
    }

    fn named<'a>(
        found: &'a [(EntityType, String, Vec<String>, usize)],
        name: &str,
    ) -> Option<&'a (EntityType, String, Vec<String>, usize)> {
        found.iter().find(|e| e.1 == name)
    }

    #[test]
    fn surname_alone_joins_the_full_name_and_beats_a_city() {
        let found = entities("Defence Secretary Lloyd Austin arrived. Austin met officials.");
        let austin = named(&found, "Lloyd Austin").expect("person");
        assert_eq!(austin.0, EntityType::Person);
        assert_eq!(austin.3, 2);
        assert!(named(&found, "Austin").is_none(), "{found:?}");
    }

    #[test]
    fn two_people_with_one_surname_are_not_merged() {
        let found = entities(
            "Defence Minister Rajnath Singh met Prime Minister Manmohan Singh. Singh smiled.",
        );
        assert!(
            named(&found, "Rajnath Singh").is_some() && named(&found, "Manmohan Singh").is_some(),
            "{found:?}"
        );
        assert_eq!(named(&found, "Rajnath Singh").unwrap().3, 1);
        assert_eq!(named(&found, "Manmohan Singh").unwrap().3, 1);
    }

    #[test]
    fn acronyms_are_defined_in_both_directions_and_used_later() {
        let found = entities(
            "They signed the Security of Supply Arrangement (SOSA). The SOSA took effect.",
        );
        let sosa = named(&found, "Security of Supply Arrangement").expect("agreement");
        assert_eq!(sosa.0, EntityType::Agreement);
        assert!(sosa.2.contains(&"SOSA".to_string()));
        assert_eq!(sosa.3, 3);
        let found = entities("They signed SOSA (Security of Supply Arrangement) on Friday.");
        let sosa = named(&found, "Security of Supply Arrangement").expect("agreement");
        assert!(sosa.2.contains(&"SOSA".to_string()), "{found:?}");
    }

    #[test]
    fn spellings_and_demonyms_meet_in_one_country() {
        // Named "America", as the text writes it ("United States" is the
        // first alias).
        let found = entities("The US and the U.S. Navy; America and American firms.");
        let us = named(&found, "America").expect("country");
        assert_eq!(us.2.first().map(String::as_str), Some("United States"));
        assert_eq!(us.3, 4, "{found:?}");
        assert_eq!(found.iter().filter(|e| e.0 == EntityType::Place).count(), 1);
    }

    #[test]
    fn titles_are_attributes_not_names() {
        let found = entities("Indian Defence Minister Rajnath Singh spoke.");
        assert!(named(&found, "Rajnath Singh").is_some(), "{found:?}");
        assert!(!found.iter().any(|e| e.1.contains("Minister")));
    }
}
