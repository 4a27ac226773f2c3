//! Id and heading parsers on arbitrary text: no panic, and a parsed id
//! never contains a path traversal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mizan::ids::{
    ArticleRef, FrbrUri, ProvisionRef, WorkId, check_eid, check_slug, parse_article_number,
};

fuzz_target!(|text: &str| {
    // Any URI form: what parses writes back to the same parts; an error's
    // span lies on character boundaries of the text.
    match FrbrUri::parse(text) {
        Ok(uri) => {
            assert_eq!(FrbrUri::parse(&uri.to_string()).as_ref(), Ok(&uri));
            if uri.format.is_some() && !uri.components.is_empty() && uri.portion.is_none() {
                assert_eq!(FrbrUri::parse(&uri.manifestation_uri()).as_ref(), Ok(&uri));
            }
        }
        Err(e) => {
            assert!(text.get(e.span.clone()).is_some(), "{e:?}");
        }
    }
    if let Ok(w) = WorkId::parse(text) {
        assert!(!w.as_str().contains(".."));
        let _ = (w.slug(), w.year(), w.subtype(), w.number());
    }
    if let Ok(a) = ArticleRef::parse(text) {
        assert!(!a.eid.contains('/') && !a.eid.contains(".."));
    }
    if let Ok(p) = ProvisionRef::parse(text) {
        assert!(!p.provision.contains('/') && !p.standard.contains('/'));
    }
    if check_eid(text).is_ok() || check_slug(text).is_ok() {
        assert!(!text.contains('/') && !text.contains(".."));
    }
    if let Some((n, rest)) = parse_article_number(text) {
        assert!(mizan::ids::check_eid(&n.eid()).is_ok(), "{:?}", n);
        let _ = rest;
    }
    let _ = mizan::corpus::classify_heading(text);
});
