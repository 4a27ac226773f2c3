//! Scores: how far the law meets a set of provisions, weighted by how
//! strongly each provision obliges the state.
//!
//! A score is `earned / possible`, where each scored provision adds its
//! obligation weight to `possible` and weight x status credit to `earned`.
//! Not-applicable and unassessed provisions add nothing to either, but are
//! counted, so a report can always say how much was left out.

use serde::Serialize;

use crate::settings::Weights;
use crate::standards::{Obligation, Status, Theme};

use super::status::credit;

/// The weight of an obligation grade, from the workspace settings.
pub fn weight(weights: &Weights, obligation: Obligation) -> f64 {
    match obligation {
        Obligation::Mandatory => weights.mandatory,
        Obligation::Qualified => weights.qualified,
        Obligation::Consider => weights.consider,
        Obligation::Endeavour => weights.endeavour,
        Obligation::Soft => weights.soft,
    }
}

/// How many provisions have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Counts {
    pub full: usize,
    pub partial: usize,
    pub missing: usize,
    pub conflict: usize,
    pub not_applicable: usize,
    pub unassessed: usize,
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Full => self.full += 1,
            Status::Partial => self.partial += 1,
            Status::Missing => self.missing += 1,
            Status::Conflict => self.conflict += 1,
            Status::NotApplicable => self.not_applicable += 1,
            Status::Unassessed => self.unassessed += 1,
        }
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Full => self.full,
            Status::Partial => self.partial,
            Status::Missing => self.missing,
            Status::Conflict => self.conflict,
            Status::NotApplicable => self.not_applicable,
            Status::Unassessed => self.unassessed,
        }
    }

    /// Every provision counted, scored or not.
    pub fn total(&self) -> usize {
        self.full
            + self.partial
            + self.missing
            + self.conflict
            + self.not_applicable
            + self.unassessed
    }

    /// Provisions that enter the score.
    pub fn scored(&self) -> usize {
        self.full + self.partial + self.missing + self.conflict
    }
}

/// A weighted score over some provisions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Sum of weight x credit over scored provisions.
    pub earned: f64,
    /// Sum of weights over scored provisions.
    pub possible: f64,
    pub counts: Counts,
}

impl Score {
    /// Adds one provision.
    pub fn add(&mut self, status: Status, weight: f64) {
        self.counts.add(status);
        if let Some(c) = credit(status) {
            self.earned += weight * c;
            self.possible += weight;
        }
    }

    /// Adds everything another score counted.
    pub fn merge(&mut self, other: &Score) {
        self.earned += other.earned;
        self.possible += other.possible;
        let o = other.counts;
        let c = &mut self.counts;
        c.full += o.full;
        c.partial += o.partial;
        c.missing += o.missing;
        c.conflict += o.conflict;
        c.not_applicable += o.not_applicable;
        c.unassessed += o.unassessed;
    }

    /// The score in 0..=1, or `None` when nothing carries weight (no
    /// provision is scored, or all weights are zero).
    pub fn value(&self) -> Option<f64> {
        if self.possible > 0.0 {
            Some(self.earned / self.possible)
        } else {
            None
        }
    }
}

/// The score of one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThemeScore {
    pub theme: Theme,
    pub score: Score,
}

/// Scores per theme, for the themes that occur, in the book's theme order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeScores(Vec<ThemeScore>);

impl ThemeScores {
    pub fn add(&mut self, theme: Theme, status: Status, weight: f64) {
        self.entry(theme).add(status, weight);
    }

    pub fn merge(&mut self, other: &ThemeScores) {
        for t in &other.0 {
            self.entry(t.theme).merge(&t.score);
        }
    }

    fn entry(&mut self, theme: Theme) -> &mut Score {
        let i = match self.0.binary_search_by(|t| t.theme.cmp(&theme)) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(
                    i,
                    ThemeScore {
                        theme,
                        score: Score::default(),
                    },
                );
                i
            }
        };
        &mut self.0[i].score
    }

    pub fn get(&self, theme: Theme) -> Option<&Score> {
        self.0.iter().find(|t| t.theme == theme).map(|t| &t.score)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, ThemeScore> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_score_by_hand() {
        // mandatory full (1.0 x 1), qualified partial (0.8 x 0.5),
        // consider missing (0.5 x 0), soft conflict (0.25 x 0):
        // earned 1.4 of 2.55.
        let w = Weights::default();
        let mut s = Score::default();
        s.add(Status::Full, weight(&w, Obligation::Mandatory));
        s.add(Status::Partial, weight(&w, Obligation::Qualified));
        s.add(Status::Missing, weight(&w, Obligation::Consider));
        s.add(Status::Conflict, weight(&w, Obligation::Soft));
        assert!((s.earned - 1.4).abs() < 1e-12);
        assert!((s.possible - 2.55).abs() < 1e-12);
        assert!((s.value().unwrap() - 1.4 / 2.55).abs() < 1e-12);
        assert_eq!(s.counts.scored(), 4);
    }

    #[test]
    fn not_applicable_and_unassessed_are_counted_not_scored() {
        let mut s = Score::default();
        s.add(Status::Partial, 1.0);
        s.add(Status::NotApplicable, 1.0);
        s.add(Status::Unassessed, 1.0);
        assert_eq!(s.value(), Some(0.5));
        assert_eq!(s.counts.total(), 3);
        assert_eq!(s.counts.not_applicable, 1);
        assert_eq!(s.counts.unassessed, 1);
    }

    #[test]
    fn nothing_scored_has_no_value() {
        let mut s = Score::default();
        assert_eq!(s.value(), None);
        s.add(Status::Unassessed, 1.0);
        assert_eq!(s.value(), None);
        s.add(Status::Full, 0.0);
        assert_eq!(s.value(), None, "zero weight carries nothing");
    }

    #[test]
    fn theme_scores_keep_theme_order() {
        let mut t = ThemeScores::default();
        t.add(Theme::Protection, Status::Full, 1.0);
        t.add(Theme::Definition, Status::Missing, 1.0);
        t.add(Theme::Protection, Status::Missing, 1.0);
        let themes: Vec<Theme> = t.iter().map(|x| x.theme).collect();
        assert_eq!(themes, [Theme::Definition, Theme::Protection]);
        assert_eq!(t.get(Theme::Protection).unwrap().value(), Some(0.5));
    }
}
