//! Invisible characters that change what a reader sees: every bidi
//! embedding, override and isolate control in any file is a warning.
//!
//! A right-to-left override (U+202E) makes `abc` display as `cba`; in a
//! title or a citation it can make the text read differently from what it
//! holds (the "Trojan Source" trick). Right-to-left text needs none of
//! these: the site marks direction with `lang`, `dir` and `<bdi>`.

use std::path::Path;
use std::sync::Arc;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::text::bidi_controls;

/// The name of a bidi control character.
fn name(c: char) -> &'static str {
    match c {
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        _ => "pop directional isolate",
    }
}

/// A warning for each bidi control character in `text`.
pub(super) fn warnings(path: &Arc<Path>, text: &str) -> Diagnostics {
    let mut out = Diagnostics::new();
    for (at, c) in bidi_controls(text) {
        out.push(
            Diagnostic::warning(
                Code::BidiControl,
                path,
                Some(at..at + c.len_utf8()),
                format!(
                    "invisible bidi control character U+{:04X} ({})",
                    c as u32,
                    name(c)
                ),
            )
            .with_label("it can make the text display differently from what it holds")
            .with_help(
                "remove it: search and the site ignore it, and text in either direction needs no control characters",
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_is_a_warning_with_its_span() {
        let path: Arc<Path> = Arc::from(Path::new("standards/x.yaml"));
        let text = "title: \"أ\u{202E}bc\u{202C}\"\nnote: \u{2067}x\u{2069}\n";
        let d = warnings(&path, text);
        assert_eq!(d.warnings(), 4);
        assert_eq!(d.errors(), 0);
        let first = &d.0[0];
        assert!(first.message.contains("U+202E (right-to-left override)"));
        let span = first.span.clone().unwrap();
        assert_eq!(&text[span], "\u{202E}");
        assert!(warnings(&path, "title: «نص» — عادي").is_empty());
    }
}
