//! The scorer of tidings: compares predicted schema-v1 documents with gold
//! ones exactly as the annotation guide (`ANNOTATION.md`) defines, and
//! reports P/R/F1 for entities (overall and per type), dates (with value
//! accuracy), relations and events (with date accuracy and argument F1).
//!
//! ```
//! use tidings_eval::{parse_document, score};
//!
//! let gold = parse_document(r#"{"id": "a", "entities": [
//!     {"type": "PERSON", "name": "Lloyd Austin", "aliases": ["Austin"]}]}"#)?;
//! // Two records for one person: one hit and one false positive.
//! let pred = parse_document(r#"{"id": "a", "entities": [
//!     {"type": "PERSON", "name": "Austin"}, {"type": "PERSON", "name": "Lloyd Austin"}]}"#)?;
//! let report = score(&[gold], &[pred]);
//! assert_eq!((report.total.entities.tp, report.total.entities.fp), (1, 1));
//! assert!((report.headline().entity_f1 - 2.0 / 3.0).abs() < 1e-9);
//! print!("{}", report.table());
//! # Ok::<(), tidings_eval::EvalError>(())
//! ```
//!
//! # Rules
//!
//! Documents are paired by `id`; gold defines the set. A missing predicted
//! document or a tidings error record counts as empty output. When the gold
//! document has a `scope`, only the parts it names are scored. Totals sum
//! the counts of all documents (micro-averaging). Predicted dates of type
//! `DURATION` or `SET` are skipped; gold ones are treated as optional.
//!
//! Every part is matched one to one by a maximum-weight bipartite matching
//! (see below), never greedily, so the counts do not depend on the order of
//! the records. A match with an optional gold item is neither a true nor a
//! false positive; an unmatched optional gold item is not missed.
//!
//! - Entities match when the types agree (or the predicted type is one of
//!   the gold `alt_types`) and the [normalised](normalise) predicted `name`
//!   equals the gold `name` or an alias. Predicted aliases are not used.
//!   Per type, hits and misses count under the gold type, false positives
//!   under the predicted type.
//! - Dates are first merged on each side by (normalised text, value). Two
//!   match when one normalised text contains the other and they share a
//!   word; the value is then right when it equals the gold value (or one of
//!   the gold list; a gold null accepts only null). A predicted value given
//!   as a list counts as its first element.
//! - Relations: the head and tail names are mapped to gold entities (a name
//!   naming several prefers one of the type the relation type expects, then
//!   one whose own name it is, then the first); a name naming none stands for
//!   its normalised text. Identical relations are merged on each side; a
//!   predicted relation whose head or tail is empty is a false positive.
//! - Events match when the types agree and they share at least one argument
//!   in the same role (`participants`, `agreement`, `location`, `name`; other
//!   roles are not scored), argument names being mapped like relation
//!   heads. Among several candidates the matching prefers, in this order:
//!   more matched pairs, more shared arguments, fewer unshared arguments, the
//!   right date. Matched required pairs are scored on the date and on the
//!   argument values (shared values are hits, predicted-only values false
//!   positives, gold-only values misses, pooled over all pairs).
//!
//! # Ignore snippets
//!
//! "Anything found only inside them is neither rewarded nor penalised"
//! needs the article text, because only predicted output carries offsets
//! (byte offsets into the article text). [`score_with_texts`] takes the texts;
//! [`score`] has none and so applies no ignore rule. With the text of a
//! document, every occurrence of every snippet is located, and:
//!
//! - a predicted entity, date, relation or event all of whose spans lie
//!   inside occurrences is *droppable*: left unmatched, it is not a false
//!   positive (it may still match, and then counts as usual). The spans are
//!   an entity's `mentions`, a date's `start`/`end`, a relation's or event's
//!   `evidence` (else `sentence`). An entity or date without spans is judged
//!   by the occurrences of its literal name or text in the article instead;
//!   a relation or event without spans is never droppable;
//! - a gold entity none of whose name and aliases occurs, as whole
//!   normalised words, in the text outside the snippets while one occurs
//!   inside them, is treated as optional; likewise a gold date by its text.
//!
//! The matching prefers pairs that count: its first criterion is the number
//! of required gold items plus the number of non-droppable predicted items
//! it covers, so a droppable prediction never takes a gold item away from
//! one that would otherwise be a false positive.
//!
//! # Cross-check
//!
//! `scripts/score.py` implements the same rules in plain Python, with a
//! different matching algorithm (successive best augmenting paths instead of
//! the Hungarian algorithm); the crate's tests assert that both give the same
//! counts on the hand-made cases of `testdata/cases` and on the fixtures.
//!
//! # Resource usage
//!
//! Each part of each document is matched in O(n³) time and O(n²) memory for
//! n = max(gold items, predicted items); the 183 TimeBank documents score in
//! well under a second.

mod document;
mod matching;
mod normalise;
mod report;
mod score;

pub use document::{
    load_dir, load_path, parse_document, Date, DateValue, Document, Entity, EvalError,
    EvalErrorKind, Event, Relation,
};
pub use normalise::normalise;
pub use report::{DocReport, Failure, Headline, Mistake, MistakeKind, Part, Report};
pub use score::{score, score_with_texts, Accuracy, Counts, Prf};
