//! Finds date expressions in news text and normalises them to TIMEX3 values.
//!
//! The [`Tagger`] recognises absolute dates ("June 6, 2023", "6 June 2023",
//! "2023-06-06"), months, years, decades, seasons and quarters ("June of
//! 2021", "the 1990s", "Q3 2024", "fiscal 2025"), relative expressions
//! ("yesterday", "last Friday", "next week", "two years ago", "recently") and
//! anchored ones ("June 21 last year", "early next year"), and labels
//! durations ("two-day") and sets ("annual") as such. Relative expressions are
//! resolved against the document creation time; without one, against the
//! latest fully specified date earlier in the text (HeidelTime's narrative
//! mode), and failing that the unknown parts are written as `X`. The tense of
//! the clause decides whether a bare weekday or month points back or forward.
//! In a range of days the end that lacks the month or year takes it from
//! the other: "June 22-25", "from 10 to 14 February", "March 3 to March 5,
//! 2025", "June 22 and 25 next year" give two full dates each.
//!
//! ```
//! use tidings_temporal::{parse_date, Tagger, TimexKind};
//! use tidings_tokenize::tokenize;
//!
//! let tagger = Tagger::new();
//! let text = "The two sides met on Friday and will meet again next week, a year after the June 2023 visit.";
//! let tokens = tokenize(text);
//! let dates = tagger.tag(text, &tokens, parse_date("2024-02-19"));
//! let found: Vec<(&str, &str)> = dates.iter().map(|t| (&text[t.span], t.value.as_str())).collect();
//! assert_eq!(found[0], ("Friday", "2024-02-16"));
//! assert_eq!(found[1], ("next week", "2024-W09"));
//! assert_eq!(dates[2].kind, TimexKind::Duration);
//! assert_eq!(found[3], ("June 2023", "2023-06"));
//! ```
//!
//! Calendar arithmetic (weekdays, ISO weeks, month lengths) is done by
//! [`jiff`].

mod header;
mod rules;
mod tense;
mod vocab;

pub use header::header_date;
pub use jiff::civil::Date;
pub use tense::{tense_at, Tense};

use tidings_core::Span;
use tidings_tokenize::Tokens;

/// A temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte offsets into the text, on token boundaries.
    pub span: Span,
    /// What sort of expression it is.
    pub kind: TimexKind,
    /// The TIMEX3 value: "2024-02-20", "2024-W08", "PAST_REF", "P2D"...
    pub value: String,
    /// The name of the rule that found it, e.g. "month_day_year".
    pub rule: &'static str,
}

/// The TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexKind {
    /// A calendar date or period: a day, week, month, quarter, year, decade.
    Date,
    /// A time of day ("tonight", "this morning").
    Time,
    /// A length of time ("two-day", "four years").
    Duration,
    /// A recurrence ("annual", "every week").
    Set,
}

impl TimexKind {
    /// The TIMEX3 type name: "DATE", "TIME", "DURATION" or "SET".
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// The temporal tagger: compiled patterns, built once and shared between
/// threads.
pub struct Tagger {
    rules: rules::Rules,
}

impl Tagger {
    /// Compiles the patterns.
    pub fn new() -> Tagger {
        Tagger {
            rules: rules::Rules::new(),
        }
    }

    /// Finds the temporal expressions of `text` (tokenized as `tokens`),
    /// resolving relative ones against the document date `dct`.
    ///
    /// The result is sorted by start and free of overlaps. Never panics.
    pub fn tag(&self, text: &str, tokens: &Tokens, dct: Option<Date>) -> Vec<Timex> {
        self.rules.tag(text, tokens, dct)
    }
}

impl Default for Tagger {
    fn default() -> Tagger {
        Tagger::new()
    }
}

/// Parses a document date written `YYYY-MM-DD`; `None` if it is not a valid date.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let mut parts = s.splitn(3, '-');
    let y: i16 = parts.next()?.parse().ok()?;
    let m: i8 = parts.next()?.parse().ok()?;
    let d: i8 = parts.next()?.parse().ok()?;
    Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_document_dates() {
        assert_eq!(parse_date("2024-02-19"), Date::new(2024, 2, 19).ok());
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("junk"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(TimexKind::Duration.as_str(), "DURATION");
    }

    /// The texts of the timexes found in `text`.
    fn found(text: &str) -> Vec<&str> {
        let tokens = tidings_tokenize::tokenize(text);
        Tagger::new()
            .tag(text, &tokens, None)
            .iter()
            .map(|t| &text[t.span])
            .collect()
    }

    #[test]
    fn a_year_joined_to_a_name_is_no_date() {
        assert_eq!(
            found("Drills code-named Vostok-2018 and Northern/Interaction-2023 began in 2023."),
            ["2023"]
        );
        // ... or by a space to a name; a month, holiday or determiner
        // before it leaves it a date.
        assert_eq!(
            found(
                "Exercise Talisman Sabre 2025 and RIMPAC 2024 began. That 1978 resolution \
                 stands; Christmas 2024 was quiet. In 2019 it grew."
            ),
            ["1978", "Christmas 2024", "2019"]
        );
    }

    #[test]
    fn tagger_is_shareable() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }
}
