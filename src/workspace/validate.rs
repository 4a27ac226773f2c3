//! Checks across files: what no single reader can see.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::amend::{Keep, Version};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::hash::FastSet;
use crate::standards::{Instrument, MappingEntry, Status};
use crate::text::{did_you_mean, did_you_mean_nearest, nearest};

use super::Workspace;
use super::evidence::check_evidence;

/// Checks the files of `ws` against each other. Without `whole` (a scoped
/// load: one work and its amendments), an amendment's mapping changes are
/// not held to the standards and works, which were not read.
/// Returns the text as it would read with the pending amendment named by
/// `proposed` (a scoped load for `diff`), when checking it gave that.
pub(super) fn validate(
    ws: &Workspace,
    whole: bool,
    proposed: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<(String, Version)> {
    let articles = article_sets(ws);
    check_work_folders(ws, diags);
    check_alignment(ws, diags);
    check_instruments(ws, diags);
    let mut seen_mapping: HashMap<(&str, &str), &Arc<Path>> = HashMap::new();
    for m in &ws.mappings {
        let folder = m
            .path
            .parent()
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .and_then(|s| s.to_str())
            .unwrap_or("");
        if m.jurisdiction != folder {
            diags.push(
                Diagnostic::error(
                    Code::MappingInWrongFolder,
                    &m.path,
                    Some(m.jurisdiction_span.clone()),
                    format!(
                        "mapping is for jurisdiction `{}` but lies in `corpus/{folder}/`",
                        m.jurisdiction
                    ),
                )
                .with_help(format!("move it to `corpus/{}/mappings/`", m.jurisdiction)),
            );
        }
        if let Some(first) = seen_mapping.insert((&m.jurisdiction, &m.standard), &m.path) {
            diags.push(Diagnostic::error(
                Code::DuplicateMapping,
                &m.path,
                Some(m.standard_span.clone()),
                format!(
                    "a second mapping of `{}` for `{}`; the first is {}",
                    m.standard,
                    m.jurisdiction,
                    first.display()
                ),
            ));
        }
        let Some(instrument) = ws.instrument(&m.standard) else {
            diags.push(unknown_standard(
                ws,
                &m.path,
                m.standard_span.clone(),
                &m.standard,
            ));
            continue;
        };
        let mut seen: HashMap<(&str, Option<&str>), &Range<usize>> = HashMap::new();
        for entry in &m.entries {
            if let Some(first) = seen.insert(
                (entry.provision.as_str(), entry.element.as_deref()),
                &entry.span,
            ) {
                diags.push(
                    Diagnostic::error(
                        Code::AssessedTwice,
                        &entry.path,
                        Some(entry.span.clone()),
                        format!("`{}` is assessed twice in this mapping", target(entry)),
                    )
                    .with_related(
                        &entry.path,
                        first.clone(),
                        "first assessed here",
                    ),
                );
            }
            check_entry(ws, instrument, entry, &articles, None, diags);
            check_evidence(entry, true, diags);
        }
    }
    check_amendments(ws, &articles, whole, proposed, diags)
}

/// Article eIds of each work (in any language).
fn article_sets(ws: &Workspace) -> HashMap<&str, FastSet<&str>> {
    ws.works
        .iter()
        .map(|w| {
            let set = w
                .expressions
                .iter()
                .flat_map(|e| e.articles.iter().map(|a| a.eid.as_str()))
                .collect();
            (w.id.as_str(), set)
        })
        .collect()
}

fn target(entry: &MappingEntry) -> String {
    match &entry.element {
        Some(e) => format!("{}/{}#{e}", entry.standard, entry.provision),
        None => format!("{}/{}", entry.standard, entry.provision),
    }
}

fn unknown_standard(ws: &Workspace, path: &Arc<Path>, span: Range<usize>, id: &str) -> Diagnostic {
    let d = Diagnostic::error(
        Code::UnknownStandard,
        path,
        Some(span),
        format!("unknown standard `{id}`"),
    )
    .with_label("no `standards/` file has this id");
    match did_you_mean_nearest(id, ws.instruments.iter().map(|i| i.id.as_str())) {
        Some(help) => d.with_help(help),
        None => d,
    }
}

fn check_work_folders(ws: &Workspace, diags: &mut Diagnostics) {
    for w in &ws.works {
        for e in &w.expressions {
            let folder = e
                .path
                .parent()
                .and_then(Path::file_name)
                .and_then(|s| s.to_str())
                .unwrap_or("");
            if folder != w.id.country() {
                diags.push(Diagnostic::error(
                    Code::WorkInWrongFolder,
                    &e.path,
                    ws.field_span(&e.path, "work"),
                    format!(
                        "work `{}` belongs to jurisdiction `{}` but lies in `corpus/{folder}/`",
                        w.id,
                        w.id.country()
                    ),
                ));
            }
        }
    }
}

/// Expressions of one work in two languages should have the same articles.
fn check_alignment(ws: &Workspace, diags: &mut Diagnostics) {
    for w in &ws.works {
        for a in &w.expressions {
            for b in &w.expressions {
                if a.lang() == b.lang() {
                    continue;
                }
                let other: HashSet<&str> = b.articles.iter().map(|x| x.eid.as_str()).collect();
                for article in &a.articles {
                    if !other.contains(article.eid.as_str()) {
                        diags.push(
                            Diagnostic::warning(
                                Code::UnalignedArticle,
                                &a.path,
                                Some(article.span.clone()),
                                format!(
                                    "article `{}` has no counterpart in the {} expression ({})",
                                    article.eid,
                                    b.lang().code(),
                                    b.path.display()
                                ),
                            )
                            .with_help("expressions of one work are aligned by eId"),
                        );
                    }
                }
            }
        }
    }
}

fn check_instruments(ws: &Workspace, diags: &mut Diagnostics) {
    for pair in ws.instruments.windows(2) {
        if pair[0].id == pair[1].id {
            diags.push(Diagnostic::error(
                Code::DuplicateInstrument,
                &pair[1].path,
                None,
                format!(
                    "duplicate instrument `{}`; the first is {}",
                    pair[1].id,
                    pair[0].path.display()
                ),
            ));
        }
    }
    for i in &ws.instruments {
        if let Some(parent) = &i.parent
            && ws.instrument(parent).is_none()
        {
            diags.push(Diagnostic::warning(
                Code::UnknownParent,
                &i.path,
                ws.field_span(&i.path, "parent"),
                format!("parent instrument `{parent}` is not in `standards/`"),
            ));
        }
    }
}

/// The work an amendment changes, and the articles of it in force once the
/// amendment applies (`None` when it could not be applied: its errors are
/// reported elsewhere).
pub(super) struct Amended<'a> {
    pub work: &'a str,
    pub articles: Option<&'a HashSet<String>>,
}

/// Checks one mapping entry. For an amendment's `mapping_changes`,
/// `amended` says which articles of the amended work exist once it applies
/// (it may insert, renumber or repeal some).
pub(super) fn check_entry(
    ws: &Workspace,
    instrument: &Instrument,
    entry: &MappingEntry,
    articles: &HashMap<&str, FastSet<&str>>,
    amended: Option<&Amended<'_>>,
    diags: &mut Diagnostics,
) {
    check_provision_ref(instrument, entry, diags);
    if entry.status == Status::Unassessed {
        diags.push(
            Diagnostic::error(Code::UnassessedWritten,
                &entry.path,
                Some(entry.status_span.clone()),
                "`unassessed` is not a status to write: it is what a provision without an entry is",
            )
            .with_help("remove the entry, or give its status: full, partial, missing, conflict, not-applicable"),
        );
    }
    if entry.rationale.trim().is_empty() {
        diags.push(
            Diagnostic::error(
                Code::NoRationale,
                &entry.path,
                Some(entry.rationale_span.clone()),
                "the entry has no rationale",
            )
            .with_help("say why the status holds, naming the articles relied on"),
        );
    }
    check_articles(ws, entry, articles, amended, diags);
}

/// The entry's provision (and element) exist in its instrument.
fn check_provision_ref(instrument: &Instrument, entry: &MappingEntry, diags: &mut Diagnostics) {
    let path = &entry.path;
    match instrument.provision(&entry.provision) {
        None => {
            let mut d = Diagnostic::error(
                Code::UnknownProvision,
                path,
                Some(entry.span.clone()),
                format!(
                    "unknown provision `{}` in standard `{}`",
                    entry.provision, instrument.id
                ),
            );
            if let Some(help) = did_you_mean_nearest(
                &entry.provision,
                instrument.provisions.iter().map(|p| p.id.as_str()),
            ) {
                d = d.with_help(help);
            }
            diags.push(d);
        }
        Some(p) => {
            if let Some(element) = &entry.element
                && p.element(element).is_none()
            {
                let span = entry.element_span.clone().unwrap_or(entry.span.clone());
                let known: Vec<&str> = p.elements.iter().map(|e| e.id.as_str()).collect();
                let d = Diagnostic::error(
                    Code::UnknownElement,
                    path,
                    Some(span),
                    format!(
                        "provision `{}/{}` has no element `{element}`",
                        instrument.id, p.id
                    ),
                );
                diags.push(if known.is_empty() {
                    d.with_help("this provision defines no elements; assess it as a whole")
                } else {
                    d.with_help(format!("its elements are: {}", known.join(", ")))
                });
            }
        }
    }
}

/// The articles the entry cites exist (once the amendment applies, for an
/// amendment's `mapping_changes`).
fn check_articles(
    ws: &Workspace,
    entry: &MappingEntry,
    articles: &HashMap<&str, FastSet<&str>>,
    amended: Option<&Amended<'_>>,
    diags: &mut Diagnostics,
) {
    let path = &entry.path;
    for (article, span) in entry.articles.iter().zip(&entry.article_spans) {
        let work = article.work.as_str();
        let Some(eids) = articles.get(work) else {
            if ws.work_failed(work) {
                continue;
            }
            diags.push(
                Diagnostic::error(
                    Code::UnknownWork,
                    path,
                    Some(span.clone()),
                    format!("unknown work `{work}`"),
                )
                .with_help("no statute file in `corpus/` has this `work` id"),
            );
            continue;
        };
        if let Some(a) = amended.filter(|a| a.work == work) {
            let Some(after) = a.articles else {
                continue;
            };
            if after.contains(&article.eid) {
                continue;
            }
            let mut d = Diagnostic::error(
                Code::UnknownArticle,
                path,
                Some(span.clone()),
                format!("unknown article `{article}` once the amendment applies"),
            )
            .with_label(if eids.contains(article.eid.as_str()) {
                format!("the amendment repeals or renumbers `{}`", article.eid)
            } else {
                format!(
                    "neither `{work}` nor the amendment has an article `{}`",
                    article.eid
                )
            });
            if let Some(best) = nearest(&article.eid, after.iter().map(String::as_str)) {
                d = d.with_help(did_you_mean(format_args!(
                    "`{}`",
                    article.work.article(best)
                )));
            }
            diags.push(d);
            continue;
        }
        if eids.contains(article.eid.as_str()) {
            continue;
        }
        let mut d = Diagnostic::error(
            Code::UnknownArticle,
            path,
            Some(span.clone()),
            format!("unknown article `{article}`"),
        )
        .with_label(format!("`{work}` has no article `{}`", article.eid));
        if let Some(best) = nearest(&article.eid, eids.iter().copied()) {
            d = d.with_help(did_you_mean(format_args!(
                "`{}`",
                article.work.article(best)
            )));
        }
        diags.push(d);
    }
}

fn check_amendments(
    ws: &Workspace,
    articles: &HashMap<&str, FastSet<&str>>,
    whole: bool,
    proposed: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<(String, Version)> {
    for pair in ws.amendments.windows(2) {
        if pair[0].id == pair[1].id {
            diags.push(Diagnostic::error(
                Code::DuplicateAmendment,
                &pair[1].path,
                ws.field_span(&pair[1].path, "id"),
                format!(
                    "duplicate amendment id `{}`; the first is {}",
                    pair[1].id,
                    pair[0].path.display()
                ),
            ));
        }
    }
    // An amendment to a work one of whose files could not be read is not
    // checked: the work is incomplete, and every finding would only repeat
    // the error already reported for that file.
    let sound = |a: &&crate::amend::Amendment| !ws.work_failed(a.amends.as_str());
    // Only a whole load checks mapping changes against the articles each
    // amendment leaves in force.
    let keep = match (whole, proposed) {
        (true, _) => Keep::ArticlesAfter,
        (false, Some(id)) => Keep::Proposed(id),
        (false, None) => Keep::Nothing,
    };
    let checked = if ws.amendments.iter().all(|a| sound(&a)) {
        super::streamed::check_amendments(ws, &ws.amendments, keep, diags)
    } else {
        let kept: Vec<_> = ws.amendments.iter().filter(sound).cloned().collect();
        super::streamed::check_amendments(ws, &kept, keep, diags)
    };
    for a in ws.amendments.iter().filter(sound) {
        if ws.work(a.amends.as_str()).is_none() && !ws.work_failed(a.amends.as_str()) {
            diags.push(
                Diagnostic::error(
                    Code::AmendedWorkMissing,
                    &a.path,
                    Some(a.amends_span.clone()),
                    format!("the amended work `{}` is not in the corpus", a.amends),
                )
                .with_help("`amends` must be the `work` id of a statute file"),
            );
        }
        if !whole {
            continue;
        }
        let amended = Amended {
            work: a.amends.as_str(),
            articles: checked.articles_after.get(&a.id),
        };
        for entry in &a.mapping_changes {
            match ws.instrument(&entry.standard) {
                Some(instrument) => {
                    check_entry(ws, instrument, entry, articles, Some(&amended), diags);
                    check_evidence(entry, false, diags);
                }
                None => diags.push(unknown_standard(
                    ws,
                    &a.path,
                    entry.span.clone(),
                    &entry.standard,
                )),
            }
        }
    }
    checked.proposed
}
