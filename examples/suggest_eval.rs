//! Measures `mizan suggest` on a workspace's own assessment: every mapping
//! entry that names articles is ranked as if it were unassessed, and the
//! articles the assessors chose are looked for in the top 5 and top 10.
//!
//! `cargo run --example suggest_eval [WORKSPACE] [--misses]` (default: the
//! bundled workspace at the repository root).

use std::path::PathBuf;
use std::process::ExitCode;

use mizan::Workspace;
use mizan::search::{SearchIndex, evaluate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let root = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    let ws = match Workspace::load(&root) {
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
