//! The fast path of [`IndexStore::open`](super::IndexStore::open): a
//! compact copy of the manifest's stamps (`stamps-<hash>.bin`, beside the
//! manifest, named by the same commit), compared with the files as they
//! are without reading the manifest itself.
//!
//! The manifest (JSON: a stamp, a content hash and a fingerprint per file)
//! took longer to read, check and copy than the query took to run (about
//! 0.8 MB at a million articles). The stamps file holds only what an
//! unchanged workspace is recognised by: the layout's folders and each
//! file's length, times and inode. When every one of them is the same as
//! now, and none was racy, the index is fresh, exactly as
//! [`IndexStore::open`](super::IndexStore::open) decides it from the
//! manifest: no file was added, removed or renamed (their folders are the
//! same) and none was written (its status-change time is the same). Any
//! difference, or a stamps file that is missing or does not read back,
//! leaves the decision to the manifest.
//!
//! Layout (little-endian): `MZST`, a version (`u32`), then the folders and
//! the files, each a count (`u32`) followed by records: the relative path
//! (`u16` length, UTF-8), length, modification time, status-change time and
//! inode (`u64` each), and a racy flag (`u8`). The file is named by
//! [`word_hash`] of its bytes, which the reader checks.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::stamp::{FileStamp, folder_stamp, now_ns};
use super::{IndexStore, Manifest};

const MAGIC: &[u8; 4] = b"MZST";
const VERSION: u32 = 1;

/// A hash of `bytes` eight at a time (FNV-1a's constants on 64-bit words,
/// with the length): an integrity check of a file the reader is about to
/// trust, a tenth of the cost of hashing byte by byte.
pub(super) fn word_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = (h ^ w).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The name of the stamps file of `bytes`.
pub(super) fn file_name(bytes: &[u8]) -> String {
    format!("stamps-{:016x}.bin", word_hash(bytes))
}

/// The stamps file of a manifest, or `None` when the fast path cannot be
/// taken for it: no folder stamps (a link in the layout), or a file that is
/// not directly in one of the stamped folders (only their listings are
/// known to be the same).
pub(super) fn encode(manifest: &Manifest) -> Option<Vec<u8>> {
    if manifest.folders.is_empty() {
        return None;
    }
    for rel in manifest.files.keys() {
        let parent = rel.rsplit_once('/').map_or("", |(p, _)| p);
        if manifest.folders.get(parent).is_none_or(|s| s.ino == 0) {
            return None;
        }
    }
    let mut out = Vec::with_capacity(64 + 80 * manifest.files.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    for map in [&manifest.folders, &manifest.files] {
        out.extend_from_slice(&u32::try_from(map.len()).ok()?.to_le_bytes());
        for (rel, s) in map {
            out.extend_from_slice(&u16::try_from(rel.len()).ok()?.to_le_bytes());
            out.extend_from_slice(rel.as_bytes());
            for v in [s.len, s.mtime_ns, s.ctime_ns, s.ino] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.push(u8::from(s.racy));
        }
    }
    Some(out)
}

/// One record of a stamps file.
struct Record<'a> {
    rel: &'a str,
    stamp: FileStamp,
}

/// Reads the records of a stamps file: folders, then files.
fn decode(bytes: &[u8]) -> Option<(Vec<Record<'_>>, Vec<Record<'_>>)> {
    let mut at: usize = 0;
    let mut take = |n: usize| -> Option<&[u8]> {
        let s = bytes.get(at..at.checked_add(n)?)?;
        at += n;
        Some(s)
    };
    if take(4)? != MAGIC || u32::from_le_bytes(take(4)?.try_into().ok()?) != VERSION {
        return None;
    }
    let mut lists = [Vec::new(), Vec::new()];
    for list in &mut lists {
        let count = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
        list.reserve(count.min(bytes.len() / 35));
        for _ in 0..count {
            let len = u16::from_le_bytes(take(2)?.try_into().ok()?) as usize;
            let rel = std::str::from_utf8(take(len)?).ok()?;
            let mut v = [0u64; 4];
            for x in &mut v {
                *x = u64::from_le_bytes(take(8)?.try_into().ok()?);
            }
            let racy = take(1)?[0] != 0;
            list.push(Record {
                rel,
                stamp: FileStamp {
                    len: v[0],
                    mtime_ns: v[1],
                    ctime_ns: v[2],
                    ino: v[3],
                    hash: String::new(),
                    racy,
                },
            });
        }
    }
    if at != bytes.len() {
        return None;
    }
    let [folders, files] = lists;
    Some((folders, files))
}

impl IndexStore {
    /// Whether the stamps file `name` (in the index folder `dir`) matches
    /// the workspace as it is now: every folder and file stamped the same,
    /// none racy. `false` whenever in doubt (the manifest then decides).
    pub(super) fn unchanged(&self, dir: &Path, name: &str) -> bool {
        let Some(hash) = name
            .strip_prefix("stamps-")
            .and_then(|n| n.strip_suffix(".bin"))
        else {
            return false;
        };
        let Ok(bytes) = fs::read(dir.join(name)) else {
            return false;
        };
        if format!("{:016x}", word_hash(&bytes)) != hash {
            return false;
        }
        let Some((folders, files)) = decode(&bytes) else {
            return false;
        };
        let taken_ns = now_ns();
        let mut seen = BTreeMap::new();
        let mut handles = Handles::default();
        for f in &folders {
            if f.stamp.racy
                || !folder_stamp(&self.root, f.rel, taken_ns).is_some_and(|s| s.same_stat(&f.stamp))
            {
                return false;
            }
            seen.insert(f.rel, f.stamp.ino != 0);
            if f.stamp.ino != 0 && !handles.open(&self.root, f.rel, &f.stamp, taken_ns) {
                return false;
            }
        }
        // Every file directly in a folder stamped above (see `encode`).
        let placed = |r: &Record<'_>| {
            let parent = r.rel.rsplit_once('/').map_or("", |(p, _)| p);
            seen.get(parent) == Some(&true)
        };
        let same = |part: &[Record<'_>]| {
            part.iter().all(|r| {
                !r.stamp.racy
                    && placed(r)
                    && handles
                        .file_stamp(&self.root, r.rel, taken_ns)
                        .is_some_and(|s| s.same_stat(&r.stamp))
            })
        };
        // Two threads when there are files enough to repay starting one.
        if files.len() >= 1024 {
            let (a, b) = files.split_at(files.len() / 2);
            std::thread::scope(|s| {
                let other = s.spawn(|| same(b));
                let first = same(a);
                other.join().unwrap_or(false) && first
            })
        } else {
            same(&files)
        }
    }
}

/// The stamped folders, each opened once: a file in one is stat'ed by its
/// name relative to the folder's handle, so the system resolves one path
/// component instead of every folder from the root down (and nothing is
/// joined or copied per file). Each handle is checked to be the folder as
/// stamped (the same inode and times), so the files stat'ed through it
/// are the files of that folder.
#[derive(Default)]
struct Handles<'a> {
    #[cfg(unix)]
    folders: BTreeMap<&'a str, std::os::fd::OwnedFd>,
    #[cfg(not(unix))]
    folders: std::marker::PhantomData<&'a str>,
}

impl<'a> Handles<'a> {
    /// Opens the folder `rel`; `false` when it is not the folder `stamp`
    /// describes (it changed since it was stamped a moment ago).
    fn open(&mut self, root: &Path, rel: &'a str, stamp: &FileStamp, taken_ns: u64) -> bool {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let path = if rel.is_empty() {
                root.to_path_buf()
            } else {
                root.join(rel)
            };
            let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let Ok(fd) = rustix::fs::open(&path, flags, Mode::empty()) else {
                return false;
            };
            let Ok(st) = rustix::fs::fstat(&fd) else {
                return false;
            };
            if !FileStamp::of_stat(&st, taken_ns).same_stat(stamp) {
                return false;
            }
            self.folders.insert(rel, fd);
        }
        #[cfg(not(unix))]
        let _ = (root, rel, stamp, taken_ns);
        true
    }

    /// The stamp of the plain file `rel` as it is now; `None` when it is
    /// missing or not a plain file.
    fn file_stamp(&self, root: &Path, rel: &str, taken_ns: u64) -> Option<FileStamp> {
        #[cfg(unix)]
        {
            let (parent, name) = rel.rsplit_once('/').unwrap_or(("", rel));
            if let Some(fd) = self.folders.get(parent) {
                use rustix::fs::{AtFlags, FileType};
                let st = rustix::fs::statat(fd, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
                let plain = FileType::from_raw_mode(st.st_mode) == FileType::RegularFile;
                return plain.then(|| FileStamp::of_stat(&st, taken_ns));
            }
        }
        let m = fs::symlink_metadata(root.join(rel)).ok()?;
        m.is_file().then(|| FileStamp::of(&m, taken_ns))
    }
}
