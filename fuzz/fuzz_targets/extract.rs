//! Fuzzes `Extractor::extract` with any bytes (read as UTF-8, lossily):
//! it must not panic, spans must lie on char boundaries inside the text,
//! and the document must serialise. A crash found here becomes a file in
//! `tests/regressions/`, which `tests/properties.rs` runs on every test run.
//!
//! Run: `cargo fuzz run extract` (from the repository root; cargo-fuzz and
//! a toolchain that supports `-Zsanitizer`, or `RUSTC_BOOTSTRAP=1`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tidings::Extractor;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(|| Extractor::new().expect("default extractor"));
    let text = String::from_utf8_lossy(data);
    let doc = extractor.extract(&text, None);
    for e in &doc.entities {
        for m in &e.mentions {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.end <= text.len());
        }
    }
    for d in &doc.dates {
        assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end) && d.end <= text.len());
    }
    serde_json::to_string(&doc).expect("serialises");
});
