//! The Arabic pages of the bundled site read as Arabic: what share of their
//! letters is Latin, in all and outside elements marked `lang="en"`.
//!
//! Issue 15 measured 49% Latin letters on the /ar/ pages. What may remain
//! Latin is the text of English-language sources (titles of English-only
//! texts, URLs), and then only inside an element that says it is English;
//! everything the site writes itself, and everything the data has in
//! Arabic, must be Arabic. The pages are parsed with a real HTML parser, and
//! both the text and the attributes a reader meets (`title`, `aria-label`,
//! `placeholder`, `alt`) are counted.

use std::path::{Path, PathBuf};

use mizan::testing::cli::build;
use mizan::testing::files::{copy_dir, example_workspace, repo};
use scraper::{ElementRef, Html, node::Node};

/// Most Latin letters the /ar/ pages may have, in all (a share of all
/// letters).
// Issue 15 sets 10%. Measured on 3 December 2026: 6.0% (36.7% when this
// test landed, 13.0% once all bundled data was in Arabic, 6.0% once the
// side-by-side view read the English text from the English page instead of
// carrying it on the Arabic one). What remains is mostly URIs, ids and the
// titles of English-language sources.
const MAX_LATIN: f64 = 0.10;
/// Most Latin letters outside elements marked `lang="en"`.
const MAX_UNMARKED_LATIN: f64 = 0.02;

fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            pages(&p, out);
        } else if p.extension().is_some_and(|x| x == "html") {
            out.push(p);
        }
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic() && matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}'))
}

/// Letters on one page: `(all, latin, latin outside lang="en")`.
#[derive(Debug, Default, Clone, Copy)]
struct Letters {
    all: usize,
    latin: usize,
    unmarked: usize,
}

impl Letters {
    fn add_text(&mut self, text: &str, english: bool) {
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            self.all += 1;
            if is_latin(c) {
                self.latin += 1;
                if !english {
                    self.unmarked += 1;
                }
            }
        }
    }

    fn add(&mut self, other: Letters) {
        self.all += other.all;
        self.latin += other.latin;
        self.unmarked += other.unmarked;
    }
}

/// Whether an element's language (its own `lang`, else its nearest
/// ancestor's) is English.
fn english(el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .find_map(|e| e.value().attr("lang"))
        .is_some_and(|l| l == "en" || l.starts_with("en-"))
}

fn count(html: &str) -> Letters {
    let doc = Html::parse_document(html);
    let mut letters = Letters::default();
    for node in doc.tree.nodes() {
        match node.value() {
            Node::Text(t) => {
                let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
                    continue;
                };
                if matches!(parent.value().name(), "script" | "style") {
                    continue;
                }
                letters.add_text(t, english(parent));
            }
            Node::Element(e) => {
                let el = ElementRef::wrap(node).expect("an element");
                for name in ["title", "aria-label", "placeholder", "alt"] {
                    if let Some(v) = e.attr(name) {
                        letters.add_text(v, english(el));
                    }
                }
            }
            _ => {}
        }
    }
    letters
}

#[test]
fn arabic_pages_are_arabic_but_for_marked_english() {
    // MIZAN_MEASURE_SITE measures a site built before (to compare builds)
    // instead of building the bundled workspace.
    let dir = tempfile::tempdir().unwrap();
    let out = match std::env::var_os("MIZAN_MEASURE_SITE") {
        Some(site) => PathBuf::from(site),
        None => {
            let out = dir.path().join("site");
            build(&repo(), &out, "public");
            out
        }
    };
    let mut files = Vec::new();
    pages(&out.join("ar"), &mut files);
    assert!(files.len() > 100, "only {} Arabic pages", files.len());
    let mut total = Letters::default();
    let mut worst: Vec<(f64, String)> = Vec::new();
    for f in &files {
        let l = count(&std::fs::read_to_string(f).unwrap());
        total.add(l);
        if l.all > 0 {
            let rel = f.strip_prefix(&out).unwrap().display().to_string();
            worst.push((l.unmarked as f64 / l.all as f64, rel));
        }
    }
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    let latin = total.latin as f64 / total.all as f64;
    let unmarked = total.unmarked as f64 / total.all as f64;
    eprintln!(
        "{} Arabic pages, {} letters: {:.1}% Latin, {:.2}% Latin outside lang=\"en\"",
        files.len(),
        total.all,
        latin * 100.0,
        unmarked * 100.0
    );
    let top: Vec<String> = worst
        .iter()
        .take(5)
        .map(|(s, p)| format!("{p} {:.1}%", s * 100.0))
        .collect();
    eprintln!("most unmarked Latin: {}", top.join(", "));
    assert!(
        latin < MAX_LATIN,
        "{:.1}% of the letters on /ar/ pages are Latin (at most {:.0}%)",
        latin * 100.0,
        MAX_LATIN * 100.0
    );
    assert!(
        unmarked < MAX_UNMARKED_LATIN,
        "{:.2}% of the letters on /ar/ pages are Latin outside lang=\"en\" (at most {:.0}%); worst pages: {}",
        unmarked * 100.0,
        MAX_UNMARKED_LATIN * 100.0,
        top.join(", ")
    );
}

#[test]
fn the_counter_follows_inherited_languages() {
    let l = count(
        r#"<html lang="ar"><head><title>عنوان</title><style>a{}</style></head>
        <body><p>نص abc</p><div lang="en"><p>Text <b>x</b></p></div>
        <input placeholder="Search"></body></html>"#,
    );
    // عنوان (5) + نص (2) + abc + Text + x + Search.
    assert_eq!(l.all, 5 + 2 + 3 + 4 + 1 + 6);
    assert_eq!(l.latin, 3 + 4 + 1 + 6);
    assert_eq!(l.unmarked, 3 + 6);
}

/// A provision with no Arabic title shows the English one marked as English
/// and labelled, cited in Arabic; sizes are in Arabic units; and the
/// `[numerals]` setting switches the digits of every number.
#[test]
fn fallbacks_are_labelled_and_numbers_follow_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&example_workspace(), &ws);
    // The example's provision of Art. 6(6) in English only.
    let tip = std::fs::read_to_string(ws.join("standards/tip.yaml")).unwrap();
    let english_only = regex_free_english_only(&tip);
    std::fs::write(ws.join("standards/tip.yaml"), english_only).unwrap();
    let out = dir.path().join("site");
    build(&ws, &out, "public");
    let page =
        std::fs::read_to_string(out.join("ar/standards/tip/art_6__para_6/index.html")).unwrap();
    // The example of the book (site.md, "Languages on the page").
    assert!(
        page.contains(r#"<h1><bdi class="label" lang="en">TIP</bdi> المادة ٦ (٦): <span lang="en" dir="ltr">Compensation</span> <small class="only-in" lang="ar" dir="rtl">بالإنجليزية فقط</small></h1>"#),
        "{page}"
    );
    let downloads = std::fs::read_to_string(out.join("ar/downloads/index.html")).unwrap();
    assert!(downloads.contains("\u{a0}ك.ب)"), "{downloads}");
    let home = std::fs::read_to_string(out.join("ar/index.html")).unwrap();
    assert!(home.contains('٪') && !home.contains("%<"));

    // Western digits on Arabic pages.
    let toml = std::fs::read_to_string(ws.join("mizan.toml")).unwrap();
    let toml = toml.replace(r#"ar = "arabic-indic""#, r#"ar = "western""#);
    std::fs::write(ws.join("mizan.toml"), toml).unwrap();
    build(&ws, &out, "public");
    let page =
        std::fs::read_to_string(out.join("ar/standards/tip/art_6__para_6/index.html")).unwrap();
    assert!(page.contains("المادة 6 (6)"), "{page}");
    let home = std::fs::read_to_string(out.join("ar/index.html")).unwrap();
    assert!(home.contains("%</span>") && !home.contains('٪'), "{home}");
    // The catalogue's own numbers too (the score note's 1 and 0.5).
    assert!(home.contains(" 1 ") && home.contains("0.5"), "{home}");
}

/// The example's standard with Art. 6(6) titled in English only (the
/// example has it in both languages once its data carries Arabic).
fn regex_free_english_only(tip: &str) -> String {
    match tip.find("  - id: art_6__para_6") {
        Some(at) => {
            let (head, tail) = tip.split_at(at);
            let tail = tail.replace(
                "    title:\n      en: Compensation\n      ar: التعويض\n",
                "    title: Compensation\n",
            );
            format!("{head}{tail}")
        }
        None => tip.to_owned(),
    }
}
