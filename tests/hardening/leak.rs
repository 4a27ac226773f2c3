//! An enacted amendment marked `visibility: committee` changes the exported
//! text, but its id once reached the export manifest (`mizan-export.json`)
//! and `export akn --format json`. It is now listed as `undisclosed-N`,
//! the name the documents themselves give it.

use std::fs;

use super::common::*;

#[test]
fn a_committee_amendment_id_stays_out_of_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&repo().join("tests/fixtures/export/amended"), &ws);
    let file = ws.join("corpus/kw/amendments/reform-2021.md");
    let text = fs::read_to_string(&file).unwrap();
    assert!(!text.contains("visibility:"));
    fs::write(
        &file,
        text.replacen("---\n", "---\nvisibility: committee\n", 1),
    )
    .unwrap();
    let out_dir = dir.path().join("akn");
    let out = mizan()
        .arg("--workspace")
        .arg(&ws)
        .args(["export", "akn", "--format", "json", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    let manifest = fs::read_to_string(out_dir.join("mizan-export.json")).unwrap();
    for (what, text) in [("stdout", &printed), ("manifest", &manifest)] {
        assert!(!text.contains("reform-2021"), "{what}: {text}");
        assert!(text.contains("\"undisclosed-1\""), "{what}: {text}");
        // The public amendment that follows it keeps its id.
        assert!(text.contains("\"renumbering-2022\""), "{what}: {text}");
    }
    for entry in walk(&out_dir) {
        let xml = fs::read_to_string(&entry).unwrap();
        assert!(!xml.contains("reform-2021"), "{}", entry.display());
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
