//! Which pages an edit can reach, for [`super::update`]: the pages of a
//! work (its articles' and its own, under `<lang>/works/<slug>/`) are made
//! from the work's text, the badges of the provisions mapped to its
//! articles, the amendments the build shows and the settings, and nothing
//! else (see `model::work` and `model::article`). When none of those
//! changed since the last build, the work's pages are the same and are
//! not built again: at 100,000 articles, building and hashing every page
//! took most of an update. Every other page (the lists, the standards and
//! gap pages, the report, the amendments, search and downloads) depends on
//! the whole workspace and is always built again.

use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

use crate::amend::Amendment;
use crate::corpus::Work;
use crate::settings::Settings;

use super::HashWriter;
use super::model::{Model, Page};

/// What the pages of each work were last built from.
pub struct Scope {
    settings: Settings,
    /// The amendments the build showed.
    amendments: Vec<Amendment>,
    /// By work id.
    works: HashMap<String, WorkState>,
}

struct WorkState {
    /// The work as read (its articles shared with the load cache, so
    /// comparing an unchanged work compares pointers).
    work: Work,
    /// The hash of the badges of its mapped articles.
    badges: u64,
    /// Its pages, in every language.
    paths: Vec<String>,
}

/// The hash of what a work's pages show of the mappings: the badges of
/// each of its mapped articles.
fn badges(model: &Model<'_>, w: &Work) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    for (a, badges) in model.mapped.of_work(w.id.as_str()) {
        h.write(a.eid.as_bytes());
        h.write_u8(0xff);
        // Serialising into a hasher cannot fail for these plain types; a
        // failure would only make the work's pages build again.
        let _ = serde_json::to_writer(HashWriter(&mut h), badges);
    }
    h.finish()
}

/// The work slug of a page of a work (`en/works/<slug>/...`): the list of
/// laws (`en/works/index.html`) is not one.
pub(super) fn work_slug(path: &str) -> Option<&str> {
    let mut parts = path.splitn(4, '/');
    let (_lang, works, slug, rest) = (parts.next()?, parts.next()?, parts.next()?, parts.next());
    (works == "works" && rest.is_some()).then_some(slug)
}

impl Scope {
    /// What `pages` (every page of `model`, or for an update those built
    /// again) were made from; the works of `kept` keep what `previous`
    /// knew of them.
    pub fn new<'p>(
        model: &Model<'_>,
        paths: impl Iterator<Item = &'p str>,
        mut previous: Option<Scope>,
        kept: &HashSet<String>,
    ) -> Scope {
        let by_slug: HashMap<String, &Work> =
            model.ws.works.iter().map(|w| (w.id.slug(), w)).collect();
        let mut works: HashMap<String, WorkState> = HashMap::new();
        for path in paths {
            let Some(w) = work_slug(path).and_then(|s| by_slug.get(s)) else {
                continue;
            };
            if kept.contains(w.id.as_str()) {
                continue;
            }
            works
                .entry(w.id.as_str().to_owned())
                .or_insert_with(|| WorkState {
                    work: (*w).clone(),
                    badges: badges(model, w),
                    paths: Vec::new(),
                })
                .paths
                .push(path.to_owned());
        }
        if let Some(previous) = previous.as_mut() {
            for id in kept {
                if let Some(state) = previous.works.remove(id) {
                    works.insert(id.clone(), state);
                }
            }
        }
        Scope {
            settings: model.ws.settings.clone(),
            amendments: model.amendments.iter().map(|a| (*a).clone()).collect(),
            works,
        }
    }

    /// The works (by id) whose pages are the same in `model` as when they
    /// were last built: the same text, badges, amendments and settings.
    pub fn kept(&self, model: &Model<'_>) -> HashSet<String> {
        let same = self.settings == model.ws.settings
            && self.amendments.len() == model.amendments.len()
            && self
                .amendments
                .iter()
                .zip(&model.amendments)
                .all(|(a, b)| a == *b);
        if !same {
            return HashSet::new();
        }
        model
            .ws
            .works
            .iter()
            .filter(|w| {
                self.works
                    .get(w.id.as_str())
                    .is_some_and(|s| s.work == **w && s.badges == badges(model, w))
            })
            .map(|w| w.id.as_str().to_owned())
            .collect()
    }

    /// A scope that keeps no work (every page is built).
    pub fn empty() -> Scope {
        Scope {
            settings: Settings::default(),
            amendments: Vec::new(),
            works: HashMap::new(),
        }
    }

    /// The work of `id` as its pages were last built.
    pub fn work(&self, id: &str) -> Option<&Work> {
        self.works.get(id).map(|s| &s.work)
    }

    /// How many works' pages were built.
    pub fn works(&self) -> usize {
        self.works.len()
    }

    /// The pages of a work kept, as last built.
    pub fn paths(&self, id: &str) -> &[String] {
        self.works.get(id).map_or(&[], |s| s.paths.as_slice())
    }
}

/// The paths of `pages`.
pub fn page_paths<'a>(pages: &'a [Page<'_>]) -> impl Iterator<Item = &'a str> {
    pages.iter().map(|p| p.path.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_of_a_work_are_under_its_slug() {
        assert_eq!(
            work_slug("en/works/act-2013-91/index.html"),
            Some("act-2013-91")
        );
        assert_eq!(
            work_slug("ar/works/act-2013-91/art_2/index.html"),
            Some("act-2013-91")
        );
        assert_eq!(work_slug("en/works/index.html"), None);
        assert_eq!(work_slug("en/standards/tip/index.html"), None);
        assert_eq!(work_slug("index.html"), None);
    }
}
