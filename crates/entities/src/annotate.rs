//! The annotated view of a sentence that every rule stage matches over.

use tidings_core::{starting_in, EntityType};
use tidings_pattern::{Annotation, Sequence, Tok};
use tidings_temporal::TimexKind;

use crate::{Input, Mention};

/// Label prefixes of the annotations on a [`Sequence`] built by [`annotate`].
///
/// - `gaz:LABEL` for a gazetteer match (chosen, or shadowed when the label is a
///   cue list such as `TITLE`), with `id` the index into
///   `Matches::chosen` (or `chosen.len() + i` for shadowed match `i`);
/// - `kind:KIND` for the same match when its entry has a `kind` attribute;
/// - `gaz:DEMONYM` when the match is a demonym form, and `gaz:AMBIGUOUS`
///   when the entry is marked ambiguous;
/// - `date` (and `time`, `duration`, `set`) for a timex, `id` its index;
/// - `ent:TYPE` for an entity mention when mentions are given, `id` the
///   mention index; `ent:country` too when the mention is of a country;
/// - `line:title` over the whole sentence when it is written in title case
///   (a headline), where capitalisation says little about names.
pub const LABELS: &[&str] = &["gaz:", "kind:", "date", "ent:", "line:"];

/// Whether a sentence is written in title case: it does not end in a full
/// stop, and of its words longer than three letters, four or more and at
/// least four in five are capitalised.
fn title_case(input: &Input<'_>, tokens: std::ops::Range<usize>) -> bool {
    // Headlines do not end with a full stop; sentences that do are prose,
    // however many names and titles they hold.
    if let Some(last) = input.tokens.tokens()[tokens.clone()].last() {
        if matches!(
            &input.text[last.span],
            "." | "!" | "?" | "”" | "\"" | "’" | "'"
        ) {
            return false;
        }
    }
    let mut long = 0;
    let mut capital = 0;
    for t in &input.tokens.tokens()[tokens] {
        let w = &input.text[t.span];
        if w.chars().filter(|c| c.is_alphabetic()).count() > 3 {
            long += 1;
            if matches!(
                t.shape,
                tidings_tokenize::Shape::Capitalized | tidings_tokenize::Shape::Upper
            ) {
                capital += 1;
            }
        }
    }
    long >= 4 && capital * 5 >= long * 4
}

/// The annotated sequences of every sentence of the text, with the
/// mentions as `ent:*` annotations: built once and shared by the stages
/// after entities.
pub fn annotate_all<'t>(input: &Input<'t>, mentions: &[Mention]) -> Vec<Sequence<'t>> {
    (0..input.tokens.sentences().len())
        .map(|s| annotate(input, s, Some(mentions)))
        .collect()
}

/// Builds the annotated token sequence of sentence `sentence`.
///
/// Token indices in the sequence count from the sentence's first token: add
/// `tokens.sentences()[sentence].tokens.start` to get document indices.
pub fn annotate<'t>(
    input: &Input<'t>,
    sentence: usize,
    mentions: Option<&[Mention]>,
) -> Sequence<'t> {
    let sent = &input.tokens.sentences()[sentence];
    let base = sent.tokens.start;
    let toks: Vec<Tok<'t>> = input.tokens.tokens()[sent.tokens.clone()]
        .iter()
        .map(|t| Tok::new(&input.text[t.span], t.shape, t.abbrev, t.space_before))
        .collect();
    let mut anns = Vec::new();
    let within =
        |r: &std::ops::Range<usize>| r.start >= sent.tokens.start && r.end <= sent.tokens.end;
    let local = |r: &std::ops::Range<usize>| (r.start - base)..(r.end - base);
    // Matches, timexes and mentions are sorted by start: only the slice that
    // starts inside the sentence is looked at, so building every sentence
    // of a long text stays linear.
    let bytes = sent.span.range();
    let chosen = &input.matches.chosen;
    let shadowed = &input.matches.shadowed;
    let in_chosen = starting_in(chosen, |m| m.span.start, bytes.clone());
    let in_shadowed = starting_in(shadowed, |m| m.span.start, bytes.clone());
    let all = in_chosen.map(|i| (i, &chosen[i])).chain(
        in_shadowed
            .filter(|&i| {
                input
                    .gazetteer
                    .entry(shadowed[i].entry)
                    .entity_type()
                    .is_none()
            })
            .map(|i| (chosen.len() + i, &shadowed[i])),
    );
    for (id, m) in all {
        if !within(&m.tokens) {
            continue;
        }
        let entry = input.gazetteer.entry(m.entry);
        let r = local(&m.tokens);
        anns.push(Annotation::new(
            format!("gaz:{}", entry.label),
            r.clone(),
            id,
        ));
        if let Some(kind) = entry.attr("kind") {
            anns.push(Annotation::new(format!("kind:{kind}"), r.clone(), id));
        }
        if m.form == tidings_gazetteer::Form::Demonym {
            anns.push(Annotation::new("gaz:DEMONYM", r.clone(), id));
        }
        if entry.is_ambiguous() {
            anns.push(Annotation::new("gaz:AMBIGUOUS", r, id));
        }
    }
    let timexes = input.timexes;
    for id in starting_in(timexes, |t| t.span.start, bytes.clone()) {
        let t = &timexes[id];
        let r = input.tokens.tokens_in(t.span);
        if r.is_empty() || !within(&r) {
            continue;
        }
        let label = match t.kind {
            TimexKind::Date => "date",
            TimexKind::Time => "time",
            TimexKind::Duration => "duration",
            TimexKind::Set => "set",
        };
        anns.push(Annotation::new(label, local(&r), id));
    }
    if let Some(mentions) = mentions {
        for id in starting_in(mentions, |m| m.span.start, bytes.clone()) {
            let m = &mentions[id];
            if !within(&m.tokens) {
                continue;
            }
            anns.push(Annotation::new(
                format!("ent:{}", m.etype),
                local(&m.tokens),
                id,
            ));
            if m.etype == EntityType::Place && m.is_country {
                anns.push(Annotation::new("ent:country", local(&m.tokens), id));
            }
        }
    }
    if title_case(input, sent.tokens.clone()) {
        anns.push(Annotation::new("line:title", 0..sent.tokens.len(), 0));
    }
    Sequence::new(toks, anns)
}
