//! The folded view of a text (one fold per call) with a map back to original byte offsets.
//!
//! `fold_char` maps one char to one char, so every folded char stands for exactly one
//! original char; the map records, for each folded byte, where its char starts in the input.

use crate::text::fold::fold_char;

/// A text folded once, plus the way back to the original's byte offsets.
pub struct Folded<'a> {
    /// The input as given.
    pub original: &'a str,
    /// `text::fold::fold(original)`.
    pub text: String,
    /// Original byte offset of the char at each folded byte, plus one entry for the end.
    map: Vec<usize>,
}

impl<'a> Folded<'a> {
    /// Folds `original` and builds the offset map.
    pub fn new(original: &'a str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (offset, c) in original.char_indices() {
            let folded = fold_char(c);
            text.push(folded);
            map.extend(std::iter::repeat_n(offset, folded.len_utf8()));
        }
        map.push(original.len());
        Folded {
            original,
            text,
            map,
        }
    }

    /// Original byte offset of folded byte offset `pos` (clamped to the end).
    pub fn orig(&self, pos: usize) -> usize {
        self.map.get(pos).copied().unwrap_or(self.original.len())
    }

    /// The original text behind folded range `start..end` (empty if out of range).
    pub fn orig_str(&self, start: usize, end: usize) -> &'a str {
        self.original
            .get(self.orig(start)..self.orig(end))
            .unwrap_or("")
    }

    /// Largest char boundary of the folded text at or below `pos`.
    pub fn floor(&self, pos: usize) -> usize {
        let mut pos = pos.min(self.text.len());
        while !self.text.is_char_boundary(pos) {
            pos -= 1;
        }
        pos
    }

    /// Smallest char boundary of the folded text at or above `pos`.
    pub fn ceil(&self, pos: usize) -> usize {
        let mut pos = pos.min(self.text.len());
        while !self.text.is_char_boundary(pos) {
            pos += 1;
        }
        pos
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
    fn windows_stay_on_boundaries() {
        let f = Folded::new("a\u{a0}\u{a0}b");
        assert_eq!(f.ahead(0, 2), "a");
        assert_eq!(f.behind(f.text.len(), 2).1, "b");
        assert_eq!(f.orig_str(0, 99), "a\u{a0}\u{a0}b");
        assert!(!f.word_before(0));
        assert!(f.word_at(0));
    }
}
