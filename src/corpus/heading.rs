//! Recognising article and container headings in English and Arabic.
//!
//! `Article 2`, `Art. 2 bis`, `المادة 2`, `مادة (٢)`, `المادة ٢ مكرراً`,
//! `المادة الأولى`; `Chapter One`, `Part II`, `الفصل الأول`, `الباب 3`.

use crate::ids::{ArticleNumber, fold_arabic_keyword, parse_article_number};
use crate::text::ascii_digit;

use super::ContainerKind;

/// What a heading's text says it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadingKind {
    Article {
        number: ArticleNumber,
        title: Option<String>,
    },
    /// An article word with no number after it.
    ArticleWithoutNumber,
    /// An article word followed by more digits than an article number has
    /// (how many).
    ArticleNumberTooLong(usize),
    Container {
        kind: ContainerKind,
        /// The number as written, and its value when it could be read.
        number: Option<(String, u32)>,
        title: Option<String>,
    },
    Other,
}

/// The most digits an article number has (no statute has a billion
/// articles); the same bound as [`parse_article_number`].
pub const MAX_ARTICLE_DIGITS: usize = 9;

const ENGLISH_ARTICLE_WORDS: [&str; 3] = ["article", "art.", "art"];
const ARABIC_ARTICLE_WORDS: [&str; 2] = ["الماده", "ماده"];

const ENGLISH_NUMBER_WORDS: [(&str, u32); 40] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

/// Arabic ordinals, folded (no hamza on alef, final heh for teh marbuta),
/// masculine (for الباب، الفصل) and feminine (for المادة).
const ARABIC_ORDINALS: [(&str, u32); 40] = [
    ("الاول", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
    ("الحادي عشر", 11),
    ("الثاني عشر", 12),
    ("الثالث عشر", 13),
    ("الرابع عشر", 14),
    ("الخامس عشر", 15),
    ("السادس عشر", 16),
    ("السابع عشر", 17),
    ("الثامن عشر", 18),
    ("التاسع عشر", 19),
    ("العشرون", 20),
    ("الاولي", 1),
    ("الثانيه", 2),
    ("الثالثه", 3),
    ("الرابعه", 4),
    ("الخامسه", 5),
    ("السادسه", 6),
    ("السابعه", 7),
    ("الثامنه", 8),
    ("التاسعه", 9),
    ("العاشره", 10),
    ("الحاديه عشره", 11),
    ("الثانيه عشره", 12),
    ("الثالثه عشره", 13),
    ("الرابعه عشره", 14),
    ("الخامسه عشره", 15),
    ("السادسه عشره", 16),
    ("السابعه عشره", 17),
    ("الثامنه عشره", 18),
    ("التاسعه عشره", 19),
    ("العشرين", 20),
];

fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let mut total = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// Splits the first word off `s` (after leading white space).
fn first_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    let end = s
        .find(|c: char| {
            c.is_whitespace() || c == '(' || c == ':' || ascii_digit(c).is_ascii_digit()
        })
        .unwrap_or(s.len());
    // Keep "Art." together; stop a word at a digit (`Art.2`).
    (&s[..end], &s[end..])
}

/// The heading title after the number: strips one separator.
fn title_of(rest: &str) -> Option<String> {
    let t = rest.trim();
    let t = t
        .strip_prefix([':', '-', '–', '—', '.', '،'])
        .unwrap_or(t)
        .trim();
    (!t.is_empty()).then(|| crate::text::collapse_whitespace(t))
}

/// Reads an ordinal or cardinal number word (English or Arabic) at the start
/// of `rest`: returns (as written, value, remaining text).
fn number_word(rest: &str) -> Option<(String, u32, &str)> {
    let t = rest.trim_start();
    // Two-word Arabic ordinals first (الحادي عشر).
    let words: Vec<(usize, &str)> = t
        .split_whitespace()
        .take(2)
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    for n in (1..=words.len()).rev() {
        let (start, last) = words[n - 1];
        let mut end = start + last.len();
        let mut candidate = &t[..end];
        // Trim a trailing separator glued to the word (`الأول:`).
        while let Some(c) = candidate.chars().last()
            && matches!(c, ':' | '-' | '.' | '،')
        {
            end -= c.len_utf8();
            candidate = &t[..end];
        }
        let folded = fold_arabic_keyword(candidate);
        let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = candidate.to_lowercase();
        let value = ARABIC_ORDINALS
            .iter()
            .find(|(w, _)| *w == folded)
            .or_else(|| ENGLISH_NUMBER_WORDS.iter().find(|(w, _)| *w == lower))
            .map(|(_, v)| *v);
        if let Some(v) = value {
            return Some((candidate.to_owned(), v, &t[end..]));
        }
    }
    None
}

/// Reads a number written as an ordinal or cardinal word, English or Arabic
/// (`One`, `second`, `الثانية`, `الحادي عشر`), at the start of `text`:
/// returns (as written, value, remaining text).
pub fn number_in_words(text: &str) -> Option<(String, u32, &str)> {
    number_word(text)
}

/// Reads an article reference at the start of `text`: an article word and a
/// number in any form a statute heading may use (`Article 2 bis`,
/// `المادة (٢)`, `المادة الأولى`). Returns the number and the rest of the text.
pub fn article_reference(text: &str) -> Option<(ArticleNumber, &str)> {
    let (word, rest) = first_word(text);
    let lower = word.to_lowercase();
    let folded = fold_arabic_keyword(word);
    let is_article = ENGLISH_ARTICLE_WORDS.contains(&lower.as_str())
        || ARABIC_ARTICLE_WORDS.contains(&folded.as_str())
        || crate::lang::heading_word(word) == Some("article");
    if !is_article {
        return None;
    }
    if let Some(found) = parse_article_number(rest) {
        return Some(found);
    }
    let (display, value, rest) = number_word(rest)?;
    Some((
        ArticleNumber {
            normalised: value.to_string(),
            display,
        },
        rest,
    ))
}

/// Classifies a heading by its text.
pub fn classify(text: &str) -> HeadingKind {
    let (word, rest) = first_word(text);
    let lower = word.to_lowercase();
    let folded = fold_arabic_keyword(word);
    let is_article = ENGLISH_ARTICLE_WORDS.contains(&lower.as_str())
        || ARABIC_ARTICLE_WORDS.contains(&folded.as_str())
        || crate::lang::heading_word(word) == Some("article");
    if is_article {
        if let Some((number, rest)) = parse_article_number(rest) {
            return HeadingKind::Article {
                number,
                title: title_of(rest),
            };
        }
        if let Some((display, value, rest)) = number_word(rest) {
            return HeadingKind::Article {
                number: ArticleNumber {
                    normalised: value.to_string(),
                    display,
                },
                title: title_of(rest),
            };
        }
        let digits = rest
            .trim_start()
            .trim_start_matches('(')
            .trim_start()
            .chars()
            .take_while(|c| ascii_digit(*c).is_ascii_digit())
            .count();
        if digits > MAX_ARTICLE_DIGITS {
            return HeadingKind::ArticleNumberTooLong(digits);
        }
        return HeadingKind::ArticleWithoutNumber;
    }
    let kind = match (lower.as_str(), folded.as_str()) {
        ("part", _) | (_, "الباب" | "باب") => ContainerKind::Part,
        ("book", _) | (_, "الكتاب" | "كتاب") => ContainerKind::Book,
        ("chapter", _) | (_, "الفصل" | "فصل") => ContainerKind::Chapter,
        ("section", _) | (_, "القسم" | "قسم") => ContainerKind::Section,
        // Words a language file adds (`chapter = ["Chapitre"]`).
        _ => match crate::lang::heading_word(word) {
            Some("part") => ContainerKind::Part,
            Some("book") => ContainerKind::Book,
            Some("chapter") => ContainerKind::Chapter,
            Some("section") => ContainerKind::Section,
            _ => return HeadingKind::Other,
        },
    };
    let t = rest.trim_start();
    let token_end = t
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '.' | '،'))
        .unwrap_or(t.len());
    let token = &t[..token_end];
    let digits: String = token.chars().map(ascii_digit).collect();
    let number = if !token.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits
            .parse()
            .ok()
            .map(|v| ((token.to_owned(), v), &t[token_end..]))
    } else if let Some(v) = roman(token) {
        Some(((token.to_owned(), v), &t[token_end..]))
    } else {
        number_word(t).map(|(display, v, rest)| ((display, v), rest))
    };
    match number {
        Some((number, rest)) => HeadingKind::Container {
            kind,
            number: Some(number),
            title: title_of(rest),
        },
        None => HeadingKind::Container {
            kind,
            number: None,
            title: title_of(rest),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> (String, String, Option<String>) {
        match classify(text) {
            HeadingKind::Article { number, title } => (number.normalised, number.display, title),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn container(text: &str) -> (ContainerKind, Option<u32>, Option<String>) {
        match classify(text) {
            HeadingKind::Container {
                kind,
                number,
                title,
            } => (kind, number.map(|n| n.1), title),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn english_article_headings() {
        assert_eq!(article("Article 2"), ("2".into(), "2".into(), None));
        assert_eq!(article("Art. 2 bis: Penalty").0, "2bis");
        assert_eq!(article("Art. 2 bis: Penalty").2.as_deref(), Some("Penalty"));
        assert_eq!(article("Art.3").0, "3");
        assert_eq!(
            article("ARTICLE 14 — Publication").2.as_deref(),
            Some("Publication")
        );
        assert_eq!(article("Article One").0, "1");
    }

    #[test]
    fn arabic_article_headings() {
        assert_eq!(article("المادة 2").0, "2");
        assert_eq!(article("مادة (٢)").0, "2");
        assert_eq!(article("المادة ٢ مكرراً").0, "2bis");
        assert_eq!(article("المادة 5 مكرراً (أ)").0, "5bis_a");
        assert_eq!(
            article("المادة (١٣): حدود الرأفة").2.as_deref(),
            Some("حدود الرأفة")
        );
        assert_eq!(article("المادة الأولى").0, "1");
        assert_eq!(article("المادة الحادية عشرة: نص").0, "11");
        assert_eq!(article("المادة الحادية عشرة: نص").2.as_deref(), Some("نص"));
        assert_eq!(article("المادَّة ٣").0, "3");
    }

    #[test]
    fn article_references_return_the_rest() {
        let (n, rest) = article_reference("Article 2 bis after Article 2").unwrap();
        assert_eq!((n.normalised.as_str(), rest), ("2bis", " after Article 2"));
        let (n, rest) = article_reference("المادة ١٣، يستبدل").unwrap();
        assert_eq!((n.normalised.as_str(), rest), ("13", "، يستبدل"));
        let (n, rest) = article_reference("المادة الثانية من").unwrap();
        assert_eq!((n.normalised.as_str(), rest), ("2", " من"));
        assert!(article_reference("Chapter 2").is_none());
        assert!(article_reference("Article").is_none());
    }

    #[test]
    fn article_word_without_number() {
        assert_eq!(classify("Article"), HeadingKind::ArticleWithoutNumber);
        assert_eq!(
            classify("Article: Definitions"),
            HeadingKind::ArticleWithoutNumber
        );
        assert_eq!(classify("المادة"), HeadingKind::ArticleWithoutNumber);
    }

    #[test]
    fn containers() {
        assert_eq!(
            container("Chapter 1: General"),
            (ContainerKind::Chapter, Some(1), Some("General".into()))
        );
        assert_eq!(container("Part II").1, Some(2));
        assert_eq!(container("Chapter Three - Offences").1, Some(3));
        assert_eq!(container("الفصل الأول: أحكام عامة").1, Some(1));
        assert_eq!(
            container("الفصل الأول: أحكام عامة").2.as_deref(),
            Some("أحكام عامة")
        );
        assert_eq!(container("الباب الثاني عشر").1, Some(12));
        assert_eq!(container("القسم ٣").1, Some(3));
        assert_eq!(container("Section").1, None);
        assert_eq!(classify("Preamble"), HeadingKind::Other);
        assert_eq!(classify("Articles 3 to 5"), HeadingKind::Other);
    }
}
