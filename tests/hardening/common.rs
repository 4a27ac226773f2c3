//! Helpers shared by the hardening tests, beside those of every test
//! (`mizan::testing`).

use std::fs;
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

pub use mizan::testing::cli::{mizan, run};
pub use mizan::testing::files::{copy_dir, example_workspace, repo};

pub const STATUTE: &str = "corpus/kw/act-2013-91.en.md";
pub const AMENDMENT: &str = "corpus/kw/amendments/victim-compensation.md";

/// A valid workspace (the book's example) in a temporary folder.
pub fn workspace() -> TempDir {
    let dir = TempDir::new().unwrap();
    copy_dir(&example_workspace(), dir.path());
    dir
}

pub fn edit(dir: &TempDir, rel: &str, f: impl FnOnce(String) -> String) {
    let p = dir.path().join(rel);
    let text = fs::read_to_string(&p).unwrap();
    fs::write(&p, f(text)).unwrap();
}

/// Runs `check --format json` on `ws`; returns (exit code, diagnostics).
pub fn check(ws: &Path) -> (i32, Vec<Value>) {
    let out = run(ws, &["check", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("check prints JSON; stderr: {stderr}"));
    let diags = json["diagnostics"].as_array().unwrap().clone();
    (out.status.code().unwrap(), diags)
}

/// Finds the diagnostic whose message contains `needle`; asserts its file,
/// line and column (`None` for a whole-file diagnostic) and severity.
pub fn expect(
    diags: &[Value],
    severity: &str,
    file_suffix: &str,
    at: Option<(u64, u64)>,
    needle: &str,
) -> Value {
    let d = diags
        .iter()
        .find(|d| {
            d["message"].as_str().unwrap().contains(needle)
                && d["file"].as_str().unwrap().ends_with(file_suffix)
        })
        .unwrap_or_else(|| panic!("no diagnostic containing {needle:?} in {diags:#?}"));
    assert!(
        d["file"].as_str().unwrap().ends_with(file_suffix),
        "file of {d:#?}"
    );
    let place = at.map(|(l, c)| (Some(l), Some(c)));
    let found = d["line"].as_u64().map(|l| (Some(l), d["column"].as_u64()));
    assert_eq!(found, place, "{d:#?}");
    assert_eq!(d["severity"], severity, "{d:#?}");
    d.clone()
}
