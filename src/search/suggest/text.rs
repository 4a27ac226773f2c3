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
use crate::standards::{Element, Glossary, Provision};
use crate::translations::DATA_LANG;

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
/// Each form of a glossary term the provision uses: more than a title word,
/// since the glossary names the subject, not one drafter's wording.
const WEIGHT_GLOSSARY: f32 = 2.0;

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

/// The terms of a provision (and one element) in one language: its title,
/// summary and element summaries as written in `lang`, and the element
/// keywords (written in the data language) when `lang` is that language.
pub(super) fn terms(
    provision: &Provision,
    element: Option<&Element>,
    lang: &str,
    glossary: &Glossary,
) -> Terms {
    let expansions = glossary_forms(glossary, provision, element, lang);
    let mut analyzer = query_analyzer();
    let mut out = Terms::default();
    let mut add = |text: Option<&str>, weight: f32| {
        let Some(text) = text else {
            return;
        };
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
    let keywords = |e: &Element| -> Vec<String> {
        if lang == DATA_LANG {
            e.keywords.clone()
        } else {
            Vec::new()
        }
    };
    add(provision.title.get(lang), WEIGHT_TITLE);
    add(provision.summary.get(lang), WEIGHT_SUMMARY);
    match element {
        Some(e) => {
            add(e.summary.get(lang), WEIGHT_ELEMENT);
            for k in keywords(e) {
                add(Some(&k), WEIGHT_KEYWORD);
            }
        }
        // A provision assessed as a whole: every element describes it.
        None => {
            for e in &provision.elements {
                add(e.summary.get(lang), WEIGHT_SUMMARY);
                for k in keywords(e) {
                    add(Some(&k), WEIGHT_SUMMARY);
                }
            }
        }
    }
    for form in expansions {
        add(Some(form), WEIGHT_GLOSSARY);
    }
    out
}

/// The forms in `lang` of every glossary term the provision's text uses, in
/// any of its languages (a term is used when one of its forms occurs as a
/// run of words, after analysis, in the title, a summary or a keyword).
fn glossary_forms<'g>(
    glossary: &'g Glossary,
    provision: &Provision,
    element: Option<&Element>,
    lang: &str,
) -> Vec<&'g str> {
    if glossary.is_empty() {
        return Vec::new();
    }
    let mut analyzer = query_analyzer();
    let mut words = |text: &str| -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    };
    let elements: Vec<&Element> = match element {
        Some(e) => vec![e],
        None => provision.elements.iter().collect(),
    };
    let mut texts: Vec<Vec<String>> = Vec::new();
    for (_, t) in provision.title.iter().chain(provision.summary.iter()) {
        texts.push(words(t));
    }
    for e in elements {
        for (_, t) in e.summary.iter() {
            texts.push(words(t));
        }
        for k in &e.keywords {
            texts.push(words(k));
        }
    }
    let mut out = Vec::new();
    for term in &glossary.terms {
        let Some(wanted) = term.forms.get(lang) else {
            continue;
        };
        let used = term.forms.values().flatten().any(|form| {
            let form = words(form);
            !form.is_empty()
                && texts
                    .iter()
                    .any(|t| t.windows(form.len()).any(|w| w == form.as_slice()))
        });
        if used {
            out.extend(wanted.iter().map(String::as_str));
        }
    }
    out
}

/// Articles by text relevance, best first, at most `pool`.
///
/// Each language the provision is written in is its own query, against the
/// articles in that language, and scaled so its best article has 1; an
/// article's relevance is the mean over those languages (an article missing
/// in one language counts 0 there). So a bilingual corpus rewards articles
/// that both texts agree on, and an Arabic-only corpus is still found
/// through the provision's Arabic summary.
pub(super) fn ranking(
    index: &SearchIndex,
    glossary: &Glossary,
    provision: &Provision,
    element: Option<&Element>,
    pool: usize,
) -> Result<Vec<(String, f32)>, SearchError> {
    let langs: Vec<&str> = provision.summary.langs().collect();
    let mut combined: BTreeMap<String, f32> = BTreeMap::new();
    let mut searched = 0usize;
    for lang in &langs {
        let terms = terms(provision, element, lang, glossary);
        let found = ranking_in(index, &terms, lang, pool)?;
        let Some(best) = found.first().map(|(_, s)| *s) else {
            continue;
        };
        searched += 1;
        for (id, score) in found {
            *combined.entry(id).or_default() += score / best.max(f32::MIN_POSITIVE);
        }
    }
    let mut out: Vec<(String, f32)> = combined
        .into_iter()
        .map(|(id, s)| (id, s / searched.max(1) as f32))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.truncate(pool);
    Ok(out)
}

/// Articles in `lang` by relevance to `terms`, best first, at most `pool`.
fn ranking_in(
    index: &SearchIndex,
    terms: &Terms,
    lang: &str,
    pool: usize,
) -> Result<Vec<(String, f32)>, SearchError> {
    let f = *index.fields();
    let schema = index.index().schema();
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
    let filter = |field, value: &str| -> (Occur, Box<dyn Query>) {
        (
            Occur::Must,
            Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(field, value),
                    IndexRecordOption::Basic,
                )),
                0.0,
            )),
        )
    };
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(should)) as Box<dyn Query>,
        ),
        filter(f.kind, Kind::Article.as_str()),
        filter(f.lang, lang),
    ]);
    let searcher = index.searcher();
    let top = searcher
        .search(&query, &TopDocs::with_limit(pool).order_by_score())
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
        out.push((id, score));
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
        let t = terms(&provision, None, "en", &Glossary::default());
        assert!(!t.words.contains_key("the") && !t.words.contains_key("state"));
        assert_eq!(t.words.get("labour"), Some(&2.5), "{:?}", t.words);
        assert!(t.pairs.contains_key(&("forc".into(), "labour".into())));
        // "forced or compulsory": one stop word apart still pairs.
        assert!(t.pairs.contains_key(&("forc".into(), "compulsori".into())));
    }

    #[test]
    fn a_glossary_term_used_in_english_brings_its_arabic_forms() {
        let provision = Provision {
            id: "art_1".into(),
            citation: "Art. 1".into(),
            title: "Identity documents".into(),
            theme: crate::standards::Theme::Protection,
            obligation: crate::standards::Obligation::Mandatory,
            summary: "Employers may not keep a worker's passport.".into(),
            note: None,
            elements: Vec::new(),
            span: 0..0,
        };
        let glossary = Glossary {
            terms: vec![crate::standards::GlossaryTerm {
                id: "passport-retention".into(),
                forms: [
                    (
                        "en".to_owned(),
                        vec!["passport retention".to_owned(), "passport".to_owned()],
                    ),
                    ("ar".to_owned(), vec!["جواز السفر".to_owned()]),
                ]
                .into(),
            }],
        };
        assert_eq!(
            glossary_forms(&glossary, &provision, None, "ar"),
            ["جواز السفر"]
        );
        // The Arabic query holds the analysed Arabic words, though the
        // provision has no Arabic text.
        let t = terms(&provision, None, "ar", &glossary);
        assert_eq!(t.words.len(), 2, "{:?}", t.words);
        // A term the provision does not use adds nothing.
        let other = Provision {
            summary: "Victims are housed.".into(),
            title: "Housing".into(),
            ..provision
        };
        assert!(glossary_forms(&glossary, &other, None, "ar").is_empty());
    }
}
