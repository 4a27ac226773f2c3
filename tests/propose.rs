//! `mizan propose` on the command line: the bundled drafts in both
//! languages and all three formats; and what it refuses (competing drafts,
//! drafts of two laws, a broken memorandum template, Word to a terminal),
//! with a diagnostic and no file written.

use std::path::Path;

use mizan::testing::cli::run;
use mizan::testing::files::{copy_dir, repo};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_bundled_drafts_make_all_three_parts_in_both_languages() {
    let ws = repo();
    for (lang, parts) in [
        (
            "en",
            [
                "## Part one: the draft law",
                "## Part two: comparative table",
                "## Part three: explanatory memorandum",
                "**Article 1**",
                "| Current text | Proposed text | Reason |",
            ],
        ),
        (
            "ar",
            [
                "## أولاً: مشروع القانون",
                "## ثانياً: الجدول المقارن",
                "## ثالثاً: المذكرة الإيضاحية",
                "**مادة أولى**",
                "| النص الحالي | النص المقترح | المبررات |",
            ],
        ),
    ] {
        let o = run(
            &ws,
            &[
                "propose",
                "non-punishment-of-victims",
                "national-referral-mechanism",
                "--lang",
                lang,
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let md = stdout(&o);
        for p in parts {
            assert!(md.contains(p), "{p:?} not in\n{md}");
        }
    }
}

#[test]
fn html_and_word_are_written_whole_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, ext) in [("ar", "html"), ("en", "docx")] {
        let out = dir.path().join(format!("p.{lang}.{ext}"));
        let o = run(
            &repo(),
            &[
                "propose",
                "victim-protection",
                "--lang",
                lang,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).starts_with("wrote "), "{}", stdout(&o));
        let bytes = std::fs::read(&out).unwrap();
        if ext == "docx" {
            assert!(bytes.starts_with(b"PK"));
        } else {
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
            assert!(html.contains("<table>"));
        }
    }
}

#[test]
fn word_is_not_written_to_the_terminal() {
    let o = run(
        &repo(),
        &["propose", "victim-protection", "--format", "docx"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("give --out FILE.docx"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn competing_drafts_are_refused_and_nothing_is_written() {
    let ws = repo().join("book/src/examples/competing");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.md");
    let o = run(
        &ws,
        &[
            "propose",
            "licensing-by-ministry",
            "licensing-by-manpower-authority",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error[M0527]"), "{err}");
    assert!(
        err.contains("are competing drafts (both change Article 3)"),
        "{err}"
    );
    assert!(err.contains("licensing-by-manpower-authority.md:"), "{err}");
    assert!(!out.exists());
    // Each alone is a proposal.
    let o = run(&ws, &["propose", "licensing-by-ministry"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn drafts_of_two_laws_and_unknown_ids_are_refused() {
    let o = run(
        &repo(),
        &[
            "propose",
            "victim-protection",
            "domestic-workers-documents-and-fees",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("one proposal amends one law"),
        "{}",
        stderr(&o)
    );
    let o = run(&repo(), &["propose", "victim-protectoin"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("did you mean `victim-protection`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_memorandum_template_is_the_workspaces_own_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&repo().join("book/src/examples/competing"), &ws);
    let templates = ws.join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let file = templates.join("memorandum.md");
    std::fs::write(
        &file,
        "## {t:memo.effect}\n\nOur own words on {title}.\n{effect}\n",
    )
    .unwrap();
    let o = run(&ws, &["propose", "licensing-by-ministry", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    let memo = &md[md.find("Part three").unwrap()..];
    assert!(memo.contains("### Effect on the assessment"), "{memo}");
    assert!(memo.contains("Our own words on "), "{memo}");
    assert!(!memo.contains("The attached draft law"), "{memo}");

    std::fs::write(&file, "## {t:memo.effect}\n\n{notse}\n").unwrap();
    let out = dir.path().join("p.md");
    let o = run(
        &ws,
        &[
            "propose",
            "licensing-by-ministry",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("templates/memorandum.md:3:1: error[M0602]"),
        "{err}"
    );
    assert!(!out.exists());
    assert!(!Path::new(&out).exists());
}
