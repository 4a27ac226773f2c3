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
//! amendment needs the text) up to a budget; beyond it they are kept as
//! skeletons too and read again, a batch at a time, when their amendments
//! are checked. A statute's text is kept only while a
//! diagnostic may need it: whole when the file has diagnostics of its own,
//! else the front matter up to the fields the checks across files point
//! at (`work`, `title`); a diagnostic found later in a file whose text was
//! cut is shown with the text read again (see [`Streamed::complete`]).
//!
//! The model is then checked exactly as [`Workspace::load`] checks it (the
//! same code, on the skeletons), so the diagnostics are the same.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::amend::{Amendment, AmendmentCheck, Keep};
use crate::corpus::{Article, Expression, Work, read_expression};
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

/// How many articles of amended works [`Workspace::load_streamed`] keeps
/// whole (some 450 MB); the amended works beyond are kept as skeletons
/// too, and read again, a batch of works at a time, when their amendments
/// are checked (at a million articles, a third more time for `check`). A
/// workspace of 100,000 articles per language keeps them all.
pub const WHOLE_ARTICLES: usize = 400_000;

/// The amended works read again at once for their amendments' check.
const REREAD_WORKS: usize = 32;

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
        each: impl FnMut(T) -> Result<(), E>,
    ) -> Result<Result<Streamed, LoadFailure>, E>
    where
        B: Fn(&Expression) -> Option<T> + Sync,
        T: Send,
    {
        Workspace::load_streamed_within(root, WHOLE_ARTICLES, prepare, each)
    }

    /// [`Workspace::load_streamed`], keeping at most `budget` articles of
    /// amended works whole.
    pub fn load_streamed_within<B, T, E>(
        root: &Path,
        budget: usize,
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
        let mut reread = HashMap::new();
        let whole = AtomicUsize::new(WHOLE_ARTICLES - budget.min(WHOLE_ARTICLES));
        let mut hashes = HashMap::with_capacity(files.len());
        // Batches bound what is built and not yet taken by `each` (a
        // search's documents). When nothing is built (`check`), there is
        // nothing to bound: each statute is slimmed as soon as it is read,
        // so all are read in one batch, with no wait between batches for
        // the slowest file of each.
        let batch = if std::mem::size_of::<T>() == 0 {
            statutes.len().max(1)
        } else {
            (rayon::current_num_threads() * BATCH_PER_THREAD).max(1)
        };
        for chunk in statutes.chunks(batch) {
            let loaded: Vec<(Loaded, Option<T>, Slimmed)> = chunk
                .par_iter()
                .map(|(_, _, f)| {
                    let mut loaded = read_one(f, &overlay);
                    let built = match &loaded.parsed {
                        Parsed::Expression(e) => build(e),
                        _ => None,
                    };
                    let slimmed = slim(&mut loaded, &amended, &whole);
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
                if slimmed.reread {
                    reread.insert(Arc::clone(&loaded.path), f.path.clone());
                }
                read.push((*i, loaded));
            }
        }
        drop(build);
        read.extend(others);
        read.sort_by_key(|(i, _)| *i);
        results.extend(read.into_iter().map(|(_, l)| l));
        Ok(finish(root, results, diags, hashes, cut, reread))
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
    reread: HashMap<Arc<Path>, PathBuf>,
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
    match Workspace::assemble(root, results, diags, true, None, reread) {
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
    /// Whether its work is amended but was kept as a skeleton.
    reread: bool,
}

/// Keeps only the skeleton of a statute read whole (unless an amendment
/// changes its work and `whole`, the articles kept whole so far, is within
/// [`WHOLE_ARTICLES`]), and only the head of its text when the file has
/// no diagnostics of its own.
fn slim(loaded: &mut Loaded, amended: &HashSet<&str>, whole: &AtomicUsize) -> Slimmed {
    let hash = loaded
        .text
        .as_ref()
        .map(|t| super::documents::content_hash(t.as_bytes()));
    let Parsed::Expression(e) = &mut loaded.parsed else {
        return Slimmed {
            hash,
            cut: false,
            reread: false,
        };
    };
    let is_amended = amended.contains(e.work().as_str());
    let n = e.articles.len();
    let keep = is_amended && whole.fetch_add(n, Ordering::Relaxed) + n <= WHOLE_ARTICLES;
    let reread = is_amended && !keep;
    if !keep {
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
        return Slimmed {
            hash,
            cut: false,
            reread,
        };
    };
    if !loaded.diags.is_empty() {
        return Slimmed {
            hash,
            cut: false,
            reread,
        };
    }
    // What `Workspace::field_span` looks for in a statute, found in the
    // head exactly as in the whole text.
    let end = ["\nwork:", "\ntitle:"]
        .iter()
        .filter_map(|needle| text.find(needle).map(|i| i + needle.len()))
        .max()
        .unwrap_or(0);
    loaded.text = Some(Arc::from(&text[..end]));
    Slimmed {
        hash,
        cut: true,
        reread,
    }
}

/// [`crate::amend::check`] of `amendments` against the works of `ws`,
/// reading again the works kept as skeletons, [`REREAD_WORKS`] at a time
/// and in the order of their ids (as the check gives its findings).
pub(super) fn check_amendments(
    ws: &Workspace,
    amendments: &[Amendment],
    keep: Keep<'_>,
    diags: &mut Diagnostics,
) -> AmendmentCheck {
    if ws.reread.is_empty() {
        return crate::amend::check(&ws.works, amendments, keep, diags);
    }
    let mut by_work: BTreeMap<&str, Vec<&Amendment>> = BTreeMap::new();
    for a in amendments {
        by_work.entry(a.amends.as_str()).or_default().push(a);
    }
    let ids: Vec<&str> = by_work.keys().copied().collect();
    let mut out = AmendmentCheck::default();
    for chunk in ids.chunks(REREAD_WORKS) {
        let works: Vec<Work> = chunk
            .par_iter()
            .filter_map(|id| ws.work(id))
            .map(|w| read_whole(ws, w))
            .collect();
        let list: Vec<Amendment> = chunk
            .iter()
            .flat_map(|id| by_work[id].iter().map(|a| (*a).clone()))
            .collect();
        let checked = crate::amend::check(&works, &list, keep, diags);
        out.articles_after.extend(checked.articles_after);
        out.proposed = out.proposed.or(checked.proposed);
    }
    out
}

/// A work with its expressions whole: those kept as skeletons read again
/// (as they were read, so as they were checked; a file that can no longer
/// be read keeps its skeleton).
fn read_whole(ws: &Workspace, work: &Work) -> Work {
    let expressions = work
        .expressions
        .iter()
        .map(|e| {
            let Some(real) = ws.reread.get(&e.path) else {
                return e.clone();
            };
            std::fs::read(real)
                .ok()
                .and_then(|bytes| decode(&bytes, &e.path).ok())
                .and_then(|text| {
                    let text = make_controls_visible(text, &e.path).0;
                    read_expression(&e.path, &text).0
                })
                .unwrap_or_else(|| e.clone())
        })
        .collect();
    Work {
        id: work.id.clone(),
        expressions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::render_text;

    fn streamed(root: &Path, budget: usize) -> Result<Streamed, LoadFailure> {
        let loaded = Workspace::load_streamed_within(
            root,
            budget,
            |_| |_: &Expression| None::<()>,
            |()| Ok::<(), ()>(()),
        );
        loaded.unwrap_or_else(|()| unreachable!())
    }

    /// The diagnostics as shown, and the summary, of a load.
    fn shown(loaded: &Result<Workspace, LoadFailure>) -> (String, Option<super::super::Summary>) {
        match loaded {
            Ok(ws) => (
                render_text(&ws.diagnostics, &ws.sources, false),
                Some(ws.summary()),
            ),
            Err(f) => (render_text(&f.diagnostics, &f.sources, false), None),
        }
    }

    /// With the amended works kept whole, and with them read again.
    fn same_as_load(root: &Path) {
        let loaded = shown(&Workspace::load(root));
        for budget in [WHOLE_ARTICLES, 0] {
            let s = streamed(root, budget).map(|s| s.workspace);
            assert_eq!(shown(&s), loaded, "{} within {budget}", root.display());
        }
    }

    #[test]
    fn streamed_loads_find_what_loads_find() {
        let base = Path::new(env!("CARGO_MANIFEST_DIR"));
        same_as_load(&base.join("book/src/examples/workspace"));
        same_as_load(&base.join("tests/fixtures/search/workspace"));
        let dir = tempfile::tempdir().unwrap();
        mizan_generate::generate(&mizan_generate::GenerateOptions::new(800, 3), dir.path())
            .unwrap();
        same_as_load(dir.path());
        let slim = streamed(dir.path(), 0).unwrap_or_else(|_| panic!("loads"));
        assert!(
            !slim.workspace.reread.is_empty(),
            "amended works read again"
        );
        // Amendments that do not apply, and a mapping citing a missing
        // article: errors found with the works read again.
        let amendments = dir.path().join("corpus/kw/amendments");
        for e in std::fs::read_dir(&amendments).unwrap().flatten().take(5) {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let broken: Vec<String> = text
                .lines()
                .map(|l| match l.strip_prefix("## ") {
                    Some(op) => format!("## {}", op.replace("Article ", "Article 999")),
                    None => l.to_owned(),
                })
                .collect();
            std::fs::write(e.path(), broken.join("\n")).unwrap();
        }
        let failed = Workspace::load(dir.path());
        assert!(failed.is_err(), "the broken amendments are errors");
        same_as_load(dir.path());
    }
}
