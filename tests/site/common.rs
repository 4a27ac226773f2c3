//! Helpers shared by the site tests: those of every test
//! (`mizan::testing`), and the site's fixtures.

use std::path::PathBuf;

pub use mizan::testing::cli::{build, mizan};
pub use mizan::testing::files::{copy_dir, example_workspace, files, plain_bytes, read, repo};

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/site").join(name)
}
