//! Text normalisation shared by every reader: NFC, digits, whitespace.
//!
//! Statutes arrive in English and Arabic, typed on different keyboards and
//! copied from different sources. Everything the readers keep passes through
//! here once, so that later stages (ids, search, diffs) can compare text
//! without caring how it was typed.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Returns `text` in Unicode Normalization Form C, borrowing when it already is.
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => {
            let normalised: String = text.nfc().collect();
            if normalised == text {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(normalised)
            }
        }
    }
}

/// Maps an Arabic-Indic (U+0660..U+0669) or Eastern Arabic (U+06F0..U+06F9)
/// digit to its ASCII form; any other character is returned unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// Replaces every Arabic-Indic and Eastern Arabic digit with its ASCII form.
pub fn ascii_digits(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| ascii_digit(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(ascii_digit).collect())
    }
}

/// Writes ASCII digits as Arabic-Indic digits, for Arabic readers.
pub fn arabic_indic_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Collapses runs of white space into one space and trims both ends.
pub fn collapse_whitespace(text: &str) -> String {
    if is_tidy(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` has no white space but single ASCII spaces between words:
/// one pass over the bytes, decoding only the few lead bytes that can start
/// a non-ASCII space.
fn is_tidy(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' if prev_space => return false,
            b' ' => {
                prev_space = true;
                continue;
            }
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => return false,
            // U+0085, U+00A0 (0xC2 ..), U+1680 (0xE1 ..), U+2000.. (0xE2 ..), U+3000 (0xE3 ..)
            0xC2 | 0xE1 | 0xE2 | 0xE3
                if text[i..].chars().next().is_some_and(char::is_whitespace) =>
            {
                return false;
            }
            _ => {}
        }
        prev_space = false;
    }
    true
}

/// The edit distance between two short strings, for "did you mean" help:
/// insertions, deletions, substitutions and swaps of neighbours count one.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.cmp(b))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_indic_and_eastern_digits_become_ascii() {
        assert_eq!(ascii_digits("المادة ١٣ و ۱۴"), "المادة 13 و 14");
        assert!(matches!(ascii_digits("plain 13"), Cow::Borrowed(_)));
    }

    #[test]
    fn ascii_digits_become_arabic_indic() {
        assert_eq!(arabic_indic_digits("Art 2013"), "Art ٢٠١٣");
    }

    #[test]
    fn nfc_composes_decomposed_text() {
        let decomposed = "e\u{0301}";
        assert_eq!(nfc(decomposed), "\u{e9}");
        assert!(matches!(nfc("already"), Cow::Borrowed(_)));
    }

    #[test]
    fn nearest_suggests_a_typo_fix_only_when_close() {
        let fields = ["title", "short_title", "status"];
        assert_eq!(nearest("titel", fields), Some("title"));
        assert_eq!(nearest("titel", ["site", "title"]), Some("title"));
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(nearest("publisher", fields), None);
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
        assert_eq!(collapse_whitespace("a\u{00A0}b"), "a b");
        assert_eq!(collapse_whitespace("a  b"), "a b");
        assert_eq!(collapse_whitespace("نص عربي"), "نص عربي");
        assert!(is_tidy("نص عربي — x"));
        assert!(!is_tidy("a\u{3000}b"));
    }
}
