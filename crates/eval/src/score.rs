//! The scoring rules of the annotation guide, one function per part.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use tidings_core::Span;

use crate::document::{Document, Entity};
use crate::matching::{max_matching, Weight};
use crate::normalise::{normalise, normalise_text};
use crate::report::{DocReport, Failure, Mistake, MistakeKind, Part, Report};

/// True positives, false positives and false negatives of one part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prf {
    /// Predicted items that match a required gold item.
    pub tp: u64,
    /// Predicted items that match no gold item.
    pub fp: u64,
    /// Required gold items that no predicted item matches.
    #[serde(rename = "fn")]
    pub fn_: u64,
}

impl Prf {
    /// tp / (tp + fp), or 1 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn), or 1 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall (0 when both are 0), so 1
    /// when there was nothing to find and nothing was predicted.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// How many matched items carry the right value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accuracy {
    /// Matched pairs whose predicted value the gold accepts.
    pub correct: u64,
    /// Matched pairs with a required gold item.
    pub total: u64,
}

impl Accuracy {
    /// correct / total, or 1 when nothing was matched.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.total)
    }

    fn add(&mut self, other: &Accuracy) {
        self.correct += other.correct;
        self.total += other.total;
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// All counts of one document or of a set of documents (the sums).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Entities, all types together.
    pub entities: Prf,
    /// Entities by type: true positives and false negatives under the gold
    /// type, false positives under the predicted type. A type appears once
    /// something was counted for it.
    pub entities_by_type: BTreeMap<String, Prf>,
    /// Dates (after merging records with the same text and value).
    pub dates: Prf,
    /// Values of matched dates.
    pub date_values: Accuracy,
    /// Relations (after merging identical records).
    pub relations: Prf,
    /// Events.
    pub events: Prf,
    /// Dates of matched events.
    pub event_dates: Accuracy,
    /// Argument values of matched events, pooled.
    pub event_args: Prf,
}

impl Counts {
    pub(crate) fn add(&mut self, other: &Counts) {
        self.entities.add(&other.entities);
        for (kind, prf) in &other.entities_by_type {
            self.entities_by_type
                .entry(kind.clone())
                .or_default()
                .add(prf);
        }
        self.dates.add(&other.dates);
        self.date_values.add(&other.date_values);
        self.relations.add(&other.relations);
        self.events.add(&other.events);
        self.event_dates.add(&other.event_dates);
        self.event_args.add(&other.event_args);
    }
}

/// The names of the parts, as `scope` gives them.
const PARTS: [&str; 4] = ["entities", "dates", "relations", "events"];

/// The event roles that are scored; other keys of `args` are ignored.
const ROLES: [&str; 4] = ["participants", "agreement", "location", "name"];

/// Scores predicted documents against gold ones without the article texts,
/// so `ignore` snippets cannot be located and nothing is excused by them.
/// See [`score_with_texts`].
pub fn score(gold: &[Document], pred: &[Document]) -> Report {
    score_with_texts(gold, pred, &HashMap::new())
}

/// Scores predicted documents against gold ones, pairing them by `id`.
///
/// The gold documents define the set: a gold document without a predicted
/// one, or whose predicted one is an error record, is scored against empty
/// output; predicted documents without gold are listed in
/// [`Report::unknown`] and not scored. When several predicted documents
/// share an id the first is used. `texts` maps a document id to its article
/// text (the byte offsets of the predicted output refer to it); it is needed
/// only to apply `ignore` snippets (see the crate docs).
pub fn score_with_texts(
    gold: &[Document],
    pred: &[Document],
    texts: &HashMap<String, String>,
) -> Report {
    let mut by_id: HashMap<&str, &Document> = HashMap::new();
    for p in pred {
        by_id.entry(p.id.as_str()).or_insert(p);
    }
    let gold_ids: HashSet<&str> = gold.iter().map(|g| g.id.as_str()).collect();
    let mut report = Report::default();
    let empty = Document::default();
    for g in gold {
        let p = match by_id.get(g.id.as_str()) {
            None => {
                report.missing.push(g.id.clone());
                &empty
            }
            Some(p) => match &p.error {
                Some(error) => {
                    report.failed.push(Failure {
                        id: g.id.clone(),
                        error: error.clone(),
                    });
                    &empty
                }
                None => p,
            },
        };
        let doc = score_document(g, p, texts.get(&g.id).map(String::as_str));
        report.total.add(&doc.counts);
        report.documents.push(doc);
    }
    let mut seen = HashSet::new();
    for p in pred {
        if !gold_ids.contains(p.id.as_str()) && seen.insert(p.id.as_str()) {
            report.unknown.push(p.id.clone());
        }
    }
    report
}

fn score_document(gold: &Document, pred: &Document, text: Option<&str>) -> DocReport {
    let parts: Vec<String> = match &gold.scope {
        Some(scope) => PARTS
            .iter()
            .filter(|p| scope.iter().any(|s| s == *p))
            .map(|p| p.to_string())
            .collect(),
        None => PARTS.iter().map(|p| p.to_string()).collect(),
    };
    let cx = Context::new(text, &gold.ignore);
    let mut doc = DocReport {
        id: gold.id.clone(),
        parts,
        ..DocReport::default()
    };
    let resolver = Resolver::new(&gold.entities);
    for part in doc.parts.clone() {
        match part.as_str() {
            "entities" => entities(gold, pred, &cx, &mut doc),
            "dates" => dates(gold, pred, &cx, &mut doc),
            "relations" => relations(gold, pred, &cx, &resolver, &mut doc),
            _ => events(gold, pred, &cx, &resolver, &mut doc),
        }
    }
    doc
}

/// What the article text tells about `ignore` snippets.
struct Context<'t> {
    /// Byte ranges of the occurrences of the snippets in the text.
    ignored: Vec<Span>,
    /// The text outside the snippets, normalised and padded with spaces.
    body: String,
    /// The snippets, normalised and padded with spaces.
    snippets: String,
    text: Option<&'t str>,
}

impl<'t> Context<'t> {
    fn new(text: Option<&'t str>, ignore: &[String]) -> Context<'t> {
        let Some(text) = text else {
            return Context {
                ignored: Vec::new(),
                body: String::new(),
                snippets: String::new(),
                text: None,
            };
        };
        let mut ignored: Vec<Span> = Vec::new();
        for snippet in ignore.iter().filter(|s| !s.is_empty()) {
            ignored.extend(text.match_indices(snippet.as_str()).map(|(i, s)| Span {
                start: i,
                end: i + s.len(),
            }));
        }
        ignored.sort_unstable();
        // The body is the text with the occurrences cut out; a newline at each
        // cut keeps words on both sides from joining into one.
        let mut body = String::new();
        let mut at = 0;
        for span in &ignored {
            if span.start > at {
                body.push_str(&text[at..span.start]);
                body.push('\n');
            }
            at = at.max(span.end);
        }
        body.push_str(&text[at..]);
        let snippets = ignore.join("\n");
        Context {
            body: format!(" {} ", normalise_text(&body)),
            snippets: format!(" {} ", normalise_text(&snippets)),
            ignored,
            text: Some(text),
        }
    }

    /// Whether a predicted item was found only inside ignore snippets: all
    /// its spans lie inside occurrences of them. An item without spans is
    /// judged by the occurrences of `literal` (its name or text) in the
    /// article instead; an item found nowhere is not excused.
    fn droppable(&self, spans: &[Span], literal: &str) -> bool {
        let Some(text) = self.text else { return false };
        if self.ignored.is_empty() {
            return false;
        }
        let inside = |s: &Span| {
            self.ignored
                .iter()
                .any(|i| i.start <= s.start && s.end <= i.end)
        };
        if !spans.is_empty() {
            return spans.iter().all(inside);
        }
        if literal.is_empty() {
            return false;
        }
        let found: Vec<Span> = text
            .match_indices(literal)
            .map(|(i, s)| Span {
                start: i,
                end: i + s.len(),
            })
            .collect();
        !found.is_empty() && found.iter().all(inside)
    }

    /// Whether a gold item, written in one of `forms`, occurs in the ignore
    /// snippets but nowhere else in the text (comparing normalised words).
    fn only_in_ignore<'a>(&self, forms: impl IntoIterator<Item = &'a str>) -> bool {
        if self.text.is_none() || self.ignored.is_empty() {
            return false;
        }
        let forms: Vec<String> = forms
            .into_iter()
            .map(normalise)
            .filter(|f| !f.is_empty())
            .map(|f| format!(" {f} "))
            .collect();
        !forms.iter().any(|f| self.body.contains(f.as_str()))
            && forms.iter().any(|f| self.snippets.contains(f.as_str()))
    }
}

fn weight(required: bool, counts: bool, rest: [i64; 3]) -> Weight {
    let rest = if required { rest } else { [0; 3] };
    [
        i64::from(required) + i64::from(counts),
        rest[0],
        rest[1],
        rest[2],
    ]
}

/// The outcome of a matching: true positives as `(gold, pred)` pairs, the
/// required gold items left unmatched, the counting predicted items left
/// unmatched. Pairs with optional gold items are in none of them.
struct Outcome {
    tp: Vec<(usize, usize)>,
    fn_: Vec<usize>,
    fp: Vec<usize>,
}

fn outcome(matched: &[(usize, usize)], required: &[bool], counts: &[bool]) -> Outcome {
    let mut gold_hit = vec![false; required.len()];
    let mut pred_hit = vec![false; counts.len()];
    for &(g, p) in matched {
        gold_hit[g] = true;
        pred_hit[p] = true;
    }
    Outcome {
        tp: matched
            .iter()
            .copied()
            .filter(|&(g, _)| required[g])
            .collect(),
        fn_: (0..required.len())
            .filter(|&g| required[g] && !gold_hit[g])
            .collect(),
        fp: (0..counts.len())
            .filter(|&p| counts[p] && !pred_hit[p])
            .collect(),
    }
}

fn entities(gold: &Document, pred: &Document, cx: &Context, doc: &mut DocReport) {
    let forms: Vec<HashSet<String>> = gold
        .entities
        .iter()
        .map(|g| {
            std::iter::once(&g.name)
                .chain(&g.aliases)
                .map(|f| normalise(f))
                .filter(|f| !f.is_empty())
                .collect()
        })
        .collect();
    let required: Vec<bool> = gold
        .entities
        .iter()
        .map(|g| {
            !g.optional
                && !cx.only_in_ignore(
                    std::iter::once(g.name.as_str()).chain(g.aliases.iter().map(String::as_str)),
                )
        })
        .collect();
    let names: Vec<String> = pred.entities.iter().map(|p| normalise(&p.name)).collect();
    let counts: Vec<bool> = pred
        .entities
        .iter()
        .map(|p| !cx.droppable(&p.spans, &p.name))
        .collect();
    let matched = max_matching(gold.entities.len(), pred.entities.len(), |g, p| {
        let (ge, pe) = (&gold.entities[g], &pred.entities[p]);
        let type_ok = pe.kind == ge.kind || ge.alt_types.contains(&pe.kind);
        (type_ok && forms[g].contains(&names[p])).then(|| {
            weight(
                required[g],
                counts[p],
                [i64::from(pe.kind == ge.kind), 0, 0],
            )
        })
    });
    let show = |e: &Entity| format!("{} {}", e.kind, e.name);
    let out = outcome(&matched, &required, &counts);
    let c = &mut doc.counts;
    for (g, _) in out.tp {
        c.entities.tp += 1;
        c.entities_by_type
            .entry(gold.entities[g].kind.clone())
            .or_default()
            .tp += 1;
    }
    for g in out.fn_ {
        c.entities.fn_ += 1;
        c.entities_by_type
            .entry(gold.entities[g].kind.clone())
            .or_default()
            .fn_ += 1;
        doc.mistakes.push(Mistake::new(
            Part::Entities,
            MistakeKind::FalseNegative,
            show(&gold.entities[g]),
        ));
    }
    for p in out.fp {
        c.entities.fp += 1;
        c.entities_by_type
            .entry(pred.entities[p].kind.clone())
            .or_default()
            .fp += 1;
        doc.mistakes.push(Mistake::new(
            Part::Entities,
            MistakeKind::FalsePositive,
            show(&pred.entities[p]),
        ));
    }
}

/// A date record after merging the records with the same text and value.
struct DateItem<'a, V> {
    text: &'a str,
    norm: String,
    tokens: HashSet<String>,
    value: V,
    /// Gold: required; predicted: counts (not droppable).
    flag: bool,
}

fn merge_dates<'a, V: Clone + Eq + std::hash::Hash>(
    records: impl Iterator<Item = (&'a str, V, bool)>,
) -> Vec<DateItem<'a, V>> {
    let mut items: Vec<DateItem<'a, V>> = Vec::new();
    let mut index: HashMap<(String, V), usize> = HashMap::new();
    for (text, value, flag) in records {
        let norm = normalise(text);
        match index.get(&(norm.clone(), value.clone())) {
            Some(&i) => items[i].flag |= flag,
            None => {
                index.insert((norm.clone(), value.clone()), items.len());
                let tokens = norm
                    .split(' ')
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect();
                items.push(DateItem {
                    text,
                    norm,
                    tokens,
                    value,
                    flag,
                });
            }
        }
    }
    items
}

fn dates(gold: &Document, pred: &Document, cx: &Context, doc: &mut DocReport) {
    // Gold durations and sets are not dates; finding one is not an error.
    let gold_items = merge_dates(gold.dates.iter().map(|d| {
        (
            d.text.as_str(),
            d.value.clone(),
            !d.optional && d.is_date() && !cx.only_in_ignore([d.text.as_str()]),
        )
    }));
    let pred_items = merge_dates(pred.dates.iter().filter(|d| d.is_date()).map(|d| {
        (
            d.text.as_str(),
            d.value.predicted().map(str::to_owned),
            !cx.droppable(&d.spans, &d.text),
        )
    }));
    let required: Vec<bool> = gold_items.iter().map(|d| d.flag).collect();
    let counts: Vec<bool> = pred_items.iter().map(|d| d.flag).collect();
    let matched = max_matching(gold_items.len(), pred_items.len(), |g, p| {
        let (gd, pd) = (&gold_items[g], &pred_items[p]);
        let contained = !gd.norm.is_empty()
            && !pd.norm.is_empty()
            && (gd.norm.contains(pd.norm.as_str()) || pd.norm.contains(gd.norm.as_str()));
        (contained && !gd.tokens.is_disjoint(&pd.tokens)).then(|| {
            let right = gd.value.accepts(pd.value.as_deref());
            weight(required[g], counts[p], [i64::from(right), 0, 0])
        })
    });
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".to_owned());
    let out = outcome(&matched, &required, &counts);
    let c = &mut doc.counts;
    let m = &mut doc.mistakes;
    for (g, p) in out.tp {
        let (gd, pd) = (&gold_items[g], &pred_items[p]);
        c.dates.tp += 1;
        c.date_values.total += 1;
        if gd.value.accepts(pd.value.as_deref()) {
            c.date_values.correct += 1;
        } else {
            let text = format!(
                "{:?} = {}, gold {:?} = {}",
                pd.text,
                shown(&pd.value),
                gd.text,
                gd.value
            );
            m.push(Mistake::new(Part::Dates, MistakeKind::WrongValue, text));
        }
    }
    for g in out.fn_ {
        c.dates.fn_ += 1;
        let text = format!("{:?} = {}", gold_items[g].text, gold_items[g].value);
        m.push(Mistake::new(Part::Dates, MistakeKind::FalseNegative, text));
    }
    for p in out.fp {
        c.dates.fp += 1;
        let text = format!("{:?} = {}", pred_items[p].text, shown(&pred_items[p].value));
        m.push(Mistake::new(Part::Dates, MistakeKind::FalsePositive, text));
    }
}

/// What a name in a relation or an event argument refers to: a gold entity,
/// or, when it names none, its normalised text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Ident {
    Gold(usize),
    Text(String),
}

/// Maps names to gold entities through their names and aliases.
struct Resolver<'a> {
    entities: &'a [Entity],
    /// The normalised name and aliases of each entity, computed once.
    forms: Vec<(String, HashSet<String>)>,
}

impl<'a> Resolver<'a> {
    fn new(entities: &'a [Entity]) -> Resolver<'a> {
        let forms = entities
            .iter()
            .map(|e| {
                (
                    normalise(&e.name),
                    e.aliases.iter().map(|a| normalise(a)).collect(),
                )
            })
            .collect();
        Resolver { entities, forms }
    }

    /// The gold entity `name` names. When several do, the first that has a
    /// preferred type (or alternative type) wins, then one whose own name
    /// (not an alias) it is, then the first in the gold file.
    fn resolve(&self, name: &str, preferred: &[&str]) -> Option<Ident> {
        let norm = normalise(name);
        if norm.is_empty() {
            return None;
        }
        let best = self
            .entities
            .iter()
            .zip(&self.forms)
            .enumerate()
            .filter_map(|(i, (e, (own, aliases)))| {
                let by_name = *own == norm;
                let typed = preferred
                    .iter()
                    .any(|t| e.kind == *t || e.alt_types.iter().any(|a| a == t));
                (by_name || aliases.contains(&norm)).then_some((!typed, !by_name, i))
            })
            .min();
        Some(match best {
            Some((_, _, i)) => Ident::Gold(i),
            None => Ident::Text(norm),
        })
    }
}

/// The types that the head and the tail of a relation type should have.
fn relation_types(kind: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        "represents" => (&["PERSON"], &["PLACE"]),
        "works_for" => (&["PERSON"], &["ORG"]),
        "part_of" => (&["ORG"], &["ORG", "PLACE"]),
        "party_to" => (&["PLACE", "ORG"], &["AGREEMENT"]),
        "signatory" => (&["PERSON"], &["AGREEMENT"]),
        _ => (&[], &[]),
    }
}

/// The types an argument of a role should have.
fn role_types(role: &str) -> &'static [&'static str] {
    match role {
        "participants" => &["PERSON", "ORG", "PLACE"],
        "agreement" => &["AGREEMENT"],
        "location" => &["PLACE"],
        _ => &[],
    }
}

fn relations(
    gold: &Document,
    pred: &Document,
    cx: &Context,
    resolver: &Resolver,
    doc: &mut DocReport,
) {
    type Key = (String, Ident, Ident);
    let key = |kind: &str, head: &str, tail: &str| -> Option<Key> {
        let (h, t) = relation_types(kind);
        Some((
            kind.to_owned(),
            resolver.resolve(head, h)?,
            resolver.resolve(tail, t)?,
        ))
    };
    // Identical relations count once, on both sides; a merged record is
    // required (or counts) when any of its records does.
    let merge = |records: Vec<(Option<Key>, String, bool)>| {
        let mut items: Vec<(Key, String, bool)> = Vec::new();
        for (k, shown, flag) in records {
            let Some(k) = k else { continue };
            match items.iter_mut().find(|(other, _, _)| *other == k) {
                Some(item) => item.2 |= flag,
                None => items.push((k, shown, flag)),
            }
        }
        items
    };
    let show = |kind: &str, head: &str, tail: &str| format!("{kind}({head}, {tail})");
    let gold_items = merge(
        gold.relations
            .iter()
            .map(|r| {
                (
                    key(&r.kind, &r.head, &r.tail),
                    show(&r.kind, &r.head, &r.tail),
                    !r.optional,
                )
            })
            .collect(),
    );
    // A relation whose head or tail is empty names nothing: it cannot match
    // and is still a false positive.
    let mut pred_items = Vec::new();
    let mut unnamed = Vec::new();
    for r in &pred.relations {
        let counts = !cx.droppable(&r.spans, "");
        match key(&r.kind, &r.head, &r.tail) {
            Some(k) => pred_items.push((Some(k), show(&r.kind, &r.head, &r.tail), counts)),
            None if counts => unnamed.push(show(&r.kind, &r.head, &r.tail)),
            None => {}
        }
    }
    let pred_items = merge(pred_items);
    let required: Vec<bool> = gold_items.iter().map(|r| r.2).collect();
    let counts: Vec<bool> = pred_items.iter().map(|r| r.2).collect();
    let matched = max_matching(gold_items.len(), pred_items.len(), |g, p| {
        (gold_items[g].0 == pred_items[p].0).then(|| weight(required[g], counts[p], [0; 3]))
    });
    let out = outcome(&matched, &required, &counts);
    let c = &mut doc.counts;
    let m = &mut doc.mistakes;
    c.relations.tp += out.tp.len() as u64;
    for g in out.fn_ {
        c.relations.fn_ += 1;
        m.push(Mistake::new(
            Part::Relations,
            MistakeKind::FalseNegative,
            gold_items[g].1.clone(),
        ));
    }
    for p in out.fp {
        c.relations.fp += 1;
        m.push(Mistake::new(
            Part::Relations,
            MistakeKind::FalsePositive,
            pred_items[p].1.clone(),
        ));
    }
    for shown in unnamed {
        c.relations.fp += 1;
        m.push(Mistake::new(
            Part::Relations,
            MistakeKind::FalsePositive,
            shown,
        ));
    }
}

/// The scored arguments of an event: one set of referents per role of
/// [`ROLES`].
fn event_args(event: &crate::document::Event, resolver: &Resolver) -> Vec<BTreeSet<Ident>> {
    ROLES
        .iter()
        .map(|role| {
            event
                .args
                .iter()
                .filter(|(r, _)| r == role)
                .flat_map(|(_, values)| values)
                .filter_map(|v| resolver.resolve(v, role_types(role)))
                .collect()
        })
        .collect()
}

fn show_event(e: &crate::document::Event) -> String {
    let args: Vec<String> = e
        .args
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(r, v)| format!("{r}: {}", v.join(", ")))
        .collect();
    format!("{} date {} [{}]", e.kind, e.date, args.join("; "))
}

fn events(
    gold: &Document,
    pred: &Document,
    cx: &Context,
    resolver: &Resolver,
    doc: &mut DocReport,
) {
    let gold_args: Vec<_> = gold
        .events
        .iter()
        .map(|e| event_args(e, resolver))
        .collect();
    let pred_args: Vec<_> = pred
        .events
        .iter()
        .map(|e| event_args(e, resolver))
        .collect();
    let required: Vec<bool> = gold.events.iter().map(|e| !e.optional).collect();
    let counts: Vec<bool> = pred
        .events
        .iter()
        .map(|e| !cx.droppable(&e.spans, ""))
        .collect();
    // (shared, in pred only, in gold only) over all roles.
    let overlap = |g: usize, p: usize| {
        let mut o = (0u64, 0u64, 0u64);
        for (ga, pa) in gold_args[g].iter().zip(&pred_args[p]) {
            let shared = ga.intersection(pa).count() as u64;
            o.0 += shared;
            o.1 += pa.len() as u64 - shared;
            o.2 += ga.len() as u64 - shared;
        }
        o
    };
    let date_ok = |g: usize, p: usize| gold.events[g].date.accepts(pred.events[p].date.predicted());
    // Among candidates the pair sharing most arguments wins, then the one
    // with fewest unshared arguments, then one with the right date.
    let matched = max_matching(gold.events.len(), pred.events.len(), |g, p| {
        let (shared, extra, lacking) = overlap(g, p);
        (gold.events[g].kind == pred.events[p].kind && shared > 0).then(|| {
            let rest = [
                shared as i64,
                -((extra + lacking) as i64),
                i64::from(date_ok(g, p)),
            ];
            weight(required[g], counts[p], rest)
        })
    });
    let out = outcome(&matched, &required, &counts);
    let c = &mut doc.counts;
    let m = &mut doc.mistakes;
    for (g, p) in out.tp {
        c.events.tp += 1;
        c.event_dates.total += 1;
        let shown = || {
            format!(
                "{}, gold {}",
                show_event(&pred.events[p]),
                show_event(&gold.events[g])
            )
        };
        if date_ok(g, p) {
            c.event_dates.correct += 1;
        } else {
            m.push(Mistake::new(Part::Events, MistakeKind::WrongValue, shown()));
        }
        let (shared, extra, lacking) = overlap(g, p);
        c.event_args.tp += shared;
        c.event_args.fp += extra;
        c.event_args.fn_ += lacking;
        if extra + lacking > 0 {
            m.push(Mistake::new(Part::Events, MistakeKind::WrongArgs, shown()));
        }
    }
    for g in out.fn_ {
        c.events.fn_ += 1;
        m.push(Mistake::new(
            Part::Events,
            MistakeKind::FalseNegative,
            show_event(&gold.events[g]),
        ));
    }
    for p in out.fp {
        c.events.fp += 1;
        m.push(Mistake::new(
            Part::Events,
            MistakeKind::FalsePositive,
            show_event(&pred.events[p]),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vacuous_scores_are_perfect() {
        let none = Prf::default();
        assert_eq!(
            (none.precision(), none.recall(), none.f1()),
            (1.0, 1.0, 1.0)
        );
        let missed = Prf {
            tp: 0,
            fp: 0,
            fn_: 3,
        };
        assert_eq!(missed.f1(), 0.0);
        assert_eq!(Accuracy::default().accuracy(), 1.0);
    }

    #[test]
    fn a_name_prefers_the_entity_of_the_expected_type() {
        let entities = vec![
            Entity {
                kind: "ORG".into(),
                name: "Washington".into(),
                ..Entity::default()
            },
            Entity {
                kind: "PLACE".into(),
                name: "Washington DC".into(),
                aliases: vec!["Washington".into()],
                ..Entity::default()
            },
        ];
        let r = Resolver::new(&entities);
        assert_eq!(r.resolve("Washington", &["PLACE"]), Some(Ident::Gold(1)));
        assert_eq!(r.resolve("washington", &[]), Some(Ident::Gold(0)));
        assert_eq!(r.resolve("Quad", &[]), Some(Ident::Text("quad".into())));
        assert_eq!(r.resolve(" . ", &[]), None);
    }

    #[test]
    fn context_finds_snippets_in_the_body_and_outside() {
        let text = "Modi met Biden. Related News PTI reports. Advertisment";
        let cx = Context::new(
            Some(text),
            &["Related News PTI reports".into(), "Advertisment".into()],
        );
        assert!(cx.only_in_ignore(["PTI"]));
        assert!(!cx.only_in_ignore(["Modi", "PTI"]));
        assert!(!cx.only_in_ignore(["Nobody"]));
        assert!(cx.droppable(&[Span { start: 29, end: 32 }], ""));
        assert!(!cx.droppable(
            &[Span { start: 29, end: 32 }, Span { start: 0, end: 4 }],
            ""
        ));
        assert!(cx.droppable(&[], "PTI"));
        assert!(!cx.droppable(&[], "Biden"));
        assert!(!Context::new(None, &["Advertisment".into()]).droppable(&[], "Advertisment"));
    }
}
