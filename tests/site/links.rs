//! Every internal link and anchor of a built site resolves.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::common::*;

/// The values of `attr="..."` in an HTML text.
fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        if let Some(end) = rest.find('"') {
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                assert!(out.pop(), "link leaves the site: {}", path.display());
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Checks every `href`, `src` and `action` of every page; returns how many
/// links were followed.
pub fn check_links(site: &Path) -> usize {
    let pages: Vec<PathBuf> = files(site)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    let mut ids: HashMap<PathBuf, HashSet<String>> = HashMap::new();
    let mut texts = HashMap::new();
    for p in &pages {
        let text = read(&site.join(p));
        let set: HashSet<String> = attr_values(&text, "id")
            .into_iter()
            .map(str::to_owned)
            .collect();
        ids.insert(p.clone(), set);
        texts.insert(p.clone(), text);
    }
    let mut followed = 0;
    let mut broken = Vec::new();
    for p in &pages {
        let text = &texts[p];
        let here = p.parent().unwrap_or(Path::new(""));
        for attr in ["href", "src", "action"] {
            for raw in attr_values(text, attr) {
                let link = raw.replace("&amp;", "&");
                if link.starts_with("http://")
                    || link.starts_with("https://")
                    || link.starts_with("mailto:")
                {
                    continue;
                }
                assert!(
                    !link.contains("://"),
                    "{}: a link to another scheme: {link}",
                    p.display()
                );
                let (path, fragment) = match link.split_once('#') {
                    Some((a, b)) => (a, Some(b)),
                    None => (link.as_str(), None),
                };
                let path = path.split('?').next().unwrap_or("");
                let target = if path.is_empty() {
                    p.clone()
                } else {
                    let mut t = normalise(&here.join(path));
                    if path.ends_with('/') || site.join(&t).is_dir() {
                        t.push("index.html");
                    }
                    t
                };
                followed += 1;
                if !site.join(&target).is_file() {
                    broken.push(format!(
                        "{}: {link} (no file {})",
                        p.display(),
                        target.display()
                    ));
                    continue;
                }
                if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                    let has = ids.get(&target).is_some_and(|s| s.contains(f));
                    if !has {
                        broken.push(format!(
                            "{}: {link} (no id `{f}` in {})",
                            p.display(),
                            target.display()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        broken.join("\n")
    );
    followed
}

#[test]
fn every_internal_link_and_anchor_of_the_example_site_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&example_workspace(), &out, "committee");
    let n = check_links(&out);
    assert!(n > 200, "only {n} links followed");
}

#[test]
fn every_internal_link_and_anchor_of_the_bundled_site_resolves() {
    // The repository root is the bundled workspace.
    if !repo().join("corpus").is_dir() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(&repo(), &out, "committee");
    check_links(&out);
}

#[test]
fn the_checker_finds_a_broken_anchor() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        r##"<a href="#nowhere">x</a><p id="here"></p>"##,
    )
    .unwrap();
    let result = std::panic::catch_unwind(|| check_links(dir.path()));
    assert!(result.is_err());
    std::fs::write(
        dir.path().join("index.html"),
        r##"<a href="#here">x</a><p id="here"></p>"##,
    )
    .unwrap();
    assert_eq!(check_links(dir.path()), 1);
}
