//! Code actions: "add a mapping entry" for a provision no entry assesses.

use std::path::Path;
use std::sync::Arc;

use super::hover::status_of;
use super::locate::Target;
use crate::Workspace;
use crate::ids::ProvisionRef;
use crate::standards::Status;

/// An edit the editor applies: `text` inserted at the end of `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Append {
    pub title: String,
    pub path: Arc<Path>,
    pub text: String,
}

/// The actions for `target`: a skeleton mapping entry for an unassessed
/// provision (or element), appended to the jurisdiction's mapping of its
/// instrument, when that mapping exists.
pub fn actions(ws: &Workspace, target: &Target) -> Vec<Append> {
    let Target::Provision(r) = target else {
        return Vec::new();
    };
    if status_of(ws, &r.standard, &r.provision, r.element.as_deref()) != Status::Unassessed {
        return Vec::new();
    }
    let Some(mapping) = ws
        .mappings
        .iter()
        .find(|m| m.standard == r.standard && m.jurisdiction == ws.jurisdiction())
    else {
        return Vec::new();
    };
    if ws
        .instrument(&r.standard)
        .and_then(|i| i.provision(&r.provision))
        .is_none()
    {
        return Vec::new();
    }
    vec![Append {
        title: format!("Add a mapping entry for {r}"),
        path: Arc::clone(&mapping.path),
        text: skeleton(r),
    }]
}

/// A mapping entry to fill in: no articles yet, a gap whose basis is the
/// corpus, and a rationale that says it is still to be written.
fn skeleton(r: &ProvisionRef) -> String {
    let element = r
        .element
        .as_deref()
        .map_or_else(String::new, |e| format!("    element: {e}\n"));
    format!(
        "  - provision: {}\n{element}    articles: []\n    status: missing\n    basis: corpus-only\n    rationale:\n      en: >-\n        To be assessed: which articles meet this provision, and how well.\n      ar: >-\n        قيد التقييم: أي المواد تفي بهذا الحكم، وإلى أي حد.\n",
        r.provision
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_names_the_element_when_there_is_one() {
        let r = ProvisionRef::parse("tip/art_3__para_a#means").unwrap();
        let s = skeleton(&r);
        assert!(s.starts_with("  - provision: art_3__para_a\n    element: means\n"));
        assert!(s.contains("status: missing") && s.contains("basis: corpus-only"));
    }
}
