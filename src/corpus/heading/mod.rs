//! Recognising article and container headings in English and Arabic.
//!
//! `Article 2`, `Art. 2 bis`, `المادة 2`, `مادة (٢)`, `المادة ١ -`,
//! `مادة ٢ مكرر أ`, `المادة الأولى`, `مادة أولى`, `المادة الأولى بعد
//! المائة`; `Chapter One`, `Part II`, `الفصل الأول`, `الباب 3`, `الفرع
//! الثاني`; `مواد الإصدار`. The words are the languages' `[headings]` and
//! `[numbers]` (i18n/*.toml, `languages/<code>.toml`); numbers in words
//! are read by `numbers.rs`.

mod numbers;

#[cfg(test)]
mod language_tests;

use crate::ids::{ArticleNumber, parse_article_number};
use crate::text::ascii_digit;

use super::ContainerKind;

pub use numbers::number_in_words;

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

/// Reads an article reference at the start of `text`: an article word and a
/// number in any form a statute heading may use (`Article 2 bis`,
/// `المادة (٢)`, `المادة الأولى`). Returns the number and the rest of the text.
pub fn article_reference(text: &str) -> Option<(ArticleNumber, &str)> {
    let (word, rest) = first_word(text);
    // The words are the languages' `[headings]` (i18n/*.toml).
    let kind = crate::lang::heading_word(word);
    let is_article = kind == Some("article");
    if !is_article {
        return None;
    }
    if let Some(found) = parse_article_number(rest) {
        return Some(found);
    }
    let (display, value, rest) = number_in_words(rest)?;
    Some((
        ArticleNumber {
            normalised: value.to_string(),
            display,
        },
        rest,
    ))
}

/// Whether a heading opens the issuing articles of a law (`مواد الإصدار`).
/// The headings are the languages' `[headings]` `issuing`.
pub fn is_issuing_heading(text: &str) -> bool {
    crate::lang::is_issuing_heading(text)
}

/// Classifies a heading by its text.
pub fn classify(text: &str) -> HeadingKind {
    let (word, rest) = first_word(text);
    // The words are the languages' `[headings]` (i18n/*.toml).
    let kind = crate::lang::heading_word(word);
    let is_article = kind == Some("article");
    if is_article {
        if let Some((number, rest)) = parse_article_number(rest) {
            return HeadingKind::Article {
                number,
                title: title_of(rest),
            };
        }
        if let Some((display, value, rest)) = number_in_words(rest) {
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
    if is_issuing_heading(text) {
        return HeadingKind::Container {
            kind: ContainerKind::Issuing,
            number: None,
            title: Some(crate::text::collapse_whitespace(text.trim())),
        };
    }
    let Some(kind) = (match kind {
        Some("part") => Some(ContainerKind::Part),
        Some("book") => Some(ContainerKind::Book),
        Some("chapter") => Some(ContainerKind::Chapter),
        Some("subchapter") => Some(ContainerKind::Subchapter),
        Some("section") => Some(ContainerKind::Section),
        _ => None,
    }) else {
        return HeadingKind::Other;
    };
    let t = rest.trim_start();
    let token_end = t
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '.' | '،'))
        .unwrap_or(t.len());
    let token = &t[..token_end];
    // `الفصل (٢)`: the parentheses belong to the number as written.
    let inner = token
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(token);
    let digits: String = inner.chars().map(ascii_digit).collect();
    let number = if !inner.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits
            .parse()
            .ok()
            .map(|v| ((token.to_owned(), v), &t[token_end..]))
    } else if let Some(v) = roman(token) {
        Some(((token.to_owned(), v), &t[token_end..]))
    } else {
        number_in_words(t).map(|(display, v, rest)| ((display, v), rest))
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

    /// The heading forms of the gazette (issue 17), one assertion each:
    /// (heading, eId number, number as displayed).
    #[test]
    fn gazette_article_heading_forms() {
        for (text, eid, shown) in [
            ("مادة أولى", "1", "أولى"),
            ("مادة ثانية", "2", "ثانية"),
            ("المادة الأولى", "1", "الأولى"),
            ("المادة الحادية عشرة", "11", "الحادية عشرة"),
            ("المادة الثانية والعشرون", "22", "الثانية والعشرون"),
            ("مادة حادية وعشرون", "21", "حادية وعشرون"),
            ("المادة المائة", "100", "المائة"),
            ("المادة المئة", "100", "المئة"),
            ("المادة الأولى بعد المائة", "101", "الأولى بعد المائة"),
            ("المادة الأولى بعد المئة", "101", "الأولى بعد المئة"),
            (
                "المادة التاسعة والتسعون بعد التسعمائة",
                "999",
                "التاسعة والتسعون بعد التسعمائة",
            ),
            ("المـــادة الأولـــى", "1", "الأولـــى"),
            ("مادة (١)", "1", "(١)"),
            ("المادة 1 -", "1", "1"),
            ("المادة ١:", "1", "١"),
            ("مادة ٢ مكرراً (أ)", "2bis_a", "٢ مكرراً (أ)"),
            ("مادة ٢ مكرر أ", "2bis_a", "٢ مكرر أ"),
            ("مادة ٢ مكرر", "2bis", "٢ مكرر"),
            ("مادة (١٢)", "12", "(١٢)"),
            ("مادة ١2", "12", "١2"),
        ] {
            let (n, d, title) = article(text);
            assert_eq!((n.as_str(), d.as_str()), (eid, shown), "{text}");
            assert_eq!(title, None, "{text}");
        }
        assert_eq!(
            article("المادة الأولى - تعريفات").2.as_deref(),
            Some("تعريفات")
        );
        assert_eq!(
            article("مادة ثالثة: على الوزراء تنفيذ هذا القانون")
                .2
                .as_deref(),
            Some("على الوزراء تنفيذ هذا القانون")
        );
    }

    #[test]
    fn gazette_container_heading_forms() {
        for (text, kind, n) in [
            ("الكتاب الأول", ContainerKind::Book, 1),
            ("الباب الثاني", ContainerKind::Part, 2),
            ("الفصل الثالث", ContainerKind::Chapter, 3),
            ("الفرع الأول", ContainerKind::Subchapter, 1),
            ("الفرع الثاني عشر", ContainerKind::Subchapter, 12),
            ("القسم الرابع", ContainerKind::Section, 4),
            ("الباب الحادي والعشرون", ContainerKind::Part, 21),
            ("فصل تمهيدي أول", ContainerKind::Chapter, 0),
            ("الفصل (٢)", ContainerKind::Chapter, 2),
            ("الـفـصـل الأول", ContainerKind::Chapter, 1),
            ("Subchapter Two", ContainerKind::Subchapter, 2),
            ("Chapter Twenty-One", ContainerKind::Chapter, 21),
        ] {
            let (k, v, _) = container(text);
            assert_eq!(k, kind, "{text}");
            if n > 0 {
                assert_eq!(v, Some(n), "{text}");
            }
        }
        assert_eq!(
            container("الفرع الأول: في الجرائم").2.as_deref(),
            Some("في الجرائم")
        );
    }

    #[test]
    fn issuing_articles_heading() {
        for text in [
            "مواد الإصدار",
            "مواد الاصدار:",
            "Issuing articles",
            "مـواد  الإصـدار",
        ] {
            assert!(
                matches!(
                    classify(text),
                    HeadingKind::Container {
                        kind: ContainerKind::Issuing,
                        ..
                    }
                ),
                "{text}"
            );
        }
        assert_eq!(classify("مواد أخرى"), HeadingKind::Other);
    }
}
