//! One snapshot of the full JSON output per fixture article. When one
//! changes, read the diff (`cargo insta review`) and say in the commit why
//! the new output is right.

use crate::common::{extractor, fixture_ids, root};

#[test]
fn fixture_articles() {
    let ids = fixture_ids();
    assert_eq!(
        ids.len(),
        5,
        "fixtures/articles holds the five supplied articles"
    );
    for id in ids {
        let text =
            std::fs::read_to_string(root().join("fixtures/articles").join(format!("{id}.txt")))
                .unwrap();
        let mut doc = extractor().extract(&text, None);
        doc.id = Some(id.clone());
        let json = serde_json::to_string_pretty(&doc).unwrap();
        insta::assert_snapshot!(id, json);
    }
}
