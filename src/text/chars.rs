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
    // Latin-1, Latin Extended-A and -B (ă, đ, ĩ, ũ, ơ, ư) and Latin Extended Additional
    // (the Vietnamese block): letters all but × and ÷, the common case, without a table
    // search.
    if matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') {
        return c != '\u{00D7}' && c != '\u{00F7}';
    }
    vowel(c).is_some() || matches!(c, 'đ' | 'Đ') || c.is_alphanumeric() || is_combining_mark(c)
}

/// `word` with its first char in upper case ("hòa" → "Hòa").
pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_agrees_with_the_unicode_tables() {
        let ranges = ['\u{00C0}'..='\u{024F}', '\u{1E00}'..='\u{1EFF}'];
        for c in ranges.into_iter().flatten() {
            let generic = vowel(c).is_some() || c.is_alphanumeric() || is_combining_mark(c);
            assert_eq!(is_word_char(c), generic, "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn word_chars() {
        for c in ['a', 'Z', '7', 'ệ', 'Ữ', 'đ', 'Đ', 'ç', '\u{0301}', '中'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [' ', '-', '/', '.', '“', '…', '\u{00A0}', '%', '×', '÷'] {
            assert!(!is_word_char(c), "{c}");
        }
    }

    #[test]
    fn word_chars_are_letters_digits_and_marks() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = c.is_alphanumeric() || is_combining_mark(c);
            assert_eq!(is_word_char(c), expected, "{c:?}");
        }
    }
}
