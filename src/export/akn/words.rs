//! The few sentences an export writes itself (status lines and notes that
//! explain what a document is), in the language of the expression.

use crate::corpus::{Authority, Lang};
use crate::date::Date;

/// The status shown in the preface (`docStatus`).
pub fn status(authority: Authority, lang: Lang) -> &'static str {
    match (authority, lang) {
        (Authority::Official, Lang::En) => "Official text",
        (Authority::Official, Lang::Ar) => "نص رسمي",
        (Authority::UnofficialTranslation, Lang::En) => "Unofficial translation",
        (Authority::UnofficialTranslation, Lang::Ar) => "ترجمة غير رسمية",
        (Authority::UnofficialSummary, Lang::En) => "Unofficial summary",
        (Authority::UnofficialSummary, Lang::Ar) => "ملخص غير رسمي",
    }
}

/// What the text is and is not, as a note.
pub fn authority_note(authority: Authority, lang: Lang) -> &'static str {
    match (authority, lang) {
        (Authority::Official, Lang::En) => "This is the official text.",
        (Authority::Official, Lang::Ar) => "هذا هو النص الرسمي.",
        (Authority::UnofficialTranslation, Lang::En) => {
            "Unofficial translation: this is not the official text. Only the text \
             published in the official gazette is authoritative."
        }
        (Authority::UnofficialTranslation, Lang::Ar) => {
            "ترجمة غير رسمية، وليست النص الرسمي؛ والمرجع المعتمد هو النص المنشور في \
             الجريدة الرسمية."
        }
        (Authority::UnofficialSummary, Lang::En) => {
            "Unofficial summary: an account of the law written article by article in \
             its editors' own words. It is neither the official text nor a \
             translation; only the text published in the official gazette is \
             authoritative."
        }
        (Authority::UnofficialSummary, Lang::Ar) => {
            "ملخص غير رسمي: عرضٌ للقانون مادةً مادة بصياغة محرريه الخاصة. وهو ليس النص \
             الرسمي ولا ترجمة له؛ والمرجع المعتمد هو النص المنشور في الجريدة الرسمية."
        }
    }
}

/// Labels put before a note's text.
pub struct Labels {
    pub sources: &'static str,
    pub omitted: &'static str,
    pub repealed_by: &'static str,
}

pub fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::En => Labels {
            sources: "Sources: ",
            omitted: "Not included: ",
            repealed_by: "Repealed by: ",
        },
        Lang::Ar => Labels {
            sources: "المصادر: ",
            omitted: "ما لم يُدرج: ",
            repealed_by: "أُلغي بموجب: ",
        },
    }
}

/// Why a `FRBRdate` holds 1 January of a year: the day is not known.
pub fn year_only_note(what: DateOf, year: u16, lang: Lang) -> String {
    match (what, lang) {
        (DateOf::Work, Lang::En) => format!(
            "The date of this law is not known beyond its year. Akoma Ntoso requires a \
             full date, so the work's FRBRdate reads {year}-01-01 and is named \
             \"year-only\": only the year {year} is a fact."
        ),
        (DateOf::Work, Lang::Ar) => format!(
            "لا يُعرف من تاريخ هذا القانون إلا سنته. ولأن أكوما نتوسو تشترط تاريخاً كاملاً، \
             فقد كُتب تاريخ العمل {year}-01-01 باسم \"year-only\"، والثابت منه السنة {year} وحدها."
        ),
        (DateOf::Expression, Lang::En) => format!(
            "The date this text is current to is not known. Akoma Ntoso requires a full \
             date, so the expression's FRBRdate reads {year}-01-01 and is named \
             \"year-only\"; the expression id ends in \"@\", which marks the original \
             version."
        ),
        (DateOf::Expression, Lang::Ar) => format!(
            "لا يُعرف التاريخ الذي يسري عليه هذا النص. ولأن أكوما نتوسو تشترط تاريخاً \
             كاملاً، فقد كُتب تاريخ الصيغة {year}-01-01 باسم \"year-only\"، وينتهي معرّف \
             الصيغة بالرمز \"@\" الدال على النسخة الأصلية."
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOf {
    Work,
    Expression,
}

/// Why there is no `publication` element though the gazette is known.
pub fn publication_note(gazette: &str, issue: Option<&str>, lang: Lang) -> String {
    match (issue, lang) {
        (Some(issue), Lang::En) => format!(
            "Published in {gazette}, issue {issue}. The date of publication is not \
             recorded, and Akoma Ntoso's publication element requires one, so it is \
             left out."
        ),
        (None, Lang::En) => format!(
            "Published in {gazette}. The issue and date of publication are not \
             recorded, and Akoma Ntoso's publication element requires a date, so it \
             is left out."
        ),
        (Some(issue), Lang::Ar) => format!(
            "نُشر في {gazette}، العدد {issue}. ولم يُسجَّل تاريخ النشر، وعنصر النشر في \
             أكوما نتوسو يشترطه، فتُرك."
        ),
        (None, Lang::Ar) => format!(
            "نُشر في {gazette}. ولم يُسجَّل رقم العدد ولا تاريخ النشر، وعنصر النشر في \
             أكوما نتوسو يشترط التاريخ، فتُرك."
        ),
    }
}

/// The state, as the author of its laws.
pub fn state(country: &str, lang: Lang) -> String {
    match (country, lang) {
        ("kw", Lang::En) => "State of Kuwait".to_owned(),
        ("kw", Lang::Ar) => "دولة الكويت".to_owned(),
        (cc, Lang::En) => format!("The state ({})", cc.to_uppercase()),
        (cc, Lang::Ar) => format!("الدولة ({})", cc.to_uppercase()),
    }
}

/// The remark in place of a repealed article.
pub fn repealed(by: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("[Repealed by {by}]"),
        Lang::Ar => format!("[أُلغيت بموجب {by}]"),
    }
}

/// How an amendment for the committee only is named in an export.
pub fn undisclosed(in_force: Option<Date>, lang: Lang) -> String {
    match (in_force, lang) {
        (Some(d), Lang::En) => format!("An amendment in force from {d}"),
        (None, Lang::En) => "An amendment".to_owned(),
        (Some(d), Lang::Ar) => format!("تعديل نافذ اعتباراً من {d}"),
        (None, Lang::Ar) => "تعديل".to_owned(),
    }
}

/// The title of an illustrative draft, labelled as such in the document's
/// language.
pub fn illustrative(title: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{title} (illustrative draft, not an official proposal)"),
        Lang::Ar => format!("{title} (مشروع توضيحي، وليس اقتراحاً رسمياً)"),
    }
}
