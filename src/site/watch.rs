//! Watching a workspace for edits, for `mizan serve`: the operating
//! system's file events (inotify, FSEvents, ...) through `notify`,
//! debounced so that a burst of saves is one rebuild; reads are not
//! changes (a build reads every input). Only what a build
//! reads counts (`mizan.toml`, `glossary.yaml`, `corpus/`, `standards/`,
//! `templates/`, `languages/`, `questionnaires/`);
//! the output folder and the build's own temporary folders never do,
//! wherever they are, so a site written inside the workspace cannot
//! trigger its own rebuild.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long events are gathered before a rebuild.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// The files at the top of a workspace that a build reads.
const ROOT_FILES: [&str; 2] = ["mizan.toml", "glossary.yaml"];

/// The folders of a workspace that a build reads, with all they hold.
const FOLDERS: [&str; 5] = [
    "corpus",
    "standards",
    "templates",
    "languages",
    "questionnaires",
];

/// Which paths are inputs of a build.
#[derive(Debug, Clone)]
pub struct Filter {
    workspace: PathBuf,
    out: PathBuf,
    /// The prefix of the build's temporary and lock files beside `out`
    /// (`.site.tmp-123`, `.site.lock`).
    staging_prefix: String,
}

/// A path with links resolved as far as it exists.
fn real(path: &Path) -> PathBuf {
    let mut missing = Vec::new();
    let mut p = path.to_path_buf();
    loop {
        if let Ok(r) = std::fs::canonicalize(&p) {
            return missing.into_iter().rev().fold(r, |acc, m| acc.join(m));
        }
        match (p.file_name().map(ToOwned::to_owned), p.parent()) {
            (Some(name), Some(parent)) => {
                missing.push(name);
                p = parent.to_path_buf();
            }
            _ => return path.to_path_buf(),
        }
    }
}

impl Filter {
    pub fn new(workspace: &Path, out: &Path) -> Filter {
        let out = real(out);
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Filter {
            workspace: real(workspace),
            staging_prefix: format!(".{name}."),
            out,
        }
    }

    /// Whether a change at `path` calls for a rebuild.
    pub fn is_input(&self, path: &Path) -> bool {
        if path.starts_with(&self.out) {
            return false;
        }
        if let (Some(parent), Some(name)) = (path.parent(), path.file_name())
            && Some(parent) == self.out.parent()
            && name.to_string_lossy().starts_with(&self.staging_prefix)
        {
            return false;
        }
        let Ok(rel) = path.strip_prefix(&self.workspace) else {
            return false;
        };
        // A staging folder's contents: anything under `.site.tmp-*`.
        if let Some(parent) = self.out.parent()
            && let Ok(under) = path.strip_prefix(parent)
            && let Some(Component::Normal(first)) = under.components().next()
            && first.to_string_lossy().starts_with(&self.staging_prefix)
        {
            return false;
        }
        match rel.components().next() {
            Some(Component::Normal(first)) => {
                ROOT_FILES.iter().chain(&FOLDERS).any(|i| first == *i)
            }
            _ => false,
        }
    }
}

/// A running watcher; [`Watcher::next_change`] waits for an edit.
pub struct Watcher {
    inner: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    filter: Filter,
}

/// Whether an event is a change. Opening or reading a file is not: a
/// build reads every input, and counting its reads would rebuild forever.
fn is_change(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_) | EventKind::Other)
}

impl Watcher {
    /// Watches the inputs of the workspace at `workspace`, which builds
    /// into `out`.
    pub fn new(workspace: &Path, out: &Path) -> notify::Result<Watcher> {
        let (tx, events) = channel();
        let mut inner = notify::recommended_watcher(tx)?;
        let filter = Filter::new(workspace, out);
        // The workspace folder itself (for `mizan.toml`, and input folders
        // created later), then each input folder with all it holds.
        inner.watch(&filter.workspace, RecursiveMode::NonRecursive)?;
        for name in &FOLDERS {
            let dir = filter.workspace.join(name);
            if dir.is_dir() {
                inner.watch(&dir, RecursiveMode::Recursive)?;
            }
        }
        Ok(Watcher {
            inner,
            events,
            filter,
        })
    }

    /// The input paths an event changed.
    fn inputs(&self, event: notify::Result<Event>) -> notify::Result<Vec<PathBuf>> {
        let event = event?;
        if !is_change(&event.kind) {
            return Ok(Vec::new());
        }
        Ok(event
            .paths
            .into_iter()
            .filter(|p| self.filter.is_input(p))
            .collect())
    }

    /// Blocks until an input changes, then gathers the changes that follow
    /// within [`DEBOUNCE`] of each other (a burst of saves is one rebuild).
    /// `Err` when the watcher stops.
    pub fn next_change(&mut self) -> notify::Result<Vec<PathBuf>> {
        let stopped = || notify::Error::generic("the file watcher stopped");
        let mut changed = Vec::new();
        while changed.is_empty() {
            let event = self.events.recv().map_err(|_| stopped())?;
            changed = self.inputs(event)?;
        }
        loop {
            match self.events.recv_timeout(DEBOUNCE) {
                Ok(event) => changed.extend(self.inputs(event)?),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Err(stopped()),
            }
        }
        // An input folder made after the start is watched from now on.
        for name in &FOLDERS {
            let dir = self.filter.workspace.join(name);
            if changed.contains(&dir) && dir.is_dir() {
                let _ = self.inner.watch(&dir, RecursiveMode::Recursive);
            }
        }
        changed.sort();
        changed.dedup();
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_folder_and_staging_never_count() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path();
        std::fs::create_dir_all(ws.join("corpus/kw")).unwrap();
        let f = Filter::new(ws, &ws.join("corpus/kw/site"));
        let w = real(ws);
        assert!(f.is_input(&w.join("corpus/kw/a.en.md")));
        assert!(f.is_input(&w.join("mizan.toml")));
        assert!(f.is_input(&w.join("templates/page.html")));
        assert!(f.is_input(&w.join("languages/fr.toml")));
        assert!(f.is_input(&w.join("questionnaires/unodc.yaml")));
        assert!(f.is_input(&w.join("glossary.yaml")));
        assert!(!f.is_input(&w.join("notes.txt")));
        assert!(!f.is_input(&w.join("corpus/kw/site/en/index.html")));
        assert!(!f.is_input(&w.join("corpus/kw/.site.tmp-42/en/index.html")));
        assert!(!f.is_input(&w.join("corpus/kw/.site.lock")));
        assert!(!f.is_input(&w.join("target/debug/mizan")));
        assert!(!f.is_input(&w.join(".mizan/index/meta.json")));
        assert!(!f.is_input(Path::new("/elsewhere/corpus/x.md")));
    }

    #[test]
    fn reading_the_inputs_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path();
        std::fs::create_dir_all(ws.join("corpus/kw")).unwrap();
        std::fs::write(ws.join("corpus/kw/a.en.md"), "x").unwrap();
        let mut w = Watcher::new(ws, &ws.join("site")).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        // A build reads every input: none of that may start another build.
        for _ in 0..3 {
            std::fs::read(ws.join("corpus/kw/a.en.md")).unwrap();
        }
        std::thread::sleep(DEBOUNCE * 2);
        std::fs::write(ws.join("corpus/kw/b.en.md"), "y").unwrap();
        let changed = w.next_change().unwrap();
        assert_eq!(changed, [real(ws).join("corpus/kw/b.en.md")], "{changed:?}");
    }

    #[test]
    fn an_edit_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path();
        std::fs::create_dir_all(ws.join("corpus/kw")).unwrap();
        let mut w = Watcher::new(ws, &ws.join("site")).unwrap();
        std::fs::write(ws.join("site-not-input.txt"), "x").unwrap();
        std::fs::write(ws.join("corpus/kw/a.en.md"), "x").unwrap();
        let changed = w.next_change().unwrap();
        assert!(
            changed
                .iter()
                .all(|p| p.starts_with(real(ws).join("corpus"))),
            "{changed:?}"
        );
    }
}
