//! Carrying out one amendment's operations on one expression of a work.
//!
//! An amendment is applied to a [`ConsolidatedExpression`] (an expression
//! with the bookkeeping consolidation needs: which articles are repealed,
//! which amendments changed each article, and an identity for each article
//! that survives renumbering) and yields a new one; the input is never
//! changed. Every problem is a diagnostic pointing into the amendment file.
//!
//! Within one amendment, article numbers are read in order (an article
//! inserted by one operation can anchor the next), while paragraph numbers
//! and words refer to the article as it stood before the amendment. Two
//! operations that touch the same text are an error, so the result never
//! depends on the order of the operations.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::corpus::{Article, Expression, Lang, Paragraph};
use crate::date::Date;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::text::{did_you_mean, nearest};

use super::consolidated::{ConsolidatedExpression, Provenance, Stale};
use super::matching::Unit;
use super::numbering::{display_number, reassign_eids};
use super::operation::{Action, ArticleTarget, Occurrence, ParagraphNumber, Quoted};
use super::overlap::{Footprint, Region, overlaps};
use super::{Amendment, Operation};

mod edits;

/// How to apply an amendment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApplyOptions {
    /// The version date the result carries (the amendment's `in_force`);
    /// `None` keeps the input's.
    pub version_date: Option<Date>,
}

/// A change to the text inside one article, resolved against the article as
/// it stood before the amendment.
enum Edit {
    Words {
        unit: Unit,
        range: Range<usize>,
        with: String,
    },
    ReplaceParagraph(usize, Vec<Paragraph>),
    InsertAfterParagraph(usize, Vec<Paragraph>),
    RepealParagraph(usize),
}

/// The text being amended: the base expression's articles, shared, each
/// copied only when an operation changes it (the result shares every
/// article it leaves unchanged with the base), and the consolidation
/// bookkeeping.
pub(super) struct Working<'b> {
    base: &'b Expression,
    articles: Vec<Arc<Article>>,
    lineage: Vec<u32>,
    next_lineage: u32,
    repealed: BTreeMap<String, Provenance>,
    changed_by: BTreeMap<u32, Vec<Provenance>>,
    stale: Vec<Stale>,
}

impl<'b> Working<'b> {
    /// A consolidated expression, to amend further.
    pub(super) fn of(c: &'b ConsolidatedExpression) -> Working<'b> {
        Working {
            base: &c.expression,
            articles: c.expression.articles.clone(),
            lineage: c.lineage.clone(),
            next_lineage: c.next_lineage,
            repealed: c.repealed.clone(),
            changed_by: c.changed_by.clone(),
            stale: c.stale.clone(),
        }
    }

    /// An expression as read, with no amendment applied yet.
    pub(super) fn plain(e: &'b Expression) -> Working<'b> {
        let n = e.articles.len() as u32;
        Working {
            base: e,
            articles: e.articles.clone(),
            lineage: (0..n).collect(),
            next_lineage: n,
            repealed: BTreeMap::new(),
            changed_by: BTreeMap::new(),
            stale: Vec::new(),
        }
    }

    fn lang(&self) -> Lang {
        self.base.lang()
    }

    fn article(&self, eid: &str) -> Option<&Article> {
        self.articles.iter().map(|a| &**a).find(|a| a.eid == eid)
    }

    fn is_repealed(&self, eid: &str) -> bool {
        self.repealed.contains_key(eid)
    }

    /// The eIds of the articles in force once the amendment applies.
    pub(super) fn live_articles(&self) -> impl Iterator<Item = &str> {
        self.articles
            .iter()
            .map(|a| a.eid.as_str())
            .filter(|e| !self.repealed.contains_key(*e))
    }

    pub(super) fn into_consolidated(self, options: &ApplyOptions) -> ConsolidatedExpression {
        let mut expression = Expression {
            path: self.base.path.clone(),
            meta: self.base.meta.clone(),
            preamble: self.base.preamble.clone(),
            containers: self.base.containers.clone(),
            articles: self.articles,
        };
        if let Some(date) = options.version_date {
            expression.meta.version_date = Some(date);
        }
        ConsolidatedExpression {
            expression,
            lineage: self.lineage,
            next_lineage: self.next_lineage,
            repealed: self.repealed,
            changed_by: self.changed_by,
            stale: self.stale,
        }
    }
}

struct Applier<'a, 'b> {
    amendment: &'a Amendment,
    ops: Vec<&'a Operation>,
    work: Working<'b>,
    provenance: Provenance,
    footprints: Vec<Footprint>,
    edits: BTreeMap<u32, Vec<Edit>>,
    diags: Diagnostics,
}

/// Applies `amendment` to `base`, giving the amended text. Operations
/// written in `base`'s language apply; repeals and renumberings written in
/// the other language apply too (they need no words). Other operations in
/// the other language are recorded as [`Stale`].
pub fn apply(
    base: &ConsolidatedExpression,
    amendment: &Amendment,
    options: &ApplyOptions,
) -> Result<ConsolidatedExpression, Diagnostics> {
    let work = run(Working::of(base), amendment, options.version_date)?;
    Ok(work.into_consolidated(options))
}

/// Carries out `amendment` on `work` (in place, cloning only the articles
/// it changes). Used alone, it checks an amendment without building the
/// amended expression.
pub(super) fn run<'b>(
    mut work: Working<'b>,
    amendment: &Amendment,
    in_force: Option<Date>,
) -> Result<Working<'b>, Diagnostics> {
    let lang = work.lang();
    let own = |o: &Operation| o.lang == lang;
    let mut ops = Vec::new();
    let mut stale = Vec::new();
    for op in &amendment.operations {
        if own(op) {
            ops.push(op);
        } else if op.action.is_structural() {
            let twin = amendment
                .operations
                .iter()
                .any(|o| own(o) && o.action.same_as(&op.action));
            if !twin {
                ops.push(op);
            }
        } else {
            let eid = op.action.article().eid();
            let covered = amendment
                .operations
                .iter()
                .any(|o| own(o) && o.action.article().eid() == eid);
            if !covered {
                stale.push(Stale {
                    eid,
                    amendment: amendment.id.clone(),
                    written_in: op.lang,
                    change: op.action.describe(),
                });
            }
        }
    }
    work.stale.extend(stale);
    let mut a = Applier {
        amendment,
        ops,
        work,
        provenance: Provenance {
            amendment: amendment.id.clone(),
            in_force,
        },
        footprints: Vec::new(),
        edits: BTreeMap::new(),
        diags: Diagnostics::new(),
    };
    for i in 0..a.ops.len() {
        a.operation(i);
    }
    a.finish_edits();
    if a.diags.has_errors() {
        return Err(a.diags);
    }
    Ok(a.work)
}

impl Applier<'_, '_> {
    fn path(&self) -> &Arc<Path> {
        &self.amendment.path
    }

    fn lang(&self) -> Lang {
        self.work.lang()
    }

    fn error(&mut self, code: Code, span: Range<usize>, message: String, help: Option<String>) {
        let mut d = Diagnostic::error(code, &self.amendment.path, Some(span), message);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    fn index_of(&self, eid: &str) -> Option<usize> {
        self.work.articles.iter().position(|a| a.eid == eid)
    }

    /// Finds the article an operation names, or reports that it is missing
    /// (or repealed, unless `repealed_ok`).
    fn target(&mut self, op: usize, t: &ArticleTarget, repealed_ok: bool) -> Option<usize> {
        let eid = t.eid();
        let lang = self.lang();
        let foreign = self.ops[op].lang != lang;
        match self.index_of(&eid) {
            Some(i) if repealed_ok || !self.work.repealed.contains_key(&eid) => Some(i),
            Some(_) => {
                let by = self.work.repealed[&eid].clone();
                self.error(
                    Code::RepealedArticle,
                    t.span.clone(),
                    format!(
                        "Article {} was repealed by `{}`{}",
                        t.number.display,
                        by.amendment,
                        by.in_force
                            .map(|d| format!(" (in force {d})"))
                            .unwrap_or_default()
                    ),
                    Some("a repealed article can only be replaced (which re-enacts it)".into()),
                );
                None
            }
            None if foreign => {
                // A repeal or renumbering written in the other language,
                // aimed at an article this expression lacks: noted, not an
                // error (the alignment check reports the missing article).
                let change = self.ops[op].action.describe();
                self.work.stale.push(Stale {
                    eid,
                    amendment: self.amendment.id.clone(),
                    written_in: self.ops[op].lang,
                    change,
                });
                None
            }
            None => {
                // Suggest a near number only when it has the same digits
                // (`12 ter` for `12 quater`): `9` is not a typo for `1`.
                let digits = |e: &str| -> String {
                    e.trim_start_matches("art_")
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect()
                };
                let same_digits: Vec<&str> = self
                    .work
                    .articles
                    .iter()
                    .map(|a| a.eid.as_str())
                    .filter(|e| digits(e) == digits(&eid))
                    .collect();
                let help = nearest(&eid, same_digits.iter().copied())
                    .or_else(|| same_digits.first().copied())
                    .and_then(|best| self.work.article(best))
                    .map(|a| did_you_mean(format_args!("Article {}", a.num)))
                    .or_else(|| {
                        let arts = &self.work.articles;
                        match (arts.first(), arts.last()) {
                            (Some(f), Some(l)) => Some(format!(
                                "the {} text has Articles {} to {}",
                                lang.code(),
                                f.num,
                                l.num
                            )),
                            _ => None,
                        }
                    });
                self.error(
                    Code::MissingArticle,
                    t.span.clone(),
                    format!(
                        "there is no Article {} in `{}` ({} text)",
                        t.number.display,
                        self.work.base.meta.work,
                        lang.code()
                    ),
                    help,
                );
                None
            }
        }
    }

    /// Records what an operation touches; reports an overlap with an earlier
    /// operation of the amendment.
    fn touch(&mut self, op: usize, lineage: u32, region: Region, what: String) -> bool {
        let clash = self
            .footprints
            .iter()
            .find(|f| f.lineage == lineage && overlaps(&f.region, &region))
            .map(|f| f.op);
        if let Some(first) = clash {
            let other = self.ops[first];
            let here = self.ops[op];
            let d = Diagnostic::error(
                Code::OverlappingOperations,
                self.path(),
                Some(here.span.clone()),
                format!(
                    "this {} overlaps the {} at line {}: both change {what}",
                    here.action.name(),
                    other.action.name(),
                    other.line
                ),
            )
            .with_label("overlapping operation")
            .with_related(self.path(), other.span.clone(), "the other operation")
            .with_help(
                "merge the two operations, or make each change a different part of the text",
            );
            self.diags.push(d);
            return false;
        }
        self.footprints.push(Footprint {
            lineage,
            region,
            op,
        });
        true
    }

    fn record_change(&mut self, lineage: u32) {
        let p = self.provenance.clone();
        let list = self.work.changed_by.entry(lineage).or_default();
        if list.last() != Some(&p) {
            list.push(p);
        }
    }

    fn operation(&mut self, op: usize) {
        let operation = self.ops[op];
        let article_name = format!("Article {}", operation.action.article().number.display);
        match &operation.action {
            Action::ReplaceArticle { article } => {
                self.replace_article(op, operation, article, article_name)
            }
            Action::InsertArticle { article, after } => {
                self.insert_article(op, operation, article, after)
            }
            Action::RepealArticle { article } => {
                self.repeal_article(op, operation, article, article_name)
            }
            Action::RenumberArticle { article, to } => {
                self.renumber_article(op, operation, article, to, article_name)
            }
            Action::Substitute {
                article,
                find,
                with,
                occurrence,
            } => self.substitute_words(op, article, find, with, occurrence, article_name),
            Action::ReplaceParagraph { article, paragraph }
            | Action::RepealParagraph { article, paragraph } => {
                self.replace_paragraph(op, operation, article, paragraph, article_name)
            }
            Action::InsertParagraph { article, after } => {
                self.insert_paragraph(op, operation, article, after, article_name)
            }
        }
    }

    /// Replaces an article's text (and title, if given) in place.
    fn replace_article(
        &mut self,
        op: usize,
        operation: &Operation,
        article: &ArticleTarget,
        article_name: String,
    ) {
        let Some(i) = self.target(op, article, true) else {
            return;
        };
        let lineage = self.work.lineage[i];
        if !self.touch(op, lineage, Region::Whole, article_name) {
            return;
        }
        let Some(text) = &operation.text else { return };
        let old = &self.work.articles[i];
        let mut new = Article {
            eid: old.eid.clone(),
            num: old.num.clone(),
            heading: text.title.clone().or_else(|| old.heading.clone()),
            container: old.container,
            paragraphs: text.paragraphs.clone(),
            span: operation.span.clone(),
        };
        reassign_eids(&mut new);
        self.work.repealed.remove(&new.eid);
        self.work.articles[i] = Arc::new(new);
        self.record_change(lineage);
    }

    /// Inserts a new article after another, unless its number is taken.
    fn insert_article(
        &mut self,
        op: usize,
        operation: &Operation,
        article: &ArticleTarget,
        after: &ArticleTarget,
    ) {
        let Some(anchor) = self.target(op, after, true) else {
            return;
        };
        let eid = article.eid();
        if self.index_of(&eid).is_some() {
            let repealed = self.work.is_repealed(&eid);
            self.error(
                Code::ArticleExists,
                article.span.clone(),
                format!(
                    "Article {} already exists{}",
                    article.number.display,
                    if repealed { " (repealed)" } else { "" }
                ),
                Some(if repealed {
                    format!(
                        "to re-enact it, use `Replace Article {}`",
                        article.number.display
                    )
                } else {
                    "give the new article a number of its own, for example with `bis`".into()
                }),
            );
            return;
        }
        let anchor_lineage = self.work.lineage[anchor];
        let new_lineage = self.work.next_lineage;
        if !self.touch(
            op,
            anchor_lineage,
            Region::After,
            format!("the place after Article {}", after.number.display),
        ) {
            return;
        }
        self.work.next_lineage += 1;
        self.footprints.push(Footprint {
            lineage: new_lineage,
            region: Region::Whole,
            op,
        });
        let Some(text) = &operation.text else { return };
        let anchor_article = &self.work.articles[anchor];
        let num = display_number(
            &article.number,
            operation.lang,
            self.lang(),
            &anchor_article.num,
        );
        let mut new = Article {
            eid,
            num,
            heading: text.title.clone(),
            container: anchor_article.container,
            paragraphs: text.paragraphs.clone(),
            span: operation.span.clone(),
        };
        reassign_eids(&mut new);
        self.work.articles.insert(anchor + 1, Arc::new(new));
        self.work.lineage.insert(anchor + 1, new_lineage);
        self.record_change(new_lineage);
    }

    /// Repeals an article, which stays in place as a marker.
    fn repeal_article(
        &mut self,
        op: usize,
        operation: &Operation,
        article: &ArticleTarget,
        article_name: String,
    ) {
        let Some(i) = self.target(op, article, false) else {
            return;
        };
        let lineage = self.work.lineage[i];
        if !self.touch(op, lineage, Region::Whole, article_name) {
            return;
        }
        let a = Arc::make_mut(&mut self.work.articles[i]);
        a.heading = None;
        a.paragraphs.clear();
        a.span = operation.span.clone();
        let eid = a.eid.clone();
        self.work.repealed.insert(eid, self.provenance.clone());
        self.record_change(lineage);
    }

    /// Gives an article a new number, unless another article has it.
    fn renumber_article(
        &mut self,
        op: usize,
        operation: &Operation,
        article: &ArticleTarget,
        to: &ArticleTarget,
        article_name: String,
    ) {
        let Some(i) = self.target(op, article, false) else {
            return;
        };
        let new_eid = to.eid();
        if let Some(j) = self.index_of(&new_eid) {
            let num = self.work.articles[j].num.clone();
            self.error(
                Code::ArticleExists,
                to.span.clone(),
                format!("Article {num} already exists"),
                Some("renumber that article first, or choose a free number".into()),
            );
            return;
        }
        let lineage = self.work.lineage[i];
        if !self.touch(op, lineage, Region::Whole, article_name) {
            return;
        }
        let lang = self.lang();
        let a = Arc::make_mut(&mut self.work.articles[i]);
        a.num = display_number(&to.number, operation.lang, lang, &a.num);
        a.eid = new_eid;
        reassign_eids(a);
        self.record_change(lineage);
    }

    /// Substitutes words inside an article (the occurrences asked for).
    fn substitute_words(
        &mut self,
        op: usize,
        article: &ArticleTarget,
        find: &Quoted,
        with: &Quoted,
        occurrence: &Occurrence,
        article_name: String,
    ) {
        let Some(i) = self.target(op, article, false) else {
            return;
        };
        let lineage = self.work.lineage[i];
        let Some(found) = self.resolve_words(op, i, article, find, occurrence) else {
            return;
        };
        let mut ok = true;
        for (unit, range) in &found {
            ok &= self.touch(
                op,
                lineage,
                Region::Words {
                    unit: unit.clone(),
                    range: range.clone(),
                },
                format!("the words “{}” in {article_name}", find.text),
            );
        }
        if !ok {
            return;
        }
        let edits = self.edits.entry(lineage).or_default();
        for (unit, range) in found {
            edits.push(Edit::Words {
                unit,
                range,
                with: with.text.clone(),
            });
        }
        self.record_change(lineage);
    }

    /// Replaces a paragraph with new text, or repeals it (no text).
    fn replace_paragraph(
        &mut self,
        op: usize,
        operation: &Operation,
        article: &ArticleTarget,
        paragraph: &ParagraphNumber,
        article_name: String,
    ) {
        let Some(i) = self.target(op, article, false) else {
            return;
        };
        let lineage = self.work.lineage[i];
        if !self.check_paragraph(i, article, paragraph.num, &paragraph.span) {
            return;
        }
        let what = format!("{article_name} paragraph {}", paragraph.num);
        if !self.touch(op, lineage, Region::Paragraph(paragraph.num), what) {
            return;
        }
        let edit = match &operation.text {
            Some(text) => Edit::ReplaceParagraph(paragraph.num, text.paragraphs.clone()),
            None => Edit::RepealParagraph(paragraph.num),
        };
        self.edits.entry(lineage).or_default().push(edit);
        self.record_change(lineage);
    }

    /// Inserts paragraphs after a paragraph of an article.
    fn insert_paragraph(
        &mut self,
        op: usize,
        operation: &Operation,
        article: &ArticleTarget,
        after: &ParagraphNumber,
        article_name: String,
    ) {
        let Some(i) = self.target(op, article, false) else {
            return;
        };
        let lineage = self.work.lineage[i];
        if !self.check_paragraph(i, article, after.num, &after.span) {
            return;
        }
        let what = format!("the place after {article_name} paragraph {}", after.num);
        if !self.touch(op, lineage, Region::AfterParagraph(after.num), what) {
            return;
        }
        if let Some(text) = &operation.text {
            self.edits
                .entry(lineage)
                .or_default()
                .push(Edit::InsertAfterParagraph(
                    after.num,
                    text.paragraphs.clone(),
                ));
        }
        self.record_change(lineage);
    }

    fn check_paragraph(
        &mut self,
        i: usize,
        t: &ArticleTarget,
        num: usize,
        span: &Range<usize>,
    ) -> bool {
        let count = self.work.articles[i].paragraphs.len();
        if num <= count {
            return true;
        }
        self.error(
            Code::MissingParagraph,
            span.clone(),
            format!(
                "Article {} has {count} paragraph{}; there is no paragraph {num}",
                t.number.display,
                if count == 1 { "" } else { "s" }
            ),
            Some(
                "paragraphs are numbered from 1 in the order written; `mizan show` lists them"
                    .into(),
            ),
        );
        false
    }
}
