//! Every form of every default list entry is found when it stands in a
//! sentence: the matcher's filters (the Bloom filters of first tokens, the
//! start tables with their lower-case flags and continuation masks) must
//! never turn away a real start.

use std::path::Path;

use tidings_gazetteer::GazetteerBuilder;
use tidings_tokenize::tokenize;

#[test]
fn every_default_form_is_found_in_a_sentence() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../gazetteers");
    let gaz = GazetteerBuilder::new()
        .add_dir(&dir)
        .unwrap()
        .build()
        .unwrap();
    let mut checked = 0;
    let mut missed = Vec::new();
    for (i, entry) in gaz.entries().iter().enumerate() {
        let forms = std::iter::once(entry.name.as_str())
            .chain(entry.aliases.iter().map(String::as_str))
            .chain(entry.attr_values("acronym"))
            .chain(entry.attr_values("demonym"));
        for form in forms {
            let text = format!("Yesterday {form} said so.");
            let tokens = tokenize(&text);
            let span = (10, 10 + form.len());
            // Only where the tokenizer puts a boundary at both ends can a
            // match be made at all (a form ending in "." before " said").
            let starts = tokens.tokens().iter().any(|t| t.span.start == span.0);
            let ends = tokens.tokens().iter().any(|t| t.span.end == span.1);
            if !starts || !ends {
                continue;
            }
            checked += 1;
            let found = gaz.find(&text, &tokens);
            let hit = found
                .chosen
                .iter()
                .chain(&found.shadowed)
                .any(|m| (m.span.start, m.span.end) == span && m.entry.0 as usize == i);
            if !hit {
                missed.push(format!("{} ({})", form, entry.origin));
            }
        }
    }
    assert!(checked > 30_000, "only {checked} forms checked");
    assert!(
        missed.is_empty(),
        "{} forms not found: {:?}",
        missed.len(),
        &missed[..missed.len().min(20)]
    );
}
