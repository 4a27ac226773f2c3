//! Text analysis: how statute text and queries become index terms.
//!
//! tantivy ships no Arabic normaliser, and its tokenizers split on
//! `char::is_alphanumeric`, which cuts a vowelled Arabic word at every
//! haraka (harakat are combining marks, not letters). Its `RemoveLongFilter`
//! counts bytes, so it silently drops long vowelled Arabic words. This module
//! builds one analyser, used for documents and queries alike, that gets both
//! languages right:
//!
//! 1. [`WordTokenizer`]: Unicode word boundaries (UAX #29), so harakat stay
//!    inside their word; a run of digits is split from attached letters
//!    (`2013م` gives `2013` and `م`).
//! 2. tantivy's `LowerCaser`.
//! 3. [`ArabicNormalizer`]: folds like Lucene's `ArabicNormalizer` (tatweel
//!    and harakat removed; آ أ إ ٱ to ا; ى to ي; ة to ه) and maps
//!    Arabic-Indic and Eastern Arabic digits to ASCII; drops the invisible
//!    characters of [`crate::text::is_invisible`] (zero-width joiner and
//!    non-joiner, direction marks, bidi controls), which UAX #29 keeps
//!    inside a word and which would otherwise make it a different term.
//! 4. [`LongTokenFilter`]: drops a token longer than
//!    [`MAX_TOKEN_CHARS`] *characters* (not bytes).
//! 5. [`ArabicStemmer`]: Lucene's light Arabic stemmer (one prefix, then
//!    suffixes, keeping at least two letters).
//! 6. [`EnglishSpelling`]: a British spelling becomes the American one
//!    (`labour` to `labor`, `organised` to `organized`; the table is
//!    [`crate::text::ENGLISH_SPELLINGS`], which the site's search uses too).
//! 7. tantivy's English (Snowball) `Stemmer`, which leaves Arabic untouched.
//!
//! English and Arabic text go through the same chain: each step changes only
//! the script it is about, so a field can mix both and a query need not say
//! which language it is in.

use std::mem;
use std::sync::{Arc, Mutex, MutexGuard};

use tantivy::tokenizer::{
    Language, LowerCaser, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

use crate::hash::FastMap;
use crate::text::{ArabicFold, fold_arabic_char};

/// The name the analyser is registered under in every index.
pub const ANALYZER: &str = "mizan";

/// Tokens longer than this many characters (after folding) are dropped: no
/// word in either language comes near it, while base64 blobs or run-together
/// text would bloat the term dictionary.
pub const MAX_TOKEN_CHARS: usize = 100;

/// The analyser for statute text and queries.
pub fn analyzer() -> TextAnalyzer {
    analyzer_of(WordTokenizer)
}

/// The analyser's filters after `tokenizer`.
fn analyzer_of<T: Tokenizer>(tokenizer: T) -> TextAnalyzer {
    TextAnalyzer::builder(tokenizer)
        .filter(LowerCaser)
        .filter(EditFilter(ArabicNormalizer))
        .filter(EditFilter(LongTokenFilter))
        .filter(EditFilter(ArabicStemmer))
        .filter(EditFilter(EnglishSpelling))
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The same tokens as [`analyzer`], each word's analysis remembered
/// (shared by the analyser's clones): for highlighting the results of one
/// query, whose texts repeat their words, where stemming every word again
/// took most of the time. Not for indexing: what it remembers is never
/// let go while a clone lives.
pub fn remembering_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(RememberingTokenizer {
        memory: Arc::new(Mutex::new(Memory {
            words: FastMap::default(),
            filters: analyzer_of(WholeText),
        })),
    })
}

/// Every filter of the analyser is a function of one token's text: a word
/// of [`WordTokenizer`] gives the same term (or none) wherever it is.
#[derive(Clone)]
struct RememberingTokenizer {
    memory: Arc<Mutex<Memory>>,
}

struct Memory {
    /// A word as [`WordTokenizer`] cuts it -> its term, or `None` when a
    /// filter drops it.
    words: FastMap<Box<str>, Option<Box<str>>>,
    /// The analyser's filters, on a whole word.
    filters: TextAnalyzer,
}

impl Memory {
    fn term(&mut self, word: &str) -> Option<&str> {
        if !self.words.contains_key(word) {
            let mut stream = self.filters.token_stream(word);
            let term = stream
                .advance()
                .then(|| stream.token().text.as_str().into());
            self.words.insert(word.into(), term);
        }
        self.words.get(word).and_then(|t| t.as_deref())
    }
}

struct RememberingStream<'a> {
    words: WordTokenStream<'a>,
    memory: MutexGuard<'a, Memory>,
}

impl Tokenizer for RememberingTokenizer {
    type TokenStream<'a> = RememberingStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> RememberingStream<'a> {
        RememberingStream {
            words: WordTokenStream::new(text),
            memory: self.memory.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }
}

impl TokenStream for RememberingStream<'_> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            let token = self.words.token_mut();
            if let Some(term) = self.memory.term(&token.text) {
                token.text.clear();
                token.text.push_str(term);
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.words.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.words.token_mut()
    }
}

/// The whole text as one token (the filters of [`remembering_analyzer`]
/// are given one word at a time).
#[derive(Debug, Clone, Copy, Default)]
struct WholeText;

struct WholeTextStream {
    token: Token,
    given: bool,
}

impl Tokenizer for WholeText {
    type TokenStream<'a> = WholeTextStream;

    fn token_stream(&mut self, text: &str) -> WholeTextStream {
        let mut token = Token::default();
        token.text.push_str(text);
        token.offset_to = text.len();
        WholeTextStream {
            token,
            given: false,
        }
    }
}

impl TokenStream for WholeTextStream {
    fn advance(&mut self) -> bool {
        !mem::replace(&mut self.given, true)
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Folds British spellings into American ones (see
/// [`crate::text::american_spelling`]), before stemming.
#[derive(Debug, Clone, Copy, Default)]
pub struct EnglishSpelling;

impl TokenEdit for EnglishSpelling {
    fn edit(&self, text: &mut String, _: &mut String) -> bool {
        if text.is_ascii()
            && let Some(american) = crate::text::american_spelling(text)
        {
            *text = american;
        }
        true
    }
}

/// The terms `text` is indexed (or searched) as.
pub fn terms(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

// ---------------------------------------------------------------------------
// Tokenizer

/// Splits text on Unicode word boundaries (UAX #29), then splits digits from
/// letters inside a word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordTokenizer;

pub struct WordTokenStream<'a> {
    words: UnicodeWordIndices<'a>,
    /// The rest of the current word and its byte offset in the text.
    rest: &'a str,
    rest_offset: usize,
    token: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        WordTokenStream::new(text)
    }
}

impl<'a> WordTokenStream<'a> {
    fn new(text: &'a str) -> WordTokenStream<'a> {
        WordTokenStream {
            words: text.unicode_word_indices(),
            rest: "",
            rest_offset: 0,
            token: Token::default(),
        }
    }
}

/// The length in bytes of the leading run of `word` that is all digits or all
/// non-digits.
fn same_class_prefix(word: &str) -> usize {
    let mut chars = word.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let digit = first.is_numeric();
    chars
        .find(|(_, c)| c.is_numeric() != digit)
        .map_or(word.len(), |(i, _)| i)
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if self.rest.is_empty() {
                let Some((offset, word)) = self.words.next() else {
                    return false;
                };
                self.rest = word;
                self.rest_offset = offset;
            }
            let len = same_class_prefix(self.rest);
            let piece = &self.rest[..len];
            let from = self.rest_offset;
            self.rest = &self.rest[len..];
            self.rest_offset += len;
            // A piece made only of combining marks (a stray haraka after a
            // digit) is not a word.
            if !piece.chars().any(char::is_alphanumeric) {
                continue;
            }
            self.token.text.clear();
            self.token.text.push_str(piece);
            self.token.offset_from = from;
            self.token.offset_to = from + len;
            self.token.position = self.token.position.wrapping_add(1);
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

// ---------------------------------------------------------------------------
// Filters that edit one token at a time

/// An edit of one token's text: returns `false` to drop the token.
pub trait TokenEdit: Clone + Send + Sync + 'static {
    fn edit(&self, text: &mut String, scratch: &mut String) -> bool;
}

/// Turns a [`TokenEdit`] into a tantivy token filter.
#[derive(Debug, Clone, Copy)]
pub struct EditFilter<E>(pub E);

#[derive(Clone)]
pub struct EditTokenizer<E, T> {
    edit: E,
    inner: T,
}

pub struct EditTokenStream<E, S> {
    edit: E,
    inner: S,
    scratch: String,
}

impl<E: TokenEdit> TokenFilter for EditFilter<E> {
    type Tokenizer<T: Tokenizer> = EditTokenizer<E, T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> EditTokenizer<E, T> {
        EditTokenizer {
            edit: self.0,
            inner: tokenizer,
        }
    }
}

impl<E: TokenEdit, T: Tokenizer> Tokenizer for EditTokenizer<E, T> {
    type TokenStream<'a> = EditTokenStream<E, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        EditTokenStream {
            edit: self.edit.clone(),
            inner: self.inner.token_stream(text),
            scratch: String::new(),
        }
    }
}

impl<E: TokenEdit, S: TokenStream> TokenStream for EditTokenStream<E, S> {
    fn advance(&mut self) -> bool {
        while self.inner.advance() {
            if self
                .edit
                .edit(&mut self.inner.token_mut().text, &mut self.scratch)
            {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

// ---------------------------------------------------------------------------
// Arabic normalisation

/// Folds Arabic spelling variants the way Lucene's `ArabicNormalizer` does,
/// and Arabic-Indic digits to ASCII. Leaves other scripts unchanged.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArabicNormalizer;

impl ArabicNormalizer {
    /// The folded form of a whole string (for tests and callers outside an
    /// analyser).
    pub fn fold(text: &str) -> String {
        let mut s = text.to_owned();
        let mut scratch = String::new();
        ArabicNormalizer.edit(&mut s, &mut scratch);
        s
    }
}

impl TokenEdit for ArabicNormalizer {
    fn edit(&self, text: &mut String, scratch: &mut String) -> bool {
        // Every character this filter touches is outside ASCII.
        if text.is_ascii()
            || text
                .chars()
                .all(|c| matches!(fold_arabic_char(c), ArabicFold::Keep))
        {
            return true;
        }
        scratch.clear();
        for c in text.chars() {
            match fold_arabic_char(c) {
                ArabicFold::Keep => scratch.push(c),
                ArabicFold::Drop => {}
                ArabicFold::Into(d) => scratch.push(d),
            }
        }
        mem::swap(text, scratch);
        // A token of nothing but tatweel and marks folds to nothing.
        !text.is_empty()
    }
}

/// Drops tokens longer than [`MAX_TOKEN_CHARS`] characters. Counts
/// characters, not bytes: an Arabic letter is two bytes in UTF-8, and a
/// vowelled word has a mark after nearly every letter.
#[derive(Debug, Clone, Copy, Default)]
pub struct LongTokenFilter;

impl TokenEdit for LongTokenFilter {
    fn edit(&self, text: &mut String, _: &mut String) -> bool {
        // Fast path: no string of this many bytes can be over the limit.
        text.len() <= MAX_TOKEN_CHARS || text.chars().count() <= MAX_TOKEN_CHARS
    }
}

// ---------------------------------------------------------------------------
// Arabic light stemming

/// Lucene's `ArabicStemmer` prefixes, in the order it tries them: ال, وال,
/// بال, كال, فال, لل, و.
const PREFIXES: [&str; 7] = [
    "\u{0627}\u{0644}",
    "\u{0648}\u{0627}\u{0644}",
    "\u{0628}\u{0627}\u{0644}",
    "\u{0643}\u{0627}\u{0644}",
    "\u{0641}\u{0627}\u{0644}",
    "\u{0644}\u{0644}",
    "\u{0648}",
];

/// Lucene's `ArabicStemmer` suffixes, in the order it tries them: ها, ان,
/// ات, ون, ين, يه, ية, ه, ة, ي.
const SUFFIXES: [&str; 10] = [
    "\u{0647}\u{0627}",
    "\u{0627}\u{0646}",
    "\u{0627}\u{062A}",
    "\u{0648}\u{0646}",
    "\u{064A}\u{0646}",
    "\u{064A}\u{0647}",
    "\u{064A}\u{0629}",
    "\u{0647}",
    "\u{0629}",
    "\u{064A}",
];

/// The light Arabic stemmer of Lucene (Larkey, Ballesteros and Connell): at
/// most one prefix is removed, then each suffix in turn, and every removal
/// leaves at least two letters (a lone و needs a word of four letters).
/// Expects normalised input.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArabicStemmer;

impl ArabicStemmer {
    /// The stem of one normalised word.
    pub fn stem(word: &str) -> String {
        let mut s = word.to_owned();
        ArabicStemmer.edit(&mut s, &mut String::new());
        s
    }
}

impl TokenEdit for ArabicStemmer {
    fn edit(&self, text: &mut String, _: &mut String) -> bool {
        if text.is_ascii() {
            return true;
        }
        // Every affix is made of Arabic letters, two bytes each in UTF-8, so
        // lengths in characters are byte lengths / 2 for the affix itself.
        let mut len = text.chars().count();
        for prefix in PREFIXES {
            let plen = prefix.chars().count();
            let long_enough = if plen == 1 { len >= 4 } else { len >= plen + 2 };
            if long_enough && text.starts_with(prefix) {
                text.drain(..prefix.len());
                len -= plen;
                break;
            }
        }
        for suffix in SUFFIXES {
            let slen = suffix.chars().count();
            if len >= slen + 2 && text.ends_with(suffix) {
                text.truncate(text.len() - suffix.len());
                len -= slen;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn harakat_stay_inside_their_word() {
        // With tantivy's SimpleTokenizer this vowelled word would split at
        // every mark.
        assert_eq!(terms("يُعاقَب"), ["يعاقب"]);
        assert_eq!(terms("مُكافَحَة الاتِّجار"), terms("مكافحة الاتجار"));
    }

    #[test]
    fn normaliser_follows_lucene() {
        assert_eq!(ArabicNormalizer::fold("أإآٱ"), "اااا");
        assert_eq!(ArabicNormalizer::fold("مصطفى"), "مصطفي");
        assert_eq!(ArabicNormalizer::fold("محكمة"), "محكمه");
        assert_eq!(ArabicNormalizer::fold("عـــقـوبـة"), "عقوبه");
        assert_eq!(ArabicNormalizer::fold("عُقُوبَةٌ"), "عقوبه");
        assert_eq!(ArabicNormalizer::fold("١٣ ۱۴"), "13 14");
        assert_eq!(ArabicNormalizer::fold("court"), "court");
    }

    #[test]
    fn invisible_characters_are_folded_away() {
        let plain = terms("الاتجار بالأشخاص");
        // A zero-width joiner, a non-joiner, a tatweel, a right-to-left
        // mark and an isolate inside the words.
        assert_eq!(terms("الات\u{200D}جار بالأش\u{200C}خاص"), plain);
        assert_eq!(terms("الاتـــجار \u{2067}بالأشخاص\u{2069}"), plain);
        assert_eq!(terms("الاتجار\u{200F} بال\u{202E}أشخاص"), plain);
        assert_eq!(terms("traf\u{00AD}ficking"), terms("trafficking"));
    }

    #[test]
    fn stemmer_follows_lucene() {
        // One prefix, then suffixes in order.
        assert_eq!(ArabicStemmer::stem("الاتفاقيه"), "اتفاق");
        assert_eq!(ArabicStemmer::stem("والاتجار"), "اتجار");
        assert_eq!(ArabicStemmer::stem("بالاشخاص"), "اشخاص");
        assert_eq!(ArabicStemmer::stem("للضحايا"), "ضحايا");
        assert_eq!(ArabicStemmer::stem("وعقوبه"), "عقوب");
        assert_eq!(ArabicStemmer::stem("المهاجرين"), "مهاجر");
        assert_eq!(ArabicStemmer::stem("العاملات"), "عامل");
        // Minimum lengths: و needs four letters; other affixes leave two.
        assert_eq!(ArabicStemmer::stem("ولد"), "ولد");
        assert_eq!(ArabicStemmer::stem("به"), "به");
        assert_eq!(ArabicStemmer::stem("english"), "english");
    }

    #[test]
    fn digits_split_from_attached_letters() {
        assert_eq!(terms("2013م"), ["2013", "م"]);
        assert_eq!(terms("لسنة ٢٠١٣م"), ["لسن", "2013", "م"]);
    }

    #[test]
    fn british_and_american_spellings_are_one_term() {
        assert_eq!(terms("labour"), terms("labor"));
        assert_eq!(terms("Organised"), terms("organized"));
        assert_eq!(terms("programme"), terms("program"));
        assert_ne!(terms("labour"), terms("law"));
    }

    #[test]
    fn english_is_lowercased_and_stemmed() {
        assert_eq!(terms("Trafficking Victims"), ["traffick", "victim"]);
        assert_eq!(terms("victim's consent"), ["victim", "consent"]);
    }

    #[test]
    fn long_vowelled_word_is_kept_and_blobs_are_dropped() {
        let word = "وَلِلْمُسْتَخْدَمِينَ";
        assert!(
            word.len() > 40,
            "tantivy's default RemoveLongFilter::limit(40) drops it"
        );
        assert_eq!(terms(word).len(), 1);
        assert!(terms(&"x".repeat(MAX_TOKEN_CHARS + 1)).is_empty());
        assert_eq!(terms(&"x".repeat(MAX_TOKEN_CHARS)).len(), 1);
    }

    #[test]
    fn offsets_point_at_the_original_text() {
        let text = "يُعاقَب 2013م";
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut spans = Vec::new();
        while let Some(t) = stream.next() {
            spans.push(&text[t.offset_from..t.offset_to]);
        }
        assert_eq!(spans, ["يُعاقَب", "2013", "م"]);
    }

    proptest! {
        #[test]
        fn english_stemmer_leaves_arabic_alone(word in "[\u{0621}-\u{064A}]{1,12}") {
            let mut analyzer = TextAnalyzer::builder(WordTokenizer)
                .filter(Stemmer::new(Language::English))
                .build();
            let mut stream = analyzer.token_stream(&word);
            while let Some(t) = stream.next() {
                prop_assert_eq!(&t.text, &word[t.offset_from..t.offset_to]);
            }
        }

        #[test]
        fn analysis_never_panics_and_stems_are_short_enough(text in "\\PC{0,40}") {
            for t in terms(&text) {
                prop_assert!(!t.is_empty());
                prop_assert!(t.chars().count() <= MAX_TOKEN_CHARS);
            }
        }

        #[test]
        fn folding_is_idempotent(text in "[\u{0600}-\u{06FF} a-z0-9]{0,30}") {
            let once = ArabicNormalizer::fold(&text);
            prop_assert_eq!(ArabicNormalizer::fold(&once), once.clone());
        }
    }
}
