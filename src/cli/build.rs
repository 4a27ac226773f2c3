//! `mizan build`: the static site, written atomically into `--out`.

use std::io;
use std::path::{Path, PathBuf};

use mizan::output::{json, text};
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
        BuildError::Templates(diags, sources) | BuildError::Invalid(diags, sources) => {
            failed.diagnostics(diags, &sources)
        }
        _ => failed,
    }
}

pub fn print_report(report: &BuildReport, format: Format, verbose: bool) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match format {
        Format::Json => json::write(&mut out, &json::build(report)),
        Format::Text => text::build(&mut out, report, verbose),
    }
}
