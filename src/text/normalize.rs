//! Normalisation applied to every document and every query before anything else.
//!
//! NFC first (NFD arrives from macOS, Word and some newspapers), look-alike letters to the
//! Vietnamese ones (Ð U+00D0 → Đ), canonical tone placement for every syllable, and one
//! spelling of white space: no invisible characters, no CR, single spaces, at most one blank
//! line between paragraphs.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::chars::is_word_char;
use super::tone::canonical_tone;

/// Normalises text: NFC, look-alikes, tone placement and white space (see the module doc).
pub fn normalize(text: &str) -> String {
    let nfc: Cow<str> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    };
    let mut out = Normalizer::with_capacity(nfc.len());
    let mut chars = nfc.chars().peekable();
    while let Some(c) = chars.next() {
        match classify(c) {
            Class::Letter(c) => out.letter(c),
            Class::Space => out.space(),
            Class::Newline => {
                // CR LF is one line break.
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.newline();
            }
            Class::Drop => {}
            Class::Other => out.other(c),
        }
    }
    out.finish()
}

/// What a character becomes.
enum Class {
    /// Part of a word (a letter, digit or mark), possibly replaced by its canonical look-alike.
    Letter(char),
    /// Horizontal white space of any kind.
    Space,
    /// A line break of any kind.
    Newline,
    /// Invisible: zero-width characters, soft hyphens, BOMs, control characters.
    Drop,
    /// Punctuation and symbols, kept as they are.
    Other,
}

fn classify(c: char) -> Class {
    match c {
        'Ð' | 'Ɖ' => Class::Letter('Đ'),
        'ð' | 'ɖ' => Class::Letter('đ'),
        '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Class::Drop,
        c if is_word_char(c) => Class::Letter(c),
        c if c.is_whitespace() => Class::Space,
        c if c.is_control() => Class::Drop,
        _ => Class::Other,
    }
}

/// The output under construction, with the state white space and words need.
struct Normalizer {
    out: String,
    /// Byte offset in `out` where the current word started, if inside a word.
    word_start: Option<usize>,
    /// Whether the current word has a non-ASCII letter, the only case tone placement needs.
    word_non_ascii: bool,
    pending_space: bool,
    pending_newlines: u8,
}

impl Normalizer {
    fn with_capacity(capacity: usize) -> Self {
        Normalizer {
            out: String::with_capacity(capacity),
            word_start: None,
            word_non_ascii: false,
            pending_space: false,
            pending_newlines: 0,
        }
    }

    fn letter(&mut self, c: char) {
        if self.word_start.is_none() {
            self.flush_space();
            self.word_start = Some(self.out.len());
            self.word_non_ascii = false;
        }
        self.word_non_ascii |= !c.is_ascii();
        self.out.push(c);
    }

    fn other(&mut self, c: char) {
        self.end_word();
        self.flush_space();
        self.out.push(c);
    }

    fn space(&mut self) {
        self.end_word();
        // Spaces at the start of a line or of the text are indentation, not content.
        if !self.out.is_empty() && self.pending_newlines == 0 && !self.out.ends_with('\n') {
            self.pending_space = true;
        }
    }

    fn newline(&mut self) {
        self.end_word();
        self.pending_space = false;
        if !self.out.is_empty() {
            self.pending_newlines = self.pending_newlines.saturating_add(1);
        }
    }

    fn flush_space(&mut self) {
        if self.pending_newlines > 0 {
            let n = self.pending_newlines.min(2);
            for _ in 0..n {
                self.out.push('\n');
            }
            self.pending_newlines = 0;
        } else if self.pending_space {
            self.out.push(' ');
        }
        self.pending_space = false;
    }

    fn end_word(&mut self) {
        if let Some(start) = self.word_start.take() {
            if self.word_non_ascii {
                if let Some(fixed) = canonical_tone(&self.out[start..]) {
                    self.out.truncate(start);
                    self.out.push_str(&fixed);
                }
            }
        }
    }

    fn finish(mut self) -> String {
        self.end_word();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_letters_and_tones() {
        let table = [
            ("Đảng uỷ", "Đảng ủy"),
            ("hoà bình", "hòa bình"),
            ("khoá XIII", "khóa XIII"),
            ("Thuỷ lợi", "Thủy lợi"),
            ("Ðảng", "Đảng"),
            ("Ɖảng", "Đảng"),
            ("ðảng", "đảng"),
            ("quý", "quý"),
            ("Nghị quyết số 21-NQ/TW", "Nghị quyết số 21-NQ/TW"),
            ("1.832 đảng viên, 6,17%", "1.832 đảng viên, 6,17%"),
        ];
        for (input, expected) in table {
            assert_eq!(normalize(input), expected, "{input}");
        }
    }

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd: String = "Việt Nam, Đảng ủy, khoá".nfd().collect();
        assert_eq!(normalize(&nfd), "Việt Nam, Đảng ủy, khóa");
    }

    #[test]
    fn canonicalises_white_space() {
        let table = [
            ("a\u{00A0}b", "a b"),
            ("a  \t b", "a b"),
            ("a\r\nb", "a\nb"),
            ("a\rb", "a\nb"),
            ("a\n\n\n\nb", "a\n\nb"),
            ("  a  \n   b  ", "a\nb"),
            ("Đả\u{200B}ng", "Đảng"),
            ("\u{FEFF}Việt", "Việt"),
            ("a\u{0000}b\u{0007}c", "abc"),
            ("so\u{00AD}ft", "soft"),
            ("a\u{2028}b", "a\nb"),
            ("\n\na", "a"),
            ("", ""),
            (" \n \t ", ""),
        ];
        for (input, expected) in table {
            assert_eq!(normalize(input), expected, "{input:?}");
        }
    }

    #[test]
    fn is_idempotent_on_seed_like_text() {
        let text = "Thực hiện Hướng dẫn số 38, Ban Thường vụ Tỉnh uỷ (khoá XI)\r\n  đã ban hành…";
        let once = normalize(text);
        assert_eq!(normalize(&once), once);
    }
}
