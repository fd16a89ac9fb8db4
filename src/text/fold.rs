//! Diacritic folding: all tone and vowel marks off, đ → d, lower-case ("Đảng" → "dang").
//!
//! This is what a user types on a phone without a Vietnamese keyboard. Folding is one
//! character to one character, so offsets counted in characters survive it.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::vowels::vowel;

/// Folds one character: lower-case, no marks, đ → d. Combining marks come back unchanged
/// (they only occur in text that skipped normalisation; [`fold`] drops them).
pub fn fold_char(c: char) -> char {
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

/// Folds `text` into `out` (cleared first), reusing its allocation on hot paths.
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    out.extend(
        text.chars()
            .filter(|&c| !is_combining_mark(c))
            .map(fold_char),
    );
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
    fn fold_char_is_one_to_one() {
        let text = "Ban Tổ chức Trung ương ĐẢNG ỦY khóa XIII";
        assert_eq!(fold(text).chars().count(), text.chars().count());
    }
}
