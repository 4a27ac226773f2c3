//! Article and paragraph numbers after a change: eIds that follow an
//! article's number and position, and the number as an expression in either
//! language writes it.

use crate::corpus::{Article, Lang, Point};
use crate::ids::ArticleNumber;
use crate::text::arabic_indic_digits;

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
pub(super) fn display_number(
    number: &ArticleNumber,
    written_in: Lang,
    lang: Lang,
    like: &str,
) -> String {
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
    // Arabic writes the suffix and the letter in Arabic (`١١ مكرراً (أ)`);
    // other languages as the number is normalised (`11 bis (a)`).
    match lang == Lang::AR {
        true => {
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
                "bis" => {
                    out.push(' ');
                    out.push_str(Lang::AR.t("number.bis"));
                }
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
        false => {
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
    fn numbers_follow_the_style_of_the_expression() {
        let n = |s: &str, display: &str| ArticleNumber {
            normalised: s.into(),
            display: display.into(),
        };
        assert_eq!(
            display_number(&n("11bis", "11 bis"), Lang::EN, Lang::AR, "(١١)"),
            "١١ مكرراً"
        );
        assert_eq!(
            display_number(&n("6", "6"), Lang::EN, Lang::AR, "(٥)"),
            "(٦)"
        );
        assert_eq!(
            display_number(&n("5bis_a", "5 bis A"), Lang::EN, Lang::AR, "5"),
            "5 مكرراً (أ)"
        );
        assert_eq!(
            display_number(&n("12", "١٢"), Lang::AR, Lang::EN, "11"),
            "12"
        );
        assert_eq!(
            display_number(&n("12", "١٢"), Lang::AR, Lang::AR, "(١١)"),
            "(١٢)"
        );
    }
}
