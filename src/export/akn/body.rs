//! The text of a version: preface (title and status), preamble, and the
//! body's hierarchy of containers, articles, paragraphs and points.

use std::io;

use crate::corpus::{Article, Container, ContainerKind, Expression, Paragraph, Point};

use super::super::Version;
use super::words;
use super::xml::Xml;

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
    x.text("docStatus", &[], words::status(e.meta.authority, lang))?;
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
    let top = children(e, None);
    if top.is_empty() {
        // The schema wants at least one element in a body.
        x.empty("hcontainer", &[("name", Some("empty"))])?;
    }
    for node in top {
        write_node(x, e, node)?;
    }
    x.close("body")
}

/// A child in the hierarchy: a container or an article, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    Container(usize),
    Article(usize),
}

/// The containers and articles directly under `parent`, in document order.
fn children(e: &Expression, parent: Option<usize>) -> Vec<Node> {
    let mut nodes: Vec<(usize, usize, Node)> = Vec::new();
    for (i, c) in e.containers.iter().enumerate() {
        if c.parent == parent {
            nodes.push((c.span.start, 0, Node::Container(i)));
        }
    }
    for (i, a) in e.articles.iter().enumerate() {
        if a.container == parent {
            nodes.push((a.span.start, 1, Node::Article(i)));
        }
    }
    // Spans give the order in the file; indexes keep the order stable for
    // text that has no place in a file (spans that tie).
    nodes.sort_by_key(|(start, kind, node)| {
        let index = match node {
            Node::Container(i) | Node::Article(i) => *i,
        };
        (*start, *kind, index)
    });
    nodes.into_iter().map(|(_, _, n)| n).collect()
}

fn write_node(x: &mut Xml, e: &Expression, node: Node) -> io::Result<()> {
    match node {
        Node::Container(i) => write_container(x, e, i),
        Node::Article(i) => write_article(x, &e.articles[i]),
    }
}

fn element(kind: ContainerKind) -> &'static str {
    match kind {
        ContainerKind::Part => "part",
        ContainerKind::Book => "book",
        ContainerKind::Chapter => "chapter",
        ContainerKind::Section => "section",
        ContainerKind::Hcontainer => "hcontainer",
    }
}

fn write_container(x: &mut Xml, e: &Expression, index: usize) -> io::Result<()> {
    let c: &Container = &e.containers[index];
    let name = element(c.kind);
    let hname = (c.kind == ContainerKind::Hcontainer).then_some("container");
    x.open(name, &[("eId", Some(&c.eid)), ("name", hname)])?;
    if let Some(num) = &c.num {
        x.text("num", &[], num)?;
    }
    match (&c.heading, &c.num) {
        (Some(h), _) => x.text("heading", &[], h)?,
        (None, None) => x.text("heading", &[], &c.text)?,
        (None, Some(_)) => {}
    }
    let kids = children(e, Some(index));
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
            write_node(x, e, node)?;
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
