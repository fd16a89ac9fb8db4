//! The canonical key of a cited document: a stable id for URLs and facets, the same for
//! every mention of the same document.
//!
//! Scheme (first that applies):
//! - Party Charter: `dieu-le/dang`; a constitution: `hien-phap/{year}`.
//! - Party documents, from a symbol `{n}-{ABBR}/{ISSUER}` or from a number and a Party
//!   issuer: `{type}/{n}-{ABBR}/{ISSUER}`, with `n` without leading zeros and `ABBR` the
//!   type's own abbreviation (so "Hướng dẫn 38 của Ban Tổ chức Trung ương" and
//!   "38-HD/BTCTW" both give `huong-dan/38-HD/BTCTW`, "QĐi" and "QĐ" give the same key).
//! - State documents with a symbol: `{type}/{symbol}` with the number's zeros stripped
//!   (`nghi-dinh/30/2020/NĐ-CP`), a law's name beside it or not; with a number and a State
//!   issuer only: `{type}/{n}-{ISSUER}`.
//! - A law by title and year: `{type}/{name}-{year}`, the name in lower case with its accents
//!   (`luat/đất-đai-2013`, with or without "năm"), for the label to be read back from it;
//!   by title alone, `{type}/{name}` (`luat/đất-đai`), which stands for each year's.
//! - Congress resolutions: `nghi-quyet/dh-{congress}`, or `…-{the local body}`, its name in
//!   lower case with its accents (`nghi-quyet/dh-XI-đảng-bộ-tỉnh-đắk-nông`).
//! - Plenum resolutions: `nghi-quyet/tw{plenum}-{term}` (`nghi-quyet/tw4` without term).
//! - A bare number: `{type}/{n}`.
//!
//! Keys hold only letters (Vietnamese upper-case codes such as "NĐ" included), digits, '-'
//! and '/': safe in a URL path once non-ASCII letters are percent-encoded as usual.

use super::grammar::parse_roman;
use super::issuers::{is_local_code, is_party_code, state_issuer_name};
use super::law::LAW_KINDS;
use super::model::{doc_type, type_name, Citation};
use super::place::{place_label, place_of, split_place};
use super::symbol::{is_party_form, strip_zeros};
use super::versions::{split_version, NATIONAL_CONGRESSES};
use crate::text::chars::capitalize;
use crate::text::exact_filter::exact_word;

/// The canonical key of a citation from its fields.
pub fn key_for(c: &Citation) -> String {
    let kind = c.kind.as_str();
    let number = c.number.as_deref();
    let raw = if kind == "dieu-le" {
        "dieu-le/dang".to_string()
    } else if let (Some(symbol), false) = (&c.symbol, kind == "hien-phap") {
        placed(symbol_key(kind, symbol), c)
    } else if let (Some(name), Some(year)) = (&c.name, number) {
        title_key(kind, name, year)
    } else if let (Some(name), true) = (&c.name, LAW_KINDS.contains(&kind)) {
        format!("{kind}/{}", name_slug(name))
    } else if let (Some(n), Some(issuer)) = (number, &c.issuer) {
        placed(number_key(kind, n, issuer), c)
    } else if let Some(congress) = &c.congress {
        match &c.issuing_body {
            Some(body) => format!("{kind}/dh-{congress}-{}", body_slug(body)),
            // The Party has held fourteen national congresses: "Đại hội lần thứ XXI" is a
            // local body's, whichever it is.
            None if parse_roman(congress).is_some_and(|n| n > NATIONAL_CONGRESSES) => {
                format!("{kind}/dh-{congress}-đảng-bộ")
            }
            None => format!("{kind}/dh-{congress}"),
        }
    } else if let (Some(plenum), None) = (c.plenum, number) {
        plenum_key(kind, plenum, c.term.as_deref())
    } else if let Some(n) = number {
        format!("{kind}/{n}")
    } else {
        kind.to_string()
    };
    sanitize(&raw)
}

/// `key` followed by the place of a local body's document ("nghi-quyet/5-NQ/TU/bắc-ninh"):
/// each province numbers its own documents (`cite::place`).
fn placed(key: String, c: &Citation) -> String {
    let local = c.issuer.as_deref().is_some_and(is_local_code);
    match c
        .issuing_body
        .as_deref()
        .and_then(place_of)
        .filter(|_| local)
    {
        Some(place) => format!("{key}/{place}"),
        None => key,
    }
}

/// `{type}/tw{plenum}` plus `-{term}` when the term is known.
pub fn plenum_key(kind: &str, plenum: u32, term: Option<&str>) -> String {
    match term {
        Some(term) => format!("{kind}/tw{plenum}-{term}"),
        None => format!("{kind}/tw{plenum}"),
    }
}

/// Key of a numbered document with a known issuer, Party or State.
pub fn number_key(kind: &str, number: &str, issuer: &str) -> String {
    if !is_party_code(issuer) {
        return format!("{kind}/{number}-{issuer}");
    }
    match doc_type(kind).and_then(|t| t.abbrs.first()) {
        Some(abbr) => format!("{kind}/{number}-{abbr}/{issuer}"),
        None => format!("{kind}/{number}-{issuer}"),
    }
}

fn symbol_key(kind: &str, symbol: &str) -> String {
    if is_party_form(symbol) {
        let (head, issuer) = symbol.split_once('/').unwrap_or((symbol, ""));
        let digits = head.split('-').next().unwrap_or(head);
        let number = strip_zeros(digits).unwrap_or_else(|| digits.to_string());
        return number_key(kind, &number, issuer);
    }
    match symbol.split_once('/') {
        Some((digits, rest)) => {
            let number = strip_zeros(digits).unwrap_or_else(|| digits.to_string());
            // "Nghị định 108/2014/CP": a decree with a year is `N/YYYY/NĐ-CP`; "CP" alone
            // numbered decrees before years did ("67/CP"), so with a year it is a slip.
            let year = rest.strip_suffix("/CP").filter(|y| {
                kind == "nghi-dinh" && y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
            });
            match year {
                Some(year) => format!("{kind}/{number}/{year}/NĐ-CP"),
                None => format!("{kind}/{number}/{rest}"),
            }
        }
        None => format!("{kind}/{symbol}"),
    }
}

/// A local body's name as a key: its words in lower case with their accents, joined by '-',
/// "TP" spelled out ("Đảng bộ TP Cần Thơ" → "đảng-bộ-thành-phố-cần-thơ"), so that the label
/// read back from the key is the body's own name.
fn body_slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| exact_word(w).into_owned())
        .map(|w| {
            if w == "tp" {
                "thành-phố".to_string()
            } else {
                w
            }
        })
        .collect();
    words.join("-")
}

/// Names in laws' titles, as a key writes them and as the title does.
const PROPER_NAMES: &[(&str, &str)] = &[
    ("việt nam", "Việt Nam"),
    ("chính phủ", "Chính phủ"),
    ("quốc hội", "Quốc hội"),
    ("mặt trận tổ quốc", "Mặt trận Tổ quốc"),
    ("thủ đô", "Thủ đô"),
];

/// Administrative units, as a key writes them: the words after one are a place's name
/// ("tỉnh Đắk Nông"). With their marks: folded, "quận" would be "quân" ("Quân đội").
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn",
];

/// A local body's name from its key's words: "đảng bộ tỉnh đắk nông" → "Đảng bộ tỉnh Đắk
/// Nông", "đảng bộ quân đội" → "Đảng bộ Quân đội".
fn body_label(words: &str) -> String {
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    let unit_end = |i: usize| {
        UNITS.iter().find_map(|unit| {
            let n = unit.split(' ').count();
            (words.get(i..i + n)?.join(" ") == *unit).then_some(i + n)
        })
    };
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let opening = i == 0 || (i == 2 && words[..2] == ["đảng", "bộ"]);
        match unit_end(i).filter(|_| i >= 2) {
            // A place: its unit in lower case, its name capitalised word by word.
            Some(end) => {
                out.extend(words[i..end].iter().map(|w| w.to_string()));
                out.extend(words[end..].iter().map(|w| capitalize(w)));
                break;
            }
            None if opening => out.push(capitalize(words[i])),
            None => out.push(words[i].to_string()),
        }
        i += 1;
    }
    out.join(" ")
}

/// The key of a law cited by its title and year: `luat/đất-đai-2013`.
pub fn title_key(kind: &str, name: &str, year: &str) -> String {
    format!("{kind}/{}-{year}", name_slug(name))
}

/// Whether `key` is a law's by its title and `year`'s ("luat/đất-đai-2013" of
/// "luat/đất-đai"): the keys an undated title stands for.
pub fn is_title_year_of(undated: &str, key: &str) -> bool {
    let year = key
        .strip_prefix(undated)
        .and_then(|rest| rest.strip_prefix('-'));
    is_undated_title(undated)
        && year.is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `key` is a law's by its title without a year ("luat/đất-đai").
pub fn is_undated_title(key: &str) -> bool {
    let Some((kind, rest)) = key.split_once('/') else {
        return false;
    };
    let year = rest.rsplit_once('-').map(|(_, y)| y);
    LAW_KINDS.contains(&kind)
        && rest.starts_with(char::is_alphabetic)
        && !rest.contains('/')
        && !year.is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// A law's name as a key: its words in lower case, accents kept, joined by '-' ("Đất đai" →
/// "đất-đai"), so that the label read back from the key is the law's own name.
fn name_slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| exact_word(w).into_owned())
        .collect();
    words.join("-")
}

/// Replaces anything but letters, digits, '-' and '/' by '-'.
fn sanitize(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '/' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The type slug a key starts with ("nghi-quyet/21-NQ/TW" → "nghi-quyet").
pub fn kind_of_key(key: &str) -> &str {
    key.split('/').next().unwrap_or(key)
}

/// A human label from a key alone, for facets and lists where only keys are at hand:
/// the inverse of [`key_for`] ("nghi-quyet/tw4-XII" → "Nghị quyết Trung ương 4 khóa XII").
pub fn label_for_key(key: &str) -> String {
    if key == "dieu-le/dang" {
        return "Điều lệ Đảng".to_string();
    }
    if let Some((key, year)) = split_version(key) {
        return match split_place(key) {
            Some((key, place)) => {
                format!("{} ({}, {year})", label_for_key(key), place_label(place))
            }
            None => format!("{} ({year})", label_for_key(key)),
        };
    }
    if let Some((key, place)) = split_place(key) {
        return format!("{} ({})", label_for_key(key), place_label(place));
    }
    let (kind, rest) = key.split_once('/').unwrap_or((key, ""));
    let name = type_name(kind).unwrap_or(kind);
    if rest.is_empty() {
        return name.to_string();
    }
    if let Some(congress) = rest.strip_prefix("dh-") {
        return match congress.split_once('-') {
            Some((congress, body)) => {
                let body = body_label(&body.replace('-', " "));
                format!("{name} Đại hội {congress} ({body})")
            }
            None => format!("{name} Đại hội {congress}"),
        };
    }
    if let Some(plenum) = rest.strip_prefix("tw") {
        let (number, term) = plenum.split_once('-').unwrap_or((plenum, ""));
        if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
            return if term.is_empty() {
                format!("{name} Trung ương {number}")
            } else {
                format!("{name} Trung ương {number} khóa {term}")
            };
        }
    }
    if LAW_KINDS.contains(&kind) && !rest.contains('/') {
        // The key keeps the name in lower case; the names of institutions in it are written
        // as names ("Luật Tổ chức Chính phủ").
        // Most titles hold none of them: a name is formatted only where it occurs (a
        // facet's 20 labels, on every search).
        let mut title = format!(" {} ", rest.replace('-', " "));
        for (lower, proper) in PROPER_NAMES {
            if title.contains(lower) {
                title = title.replace(&format!(" {lower} "), &format!(" {proper} "));
            }
        }
        return format!("{name} {}", capitalize(title.trim()));
    }
    symbol_label(name, rest)
}

/// A label from a key's symbol part as documents write it: a one-digit number has two
/// ("5-CT/TW" → "05-CT/TW", the official form), and a State number with its issuer's code
/// names the issuer ("67-CP" → "67 của Chính phủ"), since "67-CP" is how older decrees wrote
/// their symbols.
fn symbol_label(name: &str, rest: &str) -> String {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (number, after) = rest.split_at(digits);
    if digits > 0 {
        let issuer = after.strip_prefix('-').and_then(state_issuer_name);
        if let Some(issuer) = issuer {
            return format!("{name} {number} của {issuer}");
        }
        if digits == 1 && after.starts_with(['-', '/']) {
            return format!("{name} 0{rest}");
        }
    }
    format!("{name} {rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citation(kind: &str) -> Citation {
        serde_json::from_value(serde_json::json!({
            "text": "", "start": 0, "end": 0, "type": kind, "key": ""
        }))
        .unwrap()
    }

    #[test]
    fn keys() {
        let mut sym = citation("nghi-quyet");
        sym.symbol = Some("21-NQ/TW".into());
        let mut hd = citation("huong-dan");
        hd.symbol = Some("038-HD/BTCTW".into());
        let mut hd_body = citation("huong-dan");
        hd_body.number = Some("38".into());
        hd_body.issuer = Some("BTCTW".into());
        let mut qdi = citation("quy-dinh");
        qdi.symbol = Some("102-QĐi/TW".into());
        let mut state = citation("nghi-dinh");
        state.symbol = Some("030/2020/NĐ-CP".into());
        let mut state_bare = citation("nghi-dinh");
        state_bare.number = Some("30".into());
        state_bare.issuer = Some("CP".into());
        let mut plenum = citation("nghi-quyet");
        plenum.plenum = Some(4);
        plenum.term = Some("XII".into());
        plenum.issuer = Some("TW".into());
        let mut congress = citation("nghi-quyet");
        congress.congress = Some("XII".into());
        let mut unnamed_local = citation("nghi-quyet");
        unnamed_local.congress = Some("XXI".into());
        let mut local = citation("nghi-quyet");
        local.congress = Some("XI".into());
        local.issuing_body = Some("Đảng bộ tỉnh Đắk Nông".into());
        let mut bare = citation("chi-thi");
        bare.number = Some("33".into());
        let mut law = citation("luat");
        law.symbol = Some("59/2020/QH14".into());
        let mut decree_slip = citation("nghi-dinh");
        decree_slip.symbol = Some("108/2014/CP".into());
        let mut decree_old = citation("nghi-dinh");
        decree_old.symbol = Some("67/CP".into());
        let mut titled = citation("bo-luat");
        titled.name = Some("Hình sự".into());
        titled.number = Some("2015".into());
        let mut named_law = citation("luat");
        named_law.symbol = Some("102/2016/QH13".into());
        named_law.name = Some("Trẻ em".into());
        named_law.number = Some("102".into());
        let mut titled_comma = citation("luat");
        titled_comma.name = Some("Cán bộ, công chức".into());
        titled_comma.number = Some("2008".into());
        let mut provincial = citation("nghi-quyet");
        provincial.symbol = Some("05-NQ/TU".into());
        provincial.issuer = Some("TU".into());
        provincial.issuing_body = Some("Ban Thường vụ Tỉnh ủy Bắc Ninh".into());
        let mut provincial_bare = provincial.clone();
        provincial_bare.symbol = None;
        provincial_bare.number = Some("5".into());
        let mut unplaced = provincial.clone();
        unplaced.issuing_body = Some("Ban Thường vụ Tỉnh ủy".into());
        let mut committee = citation("quyet-dinh");
        committee.symbol = Some("33/2014/QĐ-UBND".into());
        committee.issuer = Some("UBND".into());
        committee.issuing_body = Some("UBND TP.HCM".into());
        // A central body's symbol takes no place, whatever body a slip gives it.
        let mut central = sym.clone();
        central.issuer = Some("TW".into());
        central.issuing_body = Some("Tỉnh ủy Bắc Ninh".into());
        let rows = [
            (provincial, "nghi-quyet/5-NQ/TU/bắc-ninh"),
            (provincial_bare, "nghi-quyet/5-NQ/TU/bắc-ninh"),
            (unplaced, "nghi-quyet/5-NQ/TU"),
            (committee, "quyet-dinh/33/2014/QĐ-UBND/hồ-chí-minh"),
            (central, "nghi-quyet/21-NQ/TW"),
            (sym, "nghi-quyet/21-NQ/TW"),
            (hd, "huong-dan/38-HD/BTCTW"),
            (hd_body, "huong-dan/38-HD/BTCTW"),
            (qdi, "quy-dinh/102-QĐ/TW"),
            (state, "nghi-dinh/30/2020/NĐ-CP"),
            (state_bare, "nghi-dinh/30-CP"),
            (plenum, "nghi-quyet/tw4-XII"),
            (congress, "nghi-quyet/dh-XII"),
            (unnamed_local, "nghi-quyet/dh-XXI-đảng-bộ"),
            (local, "nghi-quyet/dh-XI-đảng-bộ-tỉnh-đắk-nông"),
            (citation("dieu-le"), "dieu-le/dang"),
            (bare, "chi-thi/33"),
            (law, "luat/59/2020/QH14"),
            (named_law, "luat/102/2016/QH13"),
            (decree_slip, "nghi-dinh/108/2014/NĐ-CP"),
            (decree_old, "nghi-dinh/67/CP"),
            (titled, "bo-luat/hình-sự-2015"),
            (titled_comma, "luat/cán-bộ-công-chức-2008"),
        ];
        for (c, want) in rows {
            assert_eq!(key_for(&c), want, "{c:?}");
        }
    }

    #[test]
    fn keys_are_path_safe() {
        let mut c = citation("nghi-quyet");
        c.congress = Some("XI".into());
        c.issuing_body = Some("Đảng bộ TP. Cần Thơ (cũ)?#".into());
        let key = key_for(&c);
        assert_eq!(key, "nghi-quyet/dh-XI-đảng-bộ-thành-phố-cần-thơ-cũ");
        assert!(key
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '/'));
    }

    #[test]
    fn labels_from_keys() {
        let rows = [
            ("nghi-quyet/21-NQ/TW", "Nghị quyết 21-NQ/TW"),
            ("huong-dan/38-HD/BTCTW", "Hướng dẫn 38-HD/BTCTW"),
            ("nghi-quyet/tw4-XII", "Nghị quyết Trung ương 4 khóa XII"),
            ("nghi-quyet/tw4", "Nghị quyết Trung ương 4"),
            ("nghi-quyet/dh-XII", "Nghị quyết Đại hội XII"),
            (
                "nghi-quyet/dh-XI-đảng-bộ-tỉnh-đắk-nông",
                "Nghị quyết Đại hội XI (Đảng bộ tỉnh Đắk Nông)",
            ),
            (
                "nghi-quyet/dh-XVI-đảng-bộ-thành-phố-hà-nội",
                "Nghị quyết Đại hội XVI (Đảng bộ thành phố Hà Nội)",
            ),
            (
                "nghi-quyet/dh-X-đảng-bộ-quân-đội",
                "Nghị quyết Đại hội X (Đảng bộ Quân đội)",
            ),
            (
                "nghi-quyet/dh-XXI-đảng-bộ",
                "Nghị quyết Đại hội XXI (Đảng bộ)",
            ),
            (
                "nghi-quyet/dh-XIX-đảng-bộ-tỉnh",
                "Nghị quyết Đại hội XIX (Đảng bộ tỉnh)",
            ),
            (
                "nghi-quyet/dh-XXII-đảng-bộ-huyện-mường-khương",
                "Nghị quyết Đại hội XXII (Đảng bộ huyện Mường Khương)",
            ),
            ("dieu-le/dang", "Điều lệ Đảng"),
            ("nghi-dinh/30/2020/NĐ-CP", "Nghị định 30/2020/NĐ-CP"),
            ("chi-thi/33", "Chỉ thị 33"),
            ("luat/đất-đai-2013", "Luật Đất đai 2013"),
            ("bo-luat/hình-sự-2015", "Bộ luật Hình sự 2015"),
            (
                "bo-luat/hàng-hải-việt-nam-2015",
                "Bộ luật Hàng hải Việt Nam 2015",
            ),
            ("luat/tổ-chức-chính-phủ-2015", "Luật Tổ chức Chính phủ 2015"),
            ("luat/tổ-chức-quốc-hội-2014", "Luật Tổ chức Quốc hội 2014"),
            ("luat/thủ-đô-2012", "Luật Thủ đô 2012"),
            ("nghi-quyet/21-NQ/TW/2012", "Nghị quyết 21-NQ/TW (2012)"),
            ("chi-thi/5-CT/TW", "Chỉ thị 05-CT/TW"),
            ("thong-tu/2/2017/TT-BYT", "Thông tư 02/2017/TT-BYT"),
            ("nghi-dinh/67-CP", "Nghị định 67 của Chính phủ"),
            (
                "quyet-dinh/326-TTg",
                "Quyết định 326 của Thủ tướng Chính phủ",
            ),
            ("nghi-dinh/67/CP", "Nghị định 67/CP"),
            ("chi-thi/5", "Chỉ thị 5"),
            (
                "nghi-quyet/5-NQ/TU/bắc-ninh",
                "Nghị quyết 05-NQ/TU (Bắc Ninh)",
            ),
            (
                "nghi-quyet/5-NQ/TU/bắc-ninh/2021",
                "Nghị quyết 05-NQ/TU (Bắc Ninh, 2021)",
            ),
            (
                "quyet-dinh/33/2014/QĐ-UBND/hà-nội",
                "Quyết định 33/2014/QĐ-UBND (Hà Nội)",
            ),
            ("luat/59/2020/QH14", "Luật 59/2020/QH14"),
            ("luat/đất-đai", "Luật Đất đai"),
            (
                "luat/ngân-hàng-nhà-nước-việt-nam",
                "Luật Ngân hàng nhà nước Việt Nam",
            ),
            ("unknown", "unknown"),
        ];
        for (key, label) in rows {
            assert_eq!(label_for_key(key), label, "{key}");
        }
    }

    #[test]
    fn an_undated_title_stands_for_its_years() {
        // (undated title, key, whether the key is that title's of a year)
        let rows = [
            ("luat/đất-đai", "luat/đất-đai-2013", true),
            ("bo-luat/hình-sự", "bo-luat/hình-sự-2015", true),
            ("luat/đầu-tư", "luat/đầu-tư-công-2019", false),
            ("luat/đầu-tư", "luat/đầu-tư", false),
            ("luat/đất-đai", "luat/đất-đai-20131", false),
            ("luat/đất-đai-2013", "luat/đất-đai-2013-2014", false),
            ("luat/59/2020/QH14", "luat/59/2020/QH14-2020", false),
            ("nghi-quyet/21", "nghi-quyet/21-2012", false),
        ];
        for (undated, key, want) in rows {
            assert_eq!(is_title_year_of(undated, key), want, "{undated} {key}");
        }
        assert!(is_undated_title("luat/đất-đai"));
        assert!(!is_undated_title("luat/đất-đai-2013"));
        assert!(!is_undated_title("luat/59/2020/QH14"));
        assert!(!is_undated_title("hien-phap/2013"));
    }
}
