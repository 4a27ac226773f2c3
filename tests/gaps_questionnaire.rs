//! `mizan gaps --format questionnaire --questionnaire ID`: the answers
//! arranged by a questionnaire's own structure, declared as data in the
//! workspace (`questionnaires/<id>.yaml`): the one bundled with the
//! repository's workspace, one a workspace adds, and a broken one.

mod common;

use common::{mizan, root, stdout};

#[test]
fn the_bundled_questionnaire_arranges_the_answers_by_its_own_structure() {
    let ws = mizan::workspace::Workspace::load(&root()).unwrap();
    let q = ws
        .questionnaires
        .iter()
        .find(|q| q.id == "unodc-glotip")
        .expect("bundled");
    for lang in ["en", "ar"] {
        let text = stdout(
            &root(),
            &[
                "gaps",
                "--format",
                "questionnaire",
                "--questionnaire",
                "unodc-glotip",
                "--lang",
                lang,
            ],
        );
        // Every section and question, in the questionnaire's order.
        let mut at = 0;
        for s in &q.sections {
            let title = format!("\n## {}\n", s.title.pick(lang).text);
            at += text[at..].find(&title).unwrap_or_else(|| panic!("{title}"));
            for question in &s.questions {
                let head = format!("\n### {} {}\n", question.id, question.text.pick(lang).text);
                at += text[at..].find(&head).unwrap_or_else(|| panic!("{head}"));
                // Each provision that answers it, under it.
                let next = text[at + 1..]
                    .find("\n### ")
                    .map_or(text.len(), |n| at + 1 + n);
                let block = &text[at..next];
                for r in &question.provisions {
                    let id = format!("`{}/{}`", r.standard, r.provision);
                    assert!(block.contains(&id), "{lang}: {id} under {}", question.id);
                }
                let unanswered = if lang == "en" {
                    "Not answered by the legal assessment"
                } else {
                    "لا يجيب عنه تقييم القانون"
                };
                assert_eq!(
                    question.provisions.is_empty(),
                    block.contains(unanswered),
                    "{block}"
                );
            }
        }
    }
    let en = stdout(
        &root(),
        &[
            "gaps",
            "--format",
            "questionnaire",
            "--questionnaire",
            "unodc-glotip",
        ],
    );
    assert!(en.contains("### 1.6 Is forced labour punished as an offence"));
    assert!(en.contains("**Overall:** In part. (provisions that answer it: 1)"));
}

#[test]
fn a_workspace_adds_its_own_questionnaire() {
    let ws = root().join("book/src/examples/workspace");
    let text = stdout(
        &ws,
        &[
            "gaps",
            "--format",
            "questionnaire",
            "--questionnaire",
            "annual-review",
        ],
    );
    assert!(text.starts_with("# The committee's annual review\n"));
    assert!(text.contains("#### Trafficking in Persons Protocol, Art. 6(6): Compensation"));
    let out = mizan(
        &ws,
        &[
            "gaps",
            "--format",
            "questionnaire",
            "--questionnaire",
            "unodc-glotip",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the bundled one belongs to the repository's workspace"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("(there are: annual-review)"));
    let out = mizan(&ws, &["gaps", "--questionnaire", "annual-review"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_questionnaire_naming_an_unknown_provision_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    mizan::testing::files::copy_dir(&root().join("book/src/examples/workspace"), &ws);
    let text = "title: {en: Q}\nsections:\n  - id: a\n    title: {en: A}\n    questions:\n      - id: \"1\"\n        text: {en: x}\n        provisions: [tip/art_66]\n";
    std::fs::write(ws.join("questionnaires/q.yaml"), text).unwrap();
    let out = mizan(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("questionnaires/q.yaml:8:22: error[M0312]"),
        "{err}"
    );
    assert!(err.contains("`tip` has no provision `art_66`"), "{err}");
}
