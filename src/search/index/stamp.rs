//! Stamps: how each workspace file and layout folder looked when it was
//! indexed (length, times, inode, content hash), taken before a load and
//! compared by [`IndexStore::open`](super::IndexStore::open).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::super::documents::{content_hash, relative};
use super::{IndexStore, Manifest, SearchError, io_err};
use crate::workspace::discover;

/// How long a file's times may still equal those of a later change to it.
/// File systems take times from a clock that advances in ticks (a few
/// milliseconds on Linux, two seconds on FAT), so a file written twice
/// within one tick, at the same length, keeps the same stamp. A stamp
/// taken less than this after the file's last change is "racy": its
/// content is compared by hash on every open until it is stamped again.
pub(super) const SETTLE_NS: u64 = 3_000_000_000;

/// How a workspace file (or folder) looked when it was last indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub len: u64,
    /// Modification time in nanoseconds since the Unix epoch.
    pub mtime_ns: u64,
    /// Status-change time (every write and rename changes it; no program
    /// can set it back), in nanoseconds; 0 where the platform has none.
    #[serde(default)]
    pub ctime_ns: u64,
    /// The inode number (a file replaced by another has a new one).
    #[serde(default)]
    pub ino: u64,
    /// FNV-1a 64 of the file's bytes, in hex; empty until hashed, and
    /// empty for a file that changed while it was indexed (never matches).
    #[serde(default)]
    pub hash: String,
    /// Stamped within [`SETTLE_NS`] of its last change.
    #[serde(default, skip_serializing_if = "is_false")]
    pub racy: bool,
}

pub(super) fn is_false(b: &bool) -> bool {
    !*b
}

pub(super) fn nanos(t: Option<std::time::SystemTime>) -> u64 {
    t.and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

pub(super) fn now_ns() -> u64 {
    nanos(Some(std::time::SystemTime::now()))
}

impl FileStamp {
    /// The stamp of `meta`, racy if it changed within [`SETTLE_NS`] of
    /// `taken_ns` (or claims a time after it).
    pub(super) fn of(meta: &fs::Metadata, taken_ns: u64) -> FileStamp {
        #[cfg(unix)]
        let (ctime_ns, ino) = {
            use std::os::unix::fs::MetadataExt;
            let ctime = u64::try_from(meta.ctime()).unwrap_or(0);
            let nsec = u64::try_from(meta.ctime_nsec()).unwrap_or(0);
            (
                ctime.saturating_mul(1_000_000_000).saturating_add(nsec),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (ctime_ns, ino) = (0, 0);
        let mtime_ns = nanos(meta.modified().ok());
        FileStamp {
            len: meta.len(),
            mtime_ns,
            ctime_ns,
            ino,
            hash: String::new(),
            racy: mtime_ns.max(ctime_ns).saturating_add(SETTLE_NS) > taken_ns,
        }
    }

    /// [`FileStamp::of`] from the system's own record of a file (as a
    /// stat relative to a folder's handle gives it): the same numbers.
    #[cfg(unix)]
    pub(super) fn of_stat(st: &rustix::fs::Stat, taken_ns: u64) -> FileStamp {
        fn wide<T: TryInto<u64>>(x: T) -> u64 {
            x.try_into().unwrap_or(0)
        }
        let ctime_ns = wide(st.st_ctime)
            .saturating_mul(1_000_000_000)
            .saturating_add(wide(st.st_ctime_nsec));
        // As `nanos` of the modification time: 0 before 1970.
        let mtime_ns = if st.st_mtime >= 0 {
            wide(st.st_mtime)
                .checked_mul(1_000_000_000)
                .and_then(|n| n.checked_add(wide(st.st_mtime_nsec)))
                .unwrap_or(u64::MAX)
        } else {
            0
        };
        FileStamp {
            len: wide(st.st_size),
            mtime_ns,
            ctime_ns,
            ino: wide(st.st_ino),
            hash: String::new(),
            racy: mtime_ns.max(ctime_ns).saturating_add(SETTLE_NS) > taken_ns,
        }
    }

    /// A folder that does not exist.
    pub(super) fn absent() -> FileStamp {
        FileStamp {
            len: 0,
            mtime_ns: 0,
            ctime_ns: 0,
            ino: 0,
            hash: String::new(),
            racy: false,
        }
    }

    /// Length, times and inode all equal.
    pub(super) fn same_stat(&self, other: &FileStamp) -> bool {
        self.len == other.len
            && self.mtime_ns == other.mtime_ns
            && self.ctime_ns == other.ctime_ns
            && self.ino == other.ino
    }
}

/// The stamps of a workspace's files, taken before loading it.
#[derive(Debug, Clone, Default)]
pub struct Stamps {
    /// When they were taken (nanoseconds since the Unix epoch).
    pub(super) taken_ns: u64,
    /// Relative path -> (where to read it, stamp).
    pub(super) files: BTreeMap<String, (PathBuf, FileStamp)>,
    /// See [`Manifest::folders`]; empty when the shortcut is not safe.
    pub(super) folders: BTreeMap<String, FileStamp>,
}

impl IndexStore {
    /// Stats every workspace file (no reading), after stamping the folders
    /// that list them.
    pub fn stamps(&self) -> Result<Stamps, SearchError> {
        let taken_ns = now_ns();
        // Before listing: a file added after this changes its folder's
        // stamp, so the next open cannot take the shortcut past it.
        let folders = self.folder_stamps(taken_ns);
        let found = match discover(&self.root) {
            Ok(found) => found,
            // Not a workspace: loading will say why, with a diagnostic.
            Err(_) => {
                return Ok(Stamps {
                    taken_ns,
                    ..Stamps::default()
                });
            }
        };
        let real_root = fs::canonicalize(&self.root).ok();
        // The shortcut needs every file to be a plain file, reached without
        // links, and nothing in the layout that discovery had to report.
        let mut plain = found.diagnostics.is_empty() && real_root.is_some();
        let mut files = BTreeMap::new();
        for f in found.files {
            let rel = relative(&self.root, &f.display);
            let meta = fs::metadata(&f.path).map_err(io_err(&f.path))?;
            plain &= real_root.as_ref().is_some_and(|r| f.path == r.join(&rel));
            files.insert(rel, (f.path, FileStamp::of(&meta, taken_ns)));
        }
        Ok(Stamps {
            taken_ns,
            files,
            folders: folders.filter(|_| plain).unwrap_or_default(),
        })
    }

    /// The folders of the layout, stamped: the workspace itself (its
    /// settings and glossary), `corpus/` and each jurisdiction with its
    /// `amendments/` and `mappings/`, `languages/`, `questionnaires/`,
    /// `standards/`; absent ones as absent. `None` when a link (or a file)
    /// stands where the layout has a folder, or a layout folder holds a
    /// link: the shortcut is then never taken.
    pub(super) fn folder_stamps(&self, taken_ns: u64) -> Option<BTreeMap<String, FileStamp>> {
        let rels = [
            String::new(),
            "corpus".to_owned(),
            "languages".to_owned(),
            "questionnaires".to_owned(),
            "standards".to_owned(),
        ];
        let mut out = BTreeMap::new();
        let stamp = |rel: &str, out: &mut BTreeMap<String, FileStamp>| -> Option<()> {
            let stamp = folder_stamp(&self.root, rel, taken_ns)?;
            if stamp.ino != 0 && !rel.is_empty() {
                // Read only the entries' types: no link may hide in it.
                for e in fs::read_dir(self.root.join(rel)).ok()? {
                    if e.ok()?.file_type().ok()?.is_symlink() {
                        return None;
                    }
                }
            }
            out.insert(rel.to_owned(), stamp);
            Some(())
        };
        for rel in &rels {
            stamp(rel, &mut out)?;
        }
        if out["corpus"].ino != 0 {
            let mut jurisdictions = Vec::new();
            for e in fs::read_dir(self.root.join("corpus")).ok()? {
                let e = e.ok()?;
                if e.file_type().ok()?.is_dir() {
                    let name = e.file_name().into_string().ok()?;
                    jurisdictions.push(format!("corpus/{name}"));
                    jurisdictions.push(format!("corpus/{name}/amendments"));
                    jurisdictions.push(format!("corpus/{name}/mappings"));
                }
            }
            for rel in &jurisdictions {
                stamp(rel, &mut out)?;
            }
        }
        Some(out)
    }

    /// The stamps of the files the manifest lists, if the folders that
    /// list them have not changed since (then the workspace has the same
    /// files: adding, removing or renaming one changes its folder). `None`
    /// when the full listing is needed.
    pub(super) fn quick_stamps(&self, manifest: &Manifest) -> Option<Stamps> {
        if manifest.folders.is_empty() {
            return None;
        }
        let taken_ns = now_ns();
        for (rel, old) in &manifest.folders {
            let now = folder_stamp(&self.root, rel, taken_ns)?;
            if old.racy || !old.same_stat(&now) {
                return None;
            }
        }
        // The files, found by listing their folders (cheap) and stat'ed
        // through the folder's handle, which spares the kernel walking
        // each file's whole path.
        let mut entries = Vec::with_capacity(manifest.files.len());
        for (rel, stamp) in &manifest.folders {
            if stamp.ino == 0 {
                continue;
            }
            let dir = if rel.is_empty() {
                self.root.clone()
            } else {
                self.root.join(rel)
            };
            for e in fs::read_dir(&dir).ok()? {
                let e = e.ok()?;
                let name = e.file_name();
                let Some(name) = name.to_str() else { continue };
                let file = if rel.is_empty() {
                    name.to_owned()
                } else {
                    format!("{rel}/{name}")
                };
                if manifest.files.contains_key(&file) {
                    entries.push((file, e));
                }
            }
        }
        if entries.len() != manifest.files.len() {
            return None;
        }
        let stat = |part: &[(String, fs::DirEntry)]| -> Option<Vec<(String, PathBuf, FileStamp)>> {
            part.iter()
                .map(|(rel, e)| {
                    // No links (the manifest says so, and the folders are
                    // the same): the file itself, not following anything.
                    let meta = e.metadata().ok()?;
                    meta.is_file()
                        .then(|| (rel.clone(), e.path(), FileStamp::of(&meta, taken_ns)))
                })
                .collect()
        };
        // Two threads when there are files enough to repay starting one.
        let stamped = if entries.len() >= 1024 {
            let (a, b) = entries.split_at(entries.len() / 2);
            std::thread::scope(|s| {
                let other = s.spawn(|| stat(b));
                let mut first = stat(a)?;
                first.extend(other.join().ok()??);
                Some(first)
            })?
        } else {
            stat(&entries)?
        };
        let files = stamped
            .into_iter()
            .map(|(rel, path, stamp)| (rel, (path, stamp)))
            .collect();
        Some(Stamps {
            taken_ns,
            files,
            folders: manifest.folders.clone(),
        })
    }
}

/// The stamps to record for the files a refresh indexed, each with the hash
/// of the content that was indexed. `stamps` were taken before the
/// workspace was loaded; each file is now read (and hashed), then stat'ed
/// again. If the stat is the same and was not racy, no write happened
/// between the first stat and the second, so the loader read what was
/// hashed. A racy file's hash is kept only if its bytes are the text the
/// loader read (`read_as`, given the path diagnostics name the file by).
/// Otherwise the file changed while it was indexed: its hash is left
/// empty, so the next open sees it as changed and refreshes.
pub(super) fn stamp_files(
    root: &Path,
    stamps: Stamps,
    read_as: &(dyn Fn(&Path, &[u8]) -> bool + Sync),
) -> BTreeMap<String, FileStamp> {
    let taken_ns = stamps.taken_ns;
    stamps
        .files
        .into_par_iter()
        .map(|(rel, (path, mut stamp))| {
            let hash = fs::read(&path).ok().and_then(|bytes| {
                let after = fs::metadata(&path).ok()?;
                if !FileStamp::of(&after, taken_ns).same_stat(&stamp) {
                    return None;
                }
                if stamp.racy {
                    let shown = if root == Path::new(".") || root.as_os_str().is_empty() {
                        PathBuf::from(&rel)
                    } else {
                        root.join(&rel)
                    };
                    if !read_as(&shown, &bytes) {
                        return None;
                    }
                }
                Some(format!("{:016x}", content_hash(&bytes)))
            });
            match hash {
                Some(h) => stamp.hash = h,
                None => {
                    stamp.hash.clear();
                    stamp.racy = true;
                }
            }
            (rel, stamp)
        })
        .collect()
}

/// The stamp of a layout folder (`""` is the workspace itself, followed if
/// it is a link); absent as [`FileStamp::absent`]; `None` when something
/// other than a folder is there, or it cannot be read.
pub(super) fn folder_stamp(root: &Path, rel: &str, taken_ns: u64) -> Option<FileStamp> {
    let meta = if rel.is_empty() {
        fs::metadata(root)
    } else {
        fs::symlink_metadata(root.join(rel))
    };
    match meta {
        Ok(m) if m.is_dir() => Some(FileStamp::of(&m, taken_ns)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(FileStamp::absent()),
        _ => None,
    }
}
