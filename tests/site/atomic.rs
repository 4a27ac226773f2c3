//! Output is atomic: a build that fails leaves the previous site as it
//! was; concurrent builds into one folder wait for each other; a rebuild
//! after editing one article renders only what changed.

use std::path::Path;

use super::common::*;

fn build_fails(ws: &Path, out: &Path) -> String {
    let o = mizan()
        .arg("--workspace")
        .arg(ws)
        .args(["build", "--out"])
        .arg(out)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect()
}

#[test]
fn a_build_that_fails_on_bad_input_leaves_the_previous_site_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let out = dir.path().join("site");
    build(&ws, &out, "public");
    let before = snapshot(&out);

    // 1. A statute that does not load.
    let law = ws.join("corpus/kw/act-2013-91.en.md");
    let good = read(&law);
    std::fs::write(
        &law,
        good.replace("work: /akn/kw/act/2013/91", "work: not-a-work-id"),
    )
    .unwrap();
    let err = build_fails(&ws, &out);
    assert!(err.contains("act-2013-91.en.md:2:"), "{err}");
    assert_eq!(snapshot(&out), before);
    std::fs::write(&law, &good).unwrap();

    // 2. A template that fails while pages are being written.
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(
        ws.join("templates/work.html"),
        r#"{% extends "base.html" %}{% block main %}{{ t("no.such.message") }}{% endblock %}"#,
    )
    .unwrap();
    let err = build_fails(&ws, &out);
    assert!(err.contains("no.such.message"), "{err}");
    assert!(err.contains("previous site is unchanged"), "{err}");
    assert_eq!(snapshot(&out), before);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_folder_that_is_not_a_site_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("docs");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("thesis.txt"), "years of work").unwrap();
    let err = build_fails(&example_workspace(), &out);
    assert!(err.contains("is not a site built by mizan"), "{err}");
    assert_eq!(read(&out.join("thesis.txt")), "years of work");
}

#[test]
fn concurrent_builds_into_one_folder_wait_for_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let bin = assert_cmd::cargo::cargo_bin("mizan");
    let children: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(&bin)
                .arg("--workspace")
                .arg(example_workspace())
                .args(["build", "--out"])
                .arg(&out)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert!(out.join("en/index.html").is_file());
    assert!(out.join(".mizan-site.json").is_file());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_rebuild_after_editing_one_article_renders_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let out = dir.path().join("site");
    let first = build(&ws, &out, "public");
    let pages = first["pages"].as_u64().unwrap();
    assert_eq!(first["rendered"].as_u64().unwrap(), pages);

    let again = build(&ws, &out, "public");
    assert_eq!(again["rendered"], 0, "nothing changed");
    assert_eq!(again["search_indexed"], 0);

    let law = ws.join("corpus/kw/act-2013-91.en.md");
    let text = read(&law).replace(
        "An inserted article keeps its number and suffix.",
        "An inserted article keeps its number and its suffix, always.",
    );
    std::fs::write(&law, text).unwrap();
    let edited = build(&ws, &out, "public");
    let rendered = edited["rendered"].as_u64().unwrap();
    // The law's English page and the article's English page, and the gap
    // report in each language (its cover names the revision, a digest of
    // every file read), and nothing else: the Arabic pages hold only Arabic
    // (the law's side-by-side view reads the English page when asked).
    assert_eq!(rendered, 4, "{edited}");
    assert_eq!(edited["search_indexed"], 1);
    assert!(read(&out.join("en/works/act-2013-91/index.html")).contains("its suffix, always."));
    assert!(
        read(&out.join("en/works/act-2013-91/art_2bis/index.html")).contains("its suffix, always.")
    );
    check_all_files_present(&out);
}

fn check_all_files_present(out: &Path) {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&out.join(".mizan-site.json"))).unwrap();
    for (path, _) in manifest["files"].as_object().unwrap() {
        assert!(
            out.join(path).exists(),
            "{path} is in the manifest but not in the site"
        );
    }
}

#[test]
fn an_output_folder_that_cannot_be_written_is_named_in_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A file where a folder must go: in the path, and as the folder itself.
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "keep me").unwrap();
    let err = build_fails(&example_workspace(), &file.join("site"));
    assert!(
        err.contains(&format!(
            "cannot write the site to {}",
            file.join("site").display()
        )),
        "{err}"
    );
    assert!(err.contains("it is a file, not a folder"), "{err}");
    let err = build_fails(&example_workspace(), &file);
    assert!(err.contains("it is a file, not a folder"), "{err}");
    assert_eq!(read(&file), "keep me");

    // A folder without write permission (root ignores permissions, so
    // this half runs for other users only).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(locked.join("probe"), "").is_err() {
            let err = build_fails(&example_workspace(), &locked.join("site"));
            assert!(err.contains("permission denied"), "{err}");
            assert!(!locked.join("site").exists());
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// `kill -9` in the middle of a build: the previous site is still whole and
/// served as it was, and the next build clears what the killed one left.
/// "In the middle" is checked, not hoped for: the kill must land while the
/// build's temporary folder exists and holds pages, before the swap.
#[cfg(unix)]
#[test]
fn a_build_killed_with_sigkill_leaves_the_previous_site_usable() {
    use std::os::unix::process::ExitStatusExt;
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    mizan_generate::generate(&mizan_generate::GenerateOptions::new(3_000, 3), &ws).unwrap();
    let out = dir.path().join("site");
    build(&ws, &out, "public");
    let before = snapshot(&out);
    let bin = assert_cmd::cargo::cargo_bin("mizan");

    let mut landed = false;
    for _attempt in 0..5 {
        // The committee profile renders every page again (nothing reusable).
        let mut child = std::process::Command::new(&bin)
            .arg("--workspace")
            .arg(&ws)
            .args(["build", "--profile", "committee", "--out"])
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let tmp = dir.path().join(format!(".site.tmp-{}", child.id()));
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(120) {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let pages = tmp
                .join("en/works")
                .read_dir()
                .map(|d| d.count())
                .unwrap_or(0);
            if pages > 0 {
                child.kill().unwrap(); // SIGKILL
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let status = child.wait().unwrap();
        if status.signal() == Some(9) && tmp.is_dir() {
            landed = true;
            break;
        }
        // It finished first: put the public site back and try again.
        build(&ws, &out, "public");
    }
    assert!(landed, "the kill never landed during a build");

    // The previous site is exactly as it was, and whole.
    assert_eq!(snapshot(&out), before);
    check_all_files_present(&out);
    // The next build succeeds and clears the killed build's leftovers.
    build(&ws, &out, "committee");
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    assert!(read(&out.join("en/index.html")).contains("Committee"));
}

/// `--out site.zip`: the same site, file for file and byte for byte, as
/// one zip archive (the folder's files, no other); `serve`, which updates
/// a folder in place, refuses an archive and says why.
#[test]
fn a_site_built_as_a_zip_archive_holds_the_folder_s_files() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let ws = example_workspace();
    let folder = dir.path().join("site");
    build(&ws, &folder, "public");
    let archive = dir.path().join("site.zip");
    build(&ws, &archive, "public");
    assert!(archive.is_file());

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&archive).unwrap()).unwrap();
    let mut archived = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        archived.push((std::path::PathBuf::from(f.name().unwrap().as_ref()), bytes));
    }
    archived.sort();
    let folder = snapshot(&folder);
    assert_eq!(
        archived.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        folder.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    assert!(archived == folder, "the same bytes, file for file");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );

    let o = mizan()
        .arg("--workspace")
        .arg(&ws)
        .args(["serve", "--port", "0", "--out"])
        .arg(&archive)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("writes the site into a folder"), "{err}");
}
