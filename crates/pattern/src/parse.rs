//! The pattern parser: source text to an AST.

use std::fmt;
use std::sync::Arc;

use regex::Regex;
use tidings_tokenize::Shape;

/// A malformed pattern: where (1-based `char` column) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    column: usize,
    message: String,
}

impl PatternError {
    pub(crate) fn new(column: usize, message: impl Into<String>) -> PatternError {
        PatternError {
            column,
            message: message.into(),
        }
    }

    /// The 1-based `char` offset into the pattern source where the problem is.
    pub fn column(&self) -> usize {
        self.column
    }

    /// What is wrong, in lower case without a trailing period.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for PatternError {}

/// Which annotation labels a `@label` or `<label>` accepts.
#[derive(Clone, Debug)]
pub(crate) enum LabelMatch {
    Exact(String),
    /// `gaz:*`: any label starting with the prefix (`*` alone: any label).
    Prefix(String),
}

impl LabelMatch {
    #[inline]
    pub fn matches(&self, label: &str) -> bool {
        match self {
            LabelMatch::Exact(l) => l == label,
            LabelMatch::Prefix(p) => label.starts_with(p.as_str()),
        }
    }
}

/// A one-token constraint, the inside of `[ ... ]`.
#[derive(Clone, Debug)]
pub(crate) enum Cons {
    Any,
    Text(String),
    TextRe(Regex),
    Lower(String),
    LowerRe(Regex),
    /// Bit set over [`shape_bit`].
    Shape(u8),
    Abbrev,
    Space,
    NoSpace,
    In(LabelMatch),
    Starts(LabelMatch),
    Ends(LabelMatch),
    Not(Box<Cons>),
    And(Vec<Cons>),
    Or(Vec<Cons>),
}

pub(crate) fn shape_bit(s: Shape) -> u8 {
    match s {
        Shape::Lower => 1,
        Shape::Capitalized => 2,
        Shape::Upper => 4,
        Shape::Mixed => 8,
        Shape::Digit => 16,
        Shape::Alnum => 32,
        Shape::Punct => 64,
    }
}

fn shape_by_name(name: &str) -> Option<Shape> {
    Some(match name.to_ascii_lowercase().as_str() {
        "lower" => Shape::Lower,
        "capitalized" => Shape::Capitalized,
        "upper" => Shape::Upper,
        "mixed" => Shape::Mixed,
        "digit" => Shape::Digit,
        "alnum" => Shape::Alnum,
        "punct" => Shape::Punct,
        _ => return None,
    })
}

/// The pattern AST.
#[derive(Clone, Debug)]
pub(crate) enum Node {
    Tok(Cons),
    Ann(LabelMatch),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Rep {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    Cap {
        slot: usize,
        node: Box<Node>,
    },
    Bol,
    Eol,
    Look {
        node: Box<Node>,
        ahead: bool,
        negate: bool,
    },
}

/// Deeper nesting than this is refused so the recursive parser and compiler
/// cannot overflow the stack on hostile input.
const MAX_DEPTH: usize = 64;
/// Counted repetitions are unrolled; this bounds the unrolling.
pub(crate) const MAX_COUNT: u32 = 100;

pub(crate) struct Parsed {
    pub node: Node,
    pub slot_names: Vec<Arc<str>>,
}

pub(crate) fn parse(src: &str) -> Result<Parsed, PatternError> {
    let mut p = Parser {
        s: src.chars().collect(),
        i: 0,
        depth: 0,
        slot_names: Vec::new(),
    };
    p.skip_ws();
    if p.i >= p.s.len() {
        return Err(PatternError::new(1, "empty pattern"));
    }
    let node = p.alt()?;
    p.skip_ws();
    if let Some(c) = p.peek() {
        let msg = if c == ')' {
            "unmatched ')'".to_string()
        } else {
            format!("unexpected {c:?}")
        };
        return Err(p.err_here(msg));
    }
    Ok(Parsed {
        node,
        slot_names: p.slot_names,
    })
}

struct Parser {
    s: Vec<char>,
    i: usize,
    depth: usize,
    slot_names: Vec<Arc<str>>,
}

type R<T> = Result<T, PatternError>;

impl Parser {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }

    fn err_at(&self, i: usize, msg: impl Into<String>) -> PatternError {
        PatternError::new(i + 1, msg)
    }

    fn err_here(&self, msg: impl Into<String>) -> PatternError {
        self.err_at(self.i, msg)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err_here("pattern nested too deeply"));
        }
        Ok(())
    }

    /// alt := seq ('|' seq)*
    fn alt(&mut self) -> R<Node> {
        self.enter()?;
        let mut alts = Vec::new();
        loop {
            let seq = self.seq()?;
            if seq.is_empty() {
                // Point at what follows the missing alternative.
                return Err(self.err_here("empty alternative"));
            }
            alts.push(if seq.len() == 1 {
                seq.into_iter().next().expect("one element")
            } else {
                Node::Seq(seq)
            });
            self.skip_ws();
            if !self.eat('|') {
                break;
            }
        }
        self.depth -= 1;
        Ok(if alts.len() == 1 {
            alts.pop().expect("one alternative")
        } else {
            Node::Alt(alts)
        })
    }

    /// seq := (atom quantifier?)*, up to '|' or ')' or the end.
    fn seq(&mut self) -> R<Vec<Node>> {
        let mut out = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None | Some('|') | Some(')') => return Ok(out),
                Some('?' | '*' | '+' | '{') => return Err(self.err_here("nothing to repeat")),
                _ => {}
            }
            let atom = self.atom()?;
            let atom = self.quantified(atom)?;
            match atom {
                // A multi-word literal is a run of tokens; splice it in.
                Node::Seq(v) => out.extend(v),
                n => out.push(n),
            }
        }
    }

    fn quantified(&mut self, atom: Node) -> R<Node> {
        // No whitespace between an element and its quantifier: `"a" ?` would
        // read oddly, but allowing it is harmless and forgiving.
        let save = self.i;
        self.skip_ws();
        let at = self.i;
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') if self.looks_like_count() => {
                self.i += 1;
                let min = self.number()?;
                let max = if self.eat(',') {
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(self.number()?)
                    }
                } else {
                    Some(min)
                };
                if !self.eat('}') {
                    return Err(self.err_here("expected '}' to close the repetition"));
                }
                if max.is_some_and(|m| m < min) {
                    return Err(self.err_at(at, "invalid repetition bounds"));
                }
                if min > MAX_COUNT || max.is_some_and(|m| m > MAX_COUNT) {
                    return Err(self.err_at(
                        at,
                        format!("repetition count too large (at most {MAX_COUNT})"),
                    ));
                }
                self.i -= 1; // the '}' is consumed below with the others
                (min, max)
            }
            _ => {
                self.i = save;
                return Ok(atom);
            }
        };
        self.i += 1;
        let greedy = !self.eat('?');
        if matches!(self.peek(), Some('?' | '*' | '+')) {
            return Err(self.err_here("nothing to repeat"));
        }
        // A multi-word literal is one element for quantifiers.
        Ok(Node::Rep {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    fn looks_like_count(&self) -> bool {
        self.peek_at(1).is_some_and(|c| c.is_ascii_digit())
    }

    fn number(&mut self) -> R<u32> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if start == self.i {
            return Err(self.err_here("expected a number"));
        }
        let digits: String = self.s[start..self.i].iter().collect();
        digits
            .parse()
            .map_err(|_| self.err_at(start, "repetition count too large"))
    }

    fn atom(&mut self) -> R<Node> {
        let at = self.i;
        match self.peek() {
            Some('"') => {
                let s = self.string()?;
                let words: Vec<Node> = s
                    .split_whitespace()
                    .map(|w| Node::Tok(Cons::Lower(w.to_lowercase())))
                    .collect();
                match words.len() {
                    0 => Err(self.err_at(at, "empty literal")),
                    1 => Ok(words.into_iter().next().expect("one word")),
                    _ => Ok(Node::Seq(words)),
                }
            }
            Some('/') => Ok(Node::Tok(Cons::LowerRe(self.regex()?))),
            Some('[') => {
                self.i += 1;
                self.skip_ws();
                if self.eat(']') {
                    return Ok(Node::Tok(Cons::Any));
                }
                self.enter()?;
                let c = self.cons_or()?;
                self.depth -= 1;
                self.skip_ws();
                if !self.eat(']') {
                    return Err(match self.peek() {
                        None => self.err_at(at, "unclosed bracket"),
                        Some(c) => self.err_here(format!("unexpected {c:?} in constraint")),
                    });
                }
                Ok(Node::Tok(c))
            }
            Some('<') => {
                self.i += 1;
                self.skip_ws();
                let label = self.label()?;
                self.skip_ws();
                if !self.eat('>') {
                    return Err(match self.peek() {
                        None => self.err_at(at, "unclosed '<'"),
                        Some(c) => self.err_here(format!("unexpected {c:?} in annotation label")),
                    });
                }
                Ok(Node::Ann(label))
            }
            Some('^') => {
                self.i += 1;
                Ok(Node::Bol)
            }
            Some('$') => {
                self.i += 1;
                Ok(Node::Eol)
            }
            Some('(') => self.group(),
            Some(c) => Err(self.err_here(format!("unexpected {c:?}"))),
            None => Err(self.err_here("unexpected end of pattern")),
        }
    }

    fn group(&mut self) -> R<Node> {
        let open = self.i;
        self.i += 1;
        enum Kind {
            Plain,
            Cap(usize),
            Look { ahead: bool, negate: bool },
        }
        let kind = if self.eat('?') {
            match self.peek() {
                Some(':') => {
                    self.i += 1;
                    Kind::Plain
                }
                Some('=') => {
                    self.i += 1;
                    Kind::Look {
                        ahead: true,
                        negate: false,
                    }
                }
                Some('!') => {
                    self.i += 1;
                    Kind::Look {
                        ahead: true,
                        negate: true,
                    }
                }
                Some('<') => {
                    self.i += 1;
                    if self.eat('=') {
                        Kind::Look {
                            ahead: false,
                            negate: false,
                        }
                    } else if self.eat('!') {
                        Kind::Look {
                            ahead: false,
                            negate: true,
                        }
                    } else {
                        let start = self.i;
                        while self
                            .peek()
                            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
                        {
                            self.i += 1;
                        }
                        if start == self.i {
                            return Err(self.err_here("expected a capture name after \"(?<\""));
                        }
                        let name: String = self.s[start..self.i].iter().collect();
                        if !self.eat('>') {
                            return Err(self.err_here("expected '>' after the capture name"));
                        }
                        self.slot_names.push(name.into());
                        Kind::Cap(self.slot_names.len() - 1)
                    }
                }
                _ => return Err(self.err_here("unknown group kind after \"(?\"")),
            }
        } else {
            Kind::Plain
        };
        self.skip_ws();
        if self.peek().is_none() {
            return Err(self.err_at(open, "unclosed group"));
        }
        if self.peek() == Some(')') {
            return Err(self.err_at(open, "empty group"));
        }
        let inner = self.alt()?;
        self.skip_ws();
        if !self.eat(')') {
            return Err(self.err_at(open, "unclosed group"));
        }
        Ok(match kind {
            Kind::Plain => inner,
            Kind::Cap(slot) => Node::Cap {
                slot,
                node: Box::new(inner),
            },
            Kind::Look { ahead, negate } => Node::Look {
                node: Box::new(inner),
                ahead,
                negate,
            },
        })
    }

    /// A double-quoted string; `\"` and `\\` are escapes.
    fn string(&mut self) -> R<String> {
        let open = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(self.err_at(open, "unterminated string")),
                Some('"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some('\\') if matches!(self.peek_at(1), Some('"' | '\\')) => {
                    out.push(self.s[self.i + 1]);
                    self.i += 2;
                }
                Some(c) => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }

    /// A `/regex/`, anchored at both ends; `\/` stands for a slash.
    fn regex(&mut self) -> R<Regex> {
        let open = self.i;
        self.i += 1;
        let mut body = String::new();
        loop {
            match self.peek() {
                None => return Err(self.err_at(open, "unterminated regex")),
                Some('/') => {
                    self.i += 1;
                    break;
                }
                Some('\\') if self.peek_at(1) == Some('/') => {
                    body.push('/');
                    self.i += 2;
                }
                Some('\\') if self.peek_at(1).is_some() => {
                    body.push('\\');
                    body.push(self.s[self.i + 1]);
                    self.i += 2;
                }
                Some(c) => {
                    body.push(c);
                    self.i += 1;
                }
            }
        }
        if body.is_empty() {
            return Err(self.err_at(open, "empty regex"));
        }
        Regex::new(&format!("^(?:{body})$")).map_err(|e| {
            // The regex crate's messages span several lines; keep the gist.
            let msg = e.to_string();
            let gist = msg
                .lines()
                .rev()
                .find(|l| l.starts_with("error:"))
                .map(|l| l.trim_start_matches("error:").trim().to_string())
                .unwrap_or_else(|| msg.lines().next().unwrap_or("").to_string());
            self.err_at(open, format!("invalid regex: {}", gist.to_lowercase()))
        })
    }

    /// A label for `@`, `start@`, `end@` and `<...>`: letters, digits and
    /// `: _ - . /`, optionally ending in `*` for a prefix match.
    fn label(&mut self) -> R<LabelMatch> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.' | '/'))
        {
            self.i += 1;
        }
        let text: String = self.s[start..self.i].iter().collect();
        if self.eat('*') {
            return Ok(LabelMatch::Prefix(text));
        }
        if text.is_empty() {
            return Err(self.err_here("expected an annotation label"));
        }
        Ok(LabelMatch::Exact(text))
    }

    fn cons_or(&mut self) -> R<Cons> {
        let mut v = vec![self.cons_and()?];
        loop {
            self.skip_ws();
            if !self.eat('|') {
                break;
            }
            v.push(self.cons_and()?);
        }
        Ok(if v.len() == 1 {
            v.pop().expect("one")
        } else {
            Cons::Or(v)
        })
    }

    fn cons_and(&mut self) -> R<Cons> {
        let mut v = vec![self.cons_unary()?];
        loop {
            self.skip_ws();
            if !self.eat('&') {
                break;
            }
            v.push(self.cons_unary()?);
        }
        Ok(if v.len() == 1 {
            v.pop().expect("one")
        } else {
            Cons::And(v)
        })
    }

    fn cons_unary(&mut self) -> R<Cons> {
        self.skip_ws();
        match self.peek() {
            Some('!') => {
                self.i += 1;
                self.enter()?;
                let c = self.cons_unary()?;
                self.depth -= 1;
                Ok(Cons::Not(Box::new(c)))
            }
            Some('(') => {
                let open = self.i;
                self.i += 1;
                self.enter()?;
                let c = self.cons_or()?;
                self.depth -= 1;
                self.skip_ws();
                if !self.eat(')') {
                    return Err(self.err_at(open, "unclosed group"));
                }
                Ok(c)
            }
            Some('@') => {
                self.i += 1;
                Ok(Cons::In(self.label()?))
            }
            Some(c) if c.is_alphabetic() => self.cons_atom(),
            Some(']') | None => Err(self.err_here("expected a constraint")),
            Some(c) => Err(self.err_here(format!("unexpected {c:?} in constraint"))),
        }
    }

    fn ident(&mut self) -> String {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.i += 1;
        }
        self.s[start..self.i].iter().collect()
    }

    fn cons_atom(&mut self) -> R<Cons> {
        let at = self.i;
        let name = self.ident();
        match name.as_str() {
            "abbrev" => return Ok(Cons::Abbrev),
            "space" => return Ok(Cons::Space),
            "nospace" => return Ok(Cons::NoSpace),
            "start" | "end" if self.peek() == Some('@') => {
                self.i += 1;
                let l = self.label()?;
                return Ok(if name == "start" {
                    Cons::Starts(l)
                } else {
                    Cons::Ends(l)
                });
            }
            "text" | "lower" | "shape" => {}
            _ => return Err(self.err_at(at, format!("unknown constraint {name:?}"))),
        }
        self.skip_ws();
        if !self.eat('=') {
            return Err(self.err_here(format!("expected '=' after {name:?}")));
        }
        self.skip_ws();
        if name == "shape" {
            let mut bits = 0u8;
            loop {
                let sat = self.i;
                let sname = self.ident();
                if sname.is_empty() {
                    return Err(self.err_here("expected a shape name"));
                }
                match shape_by_name(&sname) {
                    Some(s) => bits |= shape_bit(s),
                    None => return Err(self.err_at(sat, format!("unknown shape {sname:?}"))),
                }
                // `shape=A|B` lists shapes; a `|` followed by anything other
                // than a shape name is the constraint-level "or".
                let save = self.i;
                self.skip_ws();
                if self.eat('|') {
                    self.skip_ws();
                    let look = self.i;
                    let next = self.ident();
                    // `lower` is both a shape and a constraint: `lower=` is
                    // the latter; so are `start@...` and the bare flags.
                    self.skip_ws();
                    let is_cons = matches!(self.peek(), Some('=' | '@'))
                        || matches!(next.as_str(), "abbrev" | "space" | "nospace");
                    self.i = look;
                    if !next.is_empty() && !is_cons {
                        continue;
                    }
                }
                self.i = save;
                return Ok(Cons::Shape(bits));
            }
        }
        match self.peek() {
            Some('"') => {
                let s = self.string()?;
                Ok(if name == "text" {
                    Cons::Text(s)
                } else {
                    Cons::Lower(s.to_lowercase())
                })
            }
            Some('/') => {
                let re = self.regex()?;
                Ok(if name == "text" {
                    Cons::TextRe(re)
                } else {
                    Cons::LowerRe(re)
                })
            }
            _ => Err(self.err_here(format!(
                "expected a \"string\" or /regex/ after \"{name}=\""
            ))),
        }
    }
}
