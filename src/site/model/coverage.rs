//! The assessment as the site shows it: status per provision and element,
//! scores per instrument and theme, and what each amendment would change.
//!
//! This is the seam between the site and the gap stage (`src/gaps`): the
//! templates read only the types here. Until the gap stage is on `main`,
//! [`Coverage::assess`] derives them from the mappings with the documented
//! rules (elements roll up into their provision; weights from `mizan.toml`
//! times the credit of the status); once it lands, this file becomes a thin
//! adapter from its report, and nothing else in the site changes.

use std::collections::{BTreeMap, HashMap};

use crate::amend::Amendment;
use crate::settings::Weights;
use crate::standards::{Instrument, MappingEntry, Obligation, Provision, Status, Theme};
use crate::workspace::Workspace;

/// How many provisions have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatusCounts {
    pub full: usize,
    pub partial: usize,
    pub missing: usize,
    pub conflict: usize,
    pub not_applicable: usize,
    pub unassessed: usize,
}

impl StatusCounts {
    pub fn add(&mut self, s: Status) {
        match s {
            Status::Full => self.full += 1,
            Status::Partial => self.partial += 1,
            Status::Missing => self.missing += 1,
            Status::Conflict => self.conflict += 1,
            Status::NotApplicable => self.not_applicable += 1,
            Status::Unassessed => self.unassessed += 1,
        }
    }

    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::Full => self.full,
            Status::Partial => self.partial,
            Status::Missing => self.missing,
            Status::Conflict => self.conflict,
            Status::NotApplicable => self.not_applicable,
            Status::Unassessed => self.unassessed,
        }
    }

    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|s| self.get(*s)).sum()
    }
}

/// A weighted score: the sum of weight times credit over the sum of weights.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    earned: f64,
    possible: f64,
}

impl Score {
    fn add(&mut self, weight: f64, status: Status) {
        let credit = match status {
            Status::Full => 1.0,
            Status::Partial => 0.5,
            Status::Missing | Status::Conflict => 0.0,
            Status::NotApplicable | Status::Unassessed => return,
        };
        self.earned += weight * credit;
        self.possible += weight;
    }

    /// The score in 0..=1, or `None` when nothing was scored.
    pub fn value(&self) -> Option<f64> {
        (self.possible > 0.0).then(|| self.earned / self.possible)
    }
}

/// One element of a provision and where the law stands on it.
#[derive(Debug, Clone)]
pub struct ElementCoverage<'a> {
    pub id: &'a str,
    pub summary: &'a str,
    pub status: Status,
    pub entry: Option<&'a MappingEntry>,
}

/// One provision and where the law stands on it.
#[derive(Debug, Clone)]
pub struct ProvisionCoverage<'a> {
    pub provision: &'a Provision,
    pub status: Status,
    /// The provision-level entry, if the mapping has one.
    pub entry: Option<&'a MappingEntry>,
    pub elements: Vec<ElementCoverage<'a>>,
}

impl<'a> ProvisionCoverage<'a> {
    /// Every entry that assesses this provision, provision level first.
    pub fn entries(&self) -> impl Iterator<Item = &'a MappingEntry> + '_ {
        self.entry
            .into_iter()
            .chain(self.elements.iter().filter_map(|e| e.entry))
    }
}

#[derive(Debug, Clone)]
pub struct InstrumentCoverage<'a> {
    pub instrument: &'a Instrument,
    pub binding: bool,
    pub score: Score,
    pub counts: StatusCounts,
    pub provisions: Vec<ProvisionCoverage<'a>>,
}

/// Scores by theme, binding and benchmark instruments apart.
#[derive(Debug, Clone, Default)]
pub struct ThemeCoverage {
    pub score: Score,
    pub counts: StatusCounts,
}

/// The whole assessment for one jurisdiction.
#[derive(Debug, Clone)]
pub struct Coverage<'a> {
    pub instruments: Vec<InstrumentCoverage<'a>>,
    /// Keyed by (binding, theme).
    pub themes: BTreeMap<(bool, Theme), ThemeCoverage>,
}

/// A provision whose status an amendment would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange<'a> {
    pub instrument: &'a Instrument,
    pub provision: &'a Provision,
    pub before: Status,
    pub after: Status,
}

fn weight(w: &Weights, o: Obligation) -> f64 {
    match o {
        Obligation::Mandatory => w.mandatory,
        Obligation::Qualified => w.qualified,
        Obligation::Consider => w.consider,
        Obligation::Endeavour => w.endeavour,
        Obligation::Soft => w.soft,
    }
}

/// Rolls element statuses up into a provision status.
fn roll_up(statuses: impl Iterator<Item = Status>) -> Status {
    let assessed: Vec<Status> = statuses
        .filter(|s| !matches!(s, Status::NotApplicable | Status::Unassessed))
        .collect();
    if assessed.is_empty() {
        Status::Unassessed
    } else if assessed.contains(&Status::Conflict) {
        Status::Conflict
    } else if assessed.iter().all(|s| *s == Status::Full) {
        Status::Full
    } else if assessed.iter().all(|s| *s == Status::Missing) {
        Status::Missing
    } else {
        Status::Partial
    }
}

type EntryKey<'a> = (&'a str, &'a str, Option<&'a str>);

impl<'a> Coverage<'a> {
    /// The assessment as the mappings record it, with the `mapping_changes`
    /// of `amendments` applied on top (in order).
    pub fn assess(ws: &'a Workspace, amendments: &[&'a Amendment]) -> Coverage<'a> {
        let jurisdiction = ws.jurisdiction();
        let mut entries: HashMap<EntryKey<'a>, &'a MappingEntry> = HashMap::new();
        for m in ws
            .mappings
            .iter()
            .filter(|m| m.jurisdiction == jurisdiction)
        {
            for e in &m.entries {
                entries.insert(
                    (
                        m.standard.as_str(),
                        e.provision.as_str(),
                        e.element.as_deref(),
                    ),
                    e,
                );
            }
        }
        for a in amendments {
            for e in &a.mapping_changes {
                entries.insert(
                    (
                        e.standard.as_str(),
                        e.provision.as_str(),
                        e.element.as_deref(),
                    ),
                    e,
                );
            }
        }
        let weights = &ws.settings.gaps.weights;
        let mut themes: BTreeMap<(bool, Theme), ThemeCoverage> = BTreeMap::new();
        let instruments = ws
            .instruments
            .iter()
            .map(|instrument| {
                let binding = instrument.binds(jurisdiction);
                let mut score = Score::default();
                let mut counts = StatusCounts::default();
                let provisions = instrument
                    .provisions
                    .iter()
                    .map(|p| {
                        let key = |el: Option<&'a str>| (instrument.id.as_str(), p.id.as_str(), el);
                        let entry = entries.get(&key(None)).copied();
                        let elements: Vec<ElementCoverage<'a>> = p
                            .elements
                            .iter()
                            .map(|el| {
                                let entry = entries.get(&key(Some(el.id.as_str()))).copied();
                                ElementCoverage {
                                    id: &el.id,
                                    summary: &el.summary,
                                    status: entry.map_or(Status::Unassessed, |e| e.status),
                                    entry,
                                }
                            })
                            .collect();
                        let status = match entry {
                            Some(e) => e.status,
                            None => roll_up(elements.iter().map(|e| e.status)),
                        };
                        let w = weight(weights, p.obligation);
                        score.add(w, status);
                        counts.add(status);
                        let theme = themes.entry((binding, p.theme)).or_default();
                        theme.score.add(w, status);
                        theme.counts.add(status);
                        ProvisionCoverage {
                            provision: p,
                            status,
                            entry,
                            elements,
                        }
                    })
                    .collect();
                InstrumentCoverage {
                    instrument,
                    binding,
                    score,
                    counts,
                    provisions,
                }
            })
            .collect();
        Coverage {
            instruments,
            themes,
        }
    }

    pub fn instrument(&self, id: &str) -> Option<&InstrumentCoverage<'a>> {
        self.instruments.iter().find(|i| i.instrument.id == id)
    }

    /// Provisions whose status differs between `self` (before) and `after`.
    pub fn changes(&self, after: &Coverage<'a>) -> Vec<StatusChange<'a>> {
        let mut out = Vec::new();
        for (b, a) in self.instruments.iter().zip(&after.instruments) {
            for (pb, pa) in b.provisions.iter().zip(&a.provisions) {
                if pb.status != pa.status {
                    out.push(StatusChange {
                        instrument: b.instrument,
                        provision: pb.provision,
                        before: pb.status,
                        after: pa.status,
                    });
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
    fn elements_roll_up_by_the_documented_rules() {
        use Status::*;
        assert_eq!(roll_up([Full, Full].into_iter()), Full);
        assert_eq!(roll_up([Full, Conflict, Missing].into_iter()), Conflict);
        assert_eq!(roll_up([Missing, Missing].into_iter()), Missing);
        assert_eq!(roll_up([Full, Missing].into_iter()), Partial);
        assert_eq!(roll_up([Full, Unassessed].into_iter()), Full);
        assert_eq!(roll_up([Unassessed, NotApplicable].into_iter()), Unassessed);
    }

    #[test]
    fn the_score_weighs_obligations_and_skips_unscored_statuses() {
        let mut s = Score::default();
        s.add(1.0, Status::Full);
        s.add(0.5, Status::Partial);
        s.add(0.25, Status::Missing);
        s.add(1.0, Status::NotApplicable);
        s.add(1.0, Status::Unassessed);
        // (1 + 0.25 + 0) / (1 + 0.5 + 0.25)
        assert!((s.value().unwrap() - 1.25 / 1.75).abs() < 1e-12);
        assert_eq!(Score::default().value(), None);
    }
}
