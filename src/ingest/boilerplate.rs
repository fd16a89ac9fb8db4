//! Lines that are not article text: share bars, view counters, "Bài liên quan" headings, CMS
//! credits. Built-in patterns from the sites in the corpus, plus lines learned from the corpus
//! itself (a short line printed on many pages is the site's furniture, not news).
//!
//! Captions ("Ảnh: N.Đ") are content, not boilerplate: they describe what the article shows.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::RegexSet;
use unicode_normalization::UnicodeNormalization;

/// Lines dropped wherever they appear, matched against the normalised line (see `normalize_line`).
const LINE_PATTERNS: &[&str] = &[
    r"^theo dõi(?: .{1,50})? trên(?: google news| google| zalo| facebook| youtube)?$",
    r"^lượt (?:đọc|xem)(?::? ?[\d.,]+)?$",
    r"^(?:chia sẻ|share)(?: bài viết| bài| lên| qua)?(?: facebook| zalo| twitter| email)?:?$",
    r"^(?:(?:facebook|twitter|zalo|email|linkedin|print|copy link|in|gửi|tweet|like)[ ,|]*)+$",
    r"^(?:in bài viết|in bài|bản in|gửi email|gửi bài viết|gửi cho bạn bè|lưu bài|lưu bài viết)$",
    r"^(?:quay lại|trở về|trở lại|về đầu trang|lên đầu trang|về trang trước)$",
    r"^(?:xem thêm|đọc thêm|xem tiếp|xem chi tiết)$",
    r"^(?:từ khóa|từ khoá|tags?|keywords?)\s*:",
    r"^(?:từ khóa|từ khoá|tags?)$",
    r"^(?:bản quyền|copyright|©)",
    r"^ghi rõ nguồn",
    r"^trang chủ(?: *[>»/›|].*)?$",
    r"^(?:đăng nhập|đăng ký|đăng xuất|tìm kiếm)$",
    r"^--- ?bài (?:mới|cũ) hơn ?---$",
    r"^(?:web hay|links hay|push|chủ đề top \d+|bài viết top \d+)$",
    r"^(?:font size|cỡ chữ|kích thước chữ)\b.{0,20}$",
];

/// Lines after which the rest of a page is not the article: comments, related lists, ratings.
const SECTION_END_PATTERNS: &[&str] = &[
    r"^\(?\d+\)? ?bình luận$",
    r"^bình luận(?: \(\d+\))?$",
    r"^(?:ý kiến bạn đọc|ý kiến của bạn|gửi bình luận|viết bình luận|gửi ý kiến)$",
    r"^(?:bài|tin) (?:liên quan|cùng chuyên mục|cùng chủ đề|khác|đã đưa)$",
    r"^(?:các|những) (?:bài|tin) (?:liên quan|khác|đã đưa)$",
    r"^(?:những |các )?(?:bài|tin) (?:mới|cũ) hơn$",
    r"^(?:nổi bật|đừng bỏ lỡ|tin nổi bật|tin mới nhất|tin mới|đọc nhiều|đọc nhiều nhất|xem nhiều|xem nhiều nhất|tin đọc nhiều|tin xem nhiều|tiêu điểm|có thể bạn quan tâm|bạn có thể quan tâm)$",
    r"^tổng số điểm của bài viết là",
    r"^click để đánh giá",
    r"^powered by\b",
];

/// Only lines this short are learned: furniture is short, paragraphs are not.
const MAX_LEARNED_CHARS: usize = 80;

/// Leading list marks that do not change what a line is ("• Web hay" is "Web hay").
const LEADING_MARKS: &[char] = &['•', '·', '*', '+', '»', '>', '|'];

static LINE_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(LINE_PATTERNS).expect("constant regexes"));

static SECTION_END_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(SECTION_END_PATTERNS).expect("constant regexes"));

/// A line's comparison key: NFC, lower case, single spaces, no leading list mark or trailing colon.
pub fn normalize_line(line: &str) -> String {
    let nfc: String = line.nfc().collect::<String>().to_lowercase();
    let spaced = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    spaced
        .trim_start_matches(|c: char| LEADING_MARKS.contains(&c) || c.is_whitespace())
        .trim_end_matches([':', ' '])
        .to_string()
}

/// True for a heading after which a page carries comments, related articles or ratings.
pub fn is_section_end(line: &str) -> bool {
    SECTION_END_SET.is_match(&normalize_line(line))
}

/// Built-in patterns plus lines learned from a corpus.
#[derive(Debug, Clone, Default)]
pub struct BoilerplateSet {
    learned: HashSet<String>,
}

impl BoilerplateSet {
    /// The built-in patterns only.
    pub fn builtin() -> Self {
        Self::default()
    }

    /// True for a line that is not article text.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        let key = normalize_line(line);
        LINE_SET.is_match(&key) || SECTION_END_SET.is_match(&key) || self.learned.contains(&key)
    }

    /// How many lines were learned from the corpus.
    pub fn learned_len(&self) -> usize {
        self.learned.len()
    }
}

/// Counts, over a corpus, in how many documents each short line appears.
#[derive(Debug, Clone, Default)]
pub struct BoilerplateLearner {
    docs: usize,
    counts: HashMap<String, usize>,
}

impl BoilerplateLearner {
    /// An empty learner.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts each distinct short line of one document once.
    pub fn observe<'a>(&mut self, doc_lines: impl Iterator<Item = &'a str>) {
        self.docs += 1;
        let distinct: HashSet<String> = doc_lines
            .map(normalize_line)
            .filter(|key| !key.is_empty() && key.chars().count() <= MAX_LEARNED_CHARS)
            .collect();
        for key in distinct {
            *self.counts.entry(key).or_default() += 1;
        }
    }

    /// Lines seen in at least `min_docs` documents and at least `min_share` of all documents.
    pub fn finish(self, min_docs: usize, min_share: f64) -> BoilerplateSet {
        let docs = self.docs.max(1) as f64;
        let learned = self
            .counts
            .into_iter()
            .filter(|&(_, n)| n >= min_docs && n as f64 / docs >= min_share)
            .map(|(key, _)| key)
            .collect();
        BoilerplateSet { learned }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lines_from_the_seeds() {
        let set = BoilerplateSet::builtin();
        let rows: &[(&str, bool)] = &[
            ("(0) Bình luận", true),
            ("Bài liên quan", true),
            ("Tin liên quan", true),
            ("Nổi bật", true),
            ("Đừng bỏ lỡ", true),
            ("POWERED BY ONECMS - A PRODUCT OF NEKO", true),
            ("Tổng số điểm của bài viết là: 0 trong 0 đánh giá", true),
            ("Click để đánh giá bài viết", true),
            ("Những tin mới hơn", true),
            ("Những tin cũ hơn", true),
            ("Theo dõi trên", true),
            ("Theo dõi Báo Quảng Nam trên Google News", true),
            ("Lượt đọc", true),
            ("Lượt xem: 1.234", true),
            ("Chia sẻ", true),
            ("Chia sẻ bài viết:", true),
            ("Facebook Twitter Zalo", true),
            ("In bài viết", true),
            ("Từ khóa: tổ chức cơ sở đảng, đảng viên", true),
            ("Trang chủ > Xây dựng Đảng", true),
            ("  --- Bài mới hơn ---", true),
            (" • Chủ đề top 10", true),
            // Content, not furniture.
            ("Ảnh: N.Đ", false),
            (
                "Nổi bật là cấp ủy cơ sở đã chọn nhiều chủ đề sinh hoạt cụ thể.",
                false,
            ),
            ("Chia sẻ với phóng viên, ông Thái Bình cho biết", false),
            (
                "Theo dõi trên địa bàn, các chi bộ đã kịp thời phát hiện sai phạm",
                false,
            ),
            ("Sắp xếp lại tổ chức cơ sở Đảng", false),
            ("K.ANH", false),
            ("", false),
        ];
        for (line, want) in rows {
            assert_eq!(set.is_boilerplate(line), *want, "{line}");
        }
    }

    #[test]
    fn section_ends() {
        let rows: &[(&str, bool)] = &[
            ("(0) Bình luận", true),
            ("Bài liên quan", true),
            ("Những tin mới hơn", true),
            ("Tổng số điểm của bài viết là: 0 trong 0 đánh giá", true),
            ("POWERED BY ONECMS", true),
            ("Chia sẻ", false),
            ("Lượt đọc", false),
        ];
        for (line, want) in rows {
            assert_eq!(is_section_end(line), *want, "{line}");
        }
    }

    #[test]
    fn normalized_keys() {
        let rows: &[(&str, &str)] = &[
            ("  Bài   Liên Quan: ", "bài liên quan"),
            (" • Web hay", "web hay"),
            ("Ð", "ð"),
        ];
        for (line, want) in rows {
            assert_eq!(normalize_line(line), *want);
        }
        let nfd: String = "Bài liên quan".nfd().collect();
        assert_eq!(normalize_line(&nfd), "bài liên quan");
    }

    #[test]
    fn learner_counts_each_line_once_per_document() {
        let mut learner = BoilerplateLearner::new();
        let footer = "Cơ quan chủ quản: Tỉnh ủy Đắk Nông";
        learner.observe([footer, footer, "Bài một", footer].into_iter());
        learner.observe([footer, "Bài hai"].into_iter());
        learner.observe(["Bài ba", "Bài một"].into_iter());
        learner.observe([footer, "Bài bốn"].into_iter());
        let set = learner.finish(2, 0.5);
        assert!(set.is_boilerplate(footer));
        assert!(set.is_boilerplate("  cơ quan chủ quản:   tỉnh ủy đắk nông"));
        // Two documents of four: enough documents, but share 0.5 needs >= 0.5.
        assert!(set.is_boilerplate("Bài một"));
        assert!(!set.is_boilerplate("Bài hai"));
        assert!(set.is_boilerplate("Bài liên quan"));
        assert_eq!(set.learned_len(), 2);
    }

    #[test]
    fn learner_ignores_long_lines_and_thresholds() {
        let long = "Đảng bộ ".repeat(20);
        let mut learner = BoilerplateLearner::new();
        for _ in 0..5 {
            learner.observe([long.as_str(), "Về trang chủ của chúng tôi"].into_iter());
        }
        learner.observe(["Một bài khác"].into_iter());
        let strict = learner.clone().finish(6, 0.0);
        assert_eq!(strict.learned_len(), 0);
        let set = learner.finish(3, 0.8);
        assert!(!set.is_boilerplate(&long));
        assert!(set.is_boilerplate("Về trang chủ của chúng tôi"));
    }

    #[test]
    fn empty_learner_learns_nothing() {
        assert_eq!(BoilerplateLearner::new().finish(1, 0.0).learned_len(), 0);
    }
}
