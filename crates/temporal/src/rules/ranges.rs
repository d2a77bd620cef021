//! Ranges of days: the parts of "June 22-25", "from 10 to 14 February",
//! "March 3 to March 5, 2025" and "June 22 and 25 next year" that the rules
//! alone get wrong or miss.
//!
//! News writes a range once, with the month and the year on one end only.
//! The end that lacks them takes them from the other: a bare day after a
//! month-day date is a date in its month ("June 22-25"), a bare day before
//! a day-month date likewise ("10 to 14 February"), and a date whose year
//! was only inferred takes the year that the range states at its far end
//! ("March 3 to March 5, 2025", "June 22 and 25 next year").

use tidings_core::Span;
use tidings_tokenize::{Shape, Tokens};

use crate::{Timex, TimexKind};

/// The words and marks that join the two ends of a range.
const JOINS: &[&str] = &[
    "-", "–", "—", "to", "and", "through", "thru", "until", "till", "or",
];

/// Lower-case words that may follow the bare day that ends a range ("June
/// 22 to 25 in Delhi"); any other lower-case word makes the number a count
/// ("on June 22 and 25 soldiers ...").
const AFTER_DAY: &[&str] = &[
    "in",
    "at",
    "on",
    "of",
    "for",
    "with",
    "when",
    "as",
    "this",
    "next",
    "last",
    "the",
    "to",
    "from",
    "by",
    "during",
    "while",
    "after",
    "before",
    "amid",
    "where",
    "which",
    "that",
    "near",
    "under",
    "inclusive",
    "respectively",
    "and",
    "or",
    "but",
    "is",
    "was",
    "will",
    "are",
    "were",
];

/// Completes the ranges among `out` (timexes in text order, none
/// overlapping): adds the bare days that end or begin them and gives an
/// inferred year the year that the range states.
pub(super) fn complete(text: &str, tokens: &Tokens, out: &mut Vec<Timex>) {
    let toks = tokens.tokens();
    let word = |i: usize| toks.get(i).map(|t| &text[t.span]);
    let mut added = Vec::new();
    for i in 0..out.len() {
        let t = &out[i];
        let (Some(first), Some(last)) = (
            tokens.token_starting_at(t.span.start),
            tokens.token_ending_at(t.span.end),
        ) else {
            continue;
        };
        let Some((month, day)) = month_and_day(&t.value) else {
            continue;
        };
        let free = |span: Span, added: &[(usize, Timex)]| {
            let overlaps = |o: &Timex| o.span.start < span.end && span.start < o.span.end;
            !out.iter().any(overlaps) && !added.iter().any(|(_, o)| overlaps(o))
        };
        // "June 22-25", "June 22 to 25": a month-day date, a join, a day.
        if matches!(
            t.rule,
            "month_day" | "month_day_year" | "month_day_rel_year"
        ) && word(last + 1).is_some_and(is_join)
        {
            if let Some((span, d)) = bare_day(text, tokens, last + 2) {
                let after = word(last + 3);
                let ends_well = after.is_none_or(|w| {
                    !w.starts_with(|c: char| c.is_lowercase()) || AFTER_DAY.contains(&w)
                });
                if d > day && ends_well && free(span, &added) {
                    added.push((
                        i,
                        Timex {
                            span,
                            kind: TimexKind::Date,
                            value: format!("{month}-{d:02}"),
                            rule: "day_range_end",
                        },
                    ));
                }
            }
        }
        // "10 to 14 February": a day, a join, a day-month date.
        if matches!(t.rule, "day_month" | "day_month_year")
            && first >= 2
            && word(first - 1).is_some_and(is_join)
        {
            if let Some((span, d)) = bare_day(text, tokens, first - 2) {
                if d < day && free(span, &added) {
                    added.push((
                        i,
                        Timex {
                            span,
                            kind: TimexKind::Date,
                            value: format!("{month}-{d:02}"),
                            rule: "day_range_start",
                        },
                    ));
                }
            }
        }
    }
    // The year a range states at its far end: "June 22 and 25 next year",
    // "June 22-25, 2025". Both ends of a range whose month-day start had
    // its year inferred take it.
    for (i, end) in &mut added {
        let start = &out[*i];
        if end.rule != "day_range_end" || !matches!(start.rule, "month_day") {
            continue;
        }
        let Some(year) = stated_year_after(text, out, end.span.end) else {
            continue;
        };
        end.value = with_year(&end.value, &year);
        let value = with_year(&out[*i].value, &year);
        out[*i].value = value;
    }
    // Two dates joined into a range, the first with its year inferred.
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        if !matches!(a.rule, "month_day" | "day_month") {
            continue;
        }
        let stated = matches!(
            b.rule,
            "month_day_year" | "day_month_year" | "month_day_rel_year"
        );
        if !stated && b.rule != a.rule {
            continue;
        }
        let (Some(a_end), Some(b_start)) = (
            tokens.token_ending_at(a.span.end),
            tokens.token_starting_at(b.span.start),
        ) else {
            continue;
        };
        if b_start != a_end + 2 || !word(a_end + 1).is_some_and(is_join) {
            continue;
        }
        let (Some((a_month, a_day)), Some((b_month, b_day))) =
            (month_and_day(&a.value), month_and_day(&b.value))
        else {
            continue;
        };
        let year_of = |m: &str| m.get(..4).and_then(|y| y.parse::<i64>().ok());
        // A range crosses the new year when its end comes before its start.
        let crosses = (&a_month[5..], a_day) > (&b_month[5..], b_day);
        if stated {
            // "March 3 to March 5, 2025": the start takes the stated year.
            let Some(year) = year_of(b_month) else {
                continue;
            };
            let year = year - i64::from(crosses);
            out[i - 1].value = with_year(&a.value, &format!("{year:04}"));
        } else {
            // "from March 1 to March 5", both years inferred: the start's
            // clause decides (the "to" before the end alone would have sent
            // it to the coming March).
            let Some(year) = year_of(a_month) else {
                continue;
            };
            let year = year + i64::from(crosses);
            out[i].value = with_year(&b.value, &format!("{year:04}"));
        }
    }
    out.extend(added.into_iter().map(|(_, t)| t));
}

/// Whether a token joins the ends of a range.
fn is_join(word: &str) -> bool {
    JOINS.iter().any(|j| j.eq_ignore_ascii_case(word))
}

/// The day of month that token `i` is when it is a bare day number
/// ("25", "25th"), with its span.
fn bare_day(text: &str, tokens: &Tokens, i: usize) -> Option<(Span, i64)> {
    let t = tokens.tokens().get(i)?;
    if !matches!(t.shape, Shape::Digit | Shape::Alnum) {
        return None;
    }
    let w = &text[t.span];
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: i64 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some((t.span, d))
}

/// A day's value split into its month part and its day: "2024-06-22" is
/// ("2024-06", 22), "XXXX-06-22" is ("XXXX-06", 22).
fn month_and_day(value: &str) -> Option<(&str, i64)> {
    let (month, day) = value.rsplit_once('-')?;
    if month.len() != 7 || day.len() != 2 {
        return None;
    }
    Some((month, day.parse().ok()?))
}

/// The year stated right after byte `end` (only spaces or a comma
/// between): a year ("2025") or a relative year ("next year") that a
/// timex of `out` gives.
fn stated_year_after(text: &str, out: &[Timex], end: usize) -> Option<String> {
    let t = out.iter().find(|t| t.span.start >= end)?;
    let gap = &text[end..t.span.start];
    if !gap.chars().all(|c| c.is_whitespace() || c == ',') {
        return None;
    }
    let is_year = t.value.len() == 4 && t.value.bytes().all(|b| b.is_ascii_digit());
    (is_year && matches!(t.rule, "year" | "relative_unit")).then(|| t.value.clone())
}

/// `value` (a day) with its year replaced.
fn with_year(value: &str, year: &str) -> String {
    format!("{year}{}", &value[4..])
}

#[cfg(test)]
mod tests {
    use crate::{parse_date, Tagger};
    use tidings_tokenize::tokenize;

    fn dates(text: &str) -> Vec<(String, String)> {
        let tokens = tokenize(text);
        Tagger::new()
            .tag(text, &tokens, parse_date("2024-03-05"))
            .into_iter()
            .map(|t| (text[t.span].to_string(), t.value))
            .collect()
    }

    #[test]
    fn a_count_after_a_date_is_no_range_end() {
        let found = dates("On June 22 and 25 soldiers were killed, and 14 to 20 percent.");
        // (Past tense: last June.)
        assert_eq!(found, [("June 22".to_string(), "2023-06-22".to_string())]);
    }

    #[test]
    fn a_day_before_a_later_day_only() {
        // "30 to 14 February" is no range; "June 25 to 22" neither.
        let found = dates("It ran from 30 to 14 February, and June 25 to 22.");
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["14 February", "June 25"]);
    }

    #[test]
    fn a_stated_year_reaches_only_an_inferred_one() {
        // The start states its own year: the end's does not replace it.
        let found = dates("From June 22, 2023 to June 25, 2025.");
        assert_eq!(found[0].1, "2023-06-22");
    }
}
