//! Which edits reach no page but their works' own, for [`super::update`]:
//! an edit of the text of articles (their paragraphs and points) that
//! keeps every article, its number, heading, place and the eIds of its
//! paragraphs and points, in a work no amendment amends. The other pages
//! (the lists, standards and gap pages, the amendments, the history) and
//! the downloads are made from the mappings, the standards, the
//! amendments, the settings and the works' shape (titles, articles,
//! eIds), never from the text of an article no amendment changes; so
//! after such an edit they are the same, and an update takes them over
//! from the last build rather than building them again (at 100,000
//! articles, building them took some 3 s of a 4.5 s update). Two pages
//! are built again all the same: the report, whose revision hashes every
//! file read, and the list of works, with the pages of the works.

use std::sync::Arc;

use crate::amend::Amendment;
use crate::corpus::{Article, Container, Expression, Paragraph, Point, Work};
use crate::date::Date;
use crate::settings::Settings;
use crate::standards::{Glossary, Instrument, Mapping, Questionnaire};
use crate::workspace::Workspace;

use super::DownloadFile;
use super::scope::{Scope, work_slug};

/// What the pages and files beside the works' were last built from, and
/// what of them an update whose edit reaches no other page takes over.
pub struct Reach {
    settings: Settings,
    glossary: Glossary,
    questionnaires: Vec<Questionnaire>,
    instruments: Vec<Instrument>,
    mappings: Vec<Mapping>,
    amendments: Vec<Amendment>,
    /// The text of the report as published (`[gaps.last_report]`), which
    /// the "since the last report" pages compare with, wherever it is.
    published: Option<String>,
    /// The day of the build (a page may show it).
    date: Date,
    pub(super) downloads: Vec<DownloadFile>,
    /// The files beside the pages but the assets.
    pub(super) data: Vec<(String, Vec<u8>)>,
    /// The pages not under a work's folder.
    pub(super) pages: Vec<String>,
}

/// The paths of `pages` that are not under a work's folder, as
/// [`Reach::new`] keeps them.
pub fn beside_works<'p>(pages: impl IntoIterator<Item = &'p str>) -> Vec<String> {
    pages
        .into_iter()
        .filter(|p| work_slug(p).is_none())
        .map(str::to_owned)
        .collect()
}

impl Reach {
    /// What a build of `ws` made: `pages` is the path of every page of it
    /// not under a work's folder ([`beside_works`]).
    pub fn new(
        ws: &Workspace,
        pages: Vec<String>,
        downloads: Vec<DownloadFile>,
        data: Vec<(String, Vec<u8>)>,
    ) -> Reach {
        Reach {
            settings: ws.settings.clone(),
            glossary: ws.glossary.clone(),
            questionnaires: ws.questionnaires.clone(),
            instruments: ws.instruments.clone(),
            mappings: ws.mappings.clone(),
            amendments: ws.amendments.clone(),
            published: published(ws),
            date: Date::today(),
            downloads,
            data,
            pages,
        }
    }

    /// Whether the edits from the works of `scope` (as last built) to
    /// those of `ws` reach no page but the works' own: everything else
    /// the same, on the same day, and every work changed only in the text
    /// of its articles, and amended by no amendment.
    pub fn works_only(&self, ws: &Workspace, scope: &Scope) -> bool {
        self.settings == ws.settings
            && self.glossary == ws.glossary
            && self.questionnaires == ws.questionnaires
            && self.instruments == ws.instruments
            && self.mappings == ws.mappings
            && self.amendments == ws.amendments
            && self.date == Date::today()
            && self.published == published(ws)
            && scope.works() == ws.works.len()
            && ws.works.iter().all(|w| match scope.work(w.id.as_str()) {
                Some(old) if old == w => true,
                Some(old) => same_shape(old, w) && !ws.amendments.iter().any(|a| a.amends == w.id),
                None => false,
            })
    }
}

/// The text of the report as published, when the settings name one and it
/// can be read.
fn published(ws: &Workspace) -> Option<String> {
    let last = ws.settings.gaps.last_report.as_ref()?;
    std::fs::read_to_string(ws.root.join(last.file.as_ref()?)).ok()
}

/// Whether two versions of a work differ at most in the text of their
/// articles' paragraphs and points.
pub fn same_shape(a: &Work, b: &Work) -> bool {
    a.id == b.id
        && a.expressions.len() == b.expressions.len()
        && a.expressions
            .iter()
            .zip(&b.expressions)
            .all(|(a, b)| same_expression(a, b))
}

fn same_expression(a: &Expression, b: &Expression) -> bool {
    a.path == b.path
        && a.meta == b.meta
        && a.preamble == b.preamble
        && a.containers.len() == b.containers.len()
        && a.containers.iter().zip(&b.containers).all(|(a, b)| {
            // Where each sits in the file (its span) moves with any edit
            // above it.
            Container {
                span: b.span.clone(),
                ..a.clone()
            } == *b
        })
        && a.articles.len() == b.articles.len()
        && a.articles
            .iter()
            .zip(&b.articles)
            .all(|(a, b)| Arc::ptr_eq(a, b) || same_article(a, b))
}

fn same_article(a: &Article, b: &Article) -> bool {
    a.eid == b.eid
        && a.num == b.num
        && a.heading == b.heading
        && a.container == b.container
        && a.paragraphs.len() == b.paragraphs.len()
        && a.paragraphs
            .iter()
            .zip(&b.paragraphs)
            .all(|(a, b): (&Paragraph, &Paragraph)| {
                a.eid == b.eid && a.num == b.num && same_points(&a.points, &b.points)
            })
}

fn same_points(a: &[Point], b: &[Point]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(a, b)| a.eid == b.eid && a.label == b.label && same_points(&a.points, &b.points))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::WorkId;

    const LAW: &str = "---\nwork: /akn/kw/act/2014/7\nlang: en\ntitle: A law\n\
        status: in-force\nauthority: unofficial-summary\nsource: A test\n\
        version_date: 2014-01-01\n---\n\n\
        ## Article 1: Scope\n\nThis law applies to employers.\n\n\
        It also covers:\n\n1. agencies;\n2. brokers.\n\n\
        # Chapter Two: Penalties\n\n## Article 2: Fines\n\nA fine applies.\n";

    fn work(text: &str) -> Work {
        let path: Arc<std::path::Path> =
            Arc::from(std::path::Path::new("corpus/kw/act-2014-7.en.md"));
        let (e, d) = crate::corpus::read_expression(&path, text);
        let e = e.unwrap_or_else(|| panic!("{d:?}"));
        Work {
            id: WorkId::parse("/akn/kw/act/2014/7").unwrap(),
            expressions: vec![e],
        }
    }

    #[test]
    fn only_the_text_of_paragraphs_and_points_may_change() {
        let law = work(LAW);
        let edited = |from: &str, to: &str| {
            assert!(LAW.contains(from), "{from}");
            work(&LAW.replace(from, to))
        };
        for (from, to) in [
            ("applies to employers", "applies to all employers"),
            ("2. brokers.", "2. brokers of labour."),
            ("A fine applies.", "A fine of a thousand dinars applies."),
        ] {
            assert!(same_shape(&law, &edited(from, to)), "{to}");
        }
        for (from, to) in [
            // A heading, a title, a new paragraph, a new point, a number,
            // a chapter's heading.
            ("Article 1: Scope", "Article 1: Purpose"),
            ("title: A law", "title: Another law"),
            ("brokers.\n", "brokers.\n\nAnd recruiters.\n"),
            ("2. brokers.", "2. brokers;\n3. recruiters."),
            ("Article 1: Scope", "Article 3: Scope"),
            ("Chapter Two: Penalties", "Chapter Two: Sanctions"),
        ] {
            assert!(!same_shape(&law, &edited(from, to)), "{to}");
        }
    }
}
