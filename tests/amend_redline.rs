//! Snapshots of `mizan diff` on the fixture workspace
//! `tests/fixtures/amend/redline`: English and Arabic redlines, a
//! renumbering, a repeal, a vowel-mark-only change and substitutions of a
//! word that occurs twice, in each output format.

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

fn diff(args: &[&str]) -> String {
    let out = Command::cargo_bin("mizan")
        .unwrap()
        .args(["--workspace", "tests/fixtures/amend/redline", "diff"])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "mizan diff {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn english_redline() {
    let out = diff(&["english-redline", "--lang", "en"]);
    // Words inserted into the middle and at the end of two paragraphs are
    // marked where they go, and nothing else is.
    assert!(
        out.contains("imprisonment for {+at least +}fifteen years"),
        "{out}"
    );
    assert!(
        out.contains(
            "a child{+ or a person with a disability, and the court may not suspend it+}."
        ),
        "{out}"
    );
    assert!(!out.contains("[-"), "nothing deleted: {out}");
    assert!(out.contains("0 added, 0 repealed, 0 renumbered, 1 modified, 7 unchanged"));
    insta::assert_snapshot!(out);
}

#[test]
fn arabic_redline() {
    let out = diff(&["arabic-redline", "--lang", "ar"]);
    // The Arabic comma is replaced by the new words; the article is named
    // in Arabic, with Arabic-Indic digits, and marked modified in Arabic.
    assert!(
        out.contains("موظفاً عاماً[-،-]{+ أو مكلفاً بخدمة عامة؛+} أو إذا"),
        "{out}"
    );
    assert!(out.contains("المادة (٢): الظروف المشددة  [معدلة]"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn renumbering_shows_in_both_languages() {
    let out = diff(&["renumbering"]);
    assert!(out.contains("Article [-8-] → Article {+9+}: Entry into force  [renumbered]"));
    assert!(out.contains("المادة [-(٨)-] → المادة {+(٩)+}: النفاذ  [أعيد ترقيمها]"));
    assert_eq!(out.matches("1 renumbered, 0 modified").count(), 2, "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn repeal_keeps_a_marker() {
    let out = diff(&["repeal", "--lang", "en"]);
    // The old text is shown struck out, then the marker that stays.
    let struck = out
        .find("[-An attempt is punished by half the penalty.-]")
        .expect("the old text, deleted");
    let marker = out.find("[Repealed]").expect("the marker");
    assert!(struck < marker, "{out}");
    assert!(out.contains("0 added, 1 repealed"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn a_vowel_mark_change_shows_the_whole_word() {
    let out = diff(&["vowel-marks", "--lang", "ar"]);
    assert!(out.contains("[-يُعاقب-]{+يُعاقَب+}"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn substitution_of_the_second_occurrence() {
    let out = diff(&["second-occurrence", "--lang", "en"]);
    // The first "court" stays, the second is replaced.
    assert!(
        out.contains(
            "The court may order that the victim be protected, and the \
             [-court-]{+Public Prosecution+} may order"
        ),
        "{out}"
    );
    assert_eq!(out.matches("[-court-]").count(), 1, "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn substitution_of_every_occurrence() {
    let out = diff(&["every-occurrence", "--lang", "en"]);
    // Both occurrences are replaced, and no unmarked "State" is left.
    assert_eq!(
        out.matches("[-State-]{+Public Treasury+}").count(),
        2,
        "{out}"
    );
    assert_eq!(out.matches("State").count(), 2, "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn side_by_side_fits_the_width() {
    let out = diff(&[
        "english-redline",
        "--lang",
        "en",
        "--format",
        "side-by-side",
        "--width",
        "80",
    ]);
    for line in out.lines() {
        assert!(UnicodeWidthStr::width(line) <= 80, "too wide: {line:?}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn side_by_side_in_arabic_isolates_each_cell() {
    let out = diff(&[
        "arabic-redline",
        "--lang",
        "ar",
        "--format",
        "side-by-side",
        "--width",
        "90",
    ]);
    // Every cell of the table is a first-strong isolate (FSI ... PDI), so
    // right-to-left text cannot reorder the columns or the separator; the
    // row starts with a left-to-right mark so the left column stays left.
    const FSI: char = '\u{2068}';
    const PDI: char = '\u{2069}';
    const LRM: char = '\u{200E}';
    let rows: Vec<&str> = out.lines().filter(|l| l.contains(" | ")).collect();
    assert_eq!(rows.len(), 5, "header and four lines: {out}");
    for row in rows {
        let (left, right) = row.split_once(" | ").unwrap();
        let left = left.trim_end();
        assert!(left.starts_with(&format!("{LRM}{FSI}")), "{row:?}");
        assert!(left.ends_with(PDI), "{row:?}");
        assert!(right.starts_with(FSI) && right.ends_with(PDI), "{row:?}");
        for cell in [left, right] {
            assert_eq!(cell.matches(FSI).count(), 1, "{row:?}");
            assert_eq!(cell.matches(PDI).count(), 1, "{row:?}");
        }
        assert!(UnicodeWidthStr::width(row) <= 90, "too wide: {row:?}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn unified_diff() {
    let out = diff(&["english-redline", "--format", "unified"]);
    // One paragraph a line: the two changed paragraphs go out and come back
    // changed; the heading and unchanged articles are context.
    let removed: Vec<&str> = out.lines().filter(|l| l.starts_with("-T")).collect();
    let added: Vec<&str> = out.lines().filter(|l| l.starts_with("+T")).collect();
    assert_eq!(removed.len(), 2, "{out}");
    assert_eq!(added.len(), 2, "{out}");
    assert!(added[0].contains("imprisonment for at least fifteen years"));
    assert!(removed[0].contains("imprisonment for fifteen years"));
    assert!(out.contains("\n ## Article 1: Penalty\n"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn json_aligns_articles_and_rebuilds_both_texts() {
    let out = diff(&["english-redline", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    // Equal and deleted segments give the old text, equal and inserted the
    // new, and the character spans tile each text.
    for e in v["expressions"].as_array().unwrap() {
        for a in e["articles"].as_array().unwrap() {
            let (mut old_at, mut new_at) = (0, 0);
            for s in a["segments"].as_array().unwrap() {
                let len = s["text"].as_str().unwrap().chars().count() as u64;
                if let Some(o) = s.get("old") {
                    assert_eq!(o[0].as_u64().unwrap(), old_at);
                    assert_eq!(o[1].as_u64().unwrap(), old_at + len);
                    old_at += len;
                }
                if let Some(n) = s.get("new") {
                    assert_eq!(n[0].as_u64().unwrap(), new_at);
                    new_at += len;
                }
            }
        }
    }
    insta::assert_json_snapshot!(v["expressions"][0]["articles"][0]);
}

#[test]
fn versions_of_a_work_compare_by_date() {
    // No enacted amendment: the text on two dates is the same.
    let out = diff(&[
        "/akn/kw/act/2021/7@2021-02-01",
        "/akn/kw/act/2021/7",
        "--lang",
        "en",
    ]);
    assert!(
        out.contains("0 added, 0 repealed, 0 renumbered, 0 modified, 8 unchanged"),
        "{out}"
    );
}

/// A copy of the fixture workspace, with `extra` files written into it.
fn scratch(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = std::path::Path::new("tests/fixtures/amend/redline");
    let kw = dir.path().join("corpus/kw");
    std::fs::create_dir_all(kw.join("amendments")).unwrap();
    for sub in ["corpus/kw", "corpus/kw/amendments"] {
        for e in std::fs::read_dir(from.join(sub)).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                std::fs::copy(e.path(), dir.path().join(sub).join(e.file_name())).unwrap();
            }
        }
    }
    for (name, text) in extra {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn diff_in(dir: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::cargo_bin("mizan")
        .unwrap()
        .arg("--workspace")
        .arg(dir)
        .arg("diff")
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn diff_reads_only_the_amended_work() {
    let (ok, expected, _) = diff_in(
        std::path::Path::new("tests/fixtures/amend/redline"),
        &["english-redline", "--lang", "en"],
    );
    assert!(ok);
    // Another law with a broken body and an amendment of it that does not
    // apply: `check` fails, `diff` of this law does not read them.
    let dir = scratch(&[
        (
            "corpus/kw/act-2030-1.en.md",
            "---\nwork: /akn/kw/act/2030/1\nlang: en\ntitle: Other\ndate: 2030-01-01\nstatus: in-force\nauthority: official\nsource: s\n---\n## Article\n\nNo number.\n",
        ),
        (
            "corpus/kw/amendments/other.md",
            "---\nid: other\ntitle: Other\namends: /akn/kw/act/2030/1\nkind: bill\nstatus: draft\n---\n\n## Repeal Article 9\n",
        ),
    ]);
    let check = Command::cargo_bin("mizan")
        .unwrap()
        .arg("--workspace")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert!(!check.status.success());
    let (ok, out, err) = diff_in(dir.path(), &["english-redline", "--lang", "en"]);
    assert!(ok, "{err}");
    assert_eq!(out, expected);
    // The versions of the law alike.
    let (ok, _, err) = diff_in(dir.path(), &["/akn/kw/act/2021/7", "/akn/kw/act/2021/7"]);
    assert!(ok, "{err}");
}

#[test]
fn an_error_in_the_amended_work_stops_diff_with_its_place() {
    // A second article 1 in the amended law's English file.
    let dir = scratch(&[]);
    let path = dir.path().join("corpus/kw/act-2021-7.en.md");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n## Article 1\n\nAgain.\n");
    std::fs::write(&path, &text).unwrap();
    let line = text.lines().count() - 2;
    let (ok, out, err) = diff_in(dir.path(), &["english-redline", "--lang", "en"]);
    assert!(!ok);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!("act-2021-7.en.md:{line}:1: error")),
        "{err}"
    );
    // A file whose head does not say which law it is is read whole: its
    // error counts too.
    let dir = scratch(&[("corpus/kw/odd.en.md", "no front matter\n")]);
    let (ok, _, err) = diff_in(dir.path(), &["english-redline", "--lang", "en"]);
    assert!(!ok);
    assert!(err.contains("odd.en.md:1:1: error"), "{err}");
    // An amendment that is not there: the whole workspace says so.
    let (ok, _, err) = diff_in(dir.path(), &["no-such-amendment"]);
    assert!(!ok);
    assert!(err.contains("odd.en.md"), "{err}");
}
