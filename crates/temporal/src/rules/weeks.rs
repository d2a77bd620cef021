//! "The week of June 10": a week named by one of its days.
//!
//! The rules tag "the week" (a week they cannot place) and "June 10" (a
//! day) apart; joined by "of", the two are one expression, the ISO week of
//! that day.

use jiff::civil::Date;
use tidings_core::Span;

use crate::{Timex, TimexKind};

/// Joins each "(the) week" that is followed by "of" and a day into one
/// expression: the week of that day. `out` is in text order and stays so.
pub(super) fn join(text: &str, out: &mut Vec<Timex>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (week, day) = (&out[i], &out[i + 1]);
        let named = text[week.span.range()]
            .to_ascii_lowercase()
            .trim_start_matches("the ")
            .trim()
            == "week";
        let gap = text[week.span.end..day.span.start].trim();
        let date = (week.kind == TimexKind::Date && day.kind == TimexKind::Date)
            .then(|| day.value.parse::<Date>().ok())
            .flatten();
        match date {
            Some(date) if named && gap.eq_ignore_ascii_case("of") => {
                out[i] = Timex {
                    span: Span::new(week.span.start, day.span.end),
                    kind: TimexKind::Date,
                    value: super::normalise::fmt_week(date),
                    rule: "week_of",
                };
                out.remove(i + 1);
            }
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timex(text: &str, part: &str, value: &str) -> Timex {
        let start = text.find(part).unwrap();
        Timex {
            span: Span::new(start, start + part.len()),
            kind: TimexKind::Date,
            value: value.into(),
            rule: "test",
        }
    }

    /// "The week" and "June 10" in `text`, joined.
    fn joined(text: &str) -> Vec<Timex> {
        let mut out = vec![
            timex(text, "The week", "2024-WXX"),
            timex(text, "June 10", "2024-06-10"),
        ];
        join(text, &mut out);
        out
    }

    #[test]
    fn the_week_of_a_day_is_its_iso_week() {
        let text = "The week of June 10 was busy.";
        let out = joined(text);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].value, "2024-W24");
        assert_eq!(&text[out[0].span.range()], "The week of June 10");
        // A week and a day not joined by "of" stay apart.
        assert_eq!(joined("The week after June 10 was busy.").len(), 2);
    }
}
