//! Akoma Ntoso 3.0 (OASIS LegalDocML) export: one `act` document per
//! version of each expression.
//!
//! Each document carries the FRBR identification with the ids mizan uses
//! everywhere (`/akn/kw/act/2013/91/eng@2013-03-17`), publication and
//! lifecycle where they are known, the amendments that made the version
//! (`passiveModifications`), notes that say plainly what kind of text it is,
//! and the hierarchy of containers, articles, paragraphs and points with the
//! eIds mizan computes. Attributes are written in a fixed order and nothing
//! depends on the clock, so the same corpus always gives the same bytes.
//! The output validates against the OASIS schema (tested with xmllint).

mod body;
mod meta;
mod words;
mod xml;

use std::io;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::Workspace;
use crate::corpus::Lang;
use crate::date::Date;
use crate::ids::UriFormat;

use super::{ExportError, Skipped, Version, versions, write_folder};

pub use xml::clean as clean_text;

/// The Akoma Ntoso 3.0 namespace.
pub const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The namespace of mizan's own metadata inside `proprietary`.
pub const MIZAN_NAMESPACE: &str = "urn:x-mizan:akn:1";

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only this work (a work id); every work when `None`.
    pub work: Option<String>,
    /// Only the version in force on this date; every version when `None`.
    pub at: Option<Date>,
}

/// One exported document, as listed in the export's manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub work: String,
    pub expression: String,
    pub lang: Lang,
    pub date: Option<Date>,
    /// The file, relative to the output folder, with `/` separators.
    pub path: String,
    pub articles: usize,
    /// Ids of the amendments applied to reach this version, in order. An
    /// amendment for the committee only is `undisclosed-N`, as in the
    /// document's own eIds: its id never reaches an export.
    pub amendments: Vec<String>,
}

/// The manifest of an export (`mizan-export.json`), also what
/// `mizan export akn --format json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    pub version: u32,
    pub format: &'static str,
    pub at: Option<Date>,
    pub documents: Vec<Entry>,
    /// Works with no version in force on `at`, and why.
    pub skipped: Vec<Skipped>,
}

/// The file a version is written to, relative to the output folder: its
/// manifestation id without the leading `/`
/// (`akn/kw/act/2013/91/eng@2013-03-17/main.xml`). Ids are checked by
/// their grammar, so this never leaves the folder.
pub fn file_path(version: &Version<'_>) -> String {
    let uri = version.uri().component("main").format(UriFormat::Xml);
    uri.manifestation_uri().trim_start_matches('/').to_owned()
}

/// What a document needs to know beyond its version.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The workspace's title (`mizan.toml`), naming its editors.
    pub workspace_title: &'a str,
    /// The settings, for the jurisdiction's name in each language.
    pub settings: &'a crate::settings::Settings,
}

impl<'a> Context<'a> {
    pub fn of(ws: &'a Workspace) -> Context<'a> {
        Context {
            workspace_title: &ws.settings.title,
            settings: &ws.settings,
        }
    }
}

/// The Akoma Ntoso document of one version.
pub fn render(version: &Version<'_>, ctx: &Context<'_>) -> io::Result<Vec<u8>> {
    let mut x = xml::Xml::new()?;
    x.open("akomaNtoso", &[("xmlns", Some(NAMESPACE))])?;
    let contains = if version.is_original() {
        "originalVersion"
    } else {
        "singleVersion"
    };
    x.open(
        "act",
        &[("name", Some("act")), ("contains", Some(contains))],
    )?;
    meta::write(&mut x, version, ctx)?;
    body::write(&mut x, version)?;
    x.close("act")?;
    x.close("akomaNtoso")?;
    Ok(x.finish())
}

/// The ids of the amendments applied to reach `version`, as the document
/// shows them (`undisclosed-1` for one marked `visibility: committee`).
fn applied_ids(version: &Version<'_>) -> Vec<String> {
    let shown = meta::shown(version);
    version
        .applied
        .iter()
        .filter_map(|a| {
            let s = shown.iter().find(|s| s.amendment.id == a.amendment.id)?;
            Some(match s.eid.strip_prefix("amendment-") {
                Some(id) => id.to_owned(),
                None => s.eid.clone(),
            })
        })
        .collect()
}

/// A document to write: its path under the output folder (`/`-separated)
/// and its bytes.
pub type RenderedFile = (String, Vec<u8>);

/// Renders every version `options` selects, with the manifest.
pub fn render_all(
    ws: &Workspace,
    options: &Options,
) -> Result<(Vec<RenderedFile>, Manifest), ExportError> {
    let selection = versions(ws, options.work.as_deref(), options.at)?;
    let ctx = Context::of(ws);
    let rendered: Vec<(Entry, Vec<u8>)> = selection
        .versions
        .par_iter()
        .map(|v| {
            let bytes = render(v, &ctx)?;
            let entry = Entry {
                work: v.work.id.to_string(),
                expression: v.id(),
                lang: v.expression.lang(),
                date: v.date,
                path: file_path(v),
                articles: v.expression.articles.len(),
                amendments: applied_ids(v),
            };
            Ok((entry, bytes))
        })
        .collect::<io::Result<_>>()
        .map_err(|e| ExportError::io("the Akoma Ntoso document", "write", e))?;
    let mut files = Vec::with_capacity(rendered.len());
    let mut documents = Vec::with_capacity(rendered.len());
    for (entry, bytes) in rendered {
        files.push((entry.path.clone(), bytes));
        documents.push(entry);
    }
    let manifest = Manifest {
        version: crate::output::json::VERSION,
        format: "akn",
        at: options.at,
        documents,
        skipped: selection.skipped,
    };
    Ok((files, manifest))
}

/// Exports to the folder `out`, replacing a previous export atomically.
pub fn export(ws: &Workspace, options: &Options, out: &Path) -> Result<Manifest, ExportError> {
    let (files, manifest) = render_all(ws, options)?;
    let mut json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| ExportError::io(out, "write the manifest of", io::Error::other(e)))?;
    json.push(b'\n');
    write_folder(out, &files, &json)?;
    Ok(manifest)
}
