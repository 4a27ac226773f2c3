//! Workspace settings: `mizan.toml`.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::corpus::Lang;
use crate::diag::{Code, Diagnostic};
use crate::text::did_you_mean_nearest;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The title of reports and of the site.
    pub title: String,
    /// The title in other languages, by language code (`ar = "..."`).
    pub titles: std::collections::BTreeMap<String, String>,
    /// The jurisdiction reports are about (ISO 3166-1 alpha-2, lower case).
    /// Defaults to the only folder under `corpus/`.
    pub jurisdiction: Option<String>,
    /// The jurisdiction's name in each language (`en = "Kuwait"`), for
    /// sentences that name it; reports fall back to its code.
    pub jurisdiction_name: std::collections::BTreeMap<Lang, String>,
    /// Interface languages; the first is the default.
    pub languages: Vec<Lang>,
    pub gaps: GapSettings,
    pub site: SiteSettings,
    /// The digits each language writes numbers in on the site, by language
    /// code (`ar = "arabic-indic"`); see [`Settings::numerals_for`].
    pub numerals: std::collections::BTreeMap<Lang, Numerals>,
}

pub use crate::lang::Numerals;

impl Settings {
    /// The digits pages in `lang` write every number in: the setting, else
    /// the digits the language's file names (Arabic-Indic for Arabic).
    pub fn numerals_for(&self, lang: Lang) -> Numerals {
        self.numerals
            .get(&lang)
            .copied()
            .unwrap_or(lang.def().numerals)
    }
}

impl Settings {
    /// The jurisdiction's name in `lang`, else in English, else in the
    /// first language it is given in.
    pub fn jurisdiction_name_in(&self, lang: Lang) -> Option<&str> {
        self.jurisdiction_name
            .get(&lang)
            .or_else(|| self.jurisdiction_name.get(&Lang::EN))
            .or_else(|| self.jurisdiction_name.values().next())
            .map(String::as_str)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            title: "mizan".to_owned(),
            titles: std::collections::BTreeMap::new(),
            jurisdiction: None,
            jurisdiction_name: std::collections::BTreeMap::new(),
            languages: vec![Lang::EN, Lang::AR],
            gaps: GapSettings::default(),
            site: SiteSettings::default(),
            numerals: std::collections::BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GapSettings {
    pub weights: Weights,
    /// The last report published: `mizan gaps --since` starts from its date
    /// when given no date, and the site's "since the last report" page
    /// compares with it.
    pub last_report: Option<LastReport>,
}

/// `[gaps.last_report]`: when the last report was published and, if kept,
/// the file it was published as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastReport {
    /// The date the report describes (`"2025-06-30"`).
    pub date: crate::date::Date,
    /// The report as published (`mizan gaps --format json`), relative to
    /// the workspace: with it, a change of the assessment since then shows
    /// as a reassessment.
    pub file: Option<std::path::PathBuf>,
}

/// Obligation weights for the gap score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    pub mandatory: f64,
    pub qualified: f64,
    pub consider: f64,
    pub endeavour: f64,
    pub soft: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            mandatory: 1.0,
            qualified: 0.8,
            consider: 0.5,
            endeavour: 0.5,
            soft: 0.25,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiteSettings {
    /// Absolute URL the site will be published at, for the sitemap and
    /// canonical links; relative links are used when empty.
    pub base_url: Option<String>,
}

/// Reads `mizan.toml`.
pub fn read_settings(path: &Arc<Path>, text: &str) -> Result<Settings, Diagnostic> {
    let settings: Settings = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        let mut d = Diagnostic::error(Code::InvalidSettings, path, e.span(), message.clone());
        if let Some(rest) = message.strip_prefix("unknown field `")
            && let Some(end) = rest.find('`')
        {
            let expected: Vec<&str> = rest[end + 1..].split('`').skip(1).step_by(2).collect();
            if let Some(help) = did_you_mean_nearest(&rest[..end], expected.iter().copied()) {
                d = d.with_help(help);
            }
        }
        d
    })?;
    let w = settings.gaps.weights;
    for (name, value) in [
        ("mandatory", w.mandatory),
        ("qualified", w.qualified),
        ("consider", w.consider),
        ("endeavour", w.endeavour),
        ("soft", w.soft),
    ] {
        if !(0.0..=1.0).contains(&value) {
            let at = text.find(&format!("{name} ")).or_else(|| text.find(name));
            return Err(Diagnostic::error(
                Code::WeightOutOfRange,
                path,
                at.map(|i| i..i + name.len()),
                format!("weight `{name}` is {value}; weights lie between 0 and 1"),
            ));
        }
    }
    if let Some(file) = settings
        .gaps
        .last_report
        .as_ref()
        .and_then(|r| r.file.as_ref())
        && !file
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
    {
        let at = text.find("file");
        return Err(Diagnostic::error(
            Code::InvalidSettings,
            path,
            at.map(|i| i..i + "file".len()),
            format!(
                "`gaps.last_report.file` is `{}`; it must be a path inside the workspace, relative, without `..`",
                file.display()
            ),
        ));
    }
    if settings.languages.is_empty() {
        return Err(Diagnostic::error(
            Code::NoLanguages,
            path,
            None,
            "`languages` is empty",
        ));
    }
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Arc<Path> {
        Arc::from(Path::new("mizan.toml"))
    }

    #[test]
    fn defaults_apply_to_an_empty_file() {
        let s = read_settings(&p(), "").unwrap();
        assert_eq!(s.gaps.weights.qualified, 0.8);
        assert_eq!(s.languages, [Lang::EN, Lang::AR]);
    }

    #[test]
    fn unknown_keys_suggest_the_nearest() {
        let d = read_settings(&p(), "titel = \"x\"\n").unwrap_err();
        assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
        assert_eq!(d.span, Some(0..5));
    }

    #[test]
    fn numerals_default_by_language_and_can_be_set() {
        let s = read_settings(&p(), "").unwrap();
        assert_eq!(s.numerals_for(Lang::AR), Numerals::ArabicIndic);
        assert_eq!(s.numerals_for(Lang::EN), Numerals::Western);
        let s = read_settings(&p(), "[numerals]\nar = \"western\"\n").unwrap();
        assert_eq!(s.numerals_for(Lang::AR), Numerals::Western);
        let e = read_settings(&p(), "[numerals]\nar = \"roman\"\n").unwrap_err();
        assert!(e.message.contains("unknown variant"), "{}", e.message);
        assert!(read_settings(&p(), "[numerals]\nfr = \"western\"\n").is_err());
    }

    #[test]
    fn the_last_report_is_a_date_and_a_file_inside_the_workspace() {
        let s = read_settings(
            &p(),
            "[gaps.last_report]\ndate = \"2025-06-30\"\nfile = \"reports/2025.json\"\n",
        )
        .unwrap();
        let r = s.gaps.last_report.unwrap();
        assert_eq!(r.date.to_string(), "2025-06-30");
        let text = "[gaps.last_report]\ndate = \"2025-02-30\"\n";
        let d = read_settings(&p(), text).unwrap_err();
        assert!(d.message.contains("not a date"), "{}", d.message);
        assert_eq!(d.span, Some(26..38));
        let d = read_settings(
            &p(),
            "[gaps.last_report]\ndate = \"2025-06-30\"\nfile = \"../x.json\"\n",
        )
        .unwrap_err();
        assert!(d.message.contains("inside the workspace"), "{}", d.message);
    }

    #[test]
    fn weights_out_of_range_are_errors() {
        assert!(read_settings(&p(), "[gaps.weights]\nsoft = 2.0\n").is_err());
    }
}
