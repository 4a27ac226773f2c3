//! Writes a deterministic synthetic workspace for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --locked -p mizan-generate -- --articles 100000 --out /tmp/ws
//! ```
//!
//! The generator itself is the `mizan_generate` library; this is only its
//! command line.

use std::fmt;
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use mizan_generate::{BENCH_AMENDMENT, BENCH_ARTICLES, GenerateOptions, generate};

/// Write a synthetic mizan workspace (statutes in English and Arabic,
/// standards, mappings, amendments). The same arguments give byte-identical
/// output.
#[derive(Parser)]
#[command(name = "mizan-generate", after_help = AFTER_HELP)]
struct Args {
    /// Articles per language: the English expressions hold exactly N article
    /// headings, and the Arabic expressions the same N articles, aligned by
    /// eId. When N >= 1000 this count includes the 1,000-article benchmark
    /// work.
    #[arg(long, value_name = "N")]
    articles: usize,

    /// The folder to write; created if missing, refused if not empty.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// The seed of the pseudo-random stream.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,

    /// Provisions across all standards [default: N/20].
    #[arg(long, value_name = "P")]
    provisions: Option<usize>,
}

const AFTER_HELP: &str = "\
Works have 50 to 1,000 articles each. When N >= 1000, one of them is the work
/akn/kw/act/2000/1000 (corpus/kw/act-2000-1000.*.md) of exactly 1,000
articles, with the pending amendment `bench-1000` naming exactly 20 of its
articles (replace, substitute, insert after, repeal), for the diff benchmark.";

/// An error printed as its message by `main`.
struct Failure(String);

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn main() -> Result<(), Failure> {
    let args = Args::parse();
    let opts = GenerateOptions {
        articles: args.articles,
        provisions: args.provisions,
        seed: args.seed,
    };
    let started = Instant::now();
    let s = generate(&opts, &args.out)
        .map_err(|e| Failure(format!("cannot write the workspace: {e}")))?;
    let elapsed = started.elapsed();
    println!(
        "wrote the workspace to {} in {:.2} s ({} files, {:.1} MB)",
        args.out.display(),
        elapsed.as_secs_f64(),
        s.files,
        s.bytes as f64 / 1e6
    );
    println!(
        "  {} works, {} articles per language (en and ar)",
        s.works, s.articles_per_language
    );
    println!(
        "  {} instruments, {} provisions, {} mapping entries",
        s.instruments, s.provisions, s.mapping_entries
    );
    println!(
        "  {} amendments ({} pending, {} enacted, {} rejected or withdrawn), {} operations",
        s.amendments_pending + s.amendments_enacted + s.amendments_other,
        s.amendments_pending,
        s.amendments_enacted,
        s.amendments_other,
        s.operations
    );
    if let Some(work) = &s.bench_work {
        println!(
            "  diff benchmark: amendment {BENCH_AMENDMENT} on {work} ({BENCH_ARTICLES} articles)"
        );
    }
    Ok(())
}
