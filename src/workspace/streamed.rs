//! Loading a workspace one statute at a time, for the commands that need
//! every statute's text once and never again (the search index build,
//! `check`): at a million articles the whole model, held at once, took
//! some 4 GB.
//!
//! The settings, languages, standards, mappings, questionnaires and
//! amendments are read first, as [`Workspace::load`] reads them (they are
//! small, and what a statute's documents need: the mappings citing its
//! articles). The statutes are then read a batch at a time, in parallel;
//! each expression is handed to the caller's `build` while whole, then
//! kept only as a skeleton: its metadata, containers and each article's
//! eId and heading span, which is all the checks across files look at.
//! The works that an amendment changes are kept whole (applying an
//! amendment needs the text). A statute's text is kept only while a
//! diagnostic may need it: whole when the file has diagnostics of its own,
//! else the front matter up to the fields the checks across files point
//! at (`work`, `title`); a diagnostic found later in a file whose text was
//! cut is shown with the text read again (see [`Streamed::complete`]).
//!
//! The model is then checked exactly as [`Workspace::load`] checks it (the
//! same code, on the skeletons), so the diagnostics are the same.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::corpus::{Article, Expression};
use crate::diag::{Diagnostics, Sources};
use crate::source::{decode, make_controls_visible};
use crate::standards::Mapping;

use super::discover::{FileKind, SourceFile};
use super::{
    LoadFailure, Loaded, Overlay, Parsed, Workspace, discover_files, read_one, warm_languages,
};

/// A workspace loaded one statute at a time: the model with its statutes
/// as skeletons (see the module's documentation).
pub struct Streamed {
    pub workspace: Workspace,
    /// The hash ([`content_hash`](super::documents::content_hash)) of the
    /// text each file was read as, by the path diagnostics name it by.
    pub text_hashes: HashMap<Arc<Path>, u64>,
    /// Statutes whose text was cut: shown path -> real path.
    cut: HashMap<Arc<Path>, PathBuf>,
}

/// What is known when the statutes are about to be read.
pub struct Start<'a> {
    /// Every mapping of the workspace (in the order the files were found).
    pub mappings: Vec<&'a Mapping>,
    /// How many statute files will be read.
    pub statutes: usize,
}

/// The statute files read at once (per thread).
const BATCH_PER_THREAD: usize = 4;

impl Streamed {
    /// Puts the whole text of every file that `diagnostics` name and whose
    /// text was cut back into `sources`, for showing them.
    pub fn complete(&self, diagnostics: &Diagnostics, sources: &mut Sources) {
        complete(&self.cut, diagnostics, sources);
    }
}

fn complete(cut: &HashMap<Arc<Path>, PathBuf>, diagnostics: &Diagnostics, sources: &mut Sources) {
    let mut named: Vec<&Arc<Path>> = diagnostics
        .iter()
        .flat_map(|d| std::iter::once(&d.path).chain(d.related.iter().map(|r| &r.path)))
        .filter_map(|p| cut.get_key_value(p).map(|(k, _)| k))
        .collect();
    named.sort();
    named.dedup();
    for shown in named {
        if let Some(text) = std::fs::read(&cut[shown])
            .ok()
            .and_then(|bytes| decode(&bytes, shown).ok())
        {
            sources.set(Arc::clone(shown), make_controls_visible(text, shown).0);
        }
    }
}

impl Workspace {
    /// Loads and validates the workspace at `root` one statute at a time
    /// (see the module's documentation). `prepare` is called once the
    /// files other than statutes are read, and gives the function that
    /// `build`s something from each expression read (in parallel, while it
    /// is whole); `each` gets what was built, in the order of the statutes'
    /// paths relative to the workspace, on the calling thread. An error of
    /// `each` stops the load.
    ///
    /// The diagnostics, and the model less the statutes' text, are those of
    /// [`Workspace::load`].
    pub fn load_streamed<B, T, E>(
        root: &Path,
        prepare: impl FnOnce(&Start<'_>) -> B,
        mut each: impl FnMut(T) -> Result<(), E>,
    ) -> Result<Result<Streamed, LoadFailure>, E>
    where
        B: Fn(&Expression) -> Option<T> + Sync,
        T: Send,
    {
        warm_languages();
        let overlay = Overlay::new();
        let mut diags = Diagnostics::new();
        let files = match discover_files(root, &mut diags) {
            Ok(files) => files,
            Err(failure) => return Ok(Err(failure)),
        };
        let (language_files, files): (Vec<_>, Vec<_>) = files
            .into_iter()
            .partition(|f| f.kind == FileKind::Language);
        let mut results: Vec<Loaded> = language_files
            .iter()
            .map(|f| read_one(f, &overlay))
            .collect();
        let (statutes, others): (Vec<_>, Vec<_>) = files
            .iter()
            .enumerate()
            .partition(|(_, f)| f.kind == FileKind::Statute);
        let others: Vec<(usize, Loaded)> = others
            .par_iter()
            .map(|(i, f)| (*i, read_one(f, &overlay)))
            .collect();
        let amended: HashSet<&str> = others
            .iter()
            .filter_map(|(_, l)| match &l.parsed {
                Parsed::Amendment(a) => Some(a.amends.as_str()),
                _ => None,
            })
            .collect();
        let mut statutes: Vec<(String, usize, &SourceFile)> = statutes
            .into_iter()
            .map(|(i, f)| (super::documents::relative(root, &f.display), i, f))
            .collect();
        statutes.sort_by(|a, b| a.0.cmp(&b.0));
        let build = prepare(&Start {
            mappings: others
                .iter()
                .filter_map(|(_, l)| match &l.parsed {
                    Parsed::Mapping(m) => Some(m),
                    _ => None,
                })
                .collect(),
            statutes: statutes.len(),
        });
        let mut read: Vec<(usize, Loaded)> = Vec::with_capacity(statutes.len());
        let mut cut = HashMap::new();
        let mut hashes = HashMap::with_capacity(files.len());
        let batch = (rayon::current_num_threads() * BATCH_PER_THREAD).max(1);
        for chunk in statutes.chunks(batch) {
            let loaded: Vec<(Loaded, Option<T>, Slimmed)> = chunk
                .par_iter()
                .map(|(_, _, f)| {
                    let mut loaded = read_one(f, &overlay);
                    let built = match &loaded.parsed {
                        Parsed::Expression(e) => build(e),
                        _ => None,
                    };
                    let slimmed = slim(&mut loaded, &amended);
                    (loaded, built, slimmed)
                })
                .collect();
            for ((loaded, built, slimmed), (_, i, f)) in loaded.into_iter().zip(chunk) {
                if let Some(item) = built {
                    each(item)?;
                }
                if let Some(hash) = slimmed.hash {
                    hashes.insert(Arc::clone(&loaded.path), hash);
                }
                if slimmed.cut {
                    cut.insert(Arc::clone(&loaded.path), f.path.clone());
                }
                read.push((*i, loaded));
            }
        }
        drop(build);
        read.extend(others);
        read.sort_by_key(|(i, _)| *i);
        results.extend(read.into_iter().map(|(_, l)| l));
        Ok(finish(root, results, diags, hashes, cut))
    }
}

/// Checks what was read, as [`Workspace::load`] does, and completes the
/// sources of the diagnostics found.
fn finish(
    root: &Path,
    results: Vec<Loaded>,
    diags: Diagnostics,
    mut text_hashes: HashMap<Arc<Path>, u64>,
    cut: HashMap<Arc<Path>, PathBuf>,
) -> Result<Streamed, LoadFailure> {
    for l in &results {
        if let Some(text) = &l.text
            && !text_hashes.contains_key(&l.path)
        {
            text_hashes.insert(
                Arc::clone(&l.path),
                super::documents::content_hash(text.as_bytes()),
            );
        }
    }
    match Workspace::assemble(root, results, diags, true) {
        Ok(mut workspace) => {
            complete(&cut, &workspace.diagnostics, &mut workspace.sources);
            Ok(Streamed {
                workspace,
                text_hashes,
                cut,
            })
        }
        Err(mut failure) => {
            complete(&cut, &failure.diagnostics, &mut failure.sources);
            Err(failure)
        }
    }
}

/// What [`slim`] did to a statute.
struct Slimmed {
    /// The hash of its whole text.
    hash: Option<u64>,
    /// Whether its text was cut.
    cut: bool,
}

/// Keeps only the skeleton of a statute read whole (unless an amendment
/// changes its work), and only the head of its text when the file has no
/// diagnostics of its own.
fn slim(loaded: &mut Loaded, amended: &HashSet<&str>) -> Slimmed {
    let hash = loaded
        .text
        .as_ref()
        .map(|t| super::documents::content_hash(t.as_bytes()));
    let Parsed::Expression(e) = &mut loaded.parsed else {
        return Slimmed { hash, cut: false };
    };
    if !amended.contains(e.work().as_str()) {
        e.preamble = Vec::new();
        e.articles = e
            .articles
            .iter()
            .map(|a| {
                Arc::new(Article {
                    eid: a.eid.clone(),
                    num: String::new(),
                    heading: None,
                    container: a.container,
                    paragraphs: Vec::new(),
                    span: a.span.clone(),
                })
            })
            .collect();
    }
    let Some(text) = &loaded.text else {
        return Slimmed { hash, cut: false };
    };
    if !loaded.diags.is_empty() {
        return Slimmed { hash, cut: false };
    }
    // What `Workspace::field_span` looks for in a statute, found in the
    // head exactly as in the whole text.
    let end = ["\nwork:", "\ntitle:"]
        .iter()
        .filter_map(|needle| text.find(needle).map(|i| i + needle.len()))
        .max()
        .unwrap_or(0);
    loaded.text = Some(Arc::from(&text[..end]));
    Slimmed { hash, cut: true }
}
