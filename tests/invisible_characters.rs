//! Invisible characters in the data (issue 15): a zero-width joiner or a
//! tatweel inside a word does not hide it from either search; `check` warns
//! about bidi controls with file, line and column; a right-to-left override
//! in a title never reaches a page or the site's search index raw.
//!
//! The fixture `tests/fixtures/site/invisible/` holds Law 91/2013 in the
//! gazette's forms with الاتجار written once with a zero-width joiner
//! (بالات‍جار) and once stretched with tatweel (الاتـــجار), and a title
//! with a right-to-left override.

use std::path::PathBuf;

use mizan::testing::cli::mizan;
use mizan::testing::files::{copy_dir, files, plain_bytes, repo};

fn fixture() -> PathBuf {
    repo().join("tests/fixtures/site/invisible")
}

const RLO: char = '\u{202E}';
const ZWJ: char = '\u{200D}';

#[test]
fn the_cli_search_finds_a_word_written_with_a_joiner_or_tatweel() {
    let dir = tempfile::tempdir().unwrap();
    // A copy: search writes its index into the workspace.
    copy_dir(&fixture(), dir.path());
    let out = mizan()
        .arg("--workspace")
        .arg(dir.path())
        .args(["search", "الاتجار", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut eids: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["article"].as_str())
        .collect();
    eids.sort_unstable();
    // Article 1 has بالات‍جار (a joiner), Article 2 الاتـــجار (tatweel).
    assert_eq!(eids, ["art_1", "art_2"], "{v:#}");
    // The terminal never gets the title's right-to-left override.
    let out = mizan()
        .arg("--workspace")
        .arg(dir.path())
        .args(["search", "الاتجار"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("في شأن التجربة"), "{text}");
    assert!(!text.contains(RLO), "{text}");
}

#[test]
fn check_warns_about_the_override_with_file_line_and_column() {
    let out = mizan()
        .arg("--workspace")
        .arg(fixture())
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success(), "warnings do not fail check");
    let err = String::from_utf8_lossy(&out.stderr);
    // Line 4, after `title: "قانون رقم ٩١ لسنة ٢٠١٣ ` (31 characters).
    assert!(
        err.contains("corpus/kw/act-2013-91.ar.md:4:32"),
        "no location: {err}"
    );
    assert!(err.contains("U+202E (right-to-left override)"), "{err}");
    assert!(err.contains("U+202C (pop directional formatting)"), "{err}");
    let out = mizan()
        .arg("--workspace")
        .arg(fixture())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let bidi: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap_or("").contains("bidi"))
        .collect();
    assert_eq!(bidi.len(), 2, "{v:#}");
    assert!(bidi.iter().all(|d| d["severity"] == "warning"));
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn no_page_or_search_record_holds_the_override_or_the_joiner() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = mizan()
        .arg("--workspace")
        .arg(fixture())
        .args(["build", "--out"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: Vec<PathBuf> = files(&site).into_iter().map(|f| site.join(f)).collect();
    let mut fragments = 0;
    let (mut joined, mut unstretched) = (false, false);
    for f in &all {
        let bytes = plain_bytes(f);
        let name = f.display().to_string();
        assert!(!contains(&bytes, &RLO.to_string()), "{name} holds U+202E");
        // The index and the records (not Pagefind's own code, whose Arabic
        // stemmer knows the tatweel).
        if name.contains("pagefind") && (name.contains(".pf_") || name.contains("fragment")) {
            assert!(!contains(&bytes, &ZWJ.to_string()), "{name} holds U+200D");
            assert!(!contains(&bytes, "ـ"), "{name} holds a tatweel");
            if name.contains("fragment") {
                fragments += 1;
                joined |= contains(&bytes, "بالاتجار بالأشخاص");
                unstretched |= contains(&bytes, "الاتجار بالحبس");
            }
        }
    }
    assert!(fragments >= 2, "the search records were not found");
    assert!(joined, "no record holds بالاتجار without its joiner");
    assert!(unstretched, "no record holds الاتجار without its tatweel");
    let law = std::fs::read_to_string(site.join("ar/works/act-2013-91/index.html")).unwrap();
    assert!(law.contains("في شأن التجربة"), "the title is shown");
}
