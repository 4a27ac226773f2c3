//! Command-line arguments and one small module per subcommand that wires
//! library stages together and prints their results.

mod check;
mod export;
mod show;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::diag::render_text;

#[derive(Debug, Parser)]
#[command(
    name = "mizan",
    version,
    about = "Holds a country's statutes against the international standards it has accepted"
)]
pub struct Args {
    /// The workspace folder (default: the current folder).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    workspace: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load and validate everything; print every diagnostic and a summary.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show one article with its container path and mapped provisions.
    Show {
        /// An article id, e.g. /akn/kw/act/2013/91/~art_2
        article: String,
        /// The language of the expression to show.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the corpus in an interchange format.
    Export {
        #[command(subcommand)]
        command: export::ExportCommand,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    En,
    Ar,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ar => Lang::Ar,
        }
    }
}

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
}

pub fn run(args: Args) -> io::Result<Outcome> {
    match args.command {
        Command::Check { format } => check::run(&args.workspace, format),
        Command::Show {
            article,
            lang,
            format,
        } => show::run(&args.workspace, &article, lang.map(Lang::from), format),
        Command::Export { command } => export::run(&args.workspace, command),
    }
}

/// Whether to colour output on stderr: a terminal, and `NO_COLOR` unset.
fn stderr_color() -> bool {
    io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn stdout_color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Loads the workspace; on failure prints every diagnostic to stderr.
fn load(workspace: &std::path::Path) -> io::Result<Option<Workspace>> {
    match Workspace::load(workspace) {
        Ok(ws) => {
            if !ws.diagnostics.is_empty() {
                eprint!(
                    "{}",
                    render_text(&ws.diagnostics, &ws.sources, stderr_color())
                );
            }
            Ok(Some(ws))
        }
        Err(failure) => {
            let mut err = io::stderr().lock();
            write!(
                err,
                "{}",
                render_text(&failure.diagnostics, &failure.sources, stderr_color())
            )?;
            writeln!(
                err,
                "mizan: the workspace has {} error(s) and {} warning(s); run `mizan check` for details",
                failure.diagnostics.errors(),
                failure.diagnostics.warnings()
            )?;
            Ok(None)
        }
    }
}
