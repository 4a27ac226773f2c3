//! Which versions of which expressions an export holds.
//!
//! An expression as read from its file is the text as enacted (or as last
//! summarised). Enacted amendments and court rulings with an `in_force`
//! date make point-in-time versions of it; each version is exported as its
//! own Akoma Ntoso expression, dated the day it took effect, with the
//! history that led to it.

use std::borrow::Cow;

use crate::Workspace;
use crate::amend::Amendment;
use crate::corpus::{Expression, Work};
use crate::date::Date;
use crate::ids::WorkId;

use super::ExportError;

/// How an amendment changed a text, in Akoma Ntoso's terms (`textualMod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Text replaced: a whole article or paragraph, or words inside one.
    Substitution,
    /// A new article or paragraph.
    Insertion,
    /// An article taken out of force.
    Repeal,
    /// An article given a new number.
    Renumbering,
}

impl ChangeKind {
    /// The `type` of a `textualMod`.
    pub fn akn(self) -> &'static str {
        match self {
            ChangeKind::Substitution => "substitution",
            ChangeKind::Insertion => "insertion",
            ChangeKind::Repeal => "repeal",
            ChangeKind::Renumbering => "renumbering",
        }
    }
}

/// One change an amendment made to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// The eId of the changed portion (for a renumbering, its new eId; for
    /// a repeal, the eId it had).
    pub destination: String,
    /// For a renumbering, the eId the portion had before.
    pub previous: Option<String>,
}

/// An amendment applied on the way to a version, with what it changed.
#[derive(Debug, Clone)]
pub struct AppliedAmendment<'a> {
    pub amendment: &'a Amendment,
    pub changes: Vec<Change>,
}

/// One version of one expression: the text as of `date`, and the enacted
/// amendments (in the order they took effect) that made it.
#[derive(Debug, Clone)]
pub struct Version<'a> {
    pub work: &'a Work,
    pub expression: Cow<'a, Expression>,
    /// The date the text is current to; `None` when no date is known.
    pub date: Option<Date>,
    pub applied: Vec<AppliedAmendment<'a>>,
}

impl Version<'_> {
    /// The Akoma Ntoso expression id: `/akn/kw/act/2013/91/eng@2013-03-17`,
    /// ending in `@` when no date is known.
    pub fn id(&self) -> String {
        let date = self.date.map(|d| d.to_string()).unwrap_or_default();
        format!(
            "{}/{}@{date}",
            self.work.id,
            self.expression.lang().iso639_2()
        )
    }

    /// Whether this is the text as first read, with no amendment applied.
    pub fn is_original(&self) -> bool {
        self.applied.is_empty()
    }
}

/// The versions to export: of every work, or of the work `work`; every
/// version, or only the one in force on `at`.
pub fn versions<'a>(
    ws: &'a Workspace,
    work: Option<&str>,
    at: Option<Date>,
) -> Result<Vec<Version<'a>>, ExportError> {
    let works: Vec<&Work> = match work {
        Some(id) => {
            let id = WorkId::parse(id).map_err(|e| ExportError::InvalidWork(e.message))?;
            vec![
                ws.work(id.as_str())
                    .ok_or_else(|| ExportError::UnknownWork(id.to_string()))?,
            ]
        }
        None => ws.works.iter().collect(),
    };
    let mut out = Vec::new();
    for work in works {
        for expression in &work.expressions {
            let all = expression_versions(work, expression);
            match at {
                None => out.extend(all),
                Some(at) => out.extend(in_force_on(all, work, at)),
            }
        }
    }
    Ok(out)
}

/// Every version of one expression, oldest first.
fn expression_versions<'a>(work: &'a Work, expression: &'a Expression) -> Vec<Version<'a>> {
    vec![Version {
        work,
        expression: Cow::Borrowed(expression),
        date: expression.meta.version_date(),
        applied: Vec::new(),
    }]
}

/// The version in force on `at`: the latest dated on or before it. A
/// version with no known date counts from the start of its work's year.
fn in_force_on<'a>(versions: Vec<Version<'a>>, work: &Work, at: Date) -> Option<Version<'a>> {
    versions.into_iter().rfind(|v| match v.date {
        Some(d) => d <= at,
        None => work.id.year() <= at.year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn example() -> Workspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src/examples/workspace");
        Workspace::load(&root).expect("the example workspace loads")
    }

    #[test]
    fn every_expression_has_a_version_with_its_id() {
        let ws = example();
        let v = versions(&ws, None, None).unwrap();
        let ids: Vec<String> = v.iter().map(Version::id).collect();
        assert_eq!(
            ids,
            [
                "/akn/kw/act/2013/91/eng@2013-03-17",
                "/akn/kw/act/2013/91/ara@2013-03-17"
            ]
        );
        assert!(v.iter().all(Version::is_original));
    }

    #[test]
    fn at_a_date_before_the_law_there_is_nothing() {
        let ws = example();
        let before = "2013-03-16".parse().unwrap();
        assert!(versions(&ws, None, Some(before)).unwrap().is_empty());
        let after = "2013-03-17".parse().unwrap();
        assert_eq!(versions(&ws, None, Some(after)).unwrap().len(), 2);
    }

    #[test]
    fn an_unknown_or_malformed_work_is_an_error() {
        let ws = example();
        assert!(matches!(
            versions(&ws, Some("/akn/kw/act/1999/1"), None),
            Err(ExportError::UnknownWork(_))
        ));
        assert!(matches!(
            versions(&ws, Some("../etc"), None),
            Err(ExportError::InvalidWork(_))
        ));
    }
}
