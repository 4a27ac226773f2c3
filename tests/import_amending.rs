//! `mizan import --amendment`: amending laws in the gazette's forms (Arabic
//! and English, tests/fixtures/import/amending/) read into amendment files
//! that the amendment reader accepts; the share of clauses that became
//! operations, measured on every fixture; nothing dropped; and the files
//! produced applied to imported statutes with `mizan diff`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use mizan::corpus::Lang;
use mizan::ids::WorkId;
use mizan::import::{AmendmentOptions, Fate, import_amendment};
use mizan::testing::cli::run;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Each amending fixture, the work it amends, and the last paragraph of
/// the articles it adds a paragraph to "at the end" (which the statute's
/// text would tell).
/// (language, article, its last paragraph)
type Last = &'static [(&'static str, &'static str, u32)];

const FIXTURES: [(&str, &str, Last); 5] = [
    (
        "libraries-amendment.ar.txt",
        "/akn/kw/act/2099/7",
        &[("ar", "1", 1)],
    ),
    ("parks-amendment.en.txt", "/akn/kw/act/2097/3", &[]),
    (
        "markets-amendment.ar.txt",
        "/akn/kw/act/2098/14",
        &[("ar", "13", 3)],
    ),
    (
        "shipping-decree.ar.txt",
        "/akn/kw/act/2096/33",
        &[("ar", "22", 2), ("ar", "25", 1)],
    ),
    (
        "fisheries-amendment.en.txt",
        "/akn/kw/act/2094/21",
        &[("en", "17", 2)],
    ),
];

fn options(work: &str, last: &[(&str, &str, u32)]) -> AmendmentOptions {
    let mut last_paragraphs = HashMap::new();
    for (lang, article, n) in last {
        last_paragraphs.insert(((*lang).to_owned(), (*article).to_owned()), *n);
    }
    AmendmentOptions {
        amends: Some(WorkId::parse(work).unwrap()),
        last_paragraphs,
        ..Default::default()
    }
}

/// The share the book states: 52 of 55 amending clauses (94.5%) became
/// operations; the three left are forms the amendment format has no
/// operation for (a chapter's heading twice, an item lettered `(ب)`).
#[test]
fn the_share_of_clauses_that_become_operations() {
    let mut read = 0;
    let mut total = 0;
    let mut execution = 0;
    let mut unread = Vec::new();
    for (name, work, last) in FIXTURES {
        let path: Arc<Path> = Arc::from(fixture(&format!("amending/{name}")).as_path());
        let a = import_amendment(&path, &options(work, last))
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let (r, t) = a.share();
        read += r;
        total += t;
        for c in &a.clauses {
            match &c.fate {
                Fate::Execution => execution += 1,
                Fate::Unread(why) => unread.push(format!("{name}:{}: {why}: {}", c.place, c.text)),
                Fate::Operations(n) => assert!(*n > 0),
            }
        }
    }
    assert!(total >= 40, "only {total} clauses");
    assert_eq!((read, total), (52, 55), "{unread:#?}");
    assert!(read as f64 / total as f64 > 0.94);
    assert_eq!(execution, 7);
    assert_eq!(unread.len(), 3, "{unread:#?}");
}

/// Every clause that made no operation, and the preamble and closing
/// lines, are in the file's note word for word.
#[test]
fn clauses_not_read_are_kept_verbatim_in_the_note() {
    for (name, work, last) in FIXTURES {
        let path: Arc<Path> = Arc::from(fixture(&format!("amending/{name}")).as_path());
        let a = import_amendment(&path, &options(work, last)).unwrap();
        for c in &a.clauses {
            if matches!(c.fate, Fate::Operations(_)) {
                continue;
            }
            for line in c.text.lines() {
                assert!(
                    a.markdown.contains(&format!("] {line}\n")),
                    "{name}: `{line}` missing from\n{}",
                    a.markdown
                );
            }
        }
        let input = std::fs::read_to_string(fixture(&format!("amending/{name}"))).unwrap();
        let first = input.lines().next().unwrap();
        assert!(a.markdown.contains(first), "{name}: the title line is kept");
    }
}

/// Without the amended statute, a paragraph "added to the article" has no
/// place: the clause is flagged, not guessed.
#[test]
fn a_paragraph_added_at_the_end_needs_the_statute() {
    let path: Arc<Path> = Arc::from(fixture("amending/libraries-amendment.ar.txt").as_path());
    let a = import_amendment(&path, &options("/akn/kw/act/2099/7", &[])).unwrap();
    let unread: Vec<&str> = a
        .clauses
        .iter()
        .filter_map(|c| match &c.fate {
            Fate::Unread(why) => Some(why.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(unread.len(), 1);
    assert!(unread[0].contains("last paragraph"), "{unread:?}");
    assert_eq!(a.lang, Lang::AR);
}

/// A workspace with the two statutes the round-trip fixtures amend.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus/kw")).unwrap();
    for law in ["libraries-law.ar.txt", "parks-act.en.txt"] {
        let out = run(dir.path(), &["import", fixture(law).to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    dir
}

#[test]
fn the_amendments_made_apply_with_mizan_diff() {
    let ws = workspace();
    for (name, work, id, changes) in [
        (
            "libraries-amendment.ar.txt",
            "/akn/kw/act/2099/7",
            "libraries-amendment",
            &[
                "[-الوزارة-]{+الهيئة العامة للثقافة+}",
                "[-خمسة-]{+ثلاثة+}",
                "{+وتشمل المكتبة العامة مكتبات المدارس إذا فتحت أبوابها للجمهور.+}",
                "1 added, 1 repealed, 0 renumbered, 3 modified",
            ][..],
        ),
        (
            "parks-amendment.en.txt",
            "/akn/kw/act/2097/3",
            "parks-amendment",
            &[
                "[-six-]{+three+}",
                "Article 4 bis: {+Water+}  [added]",
                "1 added, 1 repealed, 0 renumbered, 2 modified",
            ][..],
        ),
    ] {
        let file = fixture(&format!("amending/{name}"));
        let out = run(
            ws.path(),
            &[
                "import",
                "--amendment",
                file.to_str().unwrap(),
                "--amends",
                work,
            ],
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains("amending clauses became operations (100%)"),
            "{stdout}"
        );
        assert!(
            ws.path()
                .join(format!("corpus/kw/amendments/{id}.md"))
                .exists()
        );
        let diff = run(ws.path(), &["diff", id]);
        let shown = String::from_utf8_lossy(&diff.stdout);
        assert!(
            diff.status.success(),
            "{shown}{}",
            String::from_utf8_lossy(&diff.stderr)
        );
        for change in changes {
            assert!(shown.contains(change), "{id}: no `{change}` in\n{shown}");
        }
    }
    let check = run(ws.path(), &["check"]);
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{report}");
    assert!(report.contains("2 amendments: 0 errors"), "{report}");
}

#[test]
fn a_clause_not_read_is_flagged_with_its_line() {
    let ws = workspace();
    let file = fixture("amending/markets-amendment.ar.txt");
    let out = run(
        ws.path(),
        &[
            "import",
            "--amendment",
            file.to_str().unwrap(),
            "--amends",
            "/akn/kw/act/2098/14",
            "--out",
            "-",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("markets-amendment.ar.txt:line 65: not read"),
        "{stderr}"
    );
    assert!(
        stdout.starts_with("---\nid: markets-amendment\n"),
        "{stdout}"
    );
}

#[test]
fn a_file_with_no_articles_writes_nothing() {
    let ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.txt");
    std::fs::write(&file, "نص بلا مواد\n").unwrap();
    let out = run(
        ws.path(),
        &[
            "import",
            "--amendment",
            file.to_str().unwrap(),
            "--amends",
            "/akn/kw/act/2099/7",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("M0805"));
    assert!(!ws.path().join("corpus/kw/amendments").exists());
}

#[test]
fn amends_is_required() {
    let ws = workspace();
    let file = fixture("amending/parks-amendment.en.txt");
    let out = run(
        ws.path(),
        &["import", "--amendment", file.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--amends"));
}
