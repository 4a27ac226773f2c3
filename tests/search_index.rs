//! The on-disk index: built on demand, refreshed incrementally by content
//! hashes and document fingerprints, rebuilt when it cannot be reused.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use mizan::Workspace;
use mizan::search::{
    Filters, Freshness, IndexStore, RefreshReport, SearchIndex, SearchRequest, StaleReason, search,
};
use mizan::testing::files::copy_dir;

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/workspace");
    copy_dir(&from, dir.path());
    dir
}

/// Opens the index the way `mizan search` does: refreshing when stale.
fn open(root: &Path) -> (SearchIndex, Option<(StaleReason, RefreshReport)>) {
    let store = IndexStore::new(root);
    match store.open().unwrap() {
        Freshness::Fresh(ix) => (ix, None),
        Freshness::Stale { reason, stamps } => {
            let ws = Workspace::load(root).unwrap();
            let (ix, report) = store.refresh(&ws, stamps, &mut |_| {}).unwrap();
            (ix, Some((reason, report)))
        }
    }
}

fn total(ix: &SearchIndex, query: &str) -> usize {
    let request = SearchRequest {
        query: query.to_owned(),
        filters: Filters::default(),
        limit: 5,
    };
    search(ix, &request).unwrap().total
}

/// Moves a file's modification time forward so a change is visible even on
/// file systems with coarse timestamps.
fn touch(path: &Path) {
    let f = fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() + Duration::from_secs(5))
        .unwrap();
}

#[test]
fn first_search_builds_the_index_and_the_next_reuses_it() {
    let dir = fixture();
    let (ix, refreshed) = open(dir.path());
    let (reason, report) = refreshed.expect("built on demand");
    assert_eq!(reason, StaleReason::Missing);
    assert!(report.rebuilt);
    // 10 + 10 + 2 articles, 3 provisions.
    assert_eq!(ix.num_docs(), 25);
    assert_eq!(report.documents, 25);
    assert!(dir.path().join(".mizan/index/meta.json").is_file());
    assert_eq!(
        fs::read_to_string(dir.path().join(".mizan/.gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("*"),
        "the state folder ignores itself"
    );
    assert!(!dir.path().join(".mizan/index.building").exists());
    let (_, refreshed) = open(dir.path());
    assert!(refreshed.is_none(), "nothing changed: no refresh");
}

#[test]
fn a_touched_but_unchanged_file_does_not_refresh() {
    let dir = fixture();
    open(dir.path());
    touch(&dir.path().join("corpus/kw/act-2020-7.en.md"));
    let (_, refreshed) = open(dir.path());
    assert!(refreshed.is_none(), "same content hash: no refresh");
    // The new time was recorded. (A time this recent, or in the future,
    // is racy: the next open hashes the file again, and still does not
    // refresh.)
    let (_, refreshed) = open(dir.path());
    assert!(refreshed.is_none());
}

#[test]
fn a_changed_statute_reindexes_only_its_own_documents() {
    let dir = fixture();
    let (ix, _) = open(dir.path());
    assert_eq!(total(&ix, "zeppelin"), 0);
    let path = dir.path().join("corpus/kw/act-1995-3.en.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("by a fine", "by a fine or a zeppelin")).unwrap();
    touch(&path);
    let (ix, refreshed) = open(dir.path());
    let (reason, report) = refreshed.expect("refreshed");
    assert_eq!(reason, StaleReason::Changed);
    assert!(!report.rebuilt);
    assert_eq!(report.groups_updated, 1);
    assert_eq!(report.documents_written, 2, "the two articles of that file");
    assert_eq!(ix.num_docs(), 25, "replaced, not duplicated");
    assert_eq!(total(&ix, "zeppelin"), 1);
}

#[test]
fn a_removed_file_removes_its_documents() {
    let dir = fixture();
    let (ix, _) = open(dir.path());
    assert_eq!(total(&ix, "obstructs"), 1);
    fs::remove_file(dir.path().join("corpus/kw/act-1995-3.en.md")).unwrap();
    let (ix, refreshed) = open(dir.path());
    let (_, report) = refreshed.expect("refreshed");
    assert_eq!(report.groups_removed, 1);
    assert_eq!(ix.num_docs(), 23);
    assert_eq!(total(&ix, "obstructs"), 0);
}

#[test]
fn a_changed_mapping_updates_the_articles_it_cites() {
    let dir = fixture();
    let (ix, _) = open(dir.path());
    let mapped = |ix: &SearchIndex| {
        let request = SearchRequest {
            query: String::new(),
            filters: Filters {
                provisions: vec!["tip/art_6__para_6".into()],
                kinds: vec![mizan::search::Kind::Article],
                ..Filters::default()
            },
            limit: 10,
        };
        search(ix, &request).unwrap().total
    };
    assert_eq!(mapped(&ix), 0);
    let path = dir.path().join("corpus/kw/mappings/tip.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "  - provision: art_6__para_6\n    articles: []\n    status: missing",
        "  - provision: art_6__para_6\n    articles: [/akn/kw/act/2020/7/~art_1]\n    status: partial",
    );
    fs::write(&path, text).unwrap();
    touch(&path);
    let (ix, refreshed) = open(dir.path());
    let (_, report) = refreshed.expect("refreshed");
    // Both expressions of the cited article, and the provision's coverage.
    assert_eq!(report.groups_updated, 3);
    assert_eq!(mapped(&ix), 2, "article 1 in English and Arabic");
}

/// Changes the payload of the index's last commit (the JSON tantivy keeps
/// in `meta.json`) as `change` says.
fn rewrite_payload(ws: &std::path::Path, change: impl FnOnce(&mut serde_json::Value)) {
    let meta_path = ws.join(".mizan/index/meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&meta_path).unwrap()).unwrap();
    let mut payload: serde_json::Value =
        serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    change(&mut payload);
    meta["payload"] = serde_json::json!(payload.to_string());
    fs::write(&meta_path, meta.to_string()).unwrap();
}

#[test]
fn an_index_of_another_schema_version_is_rebuilt() {
    let dir = fixture();
    open(dir.path());
    // Rewrite the payload of the last commit as if an older mizan wrote it.
    rewrite_payload(dir.path(), |payload| {
        payload["schema"] = serde_json::json!(0)
    });
    let (ix, refreshed) = open(dir.path());
    let (reason, report) = refreshed.expect("rebuilt");
    assert_eq!(reason, StaleReason::Incompatible);
    assert!(report.rebuilt);
    assert_eq!(ix.num_docs(), 25);
}

#[test]
fn an_index_made_with_other_built_in_language_files_is_rebuilt() {
    // The documents hold words of the built-in language files (headings,
    // list letters): a mizan with other files must not trust the index,
    // although no workspace file changed.
    let dir = fixture();
    open(dir.path());
    rewrite_payload(dir.path(), |payload| {
        assert!(payload["languages"].as_u64().unwrap() != 0);
        payload["languages"] = serde_json::json!(1);
    });
    let (ix, refreshed) = open(dir.path());
    let (reason, report) = refreshed.expect("rebuilt");
    assert_eq!(reason, StaleReason::Incompatible);
    assert!(report.rebuilt);
    assert_eq!(ix.num_docs(), 25);
}

#[test]
fn a_damaged_index_is_rebuilt() {
    let dir = fixture();
    open(dir.path());
    fs::write(dir.path().join(".mizan/index/meta.json"), "{ not json").unwrap();
    let (ix, refreshed) = open(dir.path());
    let (reason, report) = refreshed.expect("rebuilt");
    assert_eq!(reason, StaleReason::Incompatible);
    assert!(report.rebuilt);
    assert_eq!(total(&ix, "wages"), 3);
}

#[test]
fn leftovers_of_an_interrupted_rebuild_are_cleaned_up() {
    let dir = fixture();
    let state = dir.path().join(".mizan");
    fs::create_dir_all(state.join("index.tmp-999999")).unwrap();
    fs::write(state.join("index.tmp-999999/junk"), "half written").unwrap();
    fs::write(state.join("index.building"), "999999").unwrap();
    let (_, refreshed) = open(dir.path());
    let (_, report) = refreshed.expect("built");
    assert!(report.recovered, "the stale marker was noticed");
    assert!(!state.join("index.tmp-999999").exists());
    assert!(!state.join("index.building").exists());
}
