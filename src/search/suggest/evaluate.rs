//! Measuring suggestions on a workspace's own assessment (leave one out).

use serde::Serialize;

use super::{Holdout, Precedents, Target, candidates};
use crate::Workspace;
use crate::search::index::{SearchError, SearchIndex};

/// The measured quality of suggestions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Mapping entries that name at least one article (each held out once).
    pub entries: usize,
    /// Mean over entries of the share of their articles found in the top 5.
    pub recall_at_5: f64,
    pub recall_at_10: f64,
    /// The best recall@5 any ranking could reach: an entry with more than
    /// five articles cannot have them all in the top 5.
    pub ceiling_at_5: f64,
    /// Share of entries with at least one of their articles in the top 5.
    pub hit_rate_at_5: f64,
    /// Entries with an article missing from the top 10.
    pub misses: Vec<Miss>,
}

impl Evaluation {
    /// One line with the figures, as the book quotes it.
    pub fn summary_line(&self) -> String {
        format!(
            "held-out mapping entries: {}; recall@5 = {:.2} (of at most {:.2}); recall@10 = {:.2}; hit rate@5 = {:.2}",
            self.entries,
            self.recall_at_5,
            self.ceiling_at_5,
            self.recall_at_10,
            self.hit_rate_at_5
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub reference: String,
    pub expected: Vec<String>,
    pub top_10: Vec<String>,
}

/// Leave-one-out evaluation: each mapping entry that names articles is
/// ranked as if its provision had never been assessed (none of the
/// provision's entries, of any element, may vote as a precedent), and the
/// articles the assessors chose are looked for in the top 5 and top 10.
pub fn evaluate(ws: &Workspace, index: &SearchIndex) -> Result<Evaluation, SearchError> {
    let precedents = Precedents::new(ws);
    let mut entries = 0usize;
    let (mut r5, mut r10, mut h5, mut c5) = (0f64, 0f64, 0f64, 0f64);
    let mut misses = Vec::new();
    for m in ws
        .mappings
        .iter()
        .filter(|m| m.jurisdiction == ws.jurisdiction())
    {
        let Some(instrument) = ws.instrument(&m.standard) else {
            continue;
        };
        for e in &m.entries {
            if e.articles.is_empty() {
                continue;
            }
            let Some(provision) = instrument.provision(&e.provision) else {
                continue;
            };
            let target = Target {
                standard: &m.standard,
                provision,
                element: e.element.as_deref().and_then(|id| provision.element(id)),
            };
            let holdout = Holdout::Provision(&m.standard, &e.provision);
            let top = candidates(ws, index, &precedents, target, holdout, 10)?;
            let ids: Vec<String> = top.into_iter().map(|c| c.id).collect();
            let expected: Vec<String> = e.articles.iter().map(|a| a.to_string()).collect();
            let found = |k: usize| {
                expected
                    .iter()
                    .filter(|a| ids.iter().take(k).any(|i| i == *a))
                    .count()
            };
            let n = expected.len() as f64;
            entries += 1;
            r5 += found(5) as f64 / n;
            r10 += found(10) as f64 / n;
            c5 += expected.len().min(5) as f64 / n;
            h5 += f64::from(u8::from(found(5) > 0));
            if found(10) < expected.len() {
                let reference = match &e.element {
                    Some(el) => format!("{}/{}#{el}", m.standard, e.provision),
                    None => format!("{}/{}", m.standard, e.provision),
                };
                misses.push(Miss {
                    reference,
                    expected,
                    top_10: ids,
                });
            }
        }
    }
    let mean = |x: f64| {
        if entries == 0 {
            0.0
        } else {
            x / entries as f64
        }
    };
    Ok(Evaluation {
        entries,
        recall_at_5: mean(r5),
        recall_at_10: mean(r10),
        ceiling_at_5: mean(c5),
        hit_rate_at_5: mean(h5),
        misses,
    })
}
