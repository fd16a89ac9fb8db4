//! `cite::extract` never panics and always returns valid spans: on every char-boundary cut
//! of the labelled texts (whole seeds included) and on random strings of tricky tokens.

use tracuu::cite::{extract, Citation};

/// Bytes kept on the far side of a cut in the whole texts: enough to hold a trigger and the
/// citation it starts when the cut falls inside it, while keeping the test to seconds in debug.
const CUT_WINDOW: usize = 96;
/// Texts shorter than this are cut at every char boundary in full.
const SHORT_TEXT: usize = 2_000;
/// Random strings generated.
const RANDOM_CASES: usize = 3_000;

fn texts() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/citations.jsonl");
    let data = std::fs::read_to_string(path).expect("labelled set is readable");
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

fn check(text: &str) {
    let citations: Vec<Citation> = extract(text);
    let mut previous_start = 0;
    for c in &citations {
        assert!(c.start < c.end, "empty span {c:?} in {text:?}");
        assert_eq!(
            text.get(c.start..c.end),
            Some(c.text.as_str()),
            "span of {c:?} in {text:?}"
        );
        assert!(
            c.start >= previous_start,
            "citations out of order in {text:?}"
        );
        previous_start = c.start;
        let path_safe = c
            .key
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '/');
        assert!(path_safe && !c.key.is_empty(), "key {:?}", c.key);
        assert!(c
            .resolved_from
            .is_none_or(|r| citations.iter().any(|o| o.start == r)));
        let _ = c.label();
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn every_cut_of_the_labelled_texts() {
    for text in texts() {
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &cut in &boundaries {
            if text.len() < SHORT_TEXT {
                check(&text[..cut]);
                check(&text[cut..]);
            } else {
                let from = floor(&text, cut.saturating_sub(CUT_WINDOW));
                let to = floor(&text, (cut + CUT_WINDOW).min(text.len()));
                check(&text[from..cut]);
                check(&text[cut..to]);
            }
        }
        check(&text);
    }
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "Nghị quyết",
    "NQ",
    "NQTW",
    "số",
    "21",
    "05",
    "2022",
    "1.832",
    "6,17%",
    "-",
    "–",
    "/",
    " ",
    "  ",
    "NQ/TW",
    "QĐ",
    "ĐA",
    "đã",
    "TW",
    "TƯ",
    "T.Ư",
    "Trung ương",
    "Hội nghị",
    "lần thứ",
    "XIII",
    "khóa",
    "khoá",
    "(",
    ")",
    ",",
    ".",
    "của",
    "Ban Tổ chức Trung ương",
    "Tỉnh ủy",
    "ngày",
    "tháng",
    "năm",
    "16/6/2022",
    "31/2/2020",
    "Điều",
    "Điều lệ",
    "Đảng",
    "Đại hội",
    "ĐH",
    "Đảng bộ",
    "tỉnh",
    "Luật",
    "QH14",
    "NĐ-CP",
    "nđ-cp",
    "Chỉ thị",
    "CT",
    "Hướng dẫn",
    "và",
    "các",
    "\u{301}",
    "\u{a0}",
    "🙂",
    "Ð",
    "x",
    "\n",
    "9",
    "99999999",
    "Quy định",
    "Kế hoạch",
    "sau đây gọi tắt là",
    "ban hành",
];

#[test]
fn random_token_strings() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..RANDOM_CASES {
        let len = 1 + rng.below(40);
        let text: String = (0..len).map(|_| TOKENS[rng.below(TOKENS.len())]).collect();
        check(&text);
        let chars: String = (0..len)
            .map(|_| char::from_u32(rng.below(0x2FFF) as u32).unwrap_or('?'))
            .collect();
        check(&chars);
    }
}
