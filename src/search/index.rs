//! The on-disk index: where it lives, when it is stale, how it is refreshed,
//! and why a killed run never leaves it broken.
//!
//! The index lives in `<workspace>/.mizan/index` (the folder git-ignores
//! itself). Its last commit names a manifest (a file in the index folder,
//! named by its hash, written before the commit): the schema version, a
//! stamp per workspace file (length, modification and status-change times,
//! inode, content hash), the stamps of the layout's folders, and a
//! fingerprint per group of documents (one group per source file). The
//! commit that adds the documents is the one that names the manifest, so
//! they always agree.
//!
//! - [`IndexStore::open`] is the fast path: while the layout's folders are
//!   unchanged it stats the indexed files through their folders (else it
//!   lists the layout again), and opens the index if nothing changed. A
//!   file whose stamp changed, or was racy, is hashed; if its content is
//!   the same, only the stamps are recommitted.
//! - [`IndexStore::refresh`] takes the loaded workspace, builds the
//!   documents a batch of files at a time, and replaces only the groups
//!   whose fingerprint changed, in one commit. A missing index, an
//!   unreadable one, or one of another [`SCHEMA_VERSION`] is rebuilt from
//!   scratch in a temporary folder that is then renamed into place.
//!
//! A run killed at any point leaves either the previous commit (tantivy
//! writes `meta.json` atomically, after the segments it names) or, during a
//! rebuild, no index at all, which the next run rebuilds. A lock file
//! (`.mizan/lock`, released by the OS when a process dies) keeps two
//! refreshes from interleaving; `.mizan/index.building` marks a refresh in
//! progress.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::schema::Term;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument};

use super::analysis::{ANALYZER, analyzer};
use super::documents::{self, content_hash, relative};
use super::schema::{self, Fields, SCHEMA_VERSION};
use crate::Workspace;
use crate::workspace::discover;

/// Why searching or indexing failed.
#[derive(Debug)]
pub enum SearchError {
    /// A file or folder of the index could not be read or written.
    Io { path: PathBuf, source: io::Error },
    /// tantivy failed on the index at `path`.
    Index {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
    /// The query text is not valid.
    Query { message: String },
    /// A filter value is not valid.
    Filter { message: String },
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SearchError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            SearchError::Index { path, source } => {
                write!(f, "{}: search index error: {source}", path.display())
            }
            SearchError::Query { message } => write!(f, "invalid query: {message}"),
            SearchError::Filter { message } => write!(f, "invalid filter: {message}"),
        }
    }
}

impl std::error::Error for SearchError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SearchError::Io { source, .. } => Some(source),
            SearchError::Index { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> SearchError + '_ {
    move |source| SearchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn ix_err(path: &Path) -> impl FnOnce(tantivy::TantivyError) -> SearchError + '_ {
    move |source| SearchError::Index {
        path: path.to_path_buf(),
        source,
    }
}

/// An open index, ready to search.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchIndex {
    fn from_index(mut index: Index, path: &Path) -> Result<SearchIndex, SearchError> {
        index.tokenizers().register(ANALYZER, analyzer());
        // One search thread per core when there are segments enough to
        // share; starting threads costs more than searching two segments.
        let segments = index.searchable_segment_metas().map_or(0, |m| m.len());
        if segments > 2 {
            index
                .set_default_multithread_executor()
                .map_err(ix_err(path))?;
        }
        let fields = Fields::from_schema(&index.schema()).ok_or_else(|| SearchError::Index {
            path: path.to_path_buf(),
            source: tantivy::TantivyError::SchemaError(
                "the index was written by another version of mizan".into(),
            ),
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(ix_err(path))?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
        })
    }

    /// Indexes a workspace in memory (for tests, evaluation and tools that
    /// must not write to the workspace).
    pub fn in_ram(ws: &Workspace) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register(ANALYZER, analyzer());
        let path = Path::new("<memory>");
        let mut writer = new_writer(&index, path)?;
        documents::for_each_group(ws, |group| {
            for d in &group.docs {
                writer
                    .add_document(fields.document(d))
                    .map_err(ix_err(path))?;
            }
            Ok::<(), SearchError>(())
        })?;
        writer.commit().map_err(ix_err(path))?;
        SearchIndex::from_index(index, path)
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The number of documents searched.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// The memory the index writer may use for documents not yet written.
const WRITER_HEAP_BYTES: usize = 256 * 1024 * 1024;

fn new_writer(index: &Index, path: &Path) -> Result<IndexWriter<TantivyDocument>, SearchError> {
    // A fixed budget, shared by the indexing threads, whatever the number
    // of cores: each thread flushes a segment when its share is full.
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4);
    index
        .writer_with_num_threads(threads, WRITER_HEAP_BYTES)
        .map_err(ix_err(path))
}

/// How long a file's times may still equal those of a later change to it.
/// File systems take times from a clock that advances in ticks (a few
/// milliseconds on Linux, two seconds on FAT), so a file written twice
/// within one tick, at the same length, keeps the same stamp. A stamp
/// taken less than this after the file's last change is "racy": its
/// content is compared by hash on every open until it is stamped again.
const SETTLE_NS: u64 = 3_000_000_000;

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

fn is_false(b: &bool) -> bool {
    !*b
}

fn nanos(t: Option<std::time::SystemTime>) -> u64 {
    t.and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

fn now_ns() -> u64 {
    nanos(Some(std::time::SystemTime::now()))
}

impl FileStamp {
    /// The stamp of `meta`, racy if it changed within [`SETTLE_NS`] of
    /// `taken_ns` (or claims a time after it).
    fn of(meta: &fs::Metadata, taken_ns: u64) -> FileStamp {
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

    /// A folder that does not exist.
    fn absent() -> FileStamp {
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
    fn same_stat(&self, other: &FileStamp) -> bool {
        self.len == other.len
            && self.mtime_ns == other.mtime_ns
            && self.ctime_ns == other.ctime_ns
            && self.ino == other.ino
    }
}

/// The manifest: what was indexed, from which files as they then were.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Manifest {
    schema: u32,
    /// Workspace file (relative path) -> stamp.
    files: BTreeMap<String, FileStamp>,
    /// Source file -> fingerprint (hex) of the documents indexed from it.
    groups: BTreeMap<String, String>,
    /// The folders whose listings decide which files the workspace has
    /// (relative path, `""` for the workspace itself) -> stamp, taken
    /// before the files were listed. While none of them changed, no file
    /// was added, removed or renamed, so [`IndexStore::open`] stats the
    /// files above without listing the folders again. Empty when that
    /// shortcut is not safe (a link in the layout, whose target may change
    /// while the folder does not).
    #[serde(default)]
    folders: BTreeMap<String, FileStamp>,
}

/// The stamps of a workspace's files, taken before loading it.
#[derive(Debug, Clone, Default)]
pub struct Stamps {
    /// When they were taken (nanoseconds since the Unix epoch).
    taken_ns: u64,
    /// Relative path -> (where to read it, stamp).
    files: BTreeMap<String, (PathBuf, FileStamp)>,
    /// See [`Manifest::folders`]; empty when the shortcut is not safe.
    folders: BTreeMap<String, FileStamp>,
}

/// The outcome of [`IndexStore::open`].
pub enum Freshness {
    /// The index matches the workspace files.
    Fresh(SearchIndex),
    /// The workspace must be loaded and the index refreshed.
    Stale { reason: StaleReason, stamps: Stamps },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaleReason {
    /// No index yet (or an interrupted rebuild left none).
    Missing,
    /// Built by another version of mizan, or unreadable.
    Incompatible,
    /// Files were added, removed or changed.
    Changed,
}

/// Counts reported by a refresh.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RefreshReport {
    /// Whether the index was rebuilt from scratch.
    pub rebuilt: bool,
    /// Source files whose documents were (re)indexed or removed.
    pub groups_updated: usize,
    pub groups_removed: usize,
    /// Documents written.
    pub documents_written: usize,
    /// Documents in the index after the refresh.
    pub documents: u64,
    /// Another process was refreshing: the existing index was opened as is.
    pub busy: bool,
    /// A previous refresh had been interrupted (its marker was left behind).
    pub recovered: bool,
}

/// Progress of a refresh, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The index of one workspace, under `<workspace>/.mizan`.
#[derive(Debug, Clone)]
pub struct IndexStore {
    root: PathBuf,
    state: PathBuf,
}

impl IndexStore {
    pub fn new(workspace_root: &Path) -> IndexStore {
        IndexStore {
            root: workspace_root.to_path_buf(),
            state: workspace_root.join(".mizan"),
        }
    }

    /// Where the index lives.
    pub fn index_dir(&self) -> PathBuf {
        self.state.join("index")
    }

    /// The file that exists while a refresh is writing.
    pub fn marker(&self) -> PathBuf {
        self.state.join("index.building")
    }

    fn lock_path(&self) -> PathBuf {
        self.state.join("lock")
    }

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
    fn folder_stamps(&self, taken_ns: u64) -> Option<BTreeMap<String, FileStamp>> {
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
    fn quick_stamps(&self, manifest: &Manifest) -> Option<Stamps> {
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

    /// Opens the index if it is up to date with the workspace files.
    ///
    /// Exact: a file added, removed, renamed or changed since the index was
    /// written is never missed. Added, removed and renamed files change
    /// their folder (checked first, or listed again); a changed file has a
    /// new length, time, status-change time or inode, or was stamped racy
    /// and is compared by content.
    pub fn open(&self) -> Result<Freshness, SearchError> {
        let dir = self.index_dir();
        let opened = if dir.join("meta.json").is_file() {
            open_with_manifest(&dir)
        } else {
            None
        };
        let Some((index, manifest)) = opened else {
            let reason = if dir.join("meta.json").is_file() {
                StaleReason::Incompatible
            } else {
                StaleReason::Missing
            };
            return Ok(Freshness::Stale {
                reason,
                stamps: self.stamps()?,
            });
        };
        let (stamps, quick) = match self.quick_stamps(&manifest) {
            Some(s) => (s, true),
            None => (self.stamps()?, false),
        };
        let stale = |stamps| {
            Ok(Freshness::Stale {
                reason: StaleReason::Changed,
                stamps,
            })
        };
        if !manifest.files.keys().eq(stamps.files.keys()) {
            return stale(stamps);
        }
        // Files whose stamp changed, or was racy: compare their content.
        let mut restamped = manifest.clone();
        for (rel, (path, stamp)) in &stamps.files {
            let old = &manifest.files[rel];
            if old.same_stat(stamp) && !old.racy {
                continue;
            }
            if old.len != stamp.len {
                return stale(stamps);
            }
            let bytes = fs::read(path).map_err(io_err(path))?;
            if old.hash.is_empty() || format!("{:016x}", content_hash(&bytes)) != old.hash {
                return stale(stamps);
            }
            // The same content: the new stamp, with the hash it was compared
            // against (read after the stat, so a later write changes the
            // stamp again).
            restamped.files.insert(
                rel.clone(),
                FileStamp {
                    hash: old.hash.clone(),
                    ..stamp.clone()
                },
            );
        }
        if !quick {
            // Listed again, with the same files: the folders' new stamps.
            restamped.folders = stamps.folders.clone();
        }
        if restamped != manifest {
            // Record the new stamps so the next run need not hash or list
            // again. Best effort: another process may hold the lock.
            if let Ok(lock) = self.lock_file()
                && lock.try_lock().is_ok()
            {
                let mut writer = new_writer(&index, &dir)?;
                commit_with(&mut writer, &restamped, &dir)?;
                writer.wait_merging_threads().map_err(ix_err(&dir))?;
            }
        }
        Ok(Freshness::Fresh(SearchIndex::from_index(index, &dir)?))
    }

    fn lock_file(&self) -> Result<File, SearchError> {
        fs::create_dir_all(&self.state).map_err(io_err(&self.state))?;
        let ignore = self.state.join(".gitignore");
        if !ignore.exists() {
            fs::write(
                &ignore,
                "# mizan's search index and state: never commit.\n*\n",
            )
            .map_err(io_err(&ignore))?;
        }
        let path = self.lock_path();
        File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_err(&path))
    }

    /// Brings the index up to date with a loaded workspace. `stamps` are
    /// those [`IndexStore::open`] returned (taken before loading, so a file
    /// changed while loading is seen as changed next time).
    pub fn refresh(
        &self,
        ws: &Workspace,
        stamps: Stamps,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(SearchIndex, RefreshReport), SearchError> {
        let lock = self.lock_file()?;
        let mut report = RefreshReport::default();
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let dir = self.index_dir();
                if let Some((index, _)) = open_with_manifest(&dir) {
                    report.busy = true;
                    let ix = SearchIndex::from_index(index, &dir)?;
                    report.documents = ix.num_docs();
                    return Ok((ix, report));
                }
                lock.lock().map_err(io_err(&self.lock_path()))?;
            }
            Err(TryLockError::Error(e)) => return Err(io_err(&self.lock_path())(e)),
        }
        // Holding the lock: anything left by another run is from a dead one.
        let marker = self.marker();
        report.recovered = marker.exists();
        self.remove_leftovers()?;

        let folders = stamps.folders.clone();
        let mut manifest = Manifest {
            schema: SCHEMA_VERSION,
            files: stamp_files(ws, &self.root, stamps),
            groups: BTreeMap::new(),
            folders,
        };

        fs::write(&marker, std::process::id().to_string()).map_err(io_err(&marker))?;
        let dir = self.index_dir();
        let existing = open_with_manifest(&dir);
        let index = match existing {
            Some((index, old)) => {
                let fields =
                    Fields::from_schema(&index.schema()).ok_or_else(|| SearchError::Index {
                        path: dir.clone(),
                        source: tantivy::TantivyError::SchemaError("fields changed".into()),
                    })?;
                let mut writer = new_writer(&index, &dir)?;
                write_groups(
                    ws,
                    &writer,
                    &fields,
                    Some(&old.groups),
                    &mut manifest,
                    &mut report,
                    progress,
                    &dir,
                )?;
                for source in old.groups.keys() {
                    if !manifest.groups.contains_key(source) {
                        report.groups_removed += 1;
                        writer.delete_term(Term::from_field_text(fields.source, source));
                    }
                }
                commit_with(&mut writer, &manifest, &dir)?;
                writer.wait_merging_threads().map_err(ix_err(&dir))?;
                index
            }
            None => {
                report.rebuilt = true;
                self.rebuild(ws, &mut manifest, &mut report, progress)?
            }
        };
        fs::remove_file(&marker).map_err(io_err(&marker))?;
        let ix = SearchIndex::from_index(index, &dir)?;
        report.documents = ix.num_docs();
        Ok((ix, report))
    }

    /// Builds a new index in a temporary folder and renames it into place.
    fn rebuild(
        &self,
        ws: &Workspace,
        manifest: &mut Manifest,
        report: &mut RefreshReport,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Index, SearchError> {
        let tmp = self.state.join(format!("index.tmp-{}", std::process::id()));
        fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(&tmp, schema).map_err(ix_err(&tmp))?;
        index.tokenizers().register(ANALYZER, analyzer());
        let mut writer = new_writer(&index, &tmp)?;
        write_groups(ws, &writer, &fields, None, manifest, report, progress, &tmp)?;
        commit_with(&mut writer, manifest, &tmp)?;
        writer.wait_merging_threads().map_err(ix_err(&tmp))?;
        drop(index);

        let dir = self.index_dir();
        let old = self.state.join(format!("index.old-{}", std::process::id()));
        if dir.exists() {
            fs::rename(&dir, &old).map_err(io_err(&dir))?;
        }
        fs::rename(&tmp, &dir).map_err(io_err(&tmp))?;
        if let Ok(d) = File::open(&self.state) {
            // Make the renames durable; not every platform can sync a folder.
            let _ = d.sync_all();
        }
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io_err(&old))?;
        }
        Index::open_in_dir(&dir).map_err(ix_err(&dir))
    }

    /// Removes temporary folders of interrupted rebuilds (call with the lock).
    fn remove_leftovers(&self) -> Result<(), SearchError> {
        let entries = fs::read_dir(&self.state).map_err(io_err(&self.state))?;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with("index.tmp-") || name.starts_with("index.old-") {
                let path = entry.path();
                fs::remove_dir_all(&path).map_err(io_err(&path))?;
            }
        }
        let marker = self.marker();
        if marker.exists() {
            fs::remove_file(&marker).map_err(io_err(&marker))?;
        }
        Ok(())
    }
}

/// The commit payload: where the manifest is, and its hash. The manifest
/// itself (a stamp per file, some 200 bytes each) is a file of its own in
/// the index folder: tantivy parses the payload, as a string inside
/// `meta.json`, each time it reads the metadata (three times to open an
/// index), which at a million articles took longer than the query.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    /// `manifest-<hash>.json`, in the index folder.
    manifest: String,
}

/// Opens an index folder and reads its manifest; `None` if it is missing,
/// unreadable, or of another schema version.
fn open_with_manifest(dir: &Path) -> Option<(Index, Manifest)> {
    let index = Index::open_in_dir(dir).ok()?;
    // Analysers are not stored in the index: register ours before writing.
    index.tokenizers().register(ANALYZER, analyzer());
    // A commit that lands between reading `meta.json` and its manifest may
    // remove that manifest (the one before is kept): read both again once.
    let manifest = read_manifest(&index, dir).or_else(|| read_manifest(&index, dir))?;
    if manifest.schema != SCHEMA_VERSION || Fields::from_schema(&index.schema()).is_none() {
        return None;
    }
    Some((index, manifest))
}

fn read_manifest(index: &Index, dir: &Path) -> Option<Manifest> {
    let payload = index.load_metas().ok()?.payload?;
    let payload: Payload = serde_json::from_str(&payload).ok()?;
    if payload.schema != SCHEMA_VERSION {
        return None;
    }
    let name = payload.manifest;
    let hash = name.strip_prefix("manifest-")?.strip_suffix(".json")?;
    if hash.len() != 16 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let bytes = fs::read(dir.join(&name)).ok()?;
    if format!("{:016x}", content_hash(&bytes)) != hash {
        return None;
    }
    serde_json::from_slice(&bytes).ok()
}

/// Writes the manifest to a file of its own (durably, before the commit
/// that names it), then commits with a payload naming it, then removes
/// the manifests older than the previous one.
fn commit_with(
    writer: &mut IndexWriter<TantivyDocument>,
    manifest: &Manifest,
    dir: &Path,
) -> Result<(), SearchError> {
    let io = |source| SearchError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let bytes = serde_json::to_vec(manifest).map_err(|e| io(io::Error::other(e)))?;
    let name = format!("manifest-{:016x}.json", content_hash(&bytes));
    let path = dir.join(&name);
    if !path.is_file() {
        let tmp = dir.join(format!("{name}.tmp-{}", std::process::id()));
        let mut file = File::create(&tmp).map_err(io_err(&tmp))?;
        io::Write::write_all(&mut file, &bytes).map_err(io_err(&tmp))?;
        file.sync_all().map_err(io_err(&tmp))?;
        fs::rename(&tmp, &path).map_err(io_err(&path))?;
    }
    let previous = fs::read_to_string(dir.join("meta.json"))
        .ok()
        .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
        .and_then(|m| m.get("payload")?.as_str().map(str::to_owned))
        .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
        .map(|p| p.manifest);
    let payload = serde_json::to_string(&Payload {
        schema: SCHEMA_VERSION,
        manifest: name.clone(),
    })
    .map_err(|e| io(io::Error::other(e)))?;
    let mut prepared = writer.prepare_commit().map_err(ix_err(dir))?;
    prepared.set_payload(&payload);
    prepared.commit().map_err(ix_err(dir))?;
    // Best effort: a leftover manifest is only a small file.
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let file = entry.file_name();
            let file = file.to_string_lossy();
            if file.starts_with("manifest-")
                && file != name
                && Some(file.as_ref()) != previous.as_deref()
            {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    Ok(())
}

/// Writes the documents of every group whose fingerprint is not the one in
/// `old` (every group, without `old`), replacing the group's previous
/// documents, and records each group's fingerprint in `manifest`. The
/// documents are built a batch of groups at a time, never all at once.
#[allow(clippy::too_many_arguments)]
fn write_groups(
    ws: &Workspace,
    writer: &IndexWriter<TantivyDocument>,
    fields: &Fields,
    old: Option<&BTreeMap<String, String>>,
    manifest: &mut Manifest,
    report: &mut RefreshReport,
    progress: &mut dyn FnMut(Progress),
    path: &Path,
) -> Result<(), SearchError> {
    let total = documents::count(ws);
    let mut done = 0;
    documents::for_each_group(ws, |group| {
        let fingerprint = format!("{:016x}", group.fingerprint);
        done += group.docs.len();
        if old.and_then(|o| o.get(&group.source)) != Some(&fingerprint) {
            report.groups_updated += 1;
            if old.is_some() {
                writer.delete_term(Term::from_field_text(fields.source, &group.source));
            }
            for d in &group.docs {
                writer
                    .add_document(fields.document(d))
                    .map_err(ix_err(path))?;
                report.documents_written += 1;
            }
        }
        manifest.groups.insert(group.source, fingerprint);
        progress(Progress { done, total });
        Ok(())
    })
}

/// The stamps to record for the files a refresh indexed, each with the hash
/// of the content that was indexed. `stamps` were taken before the
/// workspace was loaded; each file is now read (and hashed), then stat'ed
/// again. If the stat is the same and was not racy, no write happened
/// between the first stat and the second, so the loader read what was
/// hashed. A racy file's hash is kept only if its bytes are the text the
/// loader read. Otherwise the file changed while it was indexed: its hash
/// is left empty, so the next open sees it as changed and refreshes.
fn stamp_files(ws: &Workspace, root: &Path, stamps: Stamps) -> BTreeMap<String, FileStamp> {
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
                    if ws.sources.get(&shown).map(str::as_bytes) != Some(&bytes[..]) {
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
fn folder_stamp(root: &Path, rel: &str, taken_ns: u64) -> Option<FileStamp> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let path = dir.path().join(STATUTE);
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("obstructs", "zeppelins")).unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
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
}
