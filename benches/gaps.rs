//! Gap analysis on a large synthetic assessment built in memory: 5,000
//! provisions in 50 instruments, a fifth of them assessed element by
//! element, about nine in ten assessed, and a scenario of 20 pending
//! amendments changing 10 entries each. Target: the JSON report (the work
//! of `mizan gaps --format json` after loading) in under 200 ms.
//!
//! A second group loads a workspace written by the generator
//! (`mizan_generate`; 100,000 articles per language and 5,000 provisions
//! by default, `MIZAN_BENCH_ARTICLES` to change) and times what
//! `mizan gaps --format json` does after loading it.
//!
//! Run with `cargo bench --bench gaps`.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};

use mizan::amend::{Amendment, AmendmentKind, AmendmentStatus, Visibility};
use mizan::date::Date;
use mizan::gaps::{self, Filter, Inputs};
use mizan::ids::{ArticleRef, WorkId};
use mizan::settings::Weights;
use mizan::standards::{
    Element, Instrument, InstrumentKind, Mapping, MappingEntry, Obligation, Party, PartyStatus,
    Provision, Status, Theme,
};

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

fn path(p: &str) -> Arc<Path> {
    Arc::from(Path::new(p))
}

fn entry(
    standard: &str,
    provision: &str,
    element: Option<&str>,
    status: Status,
    n: usize,
) -> MappingEntry {
    let work = WorkId::parse(&format!("/akn/kw/act/2013/{}", 1 + n % 40)).expect("work id");
    MappingEntry {
        standard: standard.to_owned(),
        provision: provision.to_owned(),
        element: element.map(str::to_owned),
        articles: (0..3)
            .map(|k| ArticleRef {
                work: work.clone(),
                eid: format!("art_{}", 1 + (n + k * 7) % 2500),
            })
            .collect(),
        status,
        rationale: format!(
            "Articles of the law meet {provision} in part; synthetic rationale number {n}."
        )
        .into(),
        recommendation: (status != Status::Full)
            .then(|| format!("Amend the law to meet {provision}.").into()),
        basis: None,
        sources: Vec::new(),
        source_spans: Vec::new(),
        path: path(&format!("corpus/kw/mappings/{standard}.yaml")),
        span: 0..0,
        element_span: None,
        article_spans: Vec::new(),
        status_span: 0..0,
        rationale_span: 0..0,
    }
}

fn model() -> (Vec<Instrument>, Vec<Mapping>, Vec<Amendment>) {
    let mut instruments = Vec::new();
    let mut mappings = Vec::new();
    let mut n = 0usize;
    for i in 0..INSTRUMENTS {
        let id = format!("std-{i:02}");
        let mut parties = BTreeMap::new();
        parties.insert(
            "kw".to_owned(),
            Party {
                status: if i % 3 == 0 {
                    PartyStatus::Signed
                } else {
                    PartyStatus::Ratified
                },
                year: Some(2000),
                note: None,
            },
        );
        let mut provisions = Vec::new();
        let mut entries = Vec::new();
        for k in 0..PROVISIONS {
            n += 1;
            let pid = format!("art_{}__para_{}", k / 4 + 1, k % 4 + 1);
            let elements: Vec<Element> = if k % 5 == 0 {
                ["act", "means", "purpose"]
                    .iter()
                    .map(|e| Element {
                        id: (*e).to_owned(),
                        summary: format!("Element {e}.").into(),
                        keywords: Vec::new(),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            if !n.is_multiple_of(10) {
                if elements.is_empty() {
                    entries.push(entry(&id, &pid, None, STATUSES[n % 5], n));
                } else {
                    for (j, e) in elements.iter().enumerate().take(2 + n % 2) {
                        entries.push(entry(&id, &pid, Some(&e.id), STATUSES[(n + j) % 4], n));
                    }
                }
            }
            provisions.push(Provision {
                id: pid,
                citation: format!("Art. {}({})", k / 4 + 1, k % 4 + 1),
                title: format!("Provision {k}").into(),
                theme: Theme::ALL[k % 6],
                obligation: Obligation::ALL[k % 5],
                summary: "A synthetic obligation.".into(),
                note: None,
                elements,
                span: 0..0,
            });
        }
        instruments.push(Instrument {
            path: path(&format!("standards/{id}.yaml")),
            id: id.clone(),
            title: format!("Synthetic instrument {i}").into(),
            short_title: None,
            titles: BTreeMap::new(),
            kind: InstrumentKind::Convention,
            body: "UN".to_owned(),
            parent: None,
            adopted: None,
            in_force: None,
            source: String::new(),
            note: None,
            parties,
            provisions,
        });
        mappings.push(Mapping {
            path: path(&format!("corpus/kw/mappings/{id}.yaml")),
            standard: id,
            standard_span: 0..0,
            jurisdiction: "kw".to_owned(),
            jurisdiction_span: 0..0,
            assessed: "2026-01-01".parse::<Date>().expect("date"),
            assessors: Vec::new(),
            note: None,
            entries,
        });
    }
    let amendments = (0..AMENDMENTS)
        .map(|a| Amendment {
            path: path(&format!("corpus/kw/amendments/bill-{a}.md")),
            id: format!("bill-{a:02}"),
            title: format!("Bill {a}").into(),
            amends: WorkId::parse("/akn/kw/act/2013/1").expect("work id"),
            amends_span: 0..0,
            kind: AmendmentKind::Bill,
            status: AmendmentStatus::Draft,
            visibility: Visibility::Public,
            sponsor: None,
            illustrative: false,
            submitted: None,
            enacted: None,
            in_force: None,
            source: None,
            note: None,
            mapping_changes: (0..CHANGES)
                .map(|c| {
                    let standard = format!("std-{:02}", (a * 7 + c) % INSTRUMENTS);
                    let k = (a * 13 + c * 3) % PROVISIONS;
                    let pid = format!("art_{}__para_{}", k / 4 + 1, k % 4 + 1);
                    entry(&standard, &pid, None, Status::Full, a * CHANGES + c)
                })
                .collect(),
            body: 0..0,
            operations: Vec::new(),
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
            let json = serde_json::to_vec_pretty(&gaps::to_json(&analysis, &filter)).expect("json");
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
                    serde_json::to_vec_pretty(&gaps::to_json(&analysis, &filter)).expect("json");
                black_box(json.len())
            })
        },
    );
    c.bench_function("gaps: table, 5,000 provisions", |b| {
        b.iter(|| {
            let analysis = gaps::analyse(&inputs, &filter, Vec::new());
            black_box(gaps::render_table(&analysis, &filter, gaps::TableOptions::default()).len())
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
            let json = serde_json::to_vec_pretty(&gaps::to_json(&analysis, &filter)).expect("json");
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
            let json = serde_json::to_vec_pretty(&gaps::to_json(&analysis, &filter)).expect("json");
            black_box(json.len())
        })
    });
}

criterion_group!(benches, bench, bench_generated);
criterion_main!(benches);
