//! Indexing one search shard with Pagefind (`site::search::index`), what
//! `mizan serve` does for the shard holding an edited article: the first
//! English shard of a generated workspace (10,000 articles per language,
//! `MIZAN_BENCH_ARTICLES` for another size), at the shard size a build
//! uses.
//!
//! Run with `cargo bench --bench search_shard`.

use std::collections::HashMap;

use criterion::{Criterion, criterion_group, criterion_main};
use mizan::corpus::Lang;
use mizan::site::search;
use mizan::workspace::Workspace;

fn index_shard(c: &mut Criterion) {
    let articles = std::env::var("MIZAN_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    mizan_generate::generate(&mizan_generate::GenerateOptions::new(articles, 1), &ws).unwrap();
    let ws = Workspace::load(&ws).unwrap();
    let shards = search::shards(&ws, &HashMap::new());
    let largest = shards
        .iter()
        .filter(|s| s.lang == Lang::EN)
        .max_by_key(|s| s.records.len())
        .expect("an English shard");
    let mut group = c.benchmark_group("index one search shard");
    group.sample_size(10);
    group.bench_function(format!("{} English records", largest.records.len()), |b| {
        b.iter(|| search::index(largest).unwrap())
    });
    group.finish();
}

criterion_group!(benches, index_shard);
criterion_main!(benches);
