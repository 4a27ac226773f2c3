//! The few sentences an export writes itself (status lines and notes that
//! explain what a document is), in the language of the expression, from its
//! language file (messages `akn.*`).

use crate::corpus::{Authority, Lang};
use crate::date::Date;
use crate::settings::Settings;

fn authority_key(authority: Authority) -> &'static str {
    match authority {
        Authority::Official => "official",
        Authority::UnofficialTranslation => "unofficial-translation",
        Authority::UnofficialSummary => "unofficial-summary",
    }
}

/// The status shown in the preface (`docStatus`).
pub fn status(authority: Authority, lang: Lang) -> String {
    lang.t(&format!("akn.status.{}", authority_key(authority)))
        .to_owned()
}

/// What the text is and is not, as a note.
pub fn authority_note(authority: Authority, lang: Lang) -> String {
    lang.t(&format!("akn.note.{}", authority_key(authority)))
        .to_owned()
}

/// Labels put before a note's text.
pub struct Labels {
    pub sources: &'static str,
    pub omitted: &'static str,
    pub repealed_by: &'static str,
}

pub fn labels(lang: Lang) -> Labels {
    Labels {
        sources: lang.t("akn.label.sources"),
        omitted: lang.t("akn.label.omitted"),
        repealed_by: lang.t("akn.label.repealed_by"),
    }
}

/// Why a `FRBRdate` holds 1 January of a year: the day is not known.
pub fn year_only_note(what: DateOf, year: u16, lang: Lang) -> String {
    let key = match what {
        DateOf::Work => "akn.year_only.work",
        DateOf::Expression => "akn.year_only.expression",
    };
    lang.fill(key, &[("year", &year.to_string())])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOf {
    Work,
    Expression,
}

/// Why there is no `publication` element though the gazette is known.
pub fn publication_note(gazette: &str, issue: Option<&str>, lang: Lang) -> String {
    match issue {
        Some(issue) => lang.fill(
            "akn.publication.issue",
            &[("gazette", gazette), ("issue", issue)],
        ),
        None => lang.fill("akn.publication.no_issue", &[("gazette", gazette)]),
    }
}

/// The state, as the author of its laws: named from `mizan.toml`
/// (`jurisdiction-name`), else by its code.
pub fn state(settings: &Settings, country: &str, lang: Lang) -> String {
    match settings.jurisdiction_name_in(lang) {
        Some(name) => lang.fill("akn.state", &[("name", name)]),
        None => lang.fill("akn.state_code", &[("code", &country.to_uppercase())]),
    }
}

/// The remark in place of a repealed article.
pub fn repealed(by: &str, lang: Lang) -> String {
    lang.fill("akn.repealed", &[("by", by)])
}

/// How an amendment for the committee only is named in an export.
pub fn undisclosed(in_force: Option<Date>, lang: Lang) -> String {
    match in_force {
        Some(d) => lang.fill("akn.undisclosed_from", &[("date", &d.to_string())]),
        None => lang.t("akn.undisclosed").to_owned(),
    }
}

/// The title of an illustrative draft, labelled as such in the document's
/// language.
pub fn illustrative(title: &str, lang: Lang) -> String {
    lang.fill("akn.illustrative", &[("title", title)])
}
