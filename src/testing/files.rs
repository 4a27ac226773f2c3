//! Folders for tests: the repository, copies of workspaces to edit, and
//! what a command wrote.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The root of the repository (the bundled workspace).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The book's example workspace, small and valid.
pub fn example_workspace() -> PathBuf {
    repo().join("book/src/examples/workspace")
}

/// Copies a folder (a workspace) into a new place, for tests that edit it;
/// leaves out the search index (`.mizan/`) the original may hold, so the
/// copy starts without one.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    let entries = fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for entry in entries {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != ".mizan" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("{}: {e}", entry.path().display()));
        }
    }
}

/// Every file under `dir`, relative to it, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// The text of a file; a missing or unreadable file fails the test with
/// its name.
pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The content of a file, gunzipped if it is gzip (Pagefind's index
/// files), every part expanded if it is a zip archive (Word documents).
pub fn plain_bytes(path: &Path) -> Vec<u8> {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if bytes.starts_with(b"PK") {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..]))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut out = Vec::new();
        for i in 0..z.len() {
            z.by_index(i)
                .and_then(|mut f| f.read_to_end(&mut out).map_err(Into::into))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        out
    } else if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out
    } else {
        bytes
    }
}

/// Puts "zeppelins" for "obstructs" (the same length) in the file at
/// `path` and its modification time back; returns that time. Only the
/// status-change time shows the edit (the search index's freshness tests).
pub fn edit_keeping_time(path: &Path) -> std::time::SystemTime {
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    let text = fs::read_to_string(path).unwrap();
    fs::write(path, text.replace("obstructs", "zeppelins")).unwrap();
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    modified
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_holds_every_file_of_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let from = example_workspace();
        copy_dir(&from, dir.path());
        let listed: Vec<PathBuf> = files(&from)
            .into_iter()
            .filter(|f| !f.starts_with(".mizan"))
            .collect();
        assert!(
            listed.iter().any(|f| f.ends_with("mizan.toml")),
            "{listed:?}"
        );
        assert_eq!(files(dir.path()), listed);
        for f in &listed {
            assert_eq!(
                fs::read(dir.path().join(f)).unwrap(),
                fs::read(from.join(f)).unwrap()
            );
        }
    }

    #[test]
    fn gzip_is_read_plain() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"pagefind").unwrap();
        let zipped = dir.path().join("x.pf_fragment");
        fs::write(&zipped, gz.finish().unwrap()).unwrap();
        assert_eq!(plain_bytes(&zipped), b"pagefind");
        let plain = dir.path().join("x.txt");
        fs::write(&plain, "text").unwrap();
        assert_eq!(plain_bytes(&plain), b"text");
    }
}
