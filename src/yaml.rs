//! YAML through serde-saphyr, with errors turned into [`Diagnostic`]s that
//! point into the file (also when the YAML is a block inside a Markdown file).

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use crate::diag::{Code, Diagnostic, offset_of};
use crate::text::did_you_mean_nearest;

/// A YAML document located at `base` bytes into its file.
pub struct Block<'a> {
    pub yaml: &'a str,
    pub base: usize,
    pub path: &'a Arc<Path>,
}

impl Block<'_> {
    /// Deserialises the block; on failure, one diagnostic at the offending spot.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        let options = serde_saphyr::options! {
            duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        };
        serde_saphyr::from_str_with_options(self.yaml, options).map_err(|e| self.diagnostic(&e))
    }

    fn diagnostic(&self, e: &serde_saphyr::Error) -> Diagnostic {
        let message = e.without_snippet().to_string();
        let message = strip_location(message.lines().next().unwrap_or("invalid YAML").trim());
        let span = e.location().map(|loc| {
            let start = self.base
                + offset_of(
                    self.yaml,
                    usize::try_from(loc.line()).unwrap_or(1),
                    usize::try_from(loc.column()).unwrap_or(1),
                );
            start..start + 1
        });
        let mut d = Diagnostic::error(Code::InvalidYaml, self.path, span.clone(), message.clone());
        if let Some((what, word, expected)) = unknown_name(&message) {
            d = d.with_label(format!("unknown {what}"));
            if let Some(span) = span
                && self.yaml[span.start - self.base..].starts_with(word.as_str())
            {
                d.span = Some(span.start..span.start + word.len());
            }
            if let Some(help) = did_you_mean_nearest(&word, expected.iter().map(String::as_str)) {
                d = d.with_help(help);
            } else if !expected.is_empty() {
                d = d.with_help(format!("expected one of: {}", expected.join(", ")));
            }
        }
        d
    }

    /// The span of a located value in the file.
    pub fn span<T>(&self, v: &Spanned<T>) -> Range<usize> {
        let span = v.referenced.span();
        match (span.byte_offset(), span.byte_len()) {
            (Some(o), Some(l)) => {
                let start = self.base + usize::try_from(o).unwrap_or(0);
                start..start + usize::try_from(l).unwrap_or(0).max(1)
            }
            _ => {
                let start = self.base
                    + offset_of(
                        self.yaml,
                        usize::try_from(v.referenced.line()).unwrap_or(1),
                        usize::try_from(v.referenced.column()).unwrap_or(1),
                    );
                start..start + 1
            }
        }
    }
}

/// Removes the " at line N, column M" that the YAML library appends: the
/// diagnostic carries the position in the whole file instead.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") => message[..i].to_owned(),
        _ => message.to_owned(),
    }
}

/// Parses "unknown field `x`, expected one of a, b" (and `variant`):
/// returns what is unknown, the word, and the valid names.
fn unknown_name(message: &str) -> Option<(&'static str, String, Vec<String>)> {
    let (what, rest) = if let Some(i) = message.find("unknown field `") {
        ("field", &message[i + "unknown field `".len()..])
    } else if let Some(i) = message.find("unknown variant `") {
        ("value", &message[i + "unknown variant `".len()..])
    } else {
        return None;
    };
    let end = rest.find('`')?;
    let word = rest[..end].to_owned();
    let expected = match rest[end..].find("expected one of ") {
        Some(i) => rest[end + i + "expected one of ".len()..]
            .split(", ")
            .map(|w| {
                w.trim_matches(|c: char| c == '`' || c.is_whitespace())
                    .to_owned()
            })
            .filter(|w| !w.is_empty())
            .collect(),
        None => rest[end..]
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect(),
    };
    Some((what, word, expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_are_understood() {
        let (what, f, e) =
            unknown_name("unknown field `titel`, expected one of `title`, `lang`").unwrap();
        assert_eq!((what, f.as_str()), ("field", "titel"));
        assert_eq!(e, ["title", "lang"]);
        let (what, f, e) =
            unknown_name("unknown variant `mising`, expected one of full, missing").unwrap();
        assert_eq!((what, f.as_str()), ("value", "mising"));
        assert_eq!(e, ["full", "missing"]);
    }

    #[test]
    fn library_positions_are_stripped() {
        assert_eq!(
            strip_location("missing field `title` at line 1, column 1"),
            "missing field `title`"
        );
    }
}
