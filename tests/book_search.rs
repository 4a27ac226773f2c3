//! The search chapter's examples are the real output of its commands, run
//! on a copy of the example workspace (so the test leaves no index in the
//! repository), and the recall it quotes is the measured one.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use mizan::testing::files::copy_dir;

/// Runs `mizan ARGS` as the book shows it, from a folder holding a copy of
/// `book/src/examples/workspace` at the same relative path.
fn run(args: &[&str], expected: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root.join("book/src/examples/workspace"),
        &dir.path().join("book/src/examples/workspace"),
    );
    let out = Command::cargo_bin("mizan")
        .unwrap()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    let mut text = String::from_utf8(out.stderr).unwrap();
    text.push_str(&String::from_utf8(out.stdout).unwrap());
    let want = fs::read_to_string(root.join("book/src/examples").join(expected)).unwrap();
    assert_eq!(
        text, want,
        "output of {args:?} differs from book/src/examples/{expected}"
    );
    let chapter = fs::read_to_string(root.join("book/src/search.md")).unwrap();
    let shown = format!("$ mizan {}", quoted(args));
    assert!(chapter.contains(&shown), "the chapter shows `{shown}`");
}

/// The arguments as typed in a shell (quoted where needed).
fn quoted(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.is_empty() || a.contains(' ') || !a.is_ascii() {
                format!("\"{a}\"")
            } else {
                (*a).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

const W: [&str; 2] = ["--workspace", "book/src/examples/workspace"];

fn with(rest: &[&'static str]) -> Vec<&'static str> {
    W.iter().copied().chain(rest.iter().copied()).collect()
}

#[test]
fn unvowelled_arabic_query() {
    run(&with(&["search", "يعاقب"]), "search-arabic.out");
}

#[test]
fn boolean_query_on_articles() {
    run(
        &with(&["search", "consent OR coercion", "--kind", "article"]),
        "search-boolean.out",
    );
}

#[test]
fn articles_mapped_to_a_provision() {
    run(
        &with(&[
            "search",
            "",
            "--provision",
            "tip/art_3__para_a",
            "--kind",
            "article",
        ]),
        "search-provision.out",
    );
}

#[test]
fn json_output() {
    run(
        &with(&["search", "penalties", "--format", "json", "--limit", "1"]),
        "search-json.out",
    );
}

#[test]
fn suggest_on_the_example() {
    run(&with(&["suggest", "--limit", "3"]), "suggest.out");
}

#[test]
fn the_chapter_quotes_the_measured_recall() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chapter = fs::read_to_string(root.join("book/src/search.md")).unwrap();
    let mut ws = mizan::Workspace::load(root).expect("the bundled workspace loads");
    assert!(!ws.glossary.is_empty(), "the bundled glossary loads");
    for only_arabic in [false, true] {
        if only_arabic {
            // As `suggest_eval --only-lang ar` measures: the statutes as if
            // written in Arabic only.
            for work in &mut ws.works {
                assert!(work.expression(mizan::corpus::Lang::AR).is_some());
                work.expressions
                    .retain(|e| e.lang() == mizan::corpus::Lang::AR);
            }
        }
        let index = mizan::search::SearchIndex::in_ram(&ws).unwrap();
        let evaluation = mizan::search::evaluate(&ws, &index).unwrap();
        assert!(
            evaluation.entries > 50,
            "the bundled assessment is held out"
        );
        let line = evaluation.summary_line();
        assert!(
            chapter.contains(&line),
            "book/src/search.md should quote the measured `{line}` (Arabic only: {only_arabic})"
        );
        // A floor, so a regression in ranking fails loudly.
        assert!(evaluation.recall_at_5 >= 0.68, "{line}");
    }
}
