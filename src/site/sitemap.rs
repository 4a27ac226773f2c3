//! `sitemap.xml`: every page of a public site, for search engines, written
//! when `mizan.toml` says where the site is published (`[site] base_url`);
//! a sitemap holds absolute addresses only. The committee edition has
//! none: its pages ask not to be indexed.

use super::Profile;

/// The file's name at the site root.
pub const FILE: &str = "sitemap.xml";

/// The sitemap of the pages at `pages` (paths from the site root), or `None` when there is no published address or
/// the site is the committee edition.
pub fn sitemap<'a>(
    base_url: Option<&str>,
    profile: Profile,
    pages: impl Iterator<Item = &'a str>,
) -> Option<String> {
    let base = base_url?.trim();
    if base.is_empty() || profile == Profile::Committee {
        return None;
    }
    let base = base.trim_end_matches('/');
    let mut paths: Vec<&str> = pages.collect();
    paths.sort_unstable();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        out.push_str("<url><loc>");
        out.push_str(&escape(&format!("{base}/{path}")));
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    Some(out)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}
