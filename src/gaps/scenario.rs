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

use crate::amend::{Amendment, AmendmentStatus};
use crate::corpus::Expression;
use crate::ids::ArticleRef;
use crate::standards::{MappingEntry, Provision, Status};
use crate::text::nearest;

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
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Unknown { id, suggestion } => {
                write!(f, "no amendment `{id}` in the workspace")?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean `{s}`?")?;
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

/// Applies one change to the entries by provision (see the module docs).
pub(super) fn apply<'a>(index: &mut EntryIndex<'a>, change: &Change<'a>) {
    let entry = change.entry;
    let list = index
        .entry((entry.standard.as_str(), entry.provision.as_str()))
        .or_default();
    match &entry.element {
        Some(element) => list.retain(|a| a.entry.element.as_ref() != Some(element)),
        None => list.clear(),
    }
    list.push(Assessed {
        entry,
        amendment: Some(change.amendment),
    });
}

/// A scenario: the amendments applied, and the report before them (the
/// report after them is the analysis' main report).
#[derive(Debug, Clone)]
pub struct Scenario<'a> {
    pub amendments: Vec<&'a Amendment>,
    pub before: Report<'a>,
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

// SEAM: text operations. The amendments stage (`amend`) applies an
// amendment's operations to produce the consolidated text of the amended
// work ("as it would read"). Once it can, `mizan gaps --with` should pass
// the consolidated expressions of every work the scenario amends here: an
// entry that relies on an article the amendments repeal or renumber no
// longer stands, and a change that cites an article the amendment was meant
// to insert is unsupported if the text does not have it. Until then the
// scenario applies `mapping_changes` only, and the command says so. This
// function does not apply text; it only reads the consolidated result.
/// Checks the report of a scenario against the consolidated text of the
/// works it amends: every article cited by an entry behind a provision
/// (mapping entries and changes alike) that lies in one of those works must
/// exist in at least one of its consolidated expressions.
pub fn check_consolidated_text<'a>(
    after: &Report<'a>,
    consolidated: &[&Expression],
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
                    let texts: Vec<&&Expression> = consolidated
                        .iter()
                        .filter(|e| e.work() == &article.work)
                        .collect();
                    if !texts.is_empty() && texts.iter().all(|e| e.article(&article.eid).is_none())
                    {
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
