//! The site's manifest: what each file of a built site was made from (a
//! hash of its inputs), so the next build renders only what changed and
//! takes the rest over by hard link. It is the marker of the atomic writer
//! ([`crate::atomic`]): a folder that exists but has no manifest is not a
//! mizan site and is never replaced.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

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

    /// The bytes [`Manifest::to_bytes`] makes of a manifest of this
    /// version with `files` but those `left_out` names, without copying
    /// them (at 100,000 articles a site has 211,000 files, and `mizan
    /// serve` writes two manifests per edit).
    pub fn bytes_of(
        generator: &str,
        profile: &str,
        files: &BTreeMap<String, String>,
        left_out: &dyn Fn(&str) -> bool,
    ) -> serde_json::Result<Vec<u8>> {
        /// [`Manifest`], borrowed, its fields in the same order.
        #[derive(Serialize)]
        struct View<'a> {
            version: u32,
            generator: &'a str,
            profile: &'a str,
            files: Files<'a>,
        }
        struct Files<'a>(&'a BTreeMap<String, String>, &'a dyn Fn(&str) -> bool);
        impl Serialize for Files<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().filter(|(k, _)| !(self.1)(k)))
            }
        }
        serde_json::to_vec_pretty(&View {
            version: Manifest::VERSION,
            generator,
            profile,
            files: Files(files, left_out),
        })
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

    #[test]
    fn a_manifest_made_from_borrowed_files_is_the_same_bytes() {
        let files = BTreeMap::from([
            ("index.html".to_owned(), "ab12".to_owned()),
            ("en/index.html".to_owned(), "cd34".to_owned()),
            ("pagefind/en-0/".to_owned(), "ef56".to_owned()),
        ]);
        let m = Manifest {
            version: Manifest::VERSION,
            generator: "test".into(),
            profile: "public".into(),
            files: files.clone(),
        };
        let bytes = |left_out: &dyn Fn(&str) -> bool| {
            Manifest::bytes_of("test", "public", &files, left_out).unwrap()
        };
        assert_eq!(bytes(&|_| false), m.to_bytes().unwrap());
        let fewer = Manifest {
            files: BTreeMap::from([("index.html".to_owned(), "ab12".to_owned())]),
            ..m
        };
        assert_eq!(bytes(&|f| f != "index.html"), fewer.to_bytes().unwrap());
    }
}
