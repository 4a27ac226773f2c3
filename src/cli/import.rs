//! `mizan import FILE`: reads a law from a Word document, a text file or a
//! web page (`mizan::import`), and writes the statute file it makes into
//! the workspace's corpus, to `--out`, or to standard output. Only
//! chooses: the reading, guessing and writing of Markdown are the
//! library's; the summary is worded in `output::import`.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::ValueEnum;

use mizan::corpus::{Authority, WorkStatus};
use mizan::corpus::{Lang, read_expression};
use mizan::diag::{Diagnostics, Sources};
use mizan::ids::WorkId;
use mizan::import::{AmendmentOptions, ImportError, Missing, Options, import, import_amendment};
use mizan::output::import::{amendment_imported, imported};

use super::{CliError, CliResult, LangArg};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file to import: a Word document (.docx), a text file (.txt, UTF-8) or a web page (.html).
    file: PathBuf,
    /// The work id, e.g. /akn/kw/act/2013/91 (default: guessed from the title line,
    /// `قانون رقم ٩١ لسنة ٢٠١٣` or `Law No. 91 of 2013`).
    #[arg(long, value_name = "ID")]
    work: Option<String>,
    /// The language of the text (default: guessed from its letters).
    #[arg(long, value_name = "LANG")]
    lang: Option<LangArg>,
    /// The law's title (default: the first paragraph of the file).
    #[arg(long)]
    title: Option<String>,
    /// Whether the law is in force.
    #[arg(long, value_enum, default_value_t = StatusArg::InForce)]
    status: StatusArg,
    /// Whose text this is: the official text, or an unofficial translation or summary.
    #[arg(long, value_enum, default_value_t = AuthorityArg::Official)]
    authority: AuthorityArg,
    /// Where to write the statute file; `-` prints it (default:
    /// corpus/<country>/<work>.<lang>.md in the workspace).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace the statute file if it exists.
    #[arg(long)]
    force: bool,
    /// The file is an amending law: write an amendment file whose
    /// operations come from its clauses (needs --amends).
    #[arg(long, requires = "amends")]
    amendment: bool,
    /// The work the amending law amends, e.g. /akn/kw/act/2013/91.
    #[arg(long, value_name = "WORK", requires = "amendment")]
    amends: Option<String>,
    /// The amendment's id (default: from the file name).
    #[arg(long, value_name = "ID", requires = "amendment")]
    id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StatusArg {
    InForce,
    Repealed,
    PartlyRepealed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AuthorityArg {
    Official,
    UnofficialTranslation,
    UnofficialSummary,
}

pub fn run(workspace: &Path, args: ImportArgs) -> CliResult {
    if args.amendment {
        return run_amendment(workspace, &args);
    }
    let work = args
        .work
        .as_deref()
        .map(WorkId::parse)
        .transpose()
        .map_err(|e| CliError::new(e.message))?;
    let country = match &work {
        Some(w) => Some(w.country().to_owned()),
        None => jurisdiction(workspace),
    };
    let options = Options {
        work,
        country: country.clone(),
        lang: args.lang.clone().map(LangArg::resolve).transpose()?,
        title: args.title.clone(),
        status: match args.status {
            StatusArg::InForce => WorkStatus::InForce,
            StatusArg::Repealed => WorkStatus::Repealed,
            StatusArg::PartlyRepealed => WorkStatus::PartlyRepealed,
        },
        authority: match args.authority {
            AuthorityArg::Official => Authority::Official,
            AuthorityArg::UnofficialTranslation => Authority::UnofficialTranslation,
            AuthorityArg::UnofficialSummary => Authority::UnofficialSummary,
        },
    };
    let path: Arc<Path> = Arc::from(args.file.as_path());
    let result = import(&path, &options).map_err(|e| failure(&args.file, e))?;
    let default = workspace
        .join("corpus")
        .join(result.meta.work.country())
        .join(&result.file_name);
    deliver(&args, default, &result.markdown, |mut w, out| {
        imported(&mut w, &args.file, &result, out)
    })
}

/// Writes an imported file where `--out` says (`-`: standard output), else
/// to `default`, never over a file without `--force`; then the summary,
/// on standard error when the file went to standard output.
fn deliver(
    args: &ImportArgs,
    default: PathBuf,
    markdown: &str,
    summary: impl Fn(&mut dyn Write, Option<&Path>) -> io::Result<()>,
) -> CliResult {
    let out = match &args.out {
        Some(p) if p.as_os_str() == "-" => None,
        Some(p) => Some(p.clone()),
        None => Some(default),
    };
    match &out {
        None => {
            summary(&mut io::stderr().lock(), None)?;
            io::stdout().lock().write_all(markdown.as_bytes())?;
        }
        Some(out) => {
            if out.exists() && !args.force {
                return Err(CliError::new(format!(
                    "{} exists; nothing was written",
                    out.display()
                ))
                .help("give --force to replace it, or --out to write elsewhere".to_owned()));
            }
            mizan::atomic::write_file(out, markdown.as_bytes())
                .map_err(|e| CliError::new(e.to_string()))?;
            summary(&mut io::stdout().lock(), Some(out))?;
        }
    }
    Ok(())
}

/// `mizan import --amendment`: the amending law read into an amendment
/// file in the workspace's `amendments/`, to `--out`, or to standard output.
fn run_amendment(workspace: &Path, args: &ImportArgs) -> CliResult {
    let amends = args
        .amends
        .as_deref()
        .map(WorkId::parse)
        .transpose()
        .map_err(|e| CliError::new(e.message))?;
    let Some(amends) = amends else {
        return Err(CliError::new("--amendment needs --amends WORK".to_owned()));
    };
    let options = AmendmentOptions {
        last_paragraphs: last_paragraphs(workspace, &amends),
        amends: Some(amends),
        id: args.id.clone(),
        title: args.title.clone(),
        lang: args.lang.clone().map(LangArg::resolve).transpose()?,
    };
    let path: Arc<Path> = Arc::from(args.file.as_path());
    let result = import_amendment(&path, &options).map_err(|e| failure(&args.file, e))?;
    let default = workspace
        .join("corpus")
        .join(result.amends.country())
        .join("amendments")
        .join(&result.file_name);
    deliver(args, default, &result.markdown, |mut w, out| {
        amendment_imported(&mut w, &args.file, &result, out)
    })
}

/// The last paragraph of each article of the amended work's expressions
/// in the workspace (where "a new paragraph added to the article" goes).
fn last_paragraphs(workspace: &Path, work: &WorkId) -> HashMap<(String, String), u32> {
    let mut out = HashMap::new();
    let folder = workspace.join("corpus").join(work.country());
    for lang in Lang::all() {
        let file = folder.join(format!("{}.{}.md", work.slug(), lang.code()));
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let path: Arc<Path> = Arc::from(file.as_path());
        if let (Some(e), _) = read_expression(&path, &text) {
            for a in &e.articles {
                let number = a.eid.strip_prefix("art_").unwrap_or(&a.eid).to_owned();
                out.insert((lang.code().to_owned(), number), a.paragraphs.len() as u32);
            }
        }
    }
    out
}

/// The workspace's jurisdiction: `jurisdiction` in mizan.toml, else the
/// only folder under corpus/.
fn jurisdiction(workspace: &Path) -> Option<String> {
    let toml = workspace.join("mizan.toml");
    if let Ok(text) = std::fs::read_to_string(&toml) {
        let path: Arc<Path> = Arc::from(toml.as_path());
        if let Ok(settings) = mizan::settings::read_settings(&path, &text)
            && let Some(j) = settings.jurisdiction
        {
            return Some(j);
        }
    }
    let folders: Vec<String> = std::fs::read_dir(workspace.join("corpus"))
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    match folders.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// The error for an import that failed: the diagnostic with its snippet,
/// or what to give on the command line.
fn failure(file: &Path, e: ImportError) -> CliError {
    match e {
        ImportError::Unreadable(d, text) => {
            let mut sources = Sources::default();
            if let Some(text) = text {
                sources.add(Arc::clone(&d.path), text);
            }
            let mut diags = Diagnostics::new();
            diags.push(*d);
            CliError::new(format!(
                "cannot import {}; nothing was written",
                file.display()
            ))
            .diagnostics(diags, &sources)
        }
        ImportError::Missing(missing) => {
            let (what, help) = match missing {
                Missing::Work => (
                    "could not tell the work id from the title line",
                    "give it with --work, e.g. --work /akn/kw/act/2013/91",
                ),
                Missing::Title => (
                    "the file has no title before its first heading",
                    "give it with --title",
                ),
                Missing::Country => (
                    "could not tell the country: the workspace names no jurisdiction",
                    "give the work id with --work, e.g. --work /akn/kw/act/2013/91",
                ),
            };
            CliError::new(format!(
                "cannot import {}: {what}; nothing was written",
                file.display()
            ))
            .help(help.to_owned())
        }
        ImportError::Invalid(diags, text) => {
            let mut sources = Sources::default();
            if let Some(d) = diags.iter().next() {
                sources.add(Arc::clone(&d.path), text);
            }
            CliError::new(format!(
                "the statute file made from {} does not pass check (a fault of mizan import); nothing was written",
                file.display()
            ))
            .diagnostics(diags, &sources)
        }
    }
}
