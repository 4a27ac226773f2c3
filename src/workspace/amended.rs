//! The workspace's works as amended: point-in-time versions and the text as
//! it would read with pending amendments. The logic lives in
//! [`crate::amend`]; this file only finds the works and amendments by id.

use crate::amend::{Version, VersionError, version};
use crate::date::Date;

use super::Workspace;

impl Workspace {
    /// The text of the work `work` in force on `at` (the latest version when
    /// `None`), with the amendments `with` (ids, applied in order) on top.
    pub fn version(
        &self,
        work: &str,
        at: Option<Date>,
        with: &[&str],
    ) -> Result<Version, VersionError> {
        let w = self
            .work(work)
            .ok_or_else(|| VersionError::Unavailable(format!("no work `{work}` in the corpus")))?;
        let with = self.amendments_by_id(with)?;
        version(w, &self.amendments, at, &with)
    }

    /// The scenario of a set of amendments: for each work they change, the
    /// latest text with them applied (in the order given), as it would
    /// read. The gap stage uses this with the amendments' `mapping_changes`.
    pub fn scenario(&self, with: &[&str]) -> Result<Vec<Version>, VersionError> {
        let amendments = self.amendments_by_id(with)?;
        let mut works: Vec<&str> = amendments.iter().map(|a| a.amends.as_str()).collect();
        works.sort_unstable();
        works.dedup();
        works
            .into_iter()
            .map(|id| {
                let w = self.work(id).ok_or_else(|| {
                    VersionError::Unavailable(format!("no work `{id}` in the corpus"))
                })?;
                let these: Vec<&crate::amend::Amendment> = amendments
                    .iter()
                    .copied()
                    .filter(|a| a.amends.as_str() == id)
                    .collect();
                version(w, &self.amendments, None, &these)
            })
            .collect()
    }

    fn amendments_by_id(
        &self,
        ids: &[&str],
    ) -> Result<Vec<&crate::amend::Amendment>, VersionError> {
        let found: Vec<&crate::amend::Amendment> = ids
            .iter()
            .map(|id| {
                self.amendment(id).ok_or_else(|| {
                    let hint = crate::text::did_you_mean_nearest(
                        id,
                        self.amendments.iter().map(|a| a.id.as_str()),
                    )
                    .map(|s| format!("; {s}"))
                    .unwrap_or_default();
                    VersionError::Unavailable(format!("no amendment `{id}` in the workspace{hint}"))
                })
            })
            .collect::<Result<_, _>>()?;
        // Competing drafts are alternatives: one text cannot hold both.
        for (i, first) in found.iter().enumerate() {
            for second in &found[i + 1..] {
                if let Some((_, article)) = crate::amend::competing(first, second) {
                    return Err(VersionError::Unavailable(format!(
                        "`{}` and `{}` are competing drafts (both change Article {article}); \
                         a text can hold one of them",
                        first.id, second.id
                    )));
                }
            }
        }
        Ok(found)
    }
}
