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

#[cfg(test)]
mod tests {
    use super::*;

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
