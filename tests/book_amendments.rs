//! The Amendments chapter's examples are real: each command shown in
//! `book/src/amendments.md` runs here against `book/src/examples/amendments`
//! (or its broken copy), and its output must equal the `.out` file the
//! chapter includes after it.

use std::path::Path;

use assert_cmd::Command;

const W: &str = "book/src/examples/amendments";

/// (arguments after `--workspace W`, expected output file, exit code).
const EXAMPLES: &[(&[&str], &str, i32)] = &[
    (
        &["diff", "replace-article", "--lang", "en"],
        "replace-article.out",
        0,
    ),
    (
        &["diff", "insert-article", "--lang", "en"],
        "insert-article.out",
        0,
    ),
    (
        &["diff", "repeal-article", "--lang", "en"],
        "repeal-article.out",
        0,
    ),
    (&["diff", "renumber-article"], "renumber-article.out", 0),
    (
        &["diff", "substitute-words", "--lang", "en"],
        "substitute-words.out",
        0,
    ),
    (
        &["diff", "substitute-all", "--lang", "en"],
        "substitute-all.out",
        0,
    ),
    (
        &["diff", "replace-paragraph", "--lang", "en"],
        "replace-paragraph.out",
        0,
    ),
    (
        &["diff", "insert-paragraph", "--lang", "en"],
        "insert-paragraph.out",
        0,
    ),
    (
        &["diff", "repeal-paragraph", "--lang", "en"],
        "repeal-paragraph.out",
        0,
    ),
    (&["diff", "psychological-care"], "psychological-care.out", 0),
    (
        &["show", "/akn/kw/act/2020/1/~art_11", "--at", "2021-05-31"],
        "show-before.out",
        0,
    ),
    (
        &[
            "show",
            "/akn/kw/act/2020/1/~art_11",
            "--at",
            "2021-06-01",
            "--lang",
            "ar",
        ],
        "show-after.out",
        0,
    ),
    (
        &["show", "/akn/kw/act/2020/1/~art_11", "--lang", "ar"],
        "show-now.out",
        0,
    ),
    (
        &[
            "show",
            "/akn/kw/act/2020/1/~art_5",
            "--with",
            "repeal-article",
        ],
        "show-with.out",
        0,
    ),
    (
        &[
            "diff",
            "/akn/kw/act/2020/1@2020-03-01",
            "/akn/kw/act/2020/1@2021-06-01",
        ],
        "versions.out",
        0,
    ),
    (
        &[
            "diff",
            "psychological-care",
            "--format",
            "side-by-side",
            "--width",
            "80",
        ],
        "side-by-side.out",
        0,
    ),
    (
        &[
            "diff",
            "replace-paragraph",
            "--format",
            "unified",
            "--lang",
            "en",
        ],
        "unified.out",
        0,
    ),
    (
        &[
            "diff",
            "substitute-words",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        "json.out",
        0,
    ),
];

fn run(workspace: &str, args: &[&str]) -> (String, i32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("mizan")
        .unwrap()
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(["--workspace", workspace])
        .args(args)
        .output()
        .unwrap();
    let mut text = String::from_utf8(out.stderr).unwrap();
    text.push_str(&String::from_utf8(out.stdout).unwrap());
    (text, out.status.code().unwrap_or(-1))
}

fn expected(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(W)
        .join("expected")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_example_command_prints_what_the_chapter_shows() {
    for (args, file, code) in EXAMPLES {
        let (text, got) = run(W, args);
        assert_eq!(got, *code, "{args:?}:\n{text}");
        assert_eq!(
            text,
            expected(file),
            "output of {args:?} differs from {W}/expected/{file}"
        );
    }
}

#[test]
fn the_chapter_includes_every_example_output() {
    let chapter = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/amendments.md"),
    )
    .unwrap();
    for (_, file, _) in EXAMPLES {
        assert!(
            chapter.contains(&format!("examples/amendments/expected/{file}")),
            "the chapter does not include {file}"
        );
    }
    assert!(chapter.contains("examples/amendments/expected/broken.out"));
}
