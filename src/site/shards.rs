//! The search shards of a build made one at a time ([`Plan`]): a full
//! build indexes a shard, writes its bundle and lets its records go before
//! the next, rather than holding every record of the site (at 100,000
//! articles some 400 MB) from the model to the swap. The shards are those
//! [`search::records`] packs, record for record and hash for hash: the
//! plan packs the same groups (a work's records, an instrument's
//! provisions) by their counts ([`search::pack_counts`]).

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::amend::History;
use crate::corpus::Lang;
use crate::workspace::Workspace;

use super::search::{self, Record, Records, SHARD_RECORDS, Shard};

/// Where each language's records come from.
struct OfLang {
    lang: Lang,
    /// The works with records in this language: (index among the
    /// workspace's works, where their records start, how many).
    works: Vec<(usize, usize, usize)>,
    /// The provisions' records, after the works'.
    provisions: Vec<Record>,
    /// How many records the language has.
    total: usize,
    /// The sizes of the groups that shards keep whole where they can:
    /// each work's records, then each instrument's provisions.
    groups: Vec<usize>,
}

fn of_lang(by_lang: &mut BTreeMap<Lang, OfLang>, lang: Lang) -> &mut OfLang {
    by_lang.entry(lang).or_insert_with(|| OfLang {
        lang,
        works: Vec::new(),
        provisions: Vec::new(),
        total: 0,
        groups: Vec::new(),
    })
}

/// The search shards of a site, counted but not yet made.
pub struct Plan<'w> {
    ws: &'w Workspace,
    langs: Vec<OfLang>,
    /// Every shard, in order: (index in `langs`, its number, where its
    /// first record is among its language's, how many records it holds).
    shards: Vec<(usize, usize, usize, usize)>,
    /// By work id: per language, where its records start and how many
    /// (as [`Records`] keeps them).
    at: HashMap<String, Vec<(Lang, usize, usize)>>,
}

impl<'w> Plan<'w> {
    /// The shards of `ws`, counted: each work's records, and the
    /// provisions' made (they are few).
    pub fn new(ws: &'w Workspace, histories: &HashMap<String, History>) -> Plan<'w> {
        let counts: Vec<Vec<(Lang, usize)>> = ws
            .works
            .par_iter()
            .map(|w| search::work_counts(w, histories))
            .collect();
        let mut by_lang: BTreeMap<Lang, OfLang> = BTreeMap::new();
        let mut at = HashMap::new();
        for (i, (w, counts)) in ws.works.iter().zip(counts).enumerate() {
            let mut spans = Vec::with_capacity(counts.len());
            for (lang, n) in counts {
                let of = of_lang(&mut by_lang, lang);
                of.works.push((i, of.total, n));
                of.groups.push(n);
                spans.push((lang, of.total, n));
                of.total += n;
            }
            at.insert(w.id.as_str().to_owned(), spans);
        }
        // The provisions, after every work's, an instrument's together.
        for &lang in &ws.settings.languages {
            let of = of_lang(&mut by_lang, lang);
            for i in &ws.instruments {
                let records = search::provision_records(ws, i, lang);
                of.groups.push(records.len());
                of.total += records.len();
                of.provisions.extend(records);
            }
        }
        let langs: Vec<OfLang> = by_lang.into_values().collect();
        let shards = langs
            .iter()
            .enumerate()
            .flat_map(|(l, of)| {
                search::pack_counts(&of.groups, SHARD_RECORDS)
                    .into_iter()
                    .enumerate()
                    .map(move |(n, (first, len))| (l, n, first, len))
            })
            .collect();
        Plan {
            ws,
            langs,
            shards,
            at,
        }
    }

    /// How many shards there are.
    pub fn len(&self) -> usize {
        self.shards.len()
    }

    /// Every shard's language and folder, in order.
    pub fn dirs(&self) -> Vec<(Lang, String)> {
        self.shards
            .iter()
            .map(|&(l, n, ..)| (self.langs[l].lang, search::shard_dir(self.langs[l].lang, n)))
            .collect()
    }

    /// How many records the shards hold.
    pub fn records(&self) -> usize {
        self.langs.iter().map(|of| of.total).sum()
    }

    /// The shard `i`, made: its records, as [`search::records`] makes
    /// them from the works' `histories` (those the plan was made with),
    /// and their hash.
    pub fn shard(&self, i: usize, histories: &HashMap<String, History>) -> Shard {
        let (l, n, from, len) = self.shards[i];
        let of = &self.langs[l];
        let to = from + len;
        let mut records = Vec::with_capacity(to - from);
        for &(w, start, count) in &of.works {
            let (lo, hi) = (start.max(from), (start + count).min(to));
            if lo >= hi {
                continue;
            }
            let made = search::work_records_in(&self.ws.works[w], histories, Some(of.lang));
            records.extend(
                made.into_iter()
                    .skip(lo - start)
                    .take(hi - lo)
                    .map(|(_, r)| r),
            );
        }
        let first = of.total - of.provisions.len();
        let (lo, hi) = (first.max(from), of.total.min(to));
        if lo < hi {
            records.extend_from_slice(&of.provisions[lo - first..hi - first]);
        }
        Shard {
            lang: of.lang,
            dir: search::shard_dir(of.lang, n),
            first: from,
            hash: search::shard_hash(of.lang, &records),
            records,
        }
    }

    /// The records of the shards made (every one, in order), as
    /// [`search::records`] has them, for `mizan serve`.
    pub fn into_records(self, shards: Vec<Shard>) -> Records {
        Records::new(shards, self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Profile;
    use crate::site::model::Model;

    /// The shards a plan makes one by one are those `search::records`
    /// makes at once, with the same hashes and the same places of each
    /// work's records: in a workspace of more than a shard's records per
    /// language, with works cut between shards and works with versions.
    #[test]
    fn the_planned_shards_are_the_shards() {
        let dir = tempfile::tempdir().unwrap();
        let options = mizan_generate::GenerateOptions::new(SHARD_RECORDS + 1_500, 7);
        mizan_generate::generate(&options, dir.path()).unwrap();
        let ws = Workspace::load(dir.path()).unwrap();
        let model = Model::new(&ws, Profile::Public, true);
        assert!(!model.histories.is_empty(), "works with versions");
        let whole = search::records(&ws, &model.histories);
        let plan = Plan::new(&ws, &model.histories);
        assert!(plan.len() > 2, "{} shards", plan.len());
        assert_eq!(plan.len(), whole.shards.len());
        let total: usize = whole.shards.iter().map(|s| s.records.len()).sum();
        assert_eq!(plan.records(), total);
        let dirs: Vec<(Lang, String)> = whole
            .shards
            .iter()
            .map(|s| (s.lang, s.dir.clone()))
            .collect();
        assert_eq!(plan.dirs(), dirs);
        for (i, s) in whole.shards.iter().enumerate() {
            let made = plan.shard(i, &model.histories);
            assert_eq!(
                (made.lang, &made.dir, made.first, made.hash),
                (s.lang, &s.dir, s.first, s.hash)
            );
            assert_eq!(made.records.len(), s.records.len());
        }
        assert_eq!(plan.at, whole.at);
    }
}
