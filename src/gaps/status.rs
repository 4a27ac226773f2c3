//! The roll-up rules: how the statuses of a provision's elements make the
//! status of the provision, and how much credit each status earns.
//!
//! These are the rules a committee member reads in the book; each has a
//! test with a hand-worked case below.

use crate::standards::Status;

/// The status of a provision assessed element by element.
///
/// - not-applicable elements are left out; if every element is
///   not-applicable, so is the provision;
/// - any conflict makes the provision conflict;
/// - all full makes it full;
/// - all missing makes it missing;
/// - anything else is partial.
///
/// An element with no entry (`unassessed`) counts as *not met*: it is never
/// assumed to be full, so a provision with an unassessed element is partial
/// at best (or missing, when every assessed element is missing). Reports
/// list those elements, so the gap in the assessment stays visible. A
/// provision none of whose elements is assessed is unassessed.
pub fn roll_up(elements: impl IntoIterator<Item = Status>) -> Status {
    let mut any = false;
    let mut applicable = 0usize;
    let (mut full, mut missing, mut unassessed, mut conflict) = (0usize, 0usize, 0usize, false);
    for status in elements {
        any = true;
        match status {
            Status::NotApplicable => continue,
            Status::Full => full += 1,
            Status::Missing => missing += 1,
            Status::Unassessed => unassessed += 1,
            Status::Conflict => conflict = true,
            Status::Partial => {}
        }
        applicable += 1;
    }
    if applicable == 0 {
        return if any {
            Status::NotApplicable
        } else {
            Status::Unassessed
        };
    }
    if unassessed == applicable {
        Status::Unassessed
    } else if conflict {
        Status::Conflict
    } else if full == applicable {
        Status::Full
    } else if missing + unassessed == applicable {
        Status::Missing
    } else {
        Status::Partial
    }
}

/// The credit a status earns toward a score: full 1, partial one half,
/// missing and conflict nothing. Not-applicable and unassessed earn no
/// credit because they are not scored at all (`None`).
pub fn credit(status: Status) -> Option<f64> {
    match status {
        Status::Full => Some(1.0),
        Status::Partial => Some(0.5),
        Status::Missing | Status::Conflict => Some(0.0),
        Status::NotApplicable | Status::Unassessed => None,
    }
}

/// How bad a status is, for "worst first" ordering: conflict, missing,
/// partial, unassessed (not known to be met), full, not-applicable.
pub fn severity(status: Status) -> u8 {
    match status {
        Status::Conflict => 0,
        Status::Missing => 1,
        Status::Partial => 2,
        Status::Unassessed => 3,
        Status::Full => 4,
        Status::NotApplicable => 5,
    }
}

/// The order in which an assessed status improves: conflict < missing <
/// partial < full. `None` for statuses outside that scale.
pub fn rank(status: Status) -> Option<u8> {
    match status {
        Status::Conflict => Some(0),
        Status::Missing => Some(1),
        Status::Partial => Some(2),
        Status::Full => Some(3),
        Status::NotApplicable | Status::Unassessed => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn all_full_is_full() {
        assert_eq!(roll_up([Full, Full, Full]), Full);
    }

    #[test]
    fn any_conflict_is_conflict_even_beside_full() {
        assert_eq!(roll_up([Full, Conflict, Full]), Conflict);
        assert_eq!(roll_up([Missing, Conflict]), Conflict);
        assert_eq!(roll_up([Conflict, Unassessed]), Conflict);
    }

    #[test]
    fn all_missing_is_missing() {
        assert_eq!(roll_up([Missing, Missing]), Missing);
    }

    #[test]
    fn mixtures_are_partial() {
        assert_eq!(roll_up([Full, Missing]), Partial);
        assert_eq!(roll_up([Full, Full, Partial]), Partial);
        assert_eq!(roll_up([Partial, Partial]), Partial);
        assert_eq!(roll_up([Missing, Partial]), Partial);
    }

    #[test]
    fn not_applicable_elements_are_left_out() {
        assert_eq!(roll_up([Full, NotApplicable]), Full);
        assert_eq!(roll_up([Missing, NotApplicable]), Missing);
        assert_eq!(roll_up([NotApplicable, NotApplicable]), NotApplicable);
    }

    #[test]
    fn unassessed_elements_are_not_met() {
        // Two elements met, one never assessed: partial at best.
        assert_eq!(roll_up([Full, Full, Unassessed]), Partial);
        assert_eq!(roll_up([Partial, Unassessed]), Partial);
        // Nothing met among the assessed ones: missing.
        assert_eq!(roll_up([Missing, Unassessed]), Missing);
        // Nothing assessed at all.
        assert_eq!(roll_up([Unassessed, Unassessed]), Unassessed);
        assert_eq!(roll_up([Unassessed, NotApplicable]), Unassessed);
        assert_eq!(roll_up([]), Unassessed);
    }

    #[test]
    fn credits() {
        assert_eq!(credit(Full), Some(1.0));
        assert_eq!(credit(Partial), Some(0.5));
        assert_eq!(credit(Missing), Some(0.0));
        assert_eq!(credit(Conflict), Some(0.0));
        assert_eq!(credit(NotApplicable), None);
        assert_eq!(credit(Unassessed), None);
    }

    #[test]
    fn severity_puts_the_worst_first() {
        let mut all = Status::ALL;
        all.sort_by_key(|s| severity(*s));
        assert_eq!(
            all,
            [Conflict, Missing, Partial, Unassessed, Full, NotApplicable]
        );
    }
}
