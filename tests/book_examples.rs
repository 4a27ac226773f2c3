//! The book's examples are real: the example workspace loads through the
//! library exactly as the Formats chapter describes it, and every file the
//! book includes exists.

use std::fs;
use std::path::Path;

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::ids::ArticleRef;
use mizan::standards::Status;

fn book() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src")
}

#[test]
fn the_formats_examples_load_as_the_chapter_says() {
    let ws = Workspace::load(&book().join("examples/workspace")).expect("the example loads");
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    let work = ws.work("/akn/kw/act/2013/91").unwrap();
    assert_eq!(work.expressions.len(), 2);
    let en = work.expression(Lang::EN).unwrap();
    assert_eq!(en.id(), "/akn/kw/act/2013/91/eng@2013-03-17");
    let eids: Vec<&str> = en.articles.iter().map(|a| a.eid.as_str()).collect();
    assert_eq!(eids, ["art_1", "art_2", "art_2bis"]);
    assert_eq!(en.containers[0].eid, "chp_1");
    assert_eq!(
        en.articles[0].paragraphs[0].points[1].eid,
        "art_1__para_1__point_b"
    );
    let ar = work.expression(Lang::AR).unwrap();
    let ar_eids: Vec<&str> = ar.articles.iter().map(|a| a.eid.as_str()).collect();
    assert_eq!(ar_eids, eids, "Arabic numbers normalise to the same eIds");
    assert_eq!(
        ar.articles[0].num, "(١)",
        "the displayed number keeps its source form"
    );
    assert_eq!(ar.articles[2].num, "٢ مكرراً");
    assert_eq!(ar.containers[0].eid, "chp_1");

    let tip = ws.instrument("tip").unwrap();
    assert!(tip.binds("kw"));
    assert_eq!(tip.provision("art_3__para_a").unwrap().elements.len(), 3);
    let art1 = ArticleRef::parse("/akn/kw/act/2013/91/~art_1").unwrap();
    let mapped = ws.provisions_for(&art1);
    assert_eq!(mapped.len(), 3);
    assert_eq!(mapped[2].entry.status, Status::Partial);

    let amendment = ws.amendment("victim-compensation").unwrap();
    assert!(amendment.is_pending());
    assert_eq!(amendment.mapping_changes[0].status, Status::Full);
}

#[test]
fn every_included_file_exists() {
    let src = book();
    let mut checked = 0;
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for part in text.split("{{#include ").skip(1) {
            let target = part
                .split("}}")
                .next()
                .unwrap()
                .split(':')
                .next()
                .unwrap()
                .trim();
            assert!(
                src.join(target).is_file(),
                "{} includes missing {target}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "the Formats chapter includes its examples");
}

#[test]
fn every_chapter_in_the_summary_exists() {
    let src = book();
    let summary = fs::read_to_string(src.join("SUMMARY.md")).unwrap();
    for part in summary.split("](").skip(1) {
        let target = part.split(')').next().unwrap();
        assert!(
            src.join(target).is_file(),
            "SUMMARY.md names missing {target}"
        );
    }
}
