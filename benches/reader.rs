//! Micro-benchmarks of the statute reader: one English and one Arabic
//! expression of 1,000 articles, parsed from memory; their decoding (UTF-8
//! and NFC) alone; and the headings' classification alone.

use std::fmt::Write;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mizan::corpus::{classify_heading, read_expression};
use mizan::source::decode;

fn statute(articles: usize, arabic: bool) -> String {
    let mut s = String::from(
        "---\nwork: /akn/kw/act/2020/1\nlang: en\ntitle: Bench\ndate: 2020-01-01\n\
         status: in-force\nauthority: unofficial-summary\nsource: generated\n---\n\n",
    );
    if arabic {
        s = s.replace("lang: en", "lang: ar");
    }
    for i in 1..=articles {
        if i % 50 == 1 {
            if arabic {
                let _ = writeln!(s, "# الفصل {}\n", i / 50 + 1);
            } else {
                let _ = writeln!(s, "# Chapter {}: Provisions\n", i / 50 + 1);
            }
        }
        if arabic {
            let _ = write!(
                s,
                "## المادة ({}): أَحْكَامٌ عَامَّة\n\nيُعَاقَبُ كُلُّ مَنْ جَنَّدَ عَامِلاً أَوْ نَقَلَهُ بِقَصْدِ الاسْتِغْلَالِ بالحبس مدة لا تزيد على خمس سنوات.\n\n- أ) الأجر الشهري؛\n- ب) جواز السفر.\n\n",
                mizan::text::arabic_indic_digits(&i.to_string())
            );
        } else {
            let _ = write!(
                s,
                "## Article {i}: General provisions\n\nWhoever recruits or transports a worker for the purpose of exploitation is punished by imprisonment of up to five years.\n\n- (a) the monthly wage;\n- (b) the passport.\n\n"
            );
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let path: Arc<Path> = Arc::from(Path::new("bench.md"));
    let mut group = c.benchmark_group("read_expression");
    for (name, arabic) in [("en_1000_articles", false), ("ar_1000_articles", true)] {
        let text = statute(1000, arabic);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let (e, d) = read_expression(&path, &text);
                assert!(d.is_empty());
                e
            })
        });
    }
    group.finish();
}

/// Heading classification, which every heading of every statute goes
/// through: article and container headings with numbers in digits and in
/// words, in English and in the gazette's Arabic forms, and plain headings.
fn headings(c: &mut Criterion) {
    let headings = [
        "Article 12: Penalties",
        "Article Twenty-First",
        "Chapter One: General Provisions",
        "Part III",
        "Definitions",
        "المادة 12 - العقوبات",
        "مادة (٢٣) مكرراً",
        "المادة الحادية والعشرون",
        "الباب الأول",
        "الفصل الثالث - أحكام ختامية",
        "القسم الأول بعد المائة",
        "مواد الإصدار",
    ];
    c.bench_function("classify_heading/12_headings", |b| {
        b.iter(|| headings.map(|h| classify_heading(std::hint::black_box(h))))
    });
}

/// Decoding a file's bytes (UTF-8 check, NFC), which every file read goes
/// through before it is parsed.
fn decoding(c: &mut Criterion) {
    let path: Arc<Path> = Arc::from(Path::new("bench.md"));
    let mut group = c.benchmark_group("decode");
    for (name, arabic) in [("en_1000_articles", false), ("ar_1000_articles", true)] {
        let text = statute(1000, arabic);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| decode(std::hint::black_box(text.as_bytes()), &path).expect("UTF-8"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, headings, decoding);
criterion_main!(benches);
