//! Refreshing the index: from a loaded workspace ([`IndexStore::refresh`]),
//! or while the workspace is read one statute at a time
//! ([`IndexStore::refresh_streamed`]), so that at most a batch of statutes
//! is held whole at once.
//!
//! Both write the same documents in the same order, record the same
//! manifest, and commit only when the workspace has no errors: a streamed
//! refresh validates everything in the same pass as it indexes, and when
//! the load fails the documents written are never committed (the index is
//! left as it was; a rebuild's temporary folder is removed).

use std::collections::BTreeMap;
use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};

use tantivy::indexer::NoMergePolicy;
use tantivy::schema::Term;
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::stamp::{Stamps, stamp_files};
use super::{
    IndexStore, Manifest, Progress, RefreshReport, SearchError, SearchIndex, commit_with, io_err,
    ix_err, new_writer, open_with_manifest,
};
use crate::Workspace;
use crate::search::analysis::{ANALYZER, analyzer};
use crate::search::documents::{self, Group, content_hash};
use crate::search::schema::{self, Fields, SCHEMA_VERSION};
use crate::workspace::streamed::WHOLE_ARTICLES;
use crate::workspace::{LoadFailure, Streamed};

/// Where the groups of documents go during a refresh: written when their
/// fingerprint changed (always, in a rebuild), recorded in the manifest.
pub struct Feed<'a> {
    /// `None` when only validating (another process is refreshing).
    writer: Option<(&'a IndexWriter<TantivyDocument>, &'a Fields, &'a Path)>,
    /// The previous fingerprints (`None` in a rebuild).
    old: Option<&'a BTreeMap<String, String>>,
    groups: BTreeMap<String, String>,
    report: &'a mut RefreshReport,
    progress: &'a mut dyn FnMut(Progress),
    done: usize,
    /// The source files expected (for progress).
    pub total: usize,
}

impl Feed<'_> {
    /// Whether groups are written (else building them is wasted).
    pub fn wanted(&self) -> bool {
        self.writer.is_some()
    }

    /// Writes one group, replacing its previous documents, unless its
    /// fingerprint is the one already indexed.
    pub fn group(&mut self, group: Group) -> Result<(), SearchError> {
        let Some((writer, fields, path)) = self.writer else {
            return Ok(());
        };
        let fingerprint = format!("{:016x}", group.fingerprint);
        self.done += 1;
        if self.old.and_then(|o| o.get(&group.source)) != Some(&fingerprint) {
            self.report.groups_updated += 1;
            if self.old.is_some() {
                writer.delete_term(Term::from_field_text(fields.source, &group.source));
            }
            for d in &group.docs {
                writer
                    .add_document(fields.document(d))
                    .map_err(ix_err(path))?;
                self.report.documents_written += 1;
            }
        }
        self.groups.insert(group.source, fingerprint);
        (self.progress)(Progress {
            done: self.done,
            total: self.total.max(self.done),
        });
        Ok(())
    }
}

/// What produced the documents: whether the text read of a file (by the
/// path diagnostics name it by) is `bytes`.
trait Texts: Sync {
    fn same(&self, shown: &Path, bytes: &[u8]) -> bool;
}

impl Texts for &Workspace {
    fn same(&self, shown: &Path, bytes: &[u8]) -> bool {
        self.sources.get(shown).map(str::as_bytes) == Some(bytes)
    }
}

impl Texts for Streamed {
    fn same(&self, shown: &Path, bytes: &[u8]) -> bool {
        self.text_hashes.get(shown) == Some(&content_hash(bytes))
    }
}

/// A refresh that loads the workspace itself: the index and its report,
/// with the workspace as loaded (statutes as skeletons), or why it did not
/// load.
pub type StreamedRefresh = Result<(SearchIndex, RefreshReport, Streamed), LoadFailure>;

impl IndexStore {
    /// Brings the index up to date with a loaded workspace. `stamps` are
    /// those [`IndexStore::open`] returned (taken before loading, so a file
    /// changed while loading is seen as changed next time).
    pub fn refresh(
        &self,
        ws: &Workspace,
        stamps: Stamps,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(SearchIndex, RefreshReport), SearchError> {
        let produced = self.refresh_from(stamps, progress, |feed| {
            feed.total =
                ws.works.iter().map(|w| w.expressions.len()).sum::<usize>() + ws.instruments.len();
            if feed.wanted() {
                documents::for_each_group(ws, |g| feed.group(g))?;
            }
            Ok(Ok(ws))
        })?;
        match produced {
            Ok((index, report, _)) => Ok((index, report)),
            Err(_) => unreachable!("a loaded workspace does not fail"),
        }
    }

    /// Loads the workspace one statute at a time (see
    /// [`Workspace::load_streamed`]) and brings the index up to date with
    /// it in the same pass. `stamps` are those [`IndexStore::open`]
    /// returned. The documents are committed only if the workspace loads
    /// (has no errors); else its diagnostics are returned and the index is
    /// left as it was.
    pub fn refresh_streamed(
        &self,
        stamps: Stamps,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<StreamedRefresh, SearchError> {
        let root = self.root.clone();
        self.refresh_from(stamps, progress, |feed| {
            let wanted = feed.wanted();
            let statutes = std::cell::Cell::new(0);
            // Half the whole works `check` keeps: the writer's heap is
            // held beside them.
            let loaded = Workspace::load_streamed_within(
                &root,
                WHOLE_ARTICLES / 2,
                |start| {
                    statutes.set(start.statutes);
                    let cited = documents::cited_by(start.mappings.iter().copied());
                    let root = root.clone();
                    move |e: &crate::corpus::Expression| {
                        if wanted {
                            documents::expression_group(&root, &cited, e)
                        } else {
                            None
                        }
                    }
                },
                |g| {
                    feed.total = statutes.get();
                    feed.group(g)
                },
            )?;
            let Ok(streamed) = loaded else {
                return Ok(loaded);
            };
            if wanted {
                let groups = documents::provision_groups(&streamed.workspace);
                feed.total = statutes.get() + groups.len();
                for g in groups {
                    feed.group(g)?;
                }
            }
            Ok(Ok(streamed))
        })
    }

    /// The refresh: `produce` feeds the documents (and loads, if it is a
    /// streamed refresh) while the index is open for writing.
    fn refresh_from<P: Texts>(
        &self,
        stamps: Stamps,
        progress: &mut dyn FnMut(Progress),
        produce: impl FnOnce(&mut Feed<'_>) -> Result<Result<P, LoadFailure>, SearchError>,
    ) -> Result<Result<(SearchIndex, RefreshReport, P), LoadFailure>, SearchError> {
        let lock = self.lock_file()?;
        let mut report = RefreshReport::default();
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let dir = self.index_dir();
                if let Some((index, _)) = open_with_manifest(&dir) {
                    // Still validated: errors stop the command whoever
                    // refreshes the index.
                    let mut feed = Feed {
                        writer: None,
                        old: None,
                        groups: BTreeMap::new(),
                        report: &mut report,
                        progress,
                        done: 0,
                        total: 0,
                    };
                    let produced = match produce(&mut feed)? {
                        Ok(p) => p,
                        Err(failure) => return Ok(Err(failure)),
                    };
                    report.busy = true;
                    let ix = SearchIndex::from_index(index, &dir)?;
                    report.documents = ix.num_docs();
                    return Ok(Ok((ix, report, produced)));
                }
                lock.lock().map_err(io_err(&self.lock_path()))?;
            }
            Err(TryLockError::Error(e)) => return Err(io_err(&self.lock_path())(e)),
        }
        // Holding the lock: anything left by another run is from a dead one.
        let marker = self.marker();
        report.recovered = marker.exists();
        self.remove_leftovers()?;
        fs::write(&marker, std::process::id().to_string()).map_err(io_err(&marker))?;

        let dir = self.index_dir();
        let (index, target, old) = match open_with_manifest(&dir) {
            Some((index, old)) => (index, dir.clone(), Some(old.groups)),
            None => {
                report.rebuilt = true;
                let (index, tmp) = self.create_temporary()?;
                (index, tmp, None)
            }
        };
        let fields = Fields::from_schema(&index.schema()).ok_or_else(|| SearchError::Index {
            path: target.clone(),
            source: tantivy::TantivyError::SchemaError("fields changed".into()),
        })?;
        let mut writer = new_writer(&index, &target)?;
        if old.is_none() {
            // Merged once, at the end (see below), not level by level.
            writer.set_merge_policy(Box::new(NoMergePolicy));
        }
        let mut feed = Feed {
            writer: Some((&writer, &fields, &target)),
            old: old.as_ref(),
            groups: BTreeMap::new(),
            report: &mut report,
            progress,
            done: 0,
            total: 0,
        };
        let produced = produce(&mut feed);
        let groups = std::mem::take(&mut feed.groups);
        let produced = match produced {
            Ok(Ok(p)) => p,
            other => {
                if matches!(other, Ok(Err(_))) {
                    // The workspace has errors: nothing written is kept.
                    drop(writer);
                    drop(index);
                    if old.is_none() {
                        fs::remove_dir_all(&target).map_err(io_err(&target))?;
                    }
                    fs::remove_file(&marker).map_err(io_err(&marker))?;
                }
                return other.map(|r| r.map(|_| unreachable!("handled above")));
            }
        };
        let folders = stamps.folders.clone();
        let manifest = Manifest {
            schema: SCHEMA_VERSION,
            files: stamp_files(&self.root, stamps, &|shown: &Path, bytes: &[u8]| {
                produced.same(shown, bytes)
            }),
            groups,
            folders,
        };
        if let Some(old) = &old {
            for source in old.keys() {
                if !manifest.groups.contains_key(source) {
                    report.groups_removed += 1;
                    writer.delete_term(Term::from_field_text(fields.source, source));
                }
            }
        }
        commit_with(&mut writer, &manifest, &target)?;
        let index = if old.is_none() {
            merge_all(&index, &mut writer, &target)?;
            writer.wait_merging_threads().map_err(ix_err(&target))?;
            drop(index);
            self.install(&target)?
        } else {
            writer.wait_merging_threads().map_err(ix_err(&target))?;
            index
        };
        fs::remove_file(&marker).map_err(io_err(&marker))?;
        let ix = SearchIndex::from_index(index, &dir)?;
        report.documents = ix.num_docs();
        Ok(Ok((ix, report, produced)))
    }

    /// A new, empty index in a temporary folder (see [`IndexStore::install`]).
    fn create_temporary(&self) -> Result<(Index, PathBuf), SearchError> {
        let tmp = self.state.join(format!("index.tmp-{}", std::process::id()));
        fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        let (schema, _) = schema::build();
        let index = Index::create_in_dir(&tmp, schema).map_err(ix_err(&tmp))?;
        index.tokenizers().register(ANALYZER, analyzer());
        Ok((index, tmp))
    }

    /// Renames a rebuilt index from its temporary folder into place.
    fn install(&self, tmp: &Path) -> Result<Index, SearchError> {
        let dir = self.index_dir();
        let old = self.state.join(format!("index.old-{}", std::process::id()));
        if dir.exists() {
            fs::rename(&dir, &old).map_err(io_err(&dir))?;
        }
        fs::rename(tmp, &dir).map_err(io_err(tmp))?;
        if let Ok(d) = File::open(&self.state) {
            // Make the renames durable; not every platform can sync a folder.
            let _ = d.sync_all();
        }
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io_err(&old))?;
        }
        Index::open_in_dir(&dir).map_err(ix_err(&dir))
    }
}

/// Merges the segments of a new index into one (a query visits each
/// segment: at a million articles the build left six). The merge keeps
/// the last commit's payload, so the manifest it names stays the index's.
fn merge_all(
    index: &Index,
    writer: &mut IndexWriter<TantivyDocument>,
    path: &Path,
) -> Result<(), SearchError> {
    let segments = index.searchable_segment_ids().map_err(ix_err(path))?;
    if segments.len() > 1 {
        writer.merge(&segments).wait().map_err(ix_err(path))?;
    }
    Ok(())
}
