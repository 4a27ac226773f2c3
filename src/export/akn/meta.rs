//! The `meta` block: identification, publication, lifecycle, analysis
//! (passive modifications), references, notes and proprietary data.
//!
//! Akoma Ntoso requires some values mizan may not know (a full date for
//! every FRBR level, a date for a publication). Nothing is invented: a
//! date known only by its year is written as 1 January and named
//! `year-only`, with a note saying so; a publication without a date is left
//! out, with a note giving what is known.

use std::io;

use crate::amend::{Amendment, AmendmentKind, Visibility};
use crate::corpus::{Authority, Expression, Extent, Lang, WorkStatus};
use crate::date::Date;
use crate::ids::{FrbrUri, UriFormat};

use super::super::Version;
use super::words::{self, DateOf};
use super::xml::Xml;
use super::{Context, MIZAN_NAMESPACE};

/// The `FRBRdate` of a level: a known date and its name, or 1 January of
/// the work's year named `year-only`.
fn frbr_date(date: Option<Date>, name: &'static str, year: u16) -> (String, &'static str) {
    match date {
        Some(d) => (d.to_string(), name),
        None => (format!("{year:04}-01-01"), "year-only"),
    }
}

/// Ids of the people and bodies the document refers to.
const EDITORS: &str = "#editors";

fn state_eid(country: &str) -> String {
    format!("{country}-state")
}

fn sponsor_eid(amendment_eid: &str) -> String {
    match amendment_eid.strip_prefix("amendment-") {
        Some(id) => format!("sponsor-{id}"),
        None => format!("sponsor-{amendment_eid}"),
    }
}

/// How an amendment appears in a document. An amendment for the committee
/// only (`visibility: committee`) appears by its date alone: its id,
/// title, sponsor and note never reach an export.
pub(super) struct Shown<'a> {
    pub amendment: &'a Amendment,
    pub eid: String,
    pub href: String,
    pub title: String,
    /// The court, for a court ruling.
    pub sponsor: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// Every amendment the version's text reflects, as shown: those the text
/// as read already includes, then those mizan applied, each once.
pub(super) fn shown<'a>(version: &Version<'a>) -> Vec<Shown<'a>> {
    let lang = version.expression.lang();
    let country = version.work.id.country();
    let mut undisclosed = 0;
    amendments_of(version)
        .into_iter()
        .map(|a| {
            if a.visibility == Visibility::Public {
                Shown {
                    amendment: a,
                    eid: format!("amendment-{}", a.id),
                    href: format!("corpus/{country}/amendments/{}.md", a.id),
                    title: if a.illustrative {
                        words::illustrative(&a.title, lang)
                    } else {
                        a.title.to_string()
                    },
                    sponsor: a
                        .sponsor
                        .as_deref()
                        .filter(|_| a.kind == AmendmentKind::CourtRuling),
                    note: a.note.as_deref(),
                }
            } else {
                undisclosed += 1;
                Shown {
                    amendment: a,
                    eid: format!("amendment-undisclosed-{undisclosed}"),
                    href: format!("urn:x-mizan:undisclosed-amendment:{undisclosed}"),
                    title: words::undisclosed(a.in_force, lang),
                    sponsor: None,
                    note: None,
                }
            }
        })
        .collect()
}

pub fn write(x: &mut Xml, version: &Version<'_>, ctx: &Context<'_>) -> io::Result<()> {
    let e = version.expression.as_ref();
    x.open("meta", &[])?;
    identification(x, version)?;
    publication(x, e)?;
    lifecycle(x, version)?;
    analysis(x, version)?;
    references(x, version, ctx)?;
    notes(x, version)?;
    proprietary(x, e)?;
    x.close("meta")
}

fn identification(x: &mut Xml, version: &Version<'_>) -> io::Result<()> {
    let e = version.expression.as_ref();
    let work = &version.work.id;
    let year = work.year();
    let expression = version.uri();
    let main = expression.clone().component("main");
    let manifestation = main.clone().format(UriFormat::Xml);
    let state = format!("#{}", state_eid(work.country()));
    x.open("identification", &[("source", Some(EDITORS))])?;

    x.open("FRBRWork", &[])?;
    x.empty(
        "FRBRthis",
        &[(
            "value",
            Some(&FrbrUri::of(work).component("main").to_string()),
        )],
    )?;
    x.empty("FRBRuri", &[("value", Some(work.as_str()))])?;
    if let Some(short) = &e.meta.short_title {
        x.empty(
            "FRBRalias",
            &[("value", Some(short)), ("name", Some("short-title"))],
        )?;
    }
    let (date, name) = frbr_date(e.meta.date, "signature", year);
    x.empty("FRBRdate", &[("date", Some(&date)), ("name", Some(name))])?;
    x.empty("FRBRauthor", &[("href", Some(&state))])?;
    x.empty("FRBRcountry", &[("value", Some(work.country()))])?;
    if let Some(subtype) = work.subtype() {
        x.empty("FRBRsubtype", &[("value", Some(subtype))])?;
    }
    x.empty("FRBRnumber", &[("value", Some(work.number()))])?;
    x.empty("FRBRname", &[("value", Some(&e.meta.title))])?;
    x.close("FRBRWork")?;

    let (date, name) = frbr_date(version.date, "version", year);
    let official = e.meta.authority == Authority::Official;
    let author = if official { state.as_str() } else { EDITORS };
    x.open("FRBRExpression", &[])?;
    x.empty("FRBRthis", &[("value", Some(&main.to_string()))])?;
    x.empty("FRBRuri", &[("value", Some(&expression.to_string()))])?;
    x.empty("FRBRdate", &[("date", Some(&date)), ("name", Some(name))])?;
    x.empty("FRBRauthor", &[("href", Some(author))])?;
    x.empty(
        "FRBRauthoritative",
        &[("value", Some(if official { "true" } else { "false" }))],
    )?;
    x.empty("FRBRlanguage", &[("language", Some(e.lang().iso639_2()))])?;
    x.close("FRBRExpression")?;

    // The manifestation is dated by the version it renders, not by the day
    // it was written, so that the same corpus always gives the same bytes.
    x.open("FRBRManifestation", &[])?;
    x.empty("FRBRthis", &[("value", Some(&manifestation.to_string()))])?;
    x.empty(
        "FRBRuri",
        &[("value", Some(&manifestation.manifestation_uri()))],
    )?;
    x.empty("FRBRdate", &[("date", Some(&date)), ("name", Some(name))])?;
    x.empty("FRBRauthor", &[("href", Some(EDITORS))])?;
    x.empty("FRBRformat", &[("value", Some("application/akn+xml"))])?;
    x.close("FRBRManifestation")?;

    x.close("identification")
}

fn publication(x: &mut Xml, e: &Expression) -> io::Result<()> {
    let Some(p) = &e.meta.publication else {
        return Ok(());
    };
    let Some(date) = p.date else {
        return Ok(()); // explained in a note
    };
    x.empty(
        "publication",
        &[
            ("date", Some(&date.to_string())),
            ("name", Some(&p.gazette)),
            ("showAs", Some(&p.gazette)),
            ("number", p.issue.as_deref()),
        ],
    )
}

fn lifecycle(x: &mut Xml, version: &Version<'_>) -> io::Result<()> {
    let e = version.expression.as_ref();
    let generation = e.meta.date;
    let mut amendments: Vec<_> = shown(version)
        .into_iter()
        .filter_map(|a| a.amendment.in_force.map(|d| (d, a)))
        .collect();
    amendments.sort_by(|(d, a), (e, b)| (d, &a.eid).cmp(&(e, &b.eid)));
    if generation.is_none() && amendments.is_empty() {
        return Ok(());
    }
    x.open("lifecycle", &[("source", Some(EDITORS))])?;
    if let Some(date) = generation {
        x.empty(
            "eventRef",
            &[
                ("date", Some(&date.to_string())),
                ("source", Some("#original")),
                ("type", Some("generation")),
            ],
        )?;
    }
    for (date, a) in amendments {
        let source = format!("#{}", a.eid);
        let sponsor = a.sponsor.map(|_| format!("#{}", sponsor_eid(&a.eid)));
        x.empty(
            "eventRef",
            &[
                ("date", Some(&date.to_string())),
                ("source", Some(&source)),
                ("refersTo", sponsor.as_deref()),
                ("type", Some("amendment")),
            ],
        )?;
    }
    x.close("lifecycle")
}

fn analysis(x: &mut Xml, version: &Version<'_>) -> io::Result<()> {
    if version.applied.iter().all(|a| a.changes.is_empty()) {
        return Ok(());
    }
    x.open("analysis", &[("source", Some(EDITORS))])?;
    x.open("passiveModifications", &[])?;
    let mut n = 0;
    let shown = shown(version);
    for applied in &version.applied {
        let Some(a) = shown
            .iter()
            .find(|s| s.amendment.id == applied.amendment.id)
        else {
            continue;
        };
        let source = format!("#{}", a.eid);
        for change in &applied.changes {
            n += 1;
            let eid = format!("pmod_{n}");
            x.open(
                "textualMod",
                &[("eId", Some(&eid)), ("type", Some(change.kind.akn()))],
            )?;
            x.empty("source", &[("href", Some(&source))])?;
            x.empty(
                "destination",
                &[("href", Some(&format!("#{}", change.destination)))],
            )?;
            if let Some(previous) = &change.previous {
                x.empty("previous", &[("href", Some(&format!("#{previous}")))])?;
            }
            x.close("textualMod")?;
        }
    }
    x.close("passiveModifications")?;
    x.close("analysis")
}

fn references(x: &mut Xml, version: &Version<'_>, ctx: &Context<'_>) -> io::Result<()> {
    let e = version.expression.as_ref();
    let lang = e.lang();
    let work = &version.work.id;
    let original = version.original_id();
    x.open("references", &[("source", Some(EDITORS))])?;
    x.empty(
        "original",
        &[
            ("eId", Some("original")),
            ("href", Some(&original)),
            ("showAs", Some(&e.meta.title)),
        ],
    )?;
    let shown = shown(version);
    for a in &shown {
        x.empty(
            "passiveRef",
            &[
                ("eId", Some(&a.eid)),
                ("href", Some(&a.href)),
                ("showAs", Some(&a.title)),
            ],
        )?;
    }
    x.empty(
        "TLCOrganization",
        &[
            ("eId", Some("editors")),
            ("href", Some("/ontology/organization/mizan/editors")),
            ("showAs", Some(&editors(ctx.workspace_title, lang))),
        ],
    )?;
    let country = work.country();
    x.empty(
        "TLCOrganization",
        &[
            ("eId", Some(&state_eid(country))),
            (
                "href",
                Some(&format!("/ontology/organization/{country}/state")),
            ),
            ("showAs", Some(&words::state(ctx.settings, country, lang))),
        ],
    )?;
    for a in &shown {
        if let Some(sponsor) = a.sponsor {
            x.empty(
                "TLCOrganization",
                &[
                    ("eId", Some(&sponsor_eid(&a.eid))),
                    (
                        "href",
                        Some(&format!(
                            "/ontology/organization/{country}/{}",
                            slug(sponsor).unwrap_or_else(|| a.eid.clone())
                        )),
                    ),
                    ("showAs", Some(sponsor)),
                ],
            )?;
        }
    }
    x.close("references")
}

/// Every amendment the version's text reflects: those the text as read
/// already includes, then those mizan applied, each once.
fn amendments_of<'a>(version: &Version<'a>) -> Vec<&'a Amendment> {
    let mut out: Vec<&Amendment> = Vec::new();
    for a in version
        .incorporated
        .iter()
        .copied()
        .chain(version.applied.iter().map(|a| a.amendment))
    {
        if !out.iter().any(|b| b.id == a.id) {
            out.push(a);
        }
    }
    out
}

/// A name as an ASCII slug (`Constitutional Court of Kuwait` ->
/// `constitutional-court-of-kuwait`); `None` when nothing ASCII is left.
fn slug(name: &str) -> Option<String> {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}

/// How the editors of the workspace are named.
fn editors(title: &str, lang: Lang) -> String {
    lang.fill("akn.editors", &[("title", title)])
}

fn notes(x: &mut Xml, version: &Version<'_>) -> io::Result<()> {
    let e = version.expression.as_ref();
    let lang = e.lang();
    let labels = words::labels(lang);
    let year = version.work.id.year();
    let mut notes: Vec<(&str, String)> =
        vec![("authority", words::authority_note(e.meta.authority, lang))];
    if let Some(n) = &e.meta.note {
        notes.push(("note", n.clone()));
    }
    notes.push(("sources", format!("{}{}", labels.sources, e.meta.source)));
    if let Some(o) = &e.meta.omitted {
        notes.push(("omitted", format!("{}{o}", labels.omitted)));
    }
    if let Some(r) = &e.meta.repealed_by {
        notes.push(("repealed-by", format!("{}{r}", labels.repealed_by)));
    }
    if e.meta.date.is_none() {
        notes.push(("date", words::year_only_note(DateOf::Work, year, lang)));
    }
    if version.date.is_none() {
        notes.push((
            "date",
            words::year_only_note(DateOf::Expression, year, lang),
        ));
    }
    if let Some(p) = &e.meta.publication
        && p.date.is_none()
    {
        notes.push((
            "publication",
            words::publication_note(&p.gazette, p.issue.as_deref(), lang),
        ));
    }
    for a in shown(version) {
        if let Some(n) = a.note {
            notes.push(("amendment", format!("{}: {n}", a.title)));
        }
    }
    x.open(
        "notes",
        &[("source", Some(EDITORS)), ("xml:lang", Some(lang.code()))],
    )?;
    for (i, (class, text)) in notes.iter().enumerate() {
        let eid = format!("note_{}", i + 1);
        x.open("note", &[("eId", Some(&eid)), ("class", Some(class))])?;
        x.text("p", &[], text)?;
        x.close("note")?;
    }
    x.close("notes")
}

fn status(s: WorkStatus) -> &'static str {
    match s {
        WorkStatus::InForce => "in-force",
        WorkStatus::Repealed => "repealed",
        WorkStatus::PartlyRepealed => "partly-repealed",
    }
}

fn authority(a: Authority) -> &'static str {
    match a {
        Authority::Official => "official",
        Authority::UnofficialTranslation => "unofficial-translation",
        Authority::UnofficialSummary => "unofficial-summary",
    }
}

fn proprietary(x: &mut Xml, e: &Expression) -> io::Result<()> {
    x.open(
        "proprietary",
        &[
            ("source", Some(EDITORS)),
            ("xmlns:mizan", Some(MIZAN_NAMESPACE)),
        ],
    )?;
    x.text("mizan:authority", &[], authority(e.meta.authority))?;
    x.text("mizan:status", &[], status(e.meta.status))?;
    let extent = match e.meta.extent {
        Extent::Complete => "complete",
        Extent::Selection => "selection",
    };
    x.text("mizan:extent", &[], extent)?;
    for (name, date) in [
        ("mizan:date", e.meta.date),
        ("mizan:inForce", e.meta.in_force),
        ("mizan:versionDate", e.meta.version_date),
    ] {
        if let Some(d) = date {
            x.text(name, &[], &d.to_string())?;
        }
    }
    x.close("proprietary")
}
