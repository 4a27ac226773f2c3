//! Which versions of which expressions an export holds.
//!
//! An expression as read from its file is the text as enacted (or as last
//! summarised). Enacted amendments and court rulings with an `in_force`
//! date make point-in-time versions of it (the `amend` stage consolidates
//! them); each version is exported as its own Akoma Ntoso expression, dated
//! the day it took effect, with the history that led to it and the changes
//! each amendment made.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::Workspace;
use crate::amend::{self, Amendment, ConsolidatedExpression, History};
use crate::corpus::{Article, Expression, Lang, Paragraph, Work};
use crate::date::Date;
use crate::ids::{FrbrUri, WorkId};

use super::ExportError;

/// How an amendment changed a text, in Akoma Ntoso's terms (`textualMod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Text replaced: a whole article or paragraph, or words inside one.
    Substitution,
    /// A new article or paragraph.
    Insertion,
    /// An article or paragraph taken out.
    Repeal,
    /// An article given a new number.
    Renumbering,
}

impl ChangeKind {
    /// The `type` of a `textualMod`.
    pub fn akn(self) -> &'static str {
        match self {
            ChangeKind::Substitution => "substitution",
            ChangeKind::Insertion => "insertion",
            ChangeKind::Repeal => "repeal",
            ChangeKind::Renumbering => "renumbering",
        }
    }
}

/// One change an amendment made to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// The eId of the changed portion (for a renumbering, its new eId; for
    /// a repeal, the eId it had).
    pub destination: String,
    /// For a renumbering, the eId the portion had before.
    pub previous: Option<String>,
}

/// An amendment applied on the way to a version, with what it changed.
#[derive(Debug, Clone)]
pub struct AppliedAmendment<'a> {
    pub amendment: &'a Amendment,
    pub changes: Vec<Change>,
}

/// One version of one expression: the text as of `date`, and the enacted
/// amendments (in the order they took effect) that made it.
#[derive(Debug, Clone)]
pub struct Version<'a> {
    pub work: &'a Work,
    /// The expression as read from its file (the original version).
    pub original: &'a Expression,
    /// The text of this version.
    pub expression: Cow<'a, Expression>,
    /// The date the text is current to; `None` when no date is known.
    pub date: Option<Date>,
    /// Amendments mizan applied to the text as read to reach this version.
    pub applied: Vec<AppliedAmendment<'a>>,
    /// Enacted amendments the text as read already includes.
    pub incorporated: Vec<&'a Amendment>,
    /// Articles repealed in this version (they stay as markers), by eId,
    /// with the id of the amendment that repealed them.
    pub repealed: BTreeMap<String, String>,
}

impl Version<'_> {
    /// The Akoma Ntoso expression id: `/akn/kw/act/2013/91/eng@2013-03-17`,
    /// ending in `@` when no date is known.
    pub fn id(&self) -> String {
        self.uri().to_string()
    }

    /// The expression's URI, which the other URIs of the export narrow.
    pub fn uri(&self) -> FrbrUri {
        FrbrUri::of(&self.work.id).expression_at(self.expression.lang().iso639_2(), self.date)
    }

    /// The id of the expression as read (the original version).
    pub fn original_id(&self) -> String {
        self.original.id()
    }

    /// Whether this is the text as read, with no amendment applied by mizan.
    pub fn is_original(&self) -> bool {
        self.applied.is_empty()
    }
}

/// What an export holds: the versions, and the works left out (with why).
#[derive(Debug, Clone)]
pub struct Selection<'a> {
    pub versions: Vec<Version<'a>>,
    pub skipped: Vec<Skipped>,
}

/// A work with no version to export (only with `--at`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    pub work: String,
    pub reason: String,
}

/// The versions to export: of every work, or of the work `work`; every
/// version, or only the one in force on `at`.
pub fn versions<'a>(
    ws: &'a Workspace,
    work: Option<&str>,
    at: Option<Date>,
) -> Result<Selection<'a>, ExportError> {
    let works: Vec<&Work> = match work {
        Some(id) => {
            let id = WorkId::parse(id).map_err(|e| ExportError::InvalidWork(e.message))?;
            vec![
                ws.work(id.as_str())
                    .ok_or_else(|| ExportError::UnknownWork(id.to_string()))?,
            ]
        }
        None => ws.works.iter().collect(),
    };
    let mut selection = Selection {
        versions: Vec::new(),
        skipped: Vec::new(),
    };
    for work in works {
        let history = amend::history(work, &ws.amendments).map_err(ExportError::Amendments)?;
        let indexes: Vec<usize> = match at {
            None => (0..history.versions.len()).collect(),
            Some(date) => match history.at(date) {
                Ok(v) => {
                    let k = history
                        .versions
                        .iter()
                        .position(|x| std::ptr::eq(x, v))
                        .unwrap_or(0);
                    vec![k]
                }
                Err(reason) => {
                    selection.skipped.push(Skipped {
                        work: work.id.to_string(),
                        reason,
                    });
                    continue;
                }
            },
        };
        let mut seen = BTreeSet::new();
        for k in indexes {
            for lang in work.expressions.iter().map(Expression::lang) {
                if let Some(v) = version(ws, work, &history, k, lang)
                    && (at.is_some() || seen.insert(v.id()))
                {
                    selection.versions.push(v);
                }
            }
        }
    }
    Ok(selection)
}

/// The version `k` of a work's history in one language: `None` when that
/// language's text did not change at `k` (its earlier version stands).
fn version<'a>(
    ws: &'a Workspace,
    work: &'a Work,
    history: &History,
    k: usize,
    lang: Lang,
) -> Option<Version<'a>> {
    let original = work.expression(lang)?;
    let current = history.versions[k].expression(lang)?;
    let incorporated_here = |id: &str| {
        history
            .incorporated
            .iter()
            .any(|(a, l)| a == id && *l == lang)
    };
    // Amendments applied to this language's text, each with the version
    // it made.
    let mut applied = Vec::new();
    for j in 1..=k {
        let Some(id) = history.versions[j].amendments.last() else {
            continue;
        };
        if incorporated_here(id) {
            continue;
        }
        let Some(amendment) = ws.amendment(id) else {
            continue;
        };
        let (Some(before), Some(after)) = (
            history.versions[j - 1].expression(lang),
            history.versions[j].expression(lang),
        ) else {
            continue;
        };
        applied.push(AppliedAmendment {
            amendment,
            changes: changes(before, after),
        });
    }
    // A version whose text in this language did not change is the earlier
    // one again: it is not a version of its own.
    if k > 0 {
        let made_by = history.versions[k].amendments.last()?;
        if incorporated_here(made_by) {
            return None;
        }
    }
    let date = current.expression.meta.version_date();
    let incorporated: Vec<&Amendment> = history
        .incorporated
        .iter()
        .filter(|(_, l)| *l == lang)
        .filter_map(|(id, _)| ws.amendment(id))
        .collect();
    let repealed = current
        .repealed
        .iter()
        .map(|(eid, p)| (eid.clone(), p.amendment.clone()))
        .collect();
    let expression = if k == 0 {
        Cow::Borrowed(original)
    } else {
        Cow::Owned(current.expression.clone())
    };
    Some(Version {
        work,
        original,
        expression,
        date,
        applied,
        incorporated,
        repealed,
    })
}

/// What one amendment changed, from the text before to the text after:
/// articles aligned by lineage (which survives renumbering), then
/// paragraphs by eId inside a changed article.
pub fn changes(before: &ConsolidatedExpression, after: &ConsolidatedExpression) -> Vec<Change> {
    let olds = &before.expression.articles;
    let pair = before.align_by_lineage(after);
    let mut present = vec![false; olds.len()];
    let mut out = Vec::new();
    for (article, matched) in after.expression.articles.iter().zip(pair) {
        let Some(i) = matched else {
            out.push(change(ChangeKind::Insertion, &article.eid, None));
            continue;
        };
        present[i] = true;
        let prev = &olds[i];
        if prev.eid != article.eid {
            out.push(change(
                ChangeKind::Renumbering,
                &article.eid,
                Some(&prev.eid),
            ));
        }
        let now_repealed = after.is_repealed(&article.eid);
        if now_repealed && !before.is_repealed(&prev.eid) {
            out.push(change(ChangeKind::Repeal, &article.eid, None));
        } else if !now_repealed {
            out.extend(article_changes(prev, article));
        }
    }
    // An article that disappeared outright (not left as a marker).
    for (prev, present) in olds.iter().zip(present) {
        if !present && !before.is_repealed(&prev.eid) {
            out.push(change(ChangeKind::Repeal, &prev.eid, None));
        }
    }
    out
}

fn change(kind: ChangeKind, destination: &str, previous: Option<&str>) -> Change {
    Change {
        kind,
        destination: destination.to_owned(),
        previous: previous.map(str::to_owned),
    }
}

/// Changes inside one article: the whole article when its heading
/// changed or none of several paragraphs survived, else each paragraph
/// substituted, inserted or taken out, paragraphs aligned by their text
/// (so that a paragraph moving up after a repeal is not a change).
fn article_changes(before: &Article, after: &Article) -> Vec<Change> {
    let old: Vec<String> = before.paragraphs.iter().map(Paragraph::full_text).collect();
    let new: Vec<String> = after.paragraphs.iter().map(Paragraph::full_text).collect();
    if before.heading == after.heading && old == new {
        return Vec::new();
    }
    let whole = || vec![change(ChangeKind::Substitution, &after.eid, None)];
    if before.heading != after.heading {
        return whole();
    }
    let ops = capture_diff_slices(Algorithm::Myers, &old, &new);
    if new.len() > 1 && !ops.iter().any(|op| matches!(op, DiffOp::Equal { .. })) {
        return whole();
    }
    // Runs of removed and added paragraphs between unchanged ones.
    let mut hunks: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for op in ops {
        let (o, n) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        match hunks.last_mut() {
            Some((ho, hn)) if ho.end == o.start && hn.end == n.start => {
                ho.end = o.end;
                hn.end = n.end;
            }
            _ => hunks.push((o, n)),
        }
    }
    let mut out = Vec::new();
    for (o, n) in hunks {
        let paired = o.len().min(n.len());
        for i in 0..paired {
            let eid = &after.paragraphs[n.start + i].eid;
            out.push(change(ChangeKind::Substitution, eid, None));
        }
        for p in &after.paragraphs[n.start + paired..n.end] {
            out.push(change(ChangeKind::Insertion, &p.eid, None));
        }
        for q in &before.paragraphs[o.start + paired..o.end] {
            out.push(change(ChangeKind::Repeal, &q.eid, None));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn load(dir: &str) -> Workspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        Workspace::load(&root).expect("the workspace loads")
    }

    fn ids(s: &Selection<'_>) -> Vec<String> {
        s.versions.iter().map(Version::id).collect()
    }

    #[test]
    fn every_expression_has_a_version_with_its_id() {
        let ws = load("book/src/examples/workspace");
        let s = versions(&ws, None, None).unwrap();
        assert_eq!(
            ids(&s),
            [
                "/akn/kw/act/2013/91/eng@2013-03-17",
                "/akn/kw/act/2013/91/ara@2013-03-17"
            ]
        );
        assert!(s.versions.iter().all(Version::is_original));
    }

    #[test]
    fn an_enacted_ruling_makes_a_version_in_each_language() {
        let ws = load(".");
        let s = versions(&ws, Some("/akn/kw/act/2013/91"), None).unwrap();
        assert_eq!(
            ids(&s),
            [
                "/akn/kw/act/2013/91/eng@2013-03-17",
                "/akn/kw/act/2013/91/ara@2013-03-17",
                "/akn/kw/act/2013/91/eng@2019-04-09",
                "/akn/kw/act/2013/91/ara@2019-04-09",
            ]
        );
        let ruled = &s.versions[2];
        assert_eq!(ruled.original_id(), "/akn/kw/act/2013/91/eng@2013-03-17");
        assert_eq!(ruled.applied.len(), 1);
        let applied = &ruled.applied[0];
        assert_eq!(applied.amendment.id, "constitutional-court-appeal-7-2018");
        assert_eq!(
            applied.changes,
            [change(ChangeKind::Substitution, "art_13__para_2", None)]
        );
        // Pending drafts are never applied.
        assert!(s.versions.iter().all(|v| {
            v.applied
                .iter()
                .all(|a| a.amendment.in_force_from().is_some())
        }));
    }

    #[test]
    fn at_a_date_only_the_version_then_in_force() {
        let ws = load(".");
        let work = Some("/akn/kw/act/2013/91");
        let before_ruling = versions(&ws, work, "2019-04-08".parse().ok()).unwrap();
        assert_eq!(
            ids(&before_ruling),
            [
                "/akn/kw/act/2013/91/eng@2013-03-17",
                "/akn/kw/act/2013/91/ara@2013-03-17"
            ]
        );
        let after = versions(&ws, work, "2020-01-01".parse().ok()).unwrap();
        assert_eq!(
            ids(&after),
            [
                "/akn/kw/act/2013/91/eng@2019-04-09",
                "/akn/kw/act/2013/91/ara@2019-04-09"
            ]
        );
        let before_law = versions(&ws, work, "2013-03-16".parse().ok()).unwrap();
        assert!(before_law.versions.is_empty());
        assert_eq!(before_law.skipped.len(), 1);
        assert!(before_law.skipped[0].reason.contains("not in force"));
    }

    #[test]
    fn an_unknown_or_malformed_work_is_an_error() {
        let ws = load("book/src/examples/workspace");
        assert!(matches!(
            versions(&ws, Some("/akn/kw/act/1999/1"), None),
            Err(ExportError::UnknownWork(_))
        ));
        assert!(matches!(
            versions(&ws, Some("../etc"), None),
            Err(ExportError::InvalidWork(_))
        ));
    }
}
