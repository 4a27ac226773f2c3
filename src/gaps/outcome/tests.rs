//! An outcome is what a whole report with the same changes says.

use super::*;
use crate::amend::AmendmentStatus;
use crate::gaps::tests::{book_example, inputs};
use crate::gaps::{Basis, compute_on};
use crate::standards::{Obligation, PartyStatus, Theme};
use crate::testing::model::{self, amendment, entry, mapping, provision};

/// The book's example with a second instrument, which no change touches.
fn two_instruments() -> (
    Vec<crate::standards::Instrument>,
    Vec<crate::standards::Mapping>,
) {
    let (mut instruments, mut mappings) = book_example();
    let c029 = model::instrument(
        "c029",
        Some(PartyStatus::Ratified),
        vec![
            provision("art_1", Obligation::Mandatory, Theme::Criminalization, &[]),
            provision("art_2", Obligation::Consider, Theme::Protection, &[]),
        ],
    );
    instruments.push(c029);
    mappings.push(mapping(
        "c029",
        vec![entry("c029", "art_1", None, Status::Partial)],
    ));
    (instruments, mappings)
}

/// Holds `base.outcome(changes)` to the report `compute_on` makes with the
/// same changes: every score, every touched provision, every delta.
fn assert_same(base: &Base<'_>, whole: &Report<'_>, outcome: &Outcome<'_>) {
    let scores: Vec<Score> = whole.instruments.iter().map(|i| i.score).collect();
    assert_eq!(outcome.scores, scores);
    let expected = scenario::deltas(&base.report, whole);
    let got = outcome.deltas(&base.report);
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(
            (
                g.instrument,
                g.provision,
                g.before,
                g.after,
                g.effect,
                g.changed_by
            ),
            (
                e.instrument,
                e.provision,
                e.before,
                e.after,
                e.effect,
                e.changed_by
            )
        );
    }
    for t in &outcome.provisions {
        let p = &whole.instruments[t.instrument].provisions[t.provision];
        assert_eq!(t.gap.basis, p.basis);
        assert_eq!(t.gap.elements.len(), p.elements.len());
        assert_eq!(outcome.status(t.instrument, t.provision), Some(p.status));
    }
}

#[test]
fn an_outcome_is_the_whole_report_with_the_same_changes() {
    let (instruments, mappings) = two_instruments();
    let i = inputs(&instruments, &mappings);
    let enacted = amendment(
        "enacted",
        AmendmentStatus::Enacted,
        Some("2020-01-01"),
        vec![entry("tip", "art_6__para_6", None, Status::Partial)],
    );
    let in_force = scenario::changes(&[&enacted]);
    let base = Base::new(&i, &in_force);
    let drafts = [
        amendment(
            "element",
            AmendmentStatus::Draft,
            Some("2025-01-01"),
            vec![entry("tip", "art_3__para_a", Some("purpose"), Status::Full)],
        ),
        amendment(
            "whole",
            AmendmentStatus::Submitted,
            Some("2025-02-01"),
            vec![
                entry("tip", "art_3__para_a", None, Status::Missing),
                entry("tip", "art_6__para_6", None, Status::Full),
            ],
        ),
        // A status the provision has already: touched, not moved.
        amendment(
            "same",
            AmendmentStatus::Draft,
            Some("2025-03-01"),
            vec![entry("tip", "art_3__para_b", None, Status::Full)],
        ),
        // No such provision: nothing is touched.
        amendment(
            "unknown",
            AmendmentStatus::Draft,
            Some("2025-04-01"),
            vec![entry("tip", "art_99", None, Status::Full)],
        ),
    ];
    let mut sets: Vec<Vec<&crate::amend::Amendment>> = drafts.iter().map(|a| vec![a]).collect();
    sets.push(drafts.iter().collect());
    for set in sets {
        let changes = scenario::changes(&set);
        let whole = compute_on(&i, &Filter::default(), &in_force, &changes);
        assert_same(&base, &whole, &base.outcome(&changes));
    }
}

#[test]
fn an_untouched_instrument_keeps_its_score_and_a_touched_one_is_summed_again() {
    let (instruments, mappings) = two_instruments();
    let i = inputs(&instruments, &mappings);
    let base = Base::new(&i, &[]);
    let a = amendment(
        "purpose",
        AmendmentStatus::Draft,
        None,
        vec![entry("tip", "art_3__para_a", Some("purpose"), Status::Full)],
    );
    let outcome = base.outcome(&scenario::changes(&[&a]));
    // Instruments in id order: c029, then tip.
    assert_eq!(outcome.scores[0], base.report.instruments[0].score);
    assert_ne!(outcome.scores[1], base.report.instruments[1].score);
    assert_eq!(outcome.provisions.len(), 1);
    let t = &outcome.provisions[0];
    assert_eq!((t.instrument, t.provision), (1, 0));
    assert_eq!(t.gap.changed_by, ["purpose"]);
    assert!(matches!(t.gap.basis, Basis::Elements { .. }));
    assert_eq!(outcome.status(1, 0), Some(Status::Full));
    assert_eq!(outcome.status(1, 1), None);
    assert_eq!(outcome.status(0, 0), None);
}
