//! Table-driven tests of pattern matching, grouped by behaviour.

// Expected results are lists of token ranges; one-element lists are meant.
#![allow(clippy::single_range_in_vec_init)]

use std::ops::Range;

use tidings_pattern::{Annotation, Pattern, Sequence, Tok};
use tidings_tokenize::Shape;

/// A sequence of whitespace-separated words; annotation ids are their index.
fn seq<'a>(text: &'a str, anns: &[(&str, Range<usize>)]) -> Sequence<'a> {
    let mut s = Sequence::from_words(text);
    for (i, (label, r)) in anns.iter().enumerate() {
        s.push_annotation(Annotation::new(*label, r.clone(), i));
    }
    s
}

fn spans(p: &str, s: &Sequence<'_>) -> Vec<Range<usize>> {
    let pat = Pattern::parse(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    pat.find_iter(s).into_iter().map(|m| m.tokens).collect()
}

/// Rows of (pattern, text, annotations, expected find_iter spans).
macro_rules! find_table {
    ($name:ident { $( $pat:expr, $text:expr, [$($ann:expr),*] => [$($r:expr),*]; )* }) => {
        #[test]
        fn $name() {
            $(
                let s = seq($text, &[$($ann),*]);
                let want: Vec<Range<usize>> = vec![$($r),*];
                assert_eq!(spans($pat, &s), want, "pattern {:?} on {:?}", $pat, $text);
            )*
        }
    };
}

find_table!(literals {
    r#""met""#, "Modi met Biden and MET again", [] => [1..2, 4..5];
    r#""MET""#, "Modi met Biden", [] => [1..2];
    r#""held talks""#, "they held talks and held more talks", [] => [1..3];
    r#""held  talks" "with""#, "they held talks with us", [] => [1..4];
    r#""u.s.""#, "the U.S. said", [] => [1..2];
    r#""say\"s""#, "he say\"s", [] => [1..2];
    r#""x""#, "", [] => [];
});

find_table!(regexes {
    r#"/talks?/"#, "talk talks talked", [] => [0..1, 1..2];
    r#"/\d+/"#, "in 2016 and 20x", [] => [1..2];
    r#"/a\/b/"#, "a/b ab", [] => [0..1];
    r#"/met|meet/ "with""#, "met with meet with", [] => [0..2, 2..4];
    r#"/(?i)MET/"#, "met", [] => [0..1];
});

find_table!(constraints {
    r#"[text="India"]"#, "India india INDIA", [] => [0..1];
    r#"[lower="India"]"#, "India india INDIA", [] => [0..1, 1..2, 2..3];
    r#"[text=/[A-Z]+/]"#, "NATO Nato nato", [] => [0..1];
    r#"[lower=/n.*o/]"#, "NATO Nato nat", [] => [0..1, 1..2];
    r#"[shape=Capitalized]"#, "the Indian NATO", [] => [1..2];
    r#"[shape=Capitalized|Upper]"#, "the Indian NATO 2016", [] => [1..2, 2..3];
    r#"[shape=Digit | lower="the"]"#, "the Indian NATO 2016", [] => [0..1, 3..4];
    r#"[shape=Upper|Digit & lower=/2.*/]"#, "NATO 2016 3016", [] => [1..2];
    r#"[(shape=Upper|shape=Digit) & lower=/2.*/]"#, "NATO 2016 3016", [] => [1..2];
    r#"[!shape=Lower]"#, "a B c", [] => [1..2];
    r#"[!!shape=Lower]"#, "a B c", [] => [0..1, 2..3];
    r#"[shape=Capitalized & !@gaz:TITLE & !lower="the"]"#, "The Minister Jaishankar spoke", [("gaz:TITLE", 1..2)] => [2..3];
    r#"[]"#, "a b", [] => [0..1, 1..2];
    r#"[ ]"#, "a", [] => [0..1];
    r#"[shape=punct]"#, "a , b", [] => [1..2];
});

#[test]
fn abbrev_and_space_constraints() {
    let toks = vec![
        Tok::new("Dr.", Shape::Capitalized, true, false),
        Tok::new("Rao", Shape::Capitalized, false, true),
        Tok::new(",", Shape::Punct, false, false),
    ];
    let s = Sequence::new(toks, vec![]);
    let find = |p: &str| spans(p, &s);
    assert_eq!(find("[abbrev]"), [0..1]);
    assert_eq!(find("[space]"), [1..2]);
    assert_eq!(find("[nospace]"), [0..1, 2..3]);
    assert_eq!(find("[nospace & shape=Punct]"), [2..3]);
    assert_eq!(find("[abbrev] [space & !abbrev]"), [0..2]);
}

find_table!(annotations {
    "[@gaz:TITLE]", "Foreign Secretary Misri", [("gaz:TITLE", 0..2)] => [0..1, 1..2];
    "[@gaz:TITLE]+", "Foreign Secretary Misri", [("gaz:TITLE", 0..2)] => [0..2];
    "[@gaz:*]+", "Foreign Secretary in Delhi", [("gaz:TITLE", 0..2), ("gaz:PLACE", 3..4)] => [0..2, 3..4];
    "[@gaz:TITLE]", "Foreign Secretary", [("gaz:TITLES", 0..2)] => [];
    "[start@ent:PERSON]", "Vikram Misri said", [("ent:PERSON", 0..2)] => [0..1];
    "[end@ent:PERSON]", "Vikram Misri said", [("ent:PERSON", 0..2)] => [1..2];
    "<ent:PERSON>", "Vikram Misri said", [("ent:PERSON", 0..2)] => [0..2];
    "<ent:PERSON> \"said\"", "Vikram Misri said", [("ent:PERSON", 0..2)] => [0..3];
    "<gaz:*>", "New Delhi said", [("gaz:PLACE", 0..2)] => [0..2];
    "<*>", "New Delhi said", [("x", 2..3)] => [2..3];
    "<date>", "on Monday", [("ent:PERSON", 1..2)] => [];
    // Two annotations start at "New": both are alternatives, the longest wins
    // unless only the shorter lets the rest match.
    "<gaz:PLACE>", "New York City", [("gaz:PLACE", 0..2), ("gaz:PLACE", 0..3)] => [0..3];
    "<gaz:PLACE> \"city\"", "New York City", [("gaz:PLACE", 0..2), ("gaz:PLACE", 0..3)] => [0..3];
    // Out-of-range and empty annotations are tolerated.
    "<x>", "a b", [("x", 1..9), ("x", 0..0)] => [1..2];
});

#[test]
fn annotation_capture_reports_the_chosen_annotation() {
    let s = seq(
        "New York City said",
        &[("gaz:PLACE", 0..2), ("gaz:PLACE", 0..3)],
    );
    let p = Pattern::parse(r#"(?<p><gaz:PLACE>) "city""#).unwrap();
    let m = p.match_at(&s, 0).unwrap();
    assert_eq!(m.get("p").unwrap().annotation, Some(0));
    let p = Pattern::parse(r#"(?<p><gaz:PLACE>)"#).unwrap();
    assert_eq!(
        p.match_at(&s, 0).unwrap().get("p").unwrap().annotation,
        Some(1)
    );
    // Not exactly one <label>: no annotation id.
    let p = Pattern::parse(r#"(?<p><gaz:PLACE> "said")"#).unwrap();
    assert_eq!(
        p.match_at(&s, 0).unwrap().get("p").unwrap().annotation,
        None
    );
}

find_table!(quantifiers {
    r#""a"?"b""#, "a b b", [] => [0..2, 2..3];
    r#""a"*"#, "a a b a", [] => [0..2, 3..4];
    r#""a"+ "b""#, "a a b a b b", [] => [0..3, 3..5];
    r#""a"{2}"#, "a a a a a", [] => [0..2, 2..4];
    r#""a"{2,3}"#, "a a a a a", [] => [0..3, 3..5];
    r#""a"{2,}"#, "a a a a a b a", [] => [0..5];
    r#""a"{0,1} "b""#, "b a b", [] => [0..1, 1..3];
    r#""a"*? "b""#, "a a b", [] => [0..3];
    r#"("a" "b")+"#, "a b a b a", [] => [0..4];
    r#""held talks"?"with""#, "held talks with", [] => [0..3];
    r#"[]{1,3}"#, "a b c d", [] => [0..3, 3..4];
    // Matches must cover a token: an optional-only pattern reports nothing on a miss.
    r#""x"?"#, "a b", [] => [];
});

find_table!(alternation {
    r#""a" | "b""#, "a b c", [] => [0..1, 1..2];
    r#""a" | "a" "b""#, "a b", [] => [0..2];
    r#"("met" | "spoke to") <ent:PERSON>"#, "Modi spoke to Joe Biden", [("ent:PERSON", 3..5)] => [1..5];
    r#"("x" | /y+/ | [shape=Digit])+"#, "x yy 12 z", [] => [0..3];
});

find_table!(anchors {
    r#"^ [shape=Capitalized]"#, "Modi met Biden", [] => [0..1];
    r#"[shape=Capitalized] $"#, "Modi met Biden", [] => [2..3];
    r#"^ []+ $"#, "a b c", [] => [0..3];
    r#"^ "b""#, "a b", [] => [];
});

find_table!(lookaround {
    r#"[shape=Capitalized] (?= "said")"#, "Misri said Modi met", [] => [0..1];
    r#"[shape=Capitalized] (?! "said")"#, "Misri said Modi met", [] => [2..3];
    r#"(?<= "minister") [shape=Capitalized]"#, "minister Rao and Modi", [] => [1..2];
    r#"(?<! "minister") [shape=Capitalized]"#, "minister Rao and Modi", [] => [3..4];
    r#"(?<= "prime minister") [shape=Capitalized]"#, "prime minister Modi and minister Rao", [] => [2..3];
    r#"(?<= ^ "a") "b""#, "a b a b", [] => [1..2];
    r#"[] (?= $)"#, "a b", [] => [1..2];
    r#"(?! "the") [shape=Lower]+"#, "the cat sat", [] => [1..3];
});

#[test]
fn lookaround_sees_outside_the_match() {
    let s = seq("minister Rao", &[]);
    let p = Pattern::parse(r#"(?<= "minister") []"#).unwrap();
    assert_eq!(p.match_at(&s, 1).unwrap().tokens, 1..2);
    assert!(p.match_at(&s, 0).is_none());
}

#[test]
fn captures() {
    let s = seq(
        "Foreign Secretary Vikram Misri said",
        &[("gaz:TITLE", 0..2)],
    );
    let p =
        Pattern::parse("[@gaz:TITLE]+ (?<name>[shape=Capitalized & !@gaz:TITLE]{1,3})").unwrap();
    let m = &p.find_iter(&s)[0];
    assert_eq!(m.tokens, 0..4);
    assert_eq!(m.get("name").unwrap().tokens, 2..4);
    assert_eq!(m.get("name").unwrap().annotation, None);
    assert!(m.get("other").is_none());
    assert_eq!(p.capture_names(), ["name"]);

    // Nested captures: ordered by start, outer first.
    let p = Pattern::parse(r#"(?<all>(?<first>[]) (?<rest>[]+))"#).unwrap();
    let m = p.match_at(&s, 0).unwrap();
    let got: Vec<(&str, Range<usize>)> = m
        .captures
        .iter()
        .map(|c| (&*c.name, c.tokens.clone()))
        .collect();
    assert_eq!(got, [("all", 0..5), ("first", 0..1), ("rest", 1..5)]);

    // Lazy quantifiers change captures, not the extent of the match.
    let p = Pattern::parse(r#"(?<a>[]*?) (?<b>[]*)"#).unwrap();
    let m = p.match_at(&s, 0).unwrap();
    assert_eq!(m.tokens, 0..5);
    assert_eq!(m.get("a").unwrap().tokens, 0..0);
    assert_eq!(m.get("b").unwrap().tokens, 0..5);

    // Captures in a branch not taken are absent.
    let p = Pattern::parse(r#"(?<x>"nope") | (?<y>"foreign")"#).unwrap();
    let m = p.match_at(&s, 0).unwrap();
    assert!(m.get("x").is_none());
    assert_eq!(m.get("y").unwrap().tokens, 0..1);

    // A capture in a positive lookahead is reported.
    let p = Pattern::parse(r#""secretary" (?=(?<next>[]))"#).unwrap();
    let m = p.match_at(&s, 1).unwrap();
    assert_eq!(m.tokens, 1..2);
    assert_eq!(m.get("next").unwrap().tokens, 2..3);
}

#[test]
fn repeated_captures() {
    let s = seq(
        "India , Japan and Australia signed",
        &[
            ("ent:PLACE", 0..1),
            ("ent:PLACE", 2..3),
            ("ent:PLACE", 4..5),
        ],
    );
    let p =
        Pattern::parse(r#"((?<party><ent:PLACE>) ("," | "and"))+ (?<party><ent:PLACE>)"#).unwrap();
    let m = p.match_at(&s, 0).unwrap();
    assert_eq!(m.tokens, 0..5);
    let parties: Vec<(Range<usize>, Option<usize>)> = m
        .all("party")
        .map(|c| (c.tokens.clone(), c.annotation))
        .collect();
    assert_eq!(parties, [(0..1, Some(0)), (2..3, Some(1)), (4..5, Some(2))]);
    assert_eq!(m.get("party").unwrap().tokens, 0..1);
}

#[test]
fn find_iter_is_leftmost_longest_and_non_overlapping() {
    let s = seq("a b a b b a", &[]);
    let p = Pattern::parse(r#""a" "b"+"#).unwrap();
    let got: Vec<_> = p.find_iter(&s).into_iter().map(|m| m.tokens).collect();
    assert_eq!(got, [0..2, 2..5]);
    // Longest at a start even when a shorter alternative comes first.
    let p = Pattern::parse(r#""a" | "a" "b" "a""#).unwrap();
    let got: Vec<_> = p.find_iter(&s).into_iter().map(|m| m.tokens).collect();
    assert_eq!(got, [0..3, 5..6]);
    // find_all reports the longest match at every start, overlapping.
    let p = Pattern::parse(r#"[]{2}"#).unwrap();
    let got: Vec<_> = p.find_all(&s).into_iter().map(|m| m.tokens).collect();
    assert_eq!(got, [0..2, 1..3, 2..4, 3..5, 4..6]);
    assert!(p.match_at(&s, 5).is_none());
    assert!(p.match_at(&s, 99).is_none());
    assert!(p.is_match(&s));
}

#[test]
fn stale_index_is_noticed() {
    let mut s = seq("New Delhi", &[]);
    let p = Pattern::parse("<gaz:PLACE>").unwrap();
    assert!(p.find_iter(&s).is_empty());
    // Edited through the public field, without reindex().
    s.annotations.push(Annotation::new("gaz:PLACE", 0..2, 0));
    assert_eq!(p.find_iter(&s).len(), 1);
}

#[test]
fn pathological_patterns_terminate() {
    let words = vec!["a"; 200].join(" ");
    let s = seq(&words, &[("x", 0..200), ("x", 0..100)]);
    let started = std::time::Instant::now();
    for p in [
        r#"([]*)*"#,
        r#"("a"*)* "b""#,
        r#"("a" | "a" | []?)* "b""#,
        r#"(([]+)+)+ $"#,
        r#"((?<x>[]*)*)* "b""#,
        r#"((?<= []* ) []*)* "b""#,
        r#"((?<! ([]*)* "b") [])* "b""#,
        r#"(<x> | [] | <x>)* "b""#,
        r#"([]{0,100}){0,9} "b""#,
    ] {
        let pat = Pattern::parse(p).unwrap();
        let t = std::time::Instant::now();
        let _ = pat.find_iter(&s);
        let _ = pat.find_all(&s);
        eprintln!("{p}: {:?}", t.elapsed());
    }
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
    // Too big to unroll: refused, not compiled into something huge.
    assert!(Pattern::parse(r#"([]{0,100}){0,20}"#).is_err());
}

#[test]
fn hundred_rules_over_a_sentence_are_fast() {
    let words = "Foreign Secretary Vikram Misri held talks with his counterpart in New Delhi on Monday , officials said , adding that India and Japan signed three agreements worth $ 2 billion including a defence pact and a 5G deal , the ministry said in a statement late on Monday";
    let s = seq(
        words,
        &[
            ("gaz:TITLE", 0..2),
            ("gaz:PLACE", 10..12),
            ("date", 13..14),
            ("ent:PLACE", 20..21),
            ("ent:PLACE", 22..23),
        ],
    );
    assert!(s.len() >= 40);
    let pats: Vec<Pattern> = [
        "[@gaz:TITLE]+ (?<name>[shape=Capitalized & !@gaz:TITLE]{1,3})",
        r#"(?<a><ent:PLACE>) "and" (?<b><ent:PLACE>) /signs?|signed/"#,
        r#""held talks" "with" []{0,3} (?<place>"in" <gaz:PLACE>)?"#,
        r#"(?<= "on") <date>"#,
        r#"[shape=Capitalized]+ (?= "said")"#,
        r#"((?<party><ent:PLACE>) ("," | "and"))+ (?<party><ent:PLACE>)"#,
        r#"/\$|rs\.?/ [shape=Digit] /million|billion/?"#,
        r#"[lower=/def.*/ | shape=Alnum] "deal"?"#,
        r#"^ [shape=Capitalized & !@gaz:*]"#,
        r#"[]* "officials" "said""#,
    ]
    .iter()
    .map(|p| Pattern::parse(p).unwrap())
    .collect();
    // Warm up (the index is built once per sequence).
    for p in &pats {
        p.find_iter(&s);
    }
    let rounds = 20;
    let started = std::time::Instant::now();
    for _ in 0..rounds {
        for _ in 0..10 {
            for p in &pats {
                std::hint::black_box(p.find_iter(&s));
            }
        }
    }
    let per_round = started.elapsed() / rounds;
    eprintln!("100 rules over {} tokens: {per_round:?}", s.len());
    // The target is well under 1 ms in release builds; debug builds are
    // ~10-30x slower, so only catch gross regressions here.
    assert!(per_round.as_millis() < 50, "100 rules took {per_round:?}");
}

#[test]
fn pattern_is_send_sync_clone() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Pattern>();
    let p = Pattern::parse(r#""a""#).unwrap();
    assert_eq!(p.clone().as_str(), r#""a""#);
    assert_eq!(p.to_string(), r#""a""#);
}

#[test]
fn sequence_from_tokenizer() {
    let text = "Dr. Rao met U.S. officials.";
    let toks = tidings_tokenize::tokenize(text);
    let s = Sequence::from_tokens(text, toks.tokens());
    assert_eq!(s.tokens[0].text, "Dr.");
    assert!(s.tokens[0].abbrev);
    assert_eq!(s.tokens[3].lower, "u.s.");
    let p = Pattern::parse(r#"[abbrev] [shape=Capitalized] "met""#).unwrap();
    assert_eq!(p.find_iter(&s)[0].tokens, 0..3);
}

/// Literal alternations in regexes are matched by set lookup; this must be
/// exactly what the regex would do, case and all.
#[test]
fn literal_regexes_keep_regex_semantics() {
    let s = seq("US us U.S. corp corp. Corp talk talks", &[]);
    assert_eq!(spans(r#"[text=/US|UK/]"#, &s), [0..1]);
    assert_eq!(spans(r#"/us|uk/"#, &s), [0..1, 1..2]);
    assert_eq!(spans(r#"/u\.s\./"#, &s), [2..3]);
    assert_eq!(
        spans(r#"[lower=/corp\.?/ & shape=Lower]"#, &s),
        [3..4, 4..5]
    );
    assert_eq!(spans(r#"/talks?/"#, &s), [6..7, 7..8]);
    // Not a plain alternation: still the regex engine.
    assert_eq!(spans(r#"/u.s./"#, &s), [2..3]);
    assert_eq!(spans(r#"/(?i)CORP/"#, &s), [3..4, 5..6]);
}

/// The prefilters skip starts where no match can begin (first tokens) or
/// that lie after the last place a required element occurs; matches must
/// not change, whatever leads the pattern.
#[test]
fn prefilters_do_not_change_matches() {
    let anns = [("ent:PERSON", 0..2), ("date", 5..6), ("ent:PERSON", 6..7)];
    let s = seq("Vikram Misri met Biden on Monday Kishida and talks", &anns);
    let cases: &[(&str, &[std::ops::Range<usize>])] = &[
        (r#""met" []"#, &[2..4]),
        (r#"(?<!"x") "met""#, &[2..3]),
        (r#"[]* "met""#, &[0..3]),
        (r#"[]*? <ent:PERSON>"#, &[0..7]),
        (r#"^? [shape=Capitalized]+ "met""#, &[0..3]),
        (r#"("on" | <date>)+"#, &[4..6]),
        (r#"<ent:PERSON> []* "talks""#, &[0..9]),
        (r#"[] "and" | "talks""#, &[6..8, 8..9]),
        (r#"(?="met") []"#, &[2..3]),
        (r#"$ "x" | "and""#, &[7..8]),
        (r#""missing"? "met""#, &[2..3]),
        (r#"[@date] [] "and""#, &[5..8]),
    ];
    for (p, want) in cases {
        assert_eq!(spans(p, &s), *want, "{p}");
    }
}

/// Scratch buffers are reused between calls on one thread: results must
/// not depend on which patterns ran before over which sequences.
#[test]
fn results_do_not_depend_on_earlier_calls() {
    let long: String = (0..60)
        .map(|i| if i % 7 == 3 { "met" } else { "Word" })
        .collect::<Vec<_>>()
        .join(" ");
    let seqs = [
        seq(&long, &[("x", 3..9), ("y", 10..11)]),
        seq("a met b", &[("x", 0..1)]),
        seq("met", &[]),
    ];
    let pats: Vec<Pattern> = [
        r#"[shape=Capitalized]{1,3} "met""#,
        r#"<x> []? "met""#,
        r#"(?<=[@x]) "met" (?![@y])"#,
        r#"[!@x & lower=/met|a/]+"#,
    ]
    .iter()
    .map(|p| Pattern::parse(p).unwrap())
    .collect();
    let run = |order: &[(usize, usize)]| -> Vec<Vec<Range<usize>>> {
        let mut out = vec![Vec::new(); pats.len() * seqs.len()];
        for &(p, s) in order {
            out[p * seqs.len() + s] = pats[p]
                .find_all(&seqs[s])
                .into_iter()
                .map(|m| m.tokens)
                .collect();
        }
        out
    };
    let forward: Vec<(usize, usize)> = (0..pats.len())
        .flat_map(|p| (0..seqs.len()).map(move |s| (p, s)))
        .collect();
    let mut backward = forward.clone();
    backward.reverse();
    let mixed: Vec<(usize, usize)> = (0..seqs.len())
        .flat_map(|s| (0..pats.len()).map(move |p| (p, s)))
        .collect();
    let want = run(&forward);
    assert_eq!(run(&backward), want);
    assert_eq!(run(&mixed), want);
    // And on another thread, with fresh buffers.
    let other = std::thread::scope(|sc| sc.spawn(|| run(&mixed)).join().unwrap());
    assert_eq!(other, want);
}
