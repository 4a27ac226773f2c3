//! The page model: what each page shows, built from the [`Workspace`]
//! without changing it.
//!
//! Every page is a [`Page`]: where it goes, which template renders it, and a
//! serialisable context. Contexts hold plain data (keys of the message
//! catalogue rather than words, hrefs relative to the language root) so the
//! same model renders in every language, and so a context can be hashed to
//! tell whether a page needs rendering again.

mod amendments;
pub mod article;
pub mod assessment;
mod history;
mod home;
pub mod proposal;
mod report;
pub mod standards;
pub mod work;

use rayon::prelude::*;
use serde::Serialize;

use crate::amend::{Amendment, Visibility};
use crate::corpus::Lang;
use crate::translations::Translations;
use crate::workspace::Workspace;

use super::Profile;
use crate::gaps::{Analysis, Outcome, Report};

pub use amendments::{AmendmentPage, AmendmentsPage};
pub use home::HomePage;
pub use standards::{GapsPage, InstrumentPage, InstrumentsPage, ProvisionPage};
pub use work::{WorkPage, WorksPage};

/// What every page knows about the site.
#[derive(Debug, Clone, Serialize)]
pub struct SiteInfo {
    pub title: String,
    /// `(language, title)` for every language of the site.
    pub titles: Vec<(&'static str, String)>,
    pub jurisdiction: String,
    pub committee: bool,
    pub languages: Vec<&'static str>,
    pub generator: &'static str,
    /// Whether the gap report downloads exist.
    pub downloads: bool,
}

/// A link to the same page in another language.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: &'static str,
    pub href: String,
}

/// The search page: which Pagefind bundles to load, per text language.
#[derive(Debug, Clone, Serialize)]
pub struct SearchPage {
    /// `(text language, bundle folders relative to the site root)`.
    pub bundles: Vec<(&'static str, Vec<String>)>,
    /// `(British stem, American stem)`: the search page asks in American
    /// spelling, as the index holds it (see `site::search`).
    pub spellings: &'static [(&'static str, &'static str)],
}

/// The resolver page: example URIs of the workspace's first work.
#[derive(Debug, Clone, Serialize)]
pub struct ResolvePage {
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DownloadsPage {
    pub files: Vec<Download>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Download {
    /// Relative to the site root.
    pub href: String,
    /// The file's name (`gaps.csv`), shown after its description.
    pub name: String,
    /// Catalogue key of the description: the link's text.
    pub label: &'static str,
    pub bytes: u64,
}

/// The content of one page.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Body<'a> {
    Root,
    Home(HomePage<'a>),
    Works(WorksPage<'a>),
    Work(Box<WorkPage<'a>>),
    Article(Box<article::ArticlePage<'a>>),
    Instruments(InstrumentsPage<'a>),
    Instrument(InstrumentPage<'a>),
    Provision(ProvisionPage<'a>),
    Gaps(GapsPage<'a>),
    Timeline(history::TimelinePage<'a>),
    Since(history::SincePage<'a>),
    Report(Box<report::ReportPage<'a>>),
    Amendments(AmendmentsPage<'a>),
    Amendment(Box<AmendmentPage<'a>>),
    Proposal(Box<proposal::ProposalPage<'a>>),
    Search(SearchPage),
    Downloads(DownloadsPage),
    /// The page that resolves an Akoma Ntoso URI (through `_redirects`).
    Resolve(ResolvePage),
}

/// The context a template receives.
#[derive(Debug, Clone, Serialize)]
pub struct Context<'a> {
    pub lang: &'static str,
    pub dir: &'static str,
    /// The relative way up to the site root (`../../`).
    pub root: String,
    /// The language root (`../../en/`); model hrefs are relative to it.
    pub base: String,
    /// This page, relative to the language root.
    pub path: String,
    pub alternates: Vec<Alternate>,
    /// The page title (already in the page's language).
    pub title: String,
    /// The site's title in the page's language.
    pub site_title: &'a str,
    /// The jurisdiction's name in the page's language (`mizan.toml`), for
    /// messages that name it.
    pub jurisdiction: String,
    /// The navigation section this page belongs to.
    pub section: &'static str,
    /// The digits numbers are written in on this page (`mizan.toml`).
    pub numerals: crate::settings::Numerals,
    pub site: &'a SiteInfo,
    pub page: Body<'a>,
}

/// One page of the site.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// Relative to the output folder (`en/works/act-2013-91/index.html`).
    pub path: String,
    pub template: &'static str,
    pub context: Context<'a>,
}

/// Text in the language it is written in, for pages in other languages.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Text<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    pub dir: &'static str,
    /// The page's language has no such text and this is another language's,
    /// shown with an "English only" label rather than silently mixed in.
    pub fallback: bool,
}

impl<'a> Text<'a> {
    /// Text in `lang`, which is the page's own or stands for it (a
    /// citation).
    pub fn new(text: &'a str, lang: Lang) -> Self {
        Text {
            text,
            lang: lang.code(),
            dir: dir(lang),
            fallback: false,
        }
    }

    /// Text in `lang` shown on a page in `page`: a fallback when they
    /// differ.
    pub fn on(text: &'a str, lang: Lang, page: Lang) -> Self {
        Text {
            fallback: lang != page && !text.is_empty(),
            ..Text::new(text, lang)
        }
    }

    /// The text of `t` for a page in `page`: that language if written, else
    /// the primary text marked as a fallback.
    pub fn pick<T: Translations + ?Sized>(t: &'a T, page: Lang) -> Self {
        if let Some(text) = t.text_in(page.code()) {
            return Text::new(text, page);
        }
        let (text, lang) = t.primary();
        Text {
            text,
            lang,
            dir: dir_of(lang),
            fallback: !text.is_empty(),
        }
    }

    /// Standards and mappings are written in English.
    pub fn en(text: &'a str) -> Self {
        Text::new(text, Lang::EN)
    }
}

/// The direction of text in the language `code`: right to left for the
/// languages that are, else left to right.
pub fn dir_of(code: &str) -> &'static str {
    match Lang::from_code(code) {
        Some(l) => dir(l),
        None if matches!(code, "fa" | "he" | "ur" | "ps" | "yi") => "rtl",
        None => "ltr",
    }
}

/// The language a piece of free text is written in, by its letters: Arabic
/// if most of its letters are Arabic.
pub fn detect_lang(text: &str) -> Lang {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic > latin { Lang::AR } else { Lang::EN }
}

pub fn dir(lang: Lang) -> &'static str {
    if lang.is_rtl() { "rtl" } else { "ltr" }
}

/// Amendments a build may show: all in a committee build, public ones in a
/// public build.
pub fn visible_amendments(ws: &Workspace, profile: Profile) -> Vec<&Amendment> {
    ws.amendments
        .iter()
        .filter(|a| profile == Profile::Committee || a.visibility == Visibility::Public)
        .collect()
}

/// Which works' pages to build.
pub type WorkFilter<'f> = dyn Fn(&crate::corpus::Work) -> bool + Sync + 'f;

/// Shared, computed once per build and read by every page builder.
pub struct Model<'a> {
    pub ws: &'a Workspace,
    pub profile: Profile,
    pub site: SiteInfo,
    pub amendments: Vec<&'a Amendment>,
    /// The assessment as it stands (the gap stage's analysis, without a
    /// scenario).
    pub analysis: Analysis<'a>,
    /// Per visible pending amendment (same order as `amendments`), what
    /// its mapping changes would change in the assessment.
    pub scenarios: Vec<Option<Outcome<'a>>>,
    pub mapped: work::MappedIndex<'a>,
    /// Per visible amendment (same order as `amendments`), what it changes
    /// in the text, from the amendment stage (its changed articles only);
    /// an error says why the text could not be compared.
    pub redlines: Vec<Result<crate::amend::diff::WorkDiff, String>>,
    /// Point-in-time versions of each work an enacted amendment changed.
    pub histories: std::collections::HashMap<String, crate::amend::History>,
    /// The Arabic citation of each provision eId that has one
    /// (`art_3__para_a`: `المادة ٣ (أ)`), in the numerals of Arabic pages.
    pub citations: std::collections::HashMap<&'a str, String>,
    /// Per visible amendment (same order as `amendments`), its proposal in
    /// each language of the site (empty when it makes none).
    pub proposals: Vec<proposal::Proposals>,
    /// The proposals as Word: (path from the site root, bytes).
    pub proposal_files: Vec<(String, Vec<u8>)>,
    /// The revision of the workspace's data, which the report of every
    /// language shows: worked out once, by the first.
    revision: std::sync::OnceLock<String>,
}

impl<'a> Model<'a> {
    pub fn new(ws: &'a Workspace, profile: Profile, downloads: bool) -> Model<'a> {
        Model::build(ws, profile, downloads, true)
    }

    /// The model of the pages of the works, the report and the search
    /// and downloads pages only: without the scenarios, the redlines and
    /// the proposals (left empty), which only the other pages show. For
    /// an update whose edit reaches no other page (`site::reach`).
    pub fn lean(ws: &'a Workspace, profile: Profile, downloads: bool) -> Model<'a> {
        Model::build(ws, profile, downloads, false)
    }

    fn build(ws: &'a Workspace, profile: Profile, downloads: bool, whole: bool) -> Model<'a> {
        let amendments = visible_amendments(ws, profile);
        let current = assessment::current(ws, &amendments);
        // Each draft costs its own changes (`gaps::Base`); one per thread.
        let scenarios: Vec<Option<Outcome<'a>>> = amendments
            .par_iter()
            .filter(|_| whole)
            .map(|a| a.is_pending().then(|| assessment::with(&current, &[*a])))
            .collect();
        let analysis = Analysis {
            report: current.report,
            scenario: None,
        };
        let mapped = work::MappedIndex::new(&analysis.report, ws.settings.numerals_for(Lang::AR));
        // Consolidate with the amendments this build may show, only: a
        // committee draft never shapes the text of a public build.
        let visible: Vec<Amendment> = amendments.iter().map(|a| (*a).clone()).collect();
        let redlines = match whole {
            true => redlines(ws, &amendments, &visible),
            false => Vec::new(),
        };
        let histories = ws
            .works
            .iter()
            .filter(|w| {
                visible
                    .iter()
                    .any(|a| a.amends == w.id && a.in_force_from().is_some())
            })
            .filter_map(|w| {
                // A work whose history cannot be built (loading has reported
                // why) keeps the text as read.
                crate::amend::history(w, visible.iter())
                    .ok()
                    .filter(|h| h.versions.len() > 1)
                    .map(|h| (w.id.as_str().to_owned(), h))
            })
            .collect();
        let site = SiteInfo {
            title: ws.settings.title.clone(),
            titles: ws
                .settings
                .languages
                .iter()
                .map(|l| {
                    let t = ws
                        .settings
                        .titles
                        .get(l.code())
                        .unwrap_or(&ws.settings.title);
                    (l.code(), t.clone())
                })
                .collect(),
            jurisdiction: ws.jurisdiction().to_owned(),
            committee: profile == Profile::Committee,
            languages: ws.settings.languages.iter().map(|l| l.code()).collect(),
            generator: concat!("mizan ", env!("CARGO_PKG_VERSION")),
            downloads,
        };
        let numerals = ws.settings.numerals_for(Lang::AR);
        let citations = ws
            .instruments
            .iter()
            .flat_map(|i| &i.provisions)
            .filter_map(|p| {
                crate::standards::citation::arabic_citation(&p.id, numerals)
                    .map(|c| (p.id.as_str(), c))
            })
            .collect();
        let (proposals, proposal_files) = match whole {
            true => {
                let proposals = proposal::proposals(ws, &amendments, &analysis.report, &scenarios);
                let files = proposal::files(&amendments, &proposals);
                (proposals, files)
            }
            false => (Vec::new(), Vec::new()),
        };
        Model {
            ws,
            profile,
            citations,
            proposals,
            proposal_files,
            site,
            amendments,
            analysis,
            scenarios,
            redlines,
            histories,
            mapped,
            revision: std::sync::OnceLock::new(),
        }
    }

    /// The site's title in `lang`, or in its first language.
    pub fn site_title(&self, lang: Lang) -> &'a str {
        self.ws
            .settings
            .titles
            .get(lang.code())
            .unwrap_or(&self.ws.settings.title)
    }

    /// The jurisdiction's name in `lang` (`mizan.toml`), else its code.
    pub fn jurisdiction_name(&self, lang: Lang) -> String {
        let settings = &self.ws.settings;
        match settings.jurisdiction_name_in(lang) {
            Some(name) => name.to_owned(),
            None => settings
                .jurisdiction
                .as_deref()
                .unwrap_or_default()
                .to_uppercase(),
        }
    }

    /// The assessment as it stands.
    pub fn report(&self) -> &Report<'a> {
        &self.analysis.report
    }

    pub fn languages(&self) -> &[Lang] {
        &self.ws.settings.languages
    }

    /// A page at `rel` (relative to the language root) in `lang`.
    pub fn page(
        &'a self,
        lang: Lang,
        rel: &str,
        template: &'static str,
        section: &'static str,
        title: String,
        body: Body<'a>,
    ) -> Page<'a> {
        let path = format!("{}/{rel}", lang.code());
        let depth = path.matches('/').count();
        let root = "../".repeat(depth);
        let base = format!("{root}{}/", lang.code());
        let alternates = self
            .languages()
            .iter()
            .filter(|l| **l != lang)
            .map(|l| Alternate {
                lang: l.code(),
                href: format!("{root}{}/{rel}", l.code()),
            })
            .collect();
        Page {
            path,
            template,
            context: Context {
                lang: lang.code(),
                dir: dir(lang),
                root,
                base,
                path: rel.to_owned(),
                alternates,
                title,
                site_title: self.site_title(lang),
                jurisdiction: self.jurisdiction_name(lang),
                section,
                numerals: self.ws.settings.numerals_for(lang),
                site: &self.site,
                page: body,
            },
        }
    }

    /// The pages of the works `build` selects (with the list of works)
    /// and the report, in every language: what an update whose edit
    /// reaches no other page builds (`site::reach`).
    pub fn work_and_report_pages(&'a self, build: &WorkFilter<'_>) -> Vec<Page<'a>> {
        let mut pages = Vec::new();
        for &lang in self.languages() {
            pages.extend(work::pages(self, lang, build));
            pages.push(report::page(self, lang));
        }
        pages
    }

    /// The pages of the work `w` in `lang` (its articles' and its own),
    /// as [`Model::pages`] has them.
    pub fn work_pages(&'a self, w: &'a crate::corpus::Work, lang: Lang) -> Vec<Page<'a>> {
        work::work_pages(self, w, lang)
    }

    /// Every page of the site except search and downloads, which the build
    /// adds once their files exist.
    pub fn pages(&'a self) -> Vec<Page<'a>> {
        self.pages_where(&|_| true)
    }

    /// The pages of [`Model::pages`], with the pages of a work (its
    /// articles' and its own, under `works/<slug>/`) only for the works
    /// `build` selects; every other page always.
    pub fn pages_where(&'a self, build: &WorkFilter<'_>) -> Vec<Page<'a>> {
        (0..self.sections())
            .flat_map(|i| self.section(i, build))
            .collect()
    }

    /// How many sections [`Model::section`] cuts the pages of
    /// [`Model::pages_where`] into.
    pub fn sections(&self) -> usize {
        1 + SECTIONS * self.languages().len()
    }

    /// The pages of [`Model::pages_where`] in the section `i`: the root
    /// page, then in each language the home page, the list of laws with
    /// the pages of the works `build` selects, the standards, the
    /// amendments, the proposals, the history and the report.
    pub fn section(&'a self, i: usize, build: &WorkFilter<'_>) -> Vec<Page<'a>> {
        let Some(i) = i.checked_sub(1) else {
            return vec![self.root_page()];
        };
        let lang = self.languages()[i / SECTIONS];
        match i % SECTIONS {
            0 => vec![home::page(self, lang)],
            1 => work::pages(self, lang, build),
            2 => standards::pages(self, lang),
            3 => amendments::pages(self, lang),
            4 => proposal::pages(self, lang),
            5 => history::pages(self, lang),
            _ => vec![report::page(self, lang)],
        }
    }

    /// The page at the site's root.
    fn root_page(&'a self) -> Page<'a> {
        let first = self.languages()[0];
        Page {
            path: "index.html".to_owned(),
            template: "root.html",
            context: Context {
                lang: first.code(),
                dir: dir(first),
                root: String::new(),
                base: format!("{}/", first.code()),
                path: String::new(),
                alternates: Vec::new(),
                title: self.site.title.clone(),
                site_title: self.site_title(first),
                jurisdiction: self.jurisdiction_name(first),
                section: "root",
                numerals: self.ws.settings.numerals_for(first),
                site: &self.site,
                page: Body::Root,
            },
        }
    }
}

/// What each of `amendments` changes in the text of the law it amends,
/// consolidated with the `visible` amendments: its changed articles only
/// (the unchanged articles of a long law are most of its diff, and no page
/// shows them), made in parallel.
fn redlines(
    ws: &Workspace,
    amendments: &[&Amendment],
    visible: &[Amendment],
) -> Vec<Result<crate::amend::diff::WorkDiff, String>> {
    amendments
        .par_iter()
        .map(|a| match ws.work(a.amends.as_str()) {
            Some(w) => crate::amend::amendment_diff(w, visible, a, &Default::default())
                .map(|mut d| {
                    for e in &mut d.expressions {
                        e.articles
                            .retain(crate::amend::diff::ArticleDiff::is_change);
                        e.articles.shrink_to_fit();
                    }
                    d
                })
                .map_err(|e| e.to_string()),
            None => Err(format!(
                "the amended work `{}` is not in the corpus",
                a.amends
            )),
        })
        .collect()
}

/// The sections of [`Model::section`] in each language.
const SECTIONS: usize = 7;

/// The catalogue text for `key` (the key itself if missing; templates are
/// checked against the catalogue by a test).
pub fn msg(lang: Lang, key: &str) -> String {
    lang.t(key).to_owned()
}
