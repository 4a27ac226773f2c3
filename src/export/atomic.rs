//! Atomic output: everything is written beside its destination under a
//! temporary name, then renamed into place, so a failed or killed export
//! never leaves a half-written file or folder where the last good one was.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::ExportError;

/// The manifest every exported folder holds. Its presence is what allows a
/// later export to replace the folder: a folder without it is someone
/// else's, and is never deleted.
pub const MARKER: &str = "mizan-export.json";

/// The folder that holds `out`, and `out`'s own name.
fn split(out: &Path) -> Result<(PathBuf, String), ExportError> {
    let name = out
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| {
            ExportError::io(
                out,
                "write to",
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "the output path must end in a file or folder name",
                ),
            )
        })?
        .to_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

fn create_parent(parent: &Path) -> Result<(), ExportError> {
    fs::create_dir_all(parent).map_err(|e| ExportError::io(parent, "create the folder", e))
}

/// Writes `bytes` to the file `out`, replacing it atomically.
pub fn write_file(out: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let (parent, name) = split(out)?;
    if out.is_dir() {
        return Err(ExportError::WrongKind {
            path: out.to_path_buf(),
            expected: "file",
        });
    }
    create_parent(&parent)?;
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = fs::write(&tmp, bytes)
        .map_err(|e| ExportError::io(&tmp, "write", e))
        .and_then(|()| fs::rename(&tmp, out).map_err(|e| ExportError::io(out, "replace", e)));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Writes a folder of files to `out` (each path relative to it), with
/// `manifest` as its [`MARKER`], replacing a previous export atomically.
/// An existing folder that is not empty and holds no marker is refused.
pub fn write_folder(
    out: &Path,
    files: &[(PathBuf, Vec<u8>)],
    manifest: &[u8],
) -> Result<(), ExportError> {
    let (parent, name) = split(out)?;
    let existing = match fs::symlink_metadata(out) {
        Ok(m) if m.is_dir() => true,
        Ok(_) => {
            return Err(ExportError::WrongKind {
                path: out.to_path_buf(),
                expected: "folder",
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(ExportError::io(out, "read", e)),
    };
    if existing && !out.join(MARKER).is_file() {
        let mut entries = fs::read_dir(out).map_err(|e| ExportError::io(out, "read", e))?;
        if entries.next().is_some() {
            return Err(ExportError::NotAnExport {
                path: out.to_path_buf(),
            });
        }
    }
    create_parent(&parent)?;
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.tmp-{pid}"));
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(|e| ExportError::io(&tmp, "remove", e))?;
    }
    let result =
        fill(&tmp, files, manifest).and_then(|()| swap(&tmp, out, existing, &parent, &name));
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

/// Writes every file into the fresh folder `dir`.
fn fill(dir: &Path, files: &[(PathBuf, Vec<u8>)], manifest: &[u8]) -> Result<(), ExportError> {
    fs::create_dir(dir).map_err(|e| ExportError::io(dir, "create the folder", e))?;
    for (rel, bytes) in files {
        // The paths come from checked ids; this is a second lock on the door.
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(ExportError::io(
                rel,
                "write",
                io::Error::new(io::ErrorKind::InvalidInput, "not a plain relative path"),
            ));
        }
        let path = dir.join(rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(|e| ExportError::io(p, "create the folder", e))?;
        }
        fs::write(&path, bytes).map_err(|e| ExportError::io(&path, "write", e))?;
    }
    let marker = dir.join(MARKER);
    fs::write(&marker, manifest).map_err(|e| ExportError::io(&marker, "write", e))
}

/// Puts the finished folder `tmp` where `out` is, keeping the old one until
/// the new one is in place.
fn swap(
    tmp: &Path,
    out: &Path,
    existing: bool,
    parent: &Path,
    name: &str,
) -> Result<(), ExportError> {
    if !existing {
        return fs::rename(tmp, out).map_err(|e| ExportError::io(out, "create", e));
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| ExportError::io(&old, "remove", e))?;
    }
    fs::rename(out, &old).map_err(|e| ExportError::io(out, "move aside", e))?;
    if let Err(e) = fs::rename(tmp, out) {
        let _ = fs::rename(&old, out);
        return Err(ExportError::io(out, "replace", e));
    }
    fs::remove_dir_all(&old).map_err(|e| ExportError::io(&old, "remove", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(PathBuf, Vec<u8>)> {
        vec![(PathBuf::from("a/b.xml"), b"<x/>".to_vec())]
    }

    #[test]
    fn a_folder_is_created_then_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_folder(&out, &files(), b"{}").unwrap();
        assert_eq!(fs::read(out.join("a/b.xml")).unwrap(), b"<x/>");
        let second = vec![(PathBuf::from("c.xml"), b"<y/>".to_vec())];
        write_folder(&out, &second, b"{}").unwrap();
        assert!(!out.join("a").exists(), "the old export is gone");
        assert!(out.join("c.xml").is_file());
        assert!(out.join(MARKER).is_file());
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary folder is left behind");
    }

    #[test]
    fn a_folder_that_is_not_an_export_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("mine");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("thesis.txt"), "years of work").unwrap();
        let err = write_folder(&out, &files(), b"{}").unwrap_err();
        assert!(matches!(err, ExportError::NotAnExport { .. }), "{err}");
        assert_eq!(
            fs::read_to_string(out.join("thesis.txt")).unwrap(),
            "years of work"
        );
        // An empty folder is fine.
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        write_folder(&empty, &files(), b"{}").unwrap();
    }

    #[test]
    fn an_unwritable_place_is_an_error_and_the_old_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, "x").unwrap();
        let err = write_folder(&blocker.join("out"), &files(), b"{}").unwrap_err();
        assert!(err.to_string().contains("cannot"), "{err}");
        let err = write_file(&blocker.join("x.ndjson"), b"{}").unwrap_err();
        assert!(err.to_string().contains("cannot"), "{err}");
        let out = dir.path().join("x.ndjson");
        write_file(&out, b"one").unwrap();
        write_file(&out, b"two").unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"two");
        assert!(
            write_file(dir.path(), b"{}").is_err(),
            "a folder is not a file"
        );
    }

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let bad = vec![(PathBuf::from("../escape.xml"), b"x".to_vec())];
        assert!(write_folder(&dir.path().join("out"), &bad, b"{}").is_err());
        assert!(!dir.path().join("escape.xml").exists());
        assert!(!dir.path().join("out").exists());
    }
}
