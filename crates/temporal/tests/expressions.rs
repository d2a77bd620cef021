//! Runs every row of `testdata/expressions.tsv`: a sentence, the expression
//! the tagger must find in it, the document date (or `none`), and the
//! expected TIMEX3 value and type. Every failing row is reported at once.

use tidings_temporal::{parse_date, Tagger};
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
        let dct = if dct == "none" {
            None
        } else {
            Some(parse_date(dct).expect("a valid dct"))
        };
        let tokens = tokenize(text);
        let found = tagger.tag(text, &tokens, dct);
        let hit = found.iter().find(|t| &text[t.span] == expr);
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
