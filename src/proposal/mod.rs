//! Proposals: one or more pending amendments of a work gathered into what
//! a committee sends on, in one language. Three parts: the amending law
//! (one article per operation, in the gazette's formulas, which are the
//! language file's `law.*` messages), the comparative table (each changed
//! article's current and proposed text, with the reason: the drafts that
//! change it and the assessment entries they rely on it for), and the
//! explanatory memorandum (the drafts' notes, the provisions of the
//! standards they address, before and after, and the effect on each
//! instrument's score), whose structure is a template ([`memo`]).
//!
//! This stage computes; `output::proposal` words it and writes it as
//! Markdown, HTML or Word.

pub mod memo;

use crate::amend::diff::{ArticleDiff, DiffOptions, compare_versions};
use crate::amend::{Action, Amendment, Operation, competing, history, with_pending};
use crate::corpus::{Lang, Work};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::gaps::{self, Inputs, Outcome, Report};
use crate::standards::{Instrument, MappingEntry, Provision, Status};
use crate::workspace::Workspace;

pub use memo::{MemoPart, MemoTemplate};

/// A provision of a standard a draft addresses through its mapping
/// changes: where it stands now and where it would stand.
#[derive(Debug, Clone, Copy)]
pub struct Addressed<'a> {
    pub amendment: &'a Amendment,
    pub entry: &'a MappingEntry,
    pub instrument: &'a Instrument,
    pub provision: &'a Provision,
    pub before: Status,
    pub after: Status,
}

/// One changed article of the comparative table.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The article compared: the redline of its text (equal and deleted
    /// segments are the current text, equal and inserted ones the new).
    pub diff: ArticleDiff,
    /// The drafts whose operations change it.
    pub amendments: Vec<&'a Amendment>,
    /// Indexes into [`Proposal::addressed`] of the entries that cite it.
    pub addressed: Vec<usize>,
}

/// One instrument's score before and after the drafts.
#[derive(Debug, Clone, Copy)]
pub struct ScoreChange<'a> {
    pub instrument: &'a Instrument,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Its provisions the drafts would bring to `full`.
    pub closed: usize,
}

/// What the drafts do to the assessment, whatever the language: the
/// provisions they address and the scores they move.
#[derive(Debug, Clone, Default)]
pub struct Effect<'a> {
    pub addressed: Vec<Addressed<'a>>,
    pub scores: Vec<ScoreChange<'a>>,
}

/// A proposal in one language.
#[derive(Debug, Clone)]
pub struct Proposal<'a> {
    pub lang: Lang,
    pub work: &'a Work,
    /// The drafts, in the order named.
    pub amendments: Vec<&'a Amendment>,
    /// The articles of the amending law, each the operation it states.
    pub articles: Vec<&'a Operation>,
    pub rows: Vec<Row<'a>>,
    pub addressed: Vec<Addressed<'a>>,
    /// The instruments whose score the drafts change, in id order.
    pub scores: Vec<ScoreChange<'a>>,
    pub memo: MemoTemplate,
}

/// The operations of `amendment` a proposal in `lang` states: those
/// written in `lang`, and the structural ones (repeal, renumbering) written
/// in another language only, once.
pub fn operations_in(amendment: &Amendment, lang: Lang) -> Vec<&Operation> {
    let mut out: Vec<&Operation> = Vec::new();
    for op in &amendment.operations {
        let other_language_only = op.lang != lang
            && op.action.is_structural()
            && !amendment
                .operations
                .iter()
                .any(|o| o.lang == lang && o.action.same_as(&op.action))
            && !out.iter().any(|o| o.action.same_as(&op.action));
        if op.lang == lang || other_language_only {
            out.push(op);
        }
    }
    out
}

fn error(amendment: &Amendment, message: String, help: &str) -> Diagnostics {
    let d = Diagnostic::error(
        Code::ProposalInvalid,
        &amendment.path,
        Some(amendment.amends_span.clone()),
        message,
    )
    .with_help(help.to_owned());
    Diagnostics(vec![d])
}

/// Gathers `amendments` (in order) into a proposal in `lang`. Fails with
/// diagnostics naming the amendment file when a draft is not pending,
/// amends another work than the first, competes with another draft named,
/// has nothing written in `lang`, or does not apply.
pub fn propose<'a>(
    ws: &'a Workspace,
    amendments: &[&'a Amendment],
    lang: Lang,
    memo: MemoTemplate,
) -> Result<Proposal<'a>, Diagnostics> {
    let base = gaps::Base::new(&Inputs::of(ws), &[]);
    let after = base.outcome(&gaps::scenario::changes(amendments));
    let effect = effect(ws, amendments, &base.report, &after);
    propose_with(ws, amendments, lang, memo, effect)
}

/// [`propose`] with the effect on the assessment computed already (the
/// site computes it once per draft, for every language).
pub fn propose_with<'a>(
    ws: &'a Workspace,
    amendments: &[&'a Amendment],
    lang: Lang,
    memo: MemoTemplate,
    effect: Effect<'a>,
) -> Result<Proposal<'a>, Diagnostics> {
    let Some(first) = amendments.first() else {
        return Err(Diagnostics::new());
    };
    for (i, a) in amendments.iter().enumerate() {
        if !a.is_pending() {
            return Err(error(
                a,
                format!(
                    "`{}` is {}, not pending; a proposal is made of drafts",
                    a.id,
                    gaps::scenario::status_code(a.status)
                ),
                "name drafts, submitted, in-committee or approved amendments",
            ));
        }
        if a.amends != first.amends {
            return Err(error(
                a,
                format!(
                    "`{}` amends `{}`, but `{}` amends `{}`; one proposal amends one law",
                    a.id, a.amends, first.id, first.amends
                ),
                "make one proposal for each law",
            ));
        }
        for b in &amendments[..i] {
            if let Some((_, num)) = competing(b, a) {
                return Err(error(
                    a,
                    format!(
                        "`{}` and `{}` are competing drafts (both change Article {num}), so one proposal cannot hold both",
                        b.id, a.id
                    ),
                    "propose one of them, or each on its own, and compare the proposals",
                ));
            }
        }
        if operations_in(a, lang).is_empty() && !a.operations.is_empty() {
            return Err(error(
                a,
                format!("`{}` has no operation written in {}", a.id, lang.code()),
                "write each operation's heading and text in the proposal's language too",
            ));
        }
    }
    let work = ws.work(first.amends.as_str()).ok_or_else(|| {
        error(
            first,
            format!(
                "`{}` amends `{}`, which is not in the corpus",
                first.id, first.amends
            ),
            "add the statute files of the work to `corpus/`",
        )
    })?;
    if work.expression(lang).is_none() {
        return Err(error(
            first,
            format!("`{}` has no {} text to amend", work.id, lang.code()),
            "choose a language the statute is written in with --lang",
        ));
    }
    let h = history(work, &ws.amendments)?;
    let to = with_pending(h.latest(), amendments)?;
    let options = DiffOptions {
        lang: Some(lang),
        unchanged_text: false,
    };
    let diff = compare_versions(work.title(lang), h.latest(), &to, &options);
    let articles: Vec<&Operation> = amendments
        .iter()
        .flat_map(|a| operations_in(a, lang))
        .collect();
    let Effect { addressed, scores } = effect;
    let rows = diff
        .expressions
        .into_iter()
        .flat_map(|e| e.articles)
        .filter(ArticleDiff::is_change)
        .map(|d| row(d, amendments, &addressed, work))
        .collect();
    Ok(Proposal {
        lang,
        work,
        amendments: amendments.to_vec(),
        articles,
        rows,
        addressed,
        scores,
        memo,
    })
}

/// The eIds an operation touches: the article, and a renumbered one's new
/// number.
fn touched(action: &Action) -> Vec<String> {
    match action {
        Action::RenumberArticle { article, to } => vec![article.eid(), to.eid()],
        a => vec![a.article().eid()],
    }
}

fn row<'a>(
    diff: ArticleDiff,
    amendments: &[&'a Amendment],
    addressed: &[Addressed<'a>],
    work: &Work,
) -> Row<'a> {
    let eids: Vec<&str> = [&diff.old, &diff.new]
        .into_iter()
        .flatten()
        .map(|s| s.eid.as_str())
        .collect();
    let by: Vec<&'a Amendment> = amendments
        .iter()
        .copied()
        .filter(|a| {
            a.operations.iter().any(|o| {
                touched(&o.action)
                    .iter()
                    .any(|e| eids.contains(&e.as_str()))
            })
        })
        .collect();
    let cites: Vec<usize> = addressed
        .iter()
        .enumerate()
        .filter(|(_, x)| {
            by.iter().any(|a| std::ptr::eq(*a, x.amendment))
                && x.entry
                    .articles
                    .iter()
                    .any(|r| r.work == work.id && eids.contains(&r.eid.as_str()))
        })
        .map(|(i, _)| i)
        .collect();
    Row {
        diff,
        amendments: by,
        addressed: cites,
    }
}

/// What `amendments` do to the assessment: `before` is the assessment as
/// it stands, `after` with their mapping changes (both from
/// [`gaps::compute`] with the same inputs and no filter).
pub fn effect<'a>(
    ws: &'a Workspace,
    amendments: &[&'a Amendment],
    before: &Report<'a>,
    after: &Outcome<'a>,
) -> Effect<'a> {
    Effect {
        addressed: addressed(ws, amendments, before),
        scores: scores(before, after),
    }
}

/// The mapping changes of the drafts, each with its provision and status
/// before them.
fn addressed<'a>(
    ws: &'a Workspace,
    amendments: &[&'a Amendment],
    before: &Report<'a>,
) -> Vec<Addressed<'a>> {
    let mut out = Vec::new();
    for a in amendments {
        for entry in &a.mapping_changes {
            let Some(instrument) = ws.instrument(&entry.standard) else {
                continue;
            };
            let Some(provision) = instrument.provision(&entry.provision) else {
                continue;
            };
            let status = before
                .instruments
                .iter()
                .find(|i| i.instrument.id == instrument.id)
                .and_then(|i| i.provisions.iter().find(|p| p.provision.id == provision.id))
                .map_or(Status::Unassessed, |p| p.status);
            out.push(Addressed {
                amendment: a,
                entry,
                instrument,
                provision,
                before: status,
                after: entry.status,
            });
        }
    }
    out
}

/// Each instrument's score before and after, for the instruments whose
/// provisions the drafts change.
fn scores<'a>(before: &Report<'a>, after: &Outcome<'a>) -> Vec<ScoreChange<'a>> {
    let deltas = after.deltas(before);
    let mut out = Vec::new();
    for (i, (b, a)) in before.instruments.iter().zip(&after.scores).enumerate() {
        let mine: Vec<_> = deltas.iter().filter(|d| d.instrument == i).collect();
        if mine.is_empty() {
            continue;
        }
        out.push(ScoreChange {
            instrument: b.instrument,
            before: b.score.value(),
            after: a.value(),
            closed: mine
                .iter()
                .filter(|d| d.effect == gaps::scenario::Effect::Closes)
                .count(),
        });
    }
    out
}

/// The amendments named by id, or a diagnostic-free error naming the id
/// not found and the nearest one.
pub fn find<'a>(ws: &'a Workspace, ids: &[String]) -> Result<Vec<&'a Amendment>, String> {
    let mut out: Vec<&'a Amendment> = Vec::new();
    for id in ids {
        let a = ws.amendment(id).ok_or_else(|| {
            let mut m = format!("no amendment `{id}` in the workspace");
            if let Some(s) = crate::text::nearest(id, ws.amendments.iter().map(|a| a.id.as_str())) {
                m.push_str(&format!(
                    "; {}",
                    crate::text::did_you_mean(format_args!("`{s}`"))
                ));
            }
            m
        })?;
        if !out.iter().any(|x| x.id == a.id) {
            out.push(a);
        }
    }
    Ok(out)
}
