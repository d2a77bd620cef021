//! Command-line flags, parsed by clap into plain values; `main` turns them
//! into checked configuration before touching the pipeline.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// tidings: people, organisations, places, agreements, systems, dates,
/// relations and dated events from news articles, as JSON.
#[derive(Debug, Parser)]
#[command(name = "tidings", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities, dates, relations and events from articles.
    ///
    /// One input prints one JSON document; several print JSON Lines, one
    /// document per line, in input order. A first line " date YYYY-MM-DD"
    /// in an article is read as its publication date.
    Extract(ExtractArgs),
    /// Score output against gold annotations (see ANNOTATION.md).
    Eval(EvalArgs),
    /// Measure build time, throughput and memory of the default extractor.
    Bench(BenchArgs),
}

/// Flags shared by the commands that build an extractor.
#[derive(Debug, Args, Clone)]
pub struct PipelineArgs {
    /// Add the *.tsv gazetteer files below PATH (repeatable).
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// Add the *.rules files below PATH (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Do not load the built-in gazetteers.
    #[arg(long)]
    pub no_default_gazetteers: bool,
    /// Do not load the built-in rules.
    #[arg(long)]
    pub no_default_rules: bool,
}

/// `tidings extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files, directories (their *.txt files, recursively), or - for standard input.
    #[arg(value_name = "FILE", required = true)]
    pub inputs: Vec<PathBuf>,
    /// The publication date of every input, YYYY-MM-DD (overrides a " date" first line).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub dct: Option<String>,
    /// Write one ID.json per input into DIR instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Pretty-print JSON (single documents and --out files; JSON Lines stay one line each).
    #[arg(long)]
    pub pretty: bool,
    /// Read JSON Lines records {"id", "text", "dct"?} instead of article files;
    /// write one result line per record, in input order.
    #[arg(long)]
    pub jsonl: bool,
    /// Largest article accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,
    /// Never show a progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Gazetteer and rule options.
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// `tidings eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Directory of gold annotations (ID.json).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Directory of articles (ID.txt) to run the extractor on.
    #[arg(long, value_name = "DIR")]
    pub articles: Option<PathBuf>,
    /// Score existing output (a directory of .json, a .json or a .jsonl file) instead.
    #[arg(long, value_name = "DIR|FILE")]
    pub pred: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every false positive and false negative.
    #[arg(long)]
    pub errors: bool,
    /// One line per document.
    #[arg(long)]
    pub per_doc: bool,
    /// Pass each gold document's `dct` to the extractor, as a caller that
    /// knows the publication date would (by default the extractor reads it
    /// from the article only).
    #[arg(long)]
    pub gold_dct: bool,
    /// Gazetteer and rule options.
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// `tidings bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Directories of articles (*.txt) to build the corpus from.
    #[arg(value_name = "DIR", required = true)]
    pub corpus: Vec<PathBuf>,
    /// Repeat the articles until the corpus has this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 50)]
    pub mb: usize,
    /// Threads for the parallel run (default: all cores).
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}
