//! mizan holds a country's statutes against the international standards it
//! has accepted: it reads statutes (Markdown) and instruments and mappings
//! (YAML) into one model, computes gaps, applies amendments, searches, and
//! publishes reports.
//!
//! # Pipeline and dependency rule
//!
//! load -> validate -> analyse -> output, one module per stage:
//!
//! - `corpus`: statutes (works, expressions, containers, articles).
//! - `standards`: instruments, provisions, mappings.
//! - `amend`: amendments.
//! - `search`: the search index, queries and suggestions.
//! - `import`: a law from a Word, text or HTML file into a statute file.
//! - `workspace`: loads a folder into one validated [`Workspace`].
//! - `gaps`: status, scores and scenarios per element, provision, theme
//!   and instrument.
//! - `proposal`: pending amendments gathered into a proposal (the amending
//!   law, the comparative table, the explanatory memorandum).
//! - `output`: every format a result is shown in (table, CSV, JSON,
//!   questionnaire, redline, text), one file per format.
//! - `site`: the static site (page model, templates, search index).
//! - `diag`: the one diagnostic type every reader returns.
//! - `atomic`: output written whole or not at all (the site, exports).
//! - `lang`: languages as data: each language's words, messages, digits and
//!   direction, from a file per language.
//! - `localized`: text in one or more languages, as the data files write it.
//! - `export`: Akoma Ntoso XML and NDJSON for other systems.
//! - `lsp`: the language server (`mizan lsp`): diagnostics, hover,
//!   navigation, completion and outlines for editors.
//!
//! Readers never print: they return data or [`diag::Diagnostics`]. The model
//! knows nothing of the command line, templates or the search engine; the
//! binary (`main.rs`) only parses arguments and maps results to exit codes.

// Diagnostics travel on the error path only, where their size costs nothing;
// boxing every one would only add noise.
#![allow(clippy::result_large_err)]

pub mod amend;
pub mod atomic;
pub mod corpus;
pub mod date;
pub mod diag;
pub mod export;
pub mod gaps;
pub mod hash;
pub mod ids;
pub mod import;
pub mod lang;
pub mod localized;
pub mod lsp;
pub mod output;
pub mod proposal;
pub mod search;
pub mod settings;
pub mod site;
pub mod source;
pub mod standards;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;
pub mod text;
pub mod translations;
pub mod workspace;
pub mod yaml;

pub use workspace::{LoadFailure, Workspace};
