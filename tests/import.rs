//! `mizan import`: every fixture (text, HTML, Word) becomes a statute file
//! that `check` accepts with no error, keeps every word of its input, and
//! has the structure the gazette's forms give it; bad input is refused
//! with a diagnostic naming the file, a non-zero exit and nothing written.
//!
//! The Word fixtures are built in memory (`mizan::testing::docx`) from the
//! text fixtures, with headings split across runs, empty paragraphs, a
//! table and line breaks, as a word processor writes them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mizan::testing::cli::run;
use mizan::testing::docx::{docx, docx_of_lines, paragraph, table};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// An empty workspace with `corpus/kw/`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus/kw")).unwrap();
    dir
}

fn written(ws: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(ws.join("corpus/kw"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The words of a text: runs between spaces, without the punctuation
/// around them (and Markdown's escaping backslashes); only those with a
/// letter (page numbers are numbers, not words).
fn words(text: &str) -> BTreeSet<String> {
    text.replace('\\', "")
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

/// Imports `file` into a fresh workspace; checks the run, `check`, and that
/// every word of `input_text` is in the file written. Returns the file's text.
fn import_and_check(file: &Path, input_text: &str, extra: &[&str]) -> String {
    let ws = workspace();
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend(extra);
    let out = run(ws.path(), &args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}: {stderr}{stdout}", file.display());
    let files = written(ws.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(stdout.contains("wrote "), "{stdout}");
    let check = run(ws.path(), &["check"]);
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{}: {report}", file.display());
    assert!(report.contains(": 0 errors"), "{report}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let body = text.splitn(3, "---\n").nth(2).unwrap();
    let missing: Vec<String> = words(input_text)
        .difference(&words(body))
        .cloned()
        .collect();
    assert!(
        missing.is_empty(),
        "{}: words lost: {missing:?}",
        file.display()
    );
    text
}

/// The text of an HTML fixture's body, for the words it holds.
fn html_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("body").unwrap();
    doc.select(&body)
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .concat()
}

#[test]
fn the_arabic_issuing_law_in_text_keeps_every_word_and_its_structure() {
    let file = fixture("libraries-law.ar.txt");
    let input = std::fs::read_to_string(&file).unwrap();
    let text = import_and_check(&file, &input, &[]);
    assert!(
        text.starts_with("---\nwork: /akn/kw/act/2099/7\nlang: ar\n"),
        "{text}"
    );
    for heading in [
        "\n# مواد الإصدار\n",
        "\n## مادة أولى\n",
        "\n## مادة ثالثة\n",
        "\n# البـــاب الأول: أحكام عامة\n",
        "\n## الفصل الأول: التعريفات\n",
        "\n### الفرع الأول: الإعارة\n",
        "\n#### المادة ٢\n",
        "\n#### مادة 3\n",
        "\n#### المادة ٤ مكرراً (أ)\n",
        "\n# المذكرة الإيضاحية\n",
    ] {
        assert!(text.contains(heading), "{heading:?} not in\n{text}");
    }
    // The chapter heading written twice is there once; the page header
    // once; the memorandum's `المادة الأولى` is text, not an article.
    assert_eq!(text.matches("الفصل الأول").count(), 1);
    assert_eq!(text.matches("السنة الخامسة والسبعون").count(), 1);
    assert!(text.contains("\nالمادة الأولى من القانون"));
}

#[test]
fn the_issuing_articles_have_their_own_eids() {
    let ws = workspace();
    let out = run(
        ws.path(),
        &["import", fixture("libraries-law.ar.txt").to_str().unwrap()],
    );
    assert!(out.status.success());
    let show = run(
        ws.path(),
        &["show", "/akn/kw/act/2099/7/~hcontainer_issuing__art_2"],
    );
    let shown = String::from_utf8_lossy(&show.stdout);
    assert!(
        show.status.success(),
        "{}",
        String::from_utf8_lossy(&show.stderr)
    );
    assert!(shown.contains("اللائحة التنفيذية"), "{shown}");
    let show = run(ws.path(), &["show", "/akn/kw/act/2099/7/~art_4bis_a"]);
    assert!(String::from_utf8_lossy(&show.stdout).contains("ثلاثين يوماً"));
}

#[test]
fn the_summary_says_what_was_guessed_dropped_and_not_placed() {
    let ws = workspace();
    let file = fixture("libraries-law.ar.txt");
    let out = run(ws.path(), &["import", file.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("3 issuing articles, 7 articles, 6 containers"),
        "{stdout}"
    );
    assert!(
        stdout.contains("guessed work from the title: /akn/kw/act/2099/7"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 19: dropped a repeated page header or footer"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 27: dropped a repeated heading"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "line 17: 4 paragraphs after the first paragraph of the last issuing article (line 17 to line 21) kept as its text"
        ),
        "{stdout}"
    );
}

#[test]
fn arabic_ordinal_headings_in_html() {
    let file = fixture("ordinals.ar.html");
    let input = html_text(&std::fs::read_to_string(&file).unwrap());
    let text = import_and_check(&file, &input, &[]);
    assert!(text.contains("work: /akn/kw/act/decree-law/2098/12"));
    assert!(text.contains("\n# المادة الأولى\n"), "{text}");
    assert!(text.contains("\n# المادة الحادية عشرة\n"));
    assert!(text.contains("\n# المادة الثانية عشرة\n"));
}

#[test]
fn an_english_law_in_text() {
    let file = fixture("parks-act.en.txt");
    let input = std::fs::read_to_string(&file).unwrap();
    let text = import_and_check(&file, &input, &[]);
    assert!(text.contains("\n## Article Three\n"));
    assert!(text.contains("\n## Article 4: Fees\n"));
}

#[test]
fn word_documents_with_headings_split_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    for (name, runs) in [("law-a.docx", 3), ("law-b.docx", 1), ("law-c.docx", 7)] {
        let input = std::fs::read_to_string(fixture("libraries-law.ar.txt")).unwrap();
        let file = dir.path().join(name);
        std::fs::write(&file, docx_of_lines(&input, runs)).unwrap();
        let text = import_and_check(&file, &input, &[]);
        assert!(text.contains("\n#### المادة ٤ مكرراً (أ)\n"), "{text}");
        assert!(text.contains("\n## مادة ثانية\n"));
    }
}

#[test]
fn a_word_document_with_a_table_and_a_line_break_in_a_heading() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("table.docx");
    let body = [
        paragraph(&["قانون رقم ", "١١", " لسنة ", "٢٠٩٦", " في شأن الأسواق"]),
        paragraph(&[]),
        paragraph(&[
            "المـا",
            "دة",
            " (١)",
            "\n",
            "تنظم الأسواق الشعبية وفق الجدول الآتي:",
        ]),
        table(&["السوق", "أيام العمل"]),
        paragraph(&["مادة ٢ مكرر", " أ"]),
        paragraph(&["يعمل بهذا القانون من تاريخ نشره."]),
    ]
    .concat();
    std::fs::write(&file, docx(&body)).unwrap();
    let input = "قانون رقم ١١ لسنة ٢٠٩٦ في شأن الأسواق المـادة (١) تنظم الأسواق الشعبية وفق الجدول الآتي: السوق أيام العمل مادة ٢ مكرر أ يعمل بهذا القانون من تاريخ نشره.";
    let text = import_and_check(&file, input, &[]);
    assert!(text.contains("work: /akn/kw/act/2096/11"));
    assert!(text.contains("\n# المـادة (١)\n"), "{text}");
    assert!(text.contains("\n# مادة ٢ مكرر أ\n"), "{text}");
}

/// Runs `import` on a bad file: exit 1, an error naming the file, nothing
/// written. Returns what was printed.
fn refused(file: &Path) -> String {
    let ws = workspace();
    let out = run(ws.path(), &["import", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&file.display().to_string()), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(written(ws.path()).is_empty());
    stderr
}

#[test]
fn bad_input_is_refused_with_the_file_named_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let not_zip = refused(&write("law.docx", "المادة ١\nنص".as_bytes()));
    assert!(
        not_zip.contains("error[M0802]") && not_zip.contains("not a zip archive"),
        "{not_zip}"
    );

    let mut bomb_xml = mizan::testing::docx::document_xml("").into_bytes();
    bomb_xml.resize(65 * 1024 * 1024, b' ');
    let bomb = mizan::testing::docx::zip(&[("word/document.xml", &bomb_xml)]);
    let bomb = refused(&write("bomb.docx", &bomb));
    assert!(
        bomb.contains("error[M0804]") && bomb.contains("64 MiB"),
        "{bomb}"
    );

    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 1024]);
    let legacy = refused(&write("old.doc", &ole));
    assert!(
        legacy.contains("error[M0801]") && legacy.contains("legacy Word"),
        "{legacy}"
    );
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    let encrypted = refused(&write("secret.docx", &ole));
    assert!(
        encrypted.contains("error[M0803]") && encrypted.contains("password"),
        "{encrypted}"
    );

    let none = refused(&write("notes.txt", "ملاحظات عامة\nلا مواد هنا\n".as_bytes()));
    assert!(
        none.contains("error[M0805]") && none.contains("no article heading"),
        "{none}"
    );

    let big = dir.path().join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let big = refused(&big);
    assert!(
        big.contains("error[M0804]") && big.contains("16 MiB"),
        "{big}"
    );

    let bad_utf8 = refused(&write(
        "cp1256.txt",
        &[0xC7, 0xE1, 0xE3, 0xC7, 0xCF, 0xC9, b' ', b'1'],
    ));
    assert!(
        bad_utf8.contains("not valid UTF-8") && bad_utf8.contains("line 1, column 1"),
        "{bad_utf8}"
    );

    let pdf = refused(&write("law.pdf", b"%PDF-1.7"));
    assert!(pdf.contains("cannot import .pdf files"), "{pdf}");
}

#[test]
fn what_cannot_be_guessed_must_be_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("untitled.txt");
    std::fs::write(&file, "أحكام عامة\nالمادة ١\nنص المادة.\n").unwrap();
    let ws = workspace();
    let out = run(ws.path(), &["import", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("could not tell the work id") && stderr.contains("--work"),
        "{stderr}"
    );
    assert!(written(ws.path()).is_empty());
    let out = run(
        ws.path(),
        &[
            "import",
            file.to_str().unwrap(),
            "--work",
            "/akn/kw/act/2099/1",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(written(ws.path()).len(), 1);
    // Again: the file exists, and is replaced only with --force.
    let again = run(
        ws.path(),
        &[
            "import",
            file.to_str().unwrap(),
            "--work",
            "/akn/kw/act/2099/1",
        ],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let forced = run(
        ws.path(),
        &[
            "import",
            file.to_str().unwrap(),
            "--work",
            "/akn/kw/act/2099/1",
            "--force",
        ],
    );
    assert!(forced.status.success());
}

/// The imported issuing law exports to Akoma Ntoso that the OASIS schema
/// accepts: the issuing articles in `hcontainer name="issuing"`, الفرع as
/// `subchapter`. (The schema is the one `tests/setup` installs for
/// `tests/export_akn.rs`.)
#[test]
fn an_imported_law_exports_to_valid_akoma_ntoso() {
    let ws = workspace();
    let out = run(
        ws.path(),
        &["import", fixture("libraries-law.ar.txt").to_str().unwrap()],
    );
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let akn = dir.path().join("akn");
    let out = run(
        ws.path(),
        &["export", "akn", "--out", akn.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml_path = akn.join("akn/kw/act/2099/7/ara@/main.xml");
    let xml = std::fs::read_to_string(&xml_path).unwrap();
    assert!(
        xml.contains(r#"<hcontainer eId="hcontainer_issuing" name="issuing">"#),
        "{xml}"
    );
    assert!(xml.contains(r#"<article eId="hcontainer_issuing__art_1">"#));
    assert!(
        xml.contains(r#"<subchapter eId="part_1__chp_2__subchp_1">"#),
        "{xml}"
    );
    let schema = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("akn-schema/akomantoso30.xsd");
    assert!(
        schema.is_file(),
        "run `bash tests/setup`: it installs the Akoma Ntoso schema"
    );
    let lint = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&xml_path)
        .output()
        .expect("xmllint runs (tests/setup installs libxml2-utils)");
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
}

/// The fixtures as Word files made by a real word processor: `tests/setup`
/// has LibreOffice convert each to `.docx` (its runs split where it splits
/// them, right-to-left paragraphs, empty paragraphs for empty lines).
#[test]
fn word_files_made_by_libreoffice() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("import-docx");
    for (name, source, heading) in [
        (
            "libraries-law.ar",
            "libraries-law.ar.txt",
            "\n#### المادة ٤ مكرراً (أ)\n",
        ),
        (
            "ordinals.ar",
            "ordinals.ar.html",
            "\n# المادة الحادية عشرة\n",
        ),
        ("parks-act.en", "parks-act.en.txt", "\n## Article 3 bis\n"),
    ] {
        let file = dir.join(format!("{name}.docx"));
        assert!(
            file.is_file(),
            "{} is missing: run `bash tests/setup`, which makes it with LibreOffice",
            file.display()
        );
        let raw = std::fs::read_to_string(fixture(source)).unwrap();
        let input = if source.ends_with(".html") {
            html_text(&raw)
        } else {
            raw
        };
        let text = import_and_check(&file, &input, &[]);
        assert!(text.contains(heading), "{heading:?} not in\n{text}");
    }
}
