//! Newline-delimited JSON for search clusters: one document per article
//! expression and per standards provision, with the fields of mizan's own
//! search index, so a corpus that outgrows one machine can be loaded into
//! OpenSearch or Quickwit and queried the same way.
//!
//! Each line is one JSON object. With `bulk_index`, each document line is
//! preceded by an OpenSearch `_bulk` action line naming the index and a
//! document id that is unique across languages.

use std::path::Path;

use serde::Serialize;

use crate::Workspace;
use crate::corpus::{Authority, Lang};
use crate::ids::FrbrUri;
use crate::standards::Status;
use crate::text::fold_arabic;
use crate::workspace::documents::{self, Kind as DocKind};

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
    pub status: Option<String>,
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
    pub theme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub obligation: Option<String>,
    /// For Arabic articles: heading and body folded the way mizan's search
    /// folds Arabic (Lucene's Arabic normaliser: no harakat or tatweel; one
    /// alef; ى as ي; ة as ه; ASCII digits), for engines that have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folded: Option<String>,
}

impl Doc {
    /// An id unique across the export (articles share `id` across
    /// languages): the expression id and eId for an article.
    pub fn unique_id(&self) -> String {
        match &self.expression {
            Some(e) => match FrbrUri::parse(e) {
                Ok(uri) => uri.portion(&self.article).to_string(),
                Err(_) => format!("{e}/~{}", self.article),
            },
            None => self.id.clone(),
        }
    }
}

/// Every document of the workspace: the search index's documents (so the
/// fields mean exactly what they mean there), with the title and short
/// title apart, the authority of an article's text, and the folded Arabic.
pub fn documents(ws: &Workspace) -> Vec<Doc> {
    documents::documents(ws)
        .into_iter()
        .map(|d| {
            let (title, short_title, authority) = match d.kind {
                DocKind::Article => {
                    let meta = ws
                        .work(&d.work)
                        .and_then(|w| w.expression(d.lang))
                        .map(|e| &e.meta);
                    (
                        meta.map(|m| m.title.clone()),
                        meta.and_then(|m| m.short_title.clone()),
                        meta.map(|m| m.authority),
                    )
                }
                DocKind::Provision => {
                    let i = ws.instrument(&d.work);
                    (
                        i.map(|i| i.title.to_string()),
                        i.and_then(|i| i.short_title.as_ref().map(ToString::to_string)),
                        None,
                    )
                }
            };
            let heading = (!d.heading.is_empty()).then_some(d.heading);
            let folded = (d.kind == DocKind::Article && d.lang == Lang::AR).then(|| {
                let text = match &heading {
                    Some(h) => format!("{h}\n{}", d.body),
                    None => d.body.clone(),
                };
                fold_arabic(&text)
            });
            Doc {
                id: d.id,
                kind: match d.kind {
                    DocKind::Article => Kind::Article,
                    DocKind::Provision => Kind::Provision,
                },
                work: d.work,
                expression: d.expression,
                title: title.unwrap_or(d.title),
                short_title,
                lang: d.lang,
                year: d.year,
                status: d.status,
                authority,
                article: d.article,
                num: d.num,
                heading,
                body: d.body,
                provision: d.provisions,
                coverage: d.coverage,
                theme: d.theme,
                obligation: d.obligation,
                folded,
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
        version: crate::output::json::VERSION,
        format: "ndjson",
        articles,
        provisions: docs.len() - articles,
        lines: docs.len() * per_doc,
        bulk_index: bulk_index.map(str::to_owned),
    })
}
