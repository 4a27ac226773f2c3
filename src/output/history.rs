//! The assessment over time in text: the note that heads a report as the
//! law stood on a date (`gaps --at`), the scores at each date a change took
//! effect (`gaps --timeline`), and what changed since the last report
//! (`gaps --since`), as tables in one language and as CSV holding both.
//!
//! Every word the tables write themselves comes from the language's file
//! (`history.*`, `status.*`, `effect.*`, `amendkind.*`); numbers and dates
//! follow the language's numerals. The CSV follows the rules of the gap
//! report's CSV ([`super::csv`]): byte order mark, CRLF, guarded formulas.

use std::fmt::Write;

use crate::amend::Amendment;
use crate::corpus::Lang;
use crate::date::Date;
use crate::gaps::history::{Cause, Since, Timeline};
use crate::gaps::{Report, Score};
use crate::lang::{date as long_date, number, percent};
use crate::localized::Localized;
use crate::settings::Numerals;
use crate::standards::Status;
use crate::translations::Translations;

use super::csv::record;

/// How to write the tables: the language and its digits.
#[derive(Debug, Clone, Copy)]
pub struct HistoryOptions {
    pub lang: Lang,
    pub numerals: Numerals,
}

impl HistoryOptions {
    fn date(&self, d: Date) -> String {
        long_date(self.lang, self.numerals, d)
    }

    fn score(&self, s: &Score) -> String {
        s.value().map_or_else(
            || self.lang.t("history.no_score").to_owned(),
            |v| percent(self.numerals, v),
        )
    }

    fn status(&self, s: Status) -> &'static str {
        self.lang
            .text(&format!("status.{}", s.as_str()))
            .unwrap_or(s.as_str())
    }

    fn text<'t>(&self, t: &'t Localized) -> &'t str {
        t.pick(self.lang.code()).text
    }

    /// `Court ruling constitutional-court-appeal-7-2018, in force from 9
    /// April 2019: title`.
    fn amendment(&self, a: &Amendment) -> String {
        let when = a.in_force_from().map(|d| self.date(d)).unwrap_or_default();
        self.lang.fill(
            "history.cause.amendment",
            &[
                (
                    "kind",
                    self.lang.t(&format!("amendkind.{}", kind_code(a.kind))),
                ),
                ("id", &a.id),
                ("date", &when),
                ("title", self.text(&a.title)),
            ],
        )
    }
}

fn kind_code(kind: crate::amend::AmendmentKind) -> &'static str {
    use crate::amend::AmendmentKind as K;
    match kind {
        K::Bill => "bill",
        K::DecreeLaw => "decree-law",
        K::CourtRuling => "court-ruling",
        K::Ministerial => "ministerial",
    }
}

/// The lines that head a report as the law stood on `date`: the date and
/// what was in force by then (`in_force`, from
/// [`crate::gaps::history::in_force`]).
/// `late` names the works the assessment cites that were not yet in force
/// on `date`, with the date they came into force
/// ([`crate::gaps::history::not_yet_in_force`]).
pub fn render_at_note(
    date: Date,
    in_force: &[&Amendment],
    late: &[(&str, Date)],
    o: HistoryOptions,
) -> String {
    let mut out = o.lang.fill("history.at", &[("date", &o.date(date))]);
    out.push('\n');
    if in_force.is_empty() {
        let _ = writeln!(out, "{}", o.lang.t("history.at.none"));
    } else {
        let _ = writeln!(out, "{}", o.lang.t("history.at.in_force"));
        for a in in_force {
            let _ = writeln!(out, "  {}", o.amendment(a));
        }
    }
    if !late.is_empty() {
        let _ = writeln!(out, "{}", o.lang.t("history.at.not_yet"));
        for (name, from) in late {
            let _ = writeln!(
                out,
                "  {}",
                o.lang.fill(
                    "history.at.from",
                    &[("work", name), ("date", &o.date(*from))]
                )
            );
        }
    }
    out.push('\n');
    out
}

/// Pads `s` to `width` columns (by characters: the tables hold no wide
/// characters).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// The timeline as a table: one row per instrument and one per group
/// (binding, benchmark), one column per date; then what took effect on
/// each date.
pub fn render_timeline(t: &Timeline<'_>, o: HistoryOptions) -> String {
    let mut out = String::new();
    let Some(first) = t.points.first() else {
        return out;
    };
    let _ = writeln!(
        out,
        "{}\n",
        o.lang.fill(
            "history.timeline.title",
            &[("jurisdiction", first.report.jurisdiction)]
        )
    );
    let heads: Vec<String> = t
        .points
        .iter()
        .map(|p| match p.date {
            None => o.lang.t("history.as_held").to_owned(),
            Some(d) => o.date(d),
        })
        .collect();
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for (i, g) in first.report.instruments.iter().enumerate() {
        rows.push((
            g.instrument.id.clone(),
            t.points
                .iter()
                .map(|p| o.score(&p.report.instruments[i].score))
                .collect(),
        ));
    }
    for (key, pick) in [
        (
            "history.binding",
            (|r: &Report<'_>| r.binding.score) as fn(&Report<'_>) -> Score,
        ),
        ("history.benchmark", |r: &Report<'_>| r.benchmark.score),
    ] {
        rows.push((
            o.lang.t(key).to_owned(),
            t.points.iter().map(|p| o.score(&pick(&p.report))).collect(),
        ));
    }
    let first_col = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .chain([o.lang.t("history.instrument").chars().count()])
        .max()
        .unwrap_or(0)
        + 2;
    let widths: Vec<usize> = heads.iter().map(|h| h.chars().count().max(6) + 2).collect();
    let mut line = pad(o.lang.t("history.instrument"), first_col);
    for (h, w) in heads.iter().zip(&widths) {
        line.push_str(&pad(h, *w));
    }
    let _ = writeln!(out, "{}", line.trim_end());
    for (name, cells) in &rows {
        let mut line = pad(name, first_col);
        for (c, w) in cells.iter().zip(&widths) {
            line.push_str(&pad(c, *w));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let changes: Vec<_> = t.points.iter().filter(|p| p.date.is_some()).collect();
    if changes.is_empty() {
        let _ = writeln!(out, "\n{}", o.lang.t("history.timeline.none"));
    } else {
        let _ = writeln!(out, "\n{}", o.lang.t("history.took_effect"));
        for p in changes {
            for a in &p.amendments {
                let _ = writeln!(out, "  {}", o.amendment(a));
            }
        }
    }
    out
}

/// The timeline as CSV: one row per date and instrument, then per date and
/// group (`binding`, `benchmark` in the `instrument` column).
pub fn timeline_csv(t: &Timeline<'_>) -> String {
    let mut out = String::from("\u{FEFF}");
    record(
        &mut out,
        [
            "date",
            "instrument",
            "score",
            "earned",
            "possible",
            "full",
            "partial",
            "missing",
            "conflict",
            "not_applicable",
            "unassessed",
            "took_effect",
        ]
        .map(str::to_owned),
    );
    for p in &t.points {
        let date = p.date.map(|d| d.to_string()).unwrap_or_default();
        let took: Vec<&str> = p.amendments.iter().map(|a| a.id.as_str()).collect();
        let took = took.join(" ");
        let mut row = |name: &str, s: &Score| {
            let c = s.counts;
            record(
                &mut out,
                [
                    date.clone(),
                    name.to_owned(),
                    s.value().map(|v| format!("{v:.4}")).unwrap_or_default(),
                    format!("{:.4}", s.earned),
                    format!("{:.4}", s.possible),
                    c.full.to_string(),
                    c.partial.to_string(),
                    c.missing.to_string(),
                    c.conflict.to_string(),
                    c.not_applicable.to_string(),
                    c.unassessed.to_string(),
                    took.clone(),
                ],
            );
        };
        for g in &p.report.instruments {
            row(&g.instrument.id, &g.score);
        }
        row("binding", &p.report.binding.score);
        row("benchmark", &p.report.benchmark.score);
    }
    out
}

/// What changed since a date, as text: the amendments that took effect,
/// then each provision that moved with its cause.
pub fn render_since(s: &Since<'_>, last_report: bool, o: HistoryOptions) -> String {
    let mut out = String::new();
    let key = if last_report {
        "history.since.title_last"
    } else {
        "history.since.title"
    };
    let title = match s.date {
        Some(d) => o.lang.fill(key, &[("date", &o.date(d))]),
        None => o.lang.t("history.since.title_held").to_owned(),
    };
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "{}",
        o.lang.t(if s.published {
            "history.since.published"
        } else {
            "history.since.unpublished"
        })
    );
    if s.amendments.is_empty() {
        let _ = writeln!(out, "\n{}", o.lang.t("history.since.no_amendment"));
    } else {
        let _ = writeln!(out, "\n{}", o.lang.t("history.since.in_force"));
        for a in &s.amendments {
            let _ = writeln!(out, "  {}", o.amendment(a));
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        o.lang.fill(
            "history.since.moved",
            &[("count", &number(o.numerals, s.moved.len() as u64))]
        )
    );
    for m in &s.moved {
        let g = &s.after.instruments[m.instrument];
        let p = &g.provisions[m.provision];
        let citation = if o.lang.code() == "ar" {
            crate::standards::citation::arabic_citation(&p.provision.id, o.numerals)
        } else {
            None
        };
        let _ = writeln!(
            out,
            "\n{}/{}  {}  {}",
            g.instrument.id,
            p.provision.id,
            citation.as_deref().unwrap_or(&p.provision.citation),
            o.text(&p.provision.title)
        );
        let _ = writeln!(
            out,
            "  {} → {} ({})",
            o.status(m.before),
            o.status(m.after),
            o.lang.t(&format!("effect.{}", m.effect.as_str()))
        );
        for c in &m.causes {
            let _ = writeln!(out, "  {} {}", o.lang.t("history.cause"), cause_text(c, o));
            if let Cause::Amendment(a) = c
                && let Some(source) = &a.source
            {
                let _ = writeln!(out, "    {} {}", o.lang.t("history.source"), source.trim());
            }
        }
    }
    out
}

fn cause_text(c: &Cause<'_>, o: HistoryOptions) -> String {
    match c {
        Cause::Amendment(a) => o.amendment(a),
        Cause::Reassessment {
            report,
            status,
            mapping,
        } => {
            let (file, assessed) = mapping.map_or_else(Default::default, |m| {
                (m.path.display().to_string(), o.date(m.assessed))
            });
            o.lang.fill(
                "history.cause.reassessment",
                &[
                    ("report", &report.display().to_string()),
                    ("status", o.status(*status)),
                    ("mapping", &file),
                    ("assessed", &assessed),
                ],
            )
        }
    }
}

/// What changed since a date as CSV: one row per provision and cause.
pub fn since_csv(s: &Since<'_>) -> String {
    let mut out = String::from("\u{FEFF}");
    record(
        &mut out,
        [
            "since",
            "instrument",
            "provision",
            "citation",
            "title",
            "title_ar",
            "before",
            "after",
            "effect",
            "cause",
            "cause_kind",
            "cause_id",
            "cause_in_force",
            "cause_title",
            "cause_title_ar",
        ]
        .map(str::to_owned),
    );
    for m in &s.moved {
        let g = &s.after.instruments[m.instrument];
        let p = &g.provisions[m.provision];
        for c in &m.causes {
            let (cause, kind, id, date, title, title_ar) = match c {
                Cause::Amendment(a) => (
                    if a.kind == crate::amend::AmendmentKind::CourtRuling {
                        "ruling"
                    } else {
                        "amendment"
                    },
                    kind_code(a.kind).to_owned(),
                    a.id.clone(),
                    a.in_force_from().map(|d| d.to_string()).unwrap_or_default(),
                    a.title.pick("en").text.to_owned(),
                    a.title.text_in("ar").unwrap_or_default().to_owned(),
                ),
                Cause::Reassessment {
                    report, mapping, ..
                } => (
                    "reassessment",
                    String::new(),
                    mapping
                        .map(|m| m.path.display().to_string())
                        .unwrap_or_default(),
                    mapping.map(|m| m.assessed.to_string()).unwrap_or_default(),
                    report.display().to_string(),
                    String::new(),
                ),
            };
            record(
                &mut out,
                [
                    s.date.map(|d| d.to_string()).unwrap_or_default(),
                    g.instrument.id.clone(),
                    p.provision.id.clone(),
                    p.provision.citation.clone(),
                    p.provision.title.pick("en").text.to_owned(),
                    p.provision
                        .title
                        .text_in("ar")
                        .unwrap_or_default()
                        .to_owned(),
                    m.before.as_str().to_owned(),
                    m.after.as_str().to_owned(),
                    m.effect.as_str().to_owned(),
                    cause.to_owned(),
                    kind,
                    id,
                    date,
                    title,
                    title_ar,
                ],
            );
        }
    }
    out
}
