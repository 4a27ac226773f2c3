//! Deeply nested Markdown: the fuzzer's bytes choose a sequence of list
//! markers, block quotes and emphasis, repeated up to thousands of levels,
//! read as a statute body and as an amendment's new text. Nesting past the
//! limit must be one diagnostic, never a stack overflow or a blow-up.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use mizan::corpus::MAX_LIST_DEPTH;
use mizan::diag::Diagnostics;

const PIECES: [&str; 8] = ["- ", "1. ", "* ", "> ", "  ", "*", "[", "\n"];

fuzz_target!(|data: &[u8]| {
    let Some((&depth, pattern)) = data.split_first() else {
        return;
    };
    // Up to 255 * 40 = 10,200 repetitions of a short pattern.
    let repeat = usize::from(depth) * 40;
    let unit: String = pattern
        .iter()
        .take(8)
        .map(|b| PIECES[usize::from(b % 8)])
        .collect();
    if unit.is_empty() {
        return;
    }
    let body = format!("## Article 1\n\n{}deep\n", unit.repeat(repeat));
    let path: Arc<Path> = Arc::from(Path::new("corpus/kw/x.en.md"));
    let mut diags = Diagnostics::new();
    let read = mizan::corpus::parse_body(&path, &body, 0..body.len(), &mut diags);
    let too_deep = diags.iter().any(|d| d.message.starts_with("lists are nested"));
    fn points_depth(points: &[mizan::corpus::Point]) -> usize {
        points.iter().map(|p| 1 + points_depth(&p.points)).max().unwrap_or(0)
    }
    for a in &read.articles {
        for p in &a.paragraphs {
            assert!(points_depth(&p.points) <= MAX_LIST_DEPTH || too_deep);
        }
    }
    let mut diags = Diagnostics::new();
    let _ = mizan::corpus::parse_article_body(&path, &body, 14..body.len(), "art_1", &mut diags);
});
