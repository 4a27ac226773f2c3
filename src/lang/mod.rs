//! Languages as data: one description per language, in a file.
//!
//! Everything mizan itself writes in a language (the site's interface, the
//! words of exports, redlines and questionnaires, the names of months and
//! units, punctuation and digits), and the words it reads headings and
//! amendment operations by, come from a language file: `i18n/en.toml` and
//! `i18n/ar.toml` are compiled into the binary, and a workspace adds a
//! language, or changes a built-in one, with `languages/<code>.toml`. So
//! adding French is adding `languages/fr.toml`, number words
//! (`الحادية عشرة`, `Twenty-First`) included. (The command line's own
//! messages are English.)
//!
//! A [`Lang`] is a small handle to a registered language, cheap to copy and
//! compare, ordered by registration (English, then Arabic, then the
//! workspace's own). The registry is process-wide, because a language code
//! in a statute's front matter must mean the same language wherever it is
//! read; loading a workspace registers its files before anything else is
//! read (see [`register`]).

mod file;
mod format;
mod numbers;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, OnceLock, RwLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use file::{FileError, LanguageFile, read_language_file};
pub use format::{Numerals, date, decimal, digits, fill, number, percent, size};
pub use numbers::{Grammar, NumberWords, NumbersFile};

/// Which way a language's lines run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Ltr,
    Rtl,
}

/// One language's description, as its file gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// ISO 639-1 code (`ar`), used in file names, URLs and front matter.
    pub code: String,
    /// ISO 639-2 code (`ara`), used in Akoma Ntoso expression ids.
    pub iso639_2: String,
    /// The language's name in itself (`العربية`), for language switchers.
    pub name: String,
    pub direction: Direction,
    /// The digits numbers are written in unless `mizan.toml` says otherwise.
    pub numerals: Numerals,
    /// January to December.
    pub months: Vec<String>,
    /// The letters unlabelled list items get, in order (empty: Latin).
    pub point_letters: Vec<String>,
    /// Interface messages by key (`status.missing`); `{name}` marks a value
    /// filled in when the message is used.
    pub messages: BTreeMap<String, String>,
    /// The words that begin a heading, by what the heading is (`article`,
    /// `part`, `book`, `chapter`, `subchapter`, `section`):
    /// `chapter = ["Chapitre"]`.
    pub headings: BTreeMap<String, Vec<String>>,
    /// The heading words folded ([`heading_word`]), each with its kind.
    pub heading_index: BTreeMap<String, String>,
    /// The forms of an amendment's operation headings, by operation
    /// (`replace-article = "Replace {article}"`); see [`OPERATIONS`].
    pub operations: BTreeMap<String, String>,
    /// The headings that open a law's issuing articles (`[headings]`
    /// `issuing`), folded ([`fold_heading_phrase`]).
    pub issuing: Vec<String>,
    /// The number words of `[numbers]`, as written.
    pub numbers: NumberWords,
    /// The number words folded, as headings are read by.
    pub number_index: NumberWords,
}

/// The operations an amendment heading can state, each with the values its
/// form must hold: `{article}` (an article, like `Article 2 bis`),
/// `{previous}` and `{new}` (articles), `{paragraph}` and `{n}` (numbers),
/// `{find}` and `{with}` (quoted words). `occurrence` and `all` are the
/// words of a substitution's optional `(occurrence N)` and `(all)`.
pub const OPERATIONS: &[(&str, &[&str])] = &[
    ("replace-article", &["article"]),
    ("replace-paragraph", &["article", "paragraph"]),
    ("insert-article", &["article", "previous"]),
    ("insert-paragraph", &["article", "paragraph"]),
    ("repeal-article", &["article"]),
    ("repeal-paragraph", &["article", "paragraph"]),
    ("renumber-article", &["article", "new"]),
    ("substitute", &["article", "find", "with"]),
    ("occurrence", &["n"]),
    ("all", &[]),
];

/// What a heading is, by its first word, in any registered language
/// (compared without case, hamza or diacritics): `"article"`, `"chapter"`,
/// ….
pub fn heading_word(word: &str) -> Option<&'static str> {
    let key = fold_heading_word(word);
    registry().iter().find_map(|l| l.heading_kind(&key))
}

/// A heading word as [`heading_word`] compares it.
fn fold_heading_word(word: &str) -> String {
    crate::ids::fold_arabic_keyword(&word.to_lowercase())
}

/// A whole heading folded as [`is_issuing_heading`] compares it: as a
/// heading word, with white space collapsed and a final `:`, `.` or dash
/// dropped.
fn fold_heading_phrase(text: &str) -> String {
    let t = text.trim().trim_end_matches([':', '.', '-', '–', '—']);
    fold_heading_word(t)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a heading opens the issuing articles of a law (`مواد الإصدار`,
/// `Issuing articles`), in any registered language.
pub fn is_issuing_heading(text: &str) -> bool {
    let folded = fold_heading_phrase(text);
    registry().iter().any(|l| l.is_issuing(&folded))
}

/// The number words of every registered language that has them, folded,
/// in registration order.
pub fn number_words() -> Vec<&'static NumberWords> {
    registry()
        .iter()
        .map(|l| &l.get().number_index)
        .filter(|w| w.grammar.is_some())
        .collect()
}

/// A registered language.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u16);

/// A registered language: a built-in one is made from its file when it
/// is first used, so that a command that needs one language (a search
/// whose results are English) does not read the others.
#[derive(Clone, Copy)]
enum Slot {
    /// [`BUILT_IN_FILES`]`[i]`, as registered.
    BuiltIn(usize),
    /// A description made already (a workspace's file, or a built-in one
    /// that a workspace's file changed).
    Made(&'static Language),
}

impl Slot {
    fn get(self) -> &'static Language {
        match self {
            Slot::BuiltIn(i) => built_in(i),
            Slot::Made(language) => language,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Slot::BuiltIn(i) => BUILT_IN_CODES[i],
            Slot::Made(language) => &language.code,
        }
    }

    /// The heading kind of a folded heading word.
    fn heading_kind(self, key: &str) -> Option<&'static str> {
        let index = match self {
            Slot::BuiltIn(i) => &built_in_words(i).heading_index,
            Slot::Made(language) => &language.heading_index,
        };
        index.get(key).map(String::as_str)
    }

    /// Whether a folded heading opens the issuing articles.
    fn is_issuing(self, folded: &str) -> bool {
        let issuing = match self {
            Slot::BuiltIn(i) => &built_in_words(i).issuing,
            Slot::Made(language) => &language.issuing,
        };
        issuing.iter().any(|h| h == folded)
    }

    /// The form of the operation `kind`.
    fn operation(self, kind: &str) -> Option<&'static str> {
        match self {
            Slot::BuiltIn(i) => {
                let forms = BUILT_IN_WORDS[i].1;
                let at = forms.binary_search_by(|(k, _)| (*k).cmp(kind)).ok()?;
                Some(forms[at].1)
            }
            Slot::Made(language) => language.operations.get(kind).map(String::as_str),
        }
    }

    /// The message `key`; of a built-in language, from the file's
    /// messages alone (the same, a test checks).
    fn message(self, key: &str) -> Option<&'static str> {
        match self {
            Slot::BuiltIn(i) => {
                let messages = BUILT_IN_MESSAGES[i];
                let at = messages.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
                Some(messages[at].1)
            }
            Slot::Made(language) => language.messages.get(key).map(String::as_str),
        }
    }
}

/// The codes of [`BUILT_IN_FILES`], in order (a test checks them against
/// the files), so that a code is found without reading a file.
const BUILT_IN_CODES: [&str; 2] = ["en", "ar"];

/// The built-in language `i`, from the file compiled in, made once. The
/// build script has parsed the files already (see [`BUILT_IN_PARSED`]):
/// reading the JSON it wrote takes a tenth of the time the TOML did.
fn built_in(i: usize) -> &'static Language {
    static MADE: [OnceLock<&'static Language>; 2] = [OnceLock::new(), OnceLock::new()];
    MADE[i].get_or_init(|| Box::leak(Box::new(parse_built_in_one(i))))
}

fn parse_built_in_one(i: usize) -> Language {
    let name = BUILT_IN_FILES[i].0;
    built_in_file(name, BUILT_IN_PARSED[i])
        .into_language(None)
        .unwrap_or_else(|e| panic!("built-in language file {name}: {e}"))
}

/// The built-in languages as a run first makes them (public for the
/// benchmark in `benches/diff.rs`; the registry holds them once made).
#[doc(hidden)]
pub fn parse_built_in() -> Vec<Language> {
    (0..BUILT_IN_FILES.len()).map(parse_built_in_one).collect()
}

/// A built-in language file as the build script parsed it (`name` is for
/// the message should it not be one: a test reads every built-in file).
fn built_in_file(name: &str, json: &str) -> LanguageFile {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("built-in language file {name}: {e}"))
}

/// The built-in language files, compiled into the binary: their names
/// in the source and their text.
pub const BUILT_IN_FILES: [(&str, &str); 2] = [
    ("i18n/en.toml", include_str!("../../i18n/en.toml")),
    ("i18n/ar.toml", include_str!("../../i18n/ar.toml")),
];

/// [`BUILT_IN_FILES`] as build.rs parsed them: the same tables, in JSON.
const BUILT_IN_PARSED: [&str; 2] = [
    include_str!(concat!(env!("OUT_DIR"), "/i18n/en.json")),
    include_str!(concat!(env!("OUT_DIR"), "/i18n/ar.json")),
];

/// The `[messages]` of [`BUILT_IN_FILES`] as build.rs wrote them: (key,
/// text) in key order.
const BUILT_IN_MESSAGES: [&[(&str, &str)]; 2] = [
    include!(concat!(env!("OUT_DIR"), "/i18n/en.messages.rs")),
    include!(concat!(env!("OUT_DIR"), "/i18n/ar.messages.rs")),
];

/// The `[headings]` and `[operations]` of [`BUILT_IN_FILES`] as build.rs
/// wrote them: (kind, words) and (operation, form), in key order.
#[allow(clippy::type_complexity)]
const BUILT_IN_WORDS: [(&[(&str, &[&str])], &[(&str, &str)]); 2] = [
    include!(concat!(env!("OUT_DIR"), "/i18n/en.words.rs")),
    include!(concat!(env!("OUT_DIR"), "/i18n/ar.words.rs")),
];

/// What reading headings needs of a built-in language, made from
/// [`BUILT_IN_WORDS`] alone (the same tables as the language's, a test
/// checks): an English statute's chapter headings are compared with the
/// Arabic issuing headings without making all of Arabic.
struct HeadingWords {
    heading_index: BTreeMap<String, String>,
    issuing: Vec<String>,
}

fn built_in_words(i: usize) -> &'static HeadingWords {
    static MADE: [OnceLock<HeadingWords>; 2] = [OnceLock::new(), OnceLock::new()];
    MADE[i].get_or_init(|| {
        let headings: BTreeMap<String, Vec<String>> = BUILT_IN_WORDS[i]
            .0
            .iter()
            .map(|(kind, words)| {
                let words = words.iter().map(|w| (*w).to_owned()).collect();
                ((*kind).to_owned(), words)
            })
            .collect();
        let (issuing, heading_index) = file::heading_tables(&headings);
        HeadingWords {
            heading_index,
            issuing,
        }
    })
}

/// A fingerprint of [`BUILT_IN_FILES`] (FNV-1a 64 of each name and text,
/// each followed by a zero byte), computed by build.rs: an index of
/// documents made with other built-in files is rebuilt.
pub const BUILT_IN_FINGERPRINT: u64 = include!(concat!(env!("OUT_DIR"), "/i18n/fingerprint.rs"));

static REGISTRY: LazyLock<RwLock<Vec<Slot>>> =
    LazyLock::new(|| RwLock::new((0..BUILT_IN_FILES.len()).map(Slot::BuiltIn).collect()));

fn registry() -> std::sync::RwLockReadGuard<'static, Vec<Slot>> {
    REGISTRY.read().unwrap_or_else(|e| e.into_inner())
}

/// Counts the changes [`register`] made to the registry.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// A number that changes whenever a language is registered or changed:
/// what is made from the registered languages can be kept while it stays
/// the same.
pub fn generation() -> u64 {
    GENERATION.load(Ordering::Acquire)
}

/// Registers a workspace's language file: a new language, or changes to a
/// registered one (the messages and fields it gives replace those of the
/// language as registered; the rest stay). Returns the language, or why the
/// file does not describe one.
///
/// A description is never freed: a registered language lives as long as the
/// process, and registering the same description again changes nothing.
pub fn register(file: LanguageFile) -> Result<Lang, String> {
    let mut languages = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    let existing = languages.iter().position(|l| l.code() == file.code);
    let language = file.into_language(existing.map(|i| languages[i].get()))?;
    match existing {
        Some(i) => {
            if *languages[i].get() != language {
                languages[i] = Slot::Made(Box::leak(Box::new(language)));
                GENERATION.fetch_add(1, Ordering::AcqRel);
            }
            Ok(Lang(i as u16))
        }
        None => {
            let index = u16::try_from(languages.len()).map_err(|_| "too many languages")?;
            languages.push(Slot::Made(Box::leak(Box::new(language))));
            GENERATION.fetch_add(1, Ordering::AcqRel);
            Ok(Lang(index))
        }
    }
}

impl Lang {
    /// English: the language of plain strings in data files, and the last
    /// resort for a message another language lacks.
    pub const EN: Lang = Lang(0);
    /// Arabic.
    pub const AR: Lang = Lang(1);

    /// The language's description.
    pub fn def(self) -> &'static Language {
        // The guard is let go before a built-in file is read.
        let slot = registry()[usize::from(self.0)];
        slot.get()
    }

    /// Every registered language, built-in first.
    pub fn all() -> Vec<Lang> {
        (0..registry().len() as u16).map(Lang).collect()
    }

    /// The label an unlabelled list item gets at `index` (from 0): the
    /// language's point letters in order (`a`, `b`, …; `أ`, `ب`, `ج`, …),
    /// then, past the last, Latin letters (`aa`, `ab`, …) as ids are.
    pub fn point_letter(self, index: usize) -> String {
        match self.def().point_letters.get(index) {
            Some(l) => l.clone(),
            None => latin_letters(index),
        }
    }

    /// ISO 639-1 code (`en`), as used in file names and URLs.
    pub fn code(self) -> &'static str {
        let slot = registry()[usize::from(self.0)];
        slot.code()
    }

    /// ISO 639-2 code (`eng`), as used in Akoma Ntoso expression ids.
    pub fn iso639_2(self) -> &'static str {
        &self.def().iso639_2
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let languages = registry();
        let i = languages.iter().position(|l| l.code() == code)?;
        Some(Lang(i as u16))
    }

    /// The language of an ISO 639-2 code in a URI (`ara` -> `ar`).
    pub fn from_iso639_2(code: &str) -> Option<Lang> {
        let languages = registry();
        let i = languages.iter().position(|l| l.get().iso639_2 == code)?;
        Some(Lang(i as u16))
    }

    pub fn is_rtl(self) -> bool {
        self.def().direction == Direction::Rtl
    }

    /// The form of the amendment operation `kind` (`replace-article`), if
    /// this language's file gives one.
    pub fn operation(self, kind: &str) -> Option<&'static str> {
        let slot = registry()[usize::from(self.0)];
        slot.operation(kind)
    }

    /// The message `key` as this language's file writes it, if it does.
    pub fn message(self, key: &str) -> Option<&'static str> {
        let slot = registry()[usize::from(self.0)];
        slot.message(key)
    }

    /// The message `key` in this language, else in English (None when
    /// English has no such message either).
    pub fn text(self, key: &str) -> Option<&'static str> {
        self.message(key).or_else(|| Lang::EN.message(key))
    }

    /// The message `key` in this language, else in English (a language
    /// file may be incomplete; `check` counts what it lacks), else the key.
    pub fn t(self, key: &str) -> &str {
        self.text(key).unwrap_or(key)
    }

    /// The message `key` with each `{name}` replaced by its value.
    pub fn fill(self, key: &str, values: &[(&str, &str)]) -> String {
        format::fill(self.t(key), values)
    }

    /// An article's label in this language: `Article 5`, `Article 5:
    /// Penalties`, `المادة ٥: العقوبات`.
    pub fn article_label(self, num: &str, heading: Option<&str>) -> String {
        match heading {
            Some(h) => self.fill("article.with_heading", &[("num", num), ("heading", h)]),
            None => self.fill("article.number", &[("num", num)]),
        }
    }

    /// `n` (1 to 999) in this language's number words, as a heading
    /// numbers an article (`حادية عشرة`, `Twenty-One`); None when the
    /// language has no words for it.
    pub fn ordinal(self, n: u32) -> Option<String> {
        numbers::ordinal(&self.def().numbers, n)
    }

    /// The name of the language `other` in this language: the message
    /// `langname.<code>` when written, else `other`'s own name.
    pub fn name_of(self, other: Lang) -> &'static str {
        self.message(&format!("langname.{}", other.code()))
            .unwrap_or(&other.def().name)
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(d)?;
        Lang::from_code(&code).ok_or_else(|| serde::de::Error::custom(unknown_language(&code)))
    }
}

/// Why `code` is not a language: the known codes, and how to add one.
pub fn unknown_language(code: &str) -> String {
    let known: Vec<&str> = Lang::all().into_iter().map(Lang::code).collect();
    format!(
        "unknown language `{code}`; the languages are {} (add `languages/{code}.toml` to the workspace to describe another)",
        known.join(", ")
    )
}

#[cfg(test)]
mod tests;

/// The Latin letter label at `index` (from 0): `a` … `z`, `aa`, `ab`, …,
/// the form point ids take whatever the language.
pub fn latin_letters(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
