//! Builders of the model for tests that compute on it without reading
//! files: instruments, provisions, mapping entries, mappings and
//! amendments with every field filled and the spans empty. A test changes
//! what it is about with struct update syntax:
//!
//! ```
//! use mizan::standards::{MappingEntry, Status};
//! use mizan::testing::model::entry;
//!
//! let e = MappingEntry {
//!     recommendation: Some("Amend Art. 6.".into()),
//!     ..entry("tip", "art_6__para_3", None, Status::Partial)
//! };
//! assert_eq!(e.path.to_str(), Some("corpus/kw/mappings/tip.yaml"));
//! ```

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::amend::{Amendment, AmendmentKind, AmendmentStatus, Visibility};
use crate::date::Date;
use crate::ids::{ArticleRef, WorkId};
use crate::localized::Localized;
use crate::standards::{
    Element, Instrument, InstrumentKind, Mapping, MappingEntry, Obligation, Party, PartyStatus,
    Provision, Status, Theme,
};

/// The jurisdiction every builder assesses.
pub const JURISDICTION: &str = "kw";

/// A path as the model holds it.
pub fn path(p: &str) -> Arc<Path> {
    Arc::from(Path::new(p))
}

/// Kuwait's party status, in the year a test does not care about.
pub fn party(status: PartyStatus) -> BTreeMap<String, Party> {
    BTreeMap::from([(
        JURISDICTION.to_owned(),
        Party {
            status,
            year: None,
            note: None,
        },
    )])
}

/// An instrument `id` (a UN convention in `standards/{id}.yaml`), with
/// Kuwait's status when it has one.
pub fn instrument(id: &str, status: Option<PartyStatus>, provisions: Vec<Provision>) -> Instrument {
    Instrument {
        path: path(&format!("standards/{id}.yaml")),
        id: id.to_owned(),
        title: format!("Instrument {id}").into(),
        short_title: None,
        titles: BTreeMap::new(),
        kind: InstrumentKind::Convention,
        body: "UN".to_owned(),
        parent: None,
        adopted: None,
        in_force: None,
        source: "https://example.org/".to_owned(),
        note: None,
        parties: status.map(party).unwrap_or_default(),
        provisions,
    }
}

/// An element with no summary and no keywords.
pub fn element(id: &str) -> Element {
    Element {
        id: id.to_owned(),
        summary: Localized::default(),
        keywords: Vec::new(),
    }
}

/// A provision `id` (an eId, cited as `Art. {id}`) with the named elements.
pub fn provision(id: &str, obligation: Obligation, theme: Theme, elements: &[&str]) -> Provision {
    Provision {
        id: id.to_owned(),
        citation: format!("Art. {id}"),
        title: id.into(),
        theme,
        obligation,
        summary: Localized::default(),
        note: None,
        elements: elements.iter().map(|e| element(e)).collect(),
        span: 0..0,
    }
}

/// An entry of `standard`'s mapping that relies on Article 1 of Law
/// 91/2013, with a rationale naming what it assesses.
pub fn entry(
    standard: &str,
    provision: &str,
    element: Option<&str>,
    status: Status,
) -> MappingEntry {
    MappingEntry {
        standard: standard.to_owned(),
        provision: provision.to_owned(),
        element: element.map(str::to_owned),
        articles: vec![ArticleRef {
            work: WorkId::parse("/akn/kw/act/2013/91").expect("a valid work id"),
            eid: "art_1".to_owned(),
        }],
        status,
        rationale: format!("{provision} {element:?} is {status}").into(),
        recommendation: None,
        basis: None,
        sources: Vec::new(),
        path: path(&format!("corpus/kw/mappings/{standard}.yaml")),
        span: 0..0,
        element_span: None,
        article_spans: Vec::new(),
        status_span: 0..0,
        rationale_span: 0..0,
        source_spans: Vec::new(),
    }
}

/// Kuwait's mapping of `standard`, assessed on 2026-01-01.
pub fn mapping(standard: &str, entries: Vec<MappingEntry>) -> Mapping {
    Mapping {
        path: path(&format!("corpus/kw/mappings/{standard}.yaml")),
        standard: standard.to_owned(),
        standard_span: 0..0,
        jurisdiction: JURISDICTION.to_owned(),
        jurisdiction_span: 0..0,
        assessed: Date::new(2026, 1, 1).expect("a valid date"),
        assessors: Vec::new(),
        note: None,
        entries,
    }
}

/// A public bill `id` amending Law 91/2013, submitted on `submitted`
/// (`YYYY-MM-DD`), with no operations, whose mapping changes are `changes`.
pub fn amendment(
    id: &str,
    status: AmendmentStatus,
    submitted: Option<&str>,
    changes: Vec<MappingEntry>,
) -> Amendment {
    Amendment {
        path: path(&format!("corpus/kw/amendments/{id}.md")),
        id: id.to_owned(),
        title: id.into(),
        amends: WorkId::parse("/akn/kw/act/2013/91").expect("a valid work id"),
        amends_span: 0..0,
        kind: AmendmentKind::Bill,
        status,
        visibility: Visibility::Public,
        sponsor: None,
        illustrative: false,
        submitted: submitted.map(|d| d.parse::<Date>().expect("a valid date")),
        enacted: None,
        in_force: None,
        source: None,
        note: None,
        mapping_changes: changes,
        body: 0..0,
        operations: Vec::new(),
    }
}
