//! Questionnaires: the structure of an international questionnaire as data
//! (`questionnaires/<id>.yaml` in the workspace), so that the gap report can
//! be arranged the way the questionnaire asks (`mizan gaps --format
//! questionnaire --questionnaire ID`).
//!
//! ```yaml
//! title: {en: "...", ar: "..."}
//! note: {en: "...", ar: "..."}          # optional: what it is modelled on
//! sections:
//!   - id: legislation
//!     title: {en: Legislation, ar: التشريع}
//!     questions:
//!       - id: "1.1"
//!         text: {en: "...", ar: "..."}   # the question, in our own words
//!         provisions: [tip/art_5__para_1, tip/art_3__para_a]
//!         note: {en: "...", ar: "..."}   # optional
//! ```
//!
//! The questionnaire's id is its file name. A question answers from the
//! provisions it lists; a question with none (one that asks for figures,
//! say) is shown as not answered by the legal assessment. Every provision
//! named must exist ([`check`]).

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::localized::Localized;
use crate::yaml::Block;

use super::Instrument;

#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub path: Arc<Path>,
    /// The file name without its extension.
    pub id: String,
    pub title: Localized,
    pub note: Option<Localized>,
    pub sections: Vec<QuestionSection>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSection {
    pub id: String,
    pub title: Localized,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub text: Localized,
    pub note: Option<Localized>,
    /// The provisions that answer it, in the order given.
    pub provisions: Vec<QuestionRef>,
}

/// `tip/art_5__para_1`: an instrument and one of its provisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRef {
    pub standard: String,
    pub provision: String,
    pub span: Range<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestionnaire {
    title: Localized,
    #[serde(default)]
    note: Option<Localized>,
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: Spanned<String>,
    title: Localized,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    text: Localized,
    #[serde(default)]
    note: Option<Localized>,
    #[serde(default)]
    provisions: Vec<Spanned<String>>,
}

/// Reads a questionnaire file: its structure, or the diagnostics that stop
/// it (YAML that is not a questionnaire, a reference that is not
/// `instrument/provision`, a section or question id used twice).
pub fn read_questionnaire(path: &Arc<Path>, text: &str) -> (Option<Questionnaire>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let block = Block {
        yaml: text,
        base: 0,
        path,
    };
    let raw: RawQuestionnaire = match block.parse() {
        Ok(r) => r,
        Err(d) => return (None, Diagnostics(vec![d])),
    };
    let error = |span: Range<usize>, message: String| {
        Diagnostic::error(Code::InvalidQuestionnaire, path, Some(span), message)
    };
    let mut sections = Vec::with_capacity(raw.sections.len());
    let mut ids: HashSet<String> = HashSet::new();
    for s in raw.sections {
        if !ids.insert(format!("section {}", s.id.value)) {
            diags.push(error(
                block.span(&s.id),
                format!("the section `{}` is defined twice", s.id.value),
            ));
        }
        let mut questions = Vec::with_capacity(s.questions.len());
        for q in s.questions {
            if !ids.insert(format!("question {}", q.id.value)) {
                diags.push(error(
                    block.span(&q.id),
                    format!("the question `{}` is defined twice", q.id.value),
                ));
            }
            let mut provisions = Vec::new();
            for r in &q.provisions {
                let span = block.span(r);
                match r.value.split_once('/') {
                    Some((standard, provision))
                        if !standard.is_empty()
                            && !provision.is_empty()
                            && !provision.contains('/') =>
                    {
                        provisions.push(QuestionRef {
                            standard: standard.to_owned(),
                            provision: provision.to_owned(),
                            span,
                        });
                    }
                    _ => diags.push(
                        error(
                            span,
                            format!(
                                "`{}` is not a provision: expected `instrument/provision`",
                                r.value
                            ),
                        )
                        .with_help("for example `tip/art_5__para_1`"),
                    ),
                }
            }
            questions.push(Question {
                id: q.id.value,
                text: q.text,
                note: q.note,
                provisions,
            });
        }
        sections.push(QuestionSection {
            id: s.id.value,
            title: s.title,
            questions,
        });
    }
    if diags.has_errors() {
        return (None, diags);
    }
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (
        Some(Questionnaire {
            path: path.clone(),
            id,
            title: raw.title,
            note: raw.note,
            sections,
        }),
        diags,
    )
}

/// Every provision a questionnaire names must be a provision of an
/// instrument of the workspace.
pub fn check(q: &Questionnaire, instruments: &[Instrument], diags: &mut Diagnostics) {
    for r in q
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .flat_map(|q| &q.provisions)
    {
        let Some(inst) = instruments.iter().find(|i| i.id == r.standard) else {
            diags.push(Diagnostic::error(
                Code::InvalidQuestionnaire,
                &q.path,
                Some(r.span.clone()),
                format!("no instrument `{}` in `standards/`", r.standard),
            ));
            continue;
        };
        if !inst.provisions.iter().any(|p| p.id == r.provision) {
            diags.push(
                Diagnostic::error(
                    Code::InvalidQuestionnaire,
                    &q.path,
                    Some(r.span.clone()),
                    format!("`{}` has no provision `{}`", r.standard, r.provision),
                )
                .with_help(
                    crate::text::did_you_mean_nearest(
                        &r.provision,
                        inst.provisions.iter().map(|p| p.id.as_str()),
                    )
                    .unwrap_or_default(),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<Questionnaire>, Diagnostics) {
        read_questionnaire(&Arc::from(Path::new("questionnaires/q.yaml")), text)
    }

    #[test]
    fn a_questionnaire_has_sections_questions_and_references() {
        let (q, d) = read(
            "title: {en: Q}\nsections:\n  - id: a\n    title: {en: A}\n    questions:\n      - id: \"1\"\n        text: {en: Is it a crime?}\n        provisions: [tip/art_5__para_1]\n      - id: \"2\"\n        text: {en: How many cases?}\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let q = q.unwrap();
        assert_eq!(q.id, "q");
        assert_eq!(
            q.sections[0].questions[0].provisions[0].provision,
            "art_5__para_1"
        );
        assert!(q.sections[0].questions[1].provisions.is_empty());
    }

    #[test]
    fn a_bad_reference_and_a_repeated_id_are_errors_at_their_place() {
        let text = "title: {en: Q}\nsections:\n  - id: a\n    title: {en: A}\n    questions:\n      - id: \"1\"\n        text: {en: x}\n        provisions: [tip]\n      - id: \"1\"\n        text: {en: y}\n";
        let (q, d) = read(text);
        assert!(q.is_none());
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`tip` is not a provision")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("`1` is defined twice")),
            "{messages:?}"
        );
        let at = text.find("[tip]").unwrap() + 1;
        assert!(d.iter().any(|d| d.span == Some(at..at + 3)));
    }
}
