//! Plain text, the form for people, of `check`, `show`, `search` and
//! `suggest` (the gap report has its own [`super::table`], a diff its
//! [`super::redline`]). Colour, when asked, only adds emphasis: the text
//! says everything without it.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;

use anstyle::Style;

use crate::corpus::{Authority, Lang, Point, StatuteMeta};
use crate::date::Date;
use crate::ids::PointInTime;
use crate::search::query::Highlighted;
use crate::search::{Hit, Kind, SearchResults, Suggestion};
use crate::text::without_bidi_controls;
use crate::workspace::resolve::Resolved;
use crate::workspace::{Coverage, MappedProvision};

use super::{BuildReport, Checked, ShownArticle};

/// `1 work`, `2 works`, `3 mapping entries`: the one way output counts things.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if let Some(stem) = noun.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {noun}s")
    }
}

/// `ar: 151/151 provision titles, 153/153 rationales`.
pub fn coverage_line(c: &Coverage) -> String {
    let kinds: Vec<String> = c
        .kinds
        .iter()
        .map(|k| format!("{}/{} {}", k.translated, k.total, k.kind))
        .collect();
    format!("{}: {}", c.lang, kinds.join(", "))
}

/// `mizan check`: the summary line and translation coverage (the
/// diagnostics themselves go to stderr, rendered by `diag`).
pub fn check(out: &mut impl Write, c: &Checked<'_>) -> io::Result<()> {
    let s = c.summary;
    if !c.ok {
        return writeln!(
            out,
            "check failed: {}, {}",
            count(s.errors, "error"),
            count(s.warnings, "warning")
        );
    }
    writeln!(
        out,
        "checked {} ({}, {}), {} ({}), {}, {}: {}, {}",
        count(s.works, "work"),
        count(s.expressions, "expression"),
        count(s.articles, "article"),
        count(s.instruments, "instrument"),
        count(s.provisions, "provision"),
        count(s.mapping_entries, "mapping entry"),
        count(s.amendments, "amendment"),
        count(s.errors, "error"),
        count(s.warnings, "warning"),
    )?;
    for coverage in c.coverage {
        writeln!(out, "translations {}", coverage_line(coverage))?;
    }
    Ok(())
}

/// `mizan show`: where the article sits, its version and history, its
/// paragraphs, the provisions mapped to it, and where the text comes from.
pub fn article(out: &mut impl Write, s: &ShownArticle<'_>, color: bool) -> io::Result<()> {
    article_heading(out, s, color)?;
    article_history(out, s)?;
    writeln!(out)?;
    for p in &s.article.paragraphs {
        if !p.text.is_empty() {
            writeln!(out, "{}", p.text)?;
        }
        points(out, &p.points, 1)?;
        writeln!(out)?;
    }
    mapped(out, &s.mapped)?;
    source(out, &s.text.expression.meta)
}

/// The work's title, the containers, and the article's number and heading.
fn article_heading(out: &mut impl Write, s: &ShownArticle<'_>, color: bool) -> io::Result<()> {
    let expression = &s.text.expression;
    let article = s.article;
    writeln!(out, "{}", expression.meta.title)?;
    for c in expression.container_path(article) {
        writeln!(out, "  {}", c.text)?;
    }
    let lang = expression.lang();
    let heading = if s.text.repealed.contains_key(&article.eid) {
        format!(
            "{} [{}]",
            lang.article_label(&article.num, None),
            lang.t("change.repealed")
        )
    } else {
        lang.article_label(&article.num, article.heading.as_deref())
    };
    if color {
        let bold = Style::new().bold();
        writeln!(out, "\n{bold}{heading}{bold:#}")?;
    } else {
        writeln!(out, "\n{heading}")?;
    }
    writeln!(out, "{}  ({})", s.article_ref, expression.id())
}

/// Which version this is, what repealed or amended the article, and the
/// changes written in the other language only.
fn article_history(out: &mut impl Write, s: &ShownArticle<'_>) -> io::Result<()> {
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

fn mapped(out: &mut impl Write, mapped: &[MappedProvision<'_>]) -> io::Result<()> {
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
fn source(out: &mut impl Write, meta: &StatuteMeta) -> io::Result<()> {
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

/// The name of a language in English prose.
pub fn language_name(lang: Lang) -> &'static str {
    Lang::EN.name_of(lang)
}

fn points(out: &mut impl Write, list: &[Point], depth: usize) -> io::Result<()> {
    for p in list {
        writeln!(out, "{}({}) {}", "  ".repeat(depth), p.label, p.text)?;
        points(out, &p.points, depth + 1)?;
    }
    Ok(())
}

/// `mizan search`: how many results, then each hit.
pub fn search(out: &mut impl Write, results: &SearchResults, color: bool) -> io::Result<()> {
    match (results.total, results.hits.len()) {
        (0, _) => writeln!(out, "no results")?,
        (1, _) => writeln!(out, "1 result")?,
        (t, s) if s == t => writeln!(out, "{t} results")?,
        (t, s) => writeln!(out, "{t} results, showing the first {s} (use --limit)")?,
    }
    for (i, h) in results.hits.iter().enumerate() {
        writeln!(out)?;
        hit(out, i + 1, h, color)?;
    }
    Ok(())
}

/// Highlighted text: bold on a colour terminal, plain otherwise.
fn highlighted(h: &Highlighted, color: bool) -> String {
    let text = h.text.replace('\n', " ");
    if !color || h.highlights.is_empty() {
        return text;
    }
    let bold = Style::new().bold();
    let mut out = String::with_capacity(text.len() + h.highlights.len() * 8);
    let mut at = 0;
    for r in &h.highlights {
        out.push_str(&text[at..r.start]);
        out.push_str(&format!("{bold}{}{bold:#}", &text[r.clone()]));
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

fn hit(out: &mut impl Write, rank: usize, h: &Hit, color: bool) -> io::Result<()> {
    let label = match h.kind {
        Kind::Provision => h.num.clone(),
        Kind::Article => format!(
            "{} {}",
            Lang::from_code(&h.lang)
                .unwrap_or(Lang::EN)
                .t("common.article"),
            h.num
        ),
    };
    // Bidi controls in the data are never shown (check warns about them).
    let heading = without_bidi_controls(&highlighted(&h.heading, color)).into_owned();
    let tag = match h.kind {
        Kind::Article => h.lang.clone(),
        Kind::Provision => "provision".to_owned(),
    };
    if heading.is_empty() {
        writeln!(out, "{rank}. {label}  [{tag}]")?;
    } else {
        writeln!(out, "{rank}. {label}: {heading}  [{tag}]")?;
    }
    writeln!(out, "   {}", h.id)?;
    writeln!(
        out,
        "   {}",
        without_bidi_controls(h.title.lines().next().unwrap_or_default())
    )?;
    let snippet = without_bidi_controls(&highlighted(&h.snippet, color)).into_owned();
    if !snippet.is_empty() {
        writeln!(out, "   {snippet}")?;
    }
    Ok(())
}

/// `mizan suggest`: each provision or element with its candidate articles
/// and why each was proposed.
pub fn suggestions(out: &mut impl Write, items: &[Suggestion]) -> io::Result<()> {
    if items.is_empty() {
        writeln!(
            out,
            "every provision and element is assessed; nothing to suggest"
        )?;
    }
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        suggestion(out, s)?;
    }
    Ok(())
}

fn suggestion(out: &mut impl Write, s: &Suggestion) -> io::Result<()> {
    let element = s
        .element
        .as_ref()
        .map(|e| format!(" (element `{e}`)"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}  {}: {}{element}  [{}]",
        s.reference, s.citation, s.title, s.status
    )?;
    if s.candidates.is_empty() {
        writeln!(out, "   no candidate articles")?;
    }
    for (rank, c) in s.candidates.iter().enumerate() {
        let heading = if c.heading.is_empty() {
            String::new()
        } else {
            format!(": {}", c.heading)
        };
        writeln!(
            out,
            "  {:>2}. {:.2}  {}  Art. {}{heading}",
            rank + 1,
            c.score,
            c.id,
            c.num
        )?;
        let mut reasons: Vec<String> = c.precedents.iter().take(3).cloned().collect();
        if !c.instrument.is_empty() {
            reasons.push(format!(
                "{} other provision(s) of {}",
                c.instrument.len(),
                s.standard
            ));
        }
        let because = if reasons.is_empty() {
            String::new()
        } else {
            format!(": {}", reasons.join("; "))
        };
        writeln!(
            out,
            "      text {:.2} + precedent {:.2}{because}",
            c.text, c.precedent
        )?;
    }
    Ok(())
}

/// `mizan build`: one line of what was built; with `verbose`, the time of
/// each step.
pub fn build(out: &mut impl Write, report: &BuildReport, verbose: bool) -> io::Result<()> {
    let total: f64 = report.timings.iter().map(|(_, s)| s).sum();
    writeln!(
        out,
        "built {} ({}): {} pages ({} rendered, {} unchanged), search index of {} records in {} shards ({} rebuilt), in {:.2} s",
        report.out.display(),
        report.profile,
        report.pages,
        report.rendered,
        report.reused,
        report.records,
        report.search_shards,
        report.search_indexed,
        total
    )?;
    if verbose {
        if report.kept_works > 0 {
            writeln!(
                out,
                "  the pages of {} kept as they were",
                count(report.kept_works, "law")
            )?;
        }
        for (step, secs) in &report.timings {
            writeln!(out, "  {step:<10} {secs:>8.3} s")?;
        }
    }
    Ok(())
}

/// `mizan export akn`: each document written (`(path, work)`), then how
/// many, of how many works, and where.
pub fn akn_export(out: &mut impl Write, documents: &[(&str, &str)], dir: &Path) -> io::Result<()> {
    for (path, _) in documents {
        writeln!(out, "{path}")?;
    }
    let works: BTreeSet<&str> = documents.iter().map(|(_, work)| *work).collect();
    writeln!(
        out,
        "exported {} of {} to {}",
        count(documents.len(), "Akoma Ntoso document"),
        count(works.len(), "work"),
        dir.display()
    )
}

/// `mizan export ndjson`: how many documents and lines, and where.
pub fn ndjson_export(
    out: &mut impl Write,
    articles: usize,
    provisions: usize,
    lines: usize,
    dir: &Path,
) -> io::Result<()> {
    writeln!(
        out,
        "exported {} and {} ({}) to {}",
        count(articles, "article document"),
        count(provisions, "provision document"),
        count(lines, "line"),
        dir.display()
    )
}

/// `mizan resolve`: what a URI names, one fact a line, and where it lives.
pub fn resolved(out: &mut impl Write, r: &Resolved<'_>) -> io::Result<()> {
    writeln!(out, "{}", r.uri)?;
    let title = &r.work.expressions[0].meta.title;
    writeln!(out, "  work        {} ({title})", r.work.id)?;
    match r.language {
        Some(l) => writeln!(out, "  language    {} ({})", l.iso639_2(), language_name(l))?,
        None => writeln!(out, "  language    any (none named)")?,
    }
    let version = match r.point_in_time {
        PointInTime::Latest => "the latest".to_owned(),
        PointInTime::Original => "as first enacted".to_owned(),
        PointInTime::At(d) => format!("in force on {d}"),
        PointInTime::Amended(d) => format!("as amended on {d}"),
    };
    writeln!(out, "  version     {version}: {}", r.version.label())?;
    if !r.components.is_empty() {
        writeln!(out, "  component   !{}", r.components.join("/"))?;
    }
    if let Some(p) = &r.portion {
        writeln!(
            out,
            "  portion     ~{} ({}, {})",
            p.eid,
            p.kind.name(),
            without_bidi_controls(&p.label)
        )?;
    }
    if let Some(f) = r.format {
        writeln!(out, "  format      {}", f.extension())?;
    }
    let l = &r.location;
    write!(
        out,
        "  file        {}:{}:{}",
        l.path.display(),
        l.line,
        l.column
    )?;
    match &l.amendment {
        Some(a) => writeln!(out, " (the amendment `{a}`)"),
        None => writeln!(out),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn count_says_one_thing_and_many_things() {
        assert_eq!(super::count(1, "mapping entry"), "1 mapping entry");
        assert_eq!(super::count(3, "mapping entry"), "3 mapping entries");
        assert_eq!(super::count(0, "work"), "0 works");
        assert_eq!(
            super::count(2, "Akoma Ntoso document"),
            "2 Akoma Ntoso documents"
        );
        assert_eq!(super::count(2, "key"), "2 keys");
    }
}
