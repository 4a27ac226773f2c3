//! `mizan search`: query the corpus and the standards; also opens (and if
//! needed refreshes) the index for `mizan suggest`.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anstyle::Style;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::search::query::Highlighted;
use mizan::search::{
    Filters, Freshness, Hit, IndexStore, Kind, SearchError, SearchIndex, SearchRequest, search,
};
use mizan::text::without_bidi_controls;

use super::{CliError, CliResult, Format, load, stdout_color, warn};

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
    let loaded;
    let ws = match ws {
        Some(ws) => ws,
        None => {
            loaded = load(root)?;
            &loaded
        }
    };
    let bar = if io::stderr().is_terminal() {
        let bar = ProgressBar::new(0).with_message("indexing");
        if let Ok(style) = ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} documents") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let result = store.refresh(ws, stamps, &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
    });
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
    let mut out = io::stdout().lock();
    match args.format {
        Format::Json => {
            let value = json!({
                "version": 1,
                "query": args.query,
                "total": results.total,
                "returned": results.hits.len(),
                "offsets": "chars",
                "results": results.hits.iter().enumerate().map(|(i, h)| hit_json(i + 1, h)).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        }
        Format::Text => {
            let color = stdout_color();
            let shown = results.hits.len();
            match (results.total, shown) {
                (0, _) => writeln!(out, "no results")?,
                (1, _) => writeln!(out, "1 result")?,
                (t, s) if s == t => writeln!(out, "{t} results")?,
                (t, s) => writeln!(out, "{t} results, showing the first {s} (use --limit)")?,
            }
            for (i, h) in results.hits.iter().enumerate() {
                writeln!(out)?;
                write_hit(&mut out, i + 1, h, color)?;
            }
        }
    }
    Ok(())
}

fn highlighted_json(h: &Highlighted) -> serde_json::Value {
    json!({ "text": h.text, "highlights": h.char_ranges() })
}

fn hit_json(rank: usize, h: &Hit) -> serde_json::Value {
    let mut v = serde_json::to_value(h).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("rank".into(), json!(rank));
        o.insert("heading".into(), highlighted_json(&h.heading));
        o.insert("snippet".into(), highlighted_json(&h.snippet));
    }
    v
}

/// Renders highlighted text: bold on a colour terminal, plain otherwise.
fn render(h: &Highlighted, color: bool) -> String {
    let text = h.text.replace('\n', " ");
    if !color || h.highlights.is_empty() {
        return text;
    }
    let bold = Style::new().bold();
    let mut out = String::with_capacity(text.len() + h.highlights.len() * 8);
    let mut at = 0;
    for r in &h.highlights {
        out.push_str(&text[at..r.start]);
        out.push_str(&format!("{bold}{}{bold:#}", &text[r.clone()]));
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

fn write_hit(out: &mut impl Write, rank: usize, h: &Hit, color: bool) -> io::Result<()> {
    let label = match (h.kind, Lang::from_code(&h.lang)) {
        (Kind::Provision, _) => h.num.clone(),
        (Kind::Article, Some(Lang::Ar)) => format!("المادة {}", h.num),
        (Kind::Article, _) => format!("Article {}", h.num),
    };
    // Bidi controls in the data are never shown (check warns about them).
    let heading = without_bidi_controls(&render(&h.heading, color)).into_owned();
    let tag = match h.kind {
        Kind::Article => h.lang.clone(),
        Kind::Provision => "provision".to_owned(),
    };
    if heading.is_empty() {
        writeln!(out, "{rank}. {label}  [{tag}]")?;
    } else {
        writeln!(out, "{rank}. {label}: {heading}  [{tag}]")?;
    }
    writeln!(out, "   {}", h.id)?;
    writeln!(
        out,
        "   {}",
        without_bidi_controls(h.title.lines().next().unwrap_or_default())
    )?;
    let snippet = without_bidi_controls(&render(&h.snippet, color)).into_owned();
    if !snippet.is_empty() {
        writeln!(out, "   {snippet}")?;
    }
    Ok(())
}
