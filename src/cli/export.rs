//! `mizan export`: the corpus in interchange formats (Akoma Ntoso XML for
//! legislation systems, NDJSON for search clusters).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use mizan::date::Date;
use mizan::export::{self, ExportError, akn, ndjson};

use mizan::diag::render_text;

use super::{Format, Outcome, load, stderr_color};

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

pub(super) fn run(workspace: &Path, command: ExportCommand) -> io::Result<Outcome> {
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

fn failed(e: &ExportError) -> io::Result<Outcome> {
    eprintln!("mizan: {e}");
    Ok(Outcome::Failure)
}

fn run_akn(
    workspace: &Path,
    options: akn::Options,
    out: &Path,
    format: Format,
) -> io::Result<Outcome> {
    let Some(ws) = load(workspace)? else {
        return Ok(Outcome::Failure);
    };
    let manifest = match akn::export(&ws, &options, out) {
        Ok(m) => m,
        Err(ExportError::Amendments(d)) => {
            eprint!("{}", render_text(&d, &ws.sources, stderr_color()));
            return failed(&ExportError::Amendments(d));
        }
        Err(e) => return failed(&e),
    };
    for s in &manifest.skipped {
        eprintln!("mizan: nothing exported for `{}`: {}", s.work, s.reason);
    }
    let mut stdout = io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut stdout, &manifest)?;
            writeln!(stdout)?;
        }
        Format::Text => {
            for d in &manifest.documents {
                writeln!(stdout, "{}", d.path)?;
            }
            let works: std::collections::BTreeSet<&str> =
                manifest.documents.iter().map(|d| d.work.as_str()).collect();
            writeln!(
                stdout,
                "exported {} of {} to {}",
                count(manifest.documents.len(), "Akoma Ntoso document"),
                count(works.len(), "work"),
                out.display()
            )?;
        }
    }
    Ok(Outcome::Success)
}

fn run_ndjson(
    workspace: &Path,
    out: &Path,
    bulk: Option<&str>,
    format: Format,
) -> io::Result<Outcome> {
    if let Some(index) = bulk
        && let Err(e) = ndjson::check_index_name(index)
    {
        return failed(&e);
    }
    let Some(ws) = load(workspace)? else {
        return Ok(Outcome::Failure);
    };
    let summary = match export::ndjson::export(&ws, out, bulk) {
        Ok(s) => s,
        Err(e) => return failed(&e),
    };
    let mut stdout = io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut stdout, &summary)?;
            writeln!(stdout)?;
        }
        Format::Text => writeln!(
            stdout,
            "exported {} and {} ({}) to {}",
            count(summary.articles, "article document"),
            count(summary.provisions, "provision document"),
            count(summary.lines, "line"),
            out.display()
        )?,
    }
    Ok(Outcome::Success)
}

/// `1 work`, `2 works`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
