//! The command examples in the book are the real output of those commands.
//! Each `.out` file under `book/src/examples/` is included in a chapter after
//! the command that produced it; this test runs the command again.

use std::path::Path;

use assert_cmd::Command;

fn run(args: &[&str], expected: &str, code: i32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("mizan")
        .unwrap()
        .current_dir(root)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(code), "{args:?}");
    let mut text = String::from_utf8(out.stderr).unwrap();
    text.push_str(&String::from_utf8(out.stdout).unwrap());
    let want = std::fs::read_to_string(root.join("book/src/examples").join(expected)).unwrap();
    assert_eq!(
        text, want,
        "output of {args:?} differs from book/src/examples/{expected}"
    );
}

#[test]
fn check_on_the_example_workspace() {
    run(
        &["--workspace", "book/src/examples/workspace", "check"],
        "check.out",
        0,
    );
}

#[test]
fn check_on_the_broken_example() {
    run(
        &["--workspace", "book/src/examples/broken", "check"],
        "broken.out",
        1,
    );
}

#[test]
fn explain_a_code() {
    run(&["explain", "M0203"], "explain.out", 0);
}

#[test]
fn show_an_article() {
    run(
        &[
            "--workspace",
            "book/src/examples/workspace",
            "show",
            "/akn/kw/act/2013/91/~art_2",
        ],
        "show.out",
        0,
    );
}
