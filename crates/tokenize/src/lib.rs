//! Tokens and sentences of news text, as byte spans into the input as given.
//!
//! Word boundaries come from Unicode's UAX #29 rules (the
//! `unicode-segmentation` crate); on top of them this crate knows the habits of
//! news copy: abbreviations and initials that do not end a sentence ("U.S.",
//! "Feb.", "Dr.", "Lloyd J. Austin III", "Co."), possessives ("India's" is
//! `India` + `'s`), curly quotes, non-breaking spaces, dashes and CRLF line ends,
//! and headlines that end at a line break without a full stop.
//!
//! ```
//! use tidings_tokenize::{tokenize, Shape};
//!
//! let text = "Lloyd J. Austin III met U.S. officials on Feb. 19. India’s army was there.";
//! let doc = tokenize(text);
//! let words: Vec<&str> = doc.tokens().iter().map(|t| &text[t.span]).collect();
//! assert_eq!(&words[..6], ["Lloyd", "J.", "Austin", "III", "met", "U.S."]);
//! assert_eq!(doc.sentences().len(), 2);
//! assert_eq!(doc.tokens()[0].shape, Shape::Capitalized);
//! assert!(words.contains(&"’s"));
//! ```
//!
//! # Invariants
//!
//! - Tokens are in text order, do not overlap, never contain whitespace, and
//!   every span lies on `char` boundaries.
//! - Sentences are in text order, do not overlap, and together hold every
//!   token exactly once; a sentence's span runs from its first token's start
//!   to its last token's end.

use std::ops::Range;

use tidings_core::Span;
use unicode_segmentation::UnicodeSegmentation;

/// The orthographic shape of a token, the cue that name rules lean on most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Letters, all lower case: `met`, `iphone`.
    Lower,
    /// An upper-case letter followed by lower-case ones: `India`, `Dr.`;
    /// also names with an inner capital after a lower-case letter or an
    /// apostrophe: `McDonald`, `O'Connor`.
    Capitalized,
    /// Two or more letters, all upper case, or a single capital: `NATO`, `U.S.`, `J.`.
    Upper,
    /// Letters in any other mix of case: `iDEX`, `eBay`.
    Mixed,
    /// Decimal digits only (with `,` or `.` between them): `2016`, `1,000`.
    Digit,
    /// Letters and digits: `F414`, `5th`, `P75`.
    Alnum,
    /// Anything else: punctuation and symbols.
    Punct,
}

/// One token: a word, number, abbreviation or punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the text.
    pub span: Span,
    /// Its orthographic shape.
    pub shape: Shape,
    /// Whether whitespace separates it from the previous token.
    pub space_before: bool,
    /// Whether a line break lies between it and the previous token.
    pub newline_before: bool,
    /// Whether it is an abbreviation or initial ending in a full stop (`Dr.`, `U.S.`, `J.`).
    pub abbrev: bool,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span]
    }

    /// Whether the token starts with a letter.
    pub fn is_word(&self) -> bool {
        !matches!(self.shape, Shape::Punct | Shape::Digit)
    }
}

/// A sentence: a run of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into [`Tokens::tokens`].
    pub tokens: Range<usize>,
}

/// The tokens and sentences of one text.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

impl Tokens {
    /// All tokens in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All sentences in text order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The index of the token that starts at byte `offset`, if any.
    pub fn token_starting_at(&self, offset: usize) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&offset, |t| t.span.start)
            .ok()
    }

    /// The index of the token that ends at byte `offset`, if any.
    pub fn token_ending_at(&self, offset: usize) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&offset, |t| t.span.end)
            .ok()
    }

    /// Whether sentence `sentence` of `text` is a headline's line: it ends
    /// without a full stop, question or exclamation mark, and more text
    /// starts on a new line after it ("Iran, U.S. to hold talks in Rome").
    pub fn is_title_line(&self, text: &str, sentence: usize) -> bool {
        let Some(s) = self.sentences.get(sentence) else {
            return false;
        };
        let (Some(last), Some(next)) = (
            s.tokens.end.checked_sub(1).and_then(|i| self.tokens.get(i)),
            self.tokens.get(s.tokens.end),
        ) else {
            return false;
        };
        !matches!(last.text(text), "." | "!" | "?") && next.newline_before
    }

    /// The index of the sentence holding token `token`.
    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= token)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The index of the sentence holding byte `offset`, or the one before it
    /// when `offset` falls between sentences.
    pub fn sentence_at(&self, offset: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start <= offset)
            .saturating_sub(1)
    }

    /// The indices of the tokens that lie wholly inside `span`.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = self.tokens.partition_point(|t| t.span.end <= span.end);
        start..end.max(start)
    }
}

/// Abbreviations that take a full stop without ending a sentence: titles,
/// months, days, company suffixes and Latin shorthand. Compared in lower case.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "st", "jr",
    "sr", "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "co", "corp",
    "inc", "ltd", "bros", "plc", "no", "nos", "vs", "etc", "approx", "dept", "est", "fig", "mt",
    "ft", "vol", "op", "cf", "al", "smt", "shri", "sh", "ave", "blvd",
];

/// Abbreviations after which a full stop may also end a sentence, when a
/// capitalised word follows on the same line ("... in the U.S. The talks").
/// Only a few are common sentence-final words in news copy.
const FINAL_ABBREVIATIONS: &[&str] = &[
    "etc.", "u.s.", "u.k.", "u.n.", "d.c.", "inc.", "ltd.", "co.",
];

/// Words that often begin a sentence after a sentence-final abbreviation.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "at",
    "for",
    "as",
    "after",
    "before",
    "its",
    "his",
    "her",
    "their",
    "there",
    "while",
    "when",
    "if",
    "officials",
    "meanwhile",
    "however",
];

/// Splits `text` into tokens and sentences.
///
/// Never fails and never panics: any string, including the empty one, has a
/// tokenization (possibly with no tokens).
///
/// # Resource usage
///
/// One pass over the text and one over the tokens; memory is two vectors,
/// about 40 bytes per token.
pub fn tokenize(text: &str) -> Tokens {
    let tokens = words(text);
    let sentences = sentences(text, &tokens);
    Tokens { tokens, sentences }
}

fn is_space(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
}

fn words(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut space_before = false;
    let mut newline_before = false;
    for (start, w) in text.split_word_bound_indices() {
        if is_space(w) {
            space_before = true;
            newline_before |= w.contains('\n') || w.contains('\u{2028}') || w.contains('\u{2029}');
            continue;
        }
        let end = start + w.len();
        // A full stop directly after a word: join it when the word is an
        // abbreviation, an initial, or dotted like "U.S".
        if w == "." && !space_before {
            if let Some(prev) = out.last_mut() {
                if prev.span.end == start
                    && joins_full_stop(&text[prev.span])
                    && !(is_calendar_word(&text[prev.span]) && ends_sentence(&text[end..]))
                {
                    prev.span.end = end;
                    prev.abbrev = true;
                    continue;
                }
            }
        }
        // UAX #29 keeps "India's" and "India’s" together; the possessive is a
        // token of its own so that names match without it.
        let split = possessive_split(w);
        let mut push = |span: Span, sb: bool, nb: bool| {
            out.push(Token {
                span,
                shape: shape(&text[span]),
                space_before: sb,
                newline_before: nb,
                abbrev: false,
            });
        };
        match split {
            Some(at) => {
                push(Span::new(start, start + at), space_before, newline_before);
                push(Span::new(start + at, end), false, false);
            }
            None => push(Span::new(start, end), space_before, newline_before),
        }
        space_before = false;
        newline_before = false;
    }
    out
}

/// Where the possessive ending of a word begins, if it has one.
fn possessive_split(w: &str) -> Option<usize> {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.chars().next_back().is_some_and(char::is_alphanumeric) {
                return Some(stem.len());
            }
        }
    }
    None
}

/// Month and weekday abbreviations, which are also names ("Dong Jun",
/// "Sun Weidong", "Jan").
const CALENDAR_WORDS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

fn is_calendar_word(word: &str) -> bool {
    CALENDAR_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether the text after a full stop reads as the start of a new sentence
/// (or the end of the text): a capital letter or an opening quote, not a
/// day number ("Jan. 5"), a comma or a lower-case word.
fn ends_sentence(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\''))
}

fn joins_full_stop(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    // An initial: "J", "R".
    if first.is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    // Dotted abbreviations as UAX #29 leaves them: "U.S", "a.m", "D.C".
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// The shape of a token's text.
pub fn shape(word: &str) -> Shape {
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut lower = 0usize;
    let mut digits = 0usize;
    let mut other = 0usize;
    let mut first_upper = false;
    for (i, c) in word.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    first_upper = true;
                }
            } else if c.is_lowercase() {
                lower += 1;
            }
        } else if c.is_numeric() {
            digits += 1;
        } else if c != '.' && c != ',' && c != '\'' && c != '’' {
            other += 1;
        }
    }
    if letters == 0 {
        return if digits > 0 && other == 0 {
            Shape::Digit
        } else {
            Shape::Punct
        };
    }
    if digits > 0 {
        return Shape::Alnum;
    }
    if upper == 0 {
        Shape::Lower
    } else if lower == 0 {
        Shape::Upper
    } else if first_upper && upper == 1 {
        Shape::Capitalized
    } else if first_upper {
        // "McDonald", "DeSantis", "O'Connor", "D’Souza": capitalised names
        // with an inner capital.
        if word
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_lowercase() || c == '\'' || c == '’')
        {
            Shape::Capitalized
        } else {
            Shape::Mixed
        }
    } else {
        Shape::Mixed
    }
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "..." | "?!" | "!?")
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..tokens.len() {
        if boundary_before(text, tokens, i) {
            out.push(sentence(tokens, start..i));
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(sentence(tokens, start..tokens.len()));
    }
    out
}

fn sentence(tokens: &[Token], range: Range<usize>) -> Sentence {
    Sentence {
        span: Span::new(
            tokens[range.start].span.start,
            tokens[range.end - 1].span.end,
        ),
        tokens: range,
    }
}

fn boundary_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let next = &tokens[i];
    let next_text = &text[next.span];
    let starts_upper = next_text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let opens = matches!(
        next_text,
        "\"" | "“" | "‘" | "'" | "(" | "[" | "-" | "–" | "—" | "•" | "*"
    );
    if next.newline_before {
        // A line break ends a sentence (headlines, list items, paragraphs)
        // unless the text was hard-wrapped in the middle of one.
        let blank_line = text[tokens[i - 1].span.end..next.span.start]
            .matches('\n')
            .count()
            >= 2;
        let prev_text = &text[tokens[i - 1].span];
        let mid_sentence = next.shape == Shape::Lower
            && !is_terminal(prev_text)
            && !matches!(prev_text, ":" | ";");
        return blank_line || !mid_sentence;
    }
    if !next.space_before {
        return false;
    }
    // A full stop inside a short parenthesis ends no sentence: "Major
    // General (ret.) Amir Baram".
    if &text[tokens[i - 1].span] == ")"
        && (i.saturating_sub(5)..i - 1).any(|k| &text[tokens[k].span] == "(")
    {
        return false;
    }
    // Walk back over closing quotes and brackets to the mark before them.
    let mut j = i - 1;
    while j > 0 && is_closing(&text[tokens[j].span]) {
        j -= 1;
    }
    let prev = &tokens[j];
    let prev_text = &text[prev.span];
    if is_terminal(prev_text) {
        return starts_upper || opens;
    }
    if prev.abbrev {
        let lower = prev_text.to_lowercase();
        if FINAL_ABBREVIATIONS.contains(&lower.as_str()) {
            let next_lower = next_text.to_lowercase();
            return starts_upper && SENTENCE_STARTERS.contains(&next_lower.as_str());
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .tokens()
            .iter()
            .map(|t| &text[t.span])
            .collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        tokenize(text)
            .sentences()
            .iter()
            .map(|s| &text[s.span])
            .collect()
    }

    macro_rules! token_cases {
        ($($name:ident: $text:expr => [$($w:expr),*];)*) => {$(
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($w),*];
                assert_eq!(words($text), expected);
            }
        )*};
    }

    token_cases! {
        dotted_acronym: "the U.S. and India" => ["the", "U.S.", "and", "India"];
        initials_and_suffix: "Lloyd J. Austin III" => ["Lloyd", "J.", "Austin", "III"];
        month_abbreviation: "on Feb. 19" => ["on", "Feb.", "19"];
        title_abbreviation: "Dr. Vic Ramdass" => ["Dr.", "Vic", "Ramdass"];
        company_suffix: "Tata Sons Co. said" => ["Tata", "Sons", "Co.", "said"];
        hyphenated_name: "INDUS-X and F-414" => ["INDUS", "-", "X", "and", "F", "-", "414"];
        curly_possessive: "India’s defence" => ["India", "’s", "defence"];
        straight_possessive: "India's iDEX" => ["India", "'s", "iDEX"];
        curly_quotes: "said “pathbreaking.”" => ["said", "“", "pathbreaking", ".", "”"];
        non_breaking_space: "Rajnath\u{a0}Singh" => ["Rajnath", "Singh"];
        dashes: "Delhi—and Tokyo – too" => ["Delhi", "—", "and", "Tokyo", "–", "too"];
        two_plus_two: "2+2 Ministerial Dialogue" => ["2", "+", "2", "Ministerial", "Dialogue"];
        handle: "@jakesullivan" => ["@", "jakesullivan"];
        numbers: "1,000 troops in 2016." => ["1,000", "troops", "in", "2016", "."];
        empty: "" => [];
        only_space: " \r\n\t " => [];
    }

    #[test]
    fn crlf_and_offsets() {
        let text = "India\r\nUS";
        let doc = tokenize(text);
        assert_eq!(doc.tokens()[1].span, Span::new(7, 9));
        assert!(doc.tokens()[1].newline_before);
        assert_eq!(doc.sentences().len(), 2);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("Gen. Anil Chauhan met U.S. officials. They agreed."),
            vec!["Gen. Anil Chauhan met U.S. officials.", "They agreed."]
        );
        assert_eq!(
            sents("Lloyd J. Austin III spoke."),
            vec!["Lloyd J. Austin III spoke."]
        );
    }

    #[test]
    fn a_full_stop_in_a_short_parenthesis_ends_no_sentence() {
        assert_eq!(
            sents("He met Major General (ret.) Amir Baram. He left."),
            ["He met Major General (ret.) Amir Baram.", "He left."]
        );
    }

    #[test]
    fn sentence_final_abbreviation() {
        assert_eq!(
            sents("He flew to the U.S. The talks began."),
            vec!["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            sents("He said “yes.” Then he left."),
            vec!["He said “yes.”", "Then he left."]
        );
    }

    #[test]
    fn headlines_end_at_line_breaks() {
        assert_eq!(
            sents("India To Host Summit\nThe talks begin on Tuesday."),
            vec!["India To Host Summit", "The talks begin on Tuesday."]
        );
    }

    #[test]
    fn hard_wrapped_lines_stay_one_sentence() {
        assert_eq!(
            sents("The talks\nbegan on Tuesday."),
            vec!["The talks\nbegan on Tuesday."]
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("India"), Shape::Capitalized);
        assert_eq!(shape("NATO"), Shape::Upper);
        assert_eq!(shape("U.S."), Shape::Upper);
        assert_eq!(shape("iDEX"), Shape::Mixed);
        assert_eq!(shape("McDonald"), Shape::Capitalized);
        assert_eq!(shape("O'Connor"), Shape::Capitalized);
        assert_eq!(shape("D’Souza"), Shape::Capitalized);
        assert_eq!(shape("2016"), Shape::Digit);
        assert_eq!(shape("1,000"), Shape::Digit);
        assert_eq!(shape("F414"), Shape::Alnum);
        assert_eq!(shape("met"), Shape::Lower);
        assert_eq!(shape("—"), Shape::Punct);
        assert_eq!(shape("Türkiye"), Shape::Capitalized);
    }

    #[test]
    fn lookups() {
        let text = "Rajnath Singh met Austin. Then he left.";
        let doc = tokenize(text);
        assert_eq!(doc.token_starting_at(8), Some(1));
        assert_eq!(doc.token_ending_at(13), Some(1));
        assert_eq!(doc.token_starting_at(9), None);
        assert_eq!(doc.sentence_of(5), 1);
        assert_eq!(doc.sentence_at(27), 1);
        assert_eq!(doc.tokens_in(Span::new(0, 13)), 0..2);
    }

    #[test]
    fn invariants_hold_on_odd_input() {
        for text in [
            "\u{0}\u{1}é\u{301}x . . ..",
            "’’’s's",
            "\u{feff}A.B.C. d",
            "日本とインドは会談した。次に",
            "a\u{2028}b",
        ] {
            let doc = tokenize(text);
            let mut last = 0;
            for t in doc.tokens() {
                assert!(t.span.start >= last && t.span.end > t.span.start);
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                last = t.span.end;
            }
            let total: usize = doc.sentences().iter().map(|s| s.tokens.len()).sum();
            assert_eq!(total, doc.tokens().len());
        }
    }
}
