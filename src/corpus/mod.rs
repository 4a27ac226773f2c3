//! The statute model and its Markdown reader.
//!
//! A *work* is a law as an abstract thing (`/akn/kw/act/2013/91`); an
//! *expression* is that work in one language, read from one Markdown file.
//! Expressions hold containers (parts, chapters, sections) and articles;
//! articles hold numbered paragraphs, which hold points. Every element keeps
//! its eId and the byte span it was read from.

mod heading;
mod points;
mod reader;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{FrbrUri, WorkId};

pub use heading::{HeadingKind, article_reference, classify as classify_heading, number_in_words};
pub use reader::{MAX_LIST_DEPTH, parse_article_body, parse_body, read_expression};

pub use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkStatus {
    InForce,
    Repealed,
    PartlyRepealed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Authority {
    Official,
    UnofficialTranslation,
    UnofficialSummary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extent {
    #[default]
    Complete,
    Selection,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub gazette: String,
    #[serde(default)]
    pub issue: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
}

/// The front matter of a statute expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatuteMeta {
    pub work: WorkId,
    pub lang: Lang,
    pub title: String,
    #[serde(default)]
    pub short_title: Option<String>,
    /// Titles in other languages, by language code.
    #[serde(default)]
    pub titles: BTreeMap<String, String>,
    /// The date the law was signed or promulgated, when known.
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub publication: Option<Publication>,
    #[serde(default)]
    pub in_force: Option<Date>,
    pub status: WorkStatus,
    pub authority: Authority,
    pub source: String,
    #[serde(default)]
    pub version_date: Option<Date>,
    #[serde(default)]
    pub extent: Extent,
    #[serde(default)]
    pub omitted: Option<String>,
    #[serde(default)]
    pub repealed_by: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl StatuteMeta {
    /// The date the text is current to, when any date is known.
    pub fn version_date(&self) -> Option<Date> {
        self.version_date.or(self.in_force).or(self.date)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContainerKind {
    Part,
    Book,
    Chapter,
    /// A division of a chapter (الفرع): Akoma Ntoso's `subchapter`.
    Subchapter,
    Section,
    /// A heading that names no known container.
    Hcontainer,
    /// The issuing articles of a law (مواد الإصدار), kept apart from its
    /// own: an `hcontainer` named `issuing`, whose articles' eIds carry
    /// its eId (`hcontainer_issuing__art_1`).
    Issuing,
}

impl ContainerKind {
    /// The eId prefix (`chp`).
    pub fn eid_prefix(self) -> &'static str {
        match self {
            ContainerKind::Part => "part",
            ContainerKind::Book => "book",
            ContainerKind::Chapter => "chp",
            ContainerKind::Subchapter => "subchp",
            ContainerKind::Section => "sec",
            ContainerKind::Hcontainer | ContainerKind::Issuing => "hcontainer",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Container {
    pub eid: String,
    pub kind: ContainerKind,
    /// The number as written (`One`, `الأول`, `2`).
    pub num: Option<String>,
    pub heading: Option<String>,
    /// The whole heading text as written.
    pub text: String,
    /// Markdown heading level (1-6).
    pub level: u8,
    pub parent: Option<usize>,
    /// Paragraphs between the heading and its first child.
    pub intro: Vec<String>,
    #[serde(skip)]
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    pub eid: String,
    /// The label as written (`a`, `1`, `أ`).
    pub label: String,
    pub text: String,
    pub points: Vec<Point>,
    #[serde(skip)]
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub eid: String,
    pub num: usize,
    pub text: String,
    pub points: Vec<Point>,
    #[serde(skip)]
    pub span: Range<usize>,
}

impl Paragraph {
    /// The paragraph's text followed by its points', one per line.
    pub fn full_text(&self) -> String {
        let mut out = self.text.clone();
        fn walk(points: &[Point], out: &mut String) {
            for p in points {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&format!("({}) {}", p.label, p.text));
                walk(&p.points, out);
            }
        }
        walk(&self.points, &mut out);
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    pub eid: String,
    /// The number as written (`2 bis`, `(٢)`).
    pub num: String,
    pub heading: Option<String>,
    /// Index into the expression's containers.
    pub container: Option<usize>,
    pub paragraphs: Vec<Paragraph>,
    /// The span of the heading line.
    #[serde(skip)]
    pub span: Range<usize>,
}

impl Article {
    /// All text of the article, paragraph by paragraph.
    pub fn text(&self) -> String {
        self.paragraphs
            .iter()
            .map(Paragraph::full_text)
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// One work in one language, as read from one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expression {
    #[serde(skip)]
    pub path: Arc<Path>,
    pub meta: StatuteMeta,
    /// Paragraphs before the first heading.
    pub preamble: Vec<String>,
    pub containers: Vec<Container>,
    /// Shared, so that versions of the expression (see
    /// [`crate::amend::Version`]) hold the articles they leave unchanged
    /// without copying them.
    pub articles: Vec<Arc<Article>>,
}

impl Expression {
    pub fn work(&self) -> &WorkId {
        &self.meta.work
    }

    pub fn lang(&self) -> Lang {
        self.meta.lang
    }

    /// The Akoma Ntoso expression id: `/akn/kw/act/2013/91/eng@2013-03-17`.
    /// With no known date it ends in `@`, which Akoma Ntoso reads as the
    /// original version.
    pub fn id(&self) -> String {
        FrbrUri::of(&self.meta.work)
            .expression_at(self.meta.lang.iso639_2(), self.meta.version_date())
            .to_string()
    }

    pub fn article(&self, eid: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.eid == eid).map(|a| &**a)
    }

    /// The containers enclosing an article, outermost first.
    pub fn container_path(&self, article: &Article) -> Vec<&Container> {
        let mut path = Vec::new();
        let mut next = article.container;
        while let Some(i) = next {
            let Some(c) = self.containers.get(i) else {
                break;
            };
            path.push(c);
            next = c.parent;
        }
        path.reverse();
        path
    }
}

/// A work and its expressions (at most one per language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Work {
    pub id: WorkId,
    pub expressions: Vec<Expression>,
}

impl Work {
    pub fn expression(&self, lang: Lang) -> Option<&Expression> {
        self.expressions.iter().find(|e| e.lang() == lang)
    }

    /// The expression to show when no language is asked for: English if
    /// present, else the first.
    pub fn primary(&self) -> &Expression {
        self.expression(Lang::EN).unwrap_or(&self.expressions[0])
    }

    /// The work's title in `lang`, from that expression or the `titles` field.
    pub fn title(&self, lang: Lang) -> &str {
        if let Some(e) = self.expression(lang) {
            return &e.meta.title;
        }
        self.expressions
            .iter()
            .find_map(|e| e.meta.titles.get(lang.code()))
            .map_or(self.primary().meta.title.as_str(), String::as_str)
    }
}
