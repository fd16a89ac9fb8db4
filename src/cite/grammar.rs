//! The citation grammar as data: type words, abbreviations, symbol codes, numerals
//! (issuing bodies are in `issuers`).
//!
//! Every phrase here is in folded form (`text::fold`: lower-case, no marks, đ → d), so
//! "NGHỊ QUYẾT", "Nghị quyết" and "nghi quyet" are one entry.

use std::sync::LazyLock;

use super::model::DOC_TYPES;
use crate::text::fold::fold;

/// Type phrases beyond the display names of `DOC_TYPES`, longest wins at a position.
const EXTRA_TYPE_WORDS: &[(&str, &str)] = &[
    ("thong bao ket luan", "thong-bao"),
    ("nghi quyet lien tich", "nghi-quyet"),
    ("thong tri lien tich", "thong-tri"),
];

/// Folded type phrase → type slug: every `DOC_TYPES` name plus `EXTRA_TYPE_WORDS`.
pub static TYPE_WORDS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    let names = DOC_TYPES.iter().map(|t| (fold(t.name), t.slug));
    let extra = EXTRA_TYPE_WORDS.iter().map(|&(w, s)| (w.to_string(), s));
    names.chain(extra).collect()
});

/// A symbol abbreviation and the type it implies when no type word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abbrev {
    /// As printed: "QĐi".
    pub canonical: &'static str,
    /// Type for a Party symbol "21-NQ/TW".
    pub party_type: &'static str,
    /// Type for a State symbol "30/2020/NĐ-CP".
    pub state_type: &'static str,
    /// Whether the upper-case abbreviation also stands for its type word ("NQ số 03", "CT 05").
    pub as_word: bool,
}

const fn abbr(
    canonical: &'static str,
    party_type: &'static str,
    state_type: &'static str,
    as_word: bool,
) -> Abbrev {
    Abbrev {
        canonical,
        party_type,
        state_type,
        as_word,
    }
}

/// Symbol abbreviations. "QĐ" is ambiguous (Quyết định or Quy định): it reads as Quyết định.
pub static ABBREVIATIONS: &[Abbrev] = &[
    abbr("NQ", "nghi-quyet", "nghi-quyet", true),
    abbr("CT", "chi-thi", "chi-thi", true),
    abbr("HD", "huong-dan", "huong-dan", true),
    abbr("QĐ", "quyet-dinh", "quyet-dinh", true),
    abbr("QĐi", "quy-dinh", "quy-dinh", true),
    abbr("KL", "ket-luan", "ket-luan", true),
    abbr("KH", "ke-hoach", "ke-hoach", true),
    abbr("ĐA", "de-an", "de-an", false),
    abbr("CV", "cong-van", "cong-van", false),
    abbr("TT", "thong-tri", "thong-tu", false),
    abbr("TB", "thong-bao", "thong-bao", false),
    abbr("CTr", "chuong-trinh", "chuong-trinh", false),
    abbr("QC", "quy-che", "quy-che", false),
    abbr("BC", "bao-cao", "bao-cao", false),
    abbr("TTr", "to-trinh", "to-trinh", false),
    abbr("NĐ", "nghi-dinh", "nghi-dinh", false),
    abbr("TTLT", "thong-tu-lien-tich", "thong-tu-lien-tich", false),
    abbr("NQLT", "nghi-quyet", "nghi-quyet", false),
    abbr("QH", "luat", "luat", false),
];

/// Folded forms of `ABBREVIATIONS`, same order.
pub static ABBREV_FOLDED: LazyLock<Vec<String>> =
    LazyLock::new(|| ABBREVIATIONS.iter().map(|a| fold(a.canonical)).collect());

/// Abbreviation whose folded form is `folded` ("qdi" → QĐi).
pub fn abbrev(folded: &str) -> Option<&'static Abbrev> {
    let index = ABBREV_FOLDED.iter().position(|f| f == folded)?;
    ABBREVIATIONS.get(index)
}

/// Codes whose canonical spelling is not plain upper case, by folded form.
#[rustfmt::skip]
const CODE_SPELLINGS: &[&str] = &[
    "NĐ", "QĐ", "QĐi", "ĐA", "TTg", "CTr", "TTr", "ĐU", "ĐUK", "TWĐTN", "ĐTN", "HĐND", "BCSĐ",
    "ĐĐ", "ĐUCA", "BGDĐT", "BLĐTBXH", "ĐUQSTW",
];

/// Canonical spelling of one symbol segment: "nđ" → "NĐ", "ND" → "NĐ", "ttg" → "TTg", "TƯ" → "TW",
/// "BGD&ĐT" → "BGDĐT" (one key for both spellings).
pub fn canonical_code(segment: &str) -> String {
    let segment: String = segment.chars().filter(|&c| c != '&').collect();
    let segment = segment.as_str();
    let folded = fold(segment);
    if let Some(known) = CODE_SPELLINGS.iter().find(|c| fold(c) == folded) {
        return (*known).to_string();
    }
    if segment.to_uppercase() == "TƯ" {
        return "TW".to_string();
    }
    segment.to_uppercase()
}

/// Words that after a bare number make it a count, not a document ("kế hoạch 5 năm").
#[rustfmt::skip]
pub const UNIT_WORDS: &[&str] = &[
    "nam", "thang", "ngay", "tuan", "gio", "phut", "nguoi", "lan", "luot", "ty", "trieu", "nghin",
    "ngan", "dong", "km", "ha", "m2", "tuoi", "cuoc", "buoi", "lop", "bai", "trang", "muc",
    "khoan", "diem", "loai", "nhom", "buoc", "xa", "huyen", "tinh", "ho", "thon", "dang vien",
    "dang bo", "chi bo", "to chuc", "don vi", "can bo", "doan vien", "hoi vien", "quan chung",
    "co so", "noi dung", "nhiem vu", "giai phap", "chi tieu", "tieu chi", "van ban",
    "doanh nghiep",
];

/// Ordinal words after "lần thứ": "lần thứ tư" → 4.
pub const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("muoi mot", 11),
    ("muoi hai", 12),
    ("muoi ba", 13),
    ("muoi bon", 14),
    ("muoi lam", 15),
    ("nhat", 1),
    ("hai", 2),
    ("ba", 3),
    ("tu", 4),
    ("nam", 5),
    ("sau", 6),
    ("bay", 7),
    ("tam", 8),
    ("chin", 9),
    ("muoi", 10),
];

/// Largest term, congress or plenum number accepted: above it a numeral is something else.
pub const MAX_ORDINAL: u32 = 39;

/// Value of a Roman numeral in any case ("xiii" → 13), only canonical spellings up to 39.
pub fn parse_roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (1..=MAX_ORDINAL)
        .contains(&total)
        .then_some(total)
        .filter(|&n| to_roman(n).eq_ignore_ascii_case(s))
}

/// Roman numeral of `n` in upper case: 13 → "XIII".
pub fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romans() {
        let rows = [
            ("xiii", Some(13)),
            ("XII", Some(12)),
            ("iv", Some(4)),
            ("xx", Some(20)),
        ];
        for (input, want) in rows {
            assert_eq!(parse_roman(input), want, "{input}");
        }
        for bad in ["iiii", "vx", "l", "c", "", "ic", "mix"] {
            assert_eq!(parse_roman(bad), None, "{bad}");
        }
        assert_eq!(to_roman(13), "XIII");
        assert_eq!(to_roman(39), "XXXIX");
    }

    #[test]
    fn type_words_cover_names_and_extras() {
        let find = |w: &str| TYPE_WORDS.iter().find(|(p, _)| p == w).map(|(_, s)| *s);
        assert_eq!(find("nghi quyet"), Some("nghi-quyet"));
        assert_eq!(find("thong tu lien tich"), Some("thong-tu-lien-tich"));
        assert_eq!(find("dieu le"), Some("dieu-le"));
        assert_eq!(find("thong bao ket luan"), Some("thong-bao"));
    }

    #[test]
    fn codes_and_abbreviations() {
        let rows = [
            ("nđ", "NĐ"),
            ("ND", "NĐ"),
            ("ttg", "TTg"),
            ("qdi", "QĐi"),
            ("TƯ", "TW"),
            ("BGD&ĐT", "BGDĐT"),
            ("bgd&dt", "BGDĐT"),
        ];
        for (input, want) in rows {
            assert_eq!(canonical_code(input), want, "{input}");
        }
        assert_eq!(canonical_code("btctw"), "BTCTW");
        assert_eq!(abbrev("qd").map(|a| a.party_type), Some("quyet-dinh"));
        assert_eq!(abbrev("tt").map(|a| a.state_type), Some("thong-tu"));
    }
}
