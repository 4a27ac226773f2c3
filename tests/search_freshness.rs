//! `mizan search` never answers from an index older than the files: a
//! statute edited, added, removed or replaced is seen by the very next
//! search, with no pause between the edit and the search. The edits keep
//! the length of the text, and one also puts the modification time back,
//! so that neither the length nor the time gives the change away (as on a
//! file system whose clock ticks coarsely, or after a tool that restores
//! times).

use std::fs;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use mizan::testing::files::{copy_dir, edit_keeping_time};
use serde_json::Value;

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/workspace");
    copy_dir(&from, dir.path());
    dir
}

/// How many documents `mizan search QUERY` finds.
fn total(root: &Path, query: &str) -> u64 {
    let out = Command::new(cargo_bin("mizan"))
        .arg("--workspace")
        .arg(root)
        .args(["search", query, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "search {query} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["total"].as_u64().unwrap()
}

const STATUTE: &str = "corpus/kw/act-1995-3.en.md";

#[test]
fn an_edit_of_the_same_length_is_seen_by_the_next_search() {
    let dir = fixture();
    let path = dir.path().join(STATUTE);
    assert_eq!(total(dir.path(), "obstructs"), 1);
    // Each word has the length of the one before: the file's length never
    // changes, and each search follows its edit at once.
    let words = [
        "obstructs",
        "zeppelins",
        "kangaroos",
        "obstructs",
        "albatross",
    ];
    for pair in words.windows(2) {
        let (old, new) = (pair[0], pair[1]);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace(old, new)).unwrap();
        assert_eq!(total(dir.path(), new), 1, "{new} is found after the edit");
        assert_eq!(total(dir.path(), old), 0, "{old} is gone after the edit");
    }
}

#[test]
fn an_edit_that_keeps_the_length_and_the_time_is_seen() {
    let dir = fixture();
    let path = dir.path().join(STATUTE);
    assert_eq!(total(dir.path(), "zeppelins"), 0);
    let modified = edit_keeping_time(&path);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    assert_eq!(total(dir.path(), "zeppelins"), 1);
    assert_eq!(total(dir.path(), "obstructs"), 0);
}

#[test]
fn an_added_statute_is_seen_by_the_next_search() {
    let dir = fixture();
    assert_eq!(total(dir.path(), "quokkas"), 0);
    let text = fs::read_to_string(dir.path().join(STATUTE)).unwrap();
    let added = text
        .replace("/akn/kw/act/1995/3", "/akn/kw/act/1996/4")
        .replace("No. 3 of 1995", "No. 4 of 1996")
        .replace("1995-06-01", "1996-06-01")
        .replace("obstructs an inspector", "feeds quokkas");
    fs::write(dir.path().join("corpus/kw/act-1996-4.en.md"), added).unwrap();
    assert_eq!(total(dir.path(), "quokkas"), 1);
}

#[test]
fn a_removed_statute_is_gone_from_the_next_search() {
    let dir = fixture();
    assert_eq!(total(dir.path(), "obstructs"), 1);
    fs::remove_file(dir.path().join(STATUTE)).unwrap();
    assert_eq!(total(dir.path(), "obstructs"), 0);
}

#[test]
fn a_statute_replaced_by_a_rename_is_seen_by_the_next_search() {
    // How many editors save: write a new file beside it, rename it over.
    let dir = fixture();
    let path = dir.path().join(STATUTE);
    assert_eq!(total(dir.path(), "obstructs"), 1);
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let tmp = dir.path().join("corpus/kw/.act-1995-3.en.md.swp");
    fs::write(&tmp, text.replace("obstructs", "zeppelins")).unwrap();
    fs::File::options()
        .write(true)
        .open(&tmp)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    fs::rename(&tmp, &path).unwrap();
    assert_eq!(total(dir.path(), "zeppelins"), 1);
    assert_eq!(total(dir.path(), "obstructs"), 0);
}

/// Once every stamp has settled (three seconds after the files last
/// changed), `search` opens the index by its compact stamps file alone,
/// without the manifest: an edit that keeps the length and the time is
/// still seen by the very next search, through the file's status-change
/// time.
#[test]
fn an_edit_is_seen_through_the_settled_stamps() {
    let dir = fixture();
    let path = dir.path().join(STATUTE);
    assert_eq!(total(dir.path(), "zeppelins"), 0);
    std::thread::sleep(std::time::Duration::from_millis(3200));
    // Restamps the files (now settled), writing the stamps file.
    assert_eq!(total(dir.path(), "zeppelins"), 0);
    let index = dir.path().join(".mizan/index");
    let stamps = fs::read_dir(&index)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().starts_with("stamps-")
        })
        .count();
    assert!(stamps >= 1, "a stamps file beside the manifest");
    let meta = fs::read_to_string(index.join("meta.json")).unwrap();
    assert!(meta.contains("stamps-"), "the last commit names it");
    edit_keeping_time(&path);
    assert_eq!(total(dir.path(), "zeppelins"), 1);
    assert_eq!(total(dir.path(), "obstructs"), 0);
}
