//! Snippets: the passage of a document where the query's words are densest, HTML-escaped,
//! with the original (accented) words in `<b>` even when the query was typed without accents.

use std::collections::HashSet;

use crate::text::exact_filter::exact_word;
use crate::text::fold::{fold_char, fold_word_into};
use crate::text::tokenizer::word_spans;

/// Length of a snippet in bytes of text: about two lines on a results page.
pub const SNIPPET_BYTES: usize = 280;
/// Context kept before the first highlighted word, so the passage does not start on it.
const LEAD_BYTES: usize = 60;
/// Bytes between two words that still read as adjacent (a space, or ", ").
const MAX_GAP_IN_PHRASE: usize = 2;
/// Only the first matches are considered, so a huge document cannot make a snippet slow.
const MAX_MATCHES: usize = 2000;

/// The words to highlight, exact and folded.
#[derive(Clone, Debug, Default)]
pub struct Highlight {
    /// Query words as `vi_exact` saw them.
    pub exact: HashSet<String>,
    /// Query words as `vi_fold` saw them.
    pub fold: HashSet<String>,
}

struct Match {
    from: usize,
    to: usize,
    /// Which query word (its index among the folded words, at most 63).
    word: u32,
    /// Whether it counts in full: with the accents the user typed, or for a word typed
    /// without any.
    exact: bool,
}

/// The best passage of `text` as HTML.
pub fn snippet_html(text: &str, highlight: &Highlight, max_bytes: usize) -> String {
    HeadFirstSnippet::new(highlight, max_bytes).of_text(text)
}

/// A snippet found from a text's head when that decides it, else from the whole text,
/// reading on from where the head's scan left off: the same passage as [`snippet_html`],
/// without decompressing or reading most documents past their head.
pub struct HeadFirstSnippet<'h> {
    scan: Scan<'h>,
}

impl<'h> HeadFirstSnippet<'h> {
    /// A snippet of `max_bytes` for the words of `highlight`.
    pub fn new(highlight: &'h Highlight, max_bytes: usize) -> HeadFirstSnippet<'h> {
        HeadFirstSnippet {
            scan: Scan::new(highlight, max_bytes, true),
        }
    }

    /// The snippet of any text beginning with `head`, when `head` alone decides it: the
    /// scan found a window nothing later can beat and stopped inside `head`, and the
    /// passage ends before `head` does. `None` when the rest of the text is needed.
    pub fn of_head(&mut self, head: &str) -> Option<String> {
        if !self.scan.read(head, false) {
            return None;
        }
        let max_bytes = self.scan.max_bytes;
        let (start, end) = best_window(head, &self.scan.matches, max_bytes);
        // Cut with room to spare, the passage does not depend on where the text ends.
        if head.len() - start <= max_bytes {
            return None;
        }
        Some(render(head, &self.scan.matches, start, end))
    }

    /// The snippet of `text`, which begins with the head given to
    /// [`HeadFirstSnippet::of_head`], if any.
    pub fn of_text(mut self, text: &str) -> String {
        self.scan.read(text, true);
        let (start, end) = best_window(text, &self.scan.matches, self.scan.max_bytes);
        render(text, &self.scan.matches, start, end)
    }
}

/// The passage of `text` from `start` to `end` as HTML, its matches in `<b>`; of a word
/// typed with accents that the passage holds as typed ("bão"), only those: "báo" beside it
/// is not what was asked. Where it is folded alone, the folded match says why the document
/// was found.
fn render(text: &str, matches: &[Match], start: usize, end: usize) -> String {
    let mut out = String::with_capacity(end - start + 64);
    if start > 0 {
        out.push('…');
    }
    let shown = || matches.iter().filter(|m| m.from >= start && m.to <= end);
    let held_exact = shown()
        .filter(|m| m.exact)
        .fold(0u64, |words, m| words | 1 << m.word);
    let mut cursor = start;
    for m in shown().filter(|m| m.exact || held_exact & 1 << m.word == 0) {
        escape_into(&text[cursor..m.from], &mut out);
        out.push_str("<b>");
        escape_into(&text[m.from..m.to], &mut out);
        out.push_str("</b>");
        cursor = m.to;
    }
    escape_into(&text[cursor..end], &mut out);
    if end < text.len() {
        out.push('…');
    }
    out
}

/// The query's words found in a text, in order; with `stop_when_perfect`, only up to the
/// first window nothing can beat. A text may be read in parts, each beginning with the one
/// before: the scan goes on from the last word it is sure of.
struct Scan<'h> {
    highlight: &'h Highlight,
    words: Vec<&'h str>,
    /// Typed without accents, a word's accented forms are what the user meant: they count
    /// in full.
    unaccented: Vec<bool>,
    filter: FirstLetters,
    max_bytes: usize,
    stop_when_perfect: bool,
    perfect: u32,
    matches: Vec<Match>,
    /// Where the words not read yet begin.
    resume_at: usize,
    /// Once a window is as good as a window can be, only the words it may still take in
    /// are needed: no later window can beat it, so the rest of the document is not read.
    stop_after: usize,
    /// Whether a read stopped before its text's last word: the matches are final.
    stopped: bool,
    folded: String,
}

impl<'h> Scan<'h> {
    fn new(highlight: &'h Highlight, max_bytes: usize, stop_when_perfect: bool) -> Scan<'h> {
        let words: Vec<&str> = highlight.fold.iter().map(String::as_str).collect();
        Scan {
            highlight,
            filter: FirstLetters::of(&words),
            unaccented: words.iter().map(|w| highlight.exact.contains(*w)).collect(),
            perfect: perfect_score(words.len()),
            words,
            max_bytes,
            stop_when_perfect,
            matches: Vec::new(),
            resume_at: 0,
            stop_after: usize::MAX,
            stopped: false,
            folded: String::new(),
        }
    }

    /// Reads `text` from where the last read left off, and says whether the scan stopped
    /// before the text's last word: then the matches are those of any longer text that
    /// begins with this one. Unless the text is `whole`, a last word that may be cut short
    /// is left unread, for a longer text's read to take up.
    fn read(&mut self, text: &str, whole: bool) -> bool {
        self.stopped = self.stopped || self.read_on(text, whole);
        self.stopped
    }

    /// [`Scan::read`] from where the last read left off.
    fn read_on(&mut self, text: &str, whole: bool) -> bool {
        let offset = self.resume_at;
        let mut last = None;
        for (from, to) in word_spans(text.get(offset..).unwrap_or_default()) {
            let (from, to) = (from + offset, to + offset);
            if from > self.stop_after {
                return true;
            }
            last = Some((from, to));
            self.resume_at = to;
            if self.add(text, from, to) == Added::Enough {
                if whole || to + 1 < text.len() {
                    return true;
                }
                break;
            }
        }
        // The last word may be cut short where a longer text goes on (a number's too, by a
        // "." or "," before its next digit).
        let cut_short = |&(_, to): &(usize, usize)| !whole && to + 1 >= text.len();
        if let Some((from, to)) = last.filter(cut_short) {
            self.unread(from, to);
        }
        false
    }

    /// Looks at the word from `from` to `to`, and says whether enough matches are found.
    fn add(&mut self, text: &str, from: usize, to: usize) -> Added {
        let token = &text[from..to];
        if !self.filter.may_match(token) {
            return Added::More;
        }
        fold_word_into(token, &mut self.folded);
        let Some(word) = self.words.iter().position(|w| *w == self.folded) else {
            return Added::More;
        };
        let exact =
            self.unaccented[word] || self.highlight.exact.contains(exact_word(token).as_ref());
        // A number's leading zeros are not in its word ("05" is "5"), but are highlighted.
        let zeros = text[..from]
            .bytes()
            .rev()
            .take_while(|&b| b == b'0')
            .count();
        self.matches.push(Match {
            from: from - zeros,
            to,
            word: word.min(63) as u32,
            exact,
        });
        if self.matches.len() >= MAX_MATCHES {
            return Added::Enough;
        }
        if self.stop_when_perfect
            && self.stop_after == usize::MAX
            && ending_window_score(&self.matches, self.max_bytes) == self.perfect
        {
            self.stop_after = from + self.max_bytes;
        }
        Added::More
    }

    /// Forgets the word from `from` to `to`, the last one read, so that the next read
    /// starts with it.
    fn unread(&mut self, from: usize, to: usize) {
        self.resume_at = from;
        if self
            .matches
            .last()
            .is_some_and(|m| m.from == from && m.to == to)
        {
            self.matches.pop();
            // The window it made perfect, if it did, is no longer.
            if self.stop_after == from + self.max_bytes {
                self.stop_after = usize::MAX;
            }
        }
    }
}

/// Whether a scan has found enough matches.
#[derive(PartialEq)]
enum Added {
    More,
    Enough,
}

/// A cheap test that rejects nearly every word of a document before it is folded: a word
/// can only fold to a query word if its first two letters fold to that word's first two
/// and it is at least as long. One letter is not enough: c, t, n, h and d begin most
/// Vietnamese words.
struct FirstLetters {
    /// Bit `key(second)` of `pairs[key(first)]` is set when some folded query word starts
    /// with those two chars; [`END`] as the second for a word of one char.
    pairs: [u64; KEYS],
    /// Whether some query word starts with a letter that is not ASCII once folded (a
    /// foreign letter): then every word is checked.
    any: bool,
    /// Bytes of the shortest folded query word (folding never lengthens a word).
    shortest: usize,
}

/// Keys of [`FirstLetters::pairs`]: the digits, the lower-case ASCII letters, [`END`],
/// [`OTHER_ASCII`] and [`NOT_ASCII`].
const KEYS: usize = 39;
/// The key after a word's last char.
const END: usize = 36;
/// The key of any other ASCII char (a '.' or ',' inside a number).
const OTHER_ASCII: usize = 37;
/// The key of a char that is not ASCII once folded.
const NOT_ASCII: usize = 38;

/// The key of a folded char, if it is ASCII.
fn key(c: char) -> Option<usize> {
    let byte = u8::try_from(c).ok().filter(u8::is_ascii)?;
    Some(match byte {
        b'0'..=b'9' => usize::from(byte - b'0'),
        b'a'..=b'z' => usize::from(byte - b'a') + 10,
        _ => OTHER_ASCII,
    })
}

impl FirstLetters {
    fn of(words: &[&str]) -> FirstLetters {
        let mut filter = FirstLetters {
            pairs: [0; KEYS],
            any: false,
            shortest: words.iter().map(|w| w.len()).min().unwrap_or(0),
        };
        for word in words {
            let mut chars = word.chars();
            let Some(first) = chars.next().and_then(key) else {
                filter.any = true;
                continue;
            };
            let second = chars.next().map_or(END, |c| key(c).unwrap_or(NOT_ASCII));
            filter.pairs[first] |= 1 << second;
        }
        filter
    }

    fn may_match(&self, word: &str) -> bool {
        if word.len() < self.shortest {
            return false;
        }
        if self.any {
            return true;
        }
        let mut chars = word.chars().map(fold_char);
        let Some(first) = chars.next().and_then(key) else {
            return false;
        };
        let second = match chars.next() {
            None => END,
            Some(c) => match key(c) {
                Some(second) => second,
                // A combining mark, which folding drops, or a foreign letter: let through
                // every word whose first letter may match.
                None => return self.pairs[first] != 0,
            },
        };
        self.pairs[first] & (1 << second) != 0
    }
}

/// The window with the best [`window_score`], earliest on ties; the text's start when
/// nothing matched.
fn best_window(text: &str, matches: &[Match], max_bytes: usize) -> (usize, usize) {
    let mut best: Option<(u32, usize)> = None;
    for (i, first) in matches.iter().enumerate() {
        let window = matches[i..]
            .iter()
            .take_while(|m| m.to - first.from <= max_bytes);
        let score = window_score(window);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, first.from));
        }
    }
    let Some((_, first)) = best else {
        return (0, cut(text, 0, max_bytes));
    };
    let start = word_start(text, first.saturating_sub(LEAD_BYTES), first);
    (start, cut(text, start, max_bytes))
}

/// How good a passage is: 2 for each distinct query word in it, 2 more when one of its
/// matches is exact, then 1 for each word standing next to the one before it as in a phrase,
/// up to one fewer than the words seen (repeating a phrase does not make a passage better).
fn window_score<'a>(window: impl Iterator<Item = &'a Match>) -> u32 {
    let (mut seen, mut exact, mut pairs) = (0u64, 0u64, 0u32);
    let mut previous_end = None;
    for m in window {
        seen |= 1 << m.word;
        if m.exact {
            exact |= 1 << m.word;
        }
        if previous_end.is_some_and(|end| m.from - end <= MAX_GAP_IN_PHRASE) {
            pairs += 1;
        }
        previous_end = Some(m.to);
    }
    let words = seen.count_ones();
    2 * words + 2 * exact.count_ones() + pairs.min(words.saturating_sub(1))
}

/// The score of a window holding all `words` query words, exact and side by side: nothing
/// beats it.
fn perfect_score(words: usize) -> u32 {
    let words = words.min(64) as u32;
    4 * words + words.saturating_sub(1)
}

/// The score of the window that ends with the last match: every match within `max_bytes`
/// before its end.
fn ending_window_score(matches: &[Match], max_bytes: usize) -> u32 {
    let Some(last) = matches.last() else {
        return 0;
    };
    let start = matches.partition_point(|m| last.to - m.from > max_bytes);
    window_score(matches[start..].iter())
}

/// The end of a window of about `max_bytes` from `start`, at the end of a word.
fn cut(text: &str, start: usize, max_bytes: usize) -> usize {
    if text.len() - start <= max_bytes {
        return text.len();
    }
    let limit = text.floor_char_boundary(start + max_bytes);
    match text[start..limit].rfind(char::is_whitespace) {
        Some(space) if space > 0 => start + space,
        _ => limit,
    }
}

/// The first word start at or after `from` (never past `first_match`).
fn word_start(text: &str, from: usize, first_match: usize) -> usize {
    if from == 0 {
        return 0;
    }
    let from = text.floor_char_boundary(from);
    match text[from..first_match].find(char::is_whitespace) {
        Some(space) => from + space + 1,
        None => from,
    }
}

/// Escapes text for HTML, turning line breaks into spaces. The text between two
/// characters to replace goes in as one slice: they are all ASCII, so never inside a
/// character.
pub fn escape_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| ESCAPED.contains(&b)) {
        let (kept, tail) = rest.split_at(at);
        out.push_str(kept);
        out.push_str(match tail.as_bytes()[0] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => " ",
        });
        rest = &tail[1..];
    }
    out.push_str(rest);
}

/// The bytes [`escape_into`] replaces.
const ESCAPED: [u8; 6] = [b'&', b'<', b'>', b'"', b'\'', b'\n'];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold;

    fn highlight(words: &[&str]) -> Highlight {
        Highlight {
            exact: words.iter().map(|w| exact_word(w).into_owned()).collect(),
            fold: words.iter().map(|w| fold(w)).collect(),
        }
    }

    #[test]
    fn highlights_accented_words_for_unaccented_queries() {
        let text = "Qua hơn 2 năm thực hiện Hướng dẫn 38 của Ban Tổ chức Trung ương";
        let html = snippet_html(text, &highlight(&["huong", "dan"]), SNIPPET_BYTES);
        assert!(html.contains("<b>Hướng</b> <b>dẫn</b> 38"), "{html}");
    }

    #[test]
    fn escape_replaces_markup_and_line_breaks_only() {
        let table = [
            ("", ""),
            ("Đảng", "Đảng"),
            ("a & b", "a &amp; b"),
            ("<b>\"x\"</b>", "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"),
            ("it's\nnew", "it&#39;s new"),
            ("&&", "&amp;&amp;"),
            ("tổ chức>", "tổ chức&gt;"),
        ];
        for (text, html) in table {
            let mut out = String::new();
            escape_into(text, &mut out);
            assert_eq!(out, html, "{text:?}");
        }
    }

    #[test]
    fn escapes_document_text() {
        let text = "x <script>alert(1)</script> & \"đảng\" <img onerror=y>";
        let html = snippet_html(text, &highlight(&["dang"]), SNIPPET_BYTES);
        assert!(
            !html.contains("<script>") && !html.contains("<img"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;") && html.contains("<b>đảng</b>"),
            "{html}"
        );
    }

    #[test]
    fn picks_the_densest_passage() {
        let filler = "lorem ipsum ".repeat(60);
        let text = format!("chi bộ {filler} sinh hoạt chi bộ định kỳ {filler}");
        let html = snippet_html(&text, &highlight(&["sinh", "hoạt", "chi", "bộ"]), 120);
        assert!(html.starts_with('…') && html.ends_with('…'), "{html}");
        assert!(
            html.contains("<b>sinh</b> <b>hoạt</b> <b>chi</b> <b>bộ</b>"),
            "{html}"
        );
    }

    #[test]
    fn capitalised_and_long_words_pass_the_first_letter_filter() {
        let text = "Ủy ban. ĐẢNG bộ, Đảng ủy và đẳng cấp; ươm mầm Ước mơ";
        let html = snippet_html(text, &highlight(&["dang", "uy", "uoc"]), SNIPPET_BYTES);
        for word in [
            "<b>Ủy</b>",
            "<b>ĐẢNG</b>",
            "<b>Đảng</b>",
            "<b>ủy</b>",
            "<b>Ước</b>",
        ] {
            assert!(html.contains(word), "{word} in {html}");
        }
        assert!(
            html.contains("<b>đẳng</b> cấp"),
            "folded matches too: {html}"
        );
        assert!(!html.contains("<b>ươm</b>"), "{html}");
    }

    #[test]
    fn no_match_gives_the_beginning() {
        let html = snippet_html("Một hai ba", &highlight(&["xyz"]), SNIPPET_BYTES);
        assert_eq!(html, "Một hai ba");
    }

    #[test]
    fn cuts_on_char_boundaries() {
        let text = "đảng ".repeat(200);
        for max in [1, 7, 50, 281] {
            let html = snippet_html(&text, &highlight(&["đảng"]), max);
            assert!(!html.is_empty());
        }
    }

    #[test]
    fn stops_at_the_first_perfect_window() {
        let text = format!(
            "Việt Nam {} việt nam Việt Nam {}",
            "lorem ".repeat(80),
            "ipsum ".repeat(80)
        );
        let hl = highlight(&["việt", "nam"]);
        let mut scan = Scan::new(&hl, 120, true);
        let (stopped, matches) = (scan.read(&text, true), scan.matches);
        assert!(stopped);
        assert_eq!(
            matches.len(),
            2,
            "nothing after the perfect opening pair is read"
        );
        let html = snippet_html(&text, &highlight(&["việt", "nam"]), 120);
        assert!(html.starts_with("<b>Việt</b> <b>Nam</b> lorem"), "{html}");
    }

    #[test]
    fn a_head_that_holds_the_last_match_read_ends_the_scan() {
        // The 2,000th match comes in the head and the best window ends it, so the head
        // does not decide; the full text's scan stops there too, and never sees the perfect
        // pair after it.
        let filler = format!(
            "{}{}",
            "đảng x ".repeat(MAX_MATCHES - 2),
            "lorem ".repeat(30)
        );
        let head = format!("{filler}viên x đảng x");
        let text = format!("{head} đảng viên");
        let hl = highlight(&["đảng", "viên"]);
        let mut snippet = HeadFirstSnippet::new(&hl, 100);
        assert_eq!(snippet.of_head(&head), None);
        let html = snippet.of_text(&text);
        assert_eq!(html, snippet_html(&text, &hl, 100));
        assert!(html.contains("<b>viên</b> x <b>đảng</b>"), "{html}");
    }

    #[test]
    fn a_word_the_head_cut_short_is_read_again_whole() {
        // "Đả", the head's cut of "Đảng", reads as "da" and makes a perfect window with
        // "Nam"; whole, "Đảng" is no match, and the perfect window comes later.
        let text = format!("Nam Đảng {}Nam Da", "lorem ".repeat(40));
        let hl = highlight(&["nam", "da"]);
        let mut snippet = HeadFirstSnippet::new(&hl, 60);
        assert_eq!(snippet.of_head("Nam Đả"), None);
        let html = snippet.of_text(&text);
        assert_eq!(html, snippet_html(&text, &hl, 60));
        assert!(html.ends_with("<b>Nam</b> <b>Da</b>"), "{html}");
    }

    #[test]
    fn the_text_s_last_word_is_a_match_like_any_other() {
        let hl = highlight(&["đảng"]);
        let table = [
            ("Hội nghị Đảng", "Hội nghị <b>Đảng</b>"),
            ("Hội nghị Đảng.", "Hội nghị <b>Đảng</b>."),
            ("Đảng", "<b>Đảng</b>"),
        ];
        for (text, html) in table {
            assert_eq!(snippet_html(text, &hl, 60), html, "{text}");
        }
    }

    #[test]
    fn an_unaccented_query_is_perfect_with_accented_words() {
        let text = format!("Hướng dẫn 38 {}", "lorem ".repeat(80));
        let hl = highlight(&["huong", "dan", "38"]);
        let mut scan = Scan::new(&hl, 120, true);
        scan.read(&text, true);
        let matches = scan.matches;
        assert_eq!(matches.len(), 3);
    }

    #[test]
    fn an_accented_query_reads_on_until_its_accents() {
        let text = format!("đang {} Đảng {}", "lorem ".repeat(80), "ipsum ".repeat(80));
        let html = snippet_html(&text, &highlight(&["đảng"]), 120);
        assert!(
            html.starts_with("…") && html.contains("<b>Đảng</b>"),
            "{html}"
        );
    }

    #[test]
    fn a_word_typed_with_accents_is_highlighted_as_typed_where_the_passage_has_it() {
        let hl = highlight(&["bão", "lũ"]);
        let html = snippet_html("Dự báo bão lũ và cảnh báo lũ", &hl, 200);
        assert_eq!(html, "Dự báo <b>bão</b> <b>lũ</b> và cảnh báo <b>lũ</b>");
        // Folded alone, the folded match is what found the document: it is shown.
        let html = snippet_html("cảnh báo lũ", &hl, 200);
        assert_eq!(html, "cảnh <b>báo</b> <b>lũ</b>");
    }

    #[test]
    fn the_letter_filter_keeps_words_by_their_first_two_letters() {
        let filter = FirstLetters::of(&["chi", "thi", "05", "a", "1.832", "aß"]);
        let table = [
            ("Chỉ", true),
            ("thị", true),
            ("THỊ", true),
            ("chính", true),
            ("05", true),
            ("á", true),
            ("1.832", true),
            ("Aß", true),
            // A combining mark second: folding drops it, so the word is let through.
            ("c\u{0301}hi", true),
            ("của", false),
            ("các", false),
            ("trong", false),
            ("tại", false),
            ("06", false),
            ("an", false),
            // '.' and ',' share a key: "1,5" may fold to nothing the query has, but is read.
            ("1,5", true),
        ];
        for (word, expected) in table {
            assert_eq!(filter.may_match(word), expected, "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_letter_filter_lets_every_match_through(
            word in "[a-zA-Z0-9À-ſẠ-ỹ][a-zA-Z0-9À-ſẠ-ỹ.,\u{0300}\u{0301}\u{0323}]{0,5}",
            others in proptest::collection::vec("[a-z0-9ßç]{1,4}", 0..4),
        ) {
            let folded = fold(&word);
            let mut words: Vec<&str> = others.iter().map(String::as_str).collect();
            words.push(&folded);
            proptest::prop_assert!(FirstLetters::of(&words).may_match(&word), "{} {:?}", word, words);
        }
    }

    proptest::proptest! {
        #[test]
        fn stopping_early_changes_nothing(
            words in proptest::collection::vec(0usize..8, 0..400),
            query in proptest::collection::vec(0usize..8, 1..4),
            max in 20usize..300,
        ) {
            const VOCABULARY: [&str; 8] =
                ["đảng", "Đảng", "dang", "viên", "Việt", "nam", "lorem", "38,"];
            let text: Vec<&str> = words.iter().map(|&w| VOCABULARY[w]).collect();
            let text = text.join(" ");
            let query: Vec<&str> = query.iter().map(|&w| VOCABULARY[w]).collect();
            let highlight = highlight(&query);
            let html = |stop_when_perfect| {
                let mut scan = Scan::new(&highlight, max, stop_when_perfect);
                scan.read(&text, true);
                let (start, end) = best_window(&text, &scan.matches, max);
                render(&text, &scan.matches, start, end)
            };
            proptest::prop_assert_eq!(html(true), html(false));
        }

        #[test]
        fn a_snippet_read_head_first_is_the_whole_text_s(
            words in proptest::collection::vec(0usize..10, 0..400),
            query in proptest::collection::vec(0usize..10, 1..4),
            max in 20usize..300,
            head in 0usize..3000,
        ) {
            // "Đà" is what a head cutting "Đảng" short reads; "1.5" cut short is "1".
            const VOCABULARY: [&str; 10] =
                ["đảng", "Đảng", "dang", "viên", "Việt", "nam", "Đà", "38,", "1.5", "1"];
            let text: Vec<&str> = words.iter().map(|&w| VOCABULARY[w]).collect();
            let text = text.join(" ");
            let query: Vec<&str> = query.iter().map(|&w| VOCABULARY[w]).collect();
            let highlight = highlight(&query);
            let cut = text.floor_char_boundary(head);
            // From the head when it decides, else reading on from the head's scan.
            let mut snippet = HeadFirstSnippet::new(&highlight, max);
            let html = match snippet.of_head(&text[..cut]) {
                Some(html) => html,
                None => snippet.of_text(&text),
            };
            proptest::prop_assert_eq!(html, snippet_html(&text, &highlight, max));
        }
    }
}
