//! Updating a site in place after an edit, for `mizan serve` ([`update`]):
//! what the last build leaves ([`Live`]), and the update, which builds
//! again only the pages the edit can reach ([`Scope`]).

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::atomic::InPlace;
use crate::diag::Sources;
use crate::workspace::Workspace;
use crate::workspace::documents::content_hash;

use super::manifest::MANIFEST;
use super::model::{Model, Page};
use super::reach::{self, Reach};
use super::scope::{Scope, page_paths};
use super::{
    BUNDLE_ENTRY, BuildError, BuildOptions, BuildReport, DownloadFile, Laps, Profile, asset_files,
    assets, bundle, check_inputs, data_files, downloads, manifest_bytes, page_hash, render,
    render_error, search, search_and_download_pages,
};

/// What `mizan serve` keeps of the site it last wrote, so that the next
/// edit can update it in place ([`update`]): the templates, and the
/// manifest (held in memory, not read back), and what each work's pages
/// were made from ([`Scope`]).
pub struct Live {
    pub(super) renderer: render::Renderer,
    pub(super) profile: Profile,
    pub(super) files: BTreeMap<String, String>,
    /// The hash of the manifest as written: a site another build replaced
    /// since is not updated in place.
    pub(super) manifest: u64,
    /// How many files each search shard's bundle has.
    pub(super) bundle_files: BTreeMap<String, usize>,
    pub(super) scope: Scope,
    /// What the pages beside the works' were made from, for an edit that
    /// reaches none of them ([`Reach`]).
    pub(super) reach: Option<Reach>,
    /// The search records as last indexed.
    pub(super) records: Option<search::Records>,
}

/// The most pages [`update`] renders; more changed pages are a full
/// build's work (they are held in memory until all are rendered).
pub const UPDATE_MAX_PAGES: usize = 2_000;

/// Whether edits of `changed` (paths under the workspace folder `root`,
/// links resolved) can be applied by [`update`]: edits of the corpus or
/// the standards can; one of the settings, the templates, the language
/// files, the questionnaires or the glossary (which any page may depend
/// on) is a full build's.
pub fn updatable(root: &Path, changed: &[PathBuf]) -> bool {
    changed.iter().all(|p| {
        let first = p
            .strip_prefix(root)
            .ok()
            .and_then(|r| r.components().next());
        matches!(first, Some(Component::Normal(n)) if n == "corpus" || n == "standards")
    })
}

/// Updates the site [`build_live`] (or an earlier update) wrote into
/// `opts.out` to the site of `ws`, in place: only the pages whose inputs
/// changed are rendered, only the search shards whose records changed are
/// indexed, and only files whose bytes changed are written, each replaced
/// atomically ([`InPlace`]). The result is the site a full build of `ws`
/// makes, file for file.
///
/// Everything is rendered and indexed before the first file is written,
/// so a failure to render or index leaves the site as it was. A write
/// that fails halfway leaves the files written so far, under a manifest
/// that no longer vouches for any file being changed (it is written
/// first), so the full build that follows writes them again. `Ok(None)` when the update is a
/// full build's work: the templates or the language files may have
/// changed (see [`updatable`]; this function assumes they did not), the
/// site on disk is not the one `live` describes, the set of search shards
/// changed, or more than [`UPDATE_MAX_PAGES`] pages did. Within one
/// update, a reader may see some pages new and others old; a search shard
/// is replaced whole (its entry file last).
pub fn update(
    ws: &Workspace,
    opts: &BuildOptions,
    live: &mut Live,
) -> Result<Option<BuildReport>, BuildError> {
    let mut laps = Laps::new();
    if opts.profile != live.profile {
        return Ok(None);
    }
    let assets =
        assets::assets(&ws.root).map_err(|d| BuildError::Templates(d, Sources::default()))?;
    check_inputs(ws)?;
    laps.lap("templates");

    let site = InPlace::open(&opts.out, MANIFEST)?;
    match std::fs::read(site.dir().join(MANIFEST)) {
        Ok(bytes) if content_hash(&bytes) == live.manifest => {}
        _ => return Ok(None),
    }
    laps.lap("lock");

    // An edit that reaches no page beside its works' takes the others
    // over, and needs less of the model.
    let reach = live.reach.take().filter(|r| r.works_only(ws, &live.scope));
    let model = match reach {
        Some(_) => Model::lean(ws, opts.profile, true),
        None => Model::new(ws, opts.profile, true),
    };
    laps.lap("model");
    let records = records(ws, &model, live, reach.is_some());
    let shards = records.shards.as_slice();
    laps.lap("records");
    if !same_shards(live, shards) {
        return Ok(None);
    }
    // The search shards whose records changed.
    let stale: Vec<&search::Shard> = shards
        .iter()
        .filter(|s| live.files.get(&format!("{}/", s.dir)) != Some(&format!("{:016x}", s.hash)))
        .collect();
    let kept = live.scope.kept(&model);
    laps.lap("scope");
    let inputs = Inputs {
        model: &model,
        profile: opts.profile,
        live,
        kept: &kept,
        reach: reach.as_ref(),
        shards,
    };
    let Some((
        bundles,
        Prepared {
            built:
                Built {
                    downloads,
                    pages,
                    rendered,
                    timings,
                    ..
                },
            files,
            page_count,
            data,
            others,
            manifest,
            forgetting,
        },
    )) = index_and_prepare(&inputs, assets, &stale)?
    else {
        return Ok(None);
    };
    // `search` is the time the indexing took beyond the pages' and the
    // manifests'.
    let pages_took: f64 = timings.iter().map(|(_, t)| t).sum();
    laps.timings.extend(timings);
    laps.lap("search");
    if let Some((_, t)) = laps.timings.last_mut() {
        *t = (*t - pages_took).max(0.0);
    }
    let rendered: Vec<(&str, String)> = rendered
        .into_iter()
        .map(|(i, html)| (pages[i].path.as_str(), html))
        .collect();
    let changes = Changes {
        forgetting,
        rendered: &rendered,
        others: &others,
        stale: &stale,
        bundles: &bundles,
    };
    write_changes(&site, live, &changes, &files)?;
    site.write(MANIFEST, &manifest)?;
    laps.lap("write");

    let report = BuildReport {
        out: opts.out.clone(),
        profile: opts.profile.as_str(),
        pages: page_count,
        rendered: rendered.len(),
        reused: page_count - rendered.len(),
        kept_works: kept.len(),
        search_shards: shards.len(),
        search_indexed: stale.len(),
        records: shards.iter().map(|s| s.records.len()).sum(),
        files: files.len() + live.bundle_files.values().sum::<usize>(),
        timings: laps.timings,
    };
    drop(rendered);
    let previous = std::mem::replace(&mut live.scope, Scope::empty());
    live.scope = Scope::new(&model, page_paths(&pages), Some(previous), &kept);
    let beside = || reach::beside_works(page_paths(&pages));
    live.reach = Some(reach.unwrap_or_else(|| Reach::new(ws, beside(), downloads, data)));
    drop(pages);
    live.files = files;
    live.manifest = content_hash(&manifest);
    live.records = Some(records);
    Ok(Some(report))
}

/// The manifest of the site without the files an update is about to
/// change (written first, so that a run killed halfway never leaves a
/// file that its entry says is current); `None` when nothing it lists
/// changes.
fn forgetting<'p>(
    model: &Model<'_>,
    profile: Profile,
    live: &Live,
    rendered: impl Iterator<Item = &'p str>,
    stale: &[&search::Shard],
) -> Result<Option<Vec<u8>>, BuildError> {
    let shards: Vec<String> = stale.iter().map(|s| format!("{}/", s.dir)).collect();
    let mut changing: HashSet<&str> = rendered.collect();
    changing.extend(shards.iter().map(String::as_str));
    changing.retain(|f| live.files.contains_key(*f));
    (!changing.is_empty())
        .then(|| manifest_bytes(model, profile, &live.files, &|f| changing.contains(f)))
        .transpose()
}

/// The search records of `ws`: with `works_only` (an edit [`Reach`] says
/// reaches only its works' pages, so the records of the works it leaves as
/// they were, and of the provisions, are the same), those the last update
/// made with the changed works' made again in place; else all made again.
fn records(
    ws: &Workspace,
    model: &Model<'_>,
    live: &mut Live,
    works_only: bool,
) -> search::Records {
    let previous = live.records.take().filter(|_| works_only);
    let changed: Vec<&crate::corpus::Work> = ws
        .works
        .iter()
        .filter(|w| live.scope.work(w.id.as_str()) != Some(*w))
        .collect();
    previous
        .and_then(|r| r.replace(&changed, &model.histories))
        .unwrap_or_else(|| search::records(ws, &model.histories))
}

/// Whether `shards` are the search shards the live site has (their
/// folders; not their contents).
fn same_shards(live: &Live, shards: &[search::Shard]) -> bool {
    shards.len()
        == live
            .files
            .keys()
            .filter(|k| k.starts_with("pagefind/"))
            .count()
        && shards
            .iter()
            .all(|s| live.files.contains_key(&format!("{}/", s.dir)))
}

/// What an update writes, everything rendered and indexed already.
struct Changes<'a> {
    /// The manifest without the files about to change, written first.
    forgetting: Option<Vec<u8>>,
    rendered: &'a [(&'a str, String)],
    others: &'a [(String, Vec<u8>)],
    stale: &'a [&'a search::Shard],
    bundles: &'a [Vec<search::BundleFile>],
}

/// Writes an update into the site, in order: the manifest that forgets
/// what is about to change, the search shards (each one's entry file last,
/// then its files no longer named removed), the pages and other files, and
/// the removal of pages no longer built. The new manifest is the caller's,
/// last.
fn write_changes(
    site: &InPlace,
    live: &mut Live,
    changes: &Changes<'_>,
    files: &BTreeMap<String, String>,
) -> Result<(), BuildError> {
    if let Some(m) = &changes.forgetting {
        site.write(MANIFEST, m)?;
    }
    // The search shards first, then the pages: once a page is new, its
    // search entry is too.
    for (shard, bundle) in changes.stale.iter().zip(changes.bundles) {
        let (entry, rest): (Vec<_>, Vec<_>) = bundle.iter().partition(|f| f.name == BUNDLE_ENTRY);
        // Each of a shard's thousands of files is compared with the one
        // on disk (most are unchanged) on both cores; the entry last.
        rest.par_iter().try_for_each(|f| {
            site.write(&format!("{}/{}", shard.dir, f.name), &f.contents)
                .map(|_| ())
        })?;
        for f in &entry {
            site.write(&format!("{}/{}", shard.dir, f.name), &f.contents)?;
        }
        let names: HashSet<&str> = bundle.iter().map(|f| f.name.as_str()).collect();
        for old in site.files(&shard.dir) {
            if !names.contains(old.as_str()) {
                site.remove(&format!("{}/{old}", shard.dir))?;
            }
        }
        live.bundle_files
            .insert(format!("{}/", shard.dir), bundle.len());
    }
    for (path, html) in changes.rendered {
        site.write(path, html.as_bytes())?;
    }
    for (rel, bytes) in changes.others {
        site.write(rel, bytes)?;
    }
    for old in live.files.keys() {
        if !old.ends_with('/') && !files.contains_key(old) {
            site.remove(old)?;
        }
    }
    Ok(())
}

/// The pages an update builds, with what the downloads page lists.
struct Built<'m> {
    downloads: Vec<DownloadFile>,
    pages: Vec<Page<'m>>,
    /// The hash of each page's inputs.
    hashes: Vec<String>,
    /// The pages rendered (by index in `pages`), their inputs changed.
    rendered: Vec<(usize, String)>,
    timings: Vec<(&'static str, f64)>,
}

/// The downloads, and the pages an update builds (those of the works not
/// `kept`, and every other page, or with `reach` only the report and the
/// search and downloads pages), hashed, with those whose inputs changed
/// rendered; `None` when more than [`UPDATE_MAX_PAGES`] did.
fn built_pages<'m>(inputs: &Inputs<'_, 'm>) -> Result<Option<Built<'m>>, BuildError> {
    let Inputs {
        model,
        live,
        kept,
        reach,
        shards,
        ..
    } = *inputs;
    let mut laps = Laps::new();
    let downloads = match reach {
        Some(r) => r.downloads.clone(),
        None => downloads(model)?,
    };
    laps.lap(match reach {
        Some(_) => "downloads (kept)",
        None => "downloads",
    });
    let build = |w: &crate::corpus::Work| !kept.contains(w.id.as_str());
    let mut pages = match reach {
        Some(_) => model.work_and_report_pages(&build),
        None => model.pages_where(&build),
    };
    pages.extend(search_and_download_pages(model, shards, &downloads));
    laps.lap("page list");

    let renderer = &live.renderer;
    let hashes: Vec<String> = pages
        .par_iter()
        .map(|page| page_hash(renderer.fingerprint, page))
        .collect();
    let changed: Vec<usize> = (0..pages.len())
        .filter(|&i| live.files.get(&pages[i].path) != Some(&hashes[i]))
        .collect();
    laps.lap("hashes");
    if changed.len() > UPDATE_MAX_PAGES {
        return Ok(None);
    }
    let rendered: Vec<(usize, String)> = changed
        .par_iter()
        .map(|&i| {
            let page = &pages[i];
            let html = renderer.render(page).map_err(|e| render_error(page, &e))?;
            Ok((i, html))
        })
        .collect::<Result<_, BuildError>>()?;
    laps.lap("pages");
    Ok(Some(Built {
        downloads,
        pages,
        hashes,
        rendered,
        timings: laps.timings,
    }))
}

/// The Pagefind bundles of the stale search shards, in their order.
type Bundles = Vec<Vec<search::BundleFile>>;

/// The stale search shards indexed (one thread each) while the pages are
/// listed, hashed and rendered and the manifests made ([`built_pages`],
/// [`prepare`]); `None` when the update is a full build's work.
fn index_and_prepare<'m>(
    inputs: &Inputs<'_, 'm>,
    assets: Vec<assets::Asset>,
    stale: &[&search::Shard],
) -> Result<Option<(Bundles, Prepared<'m>)>, BuildError> {
    let (bundles, prepared) = rayon::join(
        || {
            stale
                .par_iter()
                .map(|s| bundle(s))
                .collect::<Result<Vec<_>, BuildError>>()
        },
        || {
            let built = built_pages(inputs)?;
            built.map(|b| prepare(inputs, b, assets, stale)).transpose()
        },
    );
    let Some(prepared) = prepared? else {
        return Ok(None);
    };
    Ok(Some((bundles?, prepared)))
}

/// What the pages and files of an update are made from.
#[derive(Clone, Copy)]
struct Inputs<'a, 'm> {
    model: &'m Model<'m>,
    profile: Profile,
    live: &'a Live,
    kept: &'a HashSet<String>,
    reach: Option<&'a Reach>,
    shards: &'a [search::Shard],
}

/// What an update writes but the search bundles, made while the stale
/// shards are indexed.
struct Prepared<'m> {
    built: Built<'m>,
    /// What the manifest lists: every page with its hash, the other files,
    /// the search shards.
    files: BTreeMap<String, String>,
    page_count: usize,
    /// The files beside the pages but the assets.
    data: Vec<(String, Vec<u8>)>,
    /// The files beside the pages.
    others: Vec<(String, Vec<u8>)>,
    manifest: Vec<u8>,
    /// The manifest without the files about to change ([`forgetting`]).
    forgetting: Option<Vec<u8>>,
}

/// The files beside the pages, and the manifests, of the update whose
/// pages are `built`.
fn prepare<'m>(
    inputs: &Inputs<'_, 'm>,
    mut built: Built<'m>,
    assets: Vec<assets::Asset>,
    stale: &[&search::Shard],
) -> Result<Prepared<'m>, BuildError> {
    let Inputs {
        model,
        profile,
        live,
        kept,
        reach,
        shards,
    } = *inputs;
    let mut laps = Laps::new();
    let hashes = std::mem::take(&mut built.hashes);
    let mut files = page_files(live, reach, kept, &built.pages, hashes);
    let page_count = files.len();
    let data = match reach {
        Some(r) => r.data.clone(),
        None => data_files(
            model,
            profile,
            &built.downloads,
            files.keys().map(String::as_str),
        ),
    };
    let mut others = asset_files(assets);
    others.extend(data.iter().cloned());
    laps.lap("assets");

    files.extend(others.iter().map(|(rel, _)| (rel.clone(), String::new())));
    for s in shards {
        files.insert(format!("{}/", s.dir), format!("{:016x}", s.hash));
    }
    let manifest = manifest_bytes(model, profile, &files, &|_| false)?;
    let rendered = built
        .rendered
        .iter()
        .map(|(i, _)| built.pages[*i].path.as_str());
    let forgetting = forgetting(model, profile, live, rendered, stale)?;
    laps.lap("manifest");
    built.timings.extend(laps.timings);
    Ok(Prepared {
        built,
        files,
        page_count,
        data,
        others,
        manifest,
        forgetting,
    })
}

/// The pages of the updated site with the hashes of their inputs: those of
/// the works kept as they were, those `reach` takes over, and those built
/// (`pages`, `hashes`).
fn page_files(
    live: &Live,
    reach: Option<&Reach>,
    kept: &HashSet<String>,
    pages: &[Page<'_>],
    hashes: Vec<String>,
) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for path in reach.iter().flat_map(|r| &r.pages) {
        if let Some(hash) = live.files.get(path) {
            files.insert(path.clone(), hash.clone());
        }
    }
    for id in kept {
        for path in live.scope.paths(id) {
            if let Some(hash) = live.files.get(path) {
                files.insert(path.clone(), hash.clone());
            }
        }
    }
    for (page, hash) in pages.iter().zip(hashes) {
        files.insert(page.path.clone(), hash);
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_corpus_and_standards_edits_are_updated_in_place() {
        let root = Path::new("/ws");
        let paths = |ps: &[&str]| ps.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert!(updatable(
            root,
            &paths(&["/ws/corpus/kw/act-2013-91.ar.md"])
        ));
        assert!(updatable(
            root,
            &paths(&["/ws/standards/tip.yaml", "/ws/corpus/kw/mappings/tip.yaml"])
        ));
        for other in [
            "/ws/mizan.toml",
            "/ws/glossary.yaml",
            "/ws/templates/article.html",
            "/ws/languages/fr.toml",
            "/ws/questionnaires/unodc.yaml",
            "/elsewhere/corpus/kw/act.md",
        ] {
            let changed = paths(&["/ws/corpus/kw/act-2013-91.en.md", other]);
            assert!(!updatable(root, &changed), "{other}");
        }
    }
}
