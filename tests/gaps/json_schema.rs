//! A small JSON Schema checker for the keywords `book/src/schemas/gaps.schema.json`
//! uses: `type`, `const`, `enum`, `anyOf`, `$ref` (to `#/$defs/...`),
//! `properties`, `required`, `additionalProperties`, `items`, `minimum` and
//! `maximum`. Any other keyword in the schema fails the test, so the schema
//! cannot come to rely on something this checker would silently skip.
//! (Written here rather than adding a JSON Schema crate and its dependency
//! tree for one test.)

use std::path::PathBuf;

use serde_json::Value;

const ANNOTATIONS: [&str; 6] = [
    "$schema",
    "$id",
    "title",
    "description",
    "$comment",
    "$defs",
];

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

pub fn errors(value: &Value) -> Vec<String> {
    let root = schema();
    let mut errors = Vec::new();
    check(&root, &root, value, "$", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        panic!("schema at {at} is not an object");
    };
    for (keyword, rule) in schema {
        match keyword.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .unwrap_or_else(|| panic!("unsupported $ref {rule}"));
                let target = &root["$defs"][name];
                assert!(!target.is_null(), "no $defs/{name}");
                check(root, target, value, at, errors);
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(a) => a.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("bad type {rule}"),
                };
                if !types.iter().any(|t| has_type(value, t)) {
                    errors.push(format!("{at}: expected {types:?}, found {value}"));
                }
            }
            "const" => {
                if value != rule {
                    errors.push(format!("{at}: expected {rule}, found {value}"));
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    errors.push(format!("{at}: {value} is not one of {rule}"));
                }
            }
            "anyOf" => {
                let ok = rule.as_array().unwrap().iter().any(|s| {
                    let mut e = Vec::new();
                    check(root, s, value, at, &mut e);
                    e.is_empty()
                });
                if !ok {
                    errors.push(format!("{at}: {value} matches none of anyOf"));
                }
            }
            "properties" => {
                if let Some(obj) = value.as_object() {
                    for (name, s) in rule.as_object().unwrap() {
                        if let Some(v) = obj.get(name) {
                            check(root, s, v, &format!("{at}.{name}"), errors);
                        }
                    }
                }
            }
            "required" => {
                if let Some(obj) = value.as_object() {
                    for name in rule.as_array().unwrap() {
                        if !obj.contains_key(name.as_str().unwrap()) {
                            errors.push(format!("{at}: missing required {name}"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Some(obj) = value.as_object() {
                    let known = schema.get("properties").and_then(Value::as_object);
                    for (name, v) in obj {
                        if known.is_some_and(|k| k.contains_key(name)) {
                            continue;
                        }
                        match rule {
                            Value::Bool(false) => {
                                errors.push(format!("{at}: unexpected property {name}"))
                            }
                            Value::Bool(true) => {}
                            s => check(root, s, v, &format!("{at}.{name}"), errors),
                        }
                    }
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, v) in items.iter().enumerate() {
                        check(root, rule, v, &format!("{at}[{i}]"), errors);
                    }
                }
            }
            "minimum" => {
                if let Some(x) = value.as_f64()
                    && x < rule.as_f64().unwrap()
                {
                    errors.push(format!("{at}: {x} is below {rule}"));
                }
            }
            "maximum" => {
                if let Some(x) = value.as_f64()
                    && x > rule.as_f64().unwrap()
                {
                    errors.push(format!("{at}: {x} is above {rule}"));
                }
            }
            other => panic!("the checker does not support the keyword `{other}` (at {at})"),
        }
    }
}

fn has_type(value: &Value, t: &str) -> bool {
    match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => panic!("unknown type {t}"),
    }
}

/// The checker must be able to fail: mutated reports are rejected.
#[test]
fn the_schema_checker_rejects_broken_reports() {
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
