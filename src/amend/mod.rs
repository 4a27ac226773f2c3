//! Amendments: proposed, enacted or struck-down changes to a work.
//!
//! An amendment file has front matter (who, what, when, and the mapping
//! entries that would hold once it is in force) and a body of operations,
//! each a level-2 heading in a fixed grammar ([`grammar`]) with the new text
//! below it. This stage reads them ([`read_amendment`]), carries them out on
//! a work's text ([`apply`], [`consolidate`]: point-in-time versions and the
//! text as it would read), checks them against the corpus ([`check`]), and
//! compares two versions of a work article by article and word by word
//! ([`diff`]; the output stage renders the comparison).

mod apply;
mod check;
mod consolidate;
mod consolidated;
pub mod diff;
pub mod grammar;
mod matching;
mod numbering;
mod operation;
mod overlap;
mod reader;
mod words;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::corpus::{Lang, Paragraph};
use crate::date::Date;
use crate::ids::WorkId;
use crate::localized::Localized;
use crate::standards::MappingEntry;

pub use apply::{ApplyOptions, apply};
pub use check::{AmendmentCheck, Keep, check, competing};
pub use consolidate::{
    ConsolidatedExpression, History, Provenance, Stale, Version, VersionError, VersionKind,
    history, version, with_pending,
};
pub use diff::{amendment_diff, versions_diff};
pub use grammar::{GrammarError, parse_operation};
pub use operation::{Action, ArticleTarget, Occurrence, ParagraphNumber, Quoted};
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
    pub title: Localized,
    pub amends: WorkId,
    #[serde(skip)]
    pub amends_span: Range<usize>,
    pub kind: AmendmentKind,
    pub status: AmendmentStatus,
    pub visibility: Visibility,
    pub sponsor: Option<Localized>,
    /// A drafting example written for the assessment, not a text any body
    /// has proposed: labelled as such wherever the amendment appears.
    pub illustrative: bool,
    pub submitted: Option<Date>,
    pub enacted: Option<Date>,
    pub in_force: Option<Date>,
    pub source: Option<String>,
    pub note: Option<Localized>,
    pub mapping_changes: Vec<MappingEntry>,
    /// Where the operations lie in the file.
    #[serde(skip)]
    pub body: Range<usize>,
    /// The operations, in the order written.
    pub operations: Vec<Operation>,
}

impl Amendment {
    pub fn is_pending(&self) -> bool {
        self.status.is_pending()
    }

    /// Enacted (including a court ruling in effect) with a date from which
    /// it applies: it makes a point-in-time version of the work.
    pub fn in_force_from(&self) -> Option<Date> {
        match self.status {
            AmendmentStatus::Enacted => self.in_force,
            _ => None,
        }
    }
}

/// One operation of an amendment: a heading in the grammar and, for
/// replacements and insertions, the new text below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Operation {
    #[serde(flatten)]
    pub action: Action,
    /// The language the heading is written in; text operations apply to the
    /// expression in this language.
    pub lang: Lang,
    /// The heading's text in the file.
    #[serde(skip)]
    pub span: Range<usize>,
    /// The line of the heading (1-based), for messages naming other files.
    pub line: usize,
    /// The new text, for operations that take one.
    pub text: Option<NewText>,
}

/// The new text of a replaced or inserted article or paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewText {
    /// The article's title, from a level-3 heading at the top.
    pub title: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    #[serde(skip)]
    pub span: Range<usize>,
}
