//! What import guesses about a law from its text, when not told: the
//! language (by its letters), the title (the first paragraph before any
//! heading), and the work id (number and year from the title line:
//! `قانون رقم ٩١ لسنة ٢٠١٣`, `مرسوم بقانون رقم (١١٤) لسنة ٢٠٢٤`,
//! `Law No. 91 of 2013`).

use crate::corpus::Lang;
use crate::ids::{WorkId, fold_arabic_keyword};
use crate::text::ascii_digit;

/// Document types and subtypes by the words that name them in a title
/// (folded, lower case), most specific first: (words, subtype).
const SUBTYPES: [(&str, Option<&str>); 10] = [
    ("مرسوم بقانون", Some("decree-law")),
    ("مرسوم بالقانون", Some("decree-law")),
    ("decree-law", Some("decree-law")),
    ("decree law", Some("decree-law")),
    ("مرسوم اميري", Some("amiri-decree")),
    ("امر اميري", Some("amiri-decree")),
    ("amiri decree", Some("amiri-decree")),
    ("قانون", None),
    ("law", None),
    ("act", None),
];

/// The words before a law's number and year: `رقم ... لسنة`, `No. ... of`.
const NUMBER_WORDS: [&str; 4] = ["رقم", "no.", "no", "number"];
const YEAR_WORDS: [&str; 3] = ["لسنه", "سنه", "of"];

/// The language most of the letters are in.
pub fn guess_lang(texts: &[&str]) -> Lang {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for t in texts {
        for c in t.chars() {
            if ('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphabetic() {
                arabic += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
    }
    if arabic >= latin { Lang::AR } else { Lang::EN }
}

/// A number written in digits of any script (`٩١`, `(91)`), if the word is one.
fn number(word: &str) -> Option<String> {
    let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | '،' | '.' | ':'));
    let digits: String = w.chars().map(ascii_digit).collect();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.trim_start_matches('0').to_owned())
        .filter(|d| !d.is_empty())
}

/// The work id a title names: its type, number and year, in `country`.
pub fn guess_work(title: &str, country: &str) -> Option<WorkId> {
    // `رقم ( 12 )`: brackets are not words.
    let folded: String = fold_arabic_keyword(title)
        .to_lowercase()
        .chars()
        .map(|c| {
            if matches!(c, '(' | ')' | '[' | ']') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let at = words.iter().position(|w| NUMBER_WORDS.contains(w))?;
    let num = number(words.get(at + 1)?)?;
    let year_word = words.get(at + 2)?;
    let year_word = year_word.trim_matches(|c: char| !c.is_alphanumeric());
    if !YEAR_WORDS.contains(&year_word) {
        return None;
    }
    let year = number(words.get(at + 3)?)?;
    if year.len() != 4 {
        return None;
    }
    let before = words[..at].join(" ");
    let subtype = SUBTYPES
        .iter()
        .find(|(w, _)| before.contains(w))
        .map(|(_, s)| *s)?;
    let id = match subtype {
        Some(s) => format!("/akn/{country}/act/{s}/{year}/{num}"),
        None => format!("/akn/{country}/act/{year}/{num}"),
    };
    WorkId::parse(&id).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(title: &str) -> Option<String> {
        guess_work(title, "kw").map(|w| w.to_string())
    }

    #[test]
    fn work_ids_from_titles() {
        assert_eq!(
            work("قانون رقم ٩١ لسنة ٢٠١٣ في شأن مكافحة الاتجار بالأشخاص").as_deref(),
            Some("/akn/kw/act/2013/91")
        );
        assert_eq!(
            work("مرسوم بقانون رقم (١١٤) لسنة ٢٠٢٤ بشأن الإقامة").as_deref(),
            Some("/akn/kw/act/decree-law/2024/114")
        );
        assert_eq!(
            work("مرسوم أميري رقم 17 لسنة 1959").as_deref(),
            Some("/akn/kw/act/amiri-decree/1959/17")
        );
        assert_eq!(
            work("Law No. 6 of 2010 concerning Labour").as_deref(),
            Some("/akn/kw/act/2010/6")
        );
        assert_eq!(
            work("مرسوم بقانون رقم ( 12 ) لسنة 2098").as_deref(),
            Some("/akn/kw/act/decree-law/2098/12")
        );
        assert_eq!(work("أحكام عامة"), None);
        assert_eq!(work("قرار رقم ٥ لسنة ٢٠٢٠"), None);
        assert_eq!(work("قانون رقم ٥ لسنة ٢٠"), None);
    }

    #[test]
    fn language_by_letters() {
        assert_eq!(guess_lang(&["المادة الأولى", "Article"]), Lang::AR);
        assert_eq!(guess_lang(&["Article 1 of the Law"]), Lang::EN);
    }
}
