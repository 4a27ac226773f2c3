//! Pictures of the assessment, drawn at build time as inline SVG: a
//! stacked status bar per row (instrument or theme), an instrument-by-theme
//! heatmap of scores, and a score timeline per instrument.
//!
//! No script and no external asset: each picture is markup in the page.
//! Each is readable without colour: every status has its own pattern as
//! well as its colour, and every number is written on the picture; the
//! pages put a table with the same figures beside each one. The Arabic
//! edition is mirrored (bars grow from the right, labels on the right,
//! time runs right to left) and writes its numbers in the page's digits.
//!
//! The functions take plain figures and the page's language, and return
//! the markup; the templates call them through `site::render`.

use std::fmt::Write;

use crate::corpus::Lang;
use crate::lang::{number, percent};
use crate::settings::Numerals;
use crate::standards::Status;

/// The statuses in the order bars stack them (met first), as in the count
/// columns of the tables.
pub const ORDER: [Status; 6] = [
    Status::Full,
    Status::Partial,
    Status::Missing,
    Status::Conflict,
    Status::NotApplicable,
    Status::Unassessed,
];

/// How a page writes: its language (words, direction) and digits.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    pub numerals: Numerals,
}

impl Style {
    fn rtl(&self) -> bool {
        self.lang.is_rtl()
    }

    /// `x` of a box `w` wide that starts `x` from the reading start.
    fn x(&self, width: f64, x: f64, w: f64) -> f64 {
        if self.rtl() { width - x - w } else { x }
    }

    /// `x` of a point `x` from the reading start.
    fn px(&self, width: f64, x: f64) -> f64 {
        if self.rtl() { width - x } else { x }
    }

    /// The anchor of text that ends (`end`) or starts at a point, in the
    /// reading direction.
    fn anchor(&self, end: bool) -> &'static str {
        match (end, self.rtl()) {
            (true, false) | (false, true) => "end",
            _ => "start",
        }
    }

    fn status(&self, s: Status) -> &'static str {
        self.lang
            .text(&format!("status.{}", s.as_str()))
            .unwrap_or(s.as_str())
    }

    fn num(&self, n: usize) -> String {
        number(self.numerals, n as u64)
    }

    fn pct(&self, v: f64) -> String {
        percent(self.numerals, v)
    }
}

/// Escapes text for SVG (XML) content and attributes: the same five
/// characters as HTML.
fn esc(s: &str) -> String {
    crate::output::document::html_escape(s)
}

/// Cuts a label to `max` characters, with `…`.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// The colours (ink, background) of a status, as the site's styles name
/// them.
fn colours(s: Status) -> (&'static str, &'static str) {
    match s {
        Status::Full => ("#1e6b34", "#e3f2e7"),
        Status::Partial => ("#7a5200", "#fdf1d6"),
        Status::Missing => ("#9b1c1c", "#fbe5e3"),
        Status::Conflict => ("#5b1a72", "#f1e4f6"),
        Status::NotApplicable => ("#4a5159", "#eceef0"),
        Status::Unassessed => ("#1f4e79", "#e4edf6"),
    }
}

/// The pattern that tells a status apart without colour: full is solid,
/// partial hatched one way, missing dotted, conflict cross-hatched,
/// not-applicable plain and pale, unassessed with horizontal lines.
fn pattern(id: &str, s: Status) -> String {
    let (ink, bg) = colours(s);
    let name = format!("{id}-{}", s.as_str());
    let marks = match s {
        Status::Full => format!(r#"<rect width="8" height="8" fill="{ink}"/>"#),
        Status::Partial => {
            format!(
                r#"<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="{ink}" stroke-width="1.6"/>"#
            )
        }
        Status::Missing => format!(r#"<circle cx="4" cy="4" r="1.4" fill="{ink}"/>"#),
        Status::Conflict => {
            format!(r#"<path d="M0,0 l8,8 M8,0 l-8,8" stroke="{ink}" stroke-width="1.4"/>"#)
        }
        Status::NotApplicable => String::new(),
        Status::Unassessed => {
            format!(r#"<path d="M0,4 h8" stroke="{ink}" stroke-width="1.2"/>"#)
        }
    };
    format!(
        r#"<pattern id="{name}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="{bg}"/>{marks}</pattern>"#
    )
}

/// Whether a count written on a segment of a status reads on it (the solid
/// pattern is dark).
fn light_text(s: Status) -> bool {
    s == Status::Full
}

/// A figure written on a pattern, centred on `x`: white on a dark fill;
/// on a light one, dark over a white halo (a white-stroked copy beneath),
/// so that the pattern's marks do not cross it.
fn on_pattern(out: &mut String, dark: bool, x: f64, y: f64, text: &str) {
    let text = esc(text);
    if dark {
        let _ = write!(
            out,
            r#"<text class="on-dark" x="{x:.1}" y="{y:.1}" text-anchor="middle">{text}</text>"#
        );
    } else {
        let _ = write!(
            out,
            r#"<text class="halo" x="{x:.1}" y="{y:.1}" text-anchor="middle" aria-hidden="true">{text}</text><text x="{x:.1}" y="{y:.1}" text-anchor="middle">{text}</text>"#
        );
    }
}

/// One bar: a label and its counts in [`ORDER`].
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub counts: [usize; 6],
}

const ROW: f64 = 30.0;
const BAR: f64 = 20.0;

/// Opens a picture: `<svg>` with its accessible name and the patterns of
/// every status.
fn open(out: &mut String, id: &str, title: &str, width: f64, height: f64, with_patterns: bool) {
    let _ = write!(
        out,
        r#"<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-t" viewBox="0 0 {width} {height}" width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet"><title id="{id}-t">{}</title>"#,
        esc(title)
    );
    if with_patterns {
        out.push_str("<defs>");
        for s in ORDER {
            out.push_str(&pattern(id, s));
        }
        out.push_str("</defs>");
    }
}

/// A legend row: a swatch and the word for each status.
fn legend(out: &mut String, id: &str, y: f64, width: f64, style: Style) {
    let mut x = 0.0;
    for s in ORDER {
        let word = style.status(s);
        let w = 22.0 + 7.5 * word.chars().count() as f64 + 14.0;
        let sx = style.x(width, x, 14.0);
        let _ = write!(
            out,
            r#"<rect x="{sx:.1}" y="{:.1}" width="14" height="14" fill="url(#{id}-{})" stroke="{}"/>"#,
            y,
            s.as_str(),
            colours(s).0
        );
        let tx = style.px(width, x + 20.0);
        let _ = write!(
            out,
            r#"<text x="{tx:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
            y + 11.5,
            style.anchor(false),
            esc(word)
        );
        x += w;
    }
}

/// A stacked status bar per row: each bar is the row's provisions, every
/// segment a status (patterned and coloured), its count written on it when
/// it fits and always in the total at the end.
pub fn status_bars(id: &str, title: &str, bars: &[Bar], style: Style) -> String {
    let width = 720.0;
    let label_w = 170.0;
    let total_w = 60.0;
    let bar_w = width - label_w - total_w;
    let height = ROW * bars.len() as f64 + 34.0;
    let mut out = String::new();
    open(&mut out, id, title, width, height, true);
    for (i, b) in bars.iter().enumerate() {
        let y = ROW * i as f64 + 4.0;
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
            style.px(width, label_w - 8.0),
            y + 15.0,
            style.anchor(true),
            esc(&cut(&b.label, 22))
        );
        let total: usize = b.counts.iter().sum();
        let mut x = label_w;
        for (s, &n) in ORDER.iter().zip(&b.counts) {
            if n == 0 || total == 0 {
                continue;
            }
            let w = bar_w * n as f64 / total as f64;
            let _ = write!(
                out,
                r#"<rect x="{:.1}" y="{y:.1}" width="{w:.1}" height="{BAR}" fill="url(#{id}-{})" stroke="{}" stroke-width="0.8"><title>{}: {}</title></rect>"#,
                style.x(width, x, w),
                s.as_str(),
                colours(*s).0,
                esc(style.status(*s)),
                style.num(n)
            );
            if w >= 18.0 {
                on_pattern(
                    &mut out,
                    light_text(*s),
                    style.px(width, x + w / 2.0),
                    y + 14.5,
                    &style.num(n),
                );
            }
            x += w;
        }
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
            style.px(width, label_w + bar_w + 6.0),
            y + 15.0,
            style.anchor(false),
            style.num(total)
        );
    }
    legend(&mut out, id, ROW * bars.len() as f64 + 12.0, width, style);
    out.push_str("</svg>");
    out
}

/// One row of the heatmap: a label and a score (0 to 1) per column, `None`
/// where nothing is scored.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    pub label: String,
    pub cells: Vec<Option<f64>>,
}

/// The shade of a score: five steps from pale (low) to dark (high).
fn shade(v: f64) -> (&'static str, bool) {
    match (v * 5.0).floor() as u8 {
        0 => ("#f6e8e6", false),
        1 => ("#e9d3c4", false),
        2 => ("#c9d9cf", false),
        3 => ("#6f9f83", true),
        _ => ("#1e6b34", true),
    }
}

/// An instrument-by-theme heatmap: each cell shaded by the score and the
/// score written in it; a cell with nothing scored is hatched and says so.
pub fn heatmap(
    id: &str,
    title: &str,
    columns: &[String],
    rows: &[HeatRow],
    style: Style,
) -> String {
    let label_w = 170.0;
    let cell_w = 108.0;
    let head = 40.0;
    let width = label_w + cell_w * columns.len() as f64;
    let height = head + ROW * rows.len() as f64 + 4.0;
    let mut out = String::new();
    open(&mut out, id, title, width, height, false);
    let _ = write!(
        out,
        r##"<defs><pattern id="{id}-none" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><path d="M0,6 l6,-6" stroke="#9aa1a8" stroke-width="1"/></pattern></defs>"##
    );
    for (j, c) in columns.iter().enumerate() {
        let x = label_w + cell_w * j as f64;
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            style.px(width, x + cell_w / 2.0),
            head - 12.0,
            esc(&cut(c, 16))
        );
    }
    let none = style.lang.t("chart.none");
    for (i, r) in rows.iter().enumerate() {
        let y = head + ROW * i as f64;
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
            style.px(width, label_w - 8.0),
            y + 19.0,
            style.anchor(true),
            esc(&cut(&r.label, 22))
        );
        for (j, v) in r.cells.iter().enumerate() {
            let x = style.x(width, label_w + cell_w * j as f64, cell_w - 2.0);
            let (fill, text, dark) = match v {
                Some(v) => {
                    let (f, dark) = shade(*v);
                    (f.to_owned(), style.pct(*v), dark)
                }
                None => (format!("url(#{id}-none)"), none.to_owned(), false),
            };
            let _ = write!(
                out,
                r##"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="#ffffff"/>"##,
                cell_w - 2.0,
                ROW - 2.0,
            );
            on_pattern(&mut out, dark, x + (cell_w - 2.0) / 2.0, y + 19.0, &text);
        }
    }
    out.push_str("</svg>");
    out
}

/// One instrument's scores at each point of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

/// A score timeline per instrument: one row each, a step line through the
/// points (in order of time, evenly spaced), each point's score written
/// beside it; the points' dates head the columns.
pub fn timeline(
    id: &str,
    title: &str,
    points: &[String],
    series: &[Series],
    style: Style,
) -> String {
    let label_w = 170.0;
    let col_w = 130.0;
    let head = 28.0;
    let row = 40.0;
    let width = label_w + col_w * points.len().max(1) as f64 + 20.0;
    let height = head + row * series.len() as f64 + 4.0;
    let mut out = String::new();
    open(&mut out, id, title, width, height, false);
    let cx = |j: usize| label_w + col_w * j as f64 + col_w / 2.0;
    for (j, p) in points.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            style.px(width, cx(j)),
            head - 10.0,
            esc(&cut(p, 18))
        );
    }
    for (i, s) in series.iter().enumerate() {
        let top = head + row * i as f64;
        let _ = write!(
            out,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#cfd4d8"/><text x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"##,
            style.px(width, label_w),
            top + row - 4.0,
            style.px(width, width - 10.0),
            top + row - 4.0,
            style.px(width, label_w - 8.0),
            top + 22.0,
            style.anchor(true),
            esc(&cut(&s.label, 22))
        );
        // y of a score: the row's band, 0 at the bottom.
        let y = |v: f64| top + row - 8.0 - (row - 16.0) * v.clamp(0.0, 1.0);
        let mut path = String::new();
        let mut last: Option<(f64, f64)> = None;
        for (j, v) in s.values.iter().enumerate() {
            let Some(v) = v else {
                last = None;
                continue;
            };
            let (x, yy) = (style.px(width, cx(j)), y(*v));
            match last {
                None => {
                    let _ = write!(path, "M{x:.1},{yy:.1}");
                }
                Some((_, ly)) => {
                    let _ = write!(path, " H{x:.1}");
                    if (ly - yy).abs() > f64::EPSILON {
                        let _ = write!(path, " V{yy:.1}");
                    }
                }
            }
            last = Some((x, yy));
        }
        if !path.is_empty() {
            let _ = write!(
                out,
                r##"<path d="{path}" fill="none" stroke="#0d4d57" stroke-width="2"/>"##
            );
        }
        for (j, v) in s.values.iter().enumerate() {
            let x = style.px(width, cx(j));
            match v {
                Some(v) => {
                    let _ = write!(
                        out,
                        r##"<circle cx="{x:.1}" cy="{:.1}" r="3.5" fill="#0d4d57"/><text x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"##,
                        y(*v),
                        style.px(width, cx(j) + 7.0),
                        y(*v) - 4.0,
                        style.anchor(false),
                        esc(&style.pct(*v))
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                        top + row - 10.0,
                        esc(style.lang.t("chart.none"))
                    );
                }
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Style {
        Style {
            lang: Lang::EN,
            numerals: Numerals::Western,
        }
    }

    fn ar() -> Style {
        Style {
            lang: Lang::AR,
            numerals: Numerals::ArabicIndic,
        }
    }

    fn bars() -> Vec<Bar> {
        vec![
            Bar {
                label: "tip".to_owned(),
                counts: [2, 3, 1, 0, 0, 0],
            },
            Bar {
                label: "c029 <x>".to_owned(),
                counts: [0, 4, 0, 0, 0, 0],
            },
        ]
    }

    #[test]
    fn bars_write_every_count_and_status_word() {
        let svg = status_bars("b", "Status by instrument", &bars(), en());
        insta::assert_snapshot!(svg.replace("><", ">\n<"));
        assert!(svg.contains("c029 &lt;x&gt;"), "labels are escaped");
        for word in ["Full", "Partial", "Missing", "Conflict"] {
            assert!(svg.contains(&format!(">{word}</text>")), "{word}");
        }
        // Each status has its own pattern: readable without colour.
        assert_eq!(svg.matches("<pattern ").count(), 6);
    }

    #[test]
    fn the_arabic_picture_is_mirrored_with_arabic_digits() {
        let svg = status_bars("b", "الحالة", &bars(), ar());
        insta::assert_snapshot!(svg.replace("><", ">\n<"));
        assert!(
            svg.contains(">٦</text>"),
            "the total in Arabic-Indic digits"
        );
        assert!(!svg.contains(">6</text>"));
        // The label sits at the right: its x is the mirror of the English.
        let en = status_bars("b", "t", &bars(), en());
        assert!(en.contains(r#"<text x="162.0" y="19.0" text-anchor="end">tip</text>"#));
        assert!(svg.contains(r#"<text x="558.0" y="19.0" text-anchor="start">tip</text>"#));
    }

    #[test]
    fn the_heatmap_writes_each_score_and_marks_empty_cells() {
        let rows = vec![HeatRow {
            label: "tip".to_owned(),
            cells: vec![Some(0.5), None],
        }];
        let cols = vec!["Definitions".to_owned(), "Prevention".to_owned()];
        let svg = heatmap("h", "Scores by theme", &cols, &rows, en());
        insta::assert_snapshot!(svg.replace("><", ">\n<"));
        assert!(svg.contains(">50%</text>"));
        assert!(svg.contains(">not scored</text>"));
        let svg = heatmap("h", "t", &cols, &rows, ar());
        assert!(svg.contains(">٥٠٪</text>"));
    }

    #[test]
    fn the_timeline_steps_through_its_points() {
        let s = vec![Series {
            label: "tip".to_owned(),
            values: vec![Some(0.25), Some(0.5)],
        }];
        let pts = vec!["As held".to_owned(), "9 April 2019".to_owned()];
        let svg = timeline("t", "Scores over time", &pts, &s, en());
        insta::assert_snapshot!(svg.replace("><", ">\n<"));
        assert!(svg.contains(">25%</text>") && svg.contains(">50%</text>"));
        assert!(svg.contains(" H") && svg.contains(" V"), "a step");
    }
}
