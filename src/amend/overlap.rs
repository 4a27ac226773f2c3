//! When two operations of one amendment overlap: what each touches (a whole
//! article, the place after it, a paragraph, the place after a paragraph,
//! or a run of words), and which of those collide. An overlap is an error,
//! so the result of an amendment never depends on the order of its
//! operations.

use std::ops::Range;

use super::matching::Unit;

/// What an operation touches, for finding operations that overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Region {
    /// The whole article (replaced, repealed, renumbered, or inserted).
    Whole,
    /// The place after the article, where an article is inserted.
    After,
    Paragraph(usize),
    AfterParagraph(usize),
    Words {
        unit: Unit,
        range: Range<usize>,
    },
}

pub(super) struct Footprint {
    pub lineage: u32,
    pub region: Region,
    pub op: usize,
}

pub(super) fn overlaps(a: &Region, b: &Region) -> bool {
    use Region::*;
    match (a, b) {
        (Whole, After) | (After, Whole) => false,
        (Whole, _) | (_, Whole) => true,
        (After, After) => true,
        (Paragraph(x), Paragraph(y)) | (AfterParagraph(x), AfterParagraph(y)) => x == y,
        (Paragraph(p), Words { unit, .. }) | (Words { unit, .. }, Paragraph(p)) => {
            unit.paragraph == *p
        }
        (Words { unit: u, range: r }, Words { unit: v, range: s }) => {
            u == v && r.start < s.end && s.start < r.end
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(paragraph: usize, range: Range<usize>) -> Region {
        Region::Words {
            unit: Unit {
                paragraph,
                points: Vec::new(),
            },
            range,
        }
    }

    #[test]
    fn what_collides() {
        use Region::*;
        // Inserting after an article does not touch the article itself.
        assert!(!overlaps(&Whole, &After));
        assert!(overlaps(&After, &After));
        assert!(overlaps(&Whole, &Paragraph(1)));
        assert!(overlaps(&Paragraph(2), &words(2, 0..3)));
        assert!(!overlaps(&Paragraph(2), &words(1, 0..3)));
        assert!(!overlaps(&Paragraph(2), &AfterParagraph(2)));
        assert!(overlaps(&words(1, 0..5), &words(1, 4..8)));
        // Touching runs of words do not overlap.
        assert!(!overlaps(&words(1, 0..4), &words(1, 4..8)));
    }
}
