//! Scores the tagger on a folder of articles and gold dates (TimeBank or the
//! fixtures) with the project's own scorer, and prints the mistakes.
//!
//! ```text
//! cargo run --release -p tidings-temporal --example timebank -- ../shared/timebank [-q] [--bench]
//! ```
//!
//! `-q` prints only the totals; `--bench` also measures the tagger's
//! throughput; with the environment variable `SHOW` set, every date found is
//! printed with its value and rule.
//!
//! The folder holds `articles/<id>.txt` and `gold/<id>.json`. An article that
//! begins with ` date YYYY-MM-DD` has that prefix blanked to spaces and used as
//! the document date, as the pipeline does.

use std::fs;
use std::path::PathBuf;

use serde_json::json;
use tidings_eval::{parse_document, score, Part};
use tidings_temporal::{parse_date, Tagger, TimexKind};
use tidings_tokenize::tokenize;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "-q");
    let dir = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map_or_else(|| PathBuf::from("../shared/timebank"), PathBuf::from);
    let tagger = Tagger::new();
    let mut golds = Vec::new();
    let mut preds = Vec::new();
    let mut names: Vec<PathBuf> = fs::read_dir(dir.join("gold"))
        .expect("a gold/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    for gold_path in names {
        let id = gold_path.file_stem().unwrap().to_string_lossy().to_string();
        let gold_json = fs::read_to_string(&gold_path).unwrap();
        let gold = parse_document(&gold_json).expect("a gold document");
        let mut text = fs::read_to_string(dir.join("articles").join(format!("{id}.txt"))).unwrap();
        let mut dct = None;
        if text.starts_with(" date ") && text.len() >= 16 {
            dct = text.get(6..16).and_then(parse_date);
            if dct.is_some() {
                text.replace_range(0..16, &" ".repeat(16));
            }
        }
        let tokens = tokenize(&text);
        let found = tagger.tag(&text, &tokens, dct);
        let dates: Vec<_> = found
            .iter()
            .map(|t| {
                json!({"text": &text[t.span.range()], "value": t.value, "type": t.kind.as_str(),
                       "start": t.span.start, "end": t.span.end, "rule": t.rule})
            })
            .collect();
        if !quiet && std::env::var("SHOW").is_ok() {
            for t in &found {
                if t.kind == TimexKind::Date {
                    println!("  {id} {:?} {} {}", &text[t.span.range()], t.value, t.rule);
                }
            }
        }
        let pred = parse_document(&json!({"id": id, "dates": dates}).to_string()).unwrap();
        golds.push(gold);
        preds.push(pred);
    }
    if args.iter().any(|a| a == "--bench") {
        bench(&tagger, &dir);
    }
    let report = score(&golds, &preds);
    if !quiet {
        for doc in &report.documents {
            for m in &doc.mistakes {
                if m.part == Part::Dates {
                    println!("{:?}\t{}\t{}", m.kind, doc.id, m.text);
                }
            }
        }
    }
    let d = &report.total.dates;
    let v = &report.total.date_values;
    println!(
        "dates: tp {} fp {} fn {}  P {:.3} R {:.3} F1 {:.3}  value accuracy {:.3} ({}/{})",
        d.tp,
        d.fp,
        d.fn_,
        d.precision(),
        d.recall(),
        d.f1(),
        v.accuracy(),
        v.correct,
        v.total
    );
}

/// Tags every article ten times and prints the throughput.
fn bench(tagger: &Tagger, dir: &std::path::Path) {
    let texts: Vec<String> = fs::read_dir(dir.join("articles"))
        .unwrap()
        .filter_map(|e| fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    let tokens: Vec<_> = texts.iter().map(|t| tokenize(t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * 10;
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..10 {
        for (t, k) in texts.iter().zip(&tokens) {
            n += tagger.tag(t, k, parse_date("1998-02-19")).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "bench: {n} expressions, {:.1} MB/s",
        bytes as f64 / secs / 1e6
    );
}
