//! The scorer's tests: hand-made cases as data, a cross-check against the
//! independent Python reference (`scripts/score.py`), error reporting and
//! robustness.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use tidings_eval::{
    load_dir, load_path, parse_document, score, score_with_texts, Document, Report,
};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn workspace_dir() -> PathBuf {
    crate_dir().join("../..")
}

/// A case of `testdata/cases`: gold and predicted documents, optional article
/// texts, and the expected counts (a subset of the serialised report).
struct Case {
    name: String,
    gold: Vec<Value>,
    pred: Vec<Value>,
    texts: HashMap<String, String>,
    expect: Value,
}

fn cases() -> Vec<Case> {
    let mut files: Vec<PathBuf> = fs::read_dir(crate_dir().join("testdata/cases"))
        .expect("testdata/cases is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no cases in testdata/cases");
    files
        .into_iter()
        .map(|path| {
            let v: Value =
                serde_json::from_str(&fs::read_to_string(&path).expect("case is readable"))
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let list = |k: &str| v[k].as_array().cloned().unwrap_or_default();
            let texts = v["texts"]
                .as_object()
                .map(|t| {
                    t.iter()
                        .map(|(k, s)| (k.clone(), s.as_str().unwrap_or_default().to_owned()))
                        .collect()
                })
                .unwrap_or_default();
            Case {
                name: path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                gold: list("gold"),
                pred: list("pred"),
                texts,
                expect: v["expect"].clone(),
            }
        })
        .collect()
}

fn docs(values: &[Value]) -> Vec<Document> {
    values
        .iter()
        .map(|v| parse_document(&v.to_string()).expect("case document parses"))
        .collect()
}

/// Checks that every field of `expected` has the same value in `actual`.
fn check_subset(case: &str, path: &str, expected: &Value, actual: &Value) {
    match expected {
        Value::Object(fields) => {
            for (k, e) in fields {
                check_subset(
                    case,
                    &format!("{path}.{k}"),
                    e,
                    actual.get(k).unwrap_or(&Value::Null),
                );
            }
        }
        e => assert_eq!(e, actual, "case {case}: {path}"),
    }
}

#[test]
fn hand_made_cases_give_the_expected_counts() {
    for case in cases() {
        let report = score_with_texts(&docs(&case.gold), &docs(&case.pred), &case.texts);
        let actual = serde_json::to_value(&report).expect("report serialises");
        check_subset(&case.name, "report", &case.expect, &actual);
    }
}

#[test]
fn perfect_output_scores_one_everywhere() {
    let gold = load_dir(&workspace_dir().join("fixtures/gold")).expect("fixture gold loads");
    let report = score(&gold, &gold);
    let h = report.headline();
    for f in [
        h.entity_f1,
        h.date_f1,
        h.date_value_accuracy,
        h.relation_f1,
        h.event_f1,
        h.event_date_accuracy,
        h.event_arg_f1,
    ] {
        assert_eq!(f, 1.0, "{h:?}");
    }
    assert!(report.errors().is_empty(), "{}", report.errors());
}

#[test]
fn reports_are_readable() {
    let gold = parse_document(
        r#"{"id": "a", "entities": [{"type": "PERSON", "name": "Lloyd Austin"}],
            "dates": [{"text": "Tuesday", "value": "2024-02-20"}]}"#,
    )
    .unwrap();
    let pred = parse_document(
        r#"{"id": "a", "entities": [{"type": "PERSON", "name": "Austin"}],
            "dates": [{"text": "Tuesday", "value": "2024-02-21"}]}"#,
    )
    .unwrap();
    let report = score(&[gold], &[pred]);
    let table = report.table();
    assert!(
        table.contains("entities") && table.contains("  PERSON") && table.contains("date values"),
        "{table}"
    );
    let errors = report.errors();
    assert!(errors.contains("a\tentity fp\tPERSON Austin"), "{errors}");
    assert!(
        errors.contains("a\tentity fn\tPERSON Lloyd Austin"),
        "{errors}"
    );
    assert!(
        errors.contains("a\tdate value\t\"Tuesday\" = 2024-02-21, gold \"Tuesday\" = 2024-02-20"),
        "{errors}"
    );
    let per_doc = report.per_doc();
    assert_eq!(per_doc.lines().count(), 2, "{per_doc}");
    let row: Vec<&str> = per_doc.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(
        row,
        ["a", "0/1/1", "1/0/0", "0/1", "0/0/0", "0/0/0", "0/0", "0/0/0"],
        "{per_doc}"
    );
    let h = serde_json::to_value(report.headline()).unwrap();
    assert_eq!(h["entity_f1"], json!(0.0));
    assert_eq!(h["date_value_accuracy"], json!(0.0));
}

// ---------------------------------------------------------------- errors

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("eval")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

#[test]
fn errors_name_the_file_and_line() {
    let dir = scratch("errors");
    let jsonl = dir.join("pred.jsonl");
    fs::write(&jsonl, "{\"id\": \"a\"}\n\n{\"id\": \n").unwrap();
    let e = load_path(&jsonl).unwrap_err();
    assert_eq!(e.path(), Some(jsonl.as_path()));
    assert_eq!(e.line(), Some(3));
    let shown = e.to_string();
    assert!(
        shown.starts_with(&format!("{}:3: invalid json", jsonl.display())),
        "{shown}"
    );
    assert!(!shown.ends_with('.'), "{shown}");

    let no_id = dir.join("gold.json");
    fs::write(&no_id, r#"{"entities": []}"#).unwrap();
    let e = load_path(&no_id).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{}: the document has no string id", no_id.display())
    );

    let e = load_path(&dir.join("absent.json")).unwrap_err();
    assert!(
        e.to_string().contains("absent.json: cannot read file"),
        "{e}"
    );

    // A directory reports the first bad file by name.
    let e = load_dir(&dir).unwrap_err();
    assert_eq!(e.path(), Some(no_id.as_path()));
}

#[test]
fn load_path_reads_directories_json_and_jsonl() {
    let dir = scratch("load");
    fs::write(dir.join("b.json"), r#"{"id": "b"}"#).unwrap();
    fs::write(dir.join("a.json"), r#"[{"id": "a1"}, {"id": "a2"}]"#).unwrap();
    fs::write(dir.join("notes.txt"), "not json").unwrap();
    let ids = |d: Vec<Document>| d.into_iter().map(|d| d.id).collect::<Vec<_>>();
    assert_eq!(ids(load_path(&dir).unwrap()), ["a1", "a2", "b"]);
    fs::write(dir.join("all.jsonl"), "{\"id\": \"x\"}\r\n{\"id\": 7}\n").unwrap();
    assert_eq!(ids(load_path(&dir.join("all.jsonl")).unwrap()), ["x", "7"]);
}

#[test]
fn odd_input_never_panics() {
    let odd = [
        r#"{"id": "a", "entities": 5, "dates": [null, 1, "x", {"text": 3}], "events": [{"args": [1]}]}"#,
        r#"{"id": "a", "entities": [{"type": "PERSON", "name": "A", "mentions": [{"start": 99999, "end": 100000}]}]}"#,
        r#"{"id": "a", "dates": [{"text": "x", "start": 5, "end": 2}], "relations": [{"head": null}]}"#,
        r#"{"id": "a", "events": [{"type": "MEET", "args": {"participants": [null, 3, "A"]}, "evidence": [{"start": 0, "end": 1}]}]}"#,
        r#"{"id": "a", "scope": "dates", "ignore": [""], "error": null}"#,
    ];
    let gold = parse_document(
        r#"{"id": "a", "ignore": ["é", ""], "entities": [{"type": "PERSON", "name": "A"}],
            "dates": [{"text": "x", "value": []}], "events": [{"type": "MEET", "args": {"participants": ["A"]}}]}"#,
    )
    .unwrap();
    let texts = HashMap::from([("a".to_owned(), "héllo é A x".to_owned())]);
    for text in odd {
        let pred = parse_document(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let report = score_with_texts(std::slice::from_ref(&gold), &[pred], &texts);
        let _ = (
            report.table(),
            report.per_doc(),
            report.errors(),
            report.headline(),
        );
    }
    for bad in ["", "[]", "null", "{\"id\": []}", "{\"id\": \"a\", "] {
        assert!(parse_document(bad).is_err(), "{bad:?}");
    }
    // Deserialize goes through the same lenient reading.
    let via_serde: Document = serde_json::from_str(odd[0]).expect("lenient deserialize");
    assert_eq!(via_serde, parse_document(odd[0]).unwrap());
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Document>();
    check::<Report>();
    check::<tidings_eval::EvalError>();
    check::<tidings_eval::Headline>();
}

// ---------------------------------------------------------------- cross-check

/// Writes documents as a `.jsonl` file.
fn write_jsonl(path: &Path, docs: &[Value]) {
    let body: String = docs.iter().map(|d| format!("{d}\n")).collect();
    fs::write(path, body).expect("write jsonl");
}

/// Runs `scripts/score.py --json` and returns its counts.
fn python_counts(gold: &Path, pred: &Path, texts: Option<&Path>) -> Value {
    let script = workspace_dir().join("scripts/score.py");
    let mut cmd = Command::new("python3");
    cmd.arg(&script).arg("--json");
    if let Some(t) = texts {
        cmd.arg("--texts").arg(t);
    }
    let out = cmd.arg(gold).arg(pred).output().unwrap_or_else(|e| {
        panic!(
            "the cross-check needs python3 on the PATH to run {}: {e}",
            script.display()
        )
    });
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("score.py prints json")
}

/// The Rust counts in the shape `score.py --json` prints.
fn rust_counts(report: &Report) -> Value {
    let documents: serde_json::Map<String, Value> = report
        .documents
        .iter()
        .map(|d| (d.id.clone(), serde_json::to_value(&d.counts).unwrap()))
        .collect();
    json!({"total": report.total, "documents": documents})
}

fn cross_check(name: &str, gold: &[Value], pred: &[Value], texts: &HashMap<String, String>) {
    let dir = scratch(&format!("cross/{name}"));
    let (gold_path, pred_path) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
    write_jsonl(&gold_path, gold);
    write_jsonl(&pred_path, pred);
    let text_dir = dir.join("texts");
    fs::create_dir_all(&text_dir).unwrap();
    for (id, text) in texts {
        fs::write(text_dir.join(format!("{id}.txt")), text).unwrap();
    }
    let python = python_counts(&gold_path, &pred_path, Some(&text_dir));
    let report = score_with_texts(
        &load_path(&gold_path).expect("gold loads"),
        &load_path(&pred_path).expect("pred loads"),
        texts,
    );
    assert_eq!(
        rust_counts(&report),
        python,
        "{name}: the rust and python scorers disagree"
    );
}

#[test]
fn python_reference_agrees_on_the_hand_made_cases() {
    for case in cases() {
        cross_check(&case.name, &case.gold, &case.pred, &case.texts);
    }
}

fn fixture_gold() -> (Vec<Value>, HashMap<String, String>) {
    let dir = workspace_dir().join("fixtures");
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let gold: Vec<Value> = files
        .iter()
        .map(|f| serde_json::from_str(&fs::read_to_string(f).unwrap()).unwrap())
        .collect();
    let texts = gold
        .iter()
        .filter_map(|g| {
            let id = g["id"].as_str()?.to_owned();
            let text = fs::read_to_string(dir.join("articles").join(format!("{id}.txt"))).ok()?;
            Some((id, text))
        })
        .collect();
    (gold, texts)
}

#[test]
fn python_reference_agrees_on_the_fixtures_against_themselves() {
    let (gold, texts) = fixture_gold();
    cross_check("fixtures_self", &gold, &gold, &texts);
}

/// A deterministic corruption of a gold document, touching every rule:
/// dropped, renamed, retyped, split and invented entities; wrong, dropped,
/// widened, repeated and duration dates; dropped, reversed and invented
/// relations; redated, thinned, duplicated and dropped events; and items
/// placed inside ignore snippets.
fn perturb(doc: &Value, text: &str) -> Value {
    let mut d = doc.clone();
    let obj = d.as_object_mut().unwrap();
    obj.remove("ignore");
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();

    let mut entities = Vec::new();
    for (i, e) in list(&obj["entities"]).into_iter().enumerate() {
        let mut e = e;
        let aliases = list(&e["aliases"]);
        match i % 6 {
            1 => continue,
            2 if !aliases.is_empty() => e["name"] = aliases[0].clone(),
            3 => e["type"] = json!(if e["type"] == "ORG" { "PLACE" } else { "ORG" }),
            4 => {
                if let Some(last) = aliases.last() {
                    entities.push(json!({"type": e["type"], "name": last}));
                }
            }
            _ => {}
        }
        if let Some(at) = e["name"].as_str().and_then(|n| text.find(n)) {
            let end = at + e["name"].as_str().unwrap().len();
            e["mentions"] = json!([{"start": at, "end": end}]);
        }
        entities.push(e);
    }
    entities.push(json!({"type": "PERSON", "name": "Nobody In Particular"}));
    for snippet in list(&doc["ignore"]) {
        let s = snippet.as_str().unwrap_or_default();
        if let Some(at) = text.find(s).filter(|_| !s.is_empty()) {
            entities.push(
                json!({"type": "ORG", "name": s, "mentions": [{"start": at, "end": at + s.len()}]}),
            );
        }
    }
    obj.insert("entities".into(), Value::Array(entities));

    let mut dates = Vec::new();
    for (i, mut x) in list(&obj["dates"]).into_iter().enumerate() {
        match i % 5 {
            1 => x["value"] = json!("2099"),
            2 => continue,
            3 => x["text"] = json!(format!("early {}", x["text"].as_str().unwrap_or_default())),
            4 => dates.push(x.clone()),
            _ => {}
        }
        dates.push(x);
    }
    dates.push(json!({"text": "yesterday", "value": "2024-01-01"}));
    dates.push(json!({"text": "four-day", "value": "P4D", "type": "DURATION"}));
    obj.insert("dates".into(), Value::Array(dates));

    let mut relations = Vec::new();
    for (i, mut r) in list(&obj["relations"]).into_iter().enumerate() {
        match i % 4 {
            0 => continue,
            1 => {
                let head = r["head"].clone();
                r["head"] = r["tail"].clone();
                r["tail"] = head;
            }
            _ => {}
        }
        relations.push(r);
    }
    relations.push(json!({"type": "works_for", "head": "Nobody In Particular", "tail": "India"}));
    obj.insert("relations".into(), Value::Array(relations));

    let mut events = Vec::new();
    for (i, mut ev) in list(&obj["events"]).into_iter().enumerate() {
        match i % 5 {
            0 => ev["date"] = json!("2000"),
            1 => {
                if let Some(p) = ev["args"]["participants"].as_array_mut() {
                    p.pop();
                }
                if let Some(l) = ev["args"]["location"].as_array_mut() {
                    l.push(json!("Atlantis"));
                }
            }
            2 => events.push(ev.clone()),
            3 => continue,
            _ => {}
        }
        events.push(ev);
    }
    obj.insert("events".into(), Value::Array(events));
    d
}

#[test]
fn python_reference_agrees_on_perturbed_fixtures() {
    let (gold, texts) = fixture_gold();
    let mut pred: Vec<Value> = gold
        .iter()
        .map(|g| {
            perturb(
                g,
                texts
                    .get(g["id"].as_str().unwrap())
                    .map_or("", String::as_str),
            )
        })
        .collect();
    // One document missing, one failed.
    let failed = json!({"id": gold[0]["id"], "error": "cannot read input"});
    pred.pop();
    pred[0] = failed;
    cross_check("fixtures_perturbed", &gold, &pred, &texts);
    cross_check(
        "fixtures_perturbed_without_texts",
        &gold,
        &pred,
        &HashMap::new(),
    );
    // The perturbation must actually cost something, or the check is idle.
    let report = score(&docs(&gold), &docs(&pred));
    let t = &report.total;
    assert!(
        t.entities.fp > 0 && t.entities.fn_ > 0 && t.dates.fp > 0 && t.relations.fn_ > 0,
        "{t:?}"
    );
    assert!(
        t.date_values.correct < t.date_values.total && t.event_dates.correct < t.event_dates.total,
        "{t:?}"
    );
}
