//! The statute reader on arbitrary bytes: decode, then read.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path: Arc<Path> = Arc::from(Path::new("corpus/kw/act-2000-1.en.md"));
    if let Ok(text) = mizan::source::decode(data, &path) {
        let _ = mizan::corpus::read_expression(&path, &text);
    }
});
