//! The table form of a gap report, for a terminal: scores first, then each
//! instrument's provisions worst first. Lines fit the given width (100
//! columns by default); colour is optional and never carries meaning alone,
//! since every status is also written out.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::ids::ArticleRef;
use crate::standards::{GapBasis, PartyStatus, Source, Status};

use crate::gaps::scenario::{MissingArticle, deltas, status_code};
use crate::gaps::{
    Analysis, Basis, ElementGap, Filter, InstrumentGaps, ProvisionGap, Report, Scenario, Score,
    severity,
};

/// How to draw the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableOptions {
    /// ANSI colour for statuses (only on a terminal, never with `NO_COLOR`).
    pub color: bool,
    /// The widest a line may be.
    pub width: usize,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            color: false,
            width: 100,
        }
    }
}

/// Renders an analysis as text. With a scenario, shows what it changes and
/// the scores before and after; otherwise the scores and every listed
/// provision.
pub fn render_table(analysis: &Analysis<'_>, filter: &Filter, options: TableOptions) -> String {
    let mut out = String::new();
    let report = &analysis.report;
    let binding = report.binding.instruments;
    let benchmarks = report.benchmark.instruments;
    let _ = writeln!(
        out,
        "Gap analysis for {}: {} binding instrument{}, {} benchmark{}",
        report.jurisdiction,
        binding,
        plural(binding),
        benchmarks,
        plural(benchmarks)
    );
    let w = report.weights;
    let _ = writeln!(
        out,
        "{}",
        fit(
            "score = sum(weight x credit) / sum(weight); credit: full 1, partial 0.5, missing \
             and conflict 0",
            options.width
        )
    );
    let _ = writeln!(
        out,
        "{}",
        fit(
            &format!(
                "weights: mandatory {}, qualified {}, consider {}, endeavour {}, soft {}",
                w.mandatory, w.qualified, w.consider, w.endeavour, w.soft
            ),
            options.width
        )
    );
    let _ = writeln!(
        out,
        "{}",
        fit(
            "not-applicable and unassessed provisions are counted, never scored",
            options.width
        )
    );
    if let Some(scenario) = &analysis.scenario {
        render_scenario(&mut out, report, scenario, filter, options);
        return out;
    }
    for (group, is_binding) in [
        ("BINDING (party: ratified or acceded)", true),
        ("BENCHMARKS (not binding)", false),
    ] {
        out.push('\n');
        score_table(&mut out, report, group, is_binding, filter, options);
    }
    for binding in [true, false] {
        for g in report.instruments.iter().filter(|g| g.binding == binding) {
            out.push('\n');
            instrument_section(&mut out, report, g, filter, options);
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn percent(score: &Score) -> String {
    score
        .value()
        .map_or_else(|| "-".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

const COUNT_HEADERS: [(&str, Status); 6] = [
    ("full", Status::Full),
    ("partial", Status::Partial),
    ("missing", Status::Missing),
    ("conflict", Status::Conflict),
    ("n/a", Status::NotApplicable),
    ("unassessed", Status::Unassessed),
];

/// The width of the score and count columns after the label.
fn counts_width() -> usize {
    7 + COUNT_HEADERS
        .iter()
        .map(|(h, _)| h.len() + 1)
        .sum::<usize>()
}

fn score_row(out: &mut String, label: &str, label_width: usize, score: &Score) {
    let _ = write!(
        out,
        "{}{:>7}",
        pad(&fit(label, label_width), label_width),
        percent(score)
    );
    for (h, status) in COUNT_HEADERS {
        let _ = write!(
            out,
            " {:>width$}",
            score.counts.get(status),
            width = h.len()
        );
    }
    out.push('\n');
}

fn score_table(
    out: &mut String,
    report: &Report<'_>,
    heading: &str,
    binding: bool,
    filter: &Filter,
    options: TableOptions,
) {
    let label_width = options.width.saturating_sub(counts_width()).max(20);
    let _ = write!(
        out,
        "{}{:>7}",
        pad(&fit(heading, label_width), label_width),
        "score"
    );
    for (h, _) in COUNT_HEADERS {
        let _ = write!(out, " {h}");
    }
    out.push('\n');
    let totals = if binding {
        &report.binding
    } else {
        &report.benchmark
    };
    if totals.instruments == 0 {
        out.push_str("  none\n");
        return;
    }
    for g in report.instruments.iter().filter(|g| g.binding == binding) {
        let label = format!("  {}: {}", g.instrument.id, g.instrument.display_title());
        score_row(out, &label, label_width, &g.score);
    }
    let all = if binding {
        "  all binding"
    } else {
        "  all benchmarks"
    };
    score_row(out, all, label_width, &totals.score);
    for t in totals.themes.iter() {
        if filter.theme.is_none_or(|f| f == t.theme) {
            score_row(out, &format!("    {}", t.theme), label_width, &t.score);
        }
    }
}

fn party(report: &Report<'_>, g: &InstrumentGaps<'_>) -> String {
    let role = if g.binding { "binding" } else { "benchmark" };
    match g.instrument.parties.get(report.jurisdiction) {
        Some(p) => {
            let status = match p.status {
                PartyStatus::Ratified => "ratified",
                PartyStatus::Acceded => "acceded",
                PartyStatus::Signed => "signed",
                PartyStatus::NotParty => "not party",
            };
            match p.year {
                Some(y) => format!("{role}: {status} {y}"),
                None => format!("{role}: {status}"),
            }
        }
        None => format!("{role}: no party status recorded"),
    }
}

/// A short form of articles: `91/2013 art 1, 2; 16/1960 art 179`.
fn short_articles(articles: &[&ArticleRef]) -> String {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for a in articles {
        let work = format!("{}/{}", a.work.number(), a.work.year());
        let num = a.eid.strip_prefix("art_").unwrap_or(&a.eid);
        match groups.iter_mut().find(|(w, _)| *w == work) {
            Some((_, nums)) => nums.push(num),
            None => groups.push((work, vec![num])),
        }
    }
    if groups.is_empty() {
        return "-".to_owned();
    }
    groups
        .iter()
        .map(|(w, nums)| format!("{w} art {}", nums.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rationale shown in the table: the entry's, or a summary of the
/// elements.
fn short_rationale(p: &ProvisionGap<'_>) -> String {
    match p.basis {
        Basis::None => "no entry in the mapping".to_owned(),
        Basis::Provision(a) => a.entry.rationale.to_string(),
        Basis::Elements { .. } => {
            let mut parts = Vec::new();
            for status in [
                Status::Full,
                Status::Partial,
                Status::Missing,
                Status::Conflict,
                Status::NotApplicable,
            ] {
                let n = p.elements.iter().filter(|e| e.status == status).count();
                if n > 0 {
                    parts.push(format!("{n} {status}"));
                }
            }
            let unassessed: Vec<&str> = p
                .unassessed_elements()
                .map(|e| e.element.id.as_str())
                .collect();
            if !unassessed.is_empty() {
                parts.push(format!(
                    "{} unassessed ({})",
                    unassessed.len(),
                    unassessed.join(", ")
                ));
            }
            format!("by elements: {}", parts.join(", "))
        }
    }
}

/// The rationale with its basis in front (`[verified]`, `[corpus-only]`)
/// and the sources it cites after it.
fn with_evidence(rationale: String, basis: Option<GapBasis>, sources: &[&Source]) -> String {
    let mut out = match basis {
        Some(b) => format!("[{}] {rationale}", b.as_str()),
        None => rationale,
    };
    if !sources.is_empty() {
        let labels: Vec<String> = sources.iter().map(|s| s.label()).collect();
        out.push_str(&format!(" Sources: {}.", labels.join("; ")));
    }
    out
}

struct Row {
    status: Status,
    /// An element row, drawn indented under its provision.
    element: bool,
    provision: String,
    citation: String,
    obligation: String,
    articles: String,
    rationale: String,
}

fn instrument_section(
    out: &mut String,
    report: &Report<'_>,
    g: &InstrumentGaps<'_>,
    filter: &Filter,
    options: TableOptions,
) {
    let _ = writeln!(
        out,
        "{}",
        fit(
            &format!(
                "{}: {} ({}), score {}",
                g.instrument.id,
                g.instrument.display_title(),
                party(report, g),
                percent(&g.score)
            ),
            options.width
        )
    );
    let rows = provision_rows(g, filter);
    if rows.is_empty() {
        out.push_str("  no provision matches the filter\n");
        return;
    }
    write_rows(out, &rows, options);
}

/// The rows of the provisions the filter lists, worst first, each followed
/// by its elements.
fn provision_rows(g: &InstrumentGaps<'_>, filter: &Filter) -> Vec<Row> {
    let mut shown: Vec<(usize, &ProvisionGap<'_>)> = g
        .provisions
        .iter()
        .enumerate()
        .filter(|(_, p)| filter.shows(p))
        .collect();
    // Within a status, gaps verified in law before those only not found in
    // the corpus.
    shown.sort_by_key(|(i, p)| {
        (
            severity(p.status),
            GapBasis::rank(p.gap_basis()),
            p.provision.obligation,
            *i,
        )
    });
    let mut rows = Vec::new();
    for (_, p) in shown {
        rows.push(Row {
            status: p.status,
            element: false,
            provision: p.provision.id.clone(),
            citation: p.provision.citation.clone(),
            obligation: p.provision.obligation.to_string(),
            articles: short_articles(&p.articles()),
            rationale: with_evidence(short_rationale(p), p.gap_basis(), &p.sources()),
        });
        rows.extend(p.elements.iter().map(element_row));
    }
    rows
}

/// An element's row, drawn indented under its provision.
fn element_row(e: &ElementGap<'_>) -> Row {
    let articles: Vec<&ArticleRef> = e
        .assessed
        .map(|a| a.entry.articles.iter().collect())
        .unwrap_or_default();
    Row {
        status: e.status,
        element: true,
        provision: format!("  #{}", e.element.id),
        citation: String::new(),
        obligation: String::new(),
        articles: if e.assessed.is_some() {
            short_articles(&articles)
        } else {
            String::new()
        },
        rationale: e.assessed.map_or_else(
            || "no entry: not met until assessed".to_owned(),
            |a| {
                with_evidence(
                    a.entry.rationale.to_string(),
                    a.entry.basis,
                    &a.entry.sources.iter().collect::<Vec<_>>(),
                )
            },
        ),
    }
}

/// The rows under a header, in columns fitted to the width: the rationale
/// takes what the other columns leave.
fn write_rows(out: &mut String, rows: &[Row], options: TableOptions) {
    let header = Row {
        status: Status::Full,
        element: false,
        provision: "provision".into(),
        citation: "citation".into(),
        obligation: "obligation".into(),
        articles: "articles".into(),
        rationale: "rationale".into(),
    };
    let col = |f: &dyn Fn(&Row) -> &str, cap: usize| {
        rows.iter()
            .chain(std::iter::once(&header))
            .map(|r| f(r).width())
            .max()
            .unwrap_or(0)
            .min(cap)
    };
    let status_w = rows
        .iter()
        .map(|r| r.status.as_str().len() + if r.element { 2 } else { 0 })
        .max()
        .unwrap_or(0)
        .max("status".len());
    let mut provision_w = col(&|r| &r.provision, 22);
    let mut citation_w = col(&|r| &r.citation, 12);
    let obligation_w = col(&|r| &r.obligation, 10);
    let mut articles_w = col(&|r| &r.articles, 18);
    // The rationale keeps at least MIN_RATIONALE columns: narrower
    // articles, provision and citation columns make room, in that order.
    const MIN_RATIONALE: usize = 24;
    let fixed = |p: usize, c: usize, a: usize| status_w + p + c + obligation_w + a + 5 * 2;
    for (column, floor) in [(2usize, 10usize), (0, 14), (1, 9)] {
        let over = (fixed(provision_w, citation_w, articles_w) + MIN_RATIONALE)
            .saturating_sub(options.width);
        let w = match column {
            0 => &mut provision_w,
            1 => &mut citation_w,
            _ => &mut articles_w,
        };
        *w -= over.min(w.saturating_sub(floor));
    }
    let rationale_w = options
        .width
        .saturating_sub(fixed(provision_w, citation_w, articles_w))
        .max(8);
    let line = |out: &mut String, status: &str, colored: String, r: &Row| {
        let indent = if r.element { "  " } else { "" };
        let _ = writeln!(
            out,
            "{indent}{colored}{}  {}  {}  {}  {}  {}",
            " ".repeat(status_w - status.len() - indent.len()),
            pad(&fit(&r.provision, provision_w), provision_w),
            pad(&fit(&r.citation, citation_w), citation_w),
            pad(&fit(&r.obligation, obligation_w), obligation_w),
            pad(&fit(&r.articles, articles_w), articles_w),
            fit(&r.rationale, rationale_w)
        );
    };
    line(out, "status", "status".to_owned(), &header);
    for r in rows {
        let s = r.status.as_str();
        line(out, s, paint(r.status, s, options.color), r);
    }
}

fn render_scenario(
    out: &mut String,
    after: &Report<'_>,
    scenario: &Scenario<'_>,
    filter: &Filter,
    options: TableOptions,
) {
    scenario_header(out, scenario, options);
    scenario_changes(out, &scenario.before, after, filter, options);
    if let Some(missing) = scenario.text.as_ref() {
        scenario_missing_articles(out, missing, options);
    }
    scenario_scores(out, &scenario.before, after, filter, options);
}

/// How many amendments the scenario applies, which, and what was checked.
fn scenario_header(out: &mut String, scenario: &Scenario<'_>, options: TableOptions) {
    let amendments = &scenario.amendments;
    let text = scenario.text.as_ref();
    let _ = writeln!(
        out,
        "\nScenario: {} pending amendment{} applied ({})",
        amendments.len(),
        plural(amendments.len()),
        if text.is_some() {
            "text and mapping changes"
        } else {
            "mapping changes; the text was not checked"
        }
    );
    for a in amendments {
        let status = status_code(a.status);
        let label = if a.illustrative {
            ", illustrative draft"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}",
            fit(
                &format!("  {} ({status}{label}): {}", a.id, a.title),
                options.width
            )
        );
    }
}

/// The provisions whose status the amendments change, with why.
fn scenario_changes(
    out: &mut String,
    before: &Report<'_>,
    after: &Report<'_>,
    filter: &Filter,
    options: TableOptions,
) {
    let all = deltas(before, after);
    let shown: Vec<_> = all
        .iter()
        .filter(|d| filter.shows(&after.instruments[d.instrument].provisions[d.provision]))
        .collect();
    let _ = writeln!(out, "\nProvisions changed: {}", shown.len());
    if shown.is_empty() {
        out.push_str("  none: the amendments change no provision listed\n");
    } else {
        let refs: Vec<String> = shown
            .iter()
            .map(|d| {
                let g = &after.instruments[d.instrument];
                format!(
                    "{}/{}",
                    g.instrument.id, g.provisions[d.provision].provision.id
                )
            })
            .collect();
        let ref_w = refs
            .iter()
            .map(|r| r.width())
            .max()
            .unwrap_or(0)
            .clamp(9, 28);
        let citations: Vec<&str> = shown
            .iter()
            .map(|d| {
                after.instruments[d.instrument].provisions[d.provision]
                    .provision
                    .citation
                    .as_str()
            })
            .collect();
        let cit_w = citations
            .iter()
            .map(|c| c.width())
            .max()
            .unwrap_or(0)
            .clamp(8, 12);
        let status_w = shown
            .iter()
            .flat_map(|d| [d.before.as_str().len(), d.after.as_str().len()])
            .max()
            .unwrap_or(0)
            .max(6);
        let _ = writeln!(
            out,
            "  {}  {}  {}      {}  effect",
            pad("provision", ref_w),
            pad("citation", cit_w),
            pad("before", status_w),
            pad("after", status_w),
        );
        for ((d, r), citation) in shown.iter().zip(&refs).zip(&citations) {
            let p = &after.instruments[d.instrument].provisions[d.provision];
            let (before_s, after_s) = (d.before.as_str(), d.after.as_str());
            let _ = writeln!(
                out,
                "  {}  {}  {}{}  ->  {}{}  {}",
                pad(&fit(r, ref_w), ref_w),
                pad(&fit(citation, cit_w), cit_w),
                paint(d.before, before_s, options.color),
                " ".repeat(status_w - before_s.len()),
                paint(d.after, after_s, options.color),
                " ".repeat(status_w - after_s.len()),
                d.effect.as_str(),
            );
            let rationale = p
                .entry()
                .map_or_else(|| short_rationale(p), |e| e.rationale.to_string());
            let _ = writeln!(
                out,
                "{}",
                fit(
                    &format!("      by {}: {rationale}", d.changed_by.join(", ")),
                    options.width
                )
            );
        }
    }
}

/// Mapping entries that rely on articles the amended text no longer has.
fn scenario_missing_articles(
    out: &mut String,
    missing: &[MissingArticle<'_>],
    options: TableOptions,
) {
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "\nEntries relying on articles the amended text no longer has: {}",
            missing.len()
        );
        for m in missing {
            let target = match m.element {
                Some(e) => format!("{}/{}#{e}", m.instrument, m.provision.id),
                None => format!("{}/{}", m.instrument, m.provision.id),
            };
            let source = m
                .amendment
                .map_or_else(|| "mapping entry".to_owned(), |a| format!("change by {a}"));
            let _ = writeln!(
                out,
                "{}",
                fit(
                    &format!("  {target} relies on {} ({source})", m.article),
                    options.width
                )
            );
        }
    }
}

/// Scores before and after, per instrument, in total and per theme.
fn scenario_scores(
    out: &mut String,
    before: &Report<'_>,
    after: &Report<'_>,
    filter: &Filter,
    options: TableOptions,
) {
    let label_width = options.width.saturating_sub(7 * 3 + 3).clamp(20, 60);
    let _ = writeln!(
        out,
        "\n{}{:>7} {:>7} {:>7}",
        pad("Scores", label_width),
        "before",
        "after",
        "change"
    );
    let row = |out: &mut String, label: &str, b: &Score, a: &Score| {
        let change = match (a.value(), b.value()) {
            (Some(x), Some(y)) => format!("{:+.1}", (x - y) * 100.0),
            _ => "-".to_owned(),
        };
        let _ = writeln!(
            out,
            "{}{:>7} {:>7} {:>7}",
            pad(&fit(label, label_width), label_width),
            percent(b),
            percent(a),
            change
        );
    };
    for (binding, all, totals_a, totals_b) in [
        (true, "  all binding", &after.binding, &before.binding),
        (
            false,
            "  all benchmarks",
            &after.benchmark,
            &before.benchmark,
        ),
    ] {
        for (ga, gb) in after.instruments.iter().zip(&before.instruments) {
            if ga.binding == binding {
                let label = format!("  {}: {}", ga.instrument.id, ga.instrument.display_title());
                row(out, &label, &gb.score, &ga.score);
            }
        }
        if totals_a.instruments == 0 {
            continue;
        }
        row(out, all, &totals_b.score, &totals_a.score);
        for t in totals_a.themes.iter() {
            if filter.theme.is_none_or(|f| f == t.theme) {
                let b = totals_b.themes.get(t.theme).copied().unwrap_or_default();
                row(out, &format!("    {}", t.theme), &b, &t.score);
            }
        }
    }
}

/// The status word, coloured when asked (the word is always there).
fn paint(status: Status, text: &str, color: bool) -> String {
    if !color {
        return text.to_owned();
    }
    let style = match status {
        Status::Conflict => AnsiColor::Red.on_default().bold(),
        Status::Missing => AnsiColor::Red.on_default(),
        Status::Partial => AnsiColor::Yellow.on_default(),
        Status::Full => AnsiColor::Green.on_default(),
        Status::Unassessed => AnsiColor::Magenta.on_default(),
        Status::NotApplicable => Style::new().dimmed(),
    };
    format!("{style}{text}{style:#}")
}

/// Pads with spaces to `width` columns.
fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        s.to_owned()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

/// The text on one line, cut to `width` columns with an ellipsis.
fn fit(s: &str, width: usize) -> String {
    let indent = s.len() - s.trim_start_matches(' ').len();
    let one_line = format!("{}{}", &s[..indent], crate::text::collapse_whitespace(s));
    if one_line.width() <= width {
        return one_line;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in one_line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaps::analyse;
    use crate::gaps::tests::{book_example, inputs};

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a  b\n c", 10), "a b c");
        assert_eq!(fit("abcdefghij", 5), "abcd…");
        // Arabic letters are one column, harakat none.
        let ar = "يُعاقَب على الاتجار";
        assert!(fit(ar, 8).width() <= 8);
    }

    #[test]
    fn the_table_colours_statuses_only_when_asked_and_always_writes_them() {
        let (instruments, mappings) = book_example();
        let filter = Filter::default();
        let analysis = analyse(&inputs(&instruments, &mappings), &filter, Vec::new());
        let plain = render_table(&analysis, &filter, TableOptions::default());
        assert!(!plain.contains('\x1b'));
        let colored = render_table(
            &analysis,
            &filter,
            TableOptions {
                color: true,
                ..TableOptions::default()
            },
        );
        assert!(colored.contains("\x1b[31mmissing\x1b[0m"), "{colored}");
        assert!(colored.contains("\x1b[33mpartial\x1b[0m"));
        // Without the escapes, the coloured table is the plain one.
        let mut stripped = String::new();
        let mut in_escape = false;
        for c in colored.chars() {
            match c {
                '\x1b' => in_escape = true,
                'm' if in_escape => in_escape = false,
                _ if in_escape => {}
                c => stripped.push(c),
            }
        }
        assert_eq!(stripped, plain);
    }
}
