//! The JSON forms of the assessment over time: `mizan gaps --timeline`
//! and `--since` (documented in the book's Gap analysis chapter, "Over
//! time"). `gaps --at` prints the gap report ([`super::gap_report`]) with
//! `at` set.

use serde_json::{Value, json};

use super::envelope;

fn score_json(s: &crate::gaps::Score) -> Value {
    let round = |x: f64| (x * 1e6).round() / 1e6;
    json!({
        "value": s.value().map(round),
        "earned": round(s.earned),
        "possible": round(s.possible),
        "counts": s.counts,
    })
}

fn amendment_json(a: &crate::amend::Amendment) -> Value {
    json!({
        "id": a.id,
        "kind": a.kind,
        "title": a.title,
        "title_ar": crate::translations::Translations::text_in(&a.title, "ar"),
        "in_force": a.in_force_from(),
        "source": a.source,
    })
}

/// `mizan gaps --timeline --format json`: each instrument's score at every
/// date on which a change took effect (`date` is `null` for the statutes as
/// the corpus holds them, before any enacted amendment or ruling).
pub fn timeline(t: &crate::gaps::history::Timeline<'_>) -> Value {
    let jurisdiction = t.points.first().map(|p| p.report.jurisdiction);
    envelope(json!({
        "jurisdiction": jurisdiction,
        "points": t.points.iter().map(|p| json!({
            "date": p.date,
            "took_effect": p.amendments.iter().map(|a| amendment_json(a)).collect::<Vec<_>>(),
            "binding": score_json(&p.report.binding.score),
            "benchmark": score_json(&p.report.benchmark.score),
            "instruments": p.report.instruments.iter().map(|g| json!({
                "id": g.instrument.id,
                "binding": g.binding,
                "score": score_json(&g.score),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    }))
}

/// `mizan gaps --since DATE --format json`: every provision that moved
/// since the date, before and after, with its causes.
pub fn since(s: &crate::gaps::history::Since<'_>) -> Value {
    use crate::gaps::history::Cause;
    envelope(json!({
        "jurisdiction": s.after.jurisdiction,
        "since": s.date,
        "published_report_compared": s.published,
        "took_effect": s.amendments.iter().map(|a| amendment_json(a)).collect::<Vec<_>>(),
        "changes": s.moved.iter().map(|m| {
            let g = &s.after.instruments[m.instrument];
            let p = &g.provisions[m.provision];
            json!({
                "ref": format!("{}/{}", g.instrument.id, p.provision.id),
                "citation": p.provision.citation,
                "title": p.provision.title,
                "title_ar": crate::translations::Translations::text_in(&p.provision.title, "ar"),
                "before": m.before,
                "after": m.after,
                "effect": m.effect.as_str(),
                "causes": m.causes.iter().map(|c| match c {
                    Cause::Amendment(a) => {
                        let mut v = amendment_json(a);
                        v["cause"] = json!(if a.kind == crate::amend::AmendmentKind::CourtRuling {
                            "ruling"
                        } else {
                            "amendment"
                        });
                        v
                    }
                    Cause::Reassessment { report, status, mapping } => json!({
                        "cause": "reassessment",
                        "published_report": report.display().to_string(),
                        "published_status": status,
                        "mapping": mapping.map(|m| m.path.display().to_string()),
                        "assessed": mapping.map(|m| m.assessed),
                    }),
                }).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
        "totals": {
            "before": {"binding": score_json(&s.before.binding.score), "benchmark": score_json(&s.before.benchmark.score)},
            "after": {"binding": score_json(&s.after.binding.score), "benchmark": score_json(&s.after.benchmark.score)},
        },
    }))
}
