//! `mizan export ndjson`: one JSON document per line, one line per article
//! expression and per provision, ready for a search cluster's bulk loader.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::export::ndjson::{self, Kind};
use mizan::testing::cli::run_in as mizan;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn lines(path: &Path) -> Vec<serde_json::Value> {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.ends_with('\n'));
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("line {}: {e}: {l}", i + 1))
        })
        .collect()
}

#[test]
fn one_line_per_article_expression_and_provision() {
    let dir = tempfile::tempdir().unwrap();
    let out = mizan(
        root(),
        &[
            "export",
            "ndjson",
            "--out",
            "mizan.ndjson",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ws = Workspace::load(root()).unwrap();
    let articles: usize = ws
        .works
        .iter()
        .flat_map(|w| &w.expressions)
        .map(|e| e.articles.len())
        .sum();
    let provisions: usize = ws.instruments.iter().map(|i| i.provisions.len()).sum();
    let docs = lines(&dir.path().join("mizan.ndjson"));
    let kinds = |k: &str| docs.iter().filter(|d| d["kind"] == k).count();
    assert_eq!(kinds("article"), articles);
    assert_eq!(kinds("provision"), provisions);
    assert_eq!(docs.len(), articles + provisions);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["version"], 1);
    assert_eq!(summary["articles"], articles);
    assert_eq!(summary["provisions"], provisions);
    assert_eq!(summary["lines"], docs.len());

    for d in &docs {
        for field in [
            "id",
            "kind",
            "work",
            "title",
            "lang",
            "article",
            "num",
            "body",
            "provision",
            "coverage",
        ] {
            assert!(!d[field].is_null(), "{field} missing in {d}");
        }
        if d["kind"] == "article" {
            for field in ["expression", "year", "status", "authority"] {
                assert!(!d[field].is_null(), "{field} missing in {d}");
            }
        }
        assert!(d["provision"].is_array() && d["coverage"].is_array());
    }
    // Arabic articles are there, in Arabic, with the same citable id.
    let ar = docs
        .iter()
        .find(|d| {
            d["lang"] == "ar" && d["work"] == "/akn/kw/act/2013/91" && d["article"] == "art_13"
        })
        .unwrap();
    assert_eq!(ar["id"], "/akn/kw/act/2013/91/~art_13");
    assert_eq!(ar["expression"], "/akn/kw/act/2013/91/ara@2013-03-17");
    assert_eq!(ar["num"], "(١٣)");
    assert_eq!(ar["year"], 2013);
    assert_eq!(ar["status"], "in-force");
    assert_eq!(ar["authority"], "unofficial-summary");
    // Folded for engines without an Arabic normaliser: no harakat, tatweel
    // or Arabic-Indic digits, one alef.
    for d in docs.iter().filter(|d| d["lang"] == "ar") {
        let folded = d["folded"].as_str().unwrap();
        assert!(
            !folded.chars().any(|c| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0640}' | '\u{0660}'..='\u{0669}' | 'أ' | 'إ' | 'آ')),
            "{folded}"
        );
    }
    assert!(
        docs.iter()
            .filter(|d| d["lang"] == "en")
            .all(|d| d["folded"].is_null())
    );
    // Mapped provisions and coverage come from the assessment.
    let art2 = docs
        .iter()
        .find(|d| d["lang"] == "en" && d["id"] == "/akn/kw/act/2013/91/~art_2")
        .unwrap();
    let mapped: Vec<&str> = art2["provision"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(mapped.iter().any(|p| p.starts_with("tip/")), "{mapped:?}");
    assert!(!art2["coverage"].as_array().unwrap().is_empty());
    // Provisions carry their instrument, theme and obligation.
    let p = docs
        .iter()
        .find(|d| d["id"] == "tip/art_6__para_3")
        .unwrap();
    assert_eq!(p["kind"], "provision");
    assert_eq!(p["work"], "tip");
    assert!(p["theme"].is_string() && p["obligation"].is_string());
    assert!(p["expression"].is_null());
}

#[test]
fn bulk_actions_precede_every_document_with_a_unique_id() {
    let dir = tempfile::tempdir().unwrap();
    let out = mizan(
        root(),
        &[
            "export",
            "ndjson",
            "--out",
            "bulk.ndjson",
            "--bulk-actions",
            "mizan",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all = lines(&dir.path().join("bulk.ndjson"));
    assert_eq!(all.len() % 2, 0);
    let mut ids = BTreeSet::new();
    for pair in all.chunks(2) {
        let action = &pair[0]["index"];
        assert_eq!(action["_index"], "mizan");
        let id = action["_id"].as_str().unwrap().to_owned();
        assert!(ids.insert(id.clone()), "duplicate _id {id}");
        let doc = &pair[1];
        if doc["kind"] == "article" {
            assert_eq!(
                id,
                format!(
                    "{}/~{}",
                    doc["expression"].as_str().unwrap(),
                    doc["article"].as_str().unwrap()
                )
            );
        } else {
            assert_eq!(id, doc["id"].as_str().unwrap());
        }
    }
}

#[test]
fn the_export_is_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.ndjson", "b.ndjson"] {
        assert!(
            mizan(root(), &["export", "ndjson", "--out", name], dir.path())
                .status
                .success()
        );
    }
    assert_eq!(
        fs::read(dir.path().join("a.ndjson")).unwrap(),
        fs::read(dir.path().join("b.ndjson")).unwrap()
    );
}

#[test]
fn bad_output_and_bad_index_names_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("file"), "x").unwrap();
    let out = mizan(
        root(),
        &["export", "ndjson", "--out", "file/x.ndjson"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("mizan: cannot "));

    let out = mizan(
        root(),
        &[
            "export",
            "ndjson",
            "--out",
            "x.ndjson",
            "--bulk-actions",
            "Bad Name",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`Bad Name` is not a valid index name"));
    assert!(!dir.path().join("x.ndjson").exists());

    // The old file survives a failed export untouched.
    fs::write(dir.path().join("keep.ndjson"), "old\n").unwrap();
    let out = mizan(
        &dir.path().join("no-such-workspace"),
        &["export", "ndjson", "--out", "keep.ndjson"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(dir.path().join("keep.ndjson")).unwrap(),
        "old\n"
    );
}

#[test]
fn the_book_shows_real_documents() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("book/src/examples/workspace");
    let out = mizan(
        &example,
        &["export", "ndjson", "--out", "mizan.ndjson"],
        dir.path(),
    );
    assert!(out.status.success());
    // (The command's output is held to the book by tests/book_chapters.rs.)
    // The file holds the library's documents, one per line, in order.
    let ws = Workspace::load(&example).unwrap();
    let docs = ndjson::documents(&ws);
    let text = fs::read_to_string(dir.path().join("mizan.ndjson")).unwrap();
    let file: Vec<&str> = text.lines().collect();
    assert_eq!(file.len(), docs.len());
    for (line, doc) in file.iter().zip(&docs) {
        assert_eq!(*line, serde_json::to_string(doc).unwrap());
    }
    let article = docs.iter().find(|d| d.lang == Lang::AR).unwrap();
    let provision = docs.iter().find(|d| d.kind == Kind::Provision).unwrap();
    for (doc, file) in [
        (article, "ndjson-article.json"),
        (provision, "ndjson-provision.json"),
    ] {
        let path = root().join("book/src/examples/export").join(file);
        let pretty = format!("{}\n", serde_json::to_string_pretty(doc).unwrap());
        let want = fs::read_to_string(&path).unwrap_or_default();
        if want != pretty {
            fs::write(path.with_extension("json.new"), &pretty).unwrap();
            panic!(
                "{} differs from the export: review {}.new",
                path.display(),
                path.display()
            );
        }
    }
}
