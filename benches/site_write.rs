//! Removing a built site, as every rebuild does with the one it replaces
//! (`mizan::atomic::remove_tree`), against the standard library's
//! one-after-another removal: a tree shaped like a site's article pages,
//! 2,000 folders of one `index.html` each under 20 laws. The work waits on
//! the disk, so the figures depend on it more than on the processor.
//!
//! Run with `cargo bench --bench site_write`.

use std::fs;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

const LAWS: usize = 20;
const ARTICLES: usize = 100;

/// Writes the tree under `root` (which must not exist).
fn site(root: &Path) {
    for law in 0..LAWS {
        for art in 0..ARTICLES {
            let dir = root.join(format!("en/works/act-{law}/art_{art}"));
            fs::create_dir_all(&dir).unwrap();
            fs::write(dir.join("index.html"), "<p>page</p>").unwrap();
        }
    }
}

fn removal(c: &mut Criterion) {
    let mut group = c.benchmark_group("remove a site of 2,000 pages");
    group.sample_size(10);
    let fresh = || {
        let dir = tempfile::tempdir().unwrap();
        site(&dir.path().join("site"));
        dir
    };
    group.bench_function("remove_tree (in parallel)", |b| {
        b.iter_batched(
            fresh,
            |dir| mizan::atomic::remove_tree(&dir.path().join("site")).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("fs::remove_dir_all (one after another)", |b| {
        b.iter_batched(
            fresh,
            |dir| fs::remove_dir_all(dir.path().join("site")).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, removal);
criterion_main!(benches);
