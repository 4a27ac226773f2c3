//! Newline-delimited JSON for search clusters: one document per article
//! expression and per standards provision, with the fields of mizan's own
//! search index, so a corpus that outgrows one machine can be loaded into
//! OpenSearch or Quickwit and queried the same way.
//!
//! Each line is one JSON object. With `bulk_index`, each document line is
//! preceded by an OpenSearch `_bulk` action line naming the index and a
//! document id that is unique across languages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::Workspace;
use crate::corpus::{Authority, Lang, WorkStatus};
use crate::ids::fold_arabic_keyword;
use crate::standards::{Instrument, Obligation, Status, Theme};
use crate::text::ascii_digits;

use super::{ExportError, write_file};

/// What a document stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Article,
    Provision,
}

/// One line of the export. Field names are those of the search index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Doc {
    /// The stable id: an article id (`/akn/kw/act/2013/91/~art_2`, the same
    /// in every language) or a provision reference (`tip/art_6__para_3`).
    pub id: String,
    pub kind: Kind,
    /// The work id of an article; the instrument id of a provision.
    pub work: String,
    /// The Akoma Ntoso expression id of an article; absent for provisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    pub lang: Lang,
    /// The work's year; the instrument's year of adoption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The work's status (`in-force`, `repealed`, `partly-repealed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<WorkStatus>,
    /// Whether an article's text is official or an unofficial summary or
    /// translation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// The eId: `art_2bis`, `art_6__para_3`.
    pub article: String,
    /// The article number as written, or the provision's citation.
    pub num: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub body: String,
    /// Provision references: those mapped to an article; a provision's own
    /// reference and its elements'.
    pub provision: Vec<String>,
    /// Mapping statuses: of the entries citing an article; of a
    /// provision's units (`unassessed` when it has no entry).
    pub coverage: Vec<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub obligation: Option<Obligation>,
    /// For Arabic articles: heading and body folded the way mizan's search
    /// folds Arabic (no harakat or tatweel; one alef; ى as ي; ة as ه;
    /// ASCII digits), for engines that have no Arabic normaliser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folded: Option<String>,
}

impl Doc {
    /// An id unique across the export (articles share `id` across
    /// languages): the expression id and eId for an article.
    pub fn unique_id(&self) -> String {
        match &self.expression {
            Some(e) => format!("{e}/~{}", self.article),
            None => self.id.clone(),
        }
    }
}

/// Every document of the workspace: articles (by work, language and
/// order), then provisions (by instrument and order).
pub fn documents(ws: &Workspace) -> Vec<Doc> {
    let mut cited: BTreeMap<String, Vec<(String, Status)>> = BTreeMap::new();
    for m in &ws.mappings {
        for e in &m.entries {
            let reference = match &e.element {
                Some(el) => format!("{}/{}#{el}", m.standard, e.provision),
                None => format!("{}/{}", m.standard, e.provision),
            };
            for a in &e.articles {
                cited
                    .entry(a.to_string())
                    .or_default()
                    .push((reference.clone(), e.status));
            }
        }
    }
    let mut docs = Vec::new();
    for work in &ws.works {
        for expression in &work.expressions {
            let meta = &expression.meta;
            for article in &expression.articles {
                let id = work.id.article(&article.eid);
                let mapped = cited.get(&id).map(Vec::as_slice).unwrap_or_default();
                let provision: BTreeSet<&String> = mapped.iter().map(|(r, _)| r).collect();
                let coverage: BTreeSet<Status> = mapped.iter().map(|(_, s)| *s).collect();
                let body = article.text();
                let folded = (expression.lang() == Lang::Ar).then(|| {
                    let text = match &article.heading {
                        Some(h) => format!("{h}\n{body}"),
                        None => body.clone(),
                    };
                    fold_arabic_keyword(&ascii_digits(&text))
                });
                docs.push(Doc {
                    id,
                    kind: Kind::Article,
                    work: work.id.to_string(),
                    expression: Some(expression.id()),
                    title: meta.title.clone(),
                    short_title: meta.short_title.clone(),
                    lang: expression.lang(),
                    year: Some(work.id.year()),
                    status: Some(meta.status),
                    authority: Some(meta.authority),
                    article: article.eid.clone(),
                    num: article.num.clone(),
                    heading: article.heading.clone(),
                    body,
                    provision: provision.into_iter().cloned().collect(),
                    coverage: coverage.into_iter().collect(),
                    theme: None,
                    obligation: None,
                    folded,
                });
            }
        }
    }
    let jurisdiction = ws.jurisdiction();
    for instrument in &ws.instruments {
        docs.extend(provision_docs(ws, instrument, jurisdiction));
    }
    docs
}

fn provision_docs(ws: &Workspace, instrument: &Instrument, jurisdiction: &str) -> Vec<Doc> {
    let mapping = ws.mapping(jurisdiction, &instrument.id);
    let status = |provision: &str, element: Option<&str>| {
        mapping
            .and_then(|m| {
                m.entries
                    .iter()
                    .find(|e| e.provision == provision && e.element.as_deref() == element)
            })
            .map(|e| e.status)
    };
    instrument
        .provisions
        .iter()
        .map(|p| {
            let reference = format!("{}/{}", instrument.id, p.id);
            let whole = status(&p.id, None);
            let coverage: BTreeSet<Status> = if p.elements.is_empty() {
                BTreeSet::from([whole.unwrap_or(Status::Unassessed)])
            } else {
                p.elements
                    .iter()
                    .map(|e| {
                        status(&p.id, Some(&e.id))
                            .or(whole)
                            .unwrap_or(Status::Unassessed)
                    })
                    .collect()
            };
            let mut body = p.summary.clone();
            if let Some(note) = &p.note {
                body.push_str("\n\n");
                body.push_str(note);
            }
            for e in &p.elements {
                body.push_str("\n\n");
                body.push_str(&e.summary);
                if !e.keywords.is_empty() {
                    body.push('\n');
                    body.push_str(&e.keywords.join(", "));
                }
            }
            let mut provision = vec![reference.clone()];
            provision.extend(p.elements.iter().map(|e| format!("{reference}#{}", e.id)));
            Doc {
                id: reference,
                kind: Kind::Provision,
                work: instrument.id.clone(),
                expression: None,
                title: instrument.title.clone(),
                short_title: instrument.short_title.clone(),
                lang: Lang::En,
                year: instrument.adopted.map(|d| d.year),
                status: None,
                authority: None,
                article: p.id.clone(),
                num: p.citation.clone(),
                heading: Some(p.title.clone()),
                body,
                provision,
                coverage: coverage.into_iter().collect(),
                theme: Some(p.theme),
                obligation: Some(p.obligation),
                folded: None,
            }
        })
        .collect()
}

/// Checks an OpenSearch index name: lower case, not starting with `-`,
/// `_` or `+`, and none of `\ / * ? " < > | , #` or spaces.
pub fn check_index_name(name: &str) -> Result<(), ExportError> {
    let ok = !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && !name.starts_with(['-', '_', '+'])
        && name.chars().all(|c| {
            !c.is_uppercase()
                && !c.is_whitespace()
                && !matches!(
                    c,
                    '\\' | '/' | '*' | '?' | '"' | '<' | '>' | '|' | ',' | '#' | ':'
                )
        });
    if ok {
        Ok(())
    } else {
        Err(ExportError::InvalidIndexName(name.to_owned()))
    }
}

/// The bytes of the export: one line per document, each line preceded by
/// a `_bulk` action line when `bulk_index` is given.
pub fn render(docs: &[Doc], bulk_index: Option<&str>) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::new();
    for d in docs {
        if let Some(index) = bulk_index {
            let action = serde_json::json!({"index": {"_index": index, "_id": d.unique_id()}});
            serde_json::to_writer(&mut out, &action)?;
            out.push(b'\n');
        }
        serde_json::to_writer(&mut out, d)?;
        out.push(b'\n');
    }
    Ok(out)
}

/// What an NDJSON export wrote; also what `--format json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub version: u32,
    pub format: &'static str,
    pub articles: usize,
    pub provisions: usize,
    /// Lines in the file (twice the documents with bulk actions).
    pub lines: usize,
    pub bulk_index: Option<String>,
}

/// Writes the export to `out`, replacing it atomically.
pub fn export(
    ws: &Workspace,
    out: &Path,
    bulk_index: Option<&str>,
) -> Result<Summary, ExportError> {
    if let Some(index) = bulk_index {
        check_index_name(index)?;
    }
    let docs = documents(ws);
    let bytes = render(&docs, bulk_index)
        .map_err(|e| ExportError::io(out, "write", std::io::Error::other(e)))?;
    write_file(out, &bytes)?;
    let articles = docs.iter().filter(|d| d.kind == Kind::Article).count();
    let per_doc = if bulk_index.is_some() { 2 } else { 1 };
    Ok(Summary {
        version: 1,
        format: "ndjson",
        articles,
        provisions: docs.len() - articles,
        lines: docs.len() * per_doc,
        bulk_index: bulk_index.map(str::to_owned),
    })
}
