//! A deterministic generator of large synthetic workspaces, for benchmarks
//! and scale tests.
//!
//! [`generate`] writes a complete workspace of the documented shape
//! (`book/src/formats.md`): `mizan.toml`, statutes in English and Arabic under
//! `corpus/kw/`, standards under `standards/`, mappings under
//! `corpus/kw/mappings/` and amendments under `corpus/kw/amendments/`.
//!
//! The output depends only on [`GenerateOptions`]: the same options give
//! byte-identical files on every run and platform. There is no clock, no hash
//! map iteration and no threading in here; randomness comes from a splitmix64
//! stream, and every article draws from its own stream derived from the seed,
//! its work and its position, so an article's text can be regenerated on
//! demand (the amendment planner does that to pick words to substitute).
//!
//! Everything written is valid by construction: English and Arabic expressions
//! of a work carry the same article eIds in the same order; mapping entries
//! name existing articles, provisions and elements; every amendment operation
//! aims at an article that exists, a substitution's words occur in the target
//! article with the count its heading implies, new article numbers are free,
//! and no two amendments (pending or not) touch the same article.
//!
//! The generator is a crate of its own, beside mizan and not inside it: the
//! tool does not ship it, and it shares no code with mizan's readers (it
//! has its own small language, date and article-number types, for writing
//! only), so that mizan reading what it writes tests the readers. Its
//! command line is the `mizan-generate` binary:
//!
//! ```text
//! cargo run --release --locked -p mizan-generate -- --articles 100000 --out /tmp/ws
//! ```
//!
//! One module per kind of file it writes (`works`, `standards`, `mappings`,
//! `amendments`), below them the text (`article`, `sentences`, `vocab`)
//! and the plumbing (`rng`, `types`, `sink`).

use std::fs;
use std::io;
use std::path::Path;

/// `write!` into a `String` cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = write!($dst, $($arg)*);
    }};
}

mod amendments;
mod article;
mod mappings;
mod rng;
mod sentences;
mod sink;
mod standards;
mod types;
mod vocab;
mod works;

use amendments::{plan_amendments, write_amendment};
use mappings::{removed_articles, write_mapping};
use rng::{Rng, derive};
use sink::{Sink, prepare_out, with_path};
use standards::{plan_standards, write_standard};
use types::Lang;
use vocab::Vocab;
use works::{plan_works, write_settings, write_statute};

/// The slug of the pending amendment the diff benchmark uses.
pub const BENCH_AMENDMENT: &str = "bench-1000";
/// The work that amendment changes.
pub const BENCH_WORK: &str = "/akn/kw/act/2000/1000";
/// The number of articles of [`BENCH_WORK`] (per language).
pub const BENCH_ARTICLES: usize = 1000;
/// The number of existing articles [`BENCH_AMENDMENT`] names.
pub const BENCH_TOUCHED: usize = 20;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Articles per language: the English expressions hold exactly this many
    /// article headings, and the Arabic expressions the same articles.
    /// Includes the [`BENCH_WORK`] when it is at least [`BENCH_ARTICLES`].
    pub articles: usize,
    /// Provisions across all standards; `None` means `articles / 20`.
    pub provisions: Option<usize>,
    /// The seed; the same options give the same bytes.
    pub seed: u64,
}

impl GenerateOptions {
    /// Options for `articles` articles per language with the given seed.
    pub fn new(articles: usize, seed: u64) -> Self {
        GenerateOptions {
            articles,
            provisions: None,
            seed,
        }
    }

    /// The number of provisions that will be generated.
    pub fn provision_count(&self) -> usize {
        self.provisions.unwrap_or(self.articles / 20)
    }
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Works, each with an English and an Arabic expression.
    pub works: usize,
    /// Article headings per language.
    pub articles_per_language: usize,
    /// Standards files.
    pub instruments: usize,
    /// Provisions across all standards.
    pub provisions: usize,
    /// Mapping entries across all mapping files.
    pub mapping_entries: usize,
    /// Amendments with status draft, submitted, in-committee or approved.
    pub amendments_pending: usize,
    /// Amendments with status enacted.
    pub amendments_enacted: usize,
    /// Amendments rejected or withdrawn.
    pub amendments_other: usize,
    /// Amendment operations across all amendments.
    pub operations: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// The work id of the 1,000-article benchmark work, if generated.
    pub bench_work: Option<String>,
}

/// Writes a synthetic workspace into `out`, which must be missing or empty.
pub fn generate(opts: &GenerateOptions, out: &Path) -> io::Result<Summary> {
    prepare_out(out)?;
    let v = Vocab::new();
    let works = plan_works(opts);
    let instruments = plan_standards(opts);
    let amendments = plan_amendments(opts, &v, &works, &instruments);

    let mut sink = Sink {
        buf: String::with_capacity(1 << 22),
        summary: Summary {
            works: works.len(),
            articles_per_language: works.iter().map(|w| w.articles.len()).sum(),
            instruments: instruments.len(),
            provisions: instruments.iter().map(|i| i.provisions.len()).sum(),
            bench_work: works
                .iter()
                .any(|w| w.bench)
                .then(|| BENCH_WORK.to_string()),
            ..Summary::default()
        },
    };

    let corpus = out.join("corpus").join("kw");
    let mappings = corpus.join("mappings");
    let amend_dir = corpus.join("amendments");
    let standards = out.join("standards");
    for dir in [&corpus, &mappings, &amend_dir, &standards] {
        fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
    }

    write_settings(&mut sink.buf, opts);
    sink.flush(&out.join("mizan.toml"))?;

    for work in &works {
        for lang in [Lang::En, Lang::Ar] {
            write_statute(&mut sink.buf, &v, work, lang, opts.seed);
            let name = format!("{}.{}.md", work.stem(), lang.code());
            sink.flush(&corpus.join(name))?;
        }
    }

    for inst in &instruments {
        write_standard(&mut sink.buf, inst);
        sink.flush(&standards.join(format!("{}.yaml", inst.id)))?;
    }

    let gone = removed_articles(&works, &amendments);
    let mut map_rng = Rng::new(derive(opts.seed, &[4]));
    let mut first_file = true;
    for inst in &instruments {
        let entries = write_mapping(&mut sink.buf, &mut map_rng, inst, &works, &gone, first_file);
        first_file = false;
        sink.summary.mapping_entries += entries;
        sink.flush(&mappings.join(format!("{}.yaml", inst.id)))?;
    }

    for am in &amendments {
        match am.status {
            "enacted" => sink.summary.amendments_enacted += 1,
            "rejected" | "withdrawn" => sink.summary.amendments_other += 1,
            _ => sink.summary.amendments_pending += 1,
        }
        sink.summary.operations += am.ops.len();
        write_amendment(&mut sink.buf, &v, am, &works, &instruments);
        sink.flush(&amend_dir.join(format!("{}.md", am.id)))?;
    }

    Ok(sink.summary)
}
