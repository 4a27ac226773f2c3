//! `mizan propose`: pending amendments gathered into one proposal (the
//! amending law, the comparative table, the explanatory memorandum), in
//! one language, as Markdown, a web page or a Word document.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::ValueEnum;

use mizan::output::{document, docx, proposal};
use mizan::proposal::{MemoTemplate, find, propose};

use super::{CliError, CliResult, LangArg, load};

#[derive(Debug, Clone, clap::Args)]
pub struct ProposeArgs {
    /// The pending amendments (ids) the proposal gathers, in the order their
    /// articles come in the amending law.
    #[arg(required = true, value_name = "AMENDMENT")]
    amendments: Vec<String>,
    /// The proposal's language (`ar`, `en`); the workspace's first language
    /// by default.
    #[arg(long, value_name = "LANG")]
    lang: Option<LangArg>,
    /// `md` (Markdown), `html` (a printable page) or `docx` (Word); by
    /// default from the extension of --out, else Markdown.
    #[arg(long, value_enum)]
    format: Option<ProposeFormat>,
    /// The file to write (replaced whole, or left as it was); without it,
    /// Markdown and HTML go to standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProposeFormat {
    Md,
    Html,
    Docx,
}

pub fn run(workspace: &std::path::Path, args: ProposeArgs) -> CliResult {
    let format = args.format.unwrap_or_else(|| {
        match args
            .out
            .as_ref()
            .and_then(|o| o.extension())
            .and_then(|e| e.to_str())
        {
            Some("docx") => ProposeFormat::Docx,
            Some("html" | "htm") => ProposeFormat::Html,
            _ => ProposeFormat::Md,
        }
    });
    if format == ProposeFormat::Docx && args.out.is_none() {
        return Err(CliError::new(
            "a Word document is not written to the terminal; give --out FILE.docx",
        ));
    }
    let ws = load(workspace)?;
    let lang = match args.lang {
        Some(l) => l.resolve()?,
        None => ws.settings.languages[0],
    };
    let memo = MemoTemplate::of_workspace(workspace).map_err(|(d, s)| {
        CliError::new("the memorandum template cannot be used; nothing was written")
            .diagnostics(d, &s)
    })?;
    let amendments = find(&ws, &args.amendments).map_err(CliError::new)?;
    let p = propose(&ws, &amendments, lang, memo).map_err(|d| {
        CliError::new("no proposal was made; nothing was written").diagnostics(d, &ws.sources)
    })?;
    let doc = proposal::document(&p, ws.settings.numerals_for(lang));
    let bytes = match format {
        ProposeFormat::Md => document::markdown(&doc).into_bytes(),
        ProposeFormat::Html => document::html(&doc).into_bytes(),
        ProposeFormat::Docx => docx::write(&doc),
    };
    match &args.out {
        None => io::stdout().lock().write_all(&bytes)?,
        Some(out) => {
            mizan::atomic::write_file(out, &bytes).map_err(|e| CliError::new(e.to_string()))?;
            io::stdout()
                .lock()
                .write_all(proposal::summary(&p, out).as_bytes())?;
        }
    }
    Ok(())
}
