//! The precedent signal: articles that assessors mapped to provisions like
//! this one.
//!
//! Instruments overlap: the Forced Labour Protocol, the Forced Labour
//! Convention and the Trafficking Protocol all ask for forced labour to be
//! punished, and an article that implements one usually implements the
//! others. Each assessed provision or element is a vector of its words
//! (TF-IDF over all provisions, from the same analysis as the text signal);
//! the most similar assessed ones vote for the articles they were mapped to,
//! by similarity and by how well the article met them. The other assessed
//! provisions of the same instrument add a smaller vote: an instrument's
//! assessors tend to find its subject in the same few laws.

use std::collections::BTreeMap;

use super::Target;
use super::text::terms;
use crate::Workspace;
use crate::hash::FastMap;
use crate::search::documents::units;
use crate::standards::{Glossary, Status};
use crate::translations::DATA_LANG;

/// How many similar assessed units vote.
const NEIGHBOURS: usize = 5;

/// How much the instrument's other assessments count: articles already
/// mapped to other provisions of the same instrument are where its
/// assessors found the subject regulated.
const INSTRUMENT_WEIGHT: f32 = 0.3;

/// Units less similar than this (cosine) do not vote.
const MIN_SIMILARITY: f32 = 0.1;

/// How much a mapping counts by its status: an article in conflict with a
/// provision still regulates its subject.
fn status_weight(s: Status) -> f32 {
    match s {
        Status::Full => 1.0,
        Status::Partial => 0.75,
        Status::Conflict => 0.5,
        _ => 0.0,
    }
}

#[derive(Debug, Clone)]
struct Assessed {
    standard: String,
    provision: String,
    reference: String,
    /// Unit-length TF-IDF vector, sorted by term.
    vector: Vec<(String, f32)>,
    /// Article id and status weight.
    articles: Vec<(String, f32)>,
}

/// Which assessments may vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holdout<'a> {
    /// Every assessment (suggesting for an unassessed unit).
    None,
    /// Not those of this provision (`standard`, `provision`), elements
    /// included: evaluating as if it had never been assessed.
    Provision(&'a str, &'a str),
}

/// The assessed units of a workspace, ready to be compared.
#[derive(Debug, Clone, Default)]
pub struct Precedents {
    assessed: Vec<Assessed>,
    idf: FastMap<String, f32>,
}

/// Why an article is suggested by precedent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Similar {
    pub score: f32,
    /// References of the similar units that map the article, most similar
    /// first.
    pub because: Vec<String>,
    /// References of the same instrument's units that map it.
    pub instrument: Vec<String>,
}

fn normalise(mut v: Vec<(String, f32)>) -> Vec<(String, f32)> {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn cosine(a: &[(String, f32)], b: &[(String, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

impl Precedents {
    pub fn new(ws: &Workspace) -> Precedents {
        let all = units(ws);
        // Document frequency over every unit, assessed or not.
        let raw: Vec<BTreeMap<String, f32>> = all
            .iter()
            .map(|u| terms(u.provision, u.element, DATA_LANG, &Glossary::default()).words)
            .collect();
        let mut df: FastMap<String, f32> = FastMap::default();
        for words in &raw {
            for w in words.keys() {
                *df.entry(w.clone()).or_default() += 1.0;
            }
        }
        let n = all.len() as f32;
        let idf: FastMap<String, f32> = df
            .into_iter()
            .map(|(w, d)| (w, (1.0 + n / d).ln()))
            .collect();
        let mut assessed = Vec::new();
        for (u, words) in all.iter().zip(raw) {
            let Some(entry) = u.entry else { continue };
            let weight = status_weight(entry.status);
            if entry.articles.is_empty() || weight == 0.0 {
                continue;
            }
            let vector = words
                .into_iter()
                .map(|(w, tf)| {
                    let i = idf.get(&w).copied().unwrap_or(0.0);
                    (w, tf * i)
                })
                .collect();
            assessed.push(Assessed {
                standard: u.instrument.id.clone(),
                provision: u.provision.id.clone(),
                reference: u.reference(),
                vector: normalise(vector),
                articles: entry
                    .articles
                    .iter()
                    .map(|a| (a.to_string(), weight))
                    .collect(),
            });
        }
        Precedents { assessed, idf }
    }

    /// Articles voted for by the units most similar to `target`.
    pub fn ranking(&self, target: Target<'_>, holdout: Holdout<'_>) -> BTreeMap<String, Similar> {
        let words = terms(
            target.provision,
            target.element,
            DATA_LANG,
            &Glossary::default(),
        )
        .words;
        let vector = normalise(
            words
                .into_iter()
                .map(|(w, tf)| {
                    let i = self.idf.get(&w).copied().unwrap_or(0.0);
                    (w, tf * i)
                })
                .collect(),
        );
        let allowed = |a: &Assessed| match holdout {
            Holdout::None => true,
            Holdout::Provision(s, p) => !(a.standard == s && a.provision == p),
        };
        let mut neighbours: Vec<(f32, &Assessed)> = self
            .assessed
            .iter()
            .filter(|a| allowed(a))
            .map(|a| (cosine(&vector, &a.vector), a))
            .filter(|(s, _)| *s >= MIN_SIMILARITY)
            .collect();
        neighbours.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.reference.cmp(&b.1.reference))
        });
        neighbours.truncate(NEIGHBOURS);
        let mut out: BTreeMap<String, Similar> = BTreeMap::new();
        // The instrument's other assessed units, each counting equally.
        let siblings: Vec<&Assessed> = self
            .assessed
            .iter()
            .filter(|a| a.standard == target.standard && allowed(a))
            .collect();
        for a in &siblings {
            for (article, weight) in &a.articles {
                let s = out.entry(article.clone()).or_default();
                s.score += INSTRUMENT_WEIGHT * weight / siblings.len() as f32;
                s.instrument.push(a.reference.clone());
            }
        }
        for (similarity, a) in neighbours {
            for (article, weight) in &a.articles {
                let s = out.entry(article.clone()).or_default();
                s.score += similarity * weight;
                if !s.because.contains(&a.reference) {
                    s.because.push(a.reference.clone());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_unit_vectors() {
        let a = normalise(vec![("x".into(), 1.0), ("y".into(), 1.0)]);
        let b = normalise(vec![("y".into(), 2.0), ("z".into(), 0.0)]);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
        assert!((cosine(&a, &b) - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
    }
}
