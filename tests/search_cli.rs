//! `mizan search` and `mizan suggest` end to end: output shapes, filters, the
//! query language, highlighting, and exit codes.

use std::fs;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use mizan::testing::files::copy_dir;
use serde_json::Value;

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/workspace");
    copy_dir(&from, dir.path());
    dir
}

fn mizan(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(cargo_bin("mizan"))
        .arg("--workspace")
        .arg(root)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn json(root: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = mizan(root, &all);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(v: &Value) -> Vec<String> {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["id"].as_str().unwrap(),
                r["lang"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn json_results_cite_stable_ids_with_char_offset_highlights() {
    let dir = fixture();
    let v = json(dir.path(), &["search", "المحكمه"]);
    assert_eq!(v["version"], 1);
    assert_eq!(v["offsets"], "chars");
    assert_eq!(v["total"], 1);
    let r = &v["results"][0];
    assert_eq!(r["id"], "/akn/kw/act/2020/7/~art_6");
    assert_eq!(r["kind"], "article");
    assert_eq!(r["lang"], "ar");
    assert_eq!(r["work"], "/akn/kw/act/2020/7");
    assert_eq!(r["expression"], "/akn/kw/act/2020/7/ara@2020-01-05");
    assert_eq!(r["year"], 2020);
    assert_eq!(r["rank"], 1);
    assert!(r["score"].as_f64().unwrap() > 0.0);
    // Highlights are character offsets into the snippet text.
    let text: Vec<char> = r["snippet"]["text"].as_str().unwrap().chars().collect();
    let highlights = r["snippet"]["highlights"].as_array().unwrap();
    assert_eq!(highlights.len(), 1);
    let (s, e) = (
        highlights[0][0].as_u64().unwrap() as usize,
        highlights[0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "المحكمة");
}

#[test]
fn total_counts_every_hit_not_only_those_shown() {
    let dir = fixture();
    let v = json(dir.path(), &["search", "", "--limit", "2"]);
    assert_eq!(v["total"], 25);
    assert_eq!(v["returned"], 2);
    let out = mizan(dir.path(), &["search", "", "--limit", "2"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("25 results, showing the first 2"),
        "{text}"
    );
}

#[test]
fn filters_narrow_results() {
    let dir = fixture();
    let root = dir.path();
    let count = |args: &[&str]| json(root, args)["total"].as_u64().unwrap();
    assert_eq!(count(&["search", "", "--lang", "ar"]), 10);
    // Provisions are in English.
    assert_eq!(count(&["search", "", "--lang", "en", "--lang", "ar"]), 25);
    assert_eq!(count(&["search", "", "--work", "/akn/kw/act/1995/3"]), 2);
    // Any URI form of the work narrows to it.
    assert_eq!(
        count(&["search", "", "--work", "/akn/kw/act/1995/3/ara@"]),
        2
    );
    assert_eq!(count(&["search", "", "--work", "tip"]), 3);
    assert_eq!(count(&["search", "", "--year", "1995"]), 2);
    assert_eq!(
        count(&["search", "", "--year", "1990..2010"]),
        5,
        "1995 and the 2000 protocol"
    );
    assert_eq!(count(&["search", "", "--year", "2001.."]), 20);
    assert_eq!(count(&["search", "", "--status", "repealed"]), 2);
    assert_eq!(count(&["search", "", "--kind", "provision"]), 3);
    // Mapping status: articles cited by a partial entry, and the provision
    // whose element is partial.
    let v = json(root, &["search", "", "--status", "partial"]);
    assert_eq!(
        ids(&v).len(),
        3,
        "article 10 in both languages and tip/art_12: {:?}",
        ids(&v)
    );
    let v = json(
        root,
        &[
            "search",
            "",
            "--provision",
            "tip/art_12#pay",
            "--kind",
            "article",
        ],
    );
    let mut found = ids(&v);
    found.sort();
    assert_eq!(
        found,
        [
            "/akn/kw/act/2020/7/~art_10 ar",
            "/akn/kw/act/2020/7/~art_10 en"
        ]
    );
    // An instrument id covers every provision under it.
    assert_eq!(
        count(&["search", "", "--provision", "tip", "--kind", "article"]),
        4
    );
    // Unassessed: the element of art_12 with no entry.
    assert_eq!(count(&["search", "", "--status", "unassessed"]), 1);
}

#[test]
fn query_language_phrases_booleans_fields_and_ranges() {
    let dir = fixture();
    let root = dir.path();
    let count = |q: &str| json(root, &["search", q])["total"].as_u64().unwrap();
    assert_eq!(count("wage"), 3, "two articles and a provision");
    // The provision's element says "pays the wage": phrases are analysed too.
    assert_eq!(count("\"pay the wage\""), 2);
    assert_eq!(count("\"the wage pay\""), 0);
    assert_eq!(count("wage AND inspection"), 2);
    assert_eq!(count("wage AND NOT inspection"), 1);
    assert_eq!(count("wage NOT inspection"), 1);
    assert_eq!(count("zeppelin OR obstructs"), 1);
    assert_eq!(count("wage -employer"), 1);
    assert_eq!(count("heading:punishment"), 1);
    assert_eq!(count("kind:provision AND wage"), 1);
    assert_eq!(count("year:[1990 TO 1999]"), 2);
    assert_eq!(count("year:>=2001 AND court"), 1);
    assert_eq!(count("lang:ar AND المحكمة"), 1);
    assert_eq!(count("status:repealed"), 2);
}

#[test]
fn bad_queries_and_filters_fail_with_a_message() {
    let dir = fixture();
    let root = dir.path();
    let out = mizan(root, &["search", "nosuchfield:x"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("there is no field `nosuchfield`"), "{err}");
    assert!(out.stdout.is_empty(), "no partial output");

    let out = mizan(root, &["search", "wage", "--year", "20x3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a year"));

    let out = mizan(root, &["search", "wage", "--status", "ful"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`ful` is not a status"));

    let out = mizan(root, &["search", "wage", "--kind", "chapter"]);
    assert_eq!(out.status.code(), Some(2), "usage error");

    let out = mizan(root, &["search", "(wage"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_broken_workspace_is_reported_not_searched() {
    let dir = fixture();
    fs::write(
        dir.path().join("corpus/kw/act-2020-7.en.md"),
        "---\nwork: nonsense\n---\n",
    )
    .unwrap();
    let out = mizan(dir.path(), &["search", "wage"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("act-2020-7.en.md"));
}

#[test]
fn highlights_are_bold_on_a_terminal_only() {
    let dir = fixture();
    let piped = mizan(dir.path(), &["search", "wage"]);
    assert!(!piped.stdout.contains(&0x1b), "no escapes when piped");
    // Run under a pseudo-terminal (`script` is in every Debian base system).
    let run_tty = |no_color: bool| {
        let cmd = format!(
            "{} --workspace {} search wage",
            cargo_bin("mizan").display(),
            dir.path().display()
        );
        let mut c = Command::new("script");
        c.args(["-qec", &cmd, "/dev/null"]);
        if no_color {
            c.env("NO_COLOR", "1");
        } else {
            c.env_remove("NO_COLOR");
        }
        let out = c.output().expect("script runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let tty = run_tty(false);
    assert!(
        tty.contains("\x1b[1mwage\x1b[0m"),
        "bold on a terminal: {tty:?}"
    );
    let tty = run_tty(true);
    assert!(!tty.contains("\x1b[1m"), "NO_COLOR respected: {tty:?}");
}

#[test]
fn suggest_ranks_candidates_for_unassessed_and_missing_units() {
    let dir = fixture();
    let v = json(dir.path(), &["suggest", "--limit", "3"]);
    assert_eq!(v["version"], 1);
    assert_eq!(v["jurisdiction"], "kw");
    let items = v["items"].as_array().unwrap();
    let refs: Vec<&str> = items
        .iter()
        .map(|i| i["reference"].as_str().unwrap())
        .collect();
    // art_5 is full and art_12#pay partial: not suggested. art_6__para_6 is
    // missing and art_12#inspection unassessed.
    assert_eq!(refs, ["tip/art_6__para_6", "tip/art_12#inspection"]);
    assert_eq!(items[0]["status"], "missing");
    assert_eq!(items[1]["status"], "unassessed");
    let inspection = items[1]["candidates"].as_array().unwrap();
    let by_id = |id: &str| {
        inspection
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("{id} among {inspection:?}"))
    };
    // The labour inspection article matches best by text...
    assert_eq!(by_id("/akn/kw/act/1995/3/~art_1")["text"], 1.0);
    // ...and the article assessed for the sibling element `pay` comes by
    // precedent, which names it.
    let wages = by_id("/akn/kw/act/2020/7/~art_10");
    assert!(wages["precedent"].as_f64().unwrap() > 0.0);
    assert!(
        wages["precedents"]
            .as_array()
            .unwrap()
            .iter()
            .chain(wages["instrument"].as_array().unwrap())
            .any(|r| r == "tip/art_12#pay"),
        "{wages}"
    );
    let scores: Vec<f64> = inspection
        .iter()
        .map(|c| c["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {scores:?}"
    );
    // Candidates are articles, each once.
    let mut ids: Vec<&str> = inspection
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.iter().all(|i| i.starts_with("/akn/")));
    ids.dedup();
    assert_eq!(ids.len(), inspection.len());

    let out = mizan(dir.path(), &["suggest", "--standard", "tpi"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `tip`"));
}

#[test]
fn british_and_american_spellings_find_the_same_texts() {
    let dir = fixture();
    let british = json(dir.path(), &["search", "labour"]);
    assert!(british["total"].as_u64().unwrap() > 0);
    let american = json(dir.path(), &["search", "labor"]);
    assert_eq!(ids(&american), ids(&british));
    assert_eq!(
        ids(&json(dir.path(), &["search", "offense"])),
        ids(&json(dir.path(), &["search", "offence"]))
    );
}
