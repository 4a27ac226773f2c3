//! Properties of the gap scores, on random assessments: scores stay in
//! 0..=1; upgrading any status never lowers a score; not-applicable and
//! unassessed provisions never change a score; and the result does not
//! depend on the order of files or entries.

use proptest::prelude::*;
use proptest::sample::Index;

use mizan::gaps::{self, Filter, Inputs, Report, Score, rank};
use mizan::settings::Weights;
use mizan::standards::{Instrument, Mapping, Obligation, PartyStatus, Status, Theme};
use mizan::testing::model::{self, entry, instrument, mapping};

#[derive(Debug, Clone)]
enum Assess {
    None,
    Whole(Status),
    Elements {
        overall: Option<Status>,
        elements: Vec<Option<Status>>,
    },
}

#[derive(Debug, Clone)]
struct ProvSpec {
    obligation: Obligation,
    theme: Theme,
    elements: usize,
    assess: Assess,
}

#[derive(Debug, Clone)]
struct InstSpec {
    binding: bool,
    provisions: Vec<ProvSpec>,
}

fn written_status() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![
        Status::Full,
        Status::Partial,
        Status::Missing,
        Status::Conflict,
        Status::NotApplicable,
    ])
}

fn provision() -> impl Strategy<Value = ProvSpec> {
    (
        prop::sample::select(Obligation::ALL.to_vec()),
        prop::sample::select(Theme::ALL.to_vec()),
        0usize..4,
    )
        .prop_flat_map(|(obligation, theme, elements)| {
            let assess = if elements == 0 {
                prop_oneof![Just(Assess::None), written_status().prop_map(Assess::Whole)].boxed()
            } else {
                prop_oneof![
                    Just(Assess::None),
                    written_status().prop_map(Assess::Whole),
                    (
                        prop::option::of(written_status()),
                        prop::collection::vec(prop::option::of(written_status()), elements)
                    )
                        .prop_map(|(overall, elements)| Assess::Elements { overall, elements }),
                ]
                .boxed()
            };
            assess.prop_map(move |assess| ProvSpec {
                obligation,
                theme,
                elements,
                assess,
            })
        })
}

fn model() -> impl Strategy<Value = Vec<InstSpec>> {
    prop::collection::vec(
        (any::<bool>(), prop::collection::vec(provision(), 1..8)).prop_map(
            |(binding, provisions)| InstSpec {
                binding,
                provisions,
            },
        ),
        1..4,
    )
}

fn weights() -> impl Strategy<Value = Weights> {
    (
        0.0..=1.0f64,
        0.0..=1.0f64,
        0.0..=1.0f64,
        0.0..=1.0f64,
        0.0..=1.0f64,
    )
        .prop_map(
            |(mandatory, qualified, consider, endeavour, soft)| Weights {
                mandatory,
                qualified,
                consider,
                endeavour,
                soft,
            },
        )
}

fn build(spec: &[InstSpec]) -> (Vec<Instrument>, Vec<Mapping>) {
    let mut instruments = Vec::new();
    let mut mappings = Vec::new();
    for (i, inst) in spec.iter().enumerate() {
        let id = format!("i{i}");
        let party = if inst.binding {
            PartyStatus::Ratified
        } else {
            PartyStatus::Signed
        };
        let mut entries = Vec::new();
        let provisions = inst
            .provisions
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let pid = format!("art_{k}");
                match &p.assess {
                    Assess::None => {}
                    Assess::Whole(s) => entries.push(entry(&id, &pid, None, *s)),
                    Assess::Elements { overall, elements } => {
                        if let Some(s) = overall {
                            entries.push(entry(&id, &pid, None, *s));
                        }
                        for (e, s) in elements.iter().enumerate() {
                            if let Some(s) = s {
                                entries.push(entry(&id, &pid, Some(&format!("e{e}")), *s));
                            }
                        }
                    }
                }
                let elements: Vec<String> = (0..p.elements).map(|e| format!("e{e}")).collect();
                let elements: Vec<&str> = elements.iter().map(String::as_str).collect();
                model::provision(&pid, p.obligation, p.theme, &elements)
            })
            .collect();
        instruments.push(instrument(&id, Some(party), provisions));
        mappings.push(mapping(&id, entries));
    }
    (instruments, mappings)
}

fn report<'a>(
    instruments: &'a [Instrument],
    mappings: &'a [Mapping],
    weights: Weights,
) -> Report<'a> {
    let inputs = Inputs {
        jurisdiction: "kw",
        weights,
        instruments,
        mappings,
    };
    gaps::compute(&inputs, &Filter::default(), &[])
}

/// Every score of a report, labelled, in a fixed order.
fn scores(r: &Report<'_>) -> Vec<(String, Score)> {
    let mut out = vec![
        ("binding".to_owned(), r.binding.score),
        ("benchmark".to_owned(), r.benchmark.score),
    ];
    for t in r.binding.themes.iter() {
        out.push((format!("binding/{}", t.theme), t.score));
    }
    for t in r.benchmark.themes.iter() {
        out.push((format!("benchmark/{}", t.theme), t.score));
    }
    for g in &r.instruments {
        out.push((g.instrument.id.clone(), g.score));
        for t in g.themes.iter() {
            out.push((format!("{}/{}", g.instrument.id, t.theme), t.score));
        }
    }
    out
}

const UPGRADES: [Status; 4] = [
    Status::Conflict,
    Status::Missing,
    Status::Partial,
    Status::Full,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_lie_between_zero_and_one(spec in model(), w in weights()) {
        let (instruments, mappings) = build(&spec);
        let r = report(&instruments, &mappings, w);
        for (label, s) in scores(&r) {
            if let Some(v) = s.value() {
                prop_assert!((0.0..=1.0).contains(&v), "{label}: {v}");
            }
            prop_assert!(s.earned <= s.possible + 1e-9, "{label}: {s:?}");
            prop_assert!(s.earned >= 0.0);
        }
    }

    #[test]
    fn upgrading_a_status_never_lowers_a_score(
        spec in model(),
        w in weights(),
        which in any::<Index>(),
        to in any::<Index>(),
    ) {
        let (instruments, mappings) = build(&spec);
        let upgradable: Vec<(usize, usize)> = mappings
            .iter()
            .enumerate()
            .flat_map(|(m, mapping)| {
                mapping.entries.iter().enumerate().filter_map(move |(e, entry)| {
                    rank(entry.status).filter(|r| *r < 3).map(|_| (m, e))
                })
            })
            .collect();
        prop_assume!(!upgradable.is_empty());
        let (m, e) = *which.get(&upgradable);
        let mut upgraded = mappings.clone();
        let old = upgraded[m].entries[e].status;
        let higher: Vec<Status> = UPGRADES
            .into_iter()
            .filter(|s| rank(*s) > rank(old))
            .collect();
        upgraded[m].entries[e].status = *to.get(&higher);
        let before = scores(&report(&instruments, &mappings, w));
        let after = scores(&report(&instruments, &upgraded, w));
        prop_assert_eq!(before.len(), after.len());
        for ((label, b), (_, a)) in before.iter().zip(&after) {
            if let (Some(b), Some(a)) = (b.value(), a.value()) {
                prop_assert!(a >= b - 1e-12, "{label}: {b} -> {a}");
            }
            prop_assert!(a.earned >= b.earned - 1e-12, "{label}: earned {} -> {}", b.earned, a.earned);
        }
    }

    #[test]
    fn not_applicable_and_unassessed_provisions_never_change_a_score(
        spec in model(),
        w in weights(),
        at in any::<Index>(),
        extra in prop::sample::select(vec![Status::NotApplicable, Status::Unassessed]),
        theme in prop::sample::select(Theme::ALL.to_vec()),
        obligation in prop::sample::select(Obligation::ALL.to_vec()),
    ) {
        let (instruments, mappings) = build(&spec);
        let before = report(&instruments, &mappings, w);
        let i = at.index(spec.len());
        let mut more = spec.clone();
        more[i].provisions.push(ProvSpec {
            obligation,
            theme,
            elements: 0,
            assess: if extra == Status::NotApplicable {
                Assess::Whole(Status::NotApplicable)
            } else {
                Assess::None
            },
        });
        let (instruments2, mappings2) = build(&more);
        let after = report(&instruments2, &mappings2, w);
        let (b, a) = (scores(&before), scores(&after));
        for (label, sb) in &b {
            // A new theme may appear with the extra provision; every score
            // that existed is unchanged.
            let sa = a.iter().find(|(l, _)| l == label).map(|(_, s)| s).unwrap();
            prop_assert_eq!(sb.value(), sa.value(), "{}", label);
            prop_assert_eq!(sb.earned, sa.earned);
            prop_assert_eq!(sb.possible, sa.possible);
        }
        let total = |r: &Report<'_>| r.binding.score.counts.total() + r.benchmark.score.counts.total();
        prop_assert_eq!(total(&after), total(&before) + 1, "counted all the same");
        let counted = |r: &Report<'_>| {
            r.binding.score.counts.get(extra) + r.benchmark.score.counts.get(extra)
        };
        prop_assert_eq!(counted(&after), counted(&before) + 1);
    }

    #[test]
    fn the_result_does_not_depend_on_file_or_entry_order(
        spec in model(),
        w in weights(),
        seed in any::<u64>(),
    ) {
        let (instruments, mappings) = build(&spec);
        let mut shuffled_instruments = instruments.clone();
        let mut shuffled_mappings = mappings.clone();
        let mut rng = seed;
        let mut next = move |n: usize| {
            // xorshift: a cheap, seeded permutation source
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % n.max(1) as u64) as usize
        };
        for k in (1..shuffled_instruments.len()).rev() {
            shuffled_instruments.swap(k, next(k + 1));
        }
        for k in (1..shuffled_mappings.len()).rev() {
            shuffled_mappings.swap(k, next(k + 1));
        }
        for m in &mut shuffled_mappings {
            for k in (1..m.entries.len()).rev() {
                let j = next(k + 1);
                m.entries.swap(k, j);
            }
        }
        let json = |instruments: &[Instrument], mappings: &[Mapping]| {
            let inputs = Inputs { jurisdiction: "kw", weights: w, instruments, mappings };
            let filter = Filter::default();
            let analysis = gaps::analyse(&inputs, &filter, Vec::new());
            serde_json::to_string(&mizan::output::json::gap_report(&analysis, &filter)).unwrap()
        };
        prop_assert_eq!(json(&instruments, &mappings), json(&shuffled_instruments, &shuffled_mappings));
    }
}
