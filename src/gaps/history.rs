//! The assessment over time: where the law stood on a date, how each
//! instrument's score moved, and what changed since the last report.
//!
//! The mapping files assess the statutes as the corpus holds them (each
//! file's text as of its `version_date`). An enacted amendment or a court
//! ruling with an `in_force` date changes the law from that date, and its
//! `mapping_changes` are the entries that hold from then on. So the law as
//! it stood on a date is the mapping files with the changes of every
//! enacted amendment and ruling in force by then applied, in order of
//! `in_force` date, then id ([`changes_in_force`]); the law as it stands
//! applies them all. Entries replace one another as in a scenario (see
//! [`super::scenario`]).
//!
//! A reassessment is a change of the assessment, not of the law: the
//! mapping files say something else than the last report did. Only the
//! report as published can tell, so [`since`] compares with it when the
//! workspace keeps it ([`Published`]).

use std::path::Path;
use std::sync::Arc;

use crate::amend::Amendment;
use crate::date::Date;
use crate::standards::{Mapping, Published, Status};

use super::scenario::{Change, Effect};
use super::{Filter, Inputs, Report, compute_on};

/// The enacted amendments and rulings of `jurisdiction` in force on `at`
/// (every one with an `in_force` date when `None`), in the order they
/// took effect (`in_force` date, then id).
pub fn in_force<'a>(
    amendments: &[&'a Amendment],
    jurisdiction: &str,
    at: Option<Date>,
) -> Vec<&'a Amendment> {
    let mut out: Vec<&'a Amendment> = amendments
        .iter()
        .copied()
        .filter(|a| a.amends.country() == jurisdiction)
        .filter(|a| {
            a.in_force_from()
                .is_some_and(|d| at.is_none_or(|at| d <= at))
        })
        .collect();
    out.sort_by(|a, b| (a.in_force, &a.id).cmp(&(b.in_force, &b.id)));
    out
}

/// The mapping changes of [`in_force`], in the order they apply.
pub fn changes_in_force<'a>(
    amendments: &[&'a Amendment],
    jurisdiction: &str,
    at: Option<Date>,
) -> Vec<Change<'a>> {
    super::scenario::changes(&in_force(amendments, jurisdiction, at))
}

/// The report as the law stood on `at` (as it stands when `None`).
pub fn report_at<'a>(
    inputs: &Inputs<'a>,
    filter: &Filter,
    amendments: &[&'a Amendment],
    at: Option<Date>,
) -> Report<'a> {
    let changes = changes_in_force(amendments, inputs.jurisdiction, at);
    compute_on(inputs, filter, &changes, &[])
}

/// Each instrument's score at every date on which a change of the law took
/// effect.
#[derive(Debug, Clone)]
pub struct Timeline<'a> {
    /// The first point is the statutes as the corpus holds them (no date);
    /// then one point per date, in order.
    pub points: Vec<Point<'a>>,
}

/// The law at one date of a [`Timeline`].
#[derive(Debug, Clone)]
pub struct Point<'a> {
    /// `None`: before any enacted amendment or ruling.
    pub date: Option<Date>,
    /// What took effect on the date, in order.
    pub amendments: Vec<&'a Amendment>,
    /// The report on that date.
    pub report: Report<'a>,
}

/// The timeline of the workspace's jurisdiction: one point before any
/// enacted amendment or ruling, then one per `in_force` date.
pub fn timeline<'a>(
    inputs: &Inputs<'a>,
    filter: &Filter,
    amendments: &[&'a Amendment],
) -> Timeline<'a> {
    let all = in_force(amendments, inputs.jurisdiction, None);
    let mut points = vec![Point {
        date: None,
        amendments: Vec::new(),
        report: compute_on(inputs, filter, &[], &[]),
    }];
    let mut dates: Vec<Date> = all.iter().filter_map(|a| a.in_force_from()).collect();
    dates.dedup();
    for date in dates {
        points.push(Point {
            date: Some(date),
            amendments: all
                .iter()
                .filter(|a| a.in_force_from() == Some(date))
                .copied()
                .collect(),
            report: report_at(inputs, filter, amendments, Some(date)),
        });
    }
    Timeline { points }
}

/// Why a provision's status moved since a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause<'a> {
    /// An enacted amendment or a ruling that took effect in between, whose
    /// mapping changes name the provision (its `kind` says which).
    Amendment(&'a Amendment),
    /// The assessment changed, not the law: the published report gave
    /// another status than the law of its date, as assessed now, does.
    Reassessment {
        /// The published report, which gave `status`.
        report: Arc<Path>,
        status: Status,
        /// The mapping file that assesses the instrument now.
        mapping: Option<&'a Mapping>,
    },
}

/// One provision that moved since a date.
#[derive(Debug, Clone)]
pub struct Moved<'a> {
    /// Index into the reports' instruments.
    pub instrument: usize,
    /// Index into that instrument's provisions.
    pub provision: usize,
    /// The status at the date: as published when the published report
    /// gives one, else as the law then stood.
    pub before: Status,
    pub after: Status,
    pub effect: Effect,
    /// At least one cause, the reassessment (if any) first, then the
    /// amendments in the order they took effect.
    pub causes: Vec<Cause<'a>>,
}

/// What changed since a date: the reports on that date and now, and each
/// provision that moved.
#[derive(Debug, Clone)]
pub struct Since<'a> {
    /// `None`: since the statutes as the corpus holds them, before any
    /// enacted amendment or ruling.
    pub date: Option<Date>,
    /// The law as it stood on `date`, as assessed now.
    pub before: Report<'a>,
    /// The law as it stands.
    pub after: Report<'a>,
    /// The enacted amendments and rulings that took effect after `date`.
    pub amendments: Vec<&'a Amendment>,
    /// Whether a published report was compared (so reassessments show).
    pub published: bool,
    /// In report order.
    pub moved: Vec<Moved<'a>>,
}

/// What changed since `date` (since the statutes as held when `None`). A
/// provision is listed when an enacted
/// amendment or ruling that took effect after `date` changed its entry (its
/// status may stay the same: the entry says why), or when `published` (the
/// report of that date) gives it another status than the law of the date
/// does as assessed now.
pub fn since<'a>(
    inputs: &Inputs<'a>,
    filter: &Filter,
    amendments: &[&'a Amendment],
    date: Option<Date>,
    published: Option<&Published>,
) -> Since<'a> {
    let before = match date {
        Some(d) => report_at(inputs, filter, amendments, Some(d)),
        None => compute_on(inputs, filter, &[], &[]),
    };
    let after = report_at(inputs, filter, amendments, None);
    let window: Vec<&'a Amendment> = in_force(amendments, inputs.jurisdiction, None)
        .into_iter()
        .filter(|a| {
            a.in_force_from()
                .is_some_and(|d| date.is_none_or(|date| d > date))
        })
        .collect();
    let mut moved = Vec::new();
    for (i, (b, a)) in before
        .instruments
        .iter()
        .zip(&after.instruments)
        .enumerate()
    {
        let id = a.instrument.id.as_str();
        for (j, (pb, pa)) in b.provisions.iter().zip(&a.provisions).enumerate() {
            let mut causes = Vec::new();
            let mut status_then = pb.status;
            if let Some(p) = published
                && let Some(&s) = p.statuses.get(&(id.to_owned(), pa.provision.id.clone()))
                && s != pb.status
            {
                causes.push(Cause::Reassessment {
                    report: p.path.clone(),
                    status: s,
                    mapping: inputs
                        .mappings
                        .iter()
                        .find(|m| m.standard == id && m.jurisdiction == inputs.jurisdiction),
                });
                status_then = s;
            }
            for am in &window {
                if am
                    .mapping_changes
                    .iter()
                    .any(|e| e.standard == id && e.provision == pa.provision.id)
                {
                    causes.push(Cause::Amendment(am));
                }
            }
            if causes.is_empty() {
                continue;
            }
            moved.push(Moved {
                instrument: i,
                provision: j,
                before: status_then,
                after: pa.status,
                effect: Effect::of(status_then, pa.status),
                causes,
            });
        }
    }
    Since {
        date,
        before,
        after,
        amendments: window,
        published: published.is_some(),
        moved,
    }
}

/// The works the assessment (of the instruments `filter` keeps) cites that
/// were not yet in force on `date` (their `in_force`, else their `date`, is later),
/// with that date, in id order. The mapping files assess the statutes as
/// the corpus holds them, so a report on an earlier date still counts the
/// articles of these works: the outputs say so.
pub fn not_yet_in_force<'a>(
    ws: &'a crate::workspace::Workspace,
    filter: &Filter,
    date: Date,
) -> Vec<(&'a crate::corpus::Work, Date)> {
    let cited: std::collections::BTreeSet<&str> = ws
        .mappings
        .iter()
        .filter(|m| m.jurisdiction == ws.jurisdiction())
        .filter(|m| filter.standard.as_ref().is_none_or(|s| *s == m.standard))
        .flat_map(|m| &m.entries)
        .flat_map(|e| &e.articles)
        .map(|a| a.work.as_str())
        .collect();
    ws.works
        .iter()
        .filter(|w| cited.contains(w.id.as_str()))
        .filter_map(|w| {
            let from = w
                .expressions
                .iter()
                .filter_map(|e| e.meta.in_force.or(e.meta.date))
                .min()?;
            (from > date).then_some((w, from))
        })
        .collect()
}
