//! Finds the files of a workspace by their place in the folder layout.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Settings,
    Statute,
    Instrument,
    Mapping,
    Amendment,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Where to read it.
    pub path: PathBuf,
    /// How to name it in messages: relative to the current folder when the
    /// workspace is `.`, else under the workspace path as given.
    pub display: Arc<Path>,
    pub kind: FileKind,
}

fn display(root: &Path, rel: &Path) -> Arc<Path> {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        Arc::from(rel)
    } else {
        Arc::from(root.join(rel).as_path())
    }
}

/// The entries of a folder with a given extension, sorted by name.
fn files_with(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    out.sort();
    out
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// Lists the workspace's files. A folder that is not a workspace (no
/// `corpus/` with at least one jurisdiction) is an error.
pub fn discover(root: &Path) -> Result<Vec<SourceFile>, Diagnostic> {
    let root_display: Arc<Path> = Arc::from(root);
    if !root.is_dir() {
        return Err(Diagnostic::error(
            Code::NoWorkspace,
            &root_display,
            None,
            "the workspace folder does not exist",
        )
        .with_help("pass an existing folder with `--workspace DIR`"));
    }
    let corpus = root.join("corpus");
    let jurisdictions = subdirs(&corpus);
    if jurisdictions.is_empty() {
        let path = display(root, Path::new("corpus"));
        return Err(Diagnostic::error(
            Code::NoCorpus,
            &path,
            None,
            "the workspace has no corpus: expected a folder `corpus/<cc>/` with statutes",
        )
        .with_help("create `corpus/kw/` (one folder per jurisdiction) or pass `--workspace DIR`"));
    }
    let mut files = Vec::new();
    let mut add = |path: PathBuf, kind: FileKind| {
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        files.push(SourceFile {
            display: display(root, &rel),
            path,
            kind,
        });
    };
    let settings = root.join("mizan.toml");
    if settings.is_file() {
        add(settings, FileKind::Settings);
    }
    for dir in jurisdictions {
        for f in files_with(&dir, &["md"]) {
            add(f, FileKind::Statute);
        }
        for f in files_with(&dir.join("amendments"), &["md"]) {
            add(f, FileKind::Amendment);
        }
        for f in files_with(&dir.join("mappings"), &["yaml", "yml"]) {
            add(f, FileKind::Mapping);
        }
    }
    for f in files_with(&root.join("standards"), &["yaml", "yml"]) {
        add(f, FileKind::Instrument);
    }
    Ok(files)
}
