//! The summary `mizan import` prints: what was read, what was guessed,
//! what was dropped or not placed (with its line or paragraph), and where
//! the statute file went.

use std::io::{self, Write};
use std::path::Path;

use crate::import::{Imported, Kind};

use super::text::count;

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::Html => "HTML",
        Kind::Docx => "Word",
    }
}

/// The summary of an import. `out` is where the file was written, or
/// `None` when it went to standard output.
pub fn imported(
    w: &mut impl Write,
    source: &Path,
    imported: &Imported,
    out: Option<&Path>,
) -> io::Result<()> {
    let mut parts = Vec::new();
    if imported.issuing_articles > 0 {
        parts.push(count(imported.issuing_articles, "issuing article"));
    }
    parts.push(count(imported.articles, "article"));
    if imported.containers > 0 {
        parts.push(count(imported.containers, "container"));
    }
    writeln!(
        w,
        "read {} ({}, {}): {}",
        source.display(),
        kind_name(imported.kind),
        count(imported.paragraphs, "paragraph"),
        parts.join(", ")
    )?;
    for g in &imported.guesses {
        writeln!(w, "guessed {} from {}: {}", g.field, g.from, g.value)?;
    }
    for n in &imported.notes {
        match n.place {
            Some(p) => writeln!(w, "{}:{p}: {}", source.display(), n.message)?,
            None => writeln!(w, "{}: {}", source.display(), n.message)?,
        }
    }
    writeln!(
        w,
        "assumed status: {}, authority: {}",
        kebab(&imported.meta.status),
        kebab(&imported.meta.authority)
    )?;
    if let Some(out) = out {
        writeln!(w, "wrote {}", out.display())?;
    }
    Ok(())
}

fn kebab<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
