//! Arabic folding and English stemming, tested through a real tantivy index
//! of `tests/fixtures/search/workspace`: each spelling variant must find the
//! article written with the other.

use std::path::Path;
use std::sync::OnceLock;

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::search::analysis::terms;
use mizan::search::{Filters, SearchIndex, SearchRequest, search};

fn fixture() -> &'static (Workspace, SearchIndex) {
    static FIXTURE: OnceLock<(Workspace, SearchIndex)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/workspace");
        let ws = Workspace::load(&root).expect("fixture loads");
        let index = SearchIndex::in_ram(&ws).expect("fixture indexes");
        (ws, index)
    })
}

/// The ids of the articles in `lang` that `query` finds.
fn find(query: &str, lang: Lang) -> Vec<String> {
    let (_, index) = fixture();
    let request = SearchRequest {
        query: query.to_owned(),
        filters: Filters {
            langs: vec![lang],
            ..Filters::default()
        },
        limit: 20,
    };
    search(index, &request)
        .expect("query runs")
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn art(n: u32) -> String {
    format!("/akn/kw/act/2020/7/~art_{n}")
}

fn assert_finds(query: &str, lang: Lang, article: u32) {
    let found = find(query, lang);
    assert!(
        found.contains(&art(article)),
        "`{query}` should find article {article}; found {found:?}"
    );
}

#[test]
fn unvowelled_query_finds_vowelled_text() {
    // Article 1 is fully vowelled: تُصادَرُ الأَمْوالُ المُتَحَصَّلَةُ
    assert_finds("تصادر", Lang::AR, 1);
    assert_finds("الاموال المتحصلة", Lang::AR, 1);
}

#[test]
fn vowelled_query_finds_unvowelled_text() {
    // Article 2 has no marks: يحظر التشغيل القسري
    assert_finds("يُحْظَرُ", Lang::AR, 2);
    assert_finds("التَّشْغِيلُ القَسْرِيُّ", Lang::AR, 2);
}

#[test]
fn alef_variants_find_each_other() {
    // Article 3 writes أمين, إنذار, آثار, ٱستئناف; article 4 writes اجراءات.
    for q in ["امين", "انذار", "اثار", "استئناف", "إستئناف"] {
        assert_finds(q, Lang::AR, 3);
    }
    for q in ["إجراءات", "الإجراءات", "أجراءات"] {
        assert_finds(q, Lang::AR, 4);
    }
}

#[test]
fn alef_maqsura_and_yeh_find_each_other() {
    // Article 5 writes المستشفى (ى) and مبني (ي).
    assert_finds("المستشفي", Lang::AR, 5);
    assert_finds("مستشفى", Lang::AR, 5);
    assert_finds("مبنى", Lang::AR, 5);
}

#[test]
fn teh_marbuta_and_heh_find_each_other() {
    // Article 6 writes المحكمة (ة) and الغرفه المختصه (ه).
    assert_finds("المحكمه", Lang::AR, 6);
    assert_finds("الغرفة المختصة", Lang::AR, 6);
}

#[test]
fn arabic_indic_and_ascii_digits_find_each_other() {
    // Article 7 writes ١٣ and 45.
    assert_finds("13", Lang::AR, 7);
    assert_finds("٤٥", Lang::AR, 7);
    assert_finds("۱۳", Lang::AR, 7);
    // And the English expression's 13 is found by Arabic-Indic digits.
    assert_finds("١٣", Lang::EN, 7);
}

#[test]
fn attached_waw_and_definite_article_find_each_other() {
    // Article 8 writes وتضاعف العقوبة (attached و, then ال) and ضمانات.
    assert_finds("تضاعف", Lang::AR, 8);
    assert_finds("عقوبة", Lang::AR, 8);
    assert_finds("والعقوبة", Lang::AR, 8);
    assert_finds("الضمانات", Lang::AR, 8);
    assert_finds("والضمانات", Lang::AR, 8);
}

#[test]
fn long_vowelled_word_is_indexed() {
    let word = "وَلِلْمُسْتَخْدَمِينَ";
    assert!(
        word.len() > 40,
        "tantivy's default RemoveLongFilter::limit(40) would drop it"
    );
    assert_finds("وللمستخدمين", Lang::AR, 9);
    assert_finds(word, Lang::AR, 9);
}

#[test]
fn tatweel_is_ignored() {
    // Article 10 writes صـــاحب العمـــل.
    assert_finds("صاحب العمل", Lang::AR, 10);
}

#[test]
fn english_inflected_forms_find_each_other() {
    // Article 10: "The employer shall pay the wage. Employers who fail to pay
    // wages are punished."
    for q in ["employers", "wage", "paying", "punishes", "punishment"] {
        assert_finds(q, Lang::EN, 10);
    }
    // Article 3: "warns the offender ... may be appealed".
    assert_finds("appeal", Lang::EN, 3);
    assert_finds("warning offenders", Lang::EN, 3);
}

#[test]
fn queries_are_analysed_like_documents() {
    // The query analyser is the document analyser: the terms match exactly.
    let doc = "تُصادَرُ الأَمْوالُ المُتَحَصَّلَةُ";
    assert_eq!(terms("تصادر الاموال المتحصله"), terms(doc));
    // A phrase query is analysed too, and uses positions.
    assert_finds("\"الأموال المتحصلة\"", Lang::AR, 1);
    assert!(find("\"المتحصلة الأموال\"", Lang::AR).is_empty());
    // A field query on an analysed field is analysed.
    assert_finds("heading:\"الألف المقصورة\"", Lang::AR, 5);
    assert_finds("heading:Procedure", Lang::EN, 4);
}
