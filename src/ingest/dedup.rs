//! Near-duplicate detection: the same article scraped from two sites should be indexed once.
//!
//! Exact copies share a hash of the normalised body. Near copies (another header, a
//! changed sentence) are found with a MinHash sketch of word 5-shingles, built by
//! one-permutation hashing (one hash a shingle, the minimum kept per bin, so the cost does
//! not grow with the sketch size), and LSH bands that let the index find candidates.

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::text::fold::fold;

/// Bins of the sketch.
pub const BINS: usize = 64;
/// Bins a band hashes together; 16 bands of 4 find pairs above ~0.7 similarity with high
/// probability while pairs below ~0.4 rarely collide.
const ROWS_PER_BAND: usize = 4;
/// Words a shingle spans: long enough that common phrases do not make articles similar.
const SHINGLE_WORDS: usize = 5;
/// Estimated Jaccard similarity from which two bodies are the same article.
pub const NEAR_DUPLICATE: f64 = 0.85;
/// Bodies shorter than this many words are not compared for near copies: short notices
/// share most of their words by nature.
const MIN_WORDS: usize = 40;

/// An empty bin.
const EMPTY: u32 = u32::MAX;
/// Bits of a hash kept in a key: a key only finds candidates, which are then compared in
/// full, so 36 bits (a false candidate in ~7·10^10 per band) are plenty.
const KEY_HASH_BITS: u32 = 36;
/// Slot of the exact hash's key; band `b` has slot `b + 1`, so no two slots share a key.
const EXACT_SLOT: u64 = 0;
const _: () = assert!(BINS / ROWS_PER_BAND < 1 << (64 - KEY_HASH_BITS));

/// What identifies a body for duplicate detection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the exact normalised body.
    pub exact: u64,
    /// The MinHash sketch; `None` for short bodies.
    pub sketch: Option<[u32; BINS]>,
}

impl Fingerprint {
    /// Fingerprints a normalised body.
    pub fn of(body: &str) -> Fingerprint {
        Fingerprint {
            exact: xxh3_64(body.as_bytes()),
            sketch: sketch(body),
        }
    }

    /// Keys under which the index files this body: its exact hash and its bands, each cut
    /// to [`KEY_HASH_BITS`] behind the number of its slot. Kept as numbers in a fast
    /// field: as terms they were 594,000 of them on vnnews, 8 MB of index and a second of
    /// ingest.
    pub fn keys(&self) -> Vec<u64> {
        let mut out = vec![key(EXACT_SLOT, self.exact)];
        if let Some(sketch) = &self.sketch {
            for (band, rows) in sketch.chunks(ROWS_PER_BAND).enumerate() {
                let mut bytes = [0u8; ROWS_PER_BAND * 4];
                for (chunk, v) in bytes.chunks_exact_mut(4).zip(rows) {
                    chunk.copy_from_slice(&v.to_le_bytes());
                }
                out.push(key(EXACT_SLOT + 1 + band as u64, xxh3_64(&bytes)));
            }
        }
        out
    }

    /// Whether `other` is the same article: the same body, or a near copy.
    pub fn same_article(&self, other_exact: u64, other_sketch: Option<&[u32; BINS]>) -> bool {
        if self.exact == other_exact {
            return true;
        }
        match (&self.sketch, other_sketch) {
            (Some(a), Some(b)) => similarity(a, b) >= NEAR_DUPLICATE,
            _ => false,
        }
    }
}

/// The key of a hash in `slot`: the slot's number above the hash's low [`KEY_HASH_BITS`].
fn key(slot: u64, hash: u64) -> u64 {
    (slot << KEY_HASH_BITS) | (hash & ((1 << KEY_HASH_BITS) - 1))
}

/// The estimated Jaccard similarity of two sketches: the share of bins that agree.
pub fn similarity(a: &[u32; BINS], b: &[u32; BINS]) -> f64 {
    let (mut same, mut used) = (0, 0);
    for (x, y) in a.iter().zip(b) {
        if *x == EMPTY && *y == EMPTY {
            continue;
        }
        used += 1;
        if x == y {
            same += 1;
        }
    }
    if used == 0 {
        0.0
    } else {
        f64::from(same) / f64::from(used)
    }
}

fn sketch(body: &str) -> Option<[u32; BINS]> {
    let folded = fold(body);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut bins = [EMPTY; BINS];
    let mut buffer = String::new();
    for shingle in words.windows(SHINGLE_WORDS) {
        buffer.clear();
        for w in shingle {
            buffer.push_str(w);
            buffer.push(' ');
        }
        let h = xxh3_64_with_seed(buffer.as_bytes(), 0x7472_6163_7575);
        // The top bits choose the bin, the low bits are the value kept at its minimum.
        let bin = (h >> 58) as usize % BINS;
        let value = (h as u32) & (EMPTY - 1);
        if let Some(slot) = bins.get_mut(bin) {
            *slot = (*slot).min(value);
        }
    }
    Some(bins)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(seed: usize, words: usize) -> String {
        (0..words)
            .map(|i| format!("từ{}", (i * 7919 + seed * 104_729) % 5003))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn exact_copies_match() {
        let a = Fingerprint::of(&article(1, 300));
        let b = Fingerprint::of(&article(1, 300));
        assert!(a.same_article(b.exact, b.sketch.as_ref()));
        assert_eq!(a.keys(), b.keys());
    }

    #[test]
    fn near_copies_match_and_different_articles_do_not() {
        let base = article(1, 600);
        let edited = format!("Tiêu đề khác của trang khác. {base} Bình luận (0)");
        let a = Fingerprint::of(&base);
        let b = Fingerprint::of(&edited);
        assert_ne!(a.exact, b.exact);
        assert!(a.same_article(b.exact, b.sketch.as_ref()));
        // Near copies share at least one band, so the index finds them as candidates.
        let shared = a.keys().iter().filter(|k| b.keys().contains(k)).count();
        assert!(shared >= 1);
        let other = Fingerprint::of(&article(2, 600));
        assert!(!a.same_article(other.exact, other.sketch.as_ref()));
    }

    #[test]
    fn short_bodies_only_match_exactly() {
        let a = Fingerprint::of("Thông báo ngắn.");
        assert_eq!(a.sketch, None);
        assert_eq!(a.keys().len(), 1);
    }

    #[test]
    fn keys_keep_thirty_six_bits_behind_their_slot() {
        let a = Fingerprint::of(&article(3, 200));
        let keys = a.keys();
        assert_eq!(keys.len(), 1 + BINS / ROWS_PER_BAND);
        // Hashes equal in their low 36 bits give the same key, and only those.
        let low = a.exact & ((1 << 36) - 1);
        assert_eq!(keys[0], key(EXACT_SLOT, low | (7 << 50)));
        assert_eq!(keys[0], low);
        assert_ne!(keys[0], key(EXACT_SLOT, a.exact ^ (1 << 35)));
        // Every key has its own slot: the same hash in two bands makes two keys.
        let slots: std::collections::HashSet<u64> = keys.iter().map(|k| k >> 36).collect();
        assert_eq!(slots.len(), keys.len());
        assert_ne!(key(1, 5), key(2, 5));
    }
}
