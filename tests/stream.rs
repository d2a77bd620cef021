//! The JSON Lines stream mode: one result line per input line, in input
//! order, with an error line (id and reason) for each bad record.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(input: &[u8], args: &[&str]) -> (Vec<serde_json::Value>, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["extract", "--jsonl"])
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    (lines, out.status.code())
}

#[test]
fn every_bad_record_gets_an_error_line_and_the_rest_go_on() {
    let mut input = Vec::new();
    input.extend_from_slice(
        br#"{"id": "a", "text": "India and the US signed the BECA pact in 2020."}"#,
    );
    input.extend_from_slice(b"\n{not json}\n");
    input.extend_from_slice(br#"{"id": "c", "dct": "2024-02-19"}"#);
    input.extend_from_slice(b"\n{\"id\": \"d\", \"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(br#"{"id": "e", "text": "bin\u0000ary"}"#);
    input.extend_from_slice(b"\n");
    input.extend_from_slice(
        br#"{"id": "f", "text": "Modi met Biden on Monday.", "dct": "2023-06-07"}"#,
    );
    input.extend_from_slice(b"\n");
    input.extend_from_slice(
        format!("{{\"id\": \"g\", \"text\": \"{}\"}}\n", "x".repeat(5000)).as_bytes(),
    );
    input.extend_from_slice(br#"{"id": 7, "text": "Tokyo."}"#);
    input.extend_from_slice(b"\n   \n");
    input.extend_from_slice(br#"{"id": "k", "text": 5}"#);
    let (lines, code) = run(&input, &["--max-bytes", "4000"]);
    assert_eq!(code, Some(1), "failures are reported in the exit code");
    assert_eq!(lines.len(), 10, "one output line per input line");
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["entities"].as_array().unwrap().len() >= 3);
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["id"], "c");
    assert!(lines[2]["error"].as_str().unwrap().contains("no \"text\""));
    assert!(lines[3]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[4]["id"], "e");
    assert!(lines[4]["error"].as_str().unwrap().contains("binary"));
    assert_eq!(lines[5]["id"], "f");
    assert_eq!(lines[5]["dct"], "2023-06-07");
    assert!(lines[6]["error"].as_str().unwrap().contains("too large"));
    assert_eq!(lines[7]["id"], "7");
    assert_eq!(lines[8]["error"], "empty line");
    assert_eq!(
        lines[9]["id"], "k",
        "a field of the wrong type keeps the record's id"
    );
    assert!(lines[9]["error"].as_str().unwrap().contains("not a string"));
}

#[test]
fn order_is_kept_across_chunks_and_threads() {
    let mut input = String::new();
    for i in 0..700 {
        let text = if i % 3 == 0 {
            "Singh met Austin in Delhi on Friday."
        } else {
            "Nothing here."
        };
        input.push_str(&format!("{{\"id\": \"r{i}\", \"text\": \"{text}\"}}\n"));
    }
    let (lines, code) = run(input.as_bytes(), &["-j", "2"]);
    assert_eq!(code, Some(0));
    let ids: Vec<String> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..700).map(|i| format!("r{i}")).collect();
    assert_eq!(ids, expected);
}
