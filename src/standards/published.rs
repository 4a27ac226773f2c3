//! The last report as published (`[gaps.last_report] file` in
//! `mizan.toml`): each provision's status as the report gave it, read from
//! the JSON it was published as (`mizan gaps --format json`), so that
//! `gaps --since` can tell a reassessment from a change of the law.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};

use super::Status;

/// The last report as published: each provision's status then, read from
/// the JSON the report was published as (`mizan gaps --format json`).
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// The file it was read from, for citations.
    pub path: Arc<Path>,
    /// Status by (instrument id, provision id).
    pub statuses: HashMap<(String, String), Status>,
}

/// Reads the last report as published (`mizan gaps --format json`): each
/// provision's status by instrument. The text must be JSON of that shape;
/// anything else is a diagnostic at the place it goes wrong.
pub fn read_published(path: &Arc<Path>, text: &str) -> Result<Published, Diagnostic> {
    let err = |span: Option<std::ops::Range<usize>>, message: String| {
        Diagnostic::error(Code::PublishedReportInvalid, path, span, message)
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let at = offset(text, e.line(), e.column());
        err(Some(at..at), format!("not JSON: {e}"))
    })?;
    if value.get("version").and_then(serde_json::Value::as_u64) != Some(1) {
        return Err(err(
            None,
            "not a gap report of version 1 (`mizan gaps --format json`)".to_owned(),
        ));
    }
    let Some(instruments) = value.get("instruments").and_then(|v| v.as_array()) else {
        return Err(err(None, "no `instruments` list".to_owned()));
    };
    let mut statuses = HashMap::new();
    for inst in instruments {
        let id = inst.get("id").and_then(|v| v.as_str());
        let provisions = inst.get("provisions").and_then(|v| v.as_array());
        let (Some(id), Some(provisions)) = (id, provisions) else {
            return Err(err(
                None,
                "an instrument without `id` or `provisions`".to_owned(),
            ));
        };
        for p in provisions {
            let pid = p.get("id").and_then(|v| v.as_str());
            let status = p
                .get("status")
                .and_then(|v| v.as_str())
                .and_then(|s| Status::ALL.into_iter().find(|x| x.as_str() == s));
            let (Some(pid), Some(status)) = (pid, status) else {
                let at = text.find(&format!("\"{id}/")).map(|i| i..i + id.len() + 2);
                return Err(err(
                    at,
                    format!("a provision of `{id}` without `id` or a known `status`"),
                ));
            };
            statuses.insert((id.to_owned(), pid.to_owned()), status);
        }
    }
    Ok(Published {
        path: path.clone(),
        statuses,
    })
}

/// The byte offset of a 1-based line and column.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}
