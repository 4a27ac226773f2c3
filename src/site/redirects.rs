//! The site's answer to every Akoma Ntoso URI form: `_redirects`, a static
//! map in the form static hosts read (`FROM TO STATUS`, one URI form a
//! line), and the resolver page's script reads the same file to send a URI
//! typed into it (or into the search box) to its page.
//!
//! Each work lists its forms (the work, each language, `@` and each
//! version date, `!main`) and each article its portion (`/~art_2`, to the
//! article's own page), in the
//! workspace's first language. The script narrows any other form to one of
//! these: it takes the language root from the URI's language, drops the
//! date, the component and the format, and tries a nested eId's article.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::corpus::Lang;
use crate::ids::{FrbrUri, PointInTime};

use super::model::Model;
use super::model::work::work_href;

/// The file's name at the site root.
pub const FILE: &str = "_redirects";

/// The map: a header comment, then one line per URI form.
pub fn redirects(model: &Model<'_>) -> String {
    let mut out = String::from(
        "# Akoma Ntoso URI forms and the pages that show them (FROM TO STATUS).\n\
         # The resolver page (resolve/index.html) narrows any other form to one of these.\n",
    );
    let languages = model.languages();
    let first = languages[0];
    for work in &model.ws.works {
        let page = work_href(work);
        let uri = FrbrUri::of(&work.id);
        line(&mut out, &uri, first.code(), &page);
        line(
            &mut out,
            &uri.clone().component("main"),
            first.code(),
            &page,
        );
        let dates: BTreeSet<_> = model
            .histories
            .get(work.id.as_str())
            .map(|h| h.versions.iter().filter_map(|v| v.date).collect())
            .unwrap_or_default();
        for &lang in languages {
            if work.expression(lang).is_none() {
                continue;
            }
            let code = lang.iso639_2();
            for version in [PointInTime::Latest, PointInTime::Original]
                .into_iter()
                .chain(dates.iter().map(|d| PointInTime::At(*d)))
            {
                line(
                    &mut out,
                    &uri.clone().expression(code, version),
                    lang.code(),
                    &page,
                );
            }
        }
        let eids: BTreeSet<&str> = work
            .expressions
            .iter()
            .flat_map(|e| e.articles.iter().map(|a| a.eid.as_str()))
            .collect();
        for eid in eids {
            let href = super::model::article::article_page_href(work, eid);
            line(&mut out, &uri.clone().portion(eid), first.code(), &href);
        }
    }
    out
}

/// Example URIs for the resolver page, from the workspace's first work
/// with an expression in `lang`: the work, its expression, as first
/// enacted, and an article by component and portion.
pub fn examples(model: &Model<'_>, lang: Lang) -> Vec<String> {
    let Some(work) = model.ws.works.iter().find(|w| w.expression(lang).is_some()) else {
        return Vec::new();
    };
    let uri = FrbrUri::of(&work.id);
    let code = lang.iso639_2();
    let mut out = vec![
        uri.to_string(),
        uri.clone()
            .expression(code, PointInTime::Latest)
            .to_string(),
    ];
    if let Some(a) = work.expression(lang).and_then(|e| e.articles.first()) {
        out.push(
            uri.clone()
                .expression(code, PointInTime::Original)
                .portion(&a.eid)
                .to_string(),
        );
        out.push(uri.clone().component("main").portion(&a.eid).to_string());
    }
    out
}

fn line(out: &mut String, from: &FrbrUri, lang: &str, href: &str) {
    // Writing to a String cannot fail.
    let _ = writeln!(out, "{from} /{lang}/{href} 301");
}
