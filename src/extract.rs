//! `tidings extract`: files, directories, standard input, or a JSON Lines
//! stream, processed in parallel in bounded chunks, written in input order.

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use tidings::{parse_date, Date, Document, Extractor};

use crate::flags::ExtractArgs;
use crate::input::{self, InputError};

/// How many inputs each worker thread gets per chunk: enough to keep every
/// core busy, few enough that memory stays flat on any corpus size.
const PER_THREAD: usize = 16;

/// One input's outcome.
struct Outcome {
    id: String,
    name: String,
    bytes: usize,
    result: Result<Document, String>,
}

/// Counts for the summary line.
#[derive(Default)]
struct Totals {
    articles: usize,
    failed: usize,
    bytes: usize,
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let dct = match &args.dct {
        Some(s) => Some(
            parse_date(s)
                .with_context(|| format!("--dct {s:?} is not a date of the form YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let extractor = crate::build_extractor(&args.pipeline)?;
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create output directory", dir.display()))?;
    }
    let started = Instant::now();
    let totals = pool.install(|| {
        if args.jsonl {
            run_jsonl(&args, &extractor, dct)
        } else {
            run_files(&args, &extractor, dct)
        }
    })?;
    if std::io::stderr().is_terminal() && !args.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "tidings: {} articles, {} failed, {:.1} MB in {:.2} s ({:.1} MB/s)",
            totals.articles,
            totals.failed,
            totals.bytes as f64 / 1e6,
            secs,
            totals.bytes as f64 / 1e6 / secs
        );
    }
    Ok(if totals.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress(len: Option<u64>, quiet: bool) -> ProgressBar {
    let bar = match len {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    if quiet || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    } else if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles ({per_sec})",
    ) {
        bar.set_style(style);
    }
    bar
}

fn run_files(args: &ExtractArgs, extractor: &Extractor, dct: Option<Date>) -> Result<Totals> {
    let sources = input::expand(&args.inputs);
    let single = sources.len() == 1 && args.out.is_none();
    let bar = progress(Some(sources.len() as u64), args.quiet);
    let chunk = rayon::current_num_threads() * PER_THREAD;
    let mut totals = Totals::default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for part in sources.chunks(chunk) {
        let outcomes: Vec<Outcome> = part
            .par_iter()
            .map(|(source, early)| {
                let result = match early {
                    Some(e) => Err(e.clone()),
                    None => input::read(source, args.max_bytes),
                };
                let bytes = result.as_ref().map_or(0, String::len);
                let result = result.map_err(|e: InputError| e.to_string()).map(|text| {
                    let mut doc = extractor.extract(&text, dct);
                    doc.id = Some(source.id());
                    doc
                });
                Outcome {
                    id: source.id(),
                    name: source.name(),
                    bytes,
                    result,
                }
            })
            .collect();
        for o in outcomes {
            bar.inc(1);
            totals.articles += 1;
            totals.bytes += o.bytes;
            match o.result {
                Err(e) => {
                    totals.failed += 1;
                    bar.suspend(|| eprintln!("tidings: {}: {e}", o.name));
                }
                Ok(doc) => {
                    if let Some(dir) = &args.out {
                        if let Err(e) =
                            write_atomically(&dir.join(format!("{}.json", o.id)), &doc, args.pretty)
                        {
                            totals.failed += 1;
                            bar.suspend(|| eprintln!("tidings: {}: {e:#}", o.name));
                        }
                    } else if single && args.pretty {
                        serde_json::to_writer_pretty(&mut out, &doc)?;
                        writeln!(out)?;
                    } else {
                        serde_json::to_writer(&mut out, &doc)?;
                        writeln!(out)?;
                    }
                }
            }
        }
        out.flush()?;
    }
    bar.finish_and_clear();
    Ok(totals)
}

/// Writes a document whole or not at all: to a temporary file first, then
/// renamed over the target.
fn write_atomically(path: &Path, doc: &Document, pretty: bool) -> Result<()> {
    let tmp = path.with_extension("json.tmp");
    let json = if pretty {
        serde_json::to_vec_pretty(doc)?
    } else {
        serde_json::to_vec(doc)?
    };
    std::fs::write(&tmp, json).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path)
        .with_context(|| format!("cannot rename {} to {}", tmp.display(), path.display()))?;
    Ok(())
}

/// The id of a record as a string, for messages and output.
fn id_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Processes one line of the stream into one output line.
fn process_line(
    extractor: &Extractor,
    line: &[u8],
    full_len: usize,
    number: usize,
    dct: Option<Date>,
    limit: usize,
) -> (String, bool, usize) {
    let fail = |id: Option<String>, reason: String| {
        let v = serde_json::json!({ "id": id, "line": number, "error": reason });
        (v.to_string(), true, 0)
    };
    if full_len > limit {
        return fail(
            None,
            format!("record too large ({full_len} bytes; the limit is {limit}, raise it with --max-bytes)"),
        );
    }
    let Ok(line) = std::str::from_utf8(line) else {
        return fail(None, "not valid UTF-8".to_string());
    };
    if line.trim().is_empty() {
        return fail(None, "empty line".to_string());
    }
    // Read the record as any JSON first, so that a field of the wrong type
    // still leaves its id readable for the error line.
    let record: serde_json::Value = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return fail(None, format!("invalid JSON: {e}")),
    };
    let Some(record) = record.as_object() else {
        return fail(None, "a record must be a JSON object".to_string());
    };
    let id = record.get("id").filter(|v| !v.is_null()).map(id_of);
    let text = match record.get("text") {
        Some(serde_json::Value::String(t)) => t.as_str(),
        Some(_) => return fail(id, "\"text\" is not a string".to_string()),
        None => return fail(id, "record has no \"text\" string".to_string()),
    };
    let dct = match record.get("dct") {
        Some(serde_json::Value::String(s)) => match parse_date(s) {
            Some(d) => Some(d),
            None => {
                return fail(
                    id,
                    format!("dct {s:?} is not a date of the form YYYY-MM-DD"),
                )
            }
        },
        None | Some(serde_json::Value::Null) => dct,
        Some(_) => return fail(id, "\"dct\" is not a string".to_string()),
    };
    if text.contains('\0') {
        return fail(id, "binary data, not text".to_string());
    }
    let mut doc = extractor.extract(text, dct);
    doc.id = Some(id.unwrap_or_else(|| format!("line-{number}")));
    match serde_json::to_string(&doc) {
        Ok(s) => (s, false, text.len()),
        Err(e) => fail(doc.id, format!("cannot serialise: {e}")),
    }
}

fn run_jsonl(args: &ExtractArgs, extractor: &Extractor, dct: Option<Date>) -> Result<Totals> {
    if args.out.is_some() {
        bail!("--out writes one file per article; with --jsonl the results go to standard output");
    }
    let chunk = rayon::current_num_threads() * PER_THREAD * 4;
    let bar = progress(None, args.quiet);
    let mut totals = Totals::default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &args.inputs {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            let f = std::fs::File::open(path)
                .with_context(|| format!("{}: cannot open", path.display()))?;
            Box::new(BufReader::with_capacity(1 << 20, f))
        };
        let mut reader = reader;
        let mut number = 0usize;
        let mut done = false;
        while !done {
            let mut batch: Vec<(usize, Vec<u8>, usize)> = Vec::with_capacity(chunk);
            while batch.len() < chunk {
                let mut line = Vec::new();
                let len = read_line_capped(&mut reader, &mut line, args.max_bytes).with_context(
                    || format!("{}: read error after line {number}", path.display()),
                )?;
                let Some(len) = len else {
                    done = true;
                    break;
                };
                number += 1;
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                batch.push((number, line, len));
            }
            let results: Vec<(String, bool, usize)> = batch
                .par_iter()
                .map(|(n, line, len)| process_line(extractor, line, *len, *n, dct, args.max_bytes))
                .collect();
            for (json, failed, bytes) in results {
                totals.articles += 1;
                totals.bytes += bytes;
                if failed {
                    totals.failed += 1;
                }
                writeln!(out, "{json}")?;
                bar.inc(1);
            }
            out.flush()?;
        }
    }
    bar.finish_and_clear();
    Ok(totals)
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `limit + 1`
/// bytes of it so that a huge record never has to fit in memory; returns
/// the line's full length, or `None` at the end of the input.
fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<usize>> {
    let mut total = 0usize;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i)),
            None => (available, None),
        };
        let room = (limit + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        total += chunk.len();
        let used = chunk.len() + usize::from(found.is_some());
        reader.consume(used);
        if found.is_some() {
            return Ok(Some(total));
        }
    }
}
