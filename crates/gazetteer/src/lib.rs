//! Gazetteer lists and one automaton over all their names.
//!
//! A gazetteer is a set of entries (a label such as `PLACE` or `TITLE`, a
//! canonical name, aliases and attributes) read from TSV files in the format
//! that `gazetteers/README.md` defines. [`Gazetteer::find`] runs every name,
//! alias, acronym and demonym of every entry over a text at once, keeps the
//! matches that start and end on token boundaries, and resolves overlaps by a
//! fixed priority, keeping the losers for rules that need them.
//!
//! ```
//! use tidings_gazetteer::{Form, GazetteerBuilder};
//! use tidings_tokenize::tokenize;
//!
//! let list = "PLACE\tIndia\tRepublic of India\tkind=country;demonym=Indian\n\
//!             PLACE\tIndian Ocean Region\tIOR\tkind=water\n\
//!             PLACE\tUnited States\tUS|U.S.|America\tkind=country;demonym=American\n";
//! let gazetteer = GazetteerBuilder::new().add_source("places.tsv", list)?.build()?;
//!
//! let text = "Indian and US ships in the Indian Ocean Region; us too.";
//! let matches = gazetteer.find(text, &tokenize(text));
//! let found: Vec<(&str, &str, Form)> = matches
//!     .chosen
//!     .iter()
//!     .map(|m| (&text[m.span], gazetteer.entry(m.entry).name.as_str(), m.form))
//!     .collect();
//! assert_eq!(found, [
//!     ("Indian", "India", Form::Demonym),
//!     ("US", "United States", Form::Alias),
//!     ("Indian Ocean Region", "Indian Ocean Region", Form::Name),
//! ]);
//! # Ok::<(), tidings_gazetteer::GazetteerError>(())
//! ```
//!
//! # Matching rules
//!
//! - Text and names are folded alike: Unicode lower case, accents removed,
//!   curly quotes and apostrophes made straight, dashes made `-`, whitespace
//!   runs made one space. "TÜRKIYE" matches "Türkiye"; "Cote d’Ivoire"
//!   matches "Côte d'Ivoire".
//! - A short form with two or more capitals (`US`, `MoD`, `NATO`, `iDEX`)
//!   matches only as written. Other forms match in any case, except that a
//!   match written all in lower case is dropped unless the form is too.
//! - A match must start at a token's start and end at a token's end.
//! - Overlaps: longer matches win; at equal length entity labels win over
//!   cue labels, then the earlier source, then the earlier line. Losers go to
//!   [`Matches::shadowed`].
//!
//! # How matching works
//!
//! All entries of all lists are compiled into one automaton, in two levels:
//! a token level for the first token of every form (ASCII, up to sixteen
//! bytes after folding; hash tables), and a byte level for what follows
//! (an Aho-Corasick contiguous NFA over the forms of more than one token and
//! the long or non-ASCII words). A form that is one short ASCII word ends at
//! the first level; no walk goes further. Matching walks from token starts,
//! never over the whole text:
//!
//! 1. A token can start a match only if a form begins with it, and a token
//!    in lower case only if that form is written in lower case ("chief
//!    executive"). Two Bloom filters (of all first tokens, and of those of
//!    forms in lower case), keyed by a token's first eight bytes and length,
//!    turn most tokens away in one tight loop over the tokens: one load, one
//!    multiplication and one bit read a token, and no branch. Their hash is
//!    the one, of eight, that lets the fewest common news tokens through
//!    (punctuation and the commonest words).
//! 2. For a token that gets through, the first level gives the forms that
//!    are this token alone, whether a longer form can go on after it, and the
//!    NFA state to go on from. Before a walk goes on over a space, a Bloom
//!    filter of the first two tokens of every form of several words says
//!    whether the next token can be the second.
//! 3. The NFA is walked anchored, token by token, folding the text as it
//!    goes, until no form goes on.
//!
//! # Resource usage
//!
//! Building folds every form once and compiles the tables and one automaton;
//! memory is about the size of the lists plus the automaton (a few bytes per
//! pattern byte), the tables (24 bytes per first token) and the Bloom
//! filters (128 KiB reserved, 98 KiB used). Matching allocates the vectors of candidates and
//! matches, and none the size of the text or its token list.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use rustc_hash::FxHashMap;
use tidings_core::{EntityType, Span};
use tidings_tokenize::{Shape, Tokens};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::starts::{Key, Opens, Starts, TABLE_BYTES};

mod starts;

/// The index of an entry in its [`Gazetteer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

/// Where an entry was defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The source name: a path relative to the gazetteer directory, or the
    /// name given to [`GazetteerBuilder::add_source`]; shared by all the
    /// entries of one source.
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// `PERSON`, `ORG`, `PLACE`, `AGREEMENT`, `SYSTEM`, or a cue label such as `TITLE`.
    pub label: String,
    /// The canonical name.
    pub name: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// The attributes as written (`key=value;key=a|b`), checked when the
    /// entry was read; read them with [`Entry::attr`] and [`Entry::attr_values`].
    /// They are kept as one string because most are never looked at, and
    /// tens of thousands of small allocations would dominate building.
    pub attrs: String,
    /// Where the entry was defined.
    pub origin: Origin,
}

impl Entry {
    /// The first value of attribute `key`.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attr_values(key).next()
    }

    /// All values of attribute `key` (none when absent), in order.
    pub fn attr_values<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a str> + 'a {
        let raw = self
            .attrs
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| k.trim() == key)
            .map_or("", |(_, v)| v);
        values(raw)
    }

    /// The entity type, when the label is one.
    pub fn entity_type(&self) -> Option<EntityType> {
        self.label.parse().ok()
    }

    /// Whether the entry's name is also a common word, name or other place,
    /// so that a match needs support from context.
    pub fn is_ambiguous(&self) -> bool {
        matches!(self.attr("ambiguous"), Some("1" | "true" | "yes"))
    }
}

/// Which of an entry's forms a match is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// The canonical name.
    Name,
    /// An alias.
    Alias,
    /// The `acronym` attribute.
    Acronym,
    /// A `demonym` attribute value: "Indian" for India.
    Demonym,
}

/// The plural of a system's form that ends in a noun of equipment
/// ("Precision Strike Missile" -> "Precision Strike Missiles", "K2 tank"
/// -> "K2 tanks"), a designation ("F-16" -> "F-16s", "Su-30MKI" ->
/// "Su-30MKIs") or a name ("Rafale" -> "Rafales"); none for forms that
/// end in "s" or in another lower-case word ("Lightning II" aside).
fn plural_of_system(form: &str) -> Option<String> {
    const NOUNS: &[&str] = &[
        "missile",
        "tank",
        "jet",
        "fighter",
        "helicopter",
        "drone",
        "vehicle",
        "launcher",
        "howitzer",
        "frigate",
        "destroyer",
        "submarine",
        "corvette",
        "rifle",
        "engine",
        "carrier",
        "bomber",
        "interceptor",
        "rocket",
        "boat",
        "vessel",
        "ship",
        "gun",
        "radar",
        "satellite",
        "torpedo",
        "cruiser",
        "system",
    ];
    let last = form.rsplit(' ').next()?;
    let end = last.chars().next_back()?;
    let named = end.is_ascii_digit()
        || last.chars().next().is_some_and(char::is_uppercase)
            && end.is_alphabetic()
            && !matches!(end, 's' | 'S' | 'x' | 'X');
    (NOUNS.contains(&last.to_lowercase().as_str()) || named).then(|| format!("{form}s"))
}

/// One match of a gazetteer form in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Where in the text.
    pub span: Span,
    /// The tokens covered, as indices into [`Tokens::tokens`].
    pub tokens: Range<usize>,
    /// The entry matched.
    pub entry: EntryId,
    /// Which form of the entry matched.
    pub form: Form,
}

/// The result of [`Gazetteer::find`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matches {
    /// Non-overlapping matches chosen by the priority rule, in text order.
    pub chosen: Vec<Match>,
    /// Matches that lost to an overlapping one, in text order.
    pub shadowed: Vec<Match>,
}

/// An error in a gazetteer source: unreadable, or a malformed line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError {
    file: String,
    line: Option<usize>,
    message: String,
}

impl GazetteerError {
    fn at(file: &str, line: usize, message: impl Into<String>) -> GazetteerError {
        GazetteerError {
            file: file.to_string(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// The file the error is in.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line, when the error is about one line.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for GazetteerError {}

/// Collects gazetteer sources and compiles them into a [`Gazetteer`].
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    entries: Vec<Entry>,
}

impl GazetteerBuilder {
    /// A builder with no entries.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Parses one source in the TSV format and adds its entries.
    ///
    /// # Errors
    ///
    /// A malformed line, reported with `name` and the line number.
    pub fn add_source(mut self, name: &str, contents: &str) -> Result<Self, GazetteerError> {
        parse_source(name, contents, &mut self.entries)?;
        Ok(self)
    }

    /// Reads one file and adds its entries.
    ///
    /// # Errors
    ///
    /// The file cannot be read, is not UTF-8, or has a malformed line.
    pub fn add_file(self, path: &Path) -> Result<Self, GazetteerError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| GazetteerError {
            file: name.clone(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        let contents = String::from_utf8(bytes).map_err(|e| GazetteerError {
            file: name.clone(),
            line: Some(line_of(e.as_bytes(), e.utf8_error().valid_up_to())),
            message: "not valid UTF-8".to_string(),
        })?;
        self.add_source(&name, &contents)
    }

    /// Adds every `*.tsv` file below `dir`, in path order; or `dir` itself
    /// when it is a file.
    ///
    /// # Errors
    ///
    /// As [`GazetteerBuilder::add_file`], and when the directory cannot be
    /// listed or holds no `.tsv` file.
    pub fn add_dir(mut self, dir: &Path) -> Result<Self, GazetteerError> {
        if dir.is_file() {
            return self.add_file(dir);
        }
        let mut files = Vec::new();
        collect_tsv(dir, &mut files)?;
        if files.is_empty() {
            return Err(GazetteerError {
                file: dir.display().to_string(),
                line: None,
                message: "no .tsv gazetteer files found".to_string(),
            });
        }
        files.sort();
        for f in files {
            self = self.add_file(&f)?;
        }
        Ok(self)
    }

    /// The entries added so far.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Drops every entry for which `keep` returns false (used to measure
    /// what rules find without particular list entries).
    pub fn retain(mut self, keep: impl FnMut(&Entry) -> bool) -> Self {
        self.entries.retain(keep);
        self
    }

    /// Compiles the automaton.
    ///
    /// # Errors
    ///
    /// Only when the automaton cannot be built (it would exceed the
    /// aho-corasick crate's size limits).
    pub fn build(self) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::new(self.entries)
    }
}

/// Whether `s` is a non-empty run of letters that pass `letter`, ASCII
/// digits and `_` (a label or an attribute key).
fn is_identifier(s: &str, letter: fn(&char) -> bool) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| letter(&c) || c.is_ascii_digit() || c == '_')
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn collect_tsv(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), GazetteerError> {
    let read = std::fs::read_dir(dir).map_err(|e| GazetteerError {
        file: dir.display().to_string(),
        line: None,
        message: format!("cannot list directory: {e}"),
    })?;
    for item in read.flatten() {
        let path = item.path();
        if path.is_dir() {
            collect_tsv(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tsv") {
            out.push(path);
        }
    }
    Ok(())
}

fn parse_source(file: &str, contents: &str, out: &mut Vec<Entry>) -> Result<(), GazetteerError> {
    let contents = contents.strip_prefix('\u{feff}').unwrap_or(contents);
    let shared: Arc<str> = Arc::from(file);
    for (i, raw) in contents.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        // Up to four fields, counted without collecting them.
        let mut fields = [""; 4];
        let mut n = 0;
        for field in raw.split('\t') {
            if let Some(slot) = fields.get_mut(n) {
                *slot = field;
            }
            n += 1;
        }
        if n < 2 {
            return Err(GazetteerError::at(
                file,
                line,
                "expected LABEL<TAB>name[<TAB>aliases[<TAB>attributes]]",
            ));
        }
        if n > 4 {
            return Err(GazetteerError::at(
                file,
                line,
                format!("expected at most 4 tab-separated fields, found {n}"),
            ));
        }
        let label = fields[0].trim();
        if !is_identifier(label, char::is_ascii_uppercase) {
            return Err(GazetteerError::at(
                file,
                line,
                format!("label {label:?} must be upper-case letters, digits or '_'"),
            ));
        }
        let name = fields[1].trim();
        if name.is_empty() {
            return Err(GazetteerError::at(file, line, "empty canonical name"));
        }
        let aliases = split_list(fields[2]);
        let attrs = fields[3].trim().to_string();
        for pair in fields[3]
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let Some((key, value)) = pair.split_once('=') else {
                return Err(GazetteerError::at(
                    file,
                    line,
                    format!("attribute {pair:?} is not key=value"),
                ));
            };
            let key = key.trim();
            if !is_identifier(key, char::is_ascii_lowercase) {
                return Err(GazetteerError::at(
                    file,
                    line,
                    format!("attribute key {key:?} must be lower-case letters, digits or '_'"),
                ));
            }
            if value.split('|').all(|v| v.trim().is_empty()) {
                return Err(GazetteerError::at(
                    file,
                    line,
                    format!("attribute {key:?} has no value"),
                ));
            }
        }
        out.push(Entry {
            label: label.to_string(),
            name: name.to_string(),
            aliases,
            attrs,
            origin: Origin {
                file: Arc::clone(&shared),
                line,
            },
        });
    }
    Ok(())
}

/// The values of one attribute as written (`a|b`), trimmed, empty ones
/// left out.
fn values(raw: &str) -> impl Iterator<Item = &str> {
    raw.split('|').map(str::trim).filter(|v| !v.is_empty())
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// How one folded pattern of the automaton maps back to entry forms: 16
/// bytes, so that the form table stays small in the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FormRef {
    entry: EntryId,
    form: Form,
    /// When the form must match with its exact case, its index in
    /// `Gazetteer::exact`: the form as written, quotes and dashes folded.
    case_exact: Option<u32>,
    /// Whether the form has an upper-case letter, so that an all-lower-case
    /// match of it is dropped.
    has_upper: bool,
    /// Whether the form starts with a capital, so that a match must too.
    initial_upper: bool,
    /// Whether the entry's label is a cue, not an entity type (for the
    /// overlap priority).
    cue: bool,
}

/// A compiled gazetteer: entries and one automaton over all their forms.
///
/// `Send + Sync`; build once and share.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// The automaton over the list names that a walk may need past a first
    /// token (see `Gazetteer::new`).
    automaton: NFA,
    /// For each automaton pattern, its index in `pattern_info`.
    nfa_patterns: Vec<u32>,
    /// For each distinct folded list name, its length and where its entry
    /// forms begin in `forms`; one more at the end for the last one's end.
    pattern_info: Vec<PatternInfo>,
    /// The entry forms of every folded list name, name after name.
    forms: Vec<FormRef>,
    /// The forms that must match with their exact case, as written (see
    /// [`fold_keep_case`]).
    exact: Vec<String>,
    /// The folded list names, for the reference matcher of the tests.
    #[cfg(test)]
    folded: Vec<String>,
    /// The ways a folded form can begin a text token, and the automaton
    /// state after the common ones.
    starts: Starts,
}

/// What a match of one automaton pattern needs, packed in eight bytes.
#[derive(Clone, Copy, Debug)]
struct PatternInfo {
    /// The byte length of the folded pattern.
    len: u32,
    /// The index in `Gazetteer::forms` of its first entry form.
    forms: u32,
}

/// The state of one anchored walk through the automaton.
struct Walk {
    sid: aho_corasick::automaton::StateID,
    /// Folded bytes fed so far.
    folded: usize,
    /// Whether the last character fed was whitespace.
    space: bool,
}

impl Gazetteer {
    fn new(entries: Vec<Entry>) -> Result<Gazetteer, GazetteerError> {
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut folded_patterns: Vec<String> = Vec::new();
        let mut exact: Vec<String> = Vec::new();
        let mut exact_index: FxHashMap<String, u32> = FxHashMap::default();
        let mut patterns: Vec<Vec<FormRef>> = Vec::new();
        let mut buf = String::new();
        for (i, entry) in entries.iter().enumerate() {
            let id = EntryId(i as u32);
            // The attributes that add forms or set case, in one pass over
            // the attribute string (the first of a repeated key counts, as
            // in `Entry::attr_values`).
            let (mut case_attr, mut acronyms, mut demonyms) = (None, "", "");
            for (key, value) in entry.attrs.split(';').filter_map(|p| p.split_once('=')) {
                match key.trim() {
                    "case" if case_attr.is_none() => case_attr = values(value).next(),
                    "acronym" if acronyms.is_empty() => acronyms = value,
                    "demonym" if demonyms.is_empty() => demonyms = value,
                    _ => {}
                }
            }
            // A system named by a noun also goes in the plural ("Precision
            // Strike Missiles", "K2 tanks").
            let plurals: Vec<String> = if entry.label == "SYSTEM" {
                std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .filter_map(|f| plural_of_system(f))
                    .collect()
            } else {
                Vec::new()
            };
            let forms = std::iter::once((Form::Name, entry.name.as_str()))
                .chain(entry.aliases.iter().map(|a| (Form::Alias, a.as_str())))
                .chain(plurals.iter().map(|a| (Form::Alias, a.as_str())))
                .chain(values(acronyms).map(|a| (Form::Acronym, a)))
                .chain(values(demonyms).map(|a| (Form::Demonym, a)));
            for (form, surface) in forms {
                buf.clear();
                fold_into(surface, &mut buf);
                let key = buf.trim();
                if key.is_empty() {
                    continue;
                }
                let sensitive = match case_attr {
                    Some("sensitive") => true,
                    Some("insensitive") => false,
                    _ => is_acronym_like(surface),
                };
                // `case=any`: a form that is not an acronym matches in any
                // case, all lower case too ("chief executive").
                let any = case_attr == Some("any") && !sensitive;
                let case_exact = sensitive.then(|| {
                    let written = fold_keep_case(surface);
                    *exact_index.entry(written).or_insert_with_key(|written| {
                        exact.push(written.clone());
                        exact.len() as u32 - 1
                    })
                });
                let r = FormRef {
                    entry: id,
                    form,
                    case_exact,
                    has_upper: !any && surface.chars().any(char::is_uppercase),
                    initial_upper: !any && surface.chars().next().is_some_and(char::is_uppercase),
                    cue: entry.entity_type().is_none(),
                };
                let slot = match index.get(key) {
                    Some(&slot) => slot,
                    None => {
                        index.insert(key.to_string(), patterns.len());
                        folded_patterns.push(key.to_string());
                        patterns.push(Vec::new());
                        patterns.len() - 1
                    }
                };
                // One entry may list the same form twice (a name that is also
                // its acronym); keep the first of each way of writing it, so
                // that "NATO" and "Nato", or "Al-Qaeda" and "al-Qaeda", both
                // match.
                if !patterns[slot].iter().any(|p| {
                    p.entry == id
                        && p.case_exact == r.case_exact
                        && p.has_upper == r.has_upper
                        && p.initial_upper == r.initial_upper
                }) {
                    patterns[slot].push(r);
                }
            }
        }
        // A list name that is one ASCII word of up to sixteen bytes can only
        // match one whole text token, and the start tables find those. The
        // automaton holds the others: names of several tokens, long or
        // non-ASCII words, so that a walk can go on past a first token.
        let (nfa_patterns, in_nfa): (Vec<u32>, Vec<bool>) = {
            let in_nfa: Vec<bool> = folded_patterns
                .iter()
                .map(|p| p.len() > TABLE_BYTES || !p.bytes().all(|b| b.is_ascii_alphanumeric()))
                .collect();
            let ids = (0..folded_patterns.len() as u32)
                .filter(|&i| in_nfa[i as usize])
                .collect();
            (ids, in_nfa)
        };
        let automaton = NFA::builder()
            .match_kind(MatchKind::Standard)
            // Dense transition tables for the first three bytes of every
            // name, where every walk passes. Deeper dense states cost
            // memory (20 MB at depth six) and building time and gain
            // nothing now that the first-token filter turns most walks away.
            .dense_depth(3)
            // Walks are anchored at token starts: no prefilter is ever used.
            .prefilter(false)
            .build(nfa_patterns.iter().map(|&i| &folded_patterns[i as usize]))
            .map_err(|e| GazetteerError {
                file: "<gazetteer>".to_string(),
                line: None,
                message: format!("cannot build automaton: {e}"),
            })?;
        let mut pattern_info = Vec::with_capacity(patterns.len() + 1);
        let mut forms = Vec::with_capacity(patterns.len());
        for (folded, refs) in folded_patterns.iter().zip(patterns) {
            pattern_info.push(PatternInfo {
                len: folded.len() as u32,
                forms: forms.len() as u32,
            });
            forms.extend(refs);
        }
        pattern_info.push(PatternInfo {
            len: 0,
            forms: forms.len() as u32,
        });
        // The names that a token in lower case can begin: those with a
        // form not written with a capital ("chief executive").
        let lower: Vec<bool> = (0..folded_patterns.len())
            .map(|pid| {
                let (start, end) = (pattern_info[pid].forms, pattern_info[pid + 1].forms);
                forms[start as usize..end as usize]
                    .iter()
                    .any(|r| !r.initial_upper)
            })
            .collect();
        let starts = Starts::new(&folded_patterns, &in_nfa, &lower, &automaton, |pid| {
            pattern_info[pid].forms..pattern_info[pid + 1].forms
        });
        Ok(Gazetteer {
            entries,
            automaton,
            nfa_patterns,
            pattern_info,
            forms,
            exact,
            #[cfg(test)]
            folded: folded_patterns,
            starts,
        })
    }

    /// The entry with this id.
    ///
    /// # Panics
    ///
    /// When the id is not from this gazetteer.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id.0 as usize]
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of distinct folded forms in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.pattern_info.len() - 1
    }

    /// Finds every entry form in `text` on the token boundaries of `tokens`.
    pub fn find(&self, text: &str, tokens: &Tokens) -> Matches {
        let toks = tokens.tokens();
        // About one token in eight is a list name.
        let mut candidates = Candidates {
            found: Vec::with_capacity(toks.len() / 8),
            cue: Vec::with_capacity(toks.len() / 8),
        };
        let Ok(start) = self.automaton.start_state(Anchored::Yes) else {
            return Matches::default();
        };
        let mut buf = String::new();
        // Matches start at a token start and end at a token end. First, the
        // tokens where a list name may start, by Bloom filters alone, 64
        // tokens at a time (see `maybe_starts`); then, for each, what the
        // start tables say it starts; where a longer name can go on, an
        // anchored walk of the automaton, token by token, folding the text
        // as it goes and looking for matches where each token ends, until
        // no list name goes on. The text is never folded whole.
        for (block, chunk) in toks.chunks(64).enumerate() {
            let mut maybe = self.maybe_starts(text.as_bytes(), chunk);
            while maybe != 0 {
                let k = block * 64 + maybe.trailing_zeros() as usize;
                maybe &= maybe - 1;
                self.walk_from(text, toks, k, start, &mut buf, &mut candidates);
            }
        }
        self.resolve(candidates)
    }

    /// Finds the list names that start at token `k`, from the anchored
    /// start state `start` of the automaton.
    fn walk_from(
        &self,
        text: &str,
        toks: &[tidings_tokenize::Token],
        k: usize,
        start: aho_corasick::automaton::StateID,
        buf: &mut String,
        candidates: &mut Candidates,
    ) {
        let first = &toks[k];
        let mut walk = Walk {
            sid: start,
            folded: 0,
            space: false,
        };
        match self.start_at(text, first) {
            Opens::Nothing => return,
            // A short ASCII token: the start table knows the name that is
            // this token alone, and whether a longer one can go on after
            // what follows it. Most end here, without a walk.
            Opens::Start(after) => {
                let refs = &self.forms[after.forms.start as usize..after.forms.end as usize];
                // Most first tokens begin longer names only.
                if !refs.is_empty() {
                    self.candidate(text, first.span, k..k + 1, refs, candidates);
                }
                let more = match toks.get(k + 1) {
                    None => false,
                    Some(next) => match gap_kind(text, first, next) {
                        // Only names that go on with the next token's first
                        // byte (its low five bits: any case); one that is
                        // not ASCII may fold to anything.
                        Gap::Space => {
                            let bytes = text.as_bytes();
                            let b = bytes[next.span.start];
                            let bit = if b < 0x80 { 1 << (b & 31) } else { u32::MAX };
                            after.after_space & bit != 0
                                && self.starts.may_follow(
                                    &after,
                                    bytes,
                                    next.span.start,
                                    next.span.end,
                                )
                        }
                        Gap::Other => after.more_after_other,
                    },
                };
                if !more {
                    return;
                }
                walk = Walk {
                    sid: after.state,
                    folded: after.len,
                    space: false,
                };
            }
            Opens::Walk => {
                if !self.step(&mut walk, text, first.span, buf) {
                    return;
                }
                self.matches_at(&walk, text, toks, k..k + 1, candidates);
            }
        }
        for j in k + 1..toks.len() {
            let gap = Span::new(toks[j - 1].span.end, toks[j].span.start);
            // One space, the common gap, is fed directly.
            let fed = match &text.as_bytes()[gap.start..gap.end] {
                [] => true,
                [b' '] => self.feed(&mut walk, b' '),
                _ => self.step(&mut walk, text, gap, buf),
            };
            if !fed || !self.step(&mut walk, text, toks[j].span, buf) {
                break;
            }
            self.matches_at(&walk, text, toks, k..j + 1, candidates);
        }
    }

    /// The tokens of `chunk` (at most 64) where a list name may start, by
    /// [`Gazetteer::may_start`], as a bit set: a loop of its own, so that
    /// its few values stay in registers, with no branch on the filters'
    /// answers.
    #[inline(never)]
    fn maybe_starts(&self, bytes: &[u8], chunk: &[tidings_tokenize::Token]) -> u64 {
        // Tokens start in text order: where the last has eight bytes of
        // text from its start on, all have.
        let within = chunk
            .last()
            .is_some_and(|t| t.span.start.saturating_add(8) <= bytes.len());
        if within {
            chunk.iter().enumerate().fold(0, |maybe, (i, token)| {
                let (span, lower) = (token.span, token.shape == Shape::Lower);
                let may = self
                    .starts
                    .may_start_within(bytes, span.start, span.end, lower);
                maybe | (may as u64) << i
            })
        } else {
            chunk.iter().enumerate().fold(0, |maybe, (i, token)| {
                maybe | (self.may_start(bytes, token) as u64) << i
            })
        }
    }

    /// Adds the list names that a walk over `tokens` has just matched.
    fn matches_at(
        &self,
        walk: &Walk,
        text: &str,
        toks: &[tidings_tokenize::Token],
        tokens: Range<usize>,
        out: &mut Candidates,
    ) {
        if !self.automaton.is_match(walk.sid) {
            return;
        }
        let span = Span::new(toks[tokens.start].span.start, toks[tokens.end - 1].span.end);
        for i in 0..self.automaton.match_len(walk.sid) {
            let pid = self.nfa_patterns[self.automaton.match_pattern(walk.sid, i)] as usize;
            // A match state also reports list names that end here but
            // start later; keep those that start here.
            if self.pattern_info[pid].len as usize == walk.folded {
                let forms = self.pattern_info[pid].forms..self.pattern_info[pid + 1].forms;
                let refs = &self.forms[forms.start as usize..forms.end as usize];
                self.candidate(text, span, tokens.clone(), refs, out);
            }
        }
    }

    /// Feeds one folded byte to an anchored walk; false when no list name
    /// goes on.
    #[inline(always)]
    fn feed(&self, walk: &mut Walk, byte: u8) -> bool {
        walk.sid = self.automaton.next_state(Anchored::Yes, walk.sid, byte);
        walk.folded += 1;
        walk.space = byte == b' ';
        !self.automaton.is_dead(walk.sid)
    }

    /// Feeds `text[span]`, folded, to an anchored walk; false when no list
    /// name goes on. `span` lies on character boundaries.
    #[inline]
    fn step(&self, walk: &mut Walk, text: &str, span: Span, buf: &mut String) -> bool {
        let bytes = text.as_bytes();
        let mut i = span.start;
        while i < span.end {
            let b = bytes[i];
            if b < 0x80 {
                // ASCII, the common case: no buffer, no decoding.
                i += 1;
                let folded = if b.is_ascii_whitespace() {
                    b' '
                } else {
                    b.to_ascii_lowercase()
                };
                // A run of whitespace counts as one space.
                if folded == b' ' && walk.space {
                    continue;
                }
                if !self.feed(walk, folded) {
                    return false;
                }
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            buf.clear();
            if c.is_whitespace() {
                if walk.space {
                    continue;
                }
                buf.push(' ');
            } else {
                fold_char(c, buf);
            }
            for &b in buf.as_bytes() {
                if !self.feed(walk, b) {
                    return false;
                }
            }
        }
        true
    }

    /// Whether a list name may start at `token`, by the Bloom filters (for
    /// a token in lower case, of the names that have a form in lower case).
    #[inline(always)]
    fn may_start(&self, bytes: &[u8], token: &tidings_tokenize::Token) -> bool {
        let span = token.span;
        let lower = token.shape == Shape::Lower;
        self.starts.may_start(bytes, span.start, span.end, lower)
    }

    /// What `token`, which [`Gazetteer::may_start`] let through, opens. A
    /// form that starts with a capital matches only where the text does,
    /// so a token in lower case opens only the names that have a form not
    /// written with a capital.
    #[inline]
    fn start_at(&self, text: &str, token: &tidings_tokenize::Token) -> Opens {
        let span = token.span;
        let lower = token.shape == Shape::Lower;
        if let Some(key) = Key::of(text.as_bytes(), span.start, span.end) {
            return self.starts.find(&key, lower);
        }
        // Not ASCII: fold it ("Türkiye" is "turkiye"), and look the folded
        // word up when it is ASCII.
        let mut folded = String::new();
        fold_into(&text[span], &mut folded);
        if folded.is_empty() {
            return Opens::Walk;
        }
        match Key::of(folded.as_bytes(), 0, folded.len()) {
            Some(key) => self.starts.find(&key, lower),
            None => Opens::Walk,
        }
    }

    /// Checks the case of one list name found over tokens `tokens`, and adds
    /// the entry forms it stands for to `out`.
    fn candidate(
        &self,
        text: &str,
        span: Span,
        tokens: Range<usize>,
        forms: &[FormRef],
        out: &mut Candidates,
    ) {
        let surface = &text[span];
        // The surface's case, as the forms ask it: whether it starts with a
        // lower-case letter, and whether it has a capital (worked out when
        // a form asks, and at once when it starts with one).
        let (starts_lower, starts_upper) = match surface.as_bytes().first() {
            Some(&b) if b < 0x80 => (b.is_ascii_lowercase(), b.is_ascii_uppercase()),
            _ => surface
                .chars()
                .next()
                .map_or((true, false), |c| (c.is_lowercase(), c.is_uppercase())),
        };
        let has_upper = || starts_upper || surface.chars().any(char::is_uppercase);
        let first = out.found.len();
        for r in forms {
            // One match per entry: the first of its forms that fits.
            if out.found[first..].iter().any(|m| m.entry == r.entry) {
                continue;
            }
            let fits = match r.case_exact {
                Some(i) => same_keeping_case(surface, &self.exact[i as usize]),
                None => !(r.initial_upper && starts_lower || r.has_upper && !has_upper()),
            };
            if !fits {
                continue;
            }
            out.found.push(Match {
                span,
                tokens: tokens.clone(),
                entry: r.entry,
                form: r.form,
            });
            out.cue.push(r.cue);
        }
    }

    /// Resolves overlaps: longer matches first, then entity labels before
    /// cue labels, then the earlier entry and form, then the earlier start.
    ///
    /// Candidates come in start order, so they fall into runs that overlap
    /// among themselves and with no other run; each run is resolved on its
    /// own, and most are one candidate, which wins without a sort.
    fn resolve(&self, candidates: Candidates) -> Matches {
        let Candidates {
            found: candidates,
            cue,
        } = candidates;
        let mut chosen: Vec<Match> = Vec::with_capacity(candidates.len());
        let mut shadowed = Vec::new();
        // Which tokens of a run a chosen match covers: an overlap check is
        // then a look at the candidate's own tokens, linear in the text
        // overall.
        let mut taken = Vec::new();
        let mut order = Vec::new();
        let mut i = 0;
        while i < candidates.len() {
            let mut end = candidates[i].tokens.end;
            let mut j = i + 1;
            while j < candidates.len() && candidates[j].tokens.start < end {
                end = end.max(candidates[j].tokens.end);
                j += 1;
            }
            if j == i + 1 {
                chosen.push(candidates[i].clone());
                i = j;
                continue;
            }
            if shadowed.capacity() == 0 {
                // At most every candidate left loses: one allocation.
                shadowed.reserve(candidates.len() - i);
            }
            order.clear();
            order.extend((i..j).map(|c| priority(&candidates[c], cue[c], c)));
            let first_token = candidates[i].tokens.start;
            taken.clear();
            taken.resize(end - first_token, false);
            let (first_chosen, first_shadowed) = (chosen.len(), shadowed.len());
            pick(
                &candidates,
                &mut order,
                (&mut taken, first_token),
                &mut chosen,
                &mut shadowed,
            );
            sort_picked(&mut chosen[first_chosen..], &mut shadowed[first_shadowed..]);
            i = j;
        }
        Matches { chosen, shadowed }
    }
}

/// The list names found by a walk, before overlaps are resolved.
#[derive(Default)]
struct Candidates {
    found: Vec<Match>,
    /// For each, whether its entry's label is a cue.
    cue: Vec<bool>,
}

/// The sort key of a candidate in the overlap priority (smaller wins):
/// longer, then an entity label before a cue label, then the earlier entry
/// and form, then the earlier candidate (`index`).
fn priority(m: &Match, cue: bool, index: usize) -> u128 {
    let shorter = u32::MAX - m.span.len().min(u32::MAX as usize) as u32;
    (shorter as u128) << 96
        | (cue as u128) << 88
        | (m.entry.0 as u128) << 48
        | (m.form as u128) << 40
        | index as u128
}

/// Sorts `order` (priority keys of `candidates`) and goes through it:
/// a candidate over a token that a chosen one covers is shadowed, any other
/// is chosen and covers its tokens. `taken` says which tokens are covered,
/// from its first token on.
fn pick(
    candidates: &[Match],
    order: &mut [u128],
    (taken, first_token): (&mut [bool], usize),
    chosen: &mut Vec<Match>,
    shadowed: &mut Vec<Match>,
) {
    order.sort_unstable();
    for &key in order.iter() {
        let m = candidates[(key & 0xff_ffff_ffff) as usize].clone();
        let covers = &mut taken[m.tokens.start - first_token..m.tokens.end - first_token];
        if covers.iter().any(|&t| t) {
            shadowed.push(m);
        } else {
            covers.iter_mut().for_each(|t| *t = true);
            chosen.push(m);
        }
    }
}

/// Puts chosen and shadowed matches in text order. The keys are unique
/// (chosen matches do not overlap; one span has one folded text, so an
/// entry is found there once), so an unstable sort, which needs no buffer,
/// gives the one order.
fn sort_picked(chosen: &mut [Match], shadowed: &mut [Match]) {
    chosen.sort_unstable_by_key(|m| (m.span.start, m.entry));
    shadowed.sort_unstable_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end), m.entry));
}

/// What lies between two tokens, as an automaton walk folds it.
enum Gap {
    /// Whitespace: one space.
    Space,
    /// Nothing, or something that is not whitespace.
    Other,
}

/// The gap between `token` and the `next` one.
#[inline]
fn gap_kind(text: &str, token: &tidings_tokenize::Token, next: &tidings_tokenize::Token) -> Gap {
    let gap = &text[token.span.end..next.span.start];
    match gap.as_bytes().first() {
        Some(b) if b.is_ascii_whitespace() => Gap::Space,
        Some(&b) if b >= 0x80 && gap.chars().next().is_some_and(char::is_whitespace) => Gap::Space,
        _ => Gap::Other,
    }
}

/// Whether a form is an acronym that must match with its exact case: one
/// word of at most six letters with two or more capitals ("US", "MoD", "iDEX").
fn is_acronym_like(form: &str) -> bool {
    if form.chars().any(char::is_whitespace) {
        return false;
    }
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    let upper = form.chars().filter(|c| c.is_uppercase()).count();
    letters <= 6 && upper >= 2
}

/// Maps quote and dash variants to one form, keeping case.
fn normalize_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '`' | '\u{b4}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        c => c,
    }
}

/// Whether `surface` equals `exact` (already folded by [`fold_keep_case`])
/// after the same folding, without allocating.
fn same_keeping_case(surface: &str, exact: &str) -> bool {
    let mut want = exact.chars();
    let mut space = false;
    for c in surface.chars() {
        let c = if c.is_whitespace() {
            if space {
                continue;
            }
            space = true;
            ' '
        } else {
            space = false;
            normalize_punct(c)
        };
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

fn fold_keep_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(normalize_punct(c));
            space = false;
        }
    }
    out
}

/// Folds one non-whitespace character for matching into `out`: lower
/// case, accents removed, quote and dash variants unified.
#[inline]
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let c = normalize_punct(c);
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                out.push(d);
            }
        });
    }
}

/// Folds `text` into `out` for matching: every character as [`fold_char`]
/// does, and runs of whitespace made one space.
fn fold_into(text: &str, out: &mut String) {
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            space = false;
            fold_char(c, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_tokenize::tokenize;

    const LISTS: &str = "\
# a comment
PLACE\tIndia\tRepublic of India\tkind=country;demonym=Indian|Indians
PLACE\tUnited States\tUS|U.S.|USA|America\tkind=country;demonym=American
PLACE\tIndian Ocean Region\tIOR\tkind=water
PLACE\tTürkiye\tTurkey\tkind=country;ambiguous=1
PLACE\tCôte d'Ivoire\tIvory Coast\tkind=country
ORG\tMinistry of Defence\tMoD\tkind=ministry;country=India
ORG\tInnovations for Defence Excellence\t\tacronym=iDEX;country=India
TITLE\tDefence Minister\tDefense Minister\tkind=office
GIVEN_NAME\tMay\t\tambiguous=1
ORG\tIndian Army
";

    fn gaz() -> Gazetteer {
        GazetteerBuilder::new()
            .add_source("test.tsv", LISTS)
            .unwrap()
            .build()
            .unwrap()
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let g = gaz();
        g.find(text, &tokenize(text))
            .chosen
            .iter()
            .map(|m| (text[m.span].to_string(), g.entry(m.entry).name.clone()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn token_boundaries_only() {
        assert_eq!(found("Indiana and Indians"), pairs(&[("Indians", "India")]));
    }

    #[test]
    fn acronyms_match_case_sensitively() {
        assert_eq!(found("us and US"), pairs(&[("US", "United States")]));
        assert_eq!(found("the mod said"), vec![]);
        assert_eq!(
            found("the MoD said"),
            pairs(&[("MoD", "Ministry of Defence")])
        );
        assert_eq!(
            found("India's iDEX"),
            pairs(&[
                ("India", "India"),
                ("iDEX", "Innovations for Defence Excellence")
            ])
        );
        assert_eq!(found("IDEX"), vec![]);
    }

    #[test]
    fn lower_case_text_does_not_match_capitalised_forms() {
        assert_eq!(found("india"), vec![]);
        assert_eq!(found("INDIA"), pairs(&[("INDIA", "India")]));
    }

    #[test]
    fn case_any_matches_lower_case_but_not_acronyms() {
        let g = GazetteerBuilder::new()
            .add_source("t.tsv", "TITLE\tChief Executive\tCEO\tcase=any\n")
            .unwrap()
            .build()
            .unwrap();
        let found = |text: &str| -> Vec<String> {
            let m = g.find(text, &tokenize(text));
            m.chosen.iter().map(|m| text[m.span].to_string()).collect()
        };
        assert_eq!(found("its chief executive said"), ["chief executive"]);
        assert_eq!(found("Chief Executive Eric"), ["Chief Executive"]);
        assert_eq!(found("the ceo and the CEO"), ["CEO"]);
    }

    #[test]
    fn unicode_folds() {
        assert_eq!(found("TÜRKIYE"), pairs(&[("TÜRKIYE", "Türkiye")]));
        assert_eq!(
            found("Cote d’Ivoire"),
            pairs(&[("Cote d’Ivoire", "Côte d'Ivoire")])
        );
        assert_eq!(
            found("Defence\u{a0}Minister"),
            pairs(&[("Defence\u{a0}Minister", "Defence Minister")])
        );
    }

    #[test]
    fn longest_wins_and_losers_are_kept() {
        let g = gaz();
        let text = "the Indian Ocean Region and the Indian Army";
        let m = g.find(text, &tokenize(text));
        let chosen: Vec<&str> = m.chosen.iter().map(|m| &text[m.span]).collect();
        assert_eq!(chosen, ["Indian Ocean Region", "Indian Army"]);
        let shadowed: Vec<&str> = m.shadowed.iter().map(|m| &text[m.span]).collect();
        assert_eq!(shadowed, ["Indian", "Indian"]);
    }

    #[test]
    fn entity_labels_beat_cue_labels_at_equal_length() {
        let text = "May";
        let g = GazetteerBuilder::new()
            .add_source("a.tsv", "GIVEN_NAME\tMay\nPERSON\tMay\n")
            .unwrap()
            .build()
            .unwrap();
        let m = g.find(text, &tokenize(text));
        assert_eq!(g.entry(m.chosen[0].entry).label, "PERSON");
        assert_eq!(g.entry(m.shadowed[0].entry).label, "GIVEN_NAME");
    }

    #[test]
    fn offsets_map_back_through_multibyte_text() {
        let text = "Über—India’s";
        let g = gaz();
        let m = g.find(text, &tokenize(text));
        assert_eq!(&text[m.chosen[0].span], "India");
    }

    #[test]
    fn attributes_and_ambiguity() {
        let g = gaz();
        let turkey = g.entries().iter().find(|e| e.name == "Türkiye").unwrap();
        assert!(turkey.is_ambiguous());
        assert_eq!(turkey.attr("kind"), Some("country"));
        let india = &g.entries()[0];
        assert_eq!(
            india.attr_values("demonym").collect::<Vec<_>>(),
            ["Indian", "Indians"]
        );
        assert_eq!(india.entity_type(), Some(EntityType::Place));
        assert_eq!(india.origin.to_string(), "test.tsv:2");
    }

    macro_rules! malformed {
        ($($name:ident: $src:expr => $msg:expr;)*) => {$(
            #[test]
            fn $name() {
                let err = GazetteerBuilder::new().add_source("bad.tsv", $src).unwrap_err();
                assert_eq!(err.to_string(), $msg);
            }
        )*};
    }

    malformed! {
        missing_name: "# head\nPLACE\n" => "bad.tsv:2: expected LABEL<TAB>name[<TAB>aliases[<TAB>attributes]]";
        empty_name: "PLACE\t  \n" => "bad.tsv:1: empty canonical name";
        lower_label: "place\tIndia\n" => "bad.tsv:1: label \"place\" must be upper-case letters, digits or '_'";
        bad_attr: "PLACE\tIndia\t\tkind\n" => "bad.tsv:1: attribute \"kind\" is not key=value";
        bad_key: "PLACE\tIndia\t\tKind=x\n" => "bad.tsv:1: attribute key \"Kind\" must be lower-case letters, digits or '_'";
        empty_value: "PLACE\tIndia\t\tkind=\n" => "bad.tsv:1: attribute \"kind\" has no value";
        too_many: "PLACE\tIndia\ta\tb=c\td\n" => "bad.tsv:1: expected at most 4 tab-separated fields, found 5";
    }

    #[test]
    fn unreadable_and_invalid_files() {
        let dir = std::env::temp_dir().join(format!("tidings-gaz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("bad.tsv");
        std::fs::write(&bad, b"PLACE\tIndia\nPLACE\t\xff\xfe\n").unwrap();
        let err = GazetteerBuilder::new().add_file(&bad).unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert!(err.to_string().ends_with("not valid UTF-8"));
        let err = GazetteerBuilder::new()
            .add_dir(&dir.join("missing"))
            .unwrap_err();
        assert!(err.message().starts_with("cannot list directory"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Every folded list name looked up at every token range of `text`,
    /// without filters, tables or walks, and overlaps resolved in one sort:
    /// what `find` must give.
    fn reference(g: &Gazetteer, text: &str, tokens: &Tokens) -> Matches {
        let index: FxHashMap<&str, usize> = g
            .folded
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), i))
            .collect();
        let longest = g
            .folded
            .iter()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(1);
        let toks = tokens.tokens();
        let mut out = Candidates::default();
        let mut folded = String::new();
        for k in 0..toks.len() {
            // A name of n words spans at most 4n tokens ("U.S.-made": one
            // word, four tokens).
            for j in k..toks.len().min(k + 4 * longest) {
                let span = Span::new(toks[k].span.start, toks[j].span.end);
                folded.clear();
                fold_into(&text[span], &mut folded);
                if let Some(&pid) = index.get(folded.as_str()) {
                    let info = &g.pattern_info;
                    let refs = &g.forms[info[pid].forms as usize..info[pid + 1].forms as usize];
                    g.candidate(text, span, k..j + 1, refs, &mut out);
                }
            }
        }
        resolve_all_at_once(out, toks.len())
    }

    /// The overlap priority applied to all candidates at once, in one sort:
    /// what `Gazetteer::resolve` must give.
    fn resolve_all_at_once(candidates: Candidates, n_tokens: usize) -> Matches {
        let Candidates { found, cue } = candidates;
        let mut order: Vec<u128> = (0..found.len())
            .map(|c| priority(&found[c], cue[c], c))
            .collect();
        let (mut chosen, mut shadowed) = (Vec::new(), Vec::new());
        let mut taken = vec![false; n_tokens];
        pick(
            &found,
            &mut order,
            (&mut taken, 0),
            &mut chosen,
            &mut shadowed,
        );
        sort_picked(&mut chosen, &mut shadowed);
        Matches { chosen, shadowed }
    }

    #[test]
    fn overlaps_resolved_run_by_run_as_all_at_once() {
        // Random candidates in start order, as find makes them: spans of
        // one to five tokens over twenty tokens of two bytes each, entries
        // and labels at random (a small linear congruential generator).
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        let g = gaz();
        for _ in 0..2000 {
            let mut found = Vec::new();
            let mut cue = Vec::new();
            for start in 0..20 {
                for _ in 0..next(3) {
                    let end = (start + 1 + next(5) as usize).min(20);
                    let m = Match {
                        span: Span::new(2 * start, 2 * end - 1),
                        tokens: start..end,
                        entry: EntryId(next(6) as u32),
                        form: Form::Name,
                    };
                    // One entry once per span, as find gives it.
                    if !found
                        .iter()
                        .any(|f: &Match| f.span == m.span && f.entry == m.entry)
                    {
                        found.push(m);
                        cue.push(next(2) == 0);
                    }
                }
            }
            // Ends in order within a start, as the walks find them.
            let mut pairs: Vec<(Match, bool)> = found.into_iter().zip(cue).collect();
            pairs.sort_by_key(|(m, _)| (m.tokens.start, m.tokens.end));
            let (found, cue): (Vec<Match>, Vec<bool>) = pairs.into_iter().unzip();
            let a = Candidates {
                found: found.clone(),
                cue: cue.clone(),
            };
            let b = Candidates { found, cue };
            assert_eq!(g.resolve(a), resolve_all_at_once(b, 20));
        }
    }

    #[test]
    fn find_is_the_reference_matcher_on_news_and_odd_text() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let g = GazetteerBuilder::new()
            .add_dir(&root.join("gazetteers"))
            .unwrap()
            .build()
            .unwrap();
        let mut texts: Vec<String> = std::fs::read_dir(root.join("fixtures/articles"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.sort();
        texts.push(
            "TÜRKIYE and Türkiye's army; Cote d\u{2019}Ivoire. The U.S.-China talks, \
             New  Delhi and New\nDelhi, al-Qaeda and Al-Qaeda; the défense minister, \
             Défense, the chief executive of NATO, the Chief Executive, MoD and mod; \
             Ministry of Defence (MoD) of India; São Paulo, SÃO PAULO, Zürich, \
             Counterterrorismcenter, internationalization; John said; John Kerry; \
             a lone mark \u{301} here. Nested names: the United States Department of \
             Defense, the Indian Ocean Region, the South China Sea, the Gulf of Aden, \
             New York City Police Department, Prime Minister Narendra Modi."
                .to_string(),
        );
        // A token that folds to nothing: combining marks at the start.
        texts.push("\u{301}\u{302} India".to_string());
        assert!(texts.len() > 6);
        for text in &texts {
            let tokens = tokenize(text);
            assert_eq!(
                g.find(text, &tokens),
                reference(&g, text, &tokens),
                "{text}"
            );
        }
    }

    #[test]
    fn forms_that_differ_by_a_trailing_zero_byte_stay_apart() {
        let list = "PLACE\tAbc\t\tkind=city\nPLACE\tAbc\u{0}\t\tkind=city\n";
        let g = GazetteerBuilder::new()
            .add_source("nul.tsv", list)
            .unwrap()
            .build()
            .unwrap();
        let text = "In Abc today.";
        let m = g.find(text, &tokenize(text));
        assert_eq!(m.chosen.len(), 1, "{m:?}");
        assert_eq!(&text[m.chosen[0].span], "Abc");
        assert_eq!(g.entry(m.chosen[0].entry).name, "Abc");
        assert!(m.shadowed.is_empty(), "{m:?}");
    }

    #[test]
    fn send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Gazetteer>();
    }
}
