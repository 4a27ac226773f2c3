//! The index schema: which fields a document has, how each is indexed, and
//! the version that tells an old index on disk to rebuild.
//!
//! Field names are part of the query language (`heading:penalty`,
//! `year:[2010 TO 2015]`), so they are user-facing and documented in the
//! book's search chapter.

use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

use super::analysis::ANALYZER;
use super::documents::IndexDoc;

/// Bump when the schema, the analyser or the document builder changes in a
/// way that old indexes cannot be refreshed into: an index of another
/// version is rebuilt from scratch.
/// 3: the manifest moved out of the commit payload into a file of its own.
pub const SCHEMA_VERSION: u32 = 3;

/// The fields of every indexed document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The stable id: an article id (`/akn/kw/act/2013/91/~art_2`) or a
    /// provision reference (`tip/art_6__para_3`).
    pub id: Field,
    /// `article` or `provision`.
    pub kind: Field,
    /// The work id of an article, the instrument id of a provision.
    pub work: Field,
    /// The Akoma Ntoso expression id of an article (stored only).
    pub expression: Field,
    /// The work's or instrument's title (analysed).
    pub title: Field,
    /// `en` or `ar`.
    pub lang: Field,
    /// The work's year; the instrument's adoption year.
    pub year: Field,
    /// The work's status (`in-force`, `repealed`, `partly-repealed`).
    pub status: Field,
    /// The normalised article number (`2bis`) or provision eId.
    pub article: Field,
    /// The article number as written, or the provision's citation (stored only).
    pub num: Field,
    pub heading: Field,
    pub body: Field,
    /// Mapped provisions as facets: `/tip/art_3__para_a/means`.
    pub provision: Field,
    /// Mapping statuses: of the entries citing an article; of a provision's
    /// own entries (`unassessed` when it has none).
    pub coverage: Field,
    /// A provision's theme and obligation grade.
    pub theme: Field,
    pub obligation: Field,
    /// The workspace file a document was built from, relative to the
    /// workspace (internal: what an incremental refresh replaces).
    pub source: Field,
    /// A stable number per document (a hash of its id and language) that
    /// orders equal scores the same way in every index (internal).
    pub tiebreak: Field,
}

/// The schema and its fields.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |stored: bool| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let options = TextOptions::default().set_indexing_options(indexing);
        if stored {
            options.set_stored()
        } else {
            options
        }
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        work: b.add_text_field("work", STRING | STORED),
        expression: b.add_text_field("expression", STORED),
        title: b.add_text_field("title", text(true)),
        lang: b.add_text_field("lang", STRING | STORED),
        year: b.add_u64_field("year", INDEXED | STORED | FAST),
        status: b.add_text_field("status", STRING | STORED),
        article: b.add_text_field("article", STRING | STORED),
        num: b.add_text_field("num", STORED),
        heading: b.add_text_field("heading", text(true)),
        body: b.add_text_field("body", text(true)),
        provision: b.add_facet_field("provision", FacetOptions::default().set_stored()),
        coverage: b.add_text_field("coverage", STRING | STORED),
        theme: b.add_text_field("theme", STRING | STORED),
        obligation: b.add_text_field("obligation", STRING | STORED),
        source: b.add_text_field("source", STRING),
        tiebreak: b.add_u64_field("tiebreak", FAST),
    };
    (b.build(), fields)
}

/// The tie-break number of a document: FNV-1a of its id and language.
pub fn tiebreak(d: &IndexDoc) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::hash::Fnv::default();
    h.write(d.id.as_bytes());
    h.write(&[0]);
    h.write(d.lang.code().as_bytes());
    h.finish()
}

/// The facet of a provision reference `tip/art_3__para_a#means`:
/// `/tip/art_3__para_a/means`. A bare instrument id `tip` gives `/tip`.
pub fn provision_facet(reference: &str) -> Facet {
    let (path, element) = match reference.split_once('#') {
        Some((p, e)) => (p, Some(e)),
        None => (reference, None),
    };
    let mut parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    parts.extend(element);
    Facet::from_path(parts)
}

/// The reference a provision facet stands for (the inverse of
/// [`provision_facet`]).
pub fn facet_reference(facet: &Facet) -> String {
    let parts: Vec<&str> = facet.to_path();
    match parts.as_slice() {
        [standard, provision, element] => format!("{standard}/{provision}#{element}"),
        _ => parts.join("/"),
    }
}

impl Fields {
    /// Looks the fields up in an index's schema (which may have been written
    /// by another version: a missing field means it must be rebuilt).
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            id: f("id")?,
            kind: f("kind")?,
            work: f("work")?,
            expression: f("expression")?,
            title: f("title")?,
            lang: f("lang")?,
            year: f("year")?,
            status: f("status")?,
            article: f("article")?,
            num: f("num")?,
            heading: f("heading")?,
            body: f("body")?,
            provision: f("provision")?,
            coverage: f("coverage")?,
            theme: f("theme")?,
            obligation: f("obligation")?,
            source: f("source")?,
            tiebreak: f("tiebreak")?,
        })
    }

    /// The tantivy document for one of ours.
    pub fn document(&self, d: &IndexDoc) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.id, &d.id);
        doc.add_text(self.kind, d.kind.as_str());
        doc.add_text(self.work, &d.work);
        if let Some(e) = &d.expression {
            doc.add_text(self.expression, e);
        }
        doc.add_text(self.title, &d.title);
        doc.add_text(self.lang, d.lang.code());
        if let Some(y) = d.year {
            doc.add_u64(self.year, u64::from(y));
        }
        if let Some(s) = &d.status {
            doc.add_text(self.status, s);
        }
        doc.add_text(self.article, &d.article);
        doc.add_text(self.num, &d.num);
        doc.add_text(self.heading, &d.heading);
        doc.add_text(self.body, &d.body);
        for p in &d.provisions {
            doc.add_facet(self.provision, provision_facet(p));
        }
        for c in &d.coverage {
            doc.add_text(self.coverage, c.as_str());
        }
        if let Some(t) = &d.theme {
            doc.add_text(self.theme, t);
        }
        if let Some(o) = &d.obligation {
            doc.add_text(self.obligation, o);
        }
        doc.add_text(self.source, &d.source);
        doc.add_u64(self.tiebreak, tiebreak(d));
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provision_references_round_trip_through_facets() {
        for r in ["tip/art_6__para_3", "tip/art_3__para_a#means"] {
            assert_eq!(facet_reference(&provision_facet(r)), r);
        }
        assert_eq!(provision_facet("tip").to_path_string(), "/tip");
    }

    #[test]
    fn fields_are_found_again_in_the_schema() {
        let (schema, fields) = build();
        let found = Fields::from_schema(&schema).expect("every field");
        assert_eq!(found.body, fields.body);
        assert_eq!(found.source, fields.source);
    }
}
