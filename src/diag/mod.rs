//! Diagnostics: one type for every problem any reader finds.
//!
//! Readers never print. They return data, or [`Diagnostic`]s that say what is
//! wrong, in which file, at which byte span, with optional help. The sources
//! they were read from are kept in [`Sources`] so that a renderer can turn a
//! span into `file:line:col` and a snippet, once, at the edge.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

pub mod codes;
mod render;

pub use codes::Code;
pub use render::{JsonDiagnostic, render_text, to_json};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A further place that explains the diagnostic (the other of two duplicates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub path: Arc<Path>,
    pub span: Range<usize>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stable code (`M0203`): what kind of problem this is.
    pub code: Code,
    /// The file, relative to the workspace where possible.
    pub path: Arc<Path>,
    /// Byte span in the file's normalised text; `None` for a whole-file problem.
    pub span: Option<Range<usize>>,
    pub message: String,
    /// A short label shown under the caret.
    pub label: Option<String>,
    pub help: Option<String>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn error(
        code: Code,
        path: &Arc<Path>,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: Arc::clone(path),
            span,
            message: message.into(),
            label: None,
            help: None,
            related: Vec::new(),
        }
    }

    pub fn warning(
        code: Code,
        path: &Arc<Path>,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path, span, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_related(
        mut self,
        path: &Arc<Path>,
        span: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            path: Arc::clone(path),
            span,
            label: label.into(),
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A collection of diagnostics, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Sorts by file, then position, so that output does not depend on the
    /// order in which files were read in parallel.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.path, a.span.as_ref().map(|s| s.start), &a.message).cmp(&(
                &b.path,
                b.span.as_ref().map(|s| s.start),
                &b.message,
            ))
        });
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The text of every file read, as the readers saw it (BOM removed, NFC),
/// so that spans can be shown as lines, columns and snippets.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<(Arc<Path>, Arc<str>)>,
}

impl Sources {
    pub fn add(&mut self, path: Arc<Path>, text: Arc<str>) {
        self.files.push((path, text));
    }

    /// Replaces the text of `path` (adds it if it has none).
    pub fn set(&mut self, path: Arc<Path>, text: Arc<str>) {
        match self.files.iter_mut().find(|(p, _)| *p == path) {
            Some(file) => file.1 = text,
            None => self.files.push((path, text)),
        }
    }

    pub fn get(&self, path: &Path) -> Option<&str> {
        self.files
            .iter()
            .find(|(p, _)| p.as_ref() == path)
            .map(|(_, t)| t.as_ref())
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().map(|(p, t)| (p.as_ref(), t.as_ref()))
    }
}

/// A 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The byte offset of a 1-based line and character column in `text`.
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let line_text = &text[offset..];
    let line_end = line_text.find('\n').unwrap_or(line_text.len());
    line_text[..line_end]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(offset + line_end, |(i, _)| offset + i)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A path shown relative to `base` when it lies inside it.
pub fn display_path(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "first\nالمادة x\r\nthird";
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 8));
        assert_eq!(line_col(text, text.find("third").unwrap()), (3, 1));
        assert_eq!(offset_of(text, 2, 8), x);
        assert_eq!(line_col(text, 0), (1, 1));
    }

    #[test]
    fn sorting_makes_output_independent_of_read_order() {
        let a: Arc<Path> = Arc::from(Path::new("a.md"));
        let b: Arc<Path> = Arc::from(Path::new("b.md"));
        let mut d = Diagnostics(vec![
            Diagnostic::error(Code::EmptyFile, &b, Some(1..2), "x"),
            Diagnostic::error(Code::EmptyFile, &a, Some(5..6), "y"),
            Diagnostic::error(Code::EmptyFile, &a, Some(1..2), "z"),
        ]);
        d.sort();
        let order: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(order, ["z", "y", "x"]);
    }
}
