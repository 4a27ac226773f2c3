//! Many scenarios on one base: the law as it stands is assessed once, and
//! each scenario then assesses only the provisions its mapping changes
//! touch. A site with a thousand pending drafts holds one report and a
//! thousand small outcomes, not a thousand reports, and a draft costs its
//! own changes plus one pass over the scores of the instruments they touch.
//!
//! An outcome is exactly what [`super::compute_on`] would report with the
//! same changes (a test holds the two together): an untouched provision
//! keeps its entries, so its status; a touched one is assessed the same
//! way; and each score is summed again in the report's order, so a draft
//! that moves nothing leaves every score equal to the bit.

use std::collections::HashMap;

use crate::standards::Status;

use super::scenario::{self, Change, Delta, Effect};
use super::{
    ChangedBy, EntryIndex, Filter, Inputs, ProvisionGap, Report, Score, assess, indexed, record,
    report_of,
};

/// The law as it stands, kept ready for scenarios: the entries by
/// provision (the mapping files with the changes in force applied) and the
/// report they make, over every instrument.
#[derive(Debug, Clone)]
pub struct Base<'a> {
    index: EntryIndex<'a>,
    pub report: Report<'a>,
}

/// What a scenario changes: each instrument's score after it, and the
/// provisions its changes touch, as they would stand.
#[derive(Debug, Clone, Default)]
pub struct Outcome<'a> {
    /// One per instrument, in the base report's order.
    pub scores: Vec<Score>,
    /// In report order.
    pub provisions: Vec<Touched<'a>>,
}

/// A provision a scenario's changes touch.
#[derive(Debug, Clone)]
pub struct Touched<'a> {
    /// Index into the report's instruments.
    pub instrument: usize,
    /// Index into that instrument's provisions.
    pub provision: usize,
    /// The provision after the changes, with the amendments that made them.
    pub gap: ProvisionGap<'a>,
}

impl<'a> Base<'a> {
    /// The law as it stands: `in_force` (the mapping changes of the
    /// enacted amendments and rulings in force) applied to the mapping
    /// files.
    pub fn new(inputs: &Inputs<'a>, in_force: &[Change<'a>]) -> Base<'a> {
        let index = indexed(inputs, in_force);
        let report = report_of(inputs, &Filter::default(), &index, &ChangedBy::new());
        Base { index, report }
    }

    /// The outcome of `changes` (from [`scenario::changes`]) applied on
    /// top of the law as it stands.
    pub fn outcome(&self, changes: &[Change<'a>]) -> Outcome<'a> {
        let mut touched: EntryIndex<'a> = HashMap::new();
        let mut changed_by = ChangedBy::new();
        for change in changes {
            let key = scenario::key(change);
            let list = touched
                .entry(key)
                .or_insert_with(|| self.index.get(&key).cloned().unwrap_or_default());
            scenario::apply_to(list, change, true);
            record(&mut changed_by, change);
        }
        let mut out = Outcome::default();
        for (ii, instrument) in self.report.instruments.iter().enumerate() {
            let id = instrument.instrument.id.as_str();
            if !touched.keys().any(|(standard, _)| *standard == id) {
                out.scores.push(instrument.score);
                continue;
            }
            let mut score = Score::default();
            for (pi, before) in instrument.provisions.iter().enumerate() {
                let key = (id, before.provision.id.as_str());
                let status = match touched.get(&key) {
                    Some(entries) => {
                        let mut gap = assess(before.provision, entries, before.weight);
                        if let Some(by) = changed_by.get(&key) {
                            gap.changed_by.clone_from(by);
                        }
                        let status = gap.status;
                        out.provisions.push(Touched {
                            instrument: ii,
                            provision: pi,
                            gap,
                        });
                        status
                    }
                    None => before.status,
                };
                score.add(status, before.weight);
            }
            out.scores.push(score);
        }
        out
    }
}

impl<'a> Outcome<'a> {
    /// The provisions the scenario changed, against `before` (the base
    /// report), in report order.
    pub fn deltas<'r>(&'r self, before: &Report<'a>) -> Vec<Delta<'r, 'a>> {
        self.provisions
            .iter()
            .map(|t| {
                let was = before.instruments[t.instrument].provisions[t.provision].status;
                Delta {
                    instrument: t.instrument,
                    provision: t.provision,
                    before: was,
                    after: t.gap.status,
                    effect: Effect::of(was, t.gap.status),
                    changed_by: &t.gap.changed_by,
                }
            })
            .collect()
    }

    /// The status after the scenario of a provision it touches.
    pub fn status(&self, instrument: usize, provision: usize) -> Option<Status> {
        self.provisions
            .binary_search_by_key(&(instrument, provision), |t| (t.instrument, t.provision))
            .ok()
            .map(|i| self.provisions[i].gap.status)
    }
}

#[cfg(test)]
mod tests;
