//! `mizan show`: one article, its container path and mapped provisions, as
//! it stands now (every enacted amendment and ruling applied); with `--at`
//! or `--with`, as it stood on a date or as it would read with pending
//! amendments.

use std::io;
use std::path::Path;

use mizan::Workspace;
use mizan::amend::{ConsolidatedExpression, Version, VersionError};
use mizan::corpus::{Article, Lang, Work};
use mizan::date::Date;
use mizan::ids::{ArticleRef, FrbrUri, PointInTime};
use mizan::output::text::language_name;
use mizan::output::{ShownArticle, json, text};

use super::resolve::{not_found, parse_uri};
use super::{CliError, CliResult, Format, load, stdout_color};

/// Which version of the text to show.
pub struct VersionArgs<'a> {
    pub at: Option<Date>,
    pub with: &'a [String],
    /// The version a URI names (`eng@`, `ara@2019-04-09`), which wins
    /// over `at` when no pending amendment is applied.
    pub named: Option<PointInTime>,
}

pub fn run(
    workspace: &Path,
    id: &str,
    lang: Option<Lang>,
    version_args: VersionArgs<'_>,
    format: Format,
) -> CliResult {
    let uri = parse_uri(id)?;
    let (lang, version_args) = from_uri(&uri, lang, version_args)?;
    let ws = load(workspace)?;
    let article_ref = article_of(&ws, &uri, &version_args)?;
    let work = find_work(&ws, &article_ref, lang)?;
    let version = select_version(&ws, work, &version_args)?;
    let (text, article) = find_article(&version, &article_ref, lang)?;
    let shown = ShownArticle {
        article_ref: &article_ref,
        work,
        version: &version,
        text,
        article,
        mapped: ws.provisions_for(&article_ref),
    };
    let mut out = io::stdout().lock();
    match format {
        Format::Json => json::write(&mut out, &json::article(&shown))?,
        Format::Text => text::article(&mut out, &shown, stdout_color())?,
    }
    Ok(())
}

/// The language and version a URI names, merged with `--lang` and
/// `--at`: the same thing said twice is fine, two different things are an
/// error.
fn from_uri<'a>(
    uri: &FrbrUri,
    lang: Option<Lang>,
    mut args: VersionArgs<'a>,
) -> Result<(Option<Lang>, VersionArgs<'a>), CliError> {
    let Some(e) = &uri.expression else {
        return Ok((lang, args));
    };
    let named = Lang::from_iso639_2(&e.language).ok_or_else(|| {
        CliError::new(format!(
            "`{}` is not a language of the workspace",
            e.language
        ))
        .help("use `eng` or `ara`".to_owned())
    })?;
    if let Some(l) = lang
        && l != named
    {
        return Err(CliError::new(format!(
            "the URI names the {} text and --lang the {} text",
            e.language,
            l.iso639_2()
        )));
    }
    if let Some(d) = e.version.date() {
        if args.at.is_some_and(|at| at != d) {
            return Err(CliError::new(format!(
                "the URI names the text of {d} and --at another date"
            )));
        }
        args.at = Some(d);
    }
    if e.version == PointInTime::Original && args.at.is_some() {
        return Err(CliError::new(
            "the URI names the text as first enacted (`@`) and --at a date",
        ));
    }
    if e.version != PointInTime::Latest {
        args.named = Some(e.version);
    }
    Ok((Some(named), args))
}

/// The article a URI names: its portion, or the article that holds it
/// (a paragraph, a point, a nested eId such as `chp_1__art_3`).
fn article_of(
    ws: &Workspace,
    uri: &FrbrUri,
    version_args: &VersionArgs<'_>,
) -> Result<ArticleRef, CliError> {
    let Some(eid) = &uri.portion else {
        return Err(CliError::new(format!(
            "`{uri}` names no article: `show` takes a URI with a portion"
        ))
        .help(format!("for example `{}/~art_2`", uri.expression_uri())));
    };
    let plain = uri.components.is_empty() && !eid.contains("__");
    // With pending amendments the article may exist only in them: take the
    // eId as given, and let the version say whether it is there.
    if plain || !version_args.with.is_empty() {
        return Ok(ArticleRef {
            work: uri.work.clone(),
            eid: eid.clone(),
        });
    }
    let resolved = ws.resolve(uri).map_err(not_found)?;
    match resolved.portion.and_then(|p| p.article) {
        Some(eid) => Ok(ArticleRef {
            work: uri.work.clone(),
            eid,
        }),
        None => Err(CliError::new(format!(
            "`~{eid}` is a container: `show` takes an article"
        ))),
    }
}

/// The work the article id names, with the language asked for.
fn find_work<'w>(
    ws: &'w Workspace,
    article_ref: &ArticleRef,
    lang: Option<Lang>,
) -> Result<&'w Work, CliError> {
    let Some(work) = ws.work(article_ref.work.as_str()) else {
        return Err(CliError::new(format!(
            "no work `{}` in the corpus",
            article_ref.work
        )));
    };
    if let Some(l) = lang
        && work.expression(l).is_none()
    {
        return Err(CliError::new(format!(
            "`{}` has no {} expression",
            article_ref.work,
            l.code()
        )));
    }
    Ok(work)
}

/// The version asked for: without --at, the latest (every enacted
/// amendment and ruling applied), which is what a reader means by "the
/// article"; the file may hold an older text.
fn select_version(
    ws: &Workspace,
    work: &Work,
    version_args: &VersionArgs<'_>,
) -> Result<Version, CliError> {
    let with: Vec<&str> = version_args.with.iter().map(String::as_str).collect();
    match version_args.named {
        Some(PointInTime::Original) if !with.is_empty() => {
            return Err(CliError::new(
                "--with applies pending amendments to the latest text, not to the text as first enacted",
            ));
        }
        Some(named) if with.is_empty() => {
            return ws.uri_version(work, named).map_err(not_found);
        }
        _ => {}
    }
    ws.version(work.id.as_str(), version_args.at, &with)
        .map_err(|e| match e {
            VersionError::Invalid(d) => {
                CliError::new("the amendments do not apply").diagnostics(d, &ws.sources)
            }
            VersionError::Unavailable(m) => CliError::new(m),
        })
}

/// The article in the version, in the language asked for (else the first
/// that has it); when missing, says where it is and why.
fn find_article<'v>(
    version: &'v Version,
    article_ref: &ArticleRef,
    lang: Option<Lang>,
) -> Result<(&'v ConsolidatedExpression, &'v Article), CliError> {
    let texts: &[ConsolidatedExpression] = &version.expressions;
    let found = texts
        .iter()
        .filter(|t| lang.is_none_or(|l| t.lang() == l))
        .find_map(|t| t.article(&article_ref.eid).map(|a| (t, a)));
    if let Some(found) = found {
        return Ok(found);
    }
    let mut e = CliError::new(format!(
        "no article `{}` in `{}` ({})",
        article_ref.eid,
        article_ref.work,
        version.label()
    ));
    // Say why, when the article exists in another language only.
    if let Some(t) = texts.iter().find(|t| t.article(&article_ref.eid).is_some()) {
        e = e.note(format!("it is in the {} text", t.lang().code()));
    }
    for t in texts {
        for s in t.stale_for(&article_ref.eid) {
            e = e.note(format!(
                "`{}` {} in {} only",
                s.amendment,
                s.change,
                language_name(s.written_in)
            ));
        }
    }
    Err(e)
}
