//! Citations of provisions in Arabic, derived from their eIds.
//!
//! The data writes a provision's citation once, in English (`Art. 3(a)`).
//! Arabic readers cite the same provision as `المادة ٣ (أ)`; rather than a
//! second citation in the data that could drift from the first, the Arabic
//! form is made from the eId (`art_3__para_a`), whose grammar is fixed
//! (DESIGN.md): the article number and its suffix, then each paragraph or
//! point in parentheses, letters in the abjad order Arabic drafting uses
//! and digits in the page's numerals.

use crate::lang::Lang;
use crate::settings::Numerals;
use crate::text::arabic_indic_digits;

/// The abjad order Arabic uses to letter list items (أ، ب، ج، د، ...),
/// indexed by the Latin letter of the same rank (`a` is أ).
pub const ABJAD: [&str; 26] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
];

fn digits(n: &str, numerals: Numerals) -> String {
    match numerals {
        Numerals::ArabicIndic => arabic_indic_digits(n),
        Numerals::Western => n.to_owned(),
    }
}

/// A paragraph or point label: digits, or one Latin letter as its abjad
/// letter.
fn label(l: &str, numerals: Numerals) -> Option<String> {
    if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) {
        return Some(digits(l, numerals));
    }
    match l.as_bytes() {
        [b] if b.is_ascii_lowercase() => Some(ABJAD[usize::from(b - b'a')].to_owned()),
        _ => None,
    }
}

/// `3`, `12bis`, `12bis_a` as Arabic drafting numbers them: `٣`,
/// `١٢ مكرراً`, `١٢ مكرراً (أ)`.
fn number(n: &str, numerals: Numerals) -> Option<String> {
    let end = n.bytes().take_while(u8::is_ascii_digit).count();
    if end == 0 {
        return None;
    }
    let num = digits(&n[..end], numerals);
    match &n[end..] {
        "" => Some(num),
        "bis" => Some(format!("{num} {}", Lang::AR.t("number.bis"))),
        rest => {
            let letter = label(rest.strip_prefix("bis_")?, numerals)?;
            Some(format!("{num} {} ({letter})", Lang::AR.t("number.bis")))
        }
    }
}

/// The Arabic citation of the provision with eId `eid`, or `None` when the
/// eId is not of a form this knows (the English citation is shown then).
pub fn arabic_citation(eid: &str, numerals: Numerals) -> Option<String> {
    let mut parts = eid.split("__");
    let first = parts.next()?;
    // The words come from the Arabic language file (`cite.art`, …).
    let (key, n) = [
        ("cite.art", "art_"),
        ("cite.principle", "principle_"),
        ("cite.guideline", "guideline_"),
    ]
    .into_iter()
    .find_map(|(key, prefix)| first.strip_prefix(prefix).map(|n| (key, n)))?;
    let mut out = Lang::AR.fill(key, &[("num", &number(n, numerals)?)]);
    for part in parts {
        let (_, l) = part
            .split_once('_')
            .filter(|(kind, _)| matches!(*kind, "para" | "subpara" | "point" | "item"))?;
        out.push_str(&format!(" ({})", label(l, numerals)?));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AI: Numerals = Numerals::ArabicIndic;

    #[test]
    fn citations_follow_the_eid() {
        assert_eq!(
            arabic_citation("art_3__para_a", AI).unwrap(),
            "المادة ٣ (أ)"
        );
        assert_eq!(
            arabic_citation("art_6__para_3", AI).unwrap(),
            "المادة ٦ (٣)"
        );
        assert_eq!(
            arabic_citation("art_15__para_1__point_e", AI).unwrap(),
            "المادة ١٥ (١) (هـ)"
        );
        assert_eq!(arabic_citation("art_12", AI).unwrap(), "المادة ١٢");
        assert_eq!(arabic_citation("art_12bis", AI).unwrap(), "المادة ١٢ مكرراً");
        assert_eq!(
            arabic_citation("art_12bis_a", AI).unwrap(),
            "المادة ١٢ مكرراً (أ)"
        );
        assert_eq!(arabic_citation("principle_7", AI).unwrap(), "المبدأ ٧");
        assert_eq!(
            arabic_citation("art_3__para_a", Numerals::Western).unwrap(),
            "المادة 3 (أ)"
        );
    }

    #[test]
    fn unknown_forms_have_no_arabic_citation() {
        for eid in [
            "para_1",
            "art_",
            "art_x",
            "art_3__para_iv",
            "art_3__sec_1",
            "art_3ter",
        ] {
            assert_eq!(arabic_citation(eid, AI), None, "{eid}");
        }
    }
}
