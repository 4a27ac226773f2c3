//! Suggestions for assessors: for each provision or element that is
//! unassessed or assessed as missing, the articles most likely to implement
//! it, ranked by relevance to the provision's title, summary and the
//! element's summary and keywords.
//!
//! The ranking uses only the text of articles, never the mappings, so it can
//! be measured honestly by [`evaluate`]: every mapping entry that names
//! articles is treated as if it were unassessed, and we check whether its
//! articles come back in the top 5 and top 10.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::tokenizer::{StopWordFilter, TextAnalyzer, TokenStream};

use super::analysis::{
    ArabicNormalizer, ArabicStemmer, EditFilter, LongTokenFilter, WordTokenizer,
};
use super::documents::{Kind, Unit, units};
use super::index::{SearchError, SearchIndex};
use crate::Workspace;
use crate::standards::{Element, Instrument, Provision, Status};

/// Words that say nothing about what a provision is about: Lucene's English
/// stop words and the boilerplate of treaty drafting.
const STOP_WORDS: [&str; 52] = [
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "but",
    "by",
    "for",
    "if",
    "in",
    "into",
    "is",
    "it",
    "no",
    "not",
    "of",
    "on",
    "or",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "to",
    "was",
    "will",
    "with",
    "state",
    "states",
    "party",
    "parties",
    "shall",
    "must",
    "may",
    "should",
    "each",
    "any",
    "other",
    "which",
    "where",
    "who",
    "its",
    "has",
    "have",
    "from",
    "including",
];

/// How much each part of a unit's text counts in its query.
const WEIGHT_TITLE: f32 = 1.5;
const WEIGHT_SUMMARY: f32 = 1.0;
const WEIGHT_ELEMENT: f32 = 2.0;
const WEIGHT_KEYWORD: f32 = 2.0;

/// Article fields a suggestion query searches, with their boosts.
const FIELD_BOOSTS: [(&str, f32); 3] = [("heading", 1.5), ("body", 1.0), ("title", 0.2)];

/// An article suggested for a provision or element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub id: String,
    pub score: f32,
    /// The language of the expression that scored best.
    pub lang: String,
    pub title: String,
    pub num: String,
    pub heading: String,
}

/// Candidates for one provision or element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// `tip/art_6__para_6` or `tip/art_3__para_a#means`.
    pub reference: String,
    pub standard: String,
    pub provision: String,
    pub element: Option<String>,
    pub citation: String,
    pub title: String,
    pub status: Status,
    pub candidates: Vec<Candidate>,
}

/// What to suggest for.
#[derive(Debug, Clone)]
pub struct SuggestOptions {
    /// Only this instrument.
    pub standard: Option<String>,
    /// Candidates per provision or element.
    pub limit: usize,
}

/// The analyser for suggestion queries: the document analyser with stop
/// words removed (documents keep theirs, so phrases still work).
fn query_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer)
        .filter(tantivy::tokenizer::LowerCaser)
        .filter(StopWordFilter::remove(
            STOP_WORDS.iter().map(|s| s.to_string()),
        ))
        .filter(EditFilter(ArabicNormalizer))
        .filter(EditFilter(LongTokenFilter))
        .filter(EditFilter(ArabicStemmer))
        .filter(tantivy::tokenizer::Stemmer::new(
            tantivy::tokenizer::Language::English,
        ))
        .build()
}

/// Weighted terms describing a provision (and one of its elements).
fn unit_terms(provision: &Provision, element: Option<&Element>) -> BTreeMap<String, f32> {
    let mut analyzer = query_analyzer();
    let mut weights: BTreeMap<String, f32> = BTreeMap::new();
    let mut add = |text: &str, weight: f32| {
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            *weights.entry(t.text.clone()).or_default() += weight;
        }
    };
    add(&provision.title, WEIGHT_TITLE);
    add(&provision.summary, WEIGHT_SUMMARY);
    match element {
        Some(e) => {
            add(&e.summary, WEIGHT_ELEMENT);
            for k in &e.keywords {
                add(k, WEIGHT_KEYWORD);
            }
        }
        // A provision assessed as a whole: every element describes it.
        None => {
            for e in &provision.elements {
                add(&e.summary, WEIGHT_SUMMARY);
                for k in &e.keywords {
                    add(k, WEIGHT_SUMMARY);
                }
            }
        }
    }
    weights
}

/// The articles that best match a provision (or one of its elements), one
/// entry per article (its best-scoring language), best first.
pub fn candidates(
    index: &SearchIndex,
    provision: &Provision,
    element: Option<&Element>,
    limit: usize,
) -> Result<Vec<Candidate>, SearchError> {
    let f = *index.fields();
    let schema = index.index().schema();
    let terms = unit_terms(provision, element);
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (name, field_boost) in FIELD_BOOSTS {
        let Ok(field) = schema.get_field(name) else {
            continue;
        };
        for (term, weight) in &terms {
            let q = TermQuery::new(
                Term::from_field_text(field, term),
                IndexRecordOption::WithFreqs,
            );
            should.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), weight * field_boost)),
            ));
        }
    }
    if should.is_empty() {
        return Ok(Vec::new());
    }
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(should)) as Box<dyn Query>,
        ),
        (
            Occur::Must,
            Box::new(tantivy::query::ConstScoreQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, Kind::Article.as_str()),
                    IndexRecordOption::Basic,
                )),
                0.0,
            )),
        ),
    ]);
    let searcher = index.searcher();
    // Each article may come back once per language.
    let top = searcher
        .search(&query, &TopDocs::with_limit(limit * 3).order_by_score())
        .map_err(|e| SearchError::Query {
            message: e.to_string(),
        })?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Candidate> = Vec::new();
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| SearchError::Query {
            message: e.to_string(),
        })?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let id = text(f.id);
        if seen.contains_key(&id) {
            continue;
        }
        seen.insert(id.clone(), out.len());
        out.push(Candidate {
            id,
            score,
            lang: text(f.lang),
            title: text(f.title).lines().next().unwrap_or_default().to_owned(),
            num: text(f.num),
            heading: text(f.heading),
        });
        if out.len() == limit {
            break;
        }
    }
    Ok(out)
}

/// Suggestions for every unassessed or missing provision and element.
pub fn suggest(
    ws: &Workspace,
    index: &SearchIndex,
    options: &SuggestOptions,
) -> Result<Vec<Suggestion>, SearchError> {
    let mut out = Vec::new();
    for unit in units(ws) {
        if options
            .standard
            .as_deref()
            .is_some_and(|s| s != unit.instrument.id)
        {
            continue;
        }
        let status = unit.status();
        if !matches!(status, Status::Unassessed | Status::Missing) {
            continue;
        }
        out.push(suggestion(index, &unit, status, options.limit)?);
    }
    Ok(out)
}

fn suggestion(
    index: &SearchIndex,
    unit: &Unit<'_>,
    status: Status,
    limit: usize,
) -> Result<Suggestion, SearchError> {
    Ok(Suggestion {
        reference: unit.reference(),
        standard: unit.instrument.id.clone(),
        provision: unit.provision.id.clone(),
        element: unit.element.map(|e| e.id.clone()),
        citation: unit.provision.citation.clone(),
        title: unit.provision.title.clone(),
        status,
        candidates: candidates(index, unit.provision, unit.element, limit)?,
    })
}

/// The measured quality of suggestions on a workspace's own mappings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Mapping entries that name at least one article (the held-out set).
    pub entries: usize,
    /// Mean over entries of the share of their articles found in the top 5.
    pub recall_at_5: f64,
    pub recall_at_10: f64,
    /// Share of entries with at least one of their articles in the top 5.
    pub hit_rate_at_5: f64,
    /// Entries with an article missing from the top 10.
    pub misses: Vec<Miss>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub reference: String,
    pub expected: Vec<String>,
    pub top_10: Vec<String>,
}

/// Leave-one-out evaluation: each mapping entry with articles is ranked as
/// if it were unassessed, and compared with the articles the assessors chose.
pub fn evaluate(ws: &Workspace, index: &SearchIndex) -> Result<Evaluation, SearchError> {
    let mut entries = 0usize;
    let (mut r5, mut r10, mut h5) = (0f64, 0f64, 0f64);
    let mut misses = Vec::new();
    for m in &ws.mappings {
        let Some(instrument): Option<&Instrument> = ws.instrument(&m.standard) else {
            continue;
        };
        for e in &m.entries {
            if e.articles.is_empty() {
                continue;
            }
            let Some(provision) = instrument.provision(&e.provision) else {
                continue;
            };
            let element = e.element.as_deref().and_then(|id| provision.element(id));
            let top = candidates(index, provision, element, 10)?;
            let ids: Vec<String> = top.into_iter().map(|c| c.id).collect();
            let expected: Vec<String> = e.articles.iter().map(|a| a.to_string()).collect();
            let found = |k: usize| {
                expected
                    .iter()
                    .filter(|a| ids.iter().take(k).any(|i| i == *a))
                    .count()
            };
            let n = expected.len() as f64;
            entries += 1;
            r5 += found(5) as f64 / n;
            r10 += found(10) as f64 / n;
            h5 += f64::from(u8::from(found(5) > 0));
            if found(10) < expected.len() {
                let reference = match &e.element {
                    Some(el) => format!("{}/{}#{el}", m.standard, e.provision),
                    None => format!("{}/{}", m.standard, e.provision),
                };
                misses.push(Miss {
                    reference,
                    expected,
                    top_10: ids,
                });
            }
        }
    }
    let mean = |x: f64| {
        if entries == 0 {
            0.0
        } else {
            x / entries as f64
        }
    };
    Ok(Evaluation {
        entries,
        recall_at_5: mean(r5),
        recall_at_10: mean(r10),
        hit_rate_at_5: mean(h5),
        misses,
    })
}
