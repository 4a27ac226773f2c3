//! Helpers shared by the site tests: those of every test
//! (`mizan::testing`), and the site's fixtures.

use std::path::PathBuf;

pub use mizan::testing::cli::{build, mizan};
pub use mizan::testing::files::{copy_dir, example_workspace, files, plain_bytes, read, repo};

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/site").join(name)
}

/// Every file of a built site with its bytes, by path: two snapshots are
/// equal when the sites are the same file for file and byte for byte.
pub fn snapshot(site: &std::path::Path) -> Vec<(PathBuf, Vec<u8>)> {
    files(site)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(site.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}
