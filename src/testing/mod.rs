//! What the tests and benchmarks of this workspace share: builders of the
//! model ([`model`]), copies and listings of folders ([`files`]) and the
//! `mizan` binary as a command ([`cli`]), and Word documents built in
//! memory ([`docx`]).
//!
//! Compiled for the library's own unit tests (`cfg(test)`) and with the
//! `test-support` feature, which the package's dev-dependency on itself
//! turns on for its integration tests and benchmarks. A release build of
//! the binary (`cargo build --release`) has none of it, and the library's
//! own code never names it (`tests/structure.rs` checks both).

pub mod cli;
pub mod docx;
pub mod files;
pub mod model;
