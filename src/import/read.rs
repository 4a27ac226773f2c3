//! Reading a file to import into blocks of text (paragraphs), whatever its
//! format: plain text (one block a line), HTML (one block an element that
//! starts a line) or Word (one block a paragraph). Nothing is printed; a
//! file that cannot be read is a diagnostic naming it.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};
use crate::text::collapse_whitespace;

use super::{docx, html};

/// The most bytes read from a file to import (text, HTML, or the Word
/// archive itself).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Where a block was in its file: a line (text) or a paragraph (Word,
/// HTML), counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Line(usize),
    Paragraph(usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Paragraph(n) => write!(f, "paragraph {n}"),
        }
    }
}

/// One paragraph of the input, its white space collapsed, and where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub place: Place,
    /// The byte span in the decoded text, for text files (diagnostics
    /// point there).
    pub span: Option<std::ops::Range<usize>>,
}

/// The kinds of file `mizan import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Docx,
}

/// What was read: the blocks, and the decoded text of a text or HTML file
/// (for diagnostics with snippets).
#[derive(Debug)]
pub struct ReadFile {
    pub kind: Kind,
    pub blocks: Vec<Block>,
    pub text: Option<Arc<str>>,
}

/// What a file is, by its extension; `Err` for a file import refuses.
pub fn kind_of(path: &Arc<Path>) -> Result<Kind, Diagnostic> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" => Ok(Kind::Text),
        "html" | "htm" | "xhtml" => Ok(Kind::Html),
        "docx" => Ok(Kind::Docx),
        "doc" => Err(Diagnostic::error(
            Code::ImportUnsupported,
            path,
            None,
            "this is a legacy Word document (.doc, Word 97-2003), which mizan cannot read",
        )
        .with_help("open it in a word processor and save it as .docx, then import that file")),
        _ => Err(Diagnostic::error(
            Code::ImportUnsupported,
            path,
            None,
            format!(
                "mizan cannot import {} files",
                if ext.is_empty() {
                    "extension-less".to_owned()
                } else {
                    format!(".{ext}")
                }
            ),
        )
        .with_help("import a .docx, .txt or .html file")),
    }
}

/// Reads a file to import: checks its kind and size, then reads its blocks.
pub fn read_file(path: &Arc<Path>) -> Result<ReadFile, (Diagnostic, Option<Arc<str>>)> {
    let kind = kind_of(path).map_err(|d| (d, None))?;
    let io_error = |e: std::io::Error| {
        (
            Diagnostic::error(
                Code::ImportUnsupported,
                path,
                None,
                format!("cannot read the file: {e}"),
            ),
            None,
        )
    };
    let file = File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((
            too_large(path, "the file is larger than", MAX_FILE_BYTES),
            None,
        ));
    }
    read_bytes(path, kind, &bytes)
}

/// The diagnostic for a file over a size limit.
pub fn too_large(path: &Arc<Path>, what: &str, limit: u64) -> Diagnostic {
    Diagnostic::error(
        Code::ImportTooLarge,
        path,
        None,
        format!(
            "{what} {} MiB, the most mizan imports",
            limit / (1024 * 1024)
        ),
    )
    .with_help("check that this is the law you meant; split a collection into one file per law")
}

/// Reads the blocks of a file's bytes.
pub fn read_bytes(
    path: &Arc<Path>,
    kind: Kind,
    bytes: &[u8],
) -> Result<ReadFile, (Diagnostic, Option<Arc<str>>)> {
    match kind {
        Kind::Docx => Ok(ReadFile {
            kind,
            blocks: docx::blocks(path, bytes).map_err(|d| (d, None))?,
            text: None,
        }),
        Kind::Text | Kind::Html => {
            let text = crate::source::decode(bytes, path)?;
            let blocks = if kind == Kind::Text {
                text_blocks(&text)
            } else {
                html::blocks(&text)
            };
            Ok(ReadFile {
                kind,
                blocks,
                text: Some(text),
            })
        }
    }
}

/// The blocks of a text file: one per line that holds any text.
pub fn text_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let clean = clean(line);
        if !clean.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            let end = offset + line.trim_end().len();
            out.push(Block {
                text: clean,
                place: Place::Line(i + 1),
                span: Some(start..end.max(start)),
            });
        }
        offset += line.len();
    }
    out
}

/// A paragraph's text as import reads it: invisible characters (direction
/// marks, zero-width joiners) and control characters dropped, every kind
/// of space one space.
pub fn clean(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|c| !crate::text::is_invisible(*c) || *c == '\u{0640}')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    collapse_whitespace(&visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_blocks_are_lines_with_their_places() {
        let b = text_blocks("\u{feff}المادة ١\n\n  \u{200f}نص   المادة\r\n");
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].place, Place::Line(1));
        assert_eq!(b[1].text, "نص المادة");
        assert_eq!(b[1].place, Place::Line(3));
    }

    #[test]
    fn kinds_by_extension() {
        let p = |s: &str| -> Arc<Path> { Arc::from(Path::new(s)) };
        assert_eq!(kind_of(&p("a.DOCX")).unwrap(), Kind::Docx);
        assert_eq!(kind_of(&p("a.htm")).unwrap(), Kind::Html);
        let doc = kind_of(&p("a.doc")).unwrap_err();
        assert_eq!(doc.code, Code::ImportUnsupported);
        assert!(doc.message.contains("legacy Word"));
        assert!(kind_of(&p("a.pdf")).is_err());
    }
}
