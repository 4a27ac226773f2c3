//! The seam between the site and the gap stage (`crate::gaps`): the page
//! builders read [`gaps::Report`]s through these few helpers, so the site
//! never computes a status or a score of its own.

use crate::amend::Amendment;
use crate::gaps::scenario::{Effect, deltas};
use crate::gaps::{self, Analysis, Basis, Filter, Inputs, ProvisionGap, Report};
use crate::standards::{Instrument, MappingEntry, Provision, Status};
use crate::workspace::Workspace;

/// The assessment of the law as it stands: the mapping files, with the
/// mapping changes of every enacted amendment and ruling in force that the
/// build may show (`visible`).
pub fn current<'a>(ws: &'a Workspace, visible: &[&'a Amendment]) -> Analysis<'a> {
    let in_force = gaps::history::changes_in_force(visible, ws.jurisdiction(), None);
    gaps::analyse_on(&Inputs::of(ws), &Filter::default(), &in_force, Vec::new())
}

/// The assessment with the mapping changes of `amendments` applied on top
/// of the law as it stands (as the build may show it: `visible`).
pub fn with<'a>(
    ws: &'a Workspace,
    visible: &[&'a Amendment],
    amendments: &[&'a Amendment],
) -> Report<'a> {
    let in_force = gaps::history::changes_in_force(visible, ws.jurisdiction(), None);
    let changes = gaps::scenario::changes(amendments);
    gaps::compute_on(&Inputs::of(ws), &Filter::default(), &in_force, &changes)
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
pub fn changes<'a>(before: &Report<'a>, after: &Report<'a>) -> Vec<StatusChange<'a>> {
    deltas(before, after)
        .into_iter()
        .map(|d| {
            let i = &after.instruments[d.instrument];
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
