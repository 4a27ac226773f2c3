use super::*;
use crate::testing::files::edit_keeping_time;

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// An indexed copy of the search fixture, and its manifest as it will
/// be once every stamp has settled (as three seconds after indexing).
fn indexed() -> (tempfile::TempDir, IndexStore, Manifest) {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/workspace");
    copy(&from, dir.path());
    let store = IndexStore::new(dir.path());
    let Ok(Freshness::Stale { stamps, .. }) = store.open() else {
        panic!("a new workspace has no index")
    };
    let ws = Workspace::load(dir.path()).unwrap();
    store.refresh(&ws, stamps, &mut |_| {}).unwrap();
    // Indexing made `.mizan/` in the workspace folder after stamping
    // it: the next open lists the layout again and records the folders.
    assert!(matches!(store.open(), Ok(Freshness::Fresh(_))));
    let (index, mut manifest) = open_with_manifest(&store.index_dir()).unwrap();
    assert!(
        !manifest.folders.is_empty(),
        "no links: the shortcut is safe"
    );
    for s in manifest
        .files
        .values_mut()
        .chain(manifest.folders.values_mut())
    {
        s.racy = false;
    }
    let dir_path = store.index_dir();
    let mut writer = new_writer(&index, &dir_path).unwrap();
    commit_with(&mut writer, &manifest, &dir_path).unwrap();
    writer.wait_merging_threads().unwrap();
    (dir, store, manifest)
}

const STATUTE: &str = "corpus/kw/act-1995-3.en.md";

#[test]
fn settled_folders_take_the_shortcut_and_every_file_is_stamped() {
    let (_dir, store, manifest) = indexed();
    let quick = store.quick_stamps(&manifest).expect("the shortcut");
    assert!(quick.files.keys().eq(manifest.files.keys()));
    for (rel, (_, stamp)) in &quick.files {
        assert!(stamp.same_stat(&manifest.files[rel]), "{rel}");
    }
    assert!(matches!(store.open(), Ok(Freshness::Fresh(_))));
}

#[test]
fn an_edit_in_place_is_seen_through_the_shortcut() {
    let (dir, store, manifest) = indexed();
    edit_keeping_time(&dir.path().join(STATUTE));
    // The folder did not change: the shortcut is still taken, and it
    // sees the new status-change time.
    let quick = store.quick_stamps(&manifest).expect("the shortcut");
    assert!(!quick.files[STATUTE].1.same_stat(&manifest.files[STATUTE]));
    assert!(matches!(
        store.open(),
        Ok(Freshness::Stale {
            reason: StaleReason::Changed,
            ..
        })
    ));
}

#[test]
fn an_added_or_removed_file_changes_its_folder_and_ends_the_shortcut() {
    let (dir, store, manifest) = indexed();
    let added = dir.path().join("corpus/kw/notes.txt");
    fs::write(&added, "not a statute").unwrap();
    assert!(store.quick_stamps(&manifest).is_none());
    // Listed again: the same statutes, so the index is fresh.
    assert!(matches!(store.open(), Ok(Freshness::Fresh(_))));
    let (dir, store, manifest) = indexed();
    fs::remove_file(dir.path().join(STATUTE)).unwrap();
    assert!(store.quick_stamps(&manifest).is_none());
    assert!(matches!(
        store.open(),
        Ok(Freshness::Stale {
            reason: StaleReason::Changed,
            ..
        })
    ));
}

#[test]
fn a_settled_index_opens_by_its_stamps_file_alone() {
    let (_dir, store, _manifest) = indexed();
    let dir = store.index_dir();
    assert!(store.open_unchanged(&dir).is_some(), "the fast path");
    // Without a readable stamps file the manifest decides, as before.
    for e in fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.to_string_lossy().contains("stamps-") {
            fs::write(&path, b"MZST not stamps").unwrap();
        }
    }
    assert!(store.open_unchanged(&dir).is_none());
    assert!(matches!(store.open(), Ok(Freshness::Fresh(_))));
}

#[test]
fn an_edit_in_place_ends_the_fast_path() {
    let (dir, store, _manifest) = indexed();
    edit_keeping_time(&dir.path().join(STATUTE));
    assert!(store.open_unchanged(&store.index_dir()).is_none());
    assert!(matches!(
        store.open(),
        Ok(Freshness::Stale {
            reason: StaleReason::Changed,
            ..
        })
    ));
}

#[test]
fn stamps_files_read_back_and_reject_damage() {
    let (_dir, _store, manifest) = indexed();
    let bytes = quick::encode(&manifest).expect("stamps");
    assert!(quick::file_name(&bytes).starts_with("stamps-"));
    let mut damaged = bytes.clone();
    damaged.truncate(bytes.len() - 3);
    assert_ne!(quick::word_hash(&bytes), quick::word_hash(&damaged));
}
