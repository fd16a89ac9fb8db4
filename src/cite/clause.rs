//! Clauses around a citation core: dates ("ngày 16/6/2022"), years ("năm 2022"), terms
//! ("(khóa XIII)"), issuing bodies after it ("của Ban Tổ chức Trung ương") or before it
//! ("Ban Thường vụ Tỉnh ủy đã ban hành …"), and plenum ordinals ("Hội nghị Trung ương 5").

use std::sync::LazyLock;

use regex::Regex;

use super::folded::Folded;
use super::grammar::{parse_roman, to_roman, MAX_ORDINAL, ORDINAL_WORDS};
use super::issuers::{issuer, issuer_alternation};
use super::place::UNIT_WORDS;

/// Lookahead for one clause in bytes: the longest issuer phrase plus a place name fits.
const CLAUSE_WINDOW: usize = 120;
/// Lookbehind for "… đã ban hành" in bytes: a body, a place name and a term fit.
const BEFORE_WINDOW: usize = 140;
/// Words of a place name after a local body ("Tỉnh ủy Bà Rịa Vũng Tàu").
const MAX_PLACE_WORDS: usize = 4;

/// Ordinal after "Trung ương", "lần thứ" or "Đại hội": digits, Roman numeral, or word.
pub const ORDINAL: &str = r"(?:lan\s+)?thu\s+(?:muoi\s+(?:mot|hai|ba|bon|lam)|muoi|nhat|hai|ba|tu|nam|sau|bay|tam|chin|\d{1,2}|[ivxl]{1,7})|\d{1,2}|[ivxl]{1,7}";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*,?\s*(?:(?:ban hanh|ky)\s+)?(?:vao\s+)?ngay\s*(\d{1,2})\s*(?:[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})|\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4}))",
    )
    .unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*,?\s*nam\s+(\d{4})").unwrap());
static RANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*[-–]\s*\d").unwrap());
static TERM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*,?\s*(\()?\s*khoa\s+([ivxlc]{1,7}|\d{1,2})").unwrap());
static CLOSE_PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\)").unwrap());
static PLENUM: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"^\s*,?\s*(?:(?:cua|tai)\s+)?(?P<body>(?:hoi nghi\s+(?:({ORDINAL})\s+)?)?(?:ban chap hanh\s+)?(?:trung uong|t\.\s?u\.?|tw|tu)(?:\s+dang)?(?:\s*({ORDINAL}))?)"
    );
    Regex::new(&pattern).unwrap()
});
static ISSUER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(r"^\s*,?\s*(?:cua|do)\s+({})", issuer_alternation());
    Regex::new(&pattern).unwrap()
});
/// "của" right after a number, before its issuing body.
static OF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+cua\s").unwrap());
/// A pinpoint article right before a citation: "Điều 23 ", "Điều 5, ", "Điều 61 của ".
static ARTICLE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^a-z0-9])(dieu\s+(\d{1,3})\s*,?\s*(?:cua\s+)?)$").unwrap());
static ISSUER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?:^|[^a-z0-9])({})((?:\s+[a-z]+){{0,3}}?)(?:\s*\(\s*khoa\s+([ivxlc]{{1,7}}|\d{{1,2}})\s*\))?\s*,?\s*(?:(?:da|vua|moi|cung)\s+)?(?:(?:xay dung|nghien cuu)\s+va\s+)?ban hanh\s+$",
        issuer_alternation()
    );
    Regex::new(&pattern).unwrap()
});

/// An issuing body found next to a citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// Folded end of the clause.
    pub end: usize,
    /// Issuer code.
    pub code: String,
    /// The body as written.
    pub text: String,
    /// Plenum, for "Hội nghị Trung ương 5".
    pub plenum: Option<u32>,
    /// Term written inside the clause ("Ban Thường vụ Tỉnh ủy (khóa XI) đã ban hành").
    pub term: Option<String>,
}

/// Value of an ordinal expression matched by [`ORDINAL`]: "lan thu 5" → 5, "xii" → 12.
pub fn ordinal_value(expr: &str) -> Option<u32> {
    let words: Vec<&str> = expr.split_whitespace().collect();
    let rest = match words.as_slice() {
        ["lan", "thu", rest @ ..] | ["thu", rest @ ..] => rest.join(" "),
        _ => words.join(" "),
    };
    let value = if let Ok(n) = rest.parse::<u32>() {
        Some(n)
    } else if let Some(&(_, n)) = ORDINAL_WORDS.iter().find(|(w, _)| *w == rest) {
        Some(n)
    } else {
        parse_roman(&rest)
    };
    value.filter(|n| (1..=MAX_ORDINAL).contains(n))
}

/// A bare Roman ordinal must be written in capitals: "Trung ương IV" is a plenum, "Trung
/// ương vì …" is not. Digits and "lần thứ …" need no such care.
pub fn roman_case_ok(f: &Folded, start: usize, end: usize) -> bool {
    let folded = f.text.get(start..end).unwrap_or("");
    let roman = !folded.is_empty() && folded.bytes().all(|b| b"ivxl".contains(&b));
    !roman || f.all_upper(start, end)
}

/// "ngày 16/6/2022", ", ngày 06 tháng 02 năm 2017" at `pos` → (end, "2022-06-16").
pub fn date_at(f: &Folded, pos: usize) -> Option<(usize, String)> {
    let c = DATE.captures(f.ahead(pos, CLAUSE_WINDOW))?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let day = num(1)?;
    let (month, year) = match (num(2), num(3)) {
        (Some(m), Some(y)) => (m, y),
        _ => (num(4)?, num(5)?),
    };
    let end = pos + c.get(0)?.end();
    if f.word_at(end) || !valid_date(year, month, day) {
        return None;
    }
    Some((end, format!("{year:04}-{month:02}-{day:02}")))
}

fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&year) && (1..=days).contains(&day)
}

/// Whether `digits` is a plausible year of a document (1945–2100).
pub fn is_year(digits: &str) -> bool {
    digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1945..=2100).contains(&y))
}

/// "năm 2022" at `pos` (not a range "năm 2021-2025") → (end, "2022").
pub fn year_at<'f>(f: &'f Folded, pos: usize) -> Option<(usize, &'f str)> {
    let c = YEAR.captures(f.ahead(pos, CLAUSE_WINDOW))?;
    let end = pos + c.get(0)?.end();
    let year = c.get(1)?.as_str();
    let ok = is_year(year) && !f.word_at(end) && !RANGE_AFTER.is_match(f.ahead(end, 8));
    ok.then_some((end, year))
}

/// "(khóa XIII)", ", khoá 13", " khóa XX" at `pos` → (end, "XIII").
pub fn term_at(f: &Folded, pos: usize) -> Option<(usize, String)> {
    let c = TERM.captures(f.ahead(pos, CLAUSE_WINDOW))?;
    let mut end = pos + c.get(0)?.end();
    if f.word_at(end) {
        return None;
    }
    let value = ordinal_value(c.get(2)?.as_str())?;
    if c.get(1).is_some() {
        if let Some(close) = CLOSE_PAREN.find(f.ahead(end, 8)) {
            end += close.end();
        }
    }
    Some((end, to_roman(value)))
}

/// "Hội nghị Trung ương 5", "Trung ương 4", "TW4", "Hội nghị lần thứ 5 Ban Chấp hành Trung
/// ương Đảng" at `pos` → (end, plenum). Needs an ordinal.
pub fn plenum_at(f: &Folded, pos: usize) -> Option<(usize, u32)> {
    plenum_body_at(f, pos).map(|(_, end, plenum)| (end, plenum))
}

/// Like [`plenum_at`], also giving where the body itself starts (after "của").
fn plenum_body_at(f: &Folded, pos: usize) -> Option<(usize, usize, u32)> {
    let c = PLENUM.captures(f.ahead(pos, CLAUSE_WINDOW))?;
    let ordinal = c.get(2).or(c.get(3))?;
    let end = pos + c.get(0)?.end();
    if f.word_at(end) || !roman_case_ok(f, pos + ordinal.start(), pos + ordinal.end()) {
        return None;
    }
    Some((
        pos + c.name("body")?.start(),
        end,
        ordinal_value(ordinal.as_str())?,
    ))
}

/// Issuing body after a citation: "của Ban Tổ chức Trung ương", "của Hội nghị Trung ương 5".
pub fn issuer_after(f: &Folded, pos: usize) -> Option<Body> {
    if let Some((start, end, plenum)) = plenum_body_at(f, pos) {
        let text = f.orig_str(start, end).to_string();
        return Some(Body {
            end,
            code: "TW".into(),
            text,
            plenum: Some(plenum),
            term: None,
        });
    }
    let c = ISSUER_AFTER.captures(f.ahead(pos, CLAUSE_WINDOW))?;
    let m = c.get(1)?;
    let (start, end) = (pos + m.start(), pos + m.end());
    body_at(f, start, end, None)
}

/// Longest "Điều 123 của " looked for before a citation, in bytes.
const ARTICLE_WINDOW: usize = 24;

/// A pinpoint article written right before the citation at `pos` ("Điều 23 Điều lệ Đảng",
/// "Khoản 2 Điều 23 Luật …") → (where "Điều" starts, article). The span then starts there.
pub fn article_before(f: &Folded, pos: usize) -> Option<(usize, u32)> {
    let (base, window) = f.behind(pos, ARTICLE_WINDOW);
    let c = ARTICLE_BEFORE.captures(window)?;
    let article = c.get(2)?.as_str().parse().ok()?;
    Some((base + c.get(1)?.start(), article))
}

/// Whether "của" and a known issuing body follow at `pos` ("nghị định 35| của Chính phủ"):
/// the context that makes a lower-case type word and a number a document, not a count.
pub fn issuer_of_follows(f: &Folded, pos: usize) -> bool {
    OF.is_match(f.ahead(pos, 8)) && issuer_after(f, pos).is_some()
}

/// Issuing body written before the citation: "Ban Thường vụ Tỉnh ủy (khóa XI) đã ban hành ".
pub fn issuer_before(f: &Folded, pos: usize) -> Option<Body> {
    let (base, window) = f.behind(pos, BEFORE_WINDOW);
    let c = ISSUER_BEFORE.captures(window)?;
    let m = c.get(1)?;
    let term = c
        .get(3)
        .and_then(|t| ordinal_value(t.as_str()))
        .map(to_roman);
    let mut body = body_at(f, base + m.start(), base + m.end(), term)?;
    body.end = pos;
    Some(body)
}

/// The body at folded `start..end`, extended by a capitalised place name for local bodies.
fn body_at(f: &Folded, start: usize, end: usize, term: Option<String>) -> Option<Body> {
    let phrase = f.text.get(start..end)?;
    let normal: Vec<&str> = phrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .collect();
    let normal: Vec<&str> = normal.into_iter().filter(|w| !w.is_empty()).collect();
    let found = issuer(&normal.join(" "))?;
    if f.word_at(end) {
        return None;
    }
    let end = if found.local { place_end(f, end) } else { end };
    let text = f.orig_str(start, end).to_string();
    Some(Body {
        end,
        code: found.code.to_string(),
        text,
        plenum: None,
        term,
    })
}

/// End of a place's name right after `pos`, or `pos`: capitalised words ("Tỉnh ủy| Lào
/// Cai"), after an administrative unit when one is written ("UBND| tỉnh Thái Bình", "Thành
/// ủy| TP.HCM"). A unit without a capitalised name after it is not taken ("UBND tỉnh đồng ý").
pub fn place_end(f: &Folded, pos: usize) -> usize {
    if let Some(unit) = unit_end(f, pos) {
        // "TP.HCM": the name may follow the unit's full stop without a space.
        // Only "TP" is abbreviated: after "tỉnh" a full stop ends the sentence.
        let abbreviated = f.text.get(unit - 2..unit) == Some("tp");
        let (from, joined) = match f.text.get(unit..unit + 2) {
            Some(". ") if abbreviated => (unit + 1, false),
            Some(s) if abbreviated && s.starts_with('.') => (unit + 1, true),
            _ => (unit, false),
        };
        let end = capitalised_end(f, from, joined);
        if end > from {
            return end;
        }
    }
    capitalised_end(f, pos, false)
}

/// End of an administrative unit written as a word after `pos` (" tỉnh", " thành phố").
fn unit_end(f: &Folded, pos: usize) -> Option<usize> {
    let rest = f.text.get(pos..)?.strip_prefix(' ')?;
    UNIT_WORDS.iter().find_map(|unit| {
        let phrase = unit.join(" ");
        let end = pos + 1 + phrase.len();
        (rest.starts_with(&phrase) && !f.word_at(end)).then_some(end)
    })
}

/// End of up to [`MAX_PLACE_WORDS`] capitalised words after `pos`, each after a space (the
/// first right at `pos` when `joined`).
fn capitalised_end(f: &Folded, pos: usize, joined: bool) -> usize {
    let bytes = f.text.as_bytes();
    let mut end = pos;
    for i in 0..MAX_PLACE_WORDS {
        let start = if joined && i == 0 { end } else { end + 1 };
        let spaced = start == end || bytes.get(end) == Some(&b' ');
        if !spaced || !f.letter_at(start) || !f.upper_at(start) {
            break;
        }
        let word_len = f.text.get(start..).map_or(0, |rest| {
            rest.find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len())
        });
        end = start + word_len;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let rows = [
            (" ngày 16/6/2022 của", Some("2022-06-16")),
            (", ngày 4/5/2010 chỉ đạo", Some("2010-05-04")),
            (" ngày 15-5-2016", Some("2016-05-15")),
            (" ngày 06 tháng 02 năm 2017", Some("2017-02-06")),
            (" ban hành ngày 1.6.2021", Some("2021-06-01")),
            (" ngày 31/2/2020", None),
            (" ngày 16/6/20221", None),
            (" tháng 9/2022", None),
        ];
        for (input, want) in rows {
            let got = date_at(&Folded::new(input), 0).map(|(_, d)| d);
            assert_eq!(got.as_deref(), want, "{input}");
        }
    }

    #[test]
    fn years_and_terms() {
        assert_eq!(
            year_at(&Folded::new(" năm 2022 về"), 0),
            Some((" nam 2022".len(), "2022")),
            "the end is in the folded text"
        );
        assert!(year_at(&Folded::new(" năm 2021-2025"), 0).is_none());
        let rows = [
            (" (khóa XIII)", Some("XIII")),
            (", khoá 13", Some("XIII")),
            (" khóa XX.", Some("XX")),
            (" khóa học", None),
        ];
        for (input, want) in rows {
            let got = term_at(&Folded::new(input), 0).map(|(_, t)| t);
            assert_eq!(got.as_deref(), want, "{input}");
        }
        let f = Folded::new(" (khóa XIII) về");
        assert_eq!(term_at(&f, 0).map(|(e, _)| e), Some(" (khoa xiii)".len()));
    }

    #[test]
    fn plenums() {
        let rows = [
            (" Trung ương 4 (khóa XII)", Some(4)),
            (" Hội nghị Trung ương 5", Some(5)),
            ("TW4", Some(4)),
            (" T.Ư 4, khóa XI", Some(4)),
            (" Hội nghị lần thứ 5 Ban Chấp hành Trung ương Đảng", Some(5)),
            (" Hội nghị Trung ương lần thứ tư", Some(4)),
            (" Trung ương về", None),
            (" Trung ương vi phạm", None),
            (" Trung ương IV", Some(4)),
            (" Trung ương Đảng", None),
        ];
        for (input, want) in rows {
            assert_eq!(
                plenum_at(&Folded::new(input), 0).map(|(_, p)| p),
                want,
                "{input}"
            );
        }
    }

    #[test]
    fn bodies_after() {
        let rows = [
            (
                " của Ban Tổ chức Trung ương về",
                "BTCTW",
                "Ban Tổ chức Trung ương",
            ),
            (
                " của Hội nghị Trung ương 5 (khóa XIII)",
                "TW",
                "Hội nghị Trung ương 5",
            ),
            (" của Ban Thường vụ Tỉnh ủy.", "TU", "Ban Thường vụ Tỉnh ủy"),
            (" của Tỉnh ủy Lào Cai về", "TU", "Tỉnh ủy Lào Cai"),
            (" của Bộ Chính trị", "TW", "Bộ Chính trị"),
            (" Của Trung Ương Đảng Về", "TW", "Trung Ương Đảng"),
            (" của Thủ tướng Chính phủ", "TTg", "Thủ tướng Chính phủ"),
            (" của Quân ủy Trung ương", "QUTW", "Quân ủy Trung ương"),
        ];
        for (input, code, text) in rows {
            let b = issuer_after(&Folded::new(input), 0).unwrap_or_else(|| panic!("{input}"));
            assert_eq!((b.code.as_str(), b.text.as_str()), (code, text), "{input}");
        }
        assert_eq!(
            issuer_after(&Folded::new(" của Ban Tổ chức cấp ủy"), 0),
            None
        );
    }

    #[test]
    fn articles_before() {
        let rows = [
            ("• Điều 23 ", Some(("Điều 23 ", 23))),
            ("Khoản 2 Điều 23 ", Some(("Điều 23 ", 23))),
            ("tại Điều 61, ", Some(("Điều 61, ", 61))),
            ("theo Điều 38 của ", Some(("Điều 38 của ", 38))),
            ("Điều 3. ", None),
            ("tại điều 202 ", Some(("điều 202 ", 202))),
            ("Điều 5 và ", None),
            ("Điều 1234 ", None),
            ("theo ", None),
        ];
        for (input, want) in rows {
            let f = Folded::new(input);
            let got = article_before(&f, f.text.len())
                .map(|(start, n)| (f.orig_str(start, f.text.len()), n));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn issuer_of_after_a_number() {
        let rows = [
            (" của Chính phủ.", true),
            (" của Quốc hội", true),
            (" của Hội nghị Trung ương 5", true),
            (" Trung ương 5", false),
            (" do Chính phủ ban hành", false),
            (" vấn đề của Quốc hội", false),
            (" của Ban Tổ chức cấp ủy", false),
            (" của chúng ta", false),
        ];
        for (input, want) in rows {
            assert_eq!(issuer_of_follows(&Folded::new(input), 0), want, "{input}");
        }
    }

    #[test]
    fn bodies_before() {
        let text =
            "Thực hiện Hướng dẫn số 38, Ban Thường vụ Tỉnh ủy (khóa XI) đã ban hành Công văn";
        let f = Folded::new(text);
        let pos = f.text.find("cong van").unwrap();
        let b = issuer_before(&f, pos).unwrap();
        assert_eq!(
            (b.code.as_str(), b.text.as_str()),
            ("TU", "Ban Thường vụ Tỉnh ủy")
        );
        assert_eq!(b.term.as_deref(), Some("XI"));
        let text = "sau khi Ban Bí thư Trung ương Đảng ban hành Chỉ thị số 33";
        let f = Folded::new(text);
        let b = issuer_before(&f, f.text.find("chi thi").unwrap()).unwrap();
        assert_eq!(b.code, "TW");
        let f = Folded::new("Tỉnh ủy chỉ đạo các cơ sở Chỉ thị");
        assert_eq!(issuer_before(&f, f.text.find("chi thi").unwrap()), None);
    }
}
