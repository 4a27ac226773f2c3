//! Deeply nested list markers (`- - - ...` thousands of times, a 20 KB
//! file) once overflowed the stack and aborted the process. Lists nested
//! past the limit are now one diagnostic with the limit and the depth
//! found, in statutes and in amendment bodies alike.

use super::common::*;

/// `marker` repeated `depth` times on one line, then a word.
fn deep_line(marker: &str, depth: usize) -> String {
    format!("{}deep\n", marker.repeat(depth))
}

#[test]
fn seven_thousand_bullets_in_a_statute_are_one_error() {
    let dir = workspace();
    let mut line_no = 0;
    edit(&dir, STATUTE, |text| {
        let text = format!("{text}\n## Article 9\n\n");
        line_no = text.lines().count() as u64 + 1;
        text + &deep_line("- ", 7000)
    });
    let (code, diags) = check(dir.path());
    assert_eq!(code, 1);
    // Level 17 is the 17th marker: 16 markers of two bytes before it.
    let d = expect(
        &diags,
        "error",
        STATUTE,
        Some((line_no, 33)),
        "lists are nested 7000 levels deep; at most 16 are allowed",
    );
    let errors = diags.iter().filter(|d| d["severity"] == "error").count();
    assert_eq!(errors, 1, "{diags:#?}");
    assert!(d["help"].as_str().unwrap().contains("separate paragraphs"));
}

#[test]
fn eight_thousand_numbered_markers_in_an_amendment_are_one_error() {
    let dir = workspace();
    let mut line_no = 0;
    edit(&dir, AMENDMENT, |text| {
        let text = format!("{text}\n## Replace Article 2\n\n");
        line_no = text.lines().count() as u64 + 1;
        text + &deep_line("1. ", 8000)
    });
    let (code, diags) = check(dir.path());
    assert_eq!(code, 1);
    expect(
        &diags,
        "error",
        AMENDMENT,
        Some((line_no, 49)),
        "lists are nested 8000 levels deep; at most 16 are allowed",
    );
    let errors = diags.iter().filter(|d| d["severity"] == "error").count();
    assert_eq!(errors, 1, "{diags:#?}");
}

#[test]
fn sixteen_levels_are_read() {
    let dir = workspace();
    edit(&dir, STATUTE, |text| {
        format!("{text}\n## Article 9\n\n{}", deep_line("- ", 16))
    });
    let out = mizan()
        .arg("--workspace")
        .arg(dir.path())
        .args(["show", "/akn/kw/act/2013/91/~art_9"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("deep"));
}

#[test]
fn the_text_human_output_names_the_place_too() {
    let dir = workspace();
    edit(&dir, STATUTE, |text| {
        format!("{text}\n## Article 9\n\n{}", deep_line("* ", 5000))
    });
    let out = mizan()
        .arg("--workspace")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("act-2013-91.en.md:")
            && err.contains("error[M0209]: lists are nested 5000 levels deep"),
        "{err}"
    );
    // The snippet shows the line cut to the terminal, not 10 KB of stars.
    assert!(err.len() < 12_000, "{} bytes", err.len());
}
