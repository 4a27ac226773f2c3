//! The word-level redline of one piece of text against another.
//!
//! Text is cut at Unicode word boundaries (UAX #29), so punctuation,
//! Arabic punctuation included (، ؛ ؟), stands alone, and a combining mark
//! (Arabic harakat U+064B–U+065F, U+0670, Latin accents) always stays with
//! its letter: a change of vowel marks only shows the whole word deleted and
//! inserted, never a bare mark. The words are compared with `similar`
//! (Myers), and white space between two changes is folded into them so that
//! a run of changed words reads as one change.

use serde::{Serialize, Serializer};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Equal,
    Insert,
    Delete,
}

/// A run of text of one kind. `old` and `new` are its place in the old and
/// new text, in characters (Unicode scalar values), end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "pair")]
    pub old: Option<(usize, usize)>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "pair")]
    pub new: Option<(usize, usize)>,
}

fn pair<S: Serializer>(v: &Option<(usize, usize)>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some((a, b)) => [a, b].serialize(s),
        None => s.serialize_none(),
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
    )
}

/// The words (and spaces, and punctuation) of `text`, in order. A token
/// never begins with a combining mark: UAX #29 already keeps marks with
/// their letter, and a mark after a line break joins the token before.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, w) in text.split_word_bound_indices() {
        if i > start && !w.starts_with(is_mark) {
            out.push(&text[start..i]);
            start = i;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

enum Chunk {
    Equal(String),
    Change { delete: String, insert: String },
}

/// The redline of `new` against `old`.
pub fn redline(old: &str, new: &str) -> Vec<Segment> {
    if old == new {
        return whole(SegmentKind::Equal, old);
    }
    // Only the part between the common beginning and end needs cutting
    // into words and comparing; the cut falls after white space, where
    // both texts have the same word boundary.
    let (head, tail) = common_ends(old, new);
    let a = tokens(&old[head..old.len() - tail]);
    let b = tokens(&new[head..new.len() - tail]);
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    let mut chunks: Vec<Chunk> = Vec::new();
    if head > 0 {
        chunks.push(Chunk::Equal(old[..head].to_owned()));
    }
    let change = |chunks: &mut Vec<Chunk>, delete: String, insert: String| {
        if let Some(Chunk::Change {
            delete: d,
            insert: i,
        }) = chunks.last_mut()
        {
            d.push_str(&delete);
            i.push_str(&insert);
        } else {
            chunks.push(Chunk::Change { delete, insert });
        }
    };
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                chunks.push(Chunk::Equal(a[old_index..old_index + len].concat()));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => change(
                &mut chunks,
                a[old_index..old_index + old_len].concat(),
                String::new(),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => change(
                &mut chunks,
                String::new(),
                b[new_index..new_index + new_len].concat(),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => change(
                &mut chunks,
                a[old_index..old_index + old_len].concat(),
                b[new_index..new_index + new_len].concat(),
            ),
        }
    }
    if tail > 0 {
        chunks.push(Chunk::Equal(old[old.len() - tail..].to_owned()));
    }
    segments(move_spaces_out(absorb_short_equalities(absorb_spaces(
        merge_equal(chunks),
    ))))
}

/// The lengths in bytes of a common beginning and a common end of `a` and
/// `b` that end (and begin) just after white space, before a character that
/// starts a word, so that cutting there changes no word boundary. They do
/// not overlap.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let starts_word = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !is_mark(c))
    };
    // Whole characters only: two different characters may share bytes.
    let prefix = a
        .char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8());
    // The last cut point inside the common beginning.
    let mut head = 0;
    for (i, c) in a[..floor(a, prefix)].char_indices() {
        let next = i + c.len_utf8();
        if c.is_whitespace() && next < prefix && starts_word(&a[next..]) {
            head = next;
        }
    }
    let max_tail = (a.len() - head).min(b.len() - head);
    let suffix = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take(max_tail)
        .take_while(|(x, y)| x == y)
        .count();
    // The first cut point inside the common end: the start of a word that
    // follows white space, both inside the common end.
    let from = ceil(a, a.len() - suffix);
    let mut tail = 0;
    for (i, c) in a[from..].char_indices() {
        let at = from + i;
        let next = at + c.len_utf8();
        if c.is_whitespace() && next < a.len() && starts_word(&a[next..]) {
            tail = a.len() - next;
            break;
        }
    }
    (head, tail)
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Joins neighbouring unchanged runs.
fn merge_equal(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for c in chunks {
        match (out.last_mut(), c) {
            (Some(Chunk::Equal(prev)), Chunk::Equal(text)) => prev.push_str(&text),
            (_, c) => out.push(c),
        }
    }
    out
}

/// The semantic cleanup of Myers' output (as in diff-match-patch): an
/// unchanged run no longer than the changes on both sides of it is
/// folded into them, so a rewritten sentence reads as one replacement
/// rather than as words picked out of it. Runs that hold a line break stay,
/// so paragraphs stay apart.
fn absorb_short_equalities(chunks: Vec<Chunk>) -> Vec<Chunk> {
    fn size(c: &Chunk) -> usize {
        match c {
            Chunk::Change { delete, insert } => delete.chars().count().max(insert.chars().count()),
            Chunk::Equal(_) => 0,
        }
    }
    // A stack reduction: whenever the top reads change, short equal,
    // change, the three become one change; the grown change may then
    // absorb the equal run before it, and so on.
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for chunk in chunks {
        out.push(chunk);
        while out.len() >= 3 {
            let n = out.len();
            let absorbable = match &out[n - 2] {
                Chunk::Equal(text) => {
                    let len = text.chars().count();
                    !text.contains('\n')
                        && foldable(&out[n - 3], &out[n - 1])
                        && len <= size(&out[n - 3])
                        && len <= size(&out[n - 1])
                }
                Chunk::Change { .. } => false,
            };
            if !absorbable {
                break;
            }
            let (Some(next), Some(Chunk::Equal(text))) = (out.pop(), out.pop()) else {
                break;
            };
            if let Some(into) = out.last_mut() {
                fold(into, &text, next);
            }
        }
    }
    out
}

/// Where a change replaces words with words and both sides begin (or end)
/// with the same white space, that space is shared text: it moves into the
/// equal text beside the change, so a redline reads `the [-Ministry-]{+Authority+} issues`.
fn move_spaces_out(mut chunks: Vec<Chunk>) -> Vec<Chunk> {
    /// The common white space at the start (or end) of `a` and `b`, less
    /// any space that carries a combining mark (it stays with its mark).
    fn common_space(a: &str, b: &str, suffix: bool) -> usize {
        let space = |c: char| c.is_whitespace() && c != '\n';
        if suffix {
            return a
                .chars()
                .rev()
                .zip(b.chars().rev())
                .take_while(|(x, y)| x == y && space(*x))
                .map(|(x, _)| x.len_utf8())
                .sum();
        }
        let mut len: usize = a
            .chars()
            .zip(b.chars())
            .take_while(|(x, y)| x == y && space(*x))
            .map(|(x, _)| x.len_utf8())
            .sum();
        let carries_mark = |s: &str, at: usize| s[at..].starts_with(is_mark);
        while len > 0 && (carries_mark(a, len) || carries_mark(b, len)) {
            len -= a[..len].chars().next_back().map_or(1, char::len_utf8);
        }
        len
    }
    for k in 0..chunks.len() {
        let (lead, trail) = match &chunks[k] {
            Chunk::Change { delete, insert } if !delete.is_empty() && !insert.is_empty() => {
                let lead = common_space(delete, insert, false);
                let trail = common_space(delete, insert, true);
                // Never empty a side.
                if lead + trail >= delete.len().min(insert.len()) {
                    continue;
                }
                (lead, trail)
            }
            _ => continue,
        };
        let before_is_equal = k > 0 && matches!(chunks[k - 1], Chunk::Equal(_));
        let after_is_equal = matches!(chunks.get(k + 1), Some(Chunk::Equal(_)));
        let lead = if before_is_equal { lead } else { 0 };
        let trail = if after_is_equal { trail } else { 0 };
        let (moved_lead, moved_trail) = match &mut chunks[k] {
            Chunk::Change { delete, insert } => {
                let l = delete[..lead].to_owned();
                let t = delete[delete.len() - trail..].to_owned();
                *delete = delete[lead..delete.len() - trail].to_owned();
                *insert = insert[lead..insert.len() - trail].to_owned();
                (l, t)
            }
            Chunk::Equal(_) => continue,
        };
        if let Some(Chunk::Equal(prev)) = k.checked_sub(1).and_then(|i| chunks.get_mut(i)) {
            prev.push_str(&moved_lead);
        }
        if let Some(Chunk::Equal(next)) = chunks.get_mut(k + 1) {
            next.insert_str(0, &moved_trail);
        }
    }
    chunks
}

/// Whether an unchanged run between two changes can be folded into them:
/// only when the merged change both deletes and inserts (folding between two
/// pure insertions would show untouched words as deleted).
fn foldable(before: &Chunk, after: &Chunk) -> bool {
    match (before, after) {
        (
            Chunk::Change {
                delete: d1,
                insert: i1,
            },
            Chunk::Change {
                delete: d2,
                insert: i2,
            },
        ) => !(d1.is_empty() && d2.is_empty() || i1.is_empty() && i2.is_empty()),
        _ => false,
    }
}

/// Folds `text` and the change `next` into the change `into`.
fn fold(into: &mut Chunk, text: &str, next: Chunk) {
    if let (
        Chunk::Change { delete, insert },
        Chunk::Change {
            delete: d2,
            insert: i2,
        },
    ) = (into, next)
    {
        delete.push_str(text);
        delete.push_str(&d2);
        insert.push_str(text);
        insert.push_str(&i2);
    }
}

/// Folds white space that lies between two changes into them.
fn absorb_spaces(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    let mut iter = chunks.into_iter().peekable();
    while let Some(chunk) = iter.next() {
        let space = match &chunk {
            Chunk::Equal(s) if !s.contains('\n') && s.chars().all(char::is_whitespace) => Some(s),
            _ => None,
        };
        let between = match (space, out.last(), iter.peek()) {
            (Some(_), Some(before), Some(after)) => foldable(before, after),
            _ => false,
        };
        match (between, chunk, iter.peek().is_some()) {
            (true, Chunk::Equal(space), true) => {
                if let (Some(next), Some(into)) = (iter.next(), out.last_mut()) {
                    fold(into, &space, next);
                }
            }
            (_, chunk, _) => out.push(chunk),
        }
    }
    out
}

fn segments(chunks: Vec<Chunk>) -> Vec<Segment> {
    let mut out = Vec::new();
    let (mut o, mut n) = (0, 0);
    for chunk in chunks {
        match chunk {
            Chunk::Equal(text) => {
                let len = text.chars().count();
                out.push(Segment {
                    kind: SegmentKind::Equal,
                    text,
                    old: Some((o, o + len)),
                    new: Some((n, n + len)),
                });
                o += len;
                n += len;
            }
            Chunk::Change { delete, insert } => {
                if !delete.is_empty() {
                    let len = delete.chars().count();
                    out.push(Segment {
                        kind: SegmentKind::Delete,
                        text: delete,
                        old: Some((o, o + len)),
                        new: None,
                    });
                    o += len;
                }
                if !insert.is_empty() {
                    let len = insert.chars().count();
                    out.push(Segment {
                        kind: SegmentKind::Insert,
                        text: insert,
                        old: None,
                        new: Some((n, n + len)),
                    });
                    n += len;
                }
            }
        }
    }
    out
}

/// All of `text` as one segment of `kind` (none when it is empty).
pub fn whole(kind: SegmentKind, text: &str) -> Vec<Segment> {
    whole_owned(kind, text.to_owned())
}

/// [`whole`], taking the text.
pub fn whole_owned(kind: SegmentKind, text: String) -> Vec<Segment> {
    if text.is_empty() {
        return Vec::new();
    }
    let len = text.chars().count();
    vec![Segment {
        kind,
        text,
        old: (kind != SegmentKind::Insert).then_some((0, len)),
        new: (kind != SegmentKind::Delete).then_some((0, len)),
    }]
}

/// The old text of a redline (equal and deleted runs).
pub fn old_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Insert)
        .map(|s| s.text.as_str())
        .collect()
}

/// The new text of a redline (equal and inserted runs).
pub fn new_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Delete)
        .map(|s| s.text.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Text from a small alphabet that exercises the tokenizer: Latin and
    /// Arabic letters, harakat, digits, spaces, line breaks, punctuation.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "b", "the", " ", " ", "\n", ",", ".", "،", "؛", "ب", "ع", "اق", "\u{064F}",
                "\u{064E}", "\u{0651}", "\u{0670}", "1", "٣", "'",
            ]),
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn redlines_rebuild_both_texts_and_never_orphan_a_mark(a in text(), b in text()) {
            let r = redline(&a, &b);
            prop_assert_eq!(old_text(&r), a.clone());
            prop_assert_eq!(new_text(&r), b.clone());
            let (mut o, mut n) = (0, 0);
            for s in &r {
                let len = s.text.chars().count();
                if let Some((x, y)) = s.old {
                    prop_assert_eq!((x, y), (o, o + len));
                    o += len;
                }
                if let Some((x, y)) = s.new {
                    prop_assert_eq!((x, y), (n, n + len));
                    n += len;
                }
                // A change never begins with a bare mark, unless the text
                // itself does (then there is no letter to keep it with).
                if s.kind != SegmentKind::Equal && s.text.starts_with(is_mark) {
                    let at_start = match s.kind {
                        SegmentKind::Delete => s.old.map(|x| x.0) == Some(0),
                        _ => s.new.map(|x| x.0) == Some(0),
                    };
                    prop_assert!(at_start, "orphaned mark in {:?}", r);
                }
            }
        }
    }

    fn plain(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s.kind {
                SegmentKind::Equal => s.text.clone(),
                SegmentKind::Delete => format!("[-{}-]", s.text),
                SegmentKind::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn arabic_punctuation_separates_words() {
        assert_eq!(
            tokens("القانون، والمادة؛ لا؟"),
            ["القانون", "،", " ", "والمادة", "؛", " ", "لا", "؟"]
        );
    }

    #[test]
    fn a_vowel_mark_change_shows_the_whole_word() {
        let r = redline("يعاقب بالحبس", "يُعاقَب بالحبس");
        assert_eq!(plain(&r), "[-يعاقب-]{+يُعاقَب+} بالحبس");
        for s in &r {
            assert!(!s.text.starts_with(is_mark), "orphaned mark in {s:?}");
        }
    }

    #[test]
    fn marks_after_a_line_break_stay_with_a_token() {
        for t in tokens("a\n\u{064E}b") {
            assert!(!t.starts_with(is_mark), "{t:?}");
        }
    }

    #[test]
    fn changed_runs_read_as_one_change() {
        let r = redline(
            "punished by fifteen years' imprisonment",
            "punished by at least twenty years' imprisonment",
        );
        assert_eq!(
            plain(&r),
            "punished by [-fifteen-]{+at least twenty+} years' imprisonment"
        );
        let r = redline("a b c d", "a x y d");
        assert_eq!(plain(&r), "a [-b c-]{+x y+} d");
        let r = redline(
            "The Ministry issues licences",
            "The Public Authority for Manpower issues licences",
        );
        assert_eq!(
            plain(&r),
            "The [-Ministry-]{+Public Authority for Manpower+} issues licences"
        );
    }

    #[test]
    fn common_ends_cut_only_between_words() {
        assert_eq!(
            common_ends("the court may order", "the court must order"),
            (10, 5)
        );
        // No cut inside a word, nor before a mark.
        assert_eq!(common_ends("abc", "abd"), (0, 0));
        assert_eq!(common_ends("x \u{064E}a b c", "x \u{064E}a b d").0, 6);
        // The ends never overlap.
        let (h, t) = common_ends("a a a", "a a a a");
        assert!(h + t <= 5);
    }

    #[test]
    fn spans_count_characters_and_rebuild_both_texts() {
        let old = "المادة ١٣ تطبق";
        let new = "المادة ١٤ تطبق";
        let r = redline(old, new);
        assert_eq!(old_text(&r), old);
        assert_eq!(new_text(&r), new);
        let del = r.iter().find(|s| s.kind == SegmentKind::Delete).unwrap();
        assert_eq!(del.old, Some((7, 9)));
        assert_eq!(del.new, None);
    }
}
