//! Articles: a shape shared by both languages (title, paragraphs, lists),
//! and the text of each language drawn from it.

use crate::rng::{Rng, derive};
use crate::sentences::{ar_skewed, sentences};
use crate::types::Lang;
use crate::vocab::{
    AR_COND, AR_MASDAR, AR_TERMS, ART_TITLES, EN_COND, EN_MOD, EN_OBJ, EN_SUBJ, EN_TERMS, EN_VERB,
    Vocab, push_ar, push_cap,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ListKind {
    /// `- item`: lettered points.
    Bullet,
    /// `1. item`: numbered points.
    Ordered,
    /// `- (a) item` in English (plain bullets in Arabic): lettered points.
    Labelled,
}

pub(crate) struct ListShape {
    pub(crate) kind: ListKind,
    pub(crate) items: usize,
    pub(crate) intro: usize,
}

pub(crate) struct ParaShape {
    pub(crate) sentences: usize,
    pub(crate) list: Option<ListShape>,
}

pub(crate) struct Shape {
    pub(crate) title: Option<usize>,
    pub(crate) paras: Vec<ParaShape>,
    /// Draws for per-article variation of the heading form.
    pub(crate) variant: usize,
}

impl Shape {
    /// 1-based numbers of the paragraphs that have no points.
    pub(crate) fn plain_paras(&self) -> Vec<usize> {
        (0..self.paras.len())
            .filter(|&i| self.paras[i].list.is_none())
            .map(|i| i + 1)
            .collect()
    }
}

pub(crate) fn shape(seed: u64, titled: usize) -> Shape {
    let mut r = Rng::new(derive(seed, &[0]));
    let title = r.chance(titled).then(|| r.below(ART_TITLES.len()));
    let n = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4][r.below(20)];
    let mut paras = Vec::with_capacity(n);
    for _ in 0..n {
        let list = r.chance(12).then(|| ListShape {
            kind: [ListKind::Bullet, ListKind::Ordered, ListKind::Labelled]
                [r.weighted(&[55, 25, 20])],
            items: r.range(2, 5),
            intro: r.below(3),
        });
        paras.push(ParaShape {
            sentences: [1, 1, 1, 2, 2, 3][r.below(6)],
            list,
        });
    }
    Shape {
        title,
        paras,
        variant: r.below(100),
    }
}

pub(crate) struct Para {
    pub(crate) text: String,
    pub(crate) points: Vec<String>,
    pub(crate) kind: Option<ListKind>,
}

pub(crate) fn article_text(v: &Vocab, seed: u64, shape: &Shape, lang: Lang) -> Vec<Para> {
    let mut r = Rng::new(derive(seed, &[1 + lang as u64]));
    shape
        .paras
        .iter()
        .map(|p| match &p.list {
            None => {
                let mut text = String::with_capacity(160);
                sentences(&mut r, v, lang, p.sentences, &mut text);
                Para {
                    text,
                    points: Vec::new(),
                    kind: None,
                }
            }
            Some(list) => list_para(&mut r, v, lang, list),
        })
        .collect()
}

pub(crate) fn list_para(r: &mut Rng, v: &Vocab, lang: Lang, list: &ListShape) -> Para {
    let mut text = String::new();
    let subj = r.below(EN_SUBJ.len());
    match (lang, list.intro) {
        (Lang::En, 0) => text.push_str("For the purposes of this Law:"),
        (Lang::En, 1) => {
            push_cap(&mut text, EN_SUBJ[subj]);
            text.push_str(" shall, in particular:");
        }
        (Lang::En, _) => text.push_str("The penalty shall be doubled in any of the following cases:"),
        (Lang::Ar, 0) => text.push_str(
            "في تطبيق أحكام هذا القانون، يقصد بالكلمات والعبارات الآتية المعاني المبينة قرين كل منها:",
        ),
        (Lang::Ar, 1) => {
            text.push_str("يلتزم ");
            push_ar(r, &mut text, &v.subj[subj % v.subj.len()]);
            text.push_str(" بما يأتي:");
        }
        (Lang::Ar, _) => text.push_str("تضاعف العقوبة في أي من الحالات الآتية:"),
    }
    let mut points = Vec::with_capacity(list.items);
    for i in 0..list.items {
        let mut p = String::with_capacity(100);
        match (lang, list.intro) {
            (Lang::En, 0) => {
                let (term, def) = EN_TERMS[(subj + i) % EN_TERMS.len()];
                w!(p, "{term} means {def}");
            }
            (Lang::En, 1) => {
                p.push_str(r.skewed(EN_VERB).0);
                p.push(' ');
                p.push_str(r.skewed(EN_OBJ));
                p.push(' ');
                p.push_str(r.skewed(EN_MOD));
            }
            (Lang::En, _) => {
                p.push_str("where ");
                p.push_str(EN_COND[(subj + i) % EN_COND.len()]);
            }
            (Lang::Ar, 0) => {
                let (term, def) = AR_TERMS[(subj + i) % AR_TERMS.len()];
                w!(p, "{term}: {def}");
            }
            (Lang::Ar, 1) => {
                p.push_str(r.skewed(AR_MASDAR));
                p.push(' ');
                ar_skewed(r, &mut p, &v.obj);
                p.push(' ');
                ar_skewed(r, &mut p, &v.modif);
            }
            (Lang::Ar, _) => {
                p.push_str("إذا ");
                p.push_str(AR_COND[(subj + i) % AR_COND.len()]);
            }
        }
        let last = i + 1 == list.items;
        p.push_str(match (lang, last) {
            (_, true) => ".",
            (Lang::En, false) => ";",
            (Lang::Ar, false) => "؛",
        });
        points.push(p);
    }
    Para {
        text,
        points,
        kind: Some(list.kind),
    }
}

pub(crate) fn push_body(out: &mut String, paras: &[Para], lang: Lang) {
    for p in paras {
        out.push('\n');
        out.push_str(&p.text);
        out.push('\n');
        if let Some(kind) = p.kind {
            out.push('\n');
            for (i, point) in p.points.iter().enumerate() {
                match (kind, lang) {
                    (ListKind::Ordered, _) => w!(out, "{}. ", i + 1),
                    (ListKind::Labelled, Lang::En) => w!(out, "- ({}) ", (b'a' + i as u8) as char),
                    _ => out.push_str("- "),
                }
                out.push_str(point);
                out.push('\n');
            }
        }
    }
}
