//! Citations named by a meeting or a title instead of a number: plenum resolutions
//! ("Nghị quyết Trung ương 4 (khóa XII)", "NQTW4"), congress resolutions ("Nghị quyết Đại
//! hội lần thứ XII", "… Đại hội Đảng bộ tỉnh Đắk Nông lần thứ XI") and the Party Charter.

use std::sync::LazyLock;

use regex::Regex;

use super::clause::{ordinal_value, place_end, plenum_at, roman_case_ok, term_at, ORDINAL};
use super::draft::Draft;
use super::folded::Folded;
use super::grammar::to_roman;
use super::issuers::LOCAL_LEVELS;

/// Words between "Đảng bộ" and "lần thứ" in a local congress ("tỉnh Bà Rịa - Vũng Tàu").
const MAX_BODY_WORDS: usize = 8;
/// Congresses chained in one list ("… lần thứ XII … và ĐH … lần thứ XI").
const MAX_CHAINED: usize = 4;

static PAREN_ABBR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\([a-z]{1,5}\)").unwrap());
static CONGRESS_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\([a-z]{1,5}\)\s*)?(?:dai hoi|dh)\s*(?:\([a-z]{1,5}\)\s*)?(?:dai bieu\s+)?")
        .unwrap()
});
static NATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"^(?:toan quoc\s+)?(?:dang\s+(?:cong san viet nam\s+)?)?(?:toan quoc\s+)?({ORDINAL})"
    );
    Regex::new(&pattern).unwrap()
});
static LOCAL_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(r"^\s*,?\s+({ORDINAL})");
    Regex::new(&pattern).unwrap()
});
static BODY_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:[-–]\s+)?[a-z0-9.]+").unwrap());
/// The local body after a congress's number: "lần thứ XVI của Đảng bộ tỉnh Lào Cai", "XVI
/// Đảng bộ thành phố".
static OF_LOCAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:cua\s+)?(dang bo)").unwrap());
static CHAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*nhiem ky\s+\d{4}\s*[-–]\s*\d{4})?\s*(?:,|va)\s*(?:thuc hien\s+)?")
        .unwrap()
});
static CHARTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+dang").unwrap());

/// "Nghị quyết Trung ương 4 (khóa XII)", "NQ TW 4", "Nghị quyết Hội nghị Trung ương 5 khóa
/// XIII" after a type word spanning `start..pos`.
pub fn plenum(f: &Folded, start: usize, pos: usize) -> Option<Draft> {
    let at = pos + PAREN_ABBR.find(f.ahead(pos, 16)).map_or(0, |m| m.end());
    let (end, plenum) = plenum_at(f, at)?;
    let mut draft = Draft::new("nghi-quyet", start, end);
    draft.plenum = Some(plenum);
    draft.issuer = Some("TW".to_string());
    if let Some((end, term)) = term_at(f, end) {
        draft.term = Some(term);
        draft.end = end;
        draft.tail = end;
    }
    Some(draft)
}

/// Congress resolutions after a type word spanning `start..pos`, with any chained after it.
pub fn congress(f: &Folded, start: usize, pos: usize) -> Vec<Draft> {
    let mut drafts = Vec::new();
    let mut next = congress_at(f, start, pos);
    while let Some(draft) = next.take() {
        if drafts.len() < MAX_CHAINED {
            let tail = draft.tail;
            drafts.push(draft);
            if let Some(sep) = CHAIN.find(f.ahead(tail, 48)) {
                let at = tail + sep.end();
                let head = f.ahead(at, 8);
                if head.starts_with("dai hoi") || head.starts_with("dh ") {
                    next = congress_at(f, at, at);
                }
            }
        }
    }
    drafts
}

fn congress_at(f: &Folded, start: usize, pos: usize) -> Option<Draft> {
    let head = CONGRESS_HEAD.find(f.ahead(pos, 48))?;
    let at = pos + head.end();
    if f.ahead(at, 8).starts_with("dang bo") {
        return local_congress(f, start, at);
    }
    let c = NATIONAL.captures(f.ahead(at, 64))?;
    let end = at + c.get(0)?.end();
    let ordinal = c.get(1)?;
    let value = ordinal_value(ordinal.as_str())?;
    if f.word_at(end) || !roman_case_ok(f, at + ordinal.start(), at + ordinal.end()) {
        return None;
    }
    let mut draft = Draft::new("nghi-quyet", start, end);
    draft.congress = Some(to_roman(value));
    if let Some(of) = OF_LOCAL.captures(f.ahead(end, 24)) {
        let body_start = end + of.get(1)?.start();
        let body_end = level_and_place_end(f, end + of.get(0)?.end());
        set_local_body(f, &mut draft, body_start, body_end);
        draft.tail = body_end;
    }
    Some(draft)
}

/// "Đảng bộ tỉnh Đắk Nông lần thứ XI" at `at`.
fn local_congress(f: &Folded, start: usize, at: usize) -> Option<Draft> {
    let mut name_end = at + "dang bo".len();
    for _ in 0..MAX_BODY_WORDS {
        if let Some(c) = LOCAL_ORDINAL.captures(f.ahead(name_end, 32)) {
            let ordinal = c.get(1)?;
            let end = name_end + c.get(0)?.end();
            if ordinal.as_str().starts_with("lan") && !f.word_at(end) {
                let mut draft = Draft::new("nghi-quyet", start, end);
                draft.congress = Some(to_roman(ordinal_value(ordinal.as_str())?));
                set_local_body(f, &mut draft, at, name_end);
                return Some(draft);
            }
        }
        name_end += BODY_WORD.find(f.ahead(name_end, 48))?.end();
    }
    None
}

/// End of "tỉnh Đắk Nông" after "Đảng bộ" ending at `pos`: a level word, then a place name.
fn level_and_place_end(f: &Folded, pos: usize) -> usize {
    if f.text.as_bytes().get(pos) != Some(&b' ') {
        return pos;
    }
    let rest = f.ahead(pos + 1, 16);
    let level = LOCAL_LEVELS.iter().find(|(word, _)| {
        rest.strip_prefix(word)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    });
    match level {
        Some((word, _)) => place_end(f, pos + 1 + word.len()),
        None => place_end(f, pos),
    }
}

fn set_local_body(f: &Folded, draft: &mut Draft, start: usize, end: usize) {
    let level = f.text.get(start + "dang bo ".len()..end).unwrap_or("");
    let code = LOCAL_LEVELS
        .iter()
        .find(|(word, _)| {
            level
                .strip_prefix(word)
                .is_some_and(|a| a.is_empty() || a.starts_with(' '))
        })
        .map_or("ĐU", |(_, code)| code);
    draft.issuer = Some(code.to_string());
    draft.issuing_body = Some(f.orig_str(start, end).to_string());
}

/// The Party's platforms by year: "Cương lĩnh năm 1991", "Cương lĩnh 2011".
static PLATFORM_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:chinh tri\s+)?(?:cua dang\s+)?(?:\(?nam\s+)?(1930|1991|2011)\b\)?").unwrap()
});
/// "Cương lĩnh chính trị đầu tiên" (1930).
static PLATFORM_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:chinh tri\s+)?dau tien(?:\s+cua dang)?\b").unwrap());
/// "Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội" (1991), "(bổ
/// sung, phát triển năm 2011)" after it (2011).
static PLATFORM_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+xay dung dat nuoc trong thoi ky qua do len chu nghia xa hoi(\s*\(?\s*bo sung,?\s*(?:va\s+)?phat trien\s+(?:nam\s+)?2011\s*\)?)?").unwrap()
});

/// The Party's platforms, after "Cương lĩnh" spanning `start..pos`: the first (1930), the
/// platform for building the country in the transition to socialism (1991) and its
/// revision (2011), by title or year. Written in lower case, or with another year, a
/// "cương lĩnh" is any programme.
pub fn platform(f: &Folded, start: usize, pos: usize) -> Option<Draft> {
    if !f.upper_at(start) {
        return None;
    }
    let ahead = f.ahead(pos, 160);
    let (end, year) = if let Some(c) = PLATFORM_TITLE.captures(ahead) {
        let year = if c.get(1).is_some() { "2011" } else { "1991" };
        (c.get(0)?.end(), year)
    } else if let Some(m) = PLATFORM_FIRST.find(ahead) {
        (m.end(), "1930")
    } else {
        let c = PLATFORM_YEAR.captures(ahead)?;
        (c.get(0)?.end(), c.get(1)?.as_str())
    };
    if f.word_at(pos + end) {
        return None;
    }
    let mut draft = Draft::new("cuong-linh", start, pos + end);
    draft.number = Some(year.to_string());
    Some(draft)
}

/// "Điều lệ Đảng" (its pinpoint article, "Điều 23 Điều lệ Đảng", is read by `find` as for
/// every citation).
pub fn charter(f: &Folded, start: usize, pos: usize) -> Option<Draft> {
    let m = CHARTER.find(f.ahead(pos, 8))?;
    let end = pos + m.end();
    if f.letter_at(end) {
        return None;
    }
    Some(Draft::new("dieu-le", start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (span, kind or congress, issuer or body) of each expected draft.
    type Expected<'a> = &'a [(&'a str, &'a str, Option<&'a str>)];

    fn spans(text: &str, run: fn(&Folded, usize, usize) -> Vec<Draft>) -> Vec<(String, Draft)> {
        let f = Folded::new(text);
        let start = f.text.find("nghi quyet").or(f.text.find("nq")).unwrap();
        let pos = f.text[start..].find(' ').map_or(start, |s| start + s);
        let pos = if f.text[start..].starts_with("nghi") {
            start + "nghi quyet".len()
        } else {
            pos
        };
        let drafts = run(&f, start, pos);
        drafts
            .into_iter()
            .map(|d| (f.orig_str(d.start, d.end).to_string(), d))
            .collect()
    }

    fn plenums(f: &Folded, start: usize, pos: usize) -> Vec<Draft> {
        plenum(f, start, pos).into_iter().collect()
    }

    #[test]
    fn plenum_refs() {
        let rows = [
            (
                "theo Nghị quyết Trung ương 4 (khóa XII), gắn",
                "Nghị quyết Trung ương 4 (khóa XII)",
                4,
                Some("XII"),
            ),
            (
                "Nghị quyết T.Ư 4, khóa XI về",
                "Nghị quyết T.Ư 4, khóa XI",
                4,
                Some("XI"),
            ),
            (
                "Nghị quyết Hội nghị Trung ương 5 khóa XIII",
                "Nghị quyết Hội nghị Trung ương 5 khóa XIII",
                5,
                Some("XIII"),
            ),
            ("NQ TW 4 về", "NQ TW 4", 4, None),
            (
                "Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Trung ương Đảng khóa XIII",
                "Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Trung ương Đảng khóa XIII",
                5,
                Some("XIII"),
            ),
        ];
        for (text, span, p, term) in rows {
            let got = spans(text, plenums);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].0, span);
            assert_eq!(
                (got[0].1.plenum, got[0].1.term.as_deref()),
                (Some(p), term),
                "{text}"
            );
        }
        assert!(spans("các nghị quyết Trung ương về", plenums).is_empty());
    }

    #[test]
    fn congress_refs() {
        let rows: &[(&str, Expected)] = &[
            ("Tìm hiểu Nghị quyết Đại hội lần thứ XII của Đảng và", &[("Nghị quyết Đại hội lần thứ XII", "XII", None)]),
            ("Nghị quyết Đại hội Đảng bộ tỉnh Đắk Nông lần thứ XI”.", &[("Nghị quyết Đại hội Đảng bộ tỉnh Đắk Nông lần thứ XI", "XI", Some("Đảng bộ tỉnh Đắk Nông"))]),
            ("Nghị quyết Đại hội XIII của Đảng", &[("Nghị quyết Đại hội XIII", "XIII", None)]),
            ("Nghị quyết Đại hội lần thứ XVI của Đảng bộ tỉnh Lào Cai về", &[("Nghị quyết Đại hội lần thứ XVI", "XVI", Some("Đảng bộ tỉnh Lào Cai"))]),
            ("Nghị quyết Đại hội XVI Đảng bộ thành phố đề ra", &[("Nghị quyết Đại hội XVI", "XVI", Some("Đảng bộ thành phố"))]),
            (
                "Thực hiện Nghị quyết (NQ) Đại hội (ĐH) Đại biểu Đảng bộ TP Cần Thơ lần thứ XII, nhiệm kỳ 2010-2015 và ĐH Đại biểu toàn quốc lần thứ XI của Đảng, năm",
                &[("Nghị quyết (NQ) Đại hội (ĐH) Đại biểu Đảng bộ TP Cần Thơ lần thứ XII", "XII", Some("Đảng bộ TP Cần Thơ")), ("ĐH Đại biểu toàn quốc lần thứ XI", "XI", None)],
            ),
        ];
        for (text, want) in rows {
            let got = spans(text, congress);
            let got: Vec<_> = got
                .iter()
                .map(|(s, d)| {
                    (
                        s.as_str(),
                        d.congress.as_deref().unwrap_or(""),
                        d.issuing_body.as_deref(),
                    )
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }
        for text in [
            "Nghị quyết Đại hội Đảng bộ huyện, nửa nhiệm kỳ",
            "NQ ĐH Đảng các cấp, đầu năm",
            "nghị quyết đại hội vi phạm điều lệ",
            "Nghị quyết Đại hội Đảng bộ thành phố đề ra mỗi năm kết nạp 90 đảng viên",
        ] {
            assert!(spans(text, congress).is_empty(), "{text}");
        }
    }

    #[test]
    fn platform_refs() {
        let rows = [
            ("Cương lĩnh năm 1991 của Đảng", Some(("Cương lĩnh năm 1991", "1991"))),
            ("theo Cương lĩnh 2011,", Some(("Cương lĩnh 2011", "2011"))),
            ("Cương lĩnh chính trị đầu tiên của Đảng do", Some(("Cương lĩnh chính trị đầu tiên của Đảng", "1930"))),
            (
                "Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, phát triển năm 2011) khẳng định",
                Some(("Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, phát triển năm 2011)", "2011")),
            ),
            (
                "Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội đã",
                Some(("Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội", "1991")),
            ),
            ("cương lĩnh hành động năm 1991", None),
            ("Cương lĩnh của Đảng Dân chủ năm 2016", None),
            ("Cương lĩnh năm 19911", None),
        ];
        for (text, want) in rows {
            let f = Folded::new(text);
            let start = f.text.find("cuong linh").unwrap();
            let got = platform(&f, start, start + "cuong linh".len());
            let got = got.as_ref().map(|d| {
                (
                    f.orig_str(d.start, d.end),
                    d.number.as_deref().unwrap_or(""),
                )
            });
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn charter_refs() {
        let f = Folded::new("• Điều 23 Điều lệ Đảng đã quy định");
        let start = f.text.find("dieu le").unwrap();
        let d = charter(&f, start, start + 7).unwrap();
        assert_eq!(f.orig_str(d.start, d.end), "Điều lệ Đảng");
        let f = Folded::new("sửa đổi Điều lệ và hướng dẫn");
        assert!(charter(&f, 8, 15).is_none());
        let f = Folded::new("Điều lệ Đảng viên");
        assert!(charter(&f, 0, 7).is_some());
    }
}
