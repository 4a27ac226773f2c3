//! Reads one statute expression from Markdown: front matter, then a body
//! whose headings are articles and containers.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::hash::FastMap;
use crate::ids::check_eid;
use crate::lang::Lang;
use crate::source::split_front_matter;
use crate::text::{collapse_whitespace, collapse_whitespace_owned};
use crate::yaml::Block;

use super::heading::{HeadingKind, MAX_ARTICLE_DIGITS, classify};
use super::points::{assign_point_eids, explicit_label};
use super::{Article, Container, ContainerKind, Expression, Paragraph, Point, StatuteMeta};

/// Reads a statute expression from its file text. Returns the expression
/// (when the front matter could be read) and every problem found.
pub fn read_expression(path: &Arc<Path>, text: &str) -> (Option<Expression>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let split = match split_front_matter(text, path) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let block = Block {
        yaml: &text[split.yaml.clone()],
        base: split.yaml.start,
        path,
    };
    let meta: StatuteMeta = match block.parse() {
        Ok(m) => m,
        Err(d) => {
            diags.push(d);
            // The body is still read, so that its problems are reported too.
            parse_body(path, text, split.body, Lang::EN, &mut diags);
            return (None, diags);
        }
    };
    if let Some(expected) = lang_from_file_name(path)
        && expected != meta.lang.code()
    {
        let at = text[split.yaml.clone()]
            .find("lang:")
            .map(|i| split.yaml.start + i..split.yaml.start + i + 5);
        diags.push(
            Diagnostic::error(
                Code::LangMismatch,
                path,
                at,
                format!(
                    "`lang: {}` does not match the file name, which says `{expected}`",
                    meta.lang.code()
                ),
            )
            .with_help("name the file `<work>.<lang>.md` with the language of its text"),
        );
    }
    let body = parse_body(path, text, split.body.clone(), meta.lang, &mut diags);
    let expression = Expression {
        path: Arc::clone(path),
        meta,
        preamble: body.preamble,
        containers: body.containers,
        articles: body.articles.into_iter().map(Arc::new).collect(),
    };
    (Some(expression), diags)
}

/// The `xx` of `name.xx.md`, if the file name has one.
fn lang_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let (_, lang) = stem.rsplit_once('.')?;
    (lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase())).then(|| lang.to_owned())
}

/// The structure read from a Markdown body.
#[derive(Debug, Default)]
pub struct Body {
    pub preamble: Vec<String>,
    pub containers: Vec<Container>,
    pub articles: Vec<Article>,
}

/// How deep lists may nest (a point inside a point inside ...). Statutes
/// use three or four levels; the limit keeps a hostile file from costing
/// memory and time that grow with the square of its depth.
pub const MAX_LIST_DEPTH: usize = 16;

/// Lists nested past [`MAX_LIST_DEPTH`]: where they went too deep, how deep
/// they are now and the deepest seen.
struct TooDeep {
    start: usize,
    depth: usize,
    max: usize,
}

/// A list being read: its kind and the points gathered so far.
struct ListState {
    ordered_next: Option<u64>,
    points: Vec<Point>,
}

/// An item being read.
struct ItemState {
    text: String,
    start: usize,
    children: Vec<Point>,
}

struct BodyBuilder<'a> {
    path: &'a Arc<Path>,
    /// The expression's language: unlabelled list items get its letters.
    lang: Lang,
    source: &'a str,
    base: usize,
    body: Body,
    /// Open containers: (heading level, index).
    open: Vec<(u8, usize)>,
    /// The article paragraphs go to, if any.
    article: Option<usize>,
    /// Paragraphs after a heading that could not be read are skipped.
    skipping: bool,
    /// Whether the last block closed was a paragraph (lists attach to it).
    after_paragraph: bool,
    lists: Vec<ListState>,
    items: Vec<ItemState>,
    text: Option<String>,
    heading: Option<(u8, Option<String>, usize)>,
    seen_articles: FastMap<String, Range<usize>>,
    seen_containers: FastMap<String, Range<usize>>,
    too_deep: Option<TooDeep>,
}

/// Parses the Markdown body lying at `range` of `text`. Spans are offsets in
/// `text`.
pub fn parse_body(
    path: &Arc<Path>,
    text: &str,
    range: Range<usize>,
    lang: Lang,
    diags: &mut Diagnostics,
) -> Body {
    run_builder(path, text, (range, lang), Body::default(), None, diags)
}

/// Parses the Markdown at `range` of `text` as the text of one article with
/// eId `eid` (the new text an amendment gives): its paragraphs and points
/// become `articles[0]` of the result. Headings in the range are read as
/// usual, so a caller that allows none can check that `articles` has one
/// element and `containers` none.
pub fn parse_article_body(
    path: &Arc<Path>,
    text: &str,
    range: Range<usize>,
    eid: &str,
    lang: Lang,
    diags: &mut Diagnostics,
) -> Body {
    let body = Body {
        articles: vec![Article {
            eid: eid.to_owned(),
            num: String::new(),
            heading: None,
            container: None,
            paragraphs: Vec::new(),
            span: range.start..range.start,
        }],
        ..Body::default()
    };
    run_builder(path, text, (range, lang), body, Some(0), diags)
}

fn run_builder(
    path: &Arc<Path>,
    text: &str,
    (range, lang): (Range<usize>, Lang),
    body: Body,
    article: Option<usize>,
    diags: &mut Diagnostics,
) -> Body {
    let base = range.start;
    let source = &text[range];
    let mut b = BodyBuilder {
        path,
        lang,
        source,
        base,
        body,
        open: Vec::new(),
        article,
        skipping: false,
        after_paragraph: false,
        lists: Vec::new(),
        items: Vec::new(),
        text: None,
        heading: None,
        seen_articles: FastMap::default(),
        seen_containers: FastMap::default(),
        too_deep: None,
    };
    let options = Options::ENABLE_HEADING_ATTRIBUTES;
    for (event, r) in Parser::new_ext(source, options).into_offset_iter() {
        let span = base + r.start..base + r.end;
        b.event(event, span, diags);
    }
    b.body
}

/// A paragraph's eId, `art_2__para_3` (written without the formatting
/// machinery: there is one per paragraph of every statute).
fn paragraph_eid(article: &str, num: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = num;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = std::str::from_utf8(&digits[at..]).unwrap_or("0");
    let mut eid = String::with_capacity(article.len() + 8 + digits.len());
    eid.push_str(article);
    eid.push_str("__para_");
    eid.push_str(digits);
    eid
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

impl BodyBuilder<'_> {
    fn event(&mut self, event: Event<'_>, span: Range<usize>, diags: &mut Diagnostics) {
        if self.nested_too_deep(&event, &span, diags) {
            return;
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some((level_number(level), id.map(|s| s.to_string()), span.start));
                self.text = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = self.text.take().unwrap_or_default();
                if let Some((level, id, start)) = self.heading.take() {
                    let end = start
                        + self.source[start - self.base..span.end - self.base]
                            .trim_end()
                            .len();
                    self.on_heading(level, id, &text, start..end, diags);
                }
            }
            Event::Start(Tag::Paragraph) => {
                if self.items.is_empty() {
                    self.text = Some(String::new());
                } else {
                    // A paragraph inside a list item: its text joins the item.
                    self.text = Some(String::new());
                }
            }
            Event::End(TagEnd::Paragraph) => {
                let text = collapse_whitespace_owned(self.text.take().unwrap_or_default());
                if let Some(item) = self.items.last_mut() {
                    if !item.text.is_empty() {
                        item.text.push(' ');
                    }
                    item.text.push_str(&text);
                } else {
                    self.on_paragraph(text, span);
                }
            }
            Event::Start(Tag::List(start)) => {
                self.flush_item_text();
                self.lists.push(ListState {
                    ordered_next: start,
                    points: Vec::new(),
                });
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(list) = self.lists.pop() {
                    if let Some(item) = self.items.last_mut() {
                        item.children.extend(list.points);
                    } else {
                        self.on_points(list.points, span);
                    }
                }
            }
            Event::Start(Tag::Item) => {
                self.items.push(ItemState {
                    text: String::new(),
                    start: span.start,
                    children: Vec::new(),
                });
                self.text = Some(String::new());
            }
            Event::End(TagEnd::Item) => {
                self.flush_item_text();
                if let Some(item) = self.items.pop() {
                    self.finish_item(item, span.end);
                }
                if !self.items.is_empty() {
                    self.text = Some(String::new());
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push_text(&t);
            }
            Event::InlineHtml(t) | Event::Html(t) => {
                // Raw HTML is never rendered: it is kept as the text it is.
                if self.text.is_none() {
                    self.text = Some(String::new());
                    self.push_text(&t);
                    let text = collapse_whitespace_owned(self.text.take().unwrap_or_default());
                    if !text.is_empty() {
                        self.on_paragraph(text, span);
                    }
                } else {
                    self.push_text(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::Start(Tag::CodeBlock(_)) => self.text = Some(String::new()),
            Event::End(TagEnd::CodeBlock) => {
                let text = collapse_whitespace_owned(self.text.take().unwrap_or_default());
                if !text.is_empty() {
                    self.on_paragraph(text, span);
                }
            }
            _ => {}
        }
    }

    /// Counts lists past [`MAX_LIST_DEPTH`] instead of reading them, and
    /// reports them once, with the deepest level, when they close. Returns
    /// whether the event was taken.
    fn nested_too_deep(
        &mut self,
        event: &Event<'_>,
        span: &Range<usize>,
        diags: &mut Diagnostics,
    ) -> bool {
        let depth = self.lists.len();
        match (&mut self.too_deep, event) {
            (None, Event::Start(Tag::List(_))) if depth >= MAX_LIST_DEPTH => {
                self.too_deep = Some(TooDeep {
                    start: span.start,
                    depth: depth + 1,
                    max: depth + 1,
                });
            }
            (None, _) => return false,
            (Some(deep), Event::Start(Tag::List(_))) => {
                deep.depth += 1;
                deep.max = deep.max.max(deep.depth);
            }
            (Some(deep), Event::End(TagEnd::List(_))) => {
                deep.depth -= 1;
                if deep.depth == depth {
                    let (start, max) = (deep.start, deep.max);
                    self.too_deep = None;
                    diags.push(
                        Diagnostic::error(
                            Code::ListsTooDeep,
                            self.path,
                            Some(start..start + 1),
                            format!(
                                "lists are nested {max} levels deep; at most {MAX_LIST_DEPTH} are allowed"
                            ),
                        )
                        .with_label(format!("level {} starts here", MAX_LIST_DEPTH + 1))
                        .with_help("write the deeper points as separate paragraphs or articles"),
                    );
                }
            }
            (Some(_), _) => {}
        }
        true
    }

    fn push_text(&mut self, t: &str) {
        if let Some(buf) = self.text.as_mut() {
            buf.push_str(t);
        }
    }

    /// Moves text gathered directly in a tight list item into the item.
    fn flush_item_text(&mut self) {
        if let Some(item) = self.items.last_mut()
            && let Some(t) = self.text.take()
        {
            let t = collapse_whitespace_owned(t);
            if !t.is_empty() {
                if !item.text.is_empty() {
                    item.text.push(' ');
                }
                item.text.push_str(&t);
            }
        }
    }

    fn finish_item(&mut self, item: ItemState, end: usize) {
        let Some(list) = self.lists.last_mut() else {
            return;
        };
        let index = list.points.len();
        let (label, text) = match list.ordered_next.as_mut() {
            Some(n) => {
                let label = n.to_string();
                *n += 1;
                (label, item.text)
            }
            None => match explicit_label(&item.text) {
                Some((label, rest)) => (label, rest.to_owned()),
                None => (self.lang.point_letter(index), item.text),
            },
        };
        list.points.push(Point {
            eid: String::new(),
            label,
            text,
            points: item.children,
            span: item.start..end,
        });
    }

    fn on_heading(
        &mut self,
        level: u8,
        explicit_id: Option<String>,
        raw: &str,
        span: Range<usize>,
        diags: &mut Diagnostics,
    ) {
        let text = collapse_whitespace(raw);
        self.after_paragraph = false;
        self.skipping = false;
        while self.open.last().is_some_and(|(l, _)| *l >= level) {
            self.open.pop();
        }
        let parent = self.open.last().map(|(_, i)| *i);
        if let Some(id) = &explicit_id
            && let Err(e) = check_eid(id)
        {
            diags.push(Diagnostic::error(
                Code::InvalidEid,
                self.path,
                Some(span.clone()),
                e.message,
            ));
            self.skipping = true;
            self.article = None;
            return;
        }
        match classify(&text) {
            HeadingKind::Article { number, title } => {
                let eid = explicit_id.unwrap_or_else(|| self.article_eid(&number.eid()));
                let article = Article {
                    eid,
                    num: number.display,
                    heading: title,
                    container: parent,
                    paragraphs: Vec::new(),
                    span,
                };
                self.open_article(article, diags);
            }
            HeadingKind::ArticleWithoutNumber => {
                diags.push(
                    Diagnostic::error(
                        Code::ArticleWithoutNumber,
                        self.path,
                        Some(span),
                        "article heading has no number",
                    )
                    .with_label("expected a number after the article word")
                    .with_help("write the number, for example `Article 2` or `المادة (٢)`"),
                );
                self.skipping = true;
                self.article = None;
            }
            HeadingKind::ArticleNumberTooLong(digits) => {
                diags.push(
                    Diagnostic::error(
                        Code::ArticleNumberTooLong,
                        self.path,
                        Some(span),
                        format!(
                            "the article number has {digits} digits; an article number has at most {MAX_ARTICLE_DIGITS}"
                        ),
                    )
                    .with_label("number too long")
                    .with_help("check the number: a statute has far fewer articles"),
                );
                self.skipping = true;
                self.article = None;
            }
            HeadingKind::Container {
                kind,
                number,
                title,
            } => self.open_container(
                kind,
                number,
                title,
                text,
                level,
                parent,
                explicit_id,
                span,
                diags,
            ),
            HeadingKind::Other => {
                let title = Some(text.clone());
                self.open_container(
                    ContainerKind::Hcontainer,
                    None,
                    title,
                    text,
                    level,
                    parent,
                    explicit_id,
                    span,
                    diags,
                )
            }
        }
    }

    /// An article's eId: its own, or, inside the issuing articles, prefixed
    /// by their container's eId, so that they never clash with the law's.
    fn article_eid(&self, own: &str) -> String {
        let issuing = self
            .open
            .iter()
            .rev()
            .map(|(_, i)| &self.body.containers[*i])
            .find(|c| c.kind == ContainerKind::Issuing);
        match issuing {
            Some(c) => format!("{}__{own}", c.eid),
            None => own.to_owned(),
        }
    }

    /// Starts an article, unless its number is taken.
    fn open_article(&mut self, article: Article, diags: &mut Diagnostics) {
        if let Some(first) = self.seen_articles.get(&article.eid) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateArticle,
                    self.path,
                    Some(article.span.clone()),
                    format!(
                        "two articles with the same number: `{}` is already used",
                        article.eid
                    ),
                )
                .with_label("second article with this number")
                .with_related(self.path, first.clone(), "first used here")
                .with_help("give each article its own number, or mark an inserted one `bis`"),
            );
            self.skipping = true;
            self.article = None;
            return;
        }
        self.seen_articles
            .insert(article.eid.clone(), article.span.clone());
        self.body.articles.push(article);
        self.article = Some(self.body.articles.len() - 1);
    }

    #[allow(clippy::too_many_arguments)]
    fn open_container(
        &mut self,
        kind: ContainerKind,
        number: Option<(String, u32)>,
        heading: Option<String>,
        text: String,
        level: u8,
        parent: Option<usize>,
        explicit_id: Option<String>,
        span: Range<usize>,
        diags: &mut Diagnostics,
    ) {
        let value = match &number {
            Some((_, v)) => *v as usize,
            None => {
                1 + self
                    .body
                    .containers
                    .iter()
                    .filter(|c| c.parent == parent && c.kind == kind)
                    .count()
            }
        };
        let own = match kind {
            ContainerKind::Issuing => "hcontainer_issuing".to_owned(),
            _ => format!("{}_{}", kind.eid_prefix(), value),
        };
        let eid = explicit_id.unwrap_or_else(|| match parent {
            Some(p) => format!("{}__{}", self.body.containers[p].eid, own),
            None => own,
        });
        if let Some(first) = self.seen_containers.get(&eid) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateContainer,
                    self.path,
                    Some(span.clone()),
                    format!("two containers with the same id: `{eid}` is already used"),
                )
                .with_related(self.path, first.clone(), "first used here"),
            );
        }
        self.seen_containers.insert(eid.clone(), span.clone());
        self.body.containers.push(Container {
            eid,
            kind,
            num: number.map(|(display, _)| display),
            heading,
            text,
            level,
            parent,
            intro: Vec::new(),
            span,
        });
        let index = self.body.containers.len() - 1;
        self.open.push((level, index));
        self.article = None;
    }

    fn on_paragraph(&mut self, text: String, span: Range<usize>) {
        if self.skipping || text.is_empty() {
            return;
        }
        self.after_paragraph = true;
        match self.article {
            Some(a) => {
                let article = &mut self.body.articles[a];
                let num = article.paragraphs.len() + 1;
                article.paragraphs.push(Paragraph {
                    eid: paragraph_eid(&article.eid, num),
                    num,
                    text,
                    points: Vec::new(),
                    span,
                });
            }
            None => match self.open.last() {
                Some((_, c)) => self.body.containers[*c].intro.push(text),
                None => self.body.preamble.push(text),
            },
        }
    }

    fn on_points(&mut self, points: Vec<Point>, span: Range<usize>) {
        if self.skipping {
            return;
        }
        let Some(a) = self.article else {
            // A list outside any article: kept as text of the container.
            let text = points
                .iter()
                .map(|p| format!("({}) {}", p.label, p.text))
                .collect::<Vec<_>>()
                .join(" ");
            self.on_paragraph(text, span);
            self.after_paragraph = false;
            return;
        };
        let article = &mut self.body.articles[a];
        let attach = self.after_paragraph
            && article
                .paragraphs
                .last()
                .is_some_and(|p| p.points.is_empty());
        if !attach {
            let num = article.paragraphs.len() + 1;
            article.paragraphs.push(Paragraph {
                eid: paragraph_eid(&article.eid, num),
                num,
                text: String::new(),
                points: Vec::new(),
                span: span.clone(),
            });
        }
        if let Some(paragraph) = article.paragraphs.last_mut() {
            let mut points = points;
            assign_point_eids(&paragraph.eid, &mut points);
            paragraph.span.end = span.end;
            paragraph.points = points;
        }
        self.after_paragraph = false;
    }
}

#[cfg(test)]
mod tests;
