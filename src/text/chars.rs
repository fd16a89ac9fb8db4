//! Character classes shared by the normaliser and the tokenizer, with fast paths for the
//! characters Vietnamese text is made of (the generic Unicode tables are slow lookups).

use unicode_normalization::char::is_combining_mark;

use super::vowels::vowel;

/// Whether `c` belongs inside a word: a letter, a digit or a combining mark.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    vowel(c).is_some() || matches!(c, 'đ' | 'Đ') || c.is_alphanumeric() || is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars() {
        for c in ['a', 'Z', '7', 'ệ', 'Ữ', 'đ', 'Đ', 'ç', '\u{0301}', '中'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [' ', '-', '/', '.', '“', '…', '\u{00A0}', '%'] {
            assert!(!is_word_char(c), "{c}");
        }
    }
}
