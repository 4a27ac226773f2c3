//! Languages as data: a workspace adds French with a file, and the site,
//! the questionnaire and `show` speak it (the Languages chapter's example,
//! `book/src/examples/languages/`).

use std::path::PathBuf;

use mizan::testing::cli::{build, run};
use mizan::testing::files::{copy_dir, read, repo};

fn example() -> PathBuf {
    repo().join("book/src/examples/languages")
}

#[test]
fn the_french_example_builds_a_french_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&example(), &out, "public");
    let home = read(&out.join("fr/index.html"));
    assert!(home.contains(r#"<html lang="fr" dir="ltr""#), "{home:.300}");
    // The French interface (languages/fr.toml) and the jurisdiction's
    // French name (mizan.toml), filled into the message that names it.
    assert!(home.contains("Tableau de bord"), "no French menu");
    assert!(
        home.contains("Koweït"),
        "the French name of the jurisdiction"
    );
    assert!(!home.contains("{country}"), "a value left unfilled");
    // The language menu names each other language in itself.
    for name in ["English", "العربية"] {
        assert!(home.contains(name), "no {name} in the French menu");
    }
    let english = read(&out.join("en/index.html"));
    assert!(english.contains(r#"hreflang="fr" lang="fr">Français"#));
    // The French text of the law, and its dates in French.
    let law = read(&out.join("fr/works/act-2013-91/index.html"));
    assert!(
        law.contains("Peine encourue pour la traite"),
        "no French article"
    );
    assert!(law.contains("mars 2013"), "no French month");
    // Arabic pages name French in Arabic (languages/ar.toml adds it).
    let ar = read(&out.join("ar/works/index.html"));
    assert!(ar.contains("الفرنسية"), "French not named in Arabic");
}

#[test]
fn the_questionnaire_is_written_in_each_language() {
    let ws = repo();
    let ar = run(&ws, &["gaps", "--format", "questionnaire", "--lang", "ar"]);
    assert!(
        ar.status.success(),
        "{}",
        String::from_utf8_lossy(&ar.stderr)
    );
    let ar = String::from_utf8(ar.stdout).unwrap();
    assert!(ar.starts_with("# إجابات الاستبيان: الكويت"), "{ar:.200}");
    for words in ["## التجريم", "*الإجابة:*", "*الالتزام:*", "ملزِم ("] {
        assert!(ar.contains(words), "no {words} in the Arabic questionnaire");
    }
    let latin = ar.chars().filter(char::is_ascii_alphabetic).count();
    let letters = ar.chars().filter(|c| c.is_alphabetic()).count();
    // What stays Latin: ids, URLs and the titles of English sources.
    assert!(
        (latin as f64) < 0.25 * letters as f64,
        "{latin} of {letters} letters are Latin"
    );
    let fr = run(
        &example(),
        &["gaps", "--format", "questionnaire", "--lang", "fr"],
    );
    assert!(
        fr.status.success(),
        "{}",
        String::from_utf8_lossy(&fr.stderr)
    );
    let fr = String::from_utf8(fr.stdout).unwrap();
    assert!(fr.contains("Koweït"), "{fr:.200}");
    let bad = run(&ws, &["gaps", "--format", "questionnaire", "--lang", "fr"]);
    assert!(!bad.status.success(), "no French in the bundled workspace");
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("unknown language `fr`"), "{stderr}");
    assert!(stderr.contains("languages/fr.toml"), "{stderr}");
}

#[test]
fn a_broken_language_file_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    copy_dir(&example(), &ws);
    let fr = ws.join("languages/fr.toml");
    let text = read(&fr).replacen("name = ", "nmae = ", 1);
    std::fs::write(&fr, text).unwrap();
    let out = run(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("M0120"), "{stderr}");
    assert!(stderr.contains("languages/fr.toml:6:1"), "{stderr}");
    assert!(stderr.contains("unknown field `nmae`"), "{stderr}");
}

#[test]
fn an_incomplete_language_falls_back_to_english_and_check_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    copy_dir(&example(), &ws);
    let fr = ws.join("languages/fr.toml");
    let text: String = read(&fr)
        .lines()
        .filter(|l| !l.starts_with("\"nav.home\""))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&fr, text).unwrap();
    let out = run(&ws, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("interface messages"), "{stderr}");
    assert!(stderr.contains("\"nav.home\""), "{stderr}");
    let site = tmp.path().join("site");
    build(&ws, &site, "public");
    let home = read(&site.join("fr/index.html"));
    assert!(home.contains("Dashboard"), "the English fallback");
}

#[test]
fn french_number_words_number_french_headings() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    copy_dir(&example(), &ws);
    let law = ws.join("corpus/kw/act-2013-91.fr.md");
    let text = read(&law)
        .replacen("# Chapitre 1 :", "# Chapitre premier :", 1)
        .replacen("## Article 2 :", "## Article deux :", 1);
    std::fs::write(&law, text).unwrap();
    let out = run(&ws, &["show", "/akn/kw/act/2013/91/~art_2", "--lang", "fr"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Peine encourue pour la traite"), "{stdout}");
}

#[test]
fn a_malformed_numbers_table_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    copy_dir(&example(), &ws);
    let fr = ws.join("languages/fr.toml");
    let text = read(&fr).replacen("grammar = \"english\"", "grammar = \"latin\"", 1);
    let line = 1 + text
        .lines()
        .position(|l| l.starts_with("grammar = "))
        .unwrap();
    std::fs::write(&fr, text).unwrap();
    let out = run(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("M0120"), "{stderr}");
    assert!(
        stderr.contains(&format!("languages/fr.toml:{line}:11")),
        "{stderr}"
    );
    assert!(stderr.contains("unknown variant `latin`"), "{stderr}");
}
