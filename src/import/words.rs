//! The words import reads structure by, beyond the heading grammar (which
//! is `corpus`'s): plain tables, English lower case and Arabic folded
//! (`fold_arabic_keyword`).

/// The start of the heading of an explanatory memorandum.
pub const MEMORANDUM_HEADINGS: [&str; 3] = [
    "المذكره الايضاحيه",
    "مذكره ايضاحيه",
    "explanatory memorandum",
];

/// A word right after an article number that shows the paragraph cites
/// the article rather than heading it (`المادة ٥ من هذا القانون`).
pub const NOT_A_HEADING_AFTER: [&str; 5] = ["من", "of", "from", "منه", "بعد"];

/// What ends a sentence: a paragraph ending so is text, not a title.
pub const SENTENCE_ENDS: [char; 5] = ['.', '؛', ';', '،', ','];

/// The most words a page header or footer has.
pub const MAX_FURNITURE_WORDS: usize = 12;

/// Whether a paragraph could be a page header or footer: short, not a
/// sentence, not in parentheses (`(ملغاة)` may stand for several
/// repealed articles).
pub fn is_page_furniture_shape(text: &str) -> bool {
    let t = text.trim();
    let parenthesised = t.starts_with('(') && t.ends_with(')');
    !t.is_empty()
        && t.split_whitespace().count() <= MAX_FURNITURE_WORDS
        && !t.ends_with(SENTENCE_ENDS)
        && !parenthesised
}
