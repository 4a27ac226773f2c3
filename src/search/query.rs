//! Queries: the query language, filters, ranking, total counts and
//! highlighted snippets.
//!
//! The query language is tantivy's: words (all must match, in the title,
//! heading or body), `"phrases"`, `AND`, `OR`, `NOT` (or `-word`), grouping
//! with parentheses, `field:value` on any indexed field, and ranges such as
//! `year:[2010 TO 2015]` or `year:>=2010`. Every word goes through the same
//! analyser as the documents, so a query in unvowelled Arabic finds vowelled
//! text and `victims` finds `victim`. Filters are exact and do not change
//! the ranking.

mod top;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::{Bound, Range};
use std::str::FromStr;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{Occur as GrammarOccur, UserInputAst};
use tantivy::schema::{Facet, Field, IndexRecordOption, Term, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Searcher, TantivyDocument};

use self::top::TopByScore;
use super::analysis::remembering_analyzer;
use super::documents::Kind;
use super::index::{SearchError, SearchIndex};
use super::schema::{Fields, facet_reference, provision_facet};
use crate::corpus::Lang;
use crate::ids::{FrbrUri, ProvisionRef, check_slug};
use crate::standards::Status;

/// Fields searched when a word names no field, with their boosts.
const DEFAULT_FIELDS: [(&str, f32); 3] = [("heading", 2.0), ("body", 1.0), ("title", 0.5)];

/// Longest body snippet, in bytes of UTF-8 (tantivy counts bytes): about
/// 240 Latin or 120 Arabic characters.
const SNIPPET_BYTES: usize = 240;

/// Work statuses and mapping statuses that `--status` accepts.
pub const WORK_STATUSES: [&str; 3] = ["in-force", "repealed", "partly-repealed"];

/// An inclusive range of years; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct YearRange {
    pub from: Option<u16>,
    pub to: Option<u16>,
}

impl FromStr for YearRange {
    type Err = SearchError;

    /// `2013`, `2010..2015`, `2010..` or `..2015`.
    fn from_str(s: &str) -> Result<YearRange, SearchError> {
        let err = || SearchError::Filter {
            message: format!(
                "`{s}` is not a year or a range of years: write 2013, 2010..2015, 2010.. or ..2015"
            ),
        };
        let year = |t: &str| -> Result<Option<u16>, SearchError> {
            let t = crate::text::ascii_digits(t.trim());
            if t.is_empty() {
                return Ok(None);
            }
            if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            t.parse().map(Some).map_err(|_| err())
        };
        let range = match s.split_once("..") {
            Some((a, b)) => YearRange {
                from: year(a)?,
                to: year(b)?,
            },
            None => {
                let y = year(s)?.ok_or_else(err)?;
                YearRange {
                    from: Some(y),
                    to: Some(y),
                }
            }
        };
        match (range.from, range.to) {
            (None, None) => Err(err()),
            (Some(a), Some(b)) if a > b => Err(err()),
            _ => Ok(range),
        }
    }
}

/// Exact restrictions on results. Several values of one filter mean any of
/// them; different filters must all hold.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub langs: Vec<Lang>,
    /// Work ids (`/akn/kw/act/2013/91`) or instrument ids (`tip`).
    pub works: Vec<String>,
    pub years: Option<YearRange>,
    /// Instrument ids, provision references, or element references; an
    /// article matches if it is mapped to it (or to any provision under it).
    pub provisions: Vec<String>,
    /// Work statuses (`in-force`) or mapping statuses (`partial`).
    pub statuses: Vec<String>,
    pub kinds: Vec<Kind>,
}

/// The work a `--work` value names: any URI form narrows to its work
/// (`/akn/kw/act/2013/91/ara@2019-04-09` is `/akn/kw/act/2013/91`); an
/// instrument id stays as it is.
fn work_of(value: &str) -> String {
    FrbrUri::parse(value).map_or_else(|_| value.to_owned(), |u| u.work.to_string())
}

impl Filters {
    /// Checks every value, so a typo is an error rather than no results.
    pub fn validate(&self) -> Result<(), SearchError> {
        for w in &self.works {
            if w.starts_with('/') {
                match FrbrUri::parse(w) {
                    Ok(uri) if uri.portion.is_none() => continue,
                    Ok(_) => {
                        return Err(SearchError::Filter {
                            message: format!(
                                "`{w}` names a portion: --work takes a work (`/akn/kw/act/2013/91`) or an expression of it"
                            ),
                        });
                    }
                    Err(e) => {
                        return Err(SearchError::Filter {
                            message: format!("`{w}` is not a work id: {e}"),
                        });
                    }
                }
            }
            if check_slug(w).is_err() {
                return Err(SearchError::Filter {
                    message: format!(
                        "`{w}` is neither a work id (`/akn/kw/act/2013/91`) nor an instrument id (`tip`)"
                    ),
                });
            }
        }
        for p in &self.provisions {
            if check_slug(p).is_err() && ProvisionRef::parse(p).is_err() {
                return Err(SearchError::Filter {
                    message: format!(
                        "`{p}` is not an instrument id (`tip`) or a provision reference (`tip/art_6__para_3`, `tip/art_3__para_a#means`)"
                    ),
                });
            }
        }
        for s in &self.statuses {
            let known = WORK_STATUSES.contains(&s.as_str())
                || Status::ALL.iter().any(|st| st.as_str() == s);
            if !known {
                let all: Vec<&str> = WORK_STATUSES
                    .into_iter()
                    .chain(Status::ALL.iter().map(|s| s.as_str()))
                    .collect();
                return Err(SearchError::Filter {
                    message: format!("`{s}` is not a status; use one of: {}", all.join(", ")),
                });
            }
        }
        Ok(())
    }

    fn clauses(&self, f: &Fields) -> Vec<Box<dyn Query>> {
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        let any = |terms: Vec<Term>| -> Box<dyn Query> {
            let qs: Vec<Box<dyn Query>> = terms
                .into_iter()
                .map(|t| Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>)
                .collect();
            Box::new(BooleanQuery::union(qs))
        };
        if !self.langs.is_empty() {
            out.push(any(self
                .langs
                .iter()
                .map(|l| Term::from_field_text(f.lang, l.code()))
                .collect()));
        }
        if !self.works.is_empty() {
            out.push(any(self
                .works
                .iter()
                .map(|w| Term::from_field_text(f.work, &work_of(w)))
                .collect()));
        }
        if !self.kinds.is_empty() {
            out.push(any(self
                .kinds
                .iter()
                .map(|k| Term::from_field_text(f.kind, k.as_str()))
                .collect()));
        }
        if !self.provisions.is_empty() {
            out.push(any(self
                .provisions
                .iter()
                .map(|p| Term::from_facet(f.provision, &provision_facet(p)))
                .collect()));
        }
        if !self.statuses.is_empty() {
            out.push(any(self
                .statuses
                .iter()
                .map(|s| {
                    let field = if WORK_STATUSES.contains(&s.as_str()) {
                        f.status
                    } else {
                        f.coverage
                    };
                    Term::from_field_text(field, s)
                })
                .collect()));
        }
        if let Some(r) = self.years {
            let bound = |y: Option<u16>| match y {
                Some(y) => Bound::Included(Term::from_field_u64(f.year, u64::from(y))),
                None => Bound::Unbounded,
            };
            out.push(Box::new(RangeQuery::new(bound(r.from), bound(r.to))));
        }
        out
    }
}

/// A search to run.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query text; empty matches every document (filters still apply).
    pub query: String,
    pub filters: Filters,
    pub limit: usize,
}

/// Text with highlighted parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlighted {
    pub text: String,
    /// Byte ranges into `text`, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Highlighted {
    /// Collapses each run of white space (paragraph breaks included) into
    /// one space and trims the ends, keeping the highlights on their words.
    pub fn tidy(self) -> Highlighted {
        let mut text = String::with_capacity(self.text.len());
        // New offset of every old byte offset that starts a kept character.
        let mut map = vec![0usize; self.text.len() + 1];
        let mut pending_space = false;
        for (i, c) in self.text.char_indices() {
            if c.is_whitespace() {
                pending_space = !text.is_empty();
                map[i] = text.len();
                continue;
            }
            if pending_space {
                text.push(' ');
                pending_space = false;
            }
            map[i] = text.len();
            text.push(c);
        }
        map[self.text.len()] = text.len();
        let highlights = self
            .highlights
            .iter()
            .map(|r| map[r.start]..map[r.end].max(map[r.start]))
            .collect();
        Highlighted { text, highlights }
    }

    /// The highlights as ranges of Unicode scalar values (characters), as
    /// the JSON output gives them.
    pub fn char_ranges(&self) -> Vec<[usize; 2]> {
        let idx = |byte: usize| self.text[..byte].chars().count();
        self.highlights
            .iter()
            .map(|r| [idx(r.start), idx(r.end)])
            .collect()
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub score: f32,
    pub id: String,
    pub kind: Kind,
    pub lang: String,
    pub work: String,
    pub expression: Option<String>,
    pub title: String,
    pub year: Option<u64>,
    pub status: Option<String>,
    pub article: String,
    pub num: String,
    #[serde(skip)]
    pub heading: Highlighted,
    #[serde(skip)]
    pub snippet: Highlighted,
    pub provisions: Vec<String>,
    pub coverage: Vec<String>,
    pub theme: Option<String>,
    pub obligation: Option<String>,
}

/// What a search found.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Every matching document, not only those returned.
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Parses query text with the index's analyser and default fields.
pub fn parse_query(index: &SearchIndex, text: &str) -> Result<Box<dyn Query>, SearchError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Box::new(AllQuery));
    }
    let schema = index.index().schema();
    let defaults: Vec<Field> = DEFAULT_FIELDS
        .iter()
        .filter_map(|(name, _)| schema.get_field(name).ok())
        .collect();
    let mut parser = QueryParser::for_index(index.index(), defaults);
    parser.set_conjunction_by_default();
    for (name, boost) in DEFAULT_FIELDS {
        if let Ok(field) = schema.get_field(name) {
            parser.set_field_boost(field, boost);
        }
    }
    let ast = tantivy::query_grammar::parse_query(text).map_err(|_| SearchError::Query {
        message: format!(
            "cannot parse `{text}`: check quotes and parentheses, and quote a field value \
             that contains spaces or `:`"
        ),
    })?;
    parser
        .build_query_from_user_input_ast(lift_negations(ast))
        .map_err(|e| SearchError::Query {
            message: match e {
                tantivy::query::QueryParserError::FieldDoesNotExist(name) => format!(
                    "there is no field `{name}`; fields are: id, kind, work, title, lang, year, \
                 status, article, heading, body, provision, coverage, theme, obligation"
                ),
                other => other.to_string(),
            },
        })
}

/// Reads `a AND NOT b` as "a, and not b", as Lucene does. tantivy's grammar
/// makes it `+a +(-b)`, where the purely negative group `(-b)` matches
/// nothing, so the whole query would match nothing.
fn lift_negations(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, sub)| match (occur, lift_negations(sub)) {
                    (Some(GrammarOccur::Must), UserInputAst::Clause(mut inner))
                        if inner.len() == 1 && inner[0].0 == Some(GrammarOccur::MustNot) =>
                    {
                        match inner.pop() {
                            Some((_, negated)) => (Some(GrammarOccur::MustNot), negated),
                            None => (occur, UserInputAst::Clause(inner)),
                        }
                    }
                    (occur, sub) => (occur, sub),
                })
                .collect(),
        ),
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(lift_negations(*inner)), boost)
        }
        leaf => leaf,
    }
}

/// Runs a search.
pub fn search(index: &SearchIndex, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    request.filters.validate()?;
    let fields = *index.fields();
    let user_query = parse_query(index, &request.query)?;
    let filters = request.filters.clauses(&fields);
    let query: Box<dyn Query> = if filters.is_empty() {
        user_query.box_clone()
    } else {
        let mut clauses = vec![(Occur::Must, user_query.box_clone())];
        clauses.extend(filters.into_iter().map(|q| {
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>,
            )
        }));
        Box::new(BooleanQuery::new(clauses))
    };
    let searcher = index.searcher();
    let limit = request.limit.max(1);
    let query_err = |e: tantivy::TantivyError| SearchError::Query {
        message: e.to_string(),
    };
    // The total, counted without scoring (a term's document frequency, or
    // a union walked block by block), and the best `limit` documents,
    // ranked by a collector that skips the documents that cannot rank.
    // In a large index the count runs on a thread of its own, beside the
    // ranking and the snippets.
    let count = || searcher.search(&query, &Count).map_err(query_err);
    std::thread::scope(|scope| {
        let counting = (searcher.num_docs() >= COUNT_APART_DOCS).then(|| scope.spawn(count));
        let hits = ranked(&searcher, &fields, &*user_query, &*query, limit)?;
        let total = match counting {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?,
            None => count()?,
        };
        Ok(SearchResults { total, hits })
    })
}

/// The documents from which counting the matches on a thread of its own
/// repays starting the thread (about 50 µs; counting a common word among
/// 200,000 documents takes some 300 µs).
const COUNT_APART_DOCS: u64 = 20_000;

/// The best `limit` documents for `query` (`user_query` with the filters),
/// each with its snippet and highlighted heading.
fn ranked(
    searcher: &Searcher,
    fields: &Fields,
    user_query: &dyn Query,
    query: &dyn Query,
    limit: usize,
) -> Result<Vec<Hit>, SearchError> {
    let top = searcher
        .search(query, &TopByScore { limit })
        .map_err(|e| SearchError::Query {
            message: e.to_string(),
        })?;
    // One analyser for every result's snippet and heading, remembering
    // each word's term: the texts of one query's results share most words.
    let analyzer = remembering_analyzer();
    let body_snippets = snippet_generator(searcher, user_query, fields.body, &analyzer)?;
    let heading_terms = query_terms(searcher, user_query, fields.heading);
    let mut hits = Vec::with_capacity(top.len());
    for ((score, _), address) in top {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| SearchError::Query {
            message: e.to_string(),
        })?;
        let marks = Marks {
            body: &body_snippets,
            heading_terms: &heading_terms,
            analyzer: &analyzer,
        };
        hits.push(hit(fields, &doc, score, &marks));
    }
    Ok(hits)
}

/// What tantivy's `SnippetGenerator::create` makes (each term the query
/// looks for in `field`, found in the index, weighted by its rarity), with
/// `analyzer` for the texts.
fn snippet_generator(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
    analyzer: &TextAnalyzer,
) -> Result<SnippetGenerator, SearchError> {
    let mut terms: BTreeSet<&Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term);
        }
    });
    let mut weights: BTreeMap<String, f32> = BTreeMap::new();
    for term in terms {
        let value = term.value();
        let Some(text) = value.as_str() else {
            continue;
        };
        let doc_freq = searcher.doc_freq(term).map_err(|e| SearchError::Query {
            message: e.to_string(),
        })?;
        if doc_freq > 0 {
            weights.insert(text.to_owned(), 1.0 / (1.0 + doc_freq as f32));
        }
    }
    Ok(SnippetGenerator::new(
        weights,
        analyzer.clone(),
        field,
        SNIPPET_BYTES,
    ))
}

/// The analysed terms a query looks for in one field.
fn query_terms(searcher: &Searcher, query: &dyn Query, field: Field) -> BTreeSet<String> {
    let _ = searcher;
    let mut out = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field
            && let Some(s) = term.value().as_str()
        {
            out.insert(s.to_owned());
        }
    });
    out
}

/// Highlights every word of `text` whose term is in `terms`.
fn highlight_all(text: &str, terms: &BTreeSet<String>, analyzer: &TextAnalyzer) -> Highlighted {
    let mut highlights = Vec::new();
    if !terms.is_empty() {
        let mut analyzer = analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            if terms.contains(&t.text) {
                highlights.push(t.offset_from..t.offset_to);
            }
        }
    }
    Highlighted {
        text: text.to_owned(),
        highlights,
    }
}

/// The start of `text`, cut at a character boundary near `max` bytes.
fn lead(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Prefer to cut at a space.
    let cut = text[..end]
        .rfind(' ')
        .filter(|i| *i > max / 2)
        .unwrap_or(end);
    format!("{}…", text[..cut].trim_end())
}

/// How a result's texts are highlighted.
struct Marks<'a> {
    body: &'a SnippetGenerator,
    heading_terms: &'a BTreeSet<String>,
    analyzer: &'a TextAnalyzer,
}

fn hit(f: &Fields, doc: &TantivyDocument, score: f32, marks: &Marks<'_>) -> Hit {
    let text = |field: Field| -> String {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let opt = |field: Field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let all = |field: Field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    let body = text(f.body);
    let snippet = marks.body.snippet(&body);
    let snippet = if snippet.highlighted().is_empty() {
        Highlighted {
            text: lead(&body, SNIPPET_BYTES),
            highlights: Vec::new(),
        }
    } else {
        Highlighted {
            text: snippet.fragment().to_owned(),
            highlights: snippet.highlighted().to_vec(),
        }
    }
    .tidy();
    let provisions = doc
        .get_all(f.provision)
        .filter_map(|v| v.as_facet())
        .filter_map(|s| Facet::from_encoded(s.as_bytes().to_vec()).ok())
        .map(|facet| facet_reference(&facet))
        .collect();
    Hit {
        score,
        id: text(f.id),
        kind: Kind::parse(&text(f.kind)).unwrap_or(Kind::Article),
        lang: text(f.lang),
        work: text(f.work),
        expression: opt(f.expression),
        title: text(f.title),
        year: doc.get_first(f.year).and_then(|v| v.as_u64()),
        status: opt(f.status),
        article: text(f.article),
        num: text(f.num),
        heading: highlight_all(&text(f.heading), marks.heading_terms, marks.analyzer),
        snippet,
        provisions,
        coverage: all(f.coverage),
        theme: opt(f.theme),
        obligation: opt(f.obligation),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ranges_parse() {
        let r = |s: &str| s.parse::<YearRange>().ok();
        assert_eq!(
            r("2013"),
            Some(YearRange {
                from: Some(2013),
                to: Some(2013)
            })
        );
        assert_eq!(
            r("2010..2015"),
            Some(YearRange {
                from: Some(2010),
                to: Some(2015)
            })
        );
        assert_eq!(
            r("..2015"),
            Some(YearRange {
                from: None,
                to: Some(2015)
            })
        );
        assert_eq!(
            r("٢٠١٣"),
            Some(YearRange {
                from: Some(2013),
                to: Some(2013)
            })
        );
        assert_eq!(r("2015..2010"), None);
        assert_eq!(r(".."), None);
        assert_eq!(r("13"), None);
    }

    #[test]
    fn char_ranges_count_characters_not_bytes() {
        let h = Highlighted {
            text: "يعاقب على الاتجار".to_owned(),
            highlights: std::iter::once(18..32).collect(),
        };
        assert_eq!(&h.text[18..32], "الاتجار");
        assert_eq!(h.char_ranges(), [[10, 17]]);
    }

    #[test]
    fn tidy_collapses_white_space_and_keeps_highlights_on_their_words() {
        let text = "  يعاقب.\n\nعلى  الاتجار ";
        assert_eq!(&text[23..37], "الاتجار");
        let t = Highlighted {
            text: text.to_owned(),
            highlights: vec![2..12, 23..37],
        }
        .tidy();
        assert_eq!(t.text, "يعاقب. على الاتجار");
        assert_eq!(&t.text[t.highlights[0].clone()], "يعاقب");
        assert_eq!(&t.text[t.highlights[1].clone()], "الاتجار");
    }

    #[test]
    fn lead_cuts_at_a_character_boundary() {
        let text = "يعاقب ".repeat(100);
        let l = lead(&text, 101);
        assert!(l.ends_with('…'));
        assert!(l.len() <= 101 + '…'.len_utf8());
    }

    #[test]
    fn unknown_statuses_and_ids_are_filter_errors() {
        let f = Filters {
            statuses: vec!["ful".into()],
            ..Filters::default()
        };
        assert!(matches!(f.validate(), Err(SearchError::Filter { .. })));
        let f = Filters {
            provisions: vec!["../etc".into()],
            ..Filters::default()
        };
        assert!(f.validate().is_err());
        let f = Filters {
            works: vec!["/akn/kw/act/2013/91".into(), "tip".into()],
            provisions: vec!["tip".into(), "tip/art_3__para_a#means".into()],
            statuses: vec!["in-force".into(), "missing".into()],
            ..Filters::default()
        };
        assert!(f.validate().is_ok());
        let f = Filters {
            works: vec!["/akn/kw/act/2013/91/ara@2019-04-09".into()],
            ..Filters::default()
        };
        assert!(f.validate().is_ok());
        assert_eq!(work_of(&f.works[0]), "/akn/kw/act/2013/91");
        for bad in ["/akn/kw/act/2013/91/", "/akn/kw/act/2013/91/~art_2"] {
            let f = Filters {
                works: vec![bad.into()],
                ..Filters::default()
            };
            assert!(f.validate().is_err(), "{bad}");
        }
    }
}
