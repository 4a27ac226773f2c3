//! Ranking: the best results of a query, with the search's own tiebreak.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentReader};

/// The best `limit` documents by score. Equal scores are ordered by a
/// stable per-document number (the `tiebreak` field, lower first), so the
/// same query gives the same results in the same order however the index
/// was built (its documents are spread over segments by indexing threads).
///
/// Unlike ranking every match by (score, tiebreak), it asks the query only
/// for documents that score at least as well as the last of the best so
/// far (tantivy then skips whole blocks of postings that cannot), and reads
/// a document's tiebreak only when its score lets it in: at 100,000
/// articles a one-word query matches some 50,000 documents, and reading
/// each one's tiebreak took most of the query's time.
pub(super) struct TopByScore {
    pub(super) limit: usize,
}

/// A ranked document: the score, then `u64::MAX - tiebreak` (greater is
/// better on both).
type Ranked = ((Score, u64), DocAddress);

impl Collector for TopByScore {
    type Fruit = Vec<Ranked>;
    type Child = TopByScoreSegment;

    fn for_segment(
        &self,
        segment_ord: u32,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let column = segment
            .fast_fields()
            .u64("tiebreak")
            .ok()
            .map(|c| c.first_or_default_col(0));
        Ok(TopByScoreSegment {
            limit: self.limit.max(1),
            segment_ord,
            column,
            best: std::collections::BinaryHeap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Ranked>>) -> tantivy::Result<Vec<Ranked>> {
        let mut all: Vec<Ranked> = fruits.into_iter().flatten().collect();
        all.sort_by(|a, b| {
            b.0.0
                .total_cmp(&a.0.0)
                .then(b.0.1.cmp(&a.0.1))
                .then(a.1.cmp(&b.1))
        });
        all.truncate(self.limit.max(1));
        Ok(all)
    }

    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment_ord: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<Ranked>> {
        let mut pruning = self.for_segment(segment_ord, reader)?;
        let alive = reader.alive_bitset();
        let mut candidates: Vec<(DocId, Score)> = Vec::new();
        // Called only for documents scoring above the threshold returned.
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                candidates.push((doc, score));
                pruning.collect(doc, score);
            }
            pruning.threshold()
        })?;
        // Pruning adds a document's scores in another order than a plain
        // walk of the matches does, which can change the last bit of the
        // sum and so break a tie the tiebreak should decide: rank the
        // candidates by their scores as the plain walk gives them.
        let cut = pruning.threshold();
        candidates.retain(|&(_, score)| score > cut);
        candidates.sort_unstable_by_key(|&(doc, _)| doc);
        let mut ranked = self.for_segment(segment_ord, reader)?;
        let mut scorer = weight.scorer(reader, 1.0)?;
        for (doc, _) in candidates {
            if scorer.doc() < doc {
                scorer.seek(doc);
            }
            if scorer.doc() == doc {
                ranked.collect(doc, scorer.score());
            }
        }
        Ok(ranked.harvest())
    }
}

/// One candidate in a segment's heap, ordered as [`Ranked`] is.
#[derive(Clone, Copy)]
struct Candidate {
    score: Score,
    key: u64,
    doc: DocId,
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.key.cmp(&other.key))
            .then(other.doc.cmp(&self.doc))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Candidate {}

pub(super) struct TopByScoreSegment {
    limit: usize,
    segment_ord: u32,
    column: Option<std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>>,
    /// The best so far, the worst of them on top.
    best: std::collections::BinaryHeap<std::cmp::Reverse<Candidate>>,
}

impl TopByScoreSegment {
    /// The score a document must exceed to be collected: a little under
    /// the worst of the best once there are `limit` of them (an equal score
    /// may still win on its tiebreak, and a score summed in another order
    /// may differ in its last bits).
    fn threshold(&self) -> Score {
        match self.best.peek() {
            Some(worst) if self.best.len() >= self.limit => {
                let w = worst.0.score;
                w - (w.abs() * 1e-5 + f32::EPSILON)
            }
            _ => Score::MIN,
        }
    }
}

impl SegmentCollector for TopByScoreSegment {
    type Fruit = Vec<Ranked>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let full = self.best.len() >= self.limit;
        if full && self.best.peek().is_some_and(|w| score < w.0.score) {
            return;
        }
        let key = u64::MAX - self.column.as_ref().map_or(0, |c| c.get_val(doc));
        let candidate = Candidate { score, key, doc };
        if !full {
            self.best.push(std::cmp::Reverse(candidate));
        } else if let Some(mut worst) = self.best.peek_mut()
            && candidate > worst.0
        {
            *worst = std::cmp::Reverse(candidate);
        }
    }

    fn harvest(self) -> Vec<Ranked> {
        let segment_ord = self.segment_ord;
        self.best
            .into_iter()
            .map(|c| ((c.0.score, c.0.key), DocAddress::new(segment_ord, c.0.doc)))
            .collect()
    }
}
