//! `mizan check` on bad input: every case reports file, line, column and a
//! clear message, exits 1, and never panics. Each test starts from the
//! book's example workspace (which is valid) and breaks one thing.

use std::fs;
use std::path::{Path, PathBuf};

use mizan::testing::cli::run;
use mizan::testing::files::copy_dir;
use serde_json::Value;
use tempfile::TempDir;

/// A valid workspace in a temporary folder.
fn workspace() -> TempDir {
    let dir = TempDir::new().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/examples/workspace");
    copy_dir(&example, dir.path());
    dir
}

fn path(dir: &TempDir, rel: &str) -> PathBuf {
    dir.path().join(rel)
}

fn edit(dir: &TempDir, rel: &str, f: impl FnOnce(String) -> String) {
    let p = path(dir, rel);
    let text = fs::read_to_string(&p).unwrap();
    fs::write(&p, f(text)).unwrap();
}

const STATUTE: &str = "corpus/kw/act-2013-91.en.md";
const MAPPING: &str = "corpus/kw/mappings/tip.yaml";

/// Runs `check --format json`; returns (exit code, diagnostics).
fn check(dir: &TempDir) -> (i32, Vec<Value>) {
    let out = run(dir.path(), &["check", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    // Translation coverage (the example's standard is in English only) is
    // tested in tests/check_coverage.rs; these tests are about bad input.
    let diags = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            !d["message"]
                .as_str()
                .unwrap_or("")
                .starts_with("translation coverage")
        })
        .cloned()
        .collect();
    (out.status.code().unwrap(), diags)
}

/// Finds the diagnostic whose message contains `needle`; asserts its place.
fn expect(diags: &[Value], file_suffix: &str, line: u64, column: u64, needle: &str) -> Value {
    let d = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no diagnostic containing {needle:?} in {diags:#?}"));
    assert!(
        d["file"].as_str().unwrap().ends_with(file_suffix),
        "file of {d:#?}"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(line), Some(column)),
        "{d:#?}"
    );
    assert_eq!(d["severity"], "error");
    d.clone()
}

#[test]
fn the_example_workspace_is_clean() {
    let dir = workspace();
    let (code, diags) = check(&dir);
    assert_eq!(code, 0, "{diags:#?}");
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn malformed_front_matter_points_into_the_markdown_file() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| t.replace("lang: en\n", "lang: [en\n"));
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    let d = &diags[0];
    assert!(d["file"].as_str().unwrap().ends_with(STATUTE));
    // The block starts on line 2 of the file; the error lies at or after line 3.
    assert!(d["line"].as_u64().unwrap() >= 3, "{d:#?}");
}

#[test]
fn unclosed_front_matter() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| {
        t.replacen("---\n\n# Chapter", "\n\n# Chapter", 1)
    });
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    expect(&diags, STATUTE, 1, 1, "front matter is not closed");
}

#[test]
fn duplicate_yaml_keys() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| {
        t.replace("lang: en\n", "lang: en\nlang: ar\n")
    });
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    let d = diags
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("duplicate")
        })
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(d["line"].as_u64(), Some(4), "{d:#?}");
}

#[test]
fn unknown_field_suggests_the_nearest() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| t.replace("short_title:", "short_titel:"));
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    let d = expect(&diags, STATUTE, 5, 1, "unknown field `short_titel`");
    assert_eq!(d["help"], "did you mean `short_title`?");
}

#[test]
fn unknown_field_in_a_mapping_entry() {
    let dir = workspace();
    edit(&dir, MAPPING, |t| {
        t.replacen("    rationale:", "    rationnale:", 1)
    });
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    let d = expect(&diags, MAPPING, 10, 5, "unknown field `rationnale`");
    assert_eq!(d["help"], "did you mean `rationale`?");
}

#[test]
fn invalid_utf8() {
    let dir = workspace();
    let p = path(&dir, STATUTE);
    let mut bytes = fs::read(&p).unwrap();
    let at = bytes.windows(6).position(|w| w == b"Chapte").unwrap();
    bytes[at + 2] = 0xFF;
    fs::write(&p, bytes).unwrap();
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    expect(&diags, STATUTE, 21, 5, "not valid UTF-8");
}

#[test]
fn utf8_bom_is_accepted() {
    let dir = workspace();
    let p = path(&dir, STATUTE);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&p).unwrap());
    fs::write(&p, bytes).unwrap();
    let (code, diags) = check(&dir);
    assert_eq!((code, diags.len()), (0, 0), "{diags:#?}");
}

#[test]
fn crlf_is_accepted_with_correct_line_numbers() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| t.replace('\n', "\r\n"));
    let (code, diags) = check(&dir);
    assert_eq!((code, diags.len()), (0, 0), "{diags:#?}");
    // Break the article heading of line 31 and check the position is right.
    edit(&dir, STATUTE, |t| {
        t.replace("## Article 2: Penalty", "## Article: Penalty")
    });
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    expect(&diags, STATUTE, 31, 1, "article heading has no number");
}

#[test]
fn empty_file() {
    let dir = workspace();
    fs::write(path(&dir, "corpus/kw/act-2000-1.en.md"), "").unwrap();
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    let d = diags
        .iter()
        .find(|d| d["message"] == "the file is empty")
        .unwrap();
    assert!(d["file"].as_str().unwrap().ends_with("act-2000-1.en.md"));
}

#[test]
fn article_heading_without_number() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| {
        t.replace("## Article 2: Penalty", "## Article: Penalty")
    });
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    expect(&diags, STATUTE, 31, 1, "article heading has no number");
}

#[test]
fn two_articles_with_the_same_number() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| {
        t.replace("## Article 2 bis:", "## Article 2:")
            .replace(" {#art_2bis}", "")
    });
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    expect(
        &diags,
        STATUTE,
        37,
        1,
        "two articles with the same number: `art_2`",
    );
}

#[test]
fn mapping_naming_a_missing_article() {
    let dir = workspace();
    edit(&dir, MAPPING, |t| t.replace("~art_2]", "~art_99]"));
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    let d = expect(
        &diags,
        MAPPING,
        24,
        16,
        "unknown article `/akn/kw/act/2013/91/~art_99`",
    );
    assert_eq!(d["label"], "`/akn/kw/act/2013/91` has no article `art_99`");
}

#[test]
fn ids_with_dot_dot_or_slash_are_rejected() {
    let dir = workspace();
    edit(&dir, MAPPING, |t| {
        t.replace("~art_1]", "~../../etc/passwd]")
    });
    edit(&dir, "standards/tip.yaml", |t| {
        t.replace("  - id: art_3__para_b", "  - id: art_3/../b")
    });
    edit(&dir, STATUTE, |t| {
        t.replace("work: /akn/kw/act/2013/91", "work: /akn/kw/act/../91")
    });
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    expect(&diags, STATUTE, 2, 7, "is not a valid work id");
    expect(
        &diags,
        "standards/tip.yaml",
        36,
        9,
        "`art_3/../b` is not a valid eId",
    );
    assert!(
        diags
            .iter()
            .any(|d| d["file"].as_str().unwrap().ends_with(MAPPING)
                && d["message"].as_str().unwrap().contains("not a valid")),
        "{diags:#?}"
    );
}

#[test]
fn a_workspace_without_corpus() {
    let dir = TempDir::new().unwrap();
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    assert!(
        diags[0]["message"].as_str().unwrap().contains("no corpus"),
        "{diags:#?}"
    );
}

#[test]
fn check_reports_every_error_not_just_the_first() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| {
        t.replace("## Article 2: Penalty", "## Article: Penalty")
    });
    edit(&dir, MAPPING, |t| t.replace("~art_2]", "~art_99]"));
    edit(&dir, "standards/tip.yaml", |t| {
        t.replace("theme: protection", "theme: protect")
    });
    let (code, diags) = check(&dir);
    assert_eq!(code, 1);
    assert!(diags.len() >= 3, "{diags:#?}");
}

#[test]
fn text_output_names_file_line_column_with_a_snippet() {
    let dir = workspace();
    edit(&dir, MAPPING, |t| t.replace("~art_2]", "~art_99]"));
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let header = format!(
        "{}:24:16: error[M0409]: unknown article `/akn/kw/act/2013/91/~art_99`",
        path(&dir, MAPPING).display()
    );
    assert!(stderr.contains(&header), "{stderr}");
    assert!(
        stderr.contains("24 |     articles: [/akn/kw/act/2013/91/~art_99]"),
        "{stderr}"
    );
    assert!(stderr.contains("^^^^"), "{stderr}");
    assert!(
        stderr.contains("help: did you mean `/akn/kw/act/2013/91/~art_1`?"),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("check failed: 1 error"), "{stdout}");
}
