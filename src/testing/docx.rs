//! Word documents (`.docx`) built in memory, as a word processor writes
//! them: a zip archive with `[Content_Types].xml`, the package
//! relationships and `word/document.xml`, whose paragraphs are
//! right-to-left (`w:bidi`) and whose runs may split a word anywhere.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One run: `\t` is a tab, `\n` a line break, other text a `w:t`.
fn run(text: &str) -> String {
    let inner = match text {
        "\t" => "<w:tab/>".to_owned(),
        "\n" => "<w:br/>".to_owned(),
        t => format!(r#"<w:t xml:space="preserve">{}</w:t>"#, escape(t)),
    };
    format!("<w:r><w:rPr><w:rtl/><w:lang w:bidi=\"ar-KW\"/></w:rPr>{inner}</w:r>")
}

/// A right-to-left paragraph of these runs (no runs: an empty paragraph).
pub fn paragraph(runs: &[&str]) -> String {
    let runs: String = runs.iter().map(|r| run(r)).collect();
    format!(r#"<w:p><w:pPr><w:bidi/><w:jc w:val="both"/></w:pPr>{runs}</w:p>"#)
}

/// A numbered paragraph (a list item of numbering 1): Word keeps its
/// number in the numbering part, not in the text.
pub fn numbered(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:bidi/></w:pPr>{}</w:p>"#,
        run(text)
    )
}

/// A table of one row, a paragraph in each cell.
pub fn table(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| format!("<w:tc>{}</w:tc>", paragraph(&[c])))
        .collect();
    format!("<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr><w:tr>{cells}</w:tr></w:tbl>")
}

/// `word/document.xml` with this body XML.
pub fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:bidi/></w:sectPr></w:body></w:document>"#
    )
}

/// A zip archive of these entries, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, options).expect("a zip entry starts");
        w.write_all(bytes).expect("a zip entry is written");
    }
    w.finish()
        .expect("the zip archive is finished")
        .into_inner()
}

/// `word/numbering.xml` with two lists: list 1 numbers `1-`, `2-` and,
/// one level down, `(أ)`, `(ب)` (abjad letters); list 2 is bullets.
pub const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="arabicAbjad"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;

/// A paragraph of list `num_id` at level `ilvl`.
pub fn list_item(num_id: u32, ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr><w:bidi/></w:pPr>{}</w:p>"#,
        run(text)
    )
}

/// A Word document whose body is this XML, with the lists of [`NUMBERING`].
pub fn docx_with_numbering(body: &str) -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document_xml(body).as_bytes()),
        ("word/numbering.xml", NUMBERING.as_bytes()),
    ])
}

/// A Word document whose body is this XML.
pub fn docx(body: &str) -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document_xml(body).as_bytes()),
    ])
}

/// A Word document with one paragraph per line of `text`; every line is
/// split into runs of at most `run_chars` characters (as a word processor
/// splits runs at edits and language changes), and empty lines are empty
/// paragraphs.
pub fn docx_of_lines(text: &str, run_chars: usize) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let runs: Vec<String> = chars
            .chunks(run_chars.max(1))
            .map(|c| c.iter().collect())
            .collect();
        let refs: Vec<&str> = runs.iter().map(String::as_str).collect();
        body.push_str(&paragraph(&refs));
    }
    docx(&body)
}
