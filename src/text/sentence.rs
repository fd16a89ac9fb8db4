//! The sentence around a span: what a citing document says where it cites.

/// A sentence longer than this is cut around the span: some pages have no full stops.
pub const MAX_SENTENCE_BYTES: usize = 400;

/// Byte range of the sentence containing `start..end` (clamped to the text and to char
/// boundaries), trimmed, reaching at most half of [`MAX_SENTENCE_BYTES`] beyond each side.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let end = text.floor_char_boundary(end);
    let start = text.floor_char_boundary(start.min(end));
    let window_start = text.floor_char_boundary(start.saturating_sub(MAX_SENTENCE_BYTES / 2));
    let window_end = text.floor_char_boundary(end + MAX_SENTENCE_BYTES / 2);
    let before = &text[window_start..start];
    let from = before
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '\n' || (is_stop(c) && next_is_space(before, i)))
        .map_or_else(
            // Cut inside a sentence: from the first whole word of the window.
            || match before.find(char::is_whitespace) {
                Some(space) if window_start > 0 => window_start + space,
                _ => window_start,
            },
            |(i, c)| window_start + i + c.len_utf8(),
        );
    let after = &text[end..window_end];
    let to = after
        .char_indices()
        .find(|&(i, c)| c == '\n' || (is_stop(c) && next_is_space(after, i)))
        .map_or_else(
            // Cut inside a sentence: up to the last whole word of the window.
            || match after.rfind(char::is_whitespace) {
                Some(space) if window_end < text.len() => end + space,
                _ => window_end,
            },
            |(i, c)| end + i + if c == '\n' { 0 } else { c.len_utf8() },
        );
    let slice = &text[from..to];
    let trimmed_start = from + (slice.len() - slice.trim_start().len());
    let trimmed_end = to - (slice.len() - slice.trim_end().len());
    (trimmed_start, trimmed_end.max(trimmed_start))
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';')
}

/// A full stop ends a sentence only before white space or the end ("1.832" and "3.5" do not).
fn next_is_space(s: &str, i: usize) -> bool {
    s[i..].chars().nth(1).is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, needle: &str) -> String {
        let start = text.find(needle).unwrap();
        let (a, b) = sentence_around(text, start, start + needle.len());
        text[a..b].to_string()
    }

    #[test]
    fn finds_the_sentence() {
        let text =
            "Mở đầu. Thực hiện Hướng dẫn số 38, tỉnh có 1.832 đảng viên. Câu sau.\nDòng khác";
        assert_eq!(
            sentence(text, "Hướng dẫn số 38"),
            "Thực hiện Hướng dẫn số 38, tỉnh có 1.832 đảng viên."
        );
        assert_eq!(sentence(text, "Dòng"), "Dòng khác");
        assert_eq!(sentence("Chỉ thị 05", "Chỉ thị 05"), "Chỉ thị 05");
    }

    #[test]
    fn long_runs_are_cut_on_char_boundaries() {
        let text = "đảng ".repeat(500);
        let (a, b) = sentence_around(&text, 1003, 1010);
        assert!(b - a <= MAX_SENTENCE_BYTES + 16, "{}", b - a);
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        // Cut on whole words: "đảng", never "ảng".
        assert!(text[a..b].starts_with("đảng") && text[a..b].ends_with("đảng"));
        let (a, b) = sentence_around("abc", 10, 20);
        assert!(a <= b && b <= 3);
    }
}
