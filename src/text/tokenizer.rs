//! Splits text into words with byte offsets into the text it was given.
//!
//! A word is a run of letters, digits and combining marks. Digits joined by "." or ","
//! stay one token, since Vietnamese writes "1.832" and "6,17" for numbers. Symbols such as
//! "21-NQ/TW" become the words "21", "NQ", "TW" at consecutive positions, so a phrase query
//! finds them written "21-NQ/TW", "21 NQ TW" or "NQ/TW".

use super::chars::is_word_char;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The tokenizer under both Vietnamese analyzers.
#[derive(Clone, Default)]
pub struct ViTokenizer {
    token: Token,
}

/// The stream of words of one text.
pub struct ViTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    token: &'a mut Token,
}

impl Tokenizer for ViTokenizer {
    type TokenStream<'a> = ViTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ViTokenStream<'a> {
        self.token.reset();
        ViTokenStream {
            text,
            cursor: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for ViTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((start, end)) = next_word(self.text, self.cursor) else {
            self.cursor = self.text.len();
            return false;
        };
        self.cursor = end;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.text.clear();
        self.token.text.push_str(&self.text[start..end]);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The byte ranges of the words of `text`, as [`ViTokenizer`] cuts them, without copying
/// each word out (snippets only look at a few of them).
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut cursor = 0;
    std::iter::from_fn(move || {
        let (start, end) = next_word(text, cursor)?;
        cursor = end;
        Some((start, end))
    })
}

/// The first word at or after byte `from`.
fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let start = next_word_start(text, from)?;
    let end = word_end(text, start);
    Some((past_leading_zeros(text.as_bytes(), start, end), end))
}

/// Where the number from `start` to `end` begins once its leading zeros are left out: "05"
/// is the word "5", so that "Chỉ thị 05" and "Chỉ thị 5", "24/05/2017" and "24/5/2017" find
/// each other. A word that is not all digits keeps its zeros ("0x1f"), and so does zero.
fn past_leading_zeros(bytes: &[u8], start: usize, end: usize) -> usize {
    if bytes.get(start) != Some(&b'0') {
        return start;
    }
    let word = &bytes[start..end];
    if !word
        .iter()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
    {
        return start;
    }
    let zeros = word
        .windows(2)
        .take_while(|pair| pair[0] == b'0' && pair[1].is_ascii_digit())
        .count();
    start + zeros
}

/// Byte offset of the first word character at or after `from`. ASCII bytes are tested as
/// bytes: the tokenizer runs over every indexed body and every snippet.
fn next_word_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                return Some(i);
            }
            i += 1;
        } else {
            let c = text.get(i..)?.chars().next()?;
            if is_word_char(c) {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// Byte offset just past the word starting at `start`: word characters, and a '.' or ','
/// standing between two digits ("1.832", "6,17").
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            i += 1;
        } else if b.is_ascii() {
            let joins_number = matches!(b, b'.' | b',')
                && i > start
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !joins_number {
                break;
            }
            i += 1;
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut tokenizer = ViTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            assert_eq!(&text[t.offset_from..t.offset_to], t.text);
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn texts(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.0).collect()
    }

    #[test]
    fn splits_words_and_keeps_numbers_whole() {
        let table: [(&str, &[&str]); 10] = [
            ("Hướng dẫn 38", &["Hướng", "dẫn", "38"]),
            ("21-NQ/TW", &["21", "NQ", "TW"]),
            (
                "tổng số 1.832 đảng viên",
                &["tổng", "số", "1.832", "đảng", "viên"],
            ),
            ("đạt 6,17%.", &["đạt", "6,17"]),
            ("năm 2022. Tiếp", &["năm", "2022", "Tiếp"]),
            ("“bốn tốt”…", &["bốn", "tốt"]),
            ("30/2020/NĐ-CP", &["30", "2020", "NĐ", "CP"]),
            ("ngày 05/01/2017", &["ngày", "5", "1", "2017"]),
            ("Chỉ thị 05-CT/TW", &["Chỉ", "thị", "5", "CT", "TW"]),
            (
                "0 00 007 0.5 00,25 0x1f 05a",
                &["0", "0", "7", "0.5", "0,25", "0x1f", "05a"],
            ),
        ];
        for (input, expected) in table {
            assert_eq!(texts(input), expected, "{input}");
        }
    }

    /// The tokenizer's definition, char by char, to check the byte-level scan against.
    fn reference(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut cursor = 0;
        while let Some(skip) = text[cursor..].find(is_word_char) {
            let start = cursor + skip;
            let mut end = start;
            let mut prev: Option<char> = None;
            let mut chars = text[start..].char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let joins_number = matches!(c, '.' | ',')
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
                if !(is_word_char(c) || joins_number) {
                    break;
                }
                end = start + i + c.len_utf8();
                prev = Some(c);
            }
            // A number's leading zeros, but its last digit, are not part of it.
            let word = &text[start..end];
            let number = word
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
            let mut first = start;
            if number {
                let digits = word.chars().take_while(|c| c.is_ascii_digit()).count();
                let zeros = word.chars().take_while(|&c| c == '0').count();
                first += zeros.min(digits.saturating_sub(1));
            }
            out.push((first, end));
            cursor = end;
        }
        out
    }

    #[test]
    fn byte_scan_matches_the_char_definition() {
        let table = [
            "1.2.3 1..2 1, ,1 a.1 1.a x1.5y 2022. .5 6,17%",
            "Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương",
            "ĐẢNG Ủy × ÷ ½ ² ¾ ÀÿĀ ẠỹỺ 中文 ١٢٣ Vie\u{0302}\u{0323}t \u{0301}a",
            "“bốn tốt”… tổng số 1.832 đảng viên\u{00A0}đạt 6,17% — hết.",
            "0 00 007 0.5 00,25 0x1f 05a ngày 05/01/2017 số 0",
            "",
            "   ",
        ];
        for text in table {
            let got: Vec<(usize, usize)> = words(text).into_iter().map(|w| (w.2, w.3)).collect();
            assert_eq!(got, reference(text), "{text}");
            assert_eq!(word_spans(text).collect::<Vec<_>>(), got, "{text}");
        }
    }

    #[test]
    fn keeps_combining_marks_inside_words() {
        let nfd = "Vie\u{0302}\u{0323}t Nam";
        assert_eq!(texts(nfd), ["Vie\u{0302}\u{0323}t", "Nam"]);
    }

    #[test]
    fn positions_are_consecutive_and_offsets_exact() {
        let w = words("  a, bc  đ ");
        assert_eq!(w[0], ("a".into(), 0, 2, 3));
        assert_eq!(w[1], ("bc".into(), 1, 5, 7));
        assert_eq!(w[2], ("đ".into(), 2, 9, 11));
        assert!(words("").is_empty());
        assert!(words(" ,.;").is_empty());
    }
}
