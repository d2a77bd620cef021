//! Entity rules: patterns that emit typed mentions.
//!
//! An entity rule is a rule block (see `tidings-pattern`) with these fields:
//!
//! - `emit TYPE [CAPTURE]` (required): a mention of entity type `TYPE` over
//!   the named capture, or over the whole match when no capture is named;
//! - `title CAPTURE`: the capture is a title of the person emitted;
//! - `country CAPTURE`: the capture names the country the mention belongs to
//!   or represents;
//! - `kind KIND`: the finer kind of the entity (`ministry`, `facility`, ...);
//! - `priority N`: overlap priority against other candidates of the same
//!   length (default 40; gazetteer entries have 50).
//!
//! Rule blocks without `emit` are not entity rules and are skipped, so that
//! relation and event rules may live in the same files.

use tidings_core::{EntityType, Span};
use tidings_pattern::{Pattern, RuleError, RuleFile};

use crate::{annotate, Candidate, Input, Mention, MentionKind};

#[derive(Clone, Debug)]
struct EntityRule {
    id: String,
    pattern: Pattern,
    etype: EntityType,
    capture: Option<String>,
    title: Option<String>,
    country: Option<String>,
    priority: i32,
}

/// The compiled entity rules.
#[derive(Clone, Debug, Default)]
pub struct EntityRules {
    rules: Vec<EntityRule>,
}

impl EntityRules {
    /// Collects the entity rules (blocks with an `emit` field) of `files`.
    ///
    /// # Errors
    ///
    /// An unknown entity type, a capture that the pattern does not define, or
    /// a malformed `priority`, with the file and line of the field.
    pub fn new(files: &[RuleFile]) -> Result<EntityRules, RuleError> {
        let mut rules = Vec::new();
        for file in files {
            for rule in &file.rules {
                let Some(emit) = rule.fields.iter().find(|f| f.key == "emit") else {
                    continue;
                };
                let err = |line: usize, msg: String| rule.error_at(line, 1, msg);
                let mut words = emit.value.split_whitespace();
                let etype: EntityType =
                    words.next().unwrap_or("").parse().map_err(
                        |e: tidings_core::UnknownEntityType| err(emit.line, e.to_string()),
                    )?;
                let names = rule.pattern.capture_names();
                let check = |line: usize, cap: Option<&str>| -> Result<Option<String>, RuleError> {
                    match cap {
                        Some(c) if !names.contains(&c) => Err(err(
                            line,
                            format!("rule {} has no capture named {c:?}", rule.id),
                        )),
                        c => Ok(c.map(str::to_string)),
                    }
                };
                let capture = check(emit.line, words.next())?;
                let field = |key: &str| rule.fields.iter().find(|f| f.key == key);
                let title = match field("title") {
                    Some(f) => check(f.line, Some(f.value.trim()))?,
                    None => None,
                };
                let country = match field("country") {
                    Some(f) => check(f.line, Some(f.value.trim()))?,
                    None => None,
                };
                let priority = match field("priority") {
                    Some(f) => f.value.trim().parse().map_err(|_| {
                        err(
                            f.line,
                            format!("priority {:?} is not a whole number", f.value),
                        )
                    })?,
                    None => 40,
                };
                rules.push(EntityRule {
                    id: rule.id.clone(),
                    pattern: rule.pattern.clone(),
                    etype,
                    capture,
                    title,
                    country,
                    priority,
                });
            }
        }
        Ok(EntityRules { rules })
    }

    /// The number of entity rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    pub(crate) fn apply(&self, input: &Input<'_>) -> Vec<Candidate> {
        let mut out = Vec::new();
        if self.rules.is_empty() {
            return out;
        }
        let toks = input.tokens.tokens();
        for (s, sent) in input.tokens.sentences().iter().enumerate() {
            let seq = annotate(input, s, None);
            let base = sent.tokens.start;
            let span_of = |r: &std::ops::Range<usize>| {
                Span::new(
                    toks[base + r.start].span.start,
                    toks[base + r.end - 1].span.end,
                )
            };
            for rule in &self.rules {
                for m in rule.pattern.find_iter(&seq) {
                    let range = match &rule.capture {
                        Some(c) => match m.get(c) {
                            Some(cap) => cap.tokens.clone(),
                            None => continue,
                        },
                        None => m.tokens.clone(),
                    };
                    if range.is_empty() {
                        continue;
                    }
                    let spans = |name: &Option<String>| -> Vec<Span> {
                        name.as_deref()
                            .map(|n| {
                                m.all(n)
                                    .filter(|c| !c.tokens.is_empty())
                                    .map(|c| span_of(&c.tokens))
                                    .collect()
                            })
                            .unwrap_or_default()
                    };
                    let order = out.len();
                    out.push(Candidate {
                        mention: Mention {
                            span: span_of(&range),
                            tokens: base + range.start..base + range.end,
                            etype: rule.etype,
                            kind: MentionKind::Name,
                            rule: rule.id.clone(),
                            entry: None,
                            is_country: false,
                            titles: spans(&rule.title),
                            countries: spans(&rule.country),
                            entity: 0,
                        },
                        priority: rule.priority,
                        order,
                    });
                }
            }
        }
        out
    }
}
