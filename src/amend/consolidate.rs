//! Consolidation: a work's text on any date, and as it would read.
//!
//! Enacted amendments and court rulings with an `in_force` date are applied
//! to the text as read, in `in_force` order (then by id); each gives a
//! point-in-time [`Version`]. An amendment already in force on an
//! expression's `version_date` is taken to be part of that text already and
//! is not applied again to it. Pending amendments are applied on top of the
//! latest version to show the law as it would read ([`with_pending`]).

use serde::Serialize;

use crate::corpus::{Lang, Work};
use crate::date::Date;
use crate::diag::Diagnostics;
use crate::ids::WorkId;

use super::Amendment;
use super::apply::{ApplyOptions, apply};
pub use super::consolidated::{ConsolidatedExpression, Provenance, Stale};

/// What a version is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VersionKind {
    /// The text as read from the statute files.
    Original,
    /// After an enacted amendment or court ruling took effect.
    Amended,
    /// With pending (or rejected, withdrawn) amendments applied: as it
    /// would read.
    Proposed,
}

/// A work's text at one point: each expression with the amendments applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub work: WorkId,
    pub kind: VersionKind,
    /// The date from which this version is in force; `None` for a proposed
    /// version.
    pub date: Option<Date>,
    /// The amendments applied to the text as read, in order.
    pub amendments: Vec<String>,
    pub expressions: Vec<ConsolidatedExpression>,
}

impl Version {
    pub fn expression(&self, lang: Lang) -> Option<&ConsolidatedExpression> {
        self.expressions.iter().find(|e| e.lang() == lang)
    }

    /// A short description: `as read (2013-03-17)`, `in force from 2019-04-09`.
    pub fn label(&self) -> String {
        match (self.kind, self.date) {
            (VersionKind::Original, Some(d)) => format!("as enacted, in force from {d}"),
            (VersionKind::Amended, Some(d)) => format!("in force from {d}"),
            (VersionKind::Proposed, _) => match self.amendments.last() {
                Some(id) => format!("as it would read with {id}"),
                None => "as it would read".to_owned(),
            },
            (_, None) => "as read".to_owned(),
        }
    }
}

/// A work's point-in-time versions, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub work: WorkId,
    /// `versions[0]` is the text as read; each later one follows an enacted
    /// amendment.
    pub versions: Vec<Version>,
    /// Enacted amendments already part of an expression's text as read,
    /// with the language of that expression.
    pub incorporated: Vec<(String, Lang)>,
    /// For each version after the first, the amendment that made it.
    made_by: Vec<String>,
    /// In force dates of incorporated amendments, per language.
    incorporated_dates: Vec<(Lang, Date, String)>,
}

impl History {
    /// The latest point-in-time version.
    pub fn latest(&self) -> &Version {
        // `history` always makes the first version.
        &self.versions[self.versions.len() - 1]
    }

    /// The date the work came into force (the earliest of its expressions).
    pub fn start(&self) -> Option<Date> {
        self.versions.first().and_then(|v| v.date)
    }

    /// The version in force on `date`.
    pub fn at(&self, date: Date) -> Result<&Version, String> {
        if let Some(start) = self.start()
            && date < start
        {
            return Err(format!(
                "`{}` was not in force on {date}: it is in force from {start}",
                self.work
            ));
        }
        if let Some((lang, d, id)) = self.incorporated_dates.iter().find(|(_, d, _)| *d > date) {
            let version_date = self.versions[0]
                .expression(*lang)
                .and_then(|e| e.expression.meta.version_date());
            return Err(format!(
                "the {} text of `{}` is current to {} and already includes `{id}` (in force {d}); \
                 the text before that change is not held",
                lang.code(),
                self.work,
                version_date.map_or_else(String::new, |v| v.to_string()),
            ));
        }
        Ok(self
            .versions
            .iter()
            .rev()
            .find(|v| v.date.is_none_or(|d| d <= date))
            .unwrap_or(&self.versions[0]))
    }

    /// The versions just before and just after an enacted amendment took
    /// effect, if it was applied (not already part of the text as read).
    pub fn around(&self, amendment: &str) -> Option<(&Version, &Version)> {
        let k = self.made_by.iter().position(|id| id == amendment)?;
        Some((&self.versions[k], &self.versions[k + 1]))
    }
}

/// Builds a work's history from its amendments (any status: only enacted
/// ones with an `in_force` date are applied). On error, every diagnostic of
/// every amendment that failed is returned.
pub fn history<'a>(
    work: &Work,
    amendments: impl IntoIterator<Item = &'a Amendment>,
) -> Result<History, Diagnostics> {
    let mut enacted: Vec<(&Amendment, Date)> = amendments
        .into_iter()
        .filter(|a| a.amends == work.id)
        .filter_map(|a| a.in_force_from().map(|d| (a, d)))
        .collect();
    enacted.sort_by(|(a, d), (b, e)| (d, a.enacted, &a.id).cmp(&(e, b.enacted, &b.id)));
    let start = work
        .expressions
        .iter()
        .filter_map(|e| e.meta.in_force.or(e.meta.date))
        .min();
    let base = Version {
        work: work.id.clone(),
        kind: VersionKind::Original,
        date: start,
        amendments: Vec::new(),
        expressions: work
            .expressions
            .iter()
            .cloned()
            .map(ConsolidatedExpression::new)
            .collect(),
    };
    let mut h = History {
        work: work.id.clone(),
        versions: vec![base],
        incorporated: Vec::new(),
        made_by: Vec::new(),
        incorporated_dates: Vec::new(),
    };
    let mut diags = Diagnostics::new();
    for (amendment, date) in enacted {
        let previous = h.latest();
        let mut expressions = Vec::with_capacity(previous.expressions.len());
        let mut applied_any = false;
        let mut failed = false;
        let mut incorporated = Vec::new();
        for e in &previous.expressions {
            if e.expression.meta.version_date().is_some_and(|v| date <= v) {
                incorporated.push(e.lang());
                expressions.push(e.clone());
                continue;
            }
            let options = ApplyOptions {
                version_date: Some(date),
            };
            match apply(e, amendment, &options) {
                Ok(next) => {
                    applied_any = true;
                    expressions.push(next);
                }
                Err(d) => {
                    failed = true;
                    diags.extend(d);
                    expressions.push(e.clone());
                }
            }
        }
        let mut amendments = previous.amendments.clone();
        for lang in incorporated {
            h.incorporated.push((amendment.id.clone(), lang));
            h.incorporated_dates
                .push((lang, date, amendment.id.clone()));
        }
        if failed || !applied_any {
            continue;
        }
        amendments.push(amendment.id.clone());
        h.versions.push(Version {
            work: work.id.clone(),
            kind: VersionKind::Amended,
            date: Some(date),
            amendments,
            expressions,
        });
        h.made_by.push(amendment.id.clone());
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(h)
}

/// Applies amendments, in the order given, on top of `base`: the text as it
/// would read if they were enacted.
pub fn with_pending(base: &Version, amendments: &[&Amendment]) -> Result<Version, Diagnostics> {
    let mut diags = Diagnostics::new();
    // `None` until the first amendment: the base's expressions, not cloned.
    let mut expressions: Option<Vec<ConsolidatedExpression>> = None;
    for amendment in amendments {
        let current = expressions.as_deref().unwrap_or(&base.expressions);
        let mut next = Vec::with_capacity(current.len());
        for e in current {
            match apply(e, amendment, &ApplyOptions::default()) {
                Ok(x) => next.push(x),
                Err(d) => {
                    diags.extend(d);
                    next.push(e.clone());
                }
            }
        }
        expressions = Some(next);
    }
    let expressions = expressions.unwrap_or_else(|| base.expressions.clone());
    if diags.has_errors() {
        return Err(diags);
    }
    let mut ids = base.amendments.clone();
    ids.extend(amendments.iter().map(|a| a.id.clone()));
    Ok(Version {
        work: base.work.clone(),
        kind: VersionKind::Proposed,
        date: None,
        amendments: ids,
        expressions,
    })
}

/// Why a version of a work cannot be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionError {
    /// Amendments that do not apply: diagnostics pointing into their files.
    Invalid(Diagnostics),
    /// The version asked for does not exist or is not held.
    Unavailable(String),
}

impl std::fmt::Display for VersionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VersionError::Invalid(d) => write!(f, "{} amendment error(s)", d.errors()),
            VersionError::Unavailable(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for VersionError {}

/// The text of `work` in force on `at` (the latest version when `None`),
/// with `with` (pending amendments, in order) applied on top: the text as
/// it would read. `amendments` may hold any amendments; those of `work`
/// that are enacted make its history.
pub fn version(
    work: &Work,
    amendments: &[Amendment],
    at: Option<Date>,
    with: &[&Amendment],
) -> Result<Version, VersionError> {
    let h = history(work, amendments).map_err(VersionError::Invalid)?;
    let base = match at {
        Some(date) => h.at(date).map_err(VersionError::Unavailable)?,
        None => h.latest(),
    };
    for a in with {
        if a.amends != work.id {
            return Err(VersionError::Unavailable(format!(
                "`{}` amends `{}`, not `{}`",
                a.id, a.amends, work.id
            )));
        }
        if base.amendments.contains(&a.id) || h.incorporated.iter().any(|(id, _)| id == &a.id) {
            return Err(VersionError::Unavailable(format!(
                "`{}` is already in force in the version {}",
                a.id,
                base.label()
            )));
        }
    }
    if with.is_empty() {
        return Ok(base.clone());
    }
    with_pending(base, with).map_err(VersionError::Invalid)
}
