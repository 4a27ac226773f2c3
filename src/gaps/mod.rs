//! Gap analysis: where the law stands against every obligation of every
//! instrument, why, and what a proposed amendment would change.
//!
//! The mapping files record the assessment entry by entry. This stage turns
//! them into a status for every element, provision, theme and instrument,
//! weighs provisions by how strongly they oblige the state, and scores each
//! instrument and theme, keeping binding instruments apart from benchmarks.
//! A scenario applies pending amendments' `mapping_changes` on top and
//! reports what moves. Nothing here prints or formats: the output stage
//! (`crate::output`: table, JSON, CSV, questionnaire) turns an [`Analysis`]
//! into text, and the command line only chooses the format.
//!
//! The method is documented in the book (`book/src/gaps.md`).

pub mod history;
mod lint;
mod outcome;
pub mod scenario;
mod score;
mod status;

use std::collections::HashMap;

use crate::amend::{Amendment, ConsolidatedExpression};
use crate::diag::Diagnostics;
use crate::ids::ArticleRef;
use crate::settings::Weights;
use crate::standards::{
    Element, GapBasis, Instrument, Mapping, MappingEntry, Provision, Source, Status, Theme,
};
use crate::workspace::Workspace;

pub use lint::lint;
pub use outcome::{Base, Outcome, Touched};
pub use scenario::{Change, Scenario, ScenarioError, Selection};
pub use score::{Counts, Score, ThemeScore, ThemeScores, weight};
pub use status::{credit, rank, roll_up, severity};

/// What the analysis reads: the instruments, the assessment of one
/// jurisdiction, and the weights. Built from a [`Workspace`], or by hand
/// (benchmarks, tests, other tools).
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The jurisdiction assessed (`kw`); mappings of others are ignored.
    pub jurisdiction: &'a str,
    pub weights: Weights,
    pub instruments: &'a [Instrument],
    pub mappings: &'a [Mapping],
}

impl<'a> Inputs<'a> {
    pub fn of(ws: &'a Workspace) -> Inputs<'a> {
        Inputs {
            jurisdiction: ws.jurisdiction(),
            weights: ws.settings.gaps.weights,
            instruments: &ws.instruments,
            mappings: &ws.mappings,
        }
    }
}

/// Which part of the model to report on, and which rows to show.
///
/// `standard` restricts the whole analysis (scores included) to one
/// instrument. `theme` and `statuses` only select the provisions listed:
/// scores are always computed over whole instruments, so that a filtered
/// report never shows a misleading score.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub standard: Option<String>,
    pub theme: Option<Theme>,
    /// Empty: every status.
    pub statuses: Vec<Status>,
}

impl Filter {
    /// Whether a provision is listed.
    pub fn shows(&self, p: &ProvisionGap<'_>) -> bool {
        self.theme.is_none_or(|t| p.provision.theme == t)
            && (self.statuses.is_empty() || self.statuses.contains(&p.status))
    }
}

/// Where the analysis of one jurisdiction stands.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub jurisdiction: &'a str,
    pub weights: Weights,
    /// Instruments in id order.
    pub instruments: Vec<InstrumentGaps<'a>>,
    /// Instruments the jurisdiction is party to, pooled.
    pub binding: Totals,
    /// The other instruments, pooled.
    pub benchmark: Totals,
}

/// Scores pooled over a group of instruments: every provision of the group
/// counts once, with its weight (so a larger instrument weighs more).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub instruments: usize,
    pub score: Score,
    pub themes: ThemeScores,
}

/// One instrument's provisions and scores.
#[derive(Debug, Clone)]
pub struct InstrumentGaps<'a> {
    pub instrument: &'a Instrument,
    /// Whether the jurisdiction is party (ratified or acceded).
    pub binding: bool,
    pub score: Score,
    pub themes: ThemeScores,
    /// Provisions in the instrument's order.
    pub provisions: Vec<ProvisionGap<'a>>,
}

/// Where an entry comes from: the mapping file, or an amendment of the
/// scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessed<'a> {
    pub entry: &'a MappingEntry,
    /// The amendment whose `mapping_changes` supplied the entry.
    pub amendment: Option<&'a str>,
}

/// What a provision's status rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis<'a> {
    /// No entry: the provision is unassessed.
    None,
    /// One entry for the provision as a whole.
    Provision(Assessed<'a>),
    /// Entries for its elements; `overall` is a provision-level entry
    /// written beside them (checked by [`lint`], not used for the status).
    Elements { overall: Option<Assessed<'a>> },
}

/// One provision: its status and the entries behind it.
#[derive(Debug, Clone)]
pub struct ProvisionGap<'a> {
    pub provision: &'a Provision,
    pub status: Status,
    /// The obligation weight.
    pub weight: f64,
    pub basis: Basis<'a>,
    /// Every element the provision defines, when assessed by elements;
    /// empty otherwise.
    pub elements: Vec<ElementGap<'a>>,
    /// Amendments of the scenario that changed an entry of this provision,
    /// in the order applied.
    pub changed_by: Vec<&'a str>,
}

/// One element of a provision assessed by elements.
#[derive(Debug, Clone, Copy)]
pub struct ElementGap<'a> {
    pub element: &'a Element,
    pub status: Status,
    pub assessed: Option<Assessed<'a>>,
}

impl<'a> ProvisionGap<'a> {
    /// The articles relied on, in order of first mention, without repeats.
    pub fn articles(&self) -> Vec<&'a ArticleRef> {
        let mut out: Vec<&'a ArticleRef> = Vec::new();
        let mut add = |entry: &'a MappingEntry| {
            for a in &entry.articles {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        };
        match self.basis {
            Basis::None => {}
            Basis::Provision(a) => add(a.entry),
            Basis::Elements { overall } => {
                for e in &self.elements {
                    if let Some(a) = e.assessed {
                        add(a.entry);
                    }
                }
                if let Some(a) = overall {
                    add(a.entry);
                }
            }
        }
        out
    }

    /// The provision-level entry, if any (the whole assessment, or the
    /// overall entry beside element entries).
    pub fn entry(&self) -> Option<&'a MappingEntry> {
        match self.basis {
            Basis::Provision(a) | Basis::Elements { overall: Some(a) } => Some(a.entry),
            _ => None,
        }
    }

    pub fn by_elements(&self) -> bool {
        matches!(self.basis, Basis::Elements { .. })
    }

    /// Elements that have no entry, though the provision is assessed by
    /// elements.
    pub fn unassessed_elements(&self) -> impl Iterator<Item = &ElementGap<'a>> {
        self.elements.iter().filter(|e| e.assessed.is_none())
    }

    /// What the provision's gap rests on: its entry's `basis`, or, when
    /// assessed by elements, the strongest basis among the elements short
    /// of `full` (a provision with one verified gap in an element has a
    /// verified gap). `None` for a `full` provision or an unstated basis.
    pub fn gap_basis(&self) -> Option<GapBasis> {
        match self.basis {
            Basis::None => None,
            Basis::Provision(a) => a.entry.basis,
            Basis::Elements { .. } => self
                .elements
                .iter()
                .filter(|e| e.status != Status::Full)
                .filter_map(|e| e.assessed.and_then(|a| a.entry.basis))
                .min(),
        }
    }

    /// The sources cited by the provision's entry and its elements' entries,
    /// without repeats.
    pub fn sources(&self) -> Vec<&'a Source> {
        let mut out: Vec<&'a Source> = Vec::new();
        let entries = self.entry().into_iter().chain(
            self.elements
                .iter()
                .filter_map(|e| e.assessed.map(|a| a.entry)),
        );
        for entry in entries {
            for s in &entry.sources {
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        out
    }
}

/// A report, and the scenario it was computed under, if any.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    /// With a scenario, the report after its amendments.
    pub report: Report<'a>,
    pub scenario: Option<Scenario<'a>>,
}

/// Computes the report; with `amendments` (from [`scenario::select`]),
/// also the report before them.
pub fn analyse<'a>(
    inputs: &Inputs<'a>,
    filter: &Filter,
    amendments: Vec<&'a Amendment>,
) -> Analysis<'a> {
    analyse_on(inputs, filter, &[], amendments)
}

/// [`analyse`] on top of `in_force`: the mapping changes of the enacted
/// amendments and rulings in force ([`history::changes_in_force`]), which
/// make the law as it stands before any scenario.
pub fn analyse_on<'a>(
    inputs: &Inputs<'a>,
    filter: &Filter,
    in_force: &[Change<'a>],
    amendments: Vec<&'a Amendment>,
) -> Analysis<'a> {
    if amendments.is_empty() {
        return Analysis {
            report: compute_on(inputs, filter, in_force, &[]),
            scenario: None,
        };
    }
    let changes = scenario::changes(&amendments);
    Analysis {
        report: compute_on(inputs, filter, in_force, &changes),
        scenario: Some(Scenario {
            amendments,
            before: compute_on(inputs, filter, in_force, &[]),
            text: None,
        }),
    }
}

/// [`analyse`] on a workspace: the law as it stands, every enacted
/// amendment and ruling in force applied with its mapping changes
/// ([`history`]), and the scenario (if any) on top, also held to the text
/// of the amended works as it would read ([`scenario::consolidate`],
/// [`apply_text`]). Fails with the diagnostics of amendments whose
/// operations do not apply together.
pub fn analyse_workspace<'a>(
    ws: &'a Workspace,
    filter: &Filter,
    amendments: Vec<&'a Amendment>,
) -> Result<Analysis<'a>, Diagnostics> {
    let all: Vec<&Amendment> = ws.amendments.iter().collect();
    let in_force = history::changes_in_force(&all, ws.jurisdiction(), None);
    let mut analysis = analyse_on(&Inputs::of(ws), filter, &in_force, amendments);
    let chosen: Vec<&Amendment> = analysis
        .scenario
        .as_ref()
        .map(|s| s.amendments.clone())
        .unwrap_or_default();
    if !chosen.is_empty() {
        let versions = scenario::consolidate(ws, &chosen)?;
        let texts: Vec<&ConsolidatedExpression> =
            versions.iter().flat_map(|v| &v.expressions).collect();
        apply_text(&mut analysis, &texts);
    }
    Ok(analysis)
}

/// Holds a scenario to the consolidated text of the works it amends (from
/// [`scenario::consolidate`]); see [`scenario::check_consolidated_text`].
/// Does nothing without a scenario.
pub fn apply_text<'a>(analysis: &mut Analysis<'a>, consolidated: &[&ConsolidatedExpression]) {
    let missing = scenario::check_consolidated_text(&analysis.report, consolidated);
    if let Some(s) = &mut analysis.scenario {
        s.text = Some(missing);
    }
}

/// Computes the report, with `changes` (from a scenario) applied on top of
/// the mapping files. See [`scenario`] for how changes replace entries.
pub fn compute<'a>(inputs: &Inputs<'a>, filter: &Filter, changes: &[Change<'a>]) -> Report<'a> {
    compute_on(inputs, filter, &[], changes)
}

/// [`compute`] with `in_force` (the mapping changes of enacted amendments
/// and rulings, [`history::changes_in_force`]) applied first. They replace
/// entries the same way as a scenario's, but they are the law, not a
/// scenario: they are not listed in `changed_by`.
pub fn compute_on<'a>(
    inputs: &Inputs<'a>,
    filter: &Filter,
    in_force: &[Change<'a>],
    changes: &[Change<'a>],
) -> Report<'a> {
    let mut index = indexed(inputs, in_force);
    let mut changed_by = ChangedBy::new();
    for change in changes {
        scenario::apply(&mut index, change, true);
        record(&mut changed_by, change);
    }
    report_of(inputs, filter, &index, &changed_by)
}

/// The amendments of a scenario that changed an entry of each provision,
/// by (standard, provision), in the order applied.
pub(crate) type ChangedBy<'a> = HashMap<(&'a str, &'a str), Vec<&'a str>>;

/// Notes that `change`'s amendment changed an entry of its provision.
pub(crate) fn record<'a>(changed_by: &mut ChangedBy<'a>, change: &Change<'a>) {
    let by = changed_by.entry(scenario::key(change)).or_default();
    if !by.contains(&change.amendment) {
        by.push(change.amendment);
    }
}

/// The entries of the mapping files by provision, with `in_force` (the
/// mapping changes of the law in force) applied.
pub(crate) fn indexed<'a>(inputs: &Inputs<'a>, in_force: &[Change<'a>]) -> EntryIndex<'a> {
    let mut index = index_entries(inputs);
    for change in in_force {
        scenario::apply(&mut index, change, false);
    }
    index
}

/// The report of the entries `index` holds: every provision assessed,
/// every instrument and group of instruments scored.
pub(crate) fn report_of<'a>(
    inputs: &Inputs<'a>,
    filter: &Filter,
    index: &EntryIndex<'a>,
    changed_by: &ChangedBy<'a>,
) -> Report<'a> {
    let mut report = Report {
        jurisdiction: inputs.jurisdiction,
        weights: inputs.weights,
        instruments: Vec::new(),
        binding: Totals::default(),
        benchmark: Totals::default(),
    };
    let mut instruments: Vec<&Instrument> = inputs
        .instruments
        .iter()
        .filter(|i| filter.standard.as_ref().is_none_or(|s| *s == i.id))
        .collect();
    instruments.sort_by(|a, b| a.id.cmp(&b.id));
    for instrument in instruments {
        let mut gaps = InstrumentGaps {
            instrument,
            binding: instrument.binds(inputs.jurisdiction),
            score: Score::default(),
            themes: ThemeScores::default(),
            provisions: Vec::with_capacity(instrument.provisions.len()),
        };
        for provision in &instrument.provisions {
            let key = (instrument.id.as_str(), provision.id.as_str());
            let entries = index.get(&key).map_or(&[][..], Vec::as_slice);
            let mut p = assess(
                provision,
                entries,
                weight(&inputs.weights, provision.obligation),
            );
            if let Some(by) = changed_by.get(&key) {
                p.changed_by.clone_from(by);
            }
            gaps.score.add(p.status, p.weight);
            gaps.themes.add(provision.theme, p.status, p.weight);
            gaps.provisions.push(p);
        }
        let totals = if gaps.binding {
            &mut report.binding
        } else {
            &mut report.benchmark
        };
        totals.instruments += 1;
        totals.score.merge(&gaps.score);
        totals.themes.merge(&gaps.themes);
        report.instruments.push(gaps);
    }
    report
}

/// Entries of the jurisdiction's mappings by (standard, provision).
pub(crate) type EntryIndex<'a> = HashMap<(&'a str, &'a str), Vec<Assessed<'a>>>;

fn index_entries<'a>(inputs: &Inputs<'a>) -> EntryIndex<'a> {
    let mut index: EntryIndex<'a> = HashMap::new();
    for m in inputs.mappings {
        if m.jurisdiction != inputs.jurisdiction {
            continue;
        }
        for entry in &m.entries {
            index
                .entry((m.standard.as_str(), entry.provision.as_str()))
                .or_default()
                .push(Assessed {
                    entry,
                    amendment: None,
                });
        }
    }
    index
}

/// The status of one provision from its entries.
pub(crate) fn assess<'a>(
    provision: &'a Provision,
    entries: &[Assessed<'a>],
    weight: f64,
) -> ProvisionGap<'a> {
    // Entries naming an element the provision does not define are left out
    // (loading reports them as errors).
    let element_entries: Vec<&Assessed<'a>> = entries
        .iter()
        .filter(|a| {
            a.entry
                .element
                .as_deref()
                .is_some_and(|e| provision.element(e).is_some())
        })
        .collect();
    let overall = entries.iter().find(|a| a.entry.element.is_none()).copied();
    let mut gap = ProvisionGap {
        provision,
        status: Status::Unassessed,
        weight,
        basis: Basis::None,
        elements: Vec::new(),
        changed_by: Vec::new(),
    };
    if element_entries.is_empty() {
        if let Some(a) = overall {
            gap.status = a.entry.status;
            gap.basis = Basis::Provision(a);
        }
        return gap;
    }
    gap.elements = provision
        .elements
        .iter()
        .map(|element| {
            let assessed = element_entries
                .iter()
                .find(|a| a.entry.element.as_deref() == Some(element.id.as_str()))
                .map(|a| **a);
            ElementGap {
                element,
                status: assessed.map_or(Status::Unassessed, |a| a.entry.status),
                assessed,
            }
        })
        .collect();
    gap.status = roll_up(gap.elements.iter().map(|e| e.status));
    gap.basis = Basis::Elements { overall };
    gap
}

#[cfg(test)]
pub(crate) mod tests;
