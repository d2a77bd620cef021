//! Rule files: blocks of `rule ID` followed by indented `key value` lines.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::matcher::Pattern;

/// A problem in a rule file, located as `FILE:LINE:COL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    file: String,
    line: usize,
    column: usize,
    message: String,
}

impl RuleError {
    fn new(file: &str, line: usize, column: usize, message: impl Into<String>) -> RuleError {
        RuleError {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    /// The file, as given to [`parse_rules`] (or the path found by [`load_rules_dir`]).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line, or 0 when the error is not about a line (e.g. an I/O error).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based `char` column in the line, or 0 when not about a line.
    pub fn column(&self) -> usize {
        self.column
    }

    /// What is wrong, in lower case without a trailing period.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for RuleError {}

/// The rules of one file.
#[derive(Clone, Debug)]
pub struct RuleFile {
    /// The path, as used in messages.
    pub path: String,
    /// The rules in file order.
    pub rules: Vec<Rule>,
}

/// One rule: an id, a pattern, and the consumer's fields and examples.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The id from the `rule ID` line.
    pub id: String,
    /// The compiled pattern.
    pub pattern: Pattern,
    /// The pattern's source text, comment stripped.
    pub pattern_src: String,
    /// The 1-based line of the `pattern` line.
    pub pattern_line: usize,
    /// Every line other than `pattern` and `example`, in order.
    pub fields: Vec<Field>,
    /// The `example` lines, in order.
    pub examples: Vec<Example>,
    /// The file, as used in messages.
    pub file: String,
    /// The 1-based line of the `rule ID` line.
    pub line: usize,
}

impl Rule {
    /// The value of the first field called `key`.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.as_str())
    }

    /// Every field called `key`, in order.
    pub fn fields<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| f.key == key)
    }

    /// An error in this rule's file at `line` and `column` (1-based), for
    /// consumers that find a problem in a field (say an unknown entity type in
    /// `emit`; pass the [`Field::line`]).
    pub fn error_at(&self, line: usize, column: usize, message: impl Into<String>) -> RuleError {
        RuleError::new(&self.file, line, column, message)
    }

    /// The value of the first field called `key`, read as one of `choices`
    /// (a name and the value it stands for): `None` when there is no such
    /// field.
    ///
    /// # Errors
    ///
    /// A value that is none of the names, reported at the field's line with
    /// the names expected.
    ///
    /// ```
    /// let file = tidings_pattern::parse_rules("e.rules", "rule r\n  pattern \"met\"\n  event MEET\n").unwrap();
    /// let kind = file.rules[0].choice("event", &[("MEET", 1), ("VISIT", 2)]).unwrap();
    /// assert_eq!(kind, Some(1));
    /// assert_eq!(file.rules[0].choice("merge", &[("previous", true)]).unwrap(), None);
    /// ```
    pub fn choice<T: Copy>(
        &self,
        key: &str,
        choices: &[(&str, T)],
    ) -> Result<Option<T>, RuleError> {
        let Some(field) = self.fields(key).next() else {
            return Ok(None);
        };
        let value = field.value.trim();
        match choices.iter().find(|(name, _)| *name == value) {
            Some(&(_, v)) => Ok(Some(v)),
            None => {
                let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
                Err(self.error_at(
                    field.line,
                    1,
                    format!(
                        "unknown {key} {value:?} (expected one of: {})",
                        names.join(", ")
                    ),
                ))
            }
        }
    }
}

/// A `key value` line of a rule, kept verbatim for the consumer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The key.
    pub key: String,
    /// The value, trimmed, trailing comment stripped (may be empty).
    pub value: String,
    /// The 1-based line.
    pub line: usize,
}

/// An `example TEXT => EXPECTATION` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The text, without its surrounding quotes if it was quoted.
    pub text: String,
    /// The expectation after the last top-level `=>`, trimmed, verbatim.
    pub expect: String,
    /// The 1-based line.
    pub line: usize,
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')
}

/// The byte offset where a trailing `# comment` starts: a `#` at the start or
/// after whitespace, outside double quotes and outside `/regex/`. Requiring
/// whitespace before `#` keeps values like `#1` intact, and a `/` opens a
/// regex only where a pattern element can start (so `PERSON/ORG # c` in a
/// consumer's field still loses its comment).
fn comment_start(s: &str) -> Option<usize> {
    let mut in_quote = false;
    let mut in_regex = false;
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        let at_element = prev.is_none_or(|p| p.is_whitespace() || "=([|!&>".contains(p));
        match c {
            '\\' if in_quote || in_regex => {
                chars.next();
            }
            '"' if !in_regex => in_quote = !in_quote,
            '/' if in_regex => in_regex = false,
            '/' if !in_quote && at_element => in_regex = true,
            '#' if !in_quote && !in_regex && prev.is_none_or(char::is_whitespace) => {
                return Some(i)
            }
            _ => {}
        }
        prev = Some(c);
    }
    None
}

fn strip_comment(s: &str) -> &str {
    match comment_start(s) {
        Some(i) => s[..i].trim_end(),
        None => s.trim_end(),
    }
}

fn col_of(line: &str, byte: usize) -> usize {
    line[..byte].chars().count() + 1
}

struct Block {
    id: String,
    line: usize,
    pattern: Option<(Pattern, String, usize)>,
    fields: Vec<Field>,
    examples: Vec<Example>,
}

/// Parses the contents of a rule file; `path_for_messages` names it in errors.
///
/// Stops at the first error.
pub fn parse_rules(path_for_messages: &str, contents: &str) -> Result<RuleFile, RuleError> {
    let file = path_for_messages;
    let err = |line, col, msg: String| RuleError::new(file, line, col, msg);
    let mut rules: Vec<Rule> = Vec::new();
    let mut block: Option<Block> = None;
    // Editors on Windows may save a byte-order mark; it is not part of line 1.
    let contents = contents.strip_prefix('\u{feff}').unwrap_or(contents);

    let finish = |b: Block, rules: &mut Vec<Rule>| -> Result<(), RuleError> {
        let Some((pattern, pattern_src, pattern_line)) = b.pattern else {
            return Err(RuleError::new(
                file,
                b.line,
                1,
                format!("rule {:?} has no pattern", b.id),
            ));
        };
        rules.push(Rule {
            id: b.id,
            pattern,
            pattern_src,
            pattern_line,
            fields: b.fields,
            examples: b.examples,
            file: file.to_string(),
            line: b.line,
        });
        Ok(())
    };

    for (n, raw) in contents.split('\n').enumerate() {
        let lineno = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indented = trimmed.len() != line.len();
        if !indented {
            let rest = line.strip_prefix("rule").filter(|r| {
                r.is_empty() || r.starts_with(char::is_whitespace) || r.starts_with('#')
            });
            let Some(rest) = rest else {
                return Err(err(
                    lineno,
                    1,
                    "expected \"rule ID\" at the start of a line (block lines are indented)".into(),
                ));
            };
            if let Some(b) = block.take() {
                finish(b, &mut rules)?;
            }
            let rest = strip_comment(rest);
            let id_text = rest.trim_start();
            // "rule" is 4 bytes; the id follows the whitespace after it.
            let id_start = 4 + (rest.len() - id_text.len());
            let id_col = col_of(line, id_start);
            let mut parts = id_text.split_whitespace();
            let Some(id) = parts.next() else {
                return Err(err(lineno, id_col, "missing rule id".into()));
            };
            if !id.chars().all(is_id_char) {
                return Err(err(
                    lineno,
                    id_col,
                    format!("bad rule id {id:?} (use letters, digits, '.', '_', '-')"),
                ));
            }
            if parts.next().is_some() {
                let after = id_start + id.len();
                let extra = after + (line[after..].len() - line[after..].trim_start().len());
                return Err(err(
                    lineno,
                    col_of(line, extra),
                    "unexpected text after the rule id".into(),
                ));
            }
            if let Some(prev) = rules.iter().find(|r| r.id == id) {
                return Err(err(
                    lineno,
                    id_col,
                    format!("duplicate rule id {id:?} (first at line {})", prev.line),
                ));
            }
            block = Some(Block {
                id: id.to_string(),
                line: lineno,
                pattern: None,
                fields: Vec::new(),
                examples: Vec::new(),
            });
            continue;
        }

        let key_start = line.len() - trimmed.len();
        let Some(b) = block.as_mut() else {
            return Err(err(
                lineno,
                col_of(line, key_start),
                "line outside a rule block (start one with \"rule ID\")".into(),
            ));
        };
        let key_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let key = &trimmed[..key_len];
        if !key.chars().all(is_id_char) {
            return Err(err(
                lineno,
                col_of(line, key_start),
                format!("bad key {key:?}"),
            ));
        }
        let after_key = &trimmed[key_len..];
        let value_start = key_start + key_len + (after_key.len() - after_key.trim_start().len());
        let value = strip_comment(&line[value_start..]);
        let value_col = col_of(line, value_start);
        match key {
            "pattern" => {
                if let Some((_, _, first)) = &b.pattern {
                    return Err(err(
                        lineno,
                        col_of(line, key_start),
                        format!(
                            "rule {:?} has a second pattern (first at line {first})",
                            b.id
                        ),
                    ));
                }
                if value.is_empty() {
                    return Err(err(lineno, value_col, "empty pattern".into()));
                }
                let pattern = Pattern::parse(value).map_err(|e| {
                    err(lineno, value_col + e.column() - 1, e.message().to_string())
                })?;
                b.pattern = Some((pattern, value.to_string(), lineno));
            }
            "example" => {
                let (text, expect) =
                    split_example(value).map_err(|(off, msg)| err(lineno, value_col + off, msg))?;
                b.examples.push(Example {
                    text,
                    expect,
                    line: lineno,
                });
            }
            _ => b.fields.push(Field {
                key: key.to_string(),
                value: value.to_string(),
                line: lineno,
            }),
        }
    }
    if let Some(b) = block.take() {
        finish(b, &mut rules)?;
    }
    Ok(RuleFile {
        path: file.to_string(),
        rules,
    })
}

/// Splits `TEXT => EXPECTATION` on the last `=>` outside double quotes.
/// Errors carry a 0-based `char` offset into `value`.
fn split_example(value: &str) -> Result<(String, String), (usize, String)> {
    const USAGE: &str = "malformed example: expected TEXT => EXPECTATION";
    let mut in_quote = false;
    let mut quote_open = 0;
    let mut arrow = None;
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if in_quote => {
                chars.next();
            }
            '"' => {
                in_quote = !in_quote;
                quote_open = i;
            }
            '=' if !in_quote && chars.peek().map(|&(_, c)| c) == Some('>') => arrow = Some(i),
            _ => {}
        }
    }
    if in_quote {
        return Err((
            value[..quote_open].chars().count(),
            "malformed example: unterminated string".into(),
        ));
    }
    let Some(arrow) = arrow else {
        return Err((0, USAGE.into()));
    };
    let text = value[..arrow].trim();
    let expect = value[arrow + 2..].trim();
    if text.is_empty() || expect.is_empty() {
        return Err((0, USAGE.into()));
    }
    let text = match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        // Only unquote when the quotes enclose the whole text.
        Some(inner) if !text.is_empty() && text.len() >= 2 && !has_bare_quote(inner) => {
            unescape(inner)
        }
        _ => text.to_string(),
    };
    Ok((text, expect.to_string()))
}

fn has_bare_quote(s: &str) -> bool {
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => return true,
            _ => {}
        }
    }
    false
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && matches!(chars.peek(), Some('"' | '\\')) {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// Loads every `*.rules` file below `dir` (recursively), sorted by path.
pub fn load_rules_dir(dir: &Path) -> Result<Vec<RuleFile>, RuleError> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.display().to_string();
            let contents = std::fs::read_to_string(p)
                .map_err(|e| RuleError::new(&name, 0, 0, io_message(&e)))?;
            parse_rules(&name, &contents)
        })
        .collect()
}

fn io_message(e: &std::io::Error) -> String {
    let m = e.to_string();
    // I/O messages start with a capital ("No such file ..."); ours do not.
    let mut c = m.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => m,
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), RuleError> {
    let name = dir.display().to_string();
    let entries =
        std::fs::read_dir(dir).map_err(|e| RuleError::new(&name, 0, 0, io_message(&e)))?;
    for entry in entries {
        let entry = entry.map_err(|e| RuleError::new(&name, 0, 0, io_message(&e)))?;
        let path = entry.path();
        let ty = entry
            .file_type()
            .map_err(|e| RuleError::new(&path.display().to_string(), 0, 0, io_message(&e)))?;
        if ty.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rules") {
            out.push(path);
        }
    }
    Ok(())
}
