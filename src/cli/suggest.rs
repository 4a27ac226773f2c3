//! `mizan suggest`: candidate articles for provisions and elements that are
//! unassessed or missing, for an assessor to review.

use std::io;
use std::path::Path;

use mizan::output::{json, text};
use mizan::search::{SuggestOptions, suggest};
use mizan::text::did_you_mean_nearest;

use super::search::open_index;
use super::{CliError, CliResult, Format, load};

pub fn run(root: &Path, standard: Option<String>, limit: usize, format: Format) -> CliResult {
    let ws = load(root)?;
    if let Some(s) = &standard
        && ws.instrument(s).is_none()
    {
        let ids = ws.instruments.iter().map(|i| i.id.as_str());
        return Err(
            CliError::new(format!("no instrument `{s}` in `standards/`"))
                .help(did_you_mean_nearest(s, ids)),
        );
    }
    let index = open_index(root, Some(&ws))?;
    let options = SuggestOptions {
        standard: standard.clone(),
        limit,
    };
    let suggestions = suggest(&ws, &index, &options).map_err(|e| CliError::new(e.to_string()))?;
    let mut out = io::stdout().lock();
    match format {
        Format::Json => {
            let doc =
                json::suggestions(ws.jurisdiction(), standard.as_deref(), limit, &suggestions);
            json::write(&mut out, &doc)?;
        }
        Format::Text => text::suggestions(&mut out, &suggestions)?,
    }
    Ok(())
}
