//! `mizan check`: load and validate, report every diagnostic and a summary.

use std::io;
use std::path::Path;

use mizan::Workspace;
use mizan::diag::render_text;
use mizan::output::{Checked, json, text};
use mizan::workspace::Summary;

use super::{CliError, CliResult, Format, stderr_color};

pub fn run(workspace: &Path, format: Format) -> CliResult {
    let (diagnostics, sources, summary, coverage, ok) = match Workspace::load(workspace) {
        Ok(mut ws) => {
            let mut summary = ws.summary();
            let mut diagnostics = std::mem::take(&mut ws.diagnostics);
            diagnostics.extend(mizan::gaps::lint(&ws));
            let (coverage, incomplete) = mizan::workspace::coverage(&ws);
            diagnostics.extend(incomplete);
            // The last report as published, when mizan.toml names one.
            let mut sources = std::mem::take(&mut ws.sources);
            if let Err((d, read)) = ws.published_report() {
                diagnostics.extend(d);
                for (path, text) in read.iter() {
                    sources.add(std::sync::Arc::from(path), std::sync::Arc::from(text));
                }
            }
            diagnostics.sort();
            summary.warnings = diagnostics.warnings();
            summary.errors = diagnostics.errors();
            let ok = !diagnostics.has_errors();
            // Not freed piece by piece: the process is about to exit (see
            // `super::load`).
            std::mem::forget(ws);
            (diagnostics, sources, summary, coverage, ok)
        }
        Err(f) => {
            let summary = Summary {
                errors: f.diagnostics.errors(),
                warnings: f.diagnostics.warnings(),
                ..Summary::default()
            };
            (f.diagnostics, f.sources, summary, Vec::new(), false)
        }
    };
    let checked = Checked {
        ok,
        summary: &summary,
        coverage: &coverage,
        diagnostics: &diagnostics,
        sources: &sources,
    };
    let mut out = io::stdout().lock();
    match format {
        Format::Json => json::write(&mut out, &json::check(&checked))?,
        Format::Text => {
            eprint!("{}", render_text(&diagnostics, &sources, stderr_color()));
            text::check(&mut out, &checked)?;
        }
    }
    if ok { Ok(()) } else { Err(CliError::Findings) }
}
