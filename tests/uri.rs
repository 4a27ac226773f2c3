//! Every Akoma Ntoso URI form on the command line: `mizan resolve` says
//! what a URI names and where it lives; `show` with an expression URI shows
//! that language at that date, the same as `--lang` and `--at`; a
//! malformed URI is a diagnostic that points at its segment.

use std::path::Path;
use std::process::Output;

use mizan::testing::cli::run;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn mizan(args: &[&str]) -> Output {
    run(root(), args)
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn failure(args: &[&str]) -> String {
    let o = mizan(args);
    assert_eq!(o.status.code(), Some(1), "{args:?} did not fail");
    assert!(o.stdout.is_empty(), "partial output for {args:?}");
    String::from_utf8(o.stderr).unwrap()
}

fn resolve_json(uri: &str) -> serde_json::Value {
    serde_json::from_str(&stdout(&mizan(&["resolve", uri, "--format", "json"]))).unwrap()
}

#[test]
fn resolve_names_the_parts_and_the_place() {
    let j = resolve_json("/akn/kw/act/2013/91/ara@2019-04-09/~art_2");
    assert_eq!(j["work"], "/akn/kw/act/2013/91");
    assert_eq!(j["language"], "ara");
    assert_eq!(j["lang"], "ar");
    assert_eq!(j["point_in_time"], "at");
    assert_eq!(j["point_in_time_date"], "2019-04-09");
    assert_eq!(j["portion"]["eid"], "art_2");
    assert_eq!(j["portion"]["kind"], "article");
    assert_eq!(j["file"], "corpus/kw/act-2013-91.ar.md");
    let line = j["line"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(root().join("corpus/kw/act-2013-91.ar.md")).unwrap();
    let heading = text.lines().nth(line - 1).unwrap();
    assert!(heading.starts_with("## المادة"), "{heading}");
    assert!(heading.contains('٢'), "{heading}");
    assert_eq!(j["version"], 1);
}

#[test]
fn resolve_reads_every_form() {
    let cases = [
        // (uri, language, point in time, components, portion eid, kind, format)
        ("/akn/kw/act/2013/91", None, "latest", 0, None, None, None),
        (
            "/akn/kw/act/2013/91/eng",
            Some("eng"),
            "latest",
            0,
            None,
            None,
            None,
        ),
        (
            "/akn/kw/act/2013/91/eng@/~art_13",
            Some("eng"),
            "original",
            0,
            Some("art_13"),
            Some("article"),
            None,
        ),
        (
            "/akn/kw/act/2013/91/eng:2019-04-09/~art_2__para_1",
            Some("eng"),
            "amended",
            0,
            Some("art_2__para_1"),
            Some("paragraph"),
            None,
        ),
        (
            "/akn/kw/act/2013/91/!main~art_2",
            None,
            "latest",
            1,
            Some("art_2"),
            Some("article"),
            None,
        ),
        (
            "/akn/kw/act/2013/91/eng@2019-04-09/!main.xml",
            Some("eng"),
            "at",
            1,
            None,
            None,
            Some("xml"),
        ),
        (
            "/akn/kw/act/2015/68/eng/~chp_2__art_3",
            Some("eng"),
            "latest",
            0,
            Some("art_3"),
            Some("article"),
            None,
        ),
        (
            "/akn/kw/act/2015/68/~chp_2",
            None,
            "latest",
            0,
            Some("chp_2"),
            Some("container"),
            None,
        ),
        (
            "/akn/kw/act/2013/91/ara/~art_2.html",
            Some("ara"),
            "latest",
            0,
            Some("art_2"),
            Some("article"),
            Some("html"),
        ),
    ];
    for (uri, lang, when, components, eid, kind, format) in cases {
        let j = resolve_json(uri);
        assert_eq!(j["uri"], uri, "the writer gives the URI back");
        assert_eq!(j["language"].as_str(), lang, "{uri}");
        assert_eq!(j["point_in_time"], when, "{uri}");
        assert_eq!(
            j["components"].as_array().unwrap().len(),
            components,
            "{uri}"
        );
        assert_eq!(j["portion"]["eid"].as_str(), eid, "{uri}");
        assert_eq!(j["portion"]["kind"].as_str(), kind, "{uri}");
        assert_eq!(j["format"].as_str(), format, "{uri}");
        assert!(j["line"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn resolve_in_text_says_each_part_on_a_line() {
    let out = stdout(&mizan(&[
        "resolve",
        "/akn/kw/act/2015/68/ara@/!main~chp_2__art_3",
    ]));
    assert!(
        out.starts_with("/akn/kw/act/2015/68/ara@/!main~chp_2__art_3\n"),
        "{out}"
    );
    assert!(out.contains("  language    ara (Arabic)\n"), "{out}");
    assert!(out.contains("  version     as first enacted: "), "{out}");
    assert!(out.contains("  component   !main\n"), "{out}");
    assert!(
        out.contains("  portion     ~art_3 (article, المادة"),
        "{out}"
    );
    assert!(
        out.contains("  file        corpus/kw/act-2015-68.ar.md:"),
        "{out}"
    );
}

#[test]
fn malformed_uris_point_at_the_segment() {
    let err = failure(&["resolve", "/akn/kw/act/2013/91/"]);
    assert!(
        err.contains("error[M0701]: a URI does not end with `/`"),
        "{err}"
    );
    assert!(
        err.contains("1 | /akn/kw/act/2013/91/\n  |                    ^ here"),
        "{err}"
    );
    assert!(
        err.contains("help: remove the trailing slash: `/akn/kw/act/2013/91`"),
        "{err}"
    );
    let err = failure(&["show", "/akn/kw/act/2013/91/en@2013-03-17/~art_2"]);
    assert!(err.contains("`en` is a two-letter language code"), "{err}");
    assert!(err.contains("^^ here"), "{err}");
    assert!(err.contains("ISO 639-2: `eng`"), "{err}");
    let err = failure(&["show", "/akn/kw/act/2013/91/eng/art_2"]);
    assert!(err.contains("write `~art_2`"), "{err}");
}

#[test]
fn uris_that_name_nothing_say_which_part() {
    let err = failure(&["resolve", "/akn/kw/act/2013/91/fre/~art_2"]);
    assert!(
        err.contains("`fre` is not a language of the workspace"),
        "{err}"
    );
    let err = failure(&["resolve", "/akn/kw/act/2013/91/!schedule1"]);
    assert!(err.contains("no component `!schedule1`"), "{err}");
    let err = failure(&["resolve", "/akn/kw/act/2013/91/~art_99"]);
    assert!(err.contains("no portion `~art_99`"), "{err}");
    let err = failure(&["resolve", "/akn/kw/act/2013/92"]);
    assert!(err.contains("no work `/akn/kw/act/2013/92`"), "{err}");
    let err = failure(&["resolve", "/akn/kw/act/2013/91/eng@2000-01-01"]);
    assert!(err.contains("was not in force on 2000-01-01"), "{err}");
}

#[test]
fn show_with_an_expression_uri_is_show_with_lang_and_at() {
    let by_uri = stdout(&mizan(&[
        "show",
        "/akn/kw/act/2013/91/ara@2019-04-09/~art_2",
    ]));
    let by_flags = stdout(&mizan(&[
        "show",
        "/akn/kw/act/2013/91/~art_2",
        "--lang",
        "ar",
        "--at",
        "2019-04-09",
    ]));
    assert_eq!(by_uri, by_flags);
    assert!(by_uri.contains("المادة"), "{by_uri}");
    let by_uri = stdout(&mizan(&[
        "show",
        "/akn/kw/act/2013/91/eng/~art_2",
        "--format",
        "json",
    ]));
    let by_flags = stdout(&mizan(&[
        "show",
        "/akn/kw/act/2013/91/~art_2",
        "--lang",
        "en",
        "--format",
        "json",
    ]));
    assert_eq!(by_uri, by_flags);
    // `:DATE` reads the text as amended on that date.
    let amended = stdout(&mizan(&[
        "show",
        "/akn/kw/act/2013/91/eng:2019-04-09/~art_2",
    ]));
    let at = stdout(&mizan(&[
        "show",
        "/akn/kw/act/2013/91/~art_2",
        "--lang",
        "en",
        "--at",
        "2019-04-09",
    ]));
    assert_eq!(amended, at);
}

#[test]
fn show_with_at_alone_is_the_text_as_first_enacted() {
    let original = stdout(&mizan(&["show", "/akn/kw/act/2013/91/eng@/~art_2"]));
    let latest = stdout(&mizan(&["show", "/akn/kw/act/2013/91/eng/~art_2"]));
    assert!(original.contains("as enacted"), "{original}");
    assert_ne!(original, latest, "the ruling of 2019 changed article 2");
    // A component and a nested eId name the same article.
    let nested = stdout(&mizan(&[
        "show",
        "/akn/kw/act/2015/68/ara/!main~chp_2__art_3",
    ]));
    let plain = stdout(&mizan(&[
        "show",
        "/akn/kw/act/2015/68/~art_3",
        "--lang",
        "ar",
    ]));
    assert_eq!(nested, plain);
}

#[test]
fn show_refuses_two_different_answers() {
    let err = failure(&["show", "/akn/kw/act/2013/91/ara/~art_2", "--lang", "en"]);
    assert!(
        err.contains("the URI names the ara text and --lang the eng text"),
        "{err}"
    );
    let err = failure(&[
        "show",
        "/akn/kw/act/2013/91/eng@2019-04-09/~art_2",
        "--at",
        "2014-01-01",
    ]);
    assert!(err.contains("--at another date"), "{err}");
    let err = failure(&["show", "/akn/kw/act/2013/91/eng"]);
    assert!(err.contains("names no article"), "{err}");
}

/// The `/akn/` URIs in a text: every attribute value or JSON string that
/// starts with `/akn/`.
fn uris_in(text: &str) -> Vec<String> {
    text.match_indices("\"/akn/")
        .map(|(i, _)| {
            let rest = &text[i + 1..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn every_uri_the_exports_write_round_trips_and_resolves() {
    use mizan::Workspace;
    use mizan::ids::FrbrUri;
    use mizan::testing::files::files;

    let out = tempfile::tempdir().unwrap();
    let akn = out.path().join("akn");
    let ndjson = out.path().join("corpus.ndjson");
    stdout(&mizan(&["export", "akn", "--out", akn.to_str().unwrap()]));
    stdout(&mizan(&[
        "export",
        "ndjson",
        "--out",
        ndjson.to_str().unwrap(),
    ]));
    let mut uris = std::collections::BTreeSet::new();
    for file in files(&akn) {
        uris.extend(uris_in(&std::fs::read_to_string(akn.join(&file)).unwrap()));
    }
    let mut articles = std::collections::BTreeSet::new();
    for line in std::fs::read_to_string(&ndjson).unwrap().lines() {
        uris.extend(uris_in(line));
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        if let (Some(e), Some(a)) = (doc["expression"].as_str(), doc["article"].as_str()) {
            articles.insert(format!("{e}/~{a}"));
        }
    }
    assert!(
        uris.len() > 100 && articles.len() > 100,
        "{} {}",
        uris.len(),
        articles.len()
    );
    let ws = Workspace::load(root()).unwrap();
    for uri in &uris {
        let parsed = FrbrUri::parse(uri).unwrap_or_else(|e| panic!("{uri}: {e}"));
        assert!(
            parsed.to_string() == *uri || parsed.manifestation_uri() == *uri,
            "{uri} is not written back as it was read"
        );
        if let Err(e) = ws.resolve(&parsed) {
            panic!("{uri}: {e}");
        }
    }
    // Every article of every exported expression, by its expression URI.
    for uri in &articles {
        let parsed = FrbrUri::parse(uri).unwrap();
        assert_eq!(parsed.to_string(), *uri);
        let shown = mizan(&["show", uri, "--format", "json"]);
        let j: serde_json::Value = serde_json::from_str(&stdout(&shown)).unwrap();
        let lang = parsed.expression.as_ref().unwrap().language.as_str();
        assert_eq!(
            mizan::corpus::Lang::from_iso639_2(lang).map(|l| l.code()),
            j["lang"].as_str(),
            "{uri}"
        );
    }
}

#[test]
fn diff_takes_expression_uris_as_versions() {
    let by_uri = stdout(&mizan(&[
        "diff",
        "/akn/kw/act/2013/91/eng@",
        "/akn/kw/act/2013/91/eng:2019-04-09",
    ]));
    let by_date = stdout(&mizan(&[
        "diff",
        "/akn/kw/act/2013/91@2013-04-17",
        "/akn/kw/act/2013/91@2019-04-09",
        "--lang",
        "en",
    ]));
    assert_eq!(by_uri, by_date);
    assert!(by_uri.contains("from: as enacted"), "{by_uri}");
    // The expression date the exports write names the first text too.
    let exported = stdout(&mizan(&[
        "diff",
        "/akn/kw/act/2013/91/eng@2013-03-17",
        "/akn/kw/act/2013/91/eng@2019-04-09",
    ]));
    assert_eq!(exported, by_uri);
}
