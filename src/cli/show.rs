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
use mizan::ids::ArticleRef;
use mizan::output::text::language_name;
use mizan::output::{ShownArticle, json, text};

use super::{CliError, CliResult, Format, load, stdout_color};

/// Which version of the text to show.
pub struct VersionArgs<'a> {
    pub at: Option<Date>,
    pub with: &'a [String],
}

pub fn run(
    workspace: &Path,
    id: &str,
    lang: Option<Lang>,
    version_args: VersionArgs<'_>,
    format: Format,
) -> CliResult {
    let article_ref = ArticleRef::parse(id).map_err(|e| CliError::new(e.to_string()))?;
    let ws = load(workspace)?;
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
