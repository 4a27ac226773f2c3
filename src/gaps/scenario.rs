//! Scenarios: what the gaps would be if some pending amendments were in
//! force.
//!
//! Each amendment may list `mapping_changes`: the entries that would hold
//! once it is in force. A scenario applies them on top of the mapping files
//! and compares the result with the assessment as it stands.
//!
//! How a change replaces entries:
//! - an element-level change replaces the entry for the same standard,
//!   provision and element (or adds it);
//! - a provision-level change replaces the provision's whole assessment:
//!   its provision-level entry *and* any element entries. The amendment
//!   assesses the provision as a whole, and the element entries describe the
//!   law before it;
//! - amendments apply in order of submission date, then id, whatever order
//!   `--with` names them in; when two change the same entry, the later one
//!   holds, and the provision lists both in `changed_by`.

use std::fmt;

use crate::amend::{Amendment, AmendmentStatus, ConsolidatedExpression, Version, VersionError};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ids::ArticleRef;
use crate::standards::{MappingEntry, Provision, Status};
use crate::text::nearest;
use crate::workspace::Workspace;

use super::{Assessed, EntryIndex, Report, rank};

/// What `--with` names: one amendment, or every pending one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    AllPending,
    Amendment(String),
}

impl Selection {
    /// `all-pending`, or an amendment id.
    pub fn parse(s: &str) -> Selection {
        if s == "all-pending" {
            Selection::AllPending
        } else {
            Selection::Amendment(s.to_owned())
        }
    }
}

/// Why a scenario cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    Unknown {
        id: String,
        suggestion: Option<String>,
    },
    NotPending {
        id: String,
        status: AmendmentStatus,
    },
    OtherJurisdiction {
        id: String,
        jurisdiction: String,
    },
    /// Two competing drafts: both change one article.
    Competing {
        first: String,
        second: String,
        article: String,
    },
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Unknown { id, suggestion } => {
                write!(f, "no amendment `{id}` in the workspace")?;
                if let Some(s) = suggestion {
                    write!(f, "; {}", crate::text::did_you_mean(format_args!("`{s}`")))?;
                }
                Ok(())
            }
            ScenarioError::NotPending { id, status } => write!(
                f,
                "amendment `{id}` is {}, not pending; a scenario applies drafts, submitted, \
                 in-committee and approved amendments (an enacted one belongs in the mapping files)",
                status_name(*status)
            ),
            ScenarioError::OtherJurisdiction { id, jurisdiction } => write!(
                f,
                "amendment `{id}` amends a work of another jurisdiction; the report is about `{jurisdiction}`"
            ),
            ScenarioError::Competing {
                first,
                second,
                article,
            } => write!(
                f,
                "`{first}` and `{second}` are competing drafts (both change Article {article}), \
                 so a scenario cannot apply both; choose one of them (`--with {first}` or `--with {second}`)"
            ),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// The status as written in amendment files (`in-committee`).
pub fn status_code(status: AmendmentStatus) -> &'static str {
    match status {
        AmendmentStatus::Draft => "draft",
        AmendmentStatus::Submitted => "submitted",
        AmendmentStatus::InCommittee => "in-committee",
        AmendmentStatus::Approved => "approved",
        AmendmentStatus::Enacted => "enacted",
        AmendmentStatus::Rejected => "rejected",
        AmendmentStatus::Withdrawn => "withdrawn",
    }
}

fn status_name(status: AmendmentStatus) -> &'static str {
    match status {
        AmendmentStatus::Draft => "a draft",
        AmendmentStatus::Submitted => "submitted",
        AmendmentStatus::InCommittee => "in committee",
        AmendmentStatus::Approved => "approved",
        AmendmentStatus::Enacted => "enacted",
        AmendmentStatus::Rejected => "rejected",
        AmendmentStatus::Withdrawn => "withdrawn",
    }
}

/// The amendments a scenario applies, in the order it applies them
/// (submission date, then id), without repeats.
pub fn select<'a>(
    amendments: &'a [Amendment],
    jurisdiction: &str,
    with: &[Selection],
) -> Result<Vec<&'a Amendment>, ScenarioError> {
    let mut chosen: Vec<&'a Amendment> = Vec::new();
    for s in with {
        match s {
            Selection::AllPending => chosen.extend(
                amendments
                    .iter()
                    .filter(|a| a.is_pending() && a.amends.country() == jurisdiction),
            ),
            Selection::Amendment(id) => {
                let Some(a) = amendments.iter().find(|a| a.id == *id) else {
                    return Err(ScenarioError::Unknown {
                        id: id.clone(),
                        suggestion: nearest(id, amendments.iter().map(|a| a.id.as_str()))
                            .map(str::to_owned),
                    });
                };
                if !a.is_pending() {
                    return Err(ScenarioError::NotPending {
                        id: id.clone(),
                        status: a.status,
                    });
                }
                if a.amends.country() != jurisdiction {
                    return Err(ScenarioError::OtherJurisdiction {
                        id: id.clone(),
                        jurisdiction: jurisdiction.to_owned(),
                    });
                }
                chosen.push(a);
            }
        }
    }
    chosen.sort_by(|a, b| (a.submitted, &a.id).cmp(&(b.submitted, &b.id)));
    chosen.dedup_by(|a, b| a.id == b.id);
    for (i, first) in chosen.iter().enumerate() {
        for second in &chosen[i + 1..] {
            if let Some((_, article)) = crate::amend::competing(first, second) {
                return Err(ScenarioError::Competing {
                    first: first.id.clone(),
                    second: second.id.clone(),
                    article,
                });
            }
        }
    }
    Ok(chosen)
}

/// One mapping change an amendment would make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change<'a> {
    /// The amendment's id.
    pub amendment: &'a str,
    pub entry: &'a MappingEntry,
}

/// The mapping changes of `amendments`, in the order they apply.
pub fn changes<'a>(amendments: &[&'a Amendment]) -> Vec<Change<'a>> {
    amendments
        .iter()
        .flat_map(|a| {
            a.mapping_changes.iter().map(|entry| Change {
                amendment: a.id.as_str(),
                entry,
            })
        })
        .collect()
}

/// The (standard, provision) whose entries `change` replaces.
pub(super) fn key<'a>(change: &Change<'a>) -> (&'a str, &'a str) {
    (
        change.entry.standard.as_str(),
        change.entry.provision.as_str(),
    )
}

/// Applies one change to the entries by provision (see the module docs).
/// The entry records the amendment only when `scenario` (a change of the
/// law in force is the law, not a scenario).
pub(super) fn apply<'a>(index: &mut EntryIndex<'a>, change: &Change<'a>, scenario: bool) {
    apply_to(index.entry(key(change)).or_default(), change, scenario);
}

/// [`apply`] to the entries of the change's own provision.
pub(super) fn apply_to<'a>(list: &mut Vec<Assessed<'a>>, change: &Change<'a>, scenario: bool) {
    let entry = change.entry;
    match &entry.element {
        Some(element) => list.retain(|a| a.entry.element.as_ref() != Some(element)),
        None => list.clear(),
    }
    list.push(Assessed {
        entry,
        amendment: scenario.then_some(change.amendment),
    });
}

/// A scenario: the amendments applied, and the report before them (the
/// report after them is the analysis' main report).
#[derive(Debug, Clone)]
pub struct Scenario<'a> {
    pub amendments: Vec<&'a Amendment>,
    pub before: Report<'a>,
    /// The check against the amended text, once [`super::apply_text`] ran.
    pub text: Option<Vec<MissingArticle<'a>>>,
}

/// What a scenario does to one provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Not full before, full after.
    Closes,
    /// A better status, short of full.
    Improves,
    /// The same status (new articles or reasons, perhaps).
    Unchanged,
    Worsens,
    /// To or from not-applicable or unassessed.
    Reassessed,
}

impl Effect {
    pub fn of(before: Status, after: Status) -> Effect {
        if before == after {
            Effect::Unchanged
        } else if after == Status::Full {
            Effect::Closes
        } else {
            match (rank(before), rank(after)) {
                (Some(b), Some(a)) if a > b => Effect::Improves,
                (Some(_), Some(_)) => Effect::Worsens,
                _ => Effect::Reassessed,
            }
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Closes => "closes",
            Effect::Improves => "improves",
            Effect::Unchanged => "unchanged",
            Effect::Worsens => "worsens",
            Effect::Reassessed => "reassessed",
        }
    }
}

/// A provision a scenario touched.
#[derive(Debug, Clone, Copy)]
pub struct Delta<'r, 'a> {
    /// Index into the reports' instruments.
    pub instrument: usize,
    /// Index into that instrument's provisions.
    pub provision: usize,
    pub before: Status,
    pub after: Status,
    pub effect: Effect,
    pub changed_by: &'r [&'a str],
}

/// The provisions some amendment of the scenario changed, in report order.
/// `before` and `after` must come from the same inputs and filter.
pub fn deltas<'r, 'a>(before: &'r Report<'a>, after: &'r Report<'a>) -> Vec<Delta<'r, 'a>> {
    let mut out = Vec::new();
    for (i, (b, a)) in before
        .instruments
        .iter()
        .zip(&after.instruments)
        .enumerate()
    {
        for (j, (pb, pa)) in b.provisions.iter().zip(&a.provisions).enumerate() {
            if pa.changed_by.is_empty() {
                continue;
            }
            out.push(Delta {
                instrument: i,
                provision: j,
                before: pb.status,
                after: pa.status,
                effect: Effect::of(pb.status, pa.status),
                changed_by: &pa.changed_by,
            });
        }
    }
    out
}

/// An article an entry relies on that the consolidated text does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingArticle<'a> {
    pub instrument: &'a str,
    pub provision: &'a Provision,
    pub element: Option<&'a str>,
    pub article: &'a ArticleRef,
    /// The amendment whose change cites it, or `None` for a mapping entry.
    pub amendment: Option<&'a str>,
}

// SEAM: text operations. The amendments stage (`amend`) carries out an
// amendment's operations and consolidates the text of the amended work as it
// would read; this stage only reads that result. `consolidate` asks `amend`
// for the text of every work the scenario amends, and
// `check_consolidated_text` holds the scenario's entries to it: an entry
// that relies on an article the amendments repeal or renumber away no longer
// stands. Should `amend` change how it exposes consolidated text, only these
// two functions change.
/// Checks the report of a scenario against the consolidated text of the
/// works it amends: every article cited by an entry behind a provision
/// (mapping entries and changes alike) that lies in one of those works must
/// be in force (present and not repealed) in at least one of its
/// consolidated expressions. Articles of other works are not judged.
pub fn check_consolidated_text<'a>(
    after: &Report<'a>,
    consolidated: &[&ConsolidatedExpression],
) -> Vec<MissingArticle<'a>> {
    let mut out = Vec::new();
    for gaps in &after.instruments {
        for p in &gaps.provisions {
            let mut entries: Vec<(Option<&'a str>, Assessed<'a>)> = Vec::new();
            match p.basis {
                super::Basis::None => {}
                super::Basis::Provision(a) => entries.push((None, a)),
                super::Basis::Elements { overall } => {
                    entries.extend(overall.map(|a| (None, a)));
                    for e in &p.elements {
                        if let Some(a) = e.assessed {
                            entries.push((Some(e.element.id.as_str()), a));
                        }
                    }
                }
            }
            for (element, a) in entries {
                for article in &a.entry.articles {
                    let texts: Vec<&&ConsolidatedExpression> = consolidated
                        .iter()
                        .filter(|e| e.expression.work() == &article.work)
                        .collect();
                    let in_force = |e: &&&ConsolidatedExpression| {
                        e.article(&article.eid).is_some() && !e.is_repealed(&article.eid)
                    };
                    if !texts.is_empty() && !texts.iter().any(in_force) {
                        out.push(MissingArticle {
                            instrument: gaps.instrument.id.as_str(),
                            provision: p.provision,
                            element,
                            article,
                            amendment: a.amendment,
                        });
                    }
                }
            }
        }
    }
    out
}

/// The text of every work `amendments` amend, as it would read with them
/// (from the latest version in force, the amendments in the order given).
/// An amendment whose operations do not apply gives its diagnostics.
pub fn consolidate(ws: &Workspace, amendments: &[&Amendment]) -> Result<Vec<Version>, Diagnostics> {
    let mut works: Vec<(&str, Vec<&Amendment>)> = Vec::new();
    for a in amendments {
        match works.iter_mut().find(|(w, _)| *w == a.amends.as_str()) {
            Some((_, list)) => list.push(a),
            None => works.push((a.amends.as_str(), vec![a])),
        }
    }
    let mut versions = Vec::with_capacity(works.len());
    let mut diags = Diagnostics::new();
    for (id, list) in works {
        let Some(work) = ws.work(id) else {
            continue;
        };
        match crate::amend::version(work, &ws.amendments, None, &list) {
            Ok(v) => versions.push(v),
            Err(VersionError::Invalid(d)) => diags.extend(d),
            Err(VersionError::Unavailable(message)) => diags.push(Diagnostic::error(
                Code::ScenarioUnavailable,
                &list[0].path,
                Some(list[0].amends_span.clone()),
                message,
            )),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(versions)
}
