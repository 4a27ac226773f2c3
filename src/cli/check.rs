//! `mizan check`: load and validate, report every diagnostic and a summary.

use std::io;
use std::path::Path;

use mizan::Workspace;
use mizan::corpus::Expression;
use mizan::diag::render_text;
use mizan::output::{Checked, json, text};
use mizan::workspace::Summary;

use super::{CliError, CliResult, Format, stderr_color};

pub fn run(workspace: &Path, format: Format) -> CliResult {
    // One statute at a time: the statutes' text is never held at once
    // (the checks across files need only their skeletons).
    let streamed = Workspace::load_streamed(
        workspace,
        |_| |_: &Expression| None::<()>,
        |()| Ok::<(), std::convert::Infallible>(()),
    );
    let streamed = match streamed {
        Ok(result) => result,
        Err(never) => match never {},
    };
    let (diagnostics, sources, summary, coverage, ok) = match streamed {
        Ok(mut streamed) => {
            let ws = &mut streamed.workspace;
            let mut summary = ws.summary();
            let mut diagnostics = std::mem::take(&mut ws.diagnostics);
            diagnostics.extend(mizan::gaps::lint(ws));
            let (coverage, incomplete) = mizan::workspace::coverage(ws);
            diagnostics.extend(incomplete);
            // The last report as published, when mizan.toml names one.
            let mut sources = std::mem::take(&mut ws.sources);
            if let Err((d, read)) = ws.published_report() {
                diagnostics.extend(d);
                for (path, text) in read.iter() {
                    sources.add(std::sync::Arc::from(path), std::sync::Arc::from(text));
                }
            }
            // The whole text of the statutes these diagnostics are in.
            streamed.complete(&diagnostics, &mut sources);
            diagnostics.sort();
            summary.warnings = diagnostics.warnings();
            summary.errors = diagnostics.errors();
            let ok = !diagnostics.has_errors();
            // Not freed piece by piece: the process is about to exit (see
            // `super::load`).
            std::mem::forget(streamed);
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
