//! What an FRBR URI names in the workspace, and where it lives: the work,
//! the language, the version, the component, the portion (an article, a
//! container, a paragraph or a point), and the file and line that hold it.
//! `mizan resolve` prints this; `show` uses the same steps.

use std::path::Path;
use std::sync::Arc;

use crate::amend::{Version, VersionError, history};
use crate::corpus::{Expression, Lang, Work};
use crate::diag::{display_path, line_col};
use crate::ids::{FrbrUri, PointInTime, UriFormat};
use crate::text::did_you_mean_nearest;

use super::Workspace;

/// A URI and what it names.
#[derive(Debug, Clone)]
pub struct Resolved<'w> {
    pub uri: FrbrUri,
    pub work: &'w Work,
    /// The language the URI names, if it names one.
    pub language: Option<Lang>,
    pub point_in_time: PointInTime,
    /// The version of the text the URI names (the latest without a date).
    pub version: Version,
    /// `["main"]`, or empty when the URI names no component.
    pub components: Vec<String>,
    pub portion: Option<Portion>,
    pub format: Option<UriFormat>,
    /// Where it lives.
    pub location: Location,
}

/// The kind of part of a statute a portion names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortionKind {
    Article,
    Container,
    Paragraph,
    Point,
}

impl PortionKind {
    pub fn name(self) -> &'static str {
        match self {
            PortionKind::Article => "article",
            PortionKind::Container => "container",
            PortionKind::Paragraph => "paragraph",
            PortionKind::Point => "point",
        }
    }
}

/// A portion found in the text: its eId as the text has it (without the
/// containers a nested eId may name first), its kind, and the article
/// that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portion {
    pub eid: String,
    pub kind: PortionKind,
    /// The article's eId for an article, paragraph or point.
    pub article: Option<String>,
    /// The heading as written (`Article 2: Definitions`, `الفصل الأول`).
    pub label: String,
}

/// A place in the workspace: a file (relative to the workspace), and the
/// line and column there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: Arc<Path>,
    pub line: usize,
    pub column: usize,
    /// The amendment whose text holds it, when the statute file does not.
    pub amendment: Option<String>,
}

/// Why a URI names nothing in the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveError {
    pub message: String,
    pub help: Option<String>,
}

impl ResolveError {
    fn new(message: impl Into<String>) -> Self {
        ResolveError {
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ResolveError {}

impl Workspace {
    /// What `uri` names here; an error says which part names nothing.
    pub fn resolve(&self, uri: &FrbrUri) -> Result<Resolved<'_>, ResolveError> {
        let work = self.work(uri.work.as_str()).ok_or_else(|| {
            ResolveError::new(format!("no work `{}` in the workspace", uri.work)).help(
                did_you_mean_nearest(uri.work.as_str(), self.works.iter().map(|w| w.id.as_str())),
            )
        })?;
        let language = self.uri_language(uri, work)?;
        let point_in_time = uri
            .expression
            .as_ref()
            .map_or(PointInTime::Latest, |e| e.version);
        let version = self.uri_version(work, point_in_time)?;
        if let Some(c) = uri.components.iter().find(|c| *c != "main") {
            return Err(ResolveError::new(format!(
                "no component `!{c}` in `{}`: its statute files hold one component, `!main`",
                work.id
            )));
        }
        if uri.components.len() > 1 {
            return Err(ResolveError::new(format!(
                "`!main` of `{}` has no nested components",
                work.id
            )));
        }
        let as_read = language
            .and_then(|l| work.expression(l))
            .unwrap_or(&work.expressions[0]);
        let (portion, location) = match &uri.portion {
            Some(eid) => {
                let text = version
                    .expression(as_read.meta.lang)
                    .map(|c| &c.expression)
                    .unwrap_or(as_read);
                let portion = find_portion(text, eid).ok_or_else(|| {
                    ResolveError::new(format!(
                        "no portion `~{eid}` in `{}` ({})",
                        work.id,
                        version.label()
                    ))
                    .help(did_you_mean_nearest(
                        eid,
                        text.articles.iter().map(|a| a.eid.as_str()),
                    ))
                })?;
                let location = self.portion_location(as_read, &version, &portion);
                (Some(portion), location)
            }
            None => (None, self.location(&as_read.path, 0, None)),
        };
        Ok(Resolved {
            uri: uri.clone(),
            work,
            language,
            point_in_time,
            version,
            components: uri.components.clone(),
            portion,
            format: uri.format,
            location,
        })
    }

    /// The language the URI names, which the work must have.
    fn uri_language(&self, uri: &FrbrUri, work: &Work) -> Result<Option<Lang>, ResolveError> {
        let Some(e) = &uri.expression else {
            return Ok(None);
        };
        let lang = Lang::from_iso639_2(&e.language).ok_or_else(|| {
            let known: Vec<String> = Lang::all()
                .iter()
                .map(|l| format!("`{}`", l.iso639_2()))
                .collect();
            ResolveError::new(format!(
                "`{}` is not a language of the workspace",
                e.language
            ))
            .help(Some(format!("use {}", known.join(" or "))))
        })?;
        if work.expression(lang).is_none() {
            return Err(ResolveError::new(format!(
                "`{}` has no {} expression",
                work.id,
                lang.iso639_2()
            )));
        }
        Ok(Some(lang))
    }

    /// The version a point in time names: `@` the text as first enacted
    /// (as read, before any amendment mizan applies), `@DATE` and `:DATE`
    /// the text in force on that date, none the latest. An expression
    /// dated before the work came into force (its signature or version
    /// date, which the exports write: `eng@2013-03-17` of a law in force
    /// from 2013-04-17) names the text as first enacted.
    pub fn uri_version(&self, work: &Work, at: PointInTime) -> Result<Version, ResolveError> {
        let failed = |e: VersionError| match e {
            VersionError::Invalid(_) => ResolveError::new(format!(
                "the amendments of `{}` do not apply; `mizan check` says why",
                work.id
            )),
            VersionError::Unavailable(m) => ResolveError::new(m),
        };
        let h = history(work, &self.amendments).map_err(|d| failed(VersionError::Invalid(d)))?;
        let first_dated = work
            .expressions
            .iter()
            .flat_map(|e| [e.meta.date, e.meta.version_date()])
            .flatten()
            .min();
        match at {
            PointInTime::Original => Ok(h.versions[0].clone()),
            PointInTime::At(d) | PointInTime::Amended(d)
                if h.start().is_some_and(|s| d < s) && first_dated.is_some_and(|f| f <= d) =>
            {
                Ok(h.versions[0].clone())
            }
            other => self
                .version(work.id.as_str(), other.date(), &[])
                .map_err(failed),
        }
    }

    /// The file, line and column of `offset` in `path`.
    fn location(&self, path: &Arc<Path>, offset: usize, amendment: Option<String>) -> Location {
        let (line, column) = self
            .sources
            .get(path)
            .map_or((1, 1), |text| line_col(text, offset));
        Location {
            path: Arc::from(display_path(path, &self.root)),
            line,
            column,
            amendment,
        }
    }

    /// Where a portion is written: in the statute file when it holds the
    /// portion, else in the amendment that inserted it.
    fn portion_location(&self, as_read: &Expression, version: &Version, p: &Portion) -> Location {
        if let Some(span) = span_of(as_read, &p.eid) {
            return self.location(&as_read.path, span, None);
        }
        let key = p.article.as_deref().unwrap_or(&p.eid);
        let by = version
            .expression(as_read.meta.lang)
            .and_then(|c| c.changes_of(key).last())
            .and_then(|prov| self.amendment(&prov.amendment));
        match by {
            Some(a) => self.location(&a.path, 0, Some(a.id.clone())),
            None => self.location(&as_read.path, 0, None),
        }
    }
}

/// The portion `eid` in an expression. A nested eId (`chp_1__art_3`) may
/// name containers before the article: each must hold what follows it.
fn find_portion(text: &Expression, eid: &str) -> Option<Portion> {
    if let Some(p) = find_exact(text, eid) {
        return Some(p);
    }
    let (head, rest) = eid.split_once("__")?;
    let container = text.containers.iter().position(|c| c.eid == head)?;
    let inner = find_portion(text, rest)?;
    let inside = match inner.kind {
        PortionKind::Container => {
            let c = text.containers.iter().find(|c| c.eid == inner.eid)?;
            ancestors(text, c.parent).any(|i| i == container)
        }
        _ => {
            let a = text
                .articles
                .iter()
                .find(|a| Some(&a.eid) == inner.article.as_ref())?;
            ancestors(text, a.container).any(|i| i == container)
        }
    };
    inside.then_some(inner)
}

/// A container and the containers above it, innermost first.
fn ancestors(text: &Expression, start: Option<usize>) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(start, |i| text.containers.get(*i).and_then(|c| c.parent))
}

fn find_exact(text: &Expression, eid: &str) -> Option<Portion> {
    if let Some(c) = text.containers.iter().find(|c| c.eid == eid) {
        return Some(Portion {
            eid: eid.to_owned(),
            kind: PortionKind::Container,
            article: None,
            label: c.text.clone(),
        });
    }
    let a = article_of(text, eid)?;
    let label = text.meta.lang.article_label(&a.num, a.heading.as_deref());
    let kind = if a.eid == eid {
        PortionKind::Article
    } else if a.paragraphs.iter().any(|p| p.eid == eid) {
        PortionKind::Paragraph
    } else if a.paragraphs.iter().any(|p| has_point(&p.points, eid)) {
        PortionKind::Point
    } else {
        return None;
    };
    Some(Portion {
        eid: eid.to_owned(),
        kind,
        article: Some(a.eid.clone()),
        label,
    })
}

/// The article an eId is or lies in: its own eId, or one it starts with
/// (`art_2__para_1`; `hcontainer_issuing__art_2__para_1` in an issuing
/// article, whose eId has two components).
fn article_of<'a>(text: &'a Expression, eid: &str) -> Option<&'a crate::corpus::Article> {
    text.articles
        .iter()
        .find(|a| {
            eid.strip_prefix(a.eid.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with("__"))
        })
        .map(|a| &**a)
}

fn has_point(points: &[crate::corpus::Point], eid: &str) -> bool {
    points
        .iter()
        .any(|p| p.eid == eid || has_point(&p.points, eid))
}

/// The byte offset where `eid` is written in the file, if it is there.
fn span_of(text: &Expression, eid: &str) -> Option<usize> {
    if let Some(c) = text.containers.iter().find(|c| c.eid == eid) {
        return Some(c.span.start);
    }
    let a = article_of(text, eid)?;
    if a.eid == eid {
        return Some(a.span.start);
    }
    fn point_span(points: &[crate::corpus::Point], eid: &str) -> Option<usize> {
        points.iter().find_map(|p| {
            if p.eid == eid {
                Some(p.span.start)
            } else {
                point_span(&p.points, eid)
            }
        })
    }
    a.paragraphs.iter().find_map(|p| {
        if p.eid == eid {
            Some(p.span.start)
        } else {
            point_span(&p.points, eid)
        }
    })
}
