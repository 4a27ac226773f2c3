//! `mizan gaps`: where the law stands against each instrument, optionally
//! with pending amendments applied, as a table, JSON, CSV or a Markdown
//! questionnaire.

use std::io::{self, Write};
use std::path::Path;

use clap::ValueEnum;

use mizan::date::Date;
use mizan::diag::render_text;
use mizan::gaps::{self, Filter, Inputs, Selection};
use mizan::output::table::{TableOptions, render_table};
use mizan::output::{csv, docx, gap_document, history, json, questionnaire};
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
    /// The language of the questionnaire, of the Word report and of the
    /// `--timeline` and `--since` tables (a language code of the workspace:
    /// `ar`, `en`); the workspace's first language by default.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// The file the Word report (`--format docx`) is written to, whole or
    /// not at all.
    #[arg(long, value_name = "FILE")]
    out: Option<std::path::PathBuf>,
    /// Arrange the questionnaire (`--format questionnaire`) by the structure
    /// of a questionnaire of the workspace (`questionnaires/ID.yaml`).
    #[arg(long, value_name = "ID")]
    questionnaire: Option<String>,
    /// The law as it stood on DATE (YYYY-MM-DD): the enacted amendments and
    /// rulings in force by then applied, with their mapping changes.
    #[arg(long, value_name = "DATE", conflicts_with_all = ["with", "timeline", "since"])]
    at: Option<Date>,
    /// Each instrument's score at every date on which a change of the law
    /// took effect.
    #[arg(long, conflicts_with_all = ["with", "since"])]
    timeline: bool,
    /// What changed since DATE, each change with its cause; without a date,
    /// since the last report (`[gaps.last_report]` in mizan.toml).
    #[arg(long, value_name = "DATE", num_args = 0..=1, default_missing_value = "last-report", conflicts_with = "with")]
    since: Option<SinceArg>,
}

/// `--since DATE`, or `--since` alone: the date of the last report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SinceArg {
    LastReport,
    Date(Date),
}

impl std::str::FromStr for SinceArg {
    type Err = String;
    fn from_str(s: &str) -> Result<SinceArg, String> {
        if s == "last-report" {
            Ok(SinceArg::LastReport)
        } else {
            s.parse().map(SinceArg::Date)
        }
    }
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

/// Checks the options that go together before anything is read; whether
/// the report is over time (`--timeline`, `--since`).
fn check_args(args: &GapsArgs) -> Result<bool, CliError> {
    let over_time = args.timeline || args.since.is_some();
    let in_one_language = matches!(args.format, GapsFormat::Questionnaire | GapsFormat::Docx)
        || (over_time && args.format == GapsFormat::Table);
    if args.lang.is_some() && !in_one_language {
        return Err(CliError::new(
            "`--lang` chooses the language of `--format questionnaire`, `--format docx` and the `--timeline` and `--since` tables; the other formats hold every language",
        ));
    }
    if over_time && matches!(args.format, GapsFormat::Questionnaire | GapsFormat::Docx) {
        return Err(CliError::new(
            "`--timeline` and `--since` print as `table`, `json` or `csv`; a questionnaire answers for one date (`--at DATE --format questionnaire`)",
        ));
    }
    if args.questionnaire.is_some() && args.format != GapsFormat::Questionnaire {
        return Err(CliError::new(
            "`--questionnaire ID` arranges `--format questionnaire`; add `--format questionnaire`",
        ));
    }
    if (args.format == GapsFormat::Docx) != args.out.is_some() {
        return Err(CliError::new(if args.out.is_some() {
            "`--out` is where `--format docx` writes its Word document; the other formats print"
        } else {
            "a Word document is not written to the terminal; give --out FILE.docx"
        }));
    }
    Ok(over_time)
}

/// The questionnaire `id` of the workspace (`questionnaires/ID.yaml`).
fn structure<'w>(
    ws: &'w mizan::Workspace,
    id: &str,
) -> Result<&'w mizan::standards::Questionnaire, CliError> {
    ws.questionnaires
        .iter()
        .find(|q| q.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = ws.questionnaires.iter().map(|q| q.id.as_str()).collect();
            let there = if known.is_empty() {
                String::new()
            } else {
                format!(" (there are: {})", known.join(", "))
            };
            CliError::new(format!(
                "no questionnaire `{id}` in `questionnaires/`{there}"
            ))
            .help(did_you_mean_nearest(id, known.iter().copied()))
        })
}

pub fn run(workspace: &Path, args: GapsArgs) -> CliResult {
    let over_time = check_args(&args)?;
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
    if over_time {
        let lang = report_lang(args.lang.as_deref(), &ws)?;
        return over_time::run(&ws, &args, lang);
    }
    let with: Vec<Selection> = args.with.iter().map(|s| Selection::parse(s)).collect();
    let inputs = Inputs::of(&ws);
    let all: Vec<&mizan::amend::Amendment> = ws.amendments.iter().collect();
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
    if let Some(date) = args.at
        && args.format != GapsFormat::Table
    {
        for (name, from) in over_time::late_works(&ws, &filter, date) {
            warn(format!(
                "{name} came into force on {from}, after {date}; the report on {date} still counts the articles the assessment cites from it"
            ));
        }
    }
    let analysis = match args.at {
        Some(date) => gaps::Analysis {
            report: gaps::history::report_at(&inputs, &filter, &all, Some(date)),
            scenario: None,
        },
        None => gaps::analyse_workspace(&ws, &filter, amendments).map_err(|diags| {
            CliError::new("the amendments of the scenario do not apply together")
                .diagnostics(diags, &ws.sources)
        })?,
    };
    // Buffered: the JSON of a large workspace is millions of lines, and a
    // locked stdout flushes at every one.
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        GapsFormat::Table => {
            let options = TableOptions {
                color: stdout_color(),
                ..TableOptions::default()
            };
            if let Some(date) = args.at {
                let in_force = gaps::history::in_force(&all, inputs.jurisdiction, Some(date));
                let o = over_time::options(&ws, mizan::corpus::Lang::EN);
                let late = over_time::late_works(&ws, &filter, date);
                let note = history::render_at_note(date, &in_force, &late, o);
                out.write_all(note.as_bytes())?;
            }
            out.write_all(render_table(&analysis, &filter, options).as_bytes())?;
        }
        GapsFormat::Json => {
            let mut report = json::gap_report(&analysis, &filter);
            report.at = args.at;
            json::write(&mut out, &report)?;
        }
        GapsFormat::Csv => {
            out.write_all(csv::render_csv(&analysis, &filter, &ws).as_bytes())?;
        }
        GapsFormat::Questionnaire => {
            let lang = report_lang(args.lang.as_deref(), &ws)?;
            let text = match args.questionnaire.as_deref() {
                Some(id) => questionnaire::render_by_questionnaire(
                    &analysis,
                    &ws,
                    lang,
                    structure(&ws, id)?,
                ),
                None => questionnaire::render_questionnaire(&analysis, &filter, &ws, lang),
            };
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

/// `--timeline` and `--since`: the analysis over time, in the chosen format.
mod over_time {
    use std::io::{self, Write};

    use mizan::corpus::Lang;
    use mizan::gaps::{self, Filter, Inputs};
    use mizan::output::history::{self, HistoryOptions};
    use mizan::output::json;
    use mizan::workspace::Workspace;

    use super::{CliError, CliResult, GapsArgs, GapsFormat, SinceArg};

    /// The works the assessment cites that were not yet in force on
    /// `date`, by their English short title, with the date they came into
    /// force.
    pub(super) fn late_works<'w>(
        ws: &'w Workspace,
        filter: &Filter,
        date: mizan::date::Date,
    ) -> Vec<(&'w str, mizan::date::Date)> {
        gaps::history::not_yet_in_force(ws, filter, date)
            .into_iter()
            .map(|(w, from)| {
                let e = w.expression(Lang::EN).or(w.expressions.first());
                let name = e.map_or(w.id.as_str(), |e| {
                    e.meta.short_title.as_deref().unwrap_or(&e.meta.title)
                });
                (name, from)
            })
            .collect()
    }

    pub(super) fn options(ws: &Workspace, lang: Lang) -> HistoryOptions {
        HistoryOptions {
            lang,
            numerals: ws.settings.numerals_for(lang),
        }
    }

    pub(super) fn run(ws: &Workspace, args: &GapsArgs, lang: Lang) -> CliResult {
        let inputs = Inputs::of(ws);
        let all: Vec<&mizan::amend::Amendment> = ws.amendments.iter().collect();
        let filter = Filter {
            standard: args.standard.clone(),
            theme: None,
            statuses: Vec::new(),
        };
        let o = options(ws, lang);
        let mut out = io::BufWriter::new(io::stdout().lock());
        if args.timeline {
            let t = gaps::history::timeline(&inputs, &filter, &all);
            match args.format {
                GapsFormat::Json => json::write(&mut out, &json::timeline(&t))?,
                GapsFormat::Csv => out.write_all(history::timeline_csv(&t).as_bytes())?,
                _ => out.write_all(history::render_timeline(&t, o).as_bytes())?,
            }
        } else if let Some(since) = args.since {
            let last = ws.settings.gaps.last_report.as_ref();
            let date = match since {
                SinceArg::Date(d) => d,
                SinceArg::LastReport => last.map(|r| r.date).ok_or_else(|| {
                    CliError::new("`--since` without a date starts from the last report, and mizan.toml names none")
                        .help(Some("give a date (`--since 2019-01-01`), or set `date` under `[gaps.last_report]` in mizan.toml".to_owned()))
                })?,
            };
            let is_last = last.is_some_and(|r| r.date == date);
            let published = if is_last {
                ws.published_report().map_err(|(d, sources)| {
                    CliError::new("the last report as published cannot be read")
                        .diagnostics(d, &sources)
                })?
            } else {
                None
            };
            let s = gaps::history::since(&inputs, &filter, &all, Some(date), published.as_ref());
            match args.format {
                GapsFormat::Json => json::write(&mut out, &json::since(&s))?,
                GapsFormat::Csv => out.write_all(history::since_csv(&s).as_bytes())?,
                _ => out.write_all(history::render_since(&s, is_last, o).as_bytes())?,
            }
        }
        out.flush()?;
        Ok(())
    }
}
