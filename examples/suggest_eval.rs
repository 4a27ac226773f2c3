//! Measures `mizan suggest` on a workspace's own assessment: every mapping
//! entry that names articles is ranked as if it were unassessed, and the
//! articles the assessors chose are looked for in the top 5 and top 10.
//!
//! `cargo run --example suggest_eval [WORKSPACE] [--misses] [--only-lang CODE]`
//! (default: the bundled workspace at the repository root). `--only-lang ar`
//! measures as if the statutes existed in Arabic only, as most Kuwaiti laws
//! do: every other language's text of every law is dropped before indexing.

use std::path::PathBuf;
use std::process::ExitCode;

use mizan::Workspace;
use mizan::corpus::Lang;
use mizan::search::{SearchIndex, evaluate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let only = args
        .iter()
        .position(|a| a == "--only-lang")
        .and_then(|i| args.get(i + 1));
    let only = match only.map(|code| (code, Lang::from_code(code))) {
        None => None,
        Some((_, Some(lang))) => Some(lang),
        Some((code, None)) => {
            eprintln!("unknown language `{code}`");
            return ExitCode::FAILURE;
        }
    };
    let root = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with("--")
                && args
                    .get(i.wrapping_sub(1))
                    .is_none_or(|p| p != "--only-lang")
        })
        .map(|(_, a)| a)
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    let mut ws = match Workspace::load(&root) {
        Ok(ws) => ws,
        Err(f) => {
            eprintln!(
                "{}: the workspace has {} error(s)",
                root.display(),
                f.diagnostics.errors()
            );
            return ExitCode::FAILURE;
        }
    };
    if let Some(lang) = only {
        for work in &mut ws.works {
            if work.expression(lang).is_none() {
                eprintln!("{}: no text in `{}`", work.id, lang.code());
                return ExitCode::FAILURE;
            }
            work.expressions.retain(|e| e.lang() == lang);
        }
    }
    let result = SearchIndex::in_ram(&ws).and_then(|index| evaluate(&ws, &index));
    let e = match result {
        Ok(e) => e,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", e.summary_line());
    if show_misses {
        for m in &e.misses {
            println!(
                "\n{}\n  expected: {}\n  top 10:   {}",
                m.reference,
                m.expected.join(", "),
                m.top_10.join(", ")
            );
        }
    }
    ExitCode::SUCCESS
}
