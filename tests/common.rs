//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tidings::Extractor;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The default extractor, built once for all tests.
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("the default extractor builds"))
}

/// The names of the entities of one type that the default extractor finds
/// in `text`, in order of first mention.
pub fn names_of(text: &str, etype: tidings::EntityType) -> Vec<String> {
    extractor()
        .extract(text, None)
        .entities
        .into_iter()
        .filter(|e| e.etype == etype)
        .map(|e| e.name)
        .collect()
}

/// The fixture article ids, in order.
pub fn fixture_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root().join("fixtures/articles"))
        .expect("fixtures/articles exists")
        .flatten()
        .filter_map(|e| {
            let p = e.path();
            (p.extension()? == "txt").then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    ids.sort();
    ids
}

/// The shared folder beside the repository (`../shared`, or `$TIDINGS_SHARED`).
///
/// # Panics
///
/// When it is absent: the tests that need it say so rather than pass silently.
pub fn shared(sub: &str) -> PathBuf {
    let base = std::env::var_os("TIDINGS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    let dir = base.join(sub);
    assert!(
        dir.is_dir(),
        "{} not found: this test needs the shared corpus beside the repository \
         (or set TIDINGS_SHARED to the folder that holds {sub})",
        dir.display()
    );
    dir
}

/// A fresh temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tidings-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `extractor` over the articles of `gold_dir` found in `articles`, and scores.
pub fn evaluate(extractor: &Extractor, gold_dir: &Path, articles: &Path) -> tidings_eval::Report {
    let gold = tidings_eval::load_dir(gold_dir).expect("gold loads");
    let mut pred = Vec::new();
    let mut texts = std::collections::HashMap::new();
    for g in &gold {
        let text =
            std::fs::read_to_string(articles.join(format!("{}.txt", g.id))).expect("article reads");
        let mut doc = extractor.extract(&text, None);
        doc.id = Some(g.id.clone());
        pred.push(tidings_eval::parse_document(&serde_json::to_string(&doc).unwrap()).unwrap());
        texts.insert(g.id.clone(), text);
    }
    tidings_eval::score_with_texts(&gold, &pred, &texts)
}
