//! Normalisation applied to every document and every query before anything else.
//!
//! NFC first (NFD arrives from macOS, Word and some newspapers), look-alike letters to the
//! Vietnamese ones (Ð U+00D0 → Đ), canonical tone placement for every syllable, and one
//! spelling of white space: no invisible characters, no CR, single spaces, at most one blank
//! line between paragraphs.

use std::sync::LazyLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::block_table::BlockTable;
use super::chars::is_word_char;
use super::syllable::is_syllable;
use super::tone::canonical_tone;
use super::tone_scan::{tone_bits, tone_may_move, ToneTable, TONE_START, TONE_TABLE};
use super::utf8::{decode_at, slot_at, slot_table, SLOTS};

/// Normalises text: NFC, look-alikes, tone placement and white space (see the module doc).
pub fn normalize(text: &str) -> String {
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
        // Between words, copy the longest stretch the char-by-char rules would keep as it is.
        if out.word_start.is_none() {
            let start = text.len() - rest.len();
            let end = if check {
                verbatim_end::<true>(text, start, &classes)
            } else {
                verbatim_end::<false>(text, start, &classes)
            };
            if end > start {
                out.verbatim(&text[start..end]);
                rest = &text[end..];
            }
        }
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

/// Whether a zero-width space after `word` (the word so far) and before `rest` stands for a
/// space: between two syllables that make no syllable together ("Chỉ\u{200B}thị" → "Chỉ
/// thị", as a page showing it wrapped means); inside a syllable ("Đả\u{200B}ng",
/// "ho\u{200B}à") or beside anything else, it is nothing.
pub(super) fn zero_width_is_space(word: &str, rest: &str) -> bool {
    let next = &rest[..rest.len() - rest.trim_start_matches(char::is_alphabetic).len()];
    !word.is_empty()
        && !next.is_empty()
        && is_syllable(word)
        && is_syllable(next)
        && !is_syllable(&format!("{word}{next}"))
}

/// Where the stretch of `text` from `start` that normalises to itself ends, from outside a
/// word with no white space pending: whole words that are kept as they are (tone already in
/// place), punctuation, and single spaces between them. It ends after a word or a char that
/// leaves nothing pending, so the char-by-char rules go on from there as if they had copied it.
/// With `CHECK`, only NFC starters are kept (a constant, so the masks are immediates). Not
/// inlined: on its own it keeps its state in registers.
#[inline(never)]
fn verbatim_end<const CHECK: bool>(text: &str, start: usize, classes: &ClassTable) -> usize {
    let (kept, other) = if CHECK {
        (KEPT, OTHER)
    } else {
        (KEPT_ANY, OTHER_ANY)
    };
    let bytes = text.as_bytes();
    let scan_at = |i: usize| (i < text.len()).then(|| classes.scan_at(text, i));
    let tones: &ToneTable = &TONE_TABLE;
    let mut end = start;
    let mut i = start;
    // The char at `i`, scanned: after a space, the check that content follows scanned it.
    let mut current = scan_at(i);
    loop {
        // A word of chars kept as they are, with what the quick tone check needs.
        let word_start = i;
        let mut tone = TONE_START;
        let next = loop {
            let Some((scan, len)) = current else {
                break None;
            };
            if scan & kept == 0 {
                break Some((scan, len));
            }
            tone = tones.next(tone, scan as u8);
            i += len;
            current = scan_at(i);
        };
        if i > word_start {
            // A letter to replace or an invisible char continue the word: leave it whole to
            // the char-by-char rules. A word whose tone moves is theirs too.
            let word_ends = next.is_none_or(|(scan, _)| scan & ENDS_WORD != 0);
            if !word_ends
                || (tones.may_move(tone) && canonical_tone(&text[word_start..i]).is_some())
            {
                return end;
            }
            end = i;
        }
        let Some((scan, len)) = next else {
            return end;
        };
        if bytes[i] == b' ' {
            // One space between content (so nothing was pending before it) and a word or
            // punctuation is kept as it is.
            let after = scan_at(i + 1);
            let before_content = i > start && after.is_some_and(|(scan, _)| scan & CONTENT != 0);
            if !before_content {
                return end;
            }
            i += len;
            end = i;
            current = after;
            continue;
        } else if scan & other == 0 {
            return end;
        }
        i += len;
        end = i;
        current = scan_at(i);
    }
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
    /// A hyphen of another code point ("21‑NQ/TW" with U+2011 from HTML's `&#8209;`),
    /// written '-' so that symbols and compounds read the same whichever was typed.
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
    /// What the verbatim scan asks of the char, packed in one value (see `scan_bits`).
    scan: u16,
}

/// Letter that goes out unchanged (not a look-alike) and is an NFC starter.
const KEPT: u16 = 1 << 8;
/// Letter that goes out unchanged, NFC starter or not.
const KEPT_ANY: u16 = 1 << 9;
/// Punctuation or symbol, and an NFC starter.
const OTHER: u16 = 1 << 10;
/// Punctuation or symbol, NFC starter or not.
const OTHER_ANY: u16 = 1 << 11;
/// White space, a line break or punctuation: what ends a word.
const ENDS_WORD: u16 = 1 << 12;
/// A letter or punctuation: what a single space may stand before.
const CONTENT: u16 = 1 << 13;

/// The scan bits of `c` of class `class`: the flags above and, in the low byte, the
/// [`tone_bits`] of the quick tone check.
fn scan_bits(c: char, class: Class, nfc_starter: bool) -> u16 {
    let flag = |set: bool, bit: u16| if set { bit } else { 0 };
    let kept = class == Class::Letter(c);
    let other = class == Class::Other;
    flag(kept && nfc_starter, KEPT)
        | flag(kept, KEPT_ANY)
        | flag(other && nfc_starter, OTHER)
        | flag(other, OTHER_ANY)
        | flag(
            matches!(
                class,
                Class::Space | Class::Newline | Class::Other | Class::Hyphen
            ),
            ENDS_WORD,
        )
        | flag(
            matches!(class, Class::Letter(_) | Class::Other | Class::Hyphen),
            CONTENT,
        )
        | u16::from(tone_bits(c))
}

/// Blocks whose chars are looked up in a table, because `classify` and the NFC data are
/// several Unicode table searches per char: ASCII and Latin-1 to the Combining Diacritical
/// Marks (U+0000..U+036F), Latin Extended Additional, where most Vietnamese letters live
/// (U+1E00..U+1EFF), and General Punctuation, the quotes, dashes and invisible spaces of news.
const BLOCKS: [(u32, u32); 3] = [(0, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070)];

/// The `CharInfo` of the chars of `BLOCKS`, computed by `char_info_uncached`.
static TABLE: LazyLock<BlockTable<CharInfo, 3>> =
    LazyLock::new(|| BlockTable::new(&BLOCKS, char_info_uncached));

/// The scan bits alone of the chars with a slot (`utf8::slot_at`), for the verbatim scan
/// that asks for nothing else: one index computed from the bytes, no decode, no `Option`.
static SCAN: LazyLock<Box<[u16; SLOTS]>> =
    LazyLock::new(|| slot_table(|c| char_info_uncached(c).scan));

/// Looks up chars' classes; get it once per text, not once per char.
struct ClassTable {
    info: &'static BlockTable<CharInfo, 3>,
    scan: &'static [u16; SLOTS],
}

impl ClassTable {
    /// The shared tables.
    fn get() -> Self {
        ClassTable {
            info: &TABLE,
            scan: &SCAN,
        }
    }

    /// Class and NFC property of `c`: from the table for the common blocks, else computed.
    #[inline]
    fn info(&self, c: char) -> CharInfo {
        self.info.get(c).unwrap_or_else(|| char_info_uncached(c))
    }

    /// The scan bits of the char at byte `i` of `text`, and its length in bytes.
    #[inline(always)]
    fn scan_at(&self, text: &str, i: usize) -> (u16, usize) {
        if let Some((slot, len)) = slot_at(text, i) {
            return (self.scan[slot], len);
        }
        let (cp, len) = decode_at(text, i);
        // `cp` was decoded from a `&str`, so it is a char.
        let c = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
        (char_info_uncached(c).scan, len)
    }
}

fn char_info_uncached(c: char) -> CharInfo {
    let class = classify(c);
    let nfc_starter =
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
    CharInfo {
        class,
        nfc_starter,
        scan: scan_bits(c, class, nfc_starter),
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

    /// Appends text that the rules keep as it is, ending outside a word (see `verbatim_end`).
    fn verbatim(&mut self, text: &str) {
        self.flush_space();
        self.out.push_str(text);
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

    /// A zero-width space before `rest`: a space between two syllables, else nothing.
    fn zero_width_space(&mut self, rest: &str) {
        let word = self.word_start.and_then(|start| self.out.get(start..));
        if word.is_some_and(|word| zero_width_is_space(word, rest)) {
            self.space();
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
            if self.word_non_ascii && tone_may_move(&self.out[start..]) {
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
            // Between two syllables, a zero-width space is the space the page hid.
            ("Chỉ\u{200B}thị 05", "Chỉ thị 05"),
            ("Chi\u{200B}thi", "Chi thi"),
            ("ho\u{200B}à", "hòa"),
            ("Super\u{200B}man", "Superman"),
            ("Chỉ\u{200B} thị", "Chỉ thị"),
            ("Chỉ\u{200B}\u{200B}thị", "Chỉ thị"),
            ("21\u{200B}NQ", "21NQ"),
            ("21\u{2011}NQ/TW", "21-NQ/TW"),
            ("22\u{2010}NQ/TW", "22-NQ/TW"),
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
    fn fast_paths_agree_with_nfc_first() {
        let table = [
            "",
            "plain ASCII  text\r\nwith\ttabs  ",
            "Ban Thường vụ Tỉnh uỷ (khoá XI)\r\n  đã ban hành…",
            "Ðảng ủy, ðảng viên, Ɖ",
            "“Nghị quyết số 21-NQ/TW” – 16/6/2022\u{00A0}của TW",
            "café, naïve, 中文, 😀 emoji",
            "e\u{0301} then 中\u{0301} and a lone \u{0301}",
            "Ð",
        ];
        for text in table {
            let nfd: String = text.nfd().collect();
            let nfc: String = text.nfc().collect();
            let want = normalize_composed(&nfc, false);
            assert_eq!(Some(normalize(text)), want, "{text:?}");
            assert_eq!(Some(normalize(&nfd)), want, "{text:?} as NFD");
            assert_eq!(Some(normalize(&nfc)), want, "{text:?} as NFC");
        }
    }

    #[test]
    fn check_stops_only_where_nfc_might_change() {
        let table = [
            ("Đảng ủy khóa XIII", true),
            ("", true),
            ("中文 😀", true),
            ("Ðà", true),
            ("e\u{0301}", false),
            ("khoa\u{0301}", false),
        ];
        for (text, composed) in table {
            assert_eq!(
                normalize_composed(text, true).is_some(),
                composed,
                "{text:?}"
            );
        }
    }

    #[test]
    fn table_agrees_with_classify() {
        for (start, end) in BLOCKS {
            for c in (start..end).filter_map(char::from_u32) {
                assert_eq!(ClassTable::get().info(c), char_info_uncached(c), "{c:?}");
            }
        }
        // The scan bits, through the slots and around them.
        for c in (0..0x2100)
            .chain([0x3000, 0xFEFF, 0x1F600])
            .filter_map(char::from_u32)
        {
            let text = c.to_string();
            let scan = (char_info_uncached(c).scan, c.len_utf8());
            assert_eq!(ClassTable::get().scan_at(&text, 0), scan, "{c:?}");
        }
    }

    #[test]
    fn agrees_with_reference_on_edge_cases() {
        let table = [
            "",
            " ",
            "Ð",
            "Ðảng uỷ Ɖ ð ɖ",
            "uỷ ủy hoà hòa khoá khóa thuỷ thủy",
            "UỶ ỦY HOÀ HÒA KHOÁ KHÓA Hoà",
            "qúy quý gìa già gịa qùa quả giải",
            "\u{0301}a \u{0301}",
            " \u{0301}",
            "e\u{0301} ho\u{0300}a u\u{0309}y",
            "ho\u{200B}à hoà\u{200B} \u{200B}hoà",
            "hoàà ừơ hoàn hóan ngoaì khuỷu Nguyễn",
            "a  b\tc\u{00A0}d \n e\r\n\r\n\r\nf",
            "a \u{200B}b a\u{00AD} b",
            "“hoà” (khoá) hoà, hoà. uỷ-ban",
            "中文 hoà 😀 Ωμέγα café naïve Ðà",
            "x\u{0000}y\u{0007} \u{FEFF}",
            "hoà\u{0301}",
            "abcdefghijklmnoà uỷuỷ",
            "a\u{2028}b\u{2029}c\u{0085}d",
            "  \n\n  hoà  \n\n\n",
            "trailing space ",
        ];
        for text in table {
            let nfd: String = text.nfd().collect();
            for input in [text, nfd.as_str()] {
                assert_eq!(
                    normalize(input),
                    super::super::normalize_reference::normalize(input),
                    "{input:?}"
                );
            }
        }
    }

    /// Pieces real and unusual text is made of: syllables in both tone placements, look-alikes,
    /// every kind of white space, invisible chars, combining marks and punctuation.
    const PIECES: [&str; 40] = [
        "hoà", "hòa", "uỷ", "ủy", "khoá", "khóa", "Ð", "ð", "Ɖ", "đ", "Đảng", "người", "quý",
        "qúy", "gìa", "a", "Z", "7", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{00A0}",
        "\u{200B}", "\u{00AD}", "\u{0301}", "\u{0323}", ",", ".", "“", "…", "-", "中", "😀",
        "\u{2028}", "\u{0007}", "café",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

        #[test]
        fn agrees_with_reference_on_random_text(
            picks in proptest::collection::vec(0usize..PIECES.len(), 0..24)
        ) {
            let text: String = picks.iter().map(|&p| PIECES[p]).collect();
            proptest::prop_assert_eq!(
                normalize(&text),
                super::super::normalize_reference::normalize(&text),
                "{:?}", text
            );
        }
    }

    #[test]
    fn is_idempotent_on_seed_like_text() {
        let text = "Thực hiện Hướng dẫn số 38, Ban Thường vụ Tỉnh uỷ (khoá XI)\r\n  đã ban hành…";
        let once = normalize(text);
        assert_eq!(normalize(&once), once);
    }
}
