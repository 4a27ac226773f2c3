//! Word documents (`.docx`): a zip archive whose `word/document.xml` holds
//! the body. Paragraphs (`w:p`, also inside table cells) become blocks; the
//! text of their runs (`w:t`) is joined, so a heading split across runs
//! reads whole; tabs and line breaks are spaces and new blocks; a numbered
//! paragraph gets its list label (`numbering.rs`); a text box is read
//! once. Deleted text of tracked changes (`w:delText`) and field codes are
//! left out.
//!
//! The archive is checked before it is expanded: a file that is not a zip
//! (an encrypted document is an OLE container, as is a legacy `.doc`), an
//! entry protected by a password, and a part larger than
//! [`MAX_EXPANDED_BYTES`] (a zip bomb) are diagnostics, never a crash or a
//! gigabyte in memory.

use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::Arc;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::diag::{Code, Diagnostic};

use super::numbering::Numbering;
use super::read::{Block, Place, clean, too_large};

/// The most bytes `word/document.xml` may expand to.
pub const MAX_EXPANDED_BYTES: u64 = 64 * 1024 * 1024;

/// The signature of an OLE compound file: a legacy `.doc`, or an
/// encrypted Office document.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn damaged(path: &Arc<Path>, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(Code::ImportDamaged, path, None, message).with_help(
        "open the document in a word processor and save it again as .docx, or import it as plain text",
    )
}

fn encrypted(path: &Arc<Path>) -> Diagnostic {
    Diagnostic::error(
        Code::ImportEncrypted,
        path,
        None,
        "the document is encrypted or protected by a password",
    )
    .with_help("open it with its password, remove the protection, save it and import it again")
}

/// Whether an OLE container holds an encrypted Office document (its
/// `EncryptionInfo` stream, named in UTF-16).
fn is_encrypted_ole(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// Reads the paragraphs of a Word document.
pub fn blocks(path: &Arc<Path>, bytes: &[u8]) -> Result<Vec<Block>, Diagnostic> {
    if bytes.starts_with(&OLE_MAGIC) {
        if is_encrypted_ole(bytes) {
            return Err(encrypted(path));
        }
        return Err(Diagnostic::error(
            Code::ImportUnsupported,
            path,
            None,
            "this is a legacy Word document (Word 97-2003) named .docx, which mizan cannot read",
        )
        .with_help("open it in a word processor and save it as .docx, then import that file"));
    }
    if !bytes.starts_with(b"PK") {
        return Err(damaged(
            path,
            "the file is not a zip archive, so it is not a Word document (a .docx file is a zip archive)",
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        damaged(
            path,
            format!("the file is not a readable zip archive ({e})"),
        )
    })?;
    let xml = part(path, &mut archive, "word/document.xml")?.ok_or_else(|| {
        damaged(
            path,
            "the archive has no word/document.xml, so it is not a Word document",
        )
    })?;
    let numbering = part(path, &mut archive, "word/numbering.xml")?
        .and_then(|x| String::from_utf8(x).ok())
        .map(|x| Numbering::parse(&x))
        .unwrap_or_default();
    paragraphs(path, &xml, numbering)
}

/// The expanded part `name` of the archive, within [`MAX_EXPANDED_BYTES`];
/// `None` when the archive has no such part.
fn part(
    path: &Arc<Path>,
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, Diagnostic> {
    let mut entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) if is_password_error(&e) => return Err(encrypted(path)),
        Err(e) => return Err(damaged(path, format!("cannot read {name} ({e})"))),
    };
    if entry.encrypted() {
        return Err(encrypted(path));
    }
    // The size the archive declares, then the size actually expanded: a
    // lying header cannot make us expand more than the limit.
    let what = format!("{name} expands to more than");
    if entry.size() > MAX_EXPANDED_BYTES {
        return Err(too_large(path, &what, MAX_EXPANDED_BYTES));
    }
    let mut xml = Vec::new();
    (&mut entry)
        .take(MAX_EXPANDED_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| damaged(path, format!("cannot expand {name} ({e})")))?;
    if xml.len() as u64 > MAX_EXPANDED_BYTES {
        return Err(too_large(path, &what, MAX_EXPANDED_BYTES));
    }
    Ok(Some(xml))
}

fn is_password_error(e: &zip::result::ZipError) -> bool {
    let text = e.to_string().to_lowercase();
    text.contains("password") || text.contains("encrypt")
}

/// A paragraph being read: its text, and its list (id, level) if numbered.
#[derive(Default)]
struct Paragraph {
    text: String,
    list: (Option<String>, u8),
}

/// Walks `document.xml`: paragraphs (nested ones, in text boxes, too),
/// their runs' text, tabs and breaks, and their list labels.
struct Walk {
    out: Vec<Block>,
    count: usize,
    open: Vec<Paragraph>,
    in_text: bool,
    in_numbering: bool,
    /// Inside `mc:Fallback`, the copy of a text box for old readers.
    fallback: usize,
    numbering: Numbering,
}

impl Walk {
    fn start(&mut self, name: &str, e: &quick_xml::events::BytesStart<'_>, empty: bool) {
        match name {
            "Fallback" if !empty => self.fallback += 1,
            _ if self.fallback > 0 => {}
            "p" if empty => self.count += 1,
            "p" => self.open.push(Paragraph::default()),
            "t" if !empty => self.in_text = true,
            "numPr" if !empty => self.in_numbering = true,
            "ilvl" | "numId" if self.in_numbering => {
                let value = super::numbering::val(e, "val");
                if let (Some(p), Some(v)) = (self.open.last_mut(), value) {
                    if name == "ilvl" {
                        p.list.1 = v.parse().unwrap_or(0);
                    } else if v != "0" {
                        p.list.0 = Some(v);
                    }
                }
            }
            "tab" => self.push(" "),
            "br" | "cr" => self.push("\n"),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "Fallback" => self.fallback = self.fallback.saturating_sub(1),
            _ if self.fallback > 0 => {}
            "t" => self.in_text = false,
            "numPr" => self.in_numbering = false,
            "p" => {
                if let Some(p) = self.open.pop() {
                    self.count += 1;
                    let label = match &p.list.0 {
                        Some(id) => self.numbering.label(id, p.list.1),
                        None => None,
                    };
                    let text = match label {
                        Some(l) if !p.text.trim().is_empty() => format!("{l} {}", p.text),
                        _ => p.text,
                    };
                    push_lines(&mut self.out, &text, self.count);
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, text: &str) {
        if self.fallback == 0
            && let Some(p) = self.open.last_mut()
        {
            p.text.push_str(text);
        }
    }
}

/// The paragraphs of `document.xml`, in order.
fn paragraphs(
    path: &Arc<Path>,
    xml: &[u8],
    numbering: Numbering,
) -> Result<Vec<Block>, Diagnostic> {
    let xml = std::str::from_utf8(xml)
        .map_err(|e| damaged(path, format!("word/document.xml is not UTF-8 ({e})")))?;
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk {
        out: Vec::new(),
        count: 0,
        open: Vec::new(),
        in_text: false,
        in_numbering: false,
        fallback: 0,
        numbering,
    };
    loop {
        let event = reader.read_event().map_err(|e| {
            damaged(
                path,
                format!(
                    "word/document.xml is not well-formed XML at byte {} ({e})",
                    reader.buffer_position()
                ),
            )
        })?;
        match event {
            Event::Start(e) => walk.start(e.local_name().as_ref(), &e, false),
            Event::Empty(e) => walk.start(e.local_name().as_ref(), &e, true),
            Event::End(e) => walk.end(e.local_name().as_ref()),
            Event::Text(t) if walk.in_text => walk.push(&t.xml10_content()),
            Event::GeneralRef(r) if walk.in_text => {
                let named = match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                };
                walk.push(named);
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    walk.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(walk.out)
}

/// A paragraph's text, split at its line breaks, as blocks.
fn push_lines(out: &mut Vec<Block>, text: &str, paragraph: usize) {
    for line in text.split('\n') {
        let clean = clean(line);
        if !clean.is_empty() {
            out.push(Block {
                text: clean,
                place: Place::Paragraph(paragraph),
                span: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::docx::{
        docx, docx_with_numbering, list_item, numbered, paragraph, table, zip,
    };

    fn path() -> Arc<Path> {
        Arc::from(Path::new("law.docx"))
    }

    fn texts(bytes: &[u8]) -> Vec<String> {
        blocks(&path(), bytes)
            .unwrap()
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn runs_join_and_breaks_split() {
        let body = [
            paragraph(&["الما", "دة (", "١)"]),
            paragraph(&[]),
            paragraph(&["مادة أولى", "\n", "يعمل", "\t", "بهذا القانون"]),
            table(&["خلية", "أخرى"]),
            numbered("بند مرقم"),
            "<w:p><w:r><w:delText>محذوف</w:delText></w:r><w:r><w:t>باق &amp; ظاهر</w:t></w:r></w:p>"
                .to_owned(),
        ]
        .concat();
        assert_eq!(
            texts(&docx(&body)),
            [
                "المادة (١)",
                "مادة أولى",
                "يعمل بهذا القانون",
                "خلية",
                "أخرى",
                "بند مرقم",
                "باق & ظاهر"
            ]
        );
        let b = blocks(&path(), &docx(&body)).unwrap();
        // Paragraphs are counted with the empty one.
        assert_eq!(b[1].place, Place::Paragraph(3));
    }

    #[test]
    fn numbered_paragraphs_keep_their_labels() {
        let body = [
            paragraph(&["المادة ٥"]),
            list_item(1, 0, "أول البنود"),
            list_item(1, 1, "فرع منه"),
            list_item(1, 1, "فرع آخر"),
            list_item(1, 0, "ثاني البنود"),
            list_item(2, 0, "نقطة"),
        ]
        .concat();
        assert_eq!(
            texts(&docx_with_numbering(&body)),
            [
                "المادة ٥",
                "1- أول البنود",
                "(أ) فرع منه",
                "(ب) فرع آخر",
                "2- ثاني البنود",
                "نقطة"
            ]
        );
    }

    /// A text box: its paragraphs are read once (not again from the copy
    /// Word keeps for old readers), and the paragraph around it keeps its
    /// own text.
    #[test]
    fn text_boxes_are_read_once() {
        let body = format!(
            "<w:p><w:r><w:t>قبل</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>{}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t> بعد</w:t></w:r></w:p>",
            paragraph(&["في المربع"]),
            paragraph(&["في المربع"])
        );
        assert_eq!(texts(&docx(&body)), ["في المربع", "قبل بعد"]);
    }

    #[test]
    fn what_is_not_a_word_document() {
        let not_zip = blocks(&path(), "المادة ١".as_bytes()).unwrap_err();
        assert_eq!(not_zip.code, Code::ImportDamaged);
        assert!(
            not_zip.message.contains("not a zip archive"),
            "{}",
            not_zip.message
        );
        let no_document = blocks(&path(), &zip(&[("a.txt", b"x")])).unwrap_err();
        assert!(no_document.message.contains("word/document.xml"));
        let bad_xml = blocks(
            &path(),
            &zip(&[("word/document.xml", b"<w:p><w:t>x</w:p>")]),
        )
        .unwrap_err();
        assert_eq!(bad_xml.code, Code::ImportDamaged);
        let mut truncated = docx(&paragraph(&["x"]));
        truncated.truncate(truncated.len() / 2);
        assert_eq!(
            blocks(&path(), &truncated).unwrap_err().code,
            Code::ImportDamaged
        );
    }

    #[test]
    fn encrypted_documents_and_legacy_word() {
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend([0u8; 512]);
        let legacy = blocks(&path(), &ole).unwrap_err();
        assert_eq!(legacy.code, Code::ImportUnsupported);
        ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        let encrypted = blocks(&path(), &ole).unwrap_err();
        assert_eq!(encrypted.code, Code::ImportEncrypted);
    }

    /// A zip entry protected by a password (bit 0 of its flags, in the local
    /// and the central header) is an encrypted document.
    #[test]
    fn a_zip_entry_with_a_password() {
        let mut bytes = docx(&paragraph(&["المادة ١"]));
        let mut flagged = 0;
        for sig in [b"PK\x03\x04", b"PK\x01\x02"] {
            let flags_at = if sig[2] == 3 { 6 } else { 8 };
            let starts: Vec<usize> = bytes
                .windows(4)
                .enumerate()
                .filter(|(_, w)| w == sig)
                .map(|(i, _)| i)
                .collect();
            for at in starts {
                bytes[at + flags_at] |= 1;
                flagged += 1;
            }
        }
        assert_eq!(flagged, 6);
        let d = blocks(&path(), &bytes).unwrap_err();
        assert_eq!(d.code, Code::ImportEncrypted, "{}", d.message);
    }

    #[test]
    fn a_zip_bomb_is_refused_without_being_expanded() {
        let huge = vec![b' '; (MAX_EXPANDED_BYTES + 1) as usize];
        let bomb = zip(&[("word/document.xml", &huge)]);
        assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
        let d = blocks(&path(), &bomb).unwrap_err();
        assert_eq!(d.code, Code::ImportTooLarge);
        assert!(d.message.contains("64 MiB"), "{}", d.message);
    }
}
