//! The static site: what committee members read, on screen and on paper,
//! in Arabic or English.
//!
//! One build runs these steps in order, each timed, with rayon inside a
//! step:
//!
//! 1. [`render::Renderer`]: the templates (embedded, or the workspace's
//!    overrides), checked before anything is written;
//! 2. [`model::Model`]: the page model, built from the workspace without
//!    changing it, with committee-only amendments left out of a public build;
//! 3. pages rendered in parallel into a temporary folder (a
//!    [`crate::atomic::Staging`]);
//!    a page whose inputs hash as in the previous build is taken over;
//! 4. assets, and the search index ([`search`], Pagefind), shard by shard;
//! 5. the [`manifest`], and the swap: the new site replaces the old at once.
//!
//! `mizan serve` builds so once ([`build_live`]), then applies each edit to
//! the site in place ([`update`]): the same steps, with only the changed
//! pages rendered and shards indexed, and only changed files written, each
//! atomically, making the same files a full build would.
//!
//! Interface text comes from the language files ([`crate::lang`]); links from data pass through
//! [`links`].

pub mod assets;
pub mod charts;
mod figures;
pub mod links;
mod live;
pub mod manifest;
pub mod model;
mod reach;
pub mod redirects;
pub mod render;
mod scope;
pub mod search;
pub mod serve;
mod shards;
pub mod sitemap;
pub mod watch;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::Hasher;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::atomic::{OutputError, Staging};
use crate::corpus::Lang;
use crate::diag::{Diagnostics, Sources};
use crate::output::{csv, json, questionnaire};
use crate::workspace::Workspace;
use crate::workspace::documents::content_hash;

pub use live::{Live, UPDATE_MAX_PAGES, updatable, update};
use manifest::{MANIFEST, Manifest};
use model::{Body, Download, DownloadsPage, Model, Page, ResolvePage, SearchPage, msg};

/// Who the site is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Everything public; committee-only amendments appear nowhere.
    #[default]
    Public,
    /// For the committee: includes amendments marked `visibility: committee`.
    Committee,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Public => "public",
            Profile::Committee => "committee",
        }
    }
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (replaced as a whole when the build succeeds).
    pub out: PathBuf,
    pub profile: Profile,
}

/// What a build did; the output stage words it (`output::text::build`,
/// `output::json::build`).
pub use crate::output::BuildReport;

/// Why a build failed. In every case the previous site is untouched.
#[derive(Debug)]
pub enum BuildError {
    /// A workspace template does not compile.
    Templates(Diagnostics, Sources),
    /// A file the site is built from, beyond what loading checks, is
    /// invalid (the last report as published).
    Invalid(Diagnostics, Sources),
    /// A page could not be rendered.
    Render {
        page: String,
        message: String,
    },
    Output(OutputError),
    Search {
        shard: String,
        message: String,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Templates(d, _) => write!(f, "{} template error(s)", d.errors()),
            BuildError::Invalid(d, _) => write!(f, "{} error(s) in the workspace", d.errors()),
            BuildError::Render { page, message } => write!(f, "cannot render {page}: {message}"),
            BuildError::Output(OutputError::NotOurs { path, marker }) => write!(
                f,
                "{} exists and is not a site built by mizan (it has no {marker}); \
                 refusing to replace it: choose another --out folder or remove it",
                path.display()
            ),
            BuildError::Output(OutputError::Unwritable { out, path, error }) => write!(
                f,
                "cannot write the site to {}: {}: {}",
                out.display(),
                path.display(),
                OutputError::reason(error)
            ),
            BuildError::Output(e) => write!(f, "{e}"),
            BuildError::Search { shard, message } => {
                write!(f, "cannot build the search index {shard}: {message}")
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl From<OutputError> for BuildError {
    fn from(e: OutputError) -> Self {
        BuildError::Output(e)
    }
}

/// Feeds serialised bytes to a hasher without building a string.
struct HashWriter<'a>(&'a mut std::hash::DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn page_hash(fingerprint: u64, page: &Page<'_>) -> String {
    let mut h = std::hash::DefaultHasher::new();
    h.write_u64(fingerprint);
    h.write(page.template.as_bytes());
    // Serialising into a hasher cannot fail for these plain data types; a
    // failure would only make the page render again.
    let _ = serde_json::to_writer(HashWriter(&mut h), &page.context);
    format!("{:016x}", h.finish())
}

fn render_error(page: &Page<'_>, e: &minijinja::Error) -> BuildError {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(&format!(": {s}"));
        source = s.source();
    }
    BuildError::Render {
        page: page.path.clone(),
        message,
    }
}

/// Files of a Pagefind bundle the site's own search page does not use.
fn unused_bundle_file(name: &str) -> bool {
    [
        "pagefind-ui",
        "pagefind-modular-ui",
        "pagefind-component-ui",
        "pagefind-highlight",
    ]
    .iter()
    .any(|p| name.starts_with(p))
        || name.starts_with("playground")
}

/// A file of the downloads: its path, the message key of its description,
/// its content, and its language when it is written in one (the
/// questionnaire, one per language; each language's page lists its own).
type DownloadFile = (String, &'static str, Vec<u8>, Option<Lang>);

/// The gap report in the output stage's formats for other tools (CSV, JSON,
/// the questionnaire, and the answers arranged by each questionnaire of the
/// workspace). The analysis has no scenario, so no amendment
/// (committee-only or not) is in them.
fn downloads(model: &Model<'_>) -> Result<Vec<DownloadFile>, BuildError> {
    let filter = crate::gaps::Filter::default();
    let analysis = &model.analysis;
    let report = serde_json::to_vec_pretty(&json::gap_report(analysis, &filter)).map_err(|e| {
        BuildError::Render {
            page: "downloads/gaps.json".to_owned(),
            message: e.to_string(),
        }
    })?;
    let mut files = vec![
        (
            "downloads/gaps.csv".to_owned(),
            "downloads.csv",
            csv::render_csv(analysis, &filter, model.ws).into_bytes(),
            None,
        ),
        (
            "downloads/gaps.json".to_owned(),
            "downloads.json",
            report,
            None,
        ),
    ];
    for &lang in model.languages() {
        files.push((
            format!("downloads/questionnaire.{}.md", lang.code()),
            "downloads.questionnaire",
            questionnaire::render_questionnaire(analysis, &filter, model.ws, lang).into_bytes(),
            Some(lang),
        ));
        // Arranged by each questionnaire of the workspace.
        for q in &model.ws.questionnaires {
            files.push((
                format!("downloads/questionnaire-{}.{}.md", q.id, lang.code()),
                "downloads.structured",
                questionnaire::render_by_questionnaire(analysis, model.ws, lang, q).into_bytes(),
                Some(lang),
            ));
        }
    }
    Ok(files)
}

/// The search page and the downloads page of each language: the search
/// page lists the shards of the static index, its own language first.
fn search_and_download_pages<'a>(
    model: &'a Model<'a>,
    shards: &[search::Shard],
    downloads: &[DownloadFile],
) -> Vec<Page<'a>> {
    let dirs: Vec<(Lang, String)> = shards.iter().map(|s| (s.lang, s.dir.clone())).collect();
    search_and_download_pages_of(model, &dirs, downloads)
}

/// [`search_and_download_pages`] of the shards in the folders `dirs`
/// (each with its language).
fn search_and_download_pages_of<'a>(
    model: &'a Model<'a>,
    dirs: &[(Lang, String)],
    downloads: &[DownloadFile],
) -> Vec<Page<'a>> {
    let mut pages = Vec::new();
    for &lang in model.languages() {
        let mut bundles: Vec<(&'static str, Vec<String>)> = Vec::new();
        for (of, dir) in dirs {
            match bundles.iter_mut().find(|(l, _)| *l == of.code()) {
                Some((_, dirs)) => dirs.push(dir.clone()),
                None => bundles.push((of.code(), vec![dir.clone()])),
            }
        }
        // The page's own language first.
        bundles.sort_by_key(|(l, _)| *l != lang.code());
        pages.push(model.page(
            lang,
            "search/index.html",
            "search.html",
            "search",
            msg(lang, "search.title"),
            Body::Search(SearchPage {
                bundles,
                spellings: crate::text::ENGLISH_SPELLINGS,
            }),
        ));
        let files = downloads
            .iter()
            .filter(|(.., of)| of.is_none_or(|l| l == lang))
            .map(|(href, label, bytes, _)| Download {
                href: href.clone(),
                name: href.rsplit('/').next().unwrap_or(href).to_owned(),
                label,
                bytes: bytes.len() as u64,
            })
            .collect();
        pages.push(model.page(
            lang,
            "resolve/index.html",
            "resolve.html",
            "search",
            msg(lang, "resolve.title"),
            Body::Resolve(ResolvePage {
                examples: redirects::examples(model, lang),
            }),
        ));
        pages.push(model.page(
            lang,
            "downloads/index.html",
            "downloads.html",
            "downloads",
            msg(lang, "downloads.title"),
            Body::Downloads(DownloadsPage { files }),
        ));
    }
    pages
}

/// The assets, as files of the site (the files beside its pages with
/// [`data_files`]).
fn asset_files(assets: Vec<assets::Asset>) -> Vec<(String, Vec<u8>)> {
    assets
        .into_iter()
        .map(|a| (format!("assets/{}", a.name), a.content))
        .collect()
}

/// The files of the site beside its pages but the assets: the downloads
/// and the proposals' Word documents, and the maps (`_redirects` and, for
/// a public site with a published address, `sitemap.xml`), with their
/// contents.
fn data_files<'a>(
    model: &Model<'_>,
    profile: Profile,
    downloads: &[DownloadFile],
    pages: impl Iterator<Item = &'a str>,
) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let proposals = model.proposal_files.iter().map(|(rel, b)| (rel, b));
    for (rel, bytes) in downloads
        .iter()
        .map(|(rel, _, b, _)| (rel, b))
        .chain(proposals)
    {
        files.push((rel.clone(), bytes.clone()));
    }
    files.push((
        redirects::FILE.to_owned(),
        redirects::redirects(model).into_bytes(),
    ));
    let base_url = model.ws.settings.site.base_url.as_deref();
    if let Some(map) = sitemap::sitemap(base_url, profile, pages) {
        files.push((sitemap::FILE.to_owned(), map.into_bytes()));
    }
    files
}

/// What a build reads beyond the loaded workspace, checked before anything
/// is written.
fn check_inputs(ws: &Workspace) -> Result<(), BuildError> {
    // The proposals' memorandum template: a workspace's own must be valid.
    crate::proposal::MemoTemplate::of_workspace(&ws.root)
        .map_err(|(d, s)| BuildError::Templates(d, s))?;
    // The "since the last report" pages compare with the report as
    // published: one that cannot be read stops the build, as it fails
    // `check`, rather than leaving the pages without it unsaid.
    ws.published_report()
        .map_err(|(d, s)| BuildError::Invalid(d, s))?;
    Ok(())
}

/// One shard's Pagefind bundle, without the files the site does not use.
fn bundle(shard: &search::Shard) -> Result<Vec<search::BundleFile>, BuildError> {
    let bundle = search::index(shard).map_err(|message| BuildError::Search {
        shard: shard.dir.clone(),
        message,
    })?;
    Ok(bundle
        .into_iter()
        .filter(|f| !unused_bundle_file(&f.name))
        .collect())
}

/// The file of a Pagefind bundle that names the others (its index, by
/// their hashed names): replaced last when a bundle is updated in place.
const BUNDLE_ENTRY: &str = "pagefind-entry.json";

/// The manifest of a site, serialised.
fn manifest_bytes(
    model: &Model<'_>,
    profile: Profile,
    files: &BTreeMap<String, String>,
    left_out: &dyn Fn(&str) -> bool,
) -> Result<Vec<u8>, BuildError> {
    manifest_of(model.site.generator, profile, files, left_out)
}

/// The manifest of a site made by `generator`, serialised.
fn manifest_of(
    generator: &str,
    profile: Profile,
    files: &BTreeMap<String, String>,
    left_out: &dyn Fn(&str) -> bool,
) -> Result<Vec<u8>, BuildError> {
    let bytes = Manifest::bytes_of(generator, profile.as_str(), files, left_out);
    bytes.map_err(|e| BuildError::Render {
        page: MANIFEST.to_owned(),
        message: e.to_string(),
    })
}

/// A timer of a build's steps.
struct Laps {
    clock: Instant,
    timings: Vec<(&'static str, f64)>,
}

impl Laps {
    fn new() -> Laps {
        Laps {
            clock: Instant::now(),
            timings: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        let d: Duration = self.clock.elapsed();
        self.timings.push((name, d.as_secs_f64()));
        self.clock = Instant::now();
    }
}

/// Builds the site of `ws` into `opts.out`, atomically.
pub fn build(ws: &Workspace, opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_site(ws, opts, false).map(|(report, _)| report)
}

/// Builds the site of `ws` into `opts.out`, atomically, as [`build`]
/// does, and returns what [`update`] needs to update it in place later.
pub fn build_live(ws: &Workspace, opts: &BuildOptions) -> Result<(BuildReport, Live), BuildError> {
    build_site(ws, opts, true)
}

/// What a full build writes with: the templates, the folder of the next
/// site, and the manifest of the previous one (what can be taken over).
struct Writer<'a> {
    renderer: &'a render::Renderer,
    staging: &'a Staging,
    previous: &'a BTreeMap<String, String>,
    rendered: AtomicUsize,
    indexed: AtomicUsize,
}

/// Pages as written: the path and the hash of each.
type Written = Vec<(String, String)>;

/// A search shard as written: its key in the manifest, its hash, the
/// names of its bundle's files, and the shard when it is kept.
type ShardFiles = (String, String, Vec<String>, Option<search::Shard>);

impl Writer<'_> {
    /// `page` hashed and, unless the previous build's page is taken over,
    /// rendered and written: its path and hash.
    fn page(&self, page: &Page<'_>) -> Result<(String, String), BuildError> {
        let hash = page_hash(self.renderer.fingerprint, page);
        if self.previous.get(&page.path) != Some(&hash) || !self.staging.reuse(&page.path)? {
            let html = self
                .renderer
                .render(page)
                .map_err(|e| render_error(page, &e))?;
            self.staging.write(&page.path, html.as_bytes())?;
            self.rendered.fetch_add(1, Ordering::Relaxed);
        }
        Ok((page.path.clone(), hash))
    }

    /// Each of `pages` written ([`Writer::page`]), in parallel.
    fn pages(&self, pages: &[Page<'_>]) -> Result<Vec<(String, String)>, BuildError> {
        pages.par_iter().map(|page| self.page(page)).collect()
    }

    /// The pages of every work in every language ([`Writer::page`]), a
    /// work at a time: only the pages of the works being written are held.
    /// The works are written in parallel, each one's pages in order, so
    /// that two threads rarely make folders in the same folder (they
    /// contend for it).
    fn work_pages<'a>(&self, model: &'a Model<'a>) -> Result<Vec<(String, String)>, BuildError> {
        let works = &model.ws.works;
        let each: Vec<(Lang, &crate::corpus::Work)> = model
            .languages()
            .iter()
            .flat_map(|&lang| works.iter().map(move |w| (lang, w)))
            .collect();
        let written: Vec<Vec<(String, String)>> = each
            .par_iter()
            .map(|&(lang, w)| {
                let pages = model.work_pages(w, lang);
                pages.iter().map(|page| self.page(page)).collect()
            })
            .collect::<Result<_, BuildError>>()?;
        Ok(written.into_iter().flatten().collect())
    }

    /// The shard `i` of `plan` made, and taken over from the previous
    /// build when its records hash the same, else indexed and its bundle
    /// written; the shard is dropped then, unless `keep`.
    fn shard(
        &self,
        plan: &shards::Plan<'_>,
        i: usize,
        histories: &HashMap<String, crate::amend::History>,
        keep: bool,
    ) -> Result<ShardFiles, BuildError> {
        let shard = plan.shard(i, histories);
        let key = format!("{}/", shard.dir);
        let hash = format!("{:016x}", shard.hash);
        let names = match self.previous_bundle(&shard.dir, &key, &hash)? {
            Some(names) => names,
            None => {
                let mut names = Vec::new();
                for f in bundle(&shard)? {
                    self.staging
                        .write(&format!("{}/{}", shard.dir, f.name), &f.contents)?;
                    names.push(f.name);
                }
                self.indexed.fetch_add(1, Ordering::Relaxed);
                names
            }
        };
        Ok((key, hash, names, keep.then_some(shard)))
    }

    /// The names of the files of the previous build's bundle in `dir`,
    /// when its hash is `hash` and every file is taken over.
    fn previous_bundle(
        &self,
        dir: &str,
        key: &str,
        hash: &str,
    ) -> Result<Option<Vec<String>>, BuildError> {
        if self.previous.get(key).map(String::as_str) != Some(hash) {
            return Ok(None);
        }
        let names = self.staging.previous_files(dir);
        let mut all = !names.is_empty();
        for n in &names {
            all &= self.staging.reuse(&format!("{dir}/{n}"))?;
        }
        Ok(all.then_some(names))
    }
}

/// Every page of the site written ([`Writer::pages`]): those beside the
/// works' a section of the model at a time, then the works' a work at a
/// time, each made as it is written, so that only those being written are
/// held. The path and hash of every page, and the paths of those beside
/// the works'.
fn write_pages(
    model: &Model<'_>,
    writer: &Writer<'_>,
    shards: &[(Lang, String)],
    downloads: &[DownloadFile],
) -> Result<(Written, Vec<String>), BuildError> {
    let mut pages = Vec::new();
    for i in 0..model.sections() {
        pages.extend(writer.pages(&model.section(i, &|_| false))?);
    }
    let search = search_and_download_pages_of(model, shards, downloads);
    pages.extend(writer.pages(&search)?);
    let beside = reach::beside_works(pages.iter().map(|(path, _)| path.as_str()));
    pages.extend(writer.work_pages(model)?);
    Ok((pages, beside))
}

/// A full build; with `keep`, what [`update`] needs is kept (the search
/// records, what the pages beside the works' and each work's pages were
/// made from), else the [`Live`] returned has none of it. The page model
/// is let go before the search index is made, and the search records are
/// made a shard at a time ([`shards::Plan`]).
fn build_site(
    ws: &Workspace,
    opts: &BuildOptions,
    keep: bool,
) -> Result<(BuildReport, Live), BuildError> {
    let mut laps = Laps::new();
    let renderer = render::Renderer::new(&ws.root).map_err(|(d, s)| BuildError::Templates(d, s))?;
    let assets =
        assets::assets(&ws.root).map_err(|d| BuildError::Templates(d, Sources::default()))?;
    check_inputs(ws)?;
    laps.lap("templates");

    let staging = Staging::begin(&opts.out, MANIFEST)?;
    let previous = Manifest::previous(&staging);
    laps.lap("lock");

    let mut model = Model::new(ws, opts.profile, true);
    let plan = shards::Plan::new(ws, &model.histories);
    let downloads = downloads(&model)?;
    laps.lap("model");

    let writer = Writer {
        renderer: &renderer,
        staging: &staging,
        previous: &previous,
        rendered: AtomicUsize::new(0),
        indexed: AtomicUsize::new(0),
    };
    let (pages, beside) = write_pages(&model, &writer, &plan.dirs(), &downloads)?;
    laps.lap("pages");

    let paths = || pages.iter().map(|(path, _)| path.as_str());
    let data = data_files(&model, opts.profile, &downloads, paths());
    let scope = match keep {
        true => scope::Scope::new(&model, paths(), None, &Default::default()),
        false => scope::Scope::empty(),
    };
    let page_count = pages.len();
    let mut files: BTreeMap<String, String> = pages.into_iter().collect();
    for (rel, bytes) in asset_files(assets).iter().chain(&data) {
        staging.write(rel, bytes)?;
        files.insert(rel.clone(), String::new());
    }
    let reach = keep.then(|| reach::Reach::new(ws, beside, downloads, data));
    let generator = model.site.generator;
    let histories = std::mem::take(&mut model.histories);
    drop(model);
    laps.lap("assets");

    // Shard by shard, each made and let go as it is written.
    let shard_files: Vec<ShardFiles> = (0..plan.len())
        .into_par_iter()
        .map(|i| writer.shard(&plan, i, &histories, keep))
        .collect::<Result<_, BuildError>>()?;
    let mut bundle_files = BTreeMap::new();
    let mut kept = Vec::new();
    for (key, hash, names, shard) in shard_files {
        bundle_files.insert(key.clone(), names.len());
        files.insert(key, hash);
        kept.extend(shard);
    }
    laps.lap("search");

    let file_count = files.len() + bundle_files.values().sum::<usize>();
    let (search_shards, records) = (plan.len(), plan.records());
    let (rendered, indexed) = (writer.rendered.into_inner(), writer.indexed.into_inner());
    let kept = keep.then(|| plan.into_records(kept));
    let manifest = manifest_of(generator, opts.profile, &files, &|_| false)?;
    staging.commit(&manifest)?;
    laps.lap("swap");

    let report = BuildReport {
        out: opts.out.clone(),
        profile: opts.profile.as_str(),
        pages: page_count,
        rendered,
        reused: page_count - rendered,
        kept_works: 0,
        search_shards,
        search_indexed: indexed,
        records,
        files: file_count,
        timings: laps.timings,
    };
    let live = Live {
        renderer,
        profile: opts.profile,
        files,
        manifest: content_hash(&manifest),
        bundle_files,
        scope,
        reach,
        records: kept,
    };
    Ok((report, live))
}

/// The language a page's path starts with.
pub fn page_language(path: &str) -> Option<Lang> {
    path.split('/').next().and_then(Lang::from_code)
}
