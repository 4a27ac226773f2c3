//! `mizan check`: load and validate, report every diagnostic and a summary.

use std::io::{self, Write};
use std::path::Path;

use mizan::Workspace;
use mizan::diag::{render_text, to_json};
use mizan::workspace::{Summary, coverage_line};

use super::{CliError, CliResult, Format, count, stderr_color};

pub fn run(workspace: &Path, format: Format) -> CliResult {
    let (diagnostics, sources, summary, coverage, ok) = match Workspace::load(workspace) {
        Ok(mut ws) => {
            let mut summary = ws.summary();
            let mut diagnostics = std::mem::take(&mut ws.diagnostics);
            diagnostics.extend(mizan::gaps::lint(&ws));
            let (coverage, incomplete) = mizan::workspace::coverage(&ws);
            diagnostics.extend(incomplete);
            diagnostics.sort();
            summary.warnings = diagnostics.warnings();
            let sources = std::mem::take(&mut ws.sources);
            // Not freed piece by piece: the process is about to exit (see
            // `super::load`).
            std::mem::forget(ws);
            (diagnostics, sources, summary, coverage, true)
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
    let mut out = io::stdout().lock();
    match format {
        Format::Json => {
            let value = serde_json::json!({
                "version": 1,
                "ok": ok,
                "summary": summary,
                "coverage": coverage,
                "diagnostics": to_json(&diagnostics, &sources),
            });
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        }
        Format::Text => {
            eprint!("{}", render_text(&diagnostics, &sources, stderr_color()));
            if ok {
                writeln!(
                    out,
                    "checked {} ({}, {}), {} ({}), {}, {}: {}, {}",
                    count(summary.works, "work"),
                    count(summary.expressions, "expression"),
                    count(summary.articles, "article"),
                    count(summary.instruments, "instrument"),
                    count(summary.provisions, "provision"),
                    count(summary.mapping_entries, "mapping entry"),
                    count(summary.amendments, "amendment"),
                    count(summary.errors, "error"),
                    count(summary.warnings, "warning"),
                )?;
                for c in &coverage {
                    writeln!(out, "translations {}", coverage_line(c))?;
                }
            } else {
                writeln!(
                    out,
                    "check failed: {}, {}",
                    count(summary.errors, "error"),
                    count(summary.warnings, "warning")
                )?;
            }
        }
    }
    if ok { Ok(()) } else { Err(CliError::Findings) }
}
