//! `mizan show`: one article, its container path and mapped provisions, as
//! it stands now (every enacted amendment and ruling applied); with `--at`
//! or `--with`, as it stood on a date or as it would read with pending
//! amendments.

use std::io::{self, Write};
use std::path::Path;

use mizan::amend::{ConsolidatedExpression, Version, VersionError};
use mizan::corpus::{Lang, Point};
use mizan::date::Date;
use mizan::ids::ArticleRef;

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
    // The version asked for: without --at, the latest (every enacted
    // amendment and ruling applied), which is what a reader means by "the
    // article"; the file may hold an older text.
    let version: Version = {
        let with: Vec<&str> = version_args.with.iter().map(String::as_str).collect();
        match ws.version(work.id.as_str(), version_args.at, &with) {
            Ok(v) => v,
            Err(VersionError::Invalid(d)) => {
                return Err(
                    CliError::new("the amendments do not apply").diagnostics(d, &ws.sources)
                );
            }
            Err(VersionError::Unavailable(m)) => return Err(CliError::new(m)),
        }
    };
    let texts: &[ConsolidatedExpression] = &version.expressions;
    let found = texts
        .iter()
        .filter(|t| lang.is_none_or(|l| t.lang() == l))
        .find_map(|t| t.article(&article_ref.eid).map(|a| (t, a)));
    let Some((text, article)) = found else {
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
        return Err(e);
    };
    let expression = &text.expression;
    let repealed = text.repealed.get(&article.eid);
    let changes = text.changes_of(&article.eid);
    let stale: Vec<_> = text.stale_for(&article.eid).collect();
    let mapped = ws.provisions_for(&article_ref);
    let mut out = io::stdout().lock();
    let path: Vec<_> = expression.container_path(article);
    match format {
        Format::Json => {
            let value = serde_json::json!({
                "version": 1,
                "id": article_ref.to_string(),
                "work": work.id,
                "expression": expression.id(),
                "lang": expression.lang(),
                "work_title": expression.meta.title,
                "authority": expression.meta.authority,
                "containers": path.iter().map(|c| serde_json::json!({
                    "eid": c.eid, "kind": c.kind, "num": c.num, "heading": c.heading,
                })).collect::<Vec<_>>(),
                "article": article,
                "text_version": serde_json::json!({
                    "label": version.label(), "kind": version.kind, "date": version.date,
                    "amendments": version.amendments,
                }),
                "repealed": repealed,
                "changed_by": changes,
                "stale": stale,
                "provisions": mapped.iter().map(|m| serde_json::json!({
                    "provision": format!("{}/{}", m.instrument.id, m.provision.id),
                    "element": m.entry.element,
                    "citation": m.provision.citation,
                    "instrument": m.instrument.display_title(),
                    "title": m.provision.title,
                    "status": m.entry.status,
                })).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        }
        Format::Text => {
            let bold = |s: &str| {
                if stdout_color() {
                    let bold = anstyle::Style::new().bold();
                    format!("{bold}{s}{bold:#}")
                } else {
                    s.to_owned()
                }
            };
            let meta = &expression.meta;
            writeln!(out, "{}", meta.title)?;
            for c in &path {
                writeln!(out, "  {}", c.text)?;
            }
            let word = match expression.lang() {
                Lang::En => "Article",
                Lang::Ar => "المادة",
            };
            let heading = match (&article.heading, repealed) {
                (_, Some(_)) => format!(
                    "{word} {} [{}]",
                    article.num,
                    match expression.lang() {
                        Lang::En => "Repealed",
                        Lang::Ar => "ملغاة",
                    }
                ),
                (Some(h), None) => format!("{word} {}: {h}", article.num),
                (None, None) => format!("{word} {}", article.num),
            };
            writeln!(out, "\n{}", bold(&heading))?;
            writeln!(out, "{article_ref}  ({})", expression.id())?;
            writeln!(out, "Text {}", version.label())?;
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
            for s in &stale {
                writeln!(
                    out,
                    "Note: `{}` {} in {} only; this {} text does not show that change.",
                    s.amendment,
                    s.change,
                    language_name(s.written_in),
                    language_name(expression.lang())
                )?;
            }
            writeln!(out)?;
            for p in &article.paragraphs {
                if !p.text.is_empty() {
                    writeln!(out, "{}", p.text)?;
                }
                write_points(&mut out, &p.points, 1)?;
                writeln!(out)?;
            }
            if mapped.is_empty() {
                writeln!(out, "Mapped provisions: none")?;
            } else {
                writeln!(out, "Mapped provisions:")?;
                for m in &mapped {
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
            }
            let as_of = meta
                .version_date()
                .map_or_else(|| "date unknown".to_owned(), |d| format!("text as of {d}"));
            writeln!(
                out,
                "\n{} ({as_of}); source: {}",
                match meta.authority {
                    mizan::corpus::Authority::Official => "Official text",
                    mizan::corpus::Authority::UnofficialTranslation => "Unofficial translation",
                    mizan::corpus::Authority::UnofficialSummary =>
                        "Unofficial summary, not the official text",
                },
                meta.source
            )?;
        }
    }
    Ok(())
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
