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

/// One tally per kind of text, in the order `check` prints them.
struct Tallies {
    works: Tally,
    articles: Tally,
    instruments: Tally,
    titles: Tally,
    summaries: Tally,
    elements: Tally,
    rationales: Tally,
    recommendations: Tally,
    amendments: Tally,
    notes: Tally,
}

fn tallies(ws: &Workspace, lang: Lang) -> Vec<Tally> {
    let mut t = Tallies {
        works: Tally::new("work titles"),
        articles: Tally::new("articles"),
        instruments: Tally::new("instrument titles"),
        titles: Tally::new("provision titles"),
        summaries: Tally::new("provision summaries"),
        elements: Tally::new("element summaries"),
        rationales: Tally::new("rationales"),
        recommendations: Tally::new("recommendations"),
        amendments: Tally::new("amendment titles"),
        notes: Tally::new("notes"),
    };
    t.count_statutes(ws, lang);
    t.count_instruments(ws, lang);
    t.count_entries(ws, lang);
    t.count_amendments(ws, lang);
    vec![
        t.works,
        t.articles,
        t.instruments,
        t.titles,
        t.summaries,
        t.elements,
        t.rationales,
        t.recommendations,
        t.amendments,
        t.notes,
    ]
}

impl Tallies {
    /// Work titles, and each article in any language of its work.
    fn count_statutes(&mut self, ws: &Workspace, lang: Lang) {
        let code = lang.code();
        for w in &ws.works {
            let p = w.primary();
            self.works.count(
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
            // The articles of the expression in `lang`, looked up by eId
            // (a search of the list for each would grow with the square
            // of the work's length).
            let here: crate::hash::FastSet<&str> = w
                .expression(lang)
                .map(|e| e.articles.iter().map(|a| a.eid.as_str()).collect())
                .unwrap_or_default();
            for (eid, path, span) in eids {
                self.articles.count(here.contains(eid), || Missing {
                    path: path.clone(),
                    span: Some(span.clone()),
                    what: format!("article `{eid}` of `{}`", w.id),
                });
            }
        }
    }

    /// Instrument titles and notes, provision titles, summaries and notes,
    /// element summaries.
    fn count_instruments(&mut self, ws: &Workspace, lang: Lang) {
        let code = lang.code();
        for i in &ws.instruments {
            let at = |field: &str, what: String| Missing {
                path: i.path.clone(),
                span: ws.field_span(&i.path, field),
                what,
            };
            self.instruments.count(
                i.title.has_lang(code) || i.titles.get(code).is_some_and(|t| !t.trim().is_empty()),
                || at("title", format!("the title of `{}`", i.id)),
            );
            if let Some(n) = &i.note {
                self.notes
                    .text(n, lang, || at("note", format!("the note of `{}`", i.id)));
            }
            for party in i.parties.values() {
                if let Some(n) = &party.note {
                    self.notes.text(n, lang, || {
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
                self.titles
                    .text(&p.title, lang, || here(format!("the title of `{id}`")));
                self.summaries
                    .text(&p.summary, lang, || here(format!("the summary of `{id}`")));
                if let Some(n) = &p.note {
                    self.notes
                        .text(n, lang, || here(format!("the note of `{id}`")));
                }
                for e in &p.elements {
                    self.elements.text(&e.summary, lang, || {
                        here(format!("the summary of `{id}#{}`", e.id))
                    });
                }
            }
        }
    }

    /// Rationales and recommendations of mapping entries (in the mappings
    /// and in amendments' changes), and the mappings' notes.
    fn count_entries(&mut self, ws: &Workspace, lang: Lang) {
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
            self.rationales
                .text(&e.rationale, lang, || here("rationale"));
            if let Some(r) = &e.recommendation {
                self.recommendations
                    .text(r, lang, || here("recommendation"));
            }
        }
        for m in &ws.mappings {
            if let Some(n) = &m.note {
                self.notes.text(n, lang, || Missing {
                    path: m.path.clone(),
                    span: ws.field_span(&m.path, "note"),
                    what: format!("the note of the mapping of `{}`", m.standard),
                });
            }
        }
    }

    /// Amendment titles, sponsors and notes.
    fn count_amendments(&mut self, ws: &Workspace, lang: Lang) {
        for a in &ws.amendments {
            let at = |field: &str, what: &str| Missing {
                path: a.path.clone(),
                span: ws.field_span(&a.path, field),
                what: format!("the {what} of `{}`", a.id),
            };
            self.amendments
                .text(&a.title, lang, || at("title", "title"));
            if let Some(s) = &a.sponsor {
                self.notes.text(s, lang, || at("sponsor", "sponsor"));
            }
            if let Some(n) = &a.note {
                self.notes.text(n, lang, || at("note", "note"));
            }
        }
    }
}

/// How many of mizan's interface messages (those English has) the language
/// file of `lang` writes, with a warning when some are missing: the site
/// shows those in English.
fn interface_messages(ws: &Workspace, lang: Lang, diags: &mut Diagnostics) -> Option<KindCoverage> {
    if lang == Lang::EN {
        return None;
    }
    let english = &Lang::EN.def().messages;
    let missing: Vec<&String> = english
        .keys()
        .filter(|k| lang.message(k).is_none())
        .collect();
    let total = english.len();
    let translated = total - missing.len();
    if let Some(first) = missing.first() {
        let path: Arc<Path> = Arc::from(
            ws.root
                .join("languages")
                .join(format!("{}.toml", lang.code())),
        );
        diags.push(
            Diagnostic::warning(
                Code::MissingTranslation,
                &path,
                None,
                format!(
                    "translation coverage: {}: {translated}/{total} interface messages",
                    lang.code()
                ),
            )
            .with_help(format!(
                "add `\"{first}\" = \"…\"` (and the other {} missing) under `[messages]`; until then the English message is shown",
                missing.len() - 1
            )),
        );
    }
    Some(KindCoverage {
        kind: "interface messages",
        translated,
        total,
    })
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
        if let Some(messages) = interface_messages(ws, lang, &mut diags) {
            kinds.push(messages);
        }
        out.push(Coverage {
            lang: lang.code(),
            kinds,
        });
    }
    (out, diags)
}
