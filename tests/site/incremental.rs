//! `mizan serve` updates its site in place after an edit
//! (`site::update`): only what changed is rendered, indexed and written,
//! and the result is the site a full build of the edited workspace makes,
//! file for file and byte for byte.

use std::path::{Path, PathBuf};

use mizan::site::{BuildOptions, Profile, build, build_live, update};
use mizan::workspace::Workspace;

use super::common::*;

fn options(out: PathBuf) -> BuildOptions {
    BuildOptions {
        out,
        profile: Profile::Public,
    }
}

/// Whether any file of a search shard holds `word` (Pagefind's files are
/// compressed).
fn shard_has(site: &Path, lang: &str, word: &str) -> bool {
    files(site).iter().any(|f| {
        f.starts_with(format!("pagefind/{lang}-0"))
            && String::from_utf8_lossy(&plain_bytes(&site.join(f))).contains(word)
    })
}

fn edit(ws: &Path, from: &str, to: &str) {
    let law = ws.join("corpus/kw/act-2013-91.en.md");
    let text = read(&law);
    assert!(text.contains(from), "{from}");
    std::fs::write(&law, text.replace(from, to)).unwrap();
}

#[test]
fn an_edit_updated_in_place_is_the_full_build_of_the_edited_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let live_out = options(dir.path().join("live"));
    let (first, mut live) = build_live(&Workspace::load(&ws).unwrap(), &live_out).unwrap();
    let before = snapshot(&live_out.out);

    // A word in one article's text, and the same article's heading.
    edit(
        &ws,
        "consent of the victim",
        "consent of the quindecennial victim",
    );
    edit(
        &ws,
        "Penalty for trafficking",
        "Penalty for trafficking in persons",
    );
    let edited = Workspace::load(&ws).unwrap();
    let report = update(&edited, &live_out, &mut live)
        .unwrap()
        .expect("an article edit is updated in place");
    assert!(report.rendered > 0, "{report:?}");
    assert!(
        report.rendered < first.pages / 2,
        "only the pages the article is on are rendered: {report:?}"
    );
    assert_eq!(report.search_indexed, 1, "{report:?}");

    let page = read(&live_out.out.join("en/works/act-2013-91/art_2/index.html"));
    assert!(page.contains("quindecennial"), "{page}");
    assert!(page.contains("Penalty for trafficking in persons"));
    assert!(shard_has(&live_out.out, "en", "quindecennial"));
    assert!(
        !before
            .iter()
            .any(|(_, b)| String::from_utf8_lossy(b).contains("quindecennial"))
    );

    // The key test: the site updated in place is the full build's.
    let full_out = options(dir.path().join("full"));
    build(&edited, &full_out).unwrap();
    let (updated, full) = (snapshot(&live_out.out), snapshot(&full_out.out));
    let names = |s: &[(PathBuf, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&updated), names(&full), "the same files");
    for ((path, a), (_, b)) in updated.iter().zip(&full) {
        assert!(a == b, "{} differs from the full build's", path.display());
    }

    // A second edit, back as it was: updated again, and again the same as
    // the first full build of that text.
    edit(
        &ws,
        "consent of the quindecennial victim",
        "consent of the victim",
    );
    edit(
        &ws,
        "Penalty for trafficking in persons",
        "Penalty for trafficking",
    );
    update(&Workspace::load(&ws).unwrap(), &live_out, &mut live)
        .unwrap()
        .expect("updated in place");
    assert!(
        snapshot(&live_out.out) == before,
        "back to the first build, byte for byte"
    );
}

#[test]
fn a_site_another_build_replaced_is_not_updated_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let out = options(dir.path().join("site"));
    let (_, mut live) = build_live(&Workspace::load(&ws).unwrap(), &out).unwrap();
    edit(
        &ws,
        "consent of the victim",
        "consent of the quindecennial victim",
    );
    let edited = Workspace::load(&ws).unwrap();
    // `mizan build` into the same folder: the site is no longer the one
    // the server wrote, and only a full build may replace it.
    build(&edited, &out).unwrap();
    assert!(update(&edited, &out, &mut live).unwrap().is_none());
    // Nor is a site of another profile.
    let committee = BuildOptions {
        profile: Profile::Committee,
        ..out.clone()
    };
    assert!(update(&edited, &committee, &mut live).unwrap().is_none());
}

/// `serve` forgets the files the watcher saw change before it loads: one
/// saved again with the same length and its old modification time (two
/// saves within one tick of the clock look so) is read again all the same.
#[test]
fn a_file_the_watcher_names_is_read_again_whatever_its_time_says() {
    use mizan::workspace::{LoadCache, Overlay};
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let law = ws.join("corpus/kw/act-2013-91.en.md");
    let modified = std::fs::metadata(&law).unwrap().modified().unwrap();
    let mut cache = LoadCache::default();
    let heading = |w: &Workspace| {
        w.works
            .iter()
            .flat_map(|w| &w.expressions)
            .filter(|e| e.path.ends_with("act-2013-91.en.md"))
            .flat_map(|e| e.articles.iter().map(|a| a.num.clone()))
            .collect::<Vec<_>>()
    };
    let first = Workspace::load_cached(&ws, &Overlay::new(), &mut cache).unwrap();
    assert!(heading(&first).contains(&"2 bis".to_owned()));

    // The same length, the old time.
    edit(&ws, "## Article 2 bis", "## Article 2 ter");
    std::fs::File::options()
        .write(true)
        .open(&law)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let stale = Workspace::load_cached(&ws, &Overlay::new(), &mut cache).unwrap();
    assert!(
        heading(&stale).contains(&"2 bis".to_owned()),
        "the cache goes by length and time: this edit hides from it"
    );
    cache.forget(&[std::fs::canonicalize(&law).unwrap()]);
    let seen = Workspace::load_cached(&ws, &Overlay::new(), &mut cache).unwrap();
    assert!(heading(&seen).contains(&"2 ter".to_owned()));
    assert!(!heading(&seen).contains(&"2 bis".to_owned()));
}

fn replace_in(file: &Path, from: &str, to: &str) {
    let text = read(file);
    assert!(text.contains(from), "{from}");
    std::fs::write(file, text.replace(from, to)).unwrap();
}

/// Asserts that the site at `out` is, file for file and byte for byte, the
/// full build of the workspace at `ws` (made into `full`).
fn assert_is_full_build(ws: &Path, out: &Path, full: PathBuf) {
    build(&Workspace::load(ws).unwrap(), &options(full.clone())).unwrap();
    let (updated, full) = (snapshot(out), snapshot(&full));
    let names = |s: &[(PathBuf, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&updated), names(&full), "the same files");
    for ((path, a), (_, b)) in updated.iter().zip(&full) {
        assert!(a == b, "{} differs from the full build's", path.display());
    }
}

/// The example workspace copied into `dir/ws`, with a second law: the
/// example's under another number (act 2014/7).
fn with_a_second_law(dir: &Path) -> PathBuf {
    let ws = dir.join("ws");
    copy_dir(&example_workspace(), &ws);
    for lang in ["en", "ar"] {
        let text = read(&ws.join(format!("corpus/kw/act-2013-91.{lang}.md")));
        std::fs::write(
            ws.join(format!("corpus/kw/act-2014-7.{lang}.md")),
            text.replace("/akn/kw/act/2013/91", "/akn/kw/act/2014/7"),
        )
        .unwrap();
    }
    ws
}

/// An update builds again only the pages an edit can reach (the pages of
/// a law whose text, badges or amendments are as they were are kept), and
/// each reached page is the full build's: an article's heading on its
/// law's table of contents, its neighbours' pages and the gap and
/// provision pages that cite it; a mapping's badge on another law's
/// article; an edit of that other law alone.
#[test]
fn each_page_an_edit_reaches_is_the_full_builds() {
    let dir = tempfile::tempdir().unwrap();
    let ws = with_a_second_law(dir.path());
    let out = options(dir.path().join("live"));
    let (first, mut live) = build_live(&Workspace::load(&ws).unwrap(), &out).unwrap();
    let page = |rel: &str| read(&out.out.join(rel));

    // The heading of a mapped article.
    let law = ws.join("corpus/kw/act-2013-91.en.md");
    replace_in(
        &law,
        "Penalty for trafficking",
        "Penalty for trafficking in persons",
    );
    let report = update(&Workspace::load(&ws).unwrap(), &out, &mut live)
        .unwrap()
        .expect("updated in place");
    assert!(
        report.rendered > 0 && report.pages == first.pages,
        "{report:?}"
    );
    // The second law's pages were kept, not built again.
    assert_eq!(report.kept_works, 1, "{report:?}");
    assert_is_full_build(&ws, &out.out, dir.path().join("full-1"));
    let heading = "Penalty for trafficking in persons";
    for rel in [
        "en/works/act-2013-91/index.html",
        "en/works/act-2013-91/art_1/index.html",
        "en/gaps/index.html",
        "en/standards/tip/art_3__para_b/index.html",
    ] {
        assert!(page(rel).contains(heading), "{rel}");
    }
    assert!(!page("en/works/act-2014-7/index.html").contains(heading));

    // A mapping now names the second law's article too: its badge is on
    // that law's pages, which nothing else changed.
    replace_in(
        &ws.join("corpus/kw/mappings/tip.yaml"),
        "articles: [/akn/kw/act/2013/91/~art_2]",
        "articles: [/akn/kw/act/2013/91/~art_2, /akn/kw/act/2014/7/~art_2]",
    );
    update(&Workspace::load(&ws).unwrap(), &out, &mut live)
        .unwrap()
        .expect("updated in place");
    assert_is_full_build(&ws, &out.out, dir.path().join("full-2"));
    assert!(page("en/works/act-2014-7/art_2/index.html").contains("art_3__para_b"));

    // The second law alone, in Arabic.
    let other = ws.join("corpus/kw/act-2014-7.ar.md");
    let text = read(&other);
    let at = text.rfind("\n\n").unwrap();
    std::fs::write(
        &other,
        format!("{}\n\nنص مضاف للاختبار.{}", &text[..at], &text[at..]),
    )
    .unwrap();
    let report = update(&Workspace::load(&ws).unwrap(), &out, &mut live)
        .unwrap()
        .expect("updated in place");
    // The first law's pages were kept this time.
    assert_eq!(report.kept_works, 1, "{report:?}");
    assert_is_full_build(&ws, &out.out, dir.path().join("full-3"));
    assert!(page("ar/works/act-2014-7/index.html").contains("نص مضاف للاختبار"));
}

/// An edit of the text of articles alone (no heading, number or paragraph
/// added), in a law no amendment amends, reaches no page beside the law's
/// own and the report: the update takes the other pages and the downloads
/// over from the last build, and is still the full build's. An edit after
/// it that reaches a provision page and the downloads (a mapping's
/// status) changes them, and a text edit after that is taken over again
/// from that update.
#[test]
fn an_edit_of_text_alone_takes_the_other_pages_over() {
    let dir = tempfile::tempdir().unwrap();
    // The second law is amended by no amendment.
    let ws = with_a_second_law(dir.path());
    let out = options(dir.path().join("live"));
    let (_, mut live) = build_live(&Workspace::load(&ws).unwrap(), &out).unwrap();
    let page = |rel: &str| read(&out.out.join(rel));
    let taken_over =
        |r: &mizan::site::BuildReport| r.timings.iter().any(|(lap, _)| *lap == "downloads (kept)");
    let law = ws.join("corpus/kw/act-2014-7.en.md");
    let update_now = |live: &mut _| {
        update(&Workspace::load(&ws).unwrap(), &out, live)
            .unwrap()
            .expect("updated in place")
    };

    replace_in(
        &law,
        "consent of the victim",
        "consent of the quindecennial victim",
    );
    let report = update_now(&mut live);
    assert!(taken_over(&report), "{report:?}");
    assert_is_full_build(&ws, &out.out, dir.path().join("full-1"));
    assert!(page("en/works/act-2014-7/art_2/index.html").contains("quindecennial"));
    assert!(shard_has(&out.out, "en", "quindecennial"));

    // A mapping's status: the provision page and the downloads change.
    let (provision, csv) = (
        page("en/standards/tip/art_3__para_a/index.html"),
        page("downloads/gaps.csv"),
    );
    replace_in(
        &ws.join("corpus/kw/mappings/tip.yaml"),
        "    status: partial\n    basis: verified",
        "    status: full\n    basis: verified",
    );
    let report = update_now(&mut live);
    assert!(!taken_over(&report), "{report:?}");
    assert_is_full_build(&ws, &out.out, dir.path().join("full-2"));
    assert_ne!(page("en/standards/tip/art_3__para_a/index.html"), provision);
    assert_ne!(page("downloads/gaps.csv"), csv);

    // Text alone again: taken over from what that update made.
    replace_in(&law, "quindecennial victim", "victim");
    let report = update_now(&mut live);
    assert!(taken_over(&report), "{report:?}");
    assert_is_full_build(&ws, &out.out, dir.path().join("full-3"));
}

/// The report as published, which the "since the last report" pages
/// compare with, is read from wherever the settings name it: an edit of
/// it (here beside the statutes, so the server answers it with an update)
/// is never taken for an edit that reaches no other page.
#[test]
fn an_edit_of_the_published_report_builds_the_other_pages_again() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let toml = read(&ws.join("mizan.toml"));
    std::fs::write(
        ws.join("mizan.toml"),
        format!(
            "{toml}\n[gaps.last_report]\ndate = \"2026-01-01\"\nfile = \"corpus/published.json\"\n"
        ),
    )
    .unwrap();
    let gaps = mizan::testing::cli::run(&ws, &["gaps", "--format", "json"]);
    assert!(
        gaps.status.success(),
        "{}",
        String::from_utf8_lossy(&gaps.stderr)
    );
    let mut published: serde_json::Value = serde_json::from_slice(&gaps.stdout).unwrap();
    let published_at = ws.join("corpus/published.json");
    std::fs::write(
        &published_at,
        serde_json::to_vec_pretty(&published).unwrap(),
    )
    .unwrap();
    let out = options(dir.path().join("live"));
    let (_, mut live) = build_live(&Workspace::load(&ws).unwrap(), &out).unwrap();

    // The report as published said otherwise of one provision.
    let p = &mut published["instruments"][0]["provisions"][0]["status"];
    *p = if *p == "full" { "missing" } else { "full" }.into();
    std::fs::write(
        &published_at,
        serde_json::to_vec_pretty(&published).unwrap(),
    )
    .unwrap();
    let report = update(&Workspace::load(&ws).unwrap(), &out, &mut live)
        .unwrap()
        .expect("updated in place");
    assert!(
        !report
            .timings
            .iter()
            .any(|(lap, _)| *lap == "downloads (kept)"),
        "{report:?}"
    );
    assert_is_full_build(&ws, &out.out, dir.path().join("full"));
}
