//! Reads mapping files: the assessment of one instrument for one jurisdiction.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::date::Date;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ids::ArticleRef;
use crate::yaml::Block;

use super::Status;
use super::evidence::{GapBasis, Source};

/// A mapping entry as written in YAML (also inside amendments'
/// `mapping_changes`, where `standard` is required).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    #[serde(default)]
    standard: Option<Spanned<String>>,
    provision: Spanned<String>,
    #[serde(default)]
    element: Option<Spanned<String>>,
    #[serde(default)]
    articles: Vec<Spanned<ArticleRef>>,
    status: Spanned<Status>,
    #[serde(default)]
    rationale: Option<Spanned<String>>,
    #[serde(default)]
    recommendation: Option<String>,
    #[serde(default)]
    basis: Option<Spanned<GapBasis>>,
    #[serde(default)]
    sources: Vec<Spanned<Source>>,
}

/// One assessed provision or element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MappingEntry {
    /// Set in amendments' `mapping_changes`; in mapping files, the file's standard.
    pub standard: String,
    pub provision: String,
    pub element: Option<String>,
    pub articles: Vec<ArticleRef>,
    pub status: Status,
    pub rationale: String,
    pub recommendation: Option<String>,
    /// Whether a status short of `full` is verified in law or only not
    /// found in the corpus.
    pub basis: Option<GapBasis>,
    /// Supervisory comments, reports and other citations relied on.
    pub sources: Vec<Source>,
    #[serde(skip)]
    pub path: Arc<Path>,
    /// Span of the `provision` value.
    #[serde(skip)]
    pub span: Range<usize>,
    #[serde(skip)]
    pub element_span: Option<Range<usize>>,
    #[serde(skip)]
    pub article_spans: Vec<Range<usize>>,
    #[serde(skip)]
    pub status_span: Range<usize>,
    #[serde(skip)]
    pub rationale_span: Range<usize>,
    #[serde(skip)]
    pub source_spans: Vec<Range<usize>>,
}

impl RawEntry {
    /// Locates the entry in its file. `standard` is the file's standard, if
    /// the entry sits in a mapping file.
    pub fn resolve(
        self,
        block: &Block<'_>,
        standard: Option<&str>,
        diags: &mut Diagnostics,
    ) -> Option<MappingEntry> {
        let span = block.span(&self.provision);
        let standard = match (&self.standard, standard) {
            (Some(s), None) => s.value.clone(),
            (None, Some(s)) => s.to_owned(),
            (Some(s), Some(file)) if s.value == file => s.value.clone(),
            (Some(s), Some(file)) => {
                diags.push(Diagnostic::error(
                    Code::MappingStandardMismatch,
                    block.path,
                    Some(block.span(s)),
                    format!(
                        "entry names standard `{}` in the mapping of `{file}`",
                        s.value
                    ),
                ));
                return None;
            }
            (None, None) => {
                diags.push(
                    Diagnostic::error(
                        Code::MappingChangeWithoutStandard,
                        block.path,
                        Some(span),
                        "mapping change has no `standard`",
                    )
                    .with_help("add `standard: tip` (the instrument's id) to the entry"),
                );
                return None;
            }
        };
        Some(MappingEntry {
            standard,
            provision: self.provision.value,
            element_span: self.element.as_ref().map(|e| block.span(e)),
            element: self.element.map(|e| e.value),
            article_spans: self.articles.iter().map(|a| block.span(a)).collect(),
            articles: self.articles.into_iter().map(|a| a.value).collect(),
            status_span: block.span(&self.status),
            status: self.status.value,
            rationale_span: self
                .rationale
                .as_ref()
                .map_or_else(|| span.clone(), |r| block.span(r)),
            rationale: self.rationale.map(|r| r.value).unwrap_or_default(),
            recommendation: self.recommendation,
            basis: self.basis.map(|b| b.value),
            source_spans: self.sources.iter().map(|s| block.span(s)).collect(),
            sources: self.sources.into_iter().map(|s| s.value).collect(),
            path: Arc::clone(block.path),
            span,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    standard: Spanned<String>,
    jurisdiction: Spanned<String>,
    assessed: Date,
    #[serde(default)]
    assessors: Vec<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    entries: Vec<RawEntry>,
}

/// A mapping file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mapping {
    #[serde(skip)]
    pub path: Arc<Path>,
    pub standard: String,
    #[serde(skip)]
    pub standard_span: Range<usize>,
    pub jurisdiction: String,
    #[serde(skip)]
    pub jurisdiction_span: Range<usize>,
    pub assessed: Date,
    pub assessors: Vec<String>,
    pub note: Option<String>,
    pub entries: Vec<MappingEntry>,
}

pub fn read_mapping(path: &Arc<Path>, text: &str) -> (Option<Mapping>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let block = Block {
        yaml: text,
        base: 0,
        path,
    };
    let raw: RawMapping = match block.parse() {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let standard = raw.standard.value.clone();
    if path.file_stem().and_then(|s| s.to_str()) != Some(standard.as_str()) {
        diags.push(
            Diagnostic::error(
                Code::MappingFileName,
                path,
                Some(block.span(&raw.standard)),
                format!("mapping of `{standard}` is not in a file named `{standard}.yaml`"),
            )
            .with_help("name each mapping file after the standard it assesses"),
        );
    }
    let entries = raw
        .entries
        .into_iter()
        .filter_map(|e| e.resolve(&block, Some(&standard), &mut diags))
        .collect();
    let mapping = Mapping {
        path: Arc::clone(path),
        standard_span: block.span(&raw.standard),
        standard,
        jurisdiction_span: block.span(&raw.jurisdiction),
        jurisdiction: raw.jurisdiction.value,
        assessed: raw.assessed,
        assessors: raw.assessors,
        note: raw.note,
        entries,
    };
    (Some(mapping), diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standards::SourceKind;

    fn read(text: &str) -> (Option<Mapping>, Diagnostics) {
        read_mapping(&Arc::from(Path::new("corpus/kw/mappings/tip.yaml")), text)
    }

    const HEAD: &str = "standard: tip\njurisdiction: kw\nassessed: 2026-11-28\nentries:\n";

    #[test]
    fn basis_and_sources_are_read() {
        let text = format!(
            "{HEAD}  - provision: art_6__para_6\n    articles: []\n    status: missing\n    basis: corpus-only\n    rationale: No compensation.\n    recommendation: Add it.\n    sources:\n      - title: Committee of Experts, direct request\n        year: 2015\n        url: https://normlex.ilo.org/x\n        kind: ilo-ceacr\n"
        );
        let (m, diags) = read(&text);
        assert!(diags.is_empty(), "{diags:?}");
        let e = &m.unwrap().entries[0];
        assert_eq!(e.basis, Some(GapBasis::CorpusOnly));
        assert_eq!(e.sources.len(), 1);
        assert_eq!(e.sources[0].kind, SourceKind::IloCeacr);
        assert_eq!(e.sources[0].year, Some(2015));
        assert_eq!(e.source_spans.len(), 1);
        let (line, _) = crate::diag::line_col(&text, e.source_spans[0].start);
        assert_eq!(line, 12, "the span points at the source");
    }

    #[test]
    fn an_unknown_basis_or_kind_is_an_error_at_its_line() {
        for bad in [
            "    basis: checked\n",
            "    sources:\n      - {title: T, url: 'https://x', kind: blog}\n",
        ] {
            let text = format!(
                "{HEAD}  - provision: art_6__para_6\n    status: missing\n    rationale: R.\n{bad}"
            );
            let (m, diags) = read(&text);
            assert!(m.is_none(), "{bad}");
            let d = diags.iter().next().expect("a diagnostic");
            let (line, _) = crate::diag::line_col(&text, d.span.clone().unwrap().start);
            assert!(line >= 7, "{bad}: line {line}");
        }
    }
}
