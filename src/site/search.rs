//! The static search index: Pagefind, driven from Rust through its library
//! API, one set of bundles per text language.
//!
//! Every article of every expression is one record whose URL is the
//! article's page (`works/act-2013-91/art_2/index.html`, relative to a
//! language root, so the same index serves the English and the Arabic
//! interface). Provisions are records too, in each language their title
//! and summary are written in. Each record carries Pagefind filters: its
//! `type` (`article` or `provision`), its `law` or its `instrument`, and
//! the `source` the search page names it by. A British spelling in a
//! record is indexed in its American form too (a `spelling` meta field),
//! and the search page asks in American spelling, so that "labor" finds
//! "labour" (the table is [`crate::text::ENGLISH_SPELLINGS`], which the
//! command-line search uses as well).
//!
//! Records are packed into shards of at most [`SHARD_RECORDS`], a work's
//! articles (and an instrument's provisions) kept in one shard unless
//! they are more than a shard holds; each shard is one Pagefind bundle
//! (`pagefind/en-0/`), and the search page merges the shards of a
//! language. A shard whose records did not change since the last build is
//! taken over from it as it was, so editing one article re-indexes one
//! shard, not the corpus; and an article added to or removed from a law
//! moves no other law's records into another shard unless the law no
//! longer fits its own.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::amend::History;
use crate::corpus::Lang;
use crate::text::strip_invisible;
use crate::workspace::Workspace;

use super::model::standards::instrument_title;
use super::model::work::{article_heading, article_href, instrument_label, provision_href};
use crate::standards::citation::arabic_citation;
use crate::translations::Translations;

/// The most records one Pagefind bundle holds. Indexing a shard takes
/// 0.25 to 0.4 ms a record (`cargo bench --bench search_shard`), which is
/// what `mizan serve` pays after an edit; but the search page merges every
/// shard of a language before its first query, 30 to 40 ms a shard more
/// in Chromium at 100,000 articles (`bench/search_page.mjs`): shards of
/// 2,000 (65 English bundles instead of 22) hid the indexing behind the
/// pages (the edit live in 1.38 s against 1.5 s) but made the first
/// search from a link or the search box at the top of a page 3.5 to 3.7 s
/// instead of 2.0 to 2.6 s, so the shards stay this large (see the Limits
/// chapter of the book).
pub const SHARD_RECORDS: usize = 5_000;

/// One searchable record.
#[derive(Debug, Clone, Hash)]
pub struct Record {
    /// Relative to a language root, with the anchor.
    pub url: String,
    pub title: String,
    pub content: String,
    /// The law (or instrument) the record belongs to, as a filter.
    pub source: String,
    /// `article` or `provision`.
    pub kind: &'static str,
}

/// A shard of one language's records, and the hash of its content.
#[derive(Debug, Clone)]
pub struct Shard {
    pub lang: Lang,
    /// The bundle's folder relative to the site root (`pagefind/en-0`).
    pub dir: String,
    /// Where the shard's first record is among its language's.
    pub first: usize,
    pub records: Vec<Record>,
    pub hash: u64,
}

/// Every record of the workspace, sharded per language. A work with
/// point-in-time versions is indexed as it stands (its latest version).
pub fn shards(ws: &Workspace, histories: &HashMap<String, History>) -> Vec<Shard> {
    records(ws, histories).shards
}

/// The records of a site, sharded ([`shards`]), with where each work's
/// are: kept by `mizan serve` so that an edit of a work's text replaces
/// its records in place ([`Records::replace`]) rather than making every
/// work's again (a third of a second at 100,000 articles).
pub struct Records {
    pub shards: Vec<Shard>,
    /// By work id: per language, where the work's records start among
    /// that language's, and how many there are.
    pub(super) at: HashMap<String, Vec<(Lang, usize, usize)>>,
}

/// Every record of the workspace, as [`shards`] has them, with where each
/// work's are.
pub fn records(ws: &Workspace, histories: &HashMap<String, History>) -> Records {
    packed(ws, histories, SHARD_RECORDS)
}

/// [`records`], in shards of at most `most` records.
fn packed(ws: &Workspace, histories: &HashMap<String, History>, most: usize) -> Records {
    // Per language, the records in groups (a work's articles, an
    // instrument's provisions) that shards keep whole where they can.
    let mut by_lang: BTreeMap<Lang, Vec<Vec<Record>>> = BTreeMap::new();
    // Work by work in parallel, gathered in the works' order.
    let per_work: Vec<Vec<(Lang, Record)>> = ws
        .works
        .par_iter()
        .map(|w| work_records(w, histories))
        .collect();
    let mut at: HashMap<String, Vec<(Lang, usize, usize)>> = HashMap::new();
    let mut counts: BTreeMap<Lang, usize> = BTreeMap::new();
    for (w, records) in ws.works.iter().zip(per_work) {
        let spans = at.entry(w.id.as_str().to_owned()).or_default();
        for (lang, record) in records {
            let groups = by_lang.entry(lang).or_default();
            let count = counts.entry(lang).or_default();
            match spans.iter_mut().find(|(l, ..)| *l == lang) {
                Some((_, _, n)) => *n += 1,
                None => {
                    spans.push((lang, *count, 1));
                    groups.push(Vec::new());
                }
            }
            *count += 1;
            groups.last_mut().expect("a group").push(record);
        }
    }
    // Provisions, in each language their title and summary are written in
    // (English at least), cited as readers of that language cite them.
    for &lang in &ws.settings.languages {
        let groups = by_lang.entry(lang).or_default();
        for i in &ws.instruments {
            groups.push(provision_records(ws, i, lang));
        }
    }
    // Packed into shards without copying a record, then hashed in parallel.
    let mut cut = Vec::new();
    for (lang, groups) in by_lang {
        for (n, (first, records)) in pack(groups, most).into_iter().enumerate() {
            cut.push((lang, n, first, records));
        }
    }
    let shards = cut
        .into_par_iter()
        .map(|(lang, n, first, records)| Shard {
            lang,
            dir: shard_dir(lang, n),
            first,
            hash: shard_hash(lang, &records),
            records,
        })
        .collect();
    Records { shards, at }
}

/// The records of one instrument's provisions in `lang`: those whose
/// title and summary are written in it (in English, all), cited as
/// readers of that language cite them.
pub(super) fn provision_records(
    ws: &Workspace,
    i: &crate::standards::Instrument,
    lang: Lang,
) -> Vec<Record> {
    let code = lang.code();
    let numerals = ws.settings.numerals_for(Lang::AR);
    let source = instrument_title(i, lang).text;
    let mut records = Vec::new();
    for p in &i.provisions {
        let in_lang = p.title.has_lang(code) && p.summary.has_lang(code);
        if !(in_lang || lang == Lang::EN) {
            continue;
        }
        let text = |t: &dyn Translations| t.text_in(code).unwrap_or(t.primary().0).to_owned();
        let citation = match lang == Lang::AR {
            true => arabic_citation(&p.id, numerals).unwrap_or(p.citation.clone()),
            false => p.citation.clone(),
        };
        let title = format!("{} {citation}: {}", instrument_label(&i.id), text(&p.title));
        let mut content = format!("{citation} {}\n{}", text(&p.title), text(&p.summary));
        for el in &p.elements {
            content.push('\n');
            content.push_str(&text(&el.summary));
        }
        records.push(Record {
            url: provision_href(&i.id, &p.id),
            title,
            content,
            source: source.to_owned(),
            kind: "provision",
        });
    }
    records
}

/// One language's groups of records packed, in order, into shards of at
/// most `most` records ([`pack_counts`]), each with where its first record
/// is among the language's.
fn pack(groups: Vec<Vec<Record>>, most: usize) -> Vec<(usize, Vec<Record>)> {
    let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
    let mut all = groups.into_iter().flatten();
    pack_counts(&sizes, most)
        .into_iter()
        .map(|(first, len)| (first, all.by_ref().take(len).collect()))
        .collect()
}

/// Groups of records of the sizes `sizes` (in order) packed into shards of
/// at most `most`: each shard's first record and how many it holds. A
/// group goes whole into the shard being filled while it fits, else starts
/// the next; a group larger than `most` is cut. So an edit of one work's
/// records changes the shard (or the few) that work is in, and a work that
/// gains or loses a record moves the shards after it only when it no
/// longer fits its own. A full build counts the groups first and makes
/// each shard's records when it indexes it (`super::shards`).
pub(super) fn pack_counts(sizes: &[usize], most: usize) -> Vec<(usize, usize)> {
    let mut shards = Vec::new();
    let (mut first, mut open) = (0, 0);
    for &size in sizes {
        let mut size = size;
        if open > 0 && open + size > most {
            shards.push((first, open));
            first += open;
            open = 0;
        }
        while open + size > most {
            size -= most - open;
            shards.push((first, most));
            first += most;
            open = 0;
        }
        open += size;
    }
    if open > 0 {
        shards.push((first, open));
    }
    shards
}

pub(super) fn shard_dir(lang: Lang, n: usize) -> String {
    format!("pagefind/{}-{n}", lang.code())
}

pub(super) fn shard_hash(lang: Lang, records: &[Record]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    lang.code().hash(&mut h);
    records.hash(&mut h);
    h.finish()
}

impl Records {
    /// The records of `shards`, whose works' records are where `at` says
    /// (by work id: per language, the first's place among that language's
    /// records, and how many).
    pub(super) fn new(
        shards: Vec<Shard>,
        at: HashMap<String, Vec<(Lang, usize, usize)>>,
    ) -> Records {
        Records { shards, at }
    }

    /// The records with those of `works` made again (each work as
    /// [`records`] makes them), in place: the shards they are in hashed
    /// again, the others untouched. `None` (the records made whole again
    /// are the caller's) when a work was not among them, or now has a
    /// different number of records in some language (which would move
    /// every record after it).
    pub fn replace(
        mut self,
        works: &[&crate::corpus::Work],
        histories: &HashMap<String, History>,
    ) -> Option<Records> {
        let mut changed: Vec<usize> = Vec::new();
        for w in works {
            let spans = self.at.get(w.id.as_str())?;
            let mut new = work_records(w, histories);
            for &(lang, _, n) in spans {
                if new.iter().filter(|(l, _)| *l == lang).count() != n {
                    return None;
                }
            }
            if new.iter().any(|(l, _)| !spans.iter().any(|(s, ..)| s == l)) {
                return None;
            }
            for &(lang, start, _) in spans {
                let of_lang = new.extract_if(.., |(l, _)| *l == lang);
                for (k, (_, record)) in (start..).zip(of_lang) {
                    let i = self.shards.iter().position(|s| {
                        s.lang == lang && (s.first..s.first + s.records.len()).contains(&k)
                    })?;
                    let s = &mut self.shards[i];
                    s.records[k - s.first] = record;
                    changed.push(i);
                }
            }
        }
        changed.sort_unstable();
        changed.dedup();
        for i in changed {
            let s = &mut self.shards[i];
            s.hash = shard_hash(s.lang, &s.records);
        }
        Some(self)
    }
}

/// The expressions of a work its records are made from: the latest
/// version's, for a work with point-in-time versions.
fn indexed_expressions<'w>(
    w: &'w crate::corpus::Work,
    histories: &'w HashMap<String, History>,
) -> Vec<&'w crate::corpus::Expression> {
    match histories.get(w.id.as_str()) {
        Some(h) => h
            .latest()
            .expressions
            .iter()
            .map(|c| &c.expression)
            .collect(),
        None => w.expressions.iter().collect(),
    }
}

/// Whether an article has a record (one with paragraphs).
fn has_record(a: &crate::corpus::Article) -> bool {
    !a.paragraphs.is_empty()
}

/// How many records of one work each language has, in the order
/// [`work_records`] makes them (languages without any left out).
pub(super) fn work_counts(
    w: &crate::corpus::Work,
    histories: &HashMap<String, History>,
) -> Vec<(Lang, usize)> {
    let mut counts: Vec<(Lang, usize)> = Vec::new();
    for e in indexed_expressions(w, histories) {
        let n = e.articles.iter().filter(|a| has_record(a)).count();
        match counts.iter_mut().find(|(l, _)| *l == e.lang()) {
            Some((_, c)) => *c += n,
            None if n > 0 => counts.push((e.lang(), n)),
            None => {}
        }
    }
    counts
}

/// The records of one work's articles, with their languages, in order.
fn work_records(
    w: &crate::corpus::Work,
    histories: &HashMap<String, History>,
) -> Vec<(Lang, Record)> {
    work_records_in(w, histories, None)
}

/// The records of one work's articles in `only` (every language when
/// `None`), with their languages, in order.
pub(super) fn work_records_in(
    w: &crate::corpus::Work,
    histories: &HashMap<String, History>,
    only: Option<Lang>,
) -> Vec<(Lang, Record)> {
    let mut out = Vec::new();
    for e in indexed_expressions(w, histories) {
        let lang = e.lang();
        if only.is_some_and(|l| l != lang) {
            continue;
        }
        let work_title = e.meta.short_title.as_deref().unwrap_or(&e.meta.title);
        for a in e.articles.iter().filter(|a| has_record(a)) {
            let heading = article_heading(a, lang);
            let r = crate::ids::ArticleRef {
                work: w.id.clone(),
                eid: a.eid.clone(),
            };
            // The title is the article's heading alone: Pagefind
            // indexes every meta field, and a law's title in each of
            // its articles' titles would make a word of the title match
            // them all. The law's name travels as the `source` filter,
            // which the search page shows before the heading.
            out.push((
                lang,
                Record {
                    url: article_href(&r),
                    title: heading.clone(),
                    content: article_content(&heading, a),
                    source: work_title.to_owned(),
                    kind: "article",
                },
            ));
        }
    }
    out
}

/// The searchable text of an article: its heading, paragraphs and points.
/// Point labels (`(ج)`, `(c)`) are left out: they are not words of the
/// law, and Pagefind matches a query word by prefix, so a one-letter label
/// would match every query that starts with its letter.
fn article_content(heading: &str, a: &crate::corpus::Article) -> String {
    fn points(out: &mut String, ps: &[crate::corpus::Point]) {
        for p in ps {
            out.push('\n');
            out.push_str(&p.text);
            points(out, &p.points);
        }
    }
    let mut out = heading.to_owned();
    for p in &a.paragraphs {
        if !p.text.is_empty() {
            out.push('\n');
            out.push_str(&p.text);
        }
        points(&mut out, &p.points);
    }
    out
}

/// The American spelling of each word of `text` that is written in a
/// British one, once each, space-separated.
fn american_forms(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.len() < 4 {
            continue;
        }
        if let Some(a) = crate::text::american_spelling(&word.to_ascii_lowercase())
            && !out.contains(&a)
        {
            out.push(a);
        }
    }
    out.join(" ")
}

/// A file of a Pagefind bundle, relative to the bundle's folder.
pub struct BundleFile {
    pub name: String,
    pub contents: Vec<u8>,
}

/// Builds one shard's Pagefind bundle in memory.
pub fn index(shard: &Shard) -> Result<Vec<BundleFile>, String> {
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the indexing runtime: {e}"))?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .keep_index_url(true)
            .force_language(shard.lang.code().to_owned())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for r in &shard.records {
            // Invisible characters (zero-width joiners, tatweel, bidi
            // controls) are folded away, as the CLI index does: a joiner
            // inside a word must not hide it from a search, and an override
            // must not reorder a result's title.
            // The meta fields are the title and the American spellings of
            // the record's words: Pagefind indexes every meta field, and a
            // path (`works/act-2013-91/art_2/index.html`) would make "act"
            // or "2013" match every article. The search page links to the
            // record's URL.
            let mut meta =
                BTreeMap::from([("title".to_owned(), strip_invisible(&r.title).into_owned())]);
            let spelling = american_forms(&format!("{}\n{}", r.title, r.content));
            if !spelling.is_empty() {
                meta.insert("spelling".to_owned(), spelling);
            }
            let source = strip_invisible(&r.source).into_owned();
            let group = if r.kind == "article" {
                "law"
            } else {
                "instrument"
            };
            let filters = BTreeMap::from([
                ("source".to_owned(), vec![source.clone()]),
                ("type".to_owned(), vec![r.kind.to_owned()]),
                (group.to_owned(), vec![source]),
            ]);
            index
                .add_custom_record(
                    r.url.clone(),
                    strip_invisible(&r.content).into_owned(),
                    shard.lang.code().to_owned(),
                    Some(meta),
                    Some(filters),
                    None,
                )
                .await
                .map_err(|e| format!("cannot index {}: {e}", r.url))?;
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        Ok(files
            .into_iter()
            .map(|f| BundleFile {
                name: f.filename.to_string_lossy().replace('\\', "/"),
                contents: f.contents,
            })
            .collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn example() -> Workspace {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/examples/workspace");
        Workspace::load(&root).unwrap()
    }

    fn record(url: &str) -> Record {
        Record {
            url: url.to_owned(),
            title: String::new(),
            content: String::new(),
            source: String::new(),
            kind: "article",
        }
    }

    /// Groups go whole into a shard while they fit; one larger than a
    /// shard is cut; each shard knows where its first record is.
    #[test]
    fn shards_are_packed_with_whole_works() {
        let group = |name: &str, n: usize| -> Vec<Record> {
            (0..n).map(|i| record(&format!("{name}{i}"))).collect()
        };
        let packed = pack(
            vec![
                group("a", 3),
                group("b", 2),
                group("c", 2),
                group("d", 9),
                Vec::new(),
                group("e", 1),
            ],
            4,
        );
        let view: Vec<(usize, Vec<&str>)> = packed
            .iter()
            .map(|(first, rs)| (*first, rs.iter().map(|r| r.url.as_str()).collect()))
            .collect();
        assert_eq!(
            view,
            [
                (0, vec!["a0", "a1", "a2"]),
                (3, vec!["b0", "b1", "c0", "c1"]),
                (7, vec!["d0", "d1", "d2", "d3"]),
                (11, vec!["d4", "d5", "d6", "d7"]),
                (15, vec!["d8", "e0"]),
            ]
        );
        assert!(pack(Vec::new(), 4).is_empty());
    }

    /// The shards as `replace` leaves them are those made whole from the
    /// edited workspace, record for record, in shards of the size a build
    /// uses and in shards so small that a work's records span several;
    /// a work whose records are no longer as many is not replaced in
    /// place.
    #[test]
    fn an_edited_work_has_its_records_replaced_in_place() {
        for most in [SHARD_RECORDS, 2, 1] {
            replaced_in_place(most);
        }
    }

    fn replaced_in_place(most: usize) {
        let ws = example();
        let none = HashMap::new();
        let records = |ws: &Workspace| packed(ws, &none, most);
        let mut edited = ws.clone();
        // The last article with text: with small shards, in a shard after
        // the work's first.
        let a = edited.works[0].expressions[0]
            .articles
            .iter_mut()
            .rfind(|a| !a.paragraphs.is_empty())
            .unwrap();
        Arc::make_mut(a).paragraphs[0]
            .text
            .push_str(" quindecennial");
        let replaced = records(&ws)
            .replace(&[&edited.works[0]], &none)
            .expect("as many records as before");
        let whole = records(&edited);
        let view = |r: &Records| {
            r.shards
                .iter()
                .map(|s| {
                    let urls: Vec<(&str, &str)> = s
                        .records
                        .iter()
                        .map(|r| (r.url.as_str(), r.content.as_str()))
                        .collect();
                    (s.dir.clone(), s.first, s.hash, format!("{urls:?}"))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(view(&replaced), view(&whole));
        assert!(
            view(&replaced)
                .iter()
                .any(|(.., r)| r.contains("quindecennial"))
        );
        assert_ne!(view(&replaced), view(&records(&ws)));
        if most < SHARD_RECORDS {
            let of_work = |r: &Records| {
                r.shards
                    .iter()
                    .filter(|s| {
                        s.records
                            .iter()
                            .any(|r| r.source == whole.shards[0].records[0].source)
                    })
                    .count()
            };
            assert!(of_work(&whole) > 1, "the work spans several shards");
        }

        // An article emptied of its paragraphs has no record any more.
        Arc::make_mut(&mut edited.works[0].expressions[0].articles[0])
            .paragraphs
            .clear();
        assert!(records(&ws).replace(&[&edited.works[0]], &none).is_none());
    }
}
