//! Reads an amendment file: front matter now; operations come with the
//! amendment grammar.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ids::{WorkId, check_slug};
use crate::source::split_front_matter;
use crate::standards::RawEntry;
use crate::yaml::Block;

use super::{Amendment, AmendmentKind, AmendmentStatus, Visibility};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: Spanned<String>,
    title: String,
    amends: Spanned<WorkId>,
    kind: AmendmentKind,
    status: Spanned<AmendmentStatus>,
    #[serde(default)]
    visibility: Visibility,
    #[serde(default)]
    sponsor: Option<String>,
    #[serde(default)]
    submitted: Option<Date>,
    #[serde(default)]
    enacted: Option<Date>,
    #[serde(default)]
    in_force: Option<Date>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    mapping_changes: Vec<RawEntry>,
}

pub fn read_amendment(path: &Arc<Path>, text: &str) -> (Option<Amendment>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let split = match split_front_matter(text, path) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let block = Block {
        yaml: &text[split.yaml.clone()],
        base: split.yaml.start,
        path,
    };
    let raw: RawMeta = match block.parse() {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let id_span = block.span(&raw.id);
    if let Err(e) = check_slug(&raw.id.value) {
        diags.push(Diagnostic::error(path, Some(id_span.clone()), e.message));
    } else if path.file_stem().and_then(|s| s.to_str()) != Some(raw.id.value.as_str()) {
        diags.push(
            Diagnostic::error(
                path,
                Some(id_span),
                format!(
                    "amendment id `{}` does not match the file name",
                    raw.id.value
                ),
            )
            .with_help(format!("name the file `{}.md`", raw.id.value)),
        );
    }
    if raw.status.value == AmendmentStatus::Enacted && raw.in_force.is_none() {
        diags.push(
            Diagnostic::error(
                path,
                Some(block.span(&raw.status)),
                "an enacted amendment needs an `in_force` date",
            )
            .with_help("add `in_force: YYYY-MM-DD`, the date from which the change applies"),
        );
    }
    let mapping_changes = raw
        .mapping_changes
        .into_iter()
        .filter_map(|e| e.resolve(&block, None, &mut diags))
        .collect();
    let amendment = Amendment {
        path: Arc::clone(path),
        id: raw.id.value,
        title: raw.title,
        amends_span: block.span(&raw.amends),
        amends: raw.amends.value,
        kind: raw.kind,
        status: raw.status.value,
        visibility: raw.visibility,
        sponsor: raw.sponsor,
        submitted: raw.submitted,
        enacted: raw.enacted,
        in_force: raw.in_force,
        source: raw.source,
        note: raw.note,
        mapping_changes,
        body: split.body,
    };
    (Some(amendment), diags)
}
