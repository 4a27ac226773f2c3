//! The index built while the workspace is read one statute at a time
//! (`IndexStore::refresh_streamed`, what `mizan search` does) is the index
//! built from the loaded workspace: the same documents, the same manifest,
//! the same results with the same scores, in English and Arabic; and a
//! workspace with errors stops it with the diagnostics a load gives.

use std::fs;
use std::path::Path;

use mizan::Workspace;
use mizan::diag::render_text;
use mizan::search::{
    Filters, Freshness, IndexStore, RefreshReport, SearchIndex, SearchRequest, search,
};
use mizan::testing::files::copy_dir;

fn copy(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(from, dir.path());
    dir
}

fn stale(store: &IndexStore) -> mizan::search::index::Stamps {
    match store.open().unwrap() {
        Freshness::Stale { stamps, .. } => stamps,
        Freshness::Fresh(_) => panic!("no index yet"),
    }
}

/// Builds the index of `root` from the loaded workspace.
fn loaded(root: &Path) -> (SearchIndex, RefreshReport) {
    let store = IndexStore::new(root);
    let stamps = stale(&store);
    let ws = Workspace::load(root).unwrap();
    store.refresh(&ws, stamps, &mut |_| {}).unwrap()
}

/// Builds the index of `root` while loading it one statute at a time.
fn streamed(root: &Path) -> (SearchIndex, RefreshReport) {
    let store = IndexStore::new(root);
    let stamps = stale(&store);
    let (ix, report, _) = store
        .refresh_streamed(stamps, &mut |_| {})
        .unwrap()
        .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
    (ix, report)
}

/// A hit: id, language, score (bits), provisions, coverage.
type Found = (String, String, u32, Vec<String>, Vec<String>);

/// Every hit of a query.
fn hits(ix: &SearchIndex, query: &str) -> Vec<Found> {
    let request = SearchRequest {
        query: query.to_owned(),
        filters: Filters::default(),
        limit: 10_000,
    };
    let results = search(ix, &request).unwrap();
    results
        .hits
        .into_iter()
        .map(|h| (h.id, h.lang, h.score.to_bits(), h.provisions, h.coverage))
        .collect()
}

/// The manifest's groups and file hashes (not the times).
fn manifest(root: &Path) -> serde_json::Value {
    let dir = root.join(".mizan/index");
    let name = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("manifest-"))
        .expect("a manifest");
    let m: serde_json::Value = serde_json::from_slice(&fs::read(dir.join(name)).unwrap()).unwrap();
    let hashes: serde_json::Map<String, serde_json::Value> = m["files"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v["hash"].clone()))
        .collect();
    serde_json::json!({ "groups": m["groups"], "hashes": hashes })
}

fn same_both_ways(from: &Path, queries: &[&str]) {
    let (a, b) = (copy(from), copy(from));
    let (ia, ra) = loaded(a.path());
    let (ib, rb) = streamed(b.path());
    assert_eq!(ra, rb, "the refresh reports");
    assert_eq!(ia.num_docs(), ib.num_docs());
    assert_eq!(manifest(a.path()), manifest(b.path()));
    // Every document, by an empty query, and each query's hits and scores.
    for q in [""].iter().chain(queries) {
        let (ha, hb) = (hits(&ia, q), hits(&ib, q));
        assert!(q.is_empty() || !ha.is_empty(), "`{q}` finds something");
        assert_eq!(ha, hb, "query `{q}`");
    }
    // Both indexes are fresh as they are.
    for dir in [&a, &b] {
        let store = IndexStore::new(dir.path());
        assert!(matches!(store.open().unwrap(), Freshness::Fresh(_)));
    }
}

#[test]
fn the_search_fixture_indexes_the_same_both_ways() {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/workspace");
    same_both_ways(
        &from,
        &[
            "employer",
            "trafficking",
            "heading:punishment",
            "الألف",
            "inspection OR اجراءات",
        ],
    );
}

#[test]
fn the_book_workspace_indexes_the_same_both_ways() {
    // Amendments, mappings with elements, two languages.
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/examples/workspace");
    same_both_ways(
        &from,
        &[
            "trafficking",
            "victim",
            "الاتجار",
            "المجني",
            "coverage:partial",
        ],
    );
}

#[test]
fn a_generated_workspace_indexes_the_same_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    mizan_generate::generate(&mizan_generate::GenerateOptions::new(600, 7), dir.path()).unwrap();
    same_both_ways(dir.path(), &["employer", "wage", "العمل", "coverage:full"]);
}

#[test]
fn a_workspace_with_errors_stops_the_streamed_build_as_a_load_does() {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/examples/workspace");
    let dir = copy(&from);
    let root = dir.path();
    // Index it once, then break a mapping (an unknown article) and add a
    // warning to a statute (a control character).
    streamed(root);
    let index_before = manifest(root);
    let mapping = fs::read_dir(root.join("corpus/kw/mappings"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .next()
        .unwrap();
    let text = fs::read_to_string(&mapping).unwrap();
    let broken = text.replacen("~art_1", "~art_999", 1);
    assert_ne!(text, broken);
    fs::write(&mapping, broken).unwrap();
    let statute = root.join("corpus/kw/act-2013-91.en.md");
    let text = fs::read_to_string(&statute).unwrap();
    fs::write(
        &statute,
        text.replacen("trafficking", "traffic\u{7}king", 1),
    )
    .unwrap();

    let failure = Workspace::load(root).unwrap_err();
    let store = IndexStore::new(root);
    let stamps = stale(&store);
    let streamed_failure = match store.refresh_streamed(stamps, &mut |_| {}).unwrap() {
        Err(f) => f,
        Ok(_) => panic!("the workspace has errors"),
    };
    assert!(failure.diagnostics.has_errors());
    assert_eq!(
        render_text(&failure.diagnostics, &failure.sources, false),
        render_text(
            &streamed_failure.diagnostics,
            &streamed_failure.sources,
            false
        )
    );
    // The index is as it was, and no refresh is left marked as running.
    assert_eq!(manifest(root), index_before);
    assert!(!store.marker().exists());
}

#[test]
fn warnings_are_shown_with_the_whole_text_of_their_file() {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/examples/workspace");
    let dir = copy(&from);
    let root = dir.path();
    // An article with no counterpart in the other language: a warning of
    // the checks across files, at a line far into the statute.
    let statute = root.join("corpus/kw/act-2013-91.en.md");
    let text = fs::read_to_string(&statute).unwrap();
    fs::write(
        &statute,
        format!("{text}\n## Article 99\n\nA new article.\n"),
    )
    .unwrap();
    let ws = Workspace::load(root).unwrap();
    assert!(!ws.diagnostics.is_empty(), "a warning");
    let store = IndexStore::new(root);
    let stamps = stale(&store);
    let (_, _, s) = store
        .refresh_streamed(stamps, &mut |_| {})
        .unwrap()
        .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
    assert_eq!(
        render_text(&ws.diagnostics, &ws.sources, false),
        render_text(&s.workspace.diagnostics, &s.workspace.sources, false)
    );
    assert_eq!(ws.summary(), s.workspace.summary());
}
