//! Atomic output, for every stage that writes files (the site, the
//! exports): a file or a folder is written beside its destination under a
//! temporary name and renamed into place, so a failed or killed run never
//! leaves half an output where the last good one was.
//!
//! A folder is written through a [`Staging`]:
//!
//! ```text
//! out/               the published folder (never written in place)
//! .out.tmp-<pid>/    the run in progress
//! .out.old-<pid>/    the previous folder, for the instant of the swap
//! .out.lock          held while a run writes: runs into one folder wait
//!                    for each other
//! ```
//!
//! Every folder holds a marker file, named by its writer (the site's
//! manifest, the export's manifest). The marker is what allows a later run
//! to replace the folder: a folder that holds files and no marker is
//! someone else's, and is never replaced. A single file is replaced with
//! [`write_file`].
//!
//! An output whose name ends in `.zip` is staged as an archive instead
//! ([`archive`]): `.out.zip.tmp-<pid>` is written file by file and renamed
//! over `out.zip` by the commit. It holds the marker as one of its files,
//! and the marker's name as its comment (which a later run reads to know
//! the archive is one it may replace), and is always written whole
//! (nothing is taken over from the last one).

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

mod archive;

/// Whether `out` is written as a zip archive rather than a folder: its
/// name ends in `.zip`.
pub fn is_archive(out: &Path) -> bool {
    archive::wanted(out)
}

/// Why the output could not be written. The writer's own error type words
/// it for its command (the site, an export).
#[derive(Debug)]
pub enum OutputError {
    /// A file-system operation failed.
    Io { path: PathBuf, error: io::Error },
    /// The folder exists, holds files and has no marker: it was not
    /// written by mizan, and replacing it could destroy someone's work.
    NotOurs { path: PathBuf, marker: &'static str },
    /// The output cannot be made or written: a file is in the way (or a
    /// folder where a file must go), the file system is read-only, or
    /// permission is denied. `path` is the part of `out` at fault.
    Unwritable {
        out: PathBuf,
        path: PathBuf,
        error: io::Error,
    },
}

impl OutputError {
    /// Why an unwritable output cannot be written, in words.
    pub fn reason(error: &io::Error) -> String {
        match error.kind() {
            io::ErrorKind::AlreadyExists | io::ErrorKind::NotADirectory => {
                "it is a file, not a folder".to_owned()
            }
            io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
            io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => error.to_string(),
        }
    }
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            OutputError::NotOurs { path, marker } => write!(
                f,
                "{} exists, holds files and has no {marker}: it was not written by mizan; \
                 refusing to replace it",
                path.display()
            ),
            OutputError::Unwritable { out, path, error } => write!(
                f,
                "cannot write {}: {}: {}",
                out.display(),
                path.display(),
                OutputError::reason(error)
            ),
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OutputError::Io { error, .. } | OutputError::Unwritable { error, .. } => Some(error),
            OutputError::NotOurs { .. } => None,
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |error| OutputError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// The folder that holds `out`, and `out`'s own name; `None` when `out`
/// has no name of its own (`/`, `..`).
fn split(out: &Path) -> Option<(PathBuf, String)> {
    let name = out
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty() && *n != "." && *n != "..")?
        .to_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some((parent, name))
}

/// Creates `parent`; on failure names the part of the path that is a file,
/// not the whole path.
fn create_parent(out: &Path, parent: &Path) -> Result<(), OutputError> {
    fs::create_dir_all(parent).map_err(|error| {
        let blocker = parent
            .ancestors()
            .find(|a| a.is_file())
            .unwrap_or(parent)
            .to_path_buf();
        OutputError::Unwritable {
            out: out.to_path_buf(),
            path: blocker,
            error,
        }
    })
}

fn unnamed(out: &Path) -> OutputError {
    OutputError::Unwritable {
        out: out.to_path_buf(),
        path: out.to_path_buf(),
        error: io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output path must end in a file or folder name",
        ),
    }
}

/// Writes `bytes` to the file `out`, replacing it atomically.
pub fn write_file(out: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let (parent, name) = split(out).ok_or_else(|| unnamed(out))?;
    if out.is_dir() {
        return Err(OutputError::Unwritable {
            out: out.to_path_buf(),
            path: out.to_path_buf(),
            error: io::Error::from(io::ErrorKind::IsADirectory),
        });
    }
    create_parent(out, &parent)?;
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = fs::write(&tmp, bytes)
        .map_err(io_err(&tmp))
        .and_then(|()| fs::rename(&tmp, out).map_err(io_err(out)));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A folder being written into a temporary sibling, swapped in by
/// [`Staging::commit`]. Dropped without a commit, it leaves the previous
/// folder as it was.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    parent: PathBuf,
    name: String,
    marker: &'static str,
    /// Held until the run ends; dropping it releases the lock.
    _lock: File,
    previous: Option<Vec<u8>>,
    committed: bool,
    /// The archive `tmp` is, when `out` is one (see [`is_archive`]).
    archive: Option<archive::Writer>,
}

impl Staging {
    /// Takes the lock of `out` (waiting for a run already writing it), puts
    /// back a folder a killed run left half-swapped, clears leftovers of
    /// killed runs, and opens a fresh temporary folder. `marker` names the
    /// file that marks a folder as one this writer may replace.
    pub fn begin(out: &Path, marker: &'static str) -> Result<Staging, OutputError> {
        let (parent, name) = split(out).ok_or_else(|| unnamed(out))?;
        let unwritable = |path: &Path| {
            let path = path.to_path_buf();
            move |error| OutputError::Unwritable {
                out: out.to_path_buf(),
                path,
                error,
            }
        };
        let lock = lock(out, &parent, &name)?;
        // We hold the lock: any temporary or old folder is a leftover.
        let tmp_prefix = format!(".{name}.tmp-");
        clear_leftovers(out, &parent, &name, marker)?;

        let tmp = parent.join(format!("{tmp_prefix}{}", std::process::id()));
        let (previous, archive) = if archive::wanted(out) {
            if out.is_dir() {
                return Err(unwritable(out)(io::Error::from(
                    io::ErrorKind::IsADirectory,
                )));
            }
            if out.exists() && !archive::has_marker(out, marker) {
                return Err(OutputError::NotOurs {
                    path: out.to_path_buf(),
                    marker,
                });
            }
            let writer = archive::Writer::create(&tmp).map_err(unwritable(&parent))?;
            (None, Some(writer))
        } else {
            if out.exists() && !out.is_dir() {
                return Err(unwritable(out)(io::Error::from(
                    io::ErrorKind::NotADirectory,
                )));
            }
            let previous = if out.exists() {
                let previous = fs::read(out.join(marker)).ok();
                let empty = fs::read_dir(out).map_err(io_err(out))?.next().is_none();
                if previous.is_none() && !empty {
                    return Err(OutputError::NotOurs {
                        path: out.to_path_buf(),
                        marker,
                    });
                }
                previous
            } else {
                None
            };
            fs::create_dir(&tmp).map_err(unwritable(&parent))?;
            (previous, None)
        };
        Ok(Staging {
            out: out.to_path_buf(),
            tmp,
            parent,
            name,
            marker,
            _lock: lock,
            previous,
            committed: false,
            archive,
        })
    }

    /// The marker of the folder being replaced, if there is one.
    pub fn previous_marker(&self) -> Option<&[u8]> {
        self.previous.as_deref()
    }

    /// Where files go during the run.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }

    fn target(&self, rel: &str) -> Result<PathBuf, OutputError> {
        target(&self.tmp, rel)
    }

    /// Writes one file of the new folder; `rel` is `/`-separated.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        if let Some(archive) = &self.archive {
            inside(&self.tmp, rel)?;
            return archive.add(rel, bytes).map_err(io_err(&self.tmp));
        }
        let path = self.target(rel)?;
        fs::write(&path, bytes).map_err(io_err(&path))
    }

    /// Takes a file over from the previous folder unchanged (a hard link,
    /// or a copy where links are not possible). `false` if it is not there.
    pub fn reuse(&self, rel: &str) -> Result<bool, OutputError> {
        if self.archive.is_some() {
            return Ok(false);
        }
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

    /// Every file under `rel` in the previous folder, relative to it.
    pub fn previous_files(&self, rel: &str) -> Vec<String> {
        files_under(&self.out.join(rel))
    }

    /// Writes the marker and swaps the new folder in.
    pub fn commit(mut self, marker: &[u8]) -> Result<(), OutputError> {
        self.write(self.marker, marker)?;
        if let Some(archive) = self.archive.take() {
            archive.finish(self.marker).map_err(io_err(&self.tmp))?;
            fs::rename(&self.tmp, &self.out).map_err(io_err(&self.out))?;
            self.committed = true;
            return Ok(());
        }
        if self.out.exists() {
            let old = self
                .parent
                .join(format!(".{}.old-{}", self.name, std::process::id()));
            fs::rename(&self.out, &old).map_err(io_err(&self.out))?;
            if let Err(e) = fs::rename(&self.tmp, &self.out) {
                let _ = fs::rename(&old, &self.out);
                return Err(io_err(&self.out)(e));
            }
            self.committed = true;
            remove_tree(&old).map_err(io_err(&old))?;
        } else {
            fs::rename(&self.tmp, &self.out).map_err(io_err(&self.tmp))?;
            self.committed = true;
        }
        Ok(())
    }
}

/// Every file under `base`, relative to it, sorted.
fn files_under(base: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![base.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(r) = p.strip_prefix(base) {
                out.push(r.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// The path of `rel` (`/`-separated) inside `dir`, its folder made.
fn target(dir: &Path, rel: &str) -> Result<PathBuf, OutputError> {
    let path = inside(dir, rel)?;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    Ok(path)
}

/// The path of `rel` (`/`-separated) inside `dir`.
fn inside(dir: &Path, rel: &str) -> Result<PathBuf, OutputError> {
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
                "not a relative path inside the output folder",
            ),
        });
    }
    Ok(dir.join(rel))
}

/// Takes the lock of `out` (`.NAME.lock` beside it), waiting for a run
/// that holds it; released when the file is dropped.
fn lock(out: &Path, parent: &Path, name: &str) -> Result<File, OutputError> {
    create_parent(out, parent)?;
    let lock_path = parent.join(format!(".{name}.lock"));
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|error| OutputError::Unwritable {
            out: out.to_path_buf(),
            path: parent.to_path_buf(),
            error,
        })?;
    lock.lock().map_err(io_err(&lock_path))?;
    Ok(lock)
}

/// A published folder updated file by file, for a change too small to
/// rebuild it whole (`mizan serve` after an edit): each file is written
/// under a temporary name in its own folder and renamed over the old one,
/// so a reader sees the old file or the new, never half of one. The folder
/// as a whole is not swapped: between two files a reader can see some new
/// files and some old, so a writer orders its files (a file that names
/// others last). Holds the lock of the folder, as a [`Staging`] does.
#[derive(Debug)]
pub struct InPlace {
    out: PathBuf,
    _lock: File,
}

impl InPlace {
    /// Takes the lock of `out`, which must be a folder holding `marker`
    /// (one this writer wrote): anything else is [`OutputError::NotOurs`].
    pub fn open(out: &Path, marker: &'static str) -> Result<InPlace, OutputError> {
        let (parent, name) = split(out).ok_or_else(|| unnamed(out))?;
        let lock = lock(out, &parent, &name)?;
        clear_leftovers(out, &parent, &name, marker)?;
        if !out.join(marker).is_file() {
            return Err(OutputError::NotOurs {
                path: out.to_path_buf(),
                marker,
            });
        }
        Ok(InPlace {
            out: out.to_path_buf(),
            _lock: lock,
        })
    }

    /// The folder being updated.
    pub fn dir(&self) -> &Path {
        &self.out
    }

    /// Replaces one file (`rel` is `/`-separated) atomically; a file that
    /// already holds `bytes` is left alone. Whether it was written.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<bool, OutputError> {
        let path = target(&self.out, rel)?;
        if fs::read(&path).is_ok_and(|old| old == bytes) {
            return Ok(false);
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let result = fs::write(&tmp, bytes)
            .map_err(io_err(&tmp))
            .and_then(|()| fs::rename(&tmp, &path).map_err(io_err(&path)));
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.map(|()| true)
    }

    /// Removes one file, and the folders it leaves empty.
    pub fn remove(&self, rel: &str) -> Result<(), OutputError> {
        let path = inside(&self.out, rel)?;
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_err(&path)(e)),
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != self.out) {
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(())
    }

    /// Every file under `rel`, relative to it.
    pub fn files(&self, rel: &str) -> Vec<String> {
        files_under(&self.out.join(rel))
    }
}

/// With the lock held: removes the temporary folders of killed runs, and
/// puts back a folder a run killed mid-swap left aside.
fn clear_leftovers(out: &Path, parent: &Path, name: &str, marker: &str) -> Result<(), OutputError> {
    let tmp_prefix = format!(".{name}.tmp-");
    let old_prefix = format!(".{name}.old-");
    let mut old = Vec::new();
    for entry in fs::read_dir(parent).map_err(io_err(parent))? {
        let entry = entry.map_err(io_err(parent))?;
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        if n.starts_with(&tmp_prefix) {
            let path = entry.path();
            if path.is_dir() {
                remove_tree(&path).map_err(io_err(&path))?;
            } else {
                fs::remove_file(&path).map_err(io_err(&path))?;
            }
        } else if n.starts_with(&old_prefix) {
            old.push(entry.path());
        }
    }
    for o in old {
        if !out.exists() && o.join(marker).is_file() {
            fs::rename(&o, out).map_err(io_err(&o))?;
        } else {
            remove_tree(&o).map_err(io_err(&o))?;
        }
    }
    Ok(())
}

/// How many folders the writer removes at once. Removing files waits on
/// the disk, not the processor: on the 2-core reference machine, removing
/// a 10,000-article site (63,000 files and folders) one after another took
/// 54 s, and 16 at a time 5 s. (Linking and writing pages with as many
/// threads was slower than with one per core: they contend for the same
/// folders.)
pub const IO_THREADS: usize = 16;

/// Removes a folder and everything in it, many subfolders at once (see
/// [`IO_THREADS`]): the folder is opened level by level until it has
/// enough subfolders to share out, each is removed whole by one of the
/// threads, then what is left.
pub fn remove_tree(dir: &Path) -> io::Result<()> {
    let mut level = vec![dir.to_path_buf()];
    for _ in 0..4 {
        if level.len() >= 4 * IO_THREADS {
            break;
        }
        let mut next = Vec::new();
        for d in &level {
            for entry in fs::read_dir(d)? {
                let entry = entry?;
                if entry.file_type()?.is_dir() {
                    next.push(entry.path());
                }
            }
        }
        if next.is_empty() {
            break;
        }
        level = next;
    }
    if level.len() > 1 {
        let queue = std::sync::Mutex::new(level);
        let first_error = std::sync::Mutex::new(None);
        std::thread::scope(|scope| {
            for _ in 0..IO_THREADS {
                scope.spawn(|| {
                    // The guard goes with the closure: the queue is not
                    // locked while a folder is removed.
                    while let Some(sub) = queue.lock().ok().and_then(|mut q| q.pop()) {
                        if let Err(e) = fs::remove_dir_all(&sub)
                            && let Ok(mut first) = first_error.lock()
                        {
                            first.get_or_insert(e);
                        }
                    }
                });
            }
        });
        if let Some(e) = first_error.into_inner().ok().flatten() {
            return Err(e);
        }
    }
    fs::remove_dir_all(dir)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // A failed run: the previous folder was never touched.
            if self.tmp.is_file() {
                let _ = fs::remove_file(&self.tmp);
            } else {
                let _ = remove_tree(&self.tmp);
            }
        }
    }
}

#[cfg(test)]
mod tests;
