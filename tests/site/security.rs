//! Corpus text is always text: attacks in every field stay escaped, unsafe
//! link schemes never become links; committee material never reaches a
//! public build, in any file.

use super::common::*;

/// The elements the site's own templates use; anything else in a page came
/// from data, unescaped.
const ALLOWED_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "link",
    "script",
    "body",
    "a",
    "header",
    "div",
    "span",
    "form",
    "label",
    "input",
    "button",
    "nav",
    "ul",
    "ol",
    "li",
    "p",
    "main",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "dl",
    "dt",
    "dd",
    "bdi",
    "br",
    "pre",
    "fieldset",
    "legend",
    "select",
    "option",
    "output",
    "ins",
    "del",
    "mark",
    "caption",
    "colgroup",
    "col",
    "small",
    "strong",
    "em",
    "sup",
    "code",
    "figure",
    "figcaption",
    "details",
    "summary",
    // The print margins of the gap report (`print_margins`).
    "style",
    "article",
    // The pictures (inline SVG, `site::charts`).
    "svg",
    "defs",
    "pattern",
    "rect",
    "path",
    "circle",
    "line",
    "text",
];

/// Every start tag of an HTML text: (name, raw attribute text). Text from
/// data has its `<` escaped, so every `<` left starts a real tag.
fn tags(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let end = rest.find('>').expect("an unclosed tag");
        let tag = &rest[..end];
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        out.push((
            tag[..name_end].to_ascii_lowercase(),
            tag[name_end..].to_owned(),
        ));
        rest = &rest[end..];
    }
    out
}

/// `name="value"` pairs of a tag's attribute text (the site quotes every
/// attribute with `"`, or `'` for JSON).
fn attributes(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // An SVG element may close itself (`<rect .../>`).
    let mut rest = text.trim().trim_end_matches('/').trim_end();
    while !rest.is_empty() {
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        let mut value = String::new();
        if let Some(r) = rest.strip_prefix('=') {
            let quote = r.chars().next().expect("a value");
            assert!(
                quote == '"' || quote == '\'',
                "unquoted attribute {name} in {text}"
            );
            let close = r[1..].find(quote).expect("a closed value") + 1;
            value = r[1..close].to_owned();
            rest = &r[close + 1..];
        }
        out.push((name, value));
        rest = rest.trim_start();
    }
    out
}

fn check_page(rel: &str, html: &str) {
    for (name, attrs) in tags(html) {
        assert!(
            ALLOWED_TAGS.contains(&name.as_str()),
            "{rel}: an injected <{name}{attrs}>"
        );
        for (attr, value) in attributes(&attrs) {
            assert!(
                !attr.starts_with("on"),
                "{rel}: an event handler {attr}={value}"
            );
            assert!(
                attr.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{rel}: a strange attribute {attr:?} on <{name}>"
            );
            if matches!(attr.as_str(), "href" | "src" | "action") {
                let v = value.to_ascii_lowercase();
                let scheme_ok = v.starts_with("https://")
                    || v.starts_with("http://")
                    || v.starts_with("mailto:")
                    || !v.split(['/', '?', '#']).next().unwrap_or("").contains(':');
                assert!(scheme_ok, "{rel}: unsafe {attr}={value}");
            }
            if name == "script" {
                assert!(
                    attr == "src" || attr == "defer",
                    "{rel}: script with {attr}"
                );
            }
        }
    }
}

#[test]
fn xss_payloads_in_a_statute_and_an_amendment_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&fixture("xss"), &out, "committee");
    let mut pages = 0;
    let mut escaped_seen = 0;
    for rel in files(&out) {
        if rel.extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = read(&out.join(&rel));
        check_page(&rel.display().to_string(), &html);
        // Inline scripts: none at all.
        assert!(!html.contains("<script>"), "{}", rel.display());
        if html.contains("&lt;script&gt;alert(") {
            escaped_seen += 1;
        }
    }
    assert!(pages > 10);
    // The payloads were rendered (as text), not dropped.
    assert!(
        escaped_seen > 5,
        "payloads shown escaped on only {escaped_seen} pages"
    );
    let law = read(&out.join("en/works/act-2020-1/index.html"));
    assert!(law.contains("&lt;img src=x onerror=alert("));
    // Template syntax in data is data, not template.
    assert!(law.contains("{{ 7*7 }}") && !law.contains(">49<"));
    // The safe part of the source still links; the rest is text.
    assert!(law.contains(
        r#"<a href="https://example.org/" rel="noopener" dir="ltr" lang="en">https://example.org/</a>&quot;&gt;&lt;svg"#
    ));
    assert!(law.contains("javascript:alert(&#39;xss-4&#39;)"));
}

#[test]
fn the_tag_checker_catches_injections() {
    for bad in [
        r#"<p><img src=x onerror=alert(1)></p>"#,
        r#"<a href="javascript:alert(1)">x</a>"#,
        r#"<a href="https://x" onclick="alert(1)">x</a>"#,
        r#"<svg onload=alert(1)>"#,
        r#"<script>alert(1)</script>"#,
    ] {
        let r = std::panic::catch_unwind(|| check_page("t", bad));
        assert!(r.is_err() || bad.contains("<script>"), "{bad}");
    }
    check_page(
        "t",
        r#"<p class="x">a &lt;img src=x onerror=alert(1)&gt;</p><a href="../en/index.html">x</a>"#,
    );
}

const CANARY: &str = "CANARY-SECRET-4417";

fn files_with_canary(site: &std::path::Path) -> Vec<String> {
    files(site)
        .into_iter()
        .filter(|rel| {
            let bytes = plain_bytes(&site.join(rel));
            bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes())
        })
        .map(|p| p.display().to_string())
        .collect()
}

#[test]
fn committee_material_is_in_a_committee_build_and_nowhere_in_a_public_one() {
    let dir = tempfile::tempdir().unwrap();
    let committee = dir.path().join("committee-site");
    build(&fixture("committee"), &committee, "committee");
    let found = files_with_canary(&committee);
    assert!(
        !found.is_empty(),
        "the committee build does not show the committee draft"
    );
    assert!(
        found
            .iter()
            .any(|f| f.ends_with("amendments/secret-draft/index.html"))
    );

    let public = dir.path().join("public-site");
    build(&fixture("committee"), &public, "public");
    let all = files(&public);
    assert!(
        all.iter()
            .any(|f| f.to_string_lossy().contains("pf_fragment")),
        "the search index was scanned"
    );
    assert_eq!(files_with_canary(&public), Vec::<String>::new());
    assert!(!public.join("en/amendments/secret-draft").exists());
    assert!(!public.join("proposals/secret-draft.en.docx").exists());
}

#[test]
fn a_public_build_over_a_committee_build_keeps_nothing_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&fixture("committee"), &out, "committee");
    assert!(!files_with_canary(&out).is_empty());
    let report = build(&fixture("committee"), &out, "public");
    assert_eq!(files_with_canary(&out), Vec::<String>::new());
    assert!(report["rendered"].as_u64().unwrap() > 0);
}
