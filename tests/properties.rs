//! Any text can be processed: no panic, every span on char boundaries and
//! inside the text, and output that is valid JSON and reads back the same.
//! Inputs that once broke something are kept in `tests/regressions/` and
//! run first.

use proptest::prelude::*;
use tidings::{Document, Extractor};

use crate::common::{extractor, root};

fn check(extractor: &Extractor, text: &str) {
    let doc = extractor.extract(text, None);
    let inside = |start: usize, end: usize, what: &str| {
        assert!(
            start <= end && end <= text.len(),
            "{what} {start}..{end} outside the text"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what} {start}..{end} not on char boundaries"
        );
    };
    for e in &doc.entities {
        assert!(!e.mentions.is_empty(), "entity {} has no mention", e.name);
        for m in &e.mentions {
            inside(m.start, m.end, "mention");
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
    for d in &doc.dates {
        inside(d.start, d.end, "date");
        assert_eq!(&text[d.start..d.end], d.text);
    }
    for r in &doc.relations {
        inside(r.evidence.start, r.evidence.end, "relation evidence");
    }
    for ev in &doc.events {
        inside(ev.trigger_offsets.start, ev.trigger_offsets.end, "trigger");
        inside(ev.sentence.start, ev.sentence.end, "sentence");
    }
    let json = serde_json::to_string(&doc).expect("serialises");
    let back: Document = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(back, doc);
}

/// Text that looks like news: names, titles, dates, acronyms, punctuation.
fn newsish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "India",
        "the",
        "US",
        "U.S.",
        "Minister",
        "Rajnath",
        "Singh",
        "met",
        "signed",
        "(SOSA)",
        "Security",
        "of",
        "Supply",
        "Arrangement",
        "on",
        "Monday",
        "June",
        "21",
        "2024",
        "last",
        "year",
        "’s",
        "'s",
        ",",
        ".",
        "-",
        "—",
        "\u{a0}",
        "\n",
        "\r\n",
        "INDUS-X",
        "summit",
        "Defence",
        "Ministry",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "Jordan",
        "Austin",
        "visit",
        "to",
        "both",
        "sides",
        "2+2",
        "Dialogue",
        "Türkiye",
        "é",
        "日本",
        "@jakesullivan",
        "",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_string(text in "\\PC{0,300}") {
        check(extractor(), &text);
    }

    #[test]
    fn any_bytes_as_lossy_text(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(extractor(), &String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn news_like_text(text in newsish()) {
        check(extractor(), &text);
    }
}

#[test]
fn kept_regressions() {
    let dir = root().join("tests/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/regressions exists") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        check(extractor(), &String::from_utf8_lossy(&bytes));
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}
