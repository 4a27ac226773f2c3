//! The `mizan` binary, run as the tests run it.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

/// `mizan` with colour off (the tests compare plain text).
pub fn mizan() -> Command {
    let mut c = Command::cargo_bin("mizan").expect("the mizan binary is built for the tests");
    c.env("NO_COLOR", "1");
    c
}

/// Runs `mizan --workspace WORKSPACE ARGS...`; what it printed and how it
/// exited are the test's to check.
pub fn run(workspace: &Path, args: &[&str]) -> Output {
    mizan()
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .expect("mizan runs")
}

/// [`run`] from the folder `cwd` (relative output paths land there).
pub fn run_in(workspace: &Path, args: &[&str], cwd: &Path) -> Output {
    mizan()
        .current_dir(cwd)
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .expect("mizan runs")
}

/// Builds `workspace` into `out` with `profile`; fails the test with the
/// error output when the build fails; returns the JSON report.
pub fn build(workspace: &Path, out: &Path, profile: &str) -> serde_json::Value {
    let output = mizan()
        .arg("--workspace")
        .arg(workspace)
        .args(["build", "--format", "json", "--profile", profile, "--out"])
        .arg(out)
        .output()
        .expect("mizan runs");
    assert!(
        output.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("build --format json prints JSON")
}
