//! The seam between the site and the gap stage (`crate::gaps`): the page
//! builders read [`gaps::Report`]s through these few helpers, so the site
//! never computes a status or a score of its own.

use crate::amend::Amendment;
use crate::gaps::scenario::Effect;
use crate::gaps::{self, Base, Basis, Inputs, Outcome, ProvisionGap, Report};
use crate::standards::{Instrument, MappingEntry, Provision, Status};
use crate::workspace::Workspace;

/// The assessment of the law as it stands: the mapping files, with the
/// mapping changes of every enacted amendment and ruling in force that the
/// build may show (`visible`), kept ready for scenarios.
pub fn current<'a>(ws: &'a Workspace, visible: &[&'a Amendment]) -> Base<'a> {
    let in_force = gaps::history::changes_in_force(visible, ws.jurisdiction(), None);
    Base::new(&Inputs::of(ws), &in_force)
}

/// What the mapping changes of `amendments` would change on top of the law
/// as it stands (`current`).
pub fn with<'a>(current: &Base<'a>, amendments: &[&'a Amendment]) -> Outcome<'a> {
    current.outcome(&gaps::scenario::changes(amendments))
}

/// Every entry behind a provision's status: the provision-level entry
/// first, then the elements' in the instrument's order.
pub fn entries<'a>(p: &ProvisionGap<'a>) -> Vec<&'a MappingEntry> {
    let mut out = Vec::new();
    match p.basis {
        Basis::None => {}
        Basis::Provision(a) => out.push(a.entry),
        Basis::Elements { overall } => {
            out.extend(overall.map(|a| a.entry));
            out.extend(
                p.elements
                    .iter()
                    .filter_map(|e| e.assessed.map(|a| a.entry)),
            );
        }
    }
    out
}

/// A provision an amendment's mapping changes touch.
#[derive(Debug, Clone, Copy)]
pub struct StatusChange<'a> {
    pub instrument: &'a Instrument,
    pub provision: &'a Provision,
    pub before: Status,
    pub after: Status,
    pub effect: Effect,
}

/// The provisions `after` changed relative to `before`, in report order.
pub fn changes<'a>(before: &Report<'a>, after: &Outcome<'a>) -> Vec<StatusChange<'a>> {
    after
        .deltas(before)
        .into_iter()
        .map(|d| {
            let i = &before.instruments[d.instrument];
            StatusChange {
                instrument: i.instrument,
                provision: i.provisions[d.provision].provision,
                before: d.before,
                after: d.after,
                effect: d.effect,
            }
        })
        .collect()
}
