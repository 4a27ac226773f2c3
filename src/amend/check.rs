//! Checking amendments against the corpus, for `Workspace::load`.
//!
//! Every enacted amendment must apply in its place in the work's history;
//! every pending one must apply to the latest version; two pending
//! amendments may not change the same article (a conflict drafters must
//! resolve). The articles each amendment leaves in force are returned, so
//! that its `mapping_changes` can be held to them.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use crate::corpus::{Lang, Work};
use crate::diag::{Code, Diagnostic, Diagnostics, Severity};

use super::apply::{ApplyOptions, Working, run};
use super::consolidate::{Version, VersionKind, history};
use super::operation::Action;
use super::{Amendment, AmendmentStatus, Operation};

/// What checking found besides diagnostics.
#[derive(Debug, Clone, Default)]
pub struct AmendmentCheck {
    /// For each amendment that applied: the eIds of the articles of its
    /// work in force once it applies (in any language).
    pub articles_after: HashMap<String, HashSet<String>>,
    /// With [`Keep::Proposed`]: that pending amendment's id and the text as
    /// it would read with it (what [`super::with_pending`] gives on the
    /// latest version), when it applied to every expression. `diff` takes
    /// it instead of applying the amendment a second time.
    pub proposed: Option<(String, Version)>,
}

/// What checking keeps besides diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep<'a> {
    /// The articles in force after each amendment (for mapping changes).
    ArticlesAfter,
    /// Only the dry run of this pending amendment, as its text would read
    /// (for `diff`).
    Proposed(&'a str),
    /// Nothing.
    Nothing,
}

/// Checks `amendments` against `works`. Amendments of works not in the
/// corpus are left to the caller (which reports the unknown work).
pub fn check(
    works: &[Work],
    amendments: &[Amendment],
    keep: Keep<'_>,
    diags: &mut Diagnostics,
) -> AmendmentCheck {
    let mut by_work: BTreeMap<&str, Vec<&Amendment>> = BTreeMap::new();
    for a in amendments {
        by_work.entry(a.amends.as_str()).or_default().push(a);
    }
    // Works are independent: check them in parallel, then merge in work
    // order so that the diagnostics come out the same on every run. (One
    // work, as `diff` loads, is checked on this thread.)
    let one = |(work_id, list): (&str, Vec<&Amendment>)| {
        let work = works.iter().find(|w| w.id.as_str() == work_id)?;
        let mut out = AmendmentCheck::default();
        let mut work_diags = Diagnostics::new();
        check_work(work, &list, keep, &mut out, &mut work_diags);
        Some((out, work_diags))
    };
    let per_work: Vec<(AmendmentCheck, Diagnostics)> = if by_work.len() <= 1 {
        by_work.into_iter().filter_map(one).collect()
    } else {
        by_work
            .into_iter()
            .collect::<Vec<_>>()
            .into_par_iter()
            .filter_map(one)
            .collect()
    };
    let mut out = AmendmentCheck::default();
    for (checked, d) in per_work {
        out.articles_after.extend(checked.articles_after);
        out.proposed = out.proposed.or(checked.proposed);
        diags.extend(d);
    }
    out
}

/// The amendments of one work: languages, the history of the enacted ones,
/// pending ones as dry runs on the latest version, and conflicts.
fn check_work(
    work: &Work,
    list: &[&Amendment],
    keep: Keep<'_>,
    out: &mut AmendmentCheck,
    diags: &mut Diagnostics,
) {
    for a in list {
        check_languages(work, a, diags);
    }
    // The history is only built when there is one to build; pending
    // amendments are then tried on its latest version, else on the text
    // as read, as dry runs that copy no article they do not change.
    let h = if list.iter().any(|a| a.in_force_from().is_some()) {
        match history(work, list.iter().copied()) {
            Ok(h) => Some(h),
            Err(d) => {
                diags.extend(d);
                return;
            }
        }
    } else {
        None
    };
    if let (Some(h), Keep::ArticlesAfter) = (&h, keep) {
        for a in list {
            if let Some((_, after)) = h.around(&a.id) {
                out.articles_after.insert(a.id.clone(), live(after));
            } else if h.incorporated.iter().any(|(id, _)| id == &a.id) {
                out.articles_after
                    .insert(a.id.clone(), live(&h.versions[0]));
            }
        }
    }
    for a in list.iter().filter(|a| a.in_force_from().is_none()) {
        let bases: Vec<Working<'_>> = match &h {
            Some(h) => h.latest().expressions.iter().map(Working::of).collect(),
            None => work.expressions.iter().map(Working::plain).collect(),
        };
        let earlier = h.as_ref().map(|h| &h.latest().amendments[..]);
        check_on_latest(work, earlier, bases, a, keep, out, diags);
    }
    check_conflicts(list, diags);
}

fn live(v: &super::Version) -> HashSet<String> {
    v.expressions
        .iter()
        .flat_map(|e| e.live_articles().map(str::to_owned))
        .collect()
}

/// An operation in a language the work has no text in cannot apply.
fn check_languages(work: &Work, a: &Amendment, diags: &mut Diagnostics) {
    for op in &a.operations {
        if op.action.is_structural() || work.expression(op.lang).is_some() {
            continue;
        }
        let name = Lang::EN.name_of(op.lang);
        let has: Vec<&str> = work.expressions.iter().map(|e| e.lang().code()).collect();
        diags.push(
            Diagnostic::error(
                Code::LanguageNotInCorpus,
                &a.path,
                Some(op.span.clone()),
                format!(
                    "this operation is written in {name}, but `{}` has no {name} text",
                    work.id
                ),
            )
            .with_help(format!(
                "write the operation in the language of a text the corpus holds ({})",
                has.join(", ")
            )),
        );
    }
}

/// A pending (or rejected, withdrawn) amendment applied to the latest
/// version. Failures are errors for pending amendments and warnings for
/// the others, whose text may simply have been overtaken by the law.
///
/// With [`Keep::Proposed`] naming `a`, the amended expressions are kept as
/// the version [`super::with_pending`] would give (`earlier`: the
/// amendments of the latest version, none when there is no history).
fn check_on_latest(
    work: &Work,
    earlier: Option<&[String]>,
    bases: Vec<Working<'_>>,
    a: &Amendment,
    keep: Keep<'_>,
    out: &mut AmendmentCheck,
    diags: &mut Diagnostics,
) {
    let mut articles = HashSet::new();
    let keep_text = keep == Keep::Proposed(a.id.as_str());
    let mut amended = Vec::new();
    let mut failed = Diagnostics::new();
    for base in bases {
        match run(base, a, None) {
            Ok(w) if keep_text => amended.push(w.into_consolidated(&ApplyOptions::default())),
            Ok(w) if keep == Keep::ArticlesAfter => {
                articles.extend(w.live_articles().map(str::to_owned));
            }
            Ok(_) => {}
            Err(d) => failed.extend(d),
        }
    }
    if !failed.has_errors() {
        if keep == Keep::ArticlesAfter {
            out.articles_after.insert(a.id.clone(), articles);
        }
        if keep_text && failed.is_empty() {
            let mut amendments = earlier.map_or_else(Vec::new, <[String]>::to_vec);
            amendments.push(a.id.clone());
            let version = Version {
                work: work.id.clone(),
                kind: VersionKind::Proposed,
                date: None,
                amendments,
                expressions: amended,
            };
            out.proposed = Some((a.id.clone(), version));
        }
        return;
    }
    for mut d in failed {
        if !a.is_pending() && d.severity == Severity::Error {
            d.severity = Severity::Warning;
            let status = match a.status {
                AmendmentStatus::Rejected => "rejected",
                _ => "withdrawn",
            };
            d.message = format!(
                "{} (the amendment is {status}, so this is only a warning)",
                d.message
            );
        }
        diags.push(d);
    }
}

/// The articles an operation changes, by eId, with the number as written:
/// the target of a replacement, repeal, substitution or paragraph change,
/// the new article of an insertion, both numbers of a renumbering.
fn touched(op: &Operation) -> Vec<(String, String)> {
    let t = |a: &super::ArticleTarget| (a.eid(), a.number.display.clone());
    match &op.action {
        Action::RenumberArticle { article, to } => vec![t(article), t(to)],
        other => vec![t(other.article())],
    }
}

/// The first article both amendments change (eId and number as `second`
/// writes it), when they amend the same work and are both pending: two
/// competing drafts, alternatives to compare that cannot both apply.
pub fn competing(first: &Amendment, second: &Amendment) -> Option<(String, String)> {
    if first.amends != second.amends || !first.is_pending() || !second.is_pending() {
        return None;
    }
    second.operations.iter().flat_map(touched).find(|(eid, _)| {
        first
            .operations
            .iter()
            .any(|o| touched(o).iter().any(|(e, _)| e == eid))
    })
}

/// Two pending amendments of one work that change the same article:
/// competing drafts, a warning (a committee compares alternatives; a
/// scenario may apply only one of them).
fn check_conflicts(list: &[&Amendment], diags: &mut Diagnostics) {
    let pending: Vec<&&Amendment> = list.iter().filter(|a| a.is_pending()).collect();
    for (i, first) in pending.iter().enumerate() {
        for second in &pending[i + 1..] {
            let mut reported: HashSet<String> = HashSet::new();
            for op2 in &second.operations {
                for (eid, num) in touched(op2) {
                    if reported.contains(&eid) {
                        continue;
                    }
                    let Some(op1) = first
                        .operations
                        .iter()
                        .find(|o| touched(o).iter().any(|(e, _)| *e == eid))
                    else {
                        continue;
                    };
                    reported.insert(eid);
                    diags.push(
                        Diagnostic::warning(Code::PendingConflict,
                            &second.path,
                            Some(op2.span.clone()),
                            format!(
                                "competing drafts: `{}` and `{}` are both pending and both change Article {num} \
                                 (`{}` at {}:{})",
                                second.id,
                                first.id,
                                first.id,
                                first.path.display(),
                                op1.line,
                            ),
                        )
                        .with_label(format!("`{}` also changes Article {num}", first.id))
                        .with_related(&first.path, op1.span.clone(), format!("changed by `{}` here", first.id))
                        .with_help(
                            "they are alternatives: each is checked alone against the current text, \
                             the site shows them side by side on each draft's page, \
                             and a scenario (`gaps --with`) takes one of them",
                        ),
                    );
                }
            }
        }
    }
}
