//! Schema-v1 documents as the scorer sees them, and how they are read.
//!
//! Parsing goes through `serde_json::Value` by hand instead of a derived
//! deserializer because the scorer must accept any tidings output and any
//! gold file: a field of the wrong shape is read as absent rather than
//! rejecting the whole document, and fields the scorer does not use are
//! skipped.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value};
use tidings_core::Span;

/// One schema-v1 document, gold or predicted.
///
/// Only the fields the scorer reads are kept. Predicted documents are a
/// superset of gold ones; their extra fields (`attrs`, `provenance`, ...) are
/// dropped here, except the offsets needed to tell whether an item was found
/// only inside an `ignore` snippet.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(try_from = "Value")]
pub struct Document {
    /// The article id; gold and predicted documents are paired by it.
    pub id: String,
    /// The document creation time, when given.
    pub dct: Option<String>,
    /// The parts annotated (gold only); `None` means all parts.
    pub scope: Option<Vec<String>>,
    /// Boilerplate snippets (gold only).
    pub ignore: Vec<String>,
    /// The entity records.
    pub entities: Vec<Entity>,
    /// The temporal expressions.
    pub dates: Vec<Date>,
    /// The relations between entities.
    pub relations: Vec<Relation>,
    /// The dated events.
    pub events: Vec<Event>,
    /// The message of a tidings error record (`{"id": .., "error": ..}`),
    /// which the scorer treats as empty output.
    pub error: Option<String>,
}

/// An entity record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entity {
    /// `PERSON`, `ORG`, `PLACE`, `AGREEMENT` or `SYSTEM`.
    pub kind: String,
    /// The fullest proper name.
    pub name: String,
    /// Other accepted forms (used on the gold side only).
    pub aliases: Vec<String>,
    /// Other accepted types (gold only).
    pub alt_types: Vec<String>,
    /// Gold only: neither missed when absent nor a false positive when found.
    pub optional: bool,
    /// Byte spans of the mentions (predicted only, from `mentions`).
    pub spans: Vec<Span>,
}

/// A value that gold may give as one string, a list of accepted strings, or
/// null (`value` of a date, `date` of an event).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    /// `null` or absent.
    #[default]
    Null,
    /// One value.
    One(String),
    /// Any of these values is accepted.
    Any(Vec<String>),
}

impl DateValue {
    fn from_json(v: Option<&Value>) -> DateValue {
        match v {
            Some(Value::String(s)) => DateValue::One(s.clone()),
            Some(Value::Array(items)) => DateValue::Any(
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_owned))
                    .collect(),
            ),
            _ => DateValue::Null,
        }
    }

    /// The single value a prediction stands for: a predicted list counts as
    /// its first element, so that hedging with several values earns nothing.
    pub fn predicted(&self) -> Option<&str> {
        match self {
            DateValue::Null => None,
            DateValue::One(s) => Some(s),
            DateValue::Any(list) => list.first().map(String::as_str),
        }
    }

    /// Whether a predicted value is accepted by this gold value. A gold null
    /// accepts only a predicted null.
    pub fn accepts(&self, predicted: Option<&str>) -> bool {
        match (self, predicted) {
            (DateValue::Null, None) => true,
            (DateValue::One(g), Some(p)) => g == p,
            (DateValue::Any(list), Some(p)) => list.iter().any(|g| g == p),
            _ => false,
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Null => f.write_str("null"),
            DateValue::One(s) => f.write_str(s),
            DateValue::Any(list) => write!(f, "[{}]", list.join("|")),
        }
    }
}

/// A temporal expression.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Date {
    /// The expression as written.
    pub text: String,
    /// The resolved value.
    pub value: DateValue,
    /// The TIMEX3 type when given (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: Option<String>,
    /// Gold only: neither missed when absent nor a false positive when found.
    pub optional: bool,
    /// The byte span of the expression, when given (`start`, `end`).
    pub spans: Vec<Span>,
}

impl Date {
    /// Whether the record names a date at all: durations and sets do not.
    pub fn is_date(&self) -> bool {
        !matches!(self.kind.as_deref(), Some("DURATION") | Some("SET"))
    }
}

/// A relation between two entities, named by their names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Relation {
    /// `represents`, `works_for`, `part_of`, `party_to` or `signatory`.
    pub kind: String,
    /// The name of the head entity.
    pub head: String,
    /// The name of the tail entity.
    pub tail: String,
    /// Gold only: neither missed when absent nor a false positive when found.
    pub optional: bool,
    /// The evidence span(s) (`evidence`, else `sentence`), when given.
    pub spans: Vec<Span>,
}

/// A dated event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Event {
    /// `MEET`, `VISIT`, `SUMMIT`, `SIGN`, `NEGOTIATE`, `LAUNCH` or `EXERCISE`.
    pub kind: String,
    /// The date value of the event.
    pub date: DateValue,
    /// Role name to entity names, in the order given.
    pub args: Vec<(String, Vec<String>)>,
    /// Gold only: neither missed when absent nor a false positive when found.
    pub optional: bool,
    /// The evidence span(s) (`evidence`, else `sentence`), when given.
    pub spans: Vec<Span>,
}

/// What went wrong when reading documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError {
    path: Option<PathBuf>,
    line: Option<usize>,
    kind: EvalErrorKind,
    message: String,
}

/// The kind of an [`EvalError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EvalErrorKind {
    /// A file or directory could not be read.
    Io,
    /// The input is not JSON.
    Json,
    /// The input is JSON but not a schema-v1 document (not an object, no id).
    Schema,
}

impl EvalError {
    fn new(kind: EvalErrorKind, message: impl Into<String>) -> EvalError {
        EvalError {
            path: None,
            line: None,
            kind,
            message: message.into(),
        }
    }

    fn at(mut self, path: &Path, line: Option<usize>) -> EvalError {
        self.path = Some(path.to_owned());
        self.line = line.or(self.line);
        self
    }

    /// The file the error is about, when it came from a file.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line of a `.jsonl` file, when the error is about one line.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> EvalErrorKind {
        self.kind
    }

    /// The message without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for EvalError {}

/// Parses one document from JSON text.
///
/// # Errors
///
/// Fails when the text is not JSON, not an object, or has no string `id`.
/// Fields of the wrong shape are read as absent instead.
pub fn parse_document(json: &str) -> Result<Document, EvalError> {
    let value: Value = serde_json::from_str(json)
        .map_err(|e| EvalError::new(EvalErrorKind::Json, format!("invalid json: {e}")))?;
    Document::try_from(value)
}

/// Reads every `*.json` file of a directory, sorted by file name.
///
/// # Errors
///
/// Fails on the first file that cannot be read or parsed, naming it.
pub fn load_dir(dir: &Path) -> Result<Vec<Document>, EvalError> {
    let io = |e: std::io::Error| {
        EvalError::new(EvalErrorKind::Io, format!("cannot read directory: {e}")).at(dir, None)
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|x| x == "json") && path.is_file() {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    let mut docs = Vec::with_capacity(files.len());
    for file in files {
        docs.extend(load_file(&file)?);
    }
    Ok(docs)
}

/// Reads a directory (see [`load_dir`]), a `.jsonl` file (one document a
/// line, blank lines skipped) or a `.json` file (one document, or an array
/// of documents).
///
/// # Errors
///
/// Fails when the path cannot be read or a document cannot be parsed; the
/// error names the file, and the line for `.jsonl`.
pub fn load_path(path: &Path) -> Result<Vec<Document>, EvalError> {
    if path.is_dir() {
        load_dir(path)
    } else {
        load_file(path)
    }
}

fn load_file(path: &Path) -> Result<Vec<Document>, EvalError> {
    let text = fs::read_to_string(path).map_err(|e| {
        EvalError::new(EvalErrorKind::Io, format!("cannot read file: {e}")).at(path, None)
    })?;
    if path.extension().is_some_and(|x| x == "jsonl") {
        let mut docs = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                docs.push(parse_document(line).map_err(|e| e.at(path, Some(i + 1)))?);
            }
        }
        return Ok(docs);
    }
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        EvalError::new(EvalErrorKind::Json, format!("invalid json: {e}")).at(path, None)
    })?;
    match value {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                Document::try_from(v).map_err(|e| {
                    let message = format!("document {} of the array: {}", i + 1, e.message);
                    EvalError::new(e.kind, message).at(path, None)
                })
            })
            .collect(),
        v => Ok(vec![Document::try_from(v).map_err(|e| e.at(path, None))?]),
    }
}

impl TryFrom<Value> for Document {
    type Error = EvalError;

    fn try_from(value: Value) -> Result<Document, EvalError> {
        let Value::Object(obj) = value else {
            return Err(EvalError::new(
                EvalErrorKind::Schema,
                "a document must be a json object",
            ));
        };
        let id = match obj.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => {
                return Err(EvalError::new(
                    EvalErrorKind::Schema,
                    "the document has no string id",
                ))
            }
        };
        Ok(Document {
            id,
            dct: string(&obj, "dct"),
            scope: obj
                .get("scope")
                .and_then(Value::as_array)
                .map(|a| strings(Some(a))),
            ignore: strings(obj.get("ignore").and_then(Value::as_array)),
            entities: records(&obj, "entities").map(entity).collect(),
            dates: records(&obj, "dates").map(date).collect(),
            relations: records(&obj, "relations").map(relation).collect(),
            events: records(&obj, "events").map(event).collect(),
            error: string(&obj, "error"),
        })
    }
}

fn string(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn text(obj: &Map<String, Value>, key: &str) -> String {
    string(obj, key).unwrap_or_default()
}

fn strings(list: Option<&Vec<Value>>) -> Vec<String> {
    list.map(|l| {
        l.iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    })
    .unwrap_or_default()
}

fn records<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
) -> impl Iterator<Item = &'a Map<String, Value>> {
    obj.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

fn optional(obj: &Map<String, Value>) -> bool {
    obj.get("optional")
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// Spans in `v`: an object with integer `start` and `end`, or a list of them.
fn spans(v: Option<&Value>) -> Vec<Span> {
    match v {
        Some(Value::Object(o)) => span(o).into_iter().collect(),
        Some(Value::Array(items)) => items.iter().filter_map(|i| span(i.as_object()?)).collect(),
        _ => Vec::new(),
    }
}

/// The span of an object with integer `start` and `end`, `start <= end`.
fn span(o: &Map<String, Value>) -> Option<Span> {
    let start = usize::try_from(o.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(o.get("end")?.as_u64()?).ok()?;
    (start <= end).then_some(Span { start, end })
}

/// The evidence of a relation or an event: `evidence` when it has offsets,
/// else `sentence`, the wider of the two.
fn evidence(obj: &Map<String, Value>) -> Vec<Span> {
    let found = spans(obj.get("evidence"));
    if found.is_empty() {
        spans(obj.get("sentence"))
    } else {
        found
    }
}

fn entity(obj: &Map<String, Value>) -> Entity {
    Entity {
        kind: text(obj, "type"),
        name: text(obj, "name"),
        aliases: strings(obj.get("aliases").and_then(Value::as_array)),
        alt_types: strings(obj.get("alt_types").and_then(Value::as_array)),
        optional: optional(obj),
        spans: spans(obj.get("mentions")),
    }
}

fn date(obj: &Map<String, Value>) -> Date {
    Date {
        text: text(obj, "text"),
        value: DateValue::from_json(obj.get("value")),
        kind: string(obj, "type"),
        optional: optional(obj),
        spans: span(obj).into_iter().collect(),
    }
}

fn relation(obj: &Map<String, Value>) -> Relation {
    Relation {
        kind: text(obj, "type"),
        head: text(obj, "head"),
        tail: text(obj, "tail"),
        optional: optional(obj),
        spans: evidence(obj),
    }
}

fn event(obj: &Map<String, Value>) -> Event {
    let args = obj
        .get("args")
        .and_then(Value::as_object)
        .map(|args| {
            args.iter()
                .map(|(role, v)| {
                    let values = match v {
                        Value::String(s) => vec![s.clone()],
                        Value::Array(a) => strings(Some(a)),
                        _ => Vec::new(),
                    };
                    (role.clone(), values)
                })
                .collect()
        })
        .unwrap_or_default();
    Event {
        kind: text(obj, "type"),
        date: DateValue::from_json(obj.get("date")),
        args,
        optional: optional(obj),
        spans: evidence(obj),
    }
}
