//! Pattern errors: messages and 1-based columns.

use tidings_pattern::Pattern;

/// Rows of (pattern, column, message prefix).
const ROWS: &[(&str, usize, &str)] = &[
    ("", 1, "empty pattern"),
    ("   ", 1, "empty pattern"),
    (r#"("a" "b""#, 1, "unclosed group"),
    (r#""a" ("b" ("c")"#, 5, "unclosed group"),
    (r#""a")"#, 4, "unmatched ')'"),
    (r#"()"#, 1, "empty group"),
    (r#""a" | | "b""#, 7, "empty alternative"),
    (r#""a" |"#, 6, "empty alternative"),
    (r#"| "a""#, 1, "empty alternative"),
    (r#""a"#, 1, "unterminated string"),
    (r#""""#, 1, "empty literal"),
    (r#""a" /b"#, 5, "unterminated regex"),
    (r#""a" /(/"#, 5, "invalid regex: "),
    (r#"//"#, 1, "empty regex"),
    (r#"[shape=Foo]"#, 8, "unknown shape \"Foo\""),
    (r#"[shape=Upper|Foo]"#, 14, "unknown shape \"Foo\""),
    (
        r#"[shape=Upper|colour="x"]"#,
        14,
        "unknown constraint \"colour\"",
    ),
    (r#"[colour="red"]"#, 2, "unknown constraint \"colour\""),
    (r#"[lower]"#, 7, "expected '=' after \"lower\""),
    (r#"[lower=met]"#, 8, "expected a \"string\" or /regex/"),
    (r#"[text=/(/]"#, 7, "invalid regex: "),
    (r#"[shape=Upper"#, 1, "unclosed bracket"),
    (r#"[shape=Upper "x"]"#, 14, "unexpected '\"' in constraint"),
    (r#"[shape=Upper &]"#, 15, "expected a constraint"),
    (r#"[(abbrev]"#, 2, "unclosed group"),
    (r#"[@]"#, 3, "expected an annotation label"),
    (r#"<>"#, 2, "expected an annotation label"),
    (r#"<ent:PERSON"#, 1, "unclosed '<'"),
    (r#"<ent PERSON>"#, 6, "unexpected 'P' in annotation label"),
    (r#"* "a""#, 1, "nothing to repeat"),
    (r#""a" | ?"#, 7, "nothing to repeat"),
    (r#""a"**"#, 5, "nothing to repeat"),
    (r#""a"{3,2}"#, 4, "invalid repetition bounds"),
    (r#""a"{1000}"#, 4, "repetition count too large"),
    (r#""a"{99999999999}"#, 5, "repetition count too large"),
    (r#""a"{2"#, 6, "expected '}'"),
    (r#"(?<>"a")"#, 4, "expected a capture name"),
    (r#"(?<x "a")"#, 5, "expected '>' after the capture name"),
    (r#"(?x"a")"#, 3, "unknown group kind"),
    (r#""a" # comment"#, 5, "unexpected '#'"),
    (r#""a" , "b""#, 5, "unexpected ','"),
    ("\"ä\" ß", 5, "unexpected 'ß'"),
];

#[test]
fn error_messages_and_columns() {
    for &(src, col, msg) in ROWS {
        let err = match Pattern::parse(src) {
            Ok(_) => panic!("{src:?} parsed"),
            Err(e) => e,
        };
        assert!(
            err.message().starts_with(msg) && err.column() == col,
            "{src:?}: got {} (column {}), want {msg:?} at column {col}",
            err.message(),
            err.column()
        );
        // Lower case apart from quoted user text.
        assert!(
            err.message().starts_with(|c: char| c.is_lowercase()),
            "{src:?}"
        );
        assert!(!err.message().ends_with('.'), "{src:?}");
        assert_eq!(
            err.to_string(),
            format!("column {}: {}", err.column(), err.message())
        );
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}\"a\"{}", "(".repeat(10_000), ")".repeat(10_000));
    let err = Pattern::parse(&deep).unwrap_err();
    assert_eq!(err.message(), "pattern nested too deeply");
    let deep = format!("[{}abbrev]", "!".repeat(10_000));
    assert!(Pattern::parse(&deep).is_err());
    let deep = format!("[{}abbrev{}]", "(".repeat(10_000), ")".repeat(10_000));
    assert!(Pattern::parse(&deep).is_err());
}

#[test]
fn garbage_never_panics() {
    // A cheap deterministic fuzz: every short string over the pattern alphabet.
    let alphabet: Vec<char> = "\"/[]<>()|&!?*+{}1,=@^$ a:#\\".chars().collect();
    let mut count = 0;
    let mut buf = Vec::new();
    fn rec(alphabet: &[char], buf: &mut Vec<char>, depth: usize, count: &mut usize) {
        let s: String = buf.iter().collect();
        if let Ok(p) = Pattern::parse(&s) {
            let seq = tidings_pattern::Sequence::from_words("a b a").with("a", 0..2, 0);
            let _ = p.find_iter(&seq);
        }
        *count += 1;
        if depth == 0 {
            return;
        }
        for &c in alphabet {
            buf.push(c);
            rec(alphabet, buf, depth - 1, count);
            buf.pop();
        }
    }
    rec(&alphabet, &mut buf, 3, &mut count);
    assert!(count > 10_000);
    for s in [
        "[shape=]", "[text=\"", "(?", "(?<", "(?<=", "{", "a{", "\"a\"{", "\"a\"{,}", "<*", "[@*]",
        "[start@]", "[end]", "/\\", "\"\\", "(?<x>)", "^$", "[!]", "[()]",
    ] {
        let _ = Pattern::parse(s);
    }
}

#[test]
fn documented_examples_parse() {
    for p in [
        r#"[shape=Capitalized & !@gaz:TITLE & !lower="the"]"#,
        r#"[(shape=Upper | abbrev) & !@ent:*]"#,
        r#"((?<party><ent:PLACE>) ("," | "and"))+ (?<party><ent:PLACE>)"#,
        r#"<*> <gaz:*> [start@ent:PERSON] [end@ent:PERSON] [space] [nospace]"#,
        r#"/(?i)\p{Lu}\d/ [text=/[A-Z]+/] "a"{1,3}? "b"+? "c"*? "d"?? (?:"e")"#,
        r#"^ (?= "a") (?! "b") (?<= "c") (?<! "d") $"#,
        r#"[shape=lower|Upper & lower="x"]"#,
    ] {
        if let Err(e) = Pattern::parse(p) {
            panic!("{p}: {e}");
        }
    }
    let e = Pattern::parse(r#""a" /(/"#).unwrap_err();
    assert_eq!(e.message(), "invalid regex: unclosed group");
}
