//! What the server holds between messages: the workspace folder, the texts
//! of the files open in the editor (which may differ from the disk), and
//! the workspace as last loaded from both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{
    Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range as LspRange, Uri,
};

use super::uri;
use crate::Workspace;
use crate::diag::{Diagnostic, Diagnostics, Severity, Sources};
use crate::workspace::{LoadCache, Overlay};

/// At most this many diagnostics of one file go to the editor (a new
/// statute of thousands of articles can have one warning each); a last one
/// says how many more `check` would list.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 1_000;

/// The server's state.
pub struct Session {
    /// The workspace folder, links resolved.
    pub root: PathBuf,
    /// Open files: path (links resolved) to the editor's text.
    pub overlay: Overlay,
    /// The workspace as last loaded without errors, for hover, completion
    /// and navigation while the files being edited have errors.
    pub workspace: Option<Workspace>,
    /// The diagnostics of the last load, and the texts they point into.
    diagnostics: Diagnostics,
    sources: Sources,
    /// Files that were last sent diagnostics (to clear them when fixed).
    published: BTreeSet<PathBuf>,
    /// Parsed files, reused while their text is the same.
    cache: LoadCache,
}

impl Session {
    pub fn new(root: PathBuf) -> Session {
        let root = root.canonicalize().unwrap_or(root);
        Session {
            root,
            overlay: Overlay::default(),
            workspace: None,
            diagnostics: Diagnostics::new(),
            sources: Sources::default(),
            published: BTreeSet::new(),
            cache: LoadCache::default(),
        }
    }

    /// The file a URL names, if it is a file inside the workspace.
    pub fn path_of(&self, url: &Uri) -> Option<PathBuf> {
        let path = uri::to_path(url)?;
        // A file not yet on disk cannot be canonicalised: resolve its folder.
        let real = match path.canonicalize() {
            Ok(p) => p,
            Err(_) => path.parent()?.canonicalize().ok()?.join(path.file_name()?),
        };
        real.starts_with(&self.root).then_some(real)
    }

    /// Loads the workspace again from the disk and the open files.
    pub fn reload(&mut self) {
        match Workspace::load_cached(&self.root, &self.overlay, &mut self.cache) {
            Ok(ws) => {
                self.diagnostics = ws.diagnostics.clone();
                self.sources = ws.sources.clone();
                self.workspace = Some(ws);
            }
            Err(failure) => {
                self.diagnostics = failure.diagnostics;
                self.sources = failure.sources;
            }
        }
    }

    /// The text a path has now: the editor's if open, else the loaded one.
    pub fn text(&self, path: &Path) -> Option<Arc<str>> {
        if let Some(t) = self.overlay.get(path) {
            return Some(Arc::clone(t));
        }
        self.sources.get(path).map(Arc::from)
    }

    /// Every file's diagnostics, as the editor shows them: one entry per
    /// file that has some now or had some when last published (an empty
    /// list clears them).
    pub fn publish(&mut self) -> Vec<(Uri, Vec<LspDiagnostic>)> {
        let mut by_file: BTreeMap<PathBuf, Vec<&Diagnostic>> = BTreeMap::new();
        for d in self.diagnostics.iter() {
            by_file
                .entry(self.absolute_path(&d.path))
                .or_default()
                .push(d);
        }
        let mut out = Vec::new();
        for path in &self.published {
            if !by_file.contains_key(path)
                && let Some(url) = uri::from_path(path)
            {
                out.push((url, Vec::new()));
            }
        }
        self.published = by_file.keys().cloned().collect();
        for (path, list) in by_file {
            let Some(url) = uri::from_path(&path) else {
                continue;
            };
            let text = self.sources.get(&list[0].path).unwrap_or("");
            let lines = Lines::new(text);
            let mut converted: Vec<LspDiagnostic> = list
                .iter()
                .take(MAX_DIAGNOSTICS_PER_FILE)
                .map(|d| self.convert(d, &lines))
                .collect();
            if list.len() > MAX_DIAGNOSTICS_PER_FILE {
                converted.push(LspDiagnostic {
                    severity: Some(DiagnosticSeverity::INFORMATION),
                    source: Some("mizan".to_owned()),
                    message: format!(
                        "{} more diagnostics in this file are not shown; `mizan check` lists them all",
                        list.len() - MAX_DIAGNOSTICS_PER_FILE
                    ),
                    ..LspDiagnostic::default()
                });
            }
            out.push((url, converted));
        }
        out
    }

    /// A diagnostic's path made absolute (readers name files under the
    /// workspace folder as given, which is absolute here).
    pub fn absolute_path(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.root.join(path)
        }
    }

    fn convert(&self, d: &Diagnostic, lines: &Lines<'_>) -> LspDiagnostic {
        let at = d
            .span
            .clone()
            .map_or_else(LspRange::default, |s| lines.range(s));
        let mut message = d.message.clone();
        if let Some(label) = &d.label {
            message.push_str(&format!(" ({label})"));
        }
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        let related: Vec<DiagnosticRelatedInformation> = d
            .related
            .iter()
            .filter_map(|r| {
                let text = self.sources.get(&r.path).unwrap_or("");
                let uri = uri::from_path(&self.absolute_path(&r.path))?;
                Some(DiagnosticRelatedInformation {
                    location: Location {
                        uri,
                        range: range(text, r.span.clone()),
                    },
                    message: r.label.clone(),
                })
            })
            .collect();
        LspDiagnostic {
            range: at,
            severity: Some(match d.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
            }),
            code: Some(NumberOrString::String(d.code.id().to_owned())),
            source: Some("mizan".to_owned()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..LspDiagnostic::default()
        }
    }
}

/// Where each line of a text starts, so that byte offsets become editor
/// positions (line, UTF-16 column) without scanning the text each time.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Lines<'t> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// The editor position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let character: usize = self.text[self.starts[line]..offset]
            .chars()
            .map(char::len_utf16)
            .sum();
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    /// The editor range of a byte range.
    pub fn range(&self, span: std::ops::Range<usize>) -> LspRange {
        LspRange {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }
}

/// The editor position of one byte offset (for many, use [`Lines`]).
pub fn position(text: &str, offset: usize) -> Position {
    Lines::new(text).position(offset)
}

/// The editor range of one byte range (for many, use [`Lines`]).
pub fn range(text: &str, span: std::ops::Range<usize>) -> LspRange {
    Lines::new(text).range(span)
}

/// The byte offset of an editor position (clamped to its line).
pub fn offset(text: &str, at: Position) -> usize {
    let mut start = 0usize;
    for _ in 0..at.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0u32;
    for (i, c) in text[start..line_end].char_indices() {
        if units >= at.character {
            return start + i;
        }
        units += u32::try_from(c.len_utf16()).unwrap_or(2);
    }
    line_end
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_round_trip() {
        // Arabic letters are one UTF-16 unit and two bytes each.
        let text = "---\nالمادة ١\n## Article 2\n";
        let at = text.find("١").unwrap();
        let p = position(text, at);
        assert_eq!((p.line, p.character), (1, 7));
        assert_eq!(offset(text, p), at);
        let end = position(text, text.len());
        assert_eq!((end.line, end.character), (3, 0));
        // A column past the end of its line stops at the line's end.
        assert_eq!(
            offset(
                text,
                Position {
                    line: 0,
                    character: 99
                }
            ),
            3
        );
    }
}
