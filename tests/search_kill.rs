//! The kill test: a real `mizan` process indexing a largish workspace is
//! killed with SIGKILL in the middle of writing the index; the next search
//! must succeed, on the old index or a rebuilt one, never a broken one.
//!
//! "In the middle" is checked, not hoped for: the process writes
//! `.mizan/index.building` before it writes the index and removes it after
//! the commit, so the marker still being there after the kill proves the
//! kill landed during indexing. If a run finishes before it can be killed,
//! the test resets and tries again.

#![cfg(unix)]

use std::fmt::Write as _;
use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin;

const WORKS: usize = 60;
const ARTICLES: usize = 100;

const EN_WORDS: [&str; 24] = [
    "employer",
    "worker",
    "wage",
    "contract",
    "court",
    "ministry",
    "license",
    "penalty",
    "victim",
    "protection",
    "shelter",
    "recruitment",
    "agency",
    "passport",
    "document",
    "transport",
    "authority",
    "register",
    "complaint",
    "hearing",
    "appeal",
    "fine",
    "notice",
    "record",
];
const AR_WORDS: [&str; 16] = [
    "صاحب",
    "العمل",
    "العامل",
    "الأجر",
    "العقد",
    "المحكمة",
    "الوزارة",
    "الترخيص",
    "العقوبة",
    "المجني",
    "الحماية",
    "الإيواء",
    "الاستقدام",
    "جواز",
    "السفر",
    "الشكوى",
];

/// A deterministic word sequence (a linear congruential generator).
struct Words(u64);

impl Words {
    fn next<'a>(&mut self, words: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        words[(self.0 >> 33) as usize % words.len()]
    }
}

/// The marker word of every tenth article, which the test searches for.
fn marker_word(generation: u32) -> String {
    format!("inspection{generation}")
}

/// Writes a workspace of `WORKS` laws of `ARTICLES` articles in English and
/// Arabic; every tenth article contains the generation's marker word.
fn generate(root: &Path, generation: u32) {
    let corpus = root.join("corpus/kw");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(root.join("mizan.toml"), "title = \"Kill test\"\n").unwrap();
    let mut words = Words(7);
    for w in 0..WORKS {
        let year = 1990 + (w % 30);
        let number = w + 1;
        for lang in ["en", "ar"] {
            let mut text = String::new();
            writeln!(
                text,
                "---\nwork: /akn/kw/act/{year}/{number}\nlang: {lang}\ntitle: Law {number} of {year}\n\
                 date: {year}-01-01\nstatus: in-force\nauthority: unofficial-summary\nsource: generated\n---\n"
            )
            .unwrap();
            for a in 1..=ARTICLES {
                if lang == "en" {
                    writeln!(text, "## Article {a}: Heading {a}\n").unwrap();
                } else {
                    writeln!(text, "## المادة {a}: عنوان\n").unwrap();
                }
                let vocabulary: &[&str] = if lang == "en" { &EN_WORDS } else { &AR_WORDS };
                for _ in 0..60 {
                    text.push_str(words.next(vocabulary));
                    text.push(' ');
                }
                if a % 10 == 0 && lang == "en" {
                    text.push_str(&marker_word(generation));
                }
                text.push_str("\n\n");
            }
            fs::write(corpus.join(format!("act-{year}-{number}.{lang}.md")), text).unwrap();
        }
    }
}

/// The number of English articles carrying the marker word.
fn expected_hits() -> usize {
    WORKS * (ARTICLES / 10)
}

fn search(root: &Path, query: &str) -> (bool, serde_json::Value) {
    let out = Command::new(cargo_bin("mizan"))
        .arg("--workspace")
        .arg(root)
        .args(["search", query, "--format", "json", "--limit", "1"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&out.stderr).into()));
    (out.status.success(), json)
}

/// Starts a search that has to index, waits until it is writing the index,
/// and kills it with SIGKILL. Returns whether the kill landed while the index
/// was being written (`reset` prepares the next attempt otherwise).
fn kill_during_indexing(root: &Path, reset: &dyn Fn()) -> bool {
    let marker = root.join(".mizan/index.building");
    for _attempt in 0..5 {
        let mut child = Command::new(cargo_bin("mizan"))
            .arg("--workspace")
            .arg(root)
            .args(["search", "wage"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let mut seen = false;
        while start.elapsed() < Duration::from_secs(300) {
            if marker.exists() {
                seen = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        if seen {
            // Let it write for a moment, so segments are half written.
            std::thread::sleep(Duration::from_millis(50));
            child.kill().unwrap();
        }
        let status = child.wait().unwrap();
        if seen && status.signal() == Some(9) && marker.exists() {
            return true;
        }
        reset();
    }
    false
}

#[test]
fn a_killed_indexing_run_never_leaves_a_broken_index() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    generate(root, 1);

    // 1. Killed during the first build: no index yet, so the next run must
    //    rebuild it and then search.
    let state = root.join(".mizan");
    let killed = kill_during_indexing(root, &|| {
        let _ = fs::remove_dir_all(&state);
    });
    assert!(killed, "the first build was never killed while writing");
    let (ok, json) = search(root, &marker_word(1));
    assert!(ok, "search after a killed first build failed: {json}");
    assert_eq!(json["total"], expected_hits());

    // 2. Killed during an incremental refresh: the previous commit must
    //    still be there, whole, until the next run refreshes it.
    let flip = std::cell::Cell::new(2);
    generate(root, 2);
    let killed = kill_during_indexing(root, &|| {
        // The run finished: change the files again so the next attempt
        // has to index.
        flip.set(flip.get() + 1);
        generate(root, flip.get());
    });
    assert!(killed, "the refresh was never killed while writing");
    let index = tantivy::Index::open_in_dir(root.join(".mizan/index"))
        .expect("the index opens after the kill");
    let reader = index.reader().expect("and can be read");
    assert_eq!(
        reader.searcher().num_docs() as usize,
        2 * WORKS * ARTICLES,
        "the old commit is complete"
    );
    let generation = flip.get();
    let (ok, json) = search(root, &marker_word(generation));
    assert!(ok, "search after a killed refresh failed: {json}");
    assert_eq!(json["total"], expected_hits(), "the refresh completed");
    let (ok, json) = search(root, &marker_word(1));
    assert!(ok);
    assert_eq!(json["total"], 0, "the old text is gone");
    assert!(!root.join(".mizan/index.building").exists());
}
