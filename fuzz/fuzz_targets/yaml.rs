//! The YAML readers (instrument, mapping, settings) on arbitrary bytes.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path: Arc<Path> = Arc::from(Path::new("standards/tip.yaml"));
    if let Ok(text) = mizan::source::decode(data, &path) {
        let _ = mizan::standards::read_instrument(&path, &text);
        let _ = mizan::standards::read_mapping(&path, &text);
        let _ = mizan::settings::read_settings(&path, &text);
    }
});
