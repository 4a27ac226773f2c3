//! `mizan gaps --at`, `--timeline` and `--since` on the bundled workspace:
//! the law as it stood before the 2019 Constitutional Court ruling differs
//! from today's in exactly the provisions the ruling changed; the timeline
//! has a point at the ruling; what changed since a date names its cause,
//! and a published report shows reassessments.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{mizan, root, stdout};

use serde_json::Value;

const RULING: &str = "constitutional-court-appeal-7-2018";

fn json(workspace: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&stdout(workspace, args)).unwrap()
}

/// Every provision of a gap report by `instrument/provision`.
fn provisions(report: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for i in report["instruments"].as_array().unwrap() {
        for p in i["provisions"].as_array().unwrap() {
            out.push((p["ref"].as_str().unwrap().to_owned(), p.clone()));
        }
    }
    out
}

/// The provisions the ruling's mapping changes name, read from its file by
/// the library (not by the command under test).
fn changed_by_ruling() -> BTreeSet<String> {
    let ws = mizan::workspace::Workspace::load(&root()).unwrap();
    let ruling = ws.amendment(RULING).unwrap();
    assert!(!ruling.mapping_changes.is_empty());
    ruling
        .mapping_changes
        .iter()
        .map(|e| format!("{}/{}", e.standard, e.provision))
        .collect()
}

#[test]
fn before_the_2019_ruling_the_report_differs_in_exactly_the_provisions_it_changed() {
    let ws = root();
    let today = json(&ws, &["gaps", "--format", "json"]);
    let before = json(&ws, &["gaps", "--at", "2019-04-08", "--format", "json"]);
    assert_eq!(before["at"], "2019-04-08");
    assert!(today.get("at").is_none());
    let a = provisions(&before);
    let b = provisions(&today);
    assert_eq!(a.len(), b.len());
    let differ: BTreeSet<String> = a
        .iter()
        .zip(&b)
        .filter(|((ra, pa), (rb, pb))| {
            assert_eq!(ra, rb);
            pa != pb
        })
        .map(|((r, _), _)| r.clone())
        .collect();
    assert_eq!(differ, changed_by_ruling());
    // On the day the ruling took effect, the law is today's.
    let on = json(&ws, &["gaps", "--at", "2019-04-09", "--format", "json"]);
    assert_eq!(provisions(&on), b);
}

#[test]
fn at_a_date_the_table_says_what_was_in_force() {
    let ws = root();
    let before = stdout(&ws, &["gaps", "--at", "2019-04-08"]);
    assert!(
        before.starts_with("The law as it stood on 8 April 2019"),
        "{before}"
    );
    assert!(before.contains("No enacted amendment or ruling was in force yet"));
    // Works the assessment cites that were not yet in force are named.
    let early = stdout(&ws, &["gaps", "--at", "2010-01-01"]);
    assert!(early.contains("Not yet in force on that date"), "{early}");
    assert!(early.contains("  Anti-Trafficking Law, in force from 17 April 2013\n"));
    let out = mizan(&ws, &["gaps", "--at", "2010-01-01", "--format", "json"]);
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("Anti-Trafficking Law came into force on 2013-04-17")
    );
    let after = stdout(&ws, &["gaps", "--at", "2020-01-01"]);
    assert!(after.contains(RULING), "{after}");
    let csv = stdout(&ws, &["gaps", "--at", "2019-04-08", "--format", "csv"]);
    assert!(csv.starts_with('\u{FEFF}'));
}

#[test]
fn the_timeline_has_a_point_before_any_change_and_one_at_the_ruling() {
    let ws = root();
    let t = json(&ws, &["gaps", "--timeline", "--format", "json"]);
    let points = t["points"].as_array().unwrap();
    assert_eq!(points.len(), 2);
    assert_eq!(points[0]["date"], Value::Null);
    assert_eq!(points[1]["date"], "2019-04-09");
    assert_eq!(points[1]["took_effect"][0]["id"], RULING);
    assert_eq!(points[1]["took_effect"][0]["kind"], "court-ruling");
    let n = t["points"][0]["instruments"].as_array().unwrap().len();
    assert_eq!(n, 11);
    // The ruling leaves every score where it was: it changes a reason, not
    // a status.
    assert_eq!(points[0]["instruments"], points[1]["instruments"]);

    let csv = stdout(&ws, &["gaps", "--timeline", "--format", "csv"]);
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 2 * (n + 2), "{csv}");
    assert!(lines[0].starts_with("\u{FEFF}date,instrument,score"));

    let en = stdout(&ws, &["gaps", "--timeline"]);
    assert!(en.contains("Scores over time: kw"), "{en}");
    assert!(en.contains("9 April 2019"));
    let ar = stdout(&ws, &["gaps", "--timeline", "--lang", "ar"]);
    assert!(ar.contains("الدرجات عبر الزمن"), "{ar}");
    assert!(ar.contains("٩ أبريل ٢٠١٩"), "{ar}");
}

#[test]
fn since_a_date_each_change_names_its_cause() {
    let ws = root();
    let s = json(&ws, &["gaps", "--since", "2019-01-01", "--format", "json"]);
    let changes = s["changes"].as_array().unwrap();
    let refs: BTreeSet<String> = changes
        .iter()
        .map(|c| c["ref"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(refs, changed_by_ruling());
    let cause = &changes[0]["causes"][0];
    assert_eq!(cause["cause"], "ruling");
    assert_eq!(cause["id"], RULING);
    assert_eq!(cause["in_force"], "2019-04-09");
    assert_eq!(s["published_report_compared"], false);
    // Nothing took effect since the ruling.
    let later = json(&ws, &["gaps", "--since", "2019-04-09", "--format", "json"]);
    assert_eq!(later["changes"], Value::Array(Vec::new()));

    let table = stdout(&ws, &["gaps", "--since", "2019-01-01"]);
    assert!(table.contains("c029/art_25"), "{table}");
    assert!(table.contains("Partial → Partial (Same status)"), "{table}");
    assert!(table.contains("Cause: Court ruling constitutional-court-appeal-7-2018"));
    let ar = stdout(&ws, &["gaps", "--since", "2019-01-01", "--lang", "ar"]);
    assert!(ar.contains("السبب: حكم قضائي"), "{ar}");
    let csv = stdout(&ws, &["gaps", "--since", "2019-01-01", "--format", "csv"]);
    assert!(csv.contains(",ruling,court-ruling,constitutional-court-appeal-7-2018,2019-04-09,"));
}

/// A copy of the bundled workspace whose mizan.toml names the last report.
fn workspace_with_last_report(settings: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&root().join("corpus"), &dir.path().join("corpus"));
    copy(&root().join("standards"), &dir.path().join("standards"));
    let toml = fs::read_to_string(root().join("mizan.toml")).unwrap();
    fs::write(dir.path().join("mizan.toml"), format!("{toml}\n{settings}")).unwrap();
    dir
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn since_the_last_report_a_published_report_shows_reassessments() {
    let dir = workspace_with_last_report(
        "[gaps.last_report]\ndate = \"2019-01-01\"\nfile = \"reports/2019-01-01.json\"\n",
    );
    let ws = dir.path();
    // The report as published then said `full` where the law of that date,
    // as assessed now, is only partly met.
    let mut published = json(ws, &["gaps", "--at", "2019-01-01", "--format", "json"]);
    let mut changed = None;
    for i in published["instruments"].as_array_mut().unwrap() {
        for p in i["provisions"].as_array_mut().unwrap() {
            if changed.is_none() && p["status"] == "partial" && p["ref"] != "c029/art_25" {
                p["status"] = "full".into();
                changed = Some(p["ref"].as_str().unwrap().to_owned());
            }
        }
    }
    let changed = changed.unwrap();
    fs::create_dir_all(ws.join("reports")).unwrap();
    fs::write(
        ws.join("reports/2019-01-01.json"),
        serde_json::to_string_pretty(&published).unwrap(),
    )
    .unwrap();

    let s = json(ws, &["gaps", "--since", "--format", "json"]);
    assert_eq!(s["since"], "2019-01-01");
    assert_eq!(s["published_report_compared"], true);
    let changes = s["changes"].as_array().unwrap();
    let re = changes
        .iter()
        .find(|c| c["ref"] == changed.as_str())
        .unwrap();
    assert_eq!(re["before"], "full");
    assert_eq!(re["after"], "partial");
    assert_eq!(re["effect"], "worsens");
    assert_eq!(re["causes"][0]["cause"], "reassessment");
    assert_eq!(re["causes"][0]["published_status"], "full");
    assert!(changes.iter().any(|c| c["ref"] == "c029/art_25"));
    let table = stdout(ws, &["gaps", "--since"]);
    assert!(
        table.starts_with("Changes since the last report (1 January 2019)"),
        "{table}"
    );
    assert!(
        table.contains("Reassessment: the report as published"),
        "{table}"
    );
}

#[test]
fn a_damaged_published_report_is_a_diagnostic_at_its_place() {
    let dir = workspace_with_last_report(
        "[gaps.last_report]\ndate = \"2019-01-01\"\nfile = \"reports/last.json\"\n",
    );
    let ws = dir.path();
    fs::create_dir_all(ws.join("reports")).unwrap();
    fs::write(
        ws.join("reports/last.json"),
        "{\n  \"version\": 1,\n  oops\n}\n",
    )
    .unwrap();
    let out = mizan(ws, &["gaps", "--since"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("M0121"), "{err}");
    assert!(err.contains("last.json:3:3"), "{err}");
    // `check` reads it too, with the same diagnostic and its snippet.
    let out = mizan(ws, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("last.json:3:3: error[M0121]"), "{err}");
    assert!(err.contains("oops"), "the snippet: {err}");
    // `build` stops at it too, and writes nothing, rather than a "since
    // the last report" page that leaves the report out unsaid.
    let out = mizan(ws, &["build", "--out", "out-site"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("last.json:3:3: error[M0121]"), "{err}");
    assert!(err.contains("the site was not built"), "{err}");
    assert!(!ws.join("out-site").exists());
    // A file that is not there.
    std::fs::remove_file(ws.join("reports/last.json")).unwrap();
    let out = mizan(ws, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot read the last report as published")
    );
}

#[test]
fn a_bad_last_report_date_names_its_place_in_mizan_toml() {
    let dir = workspace_with_last_report("[gaps.last_report]\ndate = \"2019-13-01\"\n");
    let out = mizan(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mizan.toml:"), "{err}");
    assert!(err.contains("not a date"), "{err}");
}

#[test]
fn since_without_a_date_needs_the_last_report() {
    let out = mizan(&root(), &["gaps", "--since"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[gaps.last_report]"));
    let out = mizan(
        &root(),
        &["gaps", "--at", "2019-01-01", "--with", "all-pending"],
    );
    assert_eq!(out.status.code(), Some(2));
}
