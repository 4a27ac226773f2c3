//! The consolidated text of an expression: the text with amendments
//! applied, which articles each amendment changed or repealed, and the
//! changes written in another language only. Application (`apply`) builds
//! it and consolidation (`consolidate`) keeps one per version; the type
//! lives here, below both, so that neither imports the other.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::corpus::{Article, Expression, Lang};
use crate::date::Date;

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
    pub(super) next_lineage: u32,
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

    /// Aligns the articles of a later version of this expression with
    /// this one's by lineage, which survives renumbering and replacement:
    /// for each article of `later`, the index of the same article here, or
    /// `None` for an article the versions between inserted. The one
    /// alignment of two versions of a work (diffs and exports use it).
    pub fn align_by_lineage(&self, later: &ConsolidatedExpression) -> Vec<Option<usize>> {
        let here: HashMap<u32, usize> = self
            .lineage
            .iter()
            .enumerate()
            .map(|(i, l)| (*l, i))
            .collect();
        later.lineage.iter().map(|l| here.get(l).copied()).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// An expression whose articles carry these lineages.
    fn consolidated(lineage: Vec<u32>) -> ConsolidatedExpression {
        let body: String = (1..=lineage.len())
            .map(|n| format!("## Article {n}\n\nText {n}.\n\n"))
            .collect();
        let text = format!(
            "---\nwork: /akn/kw/act/2020/1\nlang: en\ntitle: T\ndate: 2020-01-01\nstatus: in-force\nauthority: official\nsource: s\n---\n{body}"
        );
        let path: std::sync::Arc<std::path::Path> = std::path::Path::new("t.en.md").into();
        let (e, d) = crate::corpus::read_expression(&path, &text);
        assert!(!d.has_errors(), "{d:?}");
        let mut text = ConsolidatedExpression::new(e.unwrap());
        text.next_lineage = lineage.iter().max().map_or(0, |m| m + 1);
        text.lineage = lineage;
        text
    }

    #[test]
    fn lineage_aligns_renumbered_articles_and_leaves_insertions_alone() {
        // Article 0 kept, 1 gone, 2 moved up, 7 and 8 inserted.
        let old = consolidated(vec![0, 1, 2]);
        let new = consolidated(vec![0, 7, 2, 8]);
        assert_eq!(old.align_by_lineage(&new), [Some(0), None, Some(2), None]);
        assert_eq!(new.align_by_lineage(&old), [Some(0), None, Some(2)]);
    }
}
