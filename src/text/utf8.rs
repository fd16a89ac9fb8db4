//! Decoding one char of a `&str` at a byte offset, for scanners that walk bytes and only
//! look at the few non-ASCII chars (cheaper than building a `Chars` at every stop).

/// The code point starting at byte `i` of `text` and its length in bytes; `i` must be on a
/// char boundary and in bounds.
#[inline(always)]
pub(crate) fn decode_at(text: &str, i: usize) -> (u32, usize) {
    let bytes = text.as_bytes();
    // Continuation bytes exist and are 10xxxxxx because `text` is valid UTF-8.
    let cont = |k: usize| u32::from(bytes[i + k] & 0x3F);
    let b0 = u32::from(bytes[i]);
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// Slots of [`slot_at`]: ASCII and every 2-byte char (U+0000..U+07FF), Latin Extended
/// Additional (U+1E00..U+1EFF), where most Vietnamese letters live, and the first two rows of
/// General Punctuation (U+2000..U+207F), the quotes, dashes and invisible spaces of news.
pub(crate) const SLOTS: usize = 0x980;

/// First slot of Latin Extended Additional, then of General Punctuation.
const EXTENDED_SLOT: usize = 0x800;
const PUNCTUATION_SLOT: usize = 0x900;

/// The slot of the char at byte `i` of `text` and its length in bytes, if it has one: an
/// index computed from the bytes alone, for per-char tables without a decode and a search
/// of blocks. `i` must be on a char boundary and in bounds.
#[inline(always)]
pub(crate) fn slot_at(text: &str, i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // Continuation bytes exist and are 10xxxxxx because `text` is valid UTF-8.
    let cont = |k: usize| usize::from(bytes[i + k] & 0x3F);
    let b0 = bytes[i];
    if b0 < 0x80 {
        Some((usize::from(b0), 1))
    } else if b0 < 0xE0 {
        Some(((usize::from(b0 & 0x1F) << 6) | cont(1), 2))
    } else if b0 == 0xE1 && bytes[i + 1] & 0xFC == 0xB8 {
        // E1 B8..BB: U+1E00..U+1EFF.
        let row = usize::from(bytes[i + 1] & 0x03);
        Some((EXTENDED_SLOT + (row << 6 | cont(2)), 3))
    } else if b0 == 0xE2 && bytes[i + 1] & 0xFE == 0x80 {
        // E2 80..81: U+2000..U+207F.
        let row = usize::from(bytes[i + 1] & 0x01);
        Some((PUNCTUATION_SLOT + (row << 6 | cont(2)), 3))
    } else {
        None
    }
}

/// The char of slot `slot` (below [`SLOTS`]), for building the tables `slot_at` indexes.
pub(crate) fn slot_char(slot: usize) -> char {
    let cp = match slot {
        s if s < EXTENDED_SLOT => s,
        s if s < PUNCTUATION_SLOT => 0x1E00 + s - EXTENDED_SLOT,
        s => 0x2000 + s - PUNCTUATION_SLOT,
    };
    // No slot is a surrogate (U+D800..U+DFFF).
    u32::try_from(cp)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// A table of `T` for every slot, computed once from each slot's char.
pub(crate) fn slot_table<T>(property: impl Fn(char) -> T) -> Box<[T; SLOTS]> {
    Box::new(std::array::from_fn(|slot| property(slot_char(slot))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_the_chars_of_the_common_blocks() {
        let text: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        let mut i = 0;
        let mut slotted = 0;
        for c in text.chars() {
            let cp = u32::from(c);
            let common =
                cp < 0x800 || (0x1E00..0x1F00).contains(&cp) || (0x2000..0x2080).contains(&cp);
            match slot_at(&text, i) {
                Some((slot, len)) => {
                    assert!(common && slot < SLOTS, "{c:?}");
                    assert_eq!((slot_char(slot), len), (c, c.len_utf8()), "{c:?}");
                    slotted += 1;
                }
                None => assert!(!common, "{c:?}"),
            }
            i += c.len_utf8();
        }
        assert_eq!(slotted, SLOTS);
    }

    #[test]
    fn decodes_every_char_like_chars() {
        let text: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        let mut i = 0;
        for c in text.chars() {
            assert_eq!(decode_at(&text, i), (u32::from(c), c.len_utf8()), "{c:?}");
            i += c.len_utf8();
        }
        assert_eq!(i, text.len());
    }
}
