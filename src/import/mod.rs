//! `mizan import`: a law held as a Word document, a text file or a web
//! page, read into a statute file of the workspace's format.
//!
//! Its own pipeline stage: `read` turns the file into paragraphs (one
//! module per format: `docx`, `html`, plain text in `read`), `structure`
//! finds the law's headings with the heading grammar of [`crate::corpus`],
//! `meta` guesses what it is not told (language, title, work id), and
//! `markdown` writes the file, which is then read back by the statute
//! reader: import never returns a file that `check` would refuse. Nothing
//! here prints or writes a file; the caller chooses where the text goes.

mod amending;
mod clause;
mod docx;
mod html;
mod markdown;
mod meta;
mod numbering;
mod read;
mod structure;
mod words;

use std::path::Path;
use std::sync::Arc;

use crate::corpus::{Authority, Extent, Lang, StatuteMeta, WorkStatus, read_expression};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ids::WorkId;

pub use amending::{
    AmendmentOptions, Clause, Fate, ImportedAmendment, amendment_from_blocks, import_amendment,
};
pub use docx::MAX_EXPANDED_BYTES;
pub use markdown::escape;
pub use read::{Block, Kind, MAX_FILE_BYTES, Place, ReadFile, read_file, text_blocks};
pub use structure::{Item, Note, Structure, balance_parentheses, structure};

/// What the caller knows about the law; what is `None` is guessed.
#[derive(Debug, Clone)]
pub struct Options {
    pub work: Option<WorkId>,
    /// The country of a guessed work id (`kw`).
    pub country: Option<String>,
    pub lang: Option<Lang>,
    pub title: Option<String>,
    pub status: WorkStatus,
    pub authority: Authority,
}

/// Something import guessed, and from what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// `work`, `lang` or `title`.
    pub field: &'static str,
    pub value: String,
    /// Where it came from (`the title`, `the letters of the text`).
    pub from: &'static str,
}

/// A law read from a file.
#[derive(Debug)]
pub struct Imported {
    pub kind: Kind,
    pub meta: StatuteMeta,
    /// The statute file's text.
    pub markdown: String,
    /// The file name the workspace expects (`act-2013-91.ar.md`).
    pub file_name: String,
    pub guesses: Vec<Guess>,
    /// What was dropped or not placed, with where it was.
    pub notes: Vec<Note>,
    pub issuing_articles: usize,
    pub articles: usize,
    pub containers: usize,
    /// Paragraphs read from the file.
    pub paragraphs: usize,
}

/// What is needed and could not be guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Work,
    Title,
    Country,
}

/// Why nothing was imported.
#[derive(Debug)]
pub enum ImportError {
    /// The file could not be read, or holds no law: a diagnostic naming
    /// it, and the file's text when it has one (for the snippet).
    Unreadable(Box<Diagnostic>, Option<Arc<str>>),
    /// What must be given because it could not be guessed.
    Missing(Missing),
    /// The file written would not pass `check` (a fault of import): the
    /// diagnostics, and the text they point into.
    Invalid(Diagnostics, Arc<str>),
}

/// Reads `path` and returns the statute file it makes.
pub fn import(path: &Arc<Path>, options: &Options) -> Result<Imported, ImportError> {
    let read = read::read_file(path).map_err(|(d, t)| ImportError::Unreadable(Box::new(d), t))?;
    from_blocks(path, read.kind, read.blocks, read.text, options)
}

/// Imports paragraphs already read (the second half of [`import`]).
pub fn from_blocks(
    path: &Arc<Path>,
    kind: Kind,
    blocks: Vec<Block>,
    text: Option<Arc<str>>,
    options: &Options,
) -> Result<Imported, ImportError> {
    let paragraphs = blocks.len();
    let texts: Vec<String> = blocks.iter().map(|b| b.text.clone()).collect();
    let Some(s) = structure(blocks) else {
        let d = Diagnostic::error(
            Code::ImportNoArticles,
            path,
            None,
            format!("found no article heading in {paragraphs} paragraphs, so nothing was imported"),
        )
        .with_help("check that the file holds a law; articles start `المادة (١)`, `مادة أولى` or `Article 1`");
        return Err(ImportError::Unreadable(Box::new(d), text));
    };
    let mut guesses = Vec::new();
    let lang = options.lang.unwrap_or_else(|| {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let lang = meta::guess_lang(&refs);
        guesses.push(Guess {
            field: "lang",
            value: lang.code().to_owned(),
            from: "the letters of the text",
        });
        lang
    });
    let title = match &options.title {
        Some(t) => t.clone(),
        None => {
            let t = guess_title(&s, options.country.as_deref())
                .ok_or(ImportError::Missing(Missing::Title))?;
            guesses.push(Guess {
                field: "title",
                value: t.clone(),
                from: "the paragraphs before the first heading",
            });
            t
        }
    };
    let work = match &options.work {
        Some(w) => w.clone(),
        None => {
            let country = options
                .country
                .as_deref()
                .ok_or(ImportError::Missing(Missing::Country))?;
            let w = meta::guess_work(&title, country).ok_or(ImportError::Missing(Missing::Work))?;
            guesses.push(Guess {
                field: "work",
                value: w.to_string(),
                from: "the title",
            });
            w
        }
    };
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let meta = StatuteMeta {
        work,
        lang,
        title,
        short_title: None,
        titles: Default::default(),
        date: None,
        publication: None,
        in_force: None,
        status: options.status,
        authority: options.authority,
        source: format!("imported by mizan import from {file}"),
        version_date: None,
        extent: Extent::Complete,
        omitted: None,
        repealed_by: None,
        note: None,
    };
    let markdown = markdown::write(&meta, &s);
    let file_name = format!("{}.{}.md", meta.work.slug(), lang.code());
    verify(&file_name, &markdown, &s)?;
    Ok(Imported {
        kind,
        file_name,
        guesses,
        issuing_articles: s.count_articles(true),
        articles: s.count_articles(false),
        containers: s.count_containers(),
        paragraphs,
        notes: s.notes,
        markdown,
        meta,
    })
}

/// The title among the paragraphs before the first heading: the first
/// that names a law's number and year, else the first that is no page
/// header.
fn guess_title(s: &Structure, country: Option<&str>) -> Option<String> {
    let before: Vec<&Block> = s
        .items
        .iter()
        .map_while(|i| match i {
            Item::Text(b) => Some(b),
            _ => None,
        })
        .filter(|b| !s.furniture.contains(&b.place))
        .collect();
    before
        .iter()
        .find(|b| meta::guess_work(&b.text, country.unwrap_or("xx")).is_some())
        .or_else(|| before.first())
        .map(|b| b.text.clone())
}

/// Reads the written file back with the statute reader: no diagnostic,
/// and every article found where import put it.
fn verify(file_name: &str, markdown: &str, s: &Structure) -> Result<(), ImportError> {
    let path: Arc<Path> = Arc::from(Path::new(file_name));
    let (expression, diags) = read_expression(&path, markdown);
    let text: Arc<str> = Arc::from(markdown);
    if !diags.is_empty() {
        return Err(ImportError::Invalid(diags, text));
    }
    let found = expression.map_or(0, |e| e.articles.len());
    same_count(&path, text, "articles", s.articles().count(), found)
}

/// The file written holds as many `things` (articles, operations) as import
/// made, read back: else an error on the file, with its text.
fn same_count(
    path: &Arc<Path>,
    text: Arc<str>,
    things: &str,
    made: usize,
    found: usize,
) -> Result<(), ImportError> {
    if found == made {
        return Ok(());
    }
    let mut d = Diagnostics::new();
    d.push(Diagnostic::error(
        Code::ImportNoArticles,
        path,
        None,
        format!("import made {made} {things} but the file it wrote has {found}"),
    ));
    Err(ImportError::Invalid(d, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words headings and noise are made of, in the gazette's forms and in
    /// Markdown's (which the written file must escape).
    const WORDS: [&str; 40] = [
        "المادة",
        "مادة",
        "Article",
        "(",
        ")",
        ")))",
        "١",
        "2",
        "٣",
        "12",
        "أولى",
        "الأولى",
        "الثانية",
        "الحادية",
        "عشرة",
        "بعد",
        "المائة",
        "مكرراً",
        "أ",
        "الباب",
        "الفصل",
        "الفرع",
        "القسم",
        "Chapter",
        "الأول",
        "الثاني",
        "-",
        ":",
        "نص",
        "من",
        "مواد الإصدار",
        "المذكرة الإيضاحية",
        "#",
        "*",
        "1.",
        "[x]",
        "{#art_1}",
        "<b>",
        "\\",
        "`",
    ];

    fn options() -> Options {
        Options {
            work: Some(WorkId::parse("/akn/kw/act/2099/1").unwrap()),
            country: None,
            lang: Some(Lang::AR),
            title: Some("قانون".into()),
            status: WorkStatus::InForce,
            authority: Authority::Official,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Whatever the lines, import finds no law (M0805) or writes a file
        /// the statute reader accepts whole: never one `check` refuses.
        #[test]
        fn any_text_imports_into_a_file_check_accepts(
            lines in prop::collection::vec(prop::collection::vec(0..WORDS.len(), 1..6), 1..40)
        ) {
            let text: String = lines
                .iter()
                .map(|l| l.iter().map(|i| WORDS[*i]).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n");
            let path: Arc<Path> = Arc::from(Path::new("law.txt"));
            match from_blocks(&path, Kind::Text, text_blocks(&text), None, &options()) {
                Ok(_) => {}
                Err(ImportError::Unreadable(d, _)) => prop_assert_eq!(d.code, Code::ImportNoArticles),
                Err(ImportError::Invalid(d, md)) => {
                    prop_assert!(false, "{text}\n---\n{md}\n---\n{:?}", d.iter().map(|d| &d.message).collect::<Vec<_>>());
                }
                Err(ImportError::Missing(m)) => prop_assert!(false, "{m:?}"),
            }
        }
    }

    /// Whole lines of a law, repeated at random: page headers, headings
    /// written twice, issuing articles, restarts and memoranda mix.
    const LINES: [&str; 22] = [
        "الفصل الأول",
        "الفصل الأول: أحكام",
        "الفصل الأول - أحكام",
        "المادة ١",
        "مادة أولى",
        "مادة ثانية",
        "المادة ٢",
        "نص.",
        "الجريدة الرسمية - ١",
        "الجريدة الرسمية - ٢",
        "مواد الإصدار",
        "المذكرة الإيضاحية",
        "الباب الثاني",
        "الفرع الأول",
        "المادة ٢ مكرراً",
        "أحكام عامة",
        "(ملغاة)",
        "1. بند",
        "- بند",
        "المادة 1 )))",
        "المادة ))) ٣",
        "Article 1",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_mix_of_law_lines_imports_into_a_file_check_accepts(
            lines in prop::collection::vec(0..LINES.len(), 1..60)
        ) {
            let text: String = lines.iter().map(|i| LINES[*i]).collect::<Vec<_>>().join("\n");
            let path: Arc<Path> = Arc::from(Path::new("law.txt"));
            match from_blocks(&path, Kind::Text, text_blocks(&text), None, &options()) {
                Ok(_) => {}
                Err(ImportError::Unreadable(d, _)) => prop_assert_eq!(d.code, Code::ImportNoArticles),
                Err(ImportError::Invalid(d, md)) => {
                    prop_assert!(false, "{text}\n---\n{md}\n---\n{:?}", d.iter().map(|d| &d.message).collect::<Vec<_>>());
                }
                Err(ImportError::Missing(m)) => prop_assert!(false, "{m:?}"),
            }
        }
    }
}
