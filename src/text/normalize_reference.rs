//! The normaliser as it was before its fast paths (char by char, every non-ASCII word
//! parsed for its tone): the reference the fast one must agree with byte for byte.

use std::sync::LazyLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::block_table::BlockTable;
use super::chars::is_word_char;
use super::tone::canonical_tone;

/// Normalises text as `normalize` did before its fast paths.
pub(super) fn normalize(text: &str) -> String {
    // Almost all text arrives composed: normalise it in one pass, which stops at the first
    // char that might not be NFC; only then pay for the full check and composition.
    if let Some(out) = normalize_composed(text, true) {
        return out;
    }
    let out = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => normalize_composed(text, false),
        _ => normalize_composed(&text.nfc().collect::<String>(), false),
    };
    out.unwrap_or_default()
}

/// Normalises NFC `text`. With `check`, gives `None` at the first char that is not a
/// composed starter, as a text made only of those is NFC; without, always `Some`.
fn normalize_composed(text: &str, check: bool) -> Option<String> {
    let classes = ClassTable::get();
    let mut out = Normalizer::with_capacity(text.len());
    let mut rest = text;
    loop {
        // ASCII letters and digits, most of every word, go in as one slice.
        let (run, tail) = rest.split_at(ascii_alphanumeric_prefix_len(rest));
        out.letters(run);
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        let info = classes.info(c);
        if check && !info.nfc_starter {
            return None;
        }
        match info.class {
            Class::Letter(c) => out.letter(c),
            Class::Space => out.space(),
            Class::Newline => {
                // CR LF is one line break.
                if c == '\r' && chars.as_str().starts_with('\n') {
                    chars.next();
                }
                out.newline();
            }
            Class::ZeroWidthSpace => out.zero_width_space(chars.as_str()),
            Class::Drop => {}
            Class::Other => out.other(c),
            Class::Hyphen => out.other('-'),
        }
        rest = chars.as_str();
    }
    Some(out.finish())
}

/// Length in bytes of the run of ASCII letters and digits at the start of `text`.
#[inline]
fn ascii_alphanumeric_prefix_len(text: &str) -> usize {
    text.bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(text.len())
}

/// What a character becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Part of a word (a letter, digit or mark), possibly replaced by its canonical look-alike.
    Letter(char),
    /// Horizontal white space of any kind.
    Space,
    /// A line break of any kind.
    Newline,
    /// Invisible: zero-width characters, soft hyphens, BOMs, control characters.
    Drop,
    /// U+200B, invisible too, but between two syllables the space a page hid.
    ZeroWidthSpace,
    /// Punctuation and symbols, kept as they are.
    Other,
    /// A hyphen of another code point, written '-'.
    Hyphen,
}

fn classify(c: char) -> Class {
    match c {
        'Ð' | 'Ɖ' => Class::Letter('Đ'),
        'ð' | 'ɖ' => Class::Letter('đ'),
        '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        '\u{200B}' => Class::ZeroWidthSpace,
        '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Class::Drop,
        '\u{2010}' | '\u{2011}' => Class::Hyphen,
        c if is_word_char(c) => Class::Letter(c),
        c if c.is_whitespace() => Class::Space,
        c if c.is_control() => Class::Drop,
        _ => Class::Other,
    }
}

/// A char's class, and whether it is a starter that NFC keeps as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CharInfo {
    class: Class,
    /// Canonical combining class 0 and NFC quick check "yes": a text of such chars is NFC.
    nfc_starter: bool,
}

/// Blocks whose chars are looked up in a table, because `classify` and the NFC data are
/// several Unicode table searches per char: ASCII and Latin-1 to the Combining Diacritical
/// Marks (U+0000..U+036F), Latin Extended Additional, where most Vietnamese letters live
/// (U+1E00..U+1EFF), and General Punctuation, the quotes, dashes and invisible spaces of news.
const BLOCKS: [(u32, u32); 3] = [(0, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070)];

/// The `CharInfo` of the chars of `BLOCKS`, computed by `char_info_uncached`.
static TABLE: LazyLock<BlockTable<CharInfo, 3>> =
    LazyLock::new(|| BlockTable::new(&BLOCKS, char_info_uncached));

/// Looks up chars' classes; get it once per text, not once per char.
struct ClassTable(&'static BlockTable<CharInfo, 3>);

impl ClassTable {
    /// The shared table.
    fn get() -> Self {
        ClassTable(&TABLE)
    }

    /// Class and NFC property of `c`: from the table for the common blocks, else computed.
    #[inline]
    fn info(&self, c: char) -> CharInfo {
        self.0.get(c).unwrap_or_else(|| char_info_uncached(c))
    }
}

fn char_info_uncached(c: char) -> CharInfo {
    CharInfo {
        class: classify(c),
        nfc_starter: canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes,
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
        self.start_word();
        self.word_non_ascii |= !c.is_ascii();
        self.out.push(c);
    }

    /// Appends a run of ASCII letters and digits.
    fn letters(&mut self, run: &str) {
        if !run.is_empty() {
            self.start_word();
            self.out.push_str(run);
        }
    }

    fn start_word(&mut self) {
        if self.word_start.is_none() {
            self.flush_space();
            self.word_start = Some(self.out.len());
            self.word_non_ascii = false;
        }
    }

    fn other(&mut self, c: char) {
        self.end_word();
        self.flush_space();
        self.out.push(c);
    }

    /// A zero-width space before `rest`: a space between two syllables, else nothing.
    fn zero_width_space(&mut self, rest: &str) {
        let word = self.word_start.and_then(|start| self.out.get(start..));
        if word.is_some_and(|word| super::normalize::zero_width_is_space(word, rest)) {
            self.space();
        }
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
