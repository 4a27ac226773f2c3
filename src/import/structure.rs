//! Finding a law's structure in its paragraphs: the headings of articles
//! and containers (by the heading grammar of `corpus`), the issuing
//! articles before the law's own, the explanatory memorandum, and the
//! noise of real files (page headers and footers, stray parentheses around
//! numbers, a heading and its text in one paragraph, a container heading
//! written twice). Nothing is dropped but repeated page furniture, and
//! each repeat dropped is reported.

use crate::corpus::{ContainerKind, HeadingKind, article_reference, classify_heading};
use crate::ids::{ArticleNumber, fold_arabic_keyword};

use super::read::{Block, Place};
use super::words::{
    MEMORANDUM_HEADINGS, NOT_A_HEADING_AFTER, SENTENCE_ENDS, is_page_furniture_shape,
};

/// The most words a container heading (with its title) has; a longer
/// paragraph that starts with `الباب` is a sentence.
const MAX_CONTAINER_WORDS: usize = 16;
/// The most words after an article number that are read as its title;
/// more are the article's first paragraph.
const MAX_TITLE_WORDS: usize = 6;
/// How often a short paragraph must repeat to be a page header or footer.
const FURNITURE_REPEATS: usize = 3;

/// One piece of the law, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A paragraph of text.
    Text(Block),
    Container {
        kind: ContainerKind,
        /// The heading as written (stray parentheses removed).
        heading: String,
        /// The number's value (for matching a heading written twice).
        value: u32,
        place: Place,
    },
    Article {
        /// The article word and number as written (`مادة أولى`).
        heading: String,
        number: ArticleNumber,
        title: Option<String>,
        /// Whether it is one of the issuing articles.
        issuing: bool,
        place: Place,
    },
    /// The heading of the issuing articles, as written or `None` when the
    /// source has none.
    Issuing(Option<Block>),
    /// The heading of the explanatory memorandum; all that follows is its
    /// text.
    Memorandum(Block),
}

/// Something the reader noticed and the user should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub place: Option<Place>,
    pub message: String,
}

/// A law's structure.
#[derive(Debug, Default)]
pub struct Structure {
    pub items: Vec<Item>,
    pub notes: Vec<Note>,
    /// Where the first copy of each repeated page header or footer is
    /// (kept, but never the law's title).
    pub furniture: Vec<Place>,
    /// The container kinds in nesting order, outermost first
    /// ([`kind_order`]); the Markdown writer gives them levels 1, 2, ...
    pub kinds: Vec<ContainerKind>,
}

impl Structure {
    pub fn articles(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| matches!(i, Item::Article { .. }))
    }

    pub fn count_articles(&self, issuing: bool) -> usize {
        self.articles()
            .filter(|i| matches!(i, Item::Article { issuing: x, .. } if *x == issuing))
            .count()
    }

    pub fn count_containers(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i, Item::Container { .. }))
            .count()
    }
}

/// Removes parentheses that close nothing or are never closed (`مادة 1 )))`,
/// `المادة ))) ٣`), and collapses the spaces they leave.
pub fn balance_parentheses(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut open = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' if open.pop().is_none() => keep[i] = false,
            _ => {}
        }
    }
    for i in open {
        keep[i] = false;
    }
    let kept: String = chars
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| *c)
        .collect();
    // `( ١ )` reads as `(١)`.
    let kept = kept.replace("( ", "(").replace(" )", ")");
    crate::text::collapse_whitespace(&kept)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn folded_letters(text: &str) -> String {
    fold_arabic_keyword(text)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// What a paragraph is, read alone.
enum Reading {
    Text,
    Article {
        heading: String,
        number: ArticleNumber,
        title: Option<String>,
        body: Option<String>,
    },
    Container {
        kind: ContainerKind,
        heading: String,
        value: u32,
    },
    Issuing,
    Memorandum,
}

/// Reads one paragraph: a heading (article, container, issuing articles,
/// memorandum) or text.
fn read_block(text: &str) -> Reading {
    let folded = fold_arabic_keyword(text).to_lowercase();
    if MEMORANDUM_HEADINGS.iter().any(|m| folded.starts_with(m)) && word_count(text) <= 8 {
        return Reading::Memorandum;
    }
    let clean = balance_parentheses(text);
    match classify_heading(&clean) {
        HeadingKind::Article { .. } => read_article(&clean),
        HeadingKind::Container {
            kind: ContainerKind::Issuing,
            ..
        } => Reading::Issuing,
        HeadingKind::Container {
            kind,
            number: Some((_, value)),
            title,
        } if word_count(&clean) <= MAX_CONTAINER_WORDS && !cites(&clean, title.as_deref()) => {
            Reading::Container {
                kind,
                heading: clean,
                value,
            }
        }
        _ => Reading::Text,
    }
}

/// Whether a container heading's words are a citation (`الباب الأول من
/// هذا القانون ...`): its title, not set off by a separator, starts with
/// a word of [`NOT_A_HEADING_AFTER`].
fn cites(clean: &str, title: Option<&str>) -> bool {
    let Some((title, before)) = title.and_then(|t| Some((t, clean.strip_suffix(t)?))) else {
        return false;
    };
    let separated = before.trim_end().ends_with([':', '-', '–', '—', '.', '،']);
    let first = title.split_whitespace().next().unwrap_or("");
    !separated && NOT_A_HEADING_AFTER.contains(&fold_arabic_keyword(first).to_lowercase().as_str())
}

/// An article heading, with a title or the article's first paragraph
/// after its number.
fn read_article(clean: &str) -> Reading {
    let Some((number, rest)) = article_reference(clean) else {
        return Reading::Text;
    };
    let heading = clean[..clean.len() - rest.len()].trim_end().to_owned();
    let after = rest
        .trim_start()
        .trim_start_matches([':', '-', '–', '—', '.', '،'])
        .trim();
    // `المادة ٥ من هذا القانون ...` cites an article; it is not a heading.
    let first = after.split_whitespace().next().unwrap_or("");
    let separated = rest
        .trim_start()
        .starts_with([':', '-', '–', '—', '.', '،']);
    if !separated
        && NOT_A_HEADING_AFTER.contains(&fold_arabic_keyword(first).to_lowercase().as_str())
    {
        return Reading::Text;
    }
    let (title, body) = if after.is_empty() {
        (None, None)
    } else if word_count(after) <= MAX_TITLE_WORDS && !after.ends_with(SENTENCE_ENDS) {
        (Some(after.to_owned()), None)
    } else {
        (None, Some(after.to_owned()))
    };
    Reading::Article {
        heading,
        number,
        title,
        body,
    }
}

/// Finds the structure of a law in its paragraphs. `None` when no
/// paragraph starts an article.
pub fn structure(blocks: Vec<Block>) -> Option<Structure> {
    let mut s = Structure::default();
    let blocks = drop_furniture(blocks, &mut s.notes, &mut s.furniture);
    let mut memorandum = false;
    for block in blocks {
        if memorandum {
            s.items.push(Item::Text(block));
            continue;
        }
        match read_block(&block.text) {
            Reading::Text => s.items.push(Item::Text(block)),
            Reading::Memorandum => {
                memorandum = true;
                s.items.push(Item::Memorandum(block));
            }
            Reading::Issuing => s.items.push(Item::Issuing(Some(Block {
                text: balance_parentheses(&block.text),
                ..block
            }))),
            Reading::Container {
                kind,
                heading,
                value,
            } => s.items.push(Item::Container {
                kind,
                heading,
                value,
                place: block.place,
            }),
            Reading::Article {
                heading,
                number,
                title,
                body,
            } => {
                s.items.push(Item::Article {
                    heading,
                    number,
                    title,
                    issuing: false,
                    place: block.place,
                });
                if let Some(body) = body {
                    s.items.push(Item::Text(Block {
                        text: body,
                        ..block
                    }));
                }
            }
        }
    }
    s.articles().next()?;
    mark_issuing(&mut s);
    container_titles(&mut s);
    merge_repeated_containers(&mut s);
    repeated_articles(&mut s);
    repeated_container_ids(&mut s);
    s.notes.sort_by_key(|n| n.place);
    Some(s)
}

/// Short paragraphs that repeat on every page (a running header, a page
/// number): the first of each is kept, the others dropped and reported.
fn drop_furniture(blocks: Vec<Block>, notes: &mut Vec<Note>, kept: &mut Vec<Place>) -> Vec<Block> {
    let shape = |b: &Block| -> Option<String> {
        if !is_page_furniture_shape(&b.text) || !matches!(read_block(&b.text), Reading::Text) {
            return None;
        }
        let s: String = fold_arabic_keyword(&b.text)
            .chars()
            .map(|c| {
                if crate::text::ascii_digit(c).is_ascii_digit() {
                    '#'
                } else {
                    c
                }
            })
            .collect();
        Some(s)
    };
    let mut counts: crate::hash::FastMap<String, usize> = Default::default();
    for b in &blocks {
        if let Some(s) = shape(b) {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut seen: crate::hash::FastMap<String, usize> = Default::default();
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        if let Some(s) = shape(&b)
            && counts[&s] >= FURNITURE_REPEATS
        {
            let n = seen.entry(s).or_default();
            *n += 1;
            if *n == 1 {
                kept.push(b.place);
            } else {
                notes.push(Note {
                    place: Some(b.place),
                    message: format!("dropped a repeated page header or footer: «{}»", b.text),
                });
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// The articles before the numbering starts again at 1 are the issuing
/// articles (مادة أولى ... مادة ثالثة, then the law's المادة ١).
fn mark_issuing(s: &mut Structure) {
    let mut seen_any = false;
    let mut restart = None;
    for (i, item) in s.items.iter().enumerate() {
        if let Item::Article { number, .. } = item {
            if seen_any && number.normalised == "1" {
                restart = Some(i);
                break;
            }
            seen_any = true;
        }
    }
    let Some(restart) = restart else {
        // Headings of issuing articles with no law after them: the
        // articles are the law's own; the headings stay as text.
        issuing_headings_to_text(s, None);
        return;
    };
    let mut first = None;
    for (i, item) in s.items[..restart].iter_mut().enumerate() {
        if let Item::Article { issuing, .. } = item {
            *issuing = true;
            first.get_or_insert(i);
        }
    }
    let Some(first) = first else { return };
    let last = (first..restart)
        .rev()
        .find(|i| matches!(s.items[*i], Item::Article { .. }))
        .unwrap_or(first);
    // Issuing laws have no chapters: a container heading before or among
    // the issuing articles would close their section, or take the number
    // of one of the law's own, so it stays text.
    for item in &mut s.items[..last] {
        if let Item::Container { heading, place, .. } = item {
            let block = Block {
                text: heading.clone(),
                place: *place,
                span: None,
            };
            s.notes.push(Note {
                place: Some(*place),
                message: format!(
                    "a container heading before or among the issuing articles was kept as text: «{heading}»"
                ),
            });
            *item = Item::Text(block);
        }
    }
    // The source's own heading counts if it comes right before the first
    // issuing article (text between is allowed); any other is text.
    let own = (0..first)
        .rev()
        .take_while(|i| matches!(s.items[*i], Item::Text(_) | Item::Issuing(Some(_))))
        .find(|i| matches!(s.items[*i], Item::Issuing(Some(_))));
    issuing_headings_to_text(s, own);
    if own.is_none() {
        s.items.insert(first, Item::Issuing(None));
    }
    // What lies between the last issuing article and the law's first
    // heading (a signature, the law's title) stays with the last issuing
    // article: say so.
    let last_issuing = s
        .items
        .iter()
        .rposition(|i| matches!(i, Item::Article { issuing: true, .. }));
    if let Some(last) = last_issuing {
        let after: Vec<Place> = s.items[last + 1..]
            .iter()
            .take_while(|i| matches!(i, Item::Text(_)))
            .filter_map(|i| match i {
                Item::Text(b) => Some(b.place),
                _ => None,
            })
            .collect();
        // The first paragraph is the article's own text; what follows it
        // may be more of it, a signature, or the law's title.
        if let [_, first, .., last] | [_, first @ last] = after.as_slice() {
            let lines = if first == last {
                first.to_string()
            } else {
                format!("{first} to {last}")
            };
            let (count, pronoun) = match after.len() - 1 {
                1 => ("1 paragraph".to_owned(), "it is"),
                n => (format!("{n} paragraphs"), "they are"),
            };
            s.notes.push(Note {
                place: Some(*first),
                message: format!(
                    "{count} after the first paragraph of the last issuing article ({lines}) kept as its text; check whether {pronoun} that, a signature or the law's title"
                ),
            });
        }
    }
}

/// Turns every heading of issuing articles but the one at `keep` into text.
fn issuing_headings_to_text(s: &mut Structure, keep: Option<usize>) {
    for (i, item) in s.items.iter_mut().enumerate() {
        if Some(i) != keep
            && let Item::Issuing(Some(b)) = item
        {
            *item = Item::Text(b.clone());
        }
    }
}

/// A container heading with no title, followed by a short paragraph that
/// is no sentence (`الباب الأول` / `أحكام عامة`): that paragraph is its title.
fn container_titles(s: &mut Structure) {
    let mut i = 0;
    while i + 1 < s.items.len() {
        let takes_title = match (&s.items[i], &s.items[i + 1]) {
            (Item::Container { heading, .. }, Item::Text(next)) => {
                let own_title = match classify_heading(heading) {
                    HeadingKind::Container { title, .. } => title.is_some(),
                    _ => true,
                };
                !own_title && word_count(&next.text) <= 10 && !next.text.ends_with(SENTENCE_ENDS)
            }
            _ => false,
        };
        if takes_title {
            let Item::Text(next) = s.items.remove(i + 1) else {
                unreachable!("checked above")
            };
            if let Item::Container { heading, .. } = &mut s.items[i] {
                heading.push_str(": ");
                heading.push_str(&next.text);
            }
        }
        i += 1;
    }
}

/// The same container heading twice in a row, with different punctuation
/// (`الفصل الأول: أحكام عامة`, then `الفصل الأول - أحكام عامة`): the
/// second is dropped when its words are the first's, and reported.
fn merge_repeated_containers(s: &mut Structure) {
    let mut i = 0;
    let mut last: Option<usize> = None;
    while i < s.items.len() {
        match &s.items[i] {
            Item::Container {
                kind,
                heading,
                value,
                place,
            } => {
                let repeat = last.and_then(|l| match &s.items[l] {
                    Item::Container {
                        kind: k,
                        heading: h,
                        value: v,
                        ..
                    } if k == kind && v == value => {
                        Some(folded_letters(h) == folded_letters(heading))
                    }
                    _ => None,
                });
                match repeat {
                    Some(true) => {
                        s.notes.push(Note {
                            place: Some(*place),
                            message: format!("dropped a repeated heading: «{heading}»"),
                        });
                        s.items.remove(i);
                        continue;
                    }
                    Some(false) => {
                        // Same number, other words: kept as text.
                        let block = Block {
                            text: heading.clone(),
                            place: *place,
                            span: None,
                        };
                        s.notes.push(Note {
                            place: Some(*place),
                            message: format!(
                                "a second heading with the same number was kept as text: «{heading}»"
                            ),
                        });
                        s.items[i] = Item::Text(block);
                    }
                    None => last = Some(i),
                }
            }
            Item::Article { .. } | Item::Issuing(_) | Item::Memorandum(_) => last = None,
            Item::Text(_) => {}
        }
        i += 1;
    }
}

/// The container kinds in nesting order, outermost first: the order the
/// law's own text meets them (after the issuing articles, whose section
/// is a level-1 heading, so that the law's first heading closes it), then
/// any met only before.
pub fn kind_order(items: &[Item]) -> Vec<ContainerKind> {
    let start = items
        .iter()
        .rposition(|i| matches!(i, Item::Article { issuing: true, .. }))
        .map_or(0, |i| i + 1);
    let mut kinds: Vec<ContainerKind> = Vec::new();
    for item in items[start..].iter().chain(&items[..start]) {
        if let Item::Container { kind, .. } = item
            && !kinds.contains(kind)
        {
            kinds.push(*kind);
        }
    }
    kinds
}

/// A container whose eId is taken (the same kind and number again under
/// the same parent, further away than [`merge_repeated_containers`] looks):
/// kept as text, and reported. The nesting is the one the Markdown writer
/// gives: the first kind met is the outermost.
fn repeated_container_ids(s: &mut Structure) {
    s.kinds = kind_order(&s.items);
    let kinds = s.kinds.clone();
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for item in &mut s.items {
        let (level, own, heading, place) = match item {
            Item::Container {
                kind,
                value,
                heading,
                place,
            } => (
                kinds.iter().position(|k| k == kind).unwrap_or(0) + 1,
                format!("{}_{value}", kind.eid_prefix()),
                heading.clone(),
                *place,
            ),
            Item::Issuing(_) | Item::Memorandum(_) => {
                open.clear();
                continue;
            }
            _ => continue,
        };
        // The parent is the innermost open container above this level; a
        // heading kept as text closes nothing, so `open` changes only for
        // a container kept.
        let parent = open.iter().rev().find(|(l, _)| *l < level);
        let eid = match parent {
            Some((_, parent)) => format!("{parent}__{own}"),
            None => own,
        };
        if seen.insert(eid.clone()) {
            while open.last().is_some_and(|(l, _)| *l >= level) {
                open.pop();
            }
            open.push((level, eid));
        } else {
            s.notes.push(Note {
                place: Some(place),
                message: format!(
                    "a second heading with the same number was kept as text: «{heading}»"
                ),
            });
            *item = Item::Text(Block {
                text: heading,
                place,
                span: None,
            });
        }
    }
}

/// An article number used twice among the law's own articles (or twice
/// among the issuing articles): the second heading is kept as text, and
/// reported, so that the file still passes `check`.
fn repeated_articles(s: &mut Structure) {
    let mut seen = std::collections::BTreeSet::new();
    for item in &mut s.items {
        if let Item::Article {
            heading,
            number,
            title,
            issuing,
            place,
        } = item
            && !seen.insert((*issuing, number.normalised.clone()))
        {
            let text = match title {
                Some(t) => format!("{heading}: {t}"),
                None => heading.clone(),
            };
            let note = Note {
                place: Some(*place),
                message: format!(
                    "a second article numbered {} was kept as text of the one before: «{text}»",
                    number.normalised
                ),
            };
            *item = Item::Text(Block {
                text,
                place: *place,
                span: None,
            });
            s.notes.push(note);
        }
    }
}

#[cfg(test)]
mod tests;
