//! The reading rules: every file the workspace reads is a regular file
//! inside the workspace once links are resolved. What is not (an
//! unreadable folder, a dangling link, a named pipe, a link to a device or
//! out of the workspace, a folder named like a file, a `mizan.toml` that is
//! a folder) is an error or a warning naming it, never skipped in silence;
//! content from outside the workspace never reaches a message; and `build`
//! keeps the previous site when loading fails for any of these.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Duration;

use serde_json::Value;

use super::common::*;

const KW: &str = "corpus/kw";

/// `check --format json` with a deadline (a named pipe must not hang it).
fn check_within(ws: &Path) -> (i32, Vec<Value>, String) {
    let out = mizan()
        .arg("--workspace")
        .arg(ws)
        .args(["check", "--format", "json"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{stderr}"));
    let diags = json["diagnostics"].as_array().unwrap().clone();
    (out.status.code().unwrap(), diags, stderr)
}

fn check_text(ws: &Path) -> (i32, String) {
    let out = mizan()
        .arg("--workspace")
        .arg(ws)
        .arg("check")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap(), all)
}

#[test]
fn a_statute_linked_to_a_system_file_is_an_error_that_shows_none_of_it() {
    let dir = workspace();
    let link = format!("{KW}/passwd.en.md");
    symlink("/etc/passwd", dir.path().join(&link)).unwrap();
    let (code, diags, _) = check_within(dir.path());
    assert_eq!(code, 1);
    expect(
        &diags,
        "error",
        &link,
        None,
        "a link to something outside the workspace; only files inside it are read",
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let (code, text) = check_text(dir.path());
    assert_eq!(code, 1);
    assert!(!text.contains("root:"), "{text}");
}

#[test]
fn a_statute_outside_the_workspace_is_never_published() {
    let dir = workspace();
    let outside = tempfile::tempdir().unwrap();
    let law = outside.path().join("act-2020-1.en.md");
    fs::write(
        &law,
        "---\nwork: /akn/kw/act/2020/1\nlang: en\ntitle: Outside Law\ndate: 2020-01-01\nstatus: in-force\nauthority: unofficial-summary\n---\n\n## Article 1\n\nOUTSIDE-TEXT.\n",
    )
    .unwrap();
    symlink(&law, dir.path().join(KW).join("act-2020-1.en.md")).unwrap();
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("site");
    let built = mizan()
        .arg("--workspace")
        .arg(dir.path())
        .args(["build", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(built.status.code(), Some(1));
    let err = String::from_utf8_lossy(&built.stderr);
    assert!(
        err.contains("act-2020-1.en.md: error[M0116]: a link to something outside the workspace"),
        "{err}"
    );
    assert!(!err.contains("OUTSIDE-TEXT") && !out.exists(), "{err}");
}

#[test]
fn dangling_links_pipes_and_devices_are_named() {
    let dir = workspace();
    let kw = dir.path().join(KW);
    symlink("nowhere.md", kw.join("gone.en.md")).unwrap();
    symlink("/dev/zero", kw.join("mappings/zero.yaml")).unwrap();
    let fifo = kw.join("amendments/pipe.md");
    let made = Process::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let (code, diags, _) = check_within(dir.path());
    assert_eq!(code, 1);
    expect(
        &diags,
        "error",
        &format!("{KW}/gone.en.md"),
        None,
        "a link to `nowhere.md`, which does not exist",
    );
    expect(
        &diags,
        "error",
        &format!("{KW}/mappings/zero.yaml"),
        None,
        "a link to something outside the workspace",
    );
    expect(
        &diags,
        "error",
        &format!("{KW}/amendments/pipe.md"),
        None,
        "a named pipe (FIFO), not a regular file",
    );
    assert_eq!(diags.len(), 3, "{diags:#?}");
}

#[test]
fn folders_named_like_files_are_warnings_and_a_settings_folder_an_error() {
    let dir = workspace();
    fs::create_dir(dir.path().join(KW).join("notes.md")).unwrap();
    fs::create_dir(dir.path().join("standards/old.yaml")).unwrap();
    let (code, diags, _) = check_within(dir.path());
    assert_eq!(code, 0, "{diags:#?}");
    for file in [format!("{KW}/notes.md"), "standards/old.yaml".to_owned()] {
        expect(
            &diags,
            "warning",
            &file,
            None,
            "a folder named like a data file; it is not read",
        );
    }
    fs::remove_file(dir.path().join("mizan.toml")).unwrap();
    fs::create_dir(dir.path().join("mizan.toml")).unwrap();
    let (code, diags, _) = check_within(dir.path());
    assert_eq!(code, 1);
    expect(
        &diags,
        "error",
        "mizan.toml",
        None,
        "`mizan.toml` is a folder; the settings are a file",
    );
}

#[test]
fn a_workspace_that_is_a_file_and_an_empty_settings_file() {
    let dir = workspace();
    let file = dir.path().join("mizan.toml");
    let (code, diags, _) = check_within(&file);
    assert_eq!(code, 1);
    expect(
        &diags,
        "error",
        "mizan.toml",
        None,
        "the workspace is a file, not a folder",
    );
    // An empty `mizan.toml` is a missing one: the defaults apply.
    fs::write(&file, "").unwrap();
    let (code, diags, _) = check_within(dir.path());
    assert_eq!(code, 0, "{diags:#?}");
    assert!(
        !diags
            .iter()
            .any(|d| d["file"].as_str().unwrap().ends_with("mizan.toml")),
        "{diags:#?}"
    );
}

#[test]
fn a_folder_that_cannot_be_opened_is_an_error_even_for_root() {
    // A link loop cannot be opened by anyone, root included.
    let dir = workspace();
    let mappings = dir.path().join(KW).join("mappings");
    fs::remove_dir_all(&mappings).unwrap();
    symlink("mappings", &mappings).unwrap();
    let (code, diags, _) = check_within(dir.path());
    assert_eq!(code, 1);
    let d = expect(
        &diags,
        "error",
        &format!("{KW}/mappings"),
        None,
        "cannot read it:",
    );
    assert!(
        d["message"].as_str().unwrap().contains("symbolic links"),
        "{d:#?}"
    );
}

/// The mizan binary, copied where any user may run it.
fn public_binary(dir: &Path) -> PathBuf {
    let bin = dir.join("mizan");
    fs::copy(assert_cmd::cargo::cargo_bin("mizan"), &bin).unwrap();
    fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

/// Runs mizan as a user that permissions apply to: the current one when
/// it is not root, else `nobody` through `setpriv` (CI runs as root, which
/// reads any folder). `None` when neither is possible.
fn as_restricted_user(probe: &Path, bin: &Path) -> Option<Process> {
    if fs::read_dir(probe).is_err() {
        return Some(Process::new(bin));
    }
    let setpriv = Path::new("/usr/bin/setpriv");
    if !setpriv.exists() {
        return None;
    }
    let mut c = Process::new(setpriv);
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(bin);
    Some(c)
}

#[test]
fn an_unreadable_folder_is_an_error_and_the_site_is_kept() {
    let top = tempfile::tempdir().unwrap();
    fs::set_permissions(top.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let ws = top.path().join("ws");
    copy_dir(&repo().join("book/src/examples/workspace"), &ws);
    let bin = public_binary(top.path());
    let out = top.path().join("site");
    let run = |args: &[&str], probe: &Path| {
        let mut c = as_restricted_user(probe, &bin)?;
        c.arg("--workspace")
            .arg(&ws)
            .args(args)
            .env("NO_COLOR", "1");
        Some(c.output().unwrap())
    };
    let build = ["build", "--out", out.to_str().unwrap()];
    let first = run(&build, &ws).expect("running the build");
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = fs::read(out.join("en/index.html")).unwrap();

    for locked in ["corpus/kw/mappings", "corpus/kw/amendments", "corpus/kw"] {
        let folder = ws.join(locked);
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o000)).unwrap();
        let checked = run(&["check"], &folder);
        let rebuilt = run(&build, &folder);
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        let (Some(checked), Some(rebuilt)) = (checked, rebuilt) else {
            eprintln!("skipped: root, and no way to run as another user");
            return;
        };
        let err = String::from_utf8_lossy(&checked.stderr);
        assert_eq!(checked.status.code(), Some(1), "{err}");
        assert!(
            err.contains(&format!(
                "{locked}: error[M0105]: cannot read the folder: permission denied"
            )),
            "{err}"
        );
        assert_eq!(rebuilt.status.code(), Some(1));
        assert_eq!(fs::read(out.join("en/index.html")).unwrap(), before);
    }
}
