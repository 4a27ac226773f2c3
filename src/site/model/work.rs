//! Pages of the statutes: the list of laws, and one page per law with its
//! table of contents, its articles (anchored by eId) and the provisions
//! mapped to each article.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use serde::Serialize;

use crate::corpus::{Article, Container, Expression, Lang, Point, Work};
use crate::ids::ArticleRef;
use crate::standards::Status;

use super::{Body, Model, Page, Text, dir, msg};
use crate::gaps::Report;
use crate::site::links::{Segment, linkify};

/// A provision mapped to an article, shown as a badge beside it.
#[derive(Debug, Clone, Serialize)]
pub struct Badge<'a> {
    /// Relative to the language root.
    pub href: String,
    pub instrument: String,
    pub citation: &'a str,
    /// The citation in Arabic (`المادة ٣ (أ)`), where the eId has one.
    pub citation_ar: Option<String>,
    pub element: Option<&'a str>,
    pub title: &'a str,
    pub status: Status,
}

/// Which provisions rely on each article.
pub struct MappedIndex<'a> {
    by_article: HashMap<&'a ArticleRef, Vec<Badge<'a>>>,
    /// The mapped articles of each work (by its id), in eId order.
    by_work: HashMap<&'a str, Vec<&'a ArticleRef>>,
}

impl<'a> MappedIndex<'a> {
    pub fn new(report: &Report<'a>, numerals: crate::settings::Numerals) -> Self {
        let mut by_article: HashMap<&'a ArticleRef, Vec<Badge<'a>>> = HashMap::new();
        for ic in &report.instruments {
            for pc in &ic.provisions {
                for entry in super::assessment::entries(pc) {
                    for a in &entry.articles {
                        by_article.entry(a).or_default().push(Badge {
                            href: provision_href(&ic.instrument.id, &pc.provision.id),
                            instrument: instrument_label(&ic.instrument.id),
                            citation: &pc.provision.citation,
                            citation_ar: crate::standards::citation::arabic_citation(
                                &pc.provision.id,
                                numerals,
                            ),
                            element: entry.element.as_deref(),
                            title: pc.provision.title.as_str(),
                            status: entry.status,
                        });
                    }
                }
            }
        }
        let mut by_work: HashMap<&'a str, Vec<&'a ArticleRef>> = HashMap::new();
        for a in by_article.keys() {
            by_work.entry(a.work.as_str()).or_default().push(a);
        }
        for refs in by_work.values_mut() {
            refs.sort_unstable_by(|x, y| x.eid.cmp(&y.eid));
        }
        MappedIndex {
            by_article,
            by_work,
        }
    }

    /// The badges of every mapped article of the work `work`, in eId
    /// order: all its pages show of the mappings.
    pub fn of_work(&self, work: &str) -> impl Iterator<Item = (&'a ArticleRef, &[Badge<'a>])> {
        self.by_work
            .get(work)
            .into_iter()
            .flatten()
            .map(|a| (*a, self.get(a)))
    }

    pub fn get(&self, article: &ArticleRef) -> &[Badge<'a>] {
        self.by_article.get(article).map_or(&[], Vec::as_slice)
    }
}

/// The short label of an instrument in badges and tables (`TIP`, `C029`).
pub fn instrument_label(id: &str) -> String {
    id.to_ascii_uppercase()
}

pub fn provision_href(instrument: &str, provision: &str) -> String {
    format!("standards/{instrument}/{provision}/index.html")
}

pub fn work_href(work: &Work) -> String {
    format!("works/{}/index.html", work.id.slug())
}

/// The href of an article's own page, relative to the language root.
pub fn article_href(article: &ArticleRef) -> String {
    format!("works/{}/{}/index.html", article.work.slug(), article.eid)
}

/// A row of the list of laws.
#[derive(Debug, Clone, Serialize)]
pub struct WorkRow<'a> {
    pub href: String,
    pub title: Text<'a>,
    pub year: u16,
    pub status: &'a str,
    pub articles: usize,
    pub languages: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorksPage<'a> {
    pub works: Vec<WorkRow<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PointView<'a> {
    pub eid: &'a str,
    pub label: Cow<'a, str>,
    pub text: &'a str,
    pub points: Vec<PointView<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParagraphView<'a> {
    pub eid: &'a str,
    pub text: &'a str,
    pub points: Vec<PointView<'a>>,
}

/// An article's text in one language.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleText<'a> {
    pub lang: &'static str,
    pub dir: &'static str,
    /// `Article 2: Penalty` / `المادة (٢): عقوبة`, as the expression writes it.
    pub heading: String,
    pub paragraphs: Vec<ParagraphView<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleView<'a> {
    pub eid: &'a str,
    /// The article's own page.
    pub href: String,
    /// Heading level (2-6).
    pub level: u8,
    pub text: ArticleText<'a>,
    pub badges: &'a [Badge<'a>],
    /// For a consolidated text: the amendment that repealed the article.
    pub repealed_by: Option<ChangeNote<'a>>,
    /// For a consolidated text: the amendments that changed it, oldest first.
    pub changed_by: Vec<ChangeNote<'a>>,
}

/// An amendment that changed an article, linked, by its title.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeNote<'a> {
    pub href: String,
    /// The amendment's title (its id where the build does not show it).
    pub title: Text<'a>,
    pub in_force: Option<String>,
}

pub fn change_note<'a>(
    m: &'a Model<'a>,
    p: &'a crate::amend::Provenance,
    lang: Lang,
) -> ChangeNote<'a> {
    ChangeNote {
        href: format!("amendments/{}/index.html", p.amendment),
        title: match m.amendments.iter().find(|a| a.id == p.amendment) {
            Some(a) => Text::pick(&a.title, lang),
            None => Text::on(&p.amendment, Lang::EN, lang),
        },
        in_force: p.in_force.map(|d| d.to_string()),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ContainerView<'a> {
    pub eid: &'a str,
    pub level: u8,
    pub heading: &'a str,
    pub intro: &'a [String],
}

/// The body of a law, in document order.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block<'a> {
    Container(ContainerView<'a>),
    Article(Box<ArticleView<'a>>),
}

#[derive(Debug, Clone, Serialize)]
pub struct TocEntry<'a> {
    pub eid: &'a str,
    pub label: String,
    pub depth: usize,
    pub article: bool,
}

/// A point-in-time version of the work, or its current text.
#[derive(Debug, Clone, Serialize)]
pub struct VersionLink {
    pub href: String,
    /// ISO date the version is in force from, if known.
    pub date: Option<String>,
    /// The version this page shows.
    pub current: bool,
    /// The latest version: the law as it stands.
    pub latest: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkPage<'a> {
    pub id: &'a str,
    pub title: Text<'a>,
    pub short_title: Option<Text<'a>>,
    /// The language of the text shown, and whether it differs from the page.
    pub text_lang: &'static str,
    pub fallback: bool,
    /// The other language of the side-by-side view, if the work has one.
    pub other_lang: Option<&'static str>,
    pub status: crate::corpus::WorkStatus,
    pub authority: crate::corpus::Authority,
    pub date: Option<String>,
    pub in_force: Option<String>,
    pub version_date: Option<String>,
    pub publication: Option<Publication<'a>>,
    pub selection: bool,
    pub omitted: Option<Text<'a>>,
    pub note: Option<Text<'a>>,
    pub source: Vec<Segment<'a>>,
    pub source_lang: &'static str,
    pub preamble: &'a [String],
    pub toc: Vec<TocEntry<'a>>,
    pub blocks: Vec<Block<'a>>,
    pub versions: Vec<VersionLink>,
    /// For an earlier version: when it was in force, and the comparison.
    pub superseded: Option<Superseded>,
    /// "Changes to this legislation".
    pub changes: super::article::Changes<'a>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Publication<'a> {
    pub gazette: &'a str,
    pub issue: Option<&'a str>,
    pub date: Option<String>,
}

use crate::standards::citation::ABJAD;

/// A point's label as readers of its text expect it: in Arabic text, the
/// reader's Latin letters (`a`, `b`) become abjad letters and ASCII digits
/// Arabic-Indic ones; labels written in the source are kept.
pub fn point_label(label: &str, lang: Lang) -> Cow<'_, str> {
    if lang != Lang::AR {
        return Cow::Borrowed(label);
    }
    let b = label.as_bytes();
    if b.len() == 1 && b[0].is_ascii_lowercase() {
        return Cow::Borrowed(ABJAD[usize::from(b[0] - b'a')]);
    }
    if b.iter().all(u8::is_ascii_digit) {
        return Cow::Owned(crate::text::arabic_indic_digits(label));
    }
    Cow::Borrowed(label)
}

fn points(ps: &[Point], lang: Lang) -> Vec<PointView<'_>> {
    ps.iter()
        .map(|p| PointView {
            eid: &p.eid,
            label: point_label(&p.label, lang),
            text: &p.text,
            points: points(&p.points, lang),
        })
        .collect()
}

/// The heading of an article as its expression writes it.
pub fn article_heading(article: &Article, lang: Lang) -> String {
    lang.article_label(&article.num, article.heading.as_deref())
}

pub fn article_text<'a>(article: &'a Article, lang: Lang) -> ArticleText<'a> {
    ArticleText {
        lang: lang.code(),
        dir: dir(lang),
        heading: article_heading(article, lang),
        paragraphs: article
            .paragraphs
            .iter()
            .map(|p| ParagraphView {
                eid: &p.eid,
                text: &p.text,
                points: points(&p.points, lang),
            })
            .collect(),
    }
}

/// Nesting depth of a container (0 for a top-level one).
fn depth(e: &Expression, c: &Container) -> usize {
    let mut d = 0;
    let mut next = c.parent;
    while let Some(i) = next {
        d += 1;
        next = e.containers.get(i).and_then(|p| p.parent);
        if d > e.containers.len() {
            break;
        }
    }
    d
}

fn heading_level(depth: usize) -> u8 {
    (2 + depth).min(6) as u8
}

/// The list of laws in `lang`, and the pages of the works `build` selects.
pub fn pages<'a>(m: &'a Model<'a>, lang: Lang, build: &super::WorkFilter<'_>) -> Vec<Page<'a>> {
    let ws = m.ws;
    let mut out = Vec::with_capacity(ws.works.len() + 1);
    let rows = ws
        .works
        .iter()
        .map(|w| {
            let mut languages: Vec<&'static str> =
                w.expressions.iter().map(|e| e.lang().code()).collect();
            languages.sort_unstable();
            WorkRow {
                href: work_href(w),
                title: work_title(w, lang),
                year: w.id.year(),
                status: match w.primary().meta.status {
                    crate::corpus::WorkStatus::InForce => "in-force",
                    crate::corpus::WorkStatus::Repealed => "repealed",
                    crate::corpus::WorkStatus::PartlyRepealed => "partly-repealed",
                },
                articles: w.primary().articles.len(),
                languages,
            }
        })
        .collect();
    out.push(m.page(
        lang,
        "works/index.html",
        "works.html",
        "works",
        msg(lang, "work.title"),
        Body::Works(WorksPage { works: rows }),
    ));
    // Work by work in parallel (the order of the works is kept): at 100,000
    // articles this list is built again after every edit `serve` sees.
    let per_work: Vec<Page<'a>> = ws
        .works
        .par_iter()
        .filter(|w| build(w))
        .flat_map_iter(|w| work_pages(m, w, lang))
        .collect();
    out.extend(per_work);
    out
}

/// The pages of one work in `lang`: its articles', and its own (one per
/// version).
pub(super) fn work_pages<'a>(m: &'a Model<'a>, w: &'a Work, lang: Lang) -> Vec<Page<'a>> {
    let mut out = Vec::new();
    out.extend(super::article::pages(m, w, lang));
    let Some(history) = m.histories.get(w.id.as_str()) else {
        let text = VersionText {
            expressions: w.expressions.iter().collect(),
            consolidated: None,
            versions: Vec::new(),
            superseded: None,
        };
        out.push(work_page_at(m, w, lang, work_href(w), text));
        return out;
    };
    let hrefs = version_hrefs(w, history);
    for (i, version) in history.versions.iter().enumerate() {
        let versions = history
            .versions
            .iter()
            .zip(&hrefs)
            .enumerate()
            .map(|(j, (v, href))| VersionLink {
                href: href.clone(),
                date: v.date.map(|d| d.to_string()),
                current: i == j,
                latest: j + 1 == history.versions.len(),
            })
            .collect();
        let text = VersionText {
            expressions: version.expressions.iter().map(|c| &c.expression).collect(),
            consolidated: Some(version),
            versions,
            superseded: (i + 1 < history.versions.len()).then(|| Later {
                until: history.versions[i + 1].date,
                current: history.latest(),
                current_href: work_href(w),
            }),
        };
        out.push(work_page_at(m, w, lang, hrefs[i].clone(), text));
    }
    out
}

/// The page of each version of a work: the latest version is the law's
/// page; each earlier one has its own.
pub fn version_hrefs(w: &Work, history: &crate::amend::History) -> Vec<String> {
    history
        .versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if i + 1 == history.versions.len() {
                work_href(w)
            } else {
                format!(
                    "works/{}/{}/index.html",
                    w.id.slug(),
                    v.date.map_or_else(|| format!("v{i}"), |d| d.to_string())
                )
            }
        })
        .collect()
}

fn work_page_at<'a>(
    m: &'a Model<'a>,
    w: &'a Work,
    lang: Lang,
    href: String,
    text: VersionText<'a>,
) -> Page<'a> {
    let page = work_page(m, w, lang, text);
    let title = match &page.superseded {
        Some(sup) => {
            let numerals = m.ws.settings.numerals_for(lang);
            let from = sup
                .from
                .as_deref()
                .and_then(|d| d.parse().ok())
                .map(|d| crate::lang::date(lang, numerals, d))
                .unwrap_or_default();
            lang.t("version.title")
                .replace("{title}", page.title.text)
                .replace("{date}", &from)
        }
        None => page.title.text.to_owned(),
    };
    m.page(
        lang,
        &href,
        "work.html",
        "works",
        title,
        Body::Work(Box::new(page)),
    )
}

/// The work's title in `lang` if it has one, else in the language it has
/// (a fallback, labelled as such).
pub fn work_title(w: &Work, lang: Lang) -> Text<'_> {
    if let Some(e) = w.expression(lang) {
        return Text::new(&e.meta.title, lang);
    }
    for e in &w.expressions {
        if let Some(t) = e.meta.titles.get(lang.code()) {
            return Text::new(t, lang);
        }
    }
    let p = w.primary();
    Text::on(&p.meta.title, p.lang(), lang)
}

/// The text of one version of a work: its expressions, and for a
/// consolidated version what changed each article.
pub struct VersionText<'a> {
    pub expressions: Vec<&'a Expression>,
    pub consolidated: Option<&'a crate::amend::Version>,
    pub versions: Vec<VersionLink>,
    /// For an earlier version: when it ceased to be in force, and the
    /// version in force now.
    pub superseded: Option<Later<'a>>,
}

/// What replaced an earlier version.
pub struct Later<'a> {
    pub until: Option<crate::date::Date>,
    pub current: &'a crate::amend::Version,
    pub current_href: String,
}

/// An earlier version of a law: when it was in force, and how its text
/// differs from the current one.
#[derive(Debug, Clone, Serialize)]
pub struct Superseded {
    pub from: Option<String>,
    pub until: Option<String>,
    pub current_href: String,
    /// The articles whose text differs from the current text, redlined.
    pub compare: Vec<ComparedArticle>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComparedArticle {
    /// The article's page (an article still in the law has one).
    pub href: Option<String>,
    pub heading: String,
    pub diff: crate::amend::diff::ArticleDiff,
}

/// The containers that hold an article and are not shown yet, outermost
/// first, into the table of contents and the blocks.
fn open_containers<'a>(
    expr: &'a Expression,
    a: &Article,
    emitted: &mut [bool],
    toc: &mut Vec<TocEntry<'a>>,
    blocks: &mut Vec<Block<'a>>,
) {
    let mut chain = Vec::new();
    let mut next = a.container;
    while let Some(i) = next {
        if i >= emitted.len() || emitted[i] || chain.contains(&i) {
            break;
        }
        chain.push(i);
        next = expr.containers[i].parent;
    }
    for &i in chain.iter().rev() {
        emitted[i] = true;
        let c = &expr.containers[i];
        let d = depth(expr, c);
        toc.push(TocEntry {
            eid: &c.eid,
            label: c.text.clone(),
            depth: d,
            article: false,
        });
        blocks.push(Block::Container(ContainerView {
            eid: &c.eid,
            level: heading_level(d),
            heading: &c.text,
            intro: &c.intro,
        }));
    }
}

/// What an earlier version of a work says of itself: when it was in force,
/// and its articles that differ from the current text, redlined.
fn superseded(
    w: &Work,
    version: Option<&crate::amend::Version>,
    consolidated: Option<&crate::amend::ConsolidatedExpression>,
    text_lang: Lang,
    later: &Later<'_>,
) -> Superseded {
    let compare = match (consolidated, later.current.expression(text_lang)) {
        (Some(old), Some(new)) => {
            let options = crate::amend::diff::DiffOptions {
                lang: Some(text_lang),
                unchanged_text: false,
            };
            crate::amend::diff::compare(old, new, crate::amend::diff::Alignment::Lineage, &options)
                .articles
                .into_iter()
                .filter(|d| d.is_change())
                .map(|d| {
                    let side = d.new.as_ref().or(d.old.as_ref());
                    let eid = side.map_or("", |s| s.eid.as_str());
                    let article = new
                        .article(eid)
                        .filter(|a| !a.paragraphs.is_empty())
                        .or_else(|| old.article(eid));
                    ComparedArticle {
                        href: d
                            .new
                            .is_some()
                            .then(|| super::article::article_page_href(w, eid)),
                        heading: article
                            .map(|a| article_heading(a, text_lang))
                            .unwrap_or_else(|| eid.to_owned()),
                        diff: d,
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    };
    Superseded {
        from: version.and_then(|c| c.date).map(|d| d.to_string()),
        until: later.until.map(|d| d.to_string()),
        current_href: later.current_href.clone(),
        compare,
    }
}

fn work_page<'a>(m: &'a Model<'a>, w: &'a Work, lang: Lang, v: VersionText<'a>) -> WorkPage<'a> {
    let primary = v
        .expressions
        .iter()
        .find(|e| e.lang() == Lang::EN)
        .or(v.expressions.first())
        .copied()
        .unwrap_or(w.primary());
    let (expr, fallback) = match v.expressions.iter().find(|e| e.lang() == lang) {
        Some(e) => (*e, false),
        None => (primary, true),
    };
    let text_lang = expr.lang();
    let other = v
        .expressions
        .iter()
        .copied()
        .find(|e| e.lang() != text_lang);
    let consolidated = v.consolidated.and_then(|c| c.expression(text_lang));
    let meta = &expr.meta;

    // Containers in document order: each before the first article inside
    // it (consolidated texts hold inserted articles whose spans lie in
    // amendment files, so spans cannot order them).
    let mut toc = Vec::with_capacity(expr.articles.len());
    let mut blocks = Vec::with_capacity(expr.articles.len());
    let mut emitted = vec![false; expr.containers.len()];
    for a in &expr.articles {
        open_containers(expr, a, &mut emitted, &mut toc, &mut blocks);
        let d = a
            .container
            .and_then(|i| expr.containers.get(i))
            .map_or(0, |c| depth(expr, c) + 1);
        let text = article_text(a, text_lang);
        toc.push(TocEntry {
            eid: &a.eid,
            label: text.heading.clone(),
            depth: d,
            article: true,
        });
        let article_ref = ArticleRef {
            work: w.id.clone(),
            eid: a.eid.clone(),
        };
        let (repealed_by, changed_by) = match consolidated {
            Some(c) => (
                c.repealed.get(&a.eid).map(|p| change_note(m, p, lang)),
                c.changes_of(&a.eid)
                    .iter()
                    .map(|p| change_note(m, p, lang))
                    .collect(),
            ),
            None => (None, Vec::new()),
        };
        blocks.push(Block::Article(Box::new(ArticleView {
            eid: &a.eid,
            href: super::article::article_page_href(w, &a.eid),
            level: heading_level(d),
            text,
            badges: m.mapped.get(&article_ref),
            repealed_by,
            changed_by,
        })));
    }

    let changes = super::article::changes(
        m.amendments.iter().copied().filter(|a| a.amends == w.id),
        lang,
    );
    // An earlier version includes only the changes in force on its date.
    let changes = match (&v.superseded, v.consolidated.and_then(|c| c.date)) {
        (Some(_), Some(date)) => changes.as_of(Some(&date.to_string())),
        _ => changes,
    };
    let superseded = v
        .superseded
        .as_ref()
        .map(|later| superseded(w, v.consolidated, consolidated, text_lang, later));
    let source_lang = text_lang.code();
    WorkPage {
        id: w.id.as_str(),
        title: work_title(w, lang),
        short_title: meta
            .short_title
            .as_deref()
            .map(|t| Text::on(t, text_lang, lang)),
        text_lang: text_lang.code(),
        fallback,
        other_lang: other.map(|o| o.lang().code()),
        status: meta.status,
        authority: meta.authority,
        date: meta.date.map(|d| d.to_string()),
        in_force: meta.in_force.map(|d| d.to_string()),
        version_date: meta.version_date().map(|d| d.to_string()),
        publication: meta.publication.as_ref().map(|p| Publication {
            gazette: &p.gazette,
            issue: p.issue.as_deref(),
            date: p.date.map(|d| d.to_string()),
        }),
        selection: meta.extent == crate::corpus::Extent::Selection,
        omitted: meta
            .omitted
            .as_deref()
            .map(|t| Text::on(t, text_lang, lang)),
        note: meta.note.as_deref().map(|t| Text::on(t, text_lang, lang)),
        source: linkify(&meta.source),
        source_lang,
        preamble: &expr.preamble,
        toc,
        blocks,
        versions: v.versions,
        superseded,
        changes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_point_labels_follow_the_abjad_and_arabic_digits() {
        assert_eq!(point_label("a", Lang::AR), "أ");
        assert_eq!(point_label("e", Lang::AR), "هـ");
        assert_eq!(point_label("12", Lang::AR), "١٢");
        assert_eq!(point_label("iv", Lang::AR), "iv");
        assert_eq!(point_label("a", Lang::EN), "a");
    }
}
