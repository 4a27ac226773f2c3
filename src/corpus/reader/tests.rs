use super::*;

fn parse(body: &str) -> (Body, Diagnostics) {
    let path: Arc<Path> = Arc::from(Path::new("t.md"));
    let mut diags = Diagnostics::new();
    let b = parse_body(&path, body, 0..body.len(), Lang::EN, &mut diags);
    (b, diags)
}

#[test]
fn articles_paragraphs_and_points() {
    let (b, d) = parse(
        "# Chapter 1: General\n\n## Article 1: Definitions\n\nIn this Law:\n\n- *child*: under 18;\n- *victim*: a person.\n\nSecond paragraph.\n\n## Article 2\n\n1. one\n2. two\n",
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(b.containers.len(), 1);
    assert_eq!(b.containers[0].eid, "chp_1");
    let a1 = &b.articles[0];
    assert_eq!(a1.eid, "art_1");
    assert_eq!(a1.heading.as_deref(), Some("Definitions"));
    assert_eq!(a1.container, Some(0));
    assert_eq!(a1.paragraphs.len(), 2);
    assert_eq!(a1.paragraphs[0].text, "In this Law:");
    assert_eq!(a1.paragraphs[0].points[1].eid, "art_1__para_1__point_b");
    assert_eq!(a1.paragraphs[0].points[0].text, "child: under 18;");
    let a2 = &b.articles[1];
    assert_eq!(a2.paragraphs[0].text, "");
    assert_eq!(a2.paragraphs[0].points[1].eid, "art_2__para_1__point_2");
}

#[test]
fn explicit_labels_and_nested_points() {
    let (b, _) = parse("## Article 3\n\nIntro:\n\n- (c) see\n  - (i) deep\n- (أ) alef\n");
    let points = &b.articles[0].paragraphs[0].points;
    assert_eq!(points[0].label, "c");
    assert_eq!(points[0].text, "see");
    assert_eq!(points[0].points[0].eid, "art_3__para_1__point_c__point_i");
    assert_eq!(points[1].label, "أ");
    assert_eq!(points[1].eid, "art_3__para_1__point_a");
}

#[test]
fn containers_nest_by_level_and_number_by_position() {
    let (b, _) = parse(
        "# Part I\n\n## Chapter 1\n\n### Article 1\n\nx\n\n## Chapter 2\n\n### Article 2\n\ny\n\n# Part II\n\n## Section\n\n### Article 3\n\nz\n",
    );
    let eids: Vec<&str> = b.containers.iter().map(|c| c.eid.as_str()).collect();
    assert_eq!(
        eids,
        [
            "part_1",
            "part_1__chp_1",
            "part_1__chp_2",
            "part_2",
            "part_2__sec_1"
        ]
    );
    assert_eq!(b.articles[2].container, Some(4));
}

#[test]
fn duplicate_article_numbers_are_errors() {
    let (_, d) = parse("## Article 1\n\nx\n\n## Article 1\n\ny\n");
    assert_eq!(d.errors(), 1);
    assert!(d.0[0].message.contains("same number"));
}

#[test]
fn explicit_ids_override_and_are_checked() {
    let (b, d) = parse("## Article 5 {#art_5a}\n\nx\n\n## Article 6 {#../x}\n\ny\n");
    assert_eq!(b.articles[0].eid, "art_5a");
    assert_eq!(d.errors(), 1);
}

#[test]
fn raw_html_is_kept_as_text() {
    let (b, _) = parse("## Article 1\n\nA <script>alert(1)</script> b\n");
    assert_eq!(
        b.articles[0].paragraphs[0].text,
        "A <script>alert(1)</script> b"
    );
}

#[test]
fn an_article_body_reads_paragraphs_and_points() {
    let text = "x\n\nFirst.\n\n- (a) one\n- (b) two\n\nSecond.\n";
    let path: Arc<Path> = Arc::from(Path::new("t.md"));
    let mut diags = Diagnostics::new();
    let b = parse_article_body(&path, text, 3..text.len(), "art_7", Lang::EN, &mut diags);
    assert!(diags.is_empty());
    assert_eq!(b.articles.len(), 1);
    let a = &b.articles[0];
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.paragraphs[0].points[1].eid, "art_7__para_1__point_b");
    assert_eq!(a.paragraphs[1].eid, "art_7__para_2");
    assert_eq!(&text[a.paragraphs[1].span.clone()], "Second.\n");
}

/// The patterns of the `nested` fuzz target, at its largest size: no
/// overflow, and no point deeper than the limit.
#[test]
fn mixed_deep_nesting_is_bounded() {
    fn depth(points: &[Point]) -> usize {
        points
            .iter()
            .map(|p| 1 + depth(&p.points))
            .max()
            .unwrap_or(0)
    }
    for unit in ["- ", "1. ", "- > ", "> - ", "* [", "1. * ", "  - ", "> "] {
        let body = format!("## Article 1\n\n{}deep\n", unit.repeat(10_200));
        let (b, d) = parse(&body);
        let listed = unit.contains('-') || unit.contains('*') || unit.contains('1');
        assert_eq!(
            d.errors(),
            usize::from(listed && unit != "* ["),
            "{unit:?}: {d:?}"
        );
        for p in &b.articles[0].paragraphs {
            assert!(depth(&p.points) <= MAX_LIST_DEPTH, "{unit:?}");
        }
    }
}

#[test]
fn letter_labels_continue_past_z() {
    assert_eq!(Lang::EN.point_letter(0), "a");
    assert_eq!(Lang::EN.point_letter(25), "z");
    assert_eq!(Lang::EN.point_letter(26), "aa");
    assert_eq!(Lang::AR.point_letter(0), "أ");
    assert_eq!(Lang::AR.point_letter(4), "هـ");
    assert_eq!(Lang::AR.point_letter(26), "aa");
}

#[test]
fn unlabelled_points_of_an_arabic_text_are_lettered_in_abjad_with_latin_ids() {
    let path: Arc<Path> = Arc::from(Path::new("t.ar.md"));
    let mut diags = Diagnostics::new();
    let body = "## المادة ١

يقصد:

- الأول
- الثاني
- الثالث
- الرابع
- الخامس
";
    let b = parse_body(&path, body, 0..body.len(), Lang::AR, &mut diags);
    let points = &b.articles[0].paragraphs[0].points;
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["أ", "ب", "ج", "د", "هـ"]);
    let eids: Vec<&str> = points.iter().map(|p| p.eid.as_str()).collect();
    assert_eq!(eids[4], "art_1__para_1__point_e");
}

#[test]
fn issuing_articles_carry_their_container_eid() {
    let (b, d) = parse(
        "# مواد الإصدار\n\n## مادة أولى\n\nنص\n\n## مادة ثانية\n\nنص\n\n# الباب الأول\n\n## الفرع الأول\n\n### المادة ١\n\nنص\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let eids: Vec<&str> = b.articles.iter().map(|a| a.eid.as_str()).collect();
    assert_eq!(
        eids,
        [
            "hcontainer_issuing__art_1",
            "hcontainer_issuing__art_2",
            "art_1"
        ]
    );
    assert_eq!(b.articles[0].num, "أولى");
    assert_eq!(
        b.articles[0].paragraphs[0].eid,
        "hcontainer_issuing__art_1__para_1"
    );
    let containers: Vec<&str> = b.containers.iter().map(|c| c.eid.as_str()).collect();
    assert_eq!(
        containers,
        ["hcontainer_issuing", "part_1", "part_1__subchp_1"]
    );
}
