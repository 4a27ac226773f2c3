//! Unit tests of the gap rules, each against a hand-computed value.

use super::*;
use crate::amend::AmendmentStatus;
use crate::standards::{Obligation, PartyStatus};
use crate::testing::model::{self, amendment, entry, mapping, path, provision};

struct P<'s> {
    id: &'s str,
    obligation: Obligation,
    theme: Theme,
    elements: &'s [&'s str],
}

fn p(id: &str, obligation: Obligation, theme: Theme) -> P<'_> {
    P {
        id,
        obligation,
        theme,
        elements: &[],
    }
}

fn instrument(id: &str, party: Option<PartyStatus>, provisions: &[P<'_>]) -> Instrument {
    let provisions = provisions
        .iter()
        .map(|x| provision(x.id, x.obligation, x.theme, x.elements))
        .collect();
    model::instrument(id, party, provisions)
}

pub(crate) fn inputs<'a>(instruments: &'a [Instrument], mappings: &'a [Mapping]) -> Inputs<'a> {
    Inputs {
        jurisdiction: "kw",
        weights: Weights::default(),
        instruments,
        mappings,
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

/// The example workspace of the book: TIP Art. 3(a) by elements (full,
/// full, partial), 3(b) full, 6(6) missing, all mandatory.
pub(crate) fn book_example() -> (Vec<Instrument>, Vec<Mapping>) {
    use Obligation::Mandatory;
    let tip = instrument(
        "tip",
        Some(PartyStatus::Acceded),
        &[
            P {
                elements: &["act", "means", "purpose"],
                ..p("art_3__para_a", Mandatory, Theme::Definition)
            },
            p("art_3__para_b", Mandatory, Theme::Definition),
            p("art_6__para_6", Mandatory, Theme::Protection),
        ],
    );
    let m = mapping(
        "tip",
        vec![
            entry("tip", "art_3__para_a", Some("act"), Status::Full),
            entry("tip", "art_3__para_a", Some("means"), Status::Full),
            entry("tip", "art_3__para_a", Some("purpose"), Status::Partial),
            entry("tip", "art_3__para_b", None, Status::Full),
            entry("tip", "art_6__para_6", None, Status::Missing),
        ],
    );
    (vec![tip], vec![m])
}

#[test]
fn provision_status_from_elements_and_scores_by_hand() {
    let (instruments, mappings) = book_example();
    let r = compute(&inputs(&instruments, &mappings), &Filter::default(), &[]);
    let tip = &r.instruments[0];
    let statuses: Vec<Status> = tip.provisions.iter().map(|p| p.status).collect();
    assert_eq!(statuses, [Status::Partial, Status::Full, Status::Missing]);
    assert!(tip.provisions[0].by_elements());
    assert_eq!(tip.provisions[0].elements.len(), 3);
    // (0.5 + 1 + 0) / 3
    assert!(close(tip.score.value(), 0.5));
    // definition: (0.5 + 1) / 2; protection: 0 / 1
    assert!(close(
        tip.themes.get(Theme::Definition).unwrap().value(),
        0.75
    ));
    assert!(close(
        tip.themes.get(Theme::Protection).unwrap().value(),
        0.0
    ));
    assert!(tip.binding);
    assert_eq!(r.binding.instruments, 1);
    assert!(close(r.binding.score.value(), 0.5));
    assert_eq!(r.benchmark.instruments, 0);
    assert_eq!(r.benchmark.score.value(), None);
}

#[test]
fn obligation_weights_come_from_the_settings() {
    use Obligation::*;
    let inst = instrument(
        "c029",
        Some(PartyStatus::Ratified),
        &[
            p("art_1", Mandatory, Theme::Criminalization),
            p("art_2", Qualified, Theme::Protection),
            p("art_3", Consider, Theme::Protection),
            p("art_4", Endeavour, Theme::Prevention),
            p("art_5", Soft, Theme::Prevention),
        ],
    );
    let m = mapping(
        "c029",
        vec![
            entry("c029", "art_1", None, Status::Missing),
            entry("c029", "art_2", None, Status::Full),
            entry("c029", "art_3", None, Status::Partial),
            entry("c029", "art_4", None, Status::Full),
            entry("c029", "art_5", None, Status::Conflict),
        ],
    );
    let (instruments, mappings) = (vec![inst], vec![m]);
    let mut i = inputs(&instruments, &mappings);
    // Defaults: earned 0.8 + 0.25 + 0.5 = 1.55 of 1 + 0.8 + 0.5 + 0.5 + 0.25 = 3.05.
    let r = compute(&i, &Filter::default(), &[]);
    assert!(close(r.instruments[0].score.value(), 1.55 / 3.05));
    // protection: (0.8 + 0.25) / (0.8 + 0.5); prevention: 0.5 / 0.75.
    let themes = &r.instruments[0].themes;
    assert!(close(
        themes.get(Theme::Protection).unwrap().value(),
        1.05 / 1.3
    ));
    assert!(close(
        themes.get(Theme::Prevention).unwrap().value(),
        0.5 / 0.75
    ));
    // Every grade weighs the same: (0 + 1 + 0.5 + 1 + 0) / 5.
    i.weights = Weights {
        mandatory: 1.0,
        qualified: 1.0,
        consider: 1.0,
        endeavour: 1.0,
        soft: 1.0,
    };
    let r = compute(&i, &Filter::default(), &[]);
    assert!(close(r.instruments[0].score.value(), 0.5));
}

#[test]
fn not_applicable_and_unassessed_are_counted_but_not_scored() {
    use Obligation::Mandatory;
    let inst = instrument(
        "tip",
        Some(PartyStatus::Acceded),
        &[
            p("art_1", Mandatory, Theme::Definition),
            p("art_2", Mandatory, Theme::Definition),
            p("art_3", Mandatory, Theme::Definition),
        ],
    );
    let m = mapping(
        "tip",
        vec![
            entry("tip", "art_1", None, Status::Partial),
            entry("tip", "art_2", None, Status::NotApplicable),
        ],
    );
    let (instruments, mappings) = (vec![inst], vec![m]);
    let r = compute(&inputs(&instruments, &mappings), &Filter::default(), &[]);
    let g = &r.instruments[0];
    assert_eq!(g.provisions[2].status, Status::Unassessed);
    assert_eq!(g.provisions[2].basis, Basis::None);
    assert!(close(g.score.value(), 0.5));
    assert_eq!(g.score.counts.not_applicable, 1);
    assert_eq!(g.score.counts.unassessed, 1);
    assert_eq!(g.score.counts.total(), 3);
}

#[test]
fn unassessed_elements_cap_a_provision_at_partial() {
    use Obligation::Mandatory;
    let inst = instrument(
        "tip",
        Some(PartyStatus::Acceded),
        &[P {
            elements: &["act", "means", "purpose"],
            ..p("art_3__para_a", Mandatory, Theme::Definition)
        }],
    );
    let m = mapping(
        "tip",
        vec![
            entry("tip", "art_3__para_a", Some("act"), Status::Full),
            entry("tip", "art_3__para_a", Some("means"), Status::Full),
        ],
    );
    let (instruments, mappings) = (vec![inst], vec![m]);
    let r = compute(&inputs(&instruments, &mappings), &Filter::default(), &[]);
    let prov = &r.instruments[0].provisions[0];
    assert_eq!(prov.status, Status::Partial);
    let unassessed: Vec<&str> = prov
        .unassessed_elements()
        .map(|e| e.element.id.as_str())
        .collect();
    assert_eq!(unassessed, ["purpose"]);
    assert_eq!(prov.elements[2].status, Status::Unassessed);
}

#[test]
fn element_entries_decide_over_a_provision_level_entry() {
    use Obligation::Mandatory;
    let inst = instrument(
        "tip",
        Some(PartyStatus::Acceded),
        &[P {
            elements: &["act", "means"],
            ..p("art_3__para_a", Mandatory, Theme::Definition)
        }],
    );
    let m = mapping(
        "tip",
        vec![
            entry("tip", "art_3__para_a", None, Status::Full),
            entry("tip", "art_3__para_a", Some("act"), Status::Full),
            entry("tip", "art_3__para_a", Some("means"), Status::Missing),
        ],
    );
    let (instruments, mappings) = (vec![inst], vec![m]);
    let r = compute(&inputs(&instruments, &mappings), &Filter::default(), &[]);
    let prov = &r.instruments[0].provisions[0];
    assert_eq!(prov.status, Status::Partial);
    assert!(matches!(prov.basis, Basis::Elements { overall: Some(_) }));
}

#[test]
fn binding_and_benchmark_are_pooled_apart() {
    use Obligation::*;
    let a = instrument(
        "a",
        Some(PartyStatus::Ratified),
        &[p("art_1", Mandatory, Theme::Protection)],
    );
    let b = instrument(
        "b",
        Some(PartyStatus::Signed),
        &[p("art_1", Mandatory, Theme::Protection)],
    );
    let c = instrument(
        "c",
        None,
        &[
            p("art_1", Soft, Theme::Protection),
            p("art_2", Soft, Theme::Prevention),
        ],
    );
    let mappings = vec![
        mapping("a", vec![entry("a", "art_1", None, Status::Full)]),
        mapping("b", vec![entry("b", "art_1", None, Status::Missing)]),
        mapping(
            "c",
            vec![
                entry("c", "art_1", None, Status::Full),
                entry("c", "art_2", None, Status::Partial),
            ],
        ),
    ];
    let instruments = vec![c, a, b];
    let r = compute(&inputs(&instruments, &mappings), &Filter::default(), &[]);
    let ids: Vec<&str> = r
        .instruments
        .iter()
        .map(|g| g.instrument.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c"], "instruments in id order");
    assert_eq!(r.binding.instruments, 1);
    assert!(close(r.binding.score.value(), 1.0));
    assert_eq!(r.benchmark.instruments, 2);
    // b: 1 x 0; c: 0.25 x 1 + 0.25 x 0.5 -> 0.375 of 1.5
    assert!(close(r.benchmark.score.value(), 0.375 / 1.5));
    // protection among benchmarks: (0 + 0.25) / (1 + 0.25)
    assert!(close(
        r.benchmark.themes.get(Theme::Protection).unwrap().value(),
        0.2
    ));
}

#[test]
fn mappings_of_other_jurisdictions_are_ignored() {
    let (instruments, mut mappings) = book_example();
    mappings[0].jurisdiction = "qa".to_owned();
    let r = compute(&inputs(&instruments, &mappings), &Filter::default(), &[]);
    assert!(
        r.instruments[0]
            .provisions
            .iter()
            .all(|p| p.status == Status::Unassessed)
    );
    assert_eq!(r.binding.score.value(), None);
}

#[test]
fn a_standard_filter_restricts_the_scores_a_theme_filter_only_the_rows() {
    let (mut instruments, mut mappings) = book_example();
    instruments.push(instrument(
        "som",
        Some(PartyStatus::Acceded),
        &[p("art_1", Obligation::Mandatory, Theme::Definition)],
    ));
    mappings.push(mapping(
        "som",
        vec![entry("som", "art_1", None, Status::Full)],
    ));
    let i = inputs(&instruments, &mappings);
    let all = compute(&i, &Filter::default(), &[]);
    // (0.5 + 1 + 0 + 1) / 4
    assert!(close(all.binding.score.value(), 0.625));
    let filter = Filter {
        standard: Some("tip".to_owned()),
        theme: Some(Theme::Protection),
        statuses: Vec::new(),
    };
    let r = compute(&i, &filter, &[]);
    assert_eq!(r.instruments.len(), 1);
    assert!(close(r.binding.score.value(), 0.5));
    let shown: Vec<&str> = r.instruments[0]
        .provisions
        .iter()
        .filter(|p| filter.shows(p))
        .map(|p| p.provision.id.as_str())
        .collect();
    assert_eq!(shown, ["art_6__para_6"]);
}

#[test]
fn an_element_change_replaces_the_same_element_only() {
    let (instruments, mappings) = book_example();
    let change = entry("tip", "art_3__para_a", Some("purpose"), Status::Full);
    let a = amendment("servitude", AmendmentStatus::Draft, None, vec![change]);
    let i = inputs(&instruments, &mappings);
    let analysis = analyse(&i, &Filter::default(), vec![&a]);
    let prov = &analysis.report.instruments[0].provisions[0];
    assert_eq!(prov.status, Status::Full);
    assert_eq!(prov.changed_by, ["servitude"]);
    assert_eq!(
        prov.elements[2].assessed.unwrap().amendment,
        Some("servitude")
    );
    assert_eq!(prov.elements[0].assessed.unwrap().amendment, None);
    // (1 + 1 + 0) / 3, from 0.5
    assert!(close(
        analysis.report.instruments[0].score.value(),
        2.0 / 3.0
    ));
    let before = &analysis.scenario.as_ref().unwrap().before;
    assert!(close(before.instruments[0].score.value(), 0.5));
    let d = scenario::deltas(before, &analysis.report);
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].before, d[0].after), (Status::Partial, Status::Full));
    assert_eq!(d[0].effect, scenario::Effect::Closes);
}

#[test]
fn a_provision_level_change_supersedes_element_entries() {
    let (instruments, mappings) = book_example();
    let change = entry("tip", "art_3__para_a", None, Status::Missing);
    let a = amendment("rewrite", AmendmentStatus::Submitted, None, vec![change]);
    let analysis = analyse(
        &inputs(&instruments, &mappings),
        &Filter::default(),
        vec![&a],
    );
    let prov = &analysis.report.instruments[0].provisions[0];
    assert_eq!(prov.status, Status::Missing);
    assert!(matches!(prov.basis, Basis::Provision(x) if x.amendment == Some("rewrite")));
    assert!(prov.elements.is_empty());
    let d = scenario::deltas(
        &analysis.scenario.as_ref().unwrap().before,
        &analysis.report,
    );
    assert_eq!(d[0].effect, scenario::Effect::Worsens);
}

#[test]
fn later_amendments_hold_and_both_are_named() {
    let (instruments, mappings) = book_example();
    let early = amendment(
        "early",
        AmendmentStatus::Draft,
        Some("2025-01-01"),
        vec![entry("tip", "art_6__para_6", None, Status::Partial)],
    );
    let late = amendment(
        "a-late",
        AmendmentStatus::Draft,
        Some("2026-01-01"),
        vec![entry("tip", "art_6__para_6", None, Status::Full)],
    );
    let all = [late, early];
    let chosen = scenario::select(&all, "kw", &[Selection::AllPending]).unwrap();
    let ids: Vec<&str> = chosen.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["early", "a-late"],
        "by submission date, not id or order named"
    );
    let analysis = analyse(&inputs(&instruments, &mappings), &Filter::default(), chosen);
    let prov = &analysis.report.instruments[0].provisions[2];
    assert_eq!(prov.status, Status::Full);
    assert_eq!(prov.changed_by, ["early", "a-late"]);
    // (0.5 + 1 + 1) / 3
    assert!(close(analysis.report.binding.score.value(), 2.5 / 3.0));
}

#[test]
fn selecting_amendments() {
    let all = [
        amendment(
            "victim-protection",
            AmendmentStatus::Draft,
            None,
            Vec::new(),
        ),
        amendment("old-law", AmendmentStatus::Enacted, None, Vec::new()),
        amendment("gone", AmendmentStatus::Withdrawn, None, Vec::new()),
    ];
    let named = |s: &str| scenario::select(&all, "kw", &[Selection::parse(s)]);
    assert_eq!(named("victim-protection").unwrap().len(), 1);
    let twice = scenario::select(
        &all,
        "kw",
        &[Selection::parse("victim-protection"), Selection::AllPending],
    )
    .unwrap();
    assert_eq!(twice.len(), 1, "an amendment applies once");
    assert_eq!(
        named("victim-protectoin").unwrap_err(),
        ScenarioError::Unknown {
            id: "victim-protectoin".to_owned(),
            suggestion: Some("victim-protection".to_owned())
        }
    );
    assert!(matches!(
        named("old-law"),
        Err(ScenarioError::NotPending { .. })
    ));
    assert!(
        named("old-law")
            .unwrap_err()
            .to_string()
            .contains("is enacted, not pending")
    );
    let pending = scenario::select(&all, "kw", &[Selection::AllPending]).unwrap();
    assert_eq!(pending.len(), 1);
    assert!(matches!(
        scenario::select(&all, "qa", &[Selection::parse("victim-protection")]),
        Err(ScenarioError::OtherJurisdiction { .. })
    ));
}

#[test]
fn consolidated_text_without_a_cited_article_is_reported() {
    use crate::amend::{ConsolidatedExpression, Provenance};
    use crate::corpus::read_expression;
    let (instruments, mappings) = book_example();
    let mut change = entry("tip", "art_6__para_6", None, Status::Full);
    change.articles = vec![ArticleRef::parse("/akn/kw/act/2013/91/~art_2ter").unwrap()];
    let a = amendment("compensation", AmendmentStatus::Draft, None, vec![change]);
    let mut analysis = analyse(
        &inputs(&instruments, &mappings),
        &Filter::default(),
        vec![&a],
    );
    let text = "---\nwork: /akn/kw/act/2013/91\nlang: en\ntitle: Law\ndate: 2013-03-10\n\
                status: in-force\nauthority: unofficial-summary\nsource: x\n---\n\n\
                ## Article 1\n\nText.\n";
    let (expression, diags) = read_expression(&path("corpus/kw/act-2013-91.en.md"), text);
    assert!(diags.is_empty(), "{diags:?}");
    let mut consolidated = ConsolidatedExpression::new(expression.unwrap());
    let missing = scenario::check_consolidated_text(&analysis.report, &[&consolidated]);
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].article.eid, "art_2ter");
    assert_eq!(missing[0].amendment, Some("compensation"));
    assert_eq!(missing[0].provision.id, "art_6__para_6");
    // Articles of works the text does not cover are not judged.
    assert!(scenario::check_consolidated_text(&analysis.report, &[]).is_empty());
    // A repealed article no longer supports the entries that cite it: the
    // four entries citing Article 1 (3(a) by its three elements, and 3(b)).
    consolidated.repealed.insert(
        "art_1".to_owned(),
        Provenance {
            amendment: "compensation".to_owned(),
            in_force: None,
        },
    );
    let missing = scenario::check_consolidated_text(&analysis.report, &[&consolidated]);
    let found: Vec<(&str, Option<&str>, &str)> = missing
        .iter()
        .map(|m| (m.provision.id.as_str(), m.element, m.article.eid.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("art_3__para_a", Some("act"), "art_1"),
            ("art_3__para_a", Some("means"), "art_1"),
            ("art_3__para_a", Some("purpose"), "art_1"),
            ("art_3__para_b", None, "art_1"),
            ("art_6__para_6", None, "art_2ter"),
        ]
    );
    apply_text(&mut analysis, &[&consolidated]);
    assert_eq!(
        analysis
            .scenario
            .as_ref()
            .unwrap()
            .text
            .as_ref()
            .unwrap()
            .len(),
        5
    );
}
