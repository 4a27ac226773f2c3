//! Headings read in the number words of the language files: the built-in
//! ones, a workspace's, the book's French example.

use crate::corpus::{ContainerKind, HeadingKind, classify_heading, number_in_words};
use crate::lang::{Lang, read_language_file, register};

fn read(text: &str) -> Option<(u32, &str)> {
    number_in_words(text).map(|(_, n, rest)| (n, rest))
}

#[test]
fn every_built_in_ordinal_to_999_reads_back() {
    for lang in [Lang::EN, Lang::AR] {
        for n in 1..1000 {
            let words = lang.ordinal(n).unwrap();
            assert_eq!(read(&words), Some((n, "")), "{words}");
        }
    }
}

#[test]
fn a_language_files_number_words_number_headings() {
    let text = r#"code = "eo"
iso639-2 = "epo"
name = "Esperanto"

[numbers]
grammar = "english"
units = [["unu", "unua"], ["du", "dua"], ["tri", "tria"]]
tens = [["dudek", "dudeka"]]
hundred = ["cent"]
and = ["kaj"]
"#;
    let eo = register(read_language_file("languages/eo.toml", text).unwrap()).unwrap();
    assert_eq!(read("dudek-tri"), Some((23, "")));
    assert_eq!(read("Dudek tria"), Some((23, "")));
    assert_eq!(read("cent kaj unu"), Some((101, "")));
    assert_eq!(read("du cent dudeka"), Some((220, "")));
    let written = eo.ordinal(21).unwrap();
    assert_eq!(read(&written), Some((21, "")), "{written}");
    assert_eq!(
        classify_heading("Chapter dudek-unu: x"),
        HeadingKind::Container {
            kind: ContainerKind::Chapter,
            number: Some(("dudek-unu".to_owned(), 21)),
            title: Some("x".to_owned()),
        }
    );
}

/// The book's French example reads French numbers in the English grammar.
#[test]
fn the_french_example_reads_french_numbers() {
    // Under a code of its own: other tests count on `fr` being unknown.
    let text = include_str!("../../../book/src/examples/languages/languages/fr.toml")
        .replacen("code = \"fr\"", "code = \"fx\"", 1)
        .replacen("iso639-2 = \"fre\"", "iso639-2 = \"fxx\"", 1);
    register(read_language_file("languages/fx.toml", &text).unwrap()).unwrap();
    for (words, n) in [
        ("premier", 1),
        ("dix-sept", 17),
        ("vingt et un", 21),
        ("vingt et unième", 21),
        ("soixante et onze", 71),
        ("soixante-douze", 72),
        ("soixante-dix-septième", 77),
        ("quatre-vingts", 80),
        ("quatre-vingt-un", 81),
        ("quatre-vingt-dix-neuf", 99),
        ("cent", 100),
        ("cent un", 101),
        ("deux cents", 200),
        ("neuf cent quatre-vingt-dix-neuf", 999),
    ] {
        assert_eq!(read(words), Some((n, "")), "{words}");
    }
}
