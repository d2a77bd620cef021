//! tidings: the people, organisations, places, agreements, military systems,
//! dates, relations and dated events that a news article reports, as JSON.
//!
//! This is the library facade. Build an [`Extractor`] once (it compiles the
//! gazetteers and rules), share it between threads, and call
//! [`Extractor::extract`] on each article to get a [`Document`], whose serde
//! form is a superset of schema v1 of the annotation guide.
//!
//! ```
//! use tidings::{Extractor, parse_date};
//!
//! let extractor = Extractor::new()?;
//! let text = "Defence Minister Rajnath Singh met US Defense Secretary Lloyd Austin \
//!             in New Delhi on Monday. Singh and Austin signed a Security of Supply \
//!             Arrangement.";
//! let doc = extractor.extract(text, parse_date("2023-06-07"));
//! let people: Vec<&str> = doc.entities.iter()
//!     .filter(|e| e.etype == tidings::EntityType::Person)
//!     .map(|e| e.name.as_str())
//!     .collect();
//! assert_eq!(people, ["Rajnath Singh", "Lloyd Austin"]);
//! let monday = doc.dates.iter().find(|d| d.text == "Monday").unwrap();
//! assert_eq!(monday.value, "2023-06-05");
//! assert!(doc.events.iter().any(|e| e.etype == "SIGN"));
//! println!("{}", serde_json::to_string_pretty(&doc)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The pipeline
//!
//! text → tokens (`tidings-tokenize`) → gazetteer matches (`tidings-gazetteer`)
//! and date expressions (`tidings-temporal`) → mentions and entities
//! (`tidings-entities`) → events (`tidings-events`) → relations
//! (`tidings-relations`) → [`Document`]. Every stage reports byte spans into
//! the text as given; the document's offsets are those spans.
//!
//! # Resource usage
//!
//! Building the default extractor parses and compiles the embedded lists and
//! rules (see the README for the measured time and memory). Extraction is
//! linear in the text; an article of a few kilobytes takes well under a
//! millisecond.

mod document;

/// The README's Rust examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeExamples;

use std::fmt;
use std::path::{Path, PathBuf};

use tidings_gazetteer::{Gazetteer, GazetteerBuilder, GazetteerError};
use tidings_pattern::{RuleError, RuleFile};
use tidings_temporal::Tagger;

pub use document::{
    Args, DateRecord, Document, Entity, EntityAttrs, Event, MentionRecord, Offsets, Provenance,
    Relation,
};
pub use tidings_core::{EntityType, Span};
pub use tidings_temporal::{parse_date, Date};

/// The stage crates, for callers that want to run a stage on its own.
pub mod stages {
    pub use tidings_entities as entities;
    pub use tidings_events as events;
    pub use tidings_gazetteer as gazetteer;
    pub use tidings_pattern as pattern;
    pub use tidings_relations as relations;
    pub use tidings_temporal as temporal;
    pub use tidings_tokenize as tokenize;
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The default gazetteer files embedded in the library: (path, contents).
pub fn default_gazetteers() -> &'static [(&'static str, &'static str)] {
    embedded::GAZETTEERS
}

/// The default rule files embedded in the library: (path, contents).
pub fn default_rules() -> &'static [(&'static str, &'static str)] {
    embedded::RULES
}

/// Why an [`Extractor`] could not be built.
#[derive(Debug)]
pub enum Error {
    /// A gazetteer file is unreadable or has a malformed line.
    Gazetteer(GazetteerError),
    /// A rule file has a malformed rule.
    Rules(RuleError),
    /// A file named by the caller cannot be read.
    Io {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Gazetteer(e) => write!(f, "gazetteer error: {e}"),
            Error::Rules(e) => write!(f, "rule error: {e}"),
            Error::Io { path, message } => write!(f, "{path}: cannot read: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // The message already includes the inner error's.
            Error::Gazetteer(_) | Error::Rules(_) | Error::Io { .. } => None,
        }
    }
}

impl From<GazetteerError> for Error {
    fn from(e: GazetteerError) -> Error {
        Error::Gazetteer(e)
    }
}

impl From<RuleError> for Error {
    fn from(e: RuleError) -> Error {
        Error::Rules(e)
    }
}

/// A predicate over gazetteer entries, for [`ExtractorBuilder::filter_entries`].
pub type EntryFilter = std::sync::Arc<dyn Fn(&tidings_gazetteer::Entry) -> bool + Send + Sync>;

/// Configures an [`Extractor`].
#[derive(Clone)]
pub struct ExtractorBuilder {
    default_gazetteers: bool,
    default_rules: bool,
    gazetteer_paths: Vec<PathBuf>,
    rule_paths: Vec<PathBuf>,
    entry_filter: Option<EntryFilter>,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            default_gazetteers: true,
            default_rules: true,
            gazetteer_paths: Vec::new(),
            rule_paths: Vec::new(),
            entry_filter: None,
        }
    }
}

impl fmt::Debug for ExtractorBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtractorBuilder")
            .field("default_gazetteers", &self.default_gazetteers)
            .field("default_rules", &self.default_rules)
            .field("gazetteer_paths", &self.gazetteer_paths)
            .field("rule_paths", &self.rule_paths)
            .field("entry_filter", &self.entry_filter.is_some())
            .finish()
    }
}

impl ExtractorBuilder {
    /// Whether to load the embedded default gazetteers (default: yes).
    pub fn default_gazetteers(mut self, yes: bool) -> Self {
        self.default_gazetteers = yes;
        self
    }

    /// Whether to load the embedded default rules (default: yes).
    pub fn default_rules(mut self, yes: bool) -> Self {
        self.default_rules = yes;
        self
    }

    /// Adds the `*.tsv` gazetteer files below `path` (or the file `path`),
    /// after the defaults.
    pub fn gazetteer_dir(mut self, path: impl AsRef<Path>) -> Self {
        self.gazetteer_paths.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds the `*.rules` files below `path` (or the file `path`), after the defaults.
    pub fn rules_dir(mut self, path: impl AsRef<Path>) -> Self {
        self.rule_paths.push(path.as_ref().to_path_buf());
        self
    }

    /// Keeps only the gazetteer entries for which `keep` returns true (for
    /// measuring what the rules find without some lists; default: all).
    pub fn filter_entries(
        mut self,
        keep: impl Fn(&tidings_gazetteer::Entry) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.entry_filter = Some(std::sync::Arc::new(keep));
        self
    }

    /// Loads and compiles everything.
    ///
    /// # Errors
    ///
    /// A gazetteer or rule file that cannot be read or has an error, with
    /// its file and line.
    pub fn build(self) -> Result<Extractor, Error> {
        // The gazetteer and the rules share nothing until the end: build
        // them side by side, the rules and the date tagger on a second
        // thread (on one core this costs nothing but the thread).
        std::thread::scope(|scope| {
            let rules = scope.spawn(|| self.build_rules());
            let gazetteer = self.build_gazetteer();
            let rules = rules.join().map_err(|_| Error::Io {
                path: "<rules>".to_string(),
                message: "the thread building the rules panicked".to_string(),
            })??;
            Ok(Extractor {
                tagger: rules.tagger,
                gazetteer: gazetteer?,
                entity_rules: rules.entity_rules,
                event_rules: rules.event_rules,
                relation_rules: rules.relation_rules,
                rule_files: rules.files,
            })
        })
    }

    fn build_gazetteer(&self) -> Result<Gazetteer, Error> {
        let mut gaz = GazetteerBuilder::new();
        if self.default_gazetteers {
            for (name, contents) in default_gazetteers() {
                gaz = gaz.add_source(&format!("gazetteers/{name}"), contents)?;
            }
        }
        for p in &self.gazetteer_paths {
            gaz = gaz.add_dir(p)?;
        }
        if let Some(keep) = &self.entry_filter {
            gaz = gaz.retain(|e| keep(e));
        }
        Ok(gaz.build()?)
    }

    fn build_rules(&self) -> Result<Rules, Error> {
        let mut files: Vec<RuleFile> = Vec::new();
        if self.default_rules {
            for (name, contents) in default_rules() {
                files.push(tidings_pattern::parse_rules(
                    &format!("rules/{name}"),
                    contents,
                )?);
            }
        }
        for p in &self.rule_paths {
            if p.is_file() {
                let contents = std::fs::read_to_string(p).map_err(|e| Error::Io {
                    path: p.display().to_string(),
                    message: e.to_string(),
                })?;
                files.push(tidings_pattern::parse_rules(
                    &p.display().to_string(),
                    &contents,
                )?);
            } else {
                files.extend(tidings_pattern::load_rules_dir(p)?);
            }
        }
        Ok(Rules {
            tagger: Tagger::new(),
            entity_rules: tidings_entities::EntityRules::new(&files)?,
            event_rules: tidings_events::EventRules::new(&files)?,
            relation_rules: tidings_relations::RelationRules::new(&files)?,
            files,
        })
    }
}

/// Everything [`ExtractorBuilder::build`] compiles besides the gazetteer.
struct Rules {
    tagger: Tagger,
    files: Vec<RuleFile>,
    entity_rules: tidings_entities::EntityRules,
    event_rules: tidings_events::EventRules,
    relation_rules: tidings_relations::RelationRules,
}

/// The whole pipeline, compiled once; `Send + Sync`.
pub struct Extractor {
    tagger: Tagger,
    gazetteer: Gazetteer,
    entity_rules: tidings_entities::EntityRules,
    event_rules: tidings_events::EventRules,
    relation_rules: tidings_relations::RelationRules,
    rule_files: Vec<RuleFile>,
}

impl fmt::Debug for Extractor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Extractor")
            .field("gazetteer_entries", &self.gazetteer.entries().len())
            .field("entity_rules", &self.entity_rules.len())
            .field("event_rules", &self.event_rules.len())
            .field("relation_rules", &self.relation_rules.len())
            .finish()
    }
}

impl Extractor {
    /// The extractor with the embedded default gazetteers and rules.
    ///
    /// # Errors
    ///
    /// Only if the embedded files are broken, which the test suite rules out.
    pub fn new() -> Result<Extractor, Error> {
        ExtractorBuilder::default().build()
    }

    /// A builder, to add gazetteer or rule directories.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The compiled gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The rule files loaded, with their examples.
    pub fn rule_files(&self) -> &[RuleFile] {
        &self.rule_files
    }

    /// Extracts everything from one article.
    ///
    /// `dct` is the document creation time (publication date), which
    /// relative dates are resolved against. When it is `None` and the text
    /// starts with the metadata line ` date YYYY-MM-DD`, that date is used;
    /// the metadata line itself is never treated as article text. Failing
    /// both, the date the article's own header gives (a line such as
    /// "Published 22 April 2025", or a dateline "WASHINGTON, April 28,
    /// 2025 -"; see [`stages::temporal::header_date`]) is used. Offsets in
    /// the result are byte offsets into `text` as given.
    ///
    /// Never panics and never fails: any string has a document, possibly empty.
    pub fn extract(&self, text: &str, dct: Option<Date>) -> Document {
        let (header_dct, header_len) = split_header(text);
        let dct = dct
            .or(header_dct)
            .or_else(|| tidings_temporal::header_date(&text[header_len..]));
        // Blank the metadata line to spaces of the same length, so that no
        // stage sees it and every offset stays an offset into `text`.
        let blanked;
        let body: &str = if header_len > 0 {
            blanked = format!("{}{}", " ".repeat(header_len), &text[header_len..]);
            &blanked
        } else {
            text
        };
        let analysis = tidings_entities::Analysis::new(body, &self.gazetteer, &self.tagger, dct);
        let input = analysis.input(&self.gazetteer);
        let mut entities = tidings_entities::find(&input, &self.entity_rules);
        // The sentences with their mentions, built once for both stages.
        let sequences = tidings_entities::annotate_all(&input, &entities.mentions);
        let mut events = tidings_events::find_in(&input, &entities, &sequences, &self.event_rules);
        // An agreement first described and then named by one event is one
        // entity (the sequences refer to mentions, which stay as they are).
        let same = tidings_events::described_and_named(&events, &entities);
        if !same.is_empty() {
            let map = entities.fold(&same);
            for e in &mut events {
                e.renumber(&map);
            }
        }
        let relations = tidings_relations::find_in(
            &input,
            &entities,
            &events,
            &sequences,
            &self.relation_rules,
        );
        document::build(&input, dct, &entities, &events, &relations)
    }
}

/// Reads the metadata line ` date YYYY-MM-DD` at the start of an article:
/// the date, and how many bytes the line takes (with the line break after
/// it, when the article text starts on the next line). `(None, 0)` when the
/// text has no such line.
///
/// ```
/// let (dct, len) = tidings::split_header(" date 2024-02-19 New Delhi, Feb 19 (PTI) India ...");
/// assert_eq!(dct, tidings::parse_date("2024-02-19"));
/// assert_eq!(len, 17);
/// ```
pub fn split_header(text: &str) -> (Option<Date>, usize) {
    let trimmed = text.trim_start_matches([' ', '\u{feff}']);
    let lead = text.len() - trimmed.len();
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return (None, 0);
    };
    let Some(date_str) = rest.get(..10) else {
        return (None, 0);
    };
    let Some(date) = parse_date(date_str) else {
        return (None, 0);
    };
    let mut len = lead + "date ".len() + 10;
    let after = &text[len..];
    let ws = after.len() - after.trim_start_matches([' ', '\t', '\r', '\n']).len();
    len += ws;
    (Some(date), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
        check::<Document>();
    }

    #[test]
    fn header_variants() {
        assert_eq!(
            split_header(" date 2023-06-05 Defence"),
            (parse_date("2023-06-05"), 17)
        );
        assert_eq!(split_header(" date 1998-01-08\n\nOn the").1, 18);
        assert_eq!(
            split_header("date 2023-06-05"),
            (parse_date("2023-06-05"), 15)
        );
        assert_eq!(split_header(" date 2023-13-45 x"), (None, 0));
        assert_eq!(split_header(" dated 2023"), (None, 0));
        assert_eq!(split_header(" date 2023"), (None, 0));
        assert_eq!(split_header(""), (None, 0));
    }

    #[test]
    fn header_is_not_text() {
        let ex = Extractor::new().unwrap();
        let text = " date 2024-02-19 India and the US met on Tuesday.";
        let doc = ex.extract(text, None);
        assert_eq!(doc.dct.as_deref(), Some("2024-02-19"));
        assert!(doc.dates.iter().all(|d| d.start >= 17));
        let tuesday = doc.dates.iter().find(|d| d.text == "Tuesday").unwrap();
        assert_eq!(&text[tuesday.start..tuesday.end], "Tuesday");
    }

    #[test]
    fn the_articles_own_header_dates_it() {
        let ex = Extractor::new().unwrap();
        let text = "ANKARA\n15.08.2024\nTurkish and Iraqi ministers met on Wednesday in Ankara.";
        let doc = ex.extract(text, None);
        assert_eq!(doc.dct.as_deref(), Some("2024-08-15"));
        let wednesday = doc.dates.iter().find(|d| d.text == "Wednesday").unwrap();
        assert_eq!(wednesday.value, "2024-08-14");
        // The date given wins.
        let doc = ex.extract(text, parse_date("2024-08-20"));
        assert_eq!(doc.dct.as_deref(), Some("2024-08-20"));
    }

    #[test]
    fn any_text_has_a_document() {
        let ex = Extractor::new().unwrap();
        for text in ["", " ", "\u{0}\u{1}", "((((", " date ", "é\u{301}"] {
            let doc = ex.extract(text, None);
            assert!(doc.entities.is_empty() || !text.trim().is_empty());
        }
    }
}
