//! Findings about the assessment that only the gap rules can see, for
//! `mizan check`: entries that load fine one by one but contradict each
//! other once rolled up.

use std::collections::{BTreeSet, HashMap};

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::standards::MappingEntry;
use crate::workspace::Workspace;

use super::{Basis, Filter, Inputs, Report, compute};

/// Warnings about the workspace's assessment:
///
/// - a provision-level entry beside element entries that give another
///   status (the element entries decide; the provision-level entry is
///   misleading);
/// - an amendment that changes the same entry twice;
/// - an amendment that changes one element of a provision the mapping
///   assesses as a whole (in a scenario, its other elements would be
///   unassessed).
pub fn lint(ws: &Workspace) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let jurisdictions: BTreeSet<&str> = ws
        .mappings
        .iter()
        .map(|m| m.jurisdiction.as_str())
        .chain(ws.amendments.iter().map(|a| a.amends.country()))
        .collect();
    for jurisdiction in jurisdictions {
        let inputs = Inputs {
            jurisdiction,
            ..Inputs::of(ws)
        };
        let report = compute(&inputs, &Filter::default(), &[]);
        disagreements(&report, &mut diags);
        amendment_changes(ws, jurisdiction, &report, &mut diags);
    }
    diags.sort();
    diags
}

fn disagreements(report: &Report<'_>, diags: &mut Diagnostics) {
    for gaps in &report.instruments {
        for p in &gaps.provisions {
            let Basis::Elements {
                overall: Some(overall),
            } = p.basis
            else {
                continue;
            };
            let entry = overall.entry;
            if entry.status == p.status {
                continue;
            }
            let mut d = Diagnostic::warning(
                Code::StatusDisagreesWithElements,
                &entry.path,
                Some(entry.status_span.clone()),
                format!(
                    "`{}/{}` is `{}` here, but its element entries make it `{}`",
                    gaps.instrument.id, p.provision.id, entry.status, p.status
                ),
            )
            .with_label("disagrees with the element entries");
            for e in &p.elements {
                if let Some(a) = e.assessed {
                    d = d.with_related(
                        &a.entry.path,
                        a.entry.status_span.clone(),
                        format!("element `{}` is `{}`", e.element.id, e.status),
                    );
                }
            }
            let unassessed: Vec<&str> = p
                .unassessed_elements()
                .map(|e| e.element.id.as_str())
                .collect();
            let help = if unassessed.is_empty() {
                format!(
                    "the element entries decide the provision's status; remove this entry or make it `{}`",
                    p.status
                )
            } else {
                format!(
                    "the element entries decide the provision's status, and element(s) {} have no \
                     entry (not met until assessed); assess them, or remove this entry",
                    unassessed.join(", ")
                )
            };
            diags.push(d.with_help(help));
        }
    }
}

fn amendment_changes(
    ws: &Workspace,
    jurisdiction: &str,
    report: &Report<'_>,
    diags: &mut Diagnostics,
) {
    let whole: HashMap<(&str, &str), bool> = report
        .instruments
        .iter()
        .flat_map(|g| {
            g.provisions.iter().map(move |p| {
                (
                    (g.instrument.id.as_str(), p.provision.id.as_str()),
                    matches!(p.basis, Basis::Provision(_)),
                )
            })
        })
        .collect();
    for a in ws
        .amendments
        .iter()
        .filter(|a| a.amends.country() == jurisdiction)
    {
        let mut seen: HashMap<(&str, &str, Option<&str>), &MappingEntry> = HashMap::new();
        let mut by_element: HashMap<(&str, &str), Vec<&MappingEntry>> = HashMap::new();
        for c in &a.mapping_changes {
            let key = (
                c.standard.as_str(),
                c.provision.as_str(),
                c.element.as_deref(),
            );
            if let Some(first) = seen.insert(key, c) {
                diags.push(
                    Diagnostic::warning(
                        Code::ChangedTwice,
                        &c.path,
                        Some(c.span.clone()),
                        format!("`{}` is changed twice by this amendment", target(c)),
                    )
                    .with_related(&first.path, first.span.clone(), "first changed here")
                    .with_help("the later change holds; remove one of them"),
                );
            }
            if c.element.is_some() {
                by_element
                    .entry((c.standard.as_str(), c.provision.as_str()))
                    .or_default()
                    .push(c);
            }
        }
        for ((standard, provision), changes) in by_element {
            let provision_level = a
                .mapping_changes
                .iter()
                .any(|c| c.standard == standard && c.provision == provision && c.element.is_none());
            if provision_level || whole.get(&(standard, provision)) != Some(&true) {
                continue;
            }
            let Some(p) = ws.instrument(standard).and_then(|i| i.provision(provision)) else {
                continue;
            };
            let changed: Vec<&str> = changes
                .iter()
                .filter_map(|c| c.element.as_deref())
                .collect();
            let others: Vec<&str> = p
                .elements
                .iter()
                .map(|e| e.id.as_str())
                .filter(|e| !changed.contains(e))
                .collect();
            if others.is_empty() {
                continue;
            }
            let c = changes[0];
            diags.push(
                Diagnostic::warning(
                    Code::ChangeByElement,
                    &c.path,
                    Some(c.element_span.clone().unwrap_or(c.span.clone())),
                    format!(
                        "this change assesses `{}` by element, but the mapping assesses \
                         `{standard}/{provision}` as a whole",
                        target(c)
                    ),
                )
                .with_help(format!(
                    "in a scenario the provision would be assessed by its elements, and {} would \
                     be unassessed; change every element, or make one provision-level change",
                    others.join(", ")
                )),
            );
        }
    }
}

fn target(entry: &MappingEntry) -> String {
    match &entry.element {
        Some(e) => format!("{}/{}#{e}", entry.standard, entry.provision),
        None => format!("{}/{}", entry.standard, entry.provision),
    }
}
