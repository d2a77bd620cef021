//! The result of scoring and its readable forms.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::score::{Accuracy, Counts, Prf};

/// The scores of a set of documents: per document and summed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// One entry per gold document, in the order of the gold documents.
    pub documents: Vec<DocReport>,
    /// The counts summed over all documents (micro-averaging).
    pub total: Counts,
    /// Ids of gold documents that had no predicted document.
    pub missing: Vec<String>,
    /// Gold documents whose predicted document is an error record.
    pub failed: Vec<Failure>,
    /// Ids of predicted documents without gold; they are not scored.
    pub unknown: Vec<String>,
}

/// The scores of one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocReport {
    /// The document id.
    pub id: String,
    /// The parts scored (the gold `scope`, or all four).
    pub parts: Vec<String>,
    /// The counts.
    pub counts: Counts,
    /// Every false positive, false negative and wrong value.
    pub mistakes: Vec<Mistake>,
}

/// A predicted document that is a tidings error record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The document id.
    pub id: String,
    /// The error message of the record.
    pub error: String,
}

/// One scoring error, for reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mistake {
    /// The part it belongs to.
    pub part: Part,
    /// What is wrong.
    pub kind: MistakeKind,
    /// The item, as written in the predicted or gold record.
    pub text: String,
}

impl Mistake {
    pub(crate) fn new(part: Part, kind: MistakeKind, text: String) -> Mistake {
        Mistake { part, kind, text }
    }
}

/// The scored parts of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Entities.
    Entities,
    /// Dates.
    Dates,
    /// Relations.
    Relations,
    /// Events.
    Events,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Entities => "entity",
            Part::Dates => "date",
            Part::Relations => "relation",
            Part::Events => "event",
        }
    }
}

/// What is wrong with an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum MistakeKind {
    /// Predicted, matching no gold item.
    #[serde(rename = "fp")]
    FalsePositive,
    /// In gold, matched by no predicted item.
    #[serde(rename = "fn")]
    FalseNegative,
    /// Matched, with a wrong value (a date's value, an event's date).
    #[serde(rename = "value")]
    WrongValue,
    /// A matched event whose arguments differ from gold.
    #[serde(rename = "args")]
    WrongArgs,
}

impl MistakeKind {
    fn name(self) -> &'static str {
        match self {
            MistakeKind::FalsePositive => "fp",
            MistakeKind::FalseNegative => "fn",
            MistakeKind::WrongValue => "value",
            MistakeKind::WrongArgs => "args",
        }
    }
}

/// The headline figures of a report, over all documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// Entity F1, all types.
    pub entity_f1: f64,
    /// Date F1.
    pub date_f1: f64,
    /// The share of matched dates with the right value.
    pub date_value_accuracy: f64,
    /// Relation F1.
    pub relation_f1: f64,
    /// Event F1.
    pub event_f1: f64,
    /// The share of matched events with the right date.
    pub event_date_accuracy: f64,
    /// F1 over the argument values of matched events.
    pub event_arg_f1: f64,
}

fn prf_row(out: &mut String, label: &str, prf: &Prf) {
    let _ = writeln!(
        out,
        "{label:<16} {:>6} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3}",
        prf.tp,
        prf.fp,
        prf.fn_,
        prf.precision(),
        prf.recall(),
        prf.f1()
    );
}

fn accuracy_row(out: &mut String, label: &str, acc: &Accuracy) {
    let _ = writeln!(
        out,
        "{label:<16} {:>6} {:>6} {:>7.3}",
        acc.correct,
        acc.total,
        acc.accuracy()
    );
}

impl Report {
    /// A readable table of the summed counts and scores: entities overall
    /// and by type, dates, relations, events and event arguments with
    /// tp/fp/fn and P/R/F1, then the value accuracies.
    pub fn table(&self) -> String {
        let t = &self.total;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<16} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
            "", "tp", "fp", "fn", "P", "R", "F1"
        );
        prf_row(&mut out, "entities", &t.entities);
        for (kind, prf) in &t.entities_by_type {
            prf_row(&mut out, &format!("  {kind}"), prf);
        }
        prf_row(&mut out, "dates", &t.dates);
        prf_row(&mut out, "relations", &t.relations);
        prf_row(&mut out, "events", &t.events);
        prf_row(&mut out, "event args", &t.event_args);
        let _ = writeln!(out);
        let _ = writeln!(out, "{:<16} {:>6} {:>6} {:>7}", "", "right", "of", "acc");
        accuracy_row(&mut out, "date values", &t.date_values);
        accuracy_row(&mut out, "event dates", &t.event_dates);
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "documents: {} scored, {} missing, {} failed, {} without gold",
            self.documents.len(),
            self.missing.len(),
            self.failed.len(),
            self.unknown.len()
        );
        out
    }

    /// One line per document: its id, then tp/fp/fn of each scored part and
    /// the right/total of the values (`-` for parts outside its scope).
    pub fn per_doc(&self) -> String {
        let mut out = String::new();
        let width = self
            .documents
            .iter()
            .map(|d| d.id.len())
            .max()
            .unwrap_or(2)
            .max(2);
        let mut line = format!(
            "{:<width$}  {:<11} {:<11} {:<7} {:<11} {:<11} {:<7} {}",
            "id", "entities", "dates", "values", "relations", "events", "e.dates", "e.args"
        );
        let _ = writeln!(out, "{}", line.trim_end());
        for d in &self.documents {
            let has = |p: &str| d.parts.iter().any(|x| x == p);
            let prf = |on: bool, x: &Prf| {
                if on {
                    format!("{}/{}/{}", x.tp, x.fp, x.fn_)
                } else {
                    "-".to_owned()
                }
            };
            let acc = |on: bool, x: &Accuracy| {
                if on {
                    format!("{}/{}", x.correct, x.total)
                } else {
                    "-".to_owned()
                }
            };
            let c = &d.counts;
            line = format!(
                "{:<width$}  {:<11} {:<11} {:<7} {:<11} {:<11} {:<7} {}",
                d.id,
                prf(has("entities"), &c.entities),
                prf(has("dates"), &c.dates),
                acc(has("dates"), &c.date_values),
                prf(has("relations"), &c.relations),
                prf(has("events"), &c.events),
                acc(has("events"), &c.event_dates),
                prf(has("events"), &c.event_args),
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out
    }

    /// Every mistake, one a line: document id, part, kind (`fp`, `fn`,
    /// `value`, `args`) and the item; then the missing and failed documents.
    pub fn errors(&self) -> String {
        let mut out = String::new();
        for d in &self.documents {
            for m in &d.mistakes {
                let _ = writeln!(
                    out,
                    "{}\t{} {}\t{}",
                    d.id,
                    m.part.name(),
                    m.kind.name(),
                    m.text
                );
            }
        }
        for id in &self.missing {
            let _ = writeln!(out, "{id}\tdocument missing");
        }
        for f in &self.failed {
            let _ = writeln!(out, "{}\tdocument failed: {}", f.id, f.error);
        }
        out
    }

    /// The headline figures over all documents.
    pub fn headline(&self) -> Headline {
        let t = &self.total;
        Headline {
            entity_f1: t.entities.f1(),
            date_f1: t.dates.f1(),
            date_value_accuracy: t.date_values.accuracy(),
            relation_f1: t.relations.f1(),
            event_f1: t.events.f1(),
            event_date_accuracy: t.event_dates.accuracy(),
            event_arg_f1: t.event_args.f1(),
        }
    }
}
