//! Writing an imported law as a statute file: front matter, then the
//! body in Markdown, headings nested by level (the first container kind
//! the law meets is level 1, the next 2, ... (`structure::kind_order`);
//! articles one below their container;
//! the issuing articles under a level-1 heading of their own), and every
//! paragraph escaped so that Markdown reads it back as the same text.

use crate::corpus::{ContainerKind, Lang, StatuteMeta};

use super::structure::{Item, Structure};

/// The heading written before issuing articles when the source has none:
/// the first of the language's `[headings]` `issuing` (`مواد الإصدار`),
/// else English's.
fn issuing_heading(lang: Lang) -> &'static str {
    let first = |l: Lang| {
        l.def()
            .headings
            .get("issuing")
            .and_then(|h| h.first())
            .map(String::as_str)
    };
    first(lang).or_else(|| first(Lang::EN)).unwrap_or_default()
}

/// Escapes text so that Markdown reads it as written: inline markup
/// characters get a backslash, and so does a start that would open a
/// heading, a quote, a list or a rule.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '&'
                | '{'
                | '}'
                | '#'
                | '|'
                | '~'
                | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    // `1.` or `1)` at the start opens an ordered list.
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// A YAML string: a JSON string is a YAML double-quoted scalar.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

fn kebab<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The front matter of an imported expression.
pub fn front_matter(meta: &StatuteMeta) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("work: {}\n", meta.work));
    out.push_str(&format!("lang: {}\n", meta.lang.code()));
    out.push_str(&format!("title: {}\n", yaml_string(&meta.title)));
    out.push_str(&format!("status: {}\n", kebab(&meta.status)));
    out.push_str(&format!("authority: {}\n", kebab(&meta.authority)));
    out.push_str(&format!("source: {}\n", yaml_string(&meta.source)));
    if let Some(note) = &meta.note {
        out.push_str(&format!("note: {}\n", yaml_string(note)));
    }
    out.push_str("---\n");
    out
}

/// The whole statute file.
pub fn write(meta: &StatuteMeta, s: &Structure) -> String {
    let kinds = &s.kinds;
    let level_of = |kind: ContainerKind| kinds.iter().position(|k| *k == kind).unwrap_or(0) + 1;
    let mut out = front_matter(meta);
    let mut in_container = false;
    let heading = |out: &mut String, level: usize, text: &str| {
        out.push('\n');
        out.push_str(&"#".repeat(level.min(6)));
        out.push(' ');
        out.push_str(&escape(text));
        out.push('\n');
    };
    for item in &s.items {
        match item {
            Item::Text(b) => {
                out.push('\n');
                out.push_str(&escape(&b.text));
                out.push('\n');
            }
            Item::Issuing(block) => {
                // A level-1 heading: whatever container was open is closed.
                in_container = false;
                let text = block
                    .as_ref()
                    .map_or(issuing_heading(meta.lang), |b| b.text.as_str());
                heading(&mut out, 1, text);
            }
            Item::Memorandum(b) => {
                in_container = false;
                heading(&mut out, 1, &b.text);
            }
            Item::Container {
                kind, heading: h, ..
            } => {
                in_container = true;
                heading(&mut out, level_of(*kind), h);
            }
            Item::Article {
                heading: h,
                title,
                issuing,
                ..
            } => {
                let level = if *issuing {
                    2
                } else if in_container {
                    kinds.len() + 1
                } else {
                    1
                };
                let text = match title {
                    Some(t) => format!("{h}: {t}"),
                    None => h.clone(),
                };
                heading(&mut out, level, &text);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_reads_back_as_written() {
        for text in [
            "- بند",
            "1. first",
            "12) twelfth",
            "# not a heading",
            "a *b* _c_ [d](e) <f> &amp; {#x} `g` \\ | ~ $",
            "> quote",
            "=== rule",
            "١- بند بالأرقام الهندية",
        ] {
            let md = format!("{}\n", escape(text));
            let mut got = String::new();
            for event in pulldown_cmark::Parser::new(&md) {
                match event {
                    pulldown_cmark::Event::Text(t) => got.push_str(&t),
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Paragraph)
                    | pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Paragraph) => {}
                    other => panic!("{text}: {other:?}"),
                }
            }
            assert_eq!(got, text);
        }
    }
}
