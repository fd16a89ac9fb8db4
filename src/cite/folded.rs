//! The folded view of a text (one fold per call) with a map back to original byte offsets.
//!
//! `fold_char` maps one char to one char, so every folded char stands for exactly one
//! original char, and between chars whose encoded length changes ("ả" is 3 bytes, "a" 1)
//! folded and original offsets move together: the map records only those changes.

use crate::text::fold::{ascii_prefix_len, push_ascii_lowercase, FoldTable};

/// A text folded once, plus the way back to the original's byte offsets.
pub struct Folded<'a> {
    /// The input as given.
    pub original: &'a str,
    /// `text::fold::fold(original)`.
    pub text: String,
    /// (folded end, original end) of each char whose folded length differs, in order.
    shifts: Vec<(usize, usize)>,
}

impl<'a> Folded<'a> {
    /// Folds `original` and builds the offset map.
    pub fn new(original: &'a str) -> Self {
        let table = FoldTable::get();
        let mut text = String::with_capacity(original.len());
        let mut shifts = Vec::new();
        let mut offset = 0;
        while let Some(rest) = original.get(offset..) {
            // ASCII runs fold byte for byte: copied whole, nothing to record.
            let (ascii, tail) = rest.split_at(ascii_prefix_len(rest));
            push_ascii_lowercase(&mut text, ascii);
            offset += ascii.len();
            let Some(c) = tail.chars().next() else {
                break;
            };
            let folded = table.folding(c).folded;
            text.push(folded);
            offset += c.len_utf8();
            if folded.len_utf8() != c.len_utf8() {
                shifts.push((text.len(), offset));
            }
        }
        Folded {
            original,
            text,
            shifts,
        }
    }

    /// Original byte offset of the char at folded byte offset `pos` (the end for `pos` at or
    /// past the end of the folded text).
    pub fn orig(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.original.len();
        }
        let pos = self.floor(pos);
        let before = self.shifts.partition_point(|&(folded, _)| folded <= pos);
        match before.checked_sub(1).and_then(|i| self.shifts.get(i)) {
            Some(&(folded, original)) => original + (pos - folded),
            None => pos,
        }
    }

    /// The original text behind folded range `start..end` (empty if out of range).
    pub fn orig_str(&self, start: usize, end: usize) -> &'a str {
        self.original
            .get(self.orig(start)..self.orig(end))
            .unwrap_or("")
    }

    /// Largest char boundary of the folded text at or below `pos`.
    pub fn floor(&self, pos: usize) -> usize {
        self.text.floor_char_boundary(pos)
    }

    /// Smallest char boundary of the folded text at or above `pos`.
    pub fn ceil(&self, pos: usize) -> usize {
        self.text.ceil_char_boundary(pos)
    }

    /// Folded text from `pos` to at most `len` bytes further (cut on a char boundary).
    pub fn ahead(&self, pos: usize, len: usize) -> &str {
        let end = self.floor(pos.saturating_add(len));
        self.text.get(pos..end).unwrap_or("")
    }

    /// Folded text from at most `len` bytes before `pos` up to `pos`.
    pub fn behind(&self, pos: usize, len: usize) -> (usize, &str) {
        let start = self.ceil(pos.saturating_sub(len));
        (start, self.text.get(start..pos).unwrap_or(""))
    }

    /// Whether the char just before `pos` is a letter or digit.
    pub fn word_before(&self, pos: usize) -> bool {
        let before = self.text.get(..pos).and_then(|s| s.chars().next_back());
        before.is_some_and(char::is_alphanumeric)
    }

    /// Whether the char at `pos` is a letter or digit.
    pub fn word_at(&self, pos: usize) -> bool {
        let at = self.text.get(pos..).and_then(|s| s.chars().next());
        at.is_some_and(char::is_alphanumeric)
    }

    /// Whether the char at `pos` is a letter.
    pub fn letter_at(&self, pos: usize) -> bool {
        let at = self.text.get(pos..).and_then(|s| s.chars().next());
        at.is_some_and(char::is_alphabetic)
    }

    /// Whether the original char behind folded offset `pos` is upper case ("Đ", "N").
    pub fn upper_at(&self, pos: usize) -> bool {
        let at = self
            .original
            .get(self.orig(pos)..)
            .and_then(|s| s.chars().next());
        at.is_some_and(char::is_uppercase)
    }

    /// Whether the original text behind `start..end` has no lower-case letter ("NQ", "QĐ").
    pub fn all_upper(&self, start: usize, end: usize) -> bool {
        !self.orig_str(start, end).chars().any(char::is_lowercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_char;

    #[test]
    fn maps_offsets_back() {
        let text = "Nghị quyết số 21-NQ/TW";
        let f = Folded::new(text);
        assert_eq!(f.text, "nghi quyet so 21-nq/tw");
        let start = f.text.find("21").unwrap();
        let end = f.text.len();
        assert_eq!(f.orig_str(start, end), "21-NQ/TW");
        assert_eq!(f.orig_str(0, 10), "Nghị quyết");
        assert!(f.upper_at(0));
        assert!(!f.upper_at(1));
        assert!(f.all_upper(start, end));
    }

    #[test]
    fn every_offset_maps_to_its_char() {
        let table = [
            "",
            "plain ASCII 21-NQ/TW",
            "Đảng ủy “khóa XIII” – Ðà\u{a0}Nẵng",
            "e\u{0301} ǅ ΩΣ 中文 😀 ß",
        ];
        for text in table {
            let f = Folded::new(text);
            // The definition: each folded byte maps to the start of the char it comes from.
            let mut want = Vec::new();
            for (offset, c) in text.char_indices() {
                want.extend(std::iter::repeat_n(offset, fold_char(c).len_utf8()));
            }
            want.push(text.len());
            let got: Vec<usize> = (0..=f.text.len()).map(|pos| f.orig(pos)).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(f.orig(f.text.len() + 5), text.len());
        }
    }

    #[test]
    fn windows_stay_on_boundaries() {
        let f = Folded::new("a\u{a0}\u{a0}b");
        assert_eq!(f.ahead(0, 2), "a");
        assert_eq!(f.behind(f.text.len(), 2).1, "b");
        assert_eq!(f.orig_str(0, 99), "a\u{a0}\u{a0}b");
        assert!(!f.word_before(0));
        assert!(f.word_at(0));
    }
}
