//! Word tables: month, weekday and season names, number and ordinal words.
//!
//! The rule patterns are generated from these tables, and the normaliser reads
//! the matched words back through them, so a name is listed in one place only.

/// Month names and abbreviations with their month number. Longer forms come
/// first so that a regex alternation built from the list prefers them.
pub(crate) const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Number of full month names at the head of [`MONTHS`]; a month standing
/// alone must be spelled out ("Mar" alone is too often something else).
pub(crate) const FULL_MONTHS: usize = 12;

/// Weekday names, Monday = 1 as in ISO 8601.
pub(crate) const WEEKDAYS: &[(&str, i8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

/// Seasons and their TIMEX3 codes.
pub(crate) const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

/// Cardinal number words up to nineteen.
pub(crate) const UNITS: &[(&str, i64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Multiples of ten.
pub(crate) const TENS: &[(&str, i64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Ordinal words for days of the month.
pub(crate) const ORDINALS: &[(&str, i64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

/// Quantities without a number: "a few years ago", "several months".
pub(crate) const VAGUE_QUANTITIES: &[&str] = &[
    "a few",
    "a couple of",
    "a number of",
    "few",
    "several",
    "many",
    "some",
    "dozens of",
    "hundreds of",
];

/// A regex alternation of the given words, longest first, with spaces
/// allowed to be any run of whitespace.
pub(crate) fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = words.into_iter().collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v.iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Collapses whitespace and hyphens to single spaces and lowercases.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '-' || c == '–' {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The month number of a month name or abbreviation (any case, trailing dot allowed).
pub(crate) fn month_number(s: &str) -> Option<i8> {
    let f = fold(s);
    let f = f.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == f).map(|&(_, m)| m)
}

/// The ISO weekday number of a weekday name.
pub(crate) fn weekday_number(s: &str) -> Option<i8> {
    let f = fold(s);
    WEEKDAYS.iter().find(|(n, _)| *n == f).map(|&(_, d)| d)
}

/// The season code of a season name.
pub(crate) fn season_code(s: &str) -> Option<&'static str> {
    let f = fold(s);
    SEASONS.iter().find(|(n, _)| *n == f).map(|&(_, c)| c)
}

/// The value of a cardinal number written in digits or words ("24",
/// "twenty-four", "a"). `None` for vague quantities ("several") and for
/// anything unparseable or absurdly large.
pub(crate) fn number(s: &str) -> Option<i64> {
    let f = fold(s);
    if f.chars().all(|c| c.is_ascii_digit()) {
        return f.parse::<i64>().ok().filter(|n| *n < 1_000_000);
    }
    match f.as_str() {
        "a" | "an" | "one" => return Some(1),
        "a dozen" | "dozen" => return Some(12),
        "half a" => return None,
        _ => {}
    }
    let mut total = 0;
    let mut seen = false;
    for w in f.split(' ') {
        if let Some(&(_, n)) = UNITS.iter().find(|(u, _)| *u == w) {
            total += n;
        } else if let Some(&(_, n)) = TENS.iter().find(|(u, _)| *u == w) {
            total += n;
        } else {
            return None;
        }
        seen = true;
    }
    seen.then_some(total)
}

/// The value of a day written as digits, an ordinal ("21st") or an ordinal
/// word ("eighth", "twenty-first").
pub(crate) fn day_number(s: &str) -> Option<i64> {
    let f = fold(s);
    let digits: String = f.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let mut total = 0;
    for w in f.split(' ') {
        if let Some(&(_, n)) = ORDINALS.iter().find(|(u, _)| *u == w) {
            total += n;
        } else if let Some(&(_, n)) = TENS.iter().find(|(u, _)| *u == w) {
            total += n;
        } else {
            return None;
        }
    }
    Some(total)
}

/// The year of a year in digits ("1996") or spelled out ("nineteen
/// ninety-six", "two thousand and one").
pub(crate) fn year_number(s: &str) -> Option<i64> {
    let f = fold(s);
    if f.len() == 4 && f.chars().all(|c| c.is_ascii_digit()) {
        return f.parse().ok();
    }
    if let Some(rest) = f.strip_prefix("two thousand") {
        let rest = rest.trim_start().trim_start_matches("and").trim();
        return if rest.is_empty() {
            Some(2000)
        } else {
            number(rest).filter(|n| *n < 100).map(|n| 2000 + n)
        };
    }
    let (century, rest) = f.split_once(' ')?;
    let c = UNITS.iter().find(|(u, _)| *u == century)?.1;
    let rest = rest.trim();
    let yy = if rest == "hundred" {
        0
    } else if let Some(r) = rest.strip_prefix("oh ") {
        number(r)?
    } else {
        number(rest)?
    };
    (yy < 100).then_some(c * 100 + yy)
}

/// A regex fragment for the number words of [`number`].
pub(crate) fn number_pattern() -> String {
    let units = alternation(UNITS.iter().map(|(w, _)| *w));
    let tens = alternation(TENS.iter().map(|(w, _)| *w));
    format!(r"(?:(?:{tens})(?:[\s-](?:{units}))?|{units}|\d{{1,6}}(?:\.\d+)?|a\s+dozen|an?)")
}

/// A regex fragment for vague quantities.
pub(crate) fn vague_pattern() -> String {
    alternation(VAGUE_QUANTITIES.iter().copied())
}

/// A regex fragment for ordinal day words ("eighth", "twenty-first").
pub(crate) fn ordinal_pattern() -> String {
    let ords = alternation(ORDINALS.iter().map(|(w, _)| *w));
    format!(r"(?:(?:twenty|thirty)[\s-](?:{ords})|{ords})")
}

/// A regex fragment for spelled-out years.
pub(crate) fn spelled_year_pattern() -> String {
    let units = alternation(UNITS.iter().skip(1).take(9).map(|(w, _)| *w));
    let teens = alternation(UNITS.iter().skip(10).map(|(w, _)| *w));
    let tens = alternation(TENS.iter().map(|(w, _)| *w));
    format!(
        r"(?:(?:nineteen|eighteen)[\s-]+(?:(?:{tens})(?:[\s-](?:{units}))?|ten|{teens}|hundred|oh[\s-](?:{units}))|two\s+thousand(?:\s+and)?(?:[\s-]+(?:(?:{tens})(?:[\s-](?:{units}))?|ten|{teens}|{units}))?)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number("twenty-four"), Some(24));
        assert_eq!(number("a"), Some(1));
        assert_eq!(number("17"), Some(17));
        assert_eq!(number("several"), None);
        assert_eq!(number("99999999999999999999"), None);
        assert_eq!(day_number("twenty-first"), Some(21));
        assert_eq!(day_number("3rd"), Some(3));
        assert_eq!(year_number("nineteen ninety-six"), Some(1996));
        assert_eq!(year_number("two thousand"), Some(2000));
        assert_eq!(year_number("two thousand and one"), Some(2001));
        assert_eq!(year_number("1998"), Some(1998));
        assert_eq!(month_number("Sept."), Some(9));
    }
}

/// Words after which a year is still a date, not part of a name: months,
/// weekdays, seasons, holidays and fiscal words ("Christmas 2024",
/// "Spring 2025", "FY 2025").
pub(crate) fn is_temporal_word(lower: &str) -> bool {
    month_number(lower).is_some()
        || weekday_number(lower).is_some()
        || season_code(lower).is_some()
        || matches!(
            lower,
            "christmas"
                | "easter"
                | "ramadan"
                | "eid"
                | "diwali"
                | "hanukkah"
                | "thanksgiving"
                | "halloween"
                | "fy"
                | "fiscal"
                | "year"
                | "calendar"
                | "financial"
                | "budget"
                | "ad"
                | "bc"
                | "ce"
                | "bce"
                | "mid"
                | "early"
                | "late"
                | "end"
        )
}
