//! Renders diagnostics: as text with a source snippet and caret
//! (annotate-snippets), or as JSON records.

use std::ops::Range;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::{Code, Diagnostic, Diagnostics, Severity, Sources, line_col};
use crate::text::show_controls;

/// The lines of `text` around `span`: (first line number, byte range).
fn window(text: &str, span: &Range<usize>) -> (usize, Range<usize>) {
    let start = text[..span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end_from = span.end.max(span.start).min(text.len());
    let end = text[end_from..]
        .find('\n')
        .map_or(text.len(), |i| end_from + i);
    let end = if text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    let (line, _) = line_col(text, start);
    (line, start..end.max(start))
}

fn location(d: &Diagnostic, sources: &Sources) -> Option<(usize, usize)> {
    let span = d.span.as_ref()?;
    let text = sources.get(&d.path)?;
    Some(line_col(text, span.start))
}

/// `file:line:col: error: message`, then the snippet with a caret, then help.
pub fn render_text(diags: &Diagnostics, sources: &Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for d in diags.iter() {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let header = match location(d, sources) {
            Some((line, col)) => format!("{}:{line}:{col}", d.path.display()),
            None => d.path.display().to_string(),
        };
        // A file name or a message can hold a control character (a file
        // named with an ESC in it): it is shown, never obeyed.
        out.push_str(&show_controls(&format!(
            "{header}: {severity}[{}]: {}\n",
            d.code, d.message
        )));
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let shown_path = show_controls(d.path.to_str().unwrap_or(""));
        let related_paths: Vec<_> = d
            .related
            .iter()
            .map(|r| show_controls(r.path.to_str().unwrap_or("")))
            .collect();
        let mut groups: Vec<Group<'_>> = Vec::new();
        if let (Some(span), Some(text)) = (&d.span, sources.get(&d.path)) {
            let (line, win) = window(text, span);
            let local = span.start.saturating_sub(win.start)
                ..span
                    .end
                    .min(win.end)
                    .saturating_sub(win.start)
                    .max(span.start.saturating_sub(win.start));
            let mut annotation = AnnotationKind::Primary.span(local);
            if let Some(label) = &d.label {
                annotation = annotation.label(label.as_str());
            }
            let mut group = level.clone().no_name().primary_title("").element(
                Snippet::source(&text[win.clone()])
                    .line_start(line)
                    .path(shown_path.as_ref())
                    .annotation(annotation),
            );
            for (r, rpath) in d.related.iter().zip(&related_paths) {
                if let Some(rtext) = sources.get(&r.path) {
                    let (rline, rwin) = window(rtext, &r.span);
                    let rlocal = r.span.start - rwin.start..r.span.end.min(rwin.end) - rwin.start;
                    group = group.element(
                        Snippet::source(&rtext[rwin.clone()])
                            .line_start(rline)
                            .path(rpath.as_ref())
                            .annotation(
                                AnnotationKind::Context.span(rlocal).label(r.label.as_str()),
                            ),
                    );
                }
            }
            groups.push(group);
        }
        let rendered = if groups.is_empty() {
            String::new()
        } else {
            renderer.render(&groups)
        };
        // The title line of annotate-snippets is empty: the header above says it.
        for line in rendered
            .lines()
            .skip_while(|l| l.trim().is_empty() || l.trim() == ":")
        {
            out.push_str(line);
            out.push('\n');
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  = help: {help}\n"));
        }
        out.push('\n');
    }
    out
}

/// A diagnostic as JSON: positions resolved to lines and columns.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    pub severity: Severity,
    /// The stable code (`M0203`); `mizan explain CODE` says what it means.
    pub code: Code,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

pub fn to_json(diags: &Diagnostics, sources: &Sources) -> Vec<JsonDiagnostic> {
    diags
        .iter()
        .map(|d| {
            let text = sources.get(&d.path);
            let (start, end) = match (&d.span, text) {
                (Some(span), Some(text)) => (
                    Some(line_col(text, span.start)),
                    Some(line_col(text, span.end)),
                ),
                _ => (None, None),
            };
            JsonDiagnostic {
                severity: d.severity,
                code: d.code,
                file: d.path.display().to_string(),
                line: start.map(|s| s.0),
                column: start.map(|s| s.1),
                end_line: end.map(|e| e.0),
                end_column: end.map(|e| e.1),
                message: d.message.clone(),
                label: d.label.clone(),
                help: d.help.clone(),
            }
        })
        .collect()
}
