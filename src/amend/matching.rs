//! Finding words in an article: the pieces of text a substitution searches,
//! whole-word matching, the closest words for a "not found" message, and
//! tidying the text a deletion leaves.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::corpus::{Article, Point};
use crate::text::{collapse_whitespace, edit_distance};

/// A piece of article text a substitution works in: a paragraph's own text
/// (`points` empty) or a point, by position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Unit {
    pub paragraph: usize,
    pub points: Vec<usize>,
}

/// Removes doubled spaces and spaces before punctuation that a deletion leaves.
pub(super) fn tidy(text: &str) -> String {
    let collapsed = collapse_whitespace(text);
    let mut out = String::with_capacity(collapsed.len());
    let mut chars = collapsed.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' '
            && chars
                .peek()
                .is_some_and(|n| matches!(n, ',' | '.' | ';' | ':' | '،' | '؛'))
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// The pieces of an article's text a substitution searches: each
/// paragraph's own text, then its points, depth first.
pub(super) fn units(article: &Article) -> Vec<(Unit, &str)> {
    fn walk<'a>(
        points: &'a [Point],
        paragraph: usize,
        path: &mut Vec<usize>,
        out: &mut Vec<(Unit, &'a str)>,
    ) {
        for (i, p) in points.iter().enumerate() {
            path.push(i);
            out.push((
                Unit {
                    paragraph,
                    points: path.clone(),
                },
                p.text.as_str(),
            ));
            walk(&p.points, paragraph, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    for (k, p) in article.paragraphs.iter().enumerate() {
        out.push((
            Unit {
                paragraph: k + 1,
                points: Vec::new(),
            },
            p.text.as_str(),
        ));
        walk(&p.points, k + 1, &mut Vec::new(), &mut out);
    }
    out
}

pub(super) fn unit_text_mut<'a>(article: &'a mut Article, unit: &Unit) -> Option<&'a mut String> {
    let p = article.paragraphs.get_mut(unit.paragraph.checked_sub(1)?)?;
    let Some((first, rest)) = unit.points.split_first() else {
        return Some(&mut p.text);
    };
    let mut point = p.points.get_mut(*first)?;
    for i in rest {
        point = point.points.get_mut(*i)?;
    }
    Some(&mut point.text)
}

/// A letter, digit or combining mark: a character that continues a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Where `needle` occurs in `hay` as whole words: a match that begins (or
/// ends) with a word character must begin (or end) at a word boundary, so
/// `ten` is not found in `often`. Non-overlapping, left to right.
pub(super) fn find_words(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() || !hay.contains(needle) {
        return Vec::new();
    }
    let mut bounds: Vec<usize> = hay.split_word_bound_indices().map(|(i, _)| i).collect();
    bounds.push(hay.len());
    let starts_word = needle.chars().next().is_some_and(is_word_char);
    let ends_word = needle.chars().last().is_some_and(is_word_char);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let ok = (!starts_word || bounds.binary_search(&start).is_ok())
            && (!ends_word || bounds.binary_search(&end).is_ok());
        if ok {
            out.push(start..end);
            from = end;
        } else {
            from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The run of words in the article most like `needle` (by edit distance,
/// over windows of about as many words), for "not found" help.
pub(super) fn closest_words(units: &[(Unit, &str)], needle: &str) -> Option<String> {
    let needle_words = needle.unicode_words().count().max(1);
    let needle_chars = needle.chars().count();
    let mut best: Option<(usize, String)> = None;
    for (_, text) in units {
        let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        for size in needle_words.saturating_sub(1).max(1)..=needle_words + 1 {
            for w in words.windows(size) {
                let (start, _) = w[0];
                let (last, last_word) = w[size - 1];
                let mut end = last + last_word.len();
                // Keep punctuation glued to the last word when the needle has it.
                if let Some(c) = needle.chars().last()
                    && !is_word_char(c)
                    && text[end..].starts_with(c)
                {
                    end += c.len_utf8();
                }
                let candidate = &text[start..end];
                let len = candidate.chars().count();
                if len.abs_diff(needle_chars) > needle_chars {
                    continue;
                }
                let d = edit_distance(needle, candidate);
                if best.as_ref().is_none_or(|(b, _)| d < *b) {
                    best = Some((d, candidate.to_owned()));
                }
            }
        }
    }
    best.map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_only_whole() {
        assert_eq!(find_words("often ten times ten", "ten"), vec![6..9, 16..19]);
        assert_eq!(
            find_words("fifteen years' imprisonment", "fifteen years'"),
            vec![0..14]
        );
        assert!(find_words("بالاتجار", "الاتجار").is_empty());
        assert_eq!(find_words("يُعاقَب بالحبس", "يُعاقَب").len(), 1);
        // A match may not stop before a diacritic of its last letter.
        assert!(find_words("يُعاقَب", "يُعاق").is_empty());
        assert_eq!(find_words("a, b", ", b"), vec![1..4]);
    }

    #[test]
    fn tidy_removes_the_gaps_a_deletion_leaves() {
        assert_eq!(tidy("the sentence , and so"), "the sentence, and so");
        assert_eq!(tidy("a  b ."), "a b.");
    }
}
