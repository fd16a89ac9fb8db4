//! Document symbols ("số ký hiệu"): Party form `21-NQ/TW`, State forms `30/2020/NĐ-CP`,
//! `59/2020/QH14`, `68/NQ-CP`; parsing on folded text and canonical spelling.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::folded::Folded;
use super::grammar::{abbrev, canonical_code, to_roman, Abbrev};
use super::issuers::is_known_party_code;

/// Longest symbol considered, in bytes: "03/2011/TTLT-BNV-BTC-BLĐTBXH" fits with room.
const SYMBOL_WINDOW: usize = 64;

/// Longest code of a State symbol accepted in lower case ("30/2020/nđ-cp"); the longest
/// codes ("UBTWMTTQVN") are written in capitals.
const MAX_LOWER_CODE: usize = 8;

/// One issuer code of a State symbol: the National Assembly's with its term ("UBTVQH13"),
/// or letters with an ampersand kept inside ("BGD&ĐT"), long enough for "UBTWMTTQVN".
const STATE_CODE: &str = r"(?:(?:ubtvqh|qh)\d{1,2}|[a-z]{1,12}(?:&[a-z]{1,4})?)";
/// Issuer codes of a State symbol: up to eight bodies of a joint one
/// ("TTLT-BCA-BQP-BYT-TANDTC-VKSNDTC").
static STATE_CODES: LazyLock<String> =
    LazyLock::new(|| format!(r"({STATE_CODE}(?:[-–]{STATE_CODE}){{0,7}})"));

/// Party: number, separator (hyphen, en dash, space), abbreviation, slash, issuer(s).
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{1,5})(?:\s?[-–]\s?|\s)?([a-z]{1,5})\s?/\s?([a-z]{1,12}(?:[-–][a-z]{1,12}){0,3})",
    )
    .unwrap()
});
/// State with year: `30/2020/NĐ-CP`, `03/2011/TTLT-BNV-BTC`.
static STATE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let codes = &*STATE_CODES;
    Regex::new(&format!(
        r"^(\d{{1,5}})\s?/\s?(\d{{4}})\s?/\s?([a-z]{{1,6}})\s?[-–]\s?{codes}"
    ))
    .unwrap()
});
/// State with its year after a dash: `19-2017/NQ-CP` (the Government's yearly resolutions).
static STATE_DASH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let codes = &*STATE_CODES;
    Regex::new(&format!(
        r"^(\d{{1,5}})\s?[-–]\s?(\d{{4}})\s?/\s?([a-z]{{1,6}})\s?[-–]\s?{codes}"
    ))
    .unwrap()
});
/// Laws and resolutions of the National Assembly: `59/2020/QH14`.
static STATE_QH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,5})/(\d{4})/(qh|ubtvqh)(\d{1,2})").unwrap());
/// State without year: `68/NQ-CP`, `1234/QĐ-UBND`.
static STATE: LazyLock<Regex> = LazyLock::new(|| {
    let codes = &*STATE_CODES;
    Regex::new(&format!(
        r"^(\d{{1,5}}[a-z]?)\s?/\s?([a-z]{{1,6}})\s?[-–]\s?{codes}"
    ))
    .unwrap()
});
/// The Government's older decrees, with no abbreviation: `67/CP`, `108/2014/CP`.
static GOVERNMENT_OLD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,5})\s?/\s?(?:(\d{4})\s?/\s?)?cp").unwrap());
/// The National Assembly's code with its term: "UBTVQH13", "QH14".
static ASSEMBLY_TERM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:UBTV)?QH)(\d{1,2})$").unwrap());

/// The written shape of a symbol.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `21-NQ/TW`.
    Party,
    /// `68/NQ-CP`.
    State,
    /// `30/2020/NĐ-CP`.
    Year,
    /// `19-2017/NQ-CP`.
    DashYear,
}

/// A symbol found in the text, offsets in the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// Folded start.
    pub start: usize,
    /// Folded end.
    pub end: usize,
    /// Canonical symbol: "21-NQ/TW".
    pub canonical: String,
    /// Number without leading zeros.
    pub number: String,
    /// Issuer code(s): "TW", "BTCTU-BDVTU", "CP", "QH".
    pub issuer: String,
    /// The abbreviation, when it is a known one.
    pub abbrev: Option<&'static Abbrev>,
    /// Whether the symbol has the Party form `N-ABBR/ISSUER`.
    pub party: bool,
    /// Term carried by National Assembly symbols: QH14 → "XIV".
    pub term: Option<String>,
}

impl Symbol {
    /// Type implied by the abbreviation alone, for a symbol written without a type word.
    pub fn implied_type(&self) -> Option<&'static str> {
        let a = self.abbrev?;
        Some(if self.party {
            a.party_type
        } else {
            a.state_type
        })
    }
}

/// Number without leading zeros; `None` for "0" or "000".
pub fn strip_zeros(digits: &str) -> Option<String> {
    let trimmed = digits.trim_start_matches('0');
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Whether a canonical symbol has the Party form (`21-NQ/TW`: number, hyphen, abbreviation
/// before the first slash; `19-2017/NQ-CP` is a number and a year).
pub fn is_party_form(symbol: &str) -> bool {
    let head = symbol.split('/').next().unwrap_or(symbol);
    head.split_once('-')
        .is_some_and(|(_, abbr)| abbr.starts_with(|c: char| c.is_alphabetic()))
}

/// Whether a canonical symbol leaves out its year (`21-NQ/TW`, `35/NQ-CP`, `1880/QĐ-TTg`,
/// `67/CP`), so that its issuer's numbers, which start again each year or term, can give
/// two documents one symbol; `30/2020/NĐ-CP` and `19-2017/NQ-CP` carry theirs.
pub fn is_yearless(symbol: &str) -> bool {
    // The first part is the number, which may have four digits ("1880/QĐ-TTg").
    !symbol
        .split(['/', '-'])
        .skip(1)
        .any(|part| part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Parses a symbol starting exactly at folded offset `pos`.
pub fn parse_symbol(f: &Folded, pos: usize) -> Option<Symbol> {
    let window = f.ahead(pos, SYMBOL_WINDOW);
    if !window.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let orig =
        |c: &Captures, i: usize| c.get(i).map(|m| f.orig_str(pos + m.start(), pos + m.end()));
    let codes = |s: &str| {
        s.split(['-', '–'])
            .map(canonical_code)
            .collect::<Vec<_>>()
            .join("-")
    };
    let symbol = if let Some(c) = STATE_QH.captures(window) {
        let n: u32 = c.get(4)?.as_str().parse().ok()?;
        let (number, year) = (orig(&c, 1)?, orig(&c, 2)?);
        let issuer = orig(&c, 3)?.to_uppercase();
        Symbol {
            start: pos,
            end: pos + c.get(0)?.end(),
            canonical: format!("{number}/{year}/{issuer}{n}"),
            number: strip_zeros(number)?,
            issuer,
            abbrev: None,
            party: false,
            term: (1..=39).contains(&n).then(|| to_roman(n)),
        }
    } else {
        let (c, form) = if let Some(c) = STATE_DASH_YEAR.captures(window) {
            (c, Form::DashYear)
        } else if let Some(c) = STATE_YEAR.captures(window) {
            (c, Form::Year)
        } else if let Some(c) = STATE.captures(window) {
            (c, Form::State)
        } else if let Some(symbol) = government_old(f, pos, window) {
            return Some(symbol);
        } else {
            let c = PARTY.captures(window)?;
            // "21NQ/TW" glued is still a symbol; "36a/NQ-CP" is number 36a of a State one.
            let (digits, abbr) = (c.get(1)?, c.get(2)?);
            if digits.end() == abbr.start() && abbrev(abbr.as_str()).is_none() {
                return None;
            }
            (c, Form::Party)
        };
        let groups = c.len();
        // A letter after the number ("36a/NQ-CP") is part of it, in lower case.
        let number = orig(&c, 1)?.to_lowercase();
        let number = number.as_str();
        let written_tail = orig(&c, groups - 1)?;
        if form != Form::Party && glued_word(written_tail) {
            return None;
        }
        let tail = codes(written_tail);
        let abbr = canonical_code(orig(&c, groups - 2)?);
        let known = abbrev(c.get(groups - 2)?.as_str());
        // "21/NQ-TW" is the Party's "21-NQ/TW" written the State way: one document, one form.
        let party = form == Form::Party
            || form == Form::State && known.is_some() && is_known_party_code(&tail);
        let canonical = match form {
            _ if party => format!("{number}-{abbr}/{tail}"),
            Form::DashYear => format!("{number}-{}/{abbr}-{tail}", orig(&c, 2)?),
            Form::Year => format!("{number}/{}/{abbr}-{tail}", orig(&c, 2)?),
            _ => format!("{number}/{abbr}-{tail}"),
        };
        // "456/UBND-NC": with no document abbreviation, the first code is the issuer and the
        // rest one of its units.
        let issuer = if party || known.is_some() { tail } else { abbr };
        let (issuer, term) = assembly_term(issuer);
        Symbol {
            start: pos,
            end: pos + c.get(0)?.end(),
            canonical,
            number: strip_zeros(number)?,
            issuer,
            abbrev: known,
            party,
            term,
        }
    };
    (!f.word_at(symbol.end)).then_some(symbol)
}

/// Whether a State symbol's codes ran into the next word for want of a space
/// ("TT-BNNPTNTngày"): a code longer than `MAX_LOWER_CODE` letters is printed in capitals.
fn glued_word(codes: &str) -> bool {
    codes
        .split(['-', '–'])
        .any(|code| code.chars().count() > MAX_LOWER_CODE && code.chars().any(char::is_lowercase))
}

/// `67/CP`, `108/2014/CP` at `pos`: the Government's symbol before it was written "NĐ-CP".
fn government_old(f: &Folded, pos: usize, window: &str) -> Option<Symbol> {
    let c = GOVERNMENT_OLD.captures(window)?;
    let end = pos + c.get(0)?.end();
    // "12/CP-KTTH" is a State symbol of another shape, not "12/CP" cut short.
    if f.word_at(end) || f.ahead(end, 4).starts_with(['-', '–', '/', '&']) {
        return None;
    }
    let digits = c.get(1)?;
    let number = f.orig_str(pos + digits.start(), pos + digits.end());
    let canonical = match c.get(2) {
        Some(year) => format!("{number}/{}/CP", year.as_str()),
        None => format!("{number}/CP"),
    };
    Some(Symbol {
        start: pos,
        end,
        canonical,
        number: strip_zeros(number)?,
        issuer: "CP".to_string(),
        abbrev: None,
        party: false,
        term: None,
    })
}

/// An issuer code of the National Assembly splits into code and term: "UBTVQH13" →
/// ("UBTVQH", "XIII"); any other code is returned as it is.
fn assembly_term(code: String) -> (String, Option<String>) {
    let split = ASSEMBLY_TERM.captures(&code).and_then(|c| {
        let n: u32 = c.get(2)?.as_str().parse().ok()?;
        let term = (1..=39).contains(&n).then(|| to_roman(n))?;
        Some((c.get(1)?.as_str().to_string(), term))
    });
    match split {
        Some((body, term)) => (body, Some(term)),
        None => (code, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<Symbol> {
        parse_symbol(&Folded::new(text), 0)
    }

    #[test]
    fn canonical_symbols() {
        let rows = [
            ("21-NQ/TW", "21-NQ/TW", "21", "TW", true),
            (
                "05-QC/BTCTU-BDVTU",
                "05-QC/BTCTU-BDVTU",
                "5",
                "BTCTU-BDVTU",
                true,
            ),
            ("21 – NQ/TW", "21-NQ/TW", "21", "TW", true),
            ("84 QĐ/TWĐTN", "84-QĐ/TWĐTN", "84", "TWĐTN", true),
            ("102-QĐi/TW", "102-QĐi/TW", "102", "TW", true),
            ("21-NQ/TƯ", "21-NQ/TW", "21", "TW", true),
            ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "30", "CP", false),
            ("30/2020/nđ-cp", "30/2020/NĐ-CP", "30", "CP", false),
            ("30/2020/ND-CP", "30/2020/NĐ-CP", "30", "CP", false),
            ("59/2020/QH14", "59/2020/QH14", "59", "QH", false),
            ("68/NQ-CP", "68/NQ-CP", "68", "CP", false),
            ("01/2011/TT-BNV", "01/2011/TT-BNV", "1", "BNV", false),
            (
                "03/2011/TTLT-BNV-BTC",
                "03/2011/TTLT-BNV-BTC",
                "3",
                "BNV-BTC",
                false,
            ),
            ("1234/QĐ-TTg", "1234/QĐ-TTg", "1234", "TTg", false),
            ("456/UBND-NC", "456/UBND-NC", "456", "UBND", false),
            ("19-2017/NQ-CP", "19-2017/NQ-CP", "19", "CP", false),
            ("01 - 2017/NQ-CP", "01-2017/NQ-CP", "1", "CP", false),
            // A Party symbol written the State way is the Party symbol.
            ("21/NQ-TW", "21-NQ/TW", "21", "TW", true),
            ("43/NQ-TƯ", "43-NQ/TW", "43", "TW", true),
            ("123/QĐ-TU", "123-QĐ/TU", "123", "TU", true),
            ("16/CT-TTg", "16/CT-TTg", "16", "TTg", false),
            ("36a/NQ-CP", "36a/NQ-CP", "36a", "CP", false),
            ("36A/NQ-CP", "36a/NQ-CP", "36a", "CP", false),
            ("21NQ/TW", "21-NQ/TW", "21", "TW", true),
            ("916/NQ-UBTVQH13", "916/NQ-UBTVQH13", "916", "UBTVQH", false),
            (
                "09/2008/NQLT-CP-UBTWMTTQVN",
                "09/2008/NQLT-CP-UBTWMTTQVN",
                "9",
                "CP-UBTWMTTQVN",
                false,
            ),
            ("67/CP", "67/CP", "67", "CP", false),
            ("108/2014/CP", "108/2014/CP", "108", "CP", false),
            (
                "01/2017/TTLT-BCA-BQP-BYT-TANDTC-VKSNDTC",
                "01/2017/TTLT-BCA-BQP-BYT-TANDTC-VKSNDTC",
                "1",
                "BCA-BQP-BYT-TANDTC-VKSNDTC",
                false,
            ),
            ("01/2019/TT-BGD&ĐT", "01/2019/TT-BGDĐT", "1", "BGDĐT", false),
            ("01/2019/TT-BGDĐT", "01/2019/TT-BGDĐT", "1", "BGDĐT", false),
        ];
        for (input, canonical, number, issuer, party) in rows {
            let s = parse(input).unwrap_or_else(|| panic!("{input}"));
            assert_eq!(s.canonical, canonical, "{input}");
            assert_eq!(s.number, number, "{input}");
            assert_eq!(s.issuer, issuer, "{input}");
            assert_eq!(s.party, party, "{input}");
            assert_eq!(is_party_form(&s.canonical), party, "{input}");
            // A year in it, written either way, or none.
            let year = ["/20", "-20", "/19", "-19"]
                .iter()
                .any(|y| canonical.contains(y));
            assert_eq!(is_yearless(&s.canonical), !year, "{input}");
        }
        assert_eq!(
            parse("59/2020/QH14").and_then(|s| s.term),
            Some("XIV".into())
        );
        assert_eq!(
            parse("916/NQ-UBTVQH13").and_then(|s| s.term),
            Some("XIII".into())
        );
        assert_eq!(
            parse("02-ĐA/TU").and_then(|s| s.implied_type()),
            Some("de-an")
        );
        assert_eq!(
            parse("01/2011/TT-BNV").and_then(|s| s.implied_type()),
            Some("thong-tu")
        );
    }

    #[test]
    fn not_symbols() {
        for input in [
            "9/2022",
            "16/6/2022",
            "1.832",
            "6,17%",
            "112/90 chỉ tiêu",
            "00-NQ/TW",
            "12/CP-",
            "5/cpu",
            "24/2014/TT-BNNPTNTngày 19/8/2014",
        ] {
            assert_eq!(parse(input), None, "{input}");
        }
        assert_eq!(parse("5 km/h").and_then(|s| s.abbrev), None);
        // An old Government code followed by more code is some other shape, not "12/CP".
        assert_ne!(
            parse("12/CP-KTTH").map(|s| s.canonical),
            Some("12/CP".into())
        );
    }
}
