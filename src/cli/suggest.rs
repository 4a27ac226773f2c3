//! `mizan suggest`: candidate articles for provisions and elements that are
//! unassessed or missing, for an assessor to review.

use std::io::{self, Write};
use std::path::Path;

use serde_json::json;

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
            let value = json!({
                "version": 1,
                "jurisdiction": ws.jurisdiction(),
                "standard": standard,
                "limit": limit,
                "items": suggestions,
            });
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        }
        Format::Text => {
            if suggestions.is_empty() {
                writeln!(
                    out,
                    "every provision and element is assessed; nothing to suggest"
                )?;
            }
            for (i, s) in suggestions.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let element = s
                    .element
                    .as_ref()
                    .map(|e| format!(" (element `{e}`)"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{}  {}: {}{element}  [{}]",
                    s.reference, s.citation, s.title, s.status
                )?;
                if s.candidates.is_empty() {
                    writeln!(out, "   no candidate articles")?;
                }
                for (rank, c) in s.candidates.iter().enumerate() {
                    let heading = if c.heading.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", c.heading)
                    };
                    writeln!(
                        out,
                        "  {:>2}. {:.2}  {}  Art. {}{heading}",
                        rank + 1,
                        c.score,
                        c.id,
                        c.num
                    )?;
                    let mut reasons: Vec<String> = c.precedents.iter().take(3).cloned().collect();
                    if !c.instrument.is_empty() {
                        reasons.push(format!(
                            "{} other provision(s) of {}",
                            c.instrument.len(),
                            s.standard
                        ));
                    }
                    let because = if reasons.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", reasons.join("; "))
                    };
                    writeln!(
                        out,
                        "      text {:.2} + precedent {:.2}{because}",
                        c.text, c.precedent
                    )?;
                }
            }
        }
    }
    Ok(())
}
