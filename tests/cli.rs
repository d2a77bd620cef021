//! The command line: output shapes, the document date, and every kind of bad
//! input (a clear message naming the file, the others still processed, and
//! an exit code that says some failed).

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{root, temp_dir};

pub fn tidings(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("tidings runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn one_file_prints_one_document() {
    let fixture = root().join("fixtures/articles/003_9daa931a54f4c2db.txt");
    let out = tidings(&["extract", "--pretty", fixture.to_str().unwrap()], &root());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["id"], "003_9daa931a54f4c2db");
    assert_eq!(
        doc["dct"], "2023-06-05",
        "the ' date' first line is the document date"
    );
    assert!(
        stdout(&out).lines().count() > 10,
        "--pretty spreads the document over lines"
    );
}

#[test]
fn several_files_print_json_lines_in_order() {
    let out = tidings(&["extract", "fixtures/articles"], &root());
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, crate::common::fixture_ids());
}

#[test]
fn dct_flag_and_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["extract", "--dct", "2024-02-19", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"India and the US will meet on Tuesday.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["id"], "stdin");
    assert_eq!(doc["dct"], "2024-02-19");
    assert_eq!(doc["dates"][0]["value"], "2024-02-20");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_processed() {
    let dir = temp_dir("bad-inputs");
    std::fs::write(
        dir.join("good.txt"),
        "Defence Minister Rajnath Singh met Lloyd Austin.",
    )
    .unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 talks in Delhi").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255],
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("nothing-here")).unwrap();
    let out = tidings(
        &[
            "extract",
            "good.txt",
            "latin1.txt",
            "empty.txt",
            "binary.txt",
            "nothing-here",
            "missing.txt",
        ],
        &dir,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "some inputs failed: exit code 1"
    );
    let err = stderr(&out);
    for expected in [
        "latin1.txt: not valid UTF-8 (first bad byte at offset 3)",
        "empty.txt: empty article",
        "binary.txt: binary data, not text",
        "nothing-here: directory holds no .txt articles",
        "missing.txt: cannot read:",
    ] {
        assert!(err.contains(expected), "stderr lacks {expected:?}:\n{err}");
    }
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 1, "only the good article is printed");
    let doc: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(doc["id"], "good");
}

#[test]
fn too_large_input_is_refused() {
    let dir = temp_dir("too-large");
    std::fs::write(dir.join("big.txt"), "India ".repeat(100)).unwrap();
    let out = tidings(&["extract", "--max-bytes", "100", "big.txt"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("big.txt: article too large (600 bytes; the limit is 100"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn out_dir_gets_one_file_per_input() {
    let dir = temp_dir("out-dir");
    let out = tidings(
        &[
            "extract",
            "--out",
            dir.join("json").to_str().unwrap(),
            root().join("fixtures/articles").to_str().unwrap(),
        ],
        &dir,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let mut names: Vec<String> = std::fs::read_dir(dir.join("json"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected: Vec<String> = crate::common::fixture_ids()
        .iter()
        .map(|id| format!("{id}.json"))
        .collect();
    assert_eq!(names, expected, "no temporary files are left behind");
}

#[test]
fn usage_errors_exit_with_two() {
    let out = tidings(&["extract", "--dct", "19 Feb 2024", "x.txt"], &root());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--dct \"19 Feb 2024\" is not a date of the form YYYY-MM-DD"));
    let out = tidings(&["extract"], &root());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_broken_gazetteer_names_file_and_line() {
    let dir = temp_dir("broken-gazetteer");
    std::fs::write(
        dir.join("mine.tsv"),
        "# my list\nPLACE\tAtlantis\nplace\tMu\n",
    )
    .unwrap();
    std::fs::write(dir.join("a.txt"), "Atlantis").unwrap();
    let out = tidings(
        &[
            "extract",
            "--gazetteer",
            dir.join("mine.tsv").to_str().unwrap(),
            "a.txt",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("mine.tsv:3: label \"place\" must be upper-case"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_user_gazetteer_adds_entities() {
    let dir = temp_dir("user-gazetteer");
    std::fs::write(
        dir.join("mine.tsv"),
        "# my list\nORG\tZorblax Dynamics\tZorblax\tkind=company\n",
    )
    .unwrap();
    std::fs::write(dir.join("a.txt"), "Zorblax Dynamics won the contract.").unwrap();
    let out = tidings(
        &["extract", "--gazetteer", dir.to_str().unwrap(), "a.txt"],
        &dir,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["entities"][0]["name"], "Zorblax Dynamics");
    assert!(doc["entities"][0]["provenance"]["gazetteer"][0]
        .as_str()
        .unwrap()
        .ends_with("mine.tsv:2"));
}

#[test]
fn eval_scores_the_fixtures() {
    let out = tidings(
        &[
            "eval",
            "--gold",
            "fixtures/gold",
            "--articles",
            "fixtures/articles",
            "--json",
        ],
        &root(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 5);
    let table = tidings(
        &[
            "eval",
            "--gold",
            "fixtures/gold",
            "--articles",
            "fixtures/articles",
            "--errors",
            "--per-doc",
        ],
        &root(),
    );
    assert!(stdout(&table).contains("entities"));
}
