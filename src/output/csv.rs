//! The CSV form of a gap report, for answering international
//! questionnaires in a spreadsheet: one row per provision, then one per
//! element of a provision assessed by elements.
//!
//! RFC 4180: fields separated by commas, quoted when they hold a comma, a
//! quote or a line break, quotes doubled, lines ending in CRLF. The file
//! starts with a UTF-8 byte order mark: without it, common spreadsheet
//! software reads the file in a legacy code page and Arabic turns into
//! mojibake. A field that begins with `=`, `+`, `-` or `@` is prefixed with
//! an apostrophe so that a spreadsheet does not run it as a formula.

use crate::corpus::Lang;
use crate::ids::ArticleRef;
use crate::standards::{GapBasis, Source};
use crate::translations::Translations;
use crate::workspace::Workspace;

use crate::gaps::{Analysis, Basis, Filter, ProvisionGap};

/// The columns, in order (documented in the book).
pub const CSV_COLUMNS: [&str; 26] = [
    "instrument",
    "instrument_title",
    "instrument_title_ar",
    "binding",
    "level",
    "provision",
    "element",
    "citation",
    "title",
    "theme",
    "obligation",
    "weight",
    "status",
    "baseline_status",
    "changed_by",
    "assessed_by",
    "articles",
    "articles_en",
    "articles_ar",
    "rationale",
    "recommendation",
    "basis",
    "sources",
    "title_ar",
    "rationale_ar",
    "recommendation_ar",
];

/// The Arabic of a text, empty where there is none.
fn arabic<T: Translations + ?Sized>(text: &T) -> String {
    text.text_in("ar").unwrap_or_default().to_owned()
}

/// Renders the listed provisions as CSV (with the byte order mark).
pub fn render_csv(analysis: &Analysis<'_>, filter: &Filter, ws: &Workspace) -> String {
    let mut out = String::from("\u{FEFF}");
    record(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_owned()));
    let before = analysis.scenario.as_ref().map(|s| &s.before);
    for (i, g) in analysis.report.instruments.iter().enumerate() {
        let inst = g.instrument;
        let title_ar = inst.titles.get("ar").cloned().unwrap_or_default();
        for (j, p) in g.provisions.iter().enumerate() {
            if !filter.shows(p) {
                continue;
            }
            let pb = before.map(|b| &b.instruments[i].provisions[j]);
            let reference = format!("{}/{}", inst.id, p.provision.id);
            let articles = p.articles();
            let entry = p.entry();
            let common = |level: &str, element: &str| {
                vec![
                    inst.id.clone(),
                    inst.display_title().to_owned(),
                    title_ar.clone(),
                    g.binding.to_string(),
                    level.to_owned(),
                    reference.clone(),
                    element.to_owned(),
                ]
            };
            let mut row = common("provision", "");
            row.extend([
                p.provision.citation.clone(),
                p.provision.title.to_string(),
                p.provision.theme.to_string(),
                p.provision.obligation.to_string(),
                p.weight.to_string(),
                p.status.to_string(),
                pb.map(|b| b.status.to_string()).unwrap_or_default(),
                p.changed_by.join(" "),
                assessed_by(p).to_owned(),
            ]);
            row.extend(article_fields(ws, &articles));
            row.push(entry.map(|e| e.rationale.to_string()).unwrap_or_default());
            row.push(
                entry
                    .and_then(|e| e.recommendation.as_ref().map(ToString::to_string))
                    .unwrap_or_default(),
            );
            row.push(basis_field(p.gap_basis()));
            row.push(sources_field(p.sources()));
            row.push(arabic(&p.provision.title));
            row.push(entry.map(|e| arabic(&e.rationale)).unwrap_or_default());
            row.push(
                entry
                    .and_then(|e| e.recommendation.as_ref())
                    .map(arabic)
                    .unwrap_or_default(),
            );
            record(&mut out, row);
            for e in &p.elements {
                let eb = pb.and_then(|b| b.elements.iter().find(|x| x.element.id == e.element.id));
                let mut row = common("element", &e.element.id);
                let articles: Vec<&ArticleRef> = e
                    .assessed
                    .map(|a| a.entry.articles.iter().collect())
                    .unwrap_or_default();
                row.extend([
                    p.provision.citation.clone(),
                    e.element.summary.to_string(),
                    p.provision.theme.to_string(),
                    p.provision.obligation.to_string(),
                    p.weight.to_string(),
                    e.status.to_string(),
                    eb.map(|b| b.status.to_string()).unwrap_or_default(),
                    e.assessed
                        .and_then(|a| a.amendment)
                        .unwrap_or_default()
                        .to_owned(),
                    if e.assessed.is_some() {
                        "element"
                    } else {
                        "none"
                    }
                    .to_owned(),
                ]);
                row.extend(article_fields(ws, &articles));
                row.push(
                    e.assessed
                        .map(|a| a.entry.rationale.to_string())
                        .unwrap_or_default(),
                );
                row.push(
                    e.assessed
                        .and_then(|a| a.entry.recommendation.as_ref().map(ToString::to_string))
                        .unwrap_or_default(),
                );
                row.push(basis_field(e.assessed.and_then(|a| a.entry.basis)));
                row.push(sources_field(
                    e.assessed
                        .map(|a| a.entry.sources.iter().collect())
                        .unwrap_or_default(),
                ));
                row.push(arabic(&e.element.summary));
                row.push(
                    e.assessed
                        .map(|a| arabic(&a.entry.rationale))
                        .unwrap_or_default(),
                );
                row.push(
                    e.assessed
                        .and_then(|a| a.entry.recommendation.as_ref())
                        .map(arabic)
                        .unwrap_or_default(),
                );
                record(&mut out, row);
            }
        }
    }
    out
}

fn assessed_by(p: &ProvisionGap<'_>) -> &'static str {
    match p.basis {
        Basis::None => "none",
        Basis::Provision(_) => "provision",
        Basis::Elements { .. } => "elements",
    }
}

/// `articles` (ids), `articles_en`, `articles_ar` (citations by title and
/// number, where the expression exists).
fn article_fields(ws: &Workspace, articles: &[&ArticleRef]) -> [String; 3] {
    let ids = articles
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    let cite = |lang: Lang| {
        articles
            .iter()
            .filter_map(|a| article_citation(ws, a, lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    [ids, cite(Lang::EN), cite(Lang::AR)]
}

/// "Anti-Trafficking Law, Article 2" or "قانون ...، المادة (٢)", from the
/// expression in `lang`; `None` when the work has no such expression or
/// article.
pub(super) fn article_citation(ws: &Workspace, a: &ArticleRef, lang: Lang) -> Option<String> {
    let expression = ws.work(a.work.as_str())?.expression(lang)?;
    let article = expression.article(&a.eid)?;
    let meta = &expression.meta;
    let title = meta.short_title.as_deref().unwrap_or(&meta.title);
    Some(lang.fill("cite.article", &[("title", title), ("num", &article.num)]))
}

/// Appends one CSV record, CRLF-terminated.
pub(crate) fn record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, &f);
    }
    out.push_str("\r\n");
}

fn field(out: &mut String, value: &str) {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn basis_field(basis: Option<GapBasis>) -> String {
    basis.map(|b| b.as_str().to_owned()).unwrap_or_default()
}

/// Each source as `title (year) <url>`, separated by ` | `.
fn sources_field(sources: Vec<&Source>) -> String {
    sources
        .iter()
        .map(|s| format!("{} <{}>", s.label(), s.url))
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(value: &str) -> String {
        let mut out = String::new();
        field(&mut out, value);
        out
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(one("plain"), "plain");
        assert_eq!(one("a, b"), "\"a, b\"");
        assert_eq!(one("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(one("two\nlines"), "\"two\nlines\"");
        // The Arabic comma is not a separator.
        assert_eq!(one("المادة (٢)، الفقرة"), "المادة (٢)، الفقرة");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(one("=1+1"), "'=1+1");
        assert_eq!(one("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(one("-x, y"), "\"'-x, y\"");
    }

    #[test]
    fn records_end_in_crlf() {
        let mut out = String::new();
        record(&mut out, ["a".to_owned(), "b".to_owned()]);
        assert_eq!(out, "a,b\r\n");
    }
}
