//! `mizan resolve URI`: what an Akoma Ntoso URI names (work, language,
//! version, component, portion, format) and where it lives in the
//! workspace. `show` reads its URI the same way.

use std::io;
use std::path::Path;
use std::sync::Arc;

use mizan::diag::{Diagnostics, Sources};
use mizan::ids::FrbrUri;
use mizan::output::{json, text};
use mizan::workspace::resolve::ResolveError;

use super::{CliError, CliResult, Format, load};

pub fn run(workspace: &Path, uri: &str, format: Format) -> CliResult {
    let parsed = parse_uri(uri)?;
    let ws = load(workspace)?;
    let resolved = ws.resolve(&parsed).map_err(not_found)?;
    let mut out = io::stdout().lock();
    match format {
        Format::Json => json::write(&mut out, &json::resolved(&resolved))?,
        Format::Text => text::resolved(&mut out, &resolved)?,
    }
    Ok(())
}

/// Reads a URI given on the command line. A malformed one is a diagnostic
/// (M0701) whose snippet is the URI itself, pointing at the wrong segment.
pub fn parse_uri(uri: &str) -> Result<FrbrUri, CliError> {
    FrbrUri::parse(uri).map_err(|e| {
        let path: Arc<Path> = Arc::from(Path::new("URI"));
        let mut sources = Sources::default();
        sources.add(Arc::clone(&path), Arc::from(uri));
        let mut d = Diagnostics::new();
        d.push(e.diagnostic(&path, 0));
        CliError::new(format!("`{uri}` is not an Akoma Ntoso URI")).diagnostics(d, &sources)
    })
}

/// A URI that parses but names nothing in the workspace.
pub fn not_found(e: ResolveError) -> CliError {
    CliError::new(e.message).help(e.help)
}
