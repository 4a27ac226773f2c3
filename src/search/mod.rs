//! Search: a tantivy index of every article expression and standards
//! provision, with real Arabic and English analysis, queried by researchers
//! (`mizan search`) and by assessors looking for the articles that might
//! implement a provision (`mizan suggest`).
//!
//! - [`analysis`]: the analyser shared by documents and queries.
//! - [`schema`]: fields and the schema version.
//! - [`documents`]: what is indexed, built from the workspace.
//! - [`index`]: the on-disk index, its freshness and atomic refresh.
//! - [`query`]: the query language, filters and highlighted results.
//! - [`suggest`]: candidate articles for provisions, and their evaluation.
//!
//! The workspace model knows nothing of tantivy; this module reads the model
//! and never changes it.

pub mod analysis;
pub use crate::workspace::documents;
pub mod index;
pub mod query;
pub mod schema;
pub mod suggest;

pub use documents::Kind;
pub use index::{Freshness, IndexStore, RefreshReport, SearchError, SearchIndex, StaleReason};
pub use query::{Filters, Hit, SearchRequest, SearchResults, YearRange, search};
pub use suggest::{Evaluation, SuggestOptions, Suggestion, evaluate, suggest};
