//! The Word documents mizan writes, opened by a real word processor: the
//! proposal of two bundled drafts (`propose`) and the bundled gap report
//! (`gaps --format docx`), each in Arabic and in English. LibreOffice
//! converts each `.docx` to PDF (its pages counted by `pdfinfo`, its
//! headings found by `pdftotext`) and to plain text (every paragraph of the
//! document found, in order of reading, as written).
//!
//! `tests/setup` installs LibreOffice and poppler-utils, and `tests/run`
//! sets `MIZAN_REQUIRE_TOOLS=1`, so there the test never skips; on a
//! machine without them it says so and passes.

use std::path::Path;
use std::process::Command;

use unicode_normalization::UnicodeNormalization;

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::gaps::{self, Filter};
use mizan::output::{document::Document, docx, gap_document, proposal};
use mizan::proposal::{MemoTemplate, find, propose};

const DRAFTS: [&str; 2] = ["non-punishment-of-victims", "national-referral-mechanism"];

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stdout.is_empty() || !o.stderr.is_empty())
}

/// Whether the tools are here; without them, a skip (or a failure when
/// `MIZAN_REQUIRE_TOOLS` is set).
fn tools() -> bool {
    let missing: Vec<&str> = ["soffice", "pdfinfo", "pdftotext"]
        .into_iter()
        .filter(|t| !have(t))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("MIZAN_REQUIRE_TOOLS").is_none(),
        "{} missing: run `bash tests/setup`",
        missing.join(", ")
    );
    eprintln!(
        "skipped: {} not installed (tests/setup installs them)",
        missing.join(", ")
    );
    false
}

fn proposal_document(ws: &Workspace, lang: Lang) -> Document {
    let ids: Vec<String> = DRAFTS.iter().map(|s| (*s).to_owned()).collect();
    let amendments = find(ws, &ids).unwrap();
    let p = propose(ws, &amendments, lang, MemoTemplate::built_in()).unwrap();
    proposal::document(&p, ws.settings.numerals_for(lang))
}

/// Converts `file` with LibreOffice into `to` (`pdf`, or a text filter)
/// in `dir`, with a profile of its own (two conversions may run at once).
fn convert(file: &Path, to: &str, dir: &Path) {
    let profile = dir.join("profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Text compared: compatibility forms folded (a PDF gives Arabic letters
/// as presentation forms), bidi controls, white space and Arabic vowel
/// marks removed (a PDF places a mark apart from its letter).
fn squeeze(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{feff}' | '\u{064b}'..='\u{065f}' | '\u{0670}'))
        .collect()
}

fn gap_report(ws: &Workspace, lang: Lang) -> Document {
    let filter = Filter::default();
    let analysis = gaps::analyse_workspace(ws, &filter, Vec::new()).unwrap();
    gap_document::gap_document(&analysis, &filter, ws, lang)
}

/// Converts `doc` and checks the PDF has between `pages` pages and holds
/// the headings `keys` (messages), and that LibreOffice reads every
/// paragraph back.
fn check(doc: &Document, pages: std::ops::RangeInclusive<usize>, keys: &[&str]) {
    let lang = doc.lang;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("document.{}.docx", lang.code()));
    std::fs::write(&file, docx::write(doc)).unwrap();

    // The PDF: a cover, then each part from a new page.
    convert(&file, "pdf", dir.path());
    let pdf = file.with_extension("pdf");
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in\n{info}"));
    assert!(pages.contains(&count), "{count} pages for {}", lang.code());
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = squeeze(&String::from_utf8_lossy(&text.stdout));
    for key in keys {
        let h = lang.t(key);
        assert!(text.contains(&squeeze(h)), "{h:?} not in the PDF");
    }

    // The text as LibreOffice reads it: every paragraph, in order.
    convert(&file, "txt:Text (encoded):UTF8", dir.path());
    let read = std::fs::read_to_string(file.with_extension("txt")).unwrap();
    let read = squeeze(&read);
    let mut from = 0;
    for line in doc.plain_text().lines().filter(|l| !l.trim().is_empty()) {
        let want = squeeze(line);
        match read[from..].find(&want) {
            Some(i) => from += i + want.len(),
            None => panic!("{} not found (in order) in what LibreOffice read", line),
        }
    }
}

const PROPOSAL: [&str; 4] = [
    "proposal.law",
    "proposal.table",
    "proposal.memo",
    "proposal.current",
];

const REPORT: [&str; 4] = [
    "gaps.summary",
    "common.score",
    "q.theme.definition",
    "q.theme.protection",
];

fn workspace() -> Workspace {
    Workspace::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn the_arabic_proposal_converts_in_libreoffice() {
    if tools() {
        check(
            &proposal_document(&workspace(), Lang::AR),
            4..=40,
            &PROPOSAL,
        );
    }
}

#[test]
fn the_english_proposal_converts_in_libreoffice() {
    if tools() {
        check(
            &proposal_document(&workspace(), Lang::EN),
            4..=40,
            &PROPOSAL,
        );
    }
}

#[test]
fn the_arabic_gap_report_converts_in_libreoffice() {
    if tools() {
        check(&gap_report(&workspace(), Lang::AR), 10..=400, &REPORT);
    }
}

#[test]
fn the_english_gap_report_converts_in_libreoffice() {
    if tools() {
        check(&gap_report(&workspace(), Lang::EN), 10..=400, &REPORT);
    }
}

/// `gaps --format docx` on the command line: it needs `--out`, and
/// `--out` and `--lang` belong to the formats that use them.
#[test]
fn the_word_gap_report_is_written_to_a_file_only() {
    use mizan::testing::cli::run;
    let ws = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.docx");
    let o = run(ws, &["gaps", "--format", "docx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("give --out FILE.docx"));
    let o = run(ws, &["gaps", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
    let o = run(
        ws,
        &[
            "gaps",
            "--format",
            "docx",
            "--lang",
            "ar",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}
