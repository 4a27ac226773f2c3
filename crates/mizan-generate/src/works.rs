//! Works: their sizes, numbers and containers, and the statute files of
//! both languages, with the heading styles the gazette uses.

use crate::article::{Shape, article_text, push_body, shape};
use crate::rng::{Rng, derive};
use crate::sink::q;
use crate::types::{AR_BIS_WORDS, Date, Lang, Num, roman};
use crate::vocab::{
    AR_ART_SEPS, AR_ORDINALS, ART_TITLES, CONTAINER_TITLES, EN_ART_SEPS, EN_NUMBER_WORDS, Vocab,
    WORK_SUBJECTS,
};
use crate::{BENCH_ARTICLES, GenerateOptions};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Book,
    Part,
    Chapter,
    Section,
}

impl Kind {
    pub(crate) fn en(self) -> &'static str {
        match self {
            Kind::Book => "Book",
            Kind::Part => "Part",
            Kind::Chapter => "Chapter",
            Kind::Section => "Section",
        }
    }

    pub(crate) fn ar(self) -> &'static str {
        match self {
            Kind::Book => "الكتاب",
            Kind::Part => "الباب",
            Kind::Chapter => "الفصل",
            Kind::Section => "القسم",
        }
    }
}

/// A container heading, written before article `at`.
pub(crate) struct Header {
    pub(crate) at: usize,
    pub(crate) level: usize,
    pub(crate) kind: Kind,
    pub(crate) num: usize,
    pub(crate) title: Option<usize>,
}

pub(crate) struct Article {
    pub(crate) num: Num,
    pub(crate) seed: u64,
}

/// How the English headings of one work are written.
pub(crate) struct EnStyle {
    pub(crate) short: bool,
    pub(crate) sep: usize,
    pub(crate) titled: usize,
    /// Per container kind: 0 digits, 1 Roman numerals, 2 number words.
    pub(crate) numbering: [usize; 4],
}

/// How the Arabic headings of one work are written.
pub(crate) struct ArStyle {
    pub(crate) bare: bool,
    pub(crate) paren: bool,
    pub(crate) indic: bool,
    pub(crate) sep: usize,
    pub(crate) bis_word: usize,
}

pub(crate) struct Work {
    pub(crate) year: u16,
    pub(crate) number: u32,
    pub(crate) subject: usize,
    pub(crate) date: Date,
    pub(crate) published: Date,
    pub(crate) in_force: Date,
    pub(crate) issue: usize,
    pub(crate) partly_repealed: bool,
    pub(crate) depth: usize,
    pub(crate) headers: Vec<Header>,
    pub(crate) articles: Vec<Article>,
    pub(crate) en: EnStyle,
    pub(crate) ar: ArStyle,
    pub(crate) bench: bool,
}

impl Work {
    pub(crate) fn id(&self) -> String {
        format!("/akn/kw/act/{}/{}", self.year, self.number)
    }

    pub(crate) fn stem(&self) -> String {
        format!("act-{}-{}", self.year, self.number)
    }

    pub(crate) fn find(&self, n: Num) -> Option<usize> {
        self.articles.binary_search_by(|a| a.num.cmp(&n)).ok()
    }

    pub(crate) fn shape(&self, i: usize) -> Shape {
        shape(self.articles[i].seed, self.en.titled)
    }

    pub(crate) fn cite(&self, i: usize) -> String {
        format!(
            "Article {} of Law No. {} of {}",
            self.articles[i].num.en(),
            self.number,
            self.year
        )
    }
}

/// Work sizes: random in 50..=1000 (the last may be smaller), the benchmark
/// work of exactly 1,000 articles among them when `n >= 1000`.
pub(crate) fn plan_works(opts: &GenerateOptions) -> Vec<Work> {
    let mut r = Rng::new(derive(opts.seed, &[1]));
    let bench = opts.articles >= BENCH_ARTICLES;
    let mut remaining = opts.articles - if bench { BENCH_ARTICLES } else { 0 };
    let mut sizes = Vec::new();
    while remaining > 0 {
        let size = if remaining <= 1000 {
            remaining
        } else {
            let s = r.range(50, 1000);
            if remaining - s < 50 {
                remaining - 50
            } else {
                s
            }
        };
        sizes.push((size, false));
        remaining -= size;
    }
    if bench {
        let at = r.below(sizes.len() + 1);
        sizes.insert(at, (BENCH_ARTICLES, true));
    }
    let mut works = Vec::with_capacity(sizes.len());
    let mut number = 0u32;
    for (idx, &(size, is_bench)) in sizes.iter().enumerate() {
        number += 1 + r.below(3) as u32;
        let (year, num) = if is_bench {
            (2000, 1000)
        } else {
            let y = 1960 + r.below(60) as u16;
            (if y == 2000 { 1999 } else { y }, number)
        };
        works.push(plan_work(
            &mut r, opts.seed, idx as u64, size, year, num, is_bench,
        ));
    }
    works
}

pub(crate) fn plan_work(
    r: &mut Rng,
    seed: u64,
    idx: u64,
    size: usize,
    year: u16,
    number: u32,
    bench: bool,
) -> Work {
    let date = Date::random(r, year);
    let published = date.later(r.range(3, 20) as u8);
    let in_force = published.later(r.range(0, 27) as u8);
    let mut articles = Vec::with_capacity(size);
    let mut base = 0u32;
    while articles.len() < size {
        base += 1;
        let push = |suffix: u8, articles: &mut Vec<Article>| {
            let i = articles.len() as u64;
            articles.push(Article {
                num: Num { base, suffix },
                seed: derive(seed, &[2, idx, i]),
            });
        };
        push(0, &mut articles);
        if articles.len() < size && r.chance(3) {
            push(1, &mut articles);
            if articles.len() < size && r.chance(30) {
                push(2, &mut articles);
            }
        }
    }
    let depth = if bench {
        2
    } else if size < 30 {
        r.below(2)
    } else {
        [0, 1, 1, 1, 2, 2, 2, 3, 3, 3][r.below(10)]
    };
    let kinds: &[Kind] = match depth {
        0 => &[],
        1 => &[Kind::Chapter],
        2 => &[Kind::Part, Kind::Chapter],
        _ => {
            if r.chance(50) {
                &[Kind::Part, Kind::Chapter, Kind::Section]
            } else {
                &[Kind::Book, Kind::Part, Kind::Chapter]
            }
        }
    };
    let mut headers = Vec::new();
    layout(r, 0, size, kinds, 1, &mut headers);
    Work {
        year,
        number,
        subject: r.below(WORK_SUBJECTS.len()),
        date,
        published,
        in_force,
        issue: r.range(100, 1700),
        partly_repealed: r.chance(10),
        depth,
        headers,
        articles,
        en: EnStyle {
            short: r.chance(25),
            sep: r.below(EN_ART_SEPS.len()),
            titled: r.range(40, 95),
            numbering: [r.below(3), r.below(3), r.below(3), r.below(2)],
        },
        ar: ArStyle {
            bare: r.chance(35),
            paren: r.chance(50),
            indic: r.chance(60),
            sep: r.below(AR_ART_SEPS.len()),
            bis_word: r.weighted(&[70, 15, 15]),
        },
        bench,
    }
}

/// Splits articles `start..end` into containers of `kinds[0]`, nesting the
/// rest of `kinds` inside each.
pub(crate) fn layout(
    r: &mut Rng,
    start: usize,
    end: usize,
    kinds: &[Kind],
    level: usize,
    out: &mut Vec<Header>,
) {
    let Some((&kind, rest)) = kinds.split_first() else {
        return;
    };
    let n = end - start;
    let groups = r.range(2, 10).min(n);
    let mut cuts: Vec<usize> = (1..groups).map(|_| start + 1 + r.below(n - 1)).collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.insert(0, start);
    cuts.push(end);
    for (k, pair) in cuts.windows(2).enumerate() {
        out.push(Header {
            at: pair[0],
            level,
            kind,
            num: k + 1,
            title: r.chance(80).then(|| r.below(CONTAINER_TITLES.len())),
        });
        layout(r, pair[0], pair[1], rest, level + 1, out);
    }
}

pub(crate) fn write_settings(out: &mut String, opts: &GenerateOptions) {
    w!(
        out,
        "# Synthetic workspace written by the mizan generator; not real law.\n\
         # articles per language: {}, seed: {}\n\
         title = \"Synthetic workspace ({} articles, seed {})\"\n\
         jurisdiction = \"kw\"\n\
         languages = [\"en\", \"ar\"]\n\
         \n\
         [gaps.weights]\n\
         mandatory = 1.0\n\
         qualified = 0.8\n\
         consider = 0.5\n\
         endeavour = 0.5\n\
         soft = 0.25\n",
        opts.articles,
        opts.seed,
        opts.articles,
        opts.seed
    );
}

pub(crate) fn write_statute(out: &mut String, v: &Vocab, work: &Work, lang: Lang, seed: u64) {
    let (en_subject, ar_subject, short) = WORK_SUBJECTS[work.subject];
    let en_title = format!("Law No. {} of {} on {en_subject}", work.number, work.year);
    let ar_title = format!(
        "قانون رقم {} لسنة {} في شأن {ar_subject}",
        work.number, work.year
    );
    out.push_str("---\n");
    w!(out, "work: {}\nlang: {}\n", work.id(), lang.code());
    match lang {
        Lang::En => {
            w!(out, "title: {}\nshort_title: {}\n", q(&en_title), q(short));
            w!(out, "titles:\n  ar: {}\n", q(&ar_title));
        }
        Lang::Ar => {
            w!(out, "title: {}\n", q(&ar_title));
            w!(out, "titles:\n  en: {}\n", q(&en_title));
        }
    }
    w!(out, "date: {}\n", work.date);
    w!(
        out,
        "publication:\n  gazette: {}\n  issue: \"{}\"\n  date: {}\n",
        q(match lang {
            Lang::En => "Kuwait Al-Youm",
            Lang::Ar => "الكويت اليوم",
        }),
        work.issue,
        work.published
    );
    w!(out, "in_force: {}\n", work.in_force);
    w!(
        out,
        "status: {}\n",
        if work.partly_repealed {
            "partly-repealed"
        } else {
            "in-force"
        }
    );
    w!(
        out,
        "authority: {}\n",
        match lang {
            Lang::En => "unofficial-translation",
            Lang::Ar => "official",
        }
    );
    w!(
        out,
        "source: {}\n",
        q(&format!(
            "Synthetic text written by the mizan generator (seed {seed}); not a real law"
        ))
    );
    w!(out, "version_date: {}\n", work.in_force);
    match lang {
        Lang::En => out.push_str("note: \"Generated for benchmarks and scale tests.\"\n"),
        Lang::Ar => out.push_str("note: \"نص مولد آلياً لاختبارات الأداء.\"\n"),
    }
    out.push_str("---\n");

    let art_level = work.depth + 1;
    let mut next_header = 0;
    for (i, art) in work.articles.iter().enumerate() {
        while let Some(h) = work.headers.get(next_header).filter(|h| h.at == i) {
            write_container(out, work, h, lang);
            next_header += 1;
        }
        let shape = shape(art.seed, work.en.titled);
        out.push('\n');
        push_hashes(out, art_level);
        write_article_heading(out, work, art.num, &shape, lang);
        out.push('\n');
        let paras = article_text(v, art.seed, &shape, lang);
        push_body(out, &paras, lang);
    }
}

pub(crate) fn push_hashes(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push('#');
    }
    out.push(' ');
}

pub(crate) fn write_container(out: &mut String, work: &Work, h: &Header, lang: Lang) {
    out.push('\n');
    push_hashes(out, h.level);
    match lang {
        Lang::En => {
            out.push_str(h.kind.en());
            out.push(' ');
            let style = work.en.numbering[h.kind as usize];
            match style {
                1 => out.push_str(&roman(h.num as u32)),
                2 if h.num <= EN_NUMBER_WORDS.len() => out.push_str(EN_NUMBER_WORDS[h.num - 1]),
                _ => w!(out, "{}", h.num),
            }
            if let Some(t) = h.title {
                out.push_str(EN_ART_SEPS[work.en.sep]);
                out.push_str(CONTAINER_TITLES[t].0);
            }
        }
        Lang::Ar => {
            out.push_str(h.kind.ar());
            out.push(' ');
            if h.num <= AR_ORDINALS.len() {
                out.push_str(AR_ORDINALS[h.num - 1]);
            } else {
                w!(out, "{}", h.num);
            }
            if let Some(t) = h.title {
                out.push_str(AR_ART_SEPS[work.ar.sep]);
                out.push_str(CONTAINER_TITLES[t].1);
            }
        }
    }
    out.push('\n');
}

pub(crate) fn write_article_heading(
    out: &mut String,
    work: &Work,
    num: Num,
    shape: &Shape,
    lang: Lang,
) {
    // A few articles in every work depart from its usual heading form.
    let flip = shape.variant < 10;
    match lang {
        Lang::En => {
            out.push_str(if work.en.short != flip {
                "Art. "
            } else {
                "Article "
            });
            out.push_str(&num.en());
            if let Some(t) = shape.title {
                out.push_str(EN_ART_SEPS[work.en.sep]);
                out.push_str(ART_TITLES[t].0);
            }
        }
        Lang::Ar => {
            let st = &work.ar;
            out.push_str(if st.bare != flip {
                "مادة "
            } else {
                "المادة "
            });
            let indic = st.indic != (shape.variant % 10 == 3);
            if num.suffix == 0 && st.paren {
                w!(out, "({})", num.ar(indic, ""));
            } else {
                out.push_str(&num.ar(indic, AR_BIS_WORDS[st.bis_word]));
            }
            if let Some(t) = shape.title {
                out.push_str(AR_ART_SEPS[st.sep]);
                out.push_str(ART_TITLES[t].1);
            }
        }
    }
    // An explicit eId now and then; always the one the number gives.
    if shape.variant >= 98 {
        w!(out, " {{#{}}}", num.eid());
    }
}
