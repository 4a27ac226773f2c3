//! JSON, the form for programs. Every document a command prints as JSON
//! carries `"version"`, the version of its shape ([`VERSION`]), and goes
//! through [`write`]. A document built as a map gets its version from
//! [`envelope`] (the key takes its place among the others, in order); a
//! typed document (the gap report, [`gap_report`]) has a `version` field
//! first, set to [`VERSION`].
//!
//! The shapes are documented in the book, chapter by command. Raise
//! [`VERSION`] when a change can break a reader (a field removed, renamed
//! or retyped); adding a field does not.

pub mod gap_report;
pub mod history;

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use crate::amend::diff::WorkDiff;
use crate::search::query::Highlighted;
use crate::search::{Hit, SearchResults, Suggestion};
use crate::workspace::resolve::Resolved;

use super::{BuildReport, Checked, ShownArticle};

pub use gap_report::{JsonReport, gap_report};
pub use history::{since, timeline};

/// The version of every JSON shape mizan prints.
pub const VERSION: u32 = 1;

/// Writes a JSON document: indented, with a final newline.
pub fn write(out: &mut impl Write, document: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, document)?;
    writeln!(out)
}

/// A document built as a map, with its `version` added. `body` is a JSON
/// object; anything else is kept whole under `value`.
pub fn envelope(body: Value) -> Value {
    let mut map = match body {
        Value::Object(map) => map,
        other => {
            let mut map = serde_json::Map::new();
            map.insert("value".to_owned(), other);
            map
        }
    };
    map.insert("version".to_owned(), json!(VERSION));
    Value::Object(map)
}

/// `mizan diff --format json`: the comparison as it is.
pub fn diff(d: &WorkDiff) -> serde_json::Result<Value> {
    Ok(envelope(serde_json::to_value(d)?))
}

/// `mizan check --format json`.
pub fn check(c: &Checked<'_>) -> Value {
    envelope(json!({
        "ok": c.ok,
        "summary": c.summary,
        "coverage": c.coverage,
        "diagnostics": crate::diag::to_json(c.diagnostics, c.sources),
    }))
}

/// `mizan show --format json`: the article with where it sits, its
/// version and history, and the provisions mapped to it.
pub fn article(s: &ShownArticle<'_>) -> Value {
    let expression = &s.text.expression;
    let eid = &s.article.eid;
    let stale: Vec<_> = s.text.stale_for(eid).collect();
    envelope(json!({
        "id": s.article_ref.to_string(),
        "work": s.work.id,
        "expression": expression.id(),
        "lang": expression.lang(),
        "work_title": expression.meta.title,
        "authority": expression.meta.authority,
        "containers": expression.container_path(s.article).iter().map(|c| json!({
            "eid": c.eid, "kind": c.kind, "num": c.num, "heading": c.heading,
        })).collect::<Vec<_>>(),
        "article": s.article,
        "text_version": json!({
            "label": s.version.label(), "kind": s.version.kind, "date": s.version.date,
            "amendments": s.version.amendments,
        }),
        "repealed": s.text.repealed.get(eid),
        "changed_by": s.text.changes_of(eid),
        "stale": stale,
        "provisions": s.mapped.iter().map(|m| json!({
            "provision": format!("{}/{}", m.instrument.id, m.provision.id),
            "element": m.entry.element,
            "citation": m.provision.citation,
            "instrument": m.instrument.display_title(),
            "title": m.provision.title,
            "status": m.entry.status,
        })).collect::<Vec<_>>(),
    }))
}

/// `mizan search --format json`: the hits ranked from 1, highlights as
/// character offsets.
pub fn search(query: &str, results: &SearchResults) -> Value {
    envelope(json!({
        "query": query,
        "total": results.total,
        "returned": results.hits.len(),
        "offsets": "chars",
        "results": results.hits.iter().enumerate().map(|(i, h)| hit(i + 1, h)).collect::<Vec<_>>(),
    }))
}

fn highlighted(h: &Highlighted) -> Value {
    json!({ "text": h.text, "highlights": h.char_ranges() })
}

fn hit(rank: usize, h: &Hit) -> Value {
    let mut v = serde_json::to_value(h).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("rank".into(), json!(rank));
        o.insert("heading".into(), highlighted(&h.heading));
        o.insert("snippet".into(), highlighted(&h.snippet));
    }
    v
}

/// `mizan suggest --format json`.
pub fn suggestions(
    jurisdiction: &str,
    standard: Option<&str>,
    limit: usize,
    items: &[Suggestion],
) -> Value {
    envelope(json!({
        "jurisdiction": jurisdiction,
        "standard": standard,
        "limit": limit,
        "items": items,
    }))
}

/// `mizan build --format json`: what the build wrote and how long each
/// step took.
pub fn build(report: &BuildReport) -> Value {
    envelope(json!({
        "out": report.out,
        "profile": report.profile,
        "pages": report.pages,
        "rendered": report.rendered,
        "reused": report.reused,
        "search_shards": report.search_shards,
        "search_indexed": report.search_indexed,
        "records": report.records,
        "files": report.files,
        "timings": report.timings.iter().map(|(k, v)| json!({"step": k, "seconds": v})).collect::<Vec<_>>(),
    }))
}

/// `mizan resolve --format json`: what a URI names and where it lives.
pub fn resolved(r: &Resolved<'_>) -> Value {
    let e = r.uri.expression.as_ref();
    envelope(json!({
        "uri": r.uri.to_string(),
        "work": r.work.id,
        "country": r.work.id.country(),
        "locality": r.work.id.locality(),
        "doctype": r.work.id.doctype(),
        "subtype": r.work.id.subtype(),
        "actor": r.work.id.actor(),
        "date": r.work.id.date(),
        "number": r.work.id.number(),
        "expression": e.map(|_| r.uri.expression_uri()),
        "language": r.language.map(|l| l.iso639_2()),
        "lang": r.language,
        "point_in_time": r.point_in_time.kind(),
        "point_in_time_date": r.point_in_time.date(),
        "text_version": {
            "label": r.version.label(),
            "date": r.version.date,
            "amendments": r.version.amendments,
        },
        "components": r.components,
        "portion": r.portion.as_ref().map(|p| json!({
            "eid": p.eid,
            "kind": p.kind.name(),
            "article": p.article,
            "label": p.label,
        })),
        "format": r.format.map(|f| f.extension()),
        "file": r.location.path.to_string_lossy(),
        "line": r.location.line,
        "column": r.location.column,
        "amendment": r.location.amendment,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_adds_the_version_in_key_order() {
        let v = envelope(json!({ "a": 1, "z": 2 }));
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"a":1,"version":1,"z":2}"#
        );
        let v = envelope(json!([1, 2]));
        assert_eq!(v, json!({ "value": [1, 2], "version": 1 }));
    }

    #[test]
    fn a_document_ends_with_one_newline() {
        let mut out = Vec::new();
        write(&mut out, &json!({ "version": 1 })).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "{\n  \"version\": 1\n}\n");
    }
}
