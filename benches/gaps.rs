//! Gap analysis on a large synthetic assessment built in memory: 5,000
//! provisions in 50 instruments, a fifth of them assessed element by
//! element, about nine in ten assessed, and a scenario of 20 pending
//! amendments changing 10 entries each. Target: the JSON report (the work
//! of `mizan gaps --format json` after loading) in under 200 ms.
//!
//! One more times what the site's model does with the same drafts: the
//! law as it stands once, then one outcome per draft (`gaps::Base`).
//!
//! A second group loads a workspace written by the generator
//! (`mizan_generate`; 100,000 articles per language and 5,000 provisions
//! by default, `MIZAN_BENCH_ARTICLES` to change) and times what
//! `mizan gaps --format json` does after loading it.
//!
//! Run with `cargo bench --bench gaps`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use mizan::amend::{Amendment, AmendmentStatus};
use mizan::gaps::{self, Filter, Inputs};
use mizan::ids::{ArticleRef, WorkId};
use mizan::settings::Weights;
use mizan::standards::{
    Instrument, Mapping, MappingEntry, Obligation, PartyStatus, Provision, Status, Theme,
};
use mizan::testing::model::{amendment, entry, instrument, mapping, provision};

const INSTRUMENTS: usize = 50;
const PROVISIONS: usize = 100;
const AMENDMENTS: usize = 20;
const CHANGES: usize = 10;
const STATUSES: [Status; 5] = [
    Status::Full,
    Status::Partial,
    Status::Missing,
    Status::Conflict,
    Status::NotApplicable,
];

/// An entry relying on three articles of one of 40 laws, with a rationale
/// and recommendation of realistic length, numbered `n`.
fn synthetic_entry(
    standard: &str,
    provision: &str,
    element: Option<&str>,
    status: Status,
    n: usize,
) -> MappingEntry {
    let work = WorkId::parse(&format!("/akn/kw/act/2013/{}", 1 + n % 40)).expect("work id");
    MappingEntry {
        articles: (0..3)
            .map(|k| ArticleRef {
                work: work.clone(),
                eid: format!("art_{}", 1 + (n + k * 7) % 2500),
            })
            .collect(),
        rationale: format!(
            "Articles of the law meet {provision} in part; synthetic rationale number {n}."
        )
        .into(),
        recommendation: (status != Status::Full)
            .then(|| format!("Amend the law to meet {provision}.").into()),
        ..entry(standard, provision, element, status)
    }
}

fn model() -> (Vec<Instrument>, Vec<Mapping>, Vec<Amendment>) {
    let mut instruments = Vec::new();
    let mut mappings = Vec::new();
    let mut n = 0usize;
    for i in 0..INSTRUMENTS {
        let id = format!("std-{i:02}");
        let party = if i % 3 == 0 {
            PartyStatus::Signed
        } else {
            PartyStatus::Ratified
        };
        let mut provisions = Vec::new();
        let mut entries = Vec::new();
        for k in 0..PROVISIONS {
            n += 1;
            let pid = format!("art_{}__para_{}", k / 4 + 1, k % 4 + 1);
            let elements: &[&str] = if k % 5 == 0 {
                &["act", "means", "purpose"]
            } else {
                &[]
            };
            if !n.is_multiple_of(10) {
                if elements.is_empty() {
                    entries.push(synthetic_entry(&id, &pid, None, STATUSES[n % 5], n));
                } else {
                    for (j, e) in elements.iter().enumerate().take(2 + n % 2) {
                        let status = STATUSES[(n + j) % 4];
                        entries.push(synthetic_entry(&id, &pid, Some(e), status, n));
                    }
                }
            }
            provisions.push(Provision {
                citation: format!("Art. {}({})", k / 4 + 1, k % 4 + 1),
                title: format!("Provision {k}").into(),
                summary: "A synthetic obligation.".into(),
                ..provision(&pid, Obligation::ALL[k % 5], Theme::ALL[k % 6], elements)
            });
        }
        instruments.push(Instrument {
            title: format!("Synthetic instrument {i}").into(),
            ..instrument(&id, Some(party), provisions)
        });
        mappings.push(mapping(&id, entries));
    }
    let amendments = (0..AMENDMENTS)
        .map(|a| {
            let changes = (0..CHANGES)
                .map(|c| {
                    let standard = format!("std-{:02}", (a * 7 + c) % INSTRUMENTS);
                    let k = (a * 13 + c * 3) % PROVISIONS;
                    let pid = format!("art_{}__para_{}", k / 4 + 1, k % 4 + 1);
                    synthetic_entry(&standard, &pid, None, Status::Full, a * CHANGES + c)
                })
                .collect();
            Amendment {
                title: format!("Bill {a}").into(),
                amends: WorkId::parse("/akn/kw/act/2013/1").expect("work id"),
                ..amendment(
                    &format!("bill-{a:02}"),
                    AmendmentStatus::Draft,
                    None,
                    changes,
                )
            }
        })
        .collect();
    (instruments, mappings, amendments)
}

fn bench(c: &mut Criterion) {
    let (instruments, mappings, amendments) = model();
    let inputs = Inputs {
        jurisdiction: "kw",
        weights: Weights::default(),
        instruments: &instruments,
        mappings: &mappings,
    };
    let filter = Filter::default();
    let provisions: usize = instruments.iter().map(|i| i.provisions.len()).sum();
    assert_eq!(provisions, INSTRUMENTS * PROVISIONS);

    c.bench_function("gaps: compute 5,000 provisions", |b| {
        b.iter(|| black_box(gaps::compute(&inputs, &filter, &[])))
    });
    c.bench_function("gaps: compute + JSON, 5,000 provisions", |b| {
        b.iter(|| {
            let analysis = gaps::analyse(&inputs, &filter, Vec::new());
            let json =
                serde_json::to_vec_pretty(&mizan::output::json::gap_report(&analysis, &filter))
                    .expect("json");
            black_box(json.len())
        })
    });
    let pending: Vec<&Amendment> = amendments.iter().collect();
    c.bench_function(
        "gaps: scenario of 20 amendments + JSON, 5,000 provisions",
        |b| {
            b.iter(|| {
                let analysis = gaps::analyse(&inputs, &filter, pending.clone());
                let json =
                    serde_json::to_vec_pretty(&mizan::output::json::gap_report(&analysis, &filter))
                        .expect("json");
                black_box(json.len())
            })
        },
    );
    // What the site's model does: the law as it stands once, then one
    // outcome per pending draft, each costing its own changes.
    c.bench_function(
        "gaps: base + one outcome for each of 20 drafts, 5,000 provisions",
        |b| {
            b.iter(|| {
                let base = gaps::Base::new(&inputs, &[]);
                let outcomes: Vec<gaps::Outcome<'_>> = pending
                    .iter()
                    .map(|a| base.outcome(&gaps::scenario::changes(&[*a])))
                    .collect();
                black_box(outcomes.len())
            })
        },
    );
    c.bench_function("gaps: table, 5,000 provisions", |b| {
        b.iter(|| {
            let analysis = gaps::analyse(&inputs, &filter, Vec::new());
            black_box(
                mizan::output::table::render_table(
                    &analysis,
                    &filter,
                    mizan::output::table::TableOptions::default(),
                )
                .len(),
            )
        })
    });
}

fn bench_generated(c: &mut Criterion) {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs each
    // benchmark once without it, where a small workspace is enough.
    let measuring = std::env::args().any(|a| a == "--bench");
    let articles = std::env::var("MIZAN_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if measuring { 100_000 } else { 2_000 });
    let dir = tempfile::tempdir().expect("temporary folder");
    let summary = mizan_generate::generate(
        &mizan_generate::GenerateOptions::new(articles, 1),
        dir.path(),
    )
    .expect("generate");
    let ws = match mizan::Workspace::load(dir.path()) {
        Ok(ws) => ws,
        Err(failure) => {
            // A generator or reader problem, not a gaps one: say so and
            // measure the rest.
            let first = failure
                .diagnostics
                .iter()
                .next()
                .map_or_else(String::new, |d| {
                    format!("{}: {}", d.path.display(), d.message)
                });
            eprintln!(
                "gaps bench: skipped the generated workspace ({articles} articles): it does not \
                 load ({} errors; first: {first})",
                failure.diagnostics.errors()
            );
            return;
        }
    };
    let inputs = Inputs::of(&ws);
    let filter = Filter::default();
    let pending = gaps::scenario::select(
        &ws.amendments,
        inputs.jurisdiction,
        &[gaps::Selection::AllPending],
    )
    .expect("pending amendments");
    let name = format!(
        "gaps --format json after load: generated, {articles} articles, {} provisions, {} entries",
        summary.provisions, summary.mapping_entries
    );
    c.bench_function(&name, |b| {
        b.iter(|| {
            let analysis = gaps::analyse(&inputs, &filter, Vec::new());
            let json =
                serde_json::to_vec_pretty(&mizan::output::json::gap_report(&analysis, &filter))
                    .expect("json");
            black_box(json.len())
        })
    });
    let name = format!(
        "gaps --with all-pending ({}) --format json after load: generated",
        pending.len()
    );
    c.bench_function(&name, |b| {
        b.iter(|| {
            let analysis = gaps::analyse(&inputs, &filter, pending.clone());
            let json =
                serde_json::to_vec_pretty(&mizan::output::json::gap_report(&analysis, &filter))
                    .expect("json");
            black_box(json.len())
        })
    });
}

criterion_group!(benches, bench, bench_generated);
criterion_main!(benches);
