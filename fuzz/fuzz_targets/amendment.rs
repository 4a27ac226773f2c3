//! The amendment reader on arbitrary bytes.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path: Arc<Path> = Arc::from(Path::new("corpus/kw/amendments/x.md"));
    if let Ok(text) = mizan::source::decode(data, &path) {
        let _ = mizan::amend::read_amendment(&path, &text);
    }
});
