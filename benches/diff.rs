//! `mizan diff` of an amendment touching 20 articles of a generated
//! 1,000-article statute: reading the amendment, applying it to the text
//! and computing the aligned, word-level redline, then rendering it.
//! Target (DESIGN.md): under 50 ms. `bench/diff.sh` compares the whole
//! command with `git diff --no-index --word-diff`.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use mizan::amend::{amendment_diff, read_amendment};
use mizan::corpus::{Work, read_expression};
use mizan::output::redline::{RenderOptions, inline};

const ARTICLES: usize = 1000;
const TOUCHED: usize = 20;

const WORDS: [&str; 24] = [
    "the",
    "court",
    "may",
    "order",
    "victim",
    "offender",
    "penalty",
    "shelter",
    "authority",
    "within",
    "a",
    "period",
    "of",
    "and",
    "to",
    "any",
    "person",
    "who",
    "under",
    "this",
    "law",
    "is",
    "punished",
    "by",
];

/// Deterministic filler text (a linear congruential generator).
fn words(seed: &mut u64, n: usize) -> String {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push(WORDS[((*seed >> 33) % WORDS.len() as u64) as usize]);
    }
    out.join(" ")
}

fn statute() -> String {
    let mut s = String::from(
        "---\nwork: /akn/kw/act/2099/1\nlang: en\ntitle: Generated Law\ndate: 2099-01-01\n\
         status: in-force\nauthority: unofficial-summary\nsource: generated\n---\n\n",
    );
    let mut seed = 7;
    for n in 1..=ARTICLES {
        s.push_str(&format!(
            "## Article {n}: Heading {n}\n\n{} within {n} days.\n\n{}.\n\n",
            words(&mut seed, 40),
            words(&mut seed, 30)
        ));
    }
    s
}

fn amendment() -> String {
    let mut s = String::from(
        "---\nid: bench\ntitle: Bench\namends: /akn/kw/act/2099/1\nkind: bill\nstatus: draft\n---\n\n",
    );
    let step = ARTICLES / TOUCHED;
    for k in 0..TOUCHED {
        let n = k * step + 1;
        if k % 4 == 3 {
            s.push_str(&format!(
                "## Replace Article {n}\n\nThe authority may order any person to report within {} days.\n\n",
                n + 7
            ));
        } else {
            s.push_str(&format!(
                "## In Article {n}, substitute \"within {n} days\" with \"within {} working days\"\n\n",
                n + 30
            ));
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let statute = statute();
    let amendment_text = amendment();
    let spath: Arc<Path> = Arc::from(Path::new("corpus/kw/act-2099-1.en.md"));
    let apath: Arc<Path> = Arc::from(Path::new("corpus/kw/amendments/bench.md"));
    let (expression, d) = read_expression(&spath, &statute);
    assert!(!d.has_errors());
    let work = Work {
        id: mizan::ids::WorkId::parse("/akn/kw/act/2099/1").unwrap(),
        expressions: vec![expression.unwrap()],
    };
    c.bench_function("diff amendment touching 20 of 1000 articles", |b| {
        b.iter(|| {
            let (a, d) = read_amendment(&apath, black_box(&amendment_text));
            assert!(!d.has_errors(), "{d:?}");
            let a = a.unwrap();
            let options = mizan::amend::diff::DiffOptions {
                lang: None,
                unchanged_text: false,
            };
            let diff = amendment_diff(&work, std::slice::from_ref(&a), &a, &options).unwrap();
            black_box(inline(&diff, &RenderOptions::default()))
        })
    });
    // As `mizan diff` does it: checking the amendment keeps its dry run,
    // which the diff redlines instead of applying the amendment again.
    c.bench_function(
        "check and diff amendment touching 20 of 1000 articles",
        |b| {
            b.iter(|| {
                let (a, d) = read_amendment(&apath, black_box(&amendment_text));
                assert!(!d.has_errors(), "{d:?}");
                let a = a.unwrap();
                let list = std::slice::from_ref(&a);
                let mut diags = mizan::diag::Diagnostics::new();
                let kept = mizan::amend::check(
                    std::slice::from_ref(&work),
                    list,
                    mizan::amend::Keep::Proposed(&a.id),
                    &mut diags,
                );
                let proposed = kept.proposed.as_ref().map(|(_, v)| v);
                let options = mizan::amend::diff::DiffOptions {
                    lang: None,
                    unchanged_text: false,
                };
                let diff =
                    mizan::amend::diff::amendment_diff_from(&work, list, &a, proposed, &options)
                        .unwrap();
                black_box(inline(&diff, &RenderOptions::default()))
            })
        },
    );
    // The operation headings alone: their forms are made once per set of
    // languages, not for every heading.
    let headings: Vec<String> = amendment_text
        .lines()
        .filter_map(|l| l.strip_prefix("## ").map(str::to_owned))
        .collect();
    c.bench_function("read 20 operation headings", |b| {
        b.iter(|| {
            for h in &headings {
                black_box(mizan::amend::parse_operation(black_box(h)).unwrap());
            }
        })
    });
    c.bench_function("read the 1000-article statute", |b| {
        b.iter(|| black_box(read_expression(&spath, black_box(&statute))))
    });
    // Every command (diff and search among them) first makes the built-in
    // languages from the form build.rs compiled in.
    c.bench_function("built-in languages", |b| {
        b.iter(|| black_box(mizan::lang::parse_built_in()))
    });
}

/// `mizan diff` of the generator's amendment (`bench-1000`, on its
/// 1,000-article work) in a generated workspace: loading only the amended
/// work (choosing its files by the heads of every statute and amendment),
/// against loading the whole workspace; and the translation tally `check`
/// makes of the whole workspace (which once looked every article up in a
/// list).
fn bench_workspace(c: &mut Criterion) {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs each
    // benchmark once without it, where a small workspace is enough.
    let measuring = std::env::args().any(|a| a == "--bench");
    let articles = if measuring { 20_000 } else { 2_000 };
    let dir = tempfile::tempdir().expect("temporary folder");
    mizan_generate::generate(
        &mizan_generate::GenerateOptions::new(articles, 1),
        dir.path(),
    )
    .expect("generate");
    let scope = mizan::workspace::Scope::Amendment("bench-1000");
    let mut group = c.benchmark_group(format!("workspace of {articles} articles"));
    group.sample_size(10);
    group.bench_function("load only the work bench-1000 amends", |b| {
        b.iter(|| {
            let ws = mizan::Workspace::load_scoped(dir.path(), scope)
                .expect("loads")
                .expect("finds bench-1000");
            black_box(ws.works.len())
        })
    });
    let ws = mizan::Workspace::load(dir.path()).expect("the generated workspace loads");
    group.bench_function("translation coverage of every article", |b| {
        b.iter(|| black_box(mizan::workspace::coverage(&ws)))
    });
    group.bench_function("load the whole workspace", |b| {
        b.iter(|| {
            black_box(
                mizan::Workspace::load(dir.path())
                    .expect("loads")
                    .works
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench, bench_workspace);
criterion_main!(benches);
