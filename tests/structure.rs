//! Size rules for the source: no file in `src/` (or in a crate's `src/`
//! under `crates/`) over 800 lines, no function over 120. Split by concern
//! before a file or function reaches them. And the test helpers stay out
//! of what ships.
//!
//! The files and functions that broke the rules when it was written are
//! listed below with their size then. A listed one may only shrink: the
//! test fails when one grows, when a new one appears, and when one is
//! fixed but still listed (so the lists only get shorter).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 120;

/// Files over the limit: path under `src/`, lines.
const FILES_OVER: &[(&str, usize)] = &[];

/// Functions over the limit: `path::name`, lines.
const FUNCTIONS_OVER: &[(&str, usize)] = &[
    ("amend/apply.rs::operation", 216),
    ("amend/reader.rs::read_new_text", 124),
    ("corpus/reader.rs::on_heading", 121),
    ("gaps/table.rs::instrument_section", 145),
    ("workspace/documents.rs::documents", 123),
    ("site/mod.rs::build", 150),
    ("site/model/work.rs::work_page", 137),
    ("standards/reader.rs::read_instrument", 135),
    ("workspace/coverage.rs::tallies", 136),
    ("workspace/validate.rs::check_entry", 138),
];

/// Every Rust file of the package's `src/` (named relative to it) and of
/// each crate's `src/` under `crates/` (named from the repository root).
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = rust_files(&root.join("src"), &root.join("src"));
    for entry in fs::read_dir(root.join("crates")).unwrap() {
        let src = entry.unwrap().path().join("src");
        if src.is_dir() {
            files.extend(rust_files(&src, root));
        }
    }
    files.sort();
    files
}

/// The Rust files under `dir`, named relative to `base`.
fn rust_files(dir: &Path, base: &Path) -> Vec<(String, String)> {
    let src = base;
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path
                    .strip_prefix(src)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files
}

/// Every function in rustfmt-formatted source, with its length in lines:
/// from the `fn` line to the `}` at the same indentation.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(name) = fn_name(trimmed) else {
            continue;
        };
        // The signature ends at `{` (a body follows), `;` (a declaration
        // in a trait) or `}` (an empty body on the same line).
        let end = lines[i..]
            .iter()
            .position(|l| l.trim_end().ends_with([';', '{', '}']))
            .map(|j| i + j);
        let Some(end) = end.filter(|&e| lines[e].trim_end().ends_with('{')) else {
            continue;
        };
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(j) = lines[end..].iter().position(|l| l.trim_end() == close) {
            found.push((name, end + j - i + 1));
        }
    }
    found
}

/// The name declared by a line that starts a function, if it does.
fn fn_name(trimmed: &str) -> Option<String> {
    let mut rest = trimmed;
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Compares what is over a limit with what the list allows.
fn ratchet(kind: &str, over: BTreeMap<String, usize>, allowed: &[(&str, usize)], limit: usize) {
    let allowed: BTreeMap<&str, usize> = allowed.iter().copied().collect();
    let mut problems = Vec::new();
    for (name, size) in &over {
        match allowed.get(name.as_str()) {
            None => problems.push(format!("{name}: {size} lines (the limit is {limit})")),
            Some(&was) if *size > was => {
                problems.push(format!("{name}: grew from {was} to {size} lines"))
            }
            Some(_) => {}
        }
    }
    for name in allowed.keys() {
        if !over.contains_key(*name) {
            problems.push(format!(
                "{name} is within the limit now: remove it from the list"
            ));
        }
    }
    assert!(problems.is_empty(), "{kind}:\n{}", problems.join("\n"));
}

#[test]
fn no_source_file_is_over_800_lines() {
    let over = sources()
        .into_iter()
        .map(|(name, text)| (name, text.lines().count()))
        .filter(|(_, n)| *n > MAX_FILE_LINES)
        .collect();
    ratchet("files over 800 lines", over, FILES_OVER, MAX_FILE_LINES);
}

#[test]
fn no_function_is_over_120_lines() {
    let mut over = BTreeMap::new();
    for (file, text) in sources() {
        for (name, n) in functions(&text) {
            if n > MAX_FN_LINES {
                let key = format!("{file}::{name}");
                let e = over.entry(key).or_insert(0);
                *e = n.max(*e);
            }
        }
    }
    ratchet(
        "functions over 120 lines",
        over,
        FUNCTIONS_OVER,
        MAX_FN_LINES,
    );
}

/// The measure itself: it finds a long function and measures it right.
#[test]
fn the_function_measure_counts_from_fn_to_its_closing_brace() {
    let body = "    x();\n".repeat(130);
    let text = format!(
        "fn short() {{}}\n\npub fn long(\n    a: u8,\n) -> u8 {{\n{body}}}\n\nimpl A {{\n    fn inner(&self) {{\n        y();\n    }}\n}}\n"
    );
    let found = functions(&text);
    assert_eq!(
        found,
        [("long".to_owned(), 134), ("inner".to_owned(), 3)],
        "{found:?}"
    );
}

/// `mizan::testing` (what the tests and benchmarks share) exists only for
/// tests and with the `test-support` feature, and no code of the library
/// or the binary names it outside its tests: a release build, which has no
/// such feature, could not compile if one did.
#[test]
fn test_helpers_are_compiled_only_for_tests() {
    let files = sources();
    let lib = &files.iter().find(|(name, _)| name == "lib.rs").unwrap().1;
    assert!(
        lib.contains("#[cfg(any(test, feature = \"test-support\"))]\npub mod testing;"),
        "src/lib.rs declares `testing` behind `cfg(any(test, feature = \"test-support\"))`"
    );
    let mut named = Vec::new();
    for (name, text) in &files {
        if name.starts_with("testing/") || name.starts_with("crates/") || name.ends_with("tests.rs")
        {
            continue;
        }
        // Unit tests come last in a file, after `#[cfg(test)]`.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if !line.starts_with("//") && line.contains("testing::") {
                named.push(format!("src/{name}:{}: {line}", i + 1));
            }
        }
    }
    assert!(
        named.is_empty(),
        "code outside tests names `testing`:\n{}",
        named.join("\n")
    );
}
