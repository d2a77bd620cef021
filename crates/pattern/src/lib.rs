//! The rule language of tidings: a small pattern language over tokens and
//! annotations, in the spirit of spaCy's `Matcher` and Stanford CoreNLP's
//! TokensRegex, and the parser of the `*.rules` files written in it.
//!
//! A [`Pattern`] runs over a [`Sequence`]: the tokens of one sentence plus
//! labelled [`Annotation`]s over them (gazetteer hits, entity mentions,
//! dates). A [`Match`] says which tokens matched and what each named capture
//! (a *role*, such as `person` or `party`) covered.
//!
//! ```
//! use tidings_pattern::{Pattern, Sequence};
//!
//! // "Foreign Secretary" is a gazetteer title (annotation id 7).
//! let seq = Sequence::from_words("Foreign Secretary Vikram Misri said on Monday")
//!     .with("gaz:TITLE", 0..2, 7);
//! let p = Pattern::parse(
//!     r#"(?<title><gaz:TITLE>) (?<name>[shape=Capitalized & !@gaz:TITLE]{1,3}) "said""#,
//! )
//! .unwrap();
//! let m = &p.find_iter(&seq)[0];
//! assert_eq!(m.tokens, 0..5);
//! assert_eq!(m.get("name").unwrap().tokens, 2..4);
//! assert_eq!(m.get("title").unwrap().annotation, Some(7));
//! ```
//!
//! # Syntax
//!
//! A pattern is one line: a sequence of elements, each optionally quantified.
//! Whitespace between elements is ignored. (`SYNTAX.md` in the crate has the
//! same reference with more examples.)
//!
//! | Element | Matches |
//! |---|---|
//! | `"met"` | a token whose lower-case form is `met` (the literal is lower-cased) |
//! | `"held talks"` | the tokens `held` `talks` in a row |
//! | `/talks?/` | a token whose lower-case form fully matches the regex (`\/` for a slash) |
//! | `[ constraint ]` | one token satisfying the constraint; `[]` is any token |
//! | `<ent:PLACE>` | the tokens of one whole annotation labelled `ent:PLACE` starting here |
//! | `<gaz:*>` | the same, for any label starting with `gaz:` |
//! | `^`, `$` | sentence start, sentence end |
//! | `( ... )`, `(?: ... )` | grouping |
//! | `a \| b` | alternation (lowest precedence) |
//! | `(?<role> ... )` | named capture |
//! | `(?= ...)`, `(?! ...)` | positive / negative lookahead |
//! | `(?<= ...)`, `(?<! ...)` | positive / negative lookbehind |
//!
//! Quantifiers: `?`, `*`, `+`, `{m}`, `{m,n}`, `{m,}` (greedy), and lazy
//! `??`, `*?`, `+?`, `{m,n}?`. Counts are at most 100.
//!
//! Constraints inside `[ ]`:
//!
//! | Constraint | The token ... |
//! |---|---|
//! | `text="India"`, `text=/In.*/` | has exactly this text / its text fully matches |
//! | `lower="met"`, `lower=/meet|met/` | has this lower-case form / it fully matches |
//! | `shape=Capitalized`, `shape=Capitalized\|Upper` | has one of these [`Shape`](tidings_tokenize::Shape)s |
//! | `abbrev` | is an abbreviation or initial (`Dr.`, `U.S.`) |
//! | `space`, `nospace` | has / has no whitespace before it |
//! | `@gaz:TITLE`, `@gaz:*` | lies inside an annotation with this label (prefix) |
//! | `start@ent:PERSON`, `end@ent:PERSON` | starts / ends such an annotation |
//!
//! combined with `&`, `|`, `!` and parentheses:
//! `[shape=Capitalized & !@gaz:TITLE & !lower="the"]`.
//!
//! ```
//! use tidings_pattern::{Pattern, Sequence};
//!
//! let seq = Sequence::from_words("India , Japan and Australia signed a pact")
//!     .with("ent:PLACE", 0..1, 0)
//!     .with("ent:PLACE", 2..3, 1)
//!     .with("ent:PLACE", 4..5, 2);
//! // A capture inside a repetition reports every repetition.
//! let p = Pattern::parse(
//!     r#"((?<party><ent:PLACE>) ("," | "and"))+ (?<party><ent:PLACE>) (?="signed")"#,
//! )
//! .unwrap();
//! let m = p.match_at(&seq, 0).unwrap();
//! let parties: Vec<_> = m.all("party").map(|c| c.annotation.unwrap()).collect();
//! assert_eq!(parties, [0, 1, 2]);
//! assert_eq!(m.tokens, 0..5); // the lookahead does not consume "signed"
//! ```
//!
//! # Matching semantics
//!
//! - At a given start the **longest** match wins; among equally long matches,
//!   the one preferred by greedy/lazy quantifiers and by alternative order
//!   (left first) decides the captures. So laziness changes captures, never
//!   the extent of the match.
//! - A match covers at least one token: a pattern that matches only the empty
//!   run (e.g. `"a"?` where there is no `a`) reports nothing.
//! - Lookaround looks at the whole sequence, also outside the match, and
//!   consumes nothing; captures inside a positive lookaround are reported.
//! - A capture inside a repetition is reported once per repetition, and
//!   [`Match::captures`] is ordered by start (outer before inner).
//! - Work per match attempt is bounded (each program step is tried at most
//!   once per token position, plus a step budget); an attempt that runs out
//!   of budget reports no match instead of hanging.
//!
//! # Performance
//!
//! Run every pattern over the same [`Sequence`] value: its annotation index
//! is built once and shared. Each pattern skips start positions where its
//! first element cannot match and positions after the last occurrence of an
//! element every match needs, evaluates each distinct token test at most once
//! per token, and matches regexes that are plain alternations of literals
//! (`/met|meets|meet/`, `/talks?/`) by set lookup rather than with the regex
//! engine, so such triggers are cheap. `cargo run --release -p
//! tidings-pattern --example bench` times the real rule files over real text.
//!
//! # Rule files
//!
//! ```text
//! # comment lines start with '#'
//! rule person.title_name                     # rule id: letters, digits, '.', '_', '-'
//!   pattern  [@gaz:TITLE]+ (?<name>[shape=Capitalized & !@gaz:TITLE]{1,3})
//!   emit     PERSON name                      # kept verbatim for the consumer
//!   example  "Foreign Secretary Vikram Misri said" => PERSON "Vikram Misri"
//! ```
//!
//! See [`parse_rules`] and [`load_rules_dir`].
//!
//! ```
//! let file = tidings_pattern::parse_rules("people.rules", "\
//! rule person.title_name
//!   pattern  [@gaz:TITLE]+ (?<name>[shape=Capitalized]{1,3})
//!   emit     PERSON name   # the role to emit
//!   example  \"Secretary Vikram Misri said\" => PERSON \"Vikram Misri\"
//! ").unwrap();
//! let rule = &file.rules[0];
//! assert_eq!(rule.field("emit"), Some("PERSON name"));
//! assert_eq!(rule.examples[0].text, "Secretary Vikram Misri said");
//! assert_eq!(rule.examples[0].expect, "PERSON \"Vikram Misri\"");
//!
//! let err = tidings_pattern::parse_rules("bad.rules", "rule x\n  pattern [shape=Foo]\n").unwrap_err();
//! assert_eq!(err.to_string(), "bad.rules:2:18: unknown shape \"Foo\"");
//! ```

mod lit;
mod matcher;
mod parse;
mod rules;
mod seq;

pub use matcher::{Capture, Match, Pattern};
pub use parse::PatternError;
pub use rules::{load_rules_dir, parse_rules, Example, Field, Rule, RuleError, RuleFile};
pub use seq::{Annotation, Sequence, Tok};
