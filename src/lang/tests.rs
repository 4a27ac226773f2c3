use super::*;
use crate::date::Date;
use crate::ids::uri::{iso639_1_of, iso639_2_of};

#[test]
fn built_in_languages_come_first_in_order() {
    assert_eq!(Lang::EN.code(), "en");
    assert_eq!(Lang::AR.code(), "ar");
    assert!(Lang::EN < Lang::AR);
    assert!(Lang::AR.is_rtl() && !Lang::EN.is_rtl());
    assert_eq!(Lang::from_code("ar"), Some(Lang::AR));
    assert_eq!(Lang::from_code("xx"), None);
}

#[test]
fn language_codes_map_to_iso_639_2_both_ways() {
    for lang in [Lang::EN, Lang::AR] {
        assert_eq!(iso639_2_of(lang.code()), Some(lang.iso639_2()));
        assert_eq!(iso639_1_of(lang.iso639_2()), Some(lang.code()));
        assert_eq!(Lang::from_iso639_2(lang.iso639_2()), Some(lang));
    }
    assert_eq!(Lang::from_iso639_2("qqq"), None);
}

#[test]
fn every_built_in_message_exists_in_both_languages() {
    let en = &Lang::EN.def().messages;
    let ar = &Lang::AR.def().messages;
    let only_en: Vec<_> = en.keys().filter(|k| !ar.contains_key(*k)).collect();
    let only_ar: Vec<_> = ar.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "English only: {only_en:?}");
    assert!(only_ar.is_empty(), "Arabic only: {only_ar:?}");
    for (key, text) in ar {
        assert!(!text.trim().is_empty(), "{key} has no Arabic");
        assert!(!en[key].trim().is_empty(), "{key} has no English");
        let latin_only = key.starts_with("punct.");
        assert!(
            latin_only || text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{key}: the Arabic text has no Arabic letters"
        );
    }
}

#[test]
fn no_built_in_message_names_a_jurisdiction() {
    for lang in [Lang::EN, Lang::AR] {
        for (key, text) in &lang.def().messages {
            assert!(
                !text.contains("Kuwait") && !text.contains("الكويت"),
                "{key} names a country; it comes from mizan.toml"
            );
        }
    }
}

#[test]
fn messages_fall_back_to_english_then_to_the_key() {
    assert_eq!(Lang::AR.t("status.missing"), "غائب");
    assert_eq!(Lang::EN.t("status.missing"), "Missing");
    assert_eq!(Lang::AR.t("no.such.key"), "no.such.key");
    assert_eq!(
        format::fill("{a} and {b} and {c", &[("a", "1"), ("b", "2")]),
        "1 and 2 and {c"
    );
    assert_eq!(format::fill("{x}", &[]), "{x}");
}

#[test]
fn a_new_language_registers_and_falls_back_to_english() {
    let text = "code = \"zz\"\niso639-2 = \"zzz\"\nname = \"Zed\"\n\n[messages]\n\"status.missing\" = \"Zmissing\"\n";
    let file = read_language_file("languages/zz.toml", text).unwrap();
    let zz = register(file.clone()).unwrap();
    assert_eq!(
        register(file).unwrap(),
        zz,
        "registering again is the same language"
    );
    assert_eq!(zz.code(), "zz");
    assert!(zz > Lang::AR);
    assert_eq!(zz.t("status.missing"), "Zmissing");
    assert_eq!(zz.t("status.full"), "Full");
    assert_eq!(Lang::from_iso639_2("zzz"), Some(zz));
    let d = Date::new(2013, 3, 17).unwrap();
    assert_eq!(date(zz, Numerals::Western, d), "17 March 2013");
}

#[test]
fn bad_language_files_say_what_is_wrong() {
    let e = read_language_file("languages/fr.toml", "code = \"de\"\nname = \"x\"\n").unwrap_err();
    assert!(e.message.contains("named after its code"), "{}", e.message);
    let e = read_language_file("languages/FR.toml", "code = \"FR\"\n").unwrap_err();
    assert!(e.message.contains("not a language code"), "{}", e.message);
    let e = read_language_file("languages/fr.toml", "code = \"fr\"\nnmae = \"x\"\n").unwrap_err();
    assert!(e.message.contains("unknown field"), "{}", e.message);
    let e =
        read_language_file("languages/fr.toml", "code = \"fr\"\nmonths = [\"a\"]\n").unwrap_err();
    assert!(e.message.contains("twelve"), "{}", e.message);
    let f = read_language_file("languages/qq.toml", "code = \"qq\"\n").unwrap();
    let e = f.into_language(None).unwrap_err();
    assert!(e.contains("no `name`"), "{e}");
}

#[test]
fn numbers_and_dates_follow_the_numerals() {
    let (ai, w) = (Numerals::ArabicIndic, Numerals::Western);
    assert_eq!(number(ai, 2013), "٢٠١٣");
    assert_eq!(number(w, 2013), "2013");
    assert_eq!(percent(ai, 0.724), "٧٢٪");
    assert_eq!(percent(w, 1.5), "100%");
    assert_eq!(decimal(ai, 0.25), "٠٫٢٥");
    assert_eq!(decimal(w, 1.0), "1");
    assert_eq!(decimal(w, 0.8), "0.8");
    let d = Date::new(2013, 3, 17).unwrap();
    assert_eq!(date(Lang::AR, ai, d), "١٧ مارس ٢٠١٣");
    assert_eq!(date(Lang::AR, w, d), "17 مارس 2013");
    assert_eq!(date(Lang::EN, w, d), "17 March 2013");
}

#[test]
fn sizes_are_written_in_each_languages_units() {
    let (ai, w) = (Numerals::ArabicIndic, Numerals::Western);
    assert_eq!(size(Lang::AR, ai, 108_710), "١٠٦\u{a0}ك.ب");
    assert_eq!(size(Lang::EN, w, 108_710), "106\u{a0}KB");
    assert_eq!(size(Lang::AR, ai, 512), "٥١٢\u{a0}بايت");
    assert_eq!(size(Lang::AR, ai, 3 * 1024 * 1024 / 2), "١٫٥\u{a0}م.ب");
    assert_eq!(size(Lang::EN, w, 1024 * 1024), "1\u{a0}MB");
}

#[test]
fn the_built_in_files_list_their_messages_in_key_order() {
    for (_, text) in super::BUILT_IN_FILES {
        let keys: Vec<&str> = text
            .split("[messages]")
            .nth(1)
            .unwrap()
            .lines()
            .filter_map(|l| l.strip_prefix('"')?.split('"').next())
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "a translator finds a key by its place");
    }
}

#[test]
fn the_built_in_number_words_write_ordinals() {
    let old = "أولى، ثانية، ثالثة، رابعة، خامسة، سادسة، سابعة، ثامنة، تاسعة، عاشرة";
    for (i, word) in old.split("، ").enumerate() {
        assert_eq!(Lang::AR.ordinal(i as u32 + 1).as_deref(), Some(word));
    }
    for (n, words) in [
        (11, "حادية عشرة"),
        (12, "ثانية عشرة"),
        (20, "عشرون"),
        (21, "حادية وعشرون"),
        (100, "مائة"),
        (101, "أولى بعد المائة"),
        (222, "ثانية وعشرون بعد المائتين"),
    ] {
        assert_eq!(Lang::AR.ordinal(n).as_deref(), Some(words), "{n}");
    }
    for (n, words) in [(1, "One"), (21, "Twenty-One"), (101, "One Hundred and One")] {
        assert_eq!(Lang::EN.ordinal(n).as_deref(), Some(words), "{n}");
    }
    assert_eq!(Lang::AR.ordinal(0), None);
    assert_eq!(Lang::AR.ordinal(1000), None);
    // That each reads back: corpus::heading's tests.
}

/// A language file's number words, as the proposal writes them (read by
/// headings: corpus::heading's tests).
#[test]
fn a_language_files_number_words_are_written() {
    let text = r#"code = "ew"
iso639-2 = "ewx"
name = "Esperanto"

[numbers]
grammar = "english"
units = [["unu", "unua"], ["du", "dua"], ["tri", "tria"]]
tens = [["dudek", "dudeka"]]
hundred = ["cent"]
and = ["kaj"]
"#;
    let ew = register(read_language_file("languages/ew.toml", text).unwrap()).unwrap();
    assert_eq!(ew.ordinal(2).as_deref(), Some("Du"));
    assert_eq!(ew.ordinal(21).as_deref(), Some("Dudek-Unu"));
    assert_eq!(ew.ordinal(201).as_deref(), Some("Du Cent kaj Unu"));
    assert_eq!(ew.ordinal(4), None, "no word for four");
}

#[test]
fn a_malformed_numbers_table_says_where() {
    let units: Vec<String> = (0..20).map(|i| format!("[\"w{i}\"]")).collect();
    let text = format!(
        "code = \"qn\"\nname = \"Q\"\n\n[numbers]\ngrammar = \"english\"\nunits = [{}]\n",
        units.join(", ")
    );
    let e = read_language_file("languages/qn.toml", &text).unwrap_err();
    assert!(e.message.contains("at most 19"), "{}", e.message);
    let at = text.find("units").unwrap();
    assert_eq!(e.span, Some(at..at + 5));
    let e = read_language_file(
        "languages/qn.toml",
        "code = \"qn\"\n[numbers]\ngrammar = \"roman\"\n",
    )
    .unwrap_err();
    assert!(e.message.contains("unknown variant"), "{}", e.message);
    assert!(e.span.is_some());
    let e = read_language_file("languages/qn.toml", "code = \"qn\"\n[numbers]\nunit = []\n")
        .unwrap_err();
    assert!(e.message.contains("unknown field `unit`"), "{}", e.message);
    let f = read_language_file(
        "languages/qn.toml",
        "code = \"qn\"\nname = \"Q\"\n[numbers]\nunits = [[\"a\"]]\n",
    )
    .unwrap();
    let e = f.into_language(None).unwrap_err();
    assert!(e.starts_with("`[numbers]`") && e.contains("grammar"), "{e}");
}

#[test]
fn issuing_headings_are_the_languages_headings() {
    assert!(is_issuing_heading("مواد الإصدار"));
    assert!(is_issuing_heading("Articles of promulgation:"));
    assert!(!is_issuing_heading("مواد أخرى"));
    assert_eq!(
        heading_word("مواد"),
        None,
        "a whole heading, not a first word"
    );
}

#[test]
fn point_letters_must_stand_for_the_latin_letter_of_their_place() {
    let ok = read_language_file(
        "languages/fr.toml",
        "code = \"fr\"\npoint-letters = [\"a\", \"b\"]\n",
    );
    assert!(ok.is_ok(), "{ok:?}");
    let e = read_language_file(
        "languages/fr.toml",
        "code = \"fr\"\npoint-letters = [\"a\", \"c\"]\n",
    )
    .unwrap_err();
    assert!(e.message.contains("place 2"), "{}", e.message);
    assert_eq!(e.span, Some(12..25));
}

/// build.rs compiles the built-in files in parsed form: the same files as
/// the TOML read at run time gives (a broken built-in file fails here, with
/// the message a workspace's file would get), and the same fingerprint.
#[test]
fn the_built_in_files_compiled_in_are_the_files() {
    for ((name, text), json) in super::BUILT_IN_FILES.iter().zip(super::BUILT_IN_PARSED) {
        let read = super::read_language_file(name, text)
            .unwrap_or_else(|e| panic!("{name}: {}", e.message));
        assert_eq!(super::built_in_file(name, json), read, "{name}");
    }
    let mut all = Vec::new();
    for (name, text) in super::BUILT_IN_FILES {
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(text.as_bytes());
        all.push(0);
    }
    // FNV-1a 64, written out: `lang` is a foundation and imports no other.
    let fnv = all.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    assert_eq!(super::BUILT_IN_FINGERPRINT, fnv);
}

#[test]
fn the_built_in_codes_are_the_files_codes() {
    let made = super::parse_built_in();
    let codes: Vec<&str> = made.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, super::BUILT_IN_CODES);
    for (i, name) in super::BUILT_IN_FILES.iter().map(|(n, _)| n).enumerate() {
        assert_eq!(*name, format!("i18n/{}.toml", super::BUILT_IN_CODES[i]));
    }
}

#[test]
fn the_built_in_messages_alone_are_the_files_messages() {
    for (i, made) in super::parse_built_in().iter().enumerate() {
        let alone = super::BUILT_IN_MESSAGES[i];
        assert!(alone.windows(2).all(|w| w[0].0 < w[1].0), "in key order");
        let alone: std::collections::BTreeMap<String, String> = alone
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(alone, made.messages, "{}", made.code);
    }
}

#[test]
fn the_built_in_heading_words_alone_are_the_files_tables() {
    for (i, made) in super::parse_built_in().iter().enumerate() {
        let words = super::built_in_words(i);
        assert_eq!(words.heading_index, made.heading_index, "{}", made.code);
        assert_eq!(words.issuing, made.issuing, "{}", made.code);
        let forms = super::BUILT_IN_WORDS[i].1;
        assert!(forms.windows(2).all(|w| w[0].0 < w[1].0), "in key order");
        let forms: std::collections::BTreeMap<String, String> = forms
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(forms, made.operations, "{}", made.code);
    }
}
