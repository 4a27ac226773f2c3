//! YAML through serde-saphyr, with errors turned into [`Diagnostic`]s that
//! point into the file (also when the YAML is a block inside a Markdown file).

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use crate::diag::{Code, Diagnostic, offset_of};
use crate::text::nearest;

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
        let place = e.location().map(|loc| {
            (
                usize::try_from(loc.line()).unwrap_or(1),
                usize::try_from(loc.column()).unwrap_or(1),
            )
        });
        let span = place.map(|(line, column)| {
            let start = self.base + offset_of(self.yaml, line, column);
            start..start + 1
        });
        let key = place.and_then(|(line, column)| key_at(self.yaml, line, column));
        if let Some((plain, help)) = plain_words(e, key.as_deref()) {
            let d = Diagnostic::error(Code::InvalidYaml, self.path, span, plain);
            return match help {
                Some(help) => d.with_help(help),
                None => d,
            };
        }
        let mut d = Diagnostic::error(Code::InvalidYaml, self.path, span.clone(), message.clone());
        if let Some((what, word, expected)) = unknown_name(&message) {
            d = d.with_label(format!("unknown {what}"));
            if let Some(span) = span
                && self.yaml[span.start - self.base..].starts_with(word.as_str())
            {
                d.span = Some(span.start..span.start + word.len());
            }
            if let Some(best) = nearest(&word, expected.iter().map(String::as_str)) {
                d = d.with_help(format!("did you mean `{best}`?"));
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

/// The key a value at (`line`, `column`) belongs to: the key on its own
/// line, else the nearest line above it that is less indented and is a
/// `key:` line.
fn key_at(yaml: &str, line: usize, column: usize) -> Option<String> {
    let lines: Vec<&str> = yaml.lines().take(line).collect();
    let key_of = |l: &str| -> Option<String> {
        let t = l.trim_start().trim_start_matches("- ").trim_start();
        let (k, _) = t.split_once(':')?;
        let k = k.trim().trim_matches(['"', '\'']);
        (!k.is_empty()
            && k.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
        .then(|| k.to_owned())
    };
    let own = lines.last()?;
    let before = own
        .get(..column.saturating_sub(1).min(own.len()))
        .unwrap_or(own);
    if let Some(k) = key_of(before) {
        return Some(k);
    }
    let indent = own.len() - own.trim_start().len();
    lines[..lines.len() - 1]
        .iter()
        .rev()
        .filter(|l| !l.trim().is_empty())
        .find(|l| l.len() - l.trim_start().len() < indent || indent == 0)
        .and_then(|l| key_of(l))
}

/// What serde writes for a kind of value, in a drafter's words.
fn plain_kind(kind: &str) -> String {
    let kind = kind.trim();
    for (from, to) in [
        ("a sequence", "a list"),
        ("sequence", "a list"),
        ("a map", "a block of fields"),
        ("map", "a block of fields"),
        ("a string", "text"),
        ("a borrowed string", "text"),
        ("unit value", "nothing"),
        ("a boolean", "true or false"),
    ] {
        if kind == from {
            return to.to_owned();
        }
    }
    if let Some(rest) = kind.strip_prefix("string ") {
        return format!("the text {rest}");
    }
    if kind.starts_with("struct ") {
        return "a block of fields".to_owned();
    }
    if kind.starts_with("enum ") {
        return "one of its listed values".to_owned();
    }
    kind.to_owned()
}

/// A sentence a drafter understands for the YAML library's messages that
/// speak of its internals ("externally tagged enum", "DuplicateKeyPolicy",
/// "budget breached"), with help; `None` keeps the library's message.
fn plain_words(e: &serde_saphyr::Error, key: Option<&str>) -> Option<(String, Option<String>)> {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    let field = |k: Option<&str>| k.map_or_else(|| "this value".to_owned(), |k| format!("`{k}`"));
    let mut inner = e.without_snippet();
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = inner {
        inner = error;
    }
    let words = match inner {
        E::DuplicateMappingKey { key: k, .. } => (
            format!(
                "duplicate field: {} is given twice",
                field(k.as_deref().or(key))
            ),
            Some("keep one of them: a field appears once in its block".to_owned()),
        ),
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | E::ExpectedStringKeyForExternallyTaggedEnum { .. }
        | E::UnexpectedValueForUnitEnumVariant { .. } => (
            format!(
                "{} must be one word from its list of values, not a list or a block",
                field(key)
            ),
            Some(format!(
                "write it on one line, as `{}: value`",
                key.unwrap_or("field")
            )),
        ),
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => (
            format!(
                "{} is {}; expected {}",
                field(key),
                plain_kind(unexpected),
                plain_kind(expected)
            ),
            None,
        ),
        E::Unexpected { expected, .. } => {
            let want = match *expected {
                "string scalar" | "scalar" => "text on the same line".to_owned(),
                "mapping" => "a block of fields".to_owned(),
                "sequence" => "a list".to_owned(),
                other => plain_kind(other),
            };
            (format!("{} should be {want}", field(key)), None)
        }
        E::SerdeMissingField { field: f, .. } => (
            format!("the field `{f}` is missing"),
            Some(format!("add a line `{f}: ...` with its value")),
        ),
        E::NullIntoString { .. } => (
            format!("{} has no value; expected text", field(key)),
            Some("write the text after the colon, or remove the line".to_owned()),
        ),
        E::InvalidScalar { ty, .. } => {
            let what = match *ty {
                "bool" | "boolean" => "true or false",
                "f32" | "f64" => "a number",
                t if t.starts_with('i') || t.starts_with('u') => "a whole number",
                t => t,
            };
            (format!("{} is not {what}", field(key)), None)
        }
        E::Budget { breach, .. } => {
            let what = match breach {
                B::ScalarBytes { total_scalar_bytes } => {
                    format!("its values hold {total_scalar_bytes} bytes of text")
                }
                B::Depth { depth } => format!("it nests {depth} levels deep"),
                B::Events { events } => format!("it has more than {events} items"),
                B::Nodes { nodes } => format!("it has more than {nodes} values"),
                B::Aliases { aliases } => format!("it uses {aliases} aliases (`*name`)"),
                B::Anchors { anchors } => format!("it defines {anchors} anchors (`&name`)"),
                _ => "it is too large or too deeply nested".to_owned(),
            };
            (
                format!("the YAML is larger than mizan reads: {what}"),
                Some("split the file, or shorten it".to_owned()),
            )
        }
        _ => return None,
    };
    Some(words)
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

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Meta {
        title: String,
        status: Status,
        year: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Status {
        Draft,
    }

    fn message(yaml: &str) -> (String, Option<String>) {
        let path: Arc<Path> = Arc::from(Path::new("x.yaml"));
        let d = Block {
            yaml,
            base: 0,
            path: &path,
        }
        .parse::<Meta>()
        .unwrap_err();
        (d.message, d.help)
    }

    #[test]
    fn library_words_become_a_drafters_words() {
        let (m, h) = message("title: a\ntitle: b\nstatus: draft\nyear: 1\n");
        assert_eq!(m, "duplicate field: `title` is given twice");
        assert!(h.unwrap().contains("keep one"));
        let (m, _) = message("title: a\nstatus: [draft]\nyear: 1\n");
        assert_eq!(
            m,
            "`status` must be one word from its list of values, not a list or a block"
        );
        let (m, _) = message("title: [a]\nstatus: draft\nyear: 1\n");
        assert_eq!(m, "`title` should be text on the same line");
        let (m, _) = message("title: a\nstatus: draft\nyear: soon\n");
        assert_eq!(m, "`year` is not a whole number");
        let (m, h) = message("title: a\nstatus: draft\n");
        assert_eq!(m, "the field `year` is missing");
        assert_eq!(h.as_deref(), Some("add a line `year: ...` with its value"));
        for (m, _) in [
            message("title: a\ntitle: b\n"),
            message("title:\n  - a\nstatus:\n  x: 1\n"),
        ] {
            for internal in ["DuplicateKeyPolicy", "externally tagged", "budget"] {
                assert!(!m.contains(internal), "{m}");
            }
        }
    }

    #[test]
    fn a_budget_breach_names_what_is_too_large() {
        // serde-saphyr stops at 64 levels of nesting; 70 block levels breach it.
        let yaml: String = (0..70)
            .map(|depth| format!("{}k:\n", "  ".repeat(depth)))
            .collect();
        let (m, h) = message(&yaml);
        assert!(
            m.starts_with("the YAML is larger than mizan reads: it nests "),
            "{m}"
        );
        assert!(m.ends_with(" levels deep"), "{m}");
        assert_eq!(h.as_deref(), Some("split the file, or shorten it"));
        assert!(!m.contains("budget") && !m.contains("Depth"), "{m}");
    }

    #[test]
    fn library_positions_are_stripped() {
        assert_eq!(
            strip_location("missing field `title` at line 1, column 1"),
            "missing field `title`"
        );
    }
}
