//! Corpus text is always text: attacks in every field stay escaped, unsafe
//! link schemes never become links; committee material never reaches a
//! public build, in any file.

use super::common::*;

/// Tags an attack could inject; the site's own pages use none of them
/// except `<script src=...>` for its own scripts.
const FORBIDDEN: &[&str] = &[
    "<img",
    "<svg",
    "<iframe",
    "<b ",
    "<div onclick",
    "<a href=\"javascript",
];

#[test]
fn xss_payloads_in_a_statute_and_an_amendment_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&fixture("xss"), &out, "committee");
    let mut pages = 0;
    let mut escaped_seen = 0;
    for rel in files(&out) {
        let path = out.join(&rel);
        if rel.extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = read(&path);
        let lower = html.to_ascii_lowercase();
        for f in FORBIDDEN {
            assert!(!lower.contains(f), "{}: contains {f}", rel.display());
        }
        // Scripts: only the site's own, by src.
        let mut rest = lower.as_str();
        while let Some(i) = rest.find("<script") {
            let tag_end = rest[i..].find('>').unwrap() + i;
            let tag = &rest[i..=tag_end];
            assert!(
                tag.starts_with("<script src=\"") && tag.contains("assets/"),
                "{}: unexpected script tag {tag}",
                rel.display()
            );
            rest = &rest[tag_end..];
        }
        for attr in ["href=\"", "src=\"", "action=\""] {
            for scheme in ["javascript:", "data:", "vbscript:"] {
                assert!(
                    !lower.contains(&format!("{attr}{scheme}")),
                    "{}: {attr}{scheme}",
                    rel.display()
                );
            }
        }
        assert!(
            !lower.contains(" onerror=") && !lower.contains(" onload="),
            "{}",
            rel.display()
        );
        assert!(
            !html.contains("alert('xss"),
            "{}: an unescaped payload",
            rel.display()
        );
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
    // The safe part of the source still links.
    assert!(law.contains(
        r#"<a href="https://example.org/" rel="noopener">https://example.org/</a>&quot;&gt;&lt;svg"#
    ));
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
