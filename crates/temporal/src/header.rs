//! The publication date that an article's own header gives, for texts that
//! come without one: a line of its own ("Published 22 April 2025",
//! "Updated: Apr 28, 2025 10:32 IST", "15.08.2024") among the first lines,
//! or the dateline that opens the first paragraph ("WASHINGTON, April 28,
//! 2025 -"). A date in a headline or in the story is no publication date.

use std::sync::LazyLock;

use regex::Regex;

use crate::vocab::{month_number, MONTHS};
use crate::Date;

/// How many lines (not counting blank ones) from the top may hold the
/// header: gov.uk's is title, summary, "From:", the ministries,
/// "Published" and the date, each on a line.
const HEADER_LINES: usize = 12;
/// A header line is at most this long, in bytes; of longer lines only the
/// first is read, for a dateline.
const HEADER_LINE_BYTES: usize = 100;
/// How far into the first paragraph a dateline's date may start.
const DATELINE_BYTES: usize = 60;

/// A full date: month name and day and year, either order, or ISO, or
/// day.month.year, or month/day/year.
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
    let month = format!("(?:{})", months.join("|"));
    let pattern = format!(
        r"(?i)\b(?:(?P<m1>{month})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{month})\.?,?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})|(?P<m5>\d{{1,2}})/(?P<d5>\d{{1,2}})/(?P<y5>\d{{4}}))(?:\b|T\d)"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("header date pattern: {e}"))
});

/// Words that say a line is a header's date line, besides the date.
const CUES: &[&str] = &[
    "published",
    "updated",
    "posted",
    "date",
    "dated",
    "modified",
    "created",
    "ist",
    "gmt",
    "utc",
    "edt",
    "est",
    "pst",
    "pdt",
    "cet",
    "cest",
    "bst",
    "jst",
    "kst",
    "wib",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "hrs",
    "|",
];

/// The publication date in the header of `text`, if it gives one.
///
/// ```
/// use tidings_temporal::{header_date, parse_date};
///
/// let text = "Press release\nPublished 22 April 2025\n\nThe Carrier Strike Group sailed today.";
/// assert_eq!(header_date(text), parse_date("2025-04-22"));
/// let text = "WASHINGTON, April 28, 2025 - The two ministers met on Monday to discuss arms sales.";
/// assert_eq!(header_date(text), parse_date("2025-04-28"));
/// // A date in a headline is what the story is about.
/// assert_eq!(header_date("Putin to visit India on December 4, 2025\nThe visit ..."), None);
/// ```
pub fn header_date(text: &str) -> Option<Date> {
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    // Only the first long line may open with a dateline; later ones are a
    // summary or the story.
    let mut first_long = true;
    for line in lines.take(HEADER_LINES) {
        if line.len() > HEADER_LINE_BYTES {
            if std::mem::take(&mut first_long) {
                if let Some(date) = dateline(line) {
                    return Some(date);
                }
            }
            continue;
        }
        let Some((m, date)) = first_date(line) else {
            continue;
        };
        let rest = format!("{} {}", &line[..m.start()], &line[m.end()..]);
        let words: Vec<String> = rest
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '–' | '—'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let cue = words.iter().any(|w| CUES.contains(&w.as_str()));
        if words.len() <= 3 || cue && words.len() <= 8 {
            return Some(date);
        }
        // A short first paragraph may open with a dateline too.
        if let Some(date) = dateline(line) {
            return Some(date);
        }
    }
    None
}

/// The date of the dateline that opens a first paragraph: near its start,
/// after words that are all capitalised or in parentheses ("NEW DELHI
/// (Reuters)"), the first not a preposition ("On April 28, 2025, ...").
fn dateline(line: &str) -> Option<Date> {
    let (m, date) = first_date(line)?;
    if m.start() > DATELINE_BYTES {
        return None;
    }
    let before = &line[..m.start()];
    // "On April 28, 2025, the two ..." is the story.
    let opening = before.split_whitespace().next().unwrap_or("");
    if before.trim().is_empty()
        || [
            "on", "in", "by", "since", "from", "until", "as", "at", "after", "before", "during",
        ]
        .contains(&opening.to_lowercase().as_str())
    {
        return None;
    }
    let mut depth = 0_i32;
    for word in before.split_whitespace() {
        let in_parens = depth > 0 || word.starts_with('(');
        depth += word.matches('(').count() as i32 - word.matches(')').count() as i32;
        if !in_parens && word.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
    }
    Some(date)
}

/// The first full date of `line` that is a real calendar date.
fn first_date(line: &str) -> Option<(regex::Match<'_>, Date)> {
    FULL_DATE.captures_iter(line).find_map(|c| {
        let whole = c.get(0)?;
        let num = |name: &str| c.name(name).and_then(|x| x.as_str().parse::<i32>().ok());
        let month = |name: &str| {
            c.name(name)
                .and_then(|x| month_number(x.as_str()))
                .map(i32::from)
        };
        let (y, m, d) = if let Some(y) = num("y1") {
            (y, month("m1")?, num("d1")?)
        } else if let Some(y) = num("y2") {
            (y, month("m2")?, num("d2")?)
        } else if let Some(y) = num("y3") {
            (y, num("m3")?, num("d3")?)
        } else if let Some(y) = num("y4") {
            (y, num("m4")?, num("d4")?)
        } else {
            // Month first, as in the United States, unless it cannot be.
            let (a, b) = (num("m5")?, num("d5")?);
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            (num("y5")?, m, d)
        };
        if !(1900..=2100).contains(&y) {
            return None;
        }
        let date = Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok()?;
        Some((whole, date))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<String> {
        header_date(text).map(|d| d.to_string())
    }

    #[test]
    fn header_lines_of_several_outlets() {
        let body = "\nThe two sides met on Tuesday and agreed to deepen their defence ties, officials said after the talks.";
        for (header, want) in [
            ("ANKARA\n15.08.2024", "2024-08-15"),
            ("Updated: Apr 28, 2025 10:32 IST", "2025-04-28"),
            ("By Reuters | April 28, 2025 | 10:32 AM", "2025-04-28"),
            ("Thursday, 13 February 2025", "2025-02-13"),
            ("2025-06-25T09:00:00Z", "2025-06-25"),
            ("From: Ministry of Defence\nPublished 22 April 2025", "2025-04-22"),
            (
                "Press release\n\nCarrier Strike Group sails\n\nThe UK's Carrier Strike Group sets off.\n\nFrom:\n\nMinistry of Defence and The Rt Hon John Healey MP\n\nPublished\n\n22 April 2025",
                "2025-04-22",
            ),
            ("04/28/2025", "2025-04-28"),
        ] {
            assert_eq!(at(&format!("{header}{body}")).as_deref(), Some(want), "{header}");
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(
            at("NEW DELHI (Reuters), 28 April 2025: India signed a deal on Monday to buy 26 jets from France.").as_deref(),
            Some("2025-04-28")
        );
        // A date later in the paragraph, or after words of the story, is
        // the story's.
        assert_eq!(at("India and France on Monday signed the deal, which replaces the one of April 28, 2016, for 36 jets and more."), None);
        assert_eq!(at("On June 19, 2024, Putin and Kim Jong Un signed a treaty on comprehensive strategic partnership."), None);
        // Nor is a one-line paragraph of the story.
        assert_eq!(at("The first paragraph of the story runs on for well over a hundred bytes, as first paragraphs do.\nThe treaty was signed on June 19, 2024."), None);
    }

    #[test]
    fn no_publication_date() {
        for text in [
            "",
            "N. Korea fires ICBM\nTOKYO, Oct. 31 (Kyodo) -- North Korea fired a ballistic missile on Thursday, Japan said.",
            "Putin to visit India on December 4, 2025\nThe visit ...",
            "Published 31 February 2025\nThe text.",
            "Published 1 January 1066\nThe text.",
        ] {
            assert_eq!(at(text), None, "{text}");
        }
    }
}
