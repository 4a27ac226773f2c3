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
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument};

use super::analysis::{ANALYZER, analyzer};
use super::documents::{self, content_hash};
use super::schema::{self, Fields, SCHEMA_VERSION};
use crate::Workspace;

mod quick;
mod refresh;
mod stamp;

pub use stamp::{FileStamp, Stamps};

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
    fn from_index(index: Index, path: &Path) -> Result<SearchIndex, SearchError> {
        let segments = index.searchable_segment_metas().map_or(0, |m| m.len());
        SearchIndex::from_index_with(index, path, segments)
    }

    /// [`SearchIndex::from_index`] of an index whose last commit has
    /// `segments` segments (known to a caller that read its metadata:
    /// each read parses `meta.json`, the schema with it, again).
    fn from_index_with(
        mut index: Index,
        path: &Path,
        segments: usize,
    ) -> Result<SearchIndex, SearchError> {
        index.tokenizers().register(ANALYZER, analyzer());
        // One search thread per core when there are segments enough to
        // share; starting threads costs more than searching two segments.
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

    /// Opens the index if it is up to date with the workspace files.
    ///
    /// Exact: a file added, removed, renamed or changed since the index was
    /// written is never missed. Added, removed and renamed files change
    /// their folder (checked first, or listed again); a changed file has a
    /// new length, time, status-change time or inode, or was stamped racy
    /// and is compared by content.
    pub fn open(&self) -> Result<Freshness, SearchError> {
        let dir = self.index_dir();
        // The fast path: nothing changed since the last commit's stamps.
        if let Some((index, segments)) = self.open_unchanged(&dir) {
            let index = SearchIndex::from_index_with(index, &dir, segments)?;
            return Ok(Freshness::Fresh(index));
        }
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
        // An index committed without a stamps file (by an earlier mizan)
        // gets one, so the next run takes the fast path.
        let unstamped = || {
            quick::encode(&restamped).is_some()
                && read_payload(&index).is_some_and(|p| p.stamps.is_none())
        };
        if restamped != manifest || unstamped() {
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

    /// The index, if the stamps its last commit names match the workspace
    /// as it is (see [`quick`]): no manifest read, no folder listed.
    /// Also returns the number of segments, from the same read of the
    /// metadata.
    fn open_unchanged(&self, dir: &Path) -> Option<(Index, usize)> {
        let index = Index::open_in_dir(dir).ok()?;
        let metas = index.load_metas().ok()?;
        let name = payload_of(&metas)?.stamps?;
        Fields::from_schema(&index.schema())?;
        self.unchanged(dir, &name)
            .then_some((index, metas.segments.len()))
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
    /// The built-in language files the documents were made with (see
    /// [`built_in_languages`]); 0 in indexes written before it was kept.
    #[serde(default)]
    languages: u64,
    /// `manifest-<hash>.json`, in the index folder.
    manifest: String,
    /// `stamps-<hash>.bin`, in the index folder: the manifest's stamps in
    /// short (see [`quick`]); none when the fast path cannot be taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stamps: Option<String>,
}

/// A fingerprint of the built-in language files. The documents hold words
/// they give (article headings, list letters), so an index written by a
/// mizan with other built-in files is rebuilt, as one of another schema
/// is, although no workspace file changed. (A workspace's own
/// `languages/` files are workspace files, stamped like the others.)
fn built_in_languages() -> u64 {
    crate::lang::BUILT_IN_FINGERPRINT
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

/// The payload of the index's last commit, if it is of this schema and
/// these built-in languages.
fn read_payload(index: &Index) -> Option<Payload> {
    payload_of(&index.load_metas().ok()?)
}

/// The payload of a commit's metadata, if this mizan wrote it.
fn payload_of(metas: &tantivy::IndexMeta) -> Option<Payload> {
    let payload: Payload = serde_json::from_str(metas.payload.as_deref()?).ok()?;
    (payload.schema == SCHEMA_VERSION && payload.languages == built_in_languages())
        .then_some(payload)
}

fn read_manifest(index: &Index, dir: &Path) -> Option<Manifest> {
    let name = read_payload(index)?.manifest;
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
    write_durably(dir, &name, &bytes)?;
    let stamps = match quick::encode(manifest) {
        Some(bytes) => {
            let name = quick::file_name(&bytes);
            write_durably(dir, &name, &bytes)?;
            Some(name)
        }
        None => None,
    };
    let previous = fs::read_to_string(dir.join("meta.json"))
        .ok()
        .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
        .and_then(|m| m.get("payload")?.as_str().map(str::to_owned))
        .and_then(|p| serde_json::from_str::<Payload>(&p).ok());
    let keep = |file: &str| {
        file == name
            || Some(file) == stamps.as_deref()
            || previous
                .as_ref()
                .is_some_and(|p| file == p.manifest || Some(file) == p.stamps.as_deref())
    };
    let payload = serde_json::to_string(&Payload {
        schema: SCHEMA_VERSION,
        languages: built_in_languages(),
        manifest: name.clone(),
        stamps: stamps.clone(),
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
            if (file.starts_with("manifest-") || file.starts_with("stamps-")) && !keep(&file) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to the file `name` in `dir` durably (a temporary file,
/// synced, renamed into place), unless it is there already (the name is
/// the content's hash).
fn write_durably(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), SearchError> {
    let path = dir.join(name);
    if !path.is_file() {
        let tmp = dir.join(format!("{name}.tmp-{}", std::process::id()));
        let mut file = File::create(&tmp).map_err(io_err(&tmp))?;
        io::Write::write_all(&mut file, bytes).map_err(io_err(&tmp))?;
        file.sync_all().map_err(io_err(&tmp))?;
        fs::rename(&tmp, &path).map_err(io_err(&path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
