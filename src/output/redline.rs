//! The redline of a [`WorkDiff`] (`mizan diff`): an inline redline, a
//! side-by-side comparative print, or a unified diff (the JSON form is
//! [`super::json::diff`]). Rendering reads the diff and returns text; it
//! never changes the model.
//!
//! The inline and side-by-side forms always carry the markers `[-deleted-]`
//! and `{+inserted+}`, so they survive printing, copying and `NO_COLOR`;
//! colour (red deletions, green insertions) is added on top when asked.

use anstyle::{AnsiColor, Style};
use similar::TextDiff;
use unicode_width::UnicodeWidthStr;

use crate::corpus::Lang;

use crate::amend::diff::{
    ArticleDiff, ArticleSide, ArticleStatus, DiffSegment as Segment,
    DiffSegmentKind as SegmentKind, ExpressionDiff, WorkDiff,
};

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// Colour with ANSI escapes (a terminal, `NO_COLOR` unset).
    pub color: bool,
    /// The width of the terminal, for the side-by-side form.
    pub width: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 100,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ink {
    Plain,
    Delete,
    Insert,
    Heading,
    Note,
}

fn style(ink: Ink) -> Style {
    match ink {
        Ink::Plain => Style::new(),
        Ink::Delete => Style::new().fg_color(Some(AnsiColor::Red.into())),
        Ink::Insert => Style::new().fg_color(Some(AnsiColor::Green.into())),
        Ink::Heading => Style::new().bold(),
        Ink::Note => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
    }
}

fn paint(text: &str, ink: Ink, color: bool) -> String {
    if !color || ink == Ink::Plain || text.is_empty() {
        return text.to_owned();
    }
    let s = style(ink);
    format!("{}{text}{}", s.render(), s.render_reset())
}

fn marked(text: &str, kind: SegmentKind) -> String {
    match kind {
        SegmentKind::Equal => text.to_owned(),
        SegmentKind::Delete => format!("[-{text}-]"),
        SegmentKind::Insert => format!("{{+{text}+}}"),
    }
}

fn ink(kind: SegmentKind) -> Ink {
    match kind {
        SegmentKind::Equal => Ink::Plain,
        SegmentKind::Delete => Ink::Delete,
        SegmentKind::Insert => Ink::Insert,
    }
}

/// Segments rendered with markers (each line of a change marked on its
/// own, so no marker spans a line break) and optional colour.
fn redline_text(segments: &[Segment], color: bool) -> String {
    let mut out = String::new();
    for s in segments {
        let mut first = true;
        for line in s.text.split('\n') {
            if !first {
                out.push('\n');
            }
            first = false;
            if line.is_empty() {
                continue;
            }
            out.push_str(&paint(&marked(line, s.kind), ink(s.kind), color));
        }
    }
    out
}

fn article_word(lang: Lang) -> &'static str {
    lang.t("common.article")
}

fn status_word(status: ArticleStatus, lang: Lang) -> &'static str {
    lang.t(match status {
        ArticleStatus::Added => "redline.added",
        ArticleStatus::Repealed => "redline.repealed",
        ArticleStatus::Renumbered => "redline.renumbered",
        ArticleStatus::Modified => "redline.modified",
        ArticleStatus::Unchanged => "redline.unchanged",
    })
}

fn repealed_word(lang: Lang) -> &'static str {
    lang.t("redline.repealed_mark")
}

/// `Article 13: [-Limits-]{+Bounds+} on leniency`, or `Article 5 → Article 6`.
fn article_heading(a: &ArticleDiff, lang: Lang, color: bool) -> String {
    let word = article_word(lang);
    let num = match (&a.old, &a.new) {
        (Some(o), Some(n)) if o.num != n.num => format!(
            "{word} {} → {word} {}",
            paint(&marked(&o.num, SegmentKind::Delete), Ink::Delete, color),
            paint(&marked(&n.num, SegmentKind::Insert), Ink::Insert, color)
        ),
        (_, Some(n)) | (Some(n), None) => format!("{word} {}", n.num),
        (None, None) => word.to_owned(),
    };
    if a.heading.is_empty() {
        num
    } else {
        format!("{num}: {}", redline_text(&a.heading, color))
    }
}

fn stale_lines(e: &ExpressionDiff, color: bool) -> Vec<String> {
    e.stale
        .iter()
        .map(|s| {
            let lang = Lang::EN.name_of(s.written_in);
            let this = Lang::EN.name_of(e.lang);
            paint(
                &format!(
                    "note: `{}` {} in {lang} only; the {this} text does not show this change",
                    s.amendment, s.change
                ),
                Ink::Note,
                color,
            )
        })
        .collect()
}

/// `== en: /akn/kw/act/2013/91/eng@2013-03-17 -> as it would read`.
fn section(d: &WorkDiff, e: &ExpressionDiff, color: bool) -> String {
    let to = if d.to.date.is_some() {
        e.to.clone()
    } else {
        "as it would read".to_owned()
    };
    let mut out = paint(
        &format!("== {}: {} -> {to}", e.lang.code(), e.from),
        Ink::Heading,
        color,
    );
    out.push('\n');
    let c = e.counts;
    out.push_str(&format!(
        "{} added, {} repealed, {} renumbered, {} modified, {} unchanged\n",
        c.added, c.repealed, c.renumbered, c.modified, c.unchanged
    ));
    for line in stale_lines(e, color) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn header(d: &WorkDiff, color: bool) -> String {
    let mut out = String::new();
    out.push_str(&paint(&d.title, Ink::Heading, color));
    out.push('\n');
    if let Some(a) = &d.amendment {
        let status = serde_json::to_value(a.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let kind = serde_json::to_value(a.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.push_str(&format!("{}: {} ({kind}, {status})\n", a.id, a.title));
    }
    out.push_str(&format!("from: {}\n", d.from.label));
    out.push_str(&format!("to:   {}\n", d.to.label));
    out
}

/// The inline redline: the changed articles, whole, with markers.
pub fn inline(d: &WorkDiff, o: &RenderOptions) -> String {
    let mut out = header(d, o.color);
    for e in &d.expressions {
        out.push('\n');
        out.push_str(&section(d, e, o.color));
        for a in e.articles.iter().filter(|a| a.is_change()) {
            out.push('\n');
            out.push_str(&paint(
                &article_heading(a, e.lang, o.color),
                Ink::Heading,
                o.color,
            ));
            out.push_str(&format!("  [{}]\n", status_word(a.status, e.lang)));
            let text = redline_text(&a.segments, o.color);
            if !text.is_empty() {
                out.push_str(&text);
                out.push('\n');
            }
            if a.new.as_ref().is_some_and(|n| n.repealed) {
                out.push_str(repealed_word(e.lang));
                out.push('\n');
            }
        }
    }
    out
}

/// A piece of a cell: text of one kind (markers included) or a line break.
#[derive(Debug, Clone)]
enum Piece {
    Text(String, Ink),
    Break,
}

/// The left (old) and right (new) cells of an article, cut into rows at
/// the line breaks the two sides share, so that paragraphs stay side by side.
fn rows(segments: &[Segment]) -> Vec<(Vec<Piece>, Vec<Piece>)> {
    let mut rows = Vec::new();
    let mut left: Vec<Piece> = Vec::new();
    let mut right: Vec<Piece> = Vec::new();
    let push = |cell: &mut Vec<Piece>, text: &str, kind: SegmentKind| {
        let mut first = true;
        for line in text.split('\n') {
            if !first {
                cell.push(Piece::Break);
            }
            first = false;
            if !line.is_empty() {
                cell.push(Piece::Text(marked(line, kind), ink(kind)));
            }
        }
    };
    for s in segments {
        match s.kind {
            SegmentKind::Equal => {
                let mut parts = s.text.split('\n').peekable();
                while let Some(part) = parts.next() {
                    if !part.is_empty() {
                        left.push(Piece::Text(part.to_owned(), Ink::Plain));
                        right.push(Piece::Text(part.to_owned(), Ink::Plain));
                    }
                    if parts.peek().is_some() {
                        rows.push((std::mem::take(&mut left), std::mem::take(&mut right)));
                    }
                }
            }
            SegmentKind::Delete => push(&mut left, &s.text, s.kind),
            SegmentKind::Insert => push(&mut right, &s.text, s.kind),
        }
    }
    if !left.is_empty() || !right.is_empty() {
        rows.push((left, right));
    }
    rows
}

/// Wraps a cell to `width` columns: lines of (text, ink) runs.
fn wrap(cell: &[Piece], width: usize) -> Vec<Vec<(String, Ink)>> {
    let width = width.max(8);
    let mut lines: Vec<Vec<(String, Ink)>> = vec![Vec::new()];
    let mut used = 0;
    for piece in cell {
        let (text, ink) = match piece {
            Piece::Break => {
                lines.push(Vec::new());
                used = 0;
                continue;
            }
            Piece::Text(t, i) => (t, *i),
        };
        // Words and the spaces after them.
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let word_end = rest.find(' ').map_or(rest.len(), |i| i + 1);
            let word = &rest[..word_end];
            rest = &rest[word_end..];
            let mut w = word.width();
            let trimmed = word.trim_end().width();
            if used > 0 && used + trimmed > width {
                lines.push(Vec::new());
                used = 0;
            }
            let mut word = word.to_owned();
            // A word longer than a line is cut.
            while used + word.trim_end().width() > width {
                let mut cut = String::new();
                let mut cw = 0;
                for c in word.chars() {
                    let c_w = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
                    if used + cw + c_w > width {
                        break;
                    }
                    cut.push(c);
                    cw += c_w;
                }
                if cut.is_empty() {
                    break;
                }
                word = word[cut.len()..].to_owned();
                if let Some(line) = lines.last_mut() {
                    line.push((cut, ink));
                }
                lines.push(Vec::new());
                used = 0;
                w = word.width();
            }
            if let Some(line) = lines.last_mut() {
                line.push((word, ink));
            }
            used += w;
        }
    }
    // Spaces at the end of a line are not part of what it shows.
    for line in &mut lines {
        while let Some((text, _)) = line.last_mut() {
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
            if text.is_empty() {
                line.pop();
            } else {
                break;
            }
        }
    }
    lines
}

fn render_line(runs: &[(String, Ink)], width: usize, color: bool, rtl: bool) -> String {
    let mut text = String::new();
    let mut used = 0;
    for (t, ink) in runs {
        used += t.width();
        text.push_str(&paint(t, *ink, color));
    }
    let pad = " ".repeat(width.saturating_sub(used));
    if rtl && used > 0 {
        // First-strong isolate: the cell reads right to left inside, but
        // the columns keep their order on terminals that apply bidi.
        format!("\u{2068}{text}\u{2069}{pad}")
    } else {
        format!("{text}{pad}")
    }
}

/// The side-by-side comparative print (current | proposed) of the changed
/// articles, fitting `o.width` columns.
pub fn side_by_side(d: &WorkDiff, o: &RenderOptions) -> String {
    let mut out = header(d, o.color);
    let column = (o.width.saturating_sub(3) / 2).max(20);
    let rule = "-".repeat(column * 2 + 3);
    for e in &d.expressions {
        let rtl = e.lang.is_rtl();
        // A left-to-right mark keeps the columns in order on a bidi terminal.
        let lead = if rtl { "\u{200E}" } else { "" };
        out.push('\n');
        out.push_str(&section(d, e, o.color));
        let (current, proposed) = (e.lang.t("redline.current"), e.lang.t("redline.proposed"));
        out.push_str(&format!(
            "\n{lead}{} | {}\n{rule}\n",
            render_line(&[(current.to_owned(), Ink::Heading)], column, o.color, rtl),
            render_line(&[(proposed.to_owned(), Ink::Heading)], column, o.color, rtl).trim_end()
        ));
        for a in e.articles.iter().filter(|a| a.is_change()) {
            let title = |s: &Option<ArticleSide>| -> Vec<Piece> {
                s.as_ref()
                    .map(|s| {
                        let mut t = format!("{} {}", article_word(e.lang), s.num);
                        if let Some(h) = &s.heading {
                            t.push_str(": ");
                            t.push_str(h);
                        }
                        vec![Piece::Text(t, Ink::Heading)]
                    })
                    .unwrap_or_default()
            };
            let mut all_rows = vec![(title(&a.old), title(&a.new))];
            all_rows.extend(rows(&a.segments));
            if a.new.as_ref().is_some_and(|n| n.repealed) {
                all_rows.push((
                    Vec::new(),
                    vec![Piece::Text(repealed_word(e.lang).to_owned(), Ink::Delete)],
                ));
            }
            for (left, right) in all_rows {
                let l = wrap(&left, column);
                let r = wrap(&right, column);
                for k in 0..l.len().max(r.len()) {
                    let empty = Vec::new();
                    let lr = l.get(k).unwrap_or(&empty);
                    let rr = r.get(k).unwrap_or(&empty);
                    let line = format!(
                        "{lead}{} | {}",
                        render_line(lr, column, o.color, rtl),
                        render_line(rr, column, o.color, rtl)
                    );
                    out.push_str(line.trim_end());
                    out.push('\n');
                }
            }
            out.push_str(&format!("[{}]\n{rule}\n", status_word(a.status, e.lang)));
        }
    }
    out
}

/// The text of one side of an expression diff, one paragraph a line: the
/// document a unified diff compares.
fn document(e: &ExpressionDiff, new: bool) -> String {
    let mut out = String::new();
    for a in &e.articles {
        let side = if new { &a.new } else { &a.old };
        let Some(s) = side else { continue };
        out.push_str(&format!("## {} {}", article_word(e.lang), s.num));
        if let Some(h) = &s.heading {
            out.push_str(": ");
            out.push_str(h);
        }
        out.push('\n');
        let text: String = a
            .segments
            .iter()
            .filter(|x| x.kind == SegmentKind::Equal || (x.kind == SegmentKind::Insert) == new)
            .map(|x| x.text.as_str())
            .collect();
        if s.repealed {
            out.push_str(repealed_word(e.lang));
            out.push('\n');
        } else if !text.is_empty() {
            out.push_str(&text);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// A unified diff (3 lines of context) of each expression, one paragraph a
/// line, for patches and review tools.
pub fn unified(d: &WorkDiff) -> String {
    let mut out = String::new();
    for e in &d.expressions {
        let old = document(e, false);
        let new = document(e, true);
        let diff = TextDiff::from_lines(&old, &new);
        let text = diff
            .unified_diff()
            .context_radius(3)
            .header(&e.from, &format!("{} ({})", e.to, d.to.label))
            .to_string();
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amend::diff::redline;

    #[test]
    fn markers_never_span_a_line_break() {
        let s = redline("a\nb", "a\nc\nd");
        let t = redline_text(&s, false);
        assert_eq!(t, "a\n[-b-]{+c+}\n{+d+}");
    }

    #[test]
    fn rows_stay_aligned_at_shared_line_breaks() {
        let s = redline("one\ntwo\nthree", "one\n2\nthree");
        let r = rows(&s);
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn wrapping_counts_display_width_not_bytes() {
        let cell = vec![Piece::Text("يُعاقَب على الاتجار بالأشخاص".into(), Ink::Plain)];
        let lines = wrap(&cell, 12);
        for l in &lines {
            let w: usize = l.iter().map(|(t, _)| t.trim_end().width()).sum();
            assert!(w <= 12, "{l:?}");
        }
        assert!(lines.len() >= 2);
    }
}
