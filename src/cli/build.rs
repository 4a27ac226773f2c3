//! `mizan build`: the static site, written atomically into `--out`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use mizan::output::json;
use mizan::site::{BuildError, BuildOptions, BuildReport, Profile, build};

use super::{CliError, CliResult, Format, load};

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
) -> CliResult {
    let ws = load(workspace)?;
    let opts = BuildOptions {
        out: default_out(workspace, out),
        profile,
    };
    let report = build(&ws, &opts).map_err(build_failed)?;
    print_report(&report, format, verbose)?;
    Ok(())
}

/// A build that failed: the template diagnostics, if any, then why.
pub fn build_failed(e: BuildError) -> CliError {
    let failed = CliError::new(format!(
        "the site was not built ({e}); the previous site is unchanged"
    ));
    match e {
        BuildError::Templates(diags, sources) => failed.diagnostics(diags, &sources),
        _ => failed,
    }
}

pub fn print_report(report: &BuildReport, format: Format, verbose: bool) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match format {
        Format::Json => {
            let value = json::envelope(serde_json::json!({
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
            }));
            json::write(&mut out, &value)?;
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
