//! Translation coverage: for each language of the workspace and each kind
//! of text a reader meets, how many of the texts exist in that language.
//!
//! The committee reads in Arabic, so a provision title that exists only in
//! English is a gap in the tool's own output. `check` prints the figures
//! (`ar: 151/151 provision titles, ...`) and warns, once per kind and
//! language, when some are missing, pointing at the first that is.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::corpus::Lang;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::translations::Translations;

use super::Workspace;

/// How many texts of one kind exist in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCoverage {
    /// What the texts are, in the plural (`provision titles`).
    pub kind: &'static str,
    pub translated: usize,
    pub total: usize,
}

/// The coverage of one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub lang: &'static str,
    pub kinds: Vec<KindCoverage>,
}

impl Coverage {
    /// Whether every text of every kind exists in this language.
    pub fn complete(&self) -> bool {
        self.kinds.iter().all(|k| k.translated == k.total)
    }
}

/// The first text of a kind missing in a language, for the warning.
struct Missing {
    path: Arc<Path>,
    span: Option<Range<usize>>,
    what: String,
}

/// Counts one kind: every item, those that have the language, and the
/// first that has not.
struct Tally {
    kind: &'static str,
    translated: usize,
    total: usize,
    first_missing: Option<Missing>,
}

impl Tally {
    fn new(kind: &'static str) -> Self {
        Tally {
            kind,
            translated: 0,
            total: 0,
            first_missing: None,
        }
    }

    fn count(&mut self, has: bool, missing: impl FnOnce() -> Missing) {
        self.total += 1;
        if has {
            self.translated += 1;
        } else if self.first_missing.is_none() {
            self.first_missing = Some(missing());
        }
    }

    fn text(&mut self, t: &impl Translations, lang: Lang, missing: impl FnOnce() -> Missing) {
        self.count(t.has_lang(lang.code()), missing);
    }
}

fn tallies(ws: &Workspace, lang: Lang) -> Vec<Tally> {
    let code = lang.code();
    let mut works = Tally::new("work titles");
    let mut articles = Tally::new("articles");
    for w in &ws.works {
        let p = w.primary();
        works.count(
            w.expression(lang).is_some() || p.meta.titles.contains_key(code),
            || Missing {
                path: p.path.clone(),
                span: ws.field_span(&p.path, "title"),
                what: format!("the title of `{}`", w.id),
            },
        );
        let mut eids: Vec<(&str, &Arc<Path>, &Range<usize>)> = w
            .expressions
            .iter()
            .flat_map(|e| {
                e.articles
                    .iter()
                    .map(move |a| (a.eid.as_str(), &e.path, &a.span))
            })
            .collect();
        eids.sort_by_key(|(eid, _, _)| *eid);
        eids.dedup_by_key(|(eid, _, _)| *eid);
        let here = w.expression(lang);
        for (eid, path, span) in eids {
            articles.count(here.is_some_and(|e| e.article(eid).is_some()), || Missing {
                path: path.clone(),
                span: Some(span.clone()),
                what: format!("article `{eid}` of `{}`", w.id),
            });
        }
    }
    let mut instruments = Tally::new("instrument titles");
    let mut titles = Tally::new("provision titles");
    let mut summaries = Tally::new("provision summaries");
    let mut notes = Tally::new("notes");
    let mut elements = Tally::new("element summaries");
    for i in &ws.instruments {
        let at = |field: &str, what: String| Missing {
            path: i.path.clone(),
            span: ws.field_span(&i.path, field),
            what,
        };
        instruments.count(
            i.title.has_lang(code) || i.titles.get(code).is_some_and(|t| !t.trim().is_empty()),
            || at("title", format!("the title of `{}`", i.id)),
        );
        if let Some(n) = &i.note {
            notes.text(n, lang, || at("note", format!("the note of `{}`", i.id)));
        }
        for party in i.parties.values() {
            if let Some(n) = &party.note {
                notes.text(n, lang, || {
                    at("parties", format!("a party note of `{}`", i.id))
                });
            }
        }
        for p in &i.provisions {
            let here = |what: String| Missing {
                path: i.path.clone(),
                span: Some(p.span.clone()),
                what,
            };
            let id = format!("{}/{}", i.id, p.id);
            titles.text(&p.title, lang, || here(format!("the title of `{id}`")));
            summaries.text(&p.summary, lang, || here(format!("the summary of `{id}`")));
            if let Some(n) = &p.note {
                notes.text(n, lang, || here(format!("the note of `{id}`")));
            }
            for e in &p.elements {
                elements.text(&e.summary, lang, || {
                    here(format!("the summary of `{id}#{}`", e.id))
                });
            }
        }
    }
    let mut rationales = Tally::new("rationales");
    let mut recommendations = Tally::new("recommendations");
    let entries = ws
        .mappings
        .iter()
        .flat_map(|m| &m.entries)
        .chain(ws.amendments.iter().flat_map(|a| &a.mapping_changes));
    for e in entries {
        let here = |what: &str| Missing {
            path: e.path.clone(),
            span: Some(e.span.clone()),
            what: format!(
                "the {what} of the entry for `{}/{}`",
                e.standard, e.provision
            ),
        };
        rationales.text(&e.rationale, lang, || here("rationale"));
        if let Some(r) = &e.recommendation {
            recommendations.text(r, lang, || here("recommendation"));
        }
    }
    for m in &ws.mappings {
        if let Some(n) = &m.note {
            notes.text(n, lang, || Missing {
                path: m.path.clone(),
                span: ws.field_span(&m.path, "note"),
                what: format!("the note of the mapping of `{}`", m.standard),
            });
        }
    }
    let mut amendments = Tally::new("amendment titles");
    for a in &ws.amendments {
        let at = |field: &str, what: &str| Missing {
            path: a.path.clone(),
            span: ws.field_span(&a.path, field),
            what: format!("the {what} of `{}`", a.id),
        };
        amendments.text(&a.title, lang, || at("title", "title"));
        if let Some(s) = &a.sponsor {
            notes.text(s, lang, || at("sponsor", "sponsor"));
        }
        if let Some(n) = &a.note {
            notes.text(n, lang, || at("note", "note"));
        }
    }
    vec![
        works,
        articles,
        instruments,
        titles,
        summaries,
        elements,
        rationales,
        recommendations,
        amendments,
        notes,
    ]
}

/// The translation coverage of every language of the workspace, and a
/// warning for each kind of text that some language lacks.
pub fn coverage(ws: &Workspace) -> (Vec<Coverage>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut out = Vec::new();
    for &lang in &ws.settings.languages {
        let mut kinds = Vec::new();
        for t in tallies(ws, lang) {
            if t.total == 0 {
                continue;
            }
            if let Some(m) = &t.first_missing {
                diags.push(
                    Diagnostic::warning(
                        Code::MissingTranslation,
                        &m.path,
                        m.span.clone(),
                        format!(
                            "translation coverage: {}: {}/{} {}",
                            lang.code(),
                            t.translated,
                            t.total,
                            t.kind
                        ),
                    )
                    .with_label(format!("{} has no `{}` text", m.what, lang.code()))
                    .with_help(format!(
                        "write the text as a map with an `{}:` entry (see the Formats chapter)",
                        lang.code()
                    )),
                );
            }
            kinds.push(KindCoverage {
                kind: t.kind,
                translated: t.translated,
                total: t.total,
            });
        }
        out.push(Coverage {
            lang: lang.code(),
            kinds,
        });
    }
    (out, diags)
}

/// `ar: 151/151 provision titles, 153/153 rationales`.
pub fn coverage_line(c: &Coverage) -> String {
    let kinds: Vec<String> = c
        .kinds
        .iter()
        .map(|k| format!("{}/{} {}", k.translated, k.total, k.kind))
        .collect();
    format!("{}: {}", c.lang, kinds.join(", "))
}
