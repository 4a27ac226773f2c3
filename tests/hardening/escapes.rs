//! Article text with terminal escapes (`ESC ] 0;… BEL` retitles a
//! terminal, `ESC [2J` clears it) was written raw by `show` and carried
//! into the HTML. Control characters are now shown as visible signs
//! (`␛`, `␇`) in every output, with a warning at the first.

use std::fs;

use super::common::*;

const HOSTILE: &str = "Owned \u{1b}]0;pwned\u{7}\u{1b}[2J text.";

fn hostile_workspace() -> (tempfile::TempDir, u64) {
    let dir = workspace();
    let mut line = 0;
    edit(&dir, STATUTE, |text| {
        let text = format!("{text}\n## Article 9\n\n");
        line = text.lines().count() as u64 + 1;
        format!("{text}{HOSTILE}\n")
    });
    (dir, line)
}

#[test]
fn show_prints_control_characters_visibly() {
    let (dir, line) = hostile_workspace();
    let (code, diags) = check(dir.path());
    assert_eq!(code, 0);
    expect(
        &diags,
        "warning",
        STATUTE,
        Some((line, 7)),
        "the file holds control characters; the first is U+001B here",
    );
    let out = mizan()
        .arg("--workspace")
        .arg(dir.path())
        .args(["show", "/akn/kw/act/2013/91/~art_9"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("Owned ␛]0;pwned␇␛[2J text."), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

#[test]
fn the_site_carries_no_escape_byte() {
    let (dir, _) = hostile_workspace();
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("site");
    let built = mizan()
        .arg("--workspace")
        .arg(dir.path())
        .args(["build", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let page = fs::read_to_string(out.join("en/akn/kw/act/2013/91/index.html"))
        .or_else(|_| fs::read_to_string(find_page(&out)))
        .unwrap();
    assert!(page.contains("Owned ␛]0;pwned␇␛[2J text."));
    // Every text file, and Pagefind's fragments (gzip JSON, the text of
    // each page); its indexes and WebAssembly are binary.
    let text = [
        "html",
        "json",
        "js",
        "css",
        "xml",
        "csv",
        "txt",
        "pf_fragment",
    ];
    for file in walk(&out)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| text.iter().any(|t| e == *t)))
    {
        let mut bytes = fs::read(&file).unwrap();
        if bytes.starts_with(&[0x1f, 0x8b]) {
            // Pagefind's index files are gzip: look inside.
            use std::io::Read;
            let mut plain = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut plain)
                .unwrap();
            bytes = plain;
        }
        assert!(!bytes.contains(&0x1b), "ESC in {}", file.display());
    }
}

/// The English page of the work, wherever the site puts it.
fn find_page(out: &std::path::Path) -> std::path::PathBuf {
    walk(out)
        .into_iter()
        .find(|p| {
            p.extension().is_some_and(|e| e == "html")
                && fs::read_to_string(p).is_ok_and(|t| t.contains("Owned ␛"))
        })
        .expect("a page with the article")
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_file_name_with_an_escape_is_shown_not_obeyed() {
    let dir = workspace();
    fs::write(
        dir.path().join("corpus/kw/bad\u{1b}[2J.en.md"),
        "no front matter\n",
    )
    .unwrap();
    let out = mizan()
        .arg("--workspace")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("bad␛[2J.en.md"), "{stderr}");
}
