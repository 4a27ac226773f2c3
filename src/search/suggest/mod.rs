//! Suggestions for assessors: for each provision or element that is
//! unassessed or assessed as missing, the articles most likely to implement
//! it, ranked, with scores and the reasons for them.
//!
//! Two signals are combined, each scaled to 0..1 for the unit at hand:
//!
//! - **text**: BM25 relevance of an article's heading and body (and, a
//!   little, its law's title) to the provision's title and summary and the
//!   element's summary and keywords, with a bonus for word pairs that occur
//!   together ("forced labour") ([`text`]);
//! - **precedent**: the articles that assessors mapped to the most similar
//!   provisions already assessed, in this or another instrument, and (less)
//!   to the other provisions of the same instrument ([`precedent`]).
//!
//! The quality of the ranking is measured by [`evaluate`], which holds out
//! each assessed entry in turn.

mod evaluate;
mod precedent;
mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use super::documents::{Unit, units};
use super::index::{SearchError, SearchIndex};
use crate::Workspace;
use crate::corpus::Lang;
use crate::ids::ArticleRef;
use crate::standards::{Element, Provision, Status};

pub use evaluate::{Evaluation, Miss, evaluate};
pub use precedent::{Holdout, Precedents};

/// How much the precedent signal counts against the text signal (both are
/// scaled to 0..1).
const PRECEDENT_WEIGHT: f32 = 1.0;

/// Articles the text signal contributes before combining.
const TEXT_POOL: usize = 50;

/// An article suggested for a provision or element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The article id (`/akn/kw/act/2013/91/~art_2`).
    pub id: String,
    /// The combined score: `text + precedent` (each 0..1).
    pub score: f32,
    /// Text relevance, scaled so the best article for this unit has 1.
    pub text: f32,
    /// Precedent strength, scaled so the best article for this unit has 1.
    pub precedent: f32,
    /// The similar assessed provisions that map this article, most similar
    /// first.
    pub precedents: Vec<String>,
    /// Other provisions of the same instrument that map this article.
    pub instrument: Vec<String>,
    pub title: String,
    pub num: String,
    pub heading: String,
}

/// Candidates for one provision or element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// `tip/art_6__para_6` or `tip/art_3__para_a#means`.
    pub reference: String,
    pub standard: String,
    pub provision: String,
    pub element: Option<String>,
    pub citation: String,
    pub title: String,
    pub status: Status,
    pub candidates: Vec<Candidate>,
}

/// What to suggest for.
#[derive(Debug, Clone)]
pub struct SuggestOptions {
    /// Only this instrument.
    pub standard: Option<String>,
    /// Candidates per provision or element.
    pub limit: usize,
}

/// The thing to find articles for: a provision, or one of its elements.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub standard: &'a str,
    pub provision: &'a Provision,
    pub element: Option<&'a Element>,
}

/// Ranks articles for one target, with precedents from every assessment
/// `holdout` lets vote.
pub fn candidates(
    ws: &Workspace,
    index: &SearchIndex,
    precedents: &Precedents,
    target: Target<'_>,
    holdout: Holdout<'_>,
    limit: usize,
) -> Result<Vec<Candidate>, SearchError> {
    let text = text::ranking(
        index,
        &ws.glossary,
        target.provision,
        target.element,
        TEXT_POOL,
    )?;
    let similar = precedents.ranking(target, holdout);
    let max_text = text.iter().map(|(_, s)| *s).fold(0.0, f32::max);
    let max_prec = similar.values().map(|p| p.score).fold(0.0, f32::max);
    let mut combined: BTreeMap<&str, (f32, f32)> = BTreeMap::new();
    for (id, s) in &text {
        combined.entry(id).or_default().0 = s / max_text.max(f32::MIN_POSITIVE);
    }
    for (id, p) in &similar {
        combined.entry(id).or_default().1 = p.score / max_prec.max(f32::MIN_POSITIVE);
    }
    let mut ranked: Vec<(&str, f32, f32)> = combined
        .into_iter()
        .map(|(id, (t, p))| (id, t, p))
        .collect();
    let total = |t: f32, p: f32| t + PRECEDENT_WEIGHT * p;
    ranked.sort_by(|a, b| {
        total(b.1, b.2)
            .total_cmp(&total(a.1, a.2))
            .then_with(|| a.0.cmp(b.0))
    });
    ranked.truncate(limit);
    Ok(ranked
        .into_iter()
        .map(|(id, t, p)| {
            let (title, num, heading) = describe(ws, id);
            Candidate {
                id: id.to_owned(),
                score: total(t, p),
                text: t,
                precedent: p,
                precedents: similar
                    .get(id)
                    .map(|s| s.because.clone())
                    .unwrap_or_default(),
                instrument: similar
                    .get(id)
                    .map(|s| s.instrument.clone())
                    .unwrap_or_default(),
                title,
                num,
                heading,
            }
        })
        .collect())
}

/// The work title, number and heading of an article (English if present).
fn describe(ws: &Workspace, id: &str) -> (String, String, String) {
    let view = ArticleRef::parse(id).ok().and_then(|r| {
        ws.article(&r, Some(Lang::EN))
            .or_else(|| ws.article(&r, None))
    });
    match view {
        Some(v) => (
            v.expression.meta.title.clone(),
            v.article.num.clone(),
            v.article.heading.clone().unwrap_or_default(),
        ),
        None => Default::default(),
    }
}

/// Suggestions for every unassessed or missing provision and element.
pub fn suggest(
    ws: &Workspace,
    index: &SearchIndex,
    options: &SuggestOptions,
) -> Result<Vec<Suggestion>, SearchError> {
    let precedents = Precedents::new(ws);
    let mut out = Vec::new();
    for unit in units(ws) {
        if options
            .standard
            .as_deref()
            .is_some_and(|s| s != unit.instrument.id)
        {
            continue;
        }
        let status = unit.status();
        if !matches!(status, Status::Unassessed | Status::Missing) {
            continue;
        }
        out.push(suggestion(
            ws,
            index,
            &precedents,
            &unit,
            status,
            options.limit,
        )?);
    }
    Ok(out)
}

fn suggestion(
    ws: &Workspace,
    index: &SearchIndex,
    precedents: &Precedents,
    unit: &Unit<'_>,
    status: Status,
    limit: usize,
) -> Result<Suggestion, SearchError> {
    let target = Target {
        standard: &unit.instrument.id,
        provision: unit.provision,
        element: unit.element,
    };
    // The unit itself maps no articles (it is unassessed or missing); its
    // provision's other elements, if assessed, are fair evidence.
    Ok(Suggestion {
        reference: unit.reference(),
        standard: unit.instrument.id.clone(),
        provision: unit.provision.id.clone(),
        element: unit.element.map(|e| e.id.clone()),
        citation: unit.provision.citation.clone(),
        title: unit.provision.title.to_string(),
        status,
        candidates: candidates(ws, index, precedents, target, Holdout::None, limit)?,
    })
}
