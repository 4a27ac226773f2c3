//! Removing a built site, as every rebuild does with the one it replaces
//! (`mizan::atomic::remove_tree`), against the standard library's
//! one-after-another removal: a tree shaped like a site's article pages,
//! 2,000 folders of one `index.html` each under 20 laws. The work waits on
//! the disk, so the figures depend on it more than on the processor.
//!
//! Also `site::update`, what `mizan serve` does after an edit: the example
//! workspace's site updated in place for an edit of one article, and back;
//! and the same on a generated workspace of 2,000 articles per language
//! (`MIZAN_BENCH_ARTICLES` for another size; two laws at 2,000, 192 at
//! 100,000), where the laws the edit does not reach are not built again
//! (`site::scope`): once for an edit of a chapter's heading (which reaches
//! other pages), once for the text of an article alone (which reaches no
//! page beside its law's and the report, `site::reach`).
//!
//! And `site::build`, the full build of `mizan build`, on a generated
//! workspace of the same size (`MIZAN_BENCH_ARTICLES`) into a new folder
//! each time: the pages written a work at a time and the search records
//! made a shard at a time (`site::shards`).
//!
//! And writing a site as one zip archive (`--out site.zip`, the writer in
//! `mizan::atomic`): 2,000 pages of some 6 KB, deflated, and 2,000 small
//! gzip files, stored, from both cores, then the central directory.
//!
//! Run with `cargo bench --bench site_write`.

use std::fs;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mizan::output::BuildReport;
use mizan::site::{BuildOptions, Profile, build_live, update};
use mizan::workspace::Workspace;

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

fn update_example(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    mizan::testing::files::copy_dir(&mizan::testing::files::example_workspace(), &ws);
    let law = ws.join("corpus/kw/act-2013-91.en.md");
    let text = fs::read_to_string(&law).unwrap();
    let original = Workspace::load(&ws).unwrap();
    fs::write(
        &law,
        text.replace("consent of the victim", "consent of the adult victim"),
    )
    .unwrap();
    let edited = Workspace::load(&ws).unwrap();
    let mut step = flipping(&original, &edited, dir.path());
    c.bench_function("update the example site in place after one edit", |b| {
        b.iter(&mut step)
    });
}

/// Builds `original`'s site under `dir` to be updated in place, and the
/// step that updates it to `edited` and back, in turn.
fn flipping<'w>(
    original: &'w Workspace,
    edited: &'w Workspace,
    dir: &Path,
) -> impl FnMut() -> BuildReport + 'w {
    fs::create_dir_all(dir).unwrap();
    let opts = BuildOptions {
        out: dir.join("site"),
        profile: Profile::Public,
    };
    let (_, mut live) = build_live(original, &opts).unwrap();
    let mut flip = false;
    move || {
        flip = !flip;
        let ws = if flip { edited } else { original };
        update(ws, &opts, &mut live).unwrap().unwrap()
    }
}

/// `update` on a generated workspace: one law's first article edited, and
/// back.
fn update_generated(c: &mut Criterion) {
    let articles = std::env::var("MIZAN_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    mizan_generate::generate(&mizan_generate::GenerateOptions::new(articles, 1), &ws).unwrap();
    let mut laws: Vec<_> = fs::read_dir(ws.join("corpus/kw"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".en.md"))
        .collect();
    laws.sort();
    let text = fs::read_to_string(&laws[0]).unwrap();
    let original = Workspace::load(&ws).unwrap();
    // A word added after the first `## ` heading's next line (in the
    // generated laws, a chapter's heading).
    let heading = text.find("\n## ").expect("a heading") + 1;
    let body = heading + text[heading..].find("\n\n").expect("a paragraph") + 2;
    let at = body + text[body..].find("\n\n").expect("its end");
    let edit = |at: usize| {
        fs::write(
            &laws[0],
            format!("{} benchmarked{}", &text[..at], &text[at..]),
        )
        .unwrap();
        let edited = Workspace::load(&ws).unwrap();
        fs::write(&laws[0], &text).unwrap();
        edited
    };
    let edited = edit(at);
    // And at the end of the first article's first paragraph.
    let article = text
        .match_indices("\n#")
        .map(|(i, _)| i + 1)
        .find(|&i| {
            let line = text[i..].trim_start_matches('#').trim_start();
            line.starts_with("Article ") || line.starts_with("Art. ")
        })
        .expect("an article");
    let body = article + text[article..].find("\n\n").expect("a paragraph") + 2;
    let text_only = edit(body + text[body..].find("\n\n").expect("its end"));
    let mut group = c.benchmark_group("update a generated site in place after one edit");
    group.sample_size(10);
    let mut step = flipping(&original, &edited, &dir.path().join("heading"));
    group.bench_function(format!("{articles} articles per language"), |b| {
        b.iter(&mut step)
    });
    let mut step = flipping(&original, &text_only, &dir.path().join("text"));
    group.bench_function(
        format!("{articles} articles per language, an article's text"),
        |b| b.iter(&mut step),
    );
    group.finish();
}

/// A full build of a generated workspace into a new folder each time. The
/// folders are removed at the end only: on a file system that checks new
/// inodes against recent deletions, removing a site just before a build
/// slows the build's file creation (see the Limits chapter).
fn build_generated(c: &mut Criterion) {
    let articles = std::env::var("MIZAN_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    mizan_generate::generate(&mizan_generate::GenerateOptions::new(articles, 1), &root).unwrap();
    let ws = Workspace::load(&root).unwrap();
    let mut n = 0;
    let mut group = c.benchmark_group("build a generated site");
    group.sample_size(10);
    group.bench_function(format!("{articles} articles per language"), |b| {
        b.iter_batched(
            || {
                n += 1;
                BuildOptions {
                    out: dir.path().join(format!("site-{n}")),
                    profile: Profile::Public,
                }
            },
            |opts| mizan::site::build(&ws, &opts).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// 2,000 pages and 2,000 gzip fragments written into a new archive each
/// time, from rayon's threads as a build writes them.
fn archive(c: &mut Criterion) {
    use rayon::prelude::*;
    let page: String = (0..60)
        .map(|i| format!("<p>المادة {i}: يعاقب كل من Article {i}: whoever recruits…</p>\n"))
        .collect();
    let fragment = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8];
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    let mut group = c.benchmark_group("write a site as one archive");
    group.sample_size(10);
    group.bench_function("2,000 pages and 2,000 fragments", |b| {
        b.iter_batched(
            || {
                n += 1;
                dir.path().join(format!("site-{n}.zip"))
            },
            |out| {
                let staging = mizan::atomic::Staging::begin(&out, ".marker").unwrap();
                (0..2_000).into_par_iter().for_each(|i| {
                    let path = format!("en/works/act-{}/art_{i}/index.html", i / 100);
                    staging.write(&path, page.as_bytes()).unwrap();
                    let path = format!("pagefind/en-0/fragment/{i}.pf_fragment");
                    staging.write(&path, &fragment).unwrap();
                });
                staging.commit(b"{}").unwrap();
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(
    benches,
    removal,
    update_example,
    update_generated,
    build_generated,
    archive
);
criterion_main!(benches);
