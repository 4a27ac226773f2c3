//! The text of a version: preface (title and status), preamble, and the
//! body's hierarchy of containers, articles, paragraphs and points.

use std::io;

use crate::corpus::{Article, Container, ContainerKind, Expression, Paragraph, Point};

use super::super::Version;
use super::xml::Xml;
use super::{meta, words};

pub fn write(x: &mut Xml, version: &Version<'_>) -> io::Result<()> {
    let e = version.expression.as_ref();
    let lang = e.lang();
    x.open("preface", &[])?;
    x.open("longTitle", &[])?;
    x.open("p", &[])?;
    x.text("docTitle", &[], &e.meta.title)?;
    x.close("p")?;
    x.close("longTitle")?;
    x.open("p", &[("class", Some("status"))])?;
    x.text("docStatus", &[], &words::status(e.meta.authority, lang))?;
    x.close("p")?;
    x.close("preface")?;
    if !e.preamble.is_empty() {
        x.open("preamble", &[])?;
        for p in &e.preamble {
            x.text("p", &[], p)?;
        }
        x.close("preamble")?;
    }
    x.open("body", &[])?;
    let keys = container_keys(e, version.original);
    let top = children(e, &keys, None);
    if top.is_empty() {
        // The schema wants at least one element in a body.
        x.empty("hcontainer", &[("name", Some("empty"))])?;
    }
    for node in top {
        write_node(x, version, &keys, node)?;
    }
    x.close("body")
}

/// A child in the hierarchy: a container or an article, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    Container(usize),
    Article(usize),
}

/// Where each container goes among the articles: just before the first
/// article it holds; a container that holds none (only text) goes after
/// the article that preceded it in the file. Articles keep the order of
/// the version's text, whose inserted articles carry no place in the file.
fn container_keys(e: &Expression, original: &Expression) -> Vec<(usize, u8)> {
    let mut first: Vec<Option<usize>> = vec![None; e.containers.len()];
    for (i, a) in e.articles.iter().enumerate() {
        let mut next = a.container;
        while let Some(c) = next {
            if first[c].is_some() {
                break;
            }
            first[c] = Some(i);
            next = e.containers.get(c).and_then(|c| c.parent);
        }
    }
    e.containers
        .iter()
        .zip(first)
        .map(|(c, first)| match first {
            Some(i) => (i, 0),
            None => {
                let before = original
                    .articles
                    .iter()
                    .filter(|a| a.span.start < c.span.start)
                    .max_by_key(|a| a.span.start);
                match before {
                    None => (0, 0),
                    Some(anchor) => e
                        .articles
                        .iter()
                        .position(|a| a.eid == anchor.eid)
                        .map_or((usize::MAX, 0), |i| (i, 2)),
                }
            }
        })
        .collect()
}

/// The containers and articles directly under `parent`, in document order.
fn children(e: &Expression, keys: &[(usize, u8)], parent: Option<usize>) -> Vec<Node> {
    let mut nodes: Vec<((usize, u8, usize), Node)> = Vec::new();
    for (i, c) in e.containers.iter().enumerate() {
        if c.parent == parent {
            let (at, rank) = keys[i];
            nodes.push(((at, rank, i), Node::Container(i)));
        }
    }
    for (i, a) in e.articles.iter().enumerate() {
        if a.container == parent {
            nodes.push(((i, 1, 0), Node::Article(i)));
        }
    }
    nodes.sort_by_key(|(key, _)| *key);
    nodes.into_iter().map(|(_, n)| n).collect()
}

fn write_node(
    x: &mut Xml,
    version: &Version<'_>,
    keys: &[(usize, u8)],
    node: Node,
) -> io::Result<()> {
    let e = version.expression.as_ref();
    match node {
        Node::Container(i) => write_container(x, version, keys, i),
        Node::Article(i) => {
            let a = &e.articles[i];
            match version.repealed.get(&a.eid) {
                Some(by) => write_repealed(x, a, version, by),
                None => write_article(x, a),
            }
        }
    }
}

fn element(kind: ContainerKind) -> &'static str {
    match kind {
        ContainerKind::Part => "part",
        ContainerKind::Book => "book",
        ContainerKind::Chapter => "chapter",
        ContainerKind::Subchapter => "subchapter",
        ContainerKind::Section => "section",
        ContainerKind::Hcontainer | ContainerKind::Issuing => "hcontainer",
    }
}

fn write_container(
    x: &mut Xml,
    version: &Version<'_>,
    keys: &[(usize, u8)],
    index: usize,
) -> io::Result<()> {
    let e = version.expression.as_ref();
    let c: &Container = &e.containers[index];
    let name = element(c.kind);
    let hname = match c.kind {
        ContainerKind::Hcontainer => Some("container"),
        ContainerKind::Issuing => Some("issuing"),
        _ => None,
    };
    x.open(name, &[("eId", Some(&c.eid)), ("name", hname)])?;
    if let Some(num) = &c.num {
        x.text("num", &[], num)?;
    }
    match (&c.heading, &c.num) {
        (Some(h), _) => x.text("heading", &[], h)?,
        (None, None) => x.text("heading", &[], &c.text)?,
        (None, Some(_)) => {}
    }
    let kids = children(e, keys, Some(index));
    if kids.is_empty() {
        if !c.intro.is_empty() {
            x.open("content", &[])?;
            for p in &c.intro {
                x.text("p", &[], p)?;
            }
            x.close("content")?;
        }
    } else {
        if !c.intro.is_empty() {
            x.open("intro", &[])?;
            for p in &c.intro {
                x.text("p", &[], p)?;
            }
            x.close("intro")?;
        }
        for node in kids {
            write_node(x, version, keys, node)?;
        }
    }
    x.close(name)
}

fn write_article(x: &mut Xml, a: &Article) -> io::Result<()> {
    x.open("article", &[("eId", Some(&a.eid))])?;
    x.text("num", &[], &a.num)?;
    if let Some(h) = &a.heading {
        x.text("heading", &[], h)?;
    }
    for p in &a.paragraphs {
        write_paragraph(x, p)?;
    }
    x.close("article")
}

/// A repealed article stays in place, marked `removed`, with an editorial
/// remark naming what repealed it.
fn write_repealed(x: &mut Xml, a: &Article, version: &Version<'_>, by: &str) -> io::Result<()> {
    x.open(
        "article",
        &[("eId", Some(&a.eid)), ("status", Some("removed"))],
    )?;
    x.text("num", &[], &a.num)?;
    let shown = meta::shown(version);
    let title = shown
        .iter()
        .find(|s| s.amendment.id == by)
        .map_or(by, |s| s.title.as_str());
    x.open("content", &[])?;
    x.open("p", &[])?;
    x.text(
        "remark",
        &[("status", Some("editorial"))],
        &words::repealed(title, version.expression.lang()),
    )?;
    x.close("p")?;
    x.close("content")?;
    x.close("article")
}

fn write_paragraph(x: &mut Xml, p: &Paragraph) -> io::Result<()> {
    x.open("paragraph", &[("eId", Some(&p.eid))])?;
    x.text("num", &[], &p.num.to_string())?;
    if p.points.is_empty() {
        x.wrapped("content", &[], "p", &p.text)?;
    } else {
        if !p.text.is_empty() {
            x.wrapped("intro", &[], "p", &p.text)?;
        }
        for point in &p.points {
            write_point(x, point)?;
        }
    }
    x.close("paragraph")
}

/// The number of a point as mizan shows it: `(a)`, `(أ)`, `(1)`.
pub fn point_num(label: &str) -> String {
    format!("({label})")
}

fn write_point(x: &mut Xml, p: &Point) -> io::Result<()> {
    x.open("point", &[("eId", Some(&p.eid))])?;
    x.text("num", &[], &point_num(&p.label))?;
    if p.points.is_empty() {
        x.wrapped("content", &[], "p", &p.text)?;
    } else {
        if !p.text.is_empty() {
            x.wrapped("intro", &[], "p", &p.text)?;
        }
        for child in &p.points {
            write_point(x, child)?;
        }
    }
    x.close("point")
}
