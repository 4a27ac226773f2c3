//! The grammar as a table: every form, valid and invalid, with its parts;
//! and a property: writing a URI and parsing it back gives the same parts.

use proptest::prelude::*;

use super::*;

/// The parts of a parsed URI, flattened for the table:
/// (work, locality, subtype, actor, date, number, language, version,
/// components, portion, format).
type Parts = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

fn parts_of(u: &FrbrUri) -> String {
    format!(
        "{} {:?} {:?} {:?} {} {} {:?} {} {} {:?} {:?}",
        u.work,
        u.work.locality(),
        u.work.subtype(),
        u.work.actor(),
        u.work.date(),
        u.work.number(),
        u.expression.as_ref().map(|e| e.language.as_str()),
        u.expression
            .as_ref()
            .map_or("-".to_owned(), |e| match e.version {
                PointInTime::Latest => "latest".to_owned(),
                PointInTime::Original => "original".to_owned(),
                PointInTime::At(d) => format!("at {d}"),
                PointInTime::Amended(d) => format!("amended {d}"),
            }),
        u.components.join("/"),
        u.portion.as_deref(),
        u.format.map(UriFormat::extension),
    )
}

fn expected(p: Parts) -> String {
    format!(
        "{} {:?} {:?} {:?} {} {} {:?} {} {} {:?} {:?}",
        p.0, p.1, p.2, p.3, p.4, p.5, p.6, p.7, p.8, p.9, p.10
    )
}

const W: &str = "/akn/kw/act/2013/91";

#[rustfmt::skip]
const VALID: &[(&str, Parts)] = &[
    // Works.
    ("/akn/kw/act/2013/91", (W, None, None, None, "2013", "91", None, "-", "", None, None)),
    ("/akn/kw-xx/act/2013/91", ("/akn/kw-xx/act/2013/91", Some("xx"), None, None, "2013", "91", None, "-", "", None, None)),
    ("/akn/kw/act/decree-law/2024/114", ("/akn/kw/act/decree-law/2024/114", None, Some("decree-law"), None, "2024", "114", None, "-", "", None, None)),
    ("/akn/kw/act/amiri-decree/1980-02-01/5", ("/akn/kw/act/amiri-decree/1980-02-01/5", None, Some("amiri-decree"), None, "1980-02-01", "5", None, "-", "", None, None)),
    ("/akn/kw/act/by-law/actor/2001/3", ("/akn/kw/act/by-law/actor/2001/3", None, Some("by-law"), Some("actor"), "2001", "3", None, "-", "", None, None)),
    ("/akn/kw/act/1980-02-01/nn", ("/akn/kw/act/1980-02-01/nn", None, None, None, "1980-02-01", "nn", None, "-", "", None, None)),
    ("/akn/kw/act/2013/01", ("/akn/kw/act/2013/01", None, None, None, "2013", "01", None, "-", "", None, None)),
    ("/akn/za-cpt/act/by-law/2019/5319", ("/akn/za-cpt/act/by-law/2019/5319", Some("cpt"), Some("by-law"), None, "2019", "5319", None, "-", "", None, None)),
    ("/akn/kw/bill/2024/12a", ("/akn/kw/bill/2024/12a", None, None, None, "2024", "12a", None, "-", "", None, None)),
    // Expressions.
    ("/akn/kw/act/2013/91/eng", (W, None, None, None, "2013", "91", Some("eng"), "latest", "", None, None)),
    ("/akn/kw/act/2013/91/ara", (W, None, None, None, "2013", "91", Some("ara"), "latest", "", None, None)),
    ("/akn/kw/act/2013/91/eng@", (W, None, None, None, "2013", "91", Some("eng"), "original", "", None, None)),
    ("/akn/kw/act/2013/91/ara@2013-03-17", (W, None, None, None, "2013", "91", Some("ara"), "at 2013-03-17", "", None, None)),
    ("/akn/kw/act/2013/91/eng:2019-04-09", (W, None, None, None, "2013", "91", Some("eng"), "amended 2019-04-09", "", None, None)),
    // Portions.
    ("/akn/kw/act/2013/91/~art_2", (W, None, None, None, "2013", "91", None, "-", "", Some("art_2"), None)),
    ("/akn/kw/act/2013/91/~chp_1__art_3", (W, None, None, None, "2013", "91", None, "-", "", Some("chp_1__art_3"), None)),
    ("/akn/kw/act/2013/91/~art_2bis__para_1__point_a", (W, None, None, None, "2013", "91", None, "-", "", Some("art_2bis__para_1__point_a"), None)),
    ("/akn/kw/act/2013/91/eng/~art_2", (W, None, None, None, "2013", "91", Some("eng"), "latest", "", Some("art_2"), None)),
    ("/akn/kw/act/2013/91/ara@2013-03-17/~art_2", (W, None, None, None, "2013", "91", Some("ara"), "at 2013-03-17", "", Some("art_2"), None)),
    ("/akn/kw/act/2013/91/eng@/~art_13", (W, None, None, None, "2013", "91", Some("eng"), "original", "", Some("art_13"), None)),
    // Components, alone, nested and with a portion.
    ("/akn/kw/act/2013/91/!main", (W, None, None, None, "2013", "91", None, "-", "main", None, None)),
    ("/akn/kw/act/2013/91/!schedule1", (W, None, None, None, "2013", "91", None, "-", "schedule1", None, None)),
    ("/akn/kw/act/2013/91/!main~art_2", (W, None, None, None, "2013", "91", None, "-", "main", Some("art_2"), None)),
    ("/akn/kw/act/2013/91/!main/~art_2", (W, None, None, None, "2013", "91", None, "-", "main", Some("art_2"), None)),
    ("/akn/kw/act/2013/91/eng@2013-03-17/!main", (W, None, None, None, "2013", "91", Some("eng"), "at 2013-03-17", "main", None, None)),
    ("/akn/kw/act/2013/91/eng/!schedule1/!part1", (W, None, None, None, "2013", "91", Some("eng"), "latest", "schedule1/part1", None, None)),
    ("/akn/kw/act/2013/91/eng/!main~chp_1__art_3", (W, None, None, None, "2013", "91", Some("eng"), "latest", "main", Some("chp_1__art_3"), None)),
    // Formats.
    ("/akn/kw/act/2013/91/eng@2013-03-17/!main.xml", (W, None, None, None, "2013", "91", Some("eng"), "at 2013-03-17", "main", None, Some("xml"))),
    ("/akn/kw/act/2013/91/eng@2013-03-17/main.xml", (W, None, None, None, "2013", "91", Some("eng"), "at 2013-03-17", "main", None, Some("xml"))),
    ("/akn/kw/act/2013/91/eng.html", (W, None, None, None, "2013", "91", Some("eng"), "latest", "", None, Some("html"))),
    ("/akn/kw/act/2013/91.akn", (W, None, None, None, "2013", "91", None, "-", "", None, Some("akn"))),
    ("/akn/kw/act/2013/91/ara@2013-03-17/~art_2.html", (W, None, None, None, "2013", "91", Some("ara"), "at 2013-03-17", "", Some("art_2"), Some("html"))),
];

/// Invalid forms: the text, the segment the error points at, and a word
/// the message holds.
const INVALID: &[(&str, &str, &str)] = &[
    ("", "", "empty"),
    ("/akn/kw/act/2013/91/", "/", "trailing slash"),
    ("/akn/kw/act/2013/91/eng/~art_2/", "/", "trailing slash"),
    ("akn/kw/act/2013/91", "akn", "leading slash"),
    (
        "https://example.org/akn/kw/act/2013/91",
        "https:",
        "path only",
    ),
    ("/akn/KW/act/2013/91", "KW", "country"),
    ("/akn/kuw/act/2013/91", "kuw", "country"),
    ("/akn/kw/act/13/91", "13", "date"),
    ("/akn/kw/act/2013-02-30/91", "2013-02-30", "date"),
    ("/akn/kw/act", "", "ends before"),
    ("/akn/kw/act/2013", "", "number is missing"),
    ("/akn/kw/act/decree-law/2024", "", "number is missing"),
    ("/akn/kw/act/a/b/c/2013/91", "c", "at most"),
    ("/akn/kw/Act/2013/91", "Act", "document type"),
    ("/akn/kw//act/2013/91", "/", "empty segment"),
    ("/akn/kw/act/2013/9_1", "9_1", "number"),
    (
        "/akn/kw/act/2013/91@2013-03-17",
        "91@2013-03-17",
        "expression",
    ),
    ("/akn/kw/act/2013/91/en@2013-03-17", "en", "ISO 639-2"),
    ("/akn/kw/act/2013/91/e1g", "e1g", "language code"),
    (
        "/akn/kw/act/2013/91/eng@2013-13-01",
        "2013-13-01",
        "not a date",
    ),
    ("/akn/kw/act/2013/91/eng:", ":", "needs the date"),
    ("/akn/kw/act/2013/91/art_2", "art_2", "`~art_2`"),
    ("/akn/kw/act/2013/91/~art", "~art", "not a portion"),
    ("/akn/kw/act/2013/91/~../etc", "~..", "not a portion"),
    ("/akn/kw/act/2013/91/!Main", "!Main", "component"),
    (
        "/akn/kw/act/2013/91/~art_2/~art_3",
        "~art_3",
        "follow the portion",
    ),
    ("/akn/kw/act/2013/91/eng/ara", "ara", "second expression"),
    ("/akn/kw/act/2013/91/eng.pdf", ".pdf", "format"),
    ("/akn/kw/act/2013/91/eng/art_2.xml", "art_2", "`~art_2`"),
    ("/akn/kw/act/2013/91/~art 2", " ", "space"),
    ("/akn/kw/act/2013/91/~art_٢", "٢", "cannot hold"),
];

#[test]
fn every_valid_form_parses_into_its_parts_and_writes_back() {
    for (text, parts) in VALID {
        let uri = FrbrUri::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(parts_of(&uri), expected(*parts), "{text}");
        let written = uri.to_string();
        let again = FrbrUri::parse(&written).unwrap();
        assert_eq!(again, uri, "{text} -> {written}");
    }
    // The writer's one form for a portion in a component.
    let u = FrbrUri::parse("/akn/kw/act/2013/91/!main/~art_2").unwrap();
    assert_eq!(u.to_string(), "/akn/kw/act/2013/91/!main~art_2");
    // The builders and the manifestation's form.
    let m = FrbrUri::of(&u.work)
        .expression_at("eng", "2013-03-17".parse().ok())
        .component("main")
        .format(UriFormat::Xml);
    assert_eq!(
        m.to_string(),
        "/akn/kw/act/2013/91/eng@2013-03-17/!main.xml"
    );
    assert_eq!(
        m.manifestation_uri(),
        "/akn/kw/act/2013/91/eng@2013-03-17/main.xml"
    );
    assert_eq!(FrbrUri::parse(&m.manifestation_uri()), Ok(m.clone()));
    let original = FrbrUri::of(&u.work)
        .expression_at("ara", None)
        .portion("art_2");
    assert_eq!(original.to_string(), "/akn/kw/act/2013/91/ara@/~art_2");
}

/// A URI of 426 bytes, too long.
const LONG: &str = concat!(
    "/akn/kw/act/2013/91/~art_1",
    "__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1",
    "__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1",
    "__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1",
    "__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1",
    "__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1__para_1",
);

#[test]
fn spans_fall_on_character_boundaries() {
    let e = FrbrUri::parse(LONG).unwrap_err();
    assert_eq!(e.span, 400..LONG.len());
    assert!(e.message.contains("at most 400"));
    // Byte 400 inside an Arabic letter: the letter is the error, not the
    // length (whose span would split the letter).
    let mut text = LONG[..399].to_owned();
    text.push('٢');
    let e = FrbrUri::parse(&text).unwrap_err();
    assert_eq!(&text[e.span.clone()], "٢");
    assert!(e.message.contains("cannot hold"));
}

#[test]
fn every_invalid_form_points_at_its_segment() {
    for (text, segment, word) in INVALID {
        let e = FrbrUri::parse(text).expect_err(text);
        assert_eq!(&text[e.span.clone()], *segment, "{text}: {e}");
        let said = format!("{} {}", e.message, e.help.as_deref().unwrap_or(""));
        assert!(said.contains(word), "{text}: {said}");
    }
    assert!(VALID.len() + INVALID.len() >= 40);
}

#[test]
fn languages_map_both_ways() {
    assert_eq!(iso639_2_of("en"), Some("eng"));
    assert_eq!(iso639_2_of("ar"), Some("ara"));
    assert_eq!(iso639_1_of("ara"), Some("ar"));
    assert_eq!(iso639_1_of("eng"), Some("en"));
    for (two, three) in LANGUAGES {
        assert_eq!(iso639_1_of(iso639_2_of(two).unwrap()), Some(two));
        assert_eq!(iso639_2_of(iso639_1_of(three).unwrap()), Some(three));
    }
}

fn word() -> impl Strategy<Value = String> {
    "[a-z]{1,6}(-[a-z]{1,5})?"
}

fn date() -> impl Strategy<Value = Date> {
    (1900u16..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn work() -> impl Strategy<Value = WorkId> {
    (
        "[a-z]{2}",
        proptest::option::of("[a-z0-9]{1,4}"),
        word(),
        proptest::option::of((word(), proptest::option::of(word()))),
        prop_oneof![
            (1900u16..2100).prop_map(|y| y.to_string()),
            date().prop_map(|d| d.to_string())
        ],
        "[a-z0-9]{1,3}(-[a-z0-9]{1,3})?",
    )
        .prop_map(|(cc, loc, doctype, sub, date, number)| {
            let mut s = format!("/akn/{cc}");
            if let Some(l) = loc {
                s.push_str(&format!("-{l}"));
            }
            s.push_str(&format!("/{doctype}"));
            if let Some((sub, actor)) = sub {
                s.push_str(&format!("/{sub}"));
                if let Some(a) = actor {
                    s.push_str(&format!("/{a}"));
                }
            }
            WorkId::parse(&format!("{s}/{date}/{number}")).unwrap()
        })
}

fn uri() -> impl Strategy<Value = FrbrUri> {
    let version = prop_oneof![
        Just(PointInTime::Latest),
        Just(PointInTime::Original),
        date().prop_map(PointInTime::At),
        date().prop_map(PointInTime::Amended),
    ];
    (
        work(),
        proptest::option::of(("[a-z]{3}", version)),
        proptest::collection::vec("[a-z][a-z0-9_]{0,8}", 0..3),
        proptest::option::of("(chp|part|art)_[0-9]{1,3}[a-z]{0,3}(__(para|point)_[a-z0-9]{1,2})?"),
        proptest::option::of(proptest::sample::select(UriFormat::ALL.to_vec())),
    )
        .prop_map(|(work, expression, components, portion, format)| FrbrUri {
            work,
            expression: expression.map(|(language, version)| Expression { language, version }),
            components,
            portion,
            format,
        })
}

proptest! {
    #[test]
    fn writing_then_parsing_gives_the_same_parts(u in uri()) {
        let written = u.to_string();
        let parsed = FrbrUri::parse(&written);
        prop_assert_eq!(parsed, Ok(u), "{}", written);
    }
}
