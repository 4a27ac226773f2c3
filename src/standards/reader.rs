//! Reads an instrument from YAML.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::date::Date;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ids::{check_eid, check_element, check_slug};
use crate::localized::Localized;
use crate::yaml::Block;

use super::{Element, Instrument, InstrumentKind, Obligation, Party, Provision, Theme};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInstrument {
    id: Spanned<String>,
    title: Localized,
    #[serde(default)]
    short_title: Option<Localized>,
    #[serde(default)]
    titles: BTreeMap<String, String>,
    kind: InstrumentKind,
    body: String,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    #[serde(default)]
    adopted: Option<Date>,
    #[serde(default)]
    in_force: Option<Date>,
    source: String,
    #[serde(default)]
    note: Option<Localized>,
    #[serde(default)]
    parties: BTreeMap<String, Party>,
    #[serde(default)]
    provisions: Vec<RawProvision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvision {
    id: Spanned<String>,
    citation: String,
    title: Localized,
    theme: Theme,
    obligation: Obligation,
    summary: Localized,
    #[serde(default)]
    note: Option<Localized>,
    #[serde(default)]
    elements: Vec<Spanned<Element>>,
}

/// Reads an instrument file. The instrument is returned even when some
/// provisions are invalid, so that later checks can go on.
pub fn read_instrument(path: &Arc<Path>, text: &str) -> (Option<Instrument>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let block = Block {
        yaml: text,
        base: 0,
        path,
    };
    let raw: RawInstrument = match block.parse() {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    check_identity(path, &block, &raw, &mut diags);
    let mut seen: HashMap<String, std::ops::Range<usize>> = HashMap::new();
    let mut provisions = Vec::with_capacity(raw.provisions.len());
    for p in raw.provisions {
        let span = block.span(&p.id);
        if let Err(e) = check_eid(&p.id.value) {
            diags.push(Diagnostic::error(
                Code::InvalidProvisionId,
                path,
                Some(span),
                e.message,
            ));
            continue;
        }
        if let Some(first) = seen.get(&p.id.value) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateProvision,
                    path,
                    Some(span),
                    format!("duplicate provision `{}`", p.id.value),
                )
                .with_related(path, first.clone(), "first defined here"),
            );
            continue;
        }
        seen.insert(p.id.value.clone(), span.clone());
        let elements = read_elements(path, &block, &p.id.value, p.elements, &mut diags);
        provisions.push(Provision {
            id: p.id.value,
            citation: p.citation,
            title: p.title,
            theme: p.theme,
            obligation: p.obligation,
            summary: p.summary,
            note: p.note,
            elements,
            span,
        });
    }
    let instrument = Instrument {
        path: Arc::clone(path),
        id: raw.id.value,
        title: raw.title.with_missing(&raw.titles),
        short_title: raw.short_title,
        titles: raw.titles,
        kind: raw.kind,
        body: raw.body,
        parent: raw.parent.map(|p| p.value),
        adopted: raw.adopted,
        in_force: raw.in_force,
        source: raw.source,
        note: raw.note,
        parties: raw.parties,
        provisions,
    };
    (Some(instrument), diags)
}

/// The instrument's id (a slug, the file's name), its parent's id, and
/// its parties' jurisdiction codes.
fn check_identity(
    path: &Arc<Path>,
    block: &Block<'_>,
    raw: &RawInstrument,
    diags: &mut Diagnostics,
) {
    if let Err(e) = check_slug(&raw.id.value) {
        diags.push(Diagnostic::error(
            Code::InvalidInstrumentId,
            path,
            Some(block.span(&raw.id)),
            e.message,
        ));
    } else if path.file_stem().and_then(|s| s.to_str()) != Some(raw.id.value.as_str()) {
        diags.push(
            Diagnostic::error(
                Code::InstrumentFileName,
                path,
                Some(block.span(&raw.id)),
                format!(
                    "instrument id `{}` does not match the file name",
                    raw.id.value
                ),
            )
            .with_help(format!("name the file `{}.yaml`", raw.id.value)),
        );
    }
    if let Some(parent) = &raw.parent
        && let Err(e) = check_slug(&parent.value)
    {
        diags.push(Diagnostic::error(
            Code::InvalidParent,
            path,
            Some(block.span(parent)),
            e.message,
        ));
    }
    for cc in raw.parties.keys() {
        if cc.len() != 2 || !cc.bytes().all(|b| b.is_ascii_lowercase()) {
            diags.push(Diagnostic::error(
                Code::InvalidPartyCode,
                path,
                None,
                format!("party `{cc}` is not a two-letter lower-case jurisdiction code"),
            ));
        }
    }
}

/// A provision's elements, each with a valid id of its own.
fn read_elements(
    path: &Arc<Path>,
    block: &Block<'_>,
    provision: &str,
    raw: Vec<Spanned<Element>>,
    diags: &mut Diagnostics,
) -> Vec<Element> {
    let mut elements: Vec<Element> = Vec::with_capacity(raw.len());
    for e in raw {
        let espan = block.span(&e);
        if let Err(err) = check_element(&e.value.id) {
            diags.push(Diagnostic::error(
                Code::InvalidElementId,
                path,
                Some(espan),
                err.message,
            ));
        } else if elements.iter().any(|x| x.id == e.value.id) {
            diags.push(Diagnostic::error(
                Code::DuplicateElement,
                path,
                Some(espan),
                format!(
                    "duplicate element `{}` in provision `{}`",
                    e.value.id, provision
                ),
            ));
        } else {
            elements.push(e.value);
        }
    }
    elements
}
