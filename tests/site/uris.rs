//! The site answers every Akoma Ntoso URI form: `_redirects` maps the
//! forms of each work and article to their pages, and the resolver page,
//! in English and in Arabic (right to left), reads that map.

use mizan::ids::FrbrUri;

use super::common::*;

#[test]
fn the_redirect_map_lists_every_work_and_article_and_its_pages_exist() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&repo(), &out, "public");
    let map = read(&out.join("_redirects"));
    let mut froms = Vec::new();
    for line in map.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split(' ').collect();
        assert_eq!(fields.len(), 3, "{line}");
        assert_eq!(fields[2], "301", "{line}");
        let uri = FrbrUri::parse(fields[0]).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(uri.to_string(), fields[0], "written by the one writer");
        let page = fields[1].trim_start_matches('/');
        let (file, anchor) = page.split_once('#').unwrap_or((page, ""));
        let html = read(&out.join(file));
        if !anchor.is_empty() {
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{line}: no anchor"
            );
        }
        // The language root follows the URI's language.
        match uri.expression.as_ref().map(|e| e.language.as_str()) {
            Some("ara") => assert!(page.starts_with("ar/"), "{line}"),
            _ => assert!(page.starts_with("en/"), "{line}"),
        }
        froms.push(fields[0].to_owned());
    }
    let ws = mizan::Workspace::load(&repo()).unwrap();
    for work in &ws.works {
        for form in ["", "/!main", "/eng", "/eng@", "/ara", "/ara@"] {
            let from = format!("{}{form}", work.id);
            assert!(froms.contains(&from), "{from} is not in the map");
        }
        for a in &work.expressions[0].articles {
            let from = work.id.article(&a.eid);
            assert!(froms.contains(&from), "{from} is not in the map");
        }
    }
    assert!(froms.contains(&"/akn/kw/act/2013/91/ara@2019-04-09".to_owned()));
}

#[test]
fn the_resolver_page_exists_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let en = read(&out.join("en/resolve/index.html"));
    assert!(en.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(en.contains(r#"<label for="uri">Akoma Ntoso URI</label>"#));
    let ar = read(&out.join("ar/resolve/index.html"));
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(ar.contains(r#"<label for="uri">معرّف أكوما نتوسو</label>"#));
    // A URI reads left to right inside the Arabic page, the examples too.
    assert!(ar.contains(r#"<input id="uri" type="text" name="uri" dir="ltr""#));
    assert!(ar.contains(r#"<li><code dir="ltr">/akn/kw/act/2013/91/ara@/~art_1</code></li>"#));
    assert!(en.contains(r#"<li><code dir="ltr">/akn/kw/act/2013/91/!main~art_1</code></li>"#));
    for page in [&en, &ar] {
        assert!(page.contains(r#"<script src="../../assets/resolve.js" defer></script>"#));
    }
    let script = read(&out.join("assets/resolve.js"));
    assert!(script.contains("\"_redirects\""));
    // The search box sends a URI to the resolver page.
    let search = read(&out.join("assets/search.js"));
    assert!(search.contains("resolve/index.html?uri="));
}
