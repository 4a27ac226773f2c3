//! What the pages show: both languages, the dashboard, a law, a provision,
//! the gap matrix, an amendment; the worked example of the book.

use super::common::*;

#[test]
fn every_page_exists_in_english_and_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let report = build(&example_workspace(), &out, "public");
    assert_eq!(report["version"], 1);
    assert_eq!(report["rendered"], report["pages"]);
    for lang in ["en", "ar"] {
        for page in [
            "index.html",
            "gaps/index.html",
            "works/index.html",
            "works/act-2013-91/index.html",
            "standards/index.html",
            "standards/tip/index.html",
            "standards/tip/art_6__para_6/index.html",
            "amendments/index.html",
            "amendments/victim-compensation/index.html",
            "search/index.html",
        ] {
            let path = out.join(lang).join(page);
            assert!(path.is_file(), "missing {}", path.display());
        }
    }
    assert!(out.join("index.html").is_file());
    assert!(out.join("assets/site.css").is_file());
}

#[test]
fn arabic_pages_are_right_to_left_with_arabic_indic_numerals() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let home = read(&out.join("ar/index.html"));
    assert!(home.contains(r#"<html lang="ar" dir="rtl">"#));
    // The mapped provisions are counted in Arabic-Indic digits, and the
    // score is written ٥٠٪ style, never with ASCII digits.
    assert!(home.contains("٪"), "no Arabic percentage on the dashboard");
    let en = read(&out.join("en/index.html"));
    assert!(en.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(en.contains("%"));

    let law = read(&out.join("ar/works/act-2013-91/index.html"));
    assert!(law.contains(r#"id="art_2""#));
    assert!(law.contains("المادة (٢): عقوبة الاتجار"));
    // The Arabic page holds Arabic only: the side-by-side view reads the
    // English text from the English page of the same law.
    assert!(
        !law.contains("article-other"),
        "English text on the Arabic page"
    );
    assert!(law.contains(
        r#"data-from="../../../en/works/act-2013-91/index.html" data-lang="en" data-dir="ltr""#
    ));
    assert!(out.join("en/works/act-2013-91/index.html").is_file());
}

#[test]
fn a_law_page_has_contents_anchors_and_badges_linking_to_provisions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let law = read(&out.join("en/works/act-2013-91/index.html"));
    assert!(
        law.contains(r##"<a href="#art_2bis""##),
        "contents link to an article"
    );
    assert!(law.contains(r#"<section class="article" id="art_1""#));
    assert!(law.contains(r#"id="art_2__para_2""#), "paragraph anchors");
    assert!(
        law.contains(r#"href="../../../en/standards/tip/art_3__para_b/index.html""#),
        "a badge links to the provision"
    );
    // The pending amendment is listed on the law it amends.
    assert!(law.contains("amendments/victim-compensation/index.html"));
}

#[test]
fn a_provision_page_gives_status_rationale_recommendation_and_articles() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let p = read(&out.join("en/standards/tip/art_3__para_a/index.html"));
    assert!(p.contains("Servitude is not named among the purposes."));
    assert!(p.contains("Add servitude to the purposes listed in Article 1."));
    assert!(p.contains(r#"href="../../../../en/works/act-2013-91/art_1/index.html""#));
    // Elements: two full, one partial, so the provision is partial.
    assert!(p.contains(r#"<span class="status st-partial">"#));
    // A pending amendment that would close the compensation gap says so.
    let c = read(&out.join("en/standards/tip/art_6__para_6/index.html"));
    assert!(c.contains("Compensation for victims of trafficking"));
}

#[test]
fn the_gap_matrix_writes_status_in_words_and_has_filter_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let m = read(&out.join("en/gaps/index.html"));
    assert!(m.contains(r#"data-theme="protection""#));
    assert!(m.contains(r#"data-obligation="mandatory""#));
    assert!(m.contains(r#"data-status="missing""#));
    // Status is text, not colour alone.
    assert!(m.contains(r#"<span class="status-mark" aria-hidden="true">○</span> Missing</span>"#));
    let ar = read(&out.join("ar/gaps/index.html"));
    assert!(ar.contains("غائب"));
}

#[test]
fn the_dashboard_shows_what_a_pending_amendment_would_close() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let home = read(&out.join("en/index.html"));
    let pending = &home[home.find(r#"id="h-pending""#).unwrap()..];
    assert!(pending.contains("Compensation for victims of trafficking"));
    assert!(pending.contains(r#"<bdi class="label" lang="en">TIP</bdi> <bdi>Art. 6(6)</bdi>"#));
    assert!(pending.contains("st-missing") && pending.contains("st-full"));
    // In Arabic, the citation is made from the eId, in Arabic-Indic digits.
    let home = read(&out.join("ar/index.html"));
    let pending = &home[home.find(r#"id="h-pending""#).unwrap()..];
    assert!(pending.contains(r#"<bdi class="label" lang="en">TIP</bdi> <bdi>المادة ٦ (٦)</bdi>"#));
}

#[test]
fn a_workspace_template_overrides_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(
        ws.join("templates/works.html"),
        r#"{% extends "base.html" %}{% block main %}<h1>Our own list</h1>{% endblock %}"#,
    )
    .unwrap();
    let out = dir.path().join("site");
    build(&ws, &out, "public");
    assert!(read(&out.join("en/works/index.html")).contains("<h1>Our own list</h1>"));
    assert!(!read(&out.join("en/index.html")).contains("Our own list"));
}

#[test]
fn a_broken_template_override_is_a_diagnostic_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(ws.join("templates/works.html"), "<p>\n{% if %}\n").unwrap();
    let out = mizan()
        .arg("--workspace")
        .arg(&ws)
        .args(["build", "--out"])
        .arg(dir.path().join("site"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("templates/works.html:2:"), "{err}");
    assert!(err.contains("template does not compile"), "{err}");
    assert!(!dir.path().join("site").exists());
}

#[test]
fn each_article_has_a_page_in_each_language_with_its_law_around_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let law = read(&out.join("en/works/act-2013-91/index.html"));
    // The law page keeps its anchors and its headings lead to the pages.
    assert!(law.contains(r#"<section class="article" id="art_2""#));
    assert!(
        law.contains(r#"<a class="anchor" href="../../../en/works/act-2013-91/art_2/index.html">"#)
    );
    let en = read(&out.join("en/works/act-2013-91/art_2/index.html"));
    assert!(en.contains("<title>Article 2"), "its own title");
    // Breadcrumbs up to the law, the law's anchor, previous and next.
    assert!(en.contains(r#"href="../../../../en/works/act-2013-91/index.html">"#));
    assert!(en.contains(r#"href="../../../../en/works/act-2013-91/index.html#art_2">"#));
    assert!(en.contains(r#"rel="prev" href="../../../../en/works/act-2013-91/art_1/index.html""#));
    assert!(
        en.contains(r#"rel="next" href="../../../../en/works/act-2013-91/art_2bis/index.html""#)
    );
    // The draft that rewrites it, by title, under pending changes.
    assert!(en.contains("Changes to this legislation"));
    assert!(en.contains(">Compensation for victims of trafficking</a>"));
    assert!(en.contains("Pending, not yet in force"));
    assert!(!en.contains(">victim-compensation<"), "never by id");
    // The provisions mapped to it, with status.
    assert!(en.contains(r#"class="badge st-"#));
    let ar = read(&out.join("ar/works/act-2013-91/art_2/index.html"));
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(ar.contains("التعديلات على هذا التشريع"));
}

#[test]
fn an_amended_article_lists_its_versions_with_a_redline_against_the_current_text() {
    if !repo().join("corpus").is_dir() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&repo(), &out, "public");
    let en = read(&out.join("en/works/act-2013-91/art_13/index.html"));
    assert!(en.contains("Versions of this article"));
    assert!(
        en.contains(r##"<a href="#redline-2013-04-17">Compare with the current text</a>"##),
        "{en}"
    );
    assert!(en.contains(r#"id="redline-2013-04-17""#));
    assert!(
        en.contains("<del>"),
        "the redline shows what the ruling struck out"
    );
    // The ruling, by title, in force.
    assert!(en.contains("Constitutional Court ruling"));
    let law = read(&out.join("en/works/act-2013-91/index.html"));
    assert!(
        !law.contains(">constitutional-court-appeal-7-2018<"),
        "Amended by shows titles"
    );
    // The resolver's map sends an article's URI to its page.
    let map = read(&out.join("_redirects"));
    assert!(
        map.contains("/akn/kw/act/2013/91/~art_13 /en/works/act-2013-91/art_13/index.html 301")
    );
}

#[test]
fn an_old_version_says_it_is_superseded_has_its_own_title_and_compares_with_the_current_text() {
    if !repo().join("corpus").is_dir() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&repo(), &out, "public");
    let old = read(&out.join("en/works/act-2013-91/2013-04-17/index.html"));
    let current = read(&out.join("en/works/act-2013-91/index.html"));
    let title =
        |html: &str| html[html.find("<title>").unwrap()..html.find("</title>").unwrap()].to_owned();
    assert_ne!(title(&old), title(&current));
    assert!(title(&old).contains("(as in force from 17 April 2013)"));
    assert!(old.contains("This is a superseded version of the law."));
    assert!(old.contains("It was in force from 17 April 2013 until 9 April 2019."));
    assert!(
        !old.contains("<dd>In force</dd>"),
        "no contradictory status"
    );
    assert!(old.contains("<dd>Superseded</dd>"));
    assert!(old.contains(r##"<a href="#compare">Compare with the current text</a>"##));
    assert!(old.contains(r#"<section class="compare" id="compare""#));
    assert!(!current.contains("superseded"));
    // Its changes note does not claim the later ruling is in its text.
    let note = &old
        [old.find(r#"id="h-changes""#).unwrap()..old.find(r#"<div class="doc-layout">"#).unwrap()];
    assert!(note.contains("In force after this version"), "{note}");
    assert!(
        !note.contains("The text shown includes these changes."),
        "{note}"
    );
    assert!(current.contains("The text shown includes these changes."));
}

#[test]
fn every_page_has_the_icon_the_committee_edition_is_not_indexed_and_downloads_say_what_they_hold() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let committee = dir.path().join("committee");
    build(&example_workspace(), &public, "public");
    build(&example_workspace(), &committee, "committee");
    assert!(public.join("assets/favicon.svg").is_file());
    for p in files(&public)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = read(&public.join(&p));
        assert!(
            html.contains(r#"<link rel="icon" href=""#),
            "{}",
            p.display()
        );
        assert!(
            html.contains(r#"assets/favicon.svg" type="image/svg+xml">"#),
            "{}",
            p.display()
        );
        assert!(!html.contains("noindex"), "{}", p.display());
    }
    let home = read(&committee.join("en/index.html"));
    assert!(home.contains(r#"<meta name="robots" content="noindex">"#));
    let downloads = read(&public.join("en/downloads/index.html"));
    assert!(
        downloads.contains(r#"download>Gap report (JSON)</a>"#),
        "{downloads}"
    );
    assert!(!downloads.contains(">downloads/gaps.json<"));
}

#[test]
fn a_public_site_with_a_published_address_has_a_sitemap_of_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    let none = dir.path().join("none");
    build(&ws, &none, "public");
    assert!(!none.join("sitemap.xml").exists(), "no address, no sitemap");
    let settings = ws.join("mizan.toml");
    let text = read(&settings) + "\n[site]\nbase_url = \"https://example.org/mizan/\"\n";
    std::fs::write(&settings, text).unwrap();
    let public = dir.path().join("public");
    build(&ws, &public, "public");
    let map = read(&public.join("sitemap.xml"));
    assert!(map.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    assert!(map.contains(
        "<url><loc>https://example.org/mizan/en/works/act-2013-91/art_2/index.html</loc></url>"
    ));
    assert!(map.contains(
        "<url><loc>https://example.org/mizan/ar/works/act-2013-91/art_2/index.html</loc></url>"
    ));
    let pages = files(&public)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .count();
    assert_eq!(map.matches("<url>").count(), pages);
    let committee = dir.path().join("committee");
    build(&ws, &committee, "committee");
    assert!(
        !committee.join("sitemap.xml").exists(),
        "the committee edition is not indexed"
    );
}

#[test]
fn competing_drafts_are_shown_side_by_side_on_each_drafts_page() {
    // The Amendments chapter's example: two drafts that each replace
    // Article 3 of the shelters law.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&repo().join("book/src/examples/competing"), &out, "public");
    for (this, other, other_title) in [
        (
            "licensing-by-ministry",
            "licensing-by-manpower-authority",
            "A licensing authority for shelters",
        ),
        (
            "licensing-by-manpower-authority",
            "licensing-by-ministry",
            "Licences for shelters from the ministry",
        ),
    ] {
        let page = read(&out.join(format!("en/amendments/{this}/index.html")));
        let section = &page[page
            .find(r#"id="h-competing""#)
            .expect("a competing section")..];
        assert!(
            section.contains(&format!("amendments/{other}/index.html")),
            "{this}"
        );
        assert!(section.contains(other_title), "{this}");
        // Current text, this draft, the other draft: each with its words.
        assert!(
            section.contains("Article 3: Licences<"),
            "the current heading"
        );
        assert!(section.contains("<th scope=\"col\">This draft</th>"));
        assert!(
            section.contains("Public Authority for"),
            "the manpower draft's words"
        );
        assert!(
            section.contains("Social Affairs"),
            "the ministry draft's words"
        );
        let ar = read(&out.join(format!("ar/amendments/{this}/index.html")));
        assert!(
            ar.contains("مشروعات متنافسة"),
            "the Arabic page says so too"
        );
    }
}

#[test]
fn a_draft_without_a_competitor_has_no_competing_section() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let page = read(&out.join("en/amendments/victim-compensation/index.html"));
    assert!(!page.contains("h-competing"));
}

#[test]
fn the_dashboard_draws_the_statuses_with_a_table_beside_each_picture() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "public");
    let home = read(&out.join("en/index.html"));
    // Inline SVG, named for assistive technology, no script or external
    // asset, each followed by the same figures as a table.
    for id in ["chart-binding", "chart-themes", "chart-heat"] {
        let at = home.find(&format!(
            r#"<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-t""#
        ));
        assert!(at.is_some(), "no picture {id}");
    }
    let svg = &home[home.find("<svg class=\"chart\"").unwrap()..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert!(!svg.contains("href=") && !svg.contains("<script"), "{svg}");
    assert!(
        svg.contains(">Missing</text>"),
        "the legend says each status in words"
    );
    assert!(home.contains("The same figures as a table"));
    // The six count columns are no longer repeated above the picture.
    let binding =
        &home[home.find(r#"id="h-binding""#).unwrap()..home.find(r#"id="h-themes""#).unwrap()];
    assert_eq!(
        binding
            .matches("<table class=\"data instruments\">")
            .count(),
        1
    );
    assert!(!binding[..binding.find("<details").unwrap()].contains("st-unassessed"));

    // The Arabic picture is mirrored and writes Arabic-Indic digits.
    let ar = read(&out.join("ar/index.html"));
    let svg = &ar[ar.find(r#"id="chart-binding""#).unwrap()..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert!(
        svg.contains(r#"text-anchor="start">TIP</text>"#),
        "label on the right"
    );
    assert!(
        !svg.contains(">3</text>") && svg.contains(">٣</text>"),
        "{svg}"
    );
}

#[test]
fn the_site_shows_the_timeline_and_what_changed_since_the_last_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&repo(), &out, "public");
    let t = read(&out.join("en/timeline/index.html"));
    assert!(t.contains(r#"id="chart-timeline""#));
    assert!(
        t.contains("9 April 2019"),
        "the date of the ruling heads a column"
    );
    assert!(t.contains("amendments/constitutional-court-appeal-7-2018/index.html"));
    let s = read(&out.join("en/since/index.html"));
    assert!(
        s.contains("No last report is named"),
        "the bundled workspace names none"
    );
    assert!(s.contains("C029") && s.contains("Penal offence"), "{s}");
    let ar = read(&out.join("ar/since/index.html"));
    assert!(ar.contains("منذ التقرير الأخير"));
    assert!(ar.contains("نافذ منذ ٩ أبريل ٢٠١٩"), "{ar}");
    // The answers arranged by the bundled questionnaire, in each language.
    let q = read(&out.join("downloads/questionnaire-unodc-glotip.en.md"));
    assert!(q.starts_with("# Trafficking in persons and smuggling of migrants"));
    assert!(
        out.join("downloads/questionnaire-unodc-glotip.ar.md")
            .is_file()
    );
    assert!(
        read(&out.join("en/downloads/index.html")).contains("questionnaire-unodc-glotip.en.md")
    );
}

#[test]
fn the_gap_report_is_a_document_with_a_cover_and_every_provision() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&repo(), &out, "public");
    let r = read(&out.join("en/report/index.html"));
    for s in [
        "Gap report",
        "Jurisdiction",
        "Assessment date",
        "28 November 2026",
        "Built",
        "Revision",
        "Method",
        "Contents",
    ] {
        assert!(r.contains(s), "the report says {s}");
    }
    // Running headers and page numbers, for print only.
    assert!(r.contains("@page { @top-center { content: \"Kuwait: anti-trafficking law against international standards: gap report\"; }"), "{}", &r[..2000]);
    assert!(r.contains(r#"content: "Page " counter(page) " of " counter(pages);"#));
    // Every provision of every instrument, each rationale whole.
    assert_eq!(r.matches(r#"<div class="report-provision""#).count(), 151);
    assert!(r.contains("Since the Constitutional Court ruling of 2019"));
    let ar = read(&out.join("ar/report/index.html"));
    assert!(ar.contains(r#"counter(page, arabic-indic)"#));
    assert!(
        ar.contains("@bottom-left"),
        "page numbers on the reading end"
    );
}

#[test]
fn each_pending_draft_has_a_printable_proposal_in_each_language_and_as_word() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&repo(), &out, "public");
    let id = "domestic-workers-documents-and-fees";
    for (lang, parts) in [
        (
            "en",
            [
                "Part one: the draft law",
                "Part two: comparative table",
                "Part three: explanatory memorandum",
            ],
        ),
        (
            "ar",
            [
                "أولاً: مشروع القانون",
                "ثانياً: الجدول المقارن",
                "ثالثاً: المذكرة الإيضاحية",
            ],
        ),
    ] {
        let page = read(&out.join(format!("{lang}/amendments/{id}/proposal.html")));
        for p in parts {
            assert!(page.contains(&format!(">{p}</h2>")), "{lang}: {p}");
        }
        assert!(page.contains("<hr class=\"page-break\">"));
        assert!(page.contains("<table class=\"data comparative proposal-table\">"));
        // The Word documents of both languages, from each language's page.
        for l in ["en", "ar"] {
            assert!(page.contains(&format!(
                "proposals/{id}.{l}.docx\" download hreflang=\"{l}\""
            )));
        }
        let amendment = read(&out.join(format!("{lang}/amendments/{id}/index.html")));
        assert!(
            amendment.contains("proposal.html\""),
            "{lang}: a link to the proposal"
        );
        let word = std::fs::read(out.join(format!("proposals/{id}.{lang}.docx"))).unwrap();
        assert!(word.starts_with(b"PK"));
    }
    // An enacted amendment makes no proposal.
    assert!(
        !out.join("en/amendments/constitutional-court-appeal-7-2018/proposal.html")
            .exists()
    );
}
