//! The home page: a dashboard of scores per instrument and theme (binding
//! and benchmark apart), the widest gaps, and what each pending amendment
//! would close.

use serde::Serialize;

use crate::corpus::Lang;
use crate::standards::{GapBasis, Obligation, Status, Theme};

use super::amendments::{ChangeRow, change_rows};
use super::standards::{InstrumentRow, ProvisionRow};
use super::{Body, Model, Page, msg};

#[derive(Debug, Clone, Serialize)]
pub struct ThemeRow {
    pub theme: Theme,
    pub binding: Option<f64>,
    pub binding_provisions: usize,
    pub benchmark: Option<f64>,
    pub benchmark_provisions: usize,
}

/// A theme's provisions by status, pooled over the binding instruments,
/// for the stacked bars.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeCounts {
    pub theme: Theme,
    pub label: String,
    pub counts: super::standards::Counts,
}

/// One row of the instrument-by-theme heatmap: a score per theme of
/// [`HomePage::heat_themes`], `None` where nothing is scored.
#[derive(Debug, Clone, Serialize)]
pub struct HeatRow {
    pub label: String,
    pub href: String,
    pub binding: bool,
    pub cells: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PendingRow<'a> {
    pub href: String,
    pub title: super::Text<'a>,
    pub status: crate::amend::AmendmentStatus,
    pub committee: bool,
    /// A drafting example, not a text any body has proposed.
    pub illustrative: bool,
    pub changes: Vec<ChangeRow<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HomePage<'a> {
    pub assessed: Option<String>,
    /// Scores pooled over all binding (benchmark) instruments.
    pub binding_score: Option<f64>,
    /// The obligation weights the scores use (from `mizan.toml`).
    pub weights: Vec<(Obligation, f64)>,
    pub benchmark_score: Option<f64>,
    pub binding: Vec<InstrumentRow<'a>>,
    pub benchmark: Vec<InstrumentRow<'a>>,
    pub themes: Vec<ThemeRow>,
    /// The binding instruments' provisions by theme and status.
    pub theme_counts: Vec<ThemeCounts>,
    /// The themes of the heatmap's columns, in order.
    pub heat_themes: Vec<Theme>,
    pub heat: Vec<HeatRow>,
    pub worst: Vec<ProvisionRow<'a>>,
    pub pending: Vec<PendingRow<'a>>,
}

/// How many of the widest gaps the dashboard lists.
const WORST: usize = 10;

pub fn page<'a>(m: &'a Model<'a>, lang: Lang) -> Page<'a> {
    let (binding, benchmark): (Vec<InstrumentRow<'a>>, Vec<InstrumentRow<'a>>) = m
        .report()
        .instruments
        .iter()
        .map(|ic| super::standards::instrument_row(m, ic, lang))
        .partition(|r| r.binding);
    let themes = Theme::ALL
        .iter()
        .filter_map(|t| {
            let b = m.report().binding.themes.get(*t);
            let k = m.report().benchmark.themes.get(*t);
            (b.is_some() || k.is_some()).then(|| ThemeRow {
                theme: *t,
                binding: b.and_then(|c| c.value()),
                binding_provisions: b.map_or(0, |c| c.counts.total()),
                benchmark: k.and_then(|c| c.value()),
                benchmark_provisions: k.map_or(0, |c| c.counts.total()),
            })
        })
        .collect();

    let (theme_counts, heat_themes, heat) = pictures(m, lang);

    // The widest gaps: binding first, then gaps verified in law before gaps
    // only not found in the corpus, conflict before missing before partial,
    // the strongest obligations first.
    let mut gaps: Vec<(bool, u8, Status, Obligation, usize, usize)> = Vec::new();
    for (ii, ic) in m.report().instruments.iter().enumerate() {
        for (pi, pc) in ic.provisions.iter().enumerate() {
            if matches!(
                pc.status,
                Status::Conflict | Status::Missing | Status::Partial
            ) {
                gaps.push((
                    !ic.binding,
                    GapBasis::rank(pc.gap_basis()),
                    pc.status,
                    pc.provision.obligation,
                    ii,
                    pi,
                ));
            }
        }
    }
    gaps.sort();
    let worst = gaps
        .iter()
        .take(WORST)
        .map(|&(_, _, _, _, ii, pi)| {
            let ic = &m.report().instruments[ii];
            super::standards::provision_row(m, ic, &ic.provisions[pi], lang)
        })
        .collect();

    let pending = m
        .amendments
        .iter()
        .zip(&m.scenarios)
        .filter_map(|(a, s)| {
            let after = s.as_ref()?;
            Some(PendingRow {
                href: format!("amendments/{}/index.html", a.id),
                title: super::Text::pick(&a.title, lang),
                status: a.status,
                committee: a.visibility == crate::amend::Visibility::Committee,
                illustrative: a.illustrative,
                changes: change_rows(m, m.report(), after, lang),
            })
        })
        .collect();
    let assessed =
        m.ws.mappings
            .iter()
            .map(|mp| mp.assessed)
            .max()
            .map(|d| d.to_string());
    m.page(
        lang,
        "index.html",
        "home.html",
        "home",
        msg(lang, "home.title"),
        Body::Home(HomePage {
            assessed,
            binding_score: m.report().binding.score.value(),
            weights: super::standards::weights(m),
            benchmark_score: m.report().benchmark.score.value(),
            binding,
            benchmark,
            themes,
            theme_counts,
            heat_themes,
            heat,
            worst,
            pending,
        }),
    )
}

/// The figures of the dashboard's pictures: the binding instruments'
/// provisions by theme and status, and the instrument-by-theme scores (the
/// themes any instrument has, binding instruments first).
fn pictures(m: &Model<'_>, lang: Lang) -> (Vec<ThemeCounts>, Vec<Theme>, Vec<HeatRow>) {
    let theme_counts = Theme::ALL
        .iter()
        .filter_map(|t| {
            let b = m.report().binding.themes.get(*t)?;
            Some(ThemeCounts {
                theme: *t,
                label: msg(lang, &format!("theme.{}", t.as_str())),
                counts: super::standards::Counts::from(&b.counts),
            })
        })
        .collect();
    let heat_themes: Vec<Theme> = Theme::ALL
        .into_iter()
        .filter(|t| {
            m.report()
                .instruments
                .iter()
                .any(|ic| ic.themes.get(*t).is_some())
        })
        .collect();
    let mut heat: Vec<HeatRow> = m
        .report()
        .instruments
        .iter()
        .map(|ic| HeatRow {
            label: super::work::instrument_label(&ic.instrument.id),
            href: format!("standards/{}/index.html", ic.instrument.id),
            binding: ic.binding,
            cells: heat_themes
                .iter()
                .map(|t| ic.themes.get(*t).and_then(|s| s.value()))
                .collect(),
        })
        .collect();
    heat.sort_by_key(|r| !r.binding);
    (theme_counts, heat_themes, heat)
}
