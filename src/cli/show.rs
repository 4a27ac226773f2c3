//! `mizan show`: one article, its container path and mapped provisions, as
//! it stands now (every enacted amendment and ruling applied); with `--at`
//! or `--with`, as it stood on a date or as it would read with pending
//! amendments.

use std::io::{self, Write};
use std::path::Path;

use mizan::Workspace;
use mizan::amend::{ConsolidatedExpression, Version, VersionError};
use mizan::corpus::{Article, Authority, Lang, Point, StatuteMeta, Work};
use mizan::date::Date;
use mizan::ids::ArticleRef;
use mizan::workspace::MappedProvision;

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
    let shown = Shown {
        article_ref: &article_ref,
        work,
        version: &version,
        text,
        article,
        mapped: ws.provisions_for(&article_ref),
    };
    let mut out = io::stdout().lock();
    match format {
        Format::Json => write_json(&mut out, &shown),
        Format::Text => write_text(&mut out, &shown, stdout_color()),
    }
}

/// The article found, with what `show` prints beside it.
struct Shown<'a> {
    article_ref: &'a ArticleRef,
    work: &'a Work,
    version: &'a Version,
    text: &'a ConsolidatedExpression,
    article: &'a Article,
    mapped: Vec<MappedProvision<'a>>,
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

fn write_json(out: &mut impl Write, s: &Shown<'_>) -> CliResult {
    let expression = &s.text.expression;
    let eid = &s.article.eid;
    let stale: Vec<_> = s.text.stale_for(eid).collect();
    let value = serde_json::json!({
        "version": 1,
        "id": s.article_ref.to_string(),
        "work": s.work.id,
        "expression": expression.id(),
        "lang": expression.lang(),
        "work_title": expression.meta.title,
        "authority": expression.meta.authority,
        "containers": expression.container_path(s.article).iter().map(|c| serde_json::json!({
            "eid": c.eid, "kind": c.kind, "num": c.num, "heading": c.heading,
        })).collect::<Vec<_>>(),
        "article": s.article,
        "text_version": serde_json::json!({
            "label": s.version.label(), "kind": s.version.kind, "date": s.version.date,
            "amendments": s.version.amendments,
        }),
        "repealed": s.text.repealed.get(eid),
        "changed_by": s.text.changes_of(eid),
        "stale": stale,
        "provisions": s.mapped.iter().map(|m| serde_json::json!({
            "provision": format!("{}/{}", m.instrument.id, m.provision.id),
            "element": m.entry.element,
            "citation": m.provision.citation,
            "instrument": m.instrument.display_title(),
            "title": m.provision.title,
            "status": m.entry.status,
        })).collect::<Vec<_>>(),
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)?;
    Ok(())
}

/// The article as text: where it sits, its version and history, its
/// paragraphs, the provisions mapped to it, and where the text comes from.
fn write_text(out: &mut impl Write, s: &Shown<'_>, color: bool) -> CliResult {
    write_heading(out, s, color)?;
    write_history(out, s)?;
    writeln!(out)?;
    for p in &s.article.paragraphs {
        if !p.text.is_empty() {
            writeln!(out, "{}", p.text)?;
        }
        write_points(out, &p.points, 1)?;
        writeln!(out)?;
    }
    write_mapped(out, &s.mapped)?;
    write_source(out, &s.text.expression.meta)?;
    Ok(())
}

/// The work's title, the containers, and the article's number and heading.
fn write_heading(out: &mut impl Write, s: &Shown<'_>, color: bool) -> io::Result<()> {
    let expression = &s.text.expression;
    let article = s.article;
    writeln!(out, "{}", expression.meta.title)?;
    for c in expression.container_path(article) {
        writeln!(out, "  {}", c.text)?;
    }
    let word = match expression.lang() {
        Lang::En => "Article",
        Lang::Ar => "المادة",
    };
    let repealed = s.text.repealed.contains_key(&article.eid);
    let heading = match (&article.heading, repealed) {
        (_, true) => format!(
            "{word} {} [{}]",
            article.num,
            match expression.lang() {
                Lang::En => "Repealed",
                Lang::Ar => "ملغاة",
            }
        ),
        (Some(h), false) => format!("{word} {}: {h}", article.num),
        (None, false) => format!("{word} {}", article.num),
    };
    if color {
        let bold = anstyle::Style::new().bold();
        writeln!(out, "\n{bold}{heading}{bold:#}")?;
    } else {
        writeln!(out, "\n{heading}")?;
    }
    writeln!(out, "{}  ({})", s.article_ref, expression.id())
}

/// Which version this is, what repealed or amended the article, and the
/// changes written in the other language only.
fn write_history(out: &mut impl Write, s: &Shown<'_>) -> io::Result<()> {
    let eid = &s.article.eid;
    let repealed = s.text.repealed.get(eid);
    let changes = s.text.changes_of(eid);
    writeln!(out, "Text {}", s.version.label())?;
    if let Some(r) = repealed {
        writeln!(out, "Repealed by `{}`{}", r.amendment, in_force(r.in_force))?;
    }
    if !changes.is_empty() && repealed.is_none() {
        let list: Vec<String> = changes
            .iter()
            .map(|c| format!("`{}`{}", c.amendment, in_force(c.in_force)))
            .collect();
        writeln!(out, "As amended by {}", list.join(", "))?;
    }
    for stale in s.text.stale_for(eid) {
        writeln!(
            out,
            "Note: `{}` {} in {} only; this {} text does not show that change.",
            stale.amendment,
            stale.change,
            language_name(stale.written_in),
            language_name(s.text.expression.lang())
        )?;
    }
    Ok(())
}

fn write_mapped(out: &mut impl Write, mapped: &[MappedProvision<'_>]) -> io::Result<()> {
    if mapped.is_empty() {
        return writeln!(out, "Mapped provisions: none");
    }
    writeln!(out, "Mapped provisions:")?;
    for m in mapped {
        let element = m
            .entry
            .element
            .as_ref()
            .map(|e| format!("#{e}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {}/{}{element}  {} {}: {}  [{}]",
            m.instrument.id,
            m.provision.id,
            m.instrument.display_title(),
            m.provision.citation,
            m.provision.title,
            m.entry.status
        )?;
    }
    Ok(())
}

/// The authority of the text, its date and its source.
fn write_source(out: &mut impl Write, meta: &StatuteMeta) -> io::Result<()> {
    let as_of = meta
        .version_date()
        .map_or_else(|| "date unknown".to_owned(), |d| format!("text as of {d}"));
    let authority = match meta.authority {
        Authority::Official => "Official text",
        Authority::UnofficialTranslation => "Unofficial translation",
        Authority::UnofficialSummary => "Unofficial summary, not the official text",
    };
    writeln!(out, "\n{authority} ({as_of}); source: {}", meta.source)
}

fn in_force(date: Option<Date>) -> String {
    date.map(|d| format!(" (in force {d})"))
        .unwrap_or_else(|| " (pending)".to_owned())
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ar => "Arabic",
    }
}

fn write_points(out: &mut impl Write, points: &[Point], depth: usize) -> io::Result<()> {
    for p in points {
        writeln!(out, "{}({}) {}", "  ".repeat(depth), p.label, p.text)?;
        write_points(out, &p.points, depth + 1)?;
    }
    Ok(())
}
