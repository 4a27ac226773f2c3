//! The gap report as a document for Word (`gaps --format docx`): the
//! scores of each instrument in a table, then the questionnaire answers
//! grouped by theme (binding instruments first), each provision with its
//! status, the obligation, the answer and its rationale (element by element
//! where so assessed), the articles relied on, the basis of the finding,
//! the sources and the recommendations. The same content as the Markdown
//! questionnaire ([`super::questionnaire`]), in the words of the language
//! files; [`super::docx`] writes it.

use crate::corpus::Lang;
use crate::gaps::{Analysis, Basis, Filter, InstrumentGaps, ProvisionGap};
use crate::ids::ArticleRef;
use crate::lang::{Numerals, number, percent};
use crate::localized::Localized;
use crate::standards::citation::arabic_citation;
use crate::standards::{Instrument, Provision, Status, Theme};
use crate::text::collapse_whitespace;
use crate::workspace::Workspace;

use super::csv::article_citation;
use super::document::{Block, Document, Paragraph, Run, Table};

struct Words<'w> {
    ws: &'w Workspace,
    lang: Lang,
    numerals: Numerals,
}

impl Words<'_> {
    fn t<'k>(&self, key: &'k str) -> &'k str {
        self.lang.t(key)
    }

    /// A text of the data in the report's language, else in its own with a
    /// label that says so.
    fn picked(&self, text: &Localized) -> String {
        let p = text.pick(self.lang.code());
        let mut out = collapse_whitespace(p.text);
        if p.fallback {
            let label = Lang::from_code(p.lang)
                .and_then(|l| self.lang.message(&format!("fallback.{}", l.code())))
                .unwrap_or(self.t("fallback.other"));
            out.push_str(&format!(" ({label})"));
        }
        out
    }

    fn instrument(&self, i: &Instrument) -> String {
        match i.titles.get(self.lang.code()) {
            Some(t) => t.clone(),
            None => self.picked(i.short_title.as_ref().unwrap_or(&i.title)),
        }
    }

    fn citation(&self, p: &Provision) -> String {
        if self.lang == Lang::AR
            && let Some(c) = arabic_citation(&p.id, self.numerals)
        {
            return c;
        }
        p.citation.clone()
    }

    fn status(&self, s: Status) -> String {
        self.t(&format!("status.{}", s.as_str())).to_owned()
    }

    /// A paragraph that opens with a label in bold.
    fn labelled(&self, key: &str, text: String) -> Block {
        Block::Paragraph(Paragraph::of(vec![
            Run::bold(self.t(key).to_owned()),
            Run::plain(format!(" {text}")),
        ]))
    }

    fn article(&self, a: &ArticleRef) -> String {
        let mut langs = vec![self.lang];
        langs.extend(
            self.ws
                .settings
                .languages
                .iter()
                .filter(|l| **l != self.lang),
        );
        let cited: Vec<(Lang, String)> = langs
            .into_iter()
            .filter_map(|l| article_citation(self.ws, a, l).map(|c| (l, c)))
            .collect();
        let Some((l, first)) = cited.first() else {
            return a.to_string();
        };
        let heading = self
            .ws
            .article(a, Some(*l))
            .and_then(|v| v.article.heading.as_deref())
            .map(|h| format!(": {h}"))
            .unwrap_or_default();
        let mut line = format!("{first}{heading} ({a})");
        for (_, c) in &cited[1..] {
            line.push_str(&format!(" · {c}"));
        }
        line
    }

    fn scores(&self, order: &[&InstrumentGaps<'_>]) -> Table {
        let statuses = [
            Status::Full,
            Status::Partial,
            Status::Missing,
            Status::Conflict,
            Status::Unassessed,
        ];
        let mut header = vec![
            self.t("common.instrument").to_owned(),
            self.t("common.score").to_owned(),
        ];
        header.extend(statuses.iter().map(|s| self.status(*s)));
        let rows = order
            .iter()
            .map(|g| {
                let standing = if g.binding {
                    self.t("common.binding")
                } else {
                    self.t("common.benchmark")
                };
                let mut row = vec![
                    vec![
                        Paragraph::of(vec![Run::bold(self.instrument(g.instrument))]),
                        Paragraph::text(standing),
                    ],
                    vec![Paragraph::text(g.score.value().map_or_else(
                        || "-".to_owned(),
                        |v| percent(self.numerals, v),
                    ))],
                ];
                row.extend(statuses.iter().map(|s| {
                    vec![Paragraph::text(number(
                        self.numerals,
                        g.score.counts.get(*s) as u64,
                    ))]
                }));
                row
            })
            .collect();
        Table {
            header,
            rows,
            widths: vec![30, 12, 11, 11, 11, 12, 13],
        }
    }

    fn provision(
        &self,
        out: &mut Vec<Block>,
        jurisdiction: &str,
        g: &InstrumentGaps<'_>,
        p: &ProvisionGap<'_>,
    ) {
        let inst = g.instrument;
        out.push(Block::Heading(
            3,
            format!(
                "{}{}{}: {}",
                self.instrument(inst),
                self.t("punct.comma"),
                self.citation(p.provision),
                self.picked(&p.provision.title)
            ),
        ));
        let standing = match inst.parties.get(jurisdiction) {
            Some(party) if g.binding => {
                let how = self
                    .t(&format!("party.{}", party.status.as_str()))
                    .to_owned();
                let year = party
                    .year
                    .map(|y| format!(" {}", number(self.numerals, u64::from(y))))
                    .unwrap_or_default();
                self.lang
                    .fill("q.binding", &[("how", &format!("{how}{year}"))])
            }
            _ => self.t("q.benchmark").to_owned(),
        };
        out.push(Block::Paragraph(Paragraph::of(vec![
            Run::plain(format!(
                "{}/{} · {standing} · {} · ",
                inst.id,
                p.provision.id,
                self.t(&format!("obligation.{}", p.provision.obligation.as_str()))
            )),
            Run::bold(self.status(p.status)),
        ])));
        if !p.changed_by.is_empty() {
            out.push(self.labelled("q.changed_by", p.changed_by.join(self.t("punct.comma"))));
        }
        out.push(self.labelled("q.obligation", self.picked(&p.provision.summary)));
        self.answers(out, p);
        let articles = p.articles();
        if !articles.is_empty() {
            out.push(Block::Paragraph(Paragraph::of(vec![Run::bold(
                self.t("q.articles"),
            )])));
            for a in articles {
                out.push(Block::Paragraph(Paragraph::text(format!(
                    "• {}",
                    self.article(a)
                ))));
            }
        }
        if let Some(basis) = p.gap_basis() {
            let key = format!("q.basis.{}", basis.as_str());
            out.push(self.labelled("q.basis", self.t(&key).to_owned()));
        }
        let sources = p.sources();
        if !sources.is_empty() {
            out.push(Block::Paragraph(Paragraph::of(vec![Run::bold(
                self.t("q.sources"),
            )])));
            for s in sources {
                out.push(Block::Paragraph(Paragraph::text(format!(
                    "• {}: {} <{}>",
                    self.t(&format!("sourcekind.{}", s.kind.as_str())),
                    s.label(),
                    s.url
                ))));
            }
        }
        self.recommendations(out, p);
    }

    fn answer(&self, status: Status, rationale: &Localized) -> String {
        let key = format!("q.answer.{}", status.as_str());
        format!("{} {}", self.t(&key), self.picked(rationale))
    }

    fn answers(&self, out: &mut Vec<Block>, p: &ProvisionGap<'_>) {
        match p.basis {
            Basis::None => {
                out.push(self.labelled("q.answer", self.t("q.answer.unassessed").to_owned()))
            }
            Basis::Provision(a) => {
                out.push(self.labelled("q.answer", self.answer(p.status, &a.entry.rationale)));
            }
            Basis::Elements { overall } => {
                out.push(self.labelled("q.answer", self.t("q.by_element").to_owned()));
                for e in &p.elements {
                    let text = match e.assessed {
                        Some(a) => self.answer(e.status, &a.entry.rationale),
                        None => self.t("q.element_unassessed").to_owned(),
                    };
                    out.push(Block::Paragraph(Paragraph::of(vec![
                        Run::plain(format!(
                            "• {} ({}): ",
                            e.element.id,
                            self.picked(&e.element.summary)
                        )),
                        Run::bold(self.status(e.status)),
                        Run::plain(format!(". {text}")),
                    ])));
                }
                if let Some(a) = overall {
                    out.push(self.labelled("q.overall", self.picked(&a.entry.rationale)));
                }
            }
        }
    }

    fn recommendations(&self, out: &mut Vec<Block>, p: &ProvisionGap<'_>) {
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
            [one] => out.push(self.labelled("q.recommendation", self.picked(one))),
            many => {
                out.push(Block::Paragraph(Paragraph::of(vec![Run::bold(
                    self.t("q.recommendations"),
                )])));
                for r in many {
                    out.push(Block::Paragraph(Paragraph::text(format!(
                        "• {}",
                        self.picked(r)
                    ))));
                }
            }
        }
    }
}

/// The listed provisions of `analysis` as a document in `lang`: the
/// scores, then the answers by theme.
pub fn gap_document(
    analysis: &Analysis<'_>,
    filter: &Filter,
    ws: &Workspace,
    lang: Lang,
) -> Document {
    let w = Words {
        ws,
        lang,
        numerals: ws.settings.numerals_for(lang),
    };
    let report = &analysis.report;
    let jurisdiction = ws
        .settings
        .jurisdiction_name_in(lang)
        .map_or_else(|| report.jurisdiction.to_uppercase(), str::to_owned);
    let mut doc = Document::new(
        lang,
        lang.fill("report.title", &[("jurisdiction", &jurisdiction)]),
    );
    doc.region = Some(report.jurisdiction.to_owned());
    let title = ws
        .settings
        .titles
        .get(lang.code())
        .unwrap_or(&ws.settings.title);
    doc.text(lang.fill("q.intro", &[("workspace", title)]));
    if let Some(s) = &analysis.scenario {
        doc.text(lang.t("q.scenario").replace("**", ""));
        for a in &s.amendments {
            let label = if a.illustrative {
                format!(" ({})", lang.t("q.illustrative"))
            } else {
                String::new()
            };
            doc.text(format!("• {}: {}{label}", a.id, w.picked(&a.title)));
        }
    }
    let mut order: Vec<&InstrumentGaps<'_>> = report.instruments.iter().collect();
    order.sort_by_key(|g| (!g.binding, g.instrument.id.as_str()));
    doc.heading(1, lang.t("gaps.summary"));
    doc.blocks.push(Block::Table(w.scores(&order)));
    doc.blocks.push(Block::PageBreak);
    doc.heading(1, lang.fill("q.title", &[("jurisdiction", &jurisdiction)]));
    for theme in Theme::ALL {
        let items: Vec<(&InstrumentGaps<'_>, &ProvisionGap<'_>)> = order
            .iter()
            .flat_map(|g| g.provisions.iter().map(move |p| (*g, p)))
            .filter(|(_, p)| p.provision.theme == theme && filter.shows(p))
            .collect();
        if items.is_empty() {
            continue;
        }
        doc.heading(2, lang.t(&format!("q.theme.{}", theme.as_str())));
        for (g, p) in items {
            w.provision(&mut doc.blocks, report.jurisdiction, g, p);
        }
    }
    doc
}
