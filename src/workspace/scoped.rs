//! Loading only what one work needs: its statute files, its amendments,
//! the settings and the language files, for a command about that work
//! alone (`mizan diff`). Files are chosen by the ids at the top of their
//! front matter, read from their first bytes only; a file whose ids
//! cannot be told that way is read whole, so nothing the work needs is
//! left out. What is read is checked as `Workspace::load` checks it
//! (every diagnostic of those files, the work's expressions against each
//! other, its amendments against its text), but not against the files
//! left unread (standards, mappings, other works).

use std::io::Read;
use std::path::Path;

use rayon::prelude::*;

use crate::diag::Diagnostics;
use crate::ids::WorkId;

use super::discover::{FileKind, SourceFile};
use super::{LoadFailure, Loaded, Overlay, Parsed, Workspace, read_one};

/// What a command needs of the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    /// An amendment (by id), the work it amends and that work's amendments.
    Amendment(&'a str),
    /// A work (by id) and its amendments.
    Work(&'a str),
}

/// How much of a file is read to find the ids in its front matter.
const HEAD: usize = 8192;

/// Characters of the ids looked for (amendment ids are slugs; work ids
/// are `/akn/...` paths); anything else is read whole.
fn id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"/_-.~:".contains(&b)
}

/// The value of a top-level field, when it is a plain one-line id.
fn scalar(v: &str) -> Option<&str> {
    let v = v.trim();
    let v = match v.find(" #") {
        Some(i) => v[..i].trim_end(),
        None => v,
    };
    let v = match v.as_bytes().first() {
        Some(b'"') => v.strip_prefix('"')?.strip_suffix('"')?,
        Some(b'\'') => v.strip_prefix('\'')?.strip_suffix('\'')?,
        _ => v,
    };
    (!v.is_empty() && v.bytes().all(id_byte)).then_some(v)
}

/// The values of the top-level fields `keys` of a front matter, read from
/// `head` (the first bytes of a file; `whole` when that is all of it).
/// `None` when they cannot be told from it for sure: no front matter, not
/// closed within the head, a field written twice or not as a plain id, a
/// line the scan does not understand. Absent fields are `None` inside.
fn fields<'a, const N: usize>(
    head: &'a [u8],
    whole: bool,
    keys: [&str; N],
) -> Option<[Option<&'a str>; N]> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // A character cut at the end of the head.
        Err(e) if !whole && e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    // Only whole lines: the last one may be cut.
    let text = if whole {
        text
    } else {
        &text[..text.rfind('\n')? + 1]
    };
    let mut lines = text.split('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut out: [Option<&str>; N] = [None; N];
    for line in lines {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return Some(out);
        }
        let Some(first) = line.bytes().next() else {
            continue;
        };
        if first == b' ' || first == b'\t' || first == b'#' || first == b'-' {
            // Nested, a comment, or a list item of the field above.
            continue;
        }
        let (key, value) = line.split_once(':')?;
        if !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return None;
        }
        // A quoted value that goes on to the next line.
        let value_start = value.trim_start();
        if let Some(q) = value_start
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\''))
            && !value_start[1..].contains(q)
        {
            return None;
        }
        if let Some(i) = keys.iter().position(|k| *k == key) {
            if out[i].is_some() {
                return None;
            }
            out[i] = Some(scalar(value)?);
        }
    }
    None
}

/// The first bytes of a file (all of it if short), and whether that is
/// all of it.
fn head(path: &Path) -> Option<(Vec<u8>, bool)> {
    let mut buf = Vec::with_capacity(HEAD);
    std::fs::File::open(path)
        .ok()?
        .take(HEAD as u64)
        .read_to_end(&mut buf)
        .ok()?;
    let whole = buf.len() < HEAD;
    Some((buf, whole))
}

/// What the head of a statute or amendment file says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ids {
    /// A statute of this work.
    Statute(WorkId),
    /// An amendment with this id, amending this work.
    Amendment(String, WorkId),
    /// Not told by the head: the file is read whole.
    Unknown,
}

fn ids(file: &SourceFile) -> Ids {
    let Some((bytes, whole)) = head(&file.path) else {
        return Ids::Unknown;
    };
    let parse = |s: &str| WorkId::parse(s).ok();
    match file.kind {
        FileKind::Statute => match fields(&bytes, whole, ["work"]) {
            Some([Some(w)]) => parse(w).map_or(Ids::Unknown, Ids::Statute),
            _ => Ids::Unknown,
        },
        FileKind::Amendment => match fields(&bytes, whole, ["id", "amends"]) {
            Some([Some(id), Some(w)]) => {
                parse(w).map_or(Ids::Unknown, |w| Ids::Amendment(id.to_owned(), w))
            }
            _ => Ids::Unknown,
        },
        _ => Ids::Unknown,
    }
}

/// Fewer files than this are looked at on this thread, not in parallel.
const FEW_FILES: usize = 64;

impl Workspace {
    /// Loads the files `scope` needs and checks them (see the module's
    /// documentation). `Ok(None)` when the scope's amendment or work is
    /// not found that way (or its id is given twice): the caller then loads
    /// the whole workspace, whose diagnostics say why.
    pub fn load_scoped(root: &Path, scope: Scope<'_>) -> Result<Option<Workspace>, LoadFailure> {
        // No languages warmed on another thread, as `load` does: the one
        // or two files read make the languages they are in (and a few
        // files are read without starting the thread pool at all).
        let mut diags = Diagnostics::new();
        let files = super::discover_files(root, &mut diags)?;
        let overlay = Overlay::new();
        let heads = |f: &&SourceFile| matches!(f.kind, FileKind::Statute | FileKind::Amendment);
        let candidates: Vec<(&SourceFile, Ids)> = if files.len() < FEW_FILES {
            files.iter().filter(heads).map(|f| (f, ids(f))).collect()
        } else {
            files
                .par_iter()
                .filter(heads)
                .map(|f| (f, ids(f)))
                .collect()
        };
        let work = match scope {
            Scope::Work(w) => match WorkId::parse(w) {
                Ok(w) => w,
                Err(_) => return Ok(None),
            },
            Scope::Amendment(id) => {
                let mut named = candidates.iter().filter_map(|(_, ids)| match ids {
                    Ids::Amendment(a, w) if a == id => Some(w),
                    _ => None,
                });
                match (named.next(), named.next()) {
                    (Some(w), None) => w.clone(),
                    _ => return Ok(None),
                }
            }
        };
        let wanted = |ids: &Ids| match ids {
            Ids::Statute(w) | Ids::Amendment(_, w) => *w == work,
            Ids::Unknown => true,
        };
        let chosen: Vec<&SourceFile> = candidates
            .iter()
            .filter(|(_, ids)| wanted(ids))
            .map(|(f, _)| *f)
            .collect();
        // Language files first, as in `load`: they register languages.
        let mut results: Vec<Loaded> = files
            .iter()
            .filter(|f| f.kind == FileKind::Language)
            .map(|f| read_one(f, &overlay))
            .collect();
        results.extend(
            files
                .iter()
                .filter(|f| f.kind == FileKind::Settings)
                .map(|f| read_one(f, &overlay)),
        );
        // A statute and its amendment are read on this thread: a pool of
        // threads takes longer to start than the amendment to read.
        let read: Vec<Loaded> = if chosen.len() <= 2 {
            chosen.iter().map(|f| read_one(f, &overlay)).collect()
        } else {
            chosen.par_iter().map(|f| read_one(f, &overlay)).collect()
        };
        // A file read whole because its head could not tell, and that turns
        // out to belong to another work, is left out with its findings.
        results.extend(read.into_iter().filter(|l| match &l.parsed {
            Parsed::Expression(e) => *e.work() == work,
            Parsed::Amendment(a) => {
                a.amends == work || matches!(scope, Scope::Amendment(id) if a.id == id)
            }
            Parsed::FailedStatute(Some(w)) => WorkId::parse(w).ok().is_none_or(|w| w == work),
            _ => true,
        }));
        let proposed = match scope {
            Scope::Amendment(id) => Some(id),
            Scope::Work(_) => None,
        };
        let ws = Workspace::assemble(root, results, diags, false, proposed, Default::default())?;
        let found = match scope {
            Scope::Amendment(id) => ws
                .amendment(id)
                .is_some_and(|a| a.amends == work && ws.work(work.as_str()).is_some()),
            Scope::Work(w) => ws.work(w).is_some(),
        };
        Ok(found.then_some(ws))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_from_the_front_matter_only() {
        let text =
            b"---\nid: a-b\ntitle: X\namends: \"/akn/kw/act/2020/1\" # the law\n---\n## id: no\n";
        assert_eq!(
            fields(text, true, ["id", "amends"]),
            Some([Some("a-b"), Some("/akn/kw/act/2020/1")])
        );
        assert_eq!(fields(text, true, ["work"]), Some([None]));
    }

    #[test]
    fn what_the_scan_cannot_be_sure_of_is_none() {
        // Not closed within the head, or no front matter.
        assert_eq!(
            fields(b"---\nwork: /akn/kw/act/2020/1\n", false, ["work"]),
            None
        );
        assert_eq!(fields(b"work: /akn/kw/act/2020/1\n", true, ["work"]), None);
        // Twice, not a plain id, a quoted value going on, an odd line.
        for front in [
            "work: /akn/kw/act/2020/1\nwork: /akn/kw/act/2020/2\n",
            "work: &a /akn/kw/act/2020/1\n",
            "work:\n  /akn/kw/act/2020/1\n",
            "title: \"two\nwork: /akn/kw/act/2020/1\n  lines\"\n",
            "? work\n: /akn/kw/act/2020/1\n",
        ] {
            let text = format!("---\n{front}---\n");
            assert_eq!(fields(text.as_bytes(), true, ["work"]), None, "{front}");
        }
        // Nested fields and list items are not the top-level one.
        let text = b"---\nnote:\n  work: x\nlist:\n- work: y\nwork: /akn/kw/act/2020/1\n---\n";
        assert_eq!(
            fields(text, true, ["work"]),
            Some([Some("/akn/kw/act/2020/1")])
        );
    }

    #[test]
    fn a_head_cut_inside_a_line_or_a_character_keeps_whole_lines() {
        let mut text = b"---\nwork: /akn/kw/act/2020/1\n---\n".to_vec();
        text.extend("نص".as_bytes());
        let cut = &text[..text.len() - 1];
        assert_eq!(
            fields(cut, false, ["work"]),
            Some([Some("/akn/kw/act/2020/1")])
        );
        assert_eq!(fields(&text[..20], false, ["work"]), None);
    }
}
