//! The bundled Kuwaiti assessment is data that users read first and cite, so
//! its coverage is pinned here: it loads with no diagnostic, every provision
//! of the two Protocols is assessed, every judgment has its reasons, every
//! article it cites exists, and the two expressions of Law 91/2013 align.

use std::collections::BTreeSet;
use std::path::Path;

use mizan::Workspace;
use mizan::amend::{AmendmentStatus, Visibility};
use mizan::corpus::Lang;
use mizan::standards::{SourceKind, Status, names_supervisory_body};

fn bundled() -> Workspace {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match Workspace::load(root) {
        Ok(ws) => ws,
        Err(failure) => panic!(
            "the bundled workspace does not load: {:#?}",
            failure
                .diagnostics
                .iter()
                .map(|d| format!("{d:?}"))
                .collect::<Vec<_>>()
        ),
    }
}

#[test]
fn bundled_workspace_loads_without_warnings() {
    let ws = bundled();
    assert!(
        ws.diagnostics.is_empty(),
        "warnings: {:#?}",
        ws.diagnostics
            .iter()
            .map(|d| format!("{d:?}"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn every_protocol_provision_and_element_is_assessed() {
    let ws = bundled();
    for standard in ["tip", "som"] {
        let instrument = ws.instrument(standard).expect("instrument present");
        let mapping = ws.mapping("kw", standard).expect("mapping present");
        for provision in &instrument.provisions {
            let entries: Vec<_> = mapping
                .entries
                .iter()
                .filter(|e| e.provision == provision.id)
                .collect();
            assert!(
                !entries.is_empty(),
                "{standard}/{} is unassessed",
                provision.id
            );
            for element in &provision.elements {
                let assessed = entries.iter().any(|e| {
                    e.element.is_none() || e.element.as_deref() == Some(element.id.as_str())
                });
                assert!(
                    assessed,
                    "{standard}/{}#{} is unassessed",
                    provision.id, element.id
                );
            }
        }
    }
}

#[test]
fn every_listed_provision_of_every_standard_is_assessed() {
    let ws = bundled();
    for instrument in &ws.instruments {
        let mapping = ws
            .mapping("kw", &instrument.id)
            .unwrap_or_else(|| panic!("no mapping for {}", instrument.id));
        for provision in &instrument.provisions {
            assert!(
                mapping.entries.iter().any(|e| e.provision == provision.id),
                "{}/{} is unassessed",
                instrument.id,
                provision.id
            );
        }
        assert!(
            instrument.parties.contains_key("kw"),
            "{} records no party status for Kuwait",
            instrument.id
        );
    }
}

#[test]
fn every_entry_has_reasons_and_cites_existing_articles() {
    let ws = bundled();
    for mapping in &ws.mappings {
        for entry in &mapping.entries {
            let at = format!("{}/{}", mapping.standard, entry.provision);
            assert_ne!(entry.status, Status::Unassessed, "{at}");
            assert!(!entry.rationale.trim().is_empty(), "{at} has no rationale");
            if entry.status != Status::Full {
                assert!(
                    entry
                        .recommendation
                        .as_deref()
                        .is_some_and(|r| !r.trim().is_empty()),
                    "{at} is {} but has no recommendation",
                    entry.status
                );
            }
            for article in &entry.articles {
                assert!(
                    ws.article(article, None).is_some(),
                    "{at} cites missing {article:?}"
                );
            }
        }
    }
}

#[test]
fn law_91_of_2013_is_complete_and_aligned_in_both_languages() {
    let ws = bundled();
    let work = ws.work("/akn/kw/act/2013/91").expect("Law 91/2013 present");
    let eids = |lang| -> BTreeSet<String> {
        work.expression(lang)
            .expect("expression present")
            .articles
            .iter()
            .map(|a| a.eid.clone())
            .collect()
    };
    let (en, ar) = (eids(Lang::EN), eids(Lang::AR));
    let expected: BTreeSet<String> = (1..=14).map(|n| format!("art_{n}")).collect();
    assert_eq!(en, expected);
    assert_eq!(ar, expected);
}

#[test]
fn amendments_are_dated_or_pending_and_one_is_for_the_committee() {
    let ws = bundled();
    let ruling = ws
        .amendment("constitutional-court-appeal-7-2018")
        .expect("the 2019 ruling is recorded");
    assert_eq!(ruling.status, AmendmentStatus::Enacted);
    assert!(ruling.in_force.is_some());
    // Dated or pending: every amendment either applies from a date (enacted
    // with `in_force`) or is still pending; none is left in between.
    for a in &ws.amendments {
        assert!(
            a.in_force_from().is_some() || a.is_pending(),
            "`{}` is neither in force from a date nor pending",
            a.id
        );
    }
    // The drafts the assessment discusses are pending, and each says what
    // it would change in the mapping.
    let drafts: BTreeSet<&str> = ws
        .amendments
        .iter()
        .filter(|a| a.is_pending())
        .map(|a| a.id.as_str())
        .collect();
    for id in [
        "domestic-workers-documents-and-fees",
        "national-referral-mechanism",
        "non-punishment-of-victims",
        "recruitment-fees-and-passports-labour-law",
        "victim-protection",
    ] {
        assert!(drafts.contains(id), "`{id}` is pending: {drafts:?}");
    }
    for a in ws.amendments.iter().filter(|a| a.is_pending()) {
        assert!(
            !a.mapping_changes.is_empty(),
            "`{}` has mapping changes",
            a.id
        );
    }
    let committee = ws
        .amendments
        .iter()
        .filter(|a| a.visibility == Visibility::Committee)
        .count();
    assert_eq!(committee, 1);
}

/// Every bundled amendment applies to the text it amends, in every
/// language it is written in, and changes at least one article.
#[test]
fn every_bundled_amendment_applies() {
    let ws = bundled();
    for amendment in &ws.amendments {
        let work = ws.work(amendment.amends.as_str()).expect("amended work");
        let diff =
            mizan::amend::amendment_diff(work, &ws.amendments, amendment, &Default::default())
                .unwrap_or_else(|e| panic!("{}: {e:?}", amendment.id));
        let json = serde_json::to_value(&diff).expect("serialisable");
        let changed: u64 = json["expressions"]
            .as_array()
            .expect("expressions")
            .iter()
            .map(|e| {
                let c = &e["counts"];
                ["added", "repealed", "renumbered", "modified"]
                    .iter()
                    .map(|k| c[k].as_u64().unwrap_or(0))
                    .sum::<u64>()
            })
            .sum();
        assert!(changed > 0, "{} changes nothing", amendment.id);
    }
}

/// Every status short of `full` says whether the gap is verified in law or
/// only not found in the corpus, and every rationale that leans on a
/// supervisory body (the ILO Committee of Experts, a UN Special Rapporteur,
/// the US Trafficking in Persons Report...) cites it under `sources`.
#[test]
fn every_gap_has_a_basis_and_every_supervisory_finding_a_source() {
    let ws = bundled();
    let mut gaps = 0;
    for mapping in &ws.mappings {
        for entry in &mapping.entries {
            let at = format!("{}/{}", mapping.standard, entry.provision);
            if entry.status == Status::Full {
                assert!(entry.basis.is_none(), "{at} is full but has a basis");
            } else {
                gaps += 1;
                assert!(
                    entry.basis.is_some(),
                    "{at} is {} but has no basis",
                    entry.status
                );
            }
            if names_supervisory_body(&entry.rationale) {
                assert!(
                    !entry.sources.is_empty(),
                    "{at} names a supervisory body but cites no source"
                );
            }
            for source in &entry.sources {
                assert!(
                    source.url_is_web(),
                    "{at}: {} has no web link",
                    source.title
                );
            }
        }
    }
    assert!(gaps > 100, "only {gaps} gaps: the assessment shrank");
    // The findings this review rests on carry their sources.
    let c182 = ws.mappings.iter().find(|m| m.standard == "c182").unwrap();
    for provision in ["art_3__para_a", "art_3__para_c"] {
        let entry = c182
            .entries
            .iter()
            .find(|e| e.provision == provision)
            .unwrap();
        assert!(
            entry.sources.iter().any(|s| s.kind == SourceKind::IloCeacr),
            "c182/{provision} cites no Committee of Experts comment"
        );
    }
}

/// Every bundled draft written by the project is flagged `illustrative`,
/// and none of the illustrative drafts is enacted.
#[test]
fn illustrative_drafts_are_flagged() {
    let ws = bundled();
    for a in &ws.amendments {
        let own_draft = a
            .sponsor
            .as_deref()
            .is_some_and(|s| s.to_lowercase().contains("illustrative"));
        assert_eq!(a.illustrative, own_draft, "{}", a.id);
        if a.illustrative {
            assert!(a.is_pending(), "{} is illustrative but not pending", a.id);
        }
    }
    assert!(ws.amendments.iter().filter(|a| a.illustrative).count() >= 3);
}
