//! Completion: article ids, provision references and ids, statuses, and
//! the headings of amendment operations in every registered language.

use std::path::Path;

use super::locate::{same_file, word_at};
use crate::Workspace;
use crate::lang::Lang;
use crate::standards::Status;

/// At most this many ids are offered at once (the list says it is
/// incomplete, so the editor asks again as the user types).
pub const MAX_ITEMS: usize = 200;

/// One completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub detail: Option<String>,
    pub kind: CompletionKind,
    /// A snippet with `${1:name}` placeholders, for operation headings.
    pub snippet: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Article,
    Provision,
    Status,
    Keyword,
}

/// The completions at `offset` of the file at `path`, and whether the list
/// was cut at [`MAX_ITEMS`].
pub fn complete(ws: &Workspace, path: &Path, text: &str, offset: usize) -> (Vec<Completion>, bool) {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let key = line.trim_start().trim_start_matches("- ").trim_start();
    let prefix = word_at(text, offset)
        .filter(|(_, span)| span.start < offset)
        .map_or("", |(w, span)| &w[..(offset - span.start).min(w.len())]);
    if key.starts_with("status:") {
        return (statuses(), false);
    }
    if key.starts_with("provision:") {
        return mapping_provisions(ws, path, prefix);
    }
    if line.starts_with('#') && is_amendment(ws, path) {
        return (operation_headings(), false);
    }
    if prefix.starts_with('/') {
        return articles(ws, prefix);
    }
    if let Some((standard, _)) = prefix.split_once('/')
        && ws.instrument(standard).is_some()
    {
        return provisions(ws, prefix);
    }
    // Anything else: statuses in YAML lists, article ids elsewhere.
    articles(ws, prefix)
}

fn is_amendment(ws: &Workspace, path: &Path) -> bool {
    ws.amendments.iter().any(|a| same_file(&a.path, path))
}

fn statuses() -> Vec<Completion> {
    Status::ALL
        .iter()
        .filter(|s| **s != Status::Unassessed)
        .map(|s| Completion {
            label: s.as_str().to_owned(),
            detail: None,
            kind: CompletionKind::Status,
            snippet: None,
        })
        .collect()
}

fn articles(ws: &Workspace, prefix: &str) -> (Vec<Completion>, bool) {
    let mut out = Vec::new();
    for work in &ws.works {
        let e = work.primary();
        for a in &e.articles {
            let id = format!("{}/~{}", work.id, a.eid);
            if !id.starts_with(prefix) {
                continue;
            }
            if out.len() == MAX_ITEMS {
                return (out, true);
            }
            out.push(Completion {
                label: id,
                detail: Some(match &a.heading {
                    Some(h) => format!("{}: {h}", a.num),
                    None => a.num.clone(),
                }),
                kind: CompletionKind::Article,
                snippet: None,
            });
        }
    }
    (out, false)
}

fn provisions(ws: &Workspace, prefix: &str) -> (Vec<Completion>, bool) {
    let mut out = Vec::new();
    for i in &ws.instruments {
        for p in &i.provisions {
            let id = format!("{}/{}", i.id, p.id);
            if id.starts_with(prefix) {
                out.push(Completion {
                    label: id,
                    detail: Some(format!("{} {}", p.citation, p.title)),
                    kind: CompletionKind::Provision,
                    snippet: None,
                });
            }
        }
    }
    let cut = out.len() > MAX_ITEMS;
    out.truncate(MAX_ITEMS);
    (out, cut)
}

/// The provision ids of the instrument a mapping file assesses.
fn mapping_provisions(ws: &Workspace, path: &Path, prefix: &str) -> (Vec<Completion>, bool) {
    let Some(m) = ws.mappings.iter().find(|m| same_file(&m.path, path)) else {
        return (Vec::new(), false);
    };
    let Some(i) = ws.instrument(&m.standard) else {
        return (Vec::new(), false);
    };
    let out: Vec<Completion> = i
        .provisions
        .iter()
        .filter(|p| p.id.starts_with(prefix))
        .map(|p| Completion {
            label: p.id.clone(),
            detail: Some(format!("{} {}", p.citation, p.title)),
            kind: CompletionKind::Provision,
            snippet: None,
        })
        .collect();
    (out, false)
}

/// Every operation heading form of every registered language, with its
/// values as placeholders (`Replace ${1:article}`).
fn operation_headings() -> Vec<Completion> {
    let mut out = Vec::new();
    for lang in Lang::all() {
        for (name, form) in &lang.def().operations {
            if name == "occurrence" || name == "all" {
                continue;
            }
            let mut snippet = String::new();
            let mut n = 0;
            let mut rest = form.as_str();
            while let Some(open) = rest.find('{') {
                let Some(close) = rest[open..].find('}') else {
                    break;
                };
                n += 1;
                snippet.push_str(&rest[..open]);
                snippet.push_str(&format!("${{{n}:{}}}", &rest[open + 1..open + close]));
                rest = &rest[open + close + 1..];
            }
            snippet.push_str(rest);
            out.push(Completion {
                label: form.clone(),
                detail: Some(format!("{name} ({})", lang.code())),
                kind: CompletionKind::Keyword,
                snippet: Some(format!("## {snippet}")),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_headings_are_offered_in_every_language_with_placeholders() {
        let items = operation_headings();
        let replace = items
            .iter()
            .find(|c| c.label == "Replace {article}")
            .expect("the English form");
        assert_eq!(replace.snippet.as_deref(), Some("## Replace ${1:article}"));
        assert!(
            items
                .iter()
                .any(|c| c.detail.as_deref().is_some_and(|d| d.ends_with("(ar)"))),
            "Arabic forms too"
        );
    }
}
