//! The tagger must never panic and must keep its output invariants on any
//! input: empty text, invalid dates, huge numbers, any Unicode, extreme
//! document dates.

use tidings_temporal::{Date, Tagger, Timex};
use tidings_tokenize::tokenize;

fn check(tagger: &Tagger, text: &str, dct: Option<Date>) -> Vec<Timex> {
    let tokens = tokenize(text);
    let out = tagger.tag(text, &tokens, dct);
    let mut last_end = 0;
    for t in &out {
        assert!(
            t.span.start >= last_end,
            "overlap or disorder in {text:?}: {out:?}"
        );
        assert!(t.span.start < t.span.end);
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(
            tokens.token_starting_at(t.span.start).is_some(),
            "not on a token start: {t:?}"
        );
        assert!(
            tokens.token_ending_at(t.span.end).is_some(),
            "not on a token end: {t:?}"
        );
        assert!(!t.value.is_empty());
        last_end = t.span.end;
    }
    out
}

const ODD: &[&str] = &[
    "",
    " ",
    "\n\n\t",
    "February 30, 2024",
    "February 30",
    "the 31st of April",
    "2024-13-45",
    "2024-02-30",
    "13/45/2024",
    "99/99/99",
    "99999999999999999999 years ago",
    "123456789012 days ago, 1e99 weeks later",
    "9999999999-01-01",
    "Q9 2024 and 5Q",
    "the 99th century and the 0th century",
    "FY99999",
    "日本とインドは2023年6月に会談した。",
    "Встреча состоялась в понедельник, 5 июня 2023 года.",
    "Juneé 5, 2023 and ÉJune 2023 and June\u{301} 5",
    "Mayday May May May",
    "\u{feff}June 5\u{200b}, 2023",
    "June 22–25, and 30-31 June",
    "the 1990s' and '90s and the '00s",
    "nineteen hundred and two thousand and ninety-nine",
    "last last last year year ago ago",
    "a a a a few few days ago",
    "😀 Monday 😀 next 😀 week 😀",
    "Dec. 32, Jan. 0, Feb. 29, 2023, Feb. 29, 2024",
];

#[test]
fn odd_inputs_do_not_panic() {
    let tagger = Tagger::new();
    let dcts = [
        None,
        Date::new(2024, 2, 29).ok(),
        Some(Date::MIN),
        Some(Date::MAX),
        Date::new(1, 1, 1).ok(),
    ];
    for text in ODD {
        for dct in dcts {
            check(&tagger, text, dct);
        }
    }
}

#[test]
fn invalid_dates_are_not_reported_as_dates() {
    let tagger = Tagger::new();
    let out = check(
        &tagger,
        "They met on February 30, 2024 and on 2024-13-45.",
        None,
    );
    assert!(
        out.iter()
            .all(|t| !t.value.starts_with("2024-02-30") && !t.value.contains("13-45")),
        "{out:?}"
    );
}

#[test]
fn pseudo_random_text_does_not_panic() {
    let tagger = Tagger::new();
    let pieces = [
        "June", "5", ",", " ", "2023", "-", "last", "next", "year", "ago", "Monday", "the",
        "1990s", "é", "日", "Q3", "fiscal", "'", ".", "\n", "mid", "week", "twenty", "-", "first",
        "of", "May", "days", "€", "2024-02-", "31", "summer", "quarter", "FY", "/",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if seed % 3 == 0 {
                text.push(' ');
            }
        }
        check(&tagger, &text, Date::new(2024, 2, 19).ok());
        check(&tagger, &text, None);
    }
}

#[test]
fn large_input_is_tagged_whole() {
    let tagger = Tagger::new();
    let para = "On Monday, June 5, 2023, the ministers met in Delhi and said they will meet again next week. \
                Trade grew in the 1990s, and the two-day summit in fiscal 2025 is planned for the third quarter. ";
    let text = para.repeat(2000);
    // Speed is measured by the benchmark, not asserted here.
    let out = check(&tagger, &text, Date::new(2023, 6, 5).ok());
    assert!(out.len() >= 2000 * 6, "{}", out.len());
}

#[test]
fn february_29_only_in_leap_years() {
    let tagger = Tagger::new();
    // 2023 has no February 29: no value may name one.
    let out = check(
        &tagger,
        "They met on Feb. 29 and again on Feb. 29 last year.",
        Date::new(2024, 3, 1).ok(),
    );
    assert!(out.iter().all(|t| t.value != "2023-02-29"), "{out:?}");
    let out = check(&tagger, "They met on Feb. 29.", Date::new(2023, 3, 1).ok());
    assert!(
        out.iter().all(|t| !t.value.ends_with("-02-29")
            || t.value.starts_with("2020")
            || t.value.starts_with("2024")),
        "{out:?}"
    );
}
