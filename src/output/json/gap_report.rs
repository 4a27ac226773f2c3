//! The JSON form of a gap report (`mizan gaps --format json`): a stable,
//! versioned shape that other tools read. `book/src/gaps.md` documents it field by field and
//! `book/src/schemas/gaps.schema.json` is its JSON Schema; a test checks
//! real output against that schema.
//!
//! Change the shape only with the schema and the book, and raise
//! [`VERSION`] when a change can break a reader (a field removed,
//! renamed or retyped); adding a field does not.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::amend::{AmendmentStatus, Visibility};
use crate::gaps::scenario::deltas;
use crate::gaps::{
    Analysis, Basis, Counts, Filter, InstrumentGaps, ProvisionGap, Report, Score, ThemeScores,
    Totals,
};
use crate::ids::{ArticleRef, WorkId};
use crate::settings::Weights;
use crate::standards::{
    GapBasis, Instrument, InstrumentKind, Obligation, PartyStatus, Source, Status, Theme,
};
use crate::translations::Translations;

use super::VERSION;

#[derive(Debug, Serialize)]
pub struct JsonReport<'r> {
    pub version: u32,
    pub jurisdiction: &'r str,
    /// The date the law is taken at (`gaps --at`); absent for the law as it
    /// stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<crate::date::Date>,
    pub method: Method,
    pub filter: JsonFilter<'r>,
    pub scenario: Option<JsonScenario<'r>>,
    pub totals: JsonTotalsPair,
    pub instruments: Vec<JsonInstrument<'r>>,
}

#[derive(Debug, Serialize)]
pub struct Method {
    pub weights: Weights,
    pub credits: Credits,
}

#[derive(Debug, Serialize)]
pub struct Credits {
    pub full: f64,
    pub partial: f64,
    pub missing: f64,
    pub conflict: f64,
}

#[derive(Debug, Serialize)]
pub struct JsonFilter<'r> {
    pub standard: Option<&'r str>,
    pub theme: Option<Theme>,
    pub statuses: &'r [Status],
}

#[derive(Debug, Serialize)]
pub struct JsonScenario<'r> {
    pub amendments: Vec<JsonAmendment<'r>>,
    /// Whether the entries were also held to the amended text.
    pub text_applied: bool,
    pub changes: Vec<JsonChange<'r>>,
    /// Entries that rely on an article the amended text does not have in
    /// force (empty when the text was not applied).
    pub missing_articles: Vec<JsonMissingArticle<'r>>,
}

#[derive(Debug, Serialize)]
pub struct JsonMissingArticle<'r> {
    #[serde(rename = "ref")]
    pub reference: String,
    pub element: Option<&'r str>,
    pub article: &'r ArticleRef,
    /// The amendment whose change cites the article; `null` for an entry of
    /// the mapping files.
    pub amendment: Option<&'r str>,
}

#[derive(Debug, Serialize)]
pub struct JsonAmendment<'r> {
    pub id: &'r str,
    pub title: &'r str,
    pub amends: &'r WorkId,
    pub status: AmendmentStatus,
    pub visibility: Visibility,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonChange<'r> {
    #[serde(rename = "ref")]
    pub reference: String,
    pub citation: &'r str,
    pub before: Status,
    pub after: Status,
    pub effect: &'static str,
    pub changed_by: &'r [&'r str],
}

#[derive(Debug, Serialize)]
pub struct JsonTotalsPair {
    pub binding: JsonTotals,
    pub benchmark: JsonTotals,
}

#[derive(Debug, Serialize)]
pub struct JsonTotals {
    pub instruments: usize,
    pub score: JsonScore,
    pub themes: Vec<JsonThemeScore>,
}

#[derive(Debug, Serialize)]
pub struct JsonThemeScore {
    pub theme: Theme,
    pub score: JsonScore,
}

#[derive(Debug, Serialize)]
pub struct JsonScore {
    pub value: Option<f64>,
    pub earned: f64,
    pub possible: f64,
    pub counts: Counts,
    /// The same score before the scenario; `null` without one.
    pub baseline: Option<JsonBaseline>,
    /// `value - baseline.value`, when both exist.
    pub delta: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct JsonBaseline {
    pub value: Option<f64>,
    pub earned: f64,
    pub possible: f64,
    pub counts: Counts,
}

#[derive(Debug, Serialize)]
pub struct JsonParty {
    pub status: PartyStatus,
    pub year: Option<u16>,
}

#[derive(Debug, Serialize)]
pub struct JsonInstrument<'r> {
    pub id: &'r str,
    pub title: &'r str,
    pub short_title: Option<&'r str>,
    pub titles: &'r BTreeMap<String, String>,
    pub kind: InstrumentKind,
    pub body: &'r str,
    pub binding: bool,
    pub party: Option<JsonParty>,
    pub score: JsonScore,
    pub themes: Vec<JsonThemeScore>,
    pub provisions: Vec<JsonProvision<'r>>,
}

#[derive(Debug, Serialize)]
pub struct JsonProvision<'r> {
    #[serde(rename = "ref")]
    pub reference: String,
    pub id: &'r str,
    pub citation: &'r str,
    pub title: &'r str,
    pub theme: Theme,
    pub obligation: Obligation,
    pub weight: f64,
    pub status: Status,
    pub baseline_status: Option<Status>,
    pub changed_by: &'r [&'r str],
    pub assessed_by: &'static str,
    pub articles: Vec<&'r ArticleRef>,
    pub rationale: Option<&'r str>,
    pub recommendation: Option<&'r str>,
    pub basis: Option<GapBasis>,
    pub sources: Vec<&'r Source>,
    pub elements: Vec<JsonElement<'r>>,
    /// The title, rationale and recommendation in Arabic, where written.
    pub title_ar: Option<&'r str>,
    pub rationale_ar: Option<&'r str>,
    pub recommendation_ar: Option<&'r str>,
}

#[derive(Debug, Serialize)]
pub struct JsonElement<'r> {
    #[serde(rename = "ref")]
    pub reference: String,
    pub id: &'r str,
    pub summary: &'r str,
    pub status: Status,
    pub baseline_status: Option<Status>,
    pub changed_by: Option<&'r str>,
    pub articles: &'r [ArticleRef],
    pub rationale: Option<&'r str>,
    pub recommendation: Option<&'r str>,
    pub basis: Option<GapBasis>,
    pub sources: &'r [Source],
    /// The summary, rationale and recommendation in Arabic, where written.
    pub summary_ar: Option<&'r str>,
    pub rationale_ar: Option<&'r str>,
    pub recommendation_ar: Option<&'r str>,
}

/// Numbers are rounded to six decimals, so that sums like 2.55 do not show
/// as 2.5500000000000003.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn score(after: &Score, before: Option<&Score>) -> JsonScore {
    let value = after.value().map(round);
    let baseline = before.map(|b| JsonBaseline {
        value: b.value().map(round),
        earned: round(b.earned),
        possible: round(b.possible),
        counts: b.counts,
    });
    let delta = match (after.value(), before.and_then(Score::value)) {
        (Some(a), Some(b)) => Some(round(a - b)),
        _ => None,
    };
    JsonScore {
        value,
        earned: round(after.earned),
        possible: round(after.possible),
        counts: after.counts,
        baseline,
        delta,
    }
}

fn themes(after: &ThemeScores, before: Option<&ThemeScores>) -> Vec<JsonThemeScore> {
    after
        .iter()
        .map(|t| JsonThemeScore {
            theme: t.theme,
            score: score(&t.score, before.and_then(|b| b.get(t.theme))),
        })
        .collect()
}

fn totals(after: &Totals, before: Option<&Totals>) -> JsonTotals {
    JsonTotals {
        instruments: after.instruments,
        score: score(&after.score, before.map(|b| &b.score)),
        themes: themes(&after.themes, before.map(|b| &b.themes)),
    }
}

fn party(instrument: &Instrument, jurisdiction: &str) -> Option<JsonParty> {
    instrument.parties.get(jurisdiction).map(|p| JsonParty {
        status: p.status,
        year: p.year,
    })
}

/// Builds the JSON form of an analysis; serialise it with `serde_json`.
pub fn gap_report<'r>(analysis: &'r Analysis<'_>, filter: &'r Filter) -> JsonReport<'r> {
    let after = &analysis.report;
    let before = analysis.scenario.as_ref().map(|s| &s.before);
    let scenario = analysis.scenario.as_ref().map(|s| JsonScenario {
        amendments: s
            .amendments
            .iter()
            .map(|a| JsonAmendment {
                id: &a.id,
                title: &a.title,
                amends: &a.amends,
                status: a.status,
                visibility: a.visibility,
                illustrative: a.illustrative,
            })
            .collect(),
        text_applied: s.text.is_some(),
        missing_articles: s
            .text
            .iter()
            .flatten()
            .map(|m| JsonMissingArticle {
                reference: format!("{}/{}", m.instrument, m.provision.id),
                element: m.element,
                article: m.article,
                amendment: m.amendment,
            })
            .collect(),
        changes: deltas(&s.before, after)
            .into_iter()
            .map(|d| {
                let g = &after.instruments[d.instrument];
                let p = &g.provisions[d.provision];
                JsonChange {
                    reference: format!("{}/{}", g.instrument.id, p.provision.id),
                    citation: &p.provision.citation,
                    before: d.before,
                    after: d.after,
                    effect: d.effect.as_str(),
                    changed_by: d.changed_by,
                }
            })
            .collect(),
    });
    JsonReport {
        version: VERSION,
        jurisdiction: after.jurisdiction,
        at: None,
        method: Method {
            weights: after.weights,
            credits: Credits {
                full: 1.0,
                partial: 0.5,
                missing: 0.0,
                conflict: 0.0,
            },
        },
        filter: JsonFilter {
            standard: filter.standard.as_deref(),
            theme: filter.theme,
            statuses: &filter.statuses,
        },
        scenario,
        totals: JsonTotalsPair {
            binding: totals(&after.binding, before.map(|b| &b.binding)),
            benchmark: totals(&after.benchmark, before.map(|b| &b.benchmark)),
        },
        instruments: after
            .instruments
            .iter()
            .enumerate()
            .map(|(i, g)| instrument(after, g, before.map(|b| &b.instruments[i]), filter))
            .collect(),
    }
}

fn instrument<'r>(
    report: &'r Report<'_>,
    g: &'r InstrumentGaps<'_>,
    before: Option<&'r InstrumentGaps<'_>>,
    filter: &Filter,
) -> JsonInstrument<'r> {
    let i = g.instrument;
    JsonInstrument {
        id: &i.id,
        title: &i.title,
        short_title: i.short_title.as_deref(),
        titles: &i.titles,
        kind: i.kind,
        body: &i.body,
        binding: g.binding,
        party: party(i, report.jurisdiction),
        score: score(&g.score, before.map(|b| &b.score)),
        themes: themes(&g.themes, before.map(|b| &b.themes)),
        provisions: g
            .provisions
            .iter()
            .enumerate()
            .filter(|(_, p)| filter.shows(p))
            .map(|(j, p)| provision(i, p, before.map(|b| &b.provisions[j])))
            .collect(),
    }
}

fn provision<'r>(
    instrument: &'r Instrument,
    p: &'r ProvisionGap<'_>,
    before: Option<&'r ProvisionGap<'_>>,
) -> JsonProvision<'r> {
    let reference = format!("{}/{}", instrument.id, p.provision.id);
    let entry = p.entry();
    JsonProvision {
        id: &p.provision.id,
        citation: &p.provision.citation,
        title: &p.provision.title,
        theme: p.provision.theme,
        obligation: p.provision.obligation,
        weight: round(p.weight),
        status: p.status,
        baseline_status: before.map(|b| b.status),
        changed_by: &p.changed_by,
        assessed_by: match p.basis {
            Basis::None => "none",
            Basis::Provision(_) => "provision",
            Basis::Elements { .. } => "elements",
        },
        articles: p.articles(),
        rationale: entry.map(|e| e.rationale.as_str()),
        recommendation: entry.and_then(|e| e.recommendation.as_deref()),
        basis: p.gap_basis(),
        sources: p.sources(),
        elements: p
            .elements
            .iter()
            .map(|e| JsonElement {
                reference: format!("{reference}#{}", e.element.id),
                id: &e.element.id,
                summary: &e.element.summary,
                status: e.status,
                baseline_status: before.and_then(|b| {
                    b.elements
                        .iter()
                        .find(|x| x.element.id == e.element.id)
                        .map(|x| x.status)
                }),
                changed_by: e.assessed.and_then(|a| a.amendment),
                articles: e.assessed.map_or(&[][..], |a| a.entry.articles.as_slice()),
                rationale: e.assessed.map(|a| a.entry.rationale.as_str()),
                recommendation: e.assessed.and_then(|a| a.entry.recommendation.as_deref()),
                basis: e.assessed.and_then(|a| a.entry.basis),
                sources: e.assessed.map_or(&[][..], |a| a.entry.sources.as_slice()),
                summary_ar: e.element.summary.text_in("ar"),
                rationale_ar: e.assessed.and_then(|a| a.entry.rationale.text_in("ar")),
                recommendation_ar: e
                    .assessed
                    .and_then(|a| a.entry.recommendation.as_ref())
                    .and_then(|r| r.text_in("ar")),
            })
            .collect(),
        title_ar: p.provision.title.text_in("ar"),
        rationale_ar: entry.and_then(|e| e.rationale.text_in("ar")),
        recommendation_ar: entry
            .and_then(|e| e.recommendation.as_ref())
            .and_then(|r| r.text_in("ar")),
        reference,
    }
}
