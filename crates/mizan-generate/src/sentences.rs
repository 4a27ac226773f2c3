//! Sentences of statute prose, in English and in Arabic.

use crate::rng::Rng;
use crate::types::Lang;
use crate::vocab::{
    AR_COND, AR_MASDAR, AR_PAST, AR_VERB, ArWord, EN_COND, EN_MOD, EN_OBJ, EN_PENALTY, EN_SUBJ,
    EN_VERB, Vocab, push_ar, push_cap,
};

pub(crate) fn en_sentence(r: &mut Rng, out: &mut String) {
    let kind = r.below(100);
    if kind < 35 {
        push_cap(out, r.skewed(EN_SUBJ));
        out.push(' ');
        out.push_str(r.pick(&["shall", "shall", "may", "shall not", "must"]));
        out.push(' ');
        out.push_str(r.skewed(EN_VERB).0);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        if r.chance(70) {
            out.push(' ');
            out.push_str(r.skewed(EN_MOD));
        }
    } else if kind < 55 {
        out.push_str("Whoever ");
        out.push_str(r.skewed(EN_VERB).1);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        out.push(' ');
        out.push_str(r.skewed(EN_MOD));
        out.push_str(" shall be punished by ");
        out.push_str(r.pick(EN_PENALTY));
    } else if kind < 70 {
        push_cap(out, r.skewed(EN_OBJ));
        out.push_str(" may not be ");
        out.push_str(r.skewed(EN_VERB).2);
        out.push(' ');
        out.push_str(r.skewed(EN_MOD));
    } else if kind < 80 {
        push_cap(out, r.skewed(EN_SUBJ));
        out.push_str(" shall ");
        out.push_str(r.skewed(EN_VERB).0);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        out.push_str(" and ");
        out.push_str(r.skewed(EN_VERB).0);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        out.push(' ');
        out.push_str(r.skewed(EN_MOD));
    } else if kind < 90 {
        out.push_str("The penalty shall be doubled where ");
        out.push_str(r.pick(EN_COND));
    } else {
        out.push_str("Without prejudice to any heavier penalty, ");
        out.push_str(r.skewed(EN_SUBJ));
        out.push_str(" shall ");
        out.push_str(r.skewed(EN_VERB).0);
        out.push(' ');
        out.push_str(r.skewed(EN_OBJ));
        out.push(' ');
        out.push_str(r.skewed(EN_MOD));
    }
    out.push('.');
}

pub(crate) fn ar_sentence(r: &mut Rng, v: &Vocab, out: &mut String) {
    let kind = r.below(100);
    if !(35..90).contains(&kind) {
        if kind >= 90 {
            out.push_str("مع عدم الإخلال بأي عقوبة أشد، ");
        }
        out.push_str("على ");
        ar_skewed(r, out, &v.subj);
        out.push_str(" أن ");
        out.push_str(r.skewed(AR_VERB));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
        if r.chance(70) {
            out.push(' ');
            ar_skewed(r, out, &v.modif);
        }
    } else if kind < 55 {
        push_ar(r, out, &v.punished);
        out.push(' ');
        ar_any(r, out, &v.penalty);
        out.push_str(" كل من ");
        out.push_str(r.skewed(AR_PAST));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
        out.push(' ');
        ar_skewed(r, out, &v.modif);
    } else if kind < 70 {
        out.push_str("لا يجوز ");
        out.push_str(r.skewed(AR_MASDAR));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
        out.push(' ');
        ar_skewed(r, out, &v.modif);
    } else if kind < 80 {
        out.push_str("يلتزم ");
        ar_skewed(r, out, &v.subj);
        out.push_str(" ب");
        out.push_str(r.skewed(AR_MASDAR));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
        out.push_str(" و");
        out.push_str(r.skewed(AR_MASDAR));
        out.push(' ');
        ar_skewed(r, out, &v.obj);
    } else {
        out.push_str("تضاعف العقوبة إذا ");
        out.push_str(r.pick(AR_COND));
    }
    out.push('.');
}

/// Pushes a word drawn with [`Rng::skewed`].
pub(crate) fn ar_skewed(r: &mut Rng, out: &mut String, xs: &[ArWord]) {
    let a = r.below(xs.len());
    let b = r.below(xs.len());
    push_ar(r, out, &xs[a.min(b)]);
}

/// Pushes a word drawn uniformly.
pub(crate) fn ar_any(r: &mut Rng, out: &mut String, xs: &[ArWord]) {
    let i = r.below(xs.len());
    push_ar(r, out, &xs[i]);
}

pub(crate) fn sentences(r: &mut Rng, v: &Vocab, lang: Lang, n: usize, out: &mut String) {
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        match lang {
            Lang::En => en_sentence(r, out),
            Lang::Ar => ar_sentence(r, v, out),
        }
    }
}
