//! `mizan gaps`: where the law stands against each instrument, optionally
//! with pending amendments applied, as a table, JSON, CSV or a Markdown
//! questionnaire.

use std::io::{self, Write};
use std::path::Path;

use clap::ValueEnum;

use mizan::diag::render_text;
use mizan::gaps::{self, Filter, Inputs, Selection};
use mizan::output::table::{TableOptions, render_table};
use mizan::output::{csv, docx, gap_document, json, questionnaire};
use mizan::standards::{Status, Theme};
use mizan::text::did_you_mean_nearest;

use super::{CliError, CliResult, load, stderr_color, stdout_color, warn};

#[derive(Debug, Clone, clap::Args)]
pub struct GapsArgs {
    /// Only this instrument (scores included), e.g. `tip`.
    #[arg(long, value_name = "ID")]
    standard: Option<String>,
    /// List only provisions of this theme (scores stay whole).
    #[arg(long, value_name = "THEME", value_parser = parse_theme)]
    theme: Option<Theme>,
    /// List only provisions with this status; repeatable (scores stay whole).
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    status: Vec<Status>,
    /// Apply a pending amendment's mapping changes; repeatable. `all-pending`
    /// applies every pending amendment.
    #[arg(long = "with", value_name = "AMENDMENT")]
    with: Vec<String>,
    /// Output: `table` for people; `json`, `csv` or `questionnaire` (Markdown) for other tools.
    #[arg(long, value_enum, default_value_t = GapsFormat::Table)]
    format: GapsFormat,
    /// The language of the questionnaire and of the Word report (a language
    /// code of the workspace: `ar`, `en`); the workspace's first language by
    /// default.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// The file the Word report (`--format docx`) is written to, whole or
    /// not at all.
    #[arg(long, value_name = "FILE")]
    out: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GapsFormat {
    /// Scores, then provisions worst first (100 columns).
    Table,
    /// The versioned JSON report (see the book).
    Json,
    /// One row per provision and element; UTF-8 with a byte order mark.
    Csv,
    /// Markdown grouped by theme, for answering questionnaires.
    Questionnaire,
    /// A Word document: the scores, then the questionnaire answers by theme.
    Docx,
}

fn parse_theme(s: &str) -> Result<Theme, String> {
    Theme::ALL
        .into_iter()
        .find(|t| t.as_str() == s)
        .ok_or_else(|| {
            let names: Vec<&str> = Theme::ALL.iter().map(|t| t.as_str()).collect();
            format!("expected one of: {}", names.join(", "))
        })
}

fn parse_status(s: &str) -> Result<Status, String> {
    Status::ALL
        .into_iter()
        .find(|t| t.as_str() == s)
        .ok_or_else(|| {
            let names: Vec<&str> = Status::ALL.iter().map(|t| t.as_str()).collect();
            format!("expected one of: {}", names.join(", "))
        })
}

/// The language of a report in one language: `--lang`, else the
/// workspace's first.
fn report_lang(lang: Option<&str>, ws: &mizan::Workspace) -> Result<mizan::corpus::Lang, CliError> {
    match lang {
        Some(code) => mizan::corpus::Lang::from_code(code)
            .ok_or_else(|| CliError::new(mizan::lang::unknown_language(code))),
        None => Ok(ws.settings.languages[0]),
    }
}

pub fn run(workspace: &Path, args: GapsArgs) -> CliResult {
    let in_one_language = matches!(args.format, GapsFormat::Questionnaire | GapsFormat::Docx);
    if args.lang.is_some() && !in_one_language {
        return Err(CliError::new(
            "`--lang` chooses the language of `--format questionnaire` and `--format docx`; the other formats hold every language",
        ));
    }
    if (args.format == GapsFormat::Docx) != args.out.is_some() {
        return Err(CliError::new(if args.out.is_some() {
            "`--out` is where `--format docx` writes its Word document; the other formats print"
        } else {
            "a Word document is not written to the terminal; give --out FILE.docx"
        }));
    }
    let ws = load(workspace)?;
    let lint = gaps::lint(&ws);
    if !lint.is_empty() {
        eprint!("{}", render_text(&lint, &ws.sources, stderr_color()));
    }
    if let Some(id) = &args.standard
        && ws.instrument(id).is_none()
    {
        return Err(
            CliError::new(format!("no instrument `{id}` in `standards/`")).help(
                did_you_mean_nearest(id, ws.instruments.iter().map(|i| i.id.as_str())),
            ),
        );
    }
    let with: Vec<Selection> = args.with.iter().map(|s| Selection::parse(s)).collect();
    let inputs = Inputs::of(&ws);
    let amendments = gaps::scenario::select(&ws.amendments, inputs.jurisdiction, &with)
        .map_err(|e| CliError::new(e.to_string()))?;
    if !with.is_empty() && amendments.is_empty() {
        warn("no pending amendment to apply; the report shows the law as it stands");
    }
    let filter = Filter {
        standard: args.standard,
        theme: args.theme,
        statuses: args.status,
    };
    let analysis = gaps::analyse_workspace(&ws, &filter, amendments).map_err(|diags| {
        CliError::new("the amendments of the scenario do not apply together")
            .diagnostics(diags, &ws.sources)
    })?;
    // Buffered: the JSON of a large workspace is millions of lines, and a
    // locked stdout flushes at every one.
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        GapsFormat::Table => {
            let options = TableOptions {
                color: stdout_color(),
                ..TableOptions::default()
            };
            out.write_all(render_table(&analysis, &filter, options).as_bytes())?;
        }
        GapsFormat::Json => json::write(&mut out, &json::gap_report(&analysis, &filter))?,
        GapsFormat::Csv => {
            out.write_all(csv::render_csv(&analysis, &filter, &ws).as_bytes())?;
        }
        GapsFormat::Questionnaire => {
            let lang = report_lang(args.lang.as_deref(), &ws)?;
            let text = questionnaire::render_questionnaire(&analysis, &filter, &ws, lang);
            out.write_all(text.as_bytes())?;
        }
        GapsFormat::Docx => {
            let lang = report_lang(args.lang.as_deref(), &ws)?;
            let doc = gap_document::gap_document(&analysis, &filter, &ws, lang);
            let file = args.out.as_deref().expect("checked: docx has --out");
            mizan::atomic::write_file(file, &docx::write(&doc))
                .map_err(|e| CliError::new(e.to_string()))?;
            writeln!(
                out,
                "wrote {}: the gap report in {}",
                file.display(),
                lang.code()
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
