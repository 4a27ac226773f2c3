//! `mizan search`: query the corpus and the standards; also opens (and if
//! needed refreshes) the index for `mizan suggest`.

use std::io::{self, IsTerminal};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use mizan::Workspace;
use mizan::output::{json, text};
use mizan::search::index::Progress;
use mizan::search::{
    Filters, Freshness, IndexStore, SearchError, SearchIndex, SearchRequest, search,
};

use super::{CliError, CliResult, Format, loaded, stdout_color, warn};

/// What `mizan search` was asked.
pub struct SearchArgs {
    pub query: String,
    pub filters: Filters,
    pub year: Option<String>,
    pub limit: usize,
    pub format: Format,
}

/// Opens the workspace's index, refreshing it first if the files changed.
/// `ws` is the workspace if the caller has loaded it already. Returns
/// `None` (after printing why) when the workspace or the index fails.
pub fn open_index(root: &Path, ws: Option<&Workspace>) -> Result<SearchIndex, CliError> {
    let store = IndexStore::new(root);
    let stamps = match store.open().map_err(|e| CliError::new(e.to_string()))? {
        Freshness::Fresh(index) => return Ok(index),
        Freshness::Stale { stamps, .. } => stamps,
    };
    let bar = if io::stderr().is_terminal() {
        let bar = ProgressBar::new(0).with_message("indexing");
        if let Ok(style) = ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} files") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut progress = |p: Progress| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
    };
    let result = match ws {
        Some(ws) => store.refresh(ws, stamps, &mut progress),
        // Loaded and indexed one statute at a time: the whole workspace
        // is never held at once.
        None => match store.refresh_streamed(stamps, &mut progress) {
            Ok(Ok((index, report, streamed))) => {
                bar.finish_and_clear();
                // Its warnings, as a load prints them; not freed piece by
                // piece (see `super::load`).
                std::mem::forget(loaded(Ok(streamed.workspace))?);
                Ok((index, report))
            }
            Ok(Err(failure)) => {
                bar.finish_and_clear();
                return Err(loaded(Err(failure)).err().unwrap_or(CliError::Findings));
            }
            Err(e) => Err(e),
        },
    };
    bar.finish_and_clear();
    let (index, report) = result.map_err(|e| CliError::new(e.to_string()))?;
    if report.busy {
        warn("another mizan process is refreshing the index; searching the index as it was");
    }
    Ok(index)
}

pub fn run(root: &Path, mut args: SearchArgs) -> CliResult {
    if let Some(y) = &args.year {
        let years = y.parse().map_err(|e| CliError::new(format!("{e}")))?;
        args.filters.years = Some(years);
    }
    args.filters
        .validate()
        .map_err(|e| CliError::new(e.to_string()))?;
    let index = open_index(root, None)?;
    let request = SearchRequest {
        query: args.query.clone(),
        filters: args.filters.clone(),
        limit: args.limit,
    };
    let results = search(&index, &request).map_err(|e| match e {
        SearchError::Query { .. } | SearchError::Filter { .. } => CliError::new(e.to_string())
            .help("see `mizan search --help`, or the search chapter of the book".to_owned()),
        e => CliError::new(e.to_string()),
    })?;
    // One write for the whole answer (stdout is line-buffered).
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    match args.format {
        Format::Json => json::write(&mut out, &json::search(&args.query, &results))?,
        Format::Text => text::search(&mut out, &results, stdout_color())?,
    }
    io::Write::flush(&mut out)?;
    // The process ends here: leave the index (its mapped files, its
    // threads) and the results to the OS rather than freeing them piece by
    // piece, as `check` leaves the workspace.
    std::mem::forget(index);
    std::mem::forget(results);
    Ok(())
}
