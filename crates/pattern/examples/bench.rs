//! A benchmark of the matcher over the real rule files and real text.
//!
//! ```text
//! cargo run --release -p tidings-pattern --example bench -- [ARTICLES_DIR] [RULES_DIR] [ROUNDS] [RULE_ID_PART]
//! ```
//!
//! Tokenizes every `*.txt` file of `ARTICLES_DIR` (default `/tmp/prof`, then
//! `fixtures/articles`), splits it into sentences, adds plausible
//! annotations (titles, countries, dates, given names, people and
//! organisations) and runs every rule of `RULES_DIR` (default `rules`) over
//! every sentence with `find_iter`, `ROUNDS` times (default 5); with
//! `RULE_ID_PART`, only the rules whose id contains it. Prints the
//! time per round, the throughput and a checksum of all matches, which must
//! not change when the matcher is optimised.

use std::path::{Path, PathBuf};
use std::time::Instant;

use tidings_pattern::{load_rules_dir, Annotation, Sequence, Tok};
use tidings_tokenize::Shape;

const TITLES: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "prime",
    "foreign",
    "defence",
    "defense",
    "ambassador",
    "chancellor",
    "external",
    "affairs",
    "chief",
    "general",
    "premier",
    "deputy",
    "vice",
    "king",
    "envoy",
    "spokesperson",
];
const COUNTRIES: &[&str] = &[
    "india",
    "japan",
    "china",
    "france",
    "germany",
    "australia",
    "russia",
    "us",
    "u.s.",
    "uk",
    "pakistan",
    "indonesia",
    "vietnam",
    "singapore",
    "brazil",
    "canada",
    "italy",
    "spain",
    "israel",
    "iran",
    "egypt",
    "korea",
    "philippines",
    "malaysia",
    "thailand",
    "bangladesh",
    "nepal",
    "ukraine",
];
const PLACES: &[&str] = &[
    "delhi",
    "tokyo",
    "beijing",
    "paris",
    "washington",
    "moscow",
    "london",
    "canberra",
    "jakarta",
    "mumbai",
];
const DATES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "yesterday",
    "today",
];
const GIVEN: &[&str] = &[
    "narendra", "vikram", "s.", "rajnath", "antony", "emmanuel", "joe", "xi", "fumio", "anthony",
    "penny", "richard", "john", "david", "james", "li", "sergey", "vladimir", "olaf",
];
const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "council",
    "agency",
    "university",
    "institute",
    "commission",
    "organisation",
    "organization",
];

fn label_runs(seq: &mut Vec<Annotation>, toks: &[Tok<'_>], words: &[&str], labels: &[&str]) {
    let mut i = 0;
    while i < toks.len() {
        if words.contains(&toks[i].lower.as_ref()) {
            let start = i;
            while i < toks.len() && words.contains(&toks[i].lower.as_ref()) {
                i += 1;
            }
            for l in labels {
                seq.push(Annotation::new(*l, start..i, start));
            }
        } else {
            i += 1;
        }
    }
}

fn annotate<'t>(toks: Vec<Tok<'t>>, first: bool) -> Sequence<'t> {
    let mut anns = Vec::new();
    label_runs(&mut anns, &toks, TITLES, &["gaz:TITLE"]);
    label_runs(
        &mut anns,
        &toks,
        COUNTRIES,
        &["gaz:PLACE", "kind:country", "ent:PLACE", "ent:country"],
    );
    label_runs(&mut anns, &toks, PLACES, &["gaz:PLACE", "ent:PLACE"]);
    label_runs(&mut anns, &toks, DATES, &["date"]);
    label_runs(&mut anns, &toks, GIVEN, &["gaz:GIVEN_NAME"]);
    // People: a given name followed by capitalised words, or capitalised
    // words after a title.
    let cap = |i: usize| toks.get(i).is_some_and(|t| t.shape == Shape::Capitalized);
    let mut i = 0;
    while i < toks.len() {
        let after_title = i > 0 && TITLES.contains(&toks[i - 1].lower.as_ref());
        if cap(i) && (GIVEN.contains(&toks[i].lower.as_ref()) || after_title) && cap(i + 1) {
            let start = i;
            i += 1;
            while cap(i) && i - start < 3 {
                i += 1;
            }
            anns.push(Annotation::new("ent:PERSON", start..i, start));
        } else {
            i += 1;
        }
    }
    // Organisations: "Ministry of X", "X University".
    for (i, t) in toks.iter().enumerate() {
        if ORG_HEADS.contains(&t.lower.as_ref()) && t.shape == Shape::Capitalized {
            let mut end = i + 1;
            if toks.get(end).is_some_and(|t| t.lower == "of") && cap(end + 1) {
                end += 2;
            }
            let mut start = i;
            while start > 0 && cap(start - 1) {
                start -= 1;
            }
            anns.push(Annotation::new("ent:ORG", start..end, i));
            anns.push(Annotation::new("gaz:ORG", start..end, i));
        }
    }
    if first {
        anns.push(Annotation::new("line:title", 0..toks.len(), 0));
    }
    Sequence::new(toks, anns)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let articles = args.first().map(PathBuf::from).unwrap_or_else(|| {
        let prof = PathBuf::from("/tmp/prof");
        if prof.is_dir() {
            prof
        } else {
            PathBuf::from("fixtures/articles")
        }
    });
    let rules_dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("rules"));
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let only = args.get(3).cloned();

    let mut rules = Vec::new();
    for sub in ["entities", "events", "relations"] {
        let dir = rules_dir.join(sub);
        let dir = if dir.is_dir() { dir } else { rules_dir.clone() };
        for file in load_rules_dir(Path::new(&dir)).expect("rules load") {
            rules.extend(
                file.rules
                    .into_iter()
                    .filter(|r| only.as_ref().is_none_or(|o| r.id.contains(o.as_str()))),
            );
        }
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&articles)
        .expect("articles dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("article"))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let tokenized: Vec<_> = texts
        .iter()
        .map(|t| tidings_tokenize::tokenize(t))
        .collect();
    let mut seqs = Vec::new();
    for (text, toks) in texts.iter().zip(&tokenized) {
        for (k, s) in toks.sentences().iter().enumerate() {
            let words: Vec<Tok<'_>> = toks.tokens()[s.tokens.clone()]
                .iter()
                .filter_map(|t| Tok::from_token(text, t))
                .collect();
            seqs.push(annotate(words, k == 0));
        }
    }
    let n_tokens: usize = seqs.iter().map(Sequence::len).sum();
    let n_anns: usize = seqs.iter().map(|s| s.annotations.len()).sum();
    println!(
        "{} rules, {} articles ({} bytes), {} sentences, {} tokens, {} annotations",
        rules.len(),
        texts.len(),
        bytes,
        seqs.len(),
        n_tokens,
        n_anns
    );

    let mut per_rule = vec![0f64; rules.len()];
    let mut best = f64::INFINITY;
    let mut checksum = 0u64;
    let mut matches = 0usize;
    for round in 0..rounds {
        // Fresh sequences each round, so the cached annotation index is
        // built inside the timed region as it is in the pipeline.
        let seqs: Vec<Sequence<'_>> = seqs
            .iter()
            .map(|s| Sequence::new(s.tokens.clone(), s.annotations.clone()))
            .collect();
        let t0 = Instant::now();
        let mut sum = 0u64;
        let mut count = 0;
        for seq in &seqs {
            for (r, rule) in rules.iter().enumerate() {
                let t = if round == 0 {
                    Some(Instant::now())
                } else {
                    None
                };
                for m in rule.pattern.find_iter(seq) {
                    count += 1;
                    let mut h =
                        (r as u64) << 40 ^ (m.tokens.start as u64) << 20 ^ m.tokens.end as u64;
                    for c in &m.captures {
                        h = h.wrapping_mul(0x100_0000_01b3)
                            ^ (c.tokens.start as u64) << 32
                            ^ (c.tokens.end as u64) << 16
                            ^ c.annotation.map_or(0xffff, |a| a as u64)
                            ^ c.name.len() as u64;
                    }
                    sum = sum.wrapping_mul(31).wrapping_add(h);
                }
                if let Some(t) = t {
                    per_rule[r] += t.elapsed().as_secs_f64();
                }
            }
        }
        let dt = t0.elapsed().as_secs_f64();
        best = best.min(dt);
        checksum = sum;
        matches = count;
        println!("round {round}: {:.1} ms", dt * 1e3);
    }
    println!(
        "best {:.1} ms, {:.2} MB/s, {} matches, checksum {:016x}",
        best * 1e3,
        bytes as f64 / best / 1e6,
        matches,
        checksum
    );
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by(|&a, &b| per_rule[b].total_cmp(&per_rule[a]));
    println!("slowest rules (first round):");
    for &r in order.iter().take(10) {
        println!("  {:8.2} ms  {}", per_rule[r] * 1e3, rules[r].id);
    }
}
