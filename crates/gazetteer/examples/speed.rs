//! Times building the default lists and matching them over some articles.
//!
//! `cargo run --release -p tidings-gazetteer --example speed -- GAZETTEER_DIR ARTICLE...`

use std::time::Instant;

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
    let tokens: Vec<_> = texts
        .iter()
        .map(|t| tidings_tokenize::tokenize(t))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds = (20_000_000 / bytes.max(1)).max(1);
    let t = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for (text, tk) in texts.iter().zip(&tokens) {
            found += gaz.find(text, tk).chosen.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "find: {:.1} MB/s ({found} matches)",
        (bytes * rounds) as f64 / 1e6 / secs
    );
    Ok(())
}
