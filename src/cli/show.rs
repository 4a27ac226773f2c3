//! `mizan show`: one article, its container path and mapped provisions.

use std::io::{self, Write};
use std::path::Path;

use mizan::corpus::{Lang, Point};
use mizan::ids::ArticleRef;

use super::{Format, Outcome, load, stdout_color};

pub fn run(workspace: &Path, id: &str, lang: Option<Lang>, format: Format) -> io::Result<Outcome> {
    let article_ref = match ArticleRef::parse(id) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("mizan: {e}");
            return Ok(Outcome::Failure);
        }
    };
    let Some(ws) = load(workspace)? else {
        return Ok(Outcome::Failure);
    };
    let Some(view) = ws.article(&article_ref, lang) else {
        match (ws.work(article_ref.work.as_str()), lang) {
            (None, _) => eprintln!("mizan: no work `{}` in the corpus", article_ref.work),
            (Some(w), Some(l)) if w.expression(l).is_none() => eprintln!(
                "mizan: `{}` has no {} expression",
                article_ref.work,
                l.code()
            ),
            _ => eprintln!(
                "mizan: no article `{}` in `{}`",
                article_ref.eid, article_ref.work
            ),
        }
        return Ok(Outcome::Failure);
    };
    let mapped = ws.provisions_for(&article_ref);
    let mut out = io::stdout().lock();
    let path: Vec<_> = view.expression.container_path(view.article);
    match format {
        Format::Json => {
            let value = serde_json::json!({
                "version": 1,
                "id": article_ref.to_string(),
                "work": view.work.id,
                "expression": view.expression.id(),
                "lang": view.expression.lang(),
                "work_title": view.expression.meta.title,
                "authority": view.expression.meta.authority,
                "containers": path.iter().map(|c| serde_json::json!({
                    "eid": c.eid, "kind": c.kind, "num": c.num, "heading": c.heading,
                })).collect::<Vec<_>>(),
                "article": view.article,
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
                    format!("\x1b[1m{s}\x1b[0m")
                } else {
                    s.to_owned()
                }
            };
            let meta = &view.expression.meta;
            writeln!(out, "{}", meta.title)?;
            for c in &path {
                writeln!(out, "  {}", c.text)?;
            }
            let word = match view.expression.lang() {
                Lang::En => "Article",
                Lang::Ar => "المادة",
            };
            let heading = match &view.article.heading {
                Some(h) => format!("{word} {}: {h}", view.article.num),
                None => format!("{word} {}", view.article.num),
            };
            writeln!(out, "\n{}", bold(&heading))?;
            writeln!(out, "{article_ref}  ({})\n", view.expression.id())?;
            for p in &view.article.paragraphs {
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
    Ok(Outcome::Success)
}

fn write_points(out: &mut impl Write, points: &[Point], depth: usize) -> io::Result<()> {
    for p in points {
        writeln!(out, "{}({}) {}", "  ".repeat(depth), p.label, p.text)?;
        write_points(out, &p.points, depth + 1)?;
    }
    Ok(())
}
