//! Checks reports against `book/src/schemas/gaps.schema.json` with the
//! `jsonschema` crate (draft 2020-12, no remote references: the schema's
//! `$ref`s all point inside it).

use std::path::PathBuf;

use serde_json::Value;

pub fn schema() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("book/src/schemas/gaps.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Panics with every violation when `value` does not match the schema.
pub fn assert_valid(value: &Value) {
    let errors = errors(value);
    assert!(
        errors.is_empty(),
        "the report breaks its schema:\n{}",
        errors.join("\n")
    );
}

/// Every violation, as `path: message`.
pub fn errors(value: &Value) -> Vec<String> {
    let validator = jsonschema::draft202012::new(&schema())
        .unwrap_or_else(|e| panic!("the schema itself is invalid: {e}"));
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The check must be able to fail: mutated reports are rejected.
#[test]
fn the_schema_check_rejects_broken_reports() {
    let good = serde_json::json!({
        "version": 1,
        "jurisdiction": "kw",
        "method": {
            "weights": {"mandatory": 1.0, "qualified": 0.8, "consider": 0.5, "endeavour": 0.5, "soft": 0.25},
            "credits": {"full": 1.0, "partial": 0.5, "missing": 0.0, "conflict": 0.0}
        },
        "filter": {"standard": null, "theme": null, "statuses": []},
        "scenario": null,
        "totals": {
            "binding": {"instruments": 0, "score": score(), "themes": []},
            "benchmark": {"instruments": 0, "score": score(), "themes": []}
        },
        "instruments": []
    });
    assert!(errors(&good).is_empty(), "{:?}", errors(&good));
    type Mutation = fn(&mut Value);
    let mutations: [(&str, Mutation); 6] = [
        ("version", |v| v["version"] = 2.into()),
        ("missing field", |v| {
            v.as_object_mut().unwrap().remove("totals");
        }),
        ("extra field", |v| v["extra"] = true.into()),
        ("bad enum", |v| v["filter"]["theme"] = "finance".into()),
        ("out of range", |v| {
            v["totals"]["binding"]["score"]["value"] = 1.5.into()
        }),
        ("wrong type", |v| v["instruments"] = "none".into()),
    ];
    for (what, mutate) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert!(!errors(&bad).is_empty(), "{what} was accepted");
    }
}

fn score() -> Value {
    serde_json::json!({
        "value": null, "earned": 0.0, "possible": 0.0,
        "counts": {"full": 0, "partial": 0, "missing": 0, "conflict": 0, "not-applicable": 0, "unassessed": 0},
        "baseline": null, "delta": null
    })
}
