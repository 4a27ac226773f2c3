//! Command-line arguments and one small module per subcommand that wires
//! library stages together, chooses the output format and writes what the
//! output stage (`mizan::output`) renders.

mod build;
mod check;
mod diff;
mod error;
mod export;
mod gaps;
mod import;
mod propose;
mod resolve;
mod search;
mod serve;
mod show;
mod suggest;

use std::io::{self, IsTerminal};
use std::mem::ManuallyDrop;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::diag::{Code, render_text};
use mizan::output::text::count;
use mizan::text::did_you_mean_nearest;

pub use error::{CliError, CliResult, report, warn};

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
        /// Output: `text` for people, `json` for programs (a stable, documented shape).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Where the law stands against each instrument: status, scores, and
    /// what pending amendments would change.
    Gaps(gaps::GapsArgs),
    /// Show one article with its container path and mapped provisions.
    Show {
        /// An article id, e.g. /akn/kw/act/2013/91/~art_2, or any URI form
        /// naming one (/akn/kw/act/2013/91/ara@2019-04-09/~art_2)
        article: String,
        /// The language of the expression to show.
        #[arg(long, value_name = "LANG")]
        lang: Option<LangArg>,
        /// Show the text in force on this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        at: Option<mizan::date::Date>,
        /// Show the text as it would read with this pending amendment (repeatable).
        #[arg(long = "with", value_name = "AMENDMENT")]
        with: Vec<String>,
        /// Output: `text` for people, `json` for programs (a stable, documented shape).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Build the static site (English and Arabic) into a folder, atomically.
    Build {
        /// The site folder (default: `site/` in the workspace); a name ending in `.zip` writes the site as one zip archive.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// `committee` includes amendments marked `visibility: committee`.
        #[arg(long, value_enum, default_value_t = ProfileArg::Public)]
        profile: ProfileArg,
        /// Output: `text` for people, `json` for programs (a stable, documented shape).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Print how long each step took.
        #[arg(long)]
        verbose: bool,
    },
    /// Build the site, serve it on 127.0.0.1, and rebuild when a file changes.
    Serve {
        /// The port (0 picks a free one; the address is printed).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// `public` leaves out amendments marked `visibility: committee`; `committee` includes them.
        #[arg(long, value_enum, default_value_t = ProfileArg::Public)]
        profile: ProfileArg,
        /// The site folder (default: `site/` in the workspace).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Print how long each step of each build took (loading first).
        #[arg(long)]
        verbose: bool,
    },
    /// Redline what an amendment changes, or two versions of a work.
    Diff {
        /// An amendment id, or a version of a work: WORK@DATE or WORK (the latest).
        from: String,
        /// The second version, when FROM is a version: WORK@DATE or WORK.
        to: Option<String>,
        /// Output: `inline` redline, `side-by-side` columns, `unified` (like diff -u) or `json`.
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Inline)]
        format: diff::DiffFormat,
        /// Only the expression in this language.
        #[arg(long, value_name = "LANG")]
        lang: Option<LangArg>,
        /// Columns for side-by-side output (default: $COLUMNS, else 100).
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },
    /// Search articles and standards provisions (builds the index on demand).
    Search(SearchCmd),
    /// Candidate articles for provisions and elements unassessed or missing.
    Suggest {
        /// Only this instrument, e.g. tip.
        #[arg(long, value_name = "ID")]
        standard: Option<String>,
        /// Candidates per provision or element.
        #[arg(long, default_value_t = 5, value_name = "K", value_parser = clap::value_parser!(u16).range(1..=100))]
        limit: u16,
        /// Output: `text` for people, `json` for programs (a stable, documented shape).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// What an Akoma Ntoso URI names (work, language, version, portion)
    /// and where it lives in the workspace.
    Resolve {
        /// Any FRBR URI form, e.g. /akn/kw/act/2013/91/ara@2013-03-17/~art_2
        uri: String,
        /// Output: `text` for people, `json` for programs (a stable, documented shape).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Read a law from a Word document, a text file or a web page into a
    /// statute file of the workspace.
    Import(import::ImportArgs),
    /// Gather pending amendments into one proposal: the amending law, the
    /// comparative table and the explanatory memorandum.
    Propose(propose::ProposeArgs),
    /// Write the corpus in an interchange format.
    Export {
        #[command(subcommand)]
        command: export::ExportCommand,
    },
    /// A language server for editors, over standard input and output:
    /// diagnostics as you type, hover, go to definition, references,
    /// completion, outlines and code actions for the workspace's files.
    Lsp,
    /// Explain a diagnostic code (`M0203`): what it means, an example, the fix.
    Explain {
        /// The code, as `check` shows it: error[M0203].
        code: String,
    },
}

#[derive(Debug, clap::Args)]
struct SearchCmd {
    /// The query: words (all must match), "phrases", AND, OR, NOT, field:value,
    /// year:[2010 TO 2015]. An empty query matches everything.
    query: String,
    /// Only this language (repeat for several).
    #[arg(long, value_name = "LANG")]
    lang: Vec<LangArg>,
    /// Only this work (/akn/kw/act/2013/91) or instrument (tip); repeatable.
    #[arg(long, value_name = "ID")]
    work: Vec<String>,
    /// A year (2013) or range (2010..2015, 2010.., ..2015).
    #[arg(long, value_name = "YEAR")]
    year: Option<String>,
    /// Only articles mapped to (and provisions of) this instrument, provision
    /// or element: tip, tip/art_6__para_3, tip/art_3__para_a#means; repeatable.
    #[arg(long, value_name = "REF")]
    provision: Vec<String>,
    /// A work status (in-force, repealed, partly-repealed) or mapping status
    /// (full, partial, missing, conflict, not-applicable, unassessed); repeatable.
    #[arg(long)]
    status: Vec<String>,
    /// Only articles or only provisions.
    #[arg(long, value_enum)]
    kind: Vec<KindArg>,
    /// How many results to show.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
    limit: u16,
    /// Output: `text` for people, `json` for programs (a stable, documented shape).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum KindArg {
    Article,
    Provision,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProfileArg {
    Public,
    Committee,
}

impl From<ProfileArg> for mizan::site::Profile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::Public => mizan::site::Profile::Public,
            ProfileArg::Committee => mizan::site::Profile::Committee,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// A language code on the command line (`ar`, `en`, or one a workspace
/// describes in `languages/`), resolved once the workspace's languages are
/// registered.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LangArg(String);

impl std::str::FromStr for LangArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(LangArg(s.to_owned()))
        } else {
            Err("a language code is two or three lower-case letters (`ar`, `en`)".to_owned())
        }
    }
}

impl LangArg {
    fn resolve(self) -> Result<Lang, CliError> {
        Lang::from_code(&self.0)
            .ok_or_else(|| CliError::new(mizan::lang::unknown_language(&self.0)))
    }
}

/// Turns transparent huge pages off for the rest of the process (Linux).
/// The allocator asks for them (Cargo.toml), which `diff` wants: it
/// touches a few MB, and one fault of 2 MB costs less than the 500 faults
/// of 4 KB it replaces. A command that holds hundreds of MB (`check`,
/// `build`, `lsp`) spends less memory and system time without them.
fn small_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

pub fn run(args: Args) -> CliResult {
    if !matches!(args.command, Command::Diff { .. }) {
        small_pages();
    }
    // Language codes in the arguments may name the workspace's own
    // languages (`languages/fr.toml`); loading reports a broken file.
    mizan::workspace::register_languages(&args.workspace);
    match args.command {
        Command::Check { format } => check::run(&args.workspace, format),
        Command::Gaps(gaps_args) => gaps::run(&args.workspace, gaps_args),
        Command::Show {
            article,
            lang,
            at,
            with,
            format,
        } => {
            let version = show::VersionArgs {
                at,
                with: &with,
                named: None,
            };
            show::run(
                &args.workspace,
                &article,
                lang.map(LangArg::resolve).transpose()?,
                version,
                format,
            )
        }
        Command::Diff {
            from,
            to,
            format,
            lang,
            width,
        } => diff::run(
            &args.workspace,
            diff::DiffArgs {
                from: &from,
                to: to.as_deref(),
                format,
                lang: lang.map(LangArg::resolve).transpose()?,
                width,
            },
        ),
        Command::Build {
            out,
            profile,
            format,
            verbose,
        } => build::run(&args.workspace, out, profile.into(), format, verbose),
        Command::Serve {
            port,
            bind,
            profile,
            out,
            verbose,
        } => serve::run(&args.workspace, out, profile.into(), bind, port, verbose),
        Command::Search(c) => search::run(
            &args.workspace,
            search::SearchArgs {
                query: c.query,
                filters: mizan::search::Filters {
                    langs: c
                        .lang
                        .into_iter()
                        .map(LangArg::resolve)
                        .collect::<Result<_, _>>()?,
                    works: c.work,
                    years: None,
                    provisions: c.provision,
                    statuses: c.status,
                    kinds: c
                        .kind
                        .into_iter()
                        .map(|k| match k {
                            KindArg::Article => mizan::search::Kind::Article,
                            KindArg::Provision => mizan::search::Kind::Provision,
                        })
                        .collect(),
                },
                year: c.year,
                limit: usize::from(c.limit),
                format: c.format,
            },
        ),
        Command::Suggest {
            standard,
            limit,
            format,
        } => suggest::run(&args.workspace, standard, usize::from(limit), format),
        Command::Resolve { uri, format } => resolve::run(&args.workspace, &uri, format),
        Command::Import(import_args) => import::run(&args.workspace, import_args),
        Command::Propose(p) => propose::run(&args.workspace, p),
        Command::Export { command } => export::run(&args.workspace, command),
        Command::Lsp => {
            let stdin = io::stdin().lock();
            let stdout = io::stdout().lock();
            mizan::lsp::serve(args.workspace.clone(), stdin, stdout).map_err(CliError::Io)
        }
        Command::Explain { code } => explain(&code),
    }
}

/// `mizan explain CODE`: the code's page, as the book has it.
fn explain(code: &str) -> CliResult {
    let Some(c) = Code::parse(code) else {
        return Err(CliError::new(format!("no diagnostic code `{code}`"))
            .help(did_you_mean_nearest(
                &code.to_uppercase(),
                Code::ALL.iter().map(|c| c.id()),
            ))
            .note("the book's Diagnostic codes chapter lists them all"));
    };
    use std::io::Write;
    let mut out = io::stdout().lock();
    out.write_all(c.book_page().as_bytes())?;
    Ok(())
}

/// Whether to colour output on stderr: a terminal, and `NO_COLOR` unset.
fn stderr_color() -> bool {
    io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn stdout_color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Loads the workspace for a command that runs once and exits. The
/// workspace is never freed piece by piece (a tenth of a command's time on
/// a large corpus): the operating system takes the memory back at exit. A
/// long-running command (`serve`) loads through a cache it keeps, and frees it.
fn load(workspace: &std::path::Path) -> Result<ManuallyDrop<Workspace>, CliError> {
    load_owned(workspace).map(ManuallyDrop::new)
}

/// Loads what `scope` needs of the workspace (one work and its
/// amendments: see `Workspace::load_scoped`), like [`load`]; the whole
/// workspace when the scope's work or amendment is not found that way, so
/// that the message about it is the same.
fn load_scoped(
    workspace: &std::path::Path,
    scope: mizan::workspace::Scope<'_>,
) -> Result<ManuallyDrop<Workspace>, CliError> {
    match Workspace::load_scoped(workspace, scope) {
        Ok(Some(ws)) => loaded(Ok(ws)).map(ManuallyDrop::new),
        Ok(None) => load(workspace),
        Err(failure) => loaded(Err(failure)).map(ManuallyDrop::new),
    }
}

/// Loads the workspace, printing its warnings; fails with its errors.
fn load_owned(workspace: &std::path::Path) -> Result<Workspace, CliError> {
    loaded(Workspace::load(workspace))
}

/// A loaded workspace, its warnings printed; or its errors.
fn loaded(result: Result<Workspace, mizan::workspace::LoadFailure>) -> Result<Workspace, CliError> {
    match result {
        Ok(ws) => {
            if !ws.diagnostics.is_empty() {
                eprint!(
                    "{}",
                    render_text(&ws.diagnostics, &ws.sources, stderr_color())
                );
            }
            Ok(ws)
        }
        Err(failure) => Err(CliError::new(format!(
            "the workspace has {} and {}; run `mizan check` for details",
            count(failure.diagnostics.errors(), "error"),
            count(failure.diagnostics.warnings(), "warning")
        ))
        .diagnostics(failure.diagnostics, &failure.sources)),
    }
}

#[cfg(test)]
mod help_tests {
    use clap::CommandFactory;

    /// `mizan CMD --help` describes every option and argument it lists.
    #[test]
    fn every_argument_of_every_command_has_a_description() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                if arg
                    .get_help()
                    .is_none_or(|h| h.to_string().trim().is_empty())
                {
                    missing.push(format!("{path} --{id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&super::Args::command(), "mizan", &mut missing);
        assert!(missing.is_empty(), "no description: {missing:?}");
    }
}
