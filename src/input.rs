//! Reading articles: every bad input gets a defined behaviour and a message.
//!
//! | input | behaviour |
//! |---|---|
//! | missing or unreadable file | error "cannot read: ..." |
//! | directory | its `*.txt` files, recursively, in path order; none: error |
//! | empty file (or only whitespace) | error "empty article" |
//! | invalid UTF-8 | error naming the byte offset of the first bad byte |
//! | binary data (NUL bytes, many control characters) | error "binary data, not text" |
//! | larger than `--max-bytes` | error naming the size and the limit |
//!
//! An error concerns one input only; the others are still processed.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article to process.
#[derive(Clone, Debug)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The article id: the file name without extension, or `stdin`.
    pub fn id(&self) -> String {
        match self {
            Source::Stdin => "stdin".to_string(),
            Source::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
        }
    }

    /// The name used in messages.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Why an input could not be processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// The file cannot be read.
    Unreadable(String),
    /// A directory that holds no `.txt` article.
    EmptyDirectory,
    /// No text at all.
    Empty,
    /// Not UTF-8; the offset of the first bad byte.
    NotUtf8(usize),
    /// Binary data.
    Binary,
    /// Too large: the size and the limit.
    TooLarge(u64, usize),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Unreadable(e) => write!(f, "cannot read: {e}"),
            InputError::EmptyDirectory => write!(f, "directory holds no .txt articles"),
            InputError::Empty => write!(f, "empty article"),
            InputError::NotUtf8(at) => write!(f, "not valid UTF-8 (first bad byte at offset {at})"),
            InputError::Binary => write!(f, "binary data, not text"),
            InputError::TooLarge(size, limit) => write!(
                f,
                "article too large ({size} bytes; the limit is {limit}, raise it with --max-bytes)"
            ),
        }
    }
}

/// Expands command-line inputs into sources: directories into their `*.txt`
/// files. A directory with none becomes an error entry.
pub fn expand(inputs: &[PathBuf]) -> Vec<(Source, Option<InputError>)> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push((Source::Stdin, None));
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files);
            files.sort();
            if files.is_empty() {
                out.push((Source::File(p.clone()), Some(InputError::EmptyDirectory)));
            }
            out.extend(files.into_iter().map(|f| (Source::File(f), None)));
        } else {
            out.push((Source::File(p.clone()), None));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for item in read.flatten() {
        let path = item.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// Reads one source, at most `limit` bytes.
pub fn read(source: &Source, limit: usize) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    let cap = limit as u64 + 1;
    match source {
        Source::Stdin => {
            std::io::stdin()
                .lock()
                .take(cap)
                .read_to_end(&mut bytes)
                .map_err(|e| InputError::Unreadable(e.to_string()))?;
        }
        Source::File(p) => {
            let meta = std::fs::metadata(p).map_err(|e| InputError::Unreadable(e.to_string()))?;
            if meta.is_dir() {
                return Err(InputError::EmptyDirectory);
            }
            if meta.len() > limit as u64 {
                return Err(InputError::TooLarge(meta.len(), limit));
            }
            std::fs::File::open(p)
                .and_then(|f| f.take(cap).read_to_end(&mut bytes))
                .map_err(|e| InputError::Unreadable(e.to_string()))?;
        }
    }
    if bytes.len() > limit {
        return Err(InputError::TooLarge(bytes.len() as u64, limit));
    }
    check(bytes)
}

/// Checks that `bytes` are an article: UTF-8 text, not binary, not empty.
pub fn check(bytes: Vec<u8>) -> Result<String, InputError> {
    if looks_binary(&bytes) {
        return Err(InputError::Binary);
    }
    let text =
        String::from_utf8(bytes).map_err(|e| InputError::NotUtf8(e.utf8_error().valid_up_to()))?;
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(text)
}

/// NUL bytes, or more than one in ten bytes of the first 8 KiB being control
/// characters other than tab, line feed, carriage return and form feed.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        assert_eq!(check(b"India".to_vec()), Ok("India".to_string()));
        assert_eq!(check(b"  \n ".to_vec()), Err(InputError::Empty));
        assert_eq!(check(b"ab\xffcd".to_vec()), Err(InputError::NotUtf8(2)));
        assert_eq!(check(b"a\0b".to_vec()), Err(InputError::Binary));
        assert_eq!(check(vec![1, 2, 3, 4, b'a']), Err(InputError::Binary));
    }
}
