//! The amending law `mizan propose` writes, read back by `mizan import
//! --amendment`, gives the operations it was written from: a property over
//! generated amendments in English and Arabic (replacing, inserting and
//! repealing articles; replacing, inserting and repealing paragraphs;
//! substituting words once or wherever they occur), read from plain text
//! and from the Word document.
//!
//! What the gazette's formulas cannot carry is left out of the generator
//! and said here: renumbering (no formula the importer reads), a
//! substitution of the n-th occurrence, deleting words (an empty
//! replacement), points inside paragraphs, and an article title of more
//! than six words (read as the article's text).

use std::path::Path;
use std::sync::{Arc, LazyLock};

use proptest::prelude::*;

use mizan::Workspace;
use mizan::amend::{Amendment, read_amendment};
use mizan::corpus::Lang;
use mizan::ids::WorkId;
use mizan::import::{AmendmentOptions, Kind, amendment_from_blocks, import_amendment, text_blocks};
use mizan::lang::Numerals;
use mizan::output::document::{Block, Document};
use mizan::output::{docx, proposal};
use mizan::proposal::{MemoTemplate, Proposal, operations_in};

/// The bundled workspace: the work the generated drafts amend.
static WS: LazyLock<Workspace> = LazyLock::new(|| {
    Workspace::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("the bundled workspace loads")
});

/// The works amended: a law, and a decree-law (cited by its own formula,
/// `المرسوم بالقانون رقم …`).
const WORKS: [&str; 2] = ["/akn/kw/act/2013/91", "/akn/kw/act/decree-law/2024/114"];

const EN_WORDS: [&str; 24] = [
    "the",
    "committee",
    "shall",
    "publish",
    "a",
    "report",
    "each",
    "year",
    "on",
    "workers",
    "wages",
    "within",
    "thirty",
    "days",
    "authority",
    "may",
    "inspect",
    "premises",
    "records",
    "employer",
    "agency",
    "shelter",
    "court",
    "notice",
];

const AR_WORDS: [&str; 24] = [
    "تنشر",
    "اللجنة",
    "تقريرا",
    "سنويا",
    "عن",
    "حقوق",
    "العمال",
    "والرسوم",
    "خلال",
    "ثلاثين",
    "يوما",
    "وللجهة",
    "تفتيش",
    "المقار",
    "والسجلات",
    "الأجور",
    "صاحب",
    "العمل",
    "المكتب",
    "الضحية",
    "الإيواء",
    "المحكمة",
    "غرامة",
    "إخطار",
];

/// One generated operation, on the `base`-th article.
#[derive(Debug, Clone)]
enum Gen {
    Replace {
        title: Option<Vec<usize>>,
        paragraphs: Vec<Vec<usize>>,
    },
    Insert {
        title: Option<Vec<usize>>,
        paragraphs: Vec<Vec<usize>>,
    },
    Repeal,
    Substitute {
        find: Vec<usize>,
        with: Vec<usize>,
        all: bool,
    },
    ReplaceParagraph(u8, Vec<usize>),
    InsertParagraph(u8, Vec<usize>),
    RepealParagraph(u8),
}

fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<usize>> + Clone {
    prop::collection::vec(0..EN_WORDS.len(), n)
}

fn operation() -> impl Strategy<Value = Gen> {
    let title = prop::option::of(words(1..5));
    let paragraphs = prop::collection::vec(words(2..12), 1..4);
    prop_oneof![
        (title.clone(), paragraphs.clone())
            .prop_map(|(title, paragraphs)| Gen::Replace { title, paragraphs }),
        (title, paragraphs).prop_map(|(title, paragraphs)| Gen::Insert { title, paragraphs }),
        Just(Gen::Repeal),
        (words(1..4), words(1..4), any::<bool>()).prop_map(|(find, with, all)| Gen::Substitute {
            find,
            with,
            all
        }),
        (1u8..5, words(2..10)).prop_map(|(p, w)| Gen::ReplaceParagraph(p, w)),
        (1u8..5, words(2..10)).prop_map(|(p, w)| Gen::InsertParagraph(p, w)),
        (1u8..5).prop_map(Gen::RepealParagraph),
    ]
}

/// ASCII digits in the language's digits.
fn digits(lang: Lang, n: u32) -> String {
    let numerals = if lang == Lang::AR {
        Numerals::ArabicIndic
    } else {
        Numerals::Western
    };
    mizan::lang::number(numerals, u64::from(n))
}

fn text(lang: Lang, w: &[usize]) -> String {
    let list = if lang == Lang::AR {
        &AR_WORDS
    } else {
        &EN_WORDS
    };
    w.iter().map(|i| list[*i]).collect::<Vec<_>>().join(" ")
}

/// The operation forms of `lang`, filled.
fn form(lang: Lang, kind: &str, values: &[(&str, &str)]) -> String {
    mizan::lang::fill(&lang.def().operations[kind], values)
}

/// An amendment file in the grammar, in `lang`, with `ops` on articles
/// 1, 2, … (one article each, so no two overlap).
fn amendment_file(lang: Lang, work: &str, ops: &[Gen]) -> String {
    let article = |n: u32, bis: bool| {
        let num = digits(lang, n);
        let num = match (bis, lang == Lang::AR) {
            (false, _) => num,
            (true, true) => format!("{num} مكرراً"),
            (true, false) => format!("{num} bis"),
        };
        lang.article_label(&num, None)
    };
    let quote = |s: String| {
        if lang == Lang::AR {
            format!("«{s}»")
        } else {
            format!("\"{s}\"")
        }
    };
    let mut out = format!(
        "---\nid: generated\ntitle: Generated\namends: {work}\nkind: bill\nstatus: draft\n---\n"
    );
    let body = |title: &Option<Vec<usize>>, paragraphs: &[Vec<usize>]| {
        let mut s = String::new();
        if let Some(t) = title {
            s.push_str(&format!("\n### {}\n", text(lang, t)));
        }
        for p in paragraphs {
            s.push_str(&format!("\n{}.\n", text(lang, p)));
        }
        s
    };
    for (i, op) in ops.iter().enumerate() {
        let n = i as u32 + 1;
        let a = article(n, false);
        let (heading, rest) = match op {
            Gen::Replace { title, paragraphs } => (
                form(lang, "replace-article", &[("article", &a)]),
                body(title, paragraphs),
            ),
            Gen::Insert { title, paragraphs } => (
                form(
                    lang,
                    "insert-article",
                    &[("article", &article(n, true)), ("previous", &a)],
                ),
                body(title, paragraphs),
            ),
            Gen::Repeal => (
                form(lang, "repeal-article", &[("article", &a)]),
                String::new(),
            ),
            Gen::Substitute { find, with, all } => {
                let mut h = form(
                    lang,
                    "substitute",
                    &[
                        ("article", &a),
                        ("find", &quote(text(lang, find))),
                        (
                            "with",
                            &quote(format!("{} {}", text(lang, with), text(lang, find))),
                        ),
                    ],
                );
                if *all {
                    h.push_str(&format!(" ({})", lang.def().operations["all"]));
                }
                (h, String::new())
            }
            Gen::ReplaceParagraph(p, w) => (
                form(
                    lang,
                    "replace-paragraph",
                    &[("article", &a), ("paragraph", &digits(lang, u32::from(*p)))],
                ),
                format!("\n{}.\n", text(lang, w)),
            ),
            Gen::InsertParagraph(p, w) => (
                form(
                    lang,
                    "insert-paragraph",
                    &[("article", &a), ("paragraph", &digits(lang, u32::from(*p)))],
                ),
                format!("\n{}.\n", text(lang, w)),
            ),
            Gen::RepealParagraph(p) => (
                form(
                    lang,
                    "repeal-paragraph",
                    &[("article", &a), ("paragraph", &digits(lang, u32::from(*p)))],
                ),
                String::new(),
            ),
        };
        out.push_str(&format!("\n## {heading}\n{rest}"));
    }
    out
}

/// What an operation is, without where it was written: the action (its
/// JSON, spans left out), the new title and the paragraphs' text.
fn shape(a: &Amendment, lang: Lang) -> Vec<String> {
    operations_in(a, lang)
        .into_iter()
        .map(|o| {
            let text = o.text.as_ref().map(|t| {
                (
                    t.title.clone(),
                    t.paragraphs
                        .iter()
                        .map(|p| p.full_text())
                        .collect::<Vec<_>>(),
                )
            });
            format!("{} {:?}", serde_json::to_string(&o.action).unwrap(), text)
        })
        .collect()
}

fn read(name: &str, text: &str) -> Amendment {
    let (a, diags) = read_amendment(&Arc::from(Path::new(name)), text);
    assert!(
        !diags.has_errors(),
        "{text}\n{:?}",
        diags.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    a.expect("read")
}

/// The law `propose` writes for `amendment`, one paragraph a line.
fn law(amendment: &Amendment, lang: Lang) -> Vec<String> {
    let p = Proposal {
        lang,
        work: WS
            .work(amendment.amends.as_str())
            .expect("the bundled work"),
        amendments: vec![amendment],
        articles: operations_in(amendment, lang),
        rows: Vec::new(),
        addressed: Vec::new(),
        scores: Vec::new(),
        memo: MemoTemplate::built_in(),
    };
    let numerals = WS.settings.numerals_for(lang);
    proposal::amending_law(&p, numerals)
        .iter()
        .map(|p| p.plain())
        .collect()
}

fn round_trip(lang: Lang, work: usize, ops: &[Gen], word: bool) -> Result<(), TestCaseError> {
    let file = amendment_file(lang, WORKS[work], ops);
    let original = read("generated.md", &file);
    let lines = law(&original, lang);
    let options = AmendmentOptions {
        amends: Some(WorkId::parse(WORKS[work]).unwrap()),
        id: Some("back".into()),
        title: Some("Back".into()),
        lang: Some(lang),
        ..Default::default()
    };
    let imported = if word {
        let mut doc = Document::new(lang, "law");
        doc.blocks = lines
            .iter()
            .map(|l| Block::Paragraph(mizan::output::document::Paragraph::text(l.clone())))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("law.docx");
        std::fs::write(&path, docx::write(&doc)).unwrap();
        import_amendment(&Arc::from(path.as_path()), &options)
    } else {
        let joined = lines.join("\n");
        amendment_from_blocks(
            &Arc::from(Path::new("law.txt")),
            "law.txt",
            Kind::Text,
            text_blocks(&joined),
            &options,
        )
    };
    let imported = match imported {
        Ok(i) => i,
        Err(e) => {
            return Err(TestCaseError::fail(format!(
                "{}\n---\nimport failed: {e:?}",
                lines.join("\n")
            )));
        }
    };
    let back = read("back.md", &imported.markdown);
    prop_assert_eq!(
        shape(&original, lang),
        shape(&back, lang),
        "\n{}\n---\n{}",
        lines.join("\n"),
        imported.markdown
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_english_law_reads_back_as_its_operations(
        ops in prop::collection::vec(operation(), 1..8),
        work in 0..WORKS.len(),
        word in any::<bool>(),
    ) {
        round_trip(Lang::EN, work, &ops, word)?;
    }

    #[test]
    fn the_arabic_law_reads_back_as_its_operations(
        ops in prop::collection::vec(operation(), 1..8),
        work in 0..WORKS.len(),
        word in any::<bool>(),
    ) {
        round_trip(Lang::AR, work, &ops, word)?;
    }
}

/// Every bundled pending draft, in both languages, through the whole
/// proposal as Word: `import --amendment` reads the amending law out of it
/// (the table and the memorandum after the execution clause are closing
/// lines) and gives the draft's operations.
#[test]
fn every_bundled_draft_reads_back_from_its_proposal_in_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for a in WS.amendments.iter().filter(|a| a.is_pending()) {
        for lang in [Lang::EN, Lang::AR] {
            let p = mizan::proposal::propose(&WS, &[a], lang, MemoTemplate::built_in())
                .unwrap_or_else(|d| panic!("{}: {:?}", a.id, d.iter().next()));
            let doc = proposal::document(&p, WS.settings.numerals_for(lang));
            let path = dir.path().join(format!("{}.{}.docx", a.id, lang.code()));
            std::fs::write(&path, docx::write(&doc)).unwrap();
            let options = AmendmentOptions {
                amends: Some(a.amends.clone()),
                id: Some("back".into()),
                lang: Some(lang),
                ..Default::default()
            };
            let imported = import_amendment(&Arc::from(path.as_path()), &options)
                .unwrap_or_else(|e| panic!("{} {lang:?}: {e:?}", a.id));
            let back = read("back.md", &imported.markdown);
            assert_eq!(shape(a, lang), shape(&back, lang), "{} {lang:?}", a.id);
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked}");
}
