//! Randomness: a splitmix64 stream, and seeds derived from the user's
//! seed and a path of numbers, so any part can be regenerated alone.

pub(crate) const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A seed for one purpose, derived from the user's seed and a path of numbers.
pub(crate) fn derive(seed: u64, path: &[u64]) -> u64 {
    let mut h = mix(seed ^ 0x6D69_7A61_6E5F_6765);
    for &p in path {
        h = mix(h.wrapping_add(GOLDEN) ^ mix(p.wrapping_add(GOLDEN)));
    }
    h
}

/// splitmix64.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(crate) fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// Skewed towards the front of the list, for a Zipf-like spread of terms.
    pub(crate) fn skewed<T: Copy>(&mut self, xs: &[T]) -> T {
        let a = self.below(xs.len());
        let b = self.below(xs.len());
        xs[a.min(b)]
    }

    /// An index into `weights`, drawn in proportion to the weights.
    pub(crate) fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut x = self.below(total);
        for (i, &wt) in weights.iter().enumerate() {
            if x < wt {
                return i;
            }
            x -= wt;
        }
        weights.len() - 1
    }
}
