//! The workspace: every file of a folder loaded into one validated model.
//!
//! `Workspace::load` finds the files, reads them in parallel (each once),
//! then checks what no single file can: duplicates across files, mapping
//! entries that name unknown provisions or articles, languages that do not
//! align. It returns the model with its warnings, or every error found.

mod amended;
mod coverage;
mod discover;
pub mod documents;
mod evidence;
mod invisible;
pub mod resolve;
mod scoped;
pub mod streamed;
mod validate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::amend::{Amendment, read_amendment};
use crate::corpus::{Article, Expression, Lang, Work, read_expression};
use crate::diag::{Code, Diagnostic, Diagnostics, Sources};
use crate::ids::ArticleRef;
use crate::settings::{Settings, read_settings};
use crate::source::{decode_shared, make_controls_visible, read_shared};
use crate::standards::{
    Glossary, Instrument, Mapping, MappingEntry, Provision, read_glossary, read_instrument,
    read_mapping,
};

pub use coverage::{Coverage, KindCoverage, coverage};
pub use discover::{Discovered, Entry, FileKind, Rules, SourceFile, discover};
pub use scoped::Scope;
pub use streamed::{Start, Streamed};

/// A loaded, validated workspace.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    pub settings: Settings,
    /// The field's terms in each language (`glossary.yaml`; empty if none).
    pub glossary: Glossary,
    /// The questionnaires the gap report can be arranged by
    /// (`questionnaires/<id>.yaml`), ordered by id.
    pub questionnaires: Vec<crate::standards::Questionnaire>,
    /// Works, ordered by id.
    pub works: Vec<Work>,
    /// Instruments, ordered by id.
    pub instruments: Vec<Instrument>,
    /// Mappings, ordered by jurisdiction and standard.
    pub mappings: Vec<Mapping>,
    /// Amendments, ordered by id.
    pub amendments: Vec<Amendment>,
    /// Warnings found while loading (errors prevent loading).
    pub diagnostics: Diagnostics,
    pub sources: Sources,
    work_index: HashMap<String, usize>,
    /// Works whose files failed to read: references to them are not errors
    /// of their own (the failure is already reported).
    failed_works: Vec<String>,
    /// Statutes kept as skeletons by [`Workspace::load_streamed`]: where
    /// to read them whole again (for the amendment checks), by the path
    /// diagnostics name them by. Empty for every other load.
    reread: HashMap<Arc<Path>, PathBuf>,
    /// A scoped load for `diff`: the pending amendment's id and the text as
    /// it would read with it, from the dry run that checked it.
    proposed: Option<(String, crate::amend::Version)>,
}

/// Loading failed: every diagnostic found, and the sources to show them with.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    pub diagnostics: Diagnostics,
    pub sources: Sources,
}

/// Numbers for the `check` summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub works: usize,
    pub expressions: usize,
    pub articles: usize,
    pub instruments: usize,
    pub provisions: usize,
    pub mapping_entries: usize,
    pub amendments: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// An article looked up by id, with its work and expression.
#[derive(Debug, Clone, Copy)]
pub struct ArticleView<'a> {
    pub work: &'a Work,
    pub expression: &'a Expression,
    pub article: &'a Article,
}

/// A mapping entry that names an article, with its instrument and provision.
#[derive(Debug, Clone, Copy)]
pub struct MappedProvision<'a> {
    pub instrument: &'a Instrument,
    pub provision: &'a Provision,
    pub entry: &'a MappingEntry,
}

/// One file after reading: its text (when it could be decoded), what it
/// parsed into, and its problems.
#[derive(Clone)]
struct Loaded {
    path: Arc<Path>,
    text: Option<Arc<str>>,
    parsed: Parsed,
    diags: Diagnostics,
}

#[derive(Clone)]
enum Parsed {
    Settings(Settings),
    Glossary(Glossary),
    Questionnaire(crate::standards::Questionnaire),
    Expression(Expression),
    Instrument(Instrument),
    Mapping(Mapping),
    Amendment(Amendment),
    /// A statute whose front matter could not be read; its work id, if a
    /// `work:` line could still be found.
    FailedStatute(Option<String>),
    Nothing,
}

/// Texts that stand in for files on disk (an editor's unsaved buffers), by
/// path with links resolved.
pub type Overlay = HashMap<PathBuf, Arc<str>>;

/// Files read by an earlier load, reused by the next while their text is
/// the same: the editor's text by its hash, a file on disk by its size and
/// modification time. Language files are always read again (they register
/// languages as a side effect).
#[derive(Default)]
pub struct LoadCache {
    files: HashMap<PathBuf, (Fingerprint, Loaded)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fingerprint {
    Text(u64),
    Disk(u64, std::time::SystemTime),
}

impl LoadCache {
    /// Forgets the files at `paths` (links resolved), so the next load
    /// reads them again whatever their length and time say: a watcher that
    /// saw a file change knows better than a time that may not have moved
    /// (two saves of the same length within one tick of the clock).
    pub fn forget(&mut self, paths: &[PathBuf]) {
        for path in paths {
            self.files.remove(path);
            if let Ok(real) = std::fs::canonicalize(path) {
                self.files.remove(&real);
            }
        }
    }

    fn fingerprint(file: &SourceFile, overlay: &Overlay) -> Option<Fingerprint> {
        if let Some(text) = overlay.get(&file.path) {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            text.hash(&mut h);
            return Some(Fingerprint::Text(h.finish()));
        }
        let m = std::fs::metadata(&file.path).ok()?;
        Some(Fingerprint::Disk(m.len(), m.modified().ok()?))
    }
}

/// The workspace's files, with what finding them reported added to
/// `diags`; a workspace that cannot be listed fails the load.
fn discover_files(
    root: &Path,
    diags: &mut Diagnostics,
) -> Result<Vec<discover::SourceFile>, LoadFailure> {
    match discover::discover(root) {
        Ok(found) => {
            diags.extend(found.diagnostics);
            Ok(found.files)
        }
        Err(d) => Err(LoadFailure {
            diagnostics: Diagnostics(vec![d]),
            sources: Sources::default(),
        }),
    }
}

impl Workspace {
    /// Loads and validates the workspace at `root`.
    pub fn load(root: &Path) -> Result<Workspace, LoadFailure> {
        Workspace::load_from(root, &Overlay::new(), None)
    }

    /// Loads and validates the workspace at `root`, reading the files of
    /// `overlay` from it instead of the disk, and reusing the files of
    /// `cache` that did not change (then keeping this load's files there).
    /// Every file is still validated against the others.
    pub fn load_cached(
        root: &Path,
        overlay: &Overlay,
        cache: &mut LoadCache,
    ) -> Result<Workspace, LoadFailure> {
        Workspace::load_from(root, overlay, Some(cache))
    }

    fn load_from(
        root: &Path,
        overlay: &Overlay,
        cache: Option<&mut LoadCache>,
    ) -> Result<Workspace, LoadFailure> {
        warm_languages();
        let mut diags = Diagnostics::new();
        let files = discover_files(root, &mut diags)?;
        // Language files first: a statute's `lang:` and the settings'
        // `languages` name languages, which must be registered by then.
        let (language_files, files): (Vec<_>, Vec<_>) = files
            .into_iter()
            .partition(|f| f.kind == FileKind::Language);
        let mut results: Vec<Loaded> = language_files
            .iter()
            .map(|f| read_one(f, overlay))
            .collect();
        match cache {
            None => results.extend(
                files
                    .par_iter()
                    .map(|f| read_one(f, overlay))
                    .collect::<Vec<_>>(),
            ),
            Some(cache) => results.extend(read_through(cache, &files, overlay)),
        }

        Workspace::assemble(root, results, diags, true, None, HashMap::new())
    }

    /// Builds the workspace from the files read, then checks them against
    /// each other: all of them (`whole`), or, for a scoped load (see
    /// [`Scope`]), without the checks that need the files left unread
    /// (an amendment's mapping changes against the standards); `proposed`:
    /// the pending amendment whose text as it would read is kept (see
    /// [`Workspace::proposed`]).
    fn assemble(
        root: &Path,
        results: Vec<Loaded>,
        mut diags: Diagnostics,
        whole: bool,
        proposed: Option<&str>,
        reread: HashMap<Arc<Path>, PathBuf>,
    ) -> Result<Workspace, LoadFailure> {
        let mut sources = Sources::default();
        let mut settings = Settings::default();
        let mut glossary = Glossary::default();
        let mut questionnaires = Vec::new();
        let mut expressions = Vec::new();
        let mut instruments = Vec::new();
        let mut mappings = Vec::new();
        let mut amendments = Vec::new();
        let mut failed_works = Vec::new();
        for Loaded {
            path,
            text,
            parsed,
            diags: d,
        } in results
        {
            if let Some(text) = text {
                sources.add(path, text);
            }
            diags.extend(d);
            match parsed {
                Parsed::Settings(s) => settings = s,
                Parsed::Glossary(g) => glossary = g,
                Parsed::Questionnaire(q) => questionnaires.push(q),
                Parsed::Expression(e) => expressions.push(e),
                Parsed::Instrument(i) => instruments.push(i),
                Parsed::Mapping(m) => mappings.push(m),
                Parsed::Amendment(a) => amendments.push(a),
                Parsed::FailedStatute(work) => failed_works.extend(work),
                Parsed::Nothing => {}
            }
        }
        let mut ws = Workspace {
            root: root.to_path_buf(),
            settings,
            glossary,
            questionnaires,
            works: Vec::new(),
            instruments,
            mappings,
            amendments,
            diagnostics: Diagnostics::new(),
            sources,
            work_index: HashMap::new(),
            failed_works,
            reread,
            proposed: None,
        };
        ws.assemble_works(expressions, &mut diags);
        ws.instruments.sort_by(|a, b| a.id.cmp(&b.id));
        ws.mappings
            .sort_by(|a, b| (&a.jurisdiction, &a.standard).cmp(&(&b.jurisdiction, &b.standard)));
        ws.amendments.sort_by(|a, b| a.id.cmp(&b.id));
        ws.questionnaires.sort_by(|a, b| a.id.cmp(&b.id));
        ws.proposed = validate::validate(&ws, whole, proposed, &mut diags);
        for q in &ws.questionnaires {
            crate::standards::questionnaire::check(q, &ws.instruments, &mut diags);
        }
        diags.sort();
        if diags.has_errors() {
            return Err(LoadFailure {
                diagnostics: diags,
                sources: ws.sources,
            });
        }
        ws.diagnostics = diags;
        Ok(ws)
    }

    /// The text as it would read with the pending amendment `id`, as
    /// checking it found it, when this is a scoped load for that amendment
    /// (`Scope::Amendment`) and it applied: what
    /// [`crate::amend::with_pending`] gives on the latest version.
    pub fn proposed(&self, id: &str) -> Option<&crate::amend::Version> {
        self.proposed
            .as_ref()
            .filter(|(kept, _)| kept == id)
            .map(|(_, v)| v)
    }

    /// The last report as published (`file` under `[gaps.last_report]`
    /// in mizan.toml), if the settings name one: read and checked, or the
    /// diagnostic and the sources to show it with.
    pub fn published_report(
        &self,
    ) -> Result<Option<crate::standards::Published>, (Diagnostics, Sources)> {
        let Some(file) = self
            .settings
            .gaps
            .last_report
            .as_ref()
            .and_then(|r| r.file.as_ref())
        else {
            return Ok(None);
        };
        let path: std::sync::Arc<Path> = std::sync::Arc::from(self.root.join(file));
        let mut sources = Sources::default();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                let d = Diagnostic::error(
                    Code::PublishedReportInvalid,
                    &path,
                    None,
                    format!("cannot read the last report as published: {e}"),
                );
                return Err((Diagnostics(vec![d]), sources));
            }
        };
        let result = crate::standards::read_published(&path, &text);
        sources.add(path, std::sync::Arc::from(text));
        result
            .map(Some)
            .map_err(|d| (Diagnostics(vec![d]), sources))
    }

    /// Groups expressions into works; a second expression of the same work in
    /// the same language is an error.
    fn assemble_works(&mut self, mut expressions: Vec<Expression>, diags: &mut Diagnostics) {
        expressions.sort_by(|a, b| (a.work(), a.lang()).cmp(&(b.work(), b.lang())));
        let mut works: Vec<Work> = Vec::new();
        for e in expressions {
            match works.last_mut() {
                Some(w) if &w.id == e.work() => {
                    if let Some(first) = w.expression(e.lang()) {
                        diags.push(
                            Diagnostic::error(
                                Code::DuplicateExpression,
                                &e.path,
                                self.field_span(&e.path, "work"),
                                format!(
                                    "duplicate expression: `{}` in `{}` is already read",
                                    e.work(),
                                    e.lang().code()
                                ),
                            )
                            .with_help(format!("the first is {}", first.path.display())),
                        );
                    } else {
                        w.expressions.push(e);
                    }
                }
                _ => works.push(Work {
                    id: e.work().clone(),
                    expressions: vec![e],
                }),
            }
        }
        self.work_index = works
            .iter()
            .enumerate()
            .map(|(i, w)| (w.id.as_str().to_owned(), i))
            .collect();
        self.works = works;
    }

    /// The span of a front-matter field's key in a file, for diagnostics about
    /// values the model keeps without spans.
    pub(crate) fn field_span(&self, path: &Path, field: &str) -> Option<std::ops::Range<usize>> {
        let text = self.sources.get(path)?;
        let needle = format!("\n{field}:");
        text.find(&needle).map(|i| i + 1..i + 1 + field.len())
    }

    /// Whether a work's file failed to read (so references to it are not
    /// reported again).
    pub(crate) fn work_failed(&self, id: &str) -> bool {
        self.failed_works.iter().any(|w| w == id)
    }

    pub fn work(&self, id: &str) -> Option<&Work> {
        self.work_index.get(id).map(|i| &self.works[*i])
    }

    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments
            .binary_search_by(|i| i.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.instruments[i])
    }

    pub fn amendment(&self, id: &str) -> Option<&Amendment> {
        self.amendments
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.amendments[i])
    }

    /// The mapping of `standard` for `jurisdiction`.
    pub fn mapping(&self, jurisdiction: &str, standard: &str) -> Option<&Mapping> {
        self.mappings
            .iter()
            .find(|m| m.jurisdiction == jurisdiction && m.standard == standard)
    }

    /// The jurisdiction reports are about: the setting, else the first
    /// jurisdiction with works.
    pub fn jurisdiction(&self) -> &str {
        self.settings
            .jurisdiction
            .as_deref()
            .or_else(|| self.works.first().map(|w| w.id.country()))
            .unwrap_or("kw")
    }

    /// Looks an article up in `lang` (or the work's primary expression).
    pub fn article(&self, id: &ArticleRef, lang: Option<Lang>) -> Option<ArticleView<'_>> {
        let work = self.work(id.work.as_str())?;
        let expression = match lang {
            Some(l) => work.expression(l)?,
            None => work
                .expressions
                .iter()
                .find(|e| e.article(&id.eid).is_some())?,
        };
        let article = expression.article(&id.eid)?;
        Some(ArticleView {
            work,
            expression,
            article,
        })
    }

    /// Every mapping entry (in every mapping) that relies on an article.
    pub fn provisions_for(&self, id: &ArticleRef) -> Vec<MappedProvision<'_>> {
        let mut out = Vec::new();
        for m in &self.mappings {
            let Some(instrument) = self.instrument(&m.standard) else {
                continue;
            };
            for entry in &m.entries {
                if entry.articles.contains(id)
                    && let Some(provision) = instrument.provision(&entry.provision)
                {
                    out.push(MappedProvision {
                        instrument,
                        provision,
                        entry,
                    });
                }
            }
        }
        out
    }

    pub fn summary(&self) -> Summary {
        let articles = self
            .works
            .iter()
            .map(|w| {
                let mut eids: Vec<&str> = w
                    .expressions
                    .iter()
                    .flat_map(|e| e.articles.iter().map(|a| a.eid.as_str()))
                    .collect();
                eids.sort_unstable();
                eids.dedup();
                eids.len()
            })
            .sum();
        Summary {
            works: self.works.len(),
            expressions: self.works.iter().map(|w| w.expressions.len()).sum(),
            articles,
            instruments: self.instruments.len(),
            provisions: self.instruments.iter().map(|i| i.provisions.len()).sum(),
            mapping_entries: self.mappings.iter().map(|m| m.entries.len()).sum(),
            amendments: self.amendments.len(),
            errors: self.diagnostics.errors(),
            warnings: self.diagnostics.warnings(),
        }
    }
}

/// Reads the built-in languages on another thread while the files are
/// found: every file read needs them, and the first command of a process
/// would otherwise wait for them then.
fn warm_languages() {
    rayon::spawn(|| {
        for lang in Lang::all() {
            lang.def();
        }
    });
}

/// Reads `files`, reusing what `cache` holds of those that did not change,
/// and keeps what was read in `cache` for the next load.
fn read_through(cache: &mut LoadCache, files: &[SourceFile], overlay: &Overlay) -> Vec<Loaded> {
    let mut old = std::mem::take(&mut cache.files);
    // Each file: its fingerprint, what it parsed into, and whether that
    // came from the cache (which then keeps its entry, uncopied).
    let read: Vec<(Option<Fingerprint>, Loaded, bool)> = files
        .par_iter()
        .map(|f| {
            let print = LoadCache::fingerprint(f, overlay);
            match (print, old.get(&f.path)) {
                (Some(p), Some((q, loaded))) if p == *q => (print, loaded.clone(), true),
                _ => (print, read_one(f, overlay), false),
            }
        })
        .collect();
    let mut out = Vec::with_capacity(read.len());
    for (file, (print, loaded, hit)) in files.iter().zip(read) {
        match (print, hit.then(|| old.remove(&file.path)).flatten()) {
            (_, Some(kept)) => {
                cache.files.insert(file.path.clone(), kept);
            }
            (Some(p), None) => {
                cache.files.insert(file.path.clone(), (p, loaded.clone()));
            }
            (None, None) => {}
        }
        out.push(loaded);
    }
    out
}

/// Reads and parses one file; I/O and decoding problems become diagnostics.
fn read_one(file: &SourceFile, overlay: &Overlay) -> Loaded {
    let path = Arc::clone(&file.display);
    let mut diags = Diagnostics::new();
    let read = match overlay.get(&file.path) {
        Some(text) => Ok(Arc::from(text.as_bytes())),
        None => read_shared(&file.path),
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                Code::UnreadableFile,
                &path,
                None,
                format!("cannot read the file: {e}"),
            ));
            return Loaded {
                path,
                text: None,
                parsed: Parsed::Nothing,
                diags,
            };
        }
    };
    if file.kind == FileKind::Settings && bytes.iter().all(u8::is_ascii_whitespace) {
        // An empty `mizan.toml` is a missing one: every setting has a default.
        return Loaded {
            path,
            text: None,
            parsed: Parsed::Settings(Settings::default()),
            diags,
        };
    }
    let text = match decode_shared(bytes, &path) {
        Ok(t) => {
            let (text, warning) = make_controls_visible(t, &path);
            diags.extend(Diagnostics(warning.into_iter().collect()));
            text
        }
        Err((d, text)) => {
            diags.push(d);
            return Loaded {
                path,
                text,
                parsed: Parsed::Nothing,
                diags,
            };
        }
    };
    diags.extend(invisible::warnings(&path, &text));
    let (parsed, d) = match file.kind {
        FileKind::Settings => match read_settings(&path, &text) {
            Ok(s) => (Parsed::Settings(s), Diagnostics::new()),
            Err(d) => (Parsed::Nothing, Diagnostics(vec![d])),
        },
        FileKind::Language => (Parsed::Nothing, register_language(&path, &text)),
        FileKind::Statute => {
            let (e, d) = read_expression(&path, &text);
            let parsed = match e {
                Some(e) => Parsed::Expression(e),
                None => Parsed::FailedStatute(lenient_work_id(&text)),
            };
            (parsed, d)
        }
        FileKind::Glossary => {
            let (g, d) = read_glossary(&path, &text);
            (g.map_or(Parsed::Nothing, Parsed::Glossary), d)
        }
        FileKind::Questionnaire => {
            let (q, d) = crate::standards::read_questionnaire(&path, &text);
            (q.map_or(Parsed::Nothing, Parsed::Questionnaire), d)
        }
        FileKind::Instrument => {
            let (i, d) = read_instrument(&path, &text);
            (i.map_or(Parsed::Nothing, Parsed::Instrument), d)
        }
        FileKind::Mapping => {
            let (m, d) = read_mapping(&path, &text);
            (m.map_or(Parsed::Nothing, Parsed::Mapping), d)
        }
        FileKind::Amendment => {
            let (a, d) = read_amendment(&path, &text);
            (a.map_or(Parsed::Nothing, Parsed::Amendment), d)
        }
    };
    diags.extend(d);
    Loaded {
        path,
        text: Some(text),
        parsed,
        diags,
    }
}

/// Registers the languages a workspace describes in `languages/`, before
/// anything names them (a command line's `--lang fr`). Files that cannot be
/// read are left for [`Workspace::load`] to report.
pub fn register_languages(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root.join("languages")) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    // In name order, so that languages are registered (and ordered) alike
    // on every run.
    paths.sort();
    for path in paths {
        if path.extension().is_some_and(|e| e == "toml")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            let _ = register_language(&Arc::from(path.as_path()), &text);
        }
    }
}

/// Reads a language file and registers its language (see [`crate::lang`]).
fn register_language(path: &Arc<Path>, text: &str) -> Diagnostics {
    let name = path.to_string_lossy();
    let result = crate::lang::read_language_file(&name, text).and_then(|file| {
        crate::lang::register(file).map_err(|message| crate::lang::FileError {
            // A table the language cannot use: at its header.
            span: message
                .starts_with("`[numbers]`")
                .then(|| text.find("[numbers]").map(|i| i..i + 9))
                .flatten(),
            message,
        })
    });
    match result {
        Ok(_) => Diagnostics::new(),
        Err(e) => Diagnostics(vec![Diagnostic::error(
            Code::InvalidLanguageFile,
            path,
            e.span,
            e.message,
        )]),
    }
}

/// The `work:` value of a front matter that failed to parse as a whole.
fn lenient_work_id(text: &str) -> Option<String> {
    text.lines()
        .take_while(|l| !l.starts_with("# ") && !l.starts_with("## "))
        .find_map(|l| l.strip_prefix("work:"))
        .map(|v| v.trim().trim_matches(['"', '\'']).to_owned())
}
