//! Authors: bylines at the top of an article ("HÀN GIANG |", "Lam Giang| 24/10/2017 10:03",
//! "* ANH DŨNG"), labelled credits ("Tác giả bài viết: Đức Thuận - Ban Tuyên giáo") and the
//! signature that ends many Vietnamese articles ("K.ANH").

use std::sync::LazyLock;

use regex::Regex;

use super::dates;

/// Labels that introduce an author's name; the name follows the colon.
const CREDIT_LABELS: &str = r"(?i)^(?:tác giả(?: bài viết)?|bài(?:,| và)? ảnh|bài|người viết|phóng viên|pv|author|by)\s*:\s*(.+)$";

/// "by Name" without a colon, as English-language CMS templates print it.
const BY_PREFIX: &str = r"(?i)^(?:by|bởi)\s+(.+)$";

/// A name is a few words; more is a sentence.
const MAX_NAME_WORDS: usize = 5;

/// A name is short.
const MAX_NAME_CHARS: usize = 50;

/// A trailing signature in Title Case is at most this many words ("Hoài Anh"); all-caps ones may
/// use all of `MAX_NAME_WORDS`.
const MAX_TITLE_CASE_SIGNATURE_WORDS: usize = 3;

/// Characters that never occur in a personal name as printed in a byline.
const NOT_IN_NAMES: &[char] = &[
    ',', ';', ':', '!', '?', '"', '“', '”', '(', ')', '/', '@', '…', '|', '=',
];

/// Words that join two names in one byline ("THU HƯƠNG - MINH ANH").
const NAME_JOINERS: &[&str] = &["-", "–", "&", "và"];

/// What separates a name from the organisation after it ("Đức Thuận - Ban Tuyên giáo").
const NAME_TAIL_SEPARATORS: &[&str] = &[" - ", " – ", " — ", " (", ", "];

static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CREDIT_LABELS).expect("constant regex"));

static BY: LazyLock<Regex> = LazyLock::new(|| Regex::new(BY_PREFIX).expect("constant regex"));

/// The author named by a byline at the top of an article, if the line is one.
pub fn parse_byline(line: &str) -> Option<String> {
    let line = line.trim();
    if let Some(name) = parse_credit(line) {
        return Some(name);
    }
    if let Some((name, rest)) = line.split_once('|') {
        // "HÀN GIANG |" or "Lam Giang| 24/10/2017 10:03": the bar separates name and dateline.
        let rest = rest.trim();
        if rest.is_empty() || dates::parse_date(rest).is_some() {
            return clean_name(name);
        }
        return None;
    }
    if let Some(name) = line.strip_prefix('*') {
        // "* ANH DŨNG": the asterisk byline of Báo Cần Thơ and others.
        return clean_name(name).filter(|n| is_all_caps(n));
    }
    if let Some(caps) = BY.captures(line) {
        return clean_name(caps.get(1)?.as_str());
    }
    clean_name(line).filter(|n| is_all_caps(n) && n.split_whitespace().count() >= 2)
}

/// The author named by a labelled credit line ("Tác giả bài viết: Đức Thuận - Ban Tuyên giáo").
pub fn parse_credit(line: &str) -> Option<String> {
    let caps = CREDIT.captures(line.trim())?;
    let value = caps.get(1)?.as_str();
    clean_name(strip_tail(value))
}

/// The author named by a closing signature line ("K.ANH", "QUỲNH LAM", "Hoài Anh").
pub fn parse_signature(line: &str) -> Option<String> {
    if let Some(name) = parse_credit(line) {
        return Some(name);
    }
    let name = clean_name(line.trim().trim_start_matches('*'))?;
    let words = name.split_whitespace().count();
    (is_all_caps(&name) || words <= MAX_TITLE_CASE_SIGNATURE_WORDS).then_some(name)
}

/// `s` as a name: every word capitalised, no digits or sentence punctuation, a few words.
pub fn clean_name(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches(['.', '-', '–']).trim();
    if s.is_empty() || s.chars().count() > MAX_NAME_CHARS {
        return None;
    }
    if s.chars()
        .any(|c| c.is_ascii_digit() || NOT_IN_NAMES.contains(&c))
    {
        return None;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > MAX_NAME_WORDS || s.contains("://") || s.contains(".com") || s.contains(".vn")
    {
        return None;
    }
    let capitalised = words
        .iter()
        .all(|w| NAME_JOINERS.contains(w) || w.chars().next().is_some_and(char::is_uppercase));
    capitalised.then(|| words.join(" "))
}

fn strip_tail(value: &str) -> &str {
    NAME_TAIL_SEPARATORS
        .iter()
        .filter_map(|sep| value.find(sep))
        .min()
        .and_then(|end| value.get(..end))
        .unwrap_or(value)
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn bylines() {
        let rows: &[(&str, Option<String>)] = &[
            ("HÀN GIANG |", some("HÀN GIANG")),
            ("Lam Giang| 24/10/2017 10:03", some("Lam Giang")),
            ("* ANH DŨNG", some("ANH DŨNG")),
            (
                "Tác giả bài viết: Đức Thuận - Ban Tuyên giáo",
                some("Đức Thuận"),
            ),
            ("Tác giả: Nguyễn Văn A", some("Nguyễn Văn A")),
            ("Bài, ảnh: QUỲNH LAM", some("QUỲNH LAM")),
            ("Bài và ảnh: Trần Hải", some("Trần Hải")),
            ("By Lam Giang", some("Lam Giang")),
            ("THU HƯƠNG - MINH ANH", some("THU HƯƠNG - MINH ANH")),
            // Not bylines.
            ("Theo: nhandan.com.vn", None),
            ("Xây dựng tổ chức đảng \"bốn tốt\"", None),
            ("Sắp xếp lại tổ chức cơ sở Đảng", None),
            ("Lượt đọc | 510 người", None),
            ("* Triển khai nhiều giải pháp hiệu quả…", None),
            ("15/11/2022, 05:16 - Lượt đọc: 510", None),
            ("K.ANH", None),
            ("", None),
        ];
        for (line, want) in rows {
            assert_eq!(parse_byline(line), *want, "{line}");
        }
    }

    #[test]
    fn signatures() {
        let rows: &[(&str, Option<String>)] = &[
            ("K.ANH", some("K.ANH")),
            ("QUỲNH LAM", some("QUỲNH LAM")),
            ("Hoài Anh", some("Hoài Anh")),
            ("Bài, ảnh: ANH DŨNG", some("ANH DŨNG")),
            (
                "Tác giả bài viết: Đức Thuận - Ban Tuyên giáo",
                some("Đức Thuận"),
            ),
            ("Theo: nhandan.com.vn", None),
            ("Trân trọng!", None),
            ("Phát Huy Vai Trò Hạt Nhân Chính Trị", None),
            (
                "Bằng nhiều giải pháp thực hiện đồng bộ, tình hình tư tưởng ổn định.",
                None,
            ),
        ];
        for (line, want) in rows {
            assert_eq!(parse_signature(line), *want, "{line}");
        }
    }
}
