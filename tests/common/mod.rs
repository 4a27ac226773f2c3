//! What the command-line tests of the gap report share: the repository
//! root, and `mizan` run on a workspace.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root (where the bundled workspace is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `mizan --workspace WORKSPACE ARGS`, whatever its exit status.
pub fn mizan(workspace: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("mizan")
        .unwrap()
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .unwrap()
}

/// `mizan --workspace WORKSPACE ARGS` must succeed; its standard output.
pub fn stdout(workspace: &Path, args: &[&str]) -> String {
    let out = mizan(workspace, args);
    assert!(
        out.status.success(),
        "mizan {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
