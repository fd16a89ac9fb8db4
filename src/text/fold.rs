//! Diacritic folding: all tone and vowel marks off, đ → d, lower-case ("Đảng" → "dang").
//!
//! This is what a user types on a phone without a Vietnamese keyboard. Folding is one
//! character to one character, so offsets counted in characters survive it.

use std::sync::LazyLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::block_table::BlockTable;
use super::utf8::{decode_at, slot_at, slot_table, SLOTS};
use super::vowels::vowel;

/// Blocks folded through a precomputed table, because the generic path (case mapping and
/// canonical decomposition) costs two table searches per char: Latin-1 to the Combining
/// Diacritical Marks (U+0080..U+036F), Latin Extended Additional, where most Vietnamese
/// letters live (U+1E00..U+1EFF), and General Punctuation, the quotes and dashes of news.
const BLOCKS: [(u32, u32); 3] = [(0x80, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070)];

/// What folding does to one char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Folding {
    /// The char [`fold_char`] gives.
    pub folded: char,
    /// Whether the char is a combining mark, which [`fold`] drops.
    pub combining: bool,
}

/// How the chars of `BLOCKS` fold, computed by the generic path.
static TABLE: LazyLock<BlockTable<Folding, 3>> =
    LazyLock::new(|| BlockTable::new(&BLOCKS, folding_uncached));

/// Looks up how chars fold; get it once per string, not once per char.
pub(crate) struct FoldTable(&'static BlockTable<Folding, 3>);

impl FoldTable {
    /// The shared table.
    pub(crate) fn get() -> Self {
        FoldTable(&TABLE)
    }

    /// How `c` folds: from the table for the common blocks, else computed.
    #[inline]
    pub(crate) fn folding(&self, c: char) -> Folding {
        if c.is_ascii() {
            return Folding {
                folded: c.to_ascii_lowercase(),
                combining: false,
            };
        }
        self.0.get(c).unwrap_or_else(|| folding_uncached(c))
    }

    /// How the non-ASCII code point `cp` of a valid `&str` folds.
    #[inline]
    fn folding_code_point(&self, cp: u32) -> Folding {
        self.0.get_code_point(cp).unwrap_or_else(|| {
            // `cp` was decoded from a `&str`, so it is a char.
            folding_uncached(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER))
        })
    }
}

/// How `c` folds, computed.
fn folding_uncached(c: char) -> Folding {
    Folding {
        folded: fold_char_uncached(c),
        combining: is_combining_mark(c),
    }
}

/// Folds one character: lower-case, no marks, đ → d. Combining marks come back unchanged
/// (they only occur in text that skipped normalisation; [`fold`] drops them).
#[inline]
pub fn fold_char(c: char) -> char {
    // ASCII, most of what is asked, without touching the shared table.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    FoldTable::get().folding(c).folded
}

/// The definition of [`fold_char`], from the vowel table and Unicode data.
fn fold_char_uncached(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(v) = vowel(c) {
        return v.ascii();
    }
    match c {
        'đ' | 'Đ' | 'Ð' | 'ð' | 'Ɖ' | 'ɖ' => 'd',
        _ => {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let mut base = lower;
            decompose_canonical(lower, |part| {
                if base == lower && !is_combining_mark(part) {
                    base = part;
                }
            });
            base
        }
    }
}

/// Folds a whole string; combining marks are dropped, so NFD input folds like NFC input.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Folds one word into `out` (cleared first), as [`fold_into`] does: a char at a time, which
/// for the few bytes of a word costs less than `fold_into`'s eight-byte stores, the room it
/// clears for them and the check of its output. For the analyzers' tokens and snippets.
pub fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    let bytes = word.as_bytes();
    let (ascii_fold, table) = (&**ASCII_FOLD, FoldTable::get());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            out.push(char::from(b.to_ascii_lowercase()));
            i += 1;
            continue;
        }
        let (folded, len) = fold_non_ascii_at(word, i, ascii_fold, &table);
        i += len;
        if let Some(c) = folded {
            out.push(c);
        }
    }
}

/// How the non-ASCII char at byte `i` of `text` folds, and its length in bytes; `None` for
/// a combining mark, which folding drops. A Vietnamese letter goes straight from its bytes
/// to one ASCII char through `ascii_fold` (`ASCII_FOLD`).
#[inline(always)]
fn fold_non_ascii_at(
    text: &str,
    i: usize,
    ascii_fold: &[u8; SLOTS],
    table: &FoldTable,
) -> (Option<char>, usize) {
    if let Some((slot, len)) = slot_at(text, i) {
        if ascii_fold[slot] != 0 {
            return (Some(char::from(ascii_fold[slot])), len);
        }
    }
    let (cp, len) = decode_at(text, i);
    let f = table.folding_code_point(cp);
    ((!f.combining).then_some(f.folded), len)
}

/// Folds `text` into `out` (cleared first), reusing its allocation on hot paths.
pub fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut folded = std::mem::take(out).into_bytes();
    // Room for the text and an eight-byte store past its end: ASCII and the chars of
    // `ASCII_FOLD` never grow when folded; the rare others make room for themselves.
    folded.clear();
    folded.resize(bytes.len() + 8, 0);
    let ascii_fold = &**ASCII_FOLD;
    let table = FoldTable::get();
    let (mut i, mut j) = (0, 0);
    while i < bytes.len() {
        // The ASCII bytes up to the next other char (at most eight) lower-cased in a
        // register and stored as one word: Vietnamese runs of ASCII are a few bytes long.
        let word = load_word(bytes, i);
        let run = ((word & HIGH_BITS).trailing_zeros() / 8) as usize;
        let lowered = ascii_lowercase_word(word & !HIGH_BITS).to_le_bytes();
        folded[j..j + 8].copy_from_slice(&lowered);
        i += run;
        j += run;
        if run == 8 || i == bytes.len() {
            continue;
        }
        let (c, len) = fold_non_ascii_at(text, i, ascii_fold, &table);
        i += len;
        let Some(c) = c else {
            continue;
        };
        // One ASCII byte for a char of two or more (every Vietnamese letter): it fits.
        if c.is_ascii() {
            folded[j] = c as u8;
            j += 1;
            continue;
        }
        let mut buf = [0; 4];
        let encoded = c.encode_utf8(&mut buf).as_bytes();
        let room = j + encoded.len() + (bytes.len() - i) + 8;
        if folded.len() < room {
            folded.resize(room, 0);
        }
        folded[j..j + encoded.len()].copy_from_slice(encoded);
        j += encoded.len();
    }
    folded.truncate(j);
    // Whole chars and ASCII bytes went in, so this always succeeds.
    *out = String::from_utf8(folded)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// The ASCII byte each char with a slot folds to, or 0 where it folds to something else or
/// is dropped (left to the general path).
static ASCII_FOLD: LazyLock<Box<[u8; SLOTS]>> = LazyLock::new(|| {
    slot_table(|c| {
        let f = folding_uncached(c);
        match u8::try_from(f.folded) {
            Ok(b) if b.is_ascii() && !f.combining => b,
            _ => 0,
        }
    })
});

/// The eight bytes of `bytes` from `i`, little-endian; past the end, bytes with the high bit
/// set, which end an ASCII run like any non-ASCII byte.
#[inline(always)]
fn load_word(bytes: &[u8], i: usize) -> u64 {
    if let Some(eight) = bytes.get(i..i + 8) {
        let mut chunk = [0; 8];
        chunk.copy_from_slice(eight);
        return u64::from_le_bytes(chunk);
    }
    // The tail of a short token, assembled in a register: copying it into `chunk` was a call
    // to `memcpy` (its length is not a constant), at every char of every token under eight
    // bytes, most words of an index.
    let rest = bytes.get(i..).unwrap_or_default();
    rest.iter()
        .take(8)
        .enumerate()
        .fold(HIGH_BITS, |word, (k, &b)| {
            word ^ ((u64::from(b) ^ 0x80) << (8 * k))
        })
}

/// The high bit of each byte of a `u64`: set in a byte that is not ASCII.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Lower-cases the eight ASCII bytes packed in `word` (every high bit clear).
#[inline]
fn ascii_lowercase_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte, with no carry across bytes since each is below 0x80: the high bit of
    // `b + (0x80 - 'A')` says b >= 'A', that of `b + (0x7F - 'Z')` says b > 'Z'.
    let at_least_a = word + ONES * u64::from(0x80 - b'A');
    let above_z = word + ONES * u64::from(0x7F - b'Z');
    let upper = at_least_a & !above_z & HIGH_BITS;
    // 0x80 >> 2 is 0x20, the bit between 'A' and 'a'.
    word | (upper >> 2)
}

/// Length in bytes of the ASCII prefix of `text`.
#[inline]
pub(crate) fn ascii_prefix_len(text: &str) -> usize {
    text.bytes()
        .position(|b| !b.is_ascii())
        .unwrap_or(text.len())
}

/// Appends ASCII `run` to `out`, lower-cased.
#[inline]
pub(crate) fn push_ascii_lowercase(out: &mut String, run: &str) {
    let start = out.len();
    out.push_str(run);
    if let Some(appended) = out.get_mut(start..) {
        appended.make_ascii_lowercase();
    }
}

/// `fold_into` as it was before it decoded bytes itself: the reference for the fast path.
#[cfg(test)]
pub(super) fn fold_reference(text: &str) -> String {
    let mut out = String::new();
    let table = FoldTable::get();
    let mut rest = text;
    loop {
        let (ascii, tail) = rest.split_at(ascii_prefix_len(rest));
        push_ascii_lowercase(&mut out, ascii);
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        let f = table.folding(c);
        if !f.combining {
            out.push(f.folded);
        }
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_to_ascii() {
        let table = [
            ("Đảng", "dang"),
            ("đang", "dang"),
            ("Hướng dẫn", "huong dan"),
            ("NGHỊ QUYẾT", "nghi quyet"),
            ("Ðà Nẵng", "da nang"),
            ("khoá", "khoa"),
            ("khóa", "khoa"),
            ("Ủy ban", "uy ban"),
            ("21-NQ/TW", "21-nq/tw"),
            ("1.832", "1.832"),
            ("café", "cafe"),
            ("Nguyễn Văn Ơn", "nguyen van on"),
        ];
        for (input, expected) in table {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfc = "Việt Nam Đảng uỷ";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(fold(&nfd), fold(nfc));
    }

    #[test]
    fn fast_paths_agree_with_char_by_char() {
        let table = [
            "",
            "ASCII only, MiXeD Case 21-NQ/TW\r\n",
            "Ðà Nẵng, ĐẢNG ủy, ɖ Ɖ ð",
            "“Nghị quyết” – 16/6/2022\u{00A0}…",
            "café ÆØÅ ß ǅ 中文 😀 Ωμέγα",
            "e\u{0301} and a lone \u{0301}\u{0323}",
        ];
        for text in table {
            let slow: String = text
                .chars()
                .filter(|&c| !is_combining_mark(c))
                .map(fold_char_uncached)
                .collect();
            assert_eq!(fold(text), slow, "{text:?}");
            let mut reused = String::from("left over");
            fold_into(text, &mut reused);
            assert_eq!(reused, slow, "{text:?}");
            fold_word_into(text, &mut reused);
            assert_eq!(reused, slow, "{text:?}");
        }
    }

    #[test]
    fn table_agrees_with_definition() {
        let table = FoldTable::get();
        for (start, end) in BLOCKS {
            for c in (start..end).filter_map(char::from_u32) {
                assert_eq!(table.folding(c), folding_uncached(c), "{c:?}");
            }
        }
        assert_eq!(fold_char('Ð'), 'd');
        assert_eq!(fold_char('\u{0301}'), '\u{0301}');
    }

    #[test]
    fn agrees_with_reference_on_every_char() {
        // Every char alone and after ASCII and Vietnamese neighbours, in one string.
        let mut text = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            text.push(c);
            if u32::from(c) % 7 == 0 {
                text.push_str("Aa ");
            }
        }
        assert_eq!(fold(&text), fold_reference(&text));
        let mut word = String::new();
        fold_word_into(&text, &mut word);
        assert_eq!(word, fold_reference(&text));
        // Ⱥ lower-cases to a longer char: the output outgrows the input.
        for sample in [
            "",
            "Ɖ",
            "ĐẢNG ủy Ð",
            "x\u{0301}",
            "\u{0301}",
            "中文😀 á",
            "ȺȺȺȺȺȺȺȺȺ",
            "aȺ",
        ] {
            assert_eq!(fold(sample), fold_reference(sample), "{sample:?}");
            let mut word = String::from("left over");
            fold_word_into(sample, &mut word);
            assert_eq!(word, fold_reference(sample), "{sample:?}");
        }
    }

    #[test]
    fn lowercases_eight_ascii_bytes_at_once() {
        for start in 0..=(0x80 - 8) {
            let chunk: [u8; 8] = std::array::from_fn(|k| start as u8 + k as u8);
            let want = chunk.map(|b| b.to_ascii_lowercase());
            let got = ascii_lowercase_word(u64::from_le_bytes(chunk)).to_le_bytes();
            assert_eq!(got, want, "{chunk:?}");
        }
    }

    #[test]
    fn loads_a_tail_padded_with_high_bytes() {
        let bytes = "Đảng ủy".as_bytes();
        for i in 0..=bytes.len() {
            let mut want = [0x80; 8];
            for (k, &b) in bytes[i..].iter().take(8).enumerate() {
                want[k] = b;
            }
            assert_eq!(load_word(bytes, i).to_le_bytes(), want, "from {i}");
        }
    }

    #[test]
    fn fold_char_is_one_to_one() {
        let text = "Ban Tổ chức Trung ương ĐẢNG ỦY khóa XIII";
        assert_eq!(fold(text).chars().count(), text.chars().count());
    }
}
