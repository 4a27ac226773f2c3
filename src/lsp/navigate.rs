//! Going from an id to what defines it, from an article or provision to
//! what cites it, and a file's outline.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::locate::{Target, expression_of, same_file};
use crate::Workspace;
use crate::corpus::Expression;
use crate::ids::{ArticleRef, ProvisionRef};

/// A place in a workspace file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: Arc<Path>,
    pub span: Range<usize>,
}

/// Where `target` is defined: an article's heading in each language, a
/// provision's entry in its instrument file; for an operation, the article
/// it acts on.
pub fn definition(ws: &Workspace, target: &Target) -> Vec<Place> {
    match target {
        Target::Article(r) => article_headings(ws, r),
        Target::Provision(r) => provision_entry(ws, r).into_iter().collect(),
        Target::Operation { amendment, index } => {
            let Some(a) = ws.amendments.iter().find(|a| &a.id == amendment) else {
                return Vec::new();
            };
            let Some(op) = a.operations.get(*index) else {
                return Vec::new();
            };
            let r = ArticleRef {
                work: a.amends.clone(),
                eid: op.action.article().eid(),
            };
            article_headings(ws, &r)
        }
    }
}

fn article_headings(ws: &Workspace, r: &ArticleRef) -> Vec<Place> {
    let Some(work) = ws.work(r.work.as_str()) else {
        return Vec::new();
    };
    work.expressions
        .iter()
        .filter_map(|e| {
            let a = e.article(&r.eid)?;
            Some(Place {
                path: Arc::clone(&e.path),
                span: a.span.clone(),
            })
        })
        .collect()
}

fn provision_entry(ws: &Workspace, r: &ProvisionRef) -> Option<Place> {
    let instrument = ws.instrument(&r.standard)?;
    let p = instrument.provision(&r.provision)?;
    Some(Place {
        path: Arc::clone(&instrument.path),
        span: p.span.clone(),
    })
}

/// Every place that cites `target`: mapping entries and amendments'
/// mapping changes that name the article or provision, and the operations
/// of amendments that act on the article.
pub fn references(ws: &Workspace, target: &Target, with_definition: bool) -> Vec<Place> {
    let mut out = Vec::new();
    if with_definition {
        out.extend(definition(ws, target));
    }
    let entries = ws
        .mappings
        .iter()
        .flat_map(|m| &m.entries)
        .chain(ws.amendments.iter().flat_map(|a| &a.mapping_changes));
    match target {
        Target::Article(_) | Target::Operation { .. } => {
            let r = match target {
                Target::Article(r) => r.clone(),
                _ => match article_of_operation(ws, target) {
                    Some(r) => r,
                    None => return out,
                },
            };
            for e in entries {
                for (a, span) in e.articles.iter().zip(&e.article_spans) {
                    if *a == r {
                        out.push(Place {
                            path: Arc::clone(&e.path),
                            span: span.clone(),
                        });
                    }
                }
            }
            for a in ws.amendments.iter().filter(|a| a.amends == r.work) {
                for op in &a.operations {
                    if op.action.article().eid() == r.eid {
                        out.push(Place {
                            path: Arc::clone(&a.path),
                            span: op.span.clone(),
                        });
                    }
                }
            }
        }
        Target::Provision(r) => {
            for e in entries {
                if e.standard == r.standard
                    && e.provision == r.provision
                    && (r.element.is_none() || e.element == r.element)
                {
                    out.push(Place {
                        path: Arc::clone(&e.path),
                        span: e.span.clone(),
                    });
                }
            }
        }
    }
    out
}

fn article_of_operation(ws: &Workspace, target: &Target) -> Option<ArticleRef> {
    let Target::Operation { amendment, index } = target else {
        return None;
    };
    let a = ws.amendments.iter().find(|a| &a.id == amendment)?;
    Some(ArticleRef {
        work: a.amends.clone(),
        eid: a.operations.get(*index)?.action.article().eid(),
    })
}

/// One entry of a file's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub span: Range<usize>,
    pub children: Vec<Symbol>,
}

/// What an outline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Container,
    Article,
    Provision,
    Entry,
    Operation,
}

/// The outline of the file at `path`: a statute's containers and articles
/// as the law nests them; an instrument's provisions; a mapping's entries;
/// an amendment's operations.
pub fn outline(ws: &Workspace, path: &Path) -> Vec<Symbol> {
    if let Some(e) = expression_of(ws, path) {
        return statute_outline(e);
    }
    if let Some(i) = ws.instruments.iter().find(|i| same_file(&i.path, path)) {
        return i
            .provisions
            .iter()
            .map(|p| Symbol {
                name: format!("{} {}", p.citation, p.title),
                detail: Some(p.id.clone()),
                kind: SymbolKind::Provision,
                span: p.span.clone(),
                children: Vec::new(),
            })
            .collect();
    }
    if let Some(m) = ws.mappings.iter().find(|m| same_file(&m.path, path)) {
        return m
            .entries
            .iter()
            .map(|e| Symbol {
                name: match &e.element {
                    Some(el) => format!("{}#{el}", e.provision),
                    None => e.provision.clone(),
                },
                detail: Some(e.status.as_str().to_owned()),
                kind: SymbolKind::Entry,
                span: e.span.clone(),
                children: Vec::new(),
            })
            .collect();
    }
    if let Some(a) = ws.amendments.iter().find(|a| same_file(&a.path, path)) {
        return a
            .operations
            .iter()
            .map(|o| Symbol {
                name: o.action.article().eid(),
                detail: Some(format!("line {}", o.line)),
                kind: SymbolKind::Operation,
                span: o.span.clone(),
                children: Vec::new(),
            })
            .collect();
    }
    Vec::new()
}

fn statute_outline(e: &Expression) -> Vec<Symbol> {
    // Containers by index, each with its children, then attached to their
    // parents from the deepest up.
    let mut nodes: Vec<Symbol> = e
        .containers
        .iter()
        .map(|c| Symbol {
            name: c.text.clone(),
            detail: Some(c.eid.clone()),
            kind: SymbolKind::Container,
            span: c.span.clone(),
            children: Vec::new(),
        })
        .collect();
    let mut top = Vec::new();
    for a in &e.articles {
        let symbol = Symbol {
            name: match &a.heading {
                Some(h) => format!("{}: {h}", a.num),
                None => a.num.clone(),
            },
            detail: Some(a.eid.clone()),
            kind: SymbolKind::Article,
            span: a.span.clone(),
            children: Vec::new(),
        };
        match a.container {
            Some(i) if i < nodes.len() => nodes[i].children.push(symbol),
            _ => top.push(symbol),
        }
    }
    for i in (0..nodes.len()).rev() {
        let node = std::mem::replace(
            &mut nodes[i],
            Symbol {
                name: String::new(),
                detail: None,
                kind: SymbolKind::Container,
                span: 0..0,
                children: Vec::new(),
            },
        );
        match e.containers[i].parent {
            Some(p) if p < i => nodes[p].children.insert(0, node),
            _ => top.push(node),
        }
    }
    // Containers come after the articles that precede them in the file.
    top.sort_by_key(|s| s.span.start);
    for n in &mut top {
        sort_children(n);
    }
    top
}

/// Orders children by place and stretches a container over them (an
/// editor wants a child's range inside its parent's).
fn sort_children(s: &mut Symbol) {
    s.children.sort_by_key(|c| c.span.start);
    for c in &mut s.children {
        sort_children(c);
    }
    if let Some(end) = s.children.iter().map(|c| c.span.end).max() {
        s.span.end = s.span.end.max(end);
    }
}
