//! International instruments, their provisions, and the mappings that assess
//! a jurisdiction's law against them.
//!
//! An instrument (`standards/tip.yaml`) lists provisions, each with an
//! obligation grade and theme, and optionally the elements a provision is
//! made of. A mapping (`corpus/kw/mappings/tip.yaml`) records, per provision
//! or element, which articles implement it and how well.

pub mod citation;
mod evidence;
mod glossary;
mod mapping;
mod published;
pub mod questionnaire;
mod reader;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::localized::Localized;

pub use evidence::{GapBasis, Source, SourceKind, names_supervisory_body};
pub use glossary::{Glossary, GlossaryTerm, read_glossary};
pub use mapping::{Mapping, MappingEntry, RawEntry, read_mapping};
pub use published::{Published, read_published};
pub use questionnaire::{Questionnaire, read_questionnaire};
pub use reader::read_instrument;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentKind {
    Convention,
    Protocol,
    SoftLaw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartyStatus {
    Ratified,
    Acceded,
    Signed,
    NotParty,
}

impl PartyStatus {
    /// The status as written in instrument files (`not-party`).
    pub fn as_str(self) -> &'static str {
        match self {
            PartyStatus::Ratified => "ratified",
            PartyStatus::Acceded => "acceded",
            PartyStatus::Signed => "signed",
            PartyStatus::NotParty => "not-party",
        }
    }

    /// Ratification and accession bind the state; signature does not.
    pub fn binds(self) -> bool {
        matches!(self, PartyStatus::Ratified | PartyStatus::Acceded)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub status: PartyStatus,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub note: Option<Localized>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    Definition,
    Criminalization,
    Protection,
    Prevention,
    Cooperation,
    Procedure,
}

impl Theme {
    pub const ALL: [Theme; 6] = [
        Theme::Definition,
        Theme::Criminalization,
        Theme::Protection,
        Theme::Prevention,
        Theme::Cooperation,
        Theme::Procedure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Definition => "definition",
            Theme::Criminalization => "criminalization",
            Theme::Protection => "protection",
            Theme::Prevention => "prevention",
            Theme::Cooperation => "cooperation",
            Theme::Procedure => "procedure",
        }
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How strongly a provision obliges a state, from "shall" to guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Obligation {
    Mandatory,
    Qualified,
    Consider,
    Endeavour,
    Soft,
}

impl Obligation {
    pub const ALL: [Obligation; 5] = [
        Obligation::Mandatory,
        Obligation::Qualified,
        Obligation::Consider,
        Obligation::Endeavour,
        Obligation::Soft,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Obligation::Mandatory => "mandatory",
            Obligation::Qualified => "qualified",
            Obligation::Consider => "consider",
            Obligation::Endeavour => "endeavour",
            Obligation::Soft => "soft",
        }
    }
}

impl fmt::Display for Obligation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where the law stands against a provision or element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Conflict,
    Missing,
    Partial,
    Full,
    NotApplicable,
    Unassessed,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Conflict,
        Status::Missing,
        Status::Partial,
        Status::Full,
        Status::NotApplicable,
        Status::Unassessed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Full => "full",
            Status::Partial => "partial",
            Status::Missing => "missing",
            Status::Conflict => "conflict",
            Status::NotApplicable => "not-applicable",
            Status::Unassessed => "unassessed",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: String,
    pub summary: Localized,
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provision {
    /// The eId inside the instrument (`art_6__para_3`).
    pub id: String,
    /// As people cite it (`Art. 6(3)`).
    pub citation: String,
    pub title: Localized,
    pub theme: Theme,
    pub obligation: Obligation,
    pub summary: Localized,
    pub note: Option<Localized>,
    pub elements: Vec<Element>,
    #[serde(skip)]
    pub span: Range<usize>,
}

impl Provision {
    pub fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }
}

/// An international instrument read from `standards/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instrument {
    #[serde(skip)]
    pub path: Arc<Path>,
    pub id: String,
    pub title: Localized,
    pub short_title: Option<Localized>,
    pub titles: BTreeMap<String, String>,
    pub kind: InstrumentKind,
    pub body: String,
    pub parent: Option<String>,
    pub adopted: Option<Date>,
    pub in_force: Option<Date>,
    pub source: String,
    pub note: Option<Localized>,
    pub parties: BTreeMap<String, Party>,
    pub provisions: Vec<Provision>,
}

impl Instrument {
    pub fn provision(&self, id: &str) -> Option<&Provision> {
        self.provisions.iter().find(|p| p.id == id)
    }

    /// Whether the instrument binds a jurisdiction (ratified or acceded).
    pub fn binds(&self, jurisdiction: &str) -> bool {
        self.parties
            .get(jurisdiction)
            .is_some_and(|p| p.status.binds())
    }

    pub fn display_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}
