//! Regression checks on the project's corpora, scored with the project's own
//! scorer (`tidings-eval`):
//!
//! - the five fixture articles: every required gold date found, with the
//!   right value;
//! - TimeBank (`../shared/timebank` from the repository root, required; the
//!   test fails with a clear message when it is absent): DATE detection F1 and value accuracy at least 0.90.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::json;
use tidings_eval::{parse_document, score, MistakeKind, Part, Report};
use tidings_temporal::{parse_date, Tagger};
use tidings_tokenize::tokenize;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Tags every article of `dir` (with `articles/` and `gold/`) and scores it.
fn run(dir: &Path) -> Report {
    let tagger = Tagger::new();
    let mut golds = Vec::new();
    let mut preds = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(dir.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let id = path.file_stem().unwrap().to_string_lossy().to_string();
        let gold = parse_document(&fs::read_to_string(&path).unwrap()).unwrap();
        let mut text = fs::read_to_string(dir.join("articles").join(format!("{id}.txt"))).unwrap();
        // The caller blanks the " date YYYY-MM-DD" metadata prefix and
        // passes the date in.
        let mut dct = None;
        if text.starts_with(" date ") {
            dct = text.get(6..16).and_then(parse_date);
            if dct.is_some() {
                text.replace_range(0..16, &" ".repeat(16));
            }
        }
        let tokens = tokenize(&text);
        let dates: Vec<_> = tagger
            .tag(&text, &tokens, dct)
            .iter()
            .map(|t| {
                json!({"text": &text[t.span.range()], "value": t.value,
                       "type": t.kind.as_str(), "start": t.span.start, "end": t.span.end})
            })
            .collect();
        golds.push(gold);
        preds.push(parse_document(&json!({"id": id, "dates": dates}).to_string()).unwrap());
    }
    score(&golds, &preds)
}

fn mistakes(report: &Report, kinds: &[MistakeKind]) -> Vec<String> {
    report
        .documents
        .iter()
        .flat_map(|d| {
            d.mistakes
                .iter()
                .filter(|m| m.part == Part::Dates && kinds.contains(&m.kind))
                .map(move |m| format!("{} {:?} {}", d.id, m.kind, m.text))
        })
        .collect()
}

#[test]
fn fixtures_every_gold_date_with_its_value() {
    let report = run(&repo_root().join("fixtures"));
    let wrong = mistakes(
        &report,
        &[MistakeKind::FalseNegative, MistakeKind::WrongValue],
    );
    assert!(
        wrong.is_empty(),
        "fixture dates missed or wrong:\n{}",
        wrong.join("\n")
    );
    assert!(report.total.dates.tp >= 15);
}

#[test]
fn timebank_dates() {
    let dir = std::env::var_os("TIDINGS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"))
        .join("timebank");
    assert!(
        dir.join("gold").is_dir(),
        "no TimeBank at {}: this test needs the shared corpus beside the repository \
         (or TIDINGS_SHARED set to the folder that holds timebank/)",
        dir.display()
    );
    let report = run(&dir);
    let (d, v) = (&report.total.dates, &report.total.date_values);
    eprintln!(
        "TimeBank DATE: P {:.3} R {:.3} F1 {:.3}, value accuracy {:.3}",
        d.precision(),
        d.recall(),
        d.f1(),
        v.accuracy()
    );
    assert!(d.f1() >= 0.90, "detection F1 {:.3}", d.f1());
    assert!(v.accuracy() >= 0.90, "value accuracy {:.3}", v.accuracy());
}
