//! Mappings: the assessment of each instrument against the generated
//! articles, every status represented.

use crate::amendments::{Amendment, OpKind};
use crate::rng::Rng;
use crate::sink::q;
use crate::standards::Instrument;
use crate::vocab::{EN_MOD, EN_OBJ};
use crate::works::Work;

pub(crate) const STATUSES: [&str; 5] = ["full", "partial", "missing", "conflict", "not-applicable"];

/// Articles no mapping may name: those an enacted amendment repeals or
/// renumbers.
pub(crate) fn removed_articles(works: &[Work], amendments: &[Amendment]) -> Vec<Vec<bool>> {
    let mut gone: Vec<Vec<bool>> = works
        .iter()
        .map(|w| vec![false; w.articles.len()])
        .collect();
    for am in amendments.iter().filter(|a| a.status == "enacted") {
        for op in &am.ops {
            if matches!(op.kind, OpKind::Repeal | OpKind::Renumber) {
                gone[am.work][op.art] = true;
            }
        }
    }
    gone
}

/// Writes one mapping file; returns its number of entries.
pub(crate) fn write_mapping(
    out: &mut String,
    r: &mut Rng,
    inst: &Instrument,
    works: &[Work],
    gone: &[Vec<bool>],
    cover_statuses: bool,
) -> usize {
    let total: usize = works.iter().map(|w| w.articles.len()).sum();
    out.push_str("# Synthetic assessment written by the mizan generator.\n");
    w!(
        out,
        "standard: {}\njurisdiction: kw\nassessed: 2026-01-15\n",
        inst.id
    );
    out.push_str("assessors: [\"Synthetic assessor\"]\n");
    out.push_str("note: \"Generated for benchmarks and scale tests.\"\n");
    out.push_str("entries:\n");
    let mut count = 0usize;
    for p in &inst.provisions {
        if !r.chance(80) {
            continue; // left unassessed
        }
        let elements: Vec<Option<&str>> = if p.elements.is_empty() {
            vec![None]
        } else {
            p.elements.iter().map(|e| Some(e.id)).collect()
        };
        for element in elements {
            if element.is_some() && !r.chance(85) {
                continue;
            }
            let status = if cover_statuses && count < STATUSES.len() {
                count
            } else {
                r.weighted(&[35, 30, 15, 10, 10])
            };
            let articles = if total > 0 && matches!(status, 0 | 1 | 3) {
                pick_articles(r, works, gone, total)
            } else {
                Vec::new()
            };
            let status = if articles.is_empty() && matches!(status, 0 | 1 | 3) {
                2 // nothing to rely on: missing
            } else {
                status
            };
            let cite = articles
                .first()
                .map(|&((wi, ai), _)| works[wi].cite(ai))
                .unwrap_or_default();
            let (rationale, recommendation) = rationale(r, status, &cite);
            let entry = Entry {
                provision: &p.eid,
                element,
                articles: articles.into_iter().map(|(_, id)| id).collect(),
                status,
                rationale,
                recommendation,
            };
            entry.write(out);
            count += 1;
        }
    }
    if count == 0 {
        // `entries:` with nothing under it would be null; say empty.
        out.truncate(out.len() - "entries:\n".len());
        out.push_str("entries: []\n");
    }
    count
}

/// One to three distinct articles an entry relies on (none when every try
/// hits a removed article): their place (work, article) and id.
fn pick_articles(
    r: &mut Rng,
    works: &[Work],
    gone: &[Vec<bool>],
    total: usize,
) -> Vec<((usize, usize), String)> {
    let mut articles: Vec<((usize, usize), String)> = Vec::new();
    for _ in 0..r.range(1, 3) {
        if let Some((wi, ai)) = random_article(r, works, gone, total) {
            let id = format!("{}/~{}", works[wi].id(), works[wi].articles[ai].num.eid());
            if !articles.iter().any(|(_, s)| s == &id) {
                articles.push(((wi, ai), id));
            }
        }
    }
    articles
}

/// The rationale of an entry with status `STATUSES[status]` that cites
/// `cite`, and its recommendation where the status calls for one.
fn rationale(r: &mut Rng, status: usize, cite: &str) -> (String, Option<String>) {
    let mut rationale = String::new();
    let mut recommendation = None;
    match status {
        0 => {
            w!(
                rationale,
                "The obligation is met by {cite}, which regulates {} {}.",
                r.skewed(EN_OBJ),
                r.skewed(EN_MOD)
            );
        }
        1 => {
            let covered = r.below(EN_OBJ.len());
            let missing = (covered + 1 + r.below(EN_OBJ.len() - 1)) % EN_OBJ.len();
            w!(
                rationale,
                "{cite} covers {}, but {} is not addressed.",
                EN_OBJ[covered],
                EN_OBJ[missing]
            );
            recommendation = Some(format!(
                "Amend {cite} to regulate {} {}.",
                r.skewed(EN_OBJ),
                r.skewed(EN_MOD)
            ));
        }
        2 => {
            w!(
                rationale,
                "No article of the assessed laws addresses {} {}.",
                r.skewed(EN_OBJ),
                r.skewed(EN_MOD)
            );
            recommendation = Some(format!(
                "Add an article that regulates {} {}.",
                r.skewed(EN_OBJ),
                r.skewed(EN_MOD)
            ));
        }
        3 => {
            w!(
                rationale,
                "{cite} penalises the worker for conduct the provision protects, namely {}.",
                r.skewed(EN_OBJ)
            );
            recommendation = Some(format!("Repeal the penalty in {cite}."));
        }
        _ => {
            w!(
                rationale,
                "The provision concerns {}, which does not arise under Kuwaiti law.",
                r.skewed(EN_OBJ)
            );
        }
    }
    (rationale, recommendation)
}

/// One entry of a mapping file, as written.
struct Entry<'a> {
    provision: &'a str,
    element: Option<&'a str>,
    articles: Vec<String>,
    /// An index into [`STATUSES`].
    status: usize,
    rationale: String,
    recommendation: Option<String>,
}

impl Entry<'_> {
    fn write(&self, out: &mut String) {
        w!(out, "  - provision: {}\n", self.provision);
        if let Some(e) = self.element {
            w!(out, "    element: {e}\n");
        }
        w!(out, "    articles: [{}]\n", self.articles.join(", "));
        w!(out, "    status: {}\n", STATUSES[self.status]);
        if self.status != 0 {
            let basis = if self.articles.is_empty() {
                "corpus-only"
            } else {
                "verified"
            };
            w!(out, "    basis: {basis}\n");
        }
        w!(out, "    rationale: {}\n", q(&self.rationale));
        if let Some(rec) = &self.recommendation {
            w!(out, "    recommendation: {}\n", q(rec));
        }
    }
}

pub(crate) fn random_article(
    r: &mut Rng,
    works: &[Work],
    gone: &[Vec<bool>],
    total: usize,
) -> Option<(usize, usize)> {
    for _ in 0..20 {
        let mut x = r.below(total);
        for (wi, w) in works.iter().enumerate() {
            if x < w.articles.len() {
                if !gone[wi][x] {
                    return Some((wi, x));
                }
                break;
            }
            x -= w.articles.len();
        }
    }
    None
}
