//! Pages of the standards: the list of instruments, one page per instrument
//! and per provision, and the gap matrix of every provision by status.

use serde::Serialize;

use crate::amend::AmendmentStatus;
use crate::corpus::Lang;
use crate::standards::{
    GapBasis, Instrument, InstrumentKind, Obligation, PartyStatus, Provision, Source, Status, Theme,
};
use crate::translations::Translations;

use crate::gaps::{InstrumentGaps, ProvisionGap};

use super::assessment;
use super::work::{article_href, instrument_label, provision_href};
use super::{Body, Model, Page, Text, msg};
use crate::site::links::{Segment, linkify};

/// Counts by status in the order reports list them.
#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub items: Vec<(Status, usize)>,
    pub total: usize,
}

/// The order count columns read in: from met to not assessed.
pub const COUNT_ORDER: [Status; 6] = [
    Status::Full,
    Status::Partial,
    Status::Missing,
    Status::Conflict,
    Status::NotApplicable,
    Status::Unassessed,
];

impl From<&crate::gaps::Counts> for Counts {
    fn from(c: &crate::gaps::Counts) -> Self {
        Counts {
            items: COUNT_ORDER.iter().map(|s| (*s, c.get(*s))).collect(),
            total: c.total(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentRow<'a> {
    pub href: String,
    pub id: &'a str,
    pub label: String,
    pub title: Text<'a>,
    pub kind: InstrumentKind,
    pub binding: bool,
    pub party: Option<PartyStatus>,
    pub party_year: Option<u16>,
    pub score: Option<f64>,
    pub counts: Counts,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentsPage<'a> {
    pub binding: Vec<InstrumentRow<'a>>,
    pub benchmark: Vec<InstrumentRow<'a>>,
    /// The obligation weights the scores use (from `mizan.toml`).
    pub weights: Vec<(Obligation, f64)>,
}

pub fn weights(m: &Model<'_>) -> Vec<(Obligation, f64)> {
    Obligation::ALL
        .iter()
        .map(|o| (*o, crate::gaps::weight(&m.ws.settings.gaps.weights, *o)))
        .collect()
}

/// An article relied on by an entry.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleLink {
    pub href: String,
    /// The work's short title and the article heading, in the page language
    /// where the work has it.
    pub label: String,
    pub lang: &'static str,
    pub dir: &'static str,
}

/// A source an entry cites: a supervisory comment, report or other
/// citation, linked.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView<'a> {
    pub title: Text<'a>,
    pub year: Option<u16>,
    pub href: &'a str,
    /// The kind (`ilo-ceacr`, `us-tip-report`, ...), for the label.
    pub kind: &'static str,
}

pub fn source_views<'a>(sources: impl IntoIterator<Item = &'a Source>) -> Vec<SourceView<'a>> {
    sources
        .into_iter()
        .map(|s| SourceView {
            title: Text::en(&s.title),
            year: s.year,
            href: &s.url,
            kind: s.kind.as_str(),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryView<'a> {
    pub element: Option<&'a str>,
    pub element_summary: Option<Text<'a>>,
    pub status: Status,
    /// `verified` or `corpus-only` for a status short of `full`.
    pub basis: Option<&'static str>,
    pub articles: Vec<ArticleLink>,
    pub rationale: Option<Text<'a>>,
    pub recommendation: Option<Text<'a>>,
    pub sources: Vec<SourceView<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvisionRow<'a> {
    pub href: String,
    pub instrument: String,
    pub instrument_href: String,
    pub binding: bool,
    pub citation: Text<'a>,
    pub title: Text<'a>,
    pub theme: Theme,
    pub obligation: Obligation,
    pub status: Status,
    /// `verified` or `corpus-only` for a status short of `full`.
    pub basis: Option<&'static str>,
    pub articles: Vec<ArticleLink>,
    pub rationale: Option<Text<'a>>,
    pub sources: Vec<SourceView<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentPage<'a> {
    pub row: InstrumentRow<'a>,
    pub full_title: Text<'a>,
    pub body: &'a str,
    pub adopted: Option<String>,
    pub in_force: Option<String>,
    pub party_note: Option<Text<'a>>,
    pub note: Option<Text<'a>>,
    pub source: Vec<Segment<'a>>,
    pub provisions: Vec<ProvisionRow<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AmendmentEffect<'a> {
    pub href: String,
    pub title: Text<'a>,
    pub status: AmendmentStatus,
    /// A drafting example, not a text any body has proposed.
    pub illustrative: bool,
    pub after: Status,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvisionPage<'a> {
    pub instrument: InstrumentRow<'a>,
    pub citation: Text<'a>,
    pub title: Text<'a>,
    pub summary: Text<'a>,
    pub note: Option<Text<'a>>,
    pub theme: Theme,
    pub obligation: Obligation,
    pub status: Status,
    pub entries: Vec<EntryView<'a>>,
    /// Elements with no entry.
    pub unassessed_elements: Vec<(&'a str, Text<'a>)>,
    pub amendments: Vec<AmendmentEffect<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GapsPage<'a> {
    pub instruments: Vec<InstrumentRow<'a>>,
    pub rows: Vec<ProvisionRow<'a>>,
    pub themes: Vec<Theme>,
    pub obligations: Vec<Obligation>,
    pub statuses: Vec<Status>,
}

/// An instrument's title for a page in `lang` (the older `titles:` map
/// counts as well).
pub fn instrument_title(i: &Instrument, lang: Lang) -> Text<'_> {
    match i.titles.get(lang.code()) {
        Some(t) => Text::new(t, lang),
        None => Text::pick(&i.title, lang),
    }
}

/// A provision's citation for a page in `lang`: the data's (English) one on
/// English pages, the Arabic form made from its eId on Arabic pages
/// (`المادة ٣ (أ)`), the English one where the eId has no Arabic form.
pub fn citation<'a>(m: &'a Model<'a>, p: &'a Provision, lang: Lang) -> Text<'a> {
    match m.citations.get(p.id.as_str()) {
        Some(c) if lang == Lang::AR => Text::new(c, Lang::AR),
        _ => Text::en(&p.citation),
    }
}

pub(super) fn instrument_row<'a>(
    m: &'a Model<'a>,
    ic: &InstrumentGaps<'a>,
    lang: Lang,
) -> InstrumentRow<'a> {
    let i = ic.instrument;
    let party = i.parties.get(&m.site.jurisdiction);
    InstrumentRow {
        href: format!("standards/{}/index.html", i.id),
        id: &i.id,
        label: instrument_label(&i.id),
        // The short title where it is in the page's language, else the
        // full title (which the data may have in more languages).
        title: match i.short_title.as_ref().filter(|s| s.has_lang(lang.code())) {
            Some(s) => Text::pick(s, lang),
            None => instrument_title(i, lang),
        },
        kind: i.kind,
        binding: ic.binding,
        party: party.map(|p| p.status),
        party_year: party.and_then(|p| p.year),
        score: ic.score.value(),
        counts: Counts::from(&ic.score.counts),
    }
}

/// Links to the articles an entry relies on, labelled in the page language
/// where the work has that language.
pub fn article_links<'r>(
    m: &Model<'_>,
    articles: impl IntoIterator<Item = &'r crate::ids::ArticleRef>,
    lang: Lang,
) -> Vec<ArticleLink> {
    articles
        .into_iter()
        .map(|a| {
            let view =
                m.ws.article(a, Some(lang))
                    .or_else(|| m.ws.article(a, None));
            match view {
                Some(v) => {
                    let l = v.expression.lang();
                    let work = v
                        .expression
                        .meta
                        .short_title
                        .as_deref()
                        .unwrap_or(&v.expression.meta.title);
                    let comma = l.t("punct.comma");
                    ArticleLink {
                        href: article_href(a),
                        label: format!(
                            "{work}{comma}{}",
                            super::work::article_heading(v.article, l)
                        ),
                        lang: l.code(),
                        dir: super::dir(l),
                    }
                }
                None => ArticleLink {
                    href: article_href(a),
                    label: a.to_string(),
                    lang: "en",
                    dir: "ltr",
                },
            }
        })
        .collect()
}

pub(super) fn provision_row<'a>(
    m: &'a Model<'a>,
    ic: &InstrumentGaps<'a>,
    pc: &ProvisionGap<'a>,
    lang: Lang,
) -> ProvisionRow<'a> {
    ProvisionRow {
        href: provision_href(&ic.instrument.id, &pc.provision.id),
        instrument: instrument_label(&ic.instrument.id),
        instrument_href: format!("standards/{}/index.html", ic.instrument.id),
        binding: ic.binding,
        citation: citation(m, pc.provision, lang),
        title: Text::pick(&pc.provision.title, lang),
        theme: pc.provision.theme,
        obligation: pc.provision.obligation,
        status: pc.status,
        basis: pc.gap_basis().map(GapBasis::as_str),
        sources: source_views(pc.sources()),
        articles: article_links(m, pc.articles(), lang),
        rationale: pc
            .entry()
            .map(|e| Text::pick(&e.rationale, lang))
            .filter(|t| !t.text.is_empty()),
    }
}

pub fn pages<'a>(m: &'a Model<'a>, lang: Lang) -> Vec<Page<'a>> {
    let mut out = Vec::new();
    let rows: Vec<InstrumentRow<'a>> = m
        .report()
        .instruments
        .iter()
        .map(|ic| instrument_row(m, ic, lang))
        .collect();
    let (binding, benchmark): (Vec<_>, Vec<_>) = rows.iter().cloned().partition(|r| r.binding);
    out.push(m.page(
        lang,
        "standards/index.html",
        "instruments.html",
        "standards",
        msg(lang, "instrument.title"),
        Body::Instruments(InstrumentsPage {
            binding,
            benchmark,
            weights: weights(m),
        }),
    ));

    let mut all_rows = Vec::new();
    for (ii, (ic, row)) in m.report().instruments.iter().zip(&rows).enumerate() {
        let i = ic.instrument;
        let provisions: Vec<ProvisionRow<'a>> = ic
            .provisions
            .iter()
            .map(|pc| provision_row(m, ic, pc, lang))
            .collect();
        all_rows.extend(provisions.iter().cloned());
        let party = i.parties.get(&m.site.jurisdiction);
        let title = instrument_title(i, lang).text.to_owned();
        out.push(
            m.page(
                lang,
                &row.href,
                "instrument.html",
                "standards",
                title,
                Body::Instrument(InstrumentPage {
                    row: row.clone(),
                    full_title: instrument_title(i, lang),
                    body: &i.body,
                    adopted: i.adopted.map(|d| d.to_string()),
                    in_force: i.in_force.map(|d| d.to_string()),
                    party_note: party
                        .and_then(|p| p.note.as_ref())
                        .map(|n| Text::pick(n, lang)),
                    note: i.note.as_ref().map(|n| Text::pick(n, lang)),
                    source: linkify(&i.source),
                    provisions,
                }),
            ),
        );
        for (pi, pc) in ic.provisions.iter().enumerate() {
            out.push(provision_page(m, (ii, pi), ic, pc, row, lang));
        }
    }
    // Worst first, binding before benchmark, then in instrument order.
    all_rows.sort_by_key(|r| (!r.binding, r.status));
    out.push(m.page(
        lang,
        "gaps/index.html",
        "gaps.html",
        "gaps",
        msg(lang, "gaps.title"),
        Body::Gaps(GapsPage {
            instruments: rows,
            rows: all_rows,
            themes: Theme::ALL.to_vec(),
            obligations: Obligation::ALL.to_vec(),
            statuses: Status::ALL.to_vec(),
        }),
    ));
    out
}

/// The entries behind a provision's status, as pages show them.
pub fn entry_views<'a>(m: &'a Model<'a>, pc: &ProvisionGap<'a>, lang: Lang) -> Vec<EntryView<'a>> {
    let p = pc.provision;
    assessment::entries(pc)
        .into_iter()
        .map(|e| EntryView {
            element: e.element.as_deref(),
            element_summary: e
                .element
                .as_deref()
                .and_then(|el| p.element(el))
                .map(|el| Text::pick(&el.summary, lang)),
            status: e.status,
            basis: e.basis.map(GapBasis::as_str),
            articles: article_links(m, &e.articles, lang),
            rationale: Some(Text::pick(&e.rationale, lang)).filter(|t| !t.text.is_empty()),
            recommendation: e.recommendation.as_ref().map(|r| Text::pick(r, lang)),
            sources: source_views(&e.sources),
        })
        .collect()
}

fn provision_page<'a>(
    m: &'a Model<'a>,
    (ii, pi): (usize, usize),
    ic: &InstrumentGaps<'a>,
    pc: &ProvisionGap<'a>,
    row: &InstrumentRow<'a>,
    lang: Lang,
) -> Page<'a> {
    let p = pc.provision;
    let entries = entry_views(m, pc, lang);
    let unassessed_elements = pc
        .unassessed_elements()
        .map(|e| (e.element.id.as_str(), Text::pick(&e.element.summary, lang)))
        .collect();
    let mut amendments = Vec::new();
    for (a, scenario) in m.amendments.iter().zip(&m.scenarios) {
        let Some(after) = scenario.as_ref().and_then(|s| s.status(ii, pi)) else {
            continue;
        };
        if after != pc.status {
            amendments.push(AmendmentEffect {
                href: format!("amendments/{}/index.html", a.id),
                title: Text::pick(&a.title, lang),
                status: a.status,
                illustrative: a.illustrative,
                after,
            });
        }
    }
    let cite = citation(m, p, lang);
    let title = Text::pick(&p.title, lang);
    m.page(
        lang,
        &provision_href(&ic.instrument.id, &p.id),
        "provision.html",
        "standards",
        // A page title cannot mark a language: a title in another language
        // than the page's is left out of it (the page shows it, marked).
        if title.fallback {
            format!("{} {}", row.label, cite.text)
        } else {
            format!("{} {}: {}", row.label, cite.text, title.text)
        },
        Body::Provision(ProvisionPage {
            instrument: row.clone(),
            citation: cite,
            title,
            summary: Text::pick(&p.summary, lang),
            note: p.note.as_ref().map(|n| Text::pick(n, lang)),
            theme: p.theme,
            obligation: p.obligation,
            status: pc.status,
            entries,
            unassessed_elements,
            amendments,
        }),
    )
}
