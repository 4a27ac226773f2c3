//! A document for people to print, edit and file: a title, headings,
//! paragraphs of runs (bold, struck through, underlined: a redline),
//! tables and page breaks, in one language and its direction. The forms
//! that become documents (the proposal of `mizan propose`, and later the
//! gap report) build one of these; [`super::docx`] writes it as Word, and
//! [`markdown`] and [`html`] here write the same document as Markdown and
//! as a printable web page. Nothing here knows what a law or a gap is.

use std::fmt::Write;

use crate::corpus::Lang;

/// How a run of text is marked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub bold: bool,
    /// Deleted text in a redline.
    pub strike: bool,
    /// Inserted text in a redline.
    pub underline: bool,
}

/// Text with one set of marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub marks: Marks,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            marks: Marks::default(),
        }
    }

    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            marks: Marks {
                bold: true,
                ..Marks::default()
            },
        }
    }

    pub fn deleted(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            marks: Marks {
                strike: true,
                ..Marks::default()
            },
        }
    }

    pub fn inserted(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            marks: Marks {
                underline: true,
                ..Marks::default()
            },
        }
    }
}

/// How a paragraph sits on the line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Align {
    /// Justified, from the language's own side.
    #[default]
    Justify,
    Center,
    /// From the language's own side, ragged at the other (narrow table
    /// cells, where justifying stretches words apart).
    Start,
}

/// A paragraph: its runs, in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub align: Align,
}

impl Paragraph {
    pub fn of(runs: Vec<Run>) -> Paragraph {
        Paragraph {
            runs,
            align: Align::Justify,
        }
    }

    pub fn text(text: impl Into<String>) -> Paragraph {
        Paragraph::of(vec![Run::plain(text)])
    }

    pub fn centered(mut self) -> Paragraph {
        self.align = Align::Center;
        self
    }

    /// The paragraph's text, marks dropped.
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A table cell: one or more paragraphs.
pub type Cell = Vec<Paragraph>;

/// A table: a header row repeated on each page, and the rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Each column's share of the width, in percent (empty: equal).
    pub widths: Vec<u32>,
}

/// One block of the document, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 (a part of the document) to 3.
    Heading(u8, String),
    Paragraph(Paragraph),
    Table(Table),
    /// The next block begins a new page.
    PageBreak,
}

/// A whole document in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    /// The document's title: its first line, and its name in the file's
    /// properties and the page's `<title>`.
    pub title: String,
    /// The region its language is written in (`kw`: `ar-KW`), for
    /// spelling and digits in a word processor.
    pub region: Option<String>,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn new(lang: Lang, title: impl Into<String>) -> Document {
        Document {
            lang,
            title: title.into(),
            region: None,
            blocks: Vec::new(),
        }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    pub fn paragraph(&mut self, p: Paragraph) {
        self.blocks.push(Block::Paragraph(p));
    }

    pub fn text(&mut self, text: impl Into<String>) {
        self.paragraph(Paragraph::text(text));
    }

    /// Every paragraph's text in order, headings and cells included, one a
    /// line: what a reader of the printed document reads.
    pub fn plain_text(&self) -> String {
        let mut out = format!("{}\n", self.title);
        for b in &self.blocks {
            match b {
                Block::Heading(_, h) => {
                    out.push_str(h);
                    out.push('\n');
                }
                Block::Paragraph(p) => {
                    out.push_str(&p.plain());
                    out.push('\n');
                }
                Block::Table(t) => {
                    for h in &t.header {
                        out.push_str(h);
                        out.push('\n');
                    }
                    for cell in t.rows.iter().flatten() {
                        for p in cell {
                            out.push_str(&p.plain());
                            out.push('\n');
                        }
                    }
                }
                Block::PageBreak => {}
            }
        }
        out
    }
}

/// Markdown text: `*`, `_`, `` ` ``, `[`, `]`, `<`, `#` at a line's start
/// and the like escaped, so the text reads back as written.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_runs(runs: &[Run]) -> String {
    let mut out = String::new();
    for r in runs {
        if r.text.trim().is_empty() {
            out.push_str(&md_escape(&r.text));
            continue;
        }
        // Marks hug the words: white space stays outside them.
        let lead = &r.text[..r.text.len() - r.text.trim_start().len()];
        let trail = &r.text[r.text.trim_end().len()..];
        let mut t = md_escape(r.text.trim());
        if r.marks.bold {
            t = format!("**{t}**");
        }
        if r.marks.strike {
            t = format!("~~{t}~~");
        }
        if r.marks.underline {
            t = format!("<ins>{t}</ins>");
        }
        out.push_str(lead);
        out.push_str(&t);
        out.push_str(trail);
    }
    out
}

/// The document as Markdown (GitHub's dialect: tables, `~~struck~~`,
/// `<ins>inserted</ins>`); a page break is a rule.
pub fn markdown(doc: &Document) -> String {
    let mut out = format!("# {}\n", md_escape(&doc.title));
    for b in &doc.blocks {
        match b {
            Block::Heading(level, h) => {
                let hashes = "#".repeat(usize::from(*level).clamp(1, 5) + 1);
                let _ = write!(out, "\n{hashes} {}\n", md_escape(h));
            }
            Block::Paragraph(p) => {
                let _ = write!(out, "\n{}\n", md_runs(&p.runs));
            }
            Block::Table(t) => {
                out.push('\n');
                let head: Vec<String> = t.header.iter().map(|h| md_escape(h)).collect();
                let _ = writeln!(out, "| {} |", head.join(" | "));
                let _ = writeln!(out, "|{}", " --- |".repeat(t.header.len()));
                for row in &t.rows {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| {
                            c.iter()
                                .map(|p| md_runs(&p.runs).replace('\n', " "))
                                .collect::<Vec<_>>()
                                .join("<br><br>")
                        })
                        .collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
            Block::PageBreak => out.push_str("\n---\n"),
        }
    }
    out
}

/// Text escaped for HTML, in an element or an attribute.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_runs(runs: &[Run]) -> String {
    let mut out = String::new();
    for r in runs {
        let mut t = html_escape(&r.text);
        if r.marks.bold {
            t = format!("<strong>{t}</strong>");
        }
        if r.marks.strike {
            t = format!("<del>{t}</del>");
        }
        if r.marks.underline {
            t = format!("<ins>{t}</ins>");
        }
        out.push_str(&t);
    }
    out
}

/// The document's body as HTML (headings start at `<h2>`: the page's
/// `<h1>` is the title), for a page that has its own frame.
pub fn html_body(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading(level, h) => {
                let n = usize::from(*level).clamp(1, 5) + 1;
                let _ = writeln!(out, "<h{n}>{}</h{n}>", html_escape(h));
            }
            Block::Paragraph(p) => {
                let class = match p.align {
                    Align::Center => " class=\"center\"",
                    Align::Justify => "",
                    Align::Start => " class=\"start\"",
                };
                let _ = writeln!(out, "<p{class}>{}</p>", html_runs(&p.runs));
            }
            Block::Table(t) => {
                out.push_str("<table>\n<thead><tr>");
                for (i, h) in t.header.iter().enumerate() {
                    let style = t
                        .widths
                        .get(i)
                        .map_or_else(String::new, |w| format!(" style=\"width: {w}%\""));
                    let _ = write!(out, "<th scope=\"col\"{style}>{}</th>", html_escape(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in &t.rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str("<td>");
                        for p in cell {
                            let _ = write!(out, "<p>{}</p>", html_runs(&p.runs));
                        }
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::PageBreak => out.push_str("<hr class=\"page-break\">\n"),
        }
    }
    out
}

/// The document as a page of its own: printable (A4, a page break where
/// the document has one), no script, nothing from another host.
pub fn html(doc: &Document) -> String {
    let lang = doc.lang;
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
    format!(
        r#"<!DOCTYPE html>
<html lang="{code}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{STYLE}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
{body}</main>
</body>
</html>
"#,
        code = lang.code(),
        title = html_escape(&doc.title),
        body = html_body(doc),
    )
}

/// The page's style: readable on screen, A4 on paper.
const STYLE: &str = "body { font-family: \"Noto Naskh Arabic\", \"Noto Serif\", serif; line-height: 1.6; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1, h2 { text-align: center; }
p { text-align: justify; }
p.center { text-align: center; }\np.start, td p { text-align: start; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 0.4rem; vertical-align: top; text-align: start; }
thead { display: table-header-group; }
del { color: #a00; }
ins { color: #060; }
hr.page-break { border: 0; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } hr.page-break { break-after: page; } tr { break-inside: avoid; } }";

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let mut d = Document::new(Lang::EN, "A *title*");
        d.heading(1, "Part");
        d.paragraph(Paragraph::of(vec![
            Run::plain("keep "),
            Run::deleted("old"),
            Run::inserted("new "),
            Run::bold("<b>"),
        ]));
        d.blocks.push(Block::Table(Table {
            header: vec!["A".into(), "B".into()],
            rows: vec![vec![vec![Paragraph::text("x|y")], vec![]]],
            widths: vec![],
        }));
        d
    }

    #[test]
    fn markdown_marks_and_escapes() {
        let md = markdown(&sample());
        assert!(md.starts_with("# A \\*title\\*\n"), "{md}");
        assert!(
            md.contains("keep ~~old~~<ins>new</ins> **\\<b\\>**"),
            "{md}"
        );
        assert!(md.contains("| x\\|y |  |"), "{md}");
    }

    #[test]
    fn html_escapes_text_and_marks_changes() {
        let h = html(&sample());
        assert!(h.contains("<del>old</del><ins>new </ins><strong>&lt;b&gt;</strong>"));
        assert!(h.contains("<html lang=\"en\" dir=\"ltr\">"));
        let mut ar = sample();
        ar.lang = Lang::AR;
        assert!(html(&ar).contains("dir=\"rtl\""));
    }

    #[test]
    fn plain_text_reads_every_paragraph() {
        let t = sample().plain_text();
        assert_eq!(t, "A *title*\nPart\nkeep oldnew <b>\nA\nB\nx|y\n");
    }
}
