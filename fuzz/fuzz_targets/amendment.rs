//! The amendment reader on arbitrary bytes, then the whole amendment stage:
//! an amendment that reads is checked against the book's example law (in
//! English and Arabic), applied, consolidated and redlined.
#![no_main]

use std::path::Path;
use std::sync::{Arc, LazyLock};

use libfuzzer_sys::fuzz_target;
use mizan::corpus::Work;

static LAW: LazyLock<Vec<Work>> = LazyLock::new(|| {
    let read = |name: &str, text: &str| {
        let path: Arc<Path> = Arc::from(Path::new(name));
        mizan::corpus::read_expression(&path, text)
            .0
            .expect("the example law reads")
    };
    let en = read(
        "corpus/kw/act-2020-1.en.md",
        include_str!("../../book/src/examples/amendments/corpus/kw/act-2020-1.en.md"),
    );
    let ar = read(
        "corpus/kw/act-2020-1.ar.md",
        include_str!("../../book/src/examples/amendments/corpus/kw/act-2020-1.ar.md"),
    );
    vec![Work {
        id: en.meta.work.clone(),
        expressions: vec![en, ar],
    }]
});

fuzz_target!(|data: &[u8]| {
    let path: Arc<Path> = Arc::from(Path::new("corpus/kw/amendments/x.md"));
    let Ok(text) = mizan::source::decode(data, &path) else {
        return;
    };
    let (Some(amendment), _) = mizan::amend::read_amendment(&path, &text) else {
        return;
    };
    let amendments = vec![amendment];
    let mut diags = mizan::diag::Diagnostics::new();
    let _ = mizan::amend::check(&LAW, &amendments, &mut diags);
    if diags.iter().next().is_none() {
        let _ = mizan::amend::amendment_diff(
            &LAW[0],
            &amendments,
            &amendments[0],
            &Default::default(),
        );
    }
});
