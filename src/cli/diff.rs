//! `mizan diff`: what an amendment changes, or what changed between two
//! versions of a work, as an inline redline, a side-by-side comparative
//! print, a unified diff or JSON.

use std::io::{self, Write};
use std::path::Path;

use clap::{CommandFactory, ValueEnum};

use mizan::Workspace;
use mizan::amend::diff::{DiffOptions, amendment_diff_from, parse_version_ref};
use mizan::amend::{VersionError, versions_diff};
use mizan::corpus::{Lang, Work};
use mizan::date::Date;
use mizan::ids::PointInTime;
use mizan::output::json;
use mizan::output::redline::{RenderOptions, inline, side_by_side, unified};
use mizan::text::did_you_mean_nearest;
use mizan::workspace::Scope;

use super::resolve::not_found;
use super::{Args, CliError, CliResult, load_scoped, stdout_color};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// The changed articles with `[-deleted-]{+inserted+}` markers.
    Inline,
    /// Current and proposed text in two columns.
    SideBySide,
    /// A unified diff, one paragraph a line.
    Unified,
    Json,
}

pub struct DiffArgs<'a> {
    pub from: &'a str,
    pub to: Option<&'a str>,
    pub format: DiffFormat,
    pub lang: Option<Lang>,
    pub width: Option<usize>,
}

fn usage(message: String) -> ! {
    Args::command()
        .error(clap::error::ErrorKind::ValueValidation, message)
        .exit()
}

/// The terminal width: `--width`, else `COLUMNS`, else 100.
fn width(given: Option<usize>) -> usize {
    given
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

pub fn run(workspace: &Path, args: DiffArgs<'_>) -> CliResult {
    // Check the arguments' grammar before loading anything.
    let versions = match args.to {
        None if args.from.starts_with('/') => usage(format!(
            "`{}` is a version of a work: give two, for example `mizan diff {0}@2013-03-17 {0}`",
            args.from.split('@').next().unwrap_or(args.from)
        )),
        None => None,
        Some(to) => {
            let a = parse_version_ref(args.from).unwrap_or_else(|e| usage(e));
            let b = parse_version_ref(to).unwrap_or_else(|e| usage(e));
            if a.0 != b.0 {
                usage(format!(
                    "the two versions are of different works: `{}` and `{}`",
                    a.0, b.0
                ));
            }
            Some((a, b))
        }
    };
    // Only the work concerned and its amendments are read.
    let scope = match &versions {
        None => Scope::Amendment(args.from),
        Some(((work, ..), _)) => Scope::Work(work.as_str()),
    };
    let ws = load_scoped(workspace, scope)?;
    let options = DiffOptions {
        lang: args.lang,
        // Only these forms show unchanged articles.
        unchanged_text: matches!(args.format, DiffFormat::Json | DiffFormat::Unified),
    };
    let result = match versions {
        None => {
            let Some(amendment) = ws.amendment(args.from) else {
                return Err(CliError::new(format!(
                    "no amendment `{}` in the workspace",
                    args.from
                ))
                .help(did_you_mean_nearest(
                    args.from,
                    ws.amendments.iter().map(|a| a.id.as_str()),
                )));
            };
            let Some(work) = ws.work(amendment.amends.as_str()) else {
                return Err(CliError::new(format!(
                    "`{}` amends `{}`, which is not in the corpus",
                    amendment.id, amendment.amends
                )));
            };
            let proposed = ws.proposed(&amendment.id);
            amendment_diff_from(work, &ws.amendments, amendment, proposed, &options)
        }
        Some(((work_id, from, lang_a), (_, to, lang_b))) => {
            let Some(work) = ws.work(work_id.as_str()) else {
                return Err(CliError::new(format!("no work `{work_id}` in the corpus")));
            };
            let from = version_date(&ws, work, from)?;
            let to = version_date(&ws, work, to)?;
            let lang = args.lang.or(lang_a).or(lang_b);
            let options = DiffOptions { lang, ..options };
            if let Some(l) = lang
                && work.expression(l).is_none()
            {
                return Err(CliError::new(format!(
                    "`{work_id}` has no {} text",
                    l.code()
                )));
            }
            versions_diff(work, &ws.amendments, from, to, &options)
        }
    };
    let diff = result.map_err(|e| match e {
        VersionError::Invalid(d) => {
            CliError::new("the amendment does not apply to the current text")
                .diagnostics(d, &ws.sources)
        }
        VersionError::Unavailable(m) => CliError::new(m),
    })?;
    let render = RenderOptions {
        color: stdout_color(),
        width: width(args.width),
    };
    let mut out = io::stdout().lock();
    match args.format {
        DiffFormat::Inline => out.write_all(inline(&diff, &render).as_bytes())?,
        DiffFormat::SideBySide => out.write_all(side_by_side(&diff, &render).as_bytes())?,
        DiffFormat::Unified => out.write_all(unified(&diff).as_bytes())?,
        DiffFormat::Json => json::write(&mut out, &json::diff(&diff)?)?,
    }
    Ok(())
}

/// The date of the version a point in time names, as `versions_diff`
/// takes it (`None`: the latest): `@` and a date before the work came into
/// force name the text as first enacted, as in `show` and `resolve`.
fn version_date(ws: &Workspace, work: &Work, at: PointInTime) -> Result<Option<Date>, CliError> {
    match at {
        PointInTime::Latest => Ok(None),
        PointInTime::At(d) | PointInTime::Amended(d) => {
            let version = ws.uri_version(work, at).map_err(not_found)?;
            Ok(Some(version.date.map_or(d, |v| v.max(d))))
        }
        PointInTime::Original => {
            let version = ws.uri_version(work, at).map_err(not_found)?;
            version.date.map(Some).ok_or_else(|| {
                CliError::new(format!(
                    "the date `{}` came into force is not known: give the version's date",
                    work.id
                ))
            })
        }
    }
}
