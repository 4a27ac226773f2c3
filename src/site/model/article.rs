//! One page per article and language: the article's text as it stands,
//! its versions with a redline of each against the current text, the
//! provisions mapped to it, the amendments that touch it (by title), the
//! law's structure above it and the articles beside it. Also the "Changes
//! to this legislation" note that article and law pages share.

use serde::Serialize;

use crate::amend::diff::{Alignment, ArticleDiff, DiffOptions, ExpressionDiff, compare};
use crate::amend::{Amendment, AmendmentKind, AmendmentStatus, ConsolidatedExpression};
use crate::corpus::{Article, Expression, Lang, Work};
use crate::ids::ArticleRef;

use super::work::{
    ArticleText, Badge, ChangeNote, article_text, change_note, version_hrefs, work_href, work_title,
};
use super::{Body, Model, Page, Text};

/// An amendment, ruling or draft that changes a law or an article, by title.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeItem<'a> {
    pub href: String,
    pub title: Text<'a>,
    pub kind: AmendmentKind,
    pub status: AmendmentStatus,
    /// The date it took effect (enacted ones).
    pub in_force: Option<String>,
    pub illustrative: bool,
}

/// "Changes to this legislation": what changed the text shown, and what is
/// pending or was not adopted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Changes<'a> {
    pub in_force: Vec<ChangeItem<'a>>,
    /// On an earlier version of a law: enacted changes that took effect
    /// after it, which its text does not include.
    pub later: Vec<ChangeItem<'a>>,
    pub pending: Vec<ChangeItem<'a>>,
    pub other: Vec<ChangeItem<'a>>,
}

impl Changes<'_> {
    pub fn is_empty(&self) -> bool {
        self.in_force.is_empty()
            && self.later.is_empty()
            && self.pending.is_empty()
            && self.other.is_empty()
    }

    /// For the version in force from `date`: the enacted changes that took
    /// effect after it move to `later`.
    pub fn as_of(mut self, date: Option<&str>) -> Self {
        let Some(date) = date else { return self };
        let (now, later): (Vec<_>, Vec<_>) = self
            .in_force
            .into_iter()
            .partition(|c| c.in_force.as_deref().is_none_or(|d| d <= date));
        self.in_force = now;
        self.later = later;
        self
    }
}

/// The changes of `amendments` (visible ones of one work), grouped:
/// enacted in force date order, pending, then the rest.
pub fn changes<'a>(amendments: impl Iterator<Item = &'a Amendment>, lang: Lang) -> Changes<'a> {
    let mut out = Changes::default();
    for a in amendments {
        let item = ChangeItem {
            href: format!("amendments/{}/index.html", a.id),
            title: Text::pick(&a.title, lang),
            kind: a.kind,
            status: a.status,
            in_force: a.in_force_from().map(|d| d.to_string()),
            illustrative: a.illustrative,
        };
        if a.in_force_from().is_some() {
            out.in_force.push(item);
        } else if a.is_pending() {
            out.pending.push(item);
        } else {
            out.other.push(item);
        }
    }
    out.in_force.sort_by(|x, y| x.in_force.cmp(&y.in_force));
    out
}

/// Whether amendment `a` touches the article `eid` of its work: one of its
/// operations names it, or consolidation says it changed or repealed it.
fn touches(a: &Amendment, eid: &str, current: Option<&ConsolidatedExpression>) -> bool {
    a.operations
        .iter()
        .any(|op| op.action.article().eid() == eid)
        || current.is_some_and(|c| {
            c.changes_of(eid).iter().any(|p| p.amendment == a.id)
                || c.repealed.get(eid).is_some_and(|p| p.amendment == a.id)
        })
}

/// The href of an article's page, relative to the language root.
pub fn article_page_href(work: &Work, eid: &str) -> String {
    format!("works/{}/{eid}/index.html", work.id.slug())
}

#[derive(Debug, Clone, Serialize)]
pub struct Crumb<'a> {
    pub href: String,
    pub label: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Neighbour {
    pub href: String,
    pub heading: String,
}

/// A point-in-time version of the article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleVersion {
    /// The version of the law (its page, at the article).
    pub href: String,
    pub date: Option<String>,
    /// The version in force now (the text on this page).
    pub latest: bool,
    /// The article was not yet in the law then.
    pub absent: bool,
    /// The id of the redline against the current text on this page.
    pub anchor: String,
    /// The redline against the current text, where the text differs.
    pub redline: Option<ArticleDiff>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticlePage<'a> {
    pub work_title: Text<'a>,
    pub work_href: String,
    pub eid: &'a str,
    /// The language of the text, and whether it is not the page's.
    pub text_lang: &'static str,
    pub fallback: bool,
    pub text: ArticleText<'a>,
    pub repealed_by: Option<ChangeNote<'a>>,
    /// The containers above the article, outermost first (links into the
    /// law's page).
    pub crumbs: Vec<Crumb<'a>>,
    pub prev: Option<Neighbour>,
    pub next: Option<Neighbour>,
    pub badges: &'a [Badge<'a>],
    pub versions: Vec<ArticleVersion>,
    pub changes: Changes<'a>,
}

/// The current expressions of a work (its latest version, or the text as
/// read), and for a work with a history the consolidated ones.
fn current<'a>(
    m: &'a Model<'a>,
    w: &'a Work,
) -> Vec<(&'a Expression, Option<&'a ConsolidatedExpression>)> {
    match m.histories.get(w.id.as_str()) {
        Some(h) => h
            .latest()
            .expressions
            .iter()
            .map(|c| (&c.expression, Some(c)))
            .collect(),
        None => w.expressions.iter().map(|e| (e, None)).collect(),
    }
}

/// Each earlier version of a work compared with the latest, per language.
fn earlier_against_latest(h: &crate::amend::History) -> Vec<Vec<(Lang, ExpressionDiff)>> {
    let latest = h.latest();
    h.versions[..h.versions.len() - 1]
        .iter()
        .map(|v| {
            v.expressions
                .iter()
                .filter_map(|old| {
                    let new = latest.expression(old.lang())?;
                    let options = DiffOptions {
                        lang: Some(old.lang()),
                        unchanged_text: false,
                    };
                    Some((old.lang(), compare(old, new, Alignment::Lineage, &options)))
                })
                .collect()
        })
        .collect()
}

/// The containers above an article, outermost first, linked into the
/// law's page.
fn crumbs<'a>(w: &Work, expr: &'a Expression, a: &Article) -> Vec<Crumb<'a>> {
    let mut out = Vec::new();
    let mut next = a.container;
    while let Some(c) = next.and_then(|k| expr.containers.get(k)) {
        if out.len() > expr.containers.len() {
            break;
        }
        out.push(Crumb {
            href: format!("{}#{}", work_href(w), c.eid),
            label: c.text.as_str(),
        });
        next = c.parent;
    }
    out.reverse();
    out
}

/// The versions of article `eid` (in `lang`'s text): each linked to its
/// version of the law, with a redline against the current text where the
/// text differs.
fn article_versions(
    h: &crate::amend::History,
    hrefs: &[String],
    diffs: &[Vec<(Lang, ExpressionDiff)>],
    eid: &str,
    lang: Lang,
) -> Vec<ArticleVersion> {
    h.versions
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let latest = k + 1 == h.versions.len();
            let anchor = format!(
                "redline-{}",
                v.date.map_or_else(|| format!("v{k}"), |d| d.to_string())
            );
            let found = diffs
                .get(k)
                .and_then(|ds| ds.iter().find(|(l, _)| *l == lang))
                .and_then(|(_, d)| {
                    d.articles
                        .iter()
                        .find(|x| x.new.as_ref().is_some_and(|n| n.eid == eid))
                });
            let absent = !latest
                && v.expression(lang).is_some_and(|e| e.article(eid).is_none())
                && found.is_none_or(|x| x.old.is_none());
            ArticleVersion {
                href: format!("{}#{eid}", hrefs[k]),
                date: v.date.map(|d| d.to_string()),
                latest,
                absent,
                anchor,
                redline: found.filter(|x| x.is_change() && x.old.is_some()).cloned(),
            }
        })
        .collect()
}

/// Every article page of work `w` in `lang`: one per article of any of its
/// current expressions (so both languages have the same pages), each in the
/// page's language where it has the article.
pub fn pages<'a>(m: &'a Model<'a>, w: &'a Work, lang: Lang) -> Vec<Page<'a>> {
    let exprs = current(m, w);
    let Some(&(own, _)) = exprs
        .iter()
        .find(|(e, _)| e.lang() == lang)
        .or_else(|| exprs.iter().find(|(e, _)| e.lang() == Lang::EN))
        .or(exprs.first())
    else {
        return Vec::new();
    };
    // The page's own order, then any article only another language has.
    let mut order: Vec<(
        &'a Article,
        &'a Expression,
        Option<&'a ConsolidatedExpression>,
    )> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (e, c) in std::iter::once(exprs.iter().find(|(e, _)| std::ptr::eq(*e, own)))
        .flatten()
        .chain(exprs.iter().filter(|(e, _)| !std::ptr::eq(*e, own)))
    {
        for a in &e.articles {
            // A set, not a search of `order`: a law of thousands of
            // articles made this quadratic.
            if seen.insert(a.eid.as_str()) {
                order.push((a, e, *c));
            }
        }
    }

    // Per earlier version of the law, its text in each language compared
    // with the current one.
    let history = m.histories.get(w.id.as_str());
    let hrefs = history.map(|h| version_hrefs(w, h)).unwrap_or_default();
    let diffs = history.map(earlier_against_latest).unwrap_or_default();

    let title = work_title(w, lang);
    let amendments: Vec<&Amendment> = m
        .amendments
        .iter()
        .copied()
        .filter(|a| a.amends == w.id)
        .collect();
    let mut out = Vec::with_capacity(order.len());
    for (i, &(a, expr, consolidated)) in order.iter().enumerate() {
        let text_lang = expr.lang();
        let neighbour = |j: usize| {
            order.get(j).map(|(b, e, _)| Neighbour {
                href: article_page_href(w, &b.eid),
                heading: super::work::article_heading(b, e.lang()),
            })
        };
        let versions = history
            .map(|h| article_versions(h, &hrefs, &diffs, &a.eid, text_lang))
            .unwrap_or_default();
        let current_c = consolidated.filter(|c| c.lang() == text_lang);
        let page = ArticlePage {
            work_title: title,
            work_href: work_href(w),
            eid: &a.eid,
            text_lang: text_lang.code(),
            fallback: text_lang != lang,
            text: article_text(a, text_lang),
            repealed_by: current_c
                .and_then(|c| c.repealed.get(&a.eid))
                .map(|p| change_note(m, p, lang)),
            crumbs: crumbs(w, expr, a),
            prev: i.checked_sub(1).and_then(neighbour),
            next: neighbour(i + 1),
            badges: m.mapped.get(&ArticleRef {
                work: w.id.clone(),
                eid: a.eid.clone(),
            }),
            versions,
            changes: changes(
                amendments
                    .iter()
                    .copied()
                    .filter(|am| touches(am, &a.eid, current_c)),
                lang,
            ),
        };
        let page_title = format!(
            "{}{}{}",
            page.text.heading,
            lang.t("punct.comma"),
            page.work_title.text
        );
        out.push(m.page(
            lang,
            &article_page_href(w, &a.eid),
            "article.html",
            "works",
            page_title,
            Body::Article(Box::new(page)),
        ));
    }
    out
}
