//! `mizan lsp` with a real client: Neovim, headless, its built-in LSP
//! client attached to a workspace file (tests/lsp/neovim.lua). tests/setup
//! installs Neovim from Debian's packages.

use std::path::Path;
use std::process::Command;

use mizan::testing::files::{copy_dir, example_workspace};

#[test]
fn neovim_shows_the_diagnostics_and_the_hover() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let mapping = ws.join("corpus/kw/mappings/tip.yaml");
    let text = std::fs::read_to_string(&mapping).unwrap();
    let out = dir.path().join("neovim.out");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lsp/neovim.lua");
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("WS", ws.canonicalize().unwrap())
        .env("OUT", &out)
        .env("MIZAN", env!("CARGO_BIN_EXE_mizan"))
        .status()
        .expect("Neovim runs (tests/setup installs the Debian package `neovim`)");
    assert!(status.success(), "nvim exited with {status}");
    let report = std::fs::read_to_string(&out).expect("the script wrote its report");
    assert!(report.contains("waited true\n"), "{report}");
    let line = text
        .lines()
        .position(|l| l.contains("status: partial"))
        .unwrap()
        + 1;
    assert!(
        report.contains(&format!("diagnostic {line}:")) && report.contains("M0108"),
        "the error on line {line}, with its code: {report}"
    );
    assert!(
        report.contains("hover **Law No. 91 of 2013"),
        "the hover names the law: {report}"
    );
}
