//! The language file: `i18n/<code>.toml` built in, `languages/<code>.toml`
//! in a workspace.
//!
//! ```toml
//! code = "fr"
//! iso639-2 = "fre"
//! name = "Français"
//! direction = "ltr"
//! numerals = "western"
//! months = ["janvier", "février", …]
//!
//! [messages]
//! "status.missing" = "Absent"
//!
//! [headings]
//! chapter = ["Chapitre"]
//! ```
//!
//! A file for a new language must give `code` and `name`; `iso639-2`
//! defaults from the code for common languages, `direction` to `ltr`,
//! `numerals` to `western`, and `months` and any message it lacks fall back
//! to English. A file for a registered language (`en`, `ar`) changes only
//! what it gives.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::numbers::{NumberWords, NumbersFile};
use super::{Direction, Language, Numerals};

/// A language file as written: every field but the code may be left out.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LanguageFile {
    pub code: String,
    #[serde(default)]
    pub iso639_2: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub numerals: Option<Numerals>,
    #[serde(default)]
    pub months: Option<Vec<String>>,
    /// The letters an unlabelled list item gets, in order (`a`, `b`, … in
    /// English; `أ`, `ب`, `ج`, `د`, … in Arabic).
    #[serde(default)]
    pub point_letters: Option<Vec<String>>,
    #[serde(default, deserialize_with = "sorted_map")]
    pub messages: BTreeMap<String, String>,
    #[serde(default)]
    pub headings: BTreeMap<HeadingKind, Vec<String>>,
    #[serde(default)]
    pub operations: BTreeMap<String, String>,
    #[serde(default)]
    pub numbers: Option<NumbersFile>,
}

/// The headings that open issuing articles, folded, and each heading word
/// folded with its kind: what headings are read by.
pub(super) fn heading_tables(
    headings: &BTreeMap<String, Vec<String>>,
) -> (Vec<String>, BTreeMap<String, String>) {
    let issuing = headings
        .get("issuing")
        .into_iter()
        .flatten()
        .map(|h| super::fold_heading_phrase(h))
        .collect();
    let index = headings
        .iter()
        .filter(|(kind, _)| *kind != "issuing")
        .flat_map(|(kind, words)| {
            words
                .iter()
                .map(move |w| (super::fold_heading_word(w), kind.clone()))
        })
        .collect();
    (issuing, index)
}

/// A table of strings, built at once from its entries rather than one
/// insertion at a time (the files list their messages in key order, so
/// this is a single pass).
fn sorted_map<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    struct Entries;
    impl<'de> serde::de::Visitor<'de> for Entries {
        type Value = BTreeMap<String, String>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a table of strings")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(entry) = map.next_entry::<String, String>()? {
                entries.push(entry);
            }
            Ok(entries.into_iter().collect())
        }
    }
    d.deserialize_map(Entries)
}

/// What a heading word begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingKind {
    Article,
    Part,
    Book,
    Chapter,
    Subchapter,
    Section,
    /// Whole headings (not first words) that open a law's issuing
    /// articles: `مواد الإصدار`.
    Issuing,
}

impl HeadingKind {
    fn as_str(self) -> &'static str {
        match self {
            HeadingKind::Article => "article",
            HeadingKind::Part => "part",
            HeadingKind::Book => "book",
            HeadingKind::Chapter => "chapter",
            HeadingKind::Subchapter => "subchapter",
            HeadingKind::Section => "section",
            HeadingKind::Issuing => "issuing",
        }
    }
}

/// Why a language file cannot be read: the message and the byte span it
/// concerns, when known.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
}

/// Reads a language file's text (`name` is used in messages only).
pub fn read_language_file(name: &str, text: &str) -> Result<LanguageFile, FileError> {
    let file: LanguageFile = toml::from_str(text).map_err(|e| FileError {
        message: e.message().trim().to_owned(),
        span: e.span(),
    })?;
    let code_ok =
        (2..=3).contains(&file.code.len()) && file.code.bytes().all(|b| b.is_ascii_lowercase());
    if !code_ok {
        return Err(FileError {
            message: format!(
                "`code = \"{}\"` is not a language code: write the two-letter ISO 639-1 code in lower case (`fr`)",
                file.code
            ),
            span: text.find("code").map(|i| i..i + 4),
        });
    }
    let stem = std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if stem != file.code {
        return Err(FileError {
            message: format!(
                "the file is named `{stem}` but says `code = \"{}\"`; a language file is named after its code",
                file.code
            ),
            span: text.find("code").map(|i| i..i + 4),
        });
    }
    if let Some(months) = &file.months
        && months.len() != 12
    {
        return Err(FileError {
            message: format!(
                "`months` lists {} names; it lists the twelve months, January first",
                months.len()
            ),
            span: text.find("months").map(|i| i..i + 6),
        });
    }
    if let Some(letters) = &file.point_letters {
        check_point_letters(text, letters)?;
    }
    for (kind, form) in &file.operations {
        let span = text.find(&format!("{kind} ")).map(|i| i..i + kind.len());
        let Some((_, slots)) = super::OPERATIONS.iter().find(|(k, _)| k == kind) else {
            let known: Vec<&str> = super::OPERATIONS.iter().map(|(k, _)| *k).collect();
            return Err(FileError {
                message: format!(
                    "`{kind}` is not an operation; the operations are {}",
                    known.join(", ")
                ),
                span,
            });
        };
        let mut used: Vec<&str> = form
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        used.sort_unstable();
        let mut wanted = slots.to_vec();
        wanted.sort_unstable();
        if used != wanted {
            let list = |v: &[&str]| {
                v.iter()
                    .map(|s| format!("{{{s}}}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            return Err(FileError {
                message: format!(
                    "the form of `{kind}` holds {}; it must hold {}, once each",
                    if used.is_empty() {
                        "no value".to_owned()
                    } else {
                        list(&used)
                    },
                    if wanted.is_empty() {
                        "no value".to_owned()
                    } else {
                        list(&wanted)
                    }
                ),
                span,
            });
        }
    }
    if let Some(numbers) = &file.numbers
        && let Some((key, message)) = numbers.problem()
    {
        let section = text.find("[numbers]").unwrap_or(0);
        let span = text[section..]
            .find(&format!("\n{key} "))
            .or_else(|| text[section..].find(&format!("\n{key}=")))
            .map(|i| section + i + 1..section + i + 1 + key.len())
            .or_else(|| text.find("[numbers]").map(|i| i..i + 9));
        return Err(FileError { message, span });
    }
    Ok(file)
}

/// A point's id is the Latin letter of its place whatever the language, so
/// each of `point-letters` must stand for that one: the Latin letter itself
/// or the Arabic letter of that place in abjad order.
fn check_point_letters(text: &str, letters: &[String]) -> Result<(), FileError> {
    let stray = letters.iter().enumerate().find(|(i, l)| {
        let latin = super::latin_letters(*i);
        l.to_lowercase() != latin
            && crate::ids::arabic_letter_label(l).map(String::from) != Some(latin)
    });
    if letters.is_empty() || stray.is_some() {
        return Err(FileError {
            message: match stray {
                Some((i, l)) => format!(
                    "`point-letters`: `{l}` in place {} does not stand for `{}`; point ids are Latin letters, so each letter is the Latin one of its place or the Arabic letter of that place in abjad order",
                    i + 1,
                    super::latin_letters(i)
                ),
                None => "`point-letters` is empty; leave it out to letter items a, b, c".to_owned(),
            },
            span: text.find("point-letters").map(|i| i..i + 13),
        });
    }
    Ok(())
}

impl LanguageFile {
    /// The language this file describes, given what is registered under
    /// its code already (if anything).
    pub fn into_language(self, base: Option<&Language>) -> Result<Language, String> {
        let mut language = match base {
            Some(b) => b.clone(),
            None => Language {
                iso639_2: crate::ids::uri::iso639_2_of(&self.code)
                    .map(str::to_owned)
                    .unwrap_or_default(),
                name: String::new(),
                direction: Direction::Ltr,
                numerals: Numerals::Western,
                months: Vec::new(),
                point_letters: Vec::new(),
                messages: BTreeMap::new(),
                headings: BTreeMap::new(),
                heading_index: BTreeMap::new(),
                operations: BTreeMap::new(),
                issuing: Vec::new(),
                numbers: NumberWords::default(),
                number_index: NumberWords::default(),
                code: self.code.clone(),
            },
        };
        if let Some(v) = self.iso639_2 {
            language.iso639_2 = v;
        }
        if let Some(v) = self.name {
            language.name = v;
        }
        if let Some(v) = self.direction {
            language.direction = v;
        }
        if let Some(v) = self.numerals {
            language.numerals = v;
        }
        if let Some(v) = self.months {
            language.months = v;
        }
        if let Some(v) = self.point_letters {
            language.point_letters = v;
        }
        // Most files give the messages of a new language: taken whole
        // (inserting 400 of them one by one took a third of the time).
        if language.messages.is_empty() {
            language.messages = self.messages;
        } else {
            language.messages.extend(self.messages);
        }
        language.operations.extend(self.operations);
        for (kind, words) in self.headings {
            language.headings.insert(kind.as_str().to_owned(), words);
        }
        if let Some(numbers) = self.numbers {
            language.numbers = language.numbers.merged(numbers)?;
            language.number_index = language.numbers.folded();
        }
        (language.issuing, language.heading_index) = heading_tables(&language.headings);
        if language.name.trim().is_empty() {
            return Err(format!(
                "the language `{}` has no `name` (its name in itself, for the language menu)",
                self.code
            ));
        }
        if language.iso639_2.len() != 3 {
            return Err(format!(
                "the language `{}` needs `iso639-2`, its three-letter code for Akoma Ntoso ids (`fre`)",
                self.code
            ));
        }
        Ok(language)
    }
}
