//! Writes a generated Arabic law as a Word file, for the import benchmark
//! (bench/import.sh): a title, a preamble, issuing articles, then ARTICLES
//! articles in chapters of 50, each heading an ordinal or a number in the
//! gazette's forms, each paragraph split into runs as a word processor
//! splits them.
//!
//! `cargo run --release --example import_fixture -- ARTICLES OUT.docx`

use std::fmt::Write;
use std::process::ExitCode;

use mizan::testing::docx::docx_of_lines;
use mizan::text::arabic_indic_digits;

fn law(articles: usize) -> String {
    let mut s = String::from(
        "قانون رقم ٩٩ لسنة ٢٠٩٩ في شأن قانون مولّد لقياس الاستيراد\n\
         بعد الاطلاع على الدستور،\n\
         وافق مجلس الأمة على القانون الآتي نصه، وقد صدقنا عليه وأصدرناه:\n\
         مادة أولى\n\
         يعمل بأحكام القانون المرافق.\n\
         مادة ثانية\n\
         على الوزراء، كل فيما يخصه، تنفيذ هذا القانون.\n",
    );
    for i in 1..=articles {
        if i % 50 == 1 {
            let _ = writeln!(
                s,
                "الفصل {}",
                arabic_indic_digits(&(i / 50 + 1).to_string())
            );
        }
        let number = arabic_indic_digits(&i.to_string());
        let heading = match i % 3 {
            0 => format!("مادة ({number})"),
            1 => format!("المادة {number} -"),
            _ => format!("المادة ({number}):"),
        };
        let _ = writeln!(
            s,
            "{heading}\n\
             يُعاقب بالحبس مدة لا تزيد على خمس سنوات وبغرامة كل من جنّد عاملاً أو نقله أو آواه بقصد استغلاله.\n\
             وتضاعف العقوبة إذا كان المجني عليه طفلاً أو إذا ارتكبت الجريمة من جماعة إجرامية منظمة.\n\
             أ- حجز جواز سفر العامل؛\n\
             ب- تقاضي رسوم استقدام منه."
        );
    }
    s
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(out)) = (args.first().and_then(|n| n.parse().ok()), args.get(1)) else {
        eprintln!("usage: import_fixture ARTICLES OUT.docx");
        return ExitCode::FAILURE;
    };
    match std::fs::write(out, docx_of_lines(&law(n), 24)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{out}: {e}");
            ExitCode::FAILURE
        }
    }
}
