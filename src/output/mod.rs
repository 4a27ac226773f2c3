//! Output: every form in which mizan shows a result, one file per format.
//! Each renderer is fed the analysis as the stages computed it and turns it
//! into text; none computes anything new, and none changes the model.
//!
//! - [`table`]: the gap report for a terminal (`gaps`).
//! - [`csv`]: the gap report as CSV, one row per provision and element.
//! - [`history`]: the assessment over time (`gaps --at`, `--timeline`,
//!   `--since`) as tables and CSV.
//! - [`questionnaire`]: the gap report as Markdown, grouped by theme.
//! - [`redline`]: two versions of a work compared (`diff`): inline, side
//!   by side, unified.
//! - [`json`]: every JSON document a command prints (gap report, diff,
//!   check, show, search, suggest, build), the version they carry, and the
//!   one writer.
//! - [`document`]: a document to print and edit (headings, paragraphs,
//!   redlines, tables), as Markdown and HTML; [`docx`] writes it as Word.
//! - [`gap_document`]: the gap report as a document (`gaps --format docx`).
//! - [`proposal`]: a proposal (`propose`) as a document.
//! - [`import`]: the summary of `import` (what was read, guessed, dropped).
//! - [`text`]: the plain-text forms of `check`, `show`, `search`,
//!   `suggest`, and the summaries of `build` and `export`.
//!
//! The command line chooses a format and writes what it returns; the site
//! publishes some of the same forms (the CSV and the questionnaire as
//! downloads). A new format is a new file here, fed the same data.

pub mod csv;
pub mod document;
pub mod docx;
pub mod gap_document;
pub mod history;
pub mod import;
pub mod json;
pub mod proposal;
pub mod questionnaire;
pub mod redline;
pub mod table;
pub mod text;

use std::path::PathBuf;

use serde::Serialize;

use crate::amend::{ConsolidatedExpression, Version};
use crate::corpus::{Article, Work};
use crate::diag::{Diagnostics, Sources};
use crate::ids::ArticleRef;
use crate::workspace::{Coverage, MappedProvision, Summary};

/// What `check` found: the input of its text and JSON forms.
#[derive(Clone, Copy)]
pub struct Checked<'a> {
    /// Whether the workspace loaded (no errors).
    pub ok: bool,
    pub summary: &'a Summary,
    /// Translation coverage per language (empty when loading failed).
    pub coverage: &'a [Coverage],
    pub diagnostics: &'a Diagnostics,
    pub sources: &'a Sources,
}

/// One article as `show` finds it, with what it prints beside it.
pub struct ShownArticle<'a> {
    pub article_ref: &'a ArticleRef,
    pub work: &'a Work,
    /// The version of the work the text is taken from.
    pub version: &'a Version,
    /// The expression in that version that holds the article.
    pub text: &'a ConsolidatedExpression,
    pub article: &'a Article,
    /// The provisions mapped to the article.
    pub mapped: Vec<MappedProvision<'a>>,
}

/// What a site build did (`site::build` returns it), for the summary line
/// and `--format json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BuildReport {
    pub out: PathBuf,
    /// `public` or `committee`.
    pub profile: &'static str,
    pub pages: usize,
    /// Pages rendered in this build; the others were unchanged and reused.
    pub rendered: usize,
    pub reused: usize,
    /// Laws whose pages an update in place kept as they were, without
    /// building them again (none in a full build).
    pub kept_works: usize,
    pub search_shards: usize,
    /// Search shards indexed in this build; the others were reused.
    pub search_indexed: usize,
    pub records: usize,
    pub files: usize,
    /// Seconds per step, in order.
    pub timings: Vec<(&'static str, f64)>,
}
