//! The assessment over time on the site: the score timeline of every
//! instrument (`timeline/`), and what changed since the last report
//! (`since/`), from the gap stage's history (`crate::gaps::history`) over
//! the amendments the build may show.

use serde::Serialize;

use crate::amend::{Amendment, AmendmentKind};
use crate::corpus::Lang;
use crate::gaps::history::{self, Cause};
use crate::gaps::{Filter, Inputs};
use crate::standards::Status;

use super::standards::citation;
use super::work::{instrument_label, provision_href};
use super::{Body, Model, Page, Text, msg};

/// An enacted amendment or ruling that took effect.
#[derive(Debug, Clone, Serialize)]
pub struct TookEffect<'a> {
    pub href: String,
    pub id: &'a str,
    pub title: Text<'a>,
    pub kind: AmendmentKind,
    pub in_force: Option<String>,
    /// Where the amendment or ruling is published or reported.
    pub source: Option<&'a str>,
}

fn took_effect<'a>(a: &'a Amendment, lang: Lang) -> TookEffect<'a> {
    TookEffect {
        href: format!("amendments/{}/index.html", a.id),
        id: &a.id,
        title: Text::pick(&a.title, lang),
        kind: a.kind,
        in_force: a.in_force_from().map(|d| d.to_string()),
        source: a.source.as_deref(),
    }
}

/// One instrument's scores at each point of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesRow {
    pub label: String,
    pub href: String,
    pub binding: bool,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelinePage<'a> {
    /// The dates of the points (`None`: the statutes as held).
    pub points: Vec<Option<String>>,
    pub series: Vec<SeriesRow>,
    /// What took effect, by point (empty for the first).
    pub took_effect: Vec<Vec<TookEffect<'a>>>,
}

/// What a provision's change is owed to.
#[derive(Debug, Clone, Serialize)]
pub struct CauseView<'a> {
    /// `ruling`, `amendment` or `reassessment`.
    pub kind: &'static str,
    pub amendment: Option<TookEffect<'a>>,
    /// For a reassessment: the published report's file name, the status it
    /// gave, and the mapping file's date of assessment.
    pub report: Option<String>,
    pub published_status: Option<Status>,
    pub assessed: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MovedRow<'a> {
    pub href: String,
    pub instrument: String,
    pub citation: Text<'a>,
    pub title: Text<'a>,
    pub before: Status,
    pub after: Status,
    pub effect: &'static str,
    pub causes: Vec<CauseView<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SincePage<'a> {
    /// The date compared with (`None`: the statutes as held, when no last
    /// report is named in `mizan.toml`).
    pub date: Option<String>,
    /// Whether `date` is the last report's.
    pub last_report: bool,
    /// Whether the report as published was compared.
    pub published: bool,
    pub took_effect: Vec<TookEffect<'a>>,
    pub moved: Vec<MovedRow<'a>>,
}

pub fn pages<'a>(m: &'a Model<'a>, lang: Lang) -> Vec<Page<'a>> {
    let inputs = Inputs::of(m.ws);
    let filter = Filter::default();
    let t = history::timeline(&inputs, &filter, &m.amendments);
    let series = t
        .points
        .first()
        .map(|first| {
            first
                .report
                .instruments
                .iter()
                .enumerate()
                .map(|(i, g)| SeriesRow {
                    label: instrument_label(&g.instrument.id),
                    href: format!("standards/{}/index.html", g.instrument.id),
                    binding: g.binding,
                    values: t
                        .points
                        .iter()
                        .map(|p| p.report.instruments[i].score.value())
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    let timeline = TimelinePage {
        points: t
            .points
            .iter()
            .map(|p| p.date.map(|d| d.to_string()))
            .collect(),
        series,
        took_effect: t
            .points
            .iter()
            .map(|p| p.amendments.iter().map(|a| took_effect(a, lang)).collect())
            .collect(),
    };

    let since = since_page(m, &inputs, &filter, lang);
    vec![
        m.page(
            lang,
            "timeline/index.html",
            "timeline.html",
            "gaps",
            msg(lang, "timeline.title"),
            Body::Timeline(timeline),
        ),
        m.page(
            lang,
            "since/index.html",
            "since.html",
            "gaps",
            msg(lang, "since.title"),
            Body::Since(since),
        ),
    ]
}

/// What changed since the last report (or since the statutes as held).
fn since_page<'a>(
    m: &'a Model<'a>,
    inputs: &Inputs<'a>,
    filter: &Filter,
    lang: Lang,
) -> SincePage<'a> {
    let last = m.ws.settings.gaps.last_report.as_ref();
    // A report that cannot be read has stopped the build already
    // (`site::build`), so this reads a valid one or none.
    let published = m.ws.published_report().ok().flatten();
    let s = history::since(
        inputs,
        filter,
        &m.amendments,
        last.map(|r| r.date),
        published.as_ref(),
    );
    let moved = s
        .moved
        .iter()
        .map(|mv| {
            let g = &s.after.instruments[mv.instrument];
            let p = &g.provisions[mv.provision];
            MovedRow {
                href: provision_href(&g.instrument.id, &p.provision.id),
                instrument: instrument_label(&g.instrument.id),
                citation: citation(m, p.provision, lang),
                title: Text::pick(&p.provision.title, lang),
                before: mv.before,
                after: mv.after,
                effect: mv.effect.as_str(),
                causes: mv
                    .causes
                    .iter()
                    .map(|c| match c {
                        Cause::Amendment(a) => CauseView {
                            kind: if a.kind == AmendmentKind::CourtRuling {
                                "ruling"
                            } else {
                                "amendment"
                            },
                            amendment: Some(took_effect(a, lang)),
                            report: None,
                            published_status: None,
                            assessed: None,
                        },
                        Cause::Reassessment {
                            report,
                            status,
                            mapping,
                        } => CauseView {
                            kind: "reassessment",
                            amendment: None,
                            report: report.file_name().map(|n| n.to_string_lossy().into_owned()),
                            published_status: Some(*status),
                            assessed: mapping.map(|m| m.assessed.to_string()),
                        },
                    })
                    .collect(),
            }
        })
        .collect();
    SincePage {
        date: s.date.map(|d| d.to_string()),
        last_report: last.is_some(),
        published: s.published,
        took_effect: s.amendments.iter().map(|a| took_effect(a, lang)).collect(),
        moved,
    }
}
