//! Each clause form the gazette uses, read.

use super::*;

fn n(s: &str) -> String {
    match read(s) {
        Reading::Ops(ops, _) => format!("{ops:?}"),
        other => format!("{other:?}"),
    }
}

fn ops(s: &str) -> Vec<Op> {
    match read(s) {
        Reading::Ops(ops, _) => ops,
        other => panic!("{s}: {other:?}"),
    }
}

fn num(ops: &[Op]) -> Vec<String> {
    ops.iter()
        .map(|o| match o {
            Op::ReplaceArticle(a)
            | Op::Repeal(a)
            | Op::ReplaceParagraph(a, _)
            | Op::RepealParagraph(a, _)
            | Op::InsertParagraph(a, _)
            | Op::InsertArticle { article: a, .. }
            | Op::Substitute { article: a, .. } => a.normalised.clone(),
        })
        .collect()
}

#[test]
fn replace_article_arabic_with_and_without_diacritics_and_parentheses() {
    for s in [
        "يستبدل بنص المادة (٥) من القانون رقم ١٢ لسنة ٢٠٢٠ المشار إليه النص الآتي:",
        "يُستبدَل بنص المادة 5 من القانون المشار إليه النص الآتي:",
        "تستبدل بنص المادة الخامسة من القانون النص التالي:",
    ] {
        let o = ops(s);
        assert!(
            matches!(&o[..], [Op::ReplaceArticle(a)] if a.normalised == "5"),
            "{s}"
        );
    }
}

#[test]
fn replace_several_articles() {
    let o = ops("يستبدل بنصوص المواد (٣) و(٧) و(٩) من القانون المشار إليه النصوص الآتية:");
    assert_eq!(num(&o), ["3", "7", "9"]);
    let o = ops("Articles 3 and 4 of the Law are replaced by the following:");
    assert_eq!(num(&o), ["3", "4"]);
}

#[test]
fn replace_paragraph() {
    let o = ops("يستبدل بنص الفقرة الثانية من المادة (٤) من القانون النص الآتي:");
    assert!(matches!(&o[..], [Op::ReplaceParagraph(a, 2)] if a.normalised == "4"));
    let o = ops("Paragraph 2 of Article 4 is replaced by the following:");
    assert!(matches!(&o[..], [Op::ReplaceParagraph(a, 2)] if a.normalised == "4"));
}

#[test]
fn insert_article_bis_after_its_base() {
    let o = ops("تضاف إلى القانون المشار إليه مادة جديدة برقم (١٢ مكرراً) نصها الآتي:");
    match &o[..] {
        [Op::InsertArticle { article, after }] => {
            assert_eq!(article.normalised, "12bis");
            assert_eq!(after.normalised, "12");
            assert_eq!(after.display, "١٢");
        }
        other => panic!("{other:?}"),
    }
    let o = ops("يضاف إلى القانون مادة جديدة برقم 8 مكرر نصها الآتي:");
    assert_eq!(num(&o), ["8bis"]);
}

#[test]
fn a_lettered_article_follows_the_letter_before() {
    let o = ops("تضاف مادة جديدة برقم (٣ مكرراً (ب)) نصها الآتي:");
    match &o[..] {
        [Op::InsertArticle { article, after }] => {
            assert_eq!(article.normalised, "3bis_b");
            assert_eq!(after.normalised, "3bis_a");
            assert_eq!(after.display, "٣ مكرراً (أ)");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn insert_two_articles_in_a_row() {
    let o = ops("تضاف إلى القانون مادتان جديدتان برقمي (٦ مكرراً) و(٦ مكرراً أ) نصهما الآتي:");
    match &o[..] {
        [
            Op::InsertArticle {
                article: a,
                after: x,
            },
            Op::InsertArticle {
                article: b,
                after: y,
            },
        ] => {
            assert_eq!(
                (a.normalised.as_str(), x.normalised.as_str()),
                ("6bis", "6")
            );
            assert_eq!(
                (b.normalised.as_str(), y.normalised.as_str()),
                ("6bis_a", "6bis")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn insert_article_english() {
    let o = ops("The following article is inserted after Article 7:");
    assert!(matches!(&o[..], [Op::InsertArticle { after, .. }] if after.normalised == "7"));
    let o = ops("A new Article 7 bis is inserted after Article 7 as follows:");
    match &o[..] {
        [Op::InsertArticle { article, after }] => {
            assert_eq!(article.normalised, "7bis");
            assert_eq!(after.normalised, "7");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn repeal() {
    assert_eq!(
        num(&ops("تلغى المادة (١٥) من القانون المشار إليه.")),
        ["15"]
    );
    assert_eq!(num(&ops("تُلغى المادتان ١٦ و١٧ من القانون.")), ["16", "17"]);
    assert_eq!(num(&ops("Article 20 of the Law is repealed.")), ["20"]);
    assert_eq!(
        num(&ops("Articles 21, 22 and 23 are repealed.")),
        ["21", "22", "23"]
    );
    let o = ops("تلغى الفقرة الثالثة من المادة (٩) من القانون.");
    assert!(matches!(&o[..], [Op::RepealParagraph(a, 3)] if a.normalised == "9"));
}

#[test]
fn substitute_words_old_is_marked_with_ba() {
    let o = ops(
        "يستبدل بعبارة «وزير الداخلية» الواردة في المادة (٣) من القانون عبارة «الوزير المختص».",
    );
    assert!(
        matches!(&o[..], [Op::Substitute { find, with, all: false, .. }]
        if find == "وزير الداخلية" && with == "الوزير المختص")
    );
    let o = ops("يستبدل بكلمة \"شهر\" الواردة في المادة 4 كلمة \"شهرين\" أينما وردت.");
    assert!(
        matches!(&o[..], [Op::Substitute { find, with, all: true, .. }] if find == "شهر" && with == "شهرين")
    );
    let o = ops("تستبدل عبارة «الهيئة العامة» بعبارة «الإدارة» الواردة في المادة (٢).");
    assert!(
        matches!(&o[..], [Op::Substitute { find, with, .. }] if find == "الإدارة" && with == "الهيئة العامة")
    );
}

#[test]
fn substitute_words_english() {
    let o = ops("In Article 6, the words \"thirty days\" are replaced by \"sixty days\".");
    assert!(
        matches!(&o[..], [Op::Substitute { find, with, .. }] if find == "thirty days" && with == "sixty days")
    );
    let o =
        ops("In Article 6, the words “the Minister” are substituted for the words “the Director”.");
    assert!(
        matches!(&o[..], [Op::Substitute { find, with, .. }] if find == "the Director" && with == "the Minister")
    );
}

#[test]
fn insert_paragraph() {
    let o = ops("يضاف إلى المادة (١٠) من القانون فقرة جديدة نصها الآتي:");
    assert!(matches!(&o[..], [Op::InsertParagraph(a, Position::End)] if a.normalised == "10"));
    let o = ops("يضاف إلى المادة ١٠ بند جديد برقم (٤) نصه الآتي:");
    assert_eq!(num(&o), ["10"]);
    let o = ops("تضاف إلى المادة (١٠) فقرة جديدة بعد الفقرة الأولى نصها الآتي:");
    assert!(matches!(
        &o[..],
        [Op::InsertParagraph(_, Position::After(1))]
    ));
    let o = ops("In Article 10, the following new paragraph is added after paragraph 2:");
    assert!(matches!(
        &o[..],
        [Op::InsertParagraph(_, Position::After(2))]
    ));
}

#[test]
fn execution_clauses_are_not_operations() {
    for s in [
        "على الوزراء - كل فيما يخصه - تنفيذ هذا القانون، ويعمل به من تاريخ نشره في الجريدة الرسمية.",
        "يُلغى كل حكم يخالف أحكام هذا القانون.",
        "The Ministers, each within his competence, shall implement this Law, which shall come into force on the date of its publication in the Official Gazette.",
    ] {
        assert_eq!(read(s), Reading::Execution, "{s}");
    }
}

#[test]
fn an_item_is_not_read_as_its_article() {
    assert_eq!(
        n("يستبدل بنص البند (ب) من المادة (٢٣) من القانون النص الآتي:"),
        "Unknown"
    );
    assert_eq!(n("تلغى الفقرة (أ) من المادة (٢٣)."), "Unknown");
}

#[test]
fn substitute_words_colloquial_order_follows_the_words_cited() {
    let o = ops("تستبدل عبارة «خمسين ديناراً» الواردة في المادة (١١) بعبارة «مائة دينار».");
    assert!(
        matches!(&o[..], [Op::Substitute { find, with, .. }] if find == "خمسين ديناراً" && with == "مائة دينار")
    );
}

#[test]
fn unknown_clauses_are_not_guessed() {
    assert_eq!(
        n("تعاد صياغة الباب الثالث بما يتفق مع أحكام هذا القانون."),
        "Unknown"
    );
    assert_eq!(n("يستبدل بعبارة «أ» عبارة «ب»."), "Unknown");
}

#[test]
fn enumerators_are_skipped() {
    assert_eq!(strip_enumerator("١- تلغى المادة ٣"), "تلغى المادة ٣");
    assert_eq!(
        strip_enumerator("(2) Article 3 is repealed"),
        "Article 3 is repealed"
    );
    assert_eq!(strip_enumerator("ثانياً: تلغى المادة ٣"), "تلغى المادة ٣");
}

#[test]
fn inline_text_after_the_colon() {
    match read("Article 5 is replaced by the following: \"5. The fee is ten dinars.\"") {
        Reading::Ops(_, Some(t)) => assert!(t.contains("ten dinars")),
        other => panic!("{other:?}"),
    }
}
