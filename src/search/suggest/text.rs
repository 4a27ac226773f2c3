//! The text signal: how well an article's words match a provision's.

use std::collections::BTreeMap;

use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::tokenizer::{
    Language, LowerCaser, Stemmer, StopWordFilter, TextAnalyzer, TokenStream,
};

use crate::search::analysis::{
    ArabicNormalizer, ArabicStemmer, EditFilter, LongTokenFilter, WordTokenizer,
};
use crate::search::documents::Kind;
use crate::search::index::{SearchError, SearchIndex};
use crate::standards::{Element, Provision};

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

/// How much each part of a provision's text counts.
const WEIGHT_TITLE: f32 = 1.5;
const WEIGHT_SUMMARY: f32 = 1.0;
const WEIGHT_ELEMENT: f32 = 2.0;
const WEIGHT_KEYWORD: f32 = 2.0;

/// A word pair found together in an article counts this much more than its
/// two words apart.
const PAIR_BOOST: f32 = 1.0;

/// Article fields searched, with their boosts.
const FIELD_BOOSTS: [(&str, f32); 3] = [("heading", 1.5), ("body", 1.0), ("title", 0.2)];

/// The analyser for provision text: the document analyser with stop words
/// removed (documents keep theirs, so phrases still work).
pub(super) fn query_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer)
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(
            STOP_WORDS.iter().map(|s| s.to_string()),
        ))
        .filter(EditFilter(ArabicNormalizer))
        .filter(EditFilter(LongTokenFilter))
        .filter(EditFilter(ArabicStemmer))
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Weighted terms and word pairs describing a provision (and one element).
#[derive(Debug, Default)]
pub(super) struct Terms {
    pub words: BTreeMap<String, f32>,
    pub pairs: BTreeMap<(String, String), f32>,
}

pub(super) fn terms(provision: &Provision, element: Option<&Element>) -> Terms {
    let mut analyzer = query_analyzer();
    let mut out = Terms::default();
    let mut add = |text: &str, weight: f32| {
        let mut stream = analyzer.token_stream(text);
        let mut previous: Option<(String, usize)> = None;
        while let Some(t) = stream.next() {
            *out.words.entry(t.text.clone()).or_default() += weight;
            if let Some((p, pos)) = &previous
                // Adjacent, or one stop word apart, in the provision.
                && t.position <= pos + 2
                && *p != t.text
            {
                *out.pairs.entry((p.clone(), t.text.clone())).or_default() += weight;
            }
            previous = Some((t.text.clone(), t.position));
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
    out
}

/// Articles by text relevance, one entry per article (its best language),
/// best first, at most `pool`.
pub(super) fn ranking(
    index: &SearchIndex,
    provision: &Provision,
    element: Option<&Element>,
    pool: usize,
) -> Result<Vec<(String, f32)>, SearchError> {
    let f = *index.fields();
    let schema = index.index().schema();
    let terms = terms(provision, element);
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (name, field_boost) in FIELD_BOOSTS {
        let Ok(field) = schema.get_field(name) else {
            continue;
        };
        for (term, weight) in &terms.words {
            let q = TermQuery::new(
                Term::from_field_text(field, term),
                IndexRecordOption::WithFreqs,
            );
            should.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), weight * field_boost)),
            ));
        }
        if name == "title" {
            continue;
        }
        for ((a, b), weight) in &terms.pairs {
            let q = PhraseQuery::new_with_offset_and_slop(
                vec![
                    (0, Term::from_field_text(field, a)),
                    (1, Term::from_field_text(field, b)),
                ],
                1,
            );
            should.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(q),
                    PAIR_BOOST * weight * field_boost,
                )),
            ));
        }
    }
    if should.is_empty() {
        return Ok(Vec::new());
    }
    let only_articles = ConstScoreQuery::new(
        Box::new(TermQuery::new(
            Term::from_field_text(f.kind, Kind::Article.as_str()),
            IndexRecordOption::Basic,
        )),
        0.0,
    );
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(should)) as Box<dyn Query>,
        ),
        (Occur::Must, Box::new(only_articles)),
    ]);
    let searcher = index.searcher();
    // Each article may come back once per language.
    let top = searcher
        .search(&query, &TopDocs::with_limit(pool * 2).order_by_score())
        .map_err(|e| SearchError::Query {
            message: e.to_string(),
        })?;
    let mut out: Vec<(String, f32)> = Vec::new();
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| SearchError::Query {
            message: e.to_string(),
        })?;
        let id = doc
            .get_first(f.id)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned();
        if !out.iter().any(|(i, _)| *i == id) {
            out.push((id, score));
        }
        if out.len() == pool {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_dropped_and_pairs_kept() {
        let provision = Provision {
            id: "art_1".into(),
            citation: "Art. 1".into(),
            title: "Suppression of forced labour".into(),
            theme: crate::standards::Theme::Prevention,
            obligation: crate::standards::Obligation::Mandatory,
            summary: "Each State shall suppress forced or compulsory labour.".into(),
            note: None,
            elements: Vec::new(),
            span: 0..0,
        };
        let t = terms(&provision, None);
        assert!(!t.words.contains_key("the") && !t.words.contains_key("state"));
        assert_eq!(t.words.get("labour"), Some(&2.5), "{:?}", t.words);
        assert!(t.pairs.contains_key(&("forc".into(), "labour".into())));
        // "forced or compulsory": one stop word apart still pairs.
        assert!(t.pairs.contains_key(&("forc".into(), "compulsori".into())));
    }
}
