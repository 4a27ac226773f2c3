//! The site's own CSS and JavaScript, compiled into the binary from
//! `templates/assets/`; a workspace overrides one by placing a file of the
//! same name in `<workspace>/templates/assets/`.
//!
//! Nothing here loads anything from another host: fonts are system fonts,
//! and the only script the site runs besides these is Pagefind's, which the
//! build writes next to the pages.

use std::path::Path;

/// One asset: its path under `assets/` and its content.
pub struct Asset {
    pub name: &'static str,
    pub content: Vec<u8>,
}

const EMBEDDED: &[(&str, &str)] = &[
    ("site.css", include_str!("../../templates/assets/site.css")),
    ("site.js", include_str!("../../templates/assets/site.js")),
    (
        "search.js",
        include_str!("../../templates/assets/search.js"),
    ),
];

/// The assets of a build: the embedded ones, overridden by the workspace's.
pub fn assets(workspace: &Path) -> Vec<Asset> {
    let dir = workspace.join("templates").join("assets");
    EMBEDDED
        .iter()
        .map(|(name, content)| Asset {
            name,
            content: std::fs::read(dir.join(name)).unwrap_or_else(|_| content.as_bytes().to_vec()),
        })
        .collect()
}
