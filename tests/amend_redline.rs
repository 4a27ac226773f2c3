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
    insta::assert_snapshot!(diff(&["english-redline", "--lang", "en"]));
}

#[test]
fn arabic_redline() {
    insta::assert_snapshot!(diff(&["arabic-redline", "--lang", "ar"]));
}

#[test]
fn renumbering_shows_in_both_languages() {
    insta::assert_snapshot!(diff(&["renumbering"]));
}

#[test]
fn repeal_keeps_a_marker() {
    insta::assert_snapshot!(diff(&["repeal", "--lang", "en"]));
}

#[test]
fn a_vowel_mark_change_shows_the_whole_word() {
    let out = diff(&["vowel-marks", "--lang", "ar"]);
    assert!(out.contains("[-يُعاقب-]{+يُعاقَب+}"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn substitution_of_the_second_occurrence() {
    insta::assert_snapshot!(diff(&["second-occurrence", "--lang", "en"]));
}

#[test]
fn substitution_of_every_occurrence() {
    insta::assert_snapshot!(diff(&["every-occurrence", "--lang", "en"]));
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
    insta::assert_snapshot!(out);
}

#[test]
fn unified_diff() {
    insta::assert_snapshot!(diff(&["english-redline", "--format", "unified"]));
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
