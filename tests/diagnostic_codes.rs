//! Diagnostic codes: the book's index and its page per code are generated
//! from the one table in `src/diag/codes.rs` and must match it; every code
//! is used by some reader; `mizan explain` prints the page; `check` shows
//! the code in text and JSON.
//!
//! After changing the table, regenerate the pages with
//! `MIZAN_UPDATE_BOOK=1 cargo test --test diagnostic_codes` and read the diff.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

use mizan::diag::Code;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn book() -> PathBuf {
    root().join("book/src")
}

/// Compares a generated book file with the one on disk (or writes it).
fn matches(path: &Path, generated: &str) {
    if std::env::var_os("MIZAN_UPDATE_BOOK").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, generated).unwrap();
        return;
    }
    let on_disk = fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{} differs from the code table in src/diag/codes.rs; run \
         MIZAN_UPDATE_BOOK=1 cargo test --test diagnostic_codes",
        path.display()
    );
}

#[test]
fn the_book_index_matches_the_code_table() {
    matches(&book().join("diagnostics.md"), &Code::book_index());
    let summary = fs::read_to_string(book().join("SUMMARY.md")).unwrap();
    assert!(summary.contains("[Diagnostic codes](diagnostics.md)"));
    for c in Code::ALL {
        assert!(
            summary.contains(&format!("[{0}](diagnostics/{0}.md)", c.id())),
            "SUMMARY.md lists {c}"
        );
    }
}

#[test]
fn every_code_has_its_page_and_no_page_is_left_over() {
    let dir = book().join("diagnostics");
    for c in Code::ALL {
        matches(&dir.join(format!("{}.md", c.id())), &c.book_page());
    }
    let pages: BTreeSet<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let codes: BTreeSet<String> = Code::ALL.iter().map(|c| format!("{}.md", c.id())).collect();
    assert_eq!(pages, codes, "one page per code, no other file");
}

/// A code no reader emits would document a diagnostic that never happens.
#[test]
fn every_code_is_used_by_the_library() {
    let mut text = String::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("diag/codes.rs")
            {
                text.push_str(&fs::read_to_string(&path).unwrap());
            }
        }
    }
    for c in Code::ALL {
        let name = format!("Code::{c:?}");
        let used = text
            .match_indices(&name)
            .any(|(i, _)| !text[i + name.len()..].starts_with(|ch: char| ch.is_alphanumeric()));
        assert!(used, "{} ({name}) is never emitted", c.id());
    }
}

fn mizan(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("mizan")
        .unwrap()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn explain_prints_the_page_of_a_code() {
    let out = mizan(&["explain", "m0203"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        Code::DuplicateArticle.book_page()
    );
    let out = mizan(&["explain", "M0230"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("mizan: no diagnostic code `M0230`\n"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `M0203`?"), "{err}");
}

#[test]
fn check_shows_the_code_in_text_and_json() {
    let broken = "book/src/examples/broken";
    let out = mizan(&["--workspace", broken, "check"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("act-2013-91.en.md:37:1: error[M0203]: two articles with the same number"),
        "{err}"
    );
    let out = mizan(&["--workspace", broken, "check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["M0203", "M0409", "M0109"]);
    for code in codes {
        assert!(Code::parse(code).is_some());
    }
}
