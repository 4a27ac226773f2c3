//! The on-disk index: where it lives, when it is stale, how it is refreshed,
//! and why a killed run never leaves it broken.
//!
//! The index lives in `<workspace>/.mizan/index` (the folder git-ignores
//! itself). Its last commit carries a manifest as tantivy's commit payload:
//! the schema version, a stamp per workspace file (length, modification
//! time, content hash) and a fingerprint per group of documents (one group
//! per source file). Manifest and documents are written by the same atomic
//! commit, so they always agree.
//!
//! - [`IndexStore::open`] is the fast path: it stats the workspace files and
//!   opens the index if nothing changed. A file whose stamp changed is hashed;
//!   if its content is the same, only the stamps are recommitted.
//! - [`IndexStore::refresh`] takes the loaded workspace, rebuilds the
//!   documents, and replaces only the groups whose fingerprint changed, in one
//!   commit. A missing index, an unreadable one, or one of another
//!   [`SCHEMA_VERSION`] is rebuilt from scratch in a temporary folder that is
//!   then renamed into place.
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
use super::documents::{IndexDoc, content_hash, documents, groups, relative};
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
        // One search thread per core; a query touches a few segments at most.
        index
            .set_default_multithread_executor()
            .map_err(ix_err(path))?;
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
        for d in documents(ws) {
            writer
                .add_document(fields.document(&d))
                .map_err(ix_err(path))?;
        }
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

fn new_writer(index: &Index, path: &Path) -> Result<IndexWriter<TantivyDocument>, SearchError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4);
    index
        .writer_with_num_threads(threads, threads * 128 * 1024 * 1024)
        .map_err(ix_err(path))
}

/// How a workspace file looked when it was last indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub len: u64,
    /// Modification time in nanoseconds since the Unix epoch.
    pub mtime_ns: u64,
    /// FNV-1a 64 of the file's bytes, in hex; empty until hashed.
    #[serde(default)]
    pub hash: String,
}

/// The commit payload.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Manifest {
    schema: u32,
    /// Workspace file (relative path) -> stamp.
    files: BTreeMap<String, FileStamp>,
    /// Source file -> fingerprint (hex) of the documents indexed from it.
    groups: BTreeMap<String, String>,
}

/// The stamps of a workspace's files, taken before loading it.
#[derive(Debug, Clone, Default)]
pub struct Stamps(BTreeMap<String, (PathBuf, FileStamp)>);

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

    /// Stats every workspace file (no reading).
    pub fn stamps(&self) -> Result<Stamps, SearchError> {
        let files = match discover(&self.root) {
            Ok(found) => found.files,
            // Not a workspace: loading will say why, with a diagnostic.
            Err(_) => return Ok(Stamps::default()),
        };
        let mut out = BTreeMap::new();
        for f in files {
            let meta = fs::metadata(&f.path).map_err(io_err(&f.path))?;
            let mtime_ns = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
            let stamp = FileStamp {
                len: meta.len(),
                mtime_ns,
                hash: String::new(),
            };
            out.insert(relative(&self.root, &f.display), (f.path, stamp));
        }
        Ok(Stamps(out))
    }

    /// Opens the index if it is up to date with the workspace files.
    pub fn open(&self) -> Result<Freshness, SearchError> {
        let stamps = self.stamps()?;
        let dir = self.index_dir();
        if !dir.join("meta.json").is_file() {
            return Ok(Freshness::Stale {
                reason: StaleReason::Missing,
                stamps,
            });
        }
        let Some((index, manifest)) = open_with_manifest(&dir) else {
            return Ok(Freshness::Stale {
                reason: StaleReason::Incompatible,
                stamps,
            });
        };
        let stale = |stamps| {
            Ok(Freshness::Stale {
                reason: StaleReason::Changed,
                stamps,
            })
        };
        if !manifest.files.keys().eq(stamps.0.keys()) {
            return stale(stamps);
        }
        // Files whose length or time changed: compare their content.
        let mut touched = Vec::new();
        for (rel, (path, stamp)) in &stamps.0 {
            let old = &manifest.files[rel];
            if old.len != stamp.len || old.mtime_ns != stamp.mtime_ns {
                if old.len != stamp.len {
                    return stale(stamps);
                }
                let bytes = fs::read(path).map_err(io_err(path))?;
                if format!("{:016x}", content_hash(&bytes)) != old.hash {
                    return stale(stamps);
                }
                touched.push(rel.clone());
            }
        }
        if !touched.is_empty() {
            // Same content, new times: record them so the next run need not
            // hash again. Best effort: another process may hold the lock.
            let mut manifest = manifest.clone();
            for rel in touched {
                let (_, stamp) = &stamps.0[&rel];
                if let Some(s) = manifest.files.get_mut(&rel) {
                    s.len = stamp.len;
                    s.mtime_ns = stamp.mtime_ns;
                }
            }
            if let Ok(lock) = self.lock_file()
                && lock.try_lock().is_ok()
            {
                let mut writer = new_writer(&index, &dir)?;
                commit_with(&mut writer, &manifest, &dir)?;
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

        let docs = documents(ws);
        let groups = groups(&docs);
        let mut manifest = Manifest {
            schema: SCHEMA_VERSION,
            files: hash_files(stamps)?,
            groups: groups
                .iter()
                .map(|(k, (f, _))| ((*k).to_owned(), format!("{f:016x}")))
                .collect(),
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
                let changed: Vec<&[IndexDoc]> = groups
                    .iter()
                    .filter(|(k, (f, _))| old.groups.get(**k) != Some(&format!("{f:016x}")))
                    .map(|(_, (_, g))| *g)
                    .collect();
                let removed: Vec<&String> = old
                    .groups
                    .keys()
                    .filter(|k| !groups.contains_key(k.as_str()))
                    .collect();
                report.groups_updated = changed.len();
                report.groups_removed = removed.len();
                let total = changed.iter().map(|g| g.len()).sum();
                let mut writer = new_writer(&index, &dir)?;
                for source in removed {
                    writer.delete_term(Term::from_field_text(fields.source, source));
                }
                let mut done = 0;
                for group in changed {
                    if let Some(first) = group.first() {
                        writer.delete_term(Term::from_field_text(fields.source, &first.source));
                    }
                    for d in group {
                        writer
                            .add_document(fields.document(d))
                            .map_err(ix_err(&dir))?;
                        done += 1;
                        if done % 1000 == 0 {
                            progress(Progress { done, total });
                        }
                    }
                }
                report.documents_written = done;
                progress(Progress { done, total });
                commit_with(&mut writer, &manifest, &dir)?;
                writer.wait_merging_threads().map_err(ix_err(&dir))?;
                index
            }
            None => {
                report.rebuilt = true;
                report.groups_updated = groups.len();
                report.documents_written = docs.len();
                manifest.schema = SCHEMA_VERSION;
                self.rebuild(&docs, &manifest, progress)?
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
        docs: &[IndexDoc],
        manifest: &Manifest,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Index, SearchError> {
        let tmp = self.state.join(format!("index.tmp-{}", std::process::id()));
        fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(&tmp, schema).map_err(ix_err(&tmp))?;
        index.tokenizers().register(ANALYZER, analyzer());
        let mut writer = new_writer(&index, &tmp)?;
        let total = docs.len();
        for (i, d) in docs.iter().enumerate() {
            writer
                .add_document(fields.document(d))
                .map_err(ix_err(&tmp))?;
            if (i + 1) % 1000 == 0 {
                progress(Progress { done: i + 1, total });
            }
        }
        progress(Progress { done: total, total });
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

/// Opens an index folder and reads its manifest; `None` if it is missing,
/// unreadable, or of another schema version.
fn open_with_manifest(dir: &Path) -> Option<(Index, Manifest)> {
    let index = Index::open_in_dir(dir).ok()?;
    // Analysers are not stored in the index: register ours before writing.
    index.tokenizers().register(ANALYZER, analyzer());
    let payload = index.load_metas().ok()?.payload?;
    let manifest: Manifest = serde_json::from_str(&payload).ok()?;
    if manifest.schema != SCHEMA_VERSION || Fields::from_schema(&index.schema()).is_none() {
        return None;
    }
    Some((index, manifest))
}

fn commit_with(
    writer: &mut IndexWriter<TantivyDocument>,
    manifest: &Manifest,
    dir: &Path,
) -> Result<(), SearchError> {
    let payload = serde_json::to_string(manifest).map_err(|e| SearchError::Io {
        path: dir.to_path_buf(),
        source: io::Error::other(e),
    })?;
    let mut prepared = writer.prepare_commit().map_err(ix_err(dir))?;
    prepared.set_payload(&payload);
    prepared.commit().map_err(ix_err(dir))?;
    Ok(())
}

/// Hashes every stamped file's content.
fn hash_files(stamps: Stamps) -> Result<BTreeMap<String, FileStamp>, SearchError> {
    stamps
        .0
        .into_par_iter()
        .map(|(rel, (path, mut stamp))| {
            let bytes = fs::read(&path).map_err(io_err(&path))?;
            stamp.hash = format!("{:016x}", content_hash(&bytes));
            Ok((rel, stamp))
        })
        .collect()
}
