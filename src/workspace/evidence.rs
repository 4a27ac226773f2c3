//! Checks on what a mapping entry rests on: its `basis` and `sources`.

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::standards::{MappingEntry, Status, names_supervisory_body};

/// `in_mapping_file` is false for amendments' `mapping_changes`, where a
/// basis may be left out (the change describes the law once amended).
pub(super) fn check_evidence(entry: &MappingEntry, in_mapping_file: bool, diags: &mut Diagnostics) {
    let path = &entry.path;
    if in_mapping_file
        && entry.basis.is_none()
        && matches!(
            entry.status,
            Status::Partial | Status::Missing | Status::Conflict
        )
    {
        diags.push(
            Diagnostic::warning(
                Code::GapWithoutBasis,
                path,
                Some(entry.status_span.clone()),
                format!("a `{}` status has no `basis`", entry.status),
            )
            .with_help(
                "add `basis: verified` (the gap is verified in law) or `basis: corpus-only` (not found in this corpus; laws outside it may meet the provision)",
            ),
        );
    }
    if entry.status == Status::Full
        && let Some(basis) = entry.basis
    {
        diags.push(
            Diagnostic::warning(
                Code::BasisOnFull,
                path,
                Some(entry.status_span.clone()),
                format!("a `full` status has `basis: {}`", basis.as_str()),
            )
            .with_help("`basis` qualifies a gap; remove it from a `full` entry"),
        );
    }
    for (source, span) in entry.sources.iter().zip(&entry.source_spans) {
        if !source.url_is_web() {
            diags.push(
                Diagnostic::error(
                    Code::SourceNotWeb,
                    path,
                    Some(span.clone()),
                    format!("source `{}` has a link that is not http(s)", source.title),
                )
                .with_help("give the address of the source as an http:// or https:// link"),
            );
        }
        if source.title.trim().is_empty() {
            diags.push(Diagnostic::error(
                Code::SourceWithoutTitle,
                path,
                Some(span.clone()),
                "a source has an empty title",
            ));
        }
    }
    if in_mapping_file && entry.sources.is_empty() && names_supervisory_body(&entry.rationale) {
        diags.push(
            Diagnostic::warning(
                Code::SupervisoryBodyUncited,
                path,
                Some(entry.rationale_span.clone()),
                "the rationale names a supervisory body but the entry cites no `sources`",
            )
            .with_help(
                "cite the comment or report relied on under `sources:` (title, year, url, kind)",
            ),
        );
    }
}
