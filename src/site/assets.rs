//! The site's own CSS, JavaScript and icon (`favicon.svg`), compiled into the binary from
//! `templates/assets/`; a workspace overrides one by placing a file of the
//! same name in `<workspace>/templates/assets/`.
//!
//! Nothing here loads anything from another host: fonts are system fonts,
//! and the only script the site runs besides these is Pagefind's, which the
//! build writes next to the pages.

use std::path::Path;

use crate::diag::Diagnostics;
use crate::workspace::Rules;

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
    (
        "resolve.js",
        include_str!("../../templates/assets/resolve.js"),
    ),
    (
        "favicon.svg",
        include_str!("../../templates/assets/favicon.svg"),
    ),
];

/// The assets of a build: the embedded ones, overridden by the workspace's
/// (read by the workspace's reading rules: a link out of it is an error).
pub fn assets(workspace: &Path) -> Result<Vec<Asset>, Diagnostics> {
    let rules = Rules::new(workspace).map_err(|d| Diagnostics(vec![d]))?;
    let dir = workspace.join("templates").join("assets");
    let mut diags = Diagnostics::new();
    let mut out = Vec::with_capacity(EMBEDDED.len());
    for (name, content) in EMBEDDED {
        let content = match rules.read_optional(&dir.join(name)) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => content.as_bytes().to_vec(),
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        out.push(Asset { name, content });
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}
