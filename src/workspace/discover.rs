//! Finds the files of a workspace by their place in the folder layout, and
//! holds every one to the reading rules: what is read is a regular file
//! inside the workspace once links are resolved. Anything else found where
//! a file is expected (a folder that cannot be read, a dangling link, a
//! named pipe, a device, a link out of the workspace, a folder named like
//! a file) is a diagnostic that names it, never skipped in silence. A link
//! out of the workspace is never opened, so nothing from outside can reach
//! a diagnostic or a page.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic, Diagnostics};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Settings,
    /// A language file, `languages/<code>.toml`.
    Language,
    Statute,
    Instrument,
    Mapping,
    Amendment,
    /// The glossary, `glossary.yaml` at the workspace root.
    Glossary,
    /// A questionnaire's structure, `questionnaires/<id>.yaml`.
    Questionnaire,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Where to read it: the file itself, links resolved.
    pub path: PathBuf,
    /// How to name it in messages: relative to the current folder when the
    /// workspace is `.`, else under the workspace path as given.
    pub display: Arc<Path>,
    pub kind: FileKind,
}

/// The files of a workspace, and what was found that may not be read.
#[derive(Debug, Clone, Default)]
pub struct Discovered {
    pub files: Vec<SourceFile>,
    pub diagnostics: Diagnostics,
}

/// What a path is once links are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    File(PathBuf),
    Folder(PathBuf),
}

/// The reading rules of one workspace.
#[derive(Debug, Clone)]
pub struct Rules {
    /// The workspace folder as given.
    root: PathBuf,
    /// The same, links resolved.
    real_root: PathBuf,
}

impl Rules {
    /// The rules for the workspace at `root`, which must be a folder.
    pub fn new(root: &Path) -> Result<Rules, Diagnostic> {
        let shown: Arc<Path> = Arc::from(root);
        match fs::metadata(root) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(Diagnostic::error(
                    Code::NoWorkspace,
                    &shown,
                    None,
                    "the workspace is a file, not a folder",
                )
                .with_help("pass the folder that holds `corpus/` with `--workspace DIR`"));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(Diagnostic::error(
                    Code::NoWorkspace,
                    &shown,
                    None,
                    "the workspace folder does not exist",
                )
                .with_help("pass an existing folder with `--workspace DIR`"));
            }
            Err(e) => {
                return Err(Diagnostic::error(
                    Code::NoWorkspace,
                    &shown,
                    None,
                    format!("cannot open the workspace folder: {}", reason(&e)),
                ));
            }
        }
        let real_root = fs::canonicalize(root).map_err(|e| {
            Diagnostic::error(
                Code::NoWorkspace,
                &shown,
                None,
                format!("cannot open the workspace folder: {}", reason(&e)),
            )
        })?;
        Ok(Rules {
            root: root.to_path_buf(),
            real_root,
        })
    }

    /// How to name `path` (under the workspace) in messages.
    pub fn display(&self, path: &Path) -> Arc<Path> {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        if self.root == Path::new(".") || self.root.as_os_str().is_empty() {
            Arc::from(rel)
        } else {
            Arc::from(self.root.join(rel).as_path())
        }
    }

    /// What `path` is, links resolved; `None` when nothing is there. A
    /// path that may not be read is an error naming it.
    pub fn entry(&self, path: &Path) -> Result<Option<Entry>, Diagnostic> {
        let shown = self.display(path);
        let link = match fs::symlink_metadata(path) {
            Ok(m) => m.file_type().is_symlink(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(cannot_read(&shown, &e)),
        };
        let real = match fs::canonicalize(path) {
            Ok(r) => r,
            Err(e) if link && e.kind() == io::ErrorKind::NotFound => {
                let target = fs::read_link(path).unwrap_or_default();
                return Err(Diagnostic::error(
                    Code::BrokenLink,
                    &shown,
                    None,
                    format!("a link to `{}`, which does not exist", target.display()),
                )
                .with_help("remove the link, or restore what it points to"));
            }
            Err(e) => return Err(cannot_read(&shown, &e)),
        };
        if !real.starts_with(&self.real_root) {
            return Err(Diagnostic::error(
                Code::LinkOutsideWorkspace,
                &shown,
                None,
                "a link to something outside the workspace; only files inside it are read",
            )
            .with_help("copy the file into the workspace instead of linking to it"));
        }
        let meta = fs::metadata(&real).map_err(|e| cannot_read(&shown, &e))?;
        if meta.is_file() {
            Ok(Some(Entry::File(real)))
        } else if meta.is_dir() {
            Ok(Some(Entry::Folder(real)))
        } else {
            Err(Diagnostic::error(
                Code::SpecialFile,
                &shown,
                None,
                format!("{}, not a regular file", special_kind(&meta)),
            )
            .with_help("replace it with a regular file, or remove it"))
        }
    }

    /// Reads a file that may be absent (a template override): `None` when
    /// nothing is there; anything the rules forbid is an error.
    pub fn read_optional(&self, path: &Path) -> Result<Option<Vec<u8>>, Diagnostic> {
        let shown = self.display(path);
        match self.entry(path)? {
            None => Ok(None),
            Some(Entry::File(real)) => fs::read(real)
                .map(Some)
                .map_err(|e| cannot_read(&shown, &e)),
            Some(Entry::Folder(_)) => Err(Diagnostic::error(
                Code::LayoutMismatch,
                &shown,
                None,
                "a folder where a file is expected",
            )),
        }
    }

    /// The names in a folder, sorted; an unreadable folder is an error.
    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
        let entries = fs::read_dir(dir).map_err(|e| {
            Diagnostic::error(
                Code::UnreadableFile,
                &self.display(dir),
                None,
                format!("cannot read the folder: {}", reason(&e)),
            )
            .with_help("give the folder read permission (its files would be left out)")
        })?;
        let mut out = Vec::new();
        for e in entries {
            let e = e.map_err(|e| cannot_read(&self.display(dir), &e))?;
            out.push(e.path());
        }
        out.sort();
        Ok(out)
    }
}

fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

fn cannot_read(shown: &Arc<Path>, e: &io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::UnreadableFile,
        shown,
        None,
        format!("cannot read it: {}", reason(e)),
    )
}

#[cfg(unix)]
fn special_kind(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::Metadata) -> &'static str {
    "a special file"
}

/// A file of the layout: `kind` is what it would be read as.
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e))
}

struct Walk<'a> {
    rules: &'a Rules,
    out: Discovered,
}

impl Walk<'_> {
    fn add(&mut self, path: PathBuf, real: PathBuf, kind: FileKind) {
        self.out.files.push(SourceFile {
            display: self.rules.display(&path),
            path: real,
            kind,
        });
    }

    /// A file the layout names at the workspace root (`mizan.toml`,
    /// `glossary.yaml`): absent is fine; a folder in its place is not.
    fn optional_file(&mut self, path: PathBuf, kind: FileKind, folder_message: &str) {
        match self.rules.entry(&path) {
            Ok(Some(Entry::File(real))) => self.add(path, real, kind),
            Ok(Some(Entry::Folder(_))) => self.out.diagnostics.push(
                Diagnostic::error(
                    Code::LayoutMismatch,
                    &self.rules.display(&path),
                    None,
                    folder_message,
                )
                .with_help("remove the folder, or put the file in its place"),
            ),
            Ok(None) => {}
            Err(d) => self.out.diagnostics.push(d),
        }
    }

    /// A folder the layout names (`amendments/`, `standards/`): absent is
    /// fine; a file there, or a folder that cannot be read, is not.
    fn folder(&mut self, dir: &Path) -> Option<Vec<PathBuf>> {
        match self.rules.entry(dir) {
            Ok(None) => None,
            Ok(Some(Entry::Folder(_))) => match self.rules.list(dir) {
                Ok(names) => Some(names),
                Err(d) => {
                    self.out.diagnostics.push(d);
                    None
                }
            },
            Ok(Some(Entry::File(_))) => {
                self.out.diagnostics.push(
                    Diagnostic::error(
                        Code::LayoutMismatch,
                        &self.rules.display(dir),
                        None,
                        "a file where the layout has a folder",
                    )
                    .with_help("move the file away; this name is for a folder of files"),
                );
                None
            }
            Err(d) => {
                self.out.diagnostics.push(d);
                None
            }
        }
    }

    /// The files of `dir` with one of `extensions`, read as `kind`.
    fn files(&mut self, dir: &Path, extensions: &[&str], kind: FileKind) {
        let Some(names) = self.folder(dir) else {
            return;
        };
        for path in names {
            if !has_extension(&path, extensions) {
                continue;
            }
            match self.rules.entry(&path) {
                Ok(Some(Entry::File(real))) => self.add(path, real, kind),
                Ok(Some(Entry::Folder(_))) => self.out.diagnostics.push(
                    Diagnostic::warning(
                        Code::FolderNamedLikeFile,
                        &self.rules.display(&path),
                        None,
                        "a folder named like a data file; it is not read",
                    )
                    .with_help("rename the folder, or put the file itself here"),
                ),
                Ok(None) => {}
                Err(d) => self.out.diagnostics.push(d),
            }
        }
    }
}

/// Lists the workspace's files. A folder that is not a workspace (no
/// `corpus/` with at least one jurisdiction) is an error; so is a root
/// that is not a folder.
pub fn discover(root: &Path) -> Result<Discovered, Diagnostic> {
    let rules = Rules::new(root)?;
    let mut walk = Walk {
        rules: &rules,
        out: Discovered::default(),
    };
    let corpus = root.join("corpus");
    let mut jurisdictions = Vec::new();
    for path in walk.folder(&corpus).unwrap_or_default() {
        match rules.entry(&path) {
            Ok(Some(Entry::Folder(_))) => jurisdictions.push(path),
            Ok(_) => {}
            Err(d) => walk.out.diagnostics.push(d),
        }
    }
    if jurisdictions.is_empty() && !walk.out.diagnostics.has_errors() {
        return Err(Diagnostic::error(
            Code::NoCorpus,
            &rules.display(&corpus),
            None,
            "the workspace has no corpus: expected a folder `corpus/<cc>/` with statutes",
        )
        .with_help("create `corpus/kw/` (one folder per jurisdiction) or pass `--workspace DIR`"));
    }
    walk.optional_file(
        root.join("mizan.toml"),
        FileKind::Settings,
        "`mizan.toml` is a folder; the settings are a file",
    );
    walk.optional_file(
        root.join("glossary.yaml"),
        FileKind::Glossary,
        "`glossary.yaml` is a folder; the glossary is a file",
    );
    walk.files(&root.join("languages"), &["toml"], FileKind::Language);
    walk.files(
        &root.join("questionnaires"),
        &["yaml", "yml"],
        FileKind::Questionnaire,
    );
    for dir in jurisdictions {
        walk.files(&dir, &["md"], FileKind::Statute);
        walk.files(&dir.join("amendments"), &["md"], FileKind::Amendment);
        walk.files(&dir.join("mappings"), &["yaml", "yml"], FileKind::Mapping);
    }
    walk.files(
        &root.join("standards"),
        &["yaml", "yml"],
        FileKind::Instrument,
    );
    Ok(walk.out)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn layout() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("ws/corpus/kw/amendments")).unwrap();
        fs::write(dir.path().join("ws/corpus/kw/a.en.md"), "x").unwrap();
        fs::write(dir.path().join("secret.md"), "secret").unwrap();
        dir
    }

    fn messages(d: &Discovered) -> Vec<String> {
        d.diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.path.display(), d.message))
            .collect()
    }

    #[test]
    fn links_inside_are_read_and_links_outside_are_errors() {
        let dir = layout();
        let ws = dir.path().join("ws");
        let kw = ws.join("corpus/kw");
        symlink(kw.join("a.en.md"), kw.join("b.en.md")).unwrap();
        symlink(dir.path().join("secret.md"), kw.join("c.en.md")).unwrap();
        symlink(kw.join("gone.md"), kw.join("d.en.md")).unwrap();
        fs::create_dir(kw.join("e.en.md")).unwrap();
        let found = discover(&ws).unwrap();
        let names: Vec<_> = found
            .files
            .iter()
            .map(|f| f.display.to_path_buf())
            .collect();
        assert_eq!(names, [kw.join("a.en.md"), kw.join("b.en.md")]);
        assert_eq!(
            found.files[1].path,
            fs::canonicalize(kw.join("a.en.md")).unwrap()
        );
        let m = messages(&found);
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m[0].ends_with(
            "c.en.md: a link to something outside the workspace; only files inside it are read"
        ));
        assert!(
            m[1].contains("d.en.md: a link to `")
                && m[1].ends_with("gone.md`, which does not exist")
        );
        assert!(m[2].ends_with("e.en.md: a folder named like a data file; it is not read"));
        assert!(!m.iter().any(|m| m.contains("secret")));
    }

    #[test]
    fn a_root_that_is_a_file_is_named_as_such() {
        let dir = layout();
        let d = discover(&dir.path().join("secret.md")).unwrap_err();
        assert_eq!(d.message, "the workspace is a file, not a folder");
        let d = discover(&dir.path().join("nothing")).unwrap_err();
        assert_eq!(d.message, "the workspace folder does not exist");
    }

    #[test]
    fn a_settings_folder_and_a_layout_file_are_errors() {
        let dir = layout();
        let ws = dir.path().join("ws");
        fs::create_dir(ws.join("mizan.toml")).unwrap();
        fs::write(ws.join("standards"), "").unwrap();
        let m = messages(&discover(&ws).unwrap());
        assert!(
            m[0].ends_with("mizan.toml: `mizan.toml` is a folder; the settings are a file"),
            "{m:?}"
        );
        assert!(
            m[1].ends_with("standards: a file where the layout has a folder"),
            "{m:?}"
        );
    }
}
