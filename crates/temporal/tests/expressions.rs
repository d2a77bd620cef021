//! Runs every row of `testdata/expressions.tsv`: a sentence, the expression
//! the tagger must find in it, the document date (or `none`), the expected
//! TIMEX3 value and type, and the tense of the clause (`past`, `future`,
//! `present`, or `-` when it shows none) that decides the direction of bare
//! weekdays and months. Every failing row is reported at once.

use tidings_temporal::{parse_date, tense_at, Tagger, Tense};
use tidings_tokenize::tokenize;

#[test]
fn expression_table() {
    // TEMPORAL_TSV points the harness at another table while developing rules.
    let table = match std::env::var("TEMPORAL_TSV") {
        Ok(path) => std::fs::read_to_string(path).expect("a readable table"),
        Err(_) => include_str!("../testdata/expressions.tsv").to_string(),
    };
    let scratch = std::env::var("TEMPORAL_TSV").is_ok();
    let tagger = Tagger::new();
    let mut failures = Vec::new();
    let mut rows = 0;
    for (n, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 5,
            "line {}: expected 5 tab-separated columns",
            n + 1
        );
        let (text, expr, dct, value, kind) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
        rows += 1;
        let tense = cols.get(5).copied().unwrap_or("");
        let dct = if dct == "none" {
            None
        } else {
            Some(parse_date(dct).expect("a valid dct"))
        };
        let tokens = tokenize(text);
        let found = tagger.tag(text, &tokens, dct);
        let hit = found.iter().find(|t| &text[t.span] == expr);
        if let (Some(t), Some(expected)) = (hit, parse_tense(tense)) {
            let first = tokens.token_starting_at(t.span.start).unwrap();
            let last = tokens.token_ending_at(t.span.end).unwrap() + 1;
            let got = tense_at(text, &tokens, first, last);
            if got != expected {
                failures.push(format!(
                    "line {}: {text:?}: tense {got:?}, expected {expected:?}",
                    n + 1
                ));
            }
        }
        match hit {
            Some(t) if t.value == value && t.kind.as_str() == kind => {}
            Some(t) => failures.push(format!(
                "line {}: {text:?}: {expr:?} = {} {} ({}), expected {value} {kind}",
                n + 1,
                t.value,
                t.kind.as_str(),
                t.rule
            )),
            None => {
                let got: Vec<String> = found
                    .iter()
                    .map(|t| format!("{:?}={}", &text[t.span], t.value))
                    .collect();
                failures.push(format!(
                    "line {}: {text:?}: {expr:?} not found; got {got:?}",
                    n + 1
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        scratch || rows >= 300,
        "the table should hold at least 300 rows, has {rows}"
    );
}

fn parse_tense(s: &str) -> Option<Tense> {
    match s {
        "past" => Some(Tense::Past),
        "future" => Some(Tense::Future),
        "present" => Some(Tense::Present),
        "-" => Some(Tense::Unknown),
        _ => None,
    }
}
