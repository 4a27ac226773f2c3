//! Every command the book shows runs as written, and prints what the book
//! says it prints.
//!
//! The runner reads each chapter in `book/src/`. A chapter's commands run
//! from the repository root, or from the folder its
//! `<!-- commands run from: DIR -->` line names (the chapter says so in prose
//! beside it). In a ```` ```console ```` block, a line `$ COMMAND` is a
//! command; the lines after it, up to the next `$ ` line, are its output,
//! where `{{#include FILE}}` (and `{{#include FILE:FROM:TO}}`) stand for that
//! file's lines as mdBook includes them. A command ending in
//! `# exits with N` must exit with N; any other must succeed. Commands that
//! do not start with `mizan` (building the book, benchmarks) and `mizan serve`
//! (which runs until stopped) are left to other tests.
//!
//! To refresh the expected output after a deliberate change, run with
//! `MIZAN_BLESS=1`: whole-file includes are rewritten; read the diff before
//! committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One command of a chapter, with its expected output.
#[derive(Debug)]
struct Example {
    chapter: PathBuf,
    line: usize,
    dir: PathBuf,
    command: String,
    exit: i32,
    /// The output as the chapter shows it.
    expected: String,
    /// The file that holds the whole output, when it is a whole-file include.
    include: Option<PathBuf>,
    /// The book shows only the first lines of the output (`FILE:1:N`).
    head_only: bool,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The lines of an include target as mdBook reads `FILE` or `FILE:FROM:TO`.
fn include(chapter_dir: &Path, spec: &str) -> (String, Option<PathBuf>) {
    let mut parts = spec.split(':');
    let file = chapter_dir.join(parts.next().unwrap_or_default());
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: cannot include: {e}", file.display()));
    let from = parts.next().and_then(|n| n.parse::<usize>().ok());
    let to = parts.next().and_then(|n| n.parse::<usize>().ok());
    if from.is_none() && to.is_none() {
        return (text, Some(file));
    }
    let from = from.unwrap_or(1).max(1);
    let lines: Vec<&str> = text.lines().collect();
    let to = to.unwrap_or(lines.len()).min(lines.len());
    let mut out = lines[from - 1..to].join("\n");
    out.push('\n');
    (out, None)
}

/// Reads the commands of one chapter.
fn examples(chapter: &Path) -> Vec<Example> {
    let text = std::fs::read_to_string(chapter).unwrap();
    let chapter_dir = chapter.parent().unwrap();
    let mut dir = root().to_path_buf();
    let mut out = Vec::new();
    let mut in_console = false;
    let mut in_other = false;
    let mut current: Option<(Example, Vec<String>)> = None;
    let finish = |current: &mut Option<(Example, Vec<String>)>, out: &mut Vec<Example>| {
        if let Some((mut ex, parts)) = current.take() {
            ex.expected = parts.concat();
            out.push(ex);
        }
    };
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.trim().strip_prefix("<!-- commands run from:") {
            let d = rest.trim_end_matches("-->").trim();
            dir = root().join(d);
            assert!(dir.is_dir(), "{}: no folder {d}", chapter.display());
            continue;
        }
        if line.starts_with("```") {
            if in_console || in_other {
                finish(&mut current, &mut out);
                in_console = false;
                in_other = false;
            } else if line.trim() == "```console" {
                in_console = true;
            } else {
                in_other = true;
            }
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            finish(&mut current, &mut out);
            let (command, exit) = match command.split_once("# exits with ") {
                Some((c, n)) => (c.trim().to_owned(), n.trim().parse().unwrap()),
                None => (command.trim().to_owned(), 0),
            };
            current = Some((
                Example {
                    chapter: chapter.to_path_buf(),
                    line: i + 1,
                    dir: dir.clone(),
                    command,
                    exit,
                    expected: String::new(),
                    include: None,
                    head_only: false,
                },
                Vec::new(),
            ));
            continue;
        }
        if let Some((ex, parts)) = current.as_mut() {
            match line
                .trim()
                .strip_prefix("{{#include ")
                .and_then(|l| l.strip_suffix("}}"))
            {
                Some(spec) => {
                    let (lines, file) = include(chapter_dir, spec.trim());
                    ex.head_only = spec.trim().contains(":1:");
                    if parts.is_empty() {
                        ex.include = file;
                    } else {
                        ex.include = None;
                    }
                    parts.push(lines);
                }
                // "…" after a partial output marks the lines left out.
                None if ex.head_only && line.trim() == "…" => {}
                None => {
                    ex.include = None;
                    parts.push(format!("{line}\n"));
                }
            }
        }
    }
    finish(&mut current, &mut out);
    out
}

fn runnable(ex: &Example) -> bool {
    let cmd = ex.command.as_str();
    cmd.starts_with("mizan ") && !cmd.split_whitespace().any(|w| w == "serve")
}

fn run(ex: &Example, scratch: &Path) -> (i32, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_mizan")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&ex.command)
        .current_dir(&ex.dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("TMPDIR", scratch)
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let mut text = String::from_utf8(out.stderr).unwrap();
    text.push_str(&String::from_utf8(out.stdout).unwrap());
    (out.status.code().unwrap_or(-1), text)
}

/// The output with run times (`in 0.32 s`) blanked, since they vary.
fn without_timings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" in ") {
        out.push_str(&rest[..at + 4]);
        rest = &rest[at + 4..];
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if digits > 0 && rest[digits..].starts_with(" s") {
            out.push('…');
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

fn chapters() -> Vec<PathBuf> {
    let mut chapters: Vec<PathBuf> = std::fs::read_dir(root().join("book/src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    chapters.sort();
    chapters
}

#[test]
fn every_command_in_the_book_prints_what_the_book_shows() {
    let bless = std::env::var_os("MIZAN_BLESS").is_some();
    let scratch = tempfile::tempdir().unwrap();
    // The book's commands write their output under /tmp/mizan-book.
    let _ = std::fs::remove_dir_all("/tmp/mizan-book");
    let mut failures = Vec::new();
    let mut ran = 0;
    for chapter in chapters() {
        for ex in examples(&chapter).iter().filter(|e| runnable(e)) {
            ran += 1;
            let (code, text) = run(ex, scratch.path());
            let place = format!(
                "{}:{}: `{}` (from {})",
                ex.chapter.strip_prefix(root()).unwrap().display(),
                ex.line,
                ex.command,
                ex.dir.strip_prefix(root()).unwrap_or(&ex.dir).display()
            );
            if code != ex.exit {
                failures.push(format!(
                    "{place}: exit {code}, the book says {}\n{text}",
                    ex.exit
                ));
            } else if ex.expected.is_empty() {
                // The output is shown elsewhere (another block), held by
                // that stage's own tests; here the command must run.
            } else if if ex.head_only {
                !text.starts_with(&ex.expected)
            } else {
                without_timings(&text) != without_timings(&ex.expected)
            } {
                match (&ex.include, bless) {
                    (Some(file), true) => std::fs::write(file, &text).unwrap(),
                    _ => failures.push(format!(
                        "{place}: output differs from the book\n--- book\n{}\n--- now\n{text}",
                        ex.expected
                    )),
                }
            }
        }
    }
    assert!(ran >= 30, "only {ran} commands found in the book");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn no_book_command_writes_into_the_repository() {
    for chapter in chapters() {
        for ex in examples(&chapter).iter().filter(|e| runnable(e)) {
            let words: Vec<&str> = ex.command.split_whitespace().collect();
            for pair in words.windows(2) {
                if pair[0] == "--out" {
                    // `--out -` prints instead of writing.
                    assert!(
                        pair[1] == "-" || pair[1].starts_with("/tmp/mizan-book/"),
                        "{}:{}: `--out {}` writes into the repository; write under /tmp/mizan-book",
                        chapter.display(),
                        ex.line,
                        pair[1]
                    );
                }
            }
        }
    }
}

#[test]
fn every_include_and_internal_link_of_the_book_resolves() {
    let src = root().join("book/src");
    let summary = std::fs::read_to_string(src.join("SUMMARY.md")).unwrap();
    let mut broken = Vec::new();
    for chapter in chapters() {
        let text = std::fs::read_to_string(&chapter).unwrap();
        let name = chapter.file_name().unwrap().to_string_lossy().into_owned();
        if name != "SUMMARY.md" && !summary.contains(&format!("({name})")) {
            broken.push(format!("{name} is not in SUMMARY.md"));
        }
        for (i, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("{{#include ") {
                let spec = &rest[at + 11..];
                let end = spec.find("}}").unwrap_or(spec.len());
                let file = spec[..end].trim().split(':').next().unwrap_or_default();
                if !src.join(file).is_file() {
                    broken.push(format!("{name}:{}: include {file} does not exist", i + 1));
                }
                rest = &spec[end..];
            }
            let mut rest = line;
            while let Some(at) = rest.find("](") {
                let target = &rest[at + 2..];
                let end = target.find(')').unwrap_or(target.len());
                let link = &target[..end];
                rest = &target[end..];
                if link.contains("://") || link.starts_with('#') || link.starts_with("mailto:") {
                    continue;
                }
                let file = link.split('#').next().unwrap_or_default();
                if !file.is_empty() && !src.join(file).exists() {
                    broken.push(format!("{name}:{}: link {link} leads nowhere", i + 1));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}
