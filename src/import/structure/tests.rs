use super::*;

fn blocks(lines: &[&str]) -> Vec<Block> {
    lines
        .iter()
        .enumerate()
        .map(|(i, t)| Block {
            text: (*t).to_owned(),
            place: Place::Line(i + 1),
            span: None,
        })
        .collect()
}

fn article_eids(s: &Structure) -> Vec<(bool, String)> {
    s.articles()
        .map(|a| match a {
            Item::Article {
                number, issuing, ..
            } => (*issuing, number.normalised.clone()),
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn stray_parentheses_around_numbers() {
    assert_eq!(balance_parentheses("مادة 1 )))"), "مادة 1");
    assert_eq!(balance_parentheses("المادة ))) ٣"), "المادة ٣");
    assert_eq!(balance_parentheses("مادة ((1)"), "مادة (1)");
    assert_eq!(balance_parentheses("المادة ( ١ )"), "المادة (١)");
    assert_eq!(balance_parentheses("مادة ٢ مكرراً (أ)"), "مادة ٢ مكرراً (أ)");
}

#[test]
fn a_heading_and_its_text_in_one_paragraph() {
    let s = structure(blocks(&[
        "المادة ١ - يعمل بهذا القانون من تاريخ نشره في الجريدة الرسمية.",
        "المادة (٢): تعريفات",
        "نص",
    ]))
    .unwrap();
    assert!(matches!(&s.items[1], Item::Text(b) if b.text.starts_with("يعمل")));
    assert!(matches!(&s.items[2], Item::Article { title: Some(t), .. } if t == "تعريفات"));
}

#[test]
fn citations_are_not_headings() {
    let s = structure(blocks(&[
        "المادة ١",
        "نص",
        "المادة ٥ من هذا القانون تسري.",
        "الباب الثاني من هذا القانون",
    ]))
    .unwrap();
    assert_eq!(s.count_articles(false), 1);
    assert_eq!(s.count_containers(), 0);
}

#[test]
fn issuing_articles_come_before_the_numbering_starts_again() {
    let s = structure(blocks(&[
        "مادة أولى",
        "نص",
        "مادة ثانية",
        "نص",
        "المادة ١",
        "نص",
        "المادة ٢",
        "نص",
    ]))
    .unwrap();
    assert_eq!(
        article_eids(&s),
        [
            (true, "1".into()),
            (true, "2".into()),
            (false, "1".into()),
            (false, "2".into())
        ]
    );
    assert!(matches!(s.items[0], Item::Issuing(None)));
}

#[test]
fn page_furniture_repeated_is_dropped_after_its_first_copy() {
    let s = structure(blocks(&[
        "الجريدة الرسمية - صفحة ١",
        "المادة ١",
        "نص أول.",
        "الجريدة الرسمية - صفحة ٢",
        "المادة ٢",
        "نص ثان.",
        "الجريدة الرسمية - صفحة ٣",
        "المادة (ملغاة)",
    ]))
    .unwrap();
    assert_eq!(s.notes.len(), 2, "{:?}", s.notes);
    assert_eq!(s.furniture, [Place::Line(1)]);
    // Article headings that differ only in their digits are no furniture.
    assert_eq!(s.count_articles(false), 2);
}

#[test]
fn a_container_heading_twice_and_a_title_on_the_next_line() {
    let s = structure(blocks(&[
        "الفصل الأول",
        "أحكام عامة",
        "الفصل الأول - أحكام عامة",
        "المادة ١",
        "نص",
    ]))
    .unwrap();
    assert_eq!(s.count_containers(), 1);
    assert!(
        matches!(&s.items[0], Item::Container { heading, .. } if heading == "الفصل الأول: أحكام عامة")
    );
    assert_eq!(s.notes.len(), 1);
}

#[test]
fn no_article_no_structure() {
    assert!(structure(blocks(&["نص", "الباب الأول"])).is_none());
}
