//! Edits inside an article: the words a substitution replaces, and the
//! paragraphs replaced, inserted or repealed. Operations queue them
//! (paragraph numbers and words refer to the article as it stood before
//! the amendment); they are carried out together at the end.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::amend::matching::{Unit, closest_words, find_words, tidy, unit_text_mut, units};
use crate::amend::numbering::reassign_eids;
use crate::amend::operation::{ArticleTarget, Occurrence, Quoted};
use crate::corpus::{Lang, Paragraph};
use crate::diag::Code;

use super::{Applier, Edit};

impl Applier<'_, '_> {
    /// Finds the occurrences of `find` that a substitution replaces.
    pub(super) fn resolve_words(
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
        let article = &self.work.articles[i];
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
                // In the words of the operation's language (`[operations]`).
                let form = |kind: &str| {
                    let ops = &lang.def().operations;
                    let form = ops
                        .get(kind)
                        .or_else(|| Lang::EN.def().operations.get(kind));
                    format!("({})", form.map_or("", String::as_str).replace("{n}", "1"))
                };
                let (one, all) = (form("occurrence"), form("all"));
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
            self.error(Code::WordsNotFound, span, message, help);
            return None;
        }
        match occurrence {
            Occurrence::Nth { n, .. } => Some(vec![found.swap_remove(n - 1)]),
            Occurrence::Only | Occurrence::All => Some(found),
        }
    }

    /// Applies the queued edits inside articles, each against the article
    /// as it stood before the amendment.
    pub(super) fn finish_edits(&mut self) {
        let edits = std::mem::take(&mut self.edits);
        for (lineage, mut list) in edits {
            let Some(i) = self.work.lineage.iter().position(|l| *l == lineage) else {
                continue;
            };
            let article = Arc::make_mut(&mut self.work.articles[i]);
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
                    Code::ArticleLeftEmpty,
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
