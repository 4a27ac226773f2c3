//! Points (the items of a list inside an article): their labels as
//! written and the eIds derived from them.

use crate::hash::FastMap;
use crate::ids::arabic_letter_label;
use crate::text::ascii_digits;

use super::Point;

pub(super) fn assign_point_eids(parent: &str, points: &mut [Point]) {
    let mut used: FastMap<String, usize> = FastMap::default();
    for p in points.iter_mut() {
        let mut label = point_eid_label(&p.label);
        let n = used.entry(label.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            label = format!("{label}_{n}");
        }
        p.eid = format!("{parent}__point_{label}");
        let eid = p.eid.clone();
        assign_point_eids(&eid, &mut p.points);
    }
}

/// The eId form of a point label: ASCII, lower case (`أ` -> `a`, `iv` -> `iv`).
fn point_eid_label(label: &str) -> String {
    if let Some(c) = arabic_letter_label(label) {
        return c.to_string();
    }
    let ascii: String = ascii_digits(label)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if ascii.is_empty() {
        "x".to_owned()
    } else {
        ascii
    }
}

/// An item's own label: `(c) text`, `c) text`, `(iv) text`, `(أ) text`.
pub(super) fn explicit_label(text: &str) -> Option<(String, &str)> {
    let (inner, rest) = if let Some(t) = text.strip_prefix('(') {
        let close = t.find(')')?;
        (&t[..close], &t[close + 1..])
    } else {
        let close = text.find(')')?;
        (&text[..close], &text[close + 1..])
    };
    let valid = !inner.is_empty()
        && inner.chars().count() <= 4
        && inner.chars().all(|c| c.is_alphanumeric())
        && !inner.contains(' ');
    valid.then(|| (inner.to_owned(), rest.trim_start()))
}
