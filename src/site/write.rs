//! Atomic output: a build writes a complete site into a temporary sibling
//! folder and swaps it in with renames, so a build that fails, or is
//! killed, leaves the previous site as it was.
//!
//! ```text
//! site/                the published site (never written in place)
//! .site.tmp-<pid>/     the build in progress
//! .site.old-<pid>/     the previous site, for the instant of the swap
//! .site.lock           held while a build runs: builds into one folder
//!                      wait for each other
//! ```
//!
//! The folder keeps a manifest of what each file was made from (a hash of
//! its inputs), so the next build renders only what changed and takes the
//! rest over by hard link. A folder that exists but has no manifest is not
//! a mizan site and is never replaced.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The manifest file at the root of a built site.
pub const MANIFEST: &str = ".mizan-site.json";

/// What a built site was made from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub generator: String,
    pub profile: String,
    /// Per file (relative path, `/`-separated), the hash of its inputs.
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    pub const VERSION: u32 = 1;
}

/// Why the output could not be written.
#[derive(Debug)]
pub enum OutputError {
    Io {
        path: PathBuf,
        error: io::Error,
    },
    /// The folder exists, is not empty and is not a mizan site.
    NotASite(PathBuf),
    /// The output folder cannot be made or written: a file is in the way,
    /// the file system is read-only, or permission is denied.
    Unwritable {
        out: PathBuf,
        path: PathBuf,
        error: io::Error,
    },
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            OutputError::NotASite(p) => write!(
                f,
                "{} exists and is not a site built by mizan (it has no {MANIFEST}); \
                 refusing to replace it: choose another --out folder or remove it",
                p.display()
            ),
            OutputError::Unwritable { out, path, error } => {
                let reason = match error.kind() {
                    io::ErrorKind::AlreadyExists | io::ErrorKind::NotADirectory => {
                        "it is a file, not a folder".to_owned()
                    }
                    io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
                    io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                    _ => error.to_string(),
                };
                write!(
                    f,
                    "cannot write the site to {}: {}: {reason}",
                    out.display(),
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for OutputError {}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |error| OutputError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// A build in progress into a temporary folder.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    parent: PathBuf,
    name: String,
    /// Held until the build ends; dropping it releases the lock.
    _lock: File,
    previous: Option<Manifest>,
    committed: bool,
}

impl Staging {
    /// Takes the lock of `out` (waiting for a build already running), puts
    /// back a site a killed build left half-swapped, clears leftovers of
    /// killed builds, and opens a fresh temporary folder.
    pub fn begin(out: &Path) -> Result<Staging, OutputError> {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| !n.is_empty() && *n != "." && *n != "..")
            .ok_or_else(|| OutputError::NotASite(out.to_path_buf()))?
            .to_owned();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let unwritable = |path: &Path| {
            let path = path.to_path_buf();
            move |error| OutputError::Unwritable {
                out: out.to_path_buf(),
                path,
                error,
            }
        };
        fs::create_dir_all(&parent).map_err(|e| {
            // Name the part of the path that is a file, not the whole path.
            let blocker = parent
                .ancestors()
                .find(|a| a.is_file())
                .unwrap_or(&parent)
                .to_path_buf();
            unwritable(&blocker)(e)
        })?;
        let lock_path = parent.join(format!(".{name}.lock"));
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(unwritable(&parent))?;
        lock.lock().map_err(io_err(&lock_path))?;

        // We hold the lock: any temporary or old folder is a leftover.
        let tmp_prefix = format!(".{name}.tmp-");
        let old_prefix = format!(".{name}.old-");
        let mut old = Vec::new();
        for entry in fs::read_dir(&parent).map_err(io_err(&parent))? {
            let entry = entry.map_err(io_err(&parent))?;
            let file_name = entry.file_name();
            let Some(n) = file_name.to_str() else {
                continue;
            };
            if n.starts_with(&tmp_prefix) {
                fs::remove_dir_all(entry.path()).map_err(io_err(&entry.path()))?;
            } else if n.starts_with(&old_prefix) {
                old.push(entry.path());
            }
        }
        for o in old {
            if !out.exists() && o.join(MANIFEST).is_file() {
                fs::rename(&o, out).map_err(io_err(&o))?;
            } else {
                fs::remove_dir_all(&o).map_err(io_err(&o))?;
            }
        }

        if out.exists() && !out.is_dir() {
            return Err(unwritable(out)(io::Error::from(
                io::ErrorKind::NotADirectory,
            )));
        }
        let previous = if out.exists() {
            let manifest = read_manifest(out);
            let empty = fs::read_dir(out).map_err(io_err(out))?.next().is_none();
            if manifest.is_none() && !empty {
                return Err(OutputError::NotASite(out.to_path_buf()));
            }
            manifest
        } else {
            None
        };
        let tmp = parent.join(format!("{tmp_prefix}{}", std::process::id()));
        fs::create_dir(&tmp).map_err(unwritable(&parent))?;
        Ok(Staging {
            out: out.to_path_buf(),
            tmp,
            parent,
            name,
            _lock: lock,
            previous,
            committed: false,
        })
    }

    /// The manifest of the site being replaced, if it was one.
    pub fn previous(&self) -> Option<&Manifest> {
        self.previous.as_ref()
    }

    /// Where files go during the build.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }

    fn target(&self, rel: &str) -> Result<PathBuf, OutputError> {
        // Relative paths come from ids whose grammar excludes `..`; check
        // anyway, so no path can leave the output folder.
        let ok = !rel.is_empty()
            && !rel.starts_with('/')
            && rel
                .split('/')
                .all(|c| !c.is_empty() && c != "." && c != ".." && !c.contains('\\'));
        if !ok {
            return Err(OutputError::Io {
                path: PathBuf::from(rel),
                error: io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "not a relative path inside the site",
                ),
            });
        }
        let path = self.tmp.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        Ok(path)
    }

    /// Writes one file of the new site.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.target(rel)?;
        fs::write(&path, bytes).map_err(io_err(&path))
    }

    /// Takes a file over from the previous site unchanged (a hard link, or a
    /// copy where links are not possible). `false` if it is not there.
    pub fn reuse(&self, rel: &str) -> Result<bool, OutputError> {
        let from = self.out.join(rel);
        if !from.is_file() {
            return Ok(false);
        }
        let to = self.target(rel)?;
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(io_err(&to))?;
        }
        Ok(true)
    }

    /// Every file under `rel` in the previous site, relative to it.
    pub fn previous_files(&self, rel: &str) -> Vec<String> {
        let mut out = Vec::new();
        let base = self.out.join(rel);
        let mut stack = vec![base.clone()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(r) = p.strip_prefix(&base) {
                    out.push(r.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        out.sort();
        out
    }

    /// Writes the manifest and swaps the new site in.
    pub fn commit(mut self, manifest: &Manifest) -> Result<(), OutputError> {
        let json = serde_json::to_vec_pretty(manifest).map_err(|e| OutputError::Io {
            path: self.tmp.join(MANIFEST),
            error: io::Error::other(e),
        })?;
        self.write(MANIFEST, &json)?;
        if self.out.exists() {
            let old = self
                .parent
                .join(format!(".{}.old-{}", self.name, std::process::id()));
            fs::rename(&self.out, &old).map_err(io_err(&self.out))?;
            fs::rename(&self.tmp, &self.out).map_err(io_err(&self.tmp))?;
            self.committed = true;
            fs::remove_dir_all(&old).map_err(io_err(&old))?;
        } else {
            fs::rename(&self.tmp, &self.out).map_err(io_err(&self.tmp))?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // A failed build: the previous site was never touched.
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

fn read_manifest(out: &Path) -> Option<Manifest> {
    let text = fs::read(out.join(MANIFEST)).ok()?;
    let m: Manifest = serde_json::from_slice(&text).ok()?;
    (m.version == Manifest::VERSION).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest {
            version: Manifest::VERSION,
            generator: "test".into(),
            profile: "public".into(),
            files: BTreeMap::new(),
        }
    }

    #[test]
    fn a_failed_build_leaves_the_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let s = Staging::begin(&out).unwrap();
        s.write("index.html", b"first").unwrap();
        s.commit(&manifest()).unwrap();

        let s = Staging::begin(&out).unwrap();
        assert!(s.previous().is_some());
        s.write("index.html", b"second, half written").unwrap();
        drop(s); // the build failed
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"first");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_folder_that_is_not_a_site_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("notes");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), b"keep me").unwrap();
        let err = Staging::begin(&out).unwrap_err();
        assert!(matches!(err, OutputError::NotASite(_)), "{err}");
        assert_eq!(fs::read(out.join("precious.txt")).unwrap(), b"keep me");
    }

    #[test]
    fn a_site_left_half_swapped_by_a_killed_build_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let s = Staging::begin(&out).unwrap();
        s.write("index.html", b"first").unwrap();
        s.commit(&manifest()).unwrap();
        // Killed between the two renames of a swap, and in the middle of a build.
        fs::rename(&out, dir.path().join(".site.old-99999")).unwrap();
        fs::create_dir(dir.path().join(".site.tmp-99998")).unwrap();
        let s = Staging::begin(&out).unwrap();
        assert!(s.previous().is_some());
        assert!(!dir.path().join(".site.tmp-99998").exists());
        drop(s);
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"first");
    }

    #[test]
    fn paths_cannot_leave_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let s = Staging::begin(&dir.path().join("site")).unwrap();
        for bad in ["../x", "/etc/x", "a/../../x", "", "a//b"] {
            assert!(s.write(bad, b"x").is_err(), "{bad}");
        }
    }

    #[test]
    fn reuse_takes_files_over_from_the_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let s = Staging::begin(&out).unwrap();
        s.write("a/b.html", b"kept").unwrap();
        s.commit(&manifest()).unwrap();
        let s = Staging::begin(&out).unwrap();
        assert!(s.reuse("a/b.html").unwrap());
        assert!(!s.reuse("missing.html").unwrap());
        assert_eq!(s.previous_files("a"), ["b.html"]);
        s.commit(&manifest()).unwrap();
        assert_eq!(fs::read(out.join("a/b.html")).unwrap(), b"kept");
    }
}
