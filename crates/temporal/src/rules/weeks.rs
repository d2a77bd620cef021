//! "The week of June 10", "the last week of March": a week named by one
//! of its days, or by its place in a month.
//!
//! The rules tag "the week" or "the last week" (a week they cannot place,
//! or one counted back from today) and "June 10" or "March" apart; joined
//! by "of", the two are one expression: the ISO week of that day, or of
//! the month's first, second, third, fourth or last week.

use jiff::civil::Date;
use jiff::ToSpan;
use tidings_core::Span;

use crate::{Timex, TimexKind};

/// Joins each week expression that is followed by "of" and a day or month
/// into one expression (see the module docs). `out` is in text order and
/// stays so.
pub(super) fn join(text: &str, out: &mut Vec<Timex>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (week, of) = (&out[i], &out[i + 1]);
        let gap = text[week.span.end..of.span.start].trim();
        let dates = week.kind == TimexKind::Date && of.kind == TimexKind::Date;
        let words = text[week.span.range()].to_ascii_lowercase();
        let words = words.trim_start_matches("the ").trim();
        let day = match words.strip_suffix("week").map(str::trim) {
            Some(which) if dates && gap.eq_ignore_ascii_case("of") => day_in(which, &of.value),
            _ => None,
        };
        if let Some(day) = day {
            out[i] = Timex {
                span: Span::new(week.span.start, of.span.end),
                kind: TimexKind::Date,
                value: super::normalise::fmt_week(day),
                rule: "week_of",
            };
            out.remove(i + 1);
        }
        i += 1;
    }
    // "the first week of April": no rule tags "the first week" alone.
    for t in out.iter_mut() {
        if t.kind != TimexKind::Date || t.rule == "week_of" {
            continue;
        }
        let before = &text[..t.span.start];
        let Some(rest) = strip_word_end(before, "of") else {
            continue;
        };
        let Some(rest) = strip_word_end(rest, "week") else {
            continue;
        };
        let Some((which, rest)) = ["first", "second", "third", "fourth", "final", "last"]
            .iter()
            .find_map(|w| strip_word_end(rest, w).map(|r| (*w, r)))
        else {
            continue;
        };
        let Some(day) = day_in(which, &t.value) else {
            continue;
        };
        let start = strip_word_end(rest, "the").unwrap_or(rest).len();
        let start = start + (text[start..].len() - text[start..].trim_start().len());
        t.span = Span::new(start, t.span.end);
        t.value = super::normalise::fmt_week(day);
        t.rule = "week_of";
    }
}

/// `text` without the word `word` (any case) at its end, and the spaces
/// before that word; `None` when it does not end so.
fn strip_word_end<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let trimmed = text.trim_end();
    let cut = trimmed.len().checked_sub(word.len())?;
    let (head, tail) = (trimmed.get(..cut)?, trimmed.get(cut..)?);
    let boundary = head.is_empty() || head.ends_with(|c: char| c.is_whitespace());
    (tail.eq_ignore_ascii_case(word) && boundary).then(|| head.trim_end())
}

/// A day of the week that `which` ("", "first", ..., "last") names in the
/// day or month `value` ("2024-06-10", "2024-03").
fn day_in(which: &str, value: &str) -> Option<Date> {
    if let Ok(day) = value.parse::<Date>() {
        return which.is_empty().then_some(day);
    }
    let first: Date = format!("{value}-01").parse().ok()?;
    let nth = |n: i32| first.checked_add((7 * n).days()).ok();
    match which {
        "first" => Some(first),
        "second" => nth(1),
        "third" => nth(2),
        "fourth" => nth(3),
        "last" | "final" => Some(first.last_of_month()),
        _ => None,
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

    #[test]
    fn a_weeks_place_in_a_month_is_counted_from_its_first_or_last_day() {
        assert_eq!(day_in("last", "2024-03"), Some(Date::constant(2024, 3, 31)));
        assert_eq!(
            day_in("second", "2024-03"),
            Some(Date::constant(2024, 3, 8))
        );
        assert_eq!(day_in("", "2024-03"), None);
        assert_eq!(day_in("last", "2024-03-05"), None);
        let text = "It will be held in the last week of March.";
        let start = text.find("the last week").unwrap();
        let month = text.find("March").unwrap();
        let mut out = vec![
            Timex {
                span: Span::new(start, start + "the last week".len()),
                kind: TimexKind::Date,
                value: "2024-W05".into(),
                rule: "test",
            },
            Timex {
                span: Span::new(month, month + 5),
                kind: TimexKind::Date,
                value: "2024-03".into(),
                rule: "test",
            },
        ];
        join(text, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].value, "2024-W13");
        // "the first week" is not tagged alone: the month takes it in.
        let text = "They will meet in the first week of April.";
        let month = text.find("April").unwrap();
        let mut out = vec![Timex {
            span: Span::new(month, month + 5),
            kind: TimexKind::Date,
            value: "2025-04".into(),
            rule: "test",
        }];
        join(text, &mut out);
        assert_eq!(out[0].value, "2025-W14");
        assert_eq!(&text[out[0].span.range()], "the first week of April");
    }
}
