//! Messages a drafter understands: the YAML library's words ("set
//! DuplicateKeyPolicy in Options", "externally tagged enum expected scalar
//! or mapping") become sentences that name the field and what it expects;
//! one bad statute is one error, not a cascade; an article number too long
//! to be one says so.

use super::common::*;

fn errors(diags: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    diags.iter().filter(|d| d["severity"] == "error").collect()
}

#[test]
fn a_duplicate_key_names_the_field() {
    let dir = workspace();
    edit(&dir, STATUTE, |t| {
        t.replace("lang: en\n", "lang: en\nlang: ar\n")
    });
    let (code, diags) = check(dir.path());
    assert_eq!(code, 1);
    let d = expect(
        &diags,
        "error",
        STATUTE,
        Some((4, 1)),
        "duplicate field: `lang` is given twice",
    );
    assert!(!d.to_string().contains("DuplicateKeyPolicy"), "{d:#?}");
}

#[test]
fn a_list_where_one_value_goes_is_one_error_naming_the_field() {
    let dir = workspace();
    let text = std::fs::read_to_string(dir.path().join(STATUTE)).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("status:"))
        .expect("a status line") as u64
        + 1;
    edit(&dir, STATUTE, |t| {
        t.replace("status: in-force\n", "status: [in-force]\n")
    });
    let (code, diags) = check(dir.path());
    assert_eq!(code, 1);
    let d = expect(
        &diags,
        "error",
        STATUTE,
        Some((line, 9)),
        "`status` must be one word from its list of values, not a list or a block",
    );
    assert!(!d.to_string().contains("externally tagged"), "{d:#?}");
    assert_eq!(errors(&diags).len(), 1, "{diags:#?}");
}

#[test]
fn an_eleven_digit_article_number_says_so() {
    let dir = workspace();
    let mut line = 0;
    edit(&dir, STATUTE, |t| {
        let t = format!("{t}\n");
        line = t.lines().count() as u64 + 1;
        format!("{t}## Article 12345678901\n\nText.\n")
    });
    let (code, diags) = check(dir.path());
    assert_eq!(code, 1);
    expect(
        &diags,
        "error",
        STATUTE,
        Some((line, 1)),
        "the article number has 11 digits; an article number has at most 9",
    );
    assert_eq!(errors(&diags).len(), 1, "{diags:#?}");
}
