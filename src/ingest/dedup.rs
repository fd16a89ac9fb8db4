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
/// Bits of a hash kept in an index term: a term only finds candidates, which are then
/// compared in full, so 36 bits (a false candidate in ~7·10^10 per band) are plenty.
const TERM_HASH_BITS: u32 = 36;
/// Characters of a term's hash: six bits each. Random hashes share no suffix in the term
/// dictionary, so every character costs about a byte a term: 40 bits in 10 hex digits
/// behind "b15:" were 7.9 MB of terms on vnnews (13 bytes a term).
const TERM_HASH_CHARS: usize = (TERM_HASH_BITS as usize).div_ceil(6);
/// The 64 characters of a term, one per six bits; each band's terms start with its own.
const TERM_ALPHABET: &[u8; 64] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
/// First character of the exact hash's term, outside [`TERM_ALPHABET`] so no band has it.
const EXACT_PREFIX: char = '.';
const _: () = assert!(BINS / ROWS_PER_BAND <= TERM_ALPHABET.len());

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

    /// Terms under which the index files this body: its exact hash and its bands, each
    /// cut to [`TERM_HASH_BITS`] and written six bits a character behind a one-character
    /// prefix.
    pub fn terms(&self) -> Vec<String> {
        let mut out = vec![term(EXACT_PREFIX, self.exact)];
        if let Some(sketch) = &self.sketch {
            for (band, rows) in sketch.chunks(ROWS_PER_BAND).enumerate() {
                let mut bytes = Vec::with_capacity(ROWS_PER_BAND * 4);
                for v in rows {
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
                let prefix = char::from(TERM_ALPHABET[band % TERM_ALPHABET.len()]);
                out.push(term(prefix, xxh3_64(&bytes)));
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

/// The term of a hash: `prefix`, then its low [`TERM_HASH_BITS`], six bits a character.
fn term(prefix: char, hash: u64) -> String {
    let mut out = String::with_capacity(1 + TERM_HASH_CHARS);
    out.push(prefix);
    for i in 0..TERM_HASH_CHARS {
        let six = (hash >> (6 * i)) & 63;
        out.push(char::from(TERM_ALPHABET[six as usize]));
    }
    out
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
        assert_eq!(a.terms(), b.terms());
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
        let shared = a.terms().iter().filter(|t| b.terms().contains(t)).count();
        assert!(shared >= 1);
        let other = Fingerprint::of(&article(2, 600));
        assert!(!a.same_article(other.exact, other.sketch.as_ref()));
    }

    #[test]
    fn short_bodies_only_match_exactly() {
        let a = Fingerprint::of("Thông báo ngắn.");
        assert_eq!(a.sketch, None);
        assert_eq!(a.terms().len(), 1);
    }

    #[test]
    fn terms_keep_thirty_six_bits_in_seven_characters() {
        let a = Fingerprint::of(&article(3, 200));
        let terms = a.terms();
        assert_eq!(terms.len(), 1 + BINS / ROWS_PER_BAND);
        assert!(terms.iter().all(|t| t.len() == 7), "{terms:?}");
        // Hashes equal in their low 36 bits give the same term, and only those.
        let low = a.exact & ((1 << 36) - 1);
        assert_eq!(terms[0], term(EXACT_PREFIX, low | (7 << 50)));
        assert_ne!(terms[0], term(EXACT_PREFIX, a.exact ^ (1 << 35)));
        // Every band has its own first character, and the exact hash one of none.
        let firsts: std::collections::HashSet<char> =
            terms.iter().filter_map(|t| t.chars().next()).collect();
        assert_eq!(firsts.len(), terms.len());
    }
}
