//! A [`Document`] written as a Word file (`.docx`, Office Open XML): a zip
//! archive of the document, its styles, fonts, settings, properties and a
//! footer with the page number.
//! A right-to-left document is right to left the way Word means it, not
//! only mirrored: each paragraph carries `w:bidi`, each run of Arabic text
//! `w:rtl`, every run the language of its complex script (`w:lang
//! w:bidi`), tables `w:bidiVisual` (the first column on the right) and the
//! section `w:bidi`. Arabic text is set in Noto Naskh Arabic (the complex
//! script font, `w:rFonts w:cs`), with Traditional Arabic and Arial named
//! in the font table as the fallbacks a machine without Noto has; Latin
//! text in Noto Serif (fallback Times New Roman). The archive is the same
//! for the same document: no dates, no random ids.

use std::io::{Cursor, Write};

use quick_xml::escape::escape;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use crate::corpus::Lang;

use super::document::{Align, Block, Document, Marks, Paragraph, Run, Table};

/// The complex script (Arabic) font, and the Latin one.
const FONT_CS: &str = "Noto Naskh Arabic";
const FONT_LATIN: &str = "Noto Serif";

/// An A4 page, in twentieths of a point, and its margins (2.5 cm).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: u32 = 1418;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The footer: the page number, centred (a `PAGE` field, in the section's
/// digits).
fn footer(rtl: bool) -> String {
    let bidi = if rtl { "<w:bidi/>" } else { "" };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W}"><w:p><w:pPr>{bidi}<w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#
    )
}

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>mizan</Application></Properties>"#;

/// The fonts, each with the fallbacks Word and LibreOffice try when it is
/// not installed (`w:altName`) and its character set (`B2`: Arabic).
fn font_table() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W}"><w:font w:name="{FONT_CS}"><w:altName w:val="Traditional Arabic"/><w:charset w:val="B2"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="{FONT_LATIN}"><w:altName w:val="Times New Roman"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Traditional Arabic"><w:altName w:val="Arial"/><w:charset w:val="B2"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#
    )
}

/// The settings (no direction here: Word reads it from the section and
/// the paragraphs).
fn settings() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// The language tags of a document: for Latin text (the document's
/// language, else English) and for complex script text (the document's
/// right-to-left language, else Arabic), each with the document's region
/// (`ar-KW`) when it has one.
fn locales(doc: &Document) -> (String, String) {
    let tag = |l: Lang| match &doc.region {
        Some(r) => format!("{}-{}", l.code(), r.to_uppercase()),
        None => l.code().to_owned(),
    };
    if doc.lang.is_rtl() {
        (tag(Lang::EN), tag(doc.lang))
    } else {
        (tag(doc.lang), tag(Lang::AR))
    }
}

fn styles(doc: &Document) -> String {
    let lang = doc.lang;
    let (latin, cs) = locales(doc);
    let bidi = if lang.is_rtl() { "<w:bidi/>" } else { "" };
    let heading = |id: &str, name: &str, size: u32, level: u8| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>{bidi}<w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT_LATIN}" w:hAnsi="{FONT_LATIN}" w:eastAsia="{FONT_LATIN}" w:cs="{FONT_CS}"/><w:sz w:val="24"/><w:szCs w:val="28"/><w:lang w:val="{latin}" w:eastAsia="{latin}" w:bidi="{cs}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>{normal}</w:style>{title}{h1}{h2}{h3}<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        normal = if lang.is_rtl() {
            "<w:pPr><w:bidi/></w:pPr>"
        } else {
            ""
        },
        title = heading("Title", "Title", 36, 0).replace("<w:outlineLvl w:val=\"0\"/>", ""),
        h1 = heading("Heading1", "heading 1", 32, 0),
        h2 = heading("Heading2", "heading 2", 28, 1),
        h3 = heading("Heading3", "heading 3", 24, 2),
    )
}

fn core(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{}</dc:language><dc:creator>mizan</dc:creator></cp:coreProperties>"#,
        text(&doc.title),
        doc.lang.code()
    )
}

/// Text for XML: escaped, and without the control characters XML 1.0
/// cannot hold.
fn text(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect();
    escape(clean.as_str()).into_owned()
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Writes the document's runs, paragraphs and tables into `word/document.xml`.
struct Writer {
    rtl: bool,
    /// Writing a table cell: paragraphs start-aligned, not justified.
    cell: bool,
    /// The language tag of complex script text (`ar-KW`), on each
    /// right-to-left run as well as in the defaults.
    bidi_lang: String,
    out: String,
}

impl Writer {
    fn run(&mut self, run: &Run, extra: Marks) {
        if run.text.is_empty() {
            return;
        }
        // A run is right to left when it holds Arabic, or, in a
        // right-to-left document, holds no Latin letter (digits and
        // punctuation then follow the paragraph).
        let rtl = run.text.chars().any(is_arabic)
            || (self.rtl && !run.text.chars().any(|c| c.is_ascii_alphabetic()));
        let m = Marks {
            bold: run.marks.bold || extra.bold,
            strike: run.marks.strike || extra.strike,
            underline: run.marks.underline || extra.underline,
        };
        let mut rpr = String::new();
        if m.bold {
            rpr.push_str("<w:b/><w:bCs/>");
        }
        if m.strike {
            rpr.push_str("<w:strike/><w:color w:val=\"A00000\"/>");
        }
        if m.underline {
            rpr.push_str("<w:color w:val=\"006000\"/><w:u w:val=\"single\"/>");
        }
        if rtl {
            rpr.push_str(&format!("<w:rtl/><w:lang w:bidi=\"{}\"/>", self.bidi_lang));
        }
        self.out.push_str("<w:r>");
        if !rpr.is_empty() {
            self.out.push_str(&format!("<w:rPr>{rpr}</w:rPr>"));
        }
        for (i, line) in run.text.split('\n').enumerate() {
            if i > 0 {
                self.out.push_str("<w:br/>");
            }
            for (j, part) in line.split('\t').enumerate() {
                if j > 0 {
                    self.out.push_str("<w:tab/>");
                }
                if !part.is_empty() {
                    self.out.push_str(&format!(
                        r#"<w:t xml:space="preserve">{}</w:t>"#,
                        text(part)
                    ));
                }
            }
        }
        self.out.push_str("</w:r>");
    }

    fn paragraph(&mut self, style: Option<&str>, p: &Paragraph, extra: Marks) {
        self.out.push_str("<w:p><w:pPr>");
        if let Some(s) = style {
            self.out.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
        }
        if self.rtl {
            self.out.push_str("<w:bidi/>");
        }
        // No `w:jc` is the paragraph's own start side (right in a
        // right-to-left paragraph).
        let jc = match (style, p.align) {
            (Some(_), _) | (None, Align::Center) => Some("center"),
            (None, Align::Justify) if !self.cell => Some("both"),
            (None, _) => None,
        };
        if let Some(jc) = jc {
            self.out.push_str(&format!("<w:jc w:val=\"{jc}\"/>"));
        }
        if self.rtl {
            self.out.push_str("<w:rPr><w:rtl/></w:rPr>");
        }
        self.out.push_str("</w:pPr>");
        for r in &p.runs {
            self.run(r, extra);
        }
        self.out.push_str("</w:p>");
    }

    fn table(&mut self, t: &Table) {
        let width = PAGE_W - 2 * MARGIN;
        let columns = t.header.len().max(1);
        let cols: Vec<u32> = (0..columns)
            .map(|i| match t.widths.get(i) {
                Some(pct) => width * pct / 100,
                None => width / columns as u32,
            })
            .collect();
        self.out.push_str("<w:tbl><w:tblPr>");
        if self.rtl {
            self.out.push_str("<w:bidiVisual/>");
        }
        self.out
            .push_str(&format!("<w:tblW w:w=\"{width}\" w:type=\"dxa\"/>"));
        self.out.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            self.out.push_str(&format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"444444\"/>"
            ));
        }
        self.out
            .push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for c in &cols {
            self.out.push_str(&format!("<w:gridCol w:w=\"{c}\"/>"));
        }
        self.out.push_str("</w:tblGrid>");
        let header: Vec<Vec<Paragraph>> = t
            .header
            .iter()
            .map(|h| vec![Paragraph::text(h.clone()).centered()])
            .collect();
        self.row(&header, &cols, true);
        for row in &t.rows {
            self.row(row, &cols, false);
        }
        self.out.push_str("</w:tbl>");
        // Word needs a paragraph between a table and what follows.
        self.paragraph(None, &Paragraph::default(), Marks::default());
    }

    fn row(&mut self, cells: &[Vec<Paragraph>], cols: &[u32], header: bool) {
        self.out.push_str("<w:tr>");
        if header {
            self.out
                .push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        }
        for (i, w) in cols.iter().enumerate() {
            self.out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{}</w:tcPr>",
                if header {
                    "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>"
                } else {
                    ""
                }
            ));
            let cell = cells.get(i).map_or(&[][..], Vec::as_slice);
            let marks = Marks {
                bold: header,
                ..Marks::default()
            };
            self.cell = true;
            if cell.is_empty() {
                // A cell holds at least one paragraph.
                self.paragraph(None, &Paragraph::default(), marks);
            }
            for p in cell {
                self.paragraph(None, p, marks);
            }
            self.cell = false;
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr>");
    }
}

fn document_xml(doc: &Document) -> String {
    let mut w = Writer {
        rtl: doc.lang.is_rtl(),
        cell: false,
        bidi_lang: locales(doc).1,
        out: String::new(),
    };
    w.paragraph(
        Some("Title"),
        &Paragraph::text(doc.title.clone()),
        Marks::default(),
    );
    for b in &doc.blocks {
        match b {
            Block::Heading(level, h) => {
                let style = format!("Heading{}", (*level).clamp(1, 3));
                w.paragraph(Some(&style), &Paragraph::text(h.clone()), Marks::default());
            }
            Block::Paragraph(p) => w.paragraph(None, p, Marks::default()),
            Block::Table(t) => w.table(t),
            Block::PageBreak => w
                .out
                .push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
        }
    }
    let bidi = if w.rtl { "<w:bidi/>" } else { "" };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{}<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="708" w:footer="708" w:gutter="0"/>{bidi}</w:sectPr></w:body></w:document>"#,
        w.out
    )
}

/// The document as the bytes of a `.docx` file.
pub fn write(doc: &Document) -> Vec<u8> {
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        ("docProps/core.xml", core(doc)),
        ("docProps/app.xml", APP.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document_xml(doc)),
        ("word/styles.xml", styles(doc)),
        ("word/settings.xml", settings()),
    ];
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let font_table = font_table();
    let footer = footer(doc.lang.is_rtl());
    let all = parts.iter().map(|(n, s)| (*n, s.as_str())).chain([
        ("word/fontTable.xml", font_table.as_str()),
        ("word/footer1.xml", footer.as_str()),
    ]);
    for (name, body) in all {
        // Writing into memory cannot fail but for running out of it.
        z.start_file(name, options)
            .and_then(|()| z.write_all(body.as_bytes()).map_err(Into::into))
            .expect("a zip entry is written in memory");
    }
    z.finish()
        .expect("the zip archive is finished in memory")
        .into_inner()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    fn sample(lang: Lang) -> Document {
        let mut d = Document::new(lang, "عنوان & title");
        d.region = Some("kw".into());
        d.heading(1, "الجدول المقارن");
        d.paragraph(Paragraph::of(vec![
            Run::plain("يبقى "),
            Run::deleted("القديم"),
            Run::inserted("الجديد"),
            Run::bold(" Article 5"),
        ]));
        d.blocks.push(Block::Table(Table {
            header: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![vec![vec![Paragraph::text("x")]]],
            widths: vec![40, 40, 20],
        }));
        d.blocks.push(Block::PageBreak);
        d
    }

    #[test]
    fn arabic_is_right_to_left_in_every_part() {
        let bytes = write(&sample(Lang::AR));
        let doc = part(&bytes, "word/document.xml");
        assert!(
            doc.contains("<w:pPr><w:bidi/><w:jc w:val=\"both\"/>"),
            "{doc}"
        );
        assert!(doc.contains("<w:tblPr><w:bidiVisual/>"));
        assert!(doc.contains("<w:rPr><w:strike/><w:color w:val=\"A00000\"/><w:rtl/><w:lang w:bidi=\"ar-KW\"/></w:rPr><w:t xml:space=\"preserve\">القديم</w:t>"), "{doc}");
        // Latin text in an Arabic paragraph is not forced right to left.
        assert!(
            doc.contains(
                "<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\"> Article 5</w:t>"
            ),
            "{doc}"
        );
        assert!(doc.contains("<w:br w:type=\"page\"/>"));
        assert!(doc.contains("عنوان &amp; title"));
        assert!(doc.contains("<w:bidi/></w:sectPr>"));
        let styles = part(&bytes, "word/styles.xml");
        assert!(styles.contains("w:cs=\"Noto Naskh Arabic\""));
        assert!(styles.contains("w:bidi=\"ar-KW\""));
        assert!(part(&bytes, "word/fontTable.xml").contains("Traditional Arabic"));
        // Every cell of the three columns holds a paragraph.
        assert_eq!(doc.matches("<w:tc>").count(), 6);
    }

    #[test]
    fn english_is_left_to_right_and_the_file_is_the_same_each_time() {
        let bytes = write(&sample(Lang::EN));
        let doc = part(&bytes, "word/document.xml");
        assert!(!doc.contains("<w:bidi/>"));
        assert!(!doc.contains("bidiVisual"));
        // Arabic words in an English document are still right to left.
        assert!(doc.contains(
            "<w:rtl/><w:lang w:bidi=\"ar-KW\"/></w:rPr><w:t xml:space=\"preserve\">يبقى </w:t>"
        ));
        assert_eq!(bytes, write(&sample(Lang::EN)));
        assert!(part(&bytes, "docProps/core.xml").contains("<dc:language>en</dc:language>"));
    }

    #[test]
    fn the_file_is_well_formed_xml() {
        let bytes = write(&sample(Lang::AR));
        for name in [
            "word/document.xml",
            "word/styles.xml",
            "word/settings.xml",
            "word/fontTable.xml",
            "word/footer1.xml",
            "docProps/core.xml",
            "[Content_Types].xml",
        ] {
            let xml = part(&bytes, name);
            let mut r = quick_xml::Reader::from_str(&xml);
            let mut depth = 0i32;
            loop {
                match r.read_event() {
                    Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                    Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{name}: {e}"),
                }
            }
            assert_eq!(depth, 0, "{name}");
        }
    }
}
