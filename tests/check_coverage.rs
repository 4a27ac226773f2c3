//! `check` reports translation coverage per kind of text and language, as
//! a warning when a language lacks some texts, and in `--format json`.

use std::path::PathBuf;

use assert_cmd::Command;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site/invisible")
}

/// The fixture has Law 91/2013 in Arabic only, in a workspace of Arabic
/// and English: every kind of its texts lacks English.
#[test]
fn a_missing_language_is_counted_and_warned_about() {
    let out = Command::cargo_bin("mizan")
        .unwrap()
        .env("NO_COLOR", "1")
        .arg("--workspace")
        .arg(fixture())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "coverage warnings do not fail check");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let coverage = v["coverage"].as_array().unwrap();
    let langs: Vec<&str> = coverage
        .iter()
        .map(|c| c["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["ar", "en"]);
    let kinds = |lang: usize| -> Vec<(String, u64, u64)> {
        coverage[lang]["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                (
                    k["kind"].as_str().unwrap().to_owned(),
                    k["translated"].as_u64().unwrap(),
                    k["total"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // Arabic also counts mizan's own interface messages (its built-in
    // file has them all).
    let messages = mizan::lang::Lang::EN.def().messages.len() as u64;
    assert_eq!(
        kinds(0),
        [
            ("work titles".to_owned(), 1, 1),
            ("articles".to_owned(), 2, 2),
            ("interface messages".to_owned(), messages, messages)
        ]
    );
    assert_eq!(
        kinds(1),
        [
            ("work titles".to_owned(), 0, 1),
            ("articles".to_owned(), 0, 2)
        ]
    );
    let warnings: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["message"].as_str())
        .filter(|m| m.starts_with("translation coverage"))
        .collect();
    assert_eq!(
        warnings,
        [
            "translation coverage: en: 0/1 work titles",
            "translation coverage: en: 0/2 articles"
        ]
    );

    // The text output prints the figures after the summary.
    let out = Command::cargo_bin("mizan")
        .unwrap()
        .env("NO_COLOR", "1")
        .arg("--workspace")
        .arg(fixture())
        .arg("check")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.ends_with(&format!(
            "translations ar: 1/1 work titles, 2/2 articles, {messages}/{messages} interface messages\ntranslations en: 0/1 work titles, 0/2 articles\n"
        )),
        "{stdout}"
    );
}
