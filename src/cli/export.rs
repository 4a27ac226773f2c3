//! `mizan export`: the corpus in interchange formats (Akoma Ntoso XML for
//! legislation systems, NDJSON for search clusters).

use std::io;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use mizan::date::Date;
use mizan::export::{self, ExportError, akn, ndjson};
use mizan::output::{json, text};

use super::{CliError, CliResult, Format, load, warn};

#[derive(Debug, Subcommand)]
pub(super) enum ExportCommand {
    /// Akoma Ntoso 3.0 XML: one `act` document per expression and version.
    Akn {
        /// Only this work, e.g. /akn/kw/act/2013/91
        #[arg(long, value_name = "ID")]
        work: Option<String>,
        /// Only the version in force on this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        at: Option<Date>,
        /// The folder to write (replaced whole; see the book).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Output: `text` for people, `json` for programs (a stable, documented shape).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Newline-delimited JSON: one document per article expression and
    /// provision, for bulk ingestion by a search cluster.
    Ndjson {
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Precede each document with an OpenSearch `_bulk` action line for
        /// this index.
        #[arg(long, value_name = "INDEX")]
        bulk_actions: Option<String>,
        /// Output: `text` for people, `json` for programs (a stable, documented shape).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

pub(super) fn run(workspace: &Path, command: ExportCommand) -> CliResult {
    match command {
        ExportCommand::Akn {
            work,
            at,
            out,
            format,
        } => run_akn(workspace, akn::Options { work, at }, &out, format),
        ExportCommand::Ndjson {
            out,
            bulk_actions,
            format,
        } => run_ndjson(workspace, &out, bulk_actions.as_deref(), format),
    }
}

/// An export that failed: the amendments' diagnostics, if any, then why.
fn failed(e: ExportError, ws: &mizan::Workspace) -> CliError {
    let failed = CliError::new(e.to_string());
    match e {
        ExportError::Amendments(d) => failed.diagnostics(d, &ws.sources),
        _ => failed,
    }
}

fn run_akn(workspace: &Path, options: akn::Options, out: &Path, format: Format) -> CliResult {
    let ws = load(workspace)?;
    let manifest = akn::export(&ws, &options, out).map_err(|e| failed(e, &ws))?;
    for s in &manifest.skipped {
        warn(format_args!(
            "nothing exported for `{}`: {}",
            s.work, s.reason
        ));
    }
    let mut stdout = io::stdout().lock();
    match format {
        Format::Json => {
            json::write(&mut stdout, &manifest)?;
        }
        Format::Text => {
            let documents: Vec<(&str, &str)> = manifest
                .documents
                .iter()
                .map(|d| (d.path.as_str(), d.work.as_str()))
                .collect();
            text::akn_export(&mut stdout, &documents, out)?;
        }
    }
    Ok(())
}

fn run_ndjson(workspace: &Path, out: &Path, bulk: Option<&str>, format: Format) -> CliResult {
    if let Some(index) = bulk {
        ndjson::check_index_name(index).map_err(|e| CliError::new(e.to_string()))?;
    }
    let ws = load(workspace)?;
    let summary = export::ndjson::export(&ws, out, bulk).map_err(|e| failed(e, &ws))?;
    let mut stdout = io::stdout().lock();
    match format {
        Format::Json => {
            json::write(&mut stdout, &summary)?;
        }
        Format::Text => text::ndjson_export(
            &mut stdout,
            summary.articles,
            summary.provisions,
            summary.lines,
            out,
        )?,
    }
    Ok(())
}
