//! Size rules for the source: no file in `src/` (or in a crate's `src/`
//! under `crates/`) over 800 lines, no function over 120. Split by concern
//! before a file or function reaches them. And the test helpers stay out
//! of what ships.
//!
//! The files and functions that broke the rules when it was written are
//! listed below with their size then. A listed one may only shrink: the
//! test fails when one grows, when a new one appears, and when one is
//! fixed but still listed (so the lists only get shorter).
//!
//! Layering: the library's top-level modules import each other only as
//! [`LAYERS`] allows, which is DESIGN.md's pipeline: no cycle, and no
//! import between sibling stages.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 120;

/// Files over the limit: path under `src/`, lines.
const FILES_OVER: &[(&str, usize)] = &[];

/// Functions over the limit: `path::name`, lines.
const FUNCTIONS_OVER: &[(&str, usize)] = &[];

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

/// The layering of the library (`src/`, without the binary: `main.rs` and
/// `cli/` may use all of it). Each top-level module, with the modules it
/// may import besides the [`FOUNDATIONS`]. Data flows one way, as in
/// DESIGN.md (load -> validate -> analyse -> output): a module may import
/// only modules listed above it, and the stages of one step are siblings
/// that do not import each other (gaps and search; site and export). What
/// two siblings share moves down a step.
const LAYERS: &[(&str, &[&str])] = &[
    // Foundations: text handling, dates, ids, diagnostics, file decoding;
    // shared by every stage, they import no stage.
    ("text", &[]),
    ("date", &[]),
    ("hash", &[]),
    ("translations", &[]),
    ("localized", &["translations"]),
    ("diag", &["text"]),
    ("ids", &["text", "date", "diag"]),
    // Languages as data: every word mizan writes in a language.
    ("lang", &["text", "date", "ids"]),
    ("source", &["diag", "text"]),
    ("yaml", &["diag", "text"]),
    // Output written whole or not at all: one writer below every stage
    // that writes files (only those list it).
    ("atomic", &["date"]),
    // Load: the readers and the model. Amendments change statutes and
    // mapping entries, so `amend` reads both models.
    ("corpus", &[]),
    ("settings", &["corpus"]),
    ("standards", &["settings"]),
    ("amend", &["corpus", "standards"]),
    // Model builders for tests (compiled only for them).
    ("testing", &["corpus", "standards", "amend"]),
    // Import: a law from a Word, text or HTML file into a statute file,
    // read back by the corpus reader; an amending law into an amendment,
    // read back by the amendment reader.
    ("import", &["corpus", "amend", "testing"]),
    // Validate: one workspace from a folder, checked across files.
    ("workspace", &["corpus", "settings", "standards", "amend"]),
    // Analyse: siblings.
    (
        "gaps",
        &[
            "corpus",
            "settings",
            "standards",
            "amend",
            "testing",
            "workspace",
        ],
    ),
    (
        "search",
        &[
            "corpus",
            "settings",
            "standards",
            "amend",
            "testing",
            "workspace",
        ],
    ),
    // A proposal: drafts, their text and their effect on the gaps.
    (
        "proposal",
        &[
            "corpus",
            "settings",
            "standards",
            "amend",
            "workspace",
            "gaps",
        ],
    ),
    // Output: every format a result is shown in, fed the analysis.
    (
        "output",
        &[
            "proposal",
            "corpus",
            "import",
            "settings",
            "standards",
            "amend",
            "workspace",
            "gaps",
            "search",
        ],
    ),
    // Publish: siblings that write many outputs at once.
    (
        "site",
        &[
            "atomic",
            "corpus",
            "settings",
            "standards",
            "amend",
            "workspace",
            "gaps",
            "search",
            "proposal",
            "output",
        ],
    ),
    (
        "export",
        &[
            "atomic",
            "corpus",
            "settings",
            "standards",
            "amend",
            "workspace",
            "gaps",
            "search",
            "output",
        ],
    ),
    // The language server: an editor's view of the loaded workspace, its
    // gaps and its amendments' redlines.
    (
        "lsp",
        &["corpus", "standards", "amend", "workspace", "gaps"],
    ),
];

/// Modules every stage may import.
const FOUNDATIONS: &[&str] = &[
    "date",
    "diag",
    "hash",
    "ids",
    "lang",
    "localized",
    "source",
    "text",
    "translations",
    "yaml",
];

/// The top-level module a file under `src/` belongs to, or `None` for the
/// crate root, the binary and the other crates under `crates/`.
fn module_of(file: &str) -> Option<&str> {
    let first = file.split(['/', '\\']).next()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(module, "lib" | "main" | "cli" | "crates")).then_some(module)
}

/// The names the crate root re-exports, with the module each comes from
/// (`pub use workspace::{LoadFailure, Workspace};`).
fn root_exports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        for name in items.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if !name.is_empty() {
                names.insert(name.to_owned(), module.to_owned());
            }
        }
    }
    names
}

/// The first segment of every `crate::` path in rustfmt-formatted source,
/// comments left out: `crate::gaps::Filter` gives `gaps`, and
/// `use crate::{corpus::Lang, ids};` gives `corpus` and `ids`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group, up to its closing brace.
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        item_start = false;
                        found.insert(ident(&group[i..]));
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found.remove("");
    found
}

/// Which top-level modules each module imports.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let exports = root_exports(&lib);
    let modules: BTreeSet<String> = sources()
        .iter()
        .filter_map(|(file, _)| module_of(file).map(str::to_owned))
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in sources() {
        let Some(module) = module_of(&file) else {
            continue;
        };
        let imports = graph.entry(module.to_owned()).or_default();
        for name in crate_paths(&text) {
            let target = if modules.contains(&name) {
                name
            } else if let Some(m) = exports.get(&name) {
                m.clone()
            } else {
                panic!("{file}: `crate::{name}` is neither a module nor a re-export of lib.rs");
            };
            if target != module {
                imports.insert(target);
            }
        }
    }
    graph
}

/// A cycle in the graph, as the path that closes it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

/// The imports the layering does not allow, one line each.
fn layering_problems(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let position = |m: &str| LAYERS.iter().position(|(n, _)| *n == m);
    let mut problems = Vec::new();
    for (module, imports) in graph {
        let Some(at) = position(module) else {
            problems.push(format!(
                "`{module}` is not in LAYERS: give it its place in the pipeline"
            ));
            continue;
        };
        let allowed = LAYERS[at].1;
        let foundation = FOUNDATIONS.contains(&module.as_str());
        for target in imports {
            let ok = allowed.contains(&target.as_str())
                || (!foundation && FOUNDATIONS.contains(&target.as_str()));
            if !ok {
                problems.push(format!(
                    "`{module}` imports `{target}`, which LAYERS does not allow"
                ));
            }
        }
    }
    problems
}

#[test]
fn stage_modules_import_one_way_with_no_cycle() {
    let graph = import_graph();
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between modules: {}", cycle.join(" -> "));
    }
    let problems = layering_problems(&graph);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The table itself runs one way: each module may import only modules
/// listed above it (so the layering cannot allow a cycle).
#[test]
fn the_layering_table_runs_one_way() {
    for (i, (module, allowed)) in LAYERS.iter().enumerate() {
        for target in allowed.iter().chain(FOUNDATIONS) {
            if FOUNDATIONS.contains(module) && !allowed.contains(target) {
                continue;
            }
            let at = LAYERS.iter().position(|(n, _)| n == target);
            assert!(
                at.is_some_and(|j| j < i),
                "`{module}` may import `{target}`, which is not listed above it"
            );
        }
    }
}

/// The import check itself: it reads `crate::` paths in every form, leaves
/// comments out, finds a cycle and an import between siblings.
#[test]
fn the_import_check_finds_paths_cycles_and_sibling_imports() {
    let text = "//! See `crate::site`.\nuse crate::{\n    corpus::{Article, Lang},\n    ids,\n};\nuse crate::gaps::Filter;\nfn f() { crate::Workspace::load(); }\n";
    let found: Vec<String> = crate_paths(text).into_iter().collect();
    assert_eq!(found, ["Workspace", "corpus", "gaps", "ids"]);

    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry((*a).to_owned())
                .or_default()
                .insert((*b).to_owned());
            g.entry((*b).to_owned()).or_default();
        }
        g
    };
    let cyclic = graph(&[
        ("amend", "corpus"),
        ("corpus", "workspace"),
        ("workspace", "amend"),
    ]);
    assert_eq!(
        find_cycle(&cyclic).unwrap(),
        ["amend", "corpus", "workspace", "amend"]
    );
    let siblings = graph(&[("gaps", "search"), ("site", "output"), ("gaps", "text")]);
    assert_eq!(find_cycle(&siblings), None);
    assert_eq!(
        layering_problems(&siblings),
        ["`gaps` imports `search`, which LAYERS does not allow"]
    );
}
