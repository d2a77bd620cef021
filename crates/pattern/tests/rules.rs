//! Rule-file parsing: the happy path and every error kind with FILE:LINE:COL.

use tidings_pattern::{load_rules_dir, parse_rules, Sequence};

const GOOD: &str = "\
# People rules.

rule person.title_name                     # rule id
  pattern  [@gaz:TITLE]+ (?<name>[shape=Capitalized & !@gaz:TITLE]{1,3})   # trailing comment
  emit     PERSON name                      # kept verbatim
  title    1
  example  \"Foreign Secretary Vikram Misri said\" => PERSON \"Vikram Misri\"
  example  \"the secretary said\" => none
\t# an indented comment
rule relation.meet-2
\tpattern\t(?<a><ent:PERSON>) /met|meets?/ \"#1\" /a#b/ (?<b><ent:PERSON>)
\temit REL meet a b # comment
\tnote    keep \"quoted # hash\" and tag#1
\tflag
\tkinds PERSON/ORG # a slash inside a word does not open a regex
\texample Modi met Biden => MEET \"a => b\"
\texample \"say \\\"hi\\\" => x\" => ok
";

#[test]
fn parses_blocks_fields_and_examples() {
    let file = parse_rules("people.rules", GOOD).unwrap();
    assert_eq!(file.path, "people.rules");
    assert_eq!(file.rules.len(), 2);

    let r = &file.rules[0];
    assert_eq!(r.id, "person.title_name");
    assert_eq!(r.line, 3);
    assert_eq!(r.file, "people.rules");
    assert_eq!(
        r.pattern_src,
        "[@gaz:TITLE]+ (?<name>[shape=Capitalized & !@gaz:TITLE]{1,3})"
    );
    assert_eq!(r.pattern_line, 4);
    assert_eq!(r.field("emit"), Some("PERSON name"));
    assert_eq!(r.field("title"), Some("1"));
    assert_eq!(r.field("missing"), None);
    let keys: Vec<(&str, usize)> = r.fields.iter().map(|f| (f.key.as_str(), f.line)).collect();
    assert_eq!(keys, [("emit", 5), ("title", 6)]);
    assert_eq!(r.examples.len(), 2);
    assert_eq!(r.examples[0].text, "Foreign Secretary Vikram Misri said");
    assert_eq!(r.examples[0].expect, "PERSON \"Vikram Misri\"");
    assert_eq!(r.examples[0].line, 7);
    assert_eq!(r.examples[1].expect, "none");

    let r = &file.rules[1];
    assert_eq!(r.id, "relation.meet-2");
    // '#' inside quotes and regexes is not a comment.
    assert_eq!(
        r.pattern_src,
        "(?<a><ent:PERSON>) /met|meets?/ \"#1\" /a#b/ (?<b><ent:PERSON>)"
    );
    assert_eq!(r.field("emit"), Some("REL meet a b"));
    assert_eq!(r.field("note"), Some("keep \"quoted # hash\" and tag#1"));
    assert_eq!(r.field("flag"), Some(""));
    assert_eq!(r.field("kinds"), Some("PERSON/ORG"));
    assert_eq!(r.fields("emit").count(), 1);
    // Split on the last top-level "=>"; unquoted text stays as is.
    assert_eq!(r.examples[0].text, "Modi met Biden");
    assert_eq!(r.examples[0].expect, "MEET \"a => b\"");
    assert_eq!(r.examples[1].text, "say \"hi\" => x");
    assert_eq!(r.examples[1].expect, "ok");

    // The compiled pattern works.
    let seq =
        Sequence::from_words("Foreign Secretary Vikram Misri said").with("gaz:TITLE", 0..2, 0);
    let m = &file.rules[0].pattern.find_iter(&seq)[0];
    assert_eq!(m.get("name").unwrap().tokens, 2..4);
}

#[test]
fn crlf_and_empty_files() {
    let file = parse_rules("x.rules", "rule a\r\n  pattern \"x\"\r\n  emit X\r\n").unwrap();
    assert_eq!(file.rules[0].field("emit"), Some("X"));
    assert_eq!(file.rules[0].pattern_src, "\"x\"");
    assert!(parse_rules("x.rules", "").unwrap().rules.is_empty());
    let bom = parse_rules("x.rules", "\u{feff}rule a\n  pattern \"x\"\n").unwrap();
    assert_eq!(bom.rules[0].id, "a");
    assert!(parse_rules("x.rules", "# only\n\n   \n")
        .unwrap()
        .rules
        .is_empty());
}

/// Rows of (file contents, "LINE:COL: message" prefix).
const ERRORS: &[(&str, &str)] = &[
    ("rule a\n  emit X\n", "1:1: rule \"a\" has no pattern"),
    (
        "rule a\n  pattern \"x\"\nrule b\n",
        "3:1: rule \"b\" has no pattern",
    ),
    (
        "rule a\n  pattern \"x\"\n  pattern \"y\"\n",
        "3:3: rule \"a\" has a second pattern (first at line 2)",
    ),
    ("  pattern \"x\"\n", "1:3: line outside a rule block"),
    ("pattern \"x\"\n", "1:1: expected \"rule ID\""),
    ("rules a\n", "1:1: expected \"rule ID\""),
    ("rule\n", "1:5: missing rule id"),
    ("rule   # nothing\n", "1:5: missing rule id"),
    ("rule a/b\n", "1:6: bad rule id \"a/b\""),
    ("rule   é\n", "1:8: bad rule id \"é\""),
    ("rule a b\n", "1:8: unexpected text after the rule id"),
    (
        "rule a\n  pattern \"x\"\n\nrule a\n  pattern \"y\"\n",
        "4:6: duplicate rule id \"a\" (first at line 1)",
    ),
    (
        "rule a\n  pattern \"x\"\n  example no arrow\n",
        "3:11: malformed example: expected TEXT => EXPECTATION",
    ),
    (
        "rule a\n  pattern \"x\"\n  example \"text => x\n",
        "3:11: malformed example: unterminated string",
    ),
    (
        "rule a\n  pattern \"x\"\n  example => x\n",
        "3:11: malformed example",
    ),
    (
        "rule a\n  pattern \"x\"\n  example \"t\" =>\n",
        "3:11: malformed example",
    ),
    ("rule a\n  pattern\n", "2:10: empty pattern"),
    (
        "rule a\n  pattern   # only a comment\n",
        "2:13: empty pattern",
    ),
    (
        "rule a\n  pattern [shape=Foo]\n",
        "2:18: unknown shape \"Foo\"",
    ),
    (
        "rule a\n\tpattern\t\"é\" [shape=Foo]\n",
        "2:21: unknown shape \"Foo\"",
    ),
    ("rule a\n  pattern (\"x\"\n", "2:11: unclosed group"),
    (
        "rule a\n  pattern \"x\"\n  bad=key 1\n",
        "3:3: bad key \"bad=key\"",
    ),
];

#[test]
fn every_error_kind_has_file_line_col() {
    for &(src, want) in ERRORS {
        let err = match parse_rules("f.rules", src) {
            Ok(_) => panic!("{src:?} parsed"),
            Err(e) => e,
        };
        let shown = err.to_string();
        assert!(
            shown.starts_with(&format!("f.rules:{want}")),
            "{src:?}: got {shown:?}, want f.rules:{want}"
        );
        assert_eq!(err.file(), "f.rules");
        assert_eq!(
            shown,
            format!(
                "{}:{}:{}: {}",
                err.file(),
                err.line(),
                err.column(),
                err.message()
            )
        );
        assert!(!shown.ends_with('.'));
    }
}

#[test]
fn garbage_never_panics() {
    let pieces = [
        "rule", " ", "\t", "a", "\n", "pattern", "\"", "#", "=>", "example", "/", "\\", "é", "\r",
        "[", "(", "emit",
    ];
    // Deterministic pseudo-random concatenations.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..20_000 {
        let mut s = String::new();
        for _ in 0..(x % 24) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let _ = parse_rules("g.rules", &s);
    }
}

#[test]
fn loads_a_directory_sorted_by_path() {
    let dir = std::env::temp_dir().join(format!("tidings-pattern-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.rules"), "rule b\n  pattern \"b\"\n").unwrap();
    std::fs::write(dir.join("a.rules"), "rule a\n  pattern \"a\"\n").unwrap();
    std::fs::write(dir.join("sub/c.rules"), "rule c\n  pattern \"c\"\n").unwrap();
    std::fs::write(dir.join("notes.txt"), "not rules").unwrap();
    let files = load_rules_dir(&dir).unwrap();
    let ids: Vec<&str> = files.iter().map(|f| f.rules[0].id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(files[2].path.ends_with("c.rules"));

    std::fs::write(dir.join("sub/d.rules"), "rule d\n  emit X\n").unwrap();
    let err = load_rules_dir(&dir).unwrap_err();
    assert!(err.file().ends_with("d.rules"));
    assert_eq!((err.line(), err.column()), (1, 1));

    let err = load_rules_dir(&dir.join("missing")).unwrap_err();
    assert_eq!(err.line(), 0);
    assert!(err.message().starts_with(|c: char| c.is_lowercase()));
    let _ = std::fs::remove_dir_all(&dir);
}
