//! `tidings bench`: the four figures that steer performance work.
//!
//! - the time to build the default extractor (loading and compiling the
//!   gazetteers and rules), the median of several builds;
//! - throughput of the whole pipeline in MB/s and articles/s, on one thread
//!   and on all cores, over a corpus of at least `--mb` megabytes made by
//!   repeating the given articles (the two runs take turns over slices of
//!   the corpus, so that drift in a shared machine's speed hits both);
//! - throughput of the gazetteer matcher alone on one thread (the median
//!   of several rounds over the given articles, with the slowest and fastest);
//! - peak memory (the process's high-water mark of resident memory).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Result};
use rayon::prelude::*;
use serde::Serialize;
use tidings::Extractor;

use crate::flags::BenchArgs;

/// How many slices the corpus is cut into for the one-thread and
/// all-threads runs to alternate over.
const TURNS: usize = 8;

#[derive(Serialize)]
struct Figures {
    machine: String,
    corpus_articles: usize,
    corpus_mb: f64,
    build_ms: f64,
    extractor_memory_mb: Option<f64>,
    one_thread_mb_s: f64,
    one_thread_articles_s: f64,
    threads: usize,
    all_threads_mb_s: f64,
    all_threads_articles_s: f64,
    speedup: f64,
    gazetteer_one_thread_mb_s: f64,
    gazetteer_one_thread_mb_s_range: [f64; 2],
    peak_memory_mb: Option<f64>,
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for item in read.flatten() {
        let p = item.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// Resident memory now and at its peak, in MB, from /proc (Linux only).
fn memory() -> (Option<f64>, Option<f64>) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return (None, None);
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    format!(
        "{cpu}, {} threads",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    )
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    let mut files = Vec::new();
    for d in &args.corpus {
        collect(d, &mut files);
    }
    files.sort();
    let mut articles: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .filter(|t| !t.trim().is_empty())
        .collect();
    if articles.is_empty() {
        bail!("no .txt articles found in {:?}", args.corpus);
    }
    let target = args.mb * 1_000_000;
    let base = articles.clone();
    let mut size: usize = articles.iter().map(String::len).sum();
    while size < target {
        for a in &base {
            size += a.len();
            articles.push(a.clone());
            if size >= target {
                break;
            }
        }
    }

    // The memory of one extractor: resident memory before and after the
    // first build (later builds reuse what the allocator kept).
    let (before, _) = memory();
    let mut extractor = Extractor::new()?;
    let (after, _) = memory();
    let extractor_memory_mb = before.zip(after).map(|(b, a)| (a - b).max(0.0));
    let mut builds = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let built = Extractor::new()?;
        builds.push(t.elapsed().as_secs_f64() * 1000.0);
        // Dropping the previous one is not part of building.
        extractor = built;
    }
    builds.sort_by(f64::total_cmp);

    let mb = size as f64 / 1e6;
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let all = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    // One thread and all threads take turns over the same slices of the
    // corpus, so that a shared machine whose speed drifts from minute to
    // minute slows both alike and the ratio between them stays fair.
    let run = |pool: &rayon::ThreadPool, slice: &[String]| {
        let t = Instant::now();
        let n: usize = pool.install(|| {
            slice
                .par_iter()
                .map(|a| extractor.extract(a, None).entities.len())
                .sum()
        });
        (t.elapsed().as_secs_f64(), n)
    };
    let (mut secs1, mut secs2) = (0.0, 0.0);
    for slice in articles.chunks(articles.len().div_ceil(TURNS)) {
        let (s1, n1) = run(&one, slice);
        let (s2, n2) = run(&all, slice);
        debug_assert_eq!(n1, n2);
        secs1 += s1;
        secs2 += s2;
    }

    // The matcher alone, timed as the pipeline calls it: each article is
    // tokenized just before it is matched (tokenizing is not timed). The
    // corpus is matched in rounds of the given articles, and the figure is
    // the median round's throughput, with the slowest and the fastest: a
    // shared machine's speed drifts over the seconds this takes, and the
    // median is what a round usually gets.
    let gaz = extractor.gazetteer();
    let base_mb = base.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let rounds = ((10.0 / base_mb).ceil() as usize).max(5);
    let mut round_mb_s = Vec::with_capacity(rounds);
    let mut found = 0;
    for _ in 0..rounds {
        let mut spent = std::time::Duration::ZERO;
        for a in &base {
            let tokens = tidings::stages::tokenize::tokenize(a);
            let t = Instant::now();
            found += gaz.find(a, &tokens).chosen.len();
            spent += t.elapsed();
        }
        round_mb_s.push(base_mb / spent.as_secs_f64().max(1e-9));
    }
    std::hint::black_box(found);
    round_mb_s.sort_by(f64::total_cmp);

    let (_, peak) = memory();
    let f = Figures {
        machine: machine(),
        corpus_articles: articles.len(),
        corpus_mb: mb,
        build_ms: builds[builds.len() / 2],
        extractor_memory_mb,
        one_thread_mb_s: mb / secs1,
        one_thread_articles_s: articles.len() as f64 / secs1,
        threads,
        all_threads_mb_s: mb / secs2,
        all_threads_articles_s: articles.len() as f64 / secs2,
        speedup: secs1 / secs2,
        gazetteer_one_thread_mb_s: round_mb_s[round_mb_s.len() / 2],
        gazetteer_one_thread_mb_s_range: [round_mb_s[0], round_mb_s[round_mb_s.len() - 1]],
        peak_memory_mb: peak,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&f)?);
    } else {
        let opt = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.0} MB"));
        println!("machine:              {}", f.machine);
        println!(
            "corpus:               {} articles, {:.1} MB",
            f.corpus_articles, f.corpus_mb
        );
        println!(
            "build extractor:      {:.1} ms (median of 5); its memory {}",
            f.build_ms,
            opt(f.extractor_memory_mb)
        );
        println!(
            "one thread:           {:.2} MB/s, {:.0} articles/s",
            f.one_thread_mb_s, f.one_thread_articles_s
        );
        println!(
            "{} threads:            {:.2} MB/s, {:.0} articles/s ({:.2}x one thread)",
            f.threads, f.all_threads_mb_s, f.all_threads_articles_s, f.speedup
        );
        println!(
            "gazetteer matching:   {:.1} MB/s on one thread (median of {rounds} rounds; {:.1}-{:.1})",
            f.gazetteer_one_thread_mb_s,
            f.gazetteer_one_thread_mb_s_range[0],
            f.gazetteer_one_thread_mb_s_range[1]
        );
        println!("peak memory:          {}", opt(f.peak_memory_mb));
    }
    Ok(ExitCode::SUCCESS)
}
