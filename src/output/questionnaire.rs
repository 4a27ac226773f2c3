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
use crate::standards::{GapBasis, PartyStatus, SourceKind, Status, Theme};
use crate::text::collapse_whitespace;
use crate::workspace::Workspace;

use crate::gaps::{Analysis, Basis, Filter, InstrumentGaps, ProvisionGap};

use super::csv::article_citation;

/// Renders the listed provisions as a Markdown questionnaire.
pub fn render_questionnaire(analysis: &Analysis<'_>, filter: &Filter, ws: &Workspace) -> String {
    let report = &analysis.report;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Questionnaire answers: {}\n\n\
         Drawn from the assessment in this workspace ({}). For each provision: where the law \
         stands, why, the articles relied on, and what would close the gap. Binding instruments \
         come before benchmarks within each theme.",
        report.jurisdiction,
        escape(&ws.settings.title)
    );
    if let Some(s) = &analysis.scenario {
        out.push_str(
            "\n**Scenario.** The answers below assume these pending amendments in force:\n\n",
        );
        for a in &s.amendments {
            let label = if a.illustrative {
                " (illustrative draft: no official body has proposed this text)"
            } else {
                ""
            };
            let _ = writeln!(out, "- `{}`: {}{label}", a.id, escape(&a.title));
        }
        if let Some(missing) = s.text.as_ref().filter(|m| !m.is_empty()) {
            out.push_str(
                "\nThese answers rely on articles that the amended text would no longer have; \
                 review them:\n\n",
            );
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
        let _ = writeln!(out, "\n## {}", theme_heading(theme));
        for (g, p) in items {
            provision(&mut out, report.jurisdiction, g, p, ws);
        }
    }
    out
}

fn theme_heading(theme: Theme) -> &'static str {
    match theme {
        Theme::Definition => "Definitions",
        Theme::Criminalization => "Criminalization",
        Theme::Protection => "Protection of victims",
        Theme::Prevention => "Prevention",
        Theme::Cooperation => "Cooperation",
        Theme::Procedure => "Procedure",
    }
}

fn provision(
    out: &mut String,
    jurisdiction: &str,
    g: &InstrumentGaps<'_>,
    p: &ProvisionGap<'_>,
    ws: &Workspace,
) {
    let inst = g.instrument;
    let _ = writeln!(
        out,
        "\n### {}, {}: {}\n",
        escape(inst.display_title()),
        escape(&p.provision.citation),
        escape(&p.provision.title)
    );
    let party = match inst.parties.get(jurisdiction) {
        Some(party) if g.binding => format!(
            "binding ({}{})",
            match party.status {
                PartyStatus::Ratified => "ratified",
                _ => "acceded",
            },
            party.year.map(|y| format!(" {y}")).unwrap_or_default()
        ),
        _ => "benchmark (not binding)".to_owned(),
    };
    let _ = writeln!(
        out,
        "`{}/{}` · {party} · {} · **{}**",
        inst.id, p.provision.id, p.provision.obligation, p.status
    );
    if !p.changed_by.is_empty() {
        let _ = writeln!(
            out,
            "\nChanged by: {}",
            p.changed_by
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let _ = writeln!(out, "\n*Obligation:* {}", escape(&p.provision.summary));
    match p.basis {
        Basis::None => {
            let _ = writeln!(out, "\n*Answer:* Not yet assessed.");
        }
        Basis::Provision(a) => {
            let _ = writeln!(out, "\n*Answer:* {}", answer(p.status, &a.entry.rationale));
        }
        Basis::Elements { overall } => {
            let _ = writeln!(out, "\n*Answer:* Assessed element by element.\n");
            for e in &p.elements {
                let text = match e.assessed {
                    Some(a) => answer(e.status, &a.entry.rationale),
                    None => "Not yet assessed; counted as not met.".to_owned(),
                };
                let _ = writeln!(
                    out,
                    "- *{}* ({}): **{}**. {text}",
                    escape(&e.element.id),
                    escape(&e.element.summary),
                    e.status
                );
            }
            if let Some(a) = overall {
                let _ = writeln!(out, "\n*Overall:* {}", escape(&a.entry.rationale));
            }
        }
    }
    let articles = p.articles();
    if !articles.is_empty() {
        let _ = writeln!(out, "\n*Articles relied on:*\n");
        for a in articles {
            let _ = writeln!(out, "- {}", article_line(ws, a));
        }
    }
    if let Some(basis) = p.gap_basis() {
        let _ = writeln!(out, "\n*Basis of the finding:* {}", basis_words(basis));
    }
    let sources = p.sources();
    if !sources.is_empty() {
        let _ = writeln!(out, "\n*Sources:*\n");
        for s in sources {
            let _ = writeln!(
                out,
                "- {}: [{}]({})",
                kind_words(s.kind),
                escape(&s.label()),
                s.url.replace(' ', "%20").replace(')', "%29")
            );
        }
    }
    let mut recommendations: Vec<&str> = Vec::new();
    if let Some(r) = p.entry().and_then(|e| e.recommendation.as_deref()) {
        recommendations.push(r);
    }
    for e in &p.elements {
        if let Some(r) = e.assessed.and_then(|a| a.entry.recommendation.as_deref())
            && !recommendations.contains(&r)
        {
            recommendations.push(r);
        }
    }
    match recommendations.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(out, "\n*Recommendation:* {}", escape(one));
        }
        many => {
            let _ = writeln!(out, "\n*Recommendations:*\n");
            for r in many {
                let _ = writeln!(out, "- {}", escape(r));
            }
        }
    }
}

fn basis_words(basis: GapBasis) -> &'static str {
    match basis {
        GapBasis::Verified => "verified in law.",
        GapBasis::CorpusOnly => {
            "not found in the laws assessed; laws outside this corpus may meet the provision."
        }
    }
}

fn kind_words(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::IloCeacr => "ILO Committee of Experts",
        SourceKind::UsTipReport => "US Trafficking in Persons Report",
        SourceKind::UnSpecialRapporteur => "UN Special Rapporteur",
        SourceKind::UnTreatyBody => "UN treaty body",
        SourceKind::Ngo => "NGO report",
        SourceKind::Official => "Official source",
        SourceKind::Other => "Source",
    }
}

fn answer(status: Status, rationale: &str) -> String {
    let lead = match status {
        Status::Full => "Yes.",
        Status::Partial => "In part.",
        Status::Missing => "No.",
        Status::Conflict => "No: the law conflicts with this provision.",
        Status::NotApplicable => "Not applicable.",
        Status::Unassessed => "Not yet assessed.",
    };
    format!("{lead} {}", escape(rationale))
}

/// "Anti-Trafficking Law, Article 1: Definitions (`/akn/...`)", with the
/// Arabic citation after it when the Arabic expression has the article.
fn article_line(ws: &Workspace, a: &ArticleRef) -> String {
    let mut line = match article_citation(ws, a, Lang::En) {
        Some(c) => {
            let heading = ws
                .article(a, Some(Lang::En))
                .and_then(|v| v.article.heading.as_deref())
                .map(|h| format!(": {}", escape(h)))
                .unwrap_or_default();
            format!("{}{heading} (`{a}`)", escape(&c))
        }
        None => format!("`{a}`"),
    };
    if let Some(ar) = article_citation(ws, a, Lang::Ar) {
        let _ = write!(line, " · {}", escape(&ar));
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
