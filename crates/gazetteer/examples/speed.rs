//! Times building the default lists and matching them over some articles.
//!
//! `cargo run --release -p tidings-gazetteer --example speed -- GAZETTEER_DIR ARTICLE...`
//!
//! Matching is timed as the pipeline runs it: each article is tokenized just
//! before it is matched, so its tokens are as fresh in the cache as they are
//! in `tidings extract`. The tokenizing is timed apart, and the ratio of the
//! two times is printed too: this machine's speed drifts from minute to
//! minute, and the ratio, which drifts much less, is what to compare when
//! two versions of the matcher are run one after the other.

use std::time::{Duration, Instant};

use tidings_gazetteer::GazetteerBuilder;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: speed GAZETTEER_DIR ARTICLE...")?;
    let texts: Vec<String> = args
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let t = Instant::now();
    let gaz = GazetteerBuilder::new().add_dir(dir.as_ref())?.build()?;
    println!(
        "build: {:.1} ms, {} entries, {} forms",
        t.elapsed().as_secs_f64() * 1e3,
        gaz.entries().len(),
        gaz.pattern_count()
    );
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds = (20_000_000 / bytes.max(1)).max(1);
    let mut spent = Duration::ZERO;
    let mut tokenizing = Duration::ZERO;
    let mut found = 0;
    for _ in 0..rounds {
        for text in &texts {
            let t = Instant::now();
            let tokens = tidings_tokenize::tokenize(text);
            tokenizing += t.elapsed();
            let t = Instant::now();
            found += gaz.find(text, &tokens).chosen.len();
            spent += t.elapsed();
        }
    }
    println!(
        "find: {:.1} MB/s ({found} matches)",
        (bytes * rounds) as f64 / 1e6 / spent.as_secs_f64()
    );
    println!(
        "find time / tokenize time: {:.3}",
        spent.as_secs_f64() / tokenizing.as_secs_f64()
    );
    Ok(())
}
