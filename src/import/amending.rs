//! `mizan import --amendment`: an amending law read into an amendment
//! file. The law's articles (`مادة أولى`, `Article 1`) hold clauses; each
//! clause the formulas of [`super::clause`] read becomes one or more
//! operations, written with the operation forms of the language files
//! (`[operations]`), never with words in code. A clause of execution
//! (`يعمل به من تاريخ نشره`), a clause no formula fits, the preamble and the
//! closing lines are kept word for word in the file's `note`, each with its
//! line or paragraph; nothing is dropped. The file is read back by the
//! amendment reader before it is returned.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::amend::read_amendment;
use crate::corpus::{HeadingKind, Lang, classify_heading};
use crate::diag::{Code, Diagnostic};
use crate::ids::{ArticleNumber, WorkId, check_slug};

use super::clause::{self, Op, Position, Reading};
use super::markdown::escape;
use super::read::{Block, Kind, Place, read_file};
use super::{ImportError, meta};

/// What the caller knows about the amending law.
#[derive(Debug, Clone, Default)]
pub struct AmendmentOptions {
    /// The work it amends.
    pub amends: Option<WorkId>,
    /// The amendment's id (default: from the file name).
    pub id: Option<String>,
    pub title: Option<String>,
    pub lang: Option<Lang>,
    /// The last paragraph of each article of the amended work, by
    /// language code and normalised article number: where a new paragraph
    /// "added to the article" goes.
    pub last_paragraphs: HashMap<(String, String), u32>,
}

/// What became of one clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// It made this many operations.
    Operations(usize),
    /// An execution or final clause, kept as a note.
    Execution,
    /// Not understood (why), kept as a note.
    Unread(String),
}

/// One clause of the amending law.
#[derive(Debug, Clone)]
pub struct Clause {
    pub place: Place,
    /// The heading of the law's article that holds it (`مادة ثانية`).
    pub article: Option<String>,
    /// The clause as written, its paragraphs one a line.
    pub text: String,
    pub fate: Fate,
}

/// An amending law read.
#[derive(Debug)]
pub struct ImportedAmendment {
    pub kind: Kind,
    pub id: String,
    pub lang: Lang,
    pub title: String,
    pub amends: WorkId,
    /// The amendment file's text.
    pub markdown: String,
    pub file_name: String,
    pub clauses: Vec<Clause>,
    pub operations: usize,
    pub paragraphs: usize,
    /// What was guessed: (field, value).
    pub guesses: Vec<(&'static str, String)>,
}

impl ImportedAmendment {
    /// The clauses that change the law (all but execution clauses), and
    /// how many of them became operations.
    pub fn share(&self) -> (usize, usize) {
        let changing: Vec<&Clause> = self
            .clauses
            .iter()
            .filter(|c| c.fate != Fate::Execution)
            .collect();
        let read = changing
            .iter()
            .filter(|c| matches!(c.fate, Fate::Operations(_)))
            .count();
        (read, changing.len())
    }
}

/// Reads the amending law at `path`.
pub fn import_amendment(
    path: &Arc<Path>,
    options: &AmendmentOptions,
) -> Result<ImportedAmendment, ImportError> {
    let read = read_file(path).map_err(|(d, t)| ImportError::Unreadable(Box::new(d), t))?;
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    amendment_from_blocks(path, &file, read.kind, read.blocks, options)
}

/// A clause being gathered: its paragraphs and what its first one said.
struct Open {
    article: Option<String>,
    paragraphs: Vec<Block>,
    reading: Reading,
    /// Whether its new text began with a quotation mark (and so ends
    /// where the quotation closes).
    quoted: bool,
}

impl Open {
    fn new(article: Option<String>, block: Block, reading: Reading) -> Open {
        let quoted = matches!(&reading, Reading::Ops(_, Some(t)) if t.starts_with(['«', '"', '“']));
        Open {
            article,
            paragraphs: vec![block],
            reading,
            quoted,
        }
    }

    fn takes_text(&self) -> bool {
        matches!(&self.reading, Reading::Ops(ops, _) if ops.iter().any(Op::takes_text))
    }

    /// Whether its quoted new text has closed: what follows is not part
    /// of it.
    fn complete(&self) -> bool {
        let all: String = self
            .paragraphs
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let last = all.trim_end().trim_end_matches(['.', '،', ';']).trim_end();
        self.quoted && quote_balance(&all) <= 0 && last.ends_with(['»', '"', '”'])
    }
}

/// Quote marks opened and not closed in `text` (`«` and `“`).
fn quote_balance(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '«' | '“' => 1,
            '»' | '”' => -1,
            _ => 0,
        })
        .sum()
}

/// The parts of the law: preamble, clauses, closing lines.
struct Parts {
    preamble: Vec<Block>,
    clauses: Vec<Open>,
    closing: Vec<Block>,
}

/// The article headings of the numbers a clause's text may hold.
fn targets(reading: &Reading) -> Vec<String> {
    match reading {
        Reading::Ops(ops, _) => ops
            .iter()
            .filter_map(|o| match o {
                Op::ReplaceArticle(a) | Op::InsertArticle { article: a, .. } => {
                    Some(a.normalised.clone())
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A heading and a clause in one paragraph (`مادة أولى: يستبدل …`): the
/// heading and the clause, when the words after the number are a clause.
fn heading_and_clause(text: &str, title: Option<&str>, reads: bool) -> Option<(String, String)> {
    let t = title?;
    if t.split_whitespace().count() <= 6 && !reads {
        return None;
    }
    let at = text.find(t.split_whitespace().next().unwrap_or(t))?;
    Some((text[..at].trim().to_owned(), text[at..].to_owned()))
}

fn split(blocks: Vec<Block>) -> Parts {
    let mut parts = Parts {
        preamble: Vec::new(),
        clauses: Vec::new(),
        closing: Vec::new(),
    };
    let mut article: Option<String> = None;
    let mut open: Option<Open> = None;
    let mut quotes = 0;
    let mut closing = false;
    for block in blocks {
        if block.text.trim().is_empty() {
            continue;
        }
        if closing {
            parts.closing.push(block);
            continue;
        }
        // Inside a quotation: the new text goes on.
        if quotes > 0
            && let Some(o) = open.as_mut()
        {
            quotes = (quotes + quote_balance(&block.text)).max(0);
            o.paragraphs.push(block);
            continue;
        }
        if let Some((number, title)) = &article_heading(&block.text) {
            let in_text = open.as_ref().is_some_and(|o| {
                o.takes_text()
                    && !o.complete()
                    && (o.paragraphs.len() == 1 && !matches!(&o.reading, Reading::Ops(_, Some(_)))
                        || !o.quoted && targets(&o.reading).contains(&number.normalised))
            });
            // `Article 2 of the Law is replaced by …` is a clause, not the
            // heading of one of the law's articles.
            let title_reads = title
                .as_deref()
                .is_some_and(|t| clause::read(t) != Reading::Unknown);
            let whole_reads =
                !title_reads && article.is_some() && clause::read(&block.text) != Reading::Unknown;
            if !in_text && !whole_reads {
                parts.clauses.extend(open.take());
                let head = heading_and_clause(&block.text, title.as_deref(), title_reads);
                match head {
                    Some((h, rest)) => {
                        article = Some(h);
                        let reading = clause::read(&rest);
                        quotes = quote_balance(&rest).max(0);
                        open = Some(Open::new(
                            article.clone(),
                            Block {
                                text: rest,
                                ..block
                            },
                            reading,
                        ));
                    }
                    None => article = Some(block.text.clone()),
                }
                continue;
            }
        }
        if article.is_none() {
            parts.preamble.push(block);
            continue;
        }
        let reading = clause::read(&block.text);
        let starts_quoted = block.text.trim_start().starts_with(['«', '"', '“']);
        let continues = open.as_ref().is_some_and(|o| {
            let announces = o
                .paragraphs
                .last()
                .is_some_and(|p| p.text.trim_end().ends_with(':'));
            // A clause not read keeps the quoted text it announces.
            let unread_text = o.reading == Reading::Unknown && (starts_quoted || announces);
            (o.takes_text() || unread_text)
                && !o.complete()
                && (reading == Reading::Unknown || starts_quoted)
        });
        if continues {
            quotes = (quotes + quote_balance(&block.text)).max(0);
            let o = open.as_mut().expect("checked");
            if o.paragraphs.len() == 1 && starts_quoted {
                o.quoted = true;
            }
            o.paragraphs.push(block);
            continue;
        }
        // After an execution clause, lines no formula reads are the
        // signature and dates.
        let after_execution = open
            .as_ref()
            .is_some_and(|o| o.reading == Reading::Execution)
            || parts
                .clauses
                .last()
                .is_some_and(|c| c.reading == Reading::Execution && open.is_none());
        if after_execution && reading == Reading::Unknown {
            parts.clauses.extend(open.take());
            parts.closing.push(block);
            closing = true;
            continue;
        }
        parts.clauses.extend(open.take());
        quotes = quote_balance(&block.text).max(0);
        open = Some(Open::new(article.clone(), block, reading));
    }
    parts.clauses.extend(open);
    parts
}

/// The new text of an operation: quotation marks around it removed, an
/// article heading at its top read as the article's title.
struct NewText {
    number: Option<ArticleNumber>,
    title: Option<String>,
    paragraphs: Vec<String>,
}

fn unquote(paragraphs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = paragraphs.to_vec();
    if let Some(first) = out.first_mut() {
        let t = first.trim_start();
        if let Some(r) = t.strip_prefix(['«', '"', '“']) {
            *first = r.trim_start().to_owned();
        }
    }
    if let Some(last) = out.last_mut() {
        let t = last.trim_end().trim_end_matches(['.', '،']).trim_end();
        if let Some(r) = t.strip_suffix(['»', '"', '”']) {
            *last = r.trim_end().to_owned();
        }
    }
    out.retain(|p| !p.trim().is_empty());
    out
}

/// An article heading: the heading grammar's, or one with its number and
/// suffix in parentheses (`مادة (٣ مكرراً)`).
fn article_heading(text: &str) -> Option<(ArticleNumber, Option<String>)> {
    match classify_heading(text) {
        HeadingKind::Article { number, title } => Some((number, title)),
        _ => clause::heading(text),
    }
}

fn new_text(paragraphs: &[String]) -> NewText {
    let mut paragraphs = unquote(paragraphs);
    let mut number = None;
    let mut title = None;
    if let Some(first) = paragraphs.first()
        && let Some((n, t)) = article_heading(first)
    {
        number = Some(n);
        match t {
            // A heading and its text in one paragraph: the text stays.
            Some(t) if t.split_whitespace().count() > 6 => {
                paragraphs[0] = t;
            }
            t => {
                title = t;
                paragraphs.remove(0);
            }
        }
    }
    NewText {
        number,
        title,
        paragraphs,
    }
}

/// The new texts of several articles replaced or inserted by one clause:
/// its text cut at each article heading.
fn cut_by_heading(paragraphs: &[String]) -> Vec<Vec<String>> {
    let paragraphs = unquote(paragraphs);
    let mut out: Vec<Vec<String>> = Vec::new();
    for p in paragraphs {
        let bare = p.trim_start_matches(['«', '"', '“']).trim_start();
        if article_heading(bare).is_some() || out.is_empty() {
            out.push(vec![bare.to_owned()]);
        } else {
            out.last_mut().expect("pushed").push(p);
        }
    }
    out
}

/// The operation forms of `lang`, filled.
struct Writer {
    lang: Lang,
}

impl Writer {
    fn form(&self, kind: &str) -> String {
        self.lang
            .def()
            .operations
            .get(kind)
            .cloned()
            .or_else(|| Lang::EN.def().operations.get(kind).cloned())
            .unwrap_or_default()
    }

    fn article(&self, n: &ArticleNumber) -> String {
        let shown = n.display.trim();
        let shown = match shown.strip_prefix('(') {
            Some(inner) if inner.find(')') == Some(inner.len() - 1) => &inner[..inner.len() - 1],
            Some(inner) => match inner.split_once(')') {
                Some((num, rest)) => {
                    return self
                        .lang
                        .article_label(&format!("{}{rest}", num.trim()), None);
                }
                None => inner,
            },
            None => shown,
        };
        self.lang.article_label(shown.trim(), None)
    }

    fn number(&self, n: u32) -> String {
        let s = n.to_string();
        if self.lang.code() == "ar" {
            s.chars()
                .map(|c| char::from_u32('٠' as u32 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
                .collect()
        } else {
            s
        }
    }

    fn quoted(&self, s: &str) -> String {
        if self.lang.is_rtl() || s.contains('"') {
            format!("«{s}»")
        } else {
            format!("\"{s}\"")
        }
    }

    fn heading(&self, kind: &str, values: &[(&str, String)]) -> String {
        let mut out = self.form(kind);
        for (k, v) in values {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        out
    }
}

/// Writes one operation: its heading and its text.
fn section(
    w: &Writer,
    op: &Op,
    text: Option<&NewText>,
    last: Option<u32>,
) -> Result<String, String> {
    let mut heading = match op {
        Op::ReplaceArticle(a) => w.heading("replace-article", &[("article", w.article(a))]),
        Op::ReplaceParagraph(a, p) => w.heading(
            "replace-paragraph",
            &[("article", w.article(a)), ("paragraph", w.number(*p))],
        ),
        Op::InsertArticle { article, after } => w.heading(
            "insert-article",
            &[
                ("article", w.article(article)),
                ("previous", w.article(after)),
            ],
        ),
        Op::Repeal(a) => w.heading("repeal-article", &[("article", w.article(a))]),
        Op::RepealParagraph(a, p) => w.heading(
            "repeal-paragraph",
            &[("article", w.article(a)), ("paragraph", w.number(*p))],
        ),
        Op::Substitute {
            article,
            find,
            with,
            all,
        } => {
            let mut h = w.heading(
                "substitute",
                &[
                    ("article", w.article(article)),
                    ("find", w.quoted(find)),
                    ("with", w.quoted(with)),
                ],
            );
            if *all {
                h.push_str(&format!(" ({})", w.form("all")));
            }
            h
        }
        Op::InsertParagraph(a, position) => {
            let after = match position {
                Position::After(p) => *p,
                Position::End => last.ok_or_else(|| {
                    format!(
                        "the last paragraph of {} is not known (the workspace has no text of the amended law in this language)",
                        w.article(a)
                    )
                })?,
            };
            w.heading(
                "insert-paragraph",
                &[("article", w.article(a)), ("paragraph", w.number(after))],
            )
        }
    };
    heading = crate::text::collapse_whitespace(&heading);
    let mut out = format!("## {heading}\n");
    if op.takes_text() {
        let text = text
            .filter(|t| !t.paragraphs.is_empty())
            .ok_or_else(|| "the clause announces a new text, but none follows it".to_owned())?;
        if let (Some(title), true) = (
            &text.title,
            matches!(op, Op::ReplaceArticle(_) | Op::InsertArticle { .. }),
        ) {
            out.push_str(&format!("\n### {}\n", escape(title)));
        }
        for p in &text.paragraphs {
            out.push_str(&format!("\n{}\n", escape(p)));
        }
    }
    Ok(out)
}

/// The sections a clause makes, or why it makes none.
fn sections(w: &Writer, open: &Open, options: &AmendmentOptions) -> Result<Vec<String>, String> {
    let Reading::Ops(ops, inline) = &open.reading else {
        return Err(String::new());
    };
    let mut following: Vec<String> = inline.iter().cloned().collect();
    following.extend(open.paragraphs.iter().skip(1).map(|b| b.text.clone()));
    let texted: Vec<&Op> = ops.iter().filter(|o| o.takes_text()).collect();
    let texts: Vec<NewText> = if texted.len() > 1 {
        let cut = cut_by_heading(&following);
        if cut.len() != texted.len() {
            return Err(format!(
                "the clause names {} articles but its text has {} article headings",
                texted.len(),
                cut.len()
            ));
        }
        cut.iter().map(|c| new_text(c)).collect()
    } else {
        vec![new_text(&following)]
    };
    let mut out = Vec::new();
    let mut texts = texts.into_iter();
    for op in ops {
        let text = if op.takes_text() { texts.next() } else { None };
        // `The following article is inserted after Article 7:` — the new
        // number is the text's heading, else the next `bis`.
        let op = match op {
            Op::InsertArticle { article, after } if article == after => {
                let number = text
                    .as_ref()
                    .and_then(|t| t.number.clone())
                    .ok_or_else(|| "the new article's number is not given".to_owned())?;
                Op::InsertArticle {
                    article: number,
                    after: after.clone(),
                }
            }
            other => other.clone(),
        };
        let last = match &op {
            Op::InsertParagraph(a, Position::End) => options
                .last_paragraphs
                .get(&(w.lang.code().to_owned(), a.normalised.clone()))
                .copied(),
            _ => None,
        };
        out.push(section(w, &op, text.as_ref(), last)?);
    }
    if !following.is_empty() && texted.is_empty() {
        return Err("the clause is followed by text no operation takes".into());
    }
    Ok(out)
}

/// A slug from a file name: `Law 12-2024.ar.txt` -> `law-12-2024`.
fn slug_of(file: &str) -> String {
    let stem = file.split('.').next().unwrap_or(file);
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The lines of a note: each kept paragraph with where it was.
fn note_lines(out: &mut String, label: &str, blocks: &[&Block]) {
    if blocks.is_empty() {
        return;
    }
    out.push_str(&format!("  {label}\n"));
    for b in blocks {
        out.push_str(&format!("  [{}] {}\n", b.place, b.text.trim()));
    }
}

/// Imports paragraphs already read (the second half of [`import_amendment`]).
pub fn amendment_from_blocks(
    path: &Arc<Path>,
    file: &str,
    kind: Kind,
    blocks: Vec<Block>,
    options: &AmendmentOptions,
) -> Result<ImportedAmendment, ImportError> {
    let paragraphs = blocks.len();
    let mut guesses = Vec::new();
    let lang = options.lang.unwrap_or_else(|| {
        let refs: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        let l = meta::guess_lang(&refs);
        guesses.push(("lang", l.code().to_owned()));
        l
    });
    let amends = options
        .amends
        .clone()
        .ok_or(ImportError::Missing(super::Missing::Work))?;
    let parts = split(blocks);
    if parts.clauses.is_empty() {
        let d = Diagnostic::error(
            Code::ImportNoArticles,
            path,
            None,
            format!("found no article of an amending law in {paragraphs} paragraphs, so nothing was imported"),
        )
        .with_help("an amending law's articles start `مادة أولى`, `المادة (١)` or `Article 1`");
        return Err(ImportError::Unreadable(Box::new(d), None));
    }
    let title = match &options.title {
        Some(t) => t.clone(),
        None => {
            let country = options.amends.as_ref().map_or("xx", |w| w.country());
            let t = parts
                .preamble
                .iter()
                .find(|b| meta::guess_work(&b.text, country).is_some())
                .or_else(|| parts.preamble.first())
                .map(|b| b.text.clone())
                .ok_or(ImportError::Missing(super::Missing::Title))?;
            guesses.push(("title", t.clone()));
            t
        }
    };
    let id = match &options.id {
        Some(id) => id.clone(),
        None => {
            let id = slug_of(file);
            guesses.push(("id", id.clone()));
            id
        }
    };
    if let Err(e) = check_slug(&id) {
        let d = Diagnostic::error(Code::InvalidAmendmentId, path, None, e.message)
            .with_help("give the amendment's id with --id");
        return Err(ImportError::Unreadable(Box::new(d), None));
    }
    let w = Writer { lang };
    let mut body = String::new();
    let mut clauses = Vec::new();
    let mut operations = 0;
    for open in &parts.clauses {
        let first = &open.paragraphs[0];
        let text = open
            .paragraphs
            .iter()
            .map(|b| b.text.trim())
            .collect::<Vec<_>>()
            .join("\n");
        let fate = match (&open.reading, sections(&w, open, options)) {
            (Reading::Execution, _) => Fate::Execution,
            (_, Ok(s)) => {
                operations += s.len();
                for s in &s {
                    body.push('\n');
                    body.push_str(s);
                }
                Fate::Operations(s.len())
            }
            (Reading::Unknown, Err(_)) => {
                Fate::Unread("no formula of an amending clause fits it".into())
            }
            (_, Err(why)) => Fate::Unread(why),
        };
        clauses.push(Clause {
            place: first.place,
            article: open.article.clone(),
            text,
            fate,
        });
    }
    let note = note(lang, &parts, &clauses);
    let markdown = file_text(&id, &title, &amends, file, &note, &body);
    let file_name = format!("{id}.md");
    verify(&file_name, &markdown, operations)?;
    Ok(ImportedAmendment {
        kind,
        id,
        lang,
        title,
        amends,
        markdown,
        file_name,
        clauses,
        operations,
        paragraphs,
        guesses,
    })
}

/// The note: every paragraph that made no operation, word for word.
fn note(lang: Lang, parts: &Parts, clauses: &[Clause]) -> String {
    let mut note = String::new();
    note.push_str(&format!("  {}\n", lang.t("import.intro")));
    let preamble: Vec<&Block> = parts.preamble.iter().collect();
    note_lines(&mut note, lang.t("import.preamble"), &preamble);
    for (label, pick) in [("import.execution", true), ("import.unread", false)] {
        let blocks: Vec<&Block> = parts
            .clauses
            .iter()
            .zip(clauses)
            .filter(|(_, c)| match &c.fate {
                Fate::Execution => pick,
                Fate::Unread(_) => !pick,
                Fate::Operations(_) => false,
            })
            .flat_map(|(o, _)| o.paragraphs.iter())
            .collect();
        note_lines(&mut note, lang.t(label), &blocks);
    }
    let closing: Vec<&Block> = parts.closing.iter().collect();
    note_lines(&mut note, lang.t("import.closing"), &closing);
    note
}

/// The amendment file: front matter (the note a YAML block) and body.
fn file_text(id: &str, title: &str, amends: &WorkId, file: &str, note: &str, body: &str) -> String {
    let mut markdown = String::from("---\n");
    markdown.push_str(&format!("id: {id}\n"));
    markdown.push_str(&format!("title: {}\n", yaml_string(title)));
    markdown.push_str(&format!("amends: {amends}\n"));
    markdown.push_str("kind: bill\nstatus: draft\n");
    markdown.push_str(&format!(
        "source: {}\n",
        yaml_string(&format!("imported by mizan import --amendment from {file}"))
    ));
    markdown.push_str("note: |\n");
    markdown.push_str(note);
    markdown.push_str("---\n");
    markdown.push_str(body);
    markdown
}

fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// Reads the written file back with the amendment reader: no error, and
/// every operation found.
fn verify(file_name: &str, markdown: &str, expected: usize) -> Result<(), ImportError> {
    let path: Arc<Path> = Arc::from(Path::new(file_name));
    let (amendment, diags) = read_amendment(&path, markdown);
    let text: Arc<str> = Arc::from(markdown);
    if diags.has_errors() {
        return Err(ImportError::Invalid(diags, text));
    }
    let found = amendment.map_or(0, |a| a.operations.len());
    super::same_count(&path, text, "operations", expected, found)
}

#[cfg(test)]
mod tests;
