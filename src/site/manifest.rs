//! The site's manifest: what each file of a built site was made from (a
//! hash of its inputs), so the next build renders only what changed and
//! takes the rest over by hard link. It is the marker of the atomic writer
//! ([`crate::atomic`]): a folder that exists but has no manifest is not a
//! mizan site and is never replaced.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::atomic::Staging;

/// The manifest file at the root of a built site.
pub const MANIFEST: &str = ".mizan-site.json";

/// What a built site was made from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub generator: String,
    pub profile: String,
    /// Per file (relative path, `/`-separated), the hash of its inputs.
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    pub const VERSION: u32 = 1;

    /// The manifest a previous build left, if it is one this version reads;
    /// a site with another (or a damaged) manifest is rebuilt whole.
    pub fn read(bytes: &[u8]) -> Option<Manifest> {
        let m: Manifest = serde_json::from_slice(bytes).ok()?;
        (m.version == Manifest::VERSION).then_some(m)
    }

    /// The files of the site being replaced, with the hashes of their
    /// inputs; empty when there is no site (or none this version reads).
    pub fn previous(staging: &Staging) -> BTreeMap<String, String> {
        staging
            .previous_marker()
            .and_then(Manifest::read)
            .map(|m| m.files)
            .unwrap_or_default()
    }

    /// The manifest as written into the site.
    pub fn to_bytes(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec_pretty(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_of_another_version_or_damaged_is_not_read() {
        let m = Manifest {
            version: Manifest::VERSION,
            generator: "test".into(),
            profile: "public".into(),
            files: BTreeMap::from([("index.html".into(), "ab12".into())]),
        };
        let bytes = serde_json::to_vec(&m).unwrap();
        assert_eq!(Manifest::read(&bytes), Some(m.clone()));
        let other = Manifest {
            version: Manifest::VERSION + 1,
            ..m
        };
        assert_eq!(Manifest::read(&serde_json::to_vec(&other).unwrap()), None);
        assert_eq!(Manifest::read(b"{\"version\": 1"), None);
    }
}
