//! The questionnaire form of a gap report: Markdown grouped by theme
//! (definition, criminalization, protection, prevention, cooperation,
//! procedure), the order in which UN and ILO questionnaires ask about a
//! state's law. Each provision gets its status, the obligation in our
//! words, the reasons, the articles relied on (by title and number) and the
//! recommendation, ready to be pasted into an answer or edited by the
//! committee.

use std::fmt::Write;

use crate::corpus::Lang;
use crate::ids::ArticleRef;
use crate::lang::number;
use crate::localized::Localized;
use crate::standards::citation::arabic_citation;
use crate::standards::{Instrument, Provision, Status, Theme};
use crate::text::collapse_whitespace;
use crate::workspace::Workspace;

use crate::gaps::{Analysis, Basis, Filter, InstrumentGaps, ProvisionGap};

use super::csv::article_citation;

/// The jurisdiction's name and the workspace's title in `lang`, as the
/// heading of either arrangement of the answers names them.
fn heading_names<'a>(
    analysis: &Analysis<'_>,
    ws: &'a Workspace,
    lang: Lang,
) -> (String, &'a String) {
    let jurisdiction = ws.settings.jurisdiction_name_in(lang).map_or_else(
        || analysis.report.jurisdiction.to_uppercase(),
        str::to_owned,
    );
    let title = ws
        .settings
        .titles
        .get(lang.code())
        .unwrap_or(&ws.settings.title);
    (jurisdiction, title)
}

/// Renders the listed provisions as a Markdown questionnaire in `lang`:
/// every word the report writes itself comes from the language's file, and
/// every text of the data in `lang` where written, else in the language it
/// is written in with a label that says so.
pub fn render_questionnaire(
    analysis: &Analysis<'_>,
    filter: &Filter,
    ws: &Workspace,
    lang: Lang,
) -> String {
    let report = &analysis.report;
    let mut out = String::new();
    let (jurisdiction, title) = heading_names(analysis, ws, lang);
    let _ = writeln!(
        out,
        "# {}\n\n{}",
        lang.fill("q.title", &[("jurisdiction", &jurisdiction)]),
        lang.fill("q.intro", &[("workspace", &escape(title))])
    );
    if let Some(s) = &analysis.scenario {
        let _ = writeln!(out, "\n{}\n", lang.t("q.scenario"));
        for a in &s.amendments {
            let label = if a.illustrative {
                format!(" ({})", lang.t("q.illustrative"))
            } else {
                String::new()
            };
            let _ = writeln!(out, "- `{}`: {}{label}", a.id, picked(&a.title, lang));
        }
        if let Some(missing) = s.text.as_ref().filter(|m| !m.is_empty()) {
            let _ = writeln!(out, "\n{}\n", lang.t("q.missing_articles"));
            for m in missing {
                let element = m.element.map(|e| format!("#{e}")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- `{}/{}{element}`: `{}`",
                    m.instrument, m.provision.id, m.article
                );
            }
        }
    }
    let mut order: Vec<&InstrumentGaps<'_>> = report.instruments.iter().collect();
    order.sort_by_key(|g| (!g.binding, g.instrument.id.as_str()));
    for theme in Theme::ALL {
        let items: Vec<(&InstrumentGaps<'_>, &ProvisionGap<'_>)> = order
            .iter()
            .flat_map(|g| g.provisions.iter().map(move |p| (*g, p)))
            .filter(|(_, p)| p.provision.theme == theme && filter.shows(p))
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n## {}",
            lang.t(&format!("q.theme.{}", theme.as_str()))
        );
        for (g, p) in items {
            provision(&mut out, "###", report.jurisdiction, g, p, ws, lang);
        }
    }
    out
}

/// Renders the answers arranged as `q` asks: its sections and questions in
/// order, each question answered from the provisions it names (an overall
/// answer from their statuses, then each provision as in
/// [`render_questionnaire`]); a question that names none is marked as not
/// answered by the legal assessment.
pub fn render_by_questionnaire(
    analysis: &Analysis<'_>,
    ws: &Workspace,
    lang: Lang,
    q: &crate::standards::Questionnaire,
) -> String {
    let report = &analysis.report;
    let mut out = String::new();
    let (jurisdiction, title) = heading_names(analysis, ws, lang);
    let _ = writeln!(
        out,
        "# {}\n\n{}",
        picked(&q.title, lang),
        lang.fill(
            "qs.for",
            &[
                ("jurisdiction", &jurisdiction),
                ("workspace", &escape(title))
            ]
        )
    );
    if let Some(note) = &q.note {
        let _ = writeln!(out, "\n*{}*", picked(note, lang));
    }
    for section in &q.sections {
        let _ = writeln!(out, "\n## {}", picked(&section.title, lang));
        for question in &section.questions {
            let _ = writeln!(
                out,
                "\n### {} {}",
                escape(&question.id),
                picked(&question.text, lang)
            );
            if let Some(note) = &question.note {
                let _ = writeln!(out, "\n*{}*", picked(note, lang));
            }
            let found: Vec<(&InstrumentGaps<'_>, &ProvisionGap<'_>)> = question
                .provisions
                .iter()
                .filter_map(|r| {
                    let g = report
                        .instruments
                        .iter()
                        .find(|g| g.instrument.id == r.standard)?;
                    let p = g
                        .provisions
                        .iter()
                        .find(|p| p.provision.id == r.provision)?;
                    Some((g, p))
                })
                .collect();
            if found.is_empty() {
                let _ = writeln!(out, "\n{}", lang.t("qs.no_provisions"));
                continue;
            }
            let overall = crate::gaps::roll_up(found.iter().map(|(_, p)| p.status));
            let _ = writeln!(
                out,
                "\n**{}** {} {}",
                lang.t("qs.overall"),
                lang.t(&format!("q.answer.{}", overall.as_str())),
                lang.fill(
                    "qs.from",
                    &[(
                        "count",
                        &number(ws.settings.numerals_for(lang), found.len() as u64)
                    )]
                )
            );
            for (g, p) in found {
                provision(&mut out, "####", report.jurisdiction, g, p, ws, lang);
            }
        }
    }
    out
}

/// A text of the data in `lang`, else in the language it is written in,
/// followed by a label that says so ("*(English only)*").
fn picked(text: &Localized, lang: Lang) -> String {
    let p = text.pick(lang.code());
    let mut out = escape(p.text);
    if p.fallback {
        let label = Lang::from_code(p.lang)
            .and_then(|l| lang.message(&format!("fallback.{}", l.code())))
            .unwrap_or(lang.t("fallback.other"));
        let _ = write!(out, " *({label})*");
    }
    out
}

/// The instrument's title in `lang`: its short title, else its title.
fn instrument_name(inst: &Instrument, lang: Lang) -> String {
    if let Some(t) = inst.titles.get(lang.code()) {
        return escape(t);
    }
    picked(inst.short_title.as_ref().unwrap_or(&inst.title), lang)
}

/// A provision's citation in `lang`: the Arabic form from its eId on an
/// Arabic report (`المادة ٣ (أ)`), else the data's.
fn provision_citation(p: &Provision, ws: &Workspace, lang: Lang) -> String {
    if lang == Lang::AR
        && let Some(c) = arabic_citation(&p.id, ws.settings.numerals_for(lang))
    {
        return c;
    }
    escape(&p.citation)
}

fn provision(
    out: &mut String,
    heading: &str,
    jurisdiction: &str,
    g: &InstrumentGaps<'_>,
    p: &ProvisionGap<'_>,
    ws: &Workspace,
    lang: Lang,
) {
    let inst = g.instrument;
    let numerals = ws.settings.numerals_for(lang);
    let _ = writeln!(
        out,
        "\n{heading} {}{}{}: {}\n",
        instrument_name(inst, lang),
        lang.t("punct.comma"),
        provision_citation(p.provision, ws, lang),
        picked(&p.provision.title, lang)
    );
    let party = match inst.parties.get(jurisdiction) {
        Some(party) if g.binding => {
            let key = format!("party.{}", party.status.as_str());
            let how = lang.t(&key);
            let year = party
                .year
                .map(|y| format!(" {}", number(numerals, u64::from(y))))
                .unwrap_or_default();
            lang.fill("q.binding", &[("how", &format!("{how}{year}"))])
        }
        _ => lang.t("q.benchmark").to_owned(),
    };
    let _ = writeln!(
        out,
        "`{}/{}` · {party} · {} · **{}**",
        inst.id,
        p.provision.id,
        lang.t(&format!("obligation.{}", p.provision.obligation.as_str())),
        lang.t(&format!("status.{}", p.status.as_str()))
    );
    if !p.changed_by.is_empty() {
        let _ = writeln!(
            out,
            "\n{} {}",
            lang.t("q.changed_by"),
            p.changed_by
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(lang.t("punct.comma"))
        );
    }
    let _ = writeln!(
        out,
        "\n*{}* {}",
        lang.t("q.obligation"),
        picked(&p.provision.summary, lang)
    );
    answers(out, p, lang);
    let articles = p.articles();
    if !articles.is_empty() {
        let _ = writeln!(out, "\n*{}*\n", lang.t("q.articles"));
        for a in articles {
            let _ = writeln!(out, "- {}", article_line(ws, a, lang));
        }
    }
    if let Some(basis) = p.gap_basis() {
        let key = format!("q.basis.{}", basis.as_str());
        let _ = writeln!(out, "\n*{}* {}", lang.t("q.basis"), lang.t(&key));
    }
    let sources = p.sources();
    if !sources.is_empty() {
        let _ = writeln!(out, "\n*{}*\n", lang.t("q.sources"));
        for s in sources {
            let _ = writeln!(
                out,
                "- {}: [{}]({})",
                lang.t(&format!("sourcekind.{}", s.kind.as_str())),
                escape(&s.label()),
                s.url.replace(' ', "%20").replace(')', "%29")
            );
        }
    }
    recommendations(out, p, lang);
}

/// The answer: for the provision as a whole, or element by element.
fn answers(out: &mut String, p: &ProvisionGap<'_>, lang: Lang) {
    let label = lang.t("q.answer");
    match p.basis {
        Basis::None => {
            let _ = writeln!(out, "\n*{label}* {}", lang.t("q.answer.unassessed"));
        }
        Basis::Provision(a) => {
            let _ = writeln!(
                out,
                "\n*{label}* {}",
                answer(p.status, &a.entry.rationale, lang)
            );
        }
        Basis::Elements { overall } => {
            let _ = writeln!(out, "\n*{label}* {}\n", lang.t("q.by_element"));
            for e in &p.elements {
                let text = match e.assessed {
                    Some(a) => answer(e.status, &a.entry.rationale, lang),
                    None => lang.t("q.element_unassessed").to_owned(),
                };
                let _ = writeln!(
                    out,
                    "- *{}* ({}): **{}**. {text}",
                    escape(&e.element.id),
                    picked(&e.element.summary, lang),
                    lang.t(&format!("status.{}", e.status.as_str()))
                );
            }
            if let Some(a) = overall {
                let _ = writeln!(
                    out,
                    "\n*{}* {}",
                    lang.t("q.overall"),
                    picked(&a.entry.rationale, lang)
                );
            }
        }
    }
}

fn recommendations(out: &mut String, p: &ProvisionGap<'_>, lang: Lang) {
    let mut all: Vec<&Localized> = Vec::new();
    if let Some(r) = p.entry().and_then(|e| e.recommendation.as_ref()) {
        all.push(r);
    }
    for e in &p.elements {
        if let Some(r) = e.assessed.and_then(|a| a.entry.recommendation.as_ref())
            && !all.contains(&r)
        {
            all.push(r);
        }
    }
    match all.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(
                out,
                "\n*{}* {}",
                lang.t("q.recommendation"),
                picked(one, lang)
            );
        }
        many => {
            let _ = writeln!(out, "\n*{}*\n", lang.t("q.recommendations"));
            for r in many {
                let _ = writeln!(out, "- {}", picked(r, lang));
            }
        }
    }
}

fn answer(status: Status, rationale: &Localized, lang: Lang) -> String {
    let key = format!("q.answer.{}", status.as_str());
    format!("{} {}", lang.t(&key), picked(rationale, lang))
}

/// "Anti-Trafficking Law, Article 1: Definitions (`/akn/...`)" from the
/// expression in `lang` (else the first one that has the article), with the
/// citations in the workspace's other languages after it.
fn article_line(ws: &Workspace, a: &ArticleRef, lang: Lang) -> String {
    let mut langs = vec![lang];
    langs.extend(ws.settings.languages.iter().filter(|l| **l != lang));
    let mut cited = langs
        .into_iter()
        .filter_map(|l| article_citation(ws, a, l).map(|c| (l, c)));
    let mut line = match cited.next() {
        Some((l, c)) => {
            let heading = ws
                .article(a, Some(l))
                .and_then(|v| v.article.heading.as_deref())
                .map(|h| format!(": {}", escape(h)))
                .unwrap_or_default();
            format!("{}{heading} (`{a}`)", escape(&c))
        }
        None => format!("`{a}`"),
    };
    for (_, c) in cited {
        let _ = write!(line, " · {}", escape(&c));
    }
    line
}

/// Free text as Markdown that renders as written: one line, with the
/// characters that Markdown would read as markup escaped.
fn escape(text: &str) -> String {
    let text = collapse_whitespace(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_text_literal() {
        assert_eq!(escape("a *b* <i>\n c"), "a \\*b\\* \\<i\\> c");
        assert_eq!(escape("المادة ٢"), "المادة ٢");
    }
}
