use super::*;

fn op(text: &str) -> Action {
    match parse_operation(text) {
        Ok((a, _)) => a,
        Err(e) => panic!("{text}: {e:?}"),
    }
}

fn err(text: &str) -> GrammarError {
    parse_operation(text).expect_err(text)
}

fn eid(t: &ArticleTarget) -> String {
    t.eid()
}

#[test]
fn english_article_operations() {
    let Action::ReplaceArticle { article } = op("Replace Article 12") else {
        panic!()
    };
    assert_eq!(eid(&article), "art_12");
    assert_eq!(article.span, 8..18);
    let Action::InsertArticle { article, after } = op("Insert Article 2 ter after Article 2 bis")
    else {
        panic!()
    };
    assert_eq!(
        (eid(&article), eid(&after)),
        ("art_2ter".into(), "art_2bis".into())
    );
    assert!(matches!(
        op("Repeal Article 5."),
        Action::RepealArticle { .. }
    ));
    let Action::RenumberArticle { article, to } = op("Renumber Article 5 as Article 6") else {
        panic!()
    };
    assert_eq!((eid(&article), eid(&to)), ("art_5".into(), "art_6".into()));
    assert!(matches!(
        op("replace article One"),
        Action::ReplaceArticle { .. }
    ));
}

#[test]
fn english_substitutions() {
    let text = "In Article 2, substitute \"fifteen years'\" with “at least fifteen years'”";
    let Action::Substitute {
        article,
        find,
        with,
        occurrence,
    } = op(text)
    else {
        panic!()
    };
    assert_eq!(eid(&article), "art_2");
    assert_eq!(find.text, "fifteen years'");
    assert_eq!(&text[find.span.clone()], "\"fifteen years'\"");
    assert_eq!(with.text, "at least fifteen years'");
    assert_eq!(occurrence, Occurrence::Only);
    let Action::Substitute {
        occurrence, with, ..
    } = op("In Article 13 substitute «may» with \"\" (occurrence 2)")
    else {
        panic!()
    };
    assert!(matches!(occurrence, Occurrence::Nth { n: 2, .. }));
    assert_eq!(with.text, "");
    let Action::Substitute { occurrence, .. } =
        op("In Article 3, substitute \"a\" with \"b\" (all)")
    else {
        panic!()
    };
    assert_eq!(occurrence, Occurrence::All);
}

#[test]
fn english_paragraph_operations() {
    let Action::ReplaceParagraph { article, paragraph } = op("Replace Article 4 paragraph 2")
    else {
        panic!()
    };
    assert_eq!((eid(&article), paragraph.num), ("art_4".into(), 2));
    let Action::InsertParagraph { article, after } =
        op("Insert paragraph after Article 4 paragraph (1)")
    else {
        panic!()
    };
    assert_eq!((eid(&article), after.num), ("art_4".into(), 1));
    assert!(matches!(
        op("Repeal Article 4 paragraph 3"),
        Action::RepealParagraph { .. }
    ));
}

#[test]
fn arabic_operations() {
    let (a, lang) = parse_operation("استبدال المادة ١٢").unwrap();
    assert_eq!(lang, Lang::AR);
    assert_eq!(eid(a.article()), "art_12");
    let Action::InsertArticle { article, after } = op("إضافة المادة 11 مكرراً بعد المادة 11")
    else {
        panic!()
    };
    assert_eq!(
        (eid(&article), eid(&after)),
        ("art_11bis".into(), "art_11".into())
    );
    assert!(matches!(
        op("إلغاء المادة (٥)"),
        Action::RepealArticle { .. }
    ));
    let Action::RenumberArticle { to, .. } = op("إعادة ترقيم المادة 5 إلى المادة 6")
    else {
        panic!()
    };
    assert_eq!(eid(&to), "art_6");
    let Action::ReplaceParagraph { paragraph, article } = op("استبدال الفقرة الثانية من المادة ٤")
    else {
        panic!()
    };
    assert_eq!((eid(&article), paragraph.num), ("art_4".into(), 2));
    let Action::InsertParagraph { after, .. } = op("إضافة فقرة بعد الفقرة ١ من المادة ٤")
    else {
        panic!()
    };
    assert_eq!(after.num, 1);
    assert!(matches!(
        op("إلغاء الفقرة 2 من المادة 4"),
        Action::RepealParagraph { .. }
    ));
}

#[test]
fn a_language_file_adds_the_forms_of_its_operations() {
    let text = "code = \"zo\"\niso639-2 = \"zoo\"\nname = \"Zo\"\n\n[operations]\n\
                replace-article = \"Swap {article}\"\n\
                substitute = \"At {article}, trade {find} for {with}\"\n\
                occurrence = \"time {n}\"\nall = \"every\"\n";
    let file = crate::lang::read_language_file("languages/zo.toml", text).unwrap();
    let zo = crate::lang::register(file).unwrap();
    let (action, lang) = parse_operation("Swap Article 12").unwrap();
    assert_eq!(lang, zo);
    assert!(matches!(action, Action::ReplaceArticle { .. }));
    let (action, _) = parse_operation("At Article 3 trade \"a\" for \"b\" (time 2)").unwrap();
    let Action::Substitute { occurrence, .. } = action else {
        panic!()
    };
    assert!(matches!(occurrence, Occurrence::Nth { n: 2, .. }));
    let e = err("At Article 3, trade \"a\" for \"b\" (sometimes)");
    assert_eq!(
        e.message,
        "expected `time N` or `every`, found `sometimes)`"
    );
    // The built-in languages read as before.
    assert!(matches!(
        op("Replace Article 12").article().eid().as_str(),
        "art_12"
    ));
}

#[test]
fn a_form_must_hold_the_values_of_its_operation() {
    let bad = |form: &str| {
        let text = format!("code = \"zq\"\nname = \"Zq\"\n[operations]\n{form}\n");
        crate::lang::read_language_file("languages/zq.toml", &text)
            .unwrap_err()
            .message
    };
    assert!(bad("replace-article = \"Swap\"").contains("must hold {article}"));
    assert!(bad("insert-article = \"Put {article}\"").contains("{article} {previous}"));
    assert!(bad("frobnicate = \"x\"").contains("is not an operation"));
}

#[test]
fn arabic_substitutions() {
    let text = "في المادة ١٣، يستبدل «خمس عشرة سنة» بـ «عشرين سنة» (المرة ٢)";
    let Action::Substitute {
        find,
        with,
        occurrence,
        ..
    } = op(text)
    else {
        panic!()
    };
    assert_eq!(find.text, "خمس عشرة سنة");
    assert_eq!(with.text, "عشرين سنة");
    assert!(matches!(occurrence, Occurrence::Nth { n: 2, .. }));
    let Action::Substitute {
        occurrence, with, ..
    } = op("في المادة 2، يستبدل «أ» ب«ب» (الكل)")
    else {
        panic!()
    };
    assert_eq!(occurrence, Occurrence::All);
    assert_eq!(with.text, "ب");
    assert!(matches!(
        op("في المادة 2 يستبدل \"أ\" بـ\"ب\""),
        Action::Substitute { .. }
    ));
}

/// Found by the amendment fuzzer: an error at the end of a heading that
/// ends in a two-byte character (`»`) sliced inside that character.
#[test]
fn fuzz_error_at_the_end_after_a_closing_guillemet_is_whole() {
    let text = "في المادة ٩، يستبدل «الرعاية النفسية»";
    let e = err(text);
    assert!(
        e.message.ends_with("at the end of the heading"),
        "{}",
        e.message
    );
    assert_eq!(&text[e.span], "»");
}

#[test]
fn errors_say_where_and_what() {
    let e = err("Replce Article 2");
    assert_eq!(e.span, 0..6);
    assert!(e.help.unwrap().starts_with("did you mean `Replace`?"));
    let text = "Insert Article 3 before Article 2";
    let e = err(text);
    assert_eq!(e.message, "expected `after`, found `before`");
    assert_eq!(&text[e.span], "before");
    let e = err("In Article 2, substitute \"x\" by \"y\"");
    assert_eq!(e.message, "expected `with`, found `by`");
    let e = err("In Article 2, substitute \"x with \"y\"");
    assert!(e.message.starts_with("expected `with`"), "{}", e.message);
    let e = err("In Article 2, substitute «x with y");
    assert_eq!(e.message, "the quotation is not closed: expected `»`");
    let e = err("Repeal Article 2 and Article 3");
    assert_eq!(
        e.message,
        "unexpected text after the operation: `and Article 3`"
    );
    let e = err("Replace Article");
    assert_eq!(
        e.message,
        "expected an article, like `Article 2` or `المادة ٢ مكرراً`, found `Article`"
    );
    let e = err("In Article 2, substitute \"\" with \"y\"");
    assert_eq!(e.message, "there are no words to substitute");
    let e = err("In Article 2, substitute \"x\" with \"y\" (occurrence 0)");
    assert_eq!(e.message, "numbers here count from 1");
    let e = err("Renumber Article 2 as");
    assert!(
        e.message.ends_with("at the end of the heading"),
        "{}",
        e.message
    );
}
