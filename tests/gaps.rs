//! `mizan gaps` end to end: the table, JSON, CSV and questionnaire forms on
//! fixture workspaces, scenarios, filters, errors, and the examples of the
//! book's Gap analysis chapter (every `$ mizan` command shown there is run
//! and its output compared with the file the book includes).

#[path = "gaps/json_schema.rs"]
mod json_schema;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/gaps").join(name)
}

fn example() -> PathBuf {
    root().join("book/src/examples/workspace")
}

fn mizan(workspace: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("mizan")
        .unwrap()
        .current_dir(root())
        .env_remove("NO_COLOR")
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .unwrap()
}

/// `mizan gaps ARGS` must succeed; its standard output.
fn stdout(workspace: &Path, args: &[&str]) -> String {
    let mut all = vec!["gaps"];
    all.extend(args);
    let out = mizan(workspace, &all);
    assert!(
        out.status.success(),
        "mizan {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(workspace: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let value: Value = serde_json::from_str(&stdout(workspace, &all)).unwrap();
    json_schema::assert_valid(&value);
    value
}

fn provision<'v>(report: &'v Value, reference: &str) -> &'v Value {
    report["instruments"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["provisions"].as_array().unwrap())
        .find(|p| p["ref"] == reference)
        .unwrap_or_else(|| panic!("no provision {reference}"))
}

fn instrument<'v>(report: &'v Value, id: &str) -> &'v Value {
    report["instruments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-6)
}

#[test]
fn json_statuses_and_scores_match_hand_computed_values() {
    let r = json(&fixture("mixed"), &[]);
    assert_eq!(r["version"], 1);
    assert_eq!(r["jurisdiction"], "kw");
    assert!(r["scenario"].is_null());
    let tip = instrument(&r, "tip");
    assert_eq!(tip["binding"], true);
    // earned 0.5 (3(a) partial) + 1 (5(1) full) + 0.5 x 0.5 (6(3) partial,
    // consider) + 0 (6(6) missing) + 0 (7(1) conflict) = 1.75 of 4.0
    assert!(close(&tip["score"]["earned"], 1.75));
    assert!(close(&tip["score"]["possible"], 4.0));
    assert!(close(&tip["score"]["value"], 0.4375));
    let counts = &tip["score"]["counts"];
    assert_eq!(counts["full"], 1);
    assert_eq!(counts["partial"], 2);
    assert_eq!(counts["missing"], 1);
    assert_eq!(counts["conflict"], 1);
    assert_eq!(counts["not-applicable"], 1);
    assert_eq!(counts["unassessed"], 2);
    let theme = |t: &str| {
        tip["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["theme"] == t)
            .unwrap()["score"]["value"]
            .clone()
    };
    assert!(close(&theme("definition"), 0.5));
    assert!(close(&theme("criminalization"), 1.0));
    // (0.25 + 0 + 0) / (0.5 + 1 + 0.5)
    assert!(close(&theme("protection"), 0.125));
    assert!(theme("prevention").is_null(), "only unassessed: no score");
    assert!(
        theme("procedure").is_null(),
        "only not-applicable: no score"
    );

    let def = provision(&r, "tip/art_3__para_a");
    assert_eq!(def["assessed_by"], "elements");
    assert_eq!(def["status"], "partial");
    let elements: Vec<(&str, &str)> = def["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        elements,
        [
            ("act", "full"),
            ("means", "partial"),
            ("purpose", "unassessed")
        ]
    );
    assert_eq!(provision(&r, "tip/art_13")["status"], "unassessed");
    assert_eq!(provision(&r, "tip/art_13")["assessed_by"], "none");

    let bench = instrument(&r, "nonpunish");
    assert_eq!(bench["binding"], false);
    assert_eq!(bench["party"]["status"], "not-party");
    assert!(close(&bench["score"]["value"], 0.0));
    assert_eq!(r["totals"]["binding"]["instruments"], 1);
    assert_eq!(r["totals"]["benchmark"]["instruments"], 1);
    assert!(close(&r["totals"]["binding"]["score"]["value"], 0.4375));
    assert!(close(&r["totals"]["benchmark"]["score"]["value"], 0.0));
}

#[test]
fn a_scenario_reports_before_after_and_deltas() {
    let r = json(&fixture("mixed"), &["--with", "all-pending"]);
    let scenario = &r["scenario"];
    let ids: Vec<&str> = scenario["amendments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    // By submission date; the enacted amendment is not pending.
    assert_eq!(ids, ["victim-protection", "means"]);
    assert_eq!(scenario["text_applied"], true);
    assert_eq!(scenario["missing_articles"], serde_json::json!([]));
    let changes: Vec<(&str, &str, &str, &str)> = scenario["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["ref"].as_str().unwrap(),
                c["before"].as_str().unwrap(),
                c["after"].as_str().unwrap(),
                c["effect"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("nonpunish/principle_7", "conflict", "full", "closes"),
            ("tip/art_3__para_a", "partial", "full", "closes"),
            ("tip/art_6__para_6", "missing", "full", "closes"),
            ("tip/art_7__para_1", "conflict", "partial", "improves"),
        ]
    );
    // After: 1 + 1 + 0.25 + 1 + 0.25 = 3.5 of 4.0; before 0.4375.
    let tip = instrument(&r, "tip");
    assert!(close(&tip["score"]["value"], 0.875));
    assert!(close(&tip["score"]["baseline"]["value"], 0.4375));
    assert!(close(&tip["score"]["delta"], 0.4375));
    let def = provision(&r, "tip/art_3__para_a");
    assert_eq!(def["baseline_status"], "partial");
    assert_eq!(def["changed_by"], serde_json::json!(["means"]));
    let purpose = &def["elements"][2];
    assert_eq!(purpose["status"], "full");
    assert_eq!(purpose["baseline_status"], "unassessed");
    assert_eq!(purpose["changed_by"], "means");
    assert!(close(&r["totals"]["benchmark"]["score"]["delta"], 1.0));

    // Naming one amendment applies only it.
    let one = json(&fixture("mixed"), &["--with", "means"]);
    assert_eq!(one["scenario"]["changes"].as_array().unwrap().len(), 1);
}

#[test]
fn the_scenario_table_shows_what_closes_and_the_new_scores() {
    let table = stdout(&fixture("mixed"), &["--with", "victim-protection"]);
    assert!(
        table.contains("Scenario: 1 pending amendment applied"),
        "{table}"
    );
    let line = table
        .lines()
        .find(|l| l.contains("tip/art_6__para_6"))
        .unwrap();
    assert!(
        line.contains("missing") && line.contains("->  full") && line.contains("closes"),
        "{line}"
    );
    // tip before 43.8%, after (1.75 + 1 + 0.25) / 4 = 75.0%: +31.2 points.
    let tip = table.lines().find(|l| l.starts_with("  tip: ")).unwrap();
    assert!(
        tip.contains("43.8%") && tip.contains("75.0%") && tip.contains("+31.2"),
        "{tip}"
    );
}

#[test]
fn filters_select_rows_but_keep_whole_scores() {
    let r = json(
        &fixture("mixed"),
        &["--theme", "protection", "--status", "conflict"],
    );
    assert_eq!(r["filter"]["theme"], "protection");
    assert_eq!(r["filter"]["statuses"], serde_json::json!(["conflict"]));
    let refs: Vec<&str> = r["instruments"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["provisions"].as_array().unwrap())
        .map(|p| p["ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["nonpunish/principle_7", "tip/art_7__para_1"]);
    assert!(close(&instrument(&r, "tip")["score"]["value"], 0.4375));

    let only = json(&fixture("mixed"), &["--standard", "nonpunish"]);
    assert_eq!(only["instruments"].as_array().unwrap().len(), 1);
    assert_eq!(only["totals"]["binding"]["instruments"], 0);
}

#[test]
fn the_table_is_worst_first_fits_100_columns_and_has_no_colour_when_piped() {
    for ws in [fixture("mixed"), example()] {
        for args in [&[][..], &["--with", "all-pending"][..]] {
            let table = stdout(&ws, args);
            assert!(!table.contains('\x1b'), "no colour when piped");
            for line in table.lines() {
                assert!(line.width() <= 100, "{} columns: {line}", line.width());
            }
        }
    }
    let table = stdout(&fixture("mixed"), &["--standard", "tip"]);
    let statuses: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.starts_with("status "))
        .skip(1)
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        statuses,
        [
            "conflict",
            "missing",
            "partial",
            "partial",
            "unassessed",
            "unassessed",
            "full",
            "not-applicable"
        ]
    );
    // Within one status, the stronger obligation first: 3(a) mandatory, 6(3) consider.
    let partial: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("partial"))
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(partial, ["art_3__para_a", "art_6__para_3"]);
    // Element rows list the unassessed element.
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("  unassessed") && l.contains("#purpose")),
        "{table}"
    );
}

#[test]
fn csv_is_rfc_4180_with_a_bom_and_keeps_arabic() {
    let out = mizan(&fixture("mixed"), &["gaps", "--format", "csv"]);
    assert!(out.status.success());
    let bytes = out.stdout;
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.ends_with("\r\n"));
    let records = parse_csv(text);
    assert_eq!(records[0], mizan::output::csv::CSV_COLUMNS);
    assert_eq!(
        records[0],
        book_csv_columns(),
        "the book documents every column"
    );
    for r in &records {
        assert_eq!(r.len(), records[0].len(), "{r:?}");
    }
    let col = |name: &str| records[0].iter().position(|c| c == name).unwrap();
    // 8 + 2 provisions, and 3 element rows for tip/art_3__para_a.
    assert_eq!(records.len(), 1 + 10 + 3);
    let means = records
        .iter()
        .find(|r| r[col("provision")] == "tip/art_3__para_a" && r[col("element")] == "means")
        .unwrap();
    assert_eq!(means[col("level")], "element");
    assert_eq!(means[col("status")], "partial");
    assert_eq!(means[col("articles")], "/akn/kw/act/2013/91/~art_1");
    assert_eq!(means[col("articles_en")], "Anti-Trafficking Law, Article 1");
    assert_eq!(means[col("articles_ar")], "قانون مكافحة الاتجار، المادة (١)");
    assert_eq!(
        means[col("instrument_title_ar")],
        "بروتوكول الاتجار (للاختبار)"
    );
    let crim = records
        .iter()
        .find(|r| r[col("provision")] == "tip/art_5__para_1")
        .unwrap();
    assert_eq!(
        crim[col("rationale")],
        "Article 2 makes trafficking, \"as defined\", a crime."
    );
    let p7 = records
        .iter()
        .find(|r| r[col("provision")] == "nonpunish/principle_7")
        .unwrap();
    assert!(
        p7[col("recommendation")].starts_with("'="),
        "formula defused"
    );
    assert_eq!(p7[col("binding")], "false");
}

#[test]
fn the_questionnaire_groups_by_theme_with_reasons_and_articles() {
    let md = stdout(&fixture("mixed"), &["--format", "questionnaire"]);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Definitions",
            "## Criminalization",
            "## Protection of victims",
            "## Prevention",
            "## Cooperation",
            "## Procedure"
        ]
    );
    // Binding before benchmark within a theme.
    let tip = md.find("### TIP fixture, Art. 6(3)").unwrap();
    let bench = md
        .find("### Principles on non-punishment (fixture), Principle 7")
        .unwrap();
    assert!(tip < bench);
    assert!(md.contains("- Anti-Trafficking Law, Article 3: Treatment of victims (`/akn/kw/act/2013/91/~art_3`) · قانون مكافحة الاتجار، المادة (٣)"), "{md}");
    assert!(md.contains(
        "*Answer:* No: the law conflicts with this provision. Article 3 lets victims be held"
    ));
    assert!(md.contains("- *purpose* (Exploitation in all its forms.): **Unassessed**. Not yet assessed; counted as not met."));
    assert!(md.contains(
        "*Recommendation:* Repeal Article 3 and provide a residence permit for victims."
    ));
}

#[test]
fn bad_arguments_are_errors() {
    let out = mizan(&fixture("mixed"), &["gaps", "--standard", "tpi"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "mizan: no instrument `tpi` in `standards/`\n  help: did you mean `tip`?\n"
    );
    assert!(out.stdout.is_empty(), "no partial output");

    let out = mizan(&fixture("mixed"), &["gaps", "--with", "victim-protectoin"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `victim-protection`?"));
    assert!(out.stdout.is_empty());

    let out = mizan(&fixture("mixed"), &["gaps", "--with", "old-penalty"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is enacted, not pending"));

    let out = mizan(&fixture("mixed"), &["gaps", "--status", "fine"]);
    assert_eq!(out.status.code(), Some(2), "usage error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected one of: conflict, missing"));
}

#[test]
fn disagreeing_entries_are_warnings_in_check_and_gaps() {
    let ws = fixture("disagree");
    let out = mizan(&ws, &["check"]);
    assert!(out.status.success(), "warnings do not fail the check");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "corpus/kw/mappings/tip.yaml:7:13: warning[M0413]: `tip/art_3__para_a` is `full` here, \
             but its element entries make it `partial`"
        ),
        "{err}"
    );
    assert!(err.contains("element `means` is `missing`"), "{err}");
    assert!(
        err.contains("corpus/kw/amendments/child-victims.md:15:16: warning[M0523]: `tip/art_3__para_c#act` is changed twice by this amendment"),
        "{err}"
    );
    assert!(
        err.contains("corpus/kw/amendments/child-victims.md:10:14: warning[M0524]: this change assesses `tip/art_3__para_c#act` by element"),
        "{err}"
    );
    assert!(err.contains("purpose would be unassessed"), "{err}");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("0 errors, "), "{summary}");

    // Three, besides the translation coverage of the English-only fixture.
    let check = json_check(&ws);
    let warnings = check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "warning")
        .filter(|d| {
            !d["message"]
                .as_str()
                .unwrap_or("")
                .starts_with("translation coverage")
        })
        .count();
    assert_eq!(warnings, 3, "{check:#}");

    let out = mizan(&ws, &["gaps", "--format", "json"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("its element entries make it `partial`"));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        provision(&r, "tip/art_3__para_a")["status"],
        "partial",
        "the elements decide"
    );
}

fn json_check(ws: &Path) -> Value {
    serde_json::from_slice(&mizan(ws, &["check", "--format", "json"]).stdout).unwrap()
}

/// Every `$ mizan ...` command in the chapter runs; where the book includes
/// its output from `examples/gaps/`, the output must be that file.
#[test]
fn the_book_examples_are_real() {
    let chapter = std::fs::read_to_string(root().join("book/src/gaps.md")).unwrap();
    let mut pending: Option<String> = None;
    let mut ran = 0;
    let mut compared = 0;
    for line in chapter.lines() {
        if let Some(command) = line.strip_prefix("$ mizan ") {
            if let Some(previous) = pending.take() {
                run_book_command(&previous, None);
                ran += 1;
            }
            pending = Some(command.to_owned());
        } else if let Some(file) = line
            .strip_prefix("{{#include examples/gaps/")
            .and_then(|l| l.strip_suffix("}}"))
            && let Some(command) = pending.take()
        {
            run_book_command(&command, Some(file));
            ran += 1;
            compared += 1;
        }
    }
    if let Some(command) = pending {
        run_book_command(&command, None);
        ran += 1;
    }
    assert!(ran >= 5 && compared >= 4, "ran {ran}, compared {compared}");
}

fn run_book_command(command: &str, output: Option<&str>) {
    let args: Vec<&str> = command.split_whitespace().collect();
    let out = Command::cargo_bin("mizan")
        .unwrap()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "`mizan {command}` failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(file) = output else { return };
    let path = root().join("book/src/examples/gaps").join(file);
    let actual = String::from_utf8(out.stdout).unwrap();
    if std::env::var_os("MIZAN_UPDATE_BOOK").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        actual,
        expected,
        "`mizan {command}` no longer prints {}",
        path.display()
    );
}

/// The CSV columns as the book's table lists them (first cell of each row
/// of the table under "### Columns").
fn book_csv_columns() -> Vec<String> {
    let chapter = std::fs::read_to_string(root().join("book/src/gaps.md")).unwrap();
    chapter
        .lines()
        .skip_while(|l| !l.starts_with("### CSV columns"))
        .skip(1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.split('|')
                .nth(1)
                .unwrap()
                .trim()
                .trim_matches('`')
                .to_owned()
        })
        .collect()
}

/// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a quote inside an unquoted field: {field}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
            }
            '\n' => panic!("a bare LF ends a record"),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        record.is_empty() && field.is_empty(),
        "last record without CRLF"
    );
    records
}

/// The bundled assessment (the repository root): every form works, the JSON
/// keeps its schema, and no provision goes missing from the counts.
#[test]
fn the_bundled_assessment_reports_in_every_form() {
    let ws = root();
    let loaded = mizan::Workspace::load(&ws).unwrap();
    let provisions: usize = loaded.instruments.iter().map(|i| i.provisions.len()).sum();
    for args in [&[][..], &["--with", "all-pending"][..]] {
        let r = json(&ws, args);
        let total = |group: &str| -> u64 {
            let c = &r["totals"][group]["score"]["counts"];
            [
                "full",
                "partial",
                "missing",
                "conflict",
                "not-applicable",
                "unassessed",
            ]
            .iter()
            .map(|s| c[s].as_u64().unwrap())
            .sum()
        };
        assert_eq!(total("binding") + total("benchmark"), provisions as u64);
        let listed: usize = r["instruments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["provisions"].as_array().unwrap().len())
            .sum();
        assert_eq!(listed, provisions, "every provision is listed");
        let table = stdout(&ws, args);
        assert!(table.lines().all(|l| l.width() <= 100));
    }
    let scenario = json(&ws, &["--with", "all-pending"]);
    assert!(
        !scenario["scenario"]["changes"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let csv = mizan(&ws, &["gaps", "--format", "csv"]);
    assert!(csv.status.success());
    let records = parse_csv(std::str::from_utf8(&csv.stdout[3..]).unwrap());
    assert!(
        records.len() > provisions,
        "a row per provision, and per element"
    );
    assert!(
        records
            .iter()
            .all(|r| r.len() == mizan::output::csv::CSV_COLUMNS.len())
    );
    stdout(&ws, &["--format", "questionnaire"]);
}

/// A scenario is held to the amended text: an entry relying on an article
/// the amendment repeals is reported (its status is left to the assessors).
#[test]
fn a_scenario_reports_entries_relying_on_repealed_articles() {
    let ws = fixture("repeal");
    let r = json(&ws, &["--with", "austerity"]);
    assert_eq!(r["scenario"]["text_applied"], true);
    assert_eq!(
        r["scenario"]["missing_articles"],
        serde_json::json!([{
            "ref": "tip/art_7__para_1",
            "element": null,
            "article": "/akn/kw/act/2013/91/~art_3",
            "amendment": null
        }])
    );
    assert_eq!(provision(&r, "tip/art_7__para_1")["status"], "full");
    let table = stdout(&ws, &["--with", "austerity"]);
    assert!(
        table.contains(
            "Entries relying on articles the amended text no longer has: 1\n  \
             tip/art_7__para_1 relies on /akn/kw/act/2013/91/~art_3 (mapping entry)\n"
        ),
        "{table}"
    );
    let md = stdout(&ws, &["--with", "austerity", "--format", "questionnaire"]);
    assert!(
        md.contains("- `tip/art_7__para_1`: `/akn/kw/act/2013/91/~art_3`"),
        "{md}"
    );
    // Without a scenario there is nothing to hold to the text.
    assert!(json(&ws, &[])["scenario"].is_null());
}
