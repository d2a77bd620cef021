//! Runs the examples of every rule in every default rule file.
//!
//! Entity rules run with the entity lists removed (titles, given names and
//! countries stay, since the patterns read them): an example shows what the
//! rule finds by itself, not what a list already knows. Event and relation
//! rules run with everything.
//!
//! - entity rules (`emit`): `"TEXT" => TYPE "NAME"`: an entity of TYPE with
//!   NAME as its name or an alias, one of whose mentions this rule made; or
//!   `"TEXT" => none`: this rule made no mention.
//! - event rules (`event`): `"TEXT" => TYPE`: this rule made an event of TYPE;
//!   `"TEXT" => none`: it made none.
//! - relation rules (`relation`): `"TEXT" => TYPE "HEAD" "TAIL"`.

use std::sync::OnceLock;

use tidings::{parse_date, Document, Extractor};

use crate::common::extractor;

/// The default extractor without the entity lists other than countries.
fn rules_only() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        Extractor::builder()
            .filter_entries(|e| {
                e.entity_type().is_none() || matches!(e.attr("kind"), Some("country" | "territory"))
            })
            .build()
            .unwrap()
    })
}

fn quoted(s: &str) -> Vec<String> {
    s.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn key(s: &str) -> String {
    tidings_eval::normalise(s)
}

fn names(doc: &Document, id: &str) -> Vec<String> {
    doc.entities
        .iter()
        .filter(|e| e.name == id || e.aliases.iter().any(|a| a == id))
        .map(|e| e.name.clone())
        .collect()
}

fn check(rule: &tidings::stages::pattern::Rule, text: &str, expect: &str) -> Result<(), String> {
    let which = if rule.field("emit").is_some() {
        rules_only()
    } else {
        extractor()
    };
    let doc = which.extract(text, parse_date("2024-02-19"));
    let words: Vec<&str> = expect.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    if rule.field("emit").is_some() {
        if first == "none" {
            let fired = doc
                .entities
                .iter()
                .flat_map(|e| &e.mentions)
                .any(|m| m.rule == rule.id);
            return if fired {
                Err("the rule fired".into())
            } else {
                Ok(())
            };
        }
        let want = quoted(expect).pop().ok_or("no quoted name")?;
        let found = doc.entities.iter().any(|e| {
            e.etype.as_str() == first
                && (key(&e.name) == key(&want) || e.aliases.iter().any(|a| key(a) == key(&want)))
                && e.provenance.rules.contains(&rule.id)
        });
        return if found {
            Ok(())
        } else {
            Err(format!(
                "no {first} {want:?} from this rule; entities: {:?}",
                doc.entities
                    .iter()
                    .map(|e| (e.etype.as_str(), &e.name, &e.provenance.rules))
                    .collect::<Vec<_>>()
            ))
        };
    }
    if rule.field("event").is_some() {
        if first == "none" {
            let fired = doc.events.iter().any(|e| e.rules.contains(&rule.id));
            return if fired {
                Err("the rule fired".into())
            } else {
                Ok(())
            };
        }
        let found = doc
            .events
            .iter()
            .any(|e| e.etype == first && e.rules.contains(&rule.id));
        return if found {
            Ok(())
        } else {
            Err(format!(
                "no {first} event from this rule; events: {:?}",
                doc.events
                    .iter()
                    .map(|e| (&e.etype, &e.rule))
                    .collect::<Vec<_>>()
            ))
        };
    }
    if rule.field("relation").is_some() {
        let q = quoted(expect);
        let (head, tail) = (q.first().ok_or("no head")?, q.get(1).ok_or("no tail")?);
        let found = doc.relations.iter().any(|r| {
            r.rtype == first
                && (key(&r.head) == key(head) || names(&doc, head).contains(&r.head))
                && (key(&r.tail) == key(tail) || names(&doc, tail).contains(&r.tail))
        });
        return if found {
            Ok(())
        } else {
            Err(format!(
                "no {first}({head}, {tail}); relations: {:?}",
                doc.relations
                    .iter()
                    .map(|r| (&r.rtype, &r.head, &r.tail))
                    .collect::<Vec<_>>()
            ))
        };
    }
    Err("rule has no emit, event or relation field".into())
}

#[test]
fn every_rule_example_holds() {
    let mut failures = Vec::new();
    let mut count = 0;
    for file in extractor().rule_files() {
        // Relation and event examples need the lists; entity examples run
        // without them (see the module docs).
        for rule in &file.rules {
            assert!(
                !rule.examples.is_empty(),
                "{}:{}: rule {} has no example",
                file.path,
                rule.line,
                rule.id
            );
            for ex in &rule.examples {
                count += 1;
                if let Err(why) = check(rule, &ex.text, &ex.expect) {
                    failures.push(format!(
                        "{}:{}: {} example {:?} => {}: {why}",
                        file.path, ex.line, rule.id, ex.text, ex.expect
                    ));
                }
            }
        }
    }
    assert!(count >= 20, "only {count} rule examples");
    assert!(
        failures.is_empty(),
        "{} of {count} rule examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_event_type_has_a_rule() {
    let mut types: Vec<String> = extractor()
        .rule_files()
        .iter()
        .flat_map(|f| &f.rules)
        .filter_map(|r| r.field("event").map(str::to_string))
        .collect();
    types.sort();
    types.dedup();
    assert_eq!(
        types,
        [
            "EXERCISE",
            "LAUNCH",
            "MEET",
            "NEGOTIATE",
            "SIGN",
            "SUMMIT",
            "VISIT"
        ]
    );
}

/// The message of building an extractor with one extra rule file.
fn build_error(contents: &str) -> String {
    let dir = crate::common::temp_dir("bad-rule");
    std::fs::write(dir.join("bad.rules"), contents).unwrap();
    tidings::Extractor::builder()
        .rules_dir(&dir)
        .build()
        .unwrap_err()
        .to_string()
}

#[test]
fn a_bad_rule_names_file_line_and_column() {
    let err = build_error("rule x.y\n  pattern  [shape=Capitalized & @gaz:TITLE\n  emit PERSON\n");
    assert!(err.contains("bad.rules:2:"), "{err}");
    let err = build_error("rule x.y\n  pattern  [shape=Capitalized]\n  emit  PERSONS\n");
    assert!(
        err.contains("bad.rules:3:") && err.contains("PERSONS"),
        "{err}"
    );
}
