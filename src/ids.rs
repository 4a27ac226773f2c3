//! Identifiers: Akoma Ntoso work, expression and article ids, eIds, article
//! numbers, instrument slugs and provision references.
//!
//! Ids travel into URLs, JSON and file names of the site, so each has a
//! grammar, and text that breaks it is an input error, never a path. Every
//! id type here can only be built by a parser that checks its grammar.

use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

use crate::text::ascii_digit;

pub mod uri;

pub use uri::{Expression, FrbrUri, PointInTime, UriError, UriFormat};

/// Why a piece of text is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    pub message: String,
}

impl IdError {
    fn new(message: impl Into<String>) -> Self {
        IdError {
            message: message.into(),
        }
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IdError {}

/// A lower-case slug: ASCII letters, digits and single hyphens, as used for
/// instrument and amendment ids.
pub fn check_slug(s: &str) -> Result<(), IdError> {
    let b = s.as_bytes();
    let ok = !b.is_empty()
        && b.len() <= 80
        && b[0].is_ascii_alphanumeric()
        && !s.ends_with('-')
        && !s.contains("--")
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-');
    if ok {
        Ok(())
    } else {
        Err(IdError::new(format!(
            "`{s}` is not a valid slug: use lower-case ASCII letters, digits and single hyphens"
        )))
    }
}

/// Checks the grammar of an eId (`art_2bis`, `art_3__para_a`, `chp_1__sec_2`):
/// components joined by `__`, each a lower-case prefix, `_`, and a number or
/// label of lower-case letters and digits (which may carry `_a` suffixes).
pub fn check_eid(s: &str) -> Result<(), IdError> {
    let valid = !s.is_empty()
        && s.len() <= 200
        && s.split("__").all(|component| {
            let mut parts = component.split('_');
            let prefix = parts.next().unwrap_or("");
            let rest: Vec<&str> = parts.collect();
            !prefix.is_empty()
                && prefix.bytes().all(|c| c.is_ascii_lowercase())
                && !rest.is_empty()
                && rest.iter().all(|p| {
                    !p.is_empty()
                        && p.bytes()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                })
        });
    if valid {
        Ok(())
    } else {
        Err(IdError::new(format!(
            "`{s}` is not a valid eId: expected components like `art_2`, `art_2bis`, `art_3__para_a`"
        )))
    }
}

/// A work id: `/akn/{country}[-{locality}]/{doctype}[/{subtype}[/{actor}]]/{date}/{number}`,
/// the work part of the FRBR URI grammar (see [`uri`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkId(String);

impl WorkId {
    /// Parses a bare work id; any other URI form (an expression, a
    /// portion) is an error that says so.
    pub fn parse(s: &str) -> Result<WorkId, IdError> {
        let uri = FrbrUri::parse(s)
            .map_err(|e| IdError::new(format!("`{s}` is not a valid work id: {e}")))?;
        if uri.expression.is_some()
            || !uri.components.is_empty()
            || uri.portion.is_some()
            || uri.format.is_some()
        {
            return Err(IdError::new(format!(
                "`{s}` is not a valid work id: a work id ends with the number, as `{}`",
                uri.work
            )));
        }
        Ok(uri.work)
    }

    /// A work id the URI parser has checked.
    fn from_checked(s: &str) -> WorkId {
        WorkId(s.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn parts(&self) -> Vec<&str> {
        self.0["/akn/".len()..].split('/').collect()
    }

    /// The index of the date among the parts (2, 3 or 4).
    fn date_index(&self) -> usize {
        let parts = self.parts();
        (2..parts.len())
            .find(|i| parts[*i].as_bytes()[0].is_ascii_digit())
            .unwrap_or(parts.len() - 2)
    }

    /// The jurisdiction code (`kw`).
    pub fn country(&self) -> &str {
        &self.0[5..7]
    }

    /// The locality inside the country, if any (`xx` in `kw-xx`).
    pub fn locality(&self) -> Option<&str> {
        self.parts()[0].split_once('-').map(|(_, l)| l)
    }

    /// The document type (`act`).
    pub fn doctype(&self) -> &str {
        self.parts()[1]
    }

    /// The subtype, if any (`decree-law`).
    pub fn subtype(&self) -> Option<&str> {
        (self.date_index() >= 3).then(|| self.parts()[2])
    }

    /// The actor, if any (`act/by-law/actor`).
    pub fn actor(&self) -> Option<&str> {
        (self.date_index() == 4).then(|| self.parts()[3])
    }

    /// The date as written: a year (`2013`) or a full date (`1980-02-01`).
    pub fn date(&self) -> &str {
        self.parts()[self.date_index()]
    }

    pub fn year(&self) -> u16 {
        self.date()[..4].parse().unwrap_or(0)
    }

    pub fn number(&self) -> &str {
        let parts = self.parts();
        parts[parts.len() - 1]
    }

    /// A file-system and URL friendly slug: `act-2013-91`,
    /// `act-decree-law-2024-114`; a locality leads (`xx-act-2013-91`).
    pub fn slug(&self) -> String {
        let parts = self.parts();
        let mut slug: Vec<&str> = self.locality().into_iter().collect();
        slug.extend(&parts[1..]);
        slug.join("-")
    }

    /// The id of an article of this work.
    pub fn article(&self, eid: &str) -> String {
        FrbrUri::of(self).portion(eid).to_string()
    }
}

impl fmt::Display for WorkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for WorkId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A reference to an article (or a portion inside it): `{work}/~{eId}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleRef {
    pub work: WorkId,
    pub eid: String,
}

impl ArticleRef {
    /// Parses an article id: a work and a portion (`{work}/~{eId}`). Other
    /// URI forms parse, but an article id names no language or version.
    pub fn parse(s: &str) -> Result<ArticleRef, IdError> {
        let uri = FrbrUri::parse(s)
            .map_err(|e| IdError::new(format!("`{s}` is not a valid article id: {e}")))?;
        match uri.portion {
            Some(eid)
                if uri.expression.is_none()
                    && uri.components.is_empty()
                    && uri.format.is_none() =>
            {
                Ok(ArticleRef {
                    work: uri.work,
                    eid,
                })
            }
            _ => Err(IdError::new(format!(
                "`{s}` is not a valid article id: expected `{{work id}}/~{{eId}}`, for example `/akn/kw/act/2013/91/~art_2`"
            ))),
        }
    }
}

impl fmt::Display for ArticleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", FrbrUri::of(&self.work).portion(&self.eid))
    }
}

impl Serialize for ArticleRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A reference to a provision of an instrument, optionally to one element:
/// `tip/art_3__para_a#means`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvisionRef {
    pub standard: String,
    pub provision: String,
    pub element: Option<String>,
}

impl ProvisionRef {
    pub fn parse(s: &str) -> Result<ProvisionRef, IdError> {
        let (standard, rest) = s.split_once('/').ok_or_else(|| {
            IdError::new(format!(
                "`{s}` is not a valid provision reference: expected `{{instrument}}/{{eId}}[#element]`, for example `tip/art_6__para_3`"
            ))
        })?;
        check_slug(standard)?;
        let (provision, element) = match rest.split_once('#') {
            Some((p, e)) => (p, Some(e)),
            None => (rest, None),
        };
        check_eid(provision)?;
        if let Some(e) = element {
            check_element(e)?;
        }
        Ok(ProvisionRef {
            standard: standard.to_owned(),
            provision: provision.to_owned(),
            element: element.map(str::to_owned),
        })
    }
}

impl fmt::Display for ProvisionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.standard, self.provision)?;
        if let Some(e) = &self.element {
            write!(f, "#{e}")?;
        }
        Ok(())
    }
}

/// A lower-case name of at most 60 bytes: a letter first, then lower-case
/// letters, digits, `_` and `-` (element and component names).
fn is_lower_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 60
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_' || *c == b'-')
}

/// An element name inside a provision: lower-case letters, digits, `_`, `-`.
pub fn check_element(s: &str) -> Result<(), IdError> {
    if is_lower_name(s) {
        Ok(())
    } else {
        Err(IdError::new(format!(
            "`{s}` is not a valid element name: use lower-case letters, digits, `_` and `-`"
        )))
    }
}

/// The number of an article as written, split into its normalised eId form
/// (`2bis`, `5bis_a`, `13`) and the display form kept from the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleNumber {
    /// Normalised: ASCII digits, suffix word, `_letter`.
    pub normalised: String,
    /// As written in the source (`٢ مكرراً`).
    pub display: String,
}

impl ArticleNumber {
    pub fn eid(&self) -> String {
        format!("art_{}", self.normalised)
    }
}

const LATIN_SUFFIXES: [&str; 9] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
];

/// Arabic letters in abjad order, used to letter inserted articles and points.
pub const ABJAD: [&str; 26] = [
    "ا", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
];

/// Removes Arabic diacritics and tatweel, and folds alef forms and final heh,
/// for matching keywords regardless of how they were vowelled.
pub fn fold_arabic_keyword(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    s.chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            _ => c,
        })
        .collect()
}

/// The Latin letter for an Arabic letter used as a label (`أ` -> `a`).
pub fn arabic_letter_label(s: &str) -> Option<char> {
    let folded = fold_arabic_keyword(s);
    ABJAD
        .iter()
        .position(|l| *l == folded)
        .map(|i| char::from(b'a' + i as u8))
}

/// Reads an article number at the start of `text` (after the article word):
/// `2`, `(٢)`, `2 bis`, `٢ مكرراً`, `5 مكرراً (أ)`, `2A`. Returns the number
/// and the rest of the text, or `None` when no number is there.
pub fn parse_article_number(text: &str) -> Option<(ArticleNumber, &str)> {
    let s = text.trim_start();
    let start_offset = text.len() - s.len();
    let (s, in_parens) = match s.strip_prefix('(') {
        Some(inner) => (inner.trim_start(), true),
        None => (s, false),
    };
    let digits_len: usize = s
        .char_indices()
        .take_while(|(_, c)| ascii_digit(*c).is_ascii_digit())
        .map(|(_, c)| c.len_utf8())
        .sum();
    // No statute has a billion articles: a longer run of digits is not a number.
    if digits_len == 0 || s[..digits_len].chars().count() > 9 {
        return None;
    }
    let mut normalised: String = s[..digits_len].chars().map(ascii_digit).collect();
    let mut rest = &s[digits_len..];
    if in_parens {
        rest = rest.trim_start().strip_prefix(')')?;
    }
    // A letter glued to the digits (`2A`, `2a`).
    if let Some(c) = rest.chars().next()
        && c.is_ascii_alphabetic()
        && !rest[1..].starts_with(|n: char| n.is_ascii_alphabetic())
    {
        normalised.push(c.to_ascii_lowercase());
        rest = &rest[1..];
    }
    // A suffix word (`bis`, `مكرراً`).
    let mut has_suffix = false;
    let after_space = rest.trim_start();
    let word_end = after_space
        .find(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | '(' | ')' | '-' | '–' | '—' | '.' | ',' | '،' | '؛' | ';'
                )
        })
        .unwrap_or(after_space.len());
    let word = &after_space[..word_end];
    let lower = word.to_ascii_lowercase();
    if let Some(suffix) = LATIN_SUFFIXES.iter().find(|s| **s == lower) {
        normalised.push_str(suffix);
        rest = &after_space[word_end..];
        has_suffix = true;
    } else {
        let folded = fold_arabic_keyword(word);
        if folded == "مكرر" || folded == "مكررا" {
            normalised.push_str("bis");
            rest = &after_space[word_end..];
            has_suffix = true;
        }
    }
    // A letter after the suffix: `(أ)`, ` A`, `(a)`.
    if has_suffix {
        let t = rest.trim_start();
        let (inner, consumed) = if let Some(inner) = t.strip_prefix('(') {
            match inner.find(')') {
                Some(close) => (&inner[..close], 1 + close + 1),
                None => ("", 0),
            }
        } else {
            let end = t
                .find(|c: char| {
                    c.is_whitespace()
                        || matches!(c, ':' | '-' | '–' | '—' | '.' | ',' | '،' | '؛' | ';')
                })
                .unwrap_or(t.len());
            (&t[..end], end)
        };
        let inner = inner.trim();
        let letter = if inner.len() == 1 && inner.as_bytes()[0].is_ascii_alphabetic() {
            Some(inner.as_bytes()[0].to_ascii_lowercase() as char)
        } else if !inner.is_empty() && inner.chars().all(|c| !c.is_ascii()) {
            arabic_letter_label(inner)
        } else {
            None
        };
        if let Some(letter) = letter {
            normalised.push('_');
            normalised.push(letter);
            rest = &t[consumed..];
        }
    }
    let consumed = text.len() - rest.len();
    let display = text[start_offset..consumed].trim().to_owned();
    Some((
        ArticleNumber {
            normalised,
            display,
        },
        rest,
    ))
}

impl<'de> Deserialize<'de> for WorkId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<WorkId, D::Error> {
        let s = String::deserialize(d)?;
        WorkId::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for ArticleRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ArticleRef, D::Error> {
        let s = String::deserialize(d)?;
        ArticleRef::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> (String, String, String) {
        let (n, rest) = parse_article_number(s).expect("a number");
        (n.normalised, n.display, rest.to_owned())
    }

    #[test]
    fn work_ids_follow_the_akn_grammar() {
        let w = WorkId::parse("/akn/kw/act/2013/91").unwrap();
        assert_eq!(
            (w.country(), w.doctype(), w.year(), w.number()),
            ("kw", "act", 2013, "91")
        );
        assert_eq!(w.subtype(), None);
        assert_eq!(w.slug(), "act-2013-91");
        let d = WorkId::parse("/akn/kw/act/decree-law/2024/114").unwrap();
        assert_eq!(d.subtype(), Some("decree-law"));
        assert_eq!(d.slug(), "act-decree-law-2024-114");
        for bad in [
            "/akn/kw/act/2013",
            "akn/kw/act/2013/91",
            "/akn/KW/act/2013/91",
            "/akn/kw/../2013/91",
            "/akn/kw/act/13/91",
            "/akn/kw/act/2013/9/1",
            "/akn/kw/act/2013/..",
            "/akn/kw/act/x/y/z/2013/91",
            "/akn/kw/act/2013/91/eng",
            "/akn/kw/act/2013/91/~art_2",
        ] {
            assert!(WorkId::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn article_refs_split_work_and_eid() {
        let a = ArticleRef::parse("/akn/kw/act/2013/91/~art_2bis").unwrap();
        assert_eq!(a.work.as_str(), "/akn/kw/act/2013/91");
        assert_eq!(a.eid, "art_2bis");
        assert!(ArticleRef::parse("/akn/kw/act/2013/91/~../etc").is_err());
        assert!(ArticleRef::parse("/akn/kw/act/2013/91/art_2").is_err());
    }

    #[test]
    fn eids_and_slugs_reject_path_characters() {
        assert!(check_eid("art_3__para_a").is_ok());
        assert!(check_eid("art_5bis_a").is_ok());
        for bad in [
            "", "art", "art_", "art_2/x", "..", "art_2__", "Art_2", "art_2 ",
        ] {
            assert!(check_eid(bad).is_err(), "{bad:?} accepted");
        }
        assert!(check_slug("c029").is_ok());
        for bad in ["", "a/b", "..", "-x", "x-", "A", "a--b"] {
            assert!(check_slug(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn provision_refs_carry_an_optional_element() {
        let p = ProvisionRef::parse("tip/art_3__para_a#means").unwrap();
        assert_eq!(p.to_string(), "tip/art_3__para_a#means");
        assert_eq!(p.element.as_deref(), Some("means"));
        assert!(ProvisionRef::parse("tip/../x").is_err());
    }

    #[test]
    fn article_numbers_normalise() {
        assert_eq!(num(" 2"), ("2".into(), "2".into(), "".into()));
        assert_eq!(num(" 2 bis: Title").0, "2bis");
        assert_eq!(num(" 2 bis: Title").2, ": Title");
        assert_eq!(num(" (٢)").0, "2");
        assert_eq!(num(" (٢)").1, "(٢)");
        assert_eq!(num(" ٢ مكرراً").0, "2bis");
        assert_eq!(num(" ٢ مكرراً").1, "٢ مكرراً");
        assert_eq!(num(" 5 مكرراً (أ)").0, "5bis_a");
        // An Arabic comma glued to the suffix ends it.
        assert_eq!(num(" ٧ مكرراً، يستبدل").0, "7bis");
        assert_eq!(num(" ٧ مكرراً، يستبدل").2, "، يستبدل");
        assert_eq!(num(" 5 مكرراً (ب): عنوان").0, "5bis_b");
        assert_eq!(num(" 5 مكرراً (ب): عنوان").2, ": عنوان");
        assert_eq!(num(" 2A").0, "2a");
        assert_eq!(num(" 3 ter - x").0, "3ter");
        assert_eq!(num(" ۱۴").0, "14");
        assert!(parse_article_number(" : Title").is_none());
        assert!(parse_article_number("").is_none());
    }
}
