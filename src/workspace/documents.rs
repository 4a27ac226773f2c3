//! What gets indexed: one document per article expression and one per
//! standards provision, built from the loaded workspace.
//!
//! It sits with the workspace, below the stages that read it: the search
//! index and the NDJSON export for search clusters both build on these
//! documents, and neither imports the other.
//!
//! Documents are plain data here, grouped by the workspace file they come
//! from, so the index can tell which groups changed (by fingerprint) and
//! replace only those.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::Path;

use rayon::prelude::*;

use crate::Workspace;
use crate::corpus::{Expression, Lang, WorkStatus};
use crate::hash::Fnv;
use crate::standards::{Element, Instrument, Mapping, MappingEntry, Provision, Status};

/// What a document stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Article,
    Provision,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Provision => "provision",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "article" => Some(Kind::Article),
            "provision" => Some(Kind::Provision),
            _ => None,
        }
    }
}

/// One document to index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IndexDoc {
    /// The workspace file it comes from, relative, with `/` separators.
    pub source: String,
    pub id: String,
    pub kind: Kind,
    pub work: String,
    pub expression: Option<String>,
    pub title: String,
    pub lang: Lang,
    pub year: Option<u16>,
    pub status: Option<String>,
    /// The eId (`art_2bis`, `art_6__para_3`).
    pub article: String,
    /// The number as written (`2 bis`), or a provision's citation.
    pub num: String,
    pub heading: String,
    pub body: String,
    /// Provision references (`tip/art_3__para_a#means`).
    pub provisions: Vec<String>,
    pub coverage: Vec<Status>,
    pub theme: Option<String>,
    pub obligation: Option<String>,
}

/// One unit of assessment: a provision, or one element of a provision that
/// has elements, with where the law stands against it.
#[derive(Debug, Clone, Copy)]
pub struct Unit<'a> {
    pub instrument: &'a Instrument,
    pub provision: &'a Provision,
    pub element: Option<&'a Element>,
    /// The entry that assesses it (an element falls back to an entry for
    /// its whole provision); `None` when unassessed.
    pub entry: Option<&'a MappingEntry>,
}

impl Unit<'_> {
    pub fn status(&self) -> Status {
        self.entry.map_or(Status::Unassessed, |e| e.status)
    }

    /// `tip/art_3__para_a` or `tip/art_3__para_a#means`.
    pub fn reference(&self) -> String {
        match self.element {
            Some(e) => format!("{}/{}#{}", self.instrument.id, self.provision.id, e.id),
            None => format!("{}/{}", self.instrument.id, self.provision.id),
        }
    }
}

/// Every unit of assessment of every instrument, for the workspace's
/// jurisdiction, in instrument and provision order.
pub fn units(ws: &Workspace) -> Vec<Unit<'_>> {
    let jurisdiction = ws.jurisdiction();
    let mut out = Vec::new();
    for instrument in &ws.instruments {
        let mapping = ws.mapping(jurisdiction, &instrument.id);
        let find = |provision: &str, element: Option<&str>| {
            mapping.and_then(|m| {
                m.entries
                    .iter()
                    .find(|e| e.provision == provision && e.element.as_deref() == element)
            })
        };
        for provision in &instrument.provisions {
            if provision.elements.is_empty() {
                out.push(Unit {
                    instrument,
                    provision,
                    element: None,
                    entry: find(&provision.id, None),
                });
            }
            for element in &provision.elements {
                out.push(Unit {
                    instrument,
                    provision,
                    element: Some(element),
                    entry: find(&provision.id, Some(&element.id))
                        .or_else(|| find(&provision.id, None)),
                });
            }
        }
    }
    out
}

fn work_status(s: WorkStatus) -> &'static str {
    match s {
        WorkStatus::InForce => "in-force",
        WorkStatus::Repealed => "repealed",
        WorkStatus::PartlyRepealed => "partly-repealed",
    }
}

/// A workspace file's path relative to the workspace, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Every document of the workspace, ordered by source file.
pub fn documents(ws: &Workspace) -> Vec<IndexDoc> {
    let mut docs = article_documents(ws, &cited_by(&ws.mappings));
    docs.extend(provision_documents(ws));
    docs.sort_by(|a, b| (&a.source, &a.id, a.lang).cmp(&(&b.source, &b.id, b.lang)));
    docs
}

/// Article id -> (provision reference, status) of the entries citing it:
/// what an article's document needs of the other files.
pub type Cited = BTreeMap<String, Vec<(String, Status)>>;

/// The articles that `mappings` cite (see [`Cited`]).
pub fn cited_by<'a>(mappings: impl IntoIterator<Item = &'a Mapping>) -> Cited {
    let mut cited = Cited::new();
    for m in mappings {
        for e in &m.entries {
            let reference = match &e.element {
                Some(el) => format!("{}/{}#{el}", m.standard, e.provision),
                None => format!("{}/{}", m.standard, e.provision),
            };
            for a in &e.articles {
                cited
                    .entry(a.to_string())
                    .or_default()
                    .push((reference.clone(), e.status));
            }
        }
    }
    cited
}

/// One document per article of every expression, with the provisions
/// mapped to it and their statuses.
fn article_documents(ws: &Workspace, cited: &Cited) -> Vec<IndexDoc> {
    let expressions: Vec<_> = ws.works.iter().flat_map(|w| &w.expressions).collect();
    expressions
        .par_iter()
        .flat_map_iter(|expression| expression_documents(&ws.root, cited, expression))
        .collect()
}

/// The group of documents of one expression (of the workspace at `root`),
/// as [`for_each_group`] gives it; `None` when it has no articles.
pub fn expression_group(root: &Path, cited: &Cited, expression: &Expression) -> Option<Group> {
    Group::new(expression_documents(root, cited, expression))
}

/// The documents of one expression: one per article.
fn expression_documents(root: &Path, cited: &Cited, expression: &Expression) -> Vec<IndexDoc> {
    let meta = &expression.meta;
    let work = &meta.work;
    let source = relative(root, &expression.path);
    let title = match &meta.short_title {
        Some(short) => format!("{}\n{short}", meta.title),
        None => meta.title.clone(),
    };
    expression
        .articles
        .iter()
        .map(|article| {
            let id = work.article(&article.eid);
            let mapped = cited.get(&id);
            let provisions: BTreeSet<String> = mapped
                .into_iter()
                .flatten()
                .map(|(r, _)| r.clone())
                .collect();
            let coverage: BTreeSet<Status> =
                mapped.into_iter().flatten().map(|(_, s)| *s).collect();
            IndexDoc {
                source: source.clone(),
                id,
                kind: Kind::Article,
                work: work.to_string(),
                expression: Some(expression.id()),
                title: title.clone(),
                lang: expression.lang(),
                year: Some(work.year()),
                status: Some(work_status(meta.status).to_owned()),
                article: article.eid.clone(),
                num: article.num.clone(),
                heading: article.heading.clone().unwrap_or_default(),
                body: article.text(),
                provisions: provisions.into_iter().collect(),
                coverage: coverage.into_iter().collect(),
                theme: None,
                obligation: None,
            }
        })
        .collect()
}

/// One group of documents: those built from one workspace file.
pub struct Group {
    /// The workspace file, relative, with `/` separators.
    pub source: String,
    /// The fingerprint of the documents (as [`groups`] computes it).
    pub fingerprint: u64,
    /// Ordered by id and language, as in [`documents`].
    pub docs: Vec<IndexDoc>,
}

impl Group {
    fn new(mut docs: Vec<IndexDoc>) -> Option<Group> {
        docs.sort_by(|a, b| (&a.id, a.lang).cmp(&(&b.id, b.lang)));
        let source = docs.first()?.source.clone();
        let mut h = Fnv::default();
        docs[..].hash(&mut h);
        Some(Group {
            source,
            fingerprint: h.finish(),
            docs,
        })
    }
}

/// How many documents [`for_each_group`] gives.
pub fn count(ws: &Workspace) -> usize {
    let articles: usize = ws
        .works
        .iter()
        .flat_map(|w| &w.expressions)
        .map(|e| e.articles.len())
        .sum();
    articles
        + ws.instruments
            .iter()
            .map(|i| i.provisions.len())
            .sum::<usize>()
}

/// The workspace's documents, one group (source file) at a time, in the
/// order of [`documents`]: groups are built in parallel a batch at a time,
/// and `each` gets them in order on the calling thread. Only one batch of
/// documents is held at once, not the whole workspace's.
pub fn for_each_group<E>(
    ws: &Workspace,
    mut each: impl FnMut(Group) -> Result<(), E>,
) -> Result<(), E> {
    let cited = cited_by(&ws.mappings);
    let mut expressions: Vec<_> = ws
        .works
        .iter()
        .flat_map(|w| &w.expressions)
        .map(|e| (relative(&ws.root, &e.path), e))
        .collect();
    expressions.sort_by(|a, b| a.0.cmp(&b.0));
    let mut provisions: BTreeMap<String, Vec<IndexDoc>> = BTreeMap::new();
    for d in provision_documents(ws) {
        provisions.entry(d.source.clone()).or_default().push(d);
    }
    // Statutes and instruments in the order of their sources.
    let mut next = provisions.into_iter().peekable();
    let batch = rayon::current_num_threads() * 4;
    for chunk in expressions.chunks(batch.max(1)) {
        let groups: Vec<Option<Group>> = chunk
            .par_iter()
            .map(|(_, e)| expression_group(&ws.root, &cited, e))
            .collect();
        for (group, (source, _)) in groups.into_iter().zip(chunk) {
            while let Some((s, _)) = next.peek()
                && s < source
            {
                if let Some((_, docs)) = next.next()
                    && let Some(g) = Group::new(docs)
                {
                    each(g)?;
                }
            }
            if let Some(g) = group {
                each(g)?;
            }
        }
    }
    for (_, docs) in next {
        if let Some(g) = Group::new(docs) {
            each(g)?;
        }
    }
    Ok(())
}

/// The groups of the instruments' documents (one per instrument file), in
/// the order of their sources: what [`for_each_group`] gives after (or
/// between) the statutes' groups.
pub fn provision_groups(ws: &Workspace) -> Vec<Group> {
    let mut provisions: BTreeMap<String, Vec<IndexDoc>> = BTreeMap::new();
    for d in provision_documents(ws) {
        provisions.entry(d.source.clone()).or_default().push(d);
    }
    provisions.into_values().filter_map(Group::new).collect()
}

/// One document per provision of every instrument, with the statuses of
/// its units as coverage.
fn provision_documents(ws: &Workspace) -> Vec<IndexDoc> {
    let mut docs = Vec::new();
    let mut unit_statuses: BTreeMap<(String, String), BTreeSet<Status>> = BTreeMap::new();
    for u in units(ws) {
        unit_statuses
            .entry((u.instrument.id.clone(), u.provision.id.clone()))
            .or_default()
            .insert(u.status());
    }
    for instrument in &ws.instruments {
        let source = relative(&ws.root, &instrument.path);
        let title = match &instrument.short_title {
            Some(short) => format!("{}\n{short}", instrument.title),
            None => instrument.title.to_string(),
        };
        for p in &instrument.provisions {
            let mut body = p.summary.to_string();
            if let Some(note) = &p.note {
                body.push_str("\n\n");
                body.push_str(note);
            }
            for e in &p.elements {
                body.push_str("\n\n");
                body.push_str(&e.summary);
                if !e.keywords.is_empty() {
                    body.push('\n');
                    body.push_str(&e.keywords.join(", "));
                }
            }
            let reference = format!("{}/{}", instrument.id, p.id);
            let mut provisions = vec![reference.clone()];
            provisions.extend(p.elements.iter().map(|e| format!("{reference}#{}", e.id)));
            docs.push(IndexDoc {
                source: source.clone(),
                id: reference,
                kind: Kind::Provision,
                work: instrument.id.clone(),
                expression: None,
                title: title.clone(),
                lang: Lang::EN,
                year: instrument.adopted.map(|d| d.year),
                status: None,
                article: p.id.clone(),
                num: p.citation.clone(),
                heading: p.title.to_string(),
                body,
                provisions,
                coverage: unit_statuses
                    .get(&(instrument.id.clone(), p.id.clone()))
                    .map(|s| s.iter().copied().collect())
                    .unwrap_or_default(),
                theme: Some(p.theme.as_str().to_owned()),
                obligation: Some(p.obligation.as_str().to_owned()),
            });
        }
    }
    docs
}

/// Documents grouped by source file, each group with its fingerprint.
pub fn groups(docs: &[IndexDoc]) -> BTreeMap<&str, (u64, &[IndexDoc])> {
    let mut out = BTreeMap::new();
    let mut start = 0;
    while start < docs.len() {
        let source = docs[start].source.as_str();
        let end = start
            + docs[start..]
                .iter()
                .take_while(|d| d.source == source)
                .count();
        let group = &docs[start..end];
        let mut h = Fnv::default();
        group.hash(&mut h);
        out.insert(source, (h.finish(), group));
        start = end;
    }
    out
}

/// The content hash of a file's bytes (FNV-1a 64, stable across Rust
/// releases, unlike `DefaultHasher`: these hashes are kept on disk).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Workspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/examples/workspace");
        Workspace::load(&root).expect("the example workspace loads")
    }

    #[test]
    fn every_article_expression_and_provision_is_a_document() {
        let ws = example();
        let docs = documents(&ws);
        let articles = docs.iter().filter(|d| d.kind == Kind::Article).count();
        let expected: usize = ws
            .works
            .iter()
            .flat_map(|w| &w.expressions)
            .map(|e| e.articles.len())
            .sum();
        assert_eq!(articles, expected);
        let provisions = docs.iter().filter(|d| d.kind == Kind::Provision).count();
        assert_eq!(
            provisions,
            ws.instruments
                .iter()
                .map(|i| i.provisions.len())
                .sum::<usize>()
        );
    }

    #[test]
    fn articles_carry_their_mapped_provisions_and_coverage() {
        let ws = example();
        let docs = documents(&ws);
        let art1 = docs
            .iter()
            .find(|d| d.id == "/akn/kw/act/2013/91/~art_1" && d.lang == Lang::EN)
            .expect("article 1");
        assert_eq!(
            art1.provisions,
            [
                "tip/art_3__para_a#act",
                "tip/art_3__para_a#means",
                "tip/art_3__para_a#purpose"
            ]
        );
        assert_eq!(art1.coverage, [Status::Partial, Status::Full]);
        let compensation = docs
            .iter()
            .find(|d| d.id == "tip/art_6__para_6")
            .expect("provision");
        assert_eq!(compensation.coverage, [Status::Missing]);
        assert_eq!(compensation.source, "standards/tip.yaml");
    }

    #[test]
    fn groups_one_at_a_time_are_the_groups_of_all_documents() {
        let ws = example();
        let docs = documents(&ws);
        let all: Vec<(String, u64, Vec<IndexDoc>)> = groups(&docs)
            .into_iter()
            .map(|(k, (f, g))| (k.to_owned(), f, g.to_vec()))
            .collect();
        let mut streamed = Vec::new();
        for_each_group(&ws, |g| {
            streamed.push((g.source, g.fingerprint, g.docs));
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(streamed, all);
        assert_eq!(count(&ws), docs.len());
    }

    #[test]
    fn a_group_fingerprint_changes_with_its_documents_only() {
        let ws = example();
        let mut docs = documents(&ws);
        let before: BTreeMap<String, u64> = groups(&docs)
            .into_iter()
            .map(|(k, (f, _))| (k.to_owned(), f))
            .collect();
        let i = docs
            .iter()
            .position(|d| d.source.ends_with(".ar.md"))
            .expect("an Arabic article");
        docs[i].body.push_str(" تعديل");
        let after = groups(&docs);
        for (source, (f, _)) in after {
            assert_eq!(
                before[source] != f,
                source.ends_with(".ar.md"),
                "{source} fingerprint"
            );
        }
    }
}
