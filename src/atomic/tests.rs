//! The atomic writer: what a failed, killed or concurrent run leaves, and
//! what it refuses to replace.

use super::*;

const MARKER: &str = ".marker.json";

/// Writes `files` into `out` as one run.
fn run(out: &Path, files: &[(&str, &[u8])]) -> Result<(), OutputError> {
    let s = Staging::begin(out, MARKER)?;
    for (rel, bytes) in files {
        s.write(rel, bytes)?;
    }
    s.commit(b"{}")
}

/// The names in `dir` that a run leaves only while it runs.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect()
}

#[test]
fn a_folder_is_created_then_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&out, &[("a/b.xml", b"<x/>")]).unwrap();
    assert_eq!(fs::read(out.join("a/b.xml")).unwrap(), b"<x/>");
    run(&out, &[("c.xml", b"<y/>")]).unwrap();
    assert!(!out.join("a").exists(), "the old folder is gone");
    assert!(out.join("c.xml").is_file());
    assert_eq!(fs::read(out.join(MARKER)).unwrap(), b"{}");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn a_failed_run_leaves_the_previous_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    run(&out, &[("index.html", b"first")]).unwrap();

    let s = Staging::begin(&out, MARKER).unwrap();
    assert_eq!(s.previous_marker(), Some(&b"{}"[..]));
    s.write("index.html", b"second, half written").unwrap();
    drop(s); // the run failed
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"first");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn a_folder_that_is_not_ours_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("notes");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("precious.txt"), b"keep me").unwrap();
    let err = Staging::begin(&out, MARKER).unwrap_err();
    assert!(
        matches!(&err, OutputError::NotOurs { path, marker: MARKER } if *path == out),
        "{err}"
    );
    assert_eq!(fs::read(out.join("precious.txt")).unwrap(), b"keep me");
    // An empty folder is fine.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    run(&empty, &[("a.xml", b"<x/>")]).unwrap();
    assert!(empty.join("a.xml").is_file());
}

#[test]
fn a_folder_left_half_swapped_by_a_killed_run_is_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    run(&out, &[("index.html", b"first")]).unwrap();
    // Killed between the two renames of a swap, and in the middle of a run.
    fs::rename(&out, dir.path().join(".site.old-99999")).unwrap();
    fs::create_dir(dir.path().join(".site.tmp-99998")).unwrap();
    let s = Staging::begin(&out, MARKER).unwrap();
    assert!(s.previous_marker().is_some());
    assert!(!dir.path().join(".site.tmp-99998").exists());
    drop(s);
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"first");
}

#[test]
fn paths_cannot_leave_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let s = Staging::begin(&dir.path().join("site"), MARKER).unwrap();
    for bad in ["../x", "/etc/x", "a/../../x", "", "a//b", "a\\..\\x"] {
        assert!(s.write(bad, b"x").is_err(), "{bad}");
    }
    drop(s);
    assert!(!dir.path().join("x").exists());
    assert!(!dir.path().join("site").exists());
}

#[test]
fn reuse_takes_files_over_from_the_previous_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    run(&out, &[("a/b.html", b"kept")]).unwrap();
    let s = Staging::begin(&out, MARKER).unwrap();
    assert!(s.reuse("a/b.html").unwrap());
    assert!(!s.reuse("missing.html").unwrap());
    assert_eq!(s.previous_files("a"), ["b.html"]);
    s.commit(b"{}").unwrap();
    assert_eq!(fs::read(out.join("a/b.html")).unwrap(), b"kept");
}

#[test]
fn runs_into_one_folder_wait_for_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let first = Staging::begin(&out, MARKER).unwrap();
    first.write("index.html", b"first").unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let second = {
        let out = out.clone();
        std::thread::spawn(move || {
            let s = Staging::begin(&out, MARKER).unwrap();
            tx.send(()).unwrap();
            // It starts after the first has committed, so it sees its work.
            let seen = s.previous_marker().map(<[u8]>::to_vec);
            s.write("index.html", b"second").unwrap();
            s.commit(b"{\"n\":2}").unwrap();
            seen
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(rx.try_recv().is_err(), "the second run did not wait");
    first.commit(b"{\"n\":1}").unwrap();
    assert_eq!(second.join().unwrap().as_deref(), Some(&b"{\"n\":1}"[..]));
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"second");
}

#[test]
fn an_unwritable_place_is_an_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "x").unwrap();

    // A file in the path, and a file where the folder must go.
    for out in [blocker.join("out"), blocker.clone()] {
        let err = Staging::begin(&out, MARKER).unwrap_err();
        let OutputError::Unwritable { path, error, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(*path, blocker);
        assert_eq!(OutputError::reason(error), "it is a file, not a folder");
    }
    let err = write_file(&blocker.join("x.ndjson"), b"{}").unwrap_err();
    assert!(
        err.to_string().contains("it is a file, not a folder"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "x");

    let err = write_file(dir.path(), b"{}").unwrap_err();
    assert!(
        err.to_string().contains("it is a folder, not a file"),
        "{err}"
    );
    assert!(write_file(Path::new("/"), b"{}").is_err());
}

#[test]
fn a_file_is_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deep/x.ndjson");
    write_file(&out, b"one").unwrap();
    write_file(&out, b"two").unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"two");
    assert!(leftovers(&dir.path().join("deep")).is_empty());
}

#[test]
fn a_tree_is_removed_whole_many_folders_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    for a in 0..5 {
        for b in 0..30 {
            let d = root.join(format!("en/{a}/{b}"));
            fs::create_dir_all(d.join("deeper")).unwrap();
            fs::write(d.join("index.html"), "x").unwrap();
            fs::write(d.join("deeper/page.html"), "y").unwrap();
        }
    }
    fs::write(root.join("top.html"), "z").unwrap();
    remove_tree(&root).unwrap();
    assert!(!root.exists());
    // A folder that is not there is the system's error, as for one removal.
    let e = remove_tree(&root).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::NotFound);
}

/// The files of the archive at `path`, by name.
fn archived(path: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    use std::io::Read;
    let mut a = zip::ZipArchive::new(File::open(path).unwrap()).unwrap();
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().unwrap().into_owned(), v)
        })
        .collect()
}

/// An output named `….zip` is an archive, replaced whole as a folder is:
/// a failed run leaves the last one, a run never takes files over from
/// it, and a zip that is not ours is never replaced.
#[test]
fn an_archive_is_created_then_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site.zip");
    assert!(is_archive(&out) && is_archive(Path::new("SITE.ZIP")));
    assert!(!is_archive(Path::new("site")) && !is_archive(Path::new("zip")));
    run(&out, &[("a/b.html", b"<p>first</p>")]).unwrap();
    let files = archived(&out);
    assert_eq!(files["a/b.html"], b"<p>first</p>");
    assert_eq!(files[MARKER], b"{}");

    let s = Staging::begin(&out, MARKER).unwrap();
    assert_eq!(s.previous_marker(), None, "always written whole");
    assert!(!s.reuse("a/b.html").unwrap());
    s.write("a/b.html", b"half").unwrap();
    drop(s); // the run failed
    assert_eq!(archived(&out)["a/b.html"], b"<p>first</p>");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );

    run(&out, &[("c.html", b"second")]).unwrap();
    let files = archived(&out);
    assert!(!files.contains_key("a/b.html"));
    assert_eq!(files["c.html"], b"second");
    assert!(s_err(&out, "../x").contains("not a relative path"));

    let theirs = dir.path().join("theirs.zip");
    fs::write(&theirs, b"PK\x05\x06 not a site").unwrap();
    let err = Staging::begin(&theirs, MARKER).unwrap_err();
    assert!(matches!(err, OutputError::NotOurs { .. }), "{err}");
    assert_eq!(fs::read(&theirs).unwrap(), b"PK\x05\x06 not a site");
    fs::create_dir(dir.path().join("folder.zip")).unwrap();
    let err = Staging::begin(&dir.path().join("folder.zip"), MARKER).unwrap_err();
    assert!(matches!(err, OutputError::Unwritable { .. }), "{err}");
}

/// The error of writing `rel` into a run on `out`.
fn s_err(out: &Path, rel: &str) -> String {
    let s = Staging::begin(out, MARKER).unwrap();
    s.write(rel, b"x").unwrap_err().to_string()
}
