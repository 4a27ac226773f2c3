//! The structure of the explanatory memorandum: a template, built in
//! (`templates/memorandum.md`) and replaced by a workspace's own
//! `templates/memorandum.md`.
//!
//! The template is Markdown-like, one item a line: `## …` and `### …` are
//! headings; a line that is only `{notes}`, `{provisions}`, `{articles}`
//! or `{effect}` is the part of the memorandum the proposal fills (the
//! drafts' notes; the provisions of the standards addressed; what each
//! article of the draft law does; the score effect); any other line is a
//! paragraph. In headings and paragraphs, `{t:key}` is the message `key`
//! of the proposal's language, and `{title}` and `{law}` are the amended
//! law's title and citation. Blank lines and comments (`<!-- … -->`, from
//! the start of a line) are skipped. So a committee that writes its memoranda another way changes a
//! file, in no language in particular.

use std::path::Path;
use std::sync::Arc;

use crate::corpus::Lang;
use crate::diag::{Code, Diagnostic, Diagnostics, Sources};
use crate::workspace::Rules;

/// The built-in template.
pub const BUILT_IN: &str = include_str!("../../templates/memorandum.md");

/// A block the proposal fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filled {
    Notes,
    Provisions,
    Articles,
    Effect,
}

impl Filled {
    const ALL: [(&'static str, Filled); 4] = [
        ("notes", Filled::Notes),
        ("provisions", Filled::Provisions),
        ("articles", Filled::Articles),
        ("effect", Filled::Effect),
    ];
}

/// One line of the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemoPart {
    /// A heading (level 2 or 3) with its text as written.
    Heading(u8, String),
    Paragraph(String),
    Filled(Filled),
}

/// A template read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoTemplate {
    pub parts: Vec<MemoPart>,
}

/// Values a line may name besides messages.
const VALUES: [&str; 2] = ["title", "law"];

impl MemoTemplate {
    /// The built-in template.
    pub fn built_in() -> MemoTemplate {
        parse(Path::new("templates/memorandum.md"), BUILT_IN)
            .unwrap_or_else(|d| panic!("the built-in memorandum template: {}", d.0[0].message))
    }

    /// The workspace's `templates/memorandum.md` if it has one, else the
    /// built-in template. Diagnostics (with the template's text, for
    /// snippets) when it cannot be read or names what does not exist.
    pub fn of_workspace(root: &Path) -> Result<MemoTemplate, (Diagnostics, Sources)> {
        let rules = Rules::new(root).map_err(|d| (Diagnostics(vec![d]), Sources::default()))?;
        let path = root.join("templates").join("memorandum.md");
        let shown = rules.display(&path);
        match rules.read_optional(&path) {
            Ok(None) => Ok(MemoTemplate::built_in()),
            Ok(Some(bytes)) => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    let d = Diagnostic::error(
                        Code::InvalidUtf8,
                        &shown,
                        None,
                        "the template is not valid UTF-8",
                    );
                    (Diagnostics(vec![d]), Sources::default())
                })?;
                parse(&shown, &text).map_err(|d| {
                    let mut s = Sources::default();
                    s.add(Arc::clone(&shown), Arc::from(text.as_str()));
                    (d, s)
                })
            }
            Err(d) => Err((Diagnostics(vec![d]), Sources::default())),
        }
    }
}

/// Checks the placeholders of one line starting at byte `base`.
fn check_line(path: &Arc<Path>, line: &str, base: usize, diags: &mut Diagnostics) {
    let mut from = 0;
    while let Some(open) = line[from..].find('{') {
        let at = from + open;
        let Some(close) = line[at..].find('}') else {
            diags.push(
                Diagnostic::error(
                    Code::MemoTemplateError,
                    path,
                    Some(base + at..base + line.len()),
                    "a `{` that is not closed",
                )
                .with_help("write placeholders as `{t:key}`, `{title}` or `{law}`"),
            );
            return;
        };
        let name = &line[at + 1..at + close];
        let span = base + at..base + at + close + 1;
        if let Some(key) = name.strip_prefix("t:") {
            if Lang::EN.message(key).is_none() {
                diags.push(
                    Diagnostic::error(
                        Code::MemoTemplateError,
                        path,
                        Some(span),
                        format!("no message `{key}` in the language files"),
                    )
                    .with_help(
                        "name a message of i18n/en.toml, or add it to languages/<code>.toml",
                    ),
                );
            }
        } else if !VALUES.contains(&name) {
            let blocks: Vec<&str> = Filled::ALL.iter().map(|(n, _)| *n).collect();
            diags.push(
                Diagnostic::error(
                    Code::MemoTemplateError,
                    path,
                    Some(span),
                    format!("`{{{name}}}` is not a placeholder of the memorandum"),
                )
                .with_help(format!(
                    "inside a line: `{{t:key}}`, `{{title}}`, `{{law}}`; on a line of its own: {}",
                    blocks
                        .iter()
                        .map(|b| format!("`{{{b}}}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
        from = at + close + 1;
    }
}

/// Reads a template's text (`path` names it in diagnostics).
pub fn parse(path: &Path, text: &str) -> Result<MemoTemplate, Diagnostics> {
    let path: Arc<Path> = Arc::from(path);
    let mut diags = Diagnostics::new();
    let mut parts = Vec::new();
    let mut offset = 0;
    let mut comment = false;
    for raw in text.split_inclusive('\n') {
        let base = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let lead = line.len() - line.trim_start().len();
        let t = line.trim();
        if comment || t.starts_with("<!--") {
            comment = !t.contains("-->");
            continue;
        }
        if t.is_empty() {
            continue;
        }
        if let Some((_, f)) = Filled::ALL.iter().find(|(n, _)| t == format!("{{{n}}}")) {
            parts.push(MemoPart::Filled(*f));
            continue;
        }
        let hashes = t.chars().take_while(|c| *c == '#').count();
        let body = t[hashes..].trim_start();
        let body_at = base + lead + (t.len() - body.len());
        check_line(&path, body, body_at, &mut diags);
        match hashes {
            0 => parts.push(MemoPart::Paragraph(body.to_owned())),
            2 | 3 => parts.push(MemoPart::Heading(hashes as u8, body.to_owned())),
            _ => diags.push(
                Diagnostic::error(
                    Code::MemoTemplateError,
                    &path,
                    Some(base + lead..base + lead + hashes),
                    format!(
                        "a heading of level {hashes}; the memorandum's headings are `##` and `###`"
                    ),
                )
                .with_help("the memorandum is one part of the proposal, whose title is its `#`"),
            ),
        }
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(MemoTemplate { parts })
    }
}

/// A heading's or paragraph's text in `lang`, with `{t:key}` and the
/// values filled (each message filled with the same values).
pub fn fill(line: &str, lang: Lang, values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find("{t:") {
        out.push_str(&crate::lang::fill(&rest[..open], values));
        let after = &rest[open + 3..];
        let Some(close) = after.find('}') else {
            break;
        };
        out.push_str(&lang.fill(&after[..close], values));
        rest = &after[close + 1..];
    }
    out.push_str(&crate::lang::fill(rest, values));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_template_reads() {
        let t = MemoTemplate::built_in();
        assert!(t.parts.contains(&MemoPart::Filled(Filled::Notes)));
        assert!(t.parts.contains(&MemoPart::Filled(Filled::Effect)));
    }

    #[test]
    fn an_unknown_placeholder_is_named_with_its_place() {
        let text = "## {t:memo.effect}\n\nFor {titel}.\n{notse}\n";
        let d = parse(Path::new("templates/memorandum.md"), text).unwrap_err();
        assert_eq!(d.0.len(), 2, "{:?}", d.0);
        assert_eq!(d.0[0].code, Code::MemoTemplateError);
        let span = d.0[0].span.clone().unwrap();
        assert_eq!(&text[span], "{titel}");
        let span = d.0[1].span.clone().unwrap();
        assert_eq!(&text[span], "{notse}");
        let d = parse(Path::new("m.md"), "{t:memo.nope}\n# Title\n").unwrap_err();
        assert_eq!(d.0.len(), 2);
    }

    #[test]
    fn lines_fill_messages_and_values() {
        let s = fill(
            "{t:memo.score-same} ({law})",
            Lang::EN,
            &[
                ("law", "Law No. 1 of 2000"),
                ("instrument", "TIP"),
                ("before", "50%"),
            ],
        );
        assert_eq!(s, "TIP: the score stays at 50%. (Law No. 1 of 2000)");
    }
}
