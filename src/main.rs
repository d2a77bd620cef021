//! The `tidings` command: `extract`, `eval` and `bench`.

mod bench;
mod extract;
mod flags;
mod input;

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use tidings::{Extractor, ExtractorBuilder};

use crate::flags::{Cli, Command, EvalArgs, PipelineArgs};

/// mimalloc instead of the system allocator: extraction makes many small,
/// short-lived allocations on every thread, where glibc's malloc took a
/// sixth of the run time and kept two threads from scaling.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval(args),
        Command::Bench(args) => bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tidings: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Builds the extractor that the flags describe.
fn build_extractor(p: &PipelineArgs) -> Result<Extractor> {
    let mut b = ExtractorBuilder::default()
        .default_gazetteers(!p.no_default_gazetteers)
        .default_rules(!p.no_default_rules);
    for g in &p.gazetteers {
        b = b.gazetteer_dir(g);
    }
    for r in &p.rules {
        b = b.rules_dir(r);
    }
    Ok(b.build()?)
}

fn eval(args: EvalArgs) -> Result<ExitCode> {
    let gold = tidings_eval::load_dir(&args.gold)?;
    let mut texts = std::collections::HashMap::new();
    let pred = match (&args.pred, &args.articles) {
        (Some(p), _) => {
            if let Some(dir) = &args.articles {
                for g in &gold {
                    if let Ok(t) = std::fs::read_to_string(dir.join(format!("{}.txt", g.id))) {
                        texts.insert(g.id.clone(), t);
                    }
                }
            }
            tidings_eval::load_path(p)?
        }
        (None, Some(dir)) => {
            let extractor = build_extractor(&args.pipeline)?;
            let mut docs = Vec::new();
            for g in &gold {
                let path = dir.join(format!("{}.txt", g.id));
                let text = std::fs::read_to_string(&path).with_context(|| {
                    format!(
                        "{}: cannot read the article of gold document {}",
                        path.display(),
                        g.id
                    )
                })?;
                let dct = if args.gold_dct {
                    g.dct.as_deref().and_then(tidings::parse_date)
                } else {
                    None
                };
                let mut doc = extractor.extract(&text, dct);
                doc.id = Some(g.id.clone());
                let json = serde_json::to_string(&doc)?;
                docs.push(tidings_eval::parse_document(&json)?);
                texts.insert(g.id.clone(), text);
            }
            docs
        }
        (None, None) => anyhow::bail!(
            "give --articles DIR to run the extractor, or --pred PATH to score existing output"
        ),
    };
    let report = tidings_eval::score_with_texts(&gold, &pred, &texts);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.table());
        if args.per_doc {
            println!();
            print!("{}", report.per_doc());
        }
        if args.errors {
            println!();
            print!("{}", report.errors());
        }
    }
    Ok(ExitCode::SUCCESS)
}
