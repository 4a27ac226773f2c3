//! Interchange: the corpus in formats other systems read.
//!
//! Legislation systems exchange statutes as Akoma Ntoso (OASIS LegalDocML),
//! and a corpus that outgrows one machine goes into a search cluster as
//! newline-delimited JSON. This stage turns the loaded model into those
//! formats; it never changes the model, and it writes atomically: a failed
//! export leaves whatever was at the output path before untouched.
//!
//! - [`akn`]: one Akoma Ntoso 3.0 `act` document per expression version.
//! - [`ndjson`]: one JSON document per article expression and provision,
//!   with the fields of the search index.

pub mod akn;
pub mod ndjson;
mod version;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::atomic::{OutputError, Staging};
use crate::diag::Diagnostics;

pub use crate::atomic::write_file;
pub use version::{
    AppliedAmendment, Change, ChangeKind, Selection, Skipped, Version, changes, versions,
};

/// Why an export could not be written.
#[derive(Debug)]
pub enum ExportError {
    /// A file-system operation failed.
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// The output folder exists, holds files, and is not a previous export:
    /// replacing it could destroy someone's work.
    NotAnExport { path: PathBuf },
    /// The output cannot be made or written (`path` is the part of `out`
    /// at fault): a file in the way, a read-only file system, no permission.
    Unwritable {
        out: PathBuf,
        path: PathBuf,
        source: io::Error,
    },
    /// `--work` names a work that is not in the corpus.
    UnknownWork(String),
    /// `--work` is not a valid work id.
    InvalidWork(String),
    /// The index named for bulk actions is not a valid index name.
    InvalidIndexName(String),
    /// Enacted amendments that do not apply, so no point-in-time version
    /// can be made (`mizan check` reports the same).
    Amendments(Diagnostics),
}

impl ExportError {
    pub(crate) fn io(path: impl Into<PathBuf>, action: &'static str, source: io::Error) -> Self {
        ExportError::Io {
            path: path.into(),
            action,
            source,
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Io {
                path,
                action,
                source,
            } => write!(f, "cannot {action} `{}`: {source}", path.display()),
            ExportError::NotAnExport { path } => write!(
                f,
                "refusing to replace `{}`: it holds files and is not a previous export \
                 (it has no `{MARKER}`); choose a new or empty folder",
                path.display()
            ),
            ExportError::Unwritable { out, path, source } => write!(
                f,
                "cannot write `{}`: `{}`: {}",
                out.display(),
                path.display(),
                OutputError::reason(source)
            ),
            ExportError::UnknownWork(id) => write!(f, "no work `{id}` in the corpus"),
            ExportError::InvalidWork(message) => f.write_str(message),
            ExportError::Amendments(d) => write!(
                f,
                "{} enacted amendment error(s) prevent point-in-time versions; run `mizan check`",
                d.errors()
            ),
            ExportError::InvalidIndexName(name) => write!(
                f,
                "`{name}` is not a valid index name: use lower case, no spaces and none of \\ / * ? \" < > | , # :"
            ),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Io { source, .. } | ExportError::Unwritable { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<OutputError> for ExportError {
    fn from(e: OutputError) -> Self {
        match e {
            OutputError::Io { path, error } => ExportError::io(path, "write", error),
            OutputError::NotOurs { path, .. } => ExportError::NotAnExport { path },
            OutputError::Unwritable { out, path, error } => ExportError::Unwritable {
                out,
                path,
                source: error,
            },
        }
    }
}

/// The manifest every exported folder holds. Its presence is what allows a
/// later export to replace the folder: a folder without it is someone
/// else's, and is never replaced.
pub const MARKER: &str = "mizan-export.json";

/// Writes a folder of files to `out` (each path relative to it,
/// `/`-separated), with `manifest` as its [`MARKER`], replacing a previous
/// export atomically ([`crate::atomic`]). An existing folder that is not
/// empty and holds no marker is refused.
pub fn write_folder(
    out: &Path,
    files: &[(String, Vec<u8>)],
    manifest: &[u8],
) -> Result<(), ExportError> {
    let staging = Staging::begin(out, MARKER)?;
    for (rel, bytes) in files {
        staging.write(rel, bytes)?;
    }
    Ok(staging.commit(manifest)?)
}
