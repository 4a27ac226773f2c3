//! `mizan build`: the static site, written atomically into `--out`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use mizan::diag::render_text;
use mizan::site::{BuildError, BuildOptions, BuildReport, Profile, build};

use super::{Format, Outcome, load, stderr_color};

/// Where the site goes when `--out` is not given: `site/` in the workspace.
pub fn default_out(workspace: &Path, out: Option<PathBuf>) -> PathBuf {
    out.unwrap_or_else(|| workspace.join("site"))
}

pub fn run(
    workspace: &Path,
    out: Option<PathBuf>,
    profile: Profile,
    format: Format,
    verbose: bool,
) -> io::Result<Outcome> {
    let Some(ws) = load(workspace)? else {
        return Ok(Outcome::Failure);
    };
    let opts = BuildOptions {
        out: default_out(workspace, out),
        profile,
    };
    match build(&ws, &opts) {
        Ok(report) => {
            print_report(&report, format, verbose)?;
            Ok(Outcome::Success)
        }
        Err(e) => {
            report_error(&e);
            Ok(Outcome::Failure)
        }
    }
}

pub fn report_error(e: &BuildError) {
    if let BuildError::Templates(diags, sources) = e {
        eprint!("{}", render_text(diags, sources, stderr_color()));
    }
    eprintln!("mizan: the site was not built ({e}); the previous site is unchanged");
}

pub fn print_report(report: &BuildReport, format: Format, verbose: bool) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match format {
        Format::Json => {
            let value = serde_json::json!({
                "version": 1,
                "out": report.out,
                "profile": report.profile,
                "pages": report.pages,
                "rendered": report.rendered,
                "reused": report.reused,
                "search_shards": report.search_shards,
                "search_indexed": report.search_indexed,
                "records": report.records,
                "files": report.files,
                "timings": report.timings.iter().map(|(k, v)| serde_json::json!({"step": k, "seconds": v})).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        }
        Format::Text => {
            let total: f64 = report.timings.iter().map(|(_, s)| s).sum();
            writeln!(
                out,
                "built {} ({}): {} pages ({} rendered, {} unchanged), search index of {} records in {} shards ({} rebuilt), in {:.2} s",
                report.out.display(),
                report.profile.as_str(),
                report.pages,
                report.rendered,
                report.reused,
                report.records,
                report.search_shards,
                report.search_indexed,
                total
            )?;
            if verbose {
                for (step, secs) in &report.timings {
                    writeln!(out, "  {step:<10} {secs:>8.3} s")?;
                }
            }
        }
    }
    Ok(())
}
