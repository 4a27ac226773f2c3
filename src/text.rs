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
    if text.is_ascii() || is_plainly_nfc(text) {
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

const NOT_KNOWN: u8 = u8::MAX;

/// The fast check's class of each code point below U+0800: 0 for one that
/// is NFC by itself and never combines (Latin-1 above U+00A0: precomposed
/// letters, « », NBSP; Arabic number signs and comma, not the marks from
/// U+0610; ؛ ؟ letters and tatweel, not the harakat from U+064B;
/// Arabic-Indic digits); the combining class of the harakat, 27
/// (fathatan) to 34 (sukun) and 35 for the superscript alef; `NOT_KNOWN`
/// for the rest.
const TWO_BYTE_CLASS: [u8; 0x800] = {
    let mut table = [NOT_KNOWN; 0x800];
    let mut cp = 0;
    while cp < 0x800 {
        table[cp] = match cp {
            0x00A0..=0x00FF | 0x0600..=0x060F | 0x061B..=0x064A | 0x0660..=0x066F => 0,
            0x064B..=0x0652 => (cp - 0x064B) as u8 + 27,
            0x0670 => 35,
            _ => NOT_KNOWN,
        };
        cp += 1;
    }
    table
};

/// Whether `text` is NFC by a fast check that knows the characters statutes
/// are made of: ASCII, Latin-1 above U+00A0, Arabic letters, digits and
/// punctuation, common punctuation (dashes, quotes), which are NFC by
/// themselves and never combine; and the Arabic vowel marks (harakat,
/// U+064B..U+0652, and the superscript alef U+0670), which are NFC by
/// themselves but must follow each other in canonical order (by combining
/// class, which for them rises with the code point). `false` means "not
/// known": the general check decides.
fn is_plainly_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    // Combining class of the previous mark in the current run (0: none).
    let mut last_ccc = 0u8;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            last_ccc = 0;
            i += 1;
            // Skip runs of ASCII eight bytes at a time.
            while let Some(chunk) = b.get(i..i + 8) {
                let word = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
                if word & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            continue;
        }
        // Two-byte sequences: U+0080..U+07FF, by table.
        if c & 0xE0 == 0xC0 && i + 1 < b.len() {
            let cp = (usize::from(c & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
            match TWO_BYTE_CLASS[cp] {
                0 => last_ccc = 0,
                NOT_KNOWN => return false,
                ccc if ccc < last_ccc => return false,
                ccc => last_ccc = ccc,
            }
            i += 2;
            continue;
        }
        // Three-byte sequences starting E2 80/81: U+2000..U+207F.
        if c == 0xE2 && i + 2 < b.len() && (b[i + 1] == 0x80 || b[i + 1] == 0x81) {
            let cp = 0x2000 | (u32::from(b[i + 1] & 0x3F) << 6) | u32::from(b[i + 2] & 0x3F);
            // Dashes, quotes, bullets, ellipsis, per mille (U+2000, U+2001
            // and the spaces decompose or are unusual: not here).
            if !matches!(cp, 0x2010..=0x2027 | 0x2030..=0x205E) {
                return false;
            }
            last_ccc = 0;
            i += 3;
            continue;
        }
        return false;
    }
    true
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

/// Whether `c` is a bidirectional embedding, override or isolate control
/// (U+202A..U+202E, U+2066..U+2069): characters that reorder what a reader
/// sees without being seen themselves, so that text can read differently
/// from what it holds. `check` warns about every one.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is an invisible character that search folds away: the
/// zero-width joiner and non-joiner, the direction marks (LRM, RLM, ALM),
/// the bidi controls, the soft hyphen, the byte order mark, and the Arabic
/// tatweel (kashida), which stretches a word without changing it.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{0640}' | '\u{200C}'..='\u{200F}' | '\u{061C}' | '\u{00AD}' | '\u{FEFF}'
    ) || is_bidi_control(c)
}

/// `text` without its [invisible](is_invisible) characters, borrowing when
/// it has none.
pub fn strip_invisible(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(is_invisible) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    }
}

/// `text` without its [bidi controls](is_bidi_control), for showing it: a
/// right-to-left override would make a title read backwards.
pub fn without_bidi_controls(text: &str) -> Cow<'_, str> {
    if bidi_controls(text).is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| !is_bidi_control(*c)).collect())
    }
}

/// Byte offsets and characters of every [bidi control](is_bidi_control) in
/// `text`. Each is encoded as `E2 80 AA..AE` or `E2 81 A6..A9`, so only the
/// `E2` bytes are looked at.
pub fn bidi_controls(text: &str) -> Vec<(usize, char)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Blocks of 64 bytes without an `E2` (most of them) are skipped by a
    // branch-free test the compiler turns into vector instructions.
    let mut from = 0;
    while let Some(block) = b.get(from..from + 64) {
        if block.iter().fold(false, |acc, &x| acc | (x == 0xE2)) {
            break;
        }
        from += 64;
    }
    while let Some(i) = b[from..].iter().position(|&x| x == 0xE2) {
        let at = from + i;
        if let Some(c) = text.get(at..).and_then(|s| s.chars().next())
            && is_bidi_control(c)
        {
            out.push((at, c));
        }
        from = at + 1;
    }
    out
}

/// Collapses runs of white space into one space and trims both ends.
pub fn collapse_whitespace(text: &str) -> String {
    if is_tidy(text) {
        return text.to_owned();
    }
    collapse(text)
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`collapse_whitespace`] of text the caller owns: most paragraphs are
/// tidy already, and are given back as they are, not copied.
pub fn collapse_whitespace_owned(mut text: String) -> String {
    if is_tidy(&text) {
        // As a copy would be: no room to spare (the text is kept).
        text.shrink_to_fit();
        return text;
    }
    collapse(&text)
}

/// Whether `text` has no white space but single ASCII spaces between words.
/// Most paragraphs are tidy; a branch-free pass (which the compiler turns
/// into vector instructions) finds the few that have a control character,
/// a double space or a lead byte of a non-ASCII space, and only those are
/// looked at closely.
fn is_tidy(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let suspicious = b.iter().fold(false, |acc, &c| {
        acc | (c < 0x20) | (c == 0xC2) | (c == 0xE1) | (c == 0xE2) | (c == 0xE3)
    });
    let doubled = b
        .windows(2)
        .fold(false, |acc, w| acc | ((w[0] == b' ') & (w[1] == b' ')));
    if doubled {
        return false;
    }
    !suspicious || is_tidy_exact(text)
}

/// The exact check: one pass over the bytes, decoding only the lead bytes
/// that can start a non-ASCII space.
fn is_tidy_exact(text: &str) -> bool {
    let b = text.as_bytes();
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

/// A control character as a visible one: C0 controls become their Control
/// Pictures (ESC -> `␛`), DEL `␡`, and C1 controls `�`. Tab, line feed and
/// carriage return are white space and are kept; so is every other
/// character.
pub fn visible_control(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// The byte offset of the first control character [`visible_control`]
/// would replace. A branch-free pass looks for the bytes that can start
/// one (below 0x20, 0x7F, and 0xC2, the lead byte of C1 controls), and only
/// a text that has one is looked at closely.
pub fn first_control(text: &str) -> Option<usize> {
    let suspicious = text.as_bytes().iter().fold(false, |acc, &b| {
        acc | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f) | (b == 0xc2)
    });
    if !suspicious {
        return None;
    }
    text.char_indices()
        .find(|(_, c)| visible_control(*c).is_some())
        .map(|(i, _)| i)
}

/// `text` with every control character a terminal would obey (ESC starts
/// the sequences that retitle or clear it) replaced by a visible one; see
/// [`visible_control`]. Borrows when there is none.
pub fn show_controls(text: &str) -> Cow<'_, str> {
    match first_control(text) {
        None => Cow::Borrowed(text),
        Some(first) => {
            let mut out = String::with_capacity(text.len() + 8);
            out.push_str(&text[..first]);
            out.extend(
                text[first..]
                    .chars()
                    .map(|c| visible_control(c).unwrap_or(c)),
            );
            Cow::Owned(out)
        }
    }
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

/// The one wording of a suggestion, `did you mean {shown}?`; `shown` is
/// quoted by the caller when it is code (an id), and not when it is prose
/// (`Article 3`).
pub fn did_you_mean(shown: impl std::fmt::Display) -> String {
    format!("did you mean {shown}?")
}

/// `did you mean `x`?` for the candidate nearest `word`, when one is close
/// enough to be a likely typo.
pub fn did_you_mean_nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(word, candidates).map(|best| did_you_mean(format_args!("`{best}`")))
}

// Arabic folding, as Lucene's `ArabicNormalizer` does: used by the search
// analyser and by exports for search clusters, so it lives here, below both.

const ALEF: char = '\u{0627}';
const YEH: char = '\u{064A}';
const HEH: char = '\u{0647}';

/// What Arabic folding (search, exports) does with one character.
pub enum ArabicFold {
    Keep,
    Drop,
    Into(char),
}

pub fn fold_arabic_char(c: char) -> ArabicFold {
    match c {
        // Alef with madda, hamza above, hamza below, wasla.
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => ArabicFold::Into(ALEF),
        // Alef maqsura.
        '\u{0649}' => ArabicFold::Into(YEH),
        // Teh marbuta.
        '\u{0629}' => ArabicFold::Into(HEH),
        // Tatweel, zero-width joiner and non-joiner, direction marks and
        // bidi controls: invisible, they must not split or change a word.
        c if is_invisible(c) => ArabicFold::Drop,
        // Harakat (fathatan .. sukun), the marks after them (maddah above,
        // hamza above and below, ...), superscript alef, honorific signs and
        // Quranic annotation marks.
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' => ArabicFold::Drop,
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => ArabicFold::Into(ascii_digit(c)),
        _ => ArabicFold::Keep,
    }
}

/// Folds Arabic spelling variants (alef forms, alef maqsura, teh marbuta,
/// harakat, tatweel) and Arabic-Indic digits; other text is unchanged.
pub fn fold_arabic(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match fold_arabic_char(c) {
            ArabicFold::Keep => out.push(c),
            ArabicFold::Drop => {}
            ArabicFold::Into(d) => out.push(d),
        }
    }
    out
}

/// British and American spellings of the same English words, as
/// `(British stem, American stem)`: a word that begins with the first is
/// searched as if it began with the second, in the command-line index and
/// in the site's, so that "labor" finds "labour" and "organized" finds
/// "organised". Stems, not whole words: `organis` covers organise,
/// organised, organisation.
pub const ENGLISH_SPELLINGS: &[(&str, &str)] = &[
    ("authoris", "authoriz"),
    ("behaviour", "behavior"),
    ("centre", "center"),
    ("characteris", "characteriz"),
    ("colour", "color"),
    ("counsell", "counsel"),
    ("criminalis", "criminaliz"),
    ("defence", "defense"),
    ("endeavour", "endeavor"),
    ("favour", "favor"),
    ("harbour", "harbor"),
    ("harmonis", "harmoniz"),
    ("honour", "honor"),
    ("judgement", "judgment"),
    ("labour", "labor"),
    ("legalis", "legaliz"),
    ("licence", "license"),
    ("minimis", "minimiz"),
    ("mobilis", "mobiliz"),
    ("neighbour", "neighbor"),
    ("offence", "offense"),
    ("organis", "organiz"),
    ("penalis", "penaliz"),
    ("pretence", "pretense"),
    ("prioritis", "prioritiz"),
    ("programme", "program"),
    ("realis", "realiz"),
    ("recognis", "recogniz"),
    ("standardis", "standardiz"),
    ("summaris", "summariz"),
    ("travell", "travel"),
    ("utilis", "utiliz"),
];

/// The American spelling of a lower-case English word that has a British
/// one in [`ENGLISH_SPELLINGS`] (`labourers`: `laborers`); `None` for any
/// other word.
pub fn american_spelling(word: &str) -> Option<String> {
    ENGLISH_SPELLINGS.iter().find_map(|(british, american)| {
        word.strip_prefix(british)
            .map(|rest| format!("{american}{rest}"))
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn british_spellings_fold_to_american_ones() {
        use super::american_spelling;
        assert_eq!(american_spelling("labour").as_deref(), Some("labor"));
        assert_eq!(american_spelling("labourers").as_deref(), Some("laborers"));
        assert_eq!(american_spelling("organised").as_deref(), Some("organized"));
        assert_eq!(
            american_spelling("organisation").as_deref(),
            Some("organization")
        );
        assert_eq!(american_spelling("programmes").as_deref(), Some("programs"));
        assert_eq!(american_spelling("offences").as_deref(), Some("offenses"));
        assert_eq!(american_spelling("labor"), None);
        assert_eq!(american_spelling("program"), None);
        assert_eq!(american_spelling("law"), None);
    }

    /// Every character the fast path accepts is NFC by itself; the marks
    /// among them have the combining class it assumes; so it agrees with
    /// the general check on any text of them.
    #[test]
    fn the_plain_nfc_fast_path_agrees_with_the_general_check() {
        use unicode_normalization::char::canonical_combining_class as ccc;
        let mut accepted = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            if is_plainly_nfc(&s) {
                assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "{c:?}");
                let expected = match c as u32 {
                    0x064B..=0x0652 => (c as u32 - 0x064B) as u8 + 27,
                    0x0670 => 35,
                    _ => 0,
                };
                assert_eq!(ccc(c), expected, "{c:?}");
                accepted.push(c);
            }
        }
        assert!(accepted.len() > 128 + 200, "{}", accepted.len());
        // Pairs and triples of the marks with a letter: the fast answer is
        // right whenever it says yes.
        let marks: Vec<char> = accepted.iter().copied().filter(|c| ccc(*c) != 0).collect();
        for a in &marks {
            for b in &marks {
                for c in &marks {
                    let s: String = ['\u{0628}', *a, *b, *c, 'x'].into_iter().collect();
                    if is_plainly_nfc(&s) {
                        assert!(unicode_normalization::is_nfc(&s), "{s:?}");
                    }
                    assert_eq!(nfc(&s), s.nfc().collect::<String>(), "{s:?}");
                }
            }
        }
        assert!(is_plainly_nfc("مُحَمَّد"));
        assert!(is_plainly_nfc("المادة ١٣ «نص» — تجربة؛ «é»"));
        let shadda_then_fatha = "\u{0628}\u{0651}\u{064E}";
        assert_eq!(nfc(shadda_then_fatha), "\u{0628}\u{064E}\u{0651}");
    }

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
    fn invisible_characters_are_stripped_and_bidi_controls_found() {
        // A zero-width joiner, a tatweel and a right-to-left mark inside
        // الاتجار.
        assert_eq!(strip_invisible("الات\u{200D}ـجار\u{200F}"), "الاتجار");
        assert!(matches!(strip_invisible("الاتجار"), Cow::Borrowed(_)));
        let text = "المادة ١ \u{202E}cba\u{202C} و\u{2067}x\u{2069}";
        let found: Vec<char> = bidi_controls(text).into_iter().map(|(_, c)| c).collect();
        assert_eq!(found, ['\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}']);
        for (at, c) in bidi_controls(text) {
            assert!(text[at..].starts_with(c));
        }
        // Dashes and quotes share the lead byte and are not controls.
        assert!(bidi_controls("a — «b» “c” …").is_empty());
        assert_eq!(without_bidi_controls("أ\u{202E}bc\u{202C}"), "أbc");
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
        for t in ["  a \n\t b  ", "a\u{00A0}b", "a  b", "نص عربي", "a b", ""] {
            assert_eq!(
                super::collapse_whitespace_owned(t.to_owned()),
                collapse_whitespace(t)
            );
        }
        assert_eq!(collapse_whitespace("a\u{00A0}b"), "a b");
        assert_eq!(collapse_whitespace("a  b"), "a b");
        assert_eq!(collapse_whitespace("نص عربي"), "نص عربي");
        assert!(is_tidy("نص عربي — x"));
        assert!(!is_tidy("a\u{3000}b"));
        assert!(!is_tidy("a\u{0085}b"));
        assert!(is_tidy("«a» — b"));
        assert!(!is_tidy("a\u{2003}b"));
    }

    proptest::proptest! {
        /// The fast tidy check agrees with collapsing and comparing.
        #[test]
        fn tidy_means_collapsing_changes_nothing(s in "[ a\t\n\u{00A0}\u{00AB}\u{2003}\u{2014}\u{3000}ب]{0,12}") {
            let collapsed: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(is_tidy(&s), collapsed.join(" ") == s);
        }
    }
}
