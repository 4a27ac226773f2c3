//! Output is atomic: a build that fails leaves the previous site as it
//! was; concurrent builds into one folder wait for each other; a rebuild
//! after editing one article renders only what changed.

use std::path::Path;

use super::common::*;

fn snapshot(site: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    files(site)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(site.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

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
    // The law's page, in English and in Arabic (side by side), and nothing else.
    assert_eq!(rendered, 2, "{edited}");
    assert_eq!(edited["search_indexed"], 1);
    assert!(read(&out.join("en/works/act-2013-91/index.html")).contains("its suffix, always."));
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
