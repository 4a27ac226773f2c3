//! Hardening (issue 14): hostile or broken input never crashes the tool,
//! is never skipped in silence, and never leaks; one module per defect
//! class. Each test starts from the book's example workspace and breaks
//! one thing.

mod hardening {
    pub mod common;
    pub mod escapes;
    pub mod leak;
    pub mod nesting;
    pub mod reading;
    pub mod yaml;
}
