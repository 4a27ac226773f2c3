//! End-to-end tests of `mizan build` and `mizan serve`: one module per
//! concern, fixtures in `tests/fixtures/site/`.

mod site {
    pub mod atomic;
    pub mod common;
    pub mod incremental;
    pub mod links;
    pub mod pages;
    pub mod security;
    pub mod serve;
    pub mod uris;
}
