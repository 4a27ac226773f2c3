//! Amendments: planned so that every operation aims at an article that
//! exists and no two touch the same one, then written in the operation
//! grammar of both languages.

use crate::article::{Para, article_text, push_body, shape};
use crate::rng::{Rng, derive};
use crate::sentences::sentences;
use crate::sink::q;
use crate::standards::Instrument;
use crate::types::{AR_BIS_WORDS, Date, Lang, Num};
use crate::vocab::{ART_TITLES, EN_MOD, EN_OBJ, Vocab};
use crate::works::Work;
use crate::{BENCH_AMENDMENT, BENCH_TOUCHED, GenerateOptions};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum OpKind {
    Replace,
    Insert,
    Repeal,
    Renumber,
    Substitute,
    ReplacePara,
    InsertPara,
}

pub(crate) const OP_KINDS: [OpKind; 7] = [
    OpKind::Replace,
    OpKind::Insert,
    OpKind::Repeal,
    OpKind::Renumber,
    OpKind::Substitute,
    OpKind::ReplacePara,
    OpKind::InsertPara,
];
pub(crate) const OP_WEIGHTS: [usize; 7] = [20, 12, 10, 6, 30, 12, 10];

pub(crate) enum Occurrence {
    /// Exactly one occurrence, no suffix.
    Only,
    Nth(usize),
    All,
}

pub(crate) struct Substitution {
    pub(crate) find: String,
    pub(crate) with: String,
    pub(crate) occurrence: Occurrence,
    pub(crate) quotes: (&'static str, &'static str),
}

pub(crate) struct Op {
    pub(crate) kind: OpKind,
    /// The article named (for an insertion, the one it follows).
    pub(crate) art: usize,
    pub(crate) seed: u64,
    /// A 1-based paragraph number, for paragraph operations.
    pub(crate) para: usize,
    pub(crate) subst: Option<Substitution>,
}

pub(crate) struct MappingChange {
    pub(crate) standard: usize,
    pub(crate) provision: usize,
    pub(crate) element: Option<usize>,
    pub(crate) article: String,
    pub(crate) status: &'static str,
}

pub(crate) struct Amendment {
    pub(crate) id: String,
    pub(crate) work: usize,
    pub(crate) lang: Lang,
    pub(crate) status: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) committee: bool,
    pub(crate) sponsor: &'static str,
    pub(crate) submitted: Date,
    pub(crate) enacted: Option<Date>,
    pub(crate) ops: Vec<Op>,
    pub(crate) change: Option<MappingChange>,
    pub(crate) topic: usize,
}

pub(crate) const TOPICS: &[(&str, &str, &str)] = &[
    ("wages", "the protection of wages", "حماية الأجور"),
    (
        "passports",
        "the retention of passports",
        "احتجاز جوازات السفر",
    ),
    ("recruitment", "recruitment", "الاستقدام"),
    ("shelters", "shelters for victims", "مراكز الإيواء"),
    ("penalties", "penalties", "العقوبات"),
    ("inspection", "labour inspection", "تفتيش العمل"),
    ("contracts", "employment contracts", "عقود العمل"),
    ("residence", "residence permits", "تصاريح الإقامة"),
    ("victims", "the protection of victims", "حماية المجني عليهم"),
    ("fees", "recruitment fees", "رسوم الاستقدام"),
];

pub(crate) const SPONSORS: &[&str] = &[
    "Ministry of Social Affairs and Labour",
    "Public Authority for Manpower",
    "A group of Members of the National Assembly",
    "Ministry of Interior",
    "Ministry of Justice",
];

pub(crate) fn plan_amendments(
    opts: &GenerateOptions,
    v: &Vocab,
    works: &[Work],
    instruments: &[Instrument],
) -> Vec<Amendment> {
    let mut r = Rng::new(derive(opts.seed, &[3]));
    let mut used: Vec<Vec<bool>> = works
        .iter()
        .map(|w| vec![false; w.articles.len()])
        .collect();
    let mut list = Vec::new();

    if let Some(bi) = works.iter().position(|w| w.bench) {
        list.push(bench_amendment(&mut r, v, bi, &works[bi], &mut used[bi]));
    }

    let targets: Vec<usize> = (0..works.len()).filter(|&i| !works[i].bench).collect();
    if targets.is_empty() {
        return list;
    }
    let count = (opts.articles / 400).max(24);
    let mut serial = 0usize;
    for i in 0..count {
        let (forced, lang, status) = draw_status(&mut r, i);
        let nops = 1 + r.below(5);
        let wi = pick_work(&mut r, &targets, &used, nops);
        let mut ops = Vec::with_capacity(nops);
        for k in 0..nops {
            let kind = match forced {
                Some(kind) if k == 0 => kind,
                _ => OP_KINDS[r.weighted(&OP_WEIGHTS)],
            };
            if let Some(op) = try_op(&mut r, v, &works[wi], &mut used[wi], kind, lang) {
                ops.push(op);
            }
        }
        if ops.is_empty() {
            continue;
        }
        ops.sort_by_key(|o| o.art);
        serial += 1;
        let planned = Planned {
            serial,
            work: wi,
            lang,
            status,
            ops,
        };
        list.push(planned.amendment(&mut r, &works[wi], instruments));
    }
    list
}

/// The pending amendment of the diff benchmark: exactly
/// [`BENCH_TOUCHED`] operations on the benchmark work `bi`.
fn bench_amendment(r: &mut Rng, v: &Vocab, bi: usize, work: &Work, used: &mut [bool]) -> Amendment {
    let mut kinds = Vec::with_capacity(BENCH_TOUCHED);
    kinds.extend([OpKind::Replace; 7]);
    kinds.extend([OpKind::Substitute; 7]);
    kinds.extend([OpKind::Insert; 3]);
    kinds.extend([OpKind::Repeal; 3]);
    let mut ops: Vec<Op> = kinds
        .into_iter()
        .filter_map(|k| try_op(r, v, work, used, k, Lang::En))
        .collect();
    ops.sort_by_key(|o| o.art);
    Amendment {
        id: BENCH_AMENDMENT.to_string(),
        work: bi,
        lang: Lang::En,
        status: "submitted",
        kind: "bill",
        committee: false,
        sponsor: SPONSORS[0],
        submitted: Date {
            y: 2026,
            m: 1,
            d: 15,
        },
        enacted: None,
        ops,
        change: None,
        topic: 0,
    }
}

/// The forced operation (if any), language and status of the `i`th
/// amendment. The first amendments cover every operation in both
/// languages, first pending and then enacted; the rest are drawn at random.
fn draw_status(r: &mut Rng, i: usize) -> (Option<OpKind>, Lang, &'static str) {
    if i < 14 {
        let lang = if i < 7 { Lang::En } else { Lang::Ar };
        (
            Some(OP_KINDS[i % 7]),
            lang,
            ["draft", "submitted", "in-committee", "approved"][i % 4],
        )
    } else if i < 21 {
        let lang = if i.is_multiple_of(2) {
            Lang::En
        } else {
            Lang::Ar
        };
        (Some(OP_KINDS[i - 14]), lang, "enacted")
    } else {
        let lang = if r.chance(25) { Lang::Ar } else { Lang::En };
        let status = [
            "draft",
            "submitted",
            "in-committee",
            "approved",
            "enacted",
            "rejected",
            "withdrawn",
        ][r.weighted(&[20, 15, 10, 15, 30, 5, 5])];
        (None, lang, status)
    }
}

/// A target work with room for `nops` operations, if one is found in a
/// few draws (else the last drawn).
fn pick_work(r: &mut Rng, targets: &[usize], used: &[Vec<bool>], nops: usize) -> usize {
    let mut wi = targets[r.below(targets.len())];
    for _ in 0..10 {
        let free = used[wi].iter().filter(|&&u| !u).count();
        if free > nops * 3 {
            break;
        }
        wi = targets[r.below(targets.len())];
    }
    wi
}

/// An amendment whose operations are chosen; the rest is drawn from it.
struct Planned {
    serial: usize,
    work: usize,
    lang: Lang,
    status: &'static str,
    ops: Vec<Op>,
}

impl Planned {
    /// Draws the topic, dates, kind, mapping change, visibility and
    /// sponsor, in that order.
    fn amendment(self, r: &mut Rng, work: &Work, instruments: &[Instrument]) -> Amendment {
        let status = self.status;
        let topic = r.below(TOPICS.len());
        let enacted = (status == "enacted").then(|| {
            let y = work.in_force.y + 1 + r.below(2025 - work.in_force.y as usize) as u16;
            Date::random(r, y.min(2025))
        });
        let kind = if status == "enacted" {
            ["bill", "decree-law", "court-ruling", "ministerial"][r.weighted(&[55, 20, 10, 15])]
        } else {
            ["bill", "decree-law", "ministerial"][r.weighted(&[70, 15, 15])]
        };
        let submitted = match enacted {
            Some(e) => Date::random(r, e.y - 1),
            None => {
                let y = 2025 + r.below(2) as u16;
                Date::random(r, y)
            }
        };
        let pending = matches!(status, "draft" | "submitted" | "in-committee" | "approved");
        let change = if pending && !instruments.is_empty() && r.chance(40) {
            mapping_change(r, work, &self.ops, instruments)
        } else {
            None
        };
        let committee = pending && r.chance(15);
        let sponsor = if kind == "court-ruling" {
            "Constitutional Court"
        } else {
            SPONSORS[r.below(SPONSORS.len())]
        };
        Amendment {
            id: format!("amend-{:04}-{}", self.serial, TOPICS[topic].0),
            work: self.work,
            lang: self.lang,
            status,
            kind,
            committee,
            sponsor,
            submitted,
            enacted,
            ops: self.ops,
            change,
            topic,
        }
    }
}

pub(crate) fn mapping_change(
    r: &mut Rng,
    work: &Work,
    ops: &[Op],
    instruments: &[Instrument],
) -> Option<MappingChange> {
    let op = ops
        .iter()
        .find(|o| !matches!(o.kind, OpKind::Repeal | OpKind::Renumber))?;
    let num = work.articles[op.art].num;
    let article = match op.kind {
        OpKind::Insert => format!("{}/~{}", work.id(), num.bis().eid()),
        _ => format!("{}/~{}", work.id(), num.eid()),
    };
    let standard = r.below(instruments.len());
    let provision = r.below(instruments[standard].provisions.len());
    let n = instruments[standard].provisions[provision].elements.len();
    Some(MappingChange {
        standard,
        provision,
        element: (n > 0).then(|| r.below(n)),
        article,
        status: if r.chance(70) { "full" } else { "partial" },
    })
}

/// Picks a free article of `work` the operation can aim at, marks it used and
/// returns the operation: random tries first, then a scan.
pub(crate) fn try_op(
    r: &mut Rng,
    v: &Vocab,
    work: &Work,
    used: &mut [bool],
    kind: OpKind,
    lang: Lang,
) -> Option<Op> {
    let n = work.articles.len();
    if n == 0 {
        return None;
    }
    let start = r.below(n);
    let candidates = (0..12)
        .map(|_| r.below(n))
        .collect::<Vec<_>>()
        .into_iter()
        .chain((0..n).map(|k| (start + k) % n));
    for i in candidates {
        if used[i] {
            continue;
        }
        let art = &work.articles[i];
        let seed = derive(art.seed, &[9, kind as u64]);
        let mut op = Op {
            kind,
            art: i,
            seed,
            para: 0,
            subst: None,
        };
        match kind {
            OpKind::Replace | OpKind::Repeal => {}
            OpKind::Insert | OpKind::Renumber => {
                // The new number is the free `N bis` after a plain `N`.
                if art.num.suffix != 0 || work.find(art.num.bis()).is_some() {
                    continue;
                }
            }
            OpKind::ReplacePara | OpKind::InsertPara => {
                let plain = work.shape(i).plain_paras();
                if plain.is_empty() {
                    continue;
                }
                op.para = r.pick(&plain);
            }
            OpKind::Substitute => {
                let shape = work.shape(i);
                let paras = article_text(v, art.seed, &shape, lang);
                let title = shape.title.map(|t| match lang {
                    Lang::En => ART_TITLES[t].0,
                    Lang::Ar => ART_TITLES[t].1,
                });
                let Some(s) = substitution(r, v, &paras, title, lang) else {
                    continue;
                };
                op.subst = Some(s);
            }
        }
        used[i] = true;
        return Some(op);
    }
    None
}

/// A letter, digit or Arabic mark: something a word boundary cannot split.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{064B}'..='\u{065F}').contains(&c)
        || c == '\u{0670}'
        || c == '\u{0640}'
}

/// Occurrences of `phrase` in `text`, overlapping ones included; `None` when
/// one of them does not start and end on a word boundary.
pub(crate) fn count_whole(text: &str, phrase: &str) -> Option<usize> {
    let mut count = 0;
    for (pos, _) in text.char_indices() {
        if !text[pos..].starts_with(phrase) {
            continue;
        }
        let before = text[..pos].chars().next_back();
        let after = text[pos + phrase.len()..].chars().next();
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            return None;
        }
        count += 1;
    }
    Some(count)
}

pub(crate) fn substitution(
    r: &mut Rng,
    v: &Vocab,
    paras: &[Para],
    title: Option<&str>,
    lang: Lang,
) -> Option<Substitution> {
    let segments: Vec<&str> = paras
        .iter()
        .flat_map(|p| std::iter::once(p.text.as_str()).chain(p.points.iter().map(String::as_str)))
        .collect();
    for _ in 0..10 {
        let seg = r.pick(&segments);
        let words: Vec<&str> = seg.split(' ').collect();
        let len = [1, 2, 2, 3, 3, 3, 4, 4][r.below(8)].min(words.len());
        let start = r.below(words.len() - len + 1);
        let phrase = words[start..start + len]
            .join(" ")
            .trim_end_matches(['.', ',', ';', ':', '،', '؛'])
            .to_string();
        if phrase.chars().count() < 3
            || phrase.contains(['.', ';', ':', '؛', '"', '“', '”', '«', '»', '(', ')'])
            || (len > 1 && words[start] == words[start + len - 1])
            || title.is_some_and(|t| t.contains(phrase.as_str()))
        {
            continue;
        }
        let mut count = 0;
        let mut whole = true;
        for s in &segments {
            match count_whole(s, &phrase) {
                Some(c) => count += c,
                None => whole = false,
            }
        }
        if !whole || count == 0 {
            continue;
        }
        let occurrence = if count == 1 {
            if r.chance(85) {
                Occurrence::Only
            } else {
                Occurrence::Nth(1)
            }
        } else if r.chance(50) {
            Occurrence::All
        } else {
            Occurrence::Nth(1 + r.below(count))
        };
        let with = if len > 1 && r.chance(12) {
            String::new()
        } else {
            let mut s = String::new();
            match lang {
                Lang::En => {
                    s.push_str(if r.chance(50) {
                        r.pick(EN_OBJ)
                    } else {
                        r.pick(EN_MOD)
                    });
                }
                Lang::Ar => {
                    let list = if r.chance(50) { &v.obj } else { &v.modif };
                    s.push_str(&list[r.below(list.len())].plain);
                }
            }
            s
        };
        if with == phrase {
            continue;
        }
        let quotes = match lang {
            Lang::En => [("\"", "\""), ("“", "”"), ("«", "»")][r.weighted(&[60, 30, 10])],
            Lang::Ar => [("«", "»"), ("\"", "\"")][r.weighted(&[80, 20])],
        };
        return Some(Substitution {
            find: phrase,
            with,
            occurrence,
            quotes,
        });
    }
    None
}

/// An article reference in an amendment heading.
pub(crate) fn art_ref(num: Num, lang: Lang, indic: bool) -> String {
    match lang {
        Lang::En => format!("Article {}", num.en()),
        Lang::Ar => format!("المادة {}", num.ar(indic, AR_BIS_WORDS[0])),
    }
}

pub(crate) fn write_amendment(
    out: &mut String,
    v: &Vocab,
    am: &Amendment,
    works: &[Work],
    instruments: &[Instrument],
) {
    let work = &works[am.work];
    write_front_matter(out, am, work, instruments);
    let mut r = Rng::new(derive(am.ops.first().map_or(0, |o| o.seed), &[10]));
    for op in &am.ops {
        let num = work.articles[op.art].num;
        let indic = r.chance(50);
        out.push_str("\n## ");
        write_op_heading(out, op, num, am.lang, indic);
        out.push('\n');
        write_op_text(out, v, op, am.lang);
    }
}

fn write_front_matter(out: &mut String, am: &Amendment, work: &Work, instruments: &[Instrument]) {
    let (_, topic_en, topic_ar) = TOPICS[am.topic];
    out.push_str("---\n");
    w!(out, "id: {}\n", am.id);
    let title = match am.lang {
        Lang::En => format!(
            "Amendment of Law No. {} of {} on {topic_en}",
            work.number, work.year
        ),
        Lang::Ar => format!(
            "تعديل القانون رقم {} لسنة {} في شأن {topic_ar}",
            work.number, work.year
        ),
    };
    w!(out, "title: {}\n", q(&title));
    w!(out, "amends: {}\n", work.id());
    w!(out, "kind: {}\nstatus: {}\n", am.kind, am.status);
    w!(
        out,
        "visibility: {}\n",
        if am.committee { "committee" } else { "public" }
    );
    w!(out, "sponsor: {}\n", q(am.sponsor));
    w!(out, "submitted: {}\n", am.submitted);
    if let Some(e) = am.enacted {
        w!(out, "enacted: {e}\nin_force: {}\n", e.later(14));
    }
    out.push_str(
        "note: \"Synthetic amendment written by the mizan generator; not a real proposal.\"\n",
    );
    if let Some(c) = &am.change {
        let inst = &instruments[c.standard];
        let p = &inst.provisions[c.provision];
        out.push_str("mapping_changes:\n");
        w!(out, "  - standard: {}\n    provision: {}\n", inst.id, p.eid);
        if let Some(e) = c.element {
            w!(out, "    element: {}\n", p.elements[e].id);
        }
        w!(
            out,
            "    articles: [{}]\n    status: {}\n",
            c.article,
            c.status
        );
        w!(
            out,
            "    rationale: {}\n",
            q("Once in force, the amended article would regulate the matter.")
        );
    }
    out.push_str("---\n");
}

/// The heading of an operation, in the grammar of `lang`, without `## `.
fn write_op_heading(out: &mut String, op: &Op, num: Num, lang: Lang, indic: bool) {
    let target = art_ref(num, lang, indic);
    match (op.kind, lang) {
        (OpKind::Replace, Lang::En) => w!(out, "Replace {target}"),
        (OpKind::Replace, Lang::Ar) => w!(out, "استبدال {target}"),
        (OpKind::Insert, lang) => {
            let new = art_ref(num.bis(), lang, indic);
            match lang {
                Lang::En => w!(out, "Insert {new} after {target}"),
                Lang::Ar => w!(out, "إضافة {new} بعد {target}"),
            }
        }
        (OpKind::Repeal, Lang::En) => w!(out, "Repeal {target}"),
        (OpKind::Repeal, Lang::Ar) => w!(out, "إلغاء {target}"),
        (OpKind::Renumber, lang) => {
            let new = art_ref(num.bis(), lang, indic);
            match lang {
                Lang::En => w!(out, "Renumber {target} as {new}"),
                Lang::Ar => w!(out, "إعادة ترقيم {target} إلى {new}"),
            }
        }
        (OpKind::Substitute, lang) => {
            if let Some(s) = &op.subst {
                write_substitution(out, s, &target, lang);
            }
        }
        (OpKind::ReplacePara, Lang::En) => w!(out, "Replace {target} paragraph {}", op.para),
        (OpKind::ReplacePara, Lang::Ar) => w!(out, "استبدال الفقرة {} من {target}", op.para),
        (OpKind::InsertPara, Lang::En) => {
            w!(out, "Insert paragraph after {target} paragraph {}", op.para)
        }
        (OpKind::InsertPara, Lang::Ar) => {
            w!(out, "إضافة فقرة بعد الفقرة {} من {target}", op.para)
        }
    }
}

fn write_substitution(out: &mut String, s: &Substitution, target: &str, lang: Lang) {
    let (open, close) = s.quotes;
    match lang {
        Lang::En => w!(
            out,
            "In {target}, substitute {open}{}{close} with {open}{}{close}",
            s.find,
            s.with
        ),
        Lang::Ar => w!(
            out,
            "في {target}، يستبدل {open}{}{close} بـ {open}{}{close}",
            s.find,
            s.with
        ),
    }
    match (&s.occurrence, lang) {
        (Occurrence::Only, _) => {}
        (Occurrence::Nth(k), Lang::En) => w!(out, " (occurrence {k})"),
        (Occurrence::Nth(k), Lang::Ar) => w!(out, " (المرة {k})"),
        (Occurrence::All, Lang::En) => out.push_str(" (all)"),
        (Occurrence::All, Lang::Ar) => out.push_str(" (الكل)"),
    }
}

/// The new text an operation carries: a whole article, or one or two
/// sentences for a paragraph; nothing for the others.
fn write_op_text(out: &mut String, v: &Vocab, op: &Op, lang: Lang) {
    match op.kind {
        OpKind::Replace | OpKind::Insert => {
            let shape = shape(op.seed, 60);
            if let Some(t) = shape.title {
                let t = match lang {
                    Lang::En => ART_TITLES[t].0,
                    Lang::Ar => ART_TITLES[t].1,
                };
                w!(out, "\n### {t}\n");
            }
            push_body(out, &article_text(v, op.seed, &shape, lang), lang);
        }
        OpKind::ReplacePara | OpKind::InsertPara => {
            let mut pr = Rng::new(op.seed);
            let n = pr.range(1, 2);
            out.push('\n');
            sentences(&mut pr, v, lang, n, out);
            out.push('\n');
        }
        OpKind::Repeal | OpKind::Renumber | OpKind::Substitute => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_word_counting() {
        assert_eq!(count_whole("the wage and the wages", "the wage"), None);
        assert_eq!(count_whole("the wage and the wage.", "the wage"), Some(2));
        assert_eq!(count_whole("pay the wage", "wage"), Some(1));
    }
}
