//! Publication dates: the date forms Vietnamese sites print, and which line of an article's head
//! is its dateline ("Thứ năm - 04/07/2019 15:06") rather than a sentence citing a document's date
//! ("Nghị quyết số 21-NQ/TW ngày 16/6/2022").

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use time::{Date, Month};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Which capture group holds the year, the month and the day.
#[derive(Clone, Copy)]
struct Order {
    year: usize,
    month: usize,
    day: usize,
}

/// The date forms, as data: pattern and where its parts are.
const DATE_FORMS: &[(&str, Order)] = &[
    // "24/10/2017", "4-5-2010", "16.6.2022"
    (
        r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b",
        Order {
            year: 3,
            month: 2,
            day: 1,
        },
    ),
    // ISO "2022-11-15T05:16:00+07:00", "2022/11/15"
    (
        r"\b(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:\b|T)",
        Order {
            year: 1,
            month: 2,
            day: 3,
        },
    ),
    // "ngày 06 tháng 02 năm 2017"
    (
        r"(?i)\b(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})\b",
        Order {
            year: 3,
            month: 2,
            day: 1,
        },
    ),
];

/// Years outside this range are typos or other numbers, not publication dates.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A dateline is short; longer lines are sentences that happen to contain a date.
const MAX_DATELINE_CHARS: usize = 120;

/// Words besides the date a dateline may carry when it also has a time, weekday, label or byline
/// bar ("Lam Giang| 24/10/2017 10:03", "15/11/2022, 05:16 - Lượt đọc: 510").
const MAX_WORDS_WITH_SIGNAL: usize = 6;

/// Words a bare dateline may carry ("Hà Nội, ngày 06 tháng 02 năm 2017").
const MAX_WORDS_BARE: usize = 3;

/// Signals that a short line is a dateline: a time, a weekday, a label, a byline bar.
const DATELINE_SIGNALS: &[&str] = &[
    r"\b(?:[01]?\d|2[0-3])\s*[:h]\s*[0-5]\d\b",
    r"(?i)\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])\b",
    r"(?i)\bchủ\s+nhật\b",
    r"(?i)\b(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|xuất bản|published|posted|updated)\b",
    r"\|",
];

/// Words of a cited document: a bare line with one of these is a citation, not a dateline.
const CITATION_WORDS: &str = r"(?i)\b(?:số|nghị quyết|chỉ thị|quyết định|quy định|kết luận|hướng dẫn|kế hoạch|công văn|thông tư|nghị định|luật|đề án|văn bản)\b";

static DATE_REGEXES: LazyLock<Vec<(Regex, Order)>> = LazyLock::new(|| {
    DATE_FORMS
        .iter()
        .map(|(pattern, order)| (Regex::new(pattern).expect("constant regex"), *order))
        .collect()
});

static SIGNAL_REGEXES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    DATELINE_SIGNALS
        .iter()
        .map(|pattern| Regex::new(pattern).expect("constant regex"))
        .collect()
});

static CITATION_REGEX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CITATION_WORDS).expect("constant regex"));

/// The first valid date written in `s`: "15/11/2022, 05:16", "ngày 06 tháng 02 năm 2017", ISO.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = nfc(s);
    let mut found: Option<(usize, Date)> = None;
    for (regex, order) in DATE_REGEXES.iter() {
        for caps in regex.captures_iter(&s) {
            let Some(date) = date_from(&caps, *order) else {
                continue;
            };
            let start = caps.get(0).map_or(0, |m| m.start());
            if found.is_none_or(|(best, _)| start < best) {
                found = Some((start, date));
            }
            break;
        }
    }
    found.map(|(_, date)| date)
}

/// The publication date from an article's first lines: the first dateline-like line's date.
pub fn find_publication_date(header_lines: &[&str]) -> Option<Date> {
    header_lines
        .iter()
        .filter(|line| is_dateline(line))
        .find_map(|line| parse_date(line))
}

/// True for a short line that gives a date as the article's own ("Thứ năm - 04/07/2019 15:06").
pub fn is_dateline(line: &str) -> bool {
    let line = nfc(line.trim());
    if line.is_empty() || line.chars().count() > MAX_DATELINE_CHARS || parse_date(&line).is_none() {
        return false;
    }
    let has_signal = SIGNAL_REGEXES.iter().any(|r| r.is_match(&line));
    let mut rest = line.to_string();
    for regex in DATE_REGEXES
        .iter()
        .map(|(r, _)| r)
        .chain(SIGNAL_REGEXES.iter())
    {
        rest = regex.replace_all(&rest, " ").into_owned();
    }
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .filter(|w| !w.eq_ignore_ascii_case("ngày"))
        .collect();
    if has_signal {
        words.len() <= MAX_WORDS_WITH_SIGNAL
    } else {
        words.len() <= MAX_WORDS_BARE
            && !rest.chars().any(|c| c.is_ascii_digit())
            && !CITATION_REGEX.is_match(&rest)
    }
}

fn date_from(caps: &regex::Captures<'_>, order: Order) -> Option<Date> {
    let number = |i: usize| caps.get(i)?.as_str().parse::<i32>().ok();
    let year = number(order.year)?;
    if !YEARS.contains(&year) {
        return None;
    }
    let month = Month::try_from(u8::try_from(number(order.month)?).ok()?).ok()?;
    let day = u8::try_from(number(order.day)?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// NFC, so that patterns with "ngày", "Thứ" match text that arrived decomposed.
fn nfc(s: &str) -> Cow<'_, str> {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn parses_the_forms_sites_print() {
        let rows: &[(&str, Option<Date>)] = &[
            (
                "15/11/2022, 05:16 - Lượt đọc: 510",
                Some(date!(2022 - 11 - 15)),
            ),
            ("Thứ năm - 04/07/2019 15:06", Some(date!(2019 - 07 - 04))),
            ("Lam Giang| 24/10/2017 10:03", Some(date!(2017 - 10 - 24))),
            (
                "Cập nhật: 12:30 ngày 16/06/2022",
                Some(date!(2022 - 06 - 16)),
            ),
            ("ngày 06 tháng 02 năm 2017", Some(date!(2017 - 02 - 06))),
            (
                "Hà Nội, ngày 6 tháng 2, năm 2017",
                Some(date!(2017 - 02 - 06)),
            ),
            ("2022-11-15T05:16:00+07:00", Some(date!(2022 - 11 - 15))),
            ("2022-11-15", Some(date!(2022 - 11 - 15))),
            ("Ngày đăng: 26/02/2020 11:16", Some(date!(2020 - 02 - 26))),
            ("ngày 4-5-2010", Some(date!(2010 - 05 - 04))),
            // First date in the text wins, whatever its form.
            (
                "ngày 06 tháng 02 năm 2017 (sửa 2018-01-01)",
                Some(date!(2017 - 02 - 06)),
            ),
            // Impossible dates are rejected, and the next valid one is taken.
            ("31/02/2022", None),
            ("29/02/2023", None),
            ("29/02/2024", Some(date!(2024 - 02 - 29))),
            ("00/01/2020", None),
            ("12/13/2020", None),
            ("32/12/2020 hoặc 01/12/2020", Some(date!(2020 - 12 - 01))),
            ("15/11/0022", None),
            ("2017-2020", None),
            ("21-NQ/TW", None),
            ("", None),
        ];
        for (input, want) in rows {
            assert_eq!(parse_date(input), *want, "{input}");
        }
    }

    #[test]
    fn decomposed_text_is_understood() {
        let nfd: String = "ngày 06 tháng 02 năm 2017".nfd().collect();
        assert_eq!(parse_date(&nfd), Some(date!(2017 - 02 - 06)));
        let nfd: String = "Thứ năm - 04/07/2019".nfd().collect();
        assert!(is_dateline(&nfd));
    }

    #[test]
    fn datelines_and_sentences() {
        let rows: &[(&str, bool)] = &[
            ("15/11/2022, 05:16 - Lượt đọc: 510", true),
            ("Thứ năm - 04/07/2019 15:06", true),
            ("24/10/2017 10:03", true),
            ("Lam Giang| 24/10/2017 10:03", true),
            ("Cập nhật: 12:30 ngày 16/06/2022", true),
            ("ngày 06 tháng 02 năm 2017", true),
            ("Hà Nội, ngày 06 tháng 02 năm 2017", true),
            ("2022-11-15T05:16:00+07:00", true),
            ("Ngày đăng: 26/02/2020 11:16", true),
            ("Thứ Ba, 15/11/2022 - 05:16 (GMT+7)", true),
            ("Nghị quyết số 21-NQ/TW ngày 16/6/2022", false),
            ("Chỉ thị ngày 18/3/2019", false),
            (
                "Hướng dẫn số 01-HD/TU, ngày 1/6/2021 của Ban Thường vụ Tỉnh ủy.",
                false,
            ),
            (
                "Kế hoạch cụ thể hóa đưa Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị \
                 Trung ương 5 (khóa XIII) về “Tăng cường củng cố” đã được xây dựng.",
                false,
            ),
            (
                "Lúc 9:00 ngày 16/6/2022, Hội nghị khai mạc trọng thể tại Hà Nội",
                false,
            ),
            ("HÀN GIANG |", false),
            ("", false),
        ];
        for (line, want) in rows {
            assert_eq!(is_dateline(line), *want, "{line}");
        }
    }

    #[test]
    fn publication_date_ignores_cited_dates() {
        let seed_001_head = [
            "Xây dựng tổ chức đảng \"bốn tốt\"",
            "HÀN GIANG |",
            "Kế hoạch cụ thể hóa đưa Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5",
        ];
        assert_eq!(find_publication_date(&seed_001_head), None);
        let seed_003_head = [
            "Tập trung tổng kết, đánh giá việc đổi mới phương thức lãnh đạo.",
            "Thứ năm - 04/07/2019 15:06",
            "Đó là chỉ đạo ... tổ chức sáng ngày 03/7/2019.",
        ];
        assert_eq!(
            find_publication_date(&seed_003_head),
            Some(date!(2019 - 07 - 04))
        );
        assert_eq!(find_publication_date(&[]), None);
    }
}
