//! The gap report as a document (`report/index.html`), made to be printed:
//! a cover (title, jurisdiction, assessment date, build date, revision), a
//! short note on the method, contents, then every provision of every
//! instrument with its status, rationale, recommendation and sources. The
//! print stylesheet adds running headers and page numbers.

use std::hash::Hasher;

use serde::Serialize;

use crate::corpus::Lang;
use crate::date::Date;
use crate::standards::{Obligation, Status, Theme};

use super::standards::{EntryView, InstrumentRow, citation, entry_views, instrument_row};
use super::{Body, Model, Page, Text, msg};

#[derive(Debug, Clone, Serialize)]
pub struct ReportProvision<'a> {
    /// The anchor (`tip-art_6__para_6`).
    pub anchor: String,
    pub citation: Text<'a>,
    pub title: Text<'a>,
    pub theme: Theme,
    pub obligation: Obligation,
    pub status: Status,
    pub entries: Vec<EntryView<'a>>,
    /// Elements with no entry.
    pub unassessed_elements: Vec<(&'a str, Text<'a>)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportInstrument<'a> {
    pub row: InstrumentRow<'a>,
    pub provisions: Vec<ReportProvision<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportPage<'a> {
    /// The latest `assessed` date of the mapping files.
    pub assessed: Option<String>,
    /// The day the site was built (`SOURCE_DATE_EPOCH` when set).
    pub built: String,
    /// A digest of every file the workspace was read from: two reports
    /// with the same revision were made from the same data.
    pub revision: String,
    pub generator: &'static str,
    pub weights: Vec<(Obligation, f64)>,
    /// Binding instruments first, then benchmarks, each in id order.
    pub instruments: Vec<ReportInstrument<'a>>,
}

/// The revision of the workspace's data: FNV-1a over every file read (its
/// path inside the workspace and its text), in path order.
fn revision(m: &Model<'_>) -> String {
    let mut files: Vec<(String, &str)> =
        m.ws.sources
            .iter()
            .map(|(p, t)| {
                let rel = p.strip_prefix(&m.ws.root).unwrap_or(p);
                (rel.to_string_lossy().replace('\\', "/"), t)
            })
            .collect();
    files.sort();
    let mut h = crate::hash::Fnv::default();
    for (p, t) in files {
        h.write(p.as_bytes());
        h.write_u8(0);
        h.write(t.as_bytes());
        h.write_u8(0);
    }
    format!("{:016x}", h.finish())[..12].to_owned()
}

pub fn page<'a>(m: &'a Model<'a>, lang: Lang) -> Page<'a> {
    let mut instruments: Vec<ReportInstrument<'a>> = m
        .report()
        .instruments
        .iter()
        .map(|ic| ReportInstrument {
            row: instrument_row(m, ic, lang),
            provisions: ic
                .provisions
                .iter()
                .map(|pc| ReportProvision {
                    anchor: format!("{}-{}", ic.instrument.id, pc.provision.id),
                    citation: citation(m, pc.provision, lang),
                    title: Text::pick(&pc.provision.title, lang),
                    theme: pc.provision.theme,
                    obligation: pc.provision.obligation,
                    status: pc.status,
                    entries: entry_views(m, pc, lang),
                    unassessed_elements: pc
                        .unassessed_elements()
                        .map(|e| (e.element.id.as_str(), Text::pick(&e.element.summary, lang)))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    instruments.sort_by_key(|i| !i.row.binding);
    let assessed = m.ws.mappings.iter().map(|mp| mp.assessed).max();
    m.page(
        lang,
        "report/index.html",
        "report.html",
        "gaps",
        msg(lang, "print.title"),
        Body::Report(Box::new(ReportPage {
            assessed: assessed.map(|d| d.to_string()),
            built: Date::today().to_string(),
            revision: m.revision.get_or_init(|| revision(m)).clone(),
            generator: m.site.generator,
            weights: super::standards::weights(m),
            instruments,
        })),
    )
}
