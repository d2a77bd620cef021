//! The quality floor: the headline scores on the fixtures, on the probe
//! stories of `tests/probes` and on the dates of TimeBank may not fall more
//! than 0.01 below the committed baseline
//! (`tests/quality-baseline.json`). Raising the baseline is a deliberate
//! commit: run `cargo test --test integration quality -- --nocapture`,
//! read the figures, and copy them into the baseline.

use serde::Deserialize;
use tidings_eval::Headline;

use crate::common::{evaluate, extractor, root, shared};

#[derive(Deserialize)]
struct Baseline {
    fixtures: Headline,
    probes: Headline,
    timebank: TimebankBaseline,
}

#[derive(Deserialize)]
struct TimebankBaseline {
    date_f1: f64,
    date_value_accuracy: f64,
}

const SLACK: f64 = 0.01;

fn baseline() -> Baseline {
    let text = std::fs::read_to_string(root().join("tests/quality-baseline.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn check(name: &str, now: f64, floor: f64, failures: &mut Vec<String>) {
    println!("{name:>32}: {now:.3} (baseline {floor:.3})");
    if now < floor - SLACK {
        failures.push(format!("{name} fell to {now:.3}, baseline {floor:.3}"));
    }
}

#[test]
fn fixtures_do_not_regress() {
    headline_does_not_regress("fixtures", "fixtures", baseline().fixtures);
}

/// The 54 stories of `tests/probes` (see its README): gold written apart
/// from the rules.
#[test]
fn probes_do_not_regress() {
    headline_does_not_regress("probes", "tests/probes", baseline().probes);
}

/// Checks every headline score of the set in `dir` (`gold/`, `articles/`)
/// against `base`.
fn headline_does_not_regress(name: &str, dir: &str, base: Headline) {
    let dir = root().join(dir);
    let report = evaluate(extractor(), &dir.join("gold"), &dir.join("articles"));
    let now = report.headline();
    let mut failures = Vec::new();
    check(
        &format!("{name} entity F1"),
        now.entity_f1,
        base.entity_f1,
        &mut failures,
    );
    check(
        &format!("{name} date F1"),
        now.date_f1,
        base.date_f1,
        &mut failures,
    );
    check(
        &format!("{name} date value accuracy"),
        now.date_value_accuracy,
        base.date_value_accuracy,
        &mut failures,
    );
    check(
        &format!("{name} relation F1"),
        now.relation_f1,
        base.relation_f1,
        &mut failures,
    );
    check(
        &format!("{name} event F1"),
        now.event_f1,
        base.event_f1,
        &mut failures,
    );
    check(
        &format!("{name} event date accuracy"),
        now.event_date_accuracy,
        base.event_date_accuracy,
        &mut failures,
    );
    check(
        &format!("{name} event argument F1"),
        now.event_arg_f1,
        base.event_arg_f1,
        &mut failures,
    );
    assert!(
        failures.is_empty(),
        "quality fell:\n{}",
        failures.join("\n")
    );
}

#[test]
fn timebank_dates_do_not_regress() {
    let dir = shared("timebank");
    let report = evaluate(extractor(), &dir.join("gold"), &dir.join("articles"));
    let now = report.headline();
    let base = baseline().timebank;
    let mut failures = Vec::new();
    check("timebank date F1", now.date_f1, base.date_f1, &mut failures);
    check(
        "timebank date value accuracy",
        now.date_value_accuracy,
        base.date_value_accuracy,
        &mut failures,
    );
    assert!(
        failures.is_empty(),
        "quality fell:\n{}",
        failures.join("\n")
    );
}
