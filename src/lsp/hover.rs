//! Hover: what an id names, in Markdown.
//!
//! - an article: its law, number and heading, its text as it stands in
//!   each language, and the provisions mapped to it with their status;
//! - a provision: its citation, title, obligation grade, current status
//!   and summary;
//! - an amendment operation: the redline it would make.

use std::fmt::Write;

use super::locate::Target;
use crate::Workspace;
use crate::amend::amendment_diff;
use crate::amend::diff::{DiffOptions, DiffSegmentKind as SegmentKind};
use crate::gaps::roll_up;
use crate::ids::{ArticleRef, ProvisionRef};
use crate::standards::Status;

/// At most this many characters of an article's text in one language.
const MAX_TEXT: usize = 1_500;

/// The Markdown shown for `target`, if it names something in `ws`.
pub fn hover(ws: &Workspace, target: &Target) -> Option<String> {
    match target {
        Target::Article(r) => article(ws, r),
        Target::Provision(r) => provision(ws, r),
        Target::Operation { amendment, index } => operation(ws, amendment, *index),
    }
}

fn article(ws: &Workspace, r: &ArticleRef) -> Option<String> {
    let work = ws.work(r.work.as_str())?;
    let mut out = String::new();
    for expression in &work.expressions {
        let Some(a) = expression.article(&r.eid) else {
            continue;
        };
        let _ = writeln!(
            out,
            "**{}**, {}\n",
            expression.meta.title,
            expression
                .lang()
                .article_label(&a.num, a.heading.as_deref())
        );
        let _ = writeln!(out, "{}\n", shorten(&a.text(), MAX_TEXT));
    }
    if out.is_empty() {
        return None;
    }
    let mapped = ws.provisions_for(r);
    if mapped.is_empty() {
        out.push_str("No provision is mapped to this article.\n");
    } else {
        out.push_str("Mapped provisions:\n\n");
        for m in mapped {
            let element = m
                .entry
                .element
                .as_deref()
                .map_or_else(String::new, |e| format!("#{e}"));
            let _ = writeln!(
                out,
                "- `{}/{}{element}` {} ({}): **{}**",
                m.instrument.id,
                m.provision.id,
                m.provision.citation,
                m.provision.title,
                m.entry.status.as_str()
            );
        }
    }
    Some(out)
}

/// The status of a provision now: its own entry's, or its elements' rolled
/// up; unassessed without either.
pub fn status_of(ws: &Workspace, standard: &str, provision: &str, element: Option<&str>) -> Status {
    let entries: Vec<_> = ws
        .mappings
        .iter()
        .filter(|m| m.jurisdiction == ws.jurisdiction() && m.standard == standard)
        .flat_map(|m| &m.entries)
        .filter(|e| e.provision == provision)
        .collect();
    if let Some(e) = entries.iter().find(|e| e.element.as_deref() == element) {
        return e.status;
    }
    if element.is_none() && !entries.is_empty() {
        return roll_up(entries.iter().map(|e| e.status));
    }
    Status::Unassessed
}

fn provision(ws: &Workspace, r: &ProvisionRef) -> Option<String> {
    let instrument = ws.instrument(&r.standard)?;
    let p = instrument.provision(&r.provision)?;
    let mut out = format!(
        "**{}** {}: {}\n\n",
        instrument.display_title(),
        p.citation,
        p.title
    );
    if let Some(ar) = p.title.get("ar") {
        let _ = writeln!(out, "{ar}\n");
    }
    let status = status_of(ws, &r.standard, &r.provision, r.element.as_deref());
    let _ = writeln!(
        out,
        "Obligation: **{}** · status: **{}**\n",
        p.obligation.as_str(),
        status.as_str()
    );
    let _ = writeln!(out, "{}\n", p.summary);
    if let Some(e) = r.element.as_deref().and_then(|e| p.element(e)) {
        let _ = writeln!(out, "Element `{}`: {}\n", e.id, e.summary);
    }
    Some(out)
}

fn operation(ws: &Workspace, id: &str, index: usize) -> Option<String> {
    let amendment = ws.amendments.iter().find(|a| a.id == id)?;
    let op = amendment.operations.get(index)?;
    let work = ws.work(amendment.amends.as_str())?;
    let options = DiffOptions {
        lang: Some(op.lang),
        unchanged_text: false,
    };
    let diff = match amendment_diff(work, &ws.amendments, amendment, &options) {
        Ok(d) => d,
        Err(e) => return Some(format!("The redline cannot be made: {e}")),
    };
    let eid = op.action.article().eid();
    let mut out = String::new();
    for expression in &diff.expressions {
        for a in &expression.articles {
            let side = a.new.as_ref().or(a.old.as_ref());
            if !a.is_change() || side.is_none_or(|s| s.eid != eid) {
                continue;
            }
            let num = side.map_or("", |s| s.num.as_str());
            let _ = writeln!(out, "**{num}** ({:?})\n", a.status);
            for s in &a.segments {
                let text = s.text.replace('\n', "\n\n");
                match s.kind {
                    SegmentKind::Equal => out.push_str(&text),
                    SegmentKind::Delete => {
                        let _ = write!(out, "~~{}~~", text.trim());
                        if text.ends_with(' ') {
                            out.push(' ');
                        }
                    }
                    SegmentKind::Insert => {
                        let _ = write!(out, "**{}**", text.trim());
                        if text.ends_with(' ') {
                            out.push(' ');
                        }
                    }
                }
            }
            out.push_str("\n\n");
        }
    }
    if out.is_empty() {
        out = format!("This operation changes no text of {eid} as the law reads now.");
    }
    Some(out)
}

/// `text` cut to about `max` characters at a word, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}
