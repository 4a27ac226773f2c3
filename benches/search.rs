//! Search benchmarks: warm queries on an indexed workspace, opening it
//! (the freshness check included), and building an index in memory.
//!
//! `MIZAN_BENCH_WORKSPACE=DIR` benchmarks an existing workspace (bench/search.sh
//! passes the generated 100,000-article one, indexed on disk as `mizan
//! search` would); otherwise a small workspace is generated, so that
//! `cargo test --all-targets` (which runs each benchmark once) stays quick.
//! `MIZAN_BENCH_TERM` is the single term to search (default `employer`).

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use mizan::Workspace;
use mizan::search::{Filters, Freshness, IndexStore, SearchIndex, SearchRequest, search};
use mizan_generate::{GenerateOptions, generate};

fn workspace() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(dir) = std::env::var_os("MIZAN_BENCH_WORKSPACE") {
        return (PathBuf::from(dir), None);
    }
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("ws");
    generate(&GenerateOptions::new(2_000, 1), &root).expect("generated");
    // Search does not index amendments; leave them out so the benchmark
    // does not depend on the amendment grammar.
    let _ = std::fs::remove_dir_all(root.join("corpus/kw/amendments"));
    (root, Some(tmp))
}

fn open(root: &std::path::Path) -> SearchIndex {
    let store = IndexStore::new(root);
    match store.open().expect("index opens") {
        Freshness::Fresh(ix) => ix,
        Freshness::Stale { stamps, .. } => {
            let Ok(ws) = Workspace::load(root) else {
                panic!("{} does not load: run `mizan check` on it", root.display())
            };
            store.refresh(&ws, stamps, &mut |_| {}).expect("indexed").0
        }
    }
}

fn bench(c: &mut Criterion) {
    let (root, _keep) = workspace();
    let index = open(&root);
    let term = std::env::var("MIZAN_BENCH_TERM").unwrap_or_else(|_| "employer".to_owned());
    let request = |query: &str, filters: Filters| SearchRequest {
        query: query.to_owned(),
        filters,
        limit: 10,
    };
    let mut group = c.benchmark_group("search");
    for (name, req) in [
        ("single_term", request(&term, Filters::default())),
        ("phrase", request("\"the employer\"", Filters::default())),
        ("arabic_unvowelled", request("العامل", Filters::default())),
        (
            "term_with_filters",
            request(
                &term,
                Filters {
                    langs: vec![mizan::corpus::Lang::EN],
                    kinds: vec![mizan::search::Kind::Article],
                    ..Filters::default()
                },
            ),
        ),
    ] {
        // Warm: the first run maps the files; criterion's warm-up repeats it.
        search(&index, &req).expect("query runs");
        group.bench_function(name, |b| {
            b.iter(|| search(&index, &req).expect("query runs"))
        });
    }
    // The command's fixed costs: the freshness check (a stat of every
    // workspace file) and opening the index, as `mizan search` does first.
    group.bench_function("open_fresh", |b| {
        let store = IndexStore::new(&root);
        b.iter(|| match store.open().expect("index opens") {
            Freshness::Fresh(ix) => ix,
            Freshness::Stale { reason, .. } => panic!("the index is stale: {reason:?}"),
        })
    });
    group.finish();

    // Highlighting: the analyser that remembers each word's term, as the
    // snippets of one query's results use it, against the plain one.
    let text = "The employer shall pay the wages of the employee within seven days \
                of the end of the month; an employer who fails to pay is punished. "
        .repeat(10);
    let mut group = c.benchmark_group("highlight");
    group.bench_function("plain_analyser", |b| {
        b.iter(|| mizan::search::analysis::terms(std::hint::black_box(&text)).len())
    });
    let remembering = mizan::search::analysis::remembering_analyzer();
    group.bench_function("remembering_analyser", |b| {
        b.iter(|| {
            let mut analyzer = remembering.clone();
            let mut stream = analyzer.token_stream(std::hint::black_box(&text));
            let mut n = 0;
            while tantivy::tokenizer::TokenStream::advance(&mut stream) {
                n += 1;
            }
            n
        })
    });
    group.finish();

    // Building an index in memory (small workspaces only: at 100,000
    // articles bench/search.sh times the command instead).
    if std::env::var_os("MIZAN_BENCH_WORKSPACE").is_none() {
        let Ok(ws) = Workspace::load(&root) else {
            panic!("{} does not load", root.display())
        };
        let mut group = c.benchmark_group("index");
        group.sample_size(10);
        group.bench_function("build_in_ram_2000_articles", |b| {
            b.iter(|| SearchIndex::in_ram(&ws).expect("indexed"))
        });
        // A rebuild on disk, as `mizan search` makes it when there is no
        // index: from the loaded workspace, and while loading it one
        // statute at a time (merged into one segment at the end).
        let store = IndexStore::new(&root);
        let stale = || {
            let _ = std::fs::remove_dir_all(root.join(".mizan"));
            match store.open().expect("index opens") {
                Freshness::Stale { stamps, .. } => stamps,
                Freshness::Fresh(_) => panic!("just removed"),
            }
        };
        group.bench_function("rebuild_loaded_2000_articles", |b| {
            b.iter(|| {
                let ws = Workspace::load(&root).expect("loads");
                store.refresh(&ws, stale(), &mut |_| {}).expect("indexed")
            })
        });
        group.bench_function("rebuild_streamed_2000_articles", |b| {
            b.iter(|| {
                let refreshed = store.refresh_streamed(stale(), &mut |_| {});
                refreshed.expect("indexed").expect("loads")
            })
        });
        group.finish();
        // What `check` loads: the whole model, or statutes as skeletons.
        let mut group = c.benchmark_group("load");
        group.sample_size(10);
        group.bench_function("whole_2000_articles", |b| {
            b.iter(|| Workspace::load(&root).expect("loads"))
        });
        group.bench_function("streamed_2000_articles", |b| {
            b.iter(|| {
                let loaded = Workspace::load_streamed(
                    &root,
                    |_| |_: &mizan::corpus::Expression| None::<()>,
                    |()| Ok::<(), ()>(()),
                );
                loaded.ok().and_then(Result::ok).expect("loads")
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
