//! The proposal of each visible pending draft (`mizan propose` for that
//! draft alone): one page per language with the three parts (the amending
//! law, the comparative table, the explanatory memorandum), which prints
//! as the proposal, and the same document as Word in every language of
//! the site.
//!
//! The document comes from the output stage ([`crate::output::proposal`]);
//! the page shows its blocks through the template, which escapes every
//! text. A draft that cannot make a proposal in every language of the
//! site (an operation written in one language only, say) has no proposal
//! pages, so no language's page links to a page that does not exist.

use rayon::prelude::*;
use serde::Serialize;

use crate::amend::Amendment;
use crate::corpus::Lang;
use crate::gaps::{Outcome, Report};
use crate::output::document::{Align, Block, Document, Run};
use crate::proposal::{MemoTemplate, effect, propose_with};
use crate::workspace::Workspace;

use super::amendments::{AmendmentRow, row};
use super::{Body, Model, Page};

/// The proposal of one draft in each language of the site.
pub type Proposals = Vec<(Lang, Document)>;

/// The proposals of `amendments` (empty for a draft that is not pending or
/// cannot make one in every language). `current` is the assessment as it
/// stands and `scenarios` each pending draft's (the model's), so the gap
/// stage runs no more for the proposals.
pub fn proposals<'a>(
    ws: &'a Workspace,
    amendments: &[&'a Amendment],
    current: &Report<'a>,
    scenarios: &[Option<Outcome<'a>>],
) -> Vec<Proposals> {
    // A broken template fails the build before this (site::build); here
    // the built-in one stands in.
    let memo = MemoTemplate::of_workspace(&ws.root).unwrap_or_else(|_| MemoTemplate::built_in());
    // Each draft's proposals are independent: one per thread.
    amendments
        .par_iter()
        .zip(scenarios)
        .map(|(a, scenario)| {
            let Some(after) = scenario.as_ref().filter(|_| a.is_pending()) else {
                return Vec::new();
            };
            let effect = effect(ws, &[*a], current, after);
            let mut out = Vec::new();
            for &lang in &ws.settings.languages {
                match propose_with(ws, &[*a], lang, memo.clone(), effect.clone()) {
                    Ok(p) => out.push((
                        lang,
                        crate::output::proposal::document(&p, ws.settings.numerals_for(lang)),
                    )),
                    Err(_) => return Vec::new(),
                }
            }
            out
        })
        .collect()
}

/// Where the proposal's Word document in `lang` is, from the site root.
pub fn word_file(a: &Amendment, lang: Lang) -> String {
    format!("proposals/{}.{}.docx", a.id, lang.code())
}

/// The page of a proposal, relative to the language root.
pub fn page_href(a: &Amendment) -> String {
    format!("amendments/{}/proposal.html", a.id)
}

/// A Word document of the proposal, for the links.
#[derive(Debug, Clone, Serialize)]
pub struct WordLink {
    /// From the site root.
    pub href: String,
    pub lang: &'static str,
    pub bytes: u64,
}

/// A run as the template shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RunView<'d> {
    pub text: &'d str,
    pub bold: bool,
    pub strike: bool,
    pub underline: bool,
}

/// One block of the document: `heading` (with `level`, 2 to 4),
/// `paragraph` (with `runs`, `center`), `table` or `break`.
#[derive(Debug, Clone, Serialize)]
pub struct BlockView<'d> {
    pub kind: &'static str,
    pub level: u8,
    pub text: &'d str,
    pub runs: Vec<RunView<'d>>,
    pub center: bool,
    pub header: &'d [String],
    /// Rows of cells of paragraphs of runs.
    pub rows: Vec<Vec<Vec<Vec<RunView<'d>>>>>,
}

fn runs(list: &[Run]) -> Vec<RunView<'_>> {
    list.iter()
        .map(|r| RunView {
            text: &r.text,
            bold: r.marks.bold,
            strike: r.marks.strike,
            underline: r.marks.underline,
        })
        .collect()
}

fn blocks(doc: &Document) -> Vec<BlockView<'_>> {
    let empty = BlockView {
        kind: "break",
        level: 0,
        text: "",
        runs: Vec::new(),
        center: false,
        header: &[],
        rows: Vec::new(),
    };
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Heading(level, text) => BlockView {
                kind: "heading",
                level: (*level).clamp(1, 3) + 1,
                text,
                ..empty.clone()
            },
            Block::Paragraph(p) => BlockView {
                kind: "paragraph",
                runs: runs(&p.runs),
                center: p.align == Align::Center,
                ..empty.clone()
            },
            Block::Table(t) => BlockView {
                kind: "table",
                header: &t.header,
                rows: t
                    .rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|cell| cell.iter().map(|p| runs(&p.runs)).collect())
                            .collect()
                    })
                    .collect(),
                ..empty.clone()
            },
            Block::PageBreak => empty.clone(),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct ProposalPage<'a> {
    pub row: AmendmentRow<'a>,
    pub title: &'a str,
    pub blocks: Vec<BlockView<'a>>,
    pub word: Vec<WordLink>,
}

/// The Word documents of the draft at `k`, in every language.
pub fn word_links(m: &Model<'_>, k: usize) -> Vec<WordLink> {
    let a = m.amendments[k];
    m.proposals[k]
        .iter()
        .map(|(lang, _)| WordLink {
            href: word_file(a, *lang),
            lang: lang.code(),
            bytes: m
                .proposal_files
                .iter()
                .find(|(path, _)| *path == word_file(a, *lang))
                .map_or(0, |(_, b)| b.len() as u64),
        })
        .collect()
}

/// The Word files of every proposal: (path from the site root, bytes).
pub fn files(amendments: &[&Amendment], proposals: &[Proposals]) -> Vec<(String, Vec<u8>)> {
    amendments
        .iter()
        .zip(proposals)
        .flat_map(|(a, list)| {
            list.iter()
                .map(|(lang, doc)| (word_file(a, *lang), crate::output::docx::write(doc)))
        })
        .collect()
}

/// The proposal pages in `lang`.
pub fn pages<'a>(m: &'a Model<'a>, lang: Lang) -> Vec<Page<'a>> {
    let mut out = Vec::new();
    for (k, a) in m.amendments.iter().enumerate() {
        let Some((_, doc)) = m.proposals[k].iter().find(|(l, _)| *l == lang) else {
            continue;
        };
        out.push(m.page(
            lang,
            &page_href(a),
            "proposal.html",
            "amendments",
            doc.title.clone(),
            Body::Proposal(Box::new(ProposalPage {
                row: row(m, a, lang),
                title: &doc.title,
                blocks: blocks(doc),
                word: word_links(m, k),
            })),
        ));
    }
    out
}
