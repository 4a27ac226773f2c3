//! Pages of the amendments: the list, and one page per amendment with what
//! it changes in the text and in the assessment (gaps before and after).
//!
//! The redline of the text comes from the amendment stage (`src/amend`);
//! until it is on `main` an amendment page shows its operations as written.

use serde::Serialize;

use crate::amend::diff::{ArticleSide, ArticleStatus, DiffSegment};
use crate::amend::{Amendment, AmendmentKind, AmendmentStatus, Visibility};
use crate::corpus::Lang;
use crate::standards::Status;

use crate::gaps::{Outcome, Report};

use super::assessment;
use super::standards::{EntryView, article_links, citation, source_views};
use super::work::{instrument_label, provision_href, work_href};
use super::{Body, Model, Page, Text, msg};
use crate::site::links::{Segment, linkify};

/// A provision whose status an amendment would change.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow<'a> {
    pub href: String,
    pub instrument: String,
    pub citation: Text<'a>,
    pub title: Text<'a>,
    pub before: Status,
    pub after: Status,
    /// `closes`, `improves`, `unchanged`, `worsens` or `reassessed`.
    pub effect: &'static str,
}

pub fn change_rows<'a>(
    m: &'a Model<'a>,
    before: &Report<'a>,
    after: &Outcome<'a>,
    lang: Lang,
) -> Vec<ChangeRow<'a>> {
    assessment::changes(before, after)
        .into_iter()
        .map(|c| ChangeRow {
            href: provision_href(&c.instrument.id, &c.provision.id),
            instrument: instrument_label(&c.instrument.id),
            citation: citation(m, c.provision, lang),
            title: Text::pick(&c.provision.title, lang),
            before: c.before,
            after: c.after,
            effect: c.effect.as_str(),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct AmendmentRow<'a> {
    pub href: String,
    pub title: Text<'a>,
    pub kind: AmendmentKind,
    pub status: AmendmentStatus,
    pub committee: bool,
    /// A drafting example, not a text any body has proposed.
    pub illustrative: bool,
    pub work_href: String,
    pub work_title: Text<'a>,
    pub submitted: Option<String>,
    pub in_force: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AmendmentsPage<'a> {
    pub pending: Vec<AmendmentRow<'a>>,
    pub other: Vec<AmendmentRow<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoreDelta {
    pub href: String,
    pub instrument: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AmendmentPage<'a> {
    pub row: AmendmentRow<'a>,
    pub id: &'a str,
    pub sponsor: Option<Text<'a>>,
    pub enacted: Option<String>,
    pub note: Option<Text<'a>>,
    pub source: Option<Vec<Segment<'a>>>,
    pub changes: Vec<ChangeRow<'a>>,
    pub scores: Vec<ScoreDelta>,
    pub mapping_changes: Vec<EntryView<'a>>,
    /// What the amendment changes in the text, per language.
    pub redline: Vec<ExpressionRedline<'a>>,
    /// Why there is no redline, if there is none.
    pub redline_error: Option<&'a str>,
    /// Other pending drafts that change the same articles: alternatives,
    /// shown side by side with this one.
    pub competing: Vec<CompetingDraft<'a>>,
    /// The draft's proposal page (relative to the language root), when it
    /// makes one, and its Word documents.
    pub proposal: Option<String>,
    pub word: Vec<super::proposal::WordLink>,
}

/// A pending draft that competes with the page's: what it would do to the
/// articles both change, and to the scores.
#[derive(Debug, Clone, Serialize)]
pub struct CompetingDraft<'a> {
    pub title: Text<'a>,
    pub href: String,
    pub scores: Vec<ScoreDelta>,
    pub articles: Vec<ContestedArticle<'a>>,
}

/// One article both drafts change, in one language: each draft's redline.
#[derive(Debug, Clone, Serialize)]
pub struct ContestedArticle<'a> {
    pub lang: &'static str,
    pub dir: &'static str,
    pub this: ArticleRedline<'a>,
    pub other: ArticleRedline<'a>,
}

/// The redline of one expression (language) of the amended work.
#[derive(Debug, Clone, Serialize)]
pub struct ExpressionRedline<'a> {
    pub lang: &'static str,
    pub dir: &'static str,
    pub articles: Vec<ArticleRedline<'a>>,
    /// Changes written in another language only, which this text lacks.
    pub stale: Vec<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleRedline<'a> {
    /// The article's eId (after the change, if it renumbers it).
    pub eid: &'a str,
    /// `added`, `repealed`, `renumbered` or `modified`.
    pub status: ArticleStatus,
    /// The article on the law's page, when it exists there (not for an
    /// article the amendment would add).
    pub href: Option<String>,
    /// The heading before and after (`Article 13: Penalties`).
    pub old_heading: Option<String>,
    pub new_heading: Option<String>,
    pub heading: &'a [DiffSegment],
    pub segments: &'a [DiffSegment],
}

pub(super) fn row<'a>(m: &Model<'a>, a: &'a Amendment, lang: Lang) -> AmendmentRow<'a> {
    let work = m.ws.work(a.amends.as_str());
    AmendmentRow {
        href: format!("amendments/{}/index.html", a.id),
        title: Text::pick(&a.title, lang),
        kind: a.kind,
        status: a.status,
        committee: a.visibility == Visibility::Committee,
        illustrative: a.illustrative,
        work_href: work.map(work_href).unwrap_or_default(),
        work_title: work.map_or(Text::en(a.amends.as_str()), |w| {
            let e = w.expression(lang).unwrap_or(w.primary());
            Text::on(
                e.meta.short_title.as_deref().unwrap_or(&e.meta.title),
                e.lang(),
                lang,
            )
        }),
        submitted: a.submitted.map(|d| d.to_string()),
        in_force: a.in_force.map(|d| d.to_string()),
    }
}

pub fn pages<'a>(m: &'a Model<'a>, lang: Lang) -> Vec<Page<'a>> {
    let mut out = Vec::new();
    let (pending, other): (Vec<_>, Vec<_>) = m
        .amendments
        .iter()
        .map(|a| (a.is_pending(), row(m, a, lang)))
        .partition(|(p, _)| *p);
    out.push(m.page(
        lang,
        "amendments/index.html",
        "amendments.html",
        "amendments",
        msg(lang, "nav.amendments"),
        Body::Amendments(AmendmentsPage {
            pending: pending.into_iter().map(|(_, r)| r).collect(),
            other: other.into_iter().map(|(_, r)| r).collect(),
        }),
    ));
    for (k, (a, scenario)) in m.amendments.iter().zip(&m.scenarios).enumerate() {
        let (changes, scores) = match scenario {
            Some(after) => (
                change_rows(m, m.report(), after, lang),
                score_deltas(m, after),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let (redline, redline_error) = match m.redlines.get(k) {
            Some(Ok(d)) => (redline(a, d), None),
            Some(Err(e)) => (Vec::new(), Some(e.as_str())),
            None => (Vec::new(), None),
        };
        let mapping_changes = a
            .mapping_changes
            .iter()
            .map(|e| EntryView {
                element: e.element.as_deref(),
                element_summary: None,
                status: e.status,
                basis: e.basis.map(crate::standards::GapBasis::as_str),
                articles: article_links(m, &e.articles, lang),
                rationale: Some(Text::pick(&e.rationale, lang)).filter(|t| !t.text.is_empty()),
                recommendation: e.recommendation.as_ref().map(|r| Text::pick(r, lang)),
                sources: source_views(&e.sources),
            })
            .collect();
        let r = row(m, a, lang);
        out.push(m.page(
            lang,
            &r.href.clone(),
            "amendment.html",
            "amendments",
            r.title.text.to_owned(),
            Body::Amendment(Box::new(AmendmentPage {
                row: r,
                id: &a.id,
                sponsor: a.sponsor.as_ref().map(|s| Text::pick(s, lang)),
                enacted: a.enacted.map(|d| d.to_string()),
                note: a.note.as_ref().map(|n| Text::pick(n, lang)),
                source: a.source.as_deref().map(linkify),
                changes,
                scores,
                mapping_changes,
                competing: competing(m, k, &redline, lang),
                proposal: (!m.proposals[k].is_empty()).then(|| super::proposal::page_href(a)),
                word: super::proposal::word_links(m, k),
                redline,
                redline_error,
            })),
        ));
    }
    out
}

/// How a scenario would move each instrument's score.
fn score_deltas(m: &Model<'_>, after: &Outcome<'_>) -> Vec<ScoreDelta> {
    m.report()
        .instruments
        .iter()
        .zip(&after.scores)
        .filter(|(b, a)| b.score != **a)
        .map(|(b, a)| ScoreDelta {
            href: format!("standards/{}/index.html", b.instrument.id),
            instrument: instrument_label(&b.instrument.id),
            before: b.score.value(),
            after: a.value(),
        })
        .collect()
}

/// The drafts that compete with amendment `k` (see
/// [`crate::amend::competing`]), each with its redline of every article
/// both change, beside `k`'s (`mine`).
fn competing<'a>(
    m: &'a Model<'a>,
    k: usize,
    mine: &[ExpressionRedline<'a>],
    lang: Lang,
) -> Vec<CompetingDraft<'a>> {
    let a = &m.amendments[k];
    let mut out = Vec::new();
    for (j, b) in m.amendments.iter().enumerate() {
        if j == k || crate::amend::competing(a, b).is_none() {
            continue;
        }
        let Some(Ok(d)) = m.redlines.get(j) else {
            continue;
        };
        let theirs = redline(b, d);
        let mut articles = Vec::new();
        for e in mine {
            let Some(t) = theirs.iter().find(|t| t.lang == e.lang) else {
                continue;
            };
            for x in &e.articles {
                if let Some(y) = t.articles.iter().find(|y| y.eid == x.eid) {
                    articles.push(ContestedArticle {
                        lang: e.lang,
                        dir: e.dir,
                        this: x.clone(),
                        other: y.clone(),
                    });
                }
            }
        }
        out.push(CompetingDraft {
            title: row(m, b, lang).title,
            href: row(m, b, lang).href,
            scores: m.scenarios[j]
                .as_ref()
                .map(|after| score_deltas(m, after))
                .unwrap_or_default(),
            articles,
        });
    }
    out
}

fn heading_of(side: &ArticleSide, lang: crate::corpus::Lang) -> String {
    lang.article_label(&side.num, side.heading.as_deref())
}

/// The changed articles of each language, as the amendment stage compared
/// them.
fn redline<'a>(a: &Amendment, d: &'a crate::amend::diff::WorkDiff) -> Vec<ExpressionRedline<'a>> {
    d.expressions
        .iter()
        .map(|e| ExpressionRedline {
            lang: e.lang.code(),
            dir: super::dir(e.lang),
            articles: e
                .articles
                .iter()
                .filter(|x| x.is_change())
                .map(|x| ArticleRedline {
                    eid: x
                        .new
                        .as_ref()
                        .or(x.old.as_ref())
                        .map_or("", |s| s.eid.as_str()),
                    status: x.status,
                    href: x
                        .old
                        .as_ref()
                        .or(x.new.as_ref())
                        .filter(|_| x.status != ArticleStatus::Added)
                        .map(|s| format!("works/{}/index.html#{}", a.amends.slug(), s.eid)),
                    old_heading: x.old.as_ref().map(|s| heading_of(s, e.lang)),
                    new_heading: x.new.as_ref().map(|s| heading_of(s, e.lang)),
                    heading: &x.heading,
                    segments: &x.segments,
                })
                .collect(),
            stale: e.stale.iter().map(|s| s.change.as_str()).collect(),
        })
        .filter(|e| !e.articles.is_empty() || !e.stale.is_empty())
        .collect()
}
