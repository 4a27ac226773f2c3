//! Human-readable text in one or more languages.
//!
//! The committee reads in Arabic and English, so every title, summary,
//! rationale and note in the data files can carry each of the workspace's
//! languages. In YAML a text field is either a plain string, written in the
//! file's language, or a map from language code to text:
//!
//! ```yaml
//! title: Purposes
//! summary:
//!   en: The Protocol aims to prevent and combat trafficking.
//!   ar: يهدف البروتوكول إلى منع الاتجار بالأشخاص ومكافحته.
//! ```
//!
//! A [`Localized`] dereferences to its primary text (the file's language,
//! else the first one written), so code that needs one text keeps working;
//! code that renders for a reader asks for a language with [`Localized::get`]
//! or [`Localized::pick`], which says when it fell back to another language.

use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The language of a plain string in a data file that does not say otherwise.
pub const DEFAULT_LANG: &str = "en";

/// A text with one entry per language, the primary first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Localized {
    /// `(language code, text)`; the primary text first; codes are unique.
    texts: Vec<(String, String)>,
    /// Whether the file wrote a plain string (whose language is the file's).
    plain: bool,
}

/// A text chosen for a reader, and the language it is really in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picked<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    /// The asked-for language was missing and this is another one.
    pub fallback: bool,
}

impl Localized {
    /// A text in one language.
    pub fn new(lang: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            texts: vec![(lang.into(), text.into())],
            plain: false,
        }
    }

    /// Adds (or replaces) the text in `lang`; the first added stays primary.
    pub fn with(mut self, lang: impl Into<String>, text: impl Into<String>) -> Self {
        self.insert(lang, text);
        self
    }

    /// Adds (or replaces) the text in `lang`.
    pub fn insert(&mut self, lang: impl Into<String>, text: impl Into<String>) {
        let lang = lang.into();
        let text = text.into();
        match self.texts.iter_mut().find(|(l, _)| *l == lang) {
            Some(slot) => slot.1 = text,
            None => self.texts.push((lang, text)),
        }
    }

    /// The primary text (empty when there is none).
    pub fn as_str(&self) -> &str {
        self.texts.first().map_or("", |(_, t)| t.as_str())
    }

    /// The language of the primary text.
    pub fn primary_lang(&self) -> Option<&str> {
        self.texts.first().map(|(l, _)| l.as_str())
    }

    /// The text in exactly `lang`, if written.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.as_str())
    }

    /// The text for a reader of `lang`: that language if written, else the
    /// primary text, marked as a fallback so it can be shown as such.
    pub fn pick(&self, lang: &str) -> Picked<'_> {
        if let Some((l, text)) = self.texts.iter().find(|(l, _)| l == lang) {
            return Picked {
                text,
                lang: l,
                fallback: false,
            };
        }
        let (l, t) = self
            .texts
            .first()
            .map_or(("", ""), |(l, t)| (l.as_str(), t.as_str()));
        Picked {
            text: t,
            lang: l,
            fallback: !t.is_empty(),
        }
    }

    /// Whether the text exists in `lang` (and is not blank).
    pub fn has(&self, lang: &str) -> bool {
        self.get(lang).is_some_and(|t| !t.trim().is_empty())
    }

    /// `(language, text)` pairs, the primary first.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.texts.iter().map(|(l, t)| (l.as_str(), t.as_str()))
    }

    /// The languages written, the primary first.
    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.texts.iter().map(|(l, _)| l.as_str())
    }

    /// Whether no language has any text.
    pub fn is_empty(&self) -> bool {
        self.texts.iter().all(|(_, t)| t.is_empty())
    }

    /// Whether the file wrote a plain string.
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// Gives a plain string the file's language (`lang:` at the top of a
    /// data file), and makes `primary` the primary text where it is written.
    pub fn settle(&mut self, file_lang: &str, primary: &str) {
        if self.plain
            && let Some(first) = self.texts.first_mut()
        {
            first.0 = file_lang.to_owned();
        }
        if let Some(i) = self.texts.iter().position(|(l, _)| l == primary)
            && i > 0
        {
            let entry = self.texts.remove(i);
            self.texts.insert(0, entry);
        }
    }

    /// Adds the entries of an older `titles:`-style map for languages not
    /// written here.
    pub fn merge_missing<'a>(
        &mut self,
        others: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) {
        for (lang, text) in others {
            if self.get(lang).is_none() {
                self.texts.push((lang.clone(), text.clone()));
            }
        }
    }

    /// [`Localized::merge_missing`], by value.
    pub fn with_missing<'a>(
        mut self,
        others: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Self {
        self.merge_missing(others);
        self
    }
}

impl crate::translations::Translations for Localized {
    fn text_in(&self, lang: &str) -> Option<&str> {
        self.get(lang)
    }

    fn primary(&self) -> (&str, &str) {
        (self.as_str(), self.primary_lang().unwrap_or(DEFAULT_LANG))
    }
}

impl Deref for Localized {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Localized {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Localized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<String> for Localized {
    fn from(text: String) -> Self {
        Self {
            texts: vec![(DEFAULT_LANG.to_owned(), text)],
            plain: true,
        }
    }
}

impl From<&str> for Localized {
    fn from(text: &str) -> Self {
        Self::from(text.to_owned())
    }
}

impl PartialEq<str> for Localized {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Localized {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Serialised as the primary text, so that JSON output keeps its shape;
/// renderers that want every language ask for them with [`Localized::iter`].
impl Serialize for Localized {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LocalizedVisitor)
    }
}

struct LocalizedVisitor;

impl<'de> Visitor<'de> for LocalizedVisitor {
    type Value = Localized;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text, or a map from language code to text (`en: ...`, `ar: ...`)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Localized, E> {
        Ok(Localized::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Localized, E> {
        Ok(Localized::from(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Localized, A::Error> {
        let mut out = Localized::default();
        while let Some((lang, text)) = map.next_entry::<String, String>()? {
            if !is_language_code(&lang) {
                return Err(de::Error::custom(format!(
                    "`{lang}` is not a language code: write two or three lower-case letters, such as `en` or `ar`"
                )));
            }
            if out.get(&lang).is_some() {
                return Err(de::Error::custom(format!(
                    "the text in `{lang}` is given twice"
                )));
            }
            out.texts.push((lang, text));
        }
        if out.texts.is_empty() {
            return Err(de::Error::custom(
                "an empty map: give the text in at least one language",
            ));
        }
        out.settle(DEFAULT_LANG, DEFAULT_LANG);
        Ok(out)
    }
}

/// `en`, `ar`, `fra`: two or three lower-case ASCII letters.
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Result<Localized, serde_saphyr::Error> {
        serde_saphyr::from_str(yaml)
    }

    #[test]
    fn a_plain_string_is_in_the_default_language() {
        let t = read("Purposes").unwrap();
        assert_eq!(t.as_str(), "Purposes");
        assert_eq!(t.primary_lang(), Some("en"));
        assert!(t.is_plain());
        assert_eq!(t.get("ar"), None);
    }

    #[test]
    fn a_map_carries_each_language_and_english_is_primary() {
        let t = read("ar: الأغراض\nen: Purposes\n").unwrap();
        assert_eq!(&*t, "Purposes");
        assert_eq!(t.get("ar"), Some("الأغراض"));
        assert_eq!(t.langs().collect::<Vec<_>>(), ["en", "ar"]);
    }

    #[test]
    fn pick_falls_back_visibly() {
        let t = Localized::new("en", "Purposes");
        let p = t.pick("ar");
        assert_eq!(p.text, "Purposes");
        assert_eq!(p.lang, "en");
        assert!(p.fallback);
        let t = t.with("ar", "الأغراض");
        let p = t.pick("ar");
        assert_eq!((p.text, p.lang, p.fallback), ("الأغراض", "ar", false));
    }

    #[test]
    fn settle_gives_a_plain_string_the_files_language() {
        let mut t = read("الأغراض").unwrap();
        t.settle("ar", "en");
        assert_eq!(t.get("ar"), Some("الأغراض"));
        assert_eq!(t.get("en"), None);
    }

    #[test]
    fn bad_maps_are_refused_with_a_reason() {
        let e = read("english: Purposes").unwrap_err().to_string();
        assert!(e.contains("is not a language code"), "{e}");
        let e = read("{}").unwrap_err().to_string();
        assert!(e.contains("at least one language"), "{e}");
        assert!(read("[a, b]").is_err());
    }

    #[test]
    fn older_titles_maps_fill_in_missing_languages_only() {
        let mut t = Localized::from("Law");
        let titles = [
            ("ar".to_owned(), "قانون".to_owned()),
            ("en".to_owned(), "Other".to_owned()),
        ];
        t.merge_missing(titles.iter().map(|(a, b)| (a, b)));
        assert_eq!(t.get("en"), Some("Law"));
        assert_eq!(t.get("ar"), Some("قانون"));
    }

    #[test]
    fn serialises_as_the_primary_text() {
        let t = Localized::new("en", "Purposes").with("ar", "الأغراض");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"Purposes\"");
    }
}
