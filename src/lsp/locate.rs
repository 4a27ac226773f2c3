//! What the cursor is on: an article id, a provision reference, a
//! provision named in a mapping entry, an amendment operation's heading, or
//! an article heading of a statute.

use std::ops::Range;
use std::path::Path;

use crate::Workspace;
use crate::amend::Amendment;
use crate::corpus::Expression;
use crate::ids::{ArticleRef, ProvisionRef};

/// A thing the cursor can be on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An article id (`/akn/kw/act/2013/91/~art_2`), or the heading of an
    /// article in a statute file.
    Article(ArticleRef),
    /// A provision (`tip/art_6__para_3`, optionally `#element`), written
    /// as a reference or as a mapping entry's `provision:` value.
    Provision(ProvisionRef),
    /// The heading of one operation of an amendment: its index.
    Operation { amendment: String, index: usize },
}

/// The characters an id or reference is written with.
fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '~' | '_' | '-' | '@' | '.' | '#' | ':' | '!')
}

/// The run of id characters around `offset`, and where it lies.
pub fn word_at(text: &str, offset: usize) -> Option<(&str, Range<usize>)> {
    let offset = offset.min(text.len());
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| id_char(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !id_char(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    let word = text[start..end].trim_end_matches(['.', ':', ',']);
    (!word.is_empty()).then(|| (word, start..start + word.len()))
}

/// What lies at `offset` of the file at `path` (whose text is `text`).
pub fn target_at(ws: &Workspace, path: &Path, text: &str, offset: usize) -> Option<Target> {
    if let Some((word, _)) = word_at(text, offset) {
        if word.starts_with("/akn/")
            && let Ok(r) = ArticleRef::parse(word)
        {
            return Some(Target::Article(r));
        }
        if let Ok(r) = ProvisionRef::parse(word)
            && ws.instrument(&r.standard).is_some()
        {
            return Some(Target::Provision(r));
        }
        if let Some(r) = mapping_provision(ws, path, text, offset, word) {
            return Some(Target::Provision(r));
        }
    }
    if let Some(a) = ws.amendments.iter().find(|a| same_file(&a.path, path)) {
        return operation_at(a, offset);
    }
    statute_article_at(ws, path, offset)
}

/// A mapping entry's `provision:` value under the cursor, read with the
/// mapping's instrument, or a provision's `id:` in its instrument file.
fn mapping_provision(
    ws: &Workspace,
    path: &Path,
    text: &str,
    offset: usize,
    word: &str,
) -> Option<ProvisionRef> {
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let key = line.trim_start().trim_start_matches("- ").trim_start();
    if key.starts_with("id:") {
        // A provision's own entry in its instrument file.
        let instrument = ws.instruments.iter().find(|i| same_file(&i.path, path))?;
        instrument.provision(word)?;
        return ProvisionRef::parse(&format!("{}/{word}", instrument.id)).ok();
    }
    if !key.starts_with("provision:") {
        return None;
    }
    let standard = ws
        .mappings
        .iter()
        .find(|m| same_file(&m.path, path))
        .map(|m| m.standard.clone())
        .or_else(|| {
            // In an amendment's mapping changes, each entry names its
            // instrument.
            ws.amendments
                .iter()
                .find(|a| same_file(&a.path, path))?
                .mapping_changes
                .iter()
                .find(|e| e.provision == word)
                .map(|e| e.standard.clone())
        })?;
    ProvisionRef::parse(&format!("{standard}/{word}")).ok()
}

fn operation_at(a: &Amendment, offset: usize) -> Option<Target> {
    a.operations
        .iter()
        .position(|o| o.span.start <= offset && offset <= o.span.end)
        .map(|index| Target::Operation {
            amendment: a.id.clone(),
            index,
        })
}

fn statute_article_at(ws: &Workspace, path: &Path, offset: usize) -> Option<Target> {
    let expression = expression_of(ws, path)?;
    let article = expression
        .articles
        .iter()
        .find(|a| a.span.start <= offset && offset <= a.span.end)?;
    Some(Target::Article(ArticleRef {
        work: expression.work().clone(),
        eid: article.eid.clone(),
    }))
}

/// The statute expression read from `path`.
pub fn expression_of<'w>(ws: &'w Workspace, path: &Path) -> Option<&'w Expression> {
    ws.works
        .iter()
        .flat_map(|w| &w.expressions)
        .find(|e| same_file(&e.path, path))
}

/// Whether a path a reader names (under the workspace folder as given) is
/// the file at `path`.
pub fn same_file(named: &Path, path: &Path) -> bool {
    named == path || (named.is_relative() && path.ends_with(named))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_under_the_cursor_is_a_whole_id() {
        let text = "articles: [/akn/kw/act/2013/91/~art_2, /akn/kw/act/2013/91/~art_3]";
        let at = text.find("91/~art_2").unwrap();
        let (word, span) = word_at(text, at).unwrap();
        assert_eq!(word, "/akn/kw/act/2013/91/~art_2");
        assert_eq!(&text[span], word);
        // A sentence's full stop is not part of the id.
        let text = "See tip/art_6__para_3.";
        assert_eq!(word_at(text, 6).unwrap().0, "tip/art_6__para_3");
        assert_eq!(word_at("a  b", 2), None);
    }
}
