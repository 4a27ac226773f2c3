//! Amendments: proposed, enacted or struck-down changes to a work.
//!
//! An amendment file has front matter (who, what, when, and the mapping
//! entries that would hold once it is in force) and a body of operations.

mod reader;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::WorkId;
use crate::standards::MappingEntry;

pub use reader::read_amendment;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmendmentKind {
    Bill,
    DecreeLaw,
    CourtRuling,
    Ministerial,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmendmentStatus {
    Draft,
    Submitted,
    InCommittee,
    Approved,
    Enacted,
    Rejected,
    Withdrawn,
}

impl AmendmentStatus {
    /// Still on its way: drafted, submitted, in committee or approved.
    pub fn is_pending(self) -> bool {
        matches!(
            self,
            AmendmentStatus::Draft
                | AmendmentStatus::Submitted
                | AmendmentStatus::InCommittee
                | AmendmentStatus::Approved
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Visibility {
    #[default]
    Public,
    Committee,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Amendment {
    #[serde(skip)]
    pub path: Arc<Path>,
    pub id: String,
    pub title: String,
    pub amends: WorkId,
    #[serde(skip)]
    pub amends_span: Range<usize>,
    pub kind: AmendmentKind,
    pub status: AmendmentStatus,
    pub visibility: Visibility,
    pub sponsor: Option<String>,
    pub submitted: Option<Date>,
    pub enacted: Option<Date>,
    pub in_force: Option<Date>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub mapping_changes: Vec<MappingEntry>,
    /// Where the operations lie in the file.
    #[serde(skip)]
    pub body: Range<usize>,
}

impl Amendment {
    pub fn is_pending(&self) -> bool {
        self.status.is_pending()
    }
}
