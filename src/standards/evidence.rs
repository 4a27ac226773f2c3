//! What a mapping entry's judgment rests on: its `basis` (a gap verified in
//! law, or one only not found in the corpus) and its `sources` (supervisory
//! comments, reports and other citations that support it).

use serde::{Deserialize, Serialize};

/// How far a status short of `full` has been established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapBasis {
    /// The gap is verified in law: the laws that would govern the point are
    /// in the corpus (or a supervisory body has confirmed the gap).
    Verified,
    /// Nothing in the corpus meets the provision, but laws outside the
    /// corpus might: the gap is a finding about the corpus, not the law.
    CorpusOnly,
}

impl GapBasis {
    pub const ALL: [GapBasis; 2] = [GapBasis::Verified, GapBasis::CorpusOnly];

    pub fn as_str(self) -> &'static str {
        match self {
            GapBasis::Verified => "verified",
            GapBasis::CorpusOnly => "corpus-only",
        }
    }

    /// Sort key for gap lists: verified gaps come first, then corpus-only
    /// ones, then entries whose basis is not stated.
    pub fn rank(basis: Option<GapBasis>) -> u8 {
        match basis {
            Some(GapBasis::Verified) => 0,
            Some(GapBasis::CorpusOnly) => 1,
            None => 2,
        }
    }
}

/// What kind of body or document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A comment (observation or direct request) of the ILO Committee of
    /// Experts on the Application of Conventions and Recommendations.
    #[serde(rename = "ilo-ceacr", alias = "ilo-cearc")]
    IloCeacr,
    /// The US Department of State's Trafficking in Persons Report.
    UsTipReport,
    /// A report of a UN Special Rapporteur.
    UnSpecialRapporteur,
    /// Concluding observations or other findings of a UN treaty body.
    UnTreatyBody,
    /// A report of a non-governmental organisation.
    Ngo,
    /// An official publication of the state assessed (gazette, news agency).
    Official,
    Other,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::IloCeacr => "ilo-ceacr",
            SourceKind::UsTipReport => "us-tip-report",
            SourceKind::UnSpecialRapporteur => "un-special-rapporteur",
            SourceKind::UnTreatyBody => "un-treaty-body",
            SourceKind::Ngo => "ngo",
            SourceKind::Official => "official",
            SourceKind::Other => "other",
        }
    }

    /// Kinds that are supervisory findings on the state's law.
    pub fn is_supervisory(self) -> bool {
        matches!(
            self,
            SourceKind::IloCeacr
                | SourceKind::UsTipReport
                | SourceKind::UnSpecialRapporteur
                | SourceKind::UnTreatyBody
        )
    }
}

/// One citation supporting a mapping entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub year: Option<u16>,
    pub url: String,
    pub kind: SourceKind,
}

impl Source {
    /// `Title (year)`, as reports print a citation.
    pub fn label(&self) -> String {
        match self.year {
            Some(y) => format!("{} ({y})", self.title),
            None => self.title.clone(),
        }
    }

    /// Only http(s) links are accepted: a source is cited, never fetched,
    /// and pages link to it.
    pub fn url_is_web(&self) -> bool {
        let lower = self.url.to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://"))
            && !self.url.chars().any(char::is_whitespace)
    }
}

/// Words that show a rationale relies on a supervisory body's finding; such
/// a rationale should cite the finding in `sources`.
pub const SUPERVISORY_WORDS: [&str; 8] = [
    "supervisory",
    "committee of experts",
    "ceacr",
    "special rapporteur",
    "tip report",
    "trafficking in persons report",
    "ilo committee",
    "treaty body",
];

/// Whether a rationale names a supervisory body.
pub fn names_supervisory_body(rationale: &str) -> bool {
    let lower = rationale.to_lowercase();
    SUPERVISORY_WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basis_and_kind_parse_in_kebab_case() {
        let b: GapBasis = serde_saphyr::from_str("corpus-only").unwrap();
        assert_eq!(b, GapBasis::CorpusOnly);
        let k: SourceKind = serde_saphyr::from_str("ilo-ceacr").unwrap();
        assert_eq!(k, SourceKind::IloCeacr);
        let alias: SourceKind = serde_saphyr::from_str("ilo-cearc").unwrap();
        assert_eq!(alias, SourceKind::IloCeacr);
        assert!(serde_saphyr::from_str::<GapBasis>("checked").is_err());
    }

    #[test]
    fn verified_ranks_before_corpus_only_and_unstated() {
        assert!(
            GapBasis::rank(Some(GapBasis::Verified)) < GapBasis::rank(Some(GapBasis::CorpusOnly))
        );
        assert!(GapBasis::rank(Some(GapBasis::CorpusOnly)) < GapBasis::rank(None));
    }

    #[test]
    fn source_label_and_url() {
        let s = Source {
            title: "CEACR direct request, C182".into(),
            year: Some(2015),
            url: "https://normlex.ilo.org/x".into(),
            kind: SourceKind::IloCeacr,
        };
        assert_eq!(s.label(), "CEACR direct request, C182 (2015)");
        assert!(s.url_is_web());
        let bad = Source {
            url: "javascript:alert(1)".into(),
            ..s
        };
        assert!(!bad.url_is_web());
    }

    #[test]
    fn supervisory_rationales_are_recognised() {
        assert!(names_supervisory_body(
            "The ILO Committee of Experts noted this in 2015."
        ));
        assert!(names_supervisory_body(
            "Supervisory bodies note that consent may be coerced."
        ));
        assert!(!names_supervisory_body("Article 2 punishes trafficking."));
    }
}
