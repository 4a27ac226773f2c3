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
//! Records are cut into shards of at most [`SHARD_RECORDS`]; each shard is
//! one Pagefind bundle (`pagefind/en-0/`), and the search page merges the
//! shards of a language. A shard whose records did not change since the
//! last build is taken over from it as it was, so editing one article
//! re-indexes one shard, not the corpus.

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

/// The most records one Pagefind bundle holds.
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
    at: HashMap<String, Vec<(Lang, usize, usize)>>,
}

/// Every record of the workspace, as [`shards`] has them, with where each
/// work's are.
pub fn records(ws: &Workspace, histories: &HashMap<String, History>) -> Records {
    let mut by_lang: BTreeMap<Lang, Vec<Record>> = BTreeMap::new();
    // Work by work in parallel, gathered in the works' order.
    let per_work: Vec<Vec<(Lang, Record)>> = ws
        .works
        .par_iter()
        .map(|w| work_records(w, histories))
        .collect();
    let mut at: HashMap<String, Vec<(Lang, usize, usize)>> = HashMap::new();
    for (w, records) in ws.works.iter().zip(per_work) {
        let spans = at.entry(w.id.as_str().to_owned()).or_default();
        for (lang, record) in records {
            let all = by_lang.entry(lang).or_default();
            match spans.iter_mut().find(|(l, ..)| *l == lang) {
                Some((_, _, n)) => *n += 1,
                None => spans.push((lang, all.len(), 1)),
            }
            all.push(record);
        }
    }
    // Provisions, in each language their title and summary are written in
    // (English at least), cited as readers of that language cite them.
    let numerals = ws.settings.numerals_for(Lang::AR);
    for &lang in &ws.settings.languages {
        let code = lang.code();
        let records = by_lang.entry(lang).or_default();
        for i in &ws.instruments {
            let source = instrument_title(i, lang).text;
            for p in &i.provisions {
                let in_lang = p.title.has_lang(code) && p.summary.has_lang(code);
                if !(in_lang || lang == Lang::EN) {
                    continue;
                }
                let text =
                    |t: &dyn Translations| t.text_in(code).unwrap_or(t.primary().0).to_owned();
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
        }
    }
    // Cut into shards without copying a record, then hashed in parallel.
    let mut cut = Vec::new();
    for (lang, mut records) in by_lang {
        let mut n = 0;
        while !records.is_empty() {
            let rest = records.split_off(records.len().min(SHARD_RECORDS));
            cut.push((lang, n, records));
            records = rest;
            n += 1;
        }
    }
    let shards = cut
        .into_par_iter()
        .map(|(lang, n, records)| Shard {
            lang,
            dir: shard_dir(lang, n),
            hash: shard_hash(lang, &records),
            records,
        })
        .collect();
    Records { shards, at }
}

fn shard_dir(lang: Lang, n: usize) -> String {
    format!("pagefind/{}-{n}", lang.code())
}

fn shard_hash(lang: Lang, records: &[Record]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    lang.code().hash(&mut h);
    records.hash(&mut h);
    h.finish()
}

impl Records {
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
                    let dir = shard_dir(lang, k / SHARD_RECORDS);
                    let i = self.shards.iter().position(|s| s.dir == dir)?;
                    *self.shards[i].records.get_mut(k % SHARD_RECORDS)? = record;
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

/// The records of one work's articles, with their languages, in order.
fn work_records(
    w: &crate::corpus::Work,
    histories: &HashMap<String, History>,
) -> Vec<(Lang, Record)> {
    let mut out = Vec::new();
    let expressions: Vec<&crate::corpus::Expression> = match histories.get(w.id.as_str()) {
        Some(h) => h
            .latest()
            .expressions
            .iter()
            .map(|c| &c.expression)
            .collect(),
        None => w.expressions.iter().collect(),
    };
    for e in expressions {
        let lang = e.lang();
        let work_title = e.meta.short_title.as_deref().unwrap_or(&e.meta.title);
        for a in e.articles.iter().filter(|a| !a.paragraphs.is_empty()) {
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

    /// The shards as `replace` leaves them are those made whole from the
    /// edited workspace, record for record; a work whose records are no
    /// longer as many is not replaced in place.
    #[test]
    fn an_edited_work_has_its_records_replaced_in_place() {
        let ws = example();
        let none = HashMap::new();
        let mut edited = ws.clone();
        let a = edited.works[0].expressions[0]
            .articles
            .iter_mut()
            .find(|a| !a.paragraphs.is_empty())
            .unwrap();
        Arc::make_mut(a).paragraphs[0]
            .text
            .push_str(" quindecennial");
        let replaced = records(&ws, &none)
            .replace(&[&edited.works[0]], &none)
            .expect("as many records as before");
        let whole = records(&edited, &none);
        let view = |r: &Records| {
            r.shards
                .iter()
                .map(|s| {
                    let urls: Vec<(&str, &str)> = s
                        .records
                        .iter()
                        .map(|r| (r.url.as_str(), r.content.as_str()))
                        .collect();
                    (s.dir.clone(), s.hash, format!("{urls:?}"))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(view(&replaced), view(&whole));
        assert!(
            view(&replaced)
                .iter()
                .any(|(.., r)| r.contains("quindecennial"))
        );
        assert_ne!(view(&replaced), view(&records(&ws, &none)));

        // An article emptied of its paragraphs has no record any more.
        Arc::make_mut(&mut edited.works[0].expressions[0].articles[0])
            .paragraphs
            .clear();
        assert!(
            records(&ws, &none)
                .replace(&[&edited.works[0]], &none)
                .is_none()
        );
    }
}
