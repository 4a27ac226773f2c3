//! A proposal ([`crate::proposal`]) as a document: the amending law in the
//! gazette's form, the comparative table with its redline, the explanatory
//! memorandum. Every word is a message of the proposal's language (the
//! formulas are `law.*`, the parts `proposal.*` and `memo.*`), so another
//! drafting style is a language file; the memorandum's structure is its
//! template. [`super::document`] and [`super::docx`] write the result.

use crate::amend::diff::{ArticleDiff, DiffSegmentKind};
use crate::amend::{Action, Occurrence, Operation};
use crate::corpus::Lang;
use crate::lang::{Numerals, digits, number, percent};
use crate::localized::Localized;
use crate::proposal::memo::{self, Filled, MemoPart};
use crate::proposal::{Addressed, Proposal};
use crate::standards::Instrument;
use crate::standards::citation::arabic_citation;

use super::document::{Block, Document, Paragraph, Run, Table};

/// Writes the words of one proposal.
struct Words<'p, 'a> {
    p: &'p Proposal<'a>,
    lang: Lang,
    numerals: Numerals,
}

impl Words<'_, '_> {
    fn t<'k>(&self, key: &'k str) -> &'k str {
        self.lang.t(key)
    }

    fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.lang.fill(key, values)
    }

    /// `القانون رقم ٩١ لسنة ٢٠١٣`, `Law No. 91 of 2013`; a work with a
    /// subtype by its own message when the language has one
    /// (`law.cite.decree-law`: `المرسوم بالقانون رقم …`).
    fn law(&self) -> String {
        let id = &self.p.work.id;
        let key = id
            .subtype()
            .map(|s| format!("law.cite.{s}"))
            .filter(|k| self.lang.text(k).is_some())
            .unwrap_or_else(|| "law.cite".to_owned());
        self.fill(
            &key,
            &[
                ("number", &digits(self.numerals, id.number())),
                ("year", &number(self.numerals, u64::from(id.year()))),
            ],
        )
    }

    fn title(&self) -> &str {
        self.p.work.title(self.lang)
    }

    fn n(&self, n: usize) -> String {
        number(self.numerals, n as u64)
    }

    /// An article number as the formulas hold it (`١٠ مكرراً`, `10 bis`).
    fn article(&self, display: &str) -> String {
        let d = display.trim();
        let d = match d.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(inner) if !inner.contains(['(', ')']) => inner,
            _ => d,
        };
        digits(self.numerals, d).into_owned()
    }

    /// The heading of the law's `n`-th article (from 1): `مادة أولى`,
    /// `Article 1`; the ordinal is written in the language's number words
    /// (`[numbers]`), and past them, or without them, is the number.
    fn law_article(&self, n: usize) -> String {
        let shown = self.n(n);
        let ordinal = u32::try_from(n)
            .ok()
            .and_then(|n| self.lang.ordinal(n))
            .unwrap_or_else(|| format!("({shown})"));
        self.fill("law.article", &[("n", &shown), ("ordinal", &ordinal)])
    }

    /// The clause that states one operation.
    fn clause(&self, op: &Operation) -> String {
        let law = self.law();
        let art = |a: &crate::amend::ArticleTarget| self.article(&a.number.display);
        match &op.action {
            Action::ReplaceArticle { article } => self.fill(
                "law.replace-article",
                &[("article", &art(article)), ("law", &law)],
            ),
            Action::InsertArticle { article, after } => self.fill(
                "law.insert-article",
                &[
                    ("article", &art(article)),
                    ("previous", &art(after)),
                    ("law", &law),
                ],
            ),
            Action::RepealArticle { article } => self.fill(
                "law.repeal-article",
                &[("article", &art(article)), ("law", &law)],
            ),
            Action::RenumberArticle { article, to } => self.fill(
                "law.renumber-article",
                &[("article", &art(article)), ("new", &art(to)), ("law", &law)],
            ),
            Action::Substitute {
                article,
                find,
                with,
                occurrence,
            } => {
                let n;
                let (key, extra): (&str, Option<(&str, &str)>) = match occurrence {
                    _ if with.text.is_empty() => ("law.delete-words", None),
                    Occurrence::Only => ("law.substitute", None),
                    Occurrence::All => ("law.substitute-all", None),
                    Occurrence::Nth { n: k, .. } => {
                        n = self.n(*k);
                        ("law.substitute-nth", Some(("n", n.as_str())))
                    }
                };
                let a = art(article);
                let mut values = vec![
                    ("article", a.as_str()),
                    ("find", find.text.as_str()),
                    ("with", with.text.as_str()),
                    ("law", law.as_str()),
                ];
                values.extend(extra);
                self.fill(key, &values)
            }
            Action::ReplaceParagraph { article, paragraph } => self.fill(
                "law.replace-paragraph",
                &[
                    ("article", &art(article)),
                    ("paragraph", &self.n(paragraph.num)),
                    ("law", &law),
                ],
            ),
            Action::InsertParagraph { article, after } => self.fill(
                "law.insert-paragraph",
                &[
                    ("article", &art(article)),
                    ("paragraph", &self.n(after.num)),
                    ("law", &law),
                ],
            ),
            Action::RepealParagraph { article, paragraph } => self.fill(
                "law.repeal-paragraph",
                &[
                    ("article", &art(article)),
                    ("paragraph", &self.n(paragraph.num)),
                    ("law", &law),
                ],
            ),
        }
    }

    /// The new text an operation states, in quotation marks: a whole
    /// article with its heading, or paragraphs.
    fn new_text(&self, op: &Operation) -> Vec<String> {
        let Some(text) = &op.text else {
            return Vec::new();
        };
        let mut lines: Vec<String> = Vec::new();
        if op.action.takes_article() {
            let a = self.article(&op.action.article().number.display);
            lines.push(match &text.title {
                Some(t) => self.fill("law.new-article-titled", &[("article", &a), ("title", t)]),
                None => self.fill("law.new-article", &[("article", &a)]),
            });
        }
        for p in &text.paragraphs {
            lines.extend(p.full_text().lines().map(str::to_owned));
        }
        // The quotation marks open before the first line and close after
        // the last: the form's `{text}` split around a marker.
        let form = self.t("punct.quote");
        let (open, close) = form.split_once("{text}").unwrap_or(("«", "»"));
        if let Some(first) = lines.first_mut() {
            *first = format!("{open}{first}");
        }
        if let Some(last) = lines.last_mut() {
            last.push_str(close);
        }
        lines
    }

    /// The amending law: title, preamble, one article per operation, and
    /// the execution clause.
    fn law_blocks(&self) -> Vec<Block> {
        let mut out = Vec::new();
        out.push(Block::Paragraph(
            Paragraph::of(vec![Run::bold(
                self.fill("law.title", &[("title", self.title())]),
            )])
            .centered(),
        ));
        for line in self
            .fill(
                "law.preamble",
                &[("title", self.title()), ("law", &self.law())],
            )
            .lines()
        {
            out.push(Block::Paragraph(Paragraph::text(line)));
        }
        let mut n = 0;
        for op in &self.p.articles {
            n += 1;
            out.push(Block::Paragraph(
                Paragraph::of(vec![Run::bold(self.law_article(n))]).centered(),
            ));
            out.push(Block::Paragraph(Paragraph::text(self.clause(op))));
            for line in self.new_text(op) {
                out.push(Block::Paragraph(Paragraph::text(line)));
            }
        }
        out.push(Block::Paragraph(
            Paragraph::of(vec![Run::bold(self.law_article(n + 1))]).centered(),
        ));
        out.push(Block::Paragraph(Paragraph::text(self.t("law.execution"))));
        out
    }

    fn localized(&self, text: &Localized) -> String {
        let p = text.pick(self.lang.code());
        if p.fallback {
            let label = Lang::from_code(p.lang)
                .and_then(|l| self.lang.message(&format!("fallback.{}", l.code())))
                .unwrap_or(self.t("fallback.other"));
            format!("{} ({label})", p.text)
        } else {
            p.text.to_owned()
        }
    }

    fn instrument(&self, i: &Instrument) -> String {
        if let Some(t) = i.titles.get(self.lang.code()) {
            return t.clone();
        }
        match &i.short_title {
            Some(s) => self.localized(s),
            None => self.localized(&i.title),
        }
    }

    /// A provision's citation: in Arabic for an Arabic proposal
    /// (`المادة ٣ (أ)`), else the data's.
    fn citation(&self, p: &crate::standards::Provision) -> String {
        if self.lang == Lang::AR
            && let Some(c) = arabic_citation(&p.id, self.numerals)
        {
            return c;
        }
        p.citation.clone()
    }

    /// What an operation does, in the words of its heading in an
    /// amendment file (the language's `[operations]` forms).
    fn phrase(&self, op: &Operation) -> String {
        let form = |kind: &str| {
            self.lang
                .def()
                .operations
                .get(kind)
                .or_else(|| Lang::EN.def().operations.get(kind))
                .cloned()
                .unwrap_or_default()
        };
        let label = |a: &crate::amend::ArticleTarget| {
            self.lang
                .article_label(&self.article(&a.number.display), None)
        };
        let quote = |t: &str| self.fill("punct.quote", &[("text", t)]);
        let (kind, values): (&str, Vec<(&str, String)>) = match &op.action {
            Action::ReplaceArticle { article } => {
                ("replace-article", vec![("article", label(article))])
            }
            Action::InsertArticle { article, after } => (
                "insert-article",
                vec![("article", label(article)), ("previous", label(after))],
            ),
            Action::RepealArticle { article } => {
                ("repeal-article", vec![("article", label(article))])
            }
            Action::RenumberArticle { article, to } => (
                "renumber-article",
                vec![("article", label(article)), ("new", label(to))],
            ),
            Action::Substitute {
                article,
                find,
                with,
                ..
            } => (
                "substitute",
                vec![
                    ("article", label(article)),
                    ("find", quote(&find.text)),
                    ("with", quote(&with.text)),
                ],
            ),
            Action::ReplaceParagraph { article, paragraph } => (
                "replace-paragraph",
                vec![
                    ("article", label(article)),
                    ("paragraph", self.n(paragraph.num)),
                ],
            ),
            Action::InsertParagraph { article, after } => (
                "insert-paragraph",
                vec![
                    ("article", label(article)),
                    ("paragraph", self.n(after.num)),
                ],
            ),
            Action::RepealParagraph { article, paragraph } => (
                "repeal-paragraph",
                vec![
                    ("article", label(article)),
                    ("paragraph", self.n(paragraph.num)),
                ],
            ),
        };
        let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        crate::lang::fill(&form(kind), &refs)
    }

    fn status(&self, s: crate::standards::Status) -> String {
        self.t(&format!("status.{}", s.as_str())).to_owned()
    }

    fn provision_line(&self, x: &Addressed<'_>) -> String {
        self.fill(
            "memo.provision",
            &[
                ("instrument", &self.instrument(x.instrument)),
                ("citation", &self.citation(x.provision)),
                ("title", &self.localized(&x.provision.title)),
                ("before", &self.status(x.before)),
                ("after", &self.status(x.after)),
            ],
        )
    }

    /// One row's cells: the current text with deletions struck, the new
    /// with insertions underlined, and the reason.
    fn row(&self, row: &crate::proposal::Row<'_>) -> Vec<Vec<Paragraph>> {
        let d: &ArticleDiff = &row.diff;
        let label = |side: &Option<crate::amend::diff::ArticleSide>| {
            side.as_ref().map(|s| {
                let num = self.article(&s.num);
                self.lang.article_label(&num, s.heading.as_deref())
            })
        };
        let side = |keep: DiffSegmentKind, head: Option<String>, empty: &str| {
            let mut paras: Vec<Paragraph> = Vec::new();
            if let Some(h) = head {
                paras.push(Paragraph::of(vec![Run::bold(h)]));
            }
            let mut current = Paragraph::default();
            let mut any = false;
            for s in &d.segments {
                if s.kind != DiffSegmentKind::Equal && s.kind != keep {
                    continue;
                }
                for (i, piece) in s.text.split('\n').enumerate() {
                    if i > 0 {
                        paras.push(std::mem::take(&mut current));
                    }
                    if piece.is_empty() {
                        continue;
                    }
                    any = true;
                    current.runs.push(match s.kind {
                        DiffSegmentKind::Equal => Run::plain(piece),
                        DiffSegmentKind::Delete => Run::deleted(piece),
                        DiffSegmentKind::Insert => Run::inserted(piece),
                    });
                }
            }
            paras.push(current);
            paras.retain(|p| !p.runs.is_empty());
            if !any {
                paras.push(Paragraph::text(empty));
            }
            paras
        };
        let old_empty = if d.old.is_none() {
            self.t("proposal.new-article")
        } else {
            ""
        };
        let new_empty = if d.new.as_ref().is_none_or(|s| s.repealed) {
            self.t("proposal.repealed")
        } else {
            ""
        };
        let current = side(DiffSegmentKind::Delete, label(&d.old), old_empty);
        let proposed = side(DiffSegmentKind::Insert, label(&d.new), new_empty);
        let mut reason: Vec<Paragraph> = Vec::new();
        for a in &row.amendments {
            reason.push(Paragraph::of(vec![Run::bold(self.localized(&a.title))]));
        }
        for i in &row.addressed {
            let x = &self.p.addressed[*i];
            reason.push(Paragraph::text(self.provision_line(x)));
            reason.push(Paragraph::text(self.localized(&x.entry.rationale)));
        }
        vec![current, proposed, reason]
    }

    fn table(&self) -> Table {
        Table {
            header: vec![
                self.t("proposal.current").to_owned(),
                self.t("proposal.proposed").to_owned(),
                self.t("proposal.reason").to_owned(),
            ],
            rows: self.p.rows.iter().map(|r| self.row(r)).collect(),
            widths: vec![36, 36, 28],
        }
    }

    fn pct(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "-".to_owned(), |f| percent(self.numerals, f))
    }

    fn filled(&self, f: Filled) -> Vec<Block> {
        let para = |s: String| Block::Paragraph(Paragraph::text(s));
        match f {
            Filled::Notes => self
                .p
                .amendments
                .iter()
                .filter_map(|a| a.note.as_ref())
                .flat_map(|n| {
                    self.localized(n)
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
                .map(para)
                .collect(),
            Filled::Provisions => {
                if self.p.addressed.is_empty() {
                    return vec![para(self.t("memo.no-provisions").to_owned())];
                }
                self.p
                    .addressed
                    .iter()
                    .flat_map(|x| {
                        [
                            para(self.provision_line(x)),
                            para(self.localized(&x.entry.rationale)),
                        ]
                    })
                    .collect()
            }
            Filled::Articles => self
                .p
                .articles
                .iter()
                .enumerate()
                .map(|(i, op)| {
                    Block::Paragraph(Paragraph::of(vec![
                        Run::bold(format!("{}: ", self.law_article(i + 1))),
                        Run::plain(self.phrase(op)),
                    ]))
                })
                .collect(),
            Filled::Effect => self
                .p
                .scores
                .iter()
                .map(|s| {
                    let name = self.instrument(s.instrument);
                    let (b, a) = (self.pct(s.before), self.pct(s.after));
                    para(if b == a {
                        self.fill("memo.score-same", &[("instrument", &name), ("before", &b)])
                    } else {
                        self.fill(
                            "memo.score",
                            &[
                                ("instrument", &name),
                                ("before", &b),
                                ("after", &a),
                                ("closed", &self.n(s.closed)),
                            ],
                        )
                    })
                })
                .collect(),
        }
    }

    fn memo_blocks(&self) -> Vec<Block> {
        let law = self.law();
        let values = [("title", self.title()), ("law", law.as_str())];
        let mut out = Vec::new();
        for part in &self.p.memo.parts {
            match part {
                MemoPart::Heading(level, text) => {
                    out.push(Block::Heading(*level, memo::fill(text, self.lang, &values)));
                }
                MemoPart::Paragraph(text) => out.push(Block::Paragraph(Paragraph::text(
                    memo::fill(text, self.lang, &values),
                ))),
                MemoPart::Filled(f) => out.extend(self.filled(*f)),
            }
        }
        out
    }
}

/// The amending law alone, one paragraph a line: what `import
/// --amendment` reads back.
pub fn amending_law(p: &Proposal<'_>, numerals: Numerals) -> Vec<Paragraph> {
    let w = Words {
        p,
        lang: p.lang,
        numerals,
    };
    w.law_blocks()
        .into_iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// The whole proposal: its title, the drafts it gathers (and whether they
/// are illustrative), then the three parts, each from a new page.
pub fn document(p: &Proposal<'_>, numerals: Numerals) -> Document {
    let w = Words {
        p,
        lang: p.lang,
        numerals,
    };
    let title = w.fill("law.title", &[("title", w.title())]);
    let mut doc = Document::new(p.lang, w.fill("proposal.title", &[("title", &title)]));
    doc.region = Some(p.work.id.country().to_owned());
    let list: Vec<String> = p
        .amendments
        .iter()
        .map(|a| format!("{} ({})", w.localized(&a.title), a.id))
        .collect();
    doc.text(w.fill(
        "proposal.amendments",
        &[("list", &list.join(w.t("punct.semicolon")))],
    ));
    if p.amendments.iter().any(|a| a.illustrative) {
        doc.paragraph(Paragraph::of(vec![Run::bold(w.t("proposal.illustrative"))]));
    }
    doc.blocks.push(Block::PageBreak);
    doc.heading(1, w.t("proposal.law"));
    doc.blocks.extend(w.law_blocks());
    doc.blocks.push(Block::PageBreak);
    doc.heading(1, w.t("proposal.table"));
    doc.blocks.push(Block::Table(w.table()));
    doc.blocks.push(Block::PageBreak);
    doc.heading(1, w.t("proposal.memo"));
    doc.blocks.extend(w.memo_blocks());
    doc
}

/// The line `propose` prints after writing a file.
pub fn summary(p: &Proposal<'_>, out: &std::path::Path) -> String {
    format!(
        "wrote {}: a proposal of {} in {}: the amending law ({}), the comparative table ({}), the explanatory memorandum\n",
        out.display(),
        super::text::count(p.amendments.len(), "draft"),
        p.lang.code(),
        super::text::count(p.articles.len() + 1, "article"),
        super::text::count(p.rows.len(), "row"),
    )
}
