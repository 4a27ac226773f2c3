//! Texts that may exist in several languages, as renderers and `check` see
//! them.
//!
//! A human-readable text of the data is a plain string, in the data's
//! default language (English for standards, mappings and amendments), or a
//! text with one entry per language. Renderers and the coverage count ask
//! every such text the same two questions through [`Translations`]: what it
//! says in a given language, and which text it falls back to.

/// A text that may be written in several languages.
pub trait Translations {
    /// The text in exactly `lang`, if written.
    fn text_in(&self, lang: &str) -> Option<&str>;

    /// The primary text (shown where a language is missing) and its
    /// language.
    fn primary(&self) -> (&str, &str);

    /// Whether the text exists, not blank, in `lang`.
    fn has_lang(&self, lang: &str) -> bool {
        self.text_in(lang).is_some_and(|t| !t.trim().is_empty())
    }
}

/// The language of a plain string in standards, mappings and amendments.
pub const DATA_LANG: &str = "en";

impl Translations for String {
    fn text_in(&self, lang: &str) -> Option<&str> {
        (lang == DATA_LANG).then_some(self.as_str())
    }

    fn primary(&self) -> (&str, &str) {
        (self.as_str(), DATA_LANG)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_string_is_english() {
        let t = "Purposes".to_owned();
        assert_eq!(t.text_in("en"), Some("Purposes"));
        assert_eq!(t.text_in("ar"), None);
        assert!(t.has_lang("en") && !t.has_lang("ar"));
        assert_eq!(t.primary(), ("Purposes", "en"));
    }
}
