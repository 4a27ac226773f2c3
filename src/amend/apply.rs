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

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::corpus::{Article, Expression, Lang, Paragraph, Point};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ids::ArticleNumber;
use crate::text::{arabic_indic_digits, collapse_whitespace, edit_distance, nearest};

use super::grammar::{Action, ArticleTarget, Occurrence, Quoted};
use super::{Amendment, Operation};

/// Which amendment made a change, and from when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub amendment: String,
    /// The date the change took effect; `None` for a pending amendment.
    pub in_force: Option<Date>,
}

/// A change an amendment makes in another language only, which this
/// expression therefore does not show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stale {
    /// The article concerned (for an insertion, the new article).
    pub eid: String,
    pub amendment: String,
    /// The language the operation is written in.
    pub written_in: Lang,
    /// What the operation does: `substitutes words in Article 13`.
    pub change: String,
}

/// An expression as amended, with what consolidation needs to know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsolidatedExpression {
    /// The text. A repealed article stays in place with no title and no
    /// paragraphs, as a marker (see [`ConsolidatedExpression::repealed`]).
    pub expression: Expression,
    /// For each article (parallel to `expression.articles`), an identity
    /// that stays with it through renumbering and replacement, so that two
    /// versions can be aligned exactly.
    pub lineage: Vec<u32>,
    next_lineage: u32,
    /// Repealed articles by eId, and what repealed them.
    pub repealed: BTreeMap<String, Provenance>,
    /// The amendments that changed each article, by lineage, oldest first.
    pub changed_by: BTreeMap<u32, Vec<Provenance>>,
    /// Changes written in another language that this text does not show.
    pub stale: Vec<Stale>,
}

impl ConsolidatedExpression {
    /// An expression as read, before any amendment.
    pub fn new(expression: Expression) -> ConsolidatedExpression {
        let n = expression.articles.len() as u32;
        ConsolidatedExpression {
            expression,
            lineage: (0..n).collect(),
            next_lineage: n,
            repealed: BTreeMap::new(),
            changed_by: BTreeMap::new(),
            stale: Vec::new(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.expression.lang()
    }

    pub fn article(&self, eid: &str) -> Option<&Article> {
        self.expression.article(eid)
    }

    pub fn is_repealed(&self, eid: &str) -> bool {
        self.repealed.contains_key(eid)
    }

    /// The amendments that changed an article, oldest first.
    pub fn changes_of(&self, eid: &str) -> &[Provenance] {
        self.expression
            .articles
            .iter()
            .position(|a| a.eid == eid)
            .and_then(|i| self.changed_by.get(&self.lineage[i]))
            .map_or(&[], Vec::as_slice)
    }

    /// Changes to an article made in another language only.
    pub fn stale_for<'a>(&'a self, eid: &'a str) -> impl Iterator<Item = &'a Stale> + 'a {
        self.stale.iter().filter(move |s| s.eid == eid)
    }

    /// The eIds of the articles in force (not repealed).
    pub fn live_articles(&self) -> impl Iterator<Item = &str> {
        self.expression
            .articles
            .iter()
            .map(|a| a.eid.as_str())
            .filter(|e| !self.repealed.contains_key(*e))
    }
}

/// How to apply an amendment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApplyOptions {
    /// The version date the result carries (the amendment's `in_force`);
    /// `None` keeps the input's.
    pub version_date: Option<Date>,
}

/// What an operation touches, for finding operations that overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Region {
    /// The whole article (replaced, repealed, renumbered, or inserted).
    Whole,
    /// The place after the article, where an article is inserted.
    After,
    Paragraph(usize),
    AfterParagraph(usize),
    Words {
        unit: Unit,
        range: Range<usize>,
    },
}

/// A piece of article text a substitution works in: a paragraph's own text
/// (`points` empty) or a point, by position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Unit {
    paragraph: usize,
    points: Vec<usize>,
}

struct Footprint {
    lineage: u32,
    region: Region,
    op: usize,
}

fn overlaps(a: &Region, b: &Region) -> bool {
    use Region::*;
    match (a, b) {
        (Whole, After) | (After, Whole) => false,
        (Whole, _) | (_, Whole) => true,
        (After, After) => true,
        (Paragraph(x), Paragraph(y)) | (AfterParagraph(x), AfterParagraph(y)) => x == y,
        (Paragraph(p), Words { unit, .. }) | (Words { unit, .. }, Paragraph(p)) => {
            unit.paragraph == *p
        }
        (Words { unit: u, range: r }, Words { unit: v, range: s }) => {
            u == v && r.start < s.end && s.start < r.end
        }
        _ => false,
    }
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

struct Applier<'a> {
    amendment: &'a Amendment,
    ops: Vec<&'a Operation>,
    work: ConsolidatedExpression,
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
    let lang = base.lang();
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
    let mut a = Applier {
        amendment,
        ops,
        work: base.clone(),
        provenance: Provenance {
            amendment: amendment.id.clone(),
            in_force: options.version_date,
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
    let mut work = a.work;
    work.stale.extend(stale);
    if let Some(date) = options.version_date {
        work.expression.meta.version_date = Some(date);
    }
    Ok(work)
}

impl Applier<'_> {
    fn path(&self) -> &Arc<Path> {
        &self.amendment.path
    }

    fn lang(&self) -> Lang {
        self.work.lang()
    }

    fn error(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        let mut d = Diagnostic::error(&self.amendment.path, Some(span), message);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    fn index_of(&self, eid: &str) -> Option<usize> {
        self.work
            .expression
            .articles
            .iter()
            .position(|a| a.eid == eid)
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
                    .expression
                    .articles
                    .iter()
                    .map(|a| a.eid.as_str())
                    .filter(|e| digits(e) == digits(&eid))
                    .collect();
                let help = nearest(&eid, same_digits.iter().copied())
                    .or_else(|| same_digits.first().copied())
                    .and_then(|best| self.work.article(best))
                    .map(|a| format!("did you mean Article {}?", a.num))
                    .or_else(|| {
                        let arts = &self.work.expression.articles;
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
                    t.span.clone(),
                    format!(
                        "there is no Article {} in `{}` ({} text)",
                        t.number.display,
                        self.work.expression.meta.work,
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
                let Some(i) = self.target(op, article, true) else {
                    return;
                };
                let lineage = self.work.lineage[i];
                if !self.touch(op, lineage, Region::Whole, article_name) {
                    return;
                }
                let Some(text) = &operation.text else { return };
                let old = &self.work.expression.articles[i];
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
                self.work.expression.articles[i] = new;
                self.record_change(lineage);
            }
            Action::InsertArticle { article, after } => {
                let Some(anchor) = self.target(op, after, true) else {
                    return;
                };
                let eid = article.eid();
                if self.index_of(&eid).is_some() {
                    let repealed = self.work.is_repealed(&eid);
                    self.error(
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
                            "give the new article a number of its own, for example with `bis`"
                                .into()
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
                let anchor_article = &self.work.expression.articles[anchor];
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
                self.work.expression.articles.insert(anchor + 1, new);
                self.work.lineage.insert(anchor + 1, new_lineage);
                self.record_change(new_lineage);
            }
            Action::RepealArticle { article } => {
                let Some(i) = self.target(op, article, false) else {
                    return;
                };
                let lineage = self.work.lineage[i];
                if !self.touch(op, lineage, Region::Whole, article_name) {
                    return;
                }
                let a = &mut self.work.expression.articles[i];
                a.heading = None;
                a.paragraphs.clear();
                a.span = operation.span.clone();
                let eid = a.eid.clone();
                self.work.repealed.insert(eid, self.provenance.clone());
                self.record_change(lineage);
            }
            Action::RenumberArticle { article, to } => {
                let Some(i) = self.target(op, article, false) else {
                    return;
                };
                let new_eid = to.eid();
                if let Some(j) = self.index_of(&new_eid) {
                    let num = self.work.expression.articles[j].num.clone();
                    self.error(
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
                let a = &mut self.work.expression.articles[i];
                a.num = display_number(&to.number, operation.lang, lang, &a.num);
                a.eid = new_eid;
                reassign_eids(a);
                self.record_change(lineage);
            }
            Action::Substitute {
                article,
                find,
                with,
                occurrence,
            } => {
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
            Action::ReplaceParagraph { article, paragraph }
            | Action::RepealParagraph { article, paragraph } => {
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
            Action::InsertParagraph { article, after } => {
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
        }
    }

    fn check_paragraph(
        &mut self,
        i: usize,
        t: &ArticleTarget,
        num: usize,
        span: &Range<usize>,
    ) -> bool {
        let count = self.work.expression.articles[i].paragraphs.len();
        if num <= count {
            return true;
        }
        self.error(
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

    /// Finds the occurrences of `find` that a substitution replaces.
    fn resolve_words(
        &mut self,
        op: usize,
        i: usize,
        t: &ArticleTarget,
        find: &Quoted,
        occurrence: &Occurrence,
    ) -> Option<Vec<(Unit, Range<usize>)>> {
        let lang = self.ops[op].lang;
        let code = self.lang().code();
        let name = format!("Article {}", t.number.display);
        let article = &self.work.expression.articles[i];
        let units = units(article);
        let mut found = Vec::new();
        for (unit, text) in &units {
            for r in find_words(text, &find.text) {
                found.push((unit.clone(), r));
            }
        }
        let problem = match occurrence {
            _ if found.is_empty() => {
                let help = closest_words(&units, &find.text)
                    .map(|w| format!("the closest words in {name} are “{w}”"))
                    .unwrap_or_else(|| format!("{name} has no text"));
                Some((
                    find.span.clone(),
                    format!("the words “{}” are not in {name} ({code} text)", find.text),
                    Some(help),
                ))
            }
            Occurrence::Only if found.len() > 1 => {
                let (one, all) = match lang {
                    Lang::En => ("(occurrence 1)", "(all)"),
                    Lang::Ar => ("(المرة 1)", "(الكل)"),
                };
                Some((
                    find.span.clone(),
                    format!(
                        "the words “{}” occur {} times in {name}",
                        find.text,
                        found.len()
                    ),
                    Some(format!(
                        "say which: add `{one}` (up to {}) or `{all}` at the end of the heading",
                        found.len()
                    )),
                ))
            }
            Occurrence::Nth { n, span } if *n > found.len() => Some((
                span.clone(),
                format!(
                    "there is no occurrence {n}: the words “{}” occur {} time{} in {name}",
                    find.text,
                    found.len(),
                    if found.len() == 1 { "" } else { "s" }
                ),
                None,
            )),
            _ => None,
        };
        if let Some((span, message, help)) = problem {
            self.error(span, message, help);
            return None;
        }
        match occurrence {
            Occurrence::Nth { n, .. } => Some(vec![found.swap_remove(n - 1)]),
            Occurrence::Only | Occurrence::All => Some(found),
        }
    }

    /// Applies the queued edits inside articles, each against the article
    /// as it stood before the amendment.
    fn finish_edits(&mut self) {
        let edits = std::mem::take(&mut self.edits);
        for (lineage, mut list) in edits {
            let Some(i) = self.work.lineage.iter().position(|l| *l == lineage) else {
                continue;
            };
            let article = &mut self.work.expression.articles[i];
            // Words: per unit, from the end, so earlier ranges stay valid.
            list.sort_by(|a, b| match (a, b) {
                (
                    Edit::Words {
                        unit: u, range: r, ..
                    },
                    Edit::Words {
                        unit: v, range: s, ..
                    },
                ) => (v, s.start).cmp(&(u, r.start)),
                (Edit::Words { .. }, _) => std::cmp::Ordering::Less,
                (_, Edit::Words { .. }) => std::cmp::Ordering::Greater,
                _ => std::cmp::Ordering::Equal,
            });
            let mut touched_units: Vec<Unit> = Vec::new();
            let mut replaced: BTreeMap<usize, Vec<Paragraph>> = BTreeMap::new();
            let mut inserted: BTreeMap<usize, Vec<Paragraph>> = BTreeMap::new();
            let mut repealed: Vec<usize> = Vec::new();
            for edit in list {
                match edit {
                    Edit::Words { unit, range, with } => {
                        if let Some(text) = unit_text_mut(article, &unit) {
                            text.replace_range(range, &with);
                        }
                        if !touched_units.contains(&unit) {
                            touched_units.push(unit);
                        }
                    }
                    Edit::ReplaceParagraph(n, p) => {
                        replaced.insert(n, p);
                    }
                    Edit::InsertAfterParagraph(n, p) => {
                        inserted.insert(n, p);
                    }
                    Edit::RepealParagraph(n) => repealed.push(n),
                }
            }
            for unit in touched_units {
                if let Some(text) = unit_text_mut(article, &unit) {
                    *text = tidy(text);
                }
            }
            let old = std::mem::take(&mut article.paragraphs);
            let mut paragraphs = Vec::with_capacity(old.len());
            for (k, p) in old.into_iter().enumerate() {
                let n = k + 1;
                if let Some(new) = replaced.remove(&n) {
                    paragraphs.extend(new);
                } else if !repealed.contains(&n) {
                    paragraphs.push(p);
                }
                if let Some(new) = inserted.remove(&n) {
                    paragraphs.extend(new);
                }
            }
            let empty = paragraphs
                .iter()
                .all(|p| p.text.is_empty() && p.points.is_empty());
            article.paragraphs = paragraphs;
            reassign_eids(article);
            if empty {
                let num = article.num.clone();
                let span = self
                    .footprints
                    .iter()
                    .find(|f| f.lineage == lineage)
                    .map(|f| self.ops[f.op].span.clone())
                    .unwrap_or(0..0);
                self.error(
                    span,
                    format!("this leaves Article {num} with no text"),
                    Some(format!(
                        "to remove the whole article, use `Repeal Article {num}`"
                    )),
                );
            }
        }
    }
}

/// Removes doubled spaces and spaces before punctuation that a deletion leaves.
fn tidy(text: &str) -> String {
    let collapsed = collapse_whitespace(text);
    let mut out = String::with_capacity(collapsed.len());
    let mut chars = collapsed.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' '
            && chars
                .peek()
                .is_some_and(|n| matches!(n, ',' | '.' | ';' | ':' | '،' | '؛'))
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// The pieces of an article's text a substitution searches: each
/// paragraph's own text, then its points, depth first.
fn units(article: &Article) -> Vec<(Unit, &str)> {
    fn walk<'a>(
        points: &'a [Point],
        paragraph: usize,
        path: &mut Vec<usize>,
        out: &mut Vec<(Unit, &'a str)>,
    ) {
        for (i, p) in points.iter().enumerate() {
            path.push(i);
            out.push((
                Unit {
                    paragraph,
                    points: path.clone(),
                },
                p.text.as_str(),
            ));
            walk(&p.points, paragraph, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    for (k, p) in article.paragraphs.iter().enumerate() {
        out.push((
            Unit {
                paragraph: k + 1,
                points: Vec::new(),
            },
            p.text.as_str(),
        ));
        walk(&p.points, k + 1, &mut Vec::new(), &mut out);
    }
    out
}

fn unit_text_mut<'a>(article: &'a mut Article, unit: &Unit) -> Option<&'a mut String> {
    let p = article.paragraphs.get_mut(unit.paragraph.checked_sub(1)?)?;
    let Some((first, rest)) = unit.points.split_first() else {
        return Some(&mut p.text);
    };
    let mut point = p.points.get_mut(*first)?;
    for i in rest {
        point = point.points.get_mut(*i)?;
    }
    Some(&mut point.text)
}

/// A letter, digit or combining mark: a character that continues a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Where `needle` occurs in `hay` as whole words: a match that begins (or
/// ends) with a word character must begin (or end) at a word boundary, so
/// `ten` is not found in `often`. Non-overlapping, left to right.
pub(super) fn find_words(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() || !hay.contains(needle) {
        return Vec::new();
    }
    let mut bounds: Vec<usize> = hay.split_word_bound_indices().map(|(i, _)| i).collect();
    bounds.push(hay.len());
    let starts_word = needle.chars().next().is_some_and(is_word_char);
    let ends_word = needle.chars().last().is_some_and(is_word_char);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let ok = (!starts_word || bounds.binary_search(&start).is_ok())
            && (!ends_word || bounds.binary_search(&end).is_ok());
        if ok {
            out.push(start..end);
            from = end;
        } else {
            from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The run of words in the article most like `needle` (by edit distance,
/// over windows of about as many words), for "not found" help.
fn closest_words(units: &[(Unit, &str)], needle: &str) -> Option<String> {
    let needle_words = needle.unicode_words().count().max(1);
    let needle_chars = needle.chars().count();
    let mut best: Option<(usize, String)> = None;
    for (_, text) in units {
        let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        for size in needle_words.saturating_sub(1).max(1)..=needle_words + 1 {
            for w in words.windows(size) {
                let (start, _) = w[0];
                let (last, last_word) = w[size - 1];
                let mut end = last + last_word.len();
                // Keep punctuation glued to the last word when the needle has it.
                if let Some(c) = needle.chars().last()
                    && !is_word_char(c)
                    && text[end..].starts_with(c)
                {
                    end += c.len_utf8();
                }
                let candidate = &text[start..end];
                let len = candidate.chars().count();
                if len.abs_diff(needle_chars) > needle_chars {
                    continue;
                }
                let d = edit_distance(needle, candidate);
                if best.as_ref().is_none_or(|(b, _)| d < *b) {
                    best = Some((d, candidate.to_owned()));
                }
            }
        }
    }
    best.map(|(_, s)| s)
}

/// Gives paragraphs and points eIds from their article's eId and position.
pub(super) fn reassign_eids(article: &mut Article) {
    fn points(parent: &str, list: &mut [Point]) {
        for p in list {
            let own = p
                .eid
                .rsplit_once("__point_")
                .map_or_else(|| p.label.clone(), |(_, l)| l.to_owned());
            p.eid = format!("{parent}__point_{own}");
            let eid = p.eid.clone();
            points(&eid, &mut p.points);
        }
    }
    for (k, p) in article.paragraphs.iter_mut().enumerate() {
        p.num = k + 1;
        p.eid = format!("{}__para_{}", article.eid, k + 1);
        let eid = p.eid.clone();
        points(&eid, &mut p.points);
    }
}

/// The number of an article as the expression in `lang` writes it, from a
/// number written in an operation in `written_in`, following the style of a
/// neighbouring article's number (`(١٣)`, `13`).
fn display_number(number: &ArticleNumber, written_in: Lang, lang: Lang, like: &str) -> String {
    let parens = like.trim_start().starts_with('(');
    let indic = like.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c));
    if written_in == lang {
        let d = number.display.clone();
        return if parens && !d.starts_with('(') && d.chars().all(|c| c.is_numeric()) {
            format!("({d})")
        } else {
            d
        };
    }
    let n = &number.normalised;
    let digits_end = n.find(|c: char| !c.is_ascii_digit()).unwrap_or(n.len());
    let (digits, rest) = n.split_at(digits_end);
    let (suffix, letter) = match rest.split_once('_') {
        Some((s, l)) => (s, Some(l)),
        None => (rest, None),
    };
    match lang {
        Lang::Ar => {
            let digits = if indic {
                arabic_indic_digits(digits)
            } else {
                digits.to_owned()
            };
            let mut out = if parens && suffix.is_empty() {
                format!("({digits})")
            } else {
                digits
            };
            match suffix {
                "" => {}
                "bis" => out.push_str(" مكرراً"),
                other => {
                    out.push(' ');
                    out.push_str(other);
                }
            }
            if let Some(l) = letter {
                let ar = l
                    .chars()
                    .next()
                    .and_then(|c| ABJAD_LETTERS.get((c as u8).wrapping_sub(b'a') as usize))
                    .copied()
                    .unwrap_or(l);
                out.push_str(&format!(" ({ar})"));
            }
            out
        }
        Lang::En => {
            let mut out = digits.to_owned();
            if !suffix.is_empty() {
                out.push(' ');
                out.push_str(suffix);
            }
            if let Some(l) = letter {
                out.push_str(&format!(" ({l})"));
            }
            out
        }
    }
}

/// The Arabic letters used to letter inserted articles, in abjad order.
const ABJAD_LETTERS: [&str; 8] = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_only_whole() {
        assert_eq!(find_words("often ten times ten", "ten"), vec![6..9, 16..19]);
        assert_eq!(
            find_words("fifteen years' imprisonment", "fifteen years'"),
            vec![0..14]
        );
        assert!(find_words("بالاتجار", "الاتجار").is_empty());
        assert_eq!(find_words("يُعاقَب بالحبس", "يُعاقَب").len(), 1);
        // A match may not stop before a diacritic of its last letter.
        assert!(find_words("يُعاقَب", "يُعاق").is_empty());
        assert_eq!(find_words("a, b", ", b"), vec![1..4]);
    }

    #[test]
    fn tidy_removes_the_gaps_a_deletion_leaves() {
        assert_eq!(tidy("the sentence , and so"), "the sentence, and so");
        assert_eq!(tidy("a  b ."), "a b.");
    }

    #[test]
    fn numbers_follow_the_style_of_the_expression() {
        let n = |s: &str, display: &str| ArticleNumber {
            normalised: s.into(),
            display: display.into(),
        };
        assert_eq!(
            display_number(&n("11bis", "11 bis"), Lang::En, Lang::Ar, "(١١)"),
            "١١ مكرراً"
        );
        assert_eq!(
            display_number(&n("6", "6"), Lang::En, Lang::Ar, "(٥)"),
            "(٦)"
        );
        assert_eq!(
            display_number(&n("5bis_a", "5 bis A"), Lang::En, Lang::Ar, "5"),
            "5 مكرراً (أ)"
        );
        assert_eq!(
            display_number(&n("12", "١٢"), Lang::Ar, Lang::En, "11"),
            "12"
        );
        assert_eq!(
            display_number(&n("12", "١٢"), Lang::Ar, Lang::Ar, "(١١)"),
            "(١٢)"
        );
    }
}
