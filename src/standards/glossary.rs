//! The glossary: the field's terms in each language (`glossary.yaml` at the
//! workspace root), so that a provision written in one language finds
//! articles written in another, and a term finds its synonyms ("sponsor",
//! "kafala").
//!
//! ```yaml
//! terms:
//!   - id: passport-retention
//!     forms:
//!       en: [passport retention, withholding of passports, identity documents]
//!       ar: [حجز جواز السفر, الاحتفاظ بجواز السفر, وثائق الهوية]
//! ```
//!
//! Each term names its forms in two or more registered languages. The
//! glossary is optional: a workspace without one has an empty glossary.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::yaml::Block;

/// The terms of a workspace's glossary, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    pub terms: Vec<GlossaryTerm>,
}

/// One term: its id and its forms, by language code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryTerm {
    pub id: String,
    /// Language code to the term's forms in it, most usual first.
    pub forms: BTreeMap<String, Vec<String>>,
}

impl Glossary {
    /// Whether the glossary has no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    terms: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Spanned<String>,
    forms: BTreeMap<String, Vec<Spanned<String>>>,
}

/// Reads `glossary.yaml`: the terms, or the diagnostics that stop it (an
/// unknown language, a term in fewer than two languages, an empty form, an
/// id used twice).
pub fn read_glossary(path: &Arc<Path>, text: &str) -> (Option<Glossary>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let block = Block {
        yaml: text,
        base: 0,
        path,
    };
    let raw: RawGlossary = match block.parse() {
        Ok(r) => r,
        Err(d) => return (None, Diagnostics(vec![d])),
    };
    let mut seen: HashMap<String, std::ops::Range<usize>> = HashMap::new();
    let mut terms = Vec::with_capacity(raw.terms.len());
    for term in raw.terms {
        let id_span = block.span(&term.id);
        let error = |span, message: String| {
            Diagnostic::error(Code::InvalidGlossary, path, Some(span), message)
        };
        if let Some(first) = seen.get(&term.id.value) {
            diags.push(
                error(
                    id_span.clone(),
                    format!("the glossary term `{}` is defined twice", term.id.value),
                )
                .with_related(path, first.clone(), "first defined here"),
            );
            continue;
        }
        seen.insert(term.id.value.clone(), id_span.clone());
        let mut forms = BTreeMap::new();
        for (lang, written) in term.forms {
            let place = written.first().map_or(id_span.clone(), |f| block.span(f));
            if Lang::from_code(&lang).is_none() {
                diags.push(
                    error(
                        place,
                        format!(
                            "the glossary term `{}` names the language `{lang}`, which is not registered",
                            term.id.value
                        ),
                    )
                    .with_help("use a language code of `mizan.toml`'s `languages`, or describe the language in `languages/<code>.toml`"),
                );
                continue;
            }
            let mut kept = Vec::with_capacity(written.len());
            for form in written {
                if form.value.trim().is_empty() {
                    diags.push(error(
                        block.span(&form),
                        format!(
                            "the glossary term `{}` has an empty form in `{lang}`",
                            term.id.value
                        ),
                    ));
                } else {
                    kept.push(form.value.trim().to_owned());
                }
            }
            if kept.is_empty() {
                diags.push(error(
                    place,
                    format!(
                        "the glossary term `{}` lists no form in `{lang}`",
                        term.id.value
                    ),
                ));
                continue;
            }
            forms.insert(lang, kept);
        }
        if forms.len() < 2 && !diags.has_errors() {
            diags.push(
                error(
                    id_span,
                    format!(
                        "the glossary term `{}` is written in {} language(s); a glossary term links two or more",
                        term.id.value,
                        forms.len()
                    ),
                )
                .with_help("add its forms in another language, for example `ar: [...]`"),
            );
            continue;
        }
        terms.push(GlossaryTerm {
            id: term.id.value,
            forms,
        });
    }
    if diags.has_errors() {
        return (None, diags);
    }
    (Some(Glossary { terms }), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<Glossary>, Diagnostics) {
        let path: Arc<Path> = Arc::from(Path::new("glossary.yaml"));
        read_glossary(&path, text)
    }

    #[test]
    fn terms_keep_their_forms_by_language() {
        let (g, d) = read(
            "terms:\n  - id: sponsor\n    forms:\n      en: [sponsor, kafala]\n      ar: [الكفيل, الكفالة]\n",
        );
        assert!(!d.has_errors(), "{d:?}");
        let g = g.unwrap();
        assert_eq!(g.terms.len(), 1);
        assert_eq!(g.terms[0].forms["ar"], ["الكفيل", "الكفالة"]);
        assert_eq!(g.terms[0].forms["en"], ["sponsor", "kafala"]);
    }

    #[test]
    fn an_unknown_language_is_an_error_at_its_form() {
        let text = "terms:\n  - id: shelter\n    forms: {en: [shelter], xx: [abri]}\n";
        let (g, d) = read(text);
        assert!(g.is_none());
        let e = &d.0[0];
        assert_eq!(e.code, Code::InvalidGlossary);
        assert!(e.message.contains("`xx`"), "{}", e.message);
        assert_eq!(&text[e.span.clone().unwrap()], "abri");
    }

    #[test]
    fn one_language_or_an_empty_form_or_a_second_id_is_an_error() {
        for (text, words) in [
            (
                "terms:\n  - id: a\n    forms: {en: [shelter]}\n",
                "1 language",
            ),
            (
                "terms:\n  - id: a\n    forms: {en: [' '], ar: [مأوى]}\n",
                "empty form",
            ),
            (
                "terms:\n  - id: a\n    forms: {en: [x], ar: [س]}\n  - id: a\n    forms: {en: [z], ar: [ص]}\n",
                "defined twice",
            ),
        ] {
            let (g, d) = read(text);
            assert!(g.is_none(), "{text}");
            assert!(
                d.0.iter().any(|e| e.message.contains(words)),
                "{text}: {d:?}"
            );
        }
    }
}
