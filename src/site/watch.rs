//! Watching a workspace for edits, for `mizan serve`: the operating
//! system's file events (inotify, FSEvents, ...) through `notify`,
//! debounced so that a burst of saves is one rebuild. Only what a build
//! reads counts (`mizan.toml`, `corpus/`, `standards/`, `templates/`);
//! the output folder and the build's own temporary folders never do,
//! wherever they are, so a site written inside the workspace cannot
//! trigger its own rebuild.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_mini::notify::{self, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// How long events are gathered before a rebuild.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// The top-level names of a workspace that a build reads.
const INPUTS: [&str; 4] = ["mizan.toml", "corpus", "standards", "templates"];

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
            Some(Component::Normal(first)) => INPUTS.iter().any(|i| first == *i),
            _ => false,
        }
    }
}

/// A running watcher; changes arrive on [`Watcher::changes`].
pub struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher>,
    events: Receiver<DebounceEventResult>,
    filter: Filter,
}

impl Watcher {
    /// Watches the inputs of the workspace at `workspace`, which builds
    /// into `out`.
    pub fn new(workspace: &Path, out: &Path) -> notify::Result<Watcher> {
        let (tx, events) = channel();
        let mut debouncer = new_debouncer(DEBOUNCE, tx)?;
        let filter = Filter::new(workspace, out);
        // The workspace folder itself (for `mizan.toml`, and input folders
        // created later), then each input folder with all it holds.
        debouncer
            .watcher()
            .watch(&filter.workspace, RecursiveMode::NonRecursive)?;
        for name in &INPUTS[1..] {
            let dir = filter.workspace.join(name);
            if dir.is_dir() {
                debouncer.watcher().watch(&dir, RecursiveMode::Recursive)?;
            }
        }
        Ok(Watcher {
            _debouncer: debouncer,
            events,
            filter,
        })
    }

    /// Blocks until an input changes; `Err` when the watcher stops.
    pub fn next_change(&mut self) -> Result<Vec<PathBuf>, notify::Error> {
        loop {
            let batch = self
                .events
                .recv()
                .map_err(|_| notify::Error::generic("the file watcher stopped"))?;
            let events = batch?;
            let mut changed: Vec<PathBuf> = events
                .into_iter()
                .map(|e| e.path)
                .filter(|p| self.filter.is_input(p))
                .collect();
            if changed.is_empty() {
                continue;
            }
            // An input folder made after the start is watched from now on.
            for name in &INPUTS[1..] {
                let dir = self.filter.workspace.join(name);
                if changed.contains(&dir) && dir.is_dir() {
                    let _ = self
                        ._debouncer
                        .watcher()
                        .watch(&dir, RecursiveMode::Recursive);
                }
            }
            changed.sort();
            changed.dedup();
            return Ok(changed);
        }
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
        assert!(!f.is_input(&w.join("corpus/kw/site/en/index.html")));
        assert!(!f.is_input(&w.join("corpus/kw/.site.tmp-42/en/index.html")));
        assert!(!f.is_input(&w.join("corpus/kw/.site.lock")));
        assert!(!f.is_input(&w.join("target/debug/mizan")));
        assert!(!f.is_input(&w.join(".mizan/index/meta.json")));
        assert!(!f.is_input(Path::new("/elsewhere/corpus/x.md")));
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
