//! Every amendment error `mizan check` reports, with its message and its
//! location (file, line, column).

use std::fs;
use std::path::Path;

use mizan::Workspace;
use mizan::diag::to_json;
use mizan::testing::cli::run;

const STATUTE: &str = "---
work: /akn/kw/act/2021/7
lang: en
title: Test Law
date: 2021-01-10
in_force: 2021-02-01
status: in-force
authority: unofficial-summary
source: test
---

## Article 1: Penalty

Trafficking is punished by imprisonment for fifteen years.

The penalty is doubled where the victim is a child.

## Article 2: Orders

The court may order that the victim be protected, and the court may order
that the offender keep away.

## Article 3: Entry into force

This Law takes effect on its publication.
";

fn amendment(id: &str, status: &str, extra: &str, body: &str) -> String {
    format!(
        "---\nid: {id}\ntitle: T\namends: /akn/kw/act/2021/7\nkind: bill\nstatus: {status}\n{extra}---\n\n{body}"
    )
}

/// A workspace with the test statute and the given amendments (id, text).
fn workspace(amendments: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let kw = dir.path().join("corpus/kw");
    fs::create_dir_all(kw.join("amendments")).unwrap();
    fs::write(kw.join("act-2021-7.en.md"), STATUTE).unwrap();
    for (id, text) in amendments {
        fs::write(kw.join("amendments").join(format!("{id}.md")), text).unwrap();
    }
    dir
}

/// `file:line:col: message` for every diagnostic of `severity`, file
/// relative to the workspace, with the help when `help` is set.
fn lines(
    dir: &Path,
    diagnostics: &mizan::diag::Diagnostics,
    sources: &mizan::diag::Sources,
    severity: mizan::diag::Severity,
    help: bool,
) -> Vec<String> {
    to_json(diagnostics, sources)
        .into_iter()
        .filter(|d| d.severity == severity)
        .map(|d| {
            let file = Path::new(&d.file)
                .strip_prefix(dir)
                .map(|p| p.display().to_string())
                .unwrap_or(d.file);
            let help = d.help.filter(|_| help);
            format!(
                "{file}:{}:{}: {}{}",
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
                d.message,
                help.map(|h| format!(" [help: {h}]")).unwrap_or_default()
            )
        })
        .collect()
}

/// Every error of a workspace that does not load, with its help.
fn errors(dir: &Path) -> Vec<String> {
    let failure = Workspace::load(dir).expect_err("the workspace should not load");
    let error = mizan::diag::Severity::Error;
    lines(dir, &failure.diagnostics, &failure.sources, error, true)
}

fn one(body: &str) -> Vec<String> {
    let dir = workspace(&[("a", amendment("a", "draft", "", body))]);
    errors(dir.path())
}

const AT: &str = "corpus/kw/amendments/a.md";

#[test]
fn target_article_missing() {
    assert_eq!(
        one("## Repeal Article 9\n"),
        [format!(
            "{AT}:9:11: there is no Article 9 in `/akn/kw/act/2021/7` (en text) \
             [help: the en text has Articles 1 to 3]"
        )]
    );
    assert_eq!(
        one("## Insert Article 4 after Article 3 bis\n\nNew.\n"),
        [format!(
            "{AT}:9:27: there is no Article 3 bis in `/akn/kw/act/2021/7` (en text) [help: did you mean Article 3?]"
        )]
    );
}

#[test]
fn words_not_found_name_the_closest_match() {
    assert_eq!(
        one("## In Article 1, substitute \"fiveteen years\" with \"twenty years\"\n"),
        [format!(
            "{AT}:9:29: the words “fiveteen years” are not in Article 1 (en text) \
             [help: the closest words in Article 1 are “fifteen years”]"
        )]
    );
    // Words are matched whole: `Law take` is not found in `Law takes`.
    assert_eq!(
        one("## In Article 3, substitute \"Law take\" with \"Law shall take\"\n"),
        [format!(
            "{AT}:9:29: the words “Law take” are not in Article 3 (en text) \
             [help: the closest words in Article 3 are “Law takes”]"
        )]
    );
}

#[test]
fn an_occurrence_that_does_not_exist() {
    assert_eq!(
        one(
            "## In Article 2, substitute \"court may order\" with \"judge may order\" (occurrence 3)\n"
        ),
        [format!(
            "{AT}:9:70: there is no occurrence 3: the words “court may order” occur 2 times in Article 2"
        )]
    );
}

#[test]
fn words_that_occur_twice_need_an_occurrence() {
    assert_eq!(
        one("## In Article 2, substitute \"court may order\" with \"judge may order\"\n"),
        [format!(
            "{AT}:9:29: the words “court may order” occur 2 times in Article 2 \
             [help: say which: add `(occurrence 1)` (up to 2) or `(all)` at the end of the heading]"
        )]
    );
}

#[test]
fn overlapping_operations_within_one_amendment() {
    let e = one(
        "## In Article 1, substitute \"fifteen years\" with \"twenty years\"\n\n\
         ## In Article 1, substitute \"years.\" with \"years and a fine.\"\n\n\
         ## Replace Article 3\n\nNew text.\n\n\
         ## Repeal Article 3\n",
    );
    assert_eq!(
        e,
        [
            format!(
                "{AT}:11:4: this substitution overlaps the substitution at line 9: \
                 both change the words “years.” in Article 1 \
                 [help: merge the two operations, or make each change a different part of the text]"
            ),
            format!(
                "{AT}:17:4: this repeal of the article overlaps the replacement of the article at line 13: \
                 both change Article 3 \
                 [help: merge the two operations, or make each change a different part of the text]"
            ),
        ]
    );
}

#[test]
fn paragraph_operations_on_different_paragraphs_do_not_overlap() {
    let dir = workspace(&[(
        "a",
        amendment(
            "a",
            "draft",
            "",
            "## Replace Article 1 paragraph 2\n\nDoubled for children.\n\n\
             ## Insert paragraph after Article 1 paragraph 2\n\nAnd tripled for infants.\n\n\
             ## In Article 1, substitute \"fifteen\" with \"twenty\"\n",
        ),
    )]);
    let ws = Workspace::load(dir.path()).unwrap();
    let v = ws.version("/akn/kw/act/2021/7", None, &["a"]).unwrap();
    let a = v.expressions[0].article("art_1").unwrap();
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Trafficking is punished by imprisonment for twenty years.",
            "Doubled for children.",
            "And tripled for infants."
        ]
    );
    assert_eq!(a.paragraphs[2].eid, "art_1__para_3");
}

/// Every warning of a workspace that loads, without help.
fn warnings(dir: &Path) -> Vec<String> {
    let ws = Workspace::load(dir).expect("the workspace loads");
    let warning = mizan::diag::Severity::Warning;
    lines(dir, &ws.diagnostics, &ws.sources, warning, false)
}

#[test]
fn two_pending_amendments_touching_one_article_are_competing_drafts() {
    let dir = workspace(&[
        ("a", amendment("a", "draft", "", "## Repeal Article 2\n")),
        (
            "b",
            amendment(
                "b",
                "submitted",
                "",
                "## Replace Article 1\n\nNew.\n\n## In Article 2, substitute \"keep away\" with \"stay away\"\n",
            ),
        ),
    ]);
    assert_eq!(
        warnings(dir.path()),
        ["corpus/kw/amendments/b.md:13:4: competing drafts: `b` and `a` are both pending and both change Article 2 \
          (`a` at DIR/corpus/kw/amendments/a.md:9)"
            .replace("DIR", &dir.path().display().to_string())]
    );
    // `mizan check` names both, with both files, and passes: competing
    // drafts are alternatives a committee weighs, not an error.
    let out = run(dir.path(), &["check"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("b.md:13:4: warning[M0513]: competing drafts"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a.md:9:"),
        "the other file's snippet is shown: {stderr}"
    );
    // Each applies alone; a scenario or a text cannot hold both, and the
    // message names them.
    for alone in ["a", "b"] {
        let out = run(dir.path(), &["gaps", "--with", alone]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for args in [
        &["gaps", "--with", "a", "--with", "b"][..],
        &["gaps", "--with", "all-pending"],
        &[
            "show",
            "/akn/kw/act/2021/7/~art_1",
            "--with",
            "a",
            "--with",
            "b",
        ],
    ] {
        let out = run(dir.path(), args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("are competing drafts (both change Article 2)")
                && stderr.contains("`a`")
                && stderr.contains("`b`"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn enacted_and_withdrawn_amendments_do_not_compete() {
    // Three amendments all change Article 2: one enacted (in force), one
    // withdrawn, one pending. Only pending amendments compete, and there is
    // one, so the workspace loads with no diagnostic at all.
    let enacted = amendment(
        "a",
        "enacted",
        "in_force: 2022-01-01\n",
        "## In Article 2, substitute \"keep away\" with \"stay away\"\n",
    );
    let pending = amendment("c", "draft", "", "## Repeal Article 2\n");
    let dir = workspace(&[
        ("a", enacted.clone()),
        (
            "b",
            amendment("b", "withdrawn", "", "## Repeal Article 2\n"),
        ),
        ("c", pending.clone()),
    ]);
    let ws = Workspace::load(dir.path()).expect("no conflict");
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    assert_eq!(ws.amendments.len(), 3);
    // The same change as a second pending amendment competes: the
    // statuses, not the texts, made the difference above.
    let dir = workspace(&[
        ("a", enacted),
        (
            "b",
            amendment("b", "submitted", "", "## Repeal Article 2\n"),
        ),
        ("c", pending),
    ]);
    let warnings = warnings(dir.path());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("are both pending and both change Article 2")
            && warnings[0].contains("`b`")
            && warnings[0].contains("`c`"),
        "{warnings:?}"
    );
}

#[test]
fn grammar_errors_point_at_the_word() {
    assert_eq!(
        one("## Insert Article 4 before Article 3\n\nNew.\n"),
        [format!(
            "{AT}:9:21: expected `after`, found `before` [help: an operation is one of: `Replace Article N`, \
             `Insert Article M after Article N`, `Repeal Article N`, `Renumber Article N as Article M`, \
             `In Article N, substitute \"old\" with \"new\"`, `Replace Article N paragraph P`, \
             `Insert paragraph after Article N paragraph P`, `Repeal Article N paragraph P`, \
             or their Arabic forms (استبدال، إضافة، إلغاء، إعادة ترقيم، في المادة N، يستبدل)]"
        )]
    );
    let e = one("## Abolish Article 3\n");
    assert!(
        e[0].starts_with(&format!("{AT}:9:4: `Abolish` does not begin an operation")),
        "{e:?}"
    );
}

#[test]
fn operations_need_their_text_and_take_no_other() {
    assert_eq!(
        one("## Replace Article 3\n"),
        [format!(
            "{AT}:9:4: the operation has no new text [help: write the new text below the heading, as paragraphs]"
        )]
    );
    assert_eq!(
        one("## Repeal Article 3\n\nThis text would be lost.\n"),
        [format!(
            "{AT}:11:1: this operation takes no text below its heading \
             [help: this operation takes no text; to give an article new text, use `Replace Article 3`]"
        )]
    );
    assert_eq!(
        one("## Insert Article 4 after Article 3\n\n### Title\n\nText.\n\n#### Aside\n\nMore.\n"),
        [format!(
            "{AT}:15:1: a heading inside the new text [help: the new text of an article is paragraphs and lists, \
             after an optional level-3 heading with its title]"
        )]
    );
    assert_eq!(
        one("Preamble.\n\n## Repeal Article 3\n"),
        [format!(
            "{AT}:9:1: text before the first operation [help: every operation is a level-2 heading \
             (`## Repeal Article 5`); put explanations in the `note` field]"
        )]
    );
    assert_eq!(
        one("# Repeal Article 3\n"),
        [format!(
            "{AT}:9:3: operations are level-2 headings [help: write `## ` before the operation; level 1 is not used in an amendment]"
        )]
    );
}

#[test]
fn numbers_that_are_taken_or_missing() {
    assert_eq!(
        one("## Insert Article 3 after Article 1\n\nNew.\n"),
        [format!(
            "{AT}:9:11: Article 3 already exists [help: give the new article a number of its own, for example with `bis`]"
        )]
    );
    assert_eq!(
        one("## Renumber Article 1 as Article 2\n"),
        [format!(
            "{AT}:9:26: Article 2 already exists [help: renumber that article first, or choose a free number]"
        )]
    );
    assert_eq!(
        one("## Replace Article 1 paragraph 3\n\nNew.\n"),
        [format!(
            "{AT}:9:32: Article 1 has 2 paragraphs; there is no paragraph 3 \
             [help: paragraphs are numbered from 1 in the order written; `mizan show` lists them]"
        )]
    );
}

#[test]
fn repealing_every_paragraph_is_repealing_the_article() {
    assert_eq!(
        one("## Repeal Article 3 paragraph 1\n"),
        [format!(
            "{AT}:9:4: this leaves Article 3 with no text [help: to remove the whole article, use `Repeal Article 3`]"
        )]
    );
}

#[test]
fn an_operation_in_a_language_the_work_lacks() {
    assert_eq!(
        one("## في المادة ١، يستبدل «خمس» بـ «ست»\n"),
        [format!(
            "{AT}:9:4: this operation is written in Arabic, but `/akn/kw/act/2021/7` has no Arabic text \
             [help: write the operation in the language of a text the corpus holds (en)]"
        )]
    );
}

#[test]
fn enacted_amendments_must_apply_in_their_place_in_history() {
    let first = amendment(
        "a",
        "enacted",
        "in_force: 2022-01-01\n",
        "## Repeal Article 2\n",
    );
    let second = amendment(
        "b",
        "enacted",
        "in_force: 2023-01-01\n",
        "## In Article 2, substitute \"court\" with \"judge\" (all)\n",
    );
    let dir = workspace(&[("a", first), ("b", second)]);
    assert_eq!(
        errors(dir.path()),
        [
            "corpus/kw/amendments/b.md:10:7: Article 2 was repealed by `a` (in force 2022-01-01) \
             [help: a repealed article can only be replaced (which re-enacts it)]"
        ]
    );
}

#[test]
fn mapping_changes_may_cite_only_articles_in_force_after_the_amendment() {
    let standard = "id: tip\ntitle: Trafficking Protocol\nkind: protocol\nbody: UN\nadopted: 2000-11-15\n\
                    source: https://example.org\nprovisions:\n  - id: art_6\n    citation: Art. 6\n    \
                    title: Victims\n    theme: protection\n    obligation: mandatory\n    summary: Help victims.\n";
    let changes = "mapping_changes:\n  - standard: tip\n    provision: art_6\n    \
                   articles: [/akn/kw/act/2021/7/~art_3bis, /akn/kw/act/2021/7/~art_2, /akn/kw/act/2021/7/~art_4]\n    \
                   status: full\n    rationale: The new article helps victims.\n";
    let dir = workspace(&[(
        "a",
        amendment(
            "a",
            "draft",
            changes,
            "## Insert Article 3 bis after Article 3\n\nVictims are helped.\n\n## Repeal Article 2\n",
        ),
    )]);
    fs::create_dir_all(dir.path().join("standards")).unwrap();
    fs::write(dir.path().join("standards/tip.yaml"), standard).unwrap();
    let e = errors(dir.path());
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e[0].starts_with(&format!(
            "{AT}:10:46: unknown article `/akn/kw/act/2021/7/~art_2` once the amendment applies"
        )),
        "{e:?}"
    );
    assert!(
        e[1].starts_with(&format!(
            "{AT}:10:73: unknown article `/akn/kw/act/2021/7/~art_4` once the amendment applies"
        )),
        "{e:?}"
    );
}
