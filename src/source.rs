//! Reading a file into text the readers can trust: valid UTF-8, no BOM, NFC,
//! and the front-matter block of a Markdown file split from its body.
//!
//! Every byte offset a reader reports refers to the text returned here, which
//! is also what [`crate::diag::Sources`] keeps for rendering.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Code, Diagnostic, line_col};
use crate::text::{first_control, nfc, show_controls};

/// Decodes a file's bytes: rejects invalid UTF-8 and empty files (with the
/// line and column of the first bad byte), removes a UTF-8 BOM, and
/// normalises to NFC. On error, also returns the text to show in snippets.
pub fn decode(bytes: &[u8], path: &Arc<Path>) -> Result<Arc<str>, (Diagnostic, Option<Arc<str>>)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The fast check first; only a file that fails it is checked again by
    // the standard library, which says where.
    let text = match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
        Ok(text) => text,
        Err(e) => {
            let lossy: Arc<str> = Arc::from(String::from_utf8_lossy(bytes).as_ref());
            let at = e.valid_up_to();
            let (line, col) = line_col(&lossy, at);
            let d = Diagnostic::error(
                Code::InvalidUtf8,
                path,
                Some(at..at + '\u{FFFD}'.len_utf8()),
                format!(
                    "the file is not valid UTF-8 (first bad byte at line {line}, column {col})"
                ),
            )
            .with_label("invalid UTF-8 here")
            .with_help("save the file as UTF-8");
            return Err((d, Some(lossy)));
        }
    };
    if text.trim().is_empty() {
        let help = match path.extension().and_then(|e| e.to_str()) {
            Some("md") => "remove the file, or give it front matter and content",
            _ => "remove the file, or write its fields",
        };
        let d = Diagnostic::error(Code::EmptyFile, path, None, "the file is empty").with_help(help);
        return Err((d, Some(Arc::from(text))));
    }
    Ok(Arc::from(nfc(text).as_ref()))
}

/// A file's bytes, read into one shared buffer of the file's size, so that
/// [`decode_shared`] can keep them as the text without copying them (a
/// statute is read once into memory instead of twice). A file whose size
/// changes while it is read is read again the ordinary way.
pub fn read_shared(path: &Path) -> std::io::Result<Arc<[u8]>> {
    let mut file = std::fs::File::open(path)?;
    let Ok(len) = usize::try_from(file.metadata()?.len()) else {
        return std::fs::read(path).map(Arc::from);
    };
    let mut buf = Arc::<[u8]>::new_uninit_slice(len);
    let whole = match Arc::get_mut(&mut buf) {
        Some(slots) => fill(&mut file, slots),
        None => false,
    };
    if !whole {
        return std::fs::read(path).map(Arc::from);
    }
    // SAFETY: `fill` returned true, so it wrote every one of the `len` bytes.
    Ok(unsafe { buf.assume_init() })
}

/// Reads the file into `slots`, writing every one of them, and says whether
/// the file held exactly that many bytes. On Unix the bytes are read into
/// the uninitialised buffer itself: zeroing it first would write every byte
/// of a statute once more before the read writes it.
#[cfg(unix)]
fn fill(file: &mut std::fs::File, slots: &mut [std::mem::MaybeUninit<u8>]) -> bool {
    use std::io::Read;
    let mut filled = 0;
    while filled < slots.len() {
        match rustix::io::read(&*file, &mut slots[filled..]) {
            Ok(([], _)) => return false,
            Ok((read, _)) => filled += read.len(),
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
    }
    file.read(&mut [0u8; 1]).is_ok_and(|n| n == 0)
}

/// Reads the file into `slots`, writing every one of them, and says whether
/// the file held exactly that many bytes.
#[cfg(not(unix))]
fn fill(file: &mut std::fs::File, slots: &mut [std::mem::MaybeUninit<u8>]) -> bool {
    use std::io::Read;
    slots.fill(std::mem::MaybeUninit::new(0));
    // SAFETY: every byte was just written, and `u8` has no invalid values.
    let bytes = unsafe { &mut *(slots as *mut [std::mem::MaybeUninit<u8>] as *mut [u8]) };
    file.read_exact(bytes).is_ok() && file.read(&mut [0u8; 1]).is_ok_and(|n| n == 0)
}

/// [`decode`] of bytes read by [`read_shared`]: the same text and the same
/// findings, and a text that is already valid UTF-8 in NFC, without a BOM,
/// is kept in the buffer it was read into.
pub fn decode_shared(
    bytes: Arc<[u8]>,
    path: &Arc<Path>,
) -> Result<Arc<str>, (Diagnostic, Option<Arc<str>>)> {
    let plain = !bytes.starts_with(b"\xEF\xBB\xBF")
        && simdutf8::basic::from_utf8(&bytes)
            .is_ok_and(|t| !t.trim().is_empty() && matches!(nfc(t), std::borrow::Cow::Borrowed(_)));
    if !plain {
        return decode(&bytes, path);
    }
    // SAFETY: the bytes are valid UTF-8 (checked above), and `str` has the
    // layout of `[u8]`.
    Ok(unsafe { Arc::from_raw(Arc::into_raw(bytes) as *const str) })
}

/// Replaces the control characters of a decoded text by visible ones
/// (ESC becomes `␛`), so that no output, on a terminal or in a page, can
/// carry a sequence that retitles or clears a terminal. Returns the text
/// to read and a warning at the first one, when there was any.
pub fn make_controls_visible(text: Arc<str>, path: &Arc<Path>) -> (Arc<str>, Option<Diagnostic>) {
    let Some(first) = first_control(&text) else {
        return (text, None);
    };
    let code = text[first..].chars().next().map_or(0, |c| c as u32);
    let shown: Arc<str> = Arc::from(show_controls(&text).as_ref());
    let width = shown[first..].chars().next().map_or(1, char::len_utf8);
    let d = Diagnostic::warning(
        Code::ControlCharacter,
        path,
        Some(first..first + width),
        format!(
            "the file holds control characters; the first is U+{code:04X} here, and each is shown as a visible sign"
        ),
    )
    .with_label("a control character was here")
    .with_help("remove them: a terminal obeys them (ESC sequences can retitle or clear it)");
    (shown, Some(d))
}

/// Where the YAML front matter and the Markdown body lie in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the `---` lines.
    pub yaml: Range<usize>,
    /// Everything after the closing line.
    pub body: Range<usize>,
}

/// Splits `---` front matter from the body. The opening line must be the
/// first line of the file; the block ends at a line `---` or `...`.
pub fn split_front_matter(text: &str, path: &Arc<Path>) -> Result<Split, Diagnostic> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(Diagnostic::error(
            Code::NoFrontMatter,
            path,
            Some(0..first_end.min(3)),
            "the file does not start with YAML front matter",
        )
        .with_label("expected `---` on the first line")
        .with_help(
            "begin the file with a `---` line, the metadata fields, and another `---` line",
        ));
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut line_start = yaml_start;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Split {
                yaml: yaml_start..line_start,
                body: (line_end + 1).min(text.len())..text.len(),
            });
        }
        line_start = line_end + 1;
    }
    Err(Diagnostic::error(
        Code::UnclosedFrontMatter,
        path,
        Some(0..3),
        "the front matter is not closed",
    )
    .with_label("opened here")
    .with_help("end the metadata block with a line containing only `---`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Arc<Path> {
        Arc::from(Path::new("x.md"))
    }

    #[test]
    fn bom_is_removed_and_text_normalised() {
        let text = decode(b"\xEF\xBB\xBF---\ne\xCC\x81\n", &p()).unwrap();
        assert_eq!(&*text, "---\n\u{e9}\n");
    }

    #[test]
    fn control_characters_are_shown_with_a_warning() {
        let (text, d) = make_controls_visible(Arc::from("ab\u{1b}[2J\n"), &p());
        assert_eq!(&*text, "ab␛[2J\n");
        let d = d.unwrap();
        assert!(!d.is_error());
        assert_eq!(d.span, Some(2..5));
        assert!(d.message.contains("U+001B"), "{}", d.message);
        let (_, none) = make_controls_visible(Arc::from("plain\n"), &p());
        assert!(none.is_none());
    }

    #[test]
    fn invalid_utf8_reports_line_and_column() {
        let (d, _) = decode(b"ok\nab\xFFc", &p()).unwrap_err();
        assert!(d.message.contains("line 2, column 3"), "{}", d.message);
    }

    #[test]
    fn empty_files_are_errors() {
        assert!(decode(b"", &p()).is_err());
        assert!(decode(b"  \n\n", &p()).is_err());
    }

    #[test]
    fn front_matter_splits_with_crlf() {
        let text = "---\r\na: 1\r\n---\r\n# Body\r\n";
        let s = split_front_matter(text, &p()).unwrap();
        assert_eq!(&text[s.yaml.clone()], "a: 1\r\n");
        assert_eq!(&text[s.body.clone()], "# Body\r\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let d = split_front_matter("---\na: 1\n# Body\n", &p()).unwrap_err();
        assert_eq!(d.message, "the front matter is not closed");
    }
}
