//! The place a local body belongs to: every province numbers its own documents, so "Nghị
//! quyết số 05-NQ/TU" of the Bắc Ninh Provincial Committee and of Hà Giang's are two
//! documents, told apart in their keys by the place their issuing body names
//! (`nghi-quyet/5-NQ/TU/bắc-ninh`). Pure: a body's name in, the place out.

use super::issuers::issuer;
use crate::text::chars::capitalize;
use crate::text::exact_filter::exact_word;
use crate::text::fold::fold;

/// Administrative units written between a local body and its place's name, folded:
/// "UBND tỉnh Thái Bình", "Thành ủy TP.HCM". Longest first.
#[rustfmt::skip]
pub const UNIT_WORDS: &[&[&str]] = &[
    &["thanh", "pho"], &["thi", "xa"], &["thi", "tran"],
    &["tinh"], &["tp"], &["huyen"], &["quan"], &["phuong"], &["xa"],
];

/// Party committees of organisations, named after them rather than after a place ("Đảng ủy
/// Tập đoàn Dầu khí", "Đảng ủy Khối các cơ quan tỉnh").
const ORGANISATIONS: &[&str] = &["ĐU", "ĐUK"];

/// Ho Chi Minh City's abbreviations, folded, for its full name.
const HCM: &[&str] = &["hcm", "tphcm", "hochiminh"];

/// Provinces and centrally run cities, folded: a name that starts with one is that one
/// ("Thành ủy Hà Nội Hoàng Trung Hải" is Hà Nội's), and after "TP. ", where a full stop may
/// end the sentence instead ("… của UBND TP. Đề nghị …"), only these are taken.
#[rustfmt::skip]
const PROVINCES: &[&str] = &[
    "an giang", "ba ria vung tau", "bac giang", "bac kan", "bac lieu", "bac ninh", "ben tre",
    "binh dinh", "binh duong", "binh phuoc", "binh thuan", "ca mau", "can tho", "cao bang",
    "da nang", "dak lak", "dak nong", "dien bien", "dong nai", "dong thap", "gia lai",
    "ha giang", "ha nam", "ha noi", "ha tinh", "hai duong", "hai phong", "hau giang",
    "ho chi minh", "hoa binh", "hung yen", "khanh hoa", "kien giang", "kon tum", "lai chau",
    "lam dong", "lang son", "lao cai", "long an", "nam dinh", "nghe an", "ninh binh",
    "ninh thuan", "phu tho", "phu yen", "quang binh", "quang nam", "quang ngai", "quang ninh",
    "quang tri", "soc trang", "son la", "tay ninh", "thai binh", "thai nguyen", "thanh hoa",
    "thua thien hue", "hue", "tien giang", "tra vinh", "tuyen quang", "vinh long",
    "vinh phuc", "yen bai",
];

/// How many of `folded`'s first words name a province, the longest that does.
fn province_words(folded: &[String]) -> Option<usize> {
    PROVINCES
        .iter()
        .map(|p| p.split(' ').collect::<Vec<_>>())
        .filter(|p| folded.len() >= p.len() && folded.iter().zip(p).all(|(w, p)| w == p))
        .map(|p| p.len())
        .max()
}

/// The place named by a local body's name, as a key writes it: lower case with its accents,
/// words joined by '-' ("Ban Thường vụ Tỉnh ủy Bắc Giang" → "bắc-giang", "UBND TP.HCM" →
/// "hồ-chí-minh"); `None` when the body is not a local one or names no place.
pub fn place_of(body: &str) -> Option<String> {
    let words: Vec<&str> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let local_end = (1..=folded.len()).rev().find(|&n| {
        issuer(&folded[..n].join(" ")).is_some_and(|i| i.local && !ORGANISATIONS.contains(&i.code))
    })?;
    let mut rest = local_end;
    if let Some(unit) = UNIT_WORDS.iter().find(|unit| {
        folded
            .get(rest..rest + unit.len())
            .is_some_and(|w| w == **unit)
    }) {
        rest += unit.len();
    }
    let name = words.get(rest..).filter(|name| !name.is_empty())?;
    // Only a capitalised name is a place: "UBND tỉnh đồng ý" names none.
    if !name
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let name_folded = &folded[rest..];
    // "Hồ Chí Minh" in three words is in `PROVINCES`.
    if HCM
        .iter()
        .any(|h| name_folded.first().is_some_and(|w| w == h))
    {
        return Some("hồ-chí-minh".to_string());
    }
    let name = match province_words(name_folded) {
        Some(n) => &name[..n],
        None if body.contains(". ") => return None,
        None => name,
    };
    let slug: Vec<String> = name.iter().map(|w| exact_word(w).into_owned()).collect();
    Some(slug.join("-"))
}

/// Whether a key's last part is a place (lower-case letters and '-', "bắc-ninh") rather than
/// part of a symbol (codes in capitals, numbers).
pub fn is_place(part: &str) -> bool {
    !part.is_empty()
        && part.chars().any(char::is_alphabetic)
        && part.chars().all(|c| c.is_lowercase() || c == '-')
}

/// `(key, place)` of a key ending in a place after a symbol ("nghi-quyet/5-NQ/TU/bắc-ninh");
/// `None` for any other.
pub fn split_place(key: &str) -> Option<(&str, &str)> {
    let (base, place) = key.rsplit_once('/')?;
    (base.contains('/') && is_place(place)).then_some((base, place))
}

/// A place's name from its key part: "bắc-ninh" → "Bắc Ninh".
pub fn place_label(part: &str) -> String {
    let words: Vec<String> = part.split('-').map(capitalize).collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_of_bodies() {
        let rows = [
            ("Tỉnh ủy Bắc Ninh", Some("bắc-ninh")),
            ("Ban Thường vụ Tỉnh ủy Bắc Giang", Some("bắc-giang")),
            ("UBND tỉnh Thái Bình", Some("thái-bình")),
            ("UBND TP Hà Nội", Some("hà-nội")),
            ("UBND thành phố Hà Nội", Some("hà-nội")),
            ("Thành ủy TP.HCM", Some("hồ-chí-minh")),
            ("Ban Thường vụ Thành ủy TPHCM", Some("hồ-chí-minh")),
            ("Thành ủy TP. Hồ Chí Minh", Some("hồ-chí-minh")),
            ("HĐND tỉnh Thừa Thiên - Huế", Some("thừa-thiên-huế")),
            ("UBND quận Hoàn Kiếm", Some("hoàn-kiếm")),
            ("Tỉnh ủy Thanh Hoá", Some("thanh-hóa")),
            ("Huyện ủy Gia Lâm", Some("gia-lâm")),
            ("Thành ủy TP. HCM Đinh La Thăng", Some("hồ-chí-minh")),
            ("Thành ủy Hà Nội Hoàng Trung Hải", Some("hà-nội")),
            ("UBND TP. Đà Nẵng", Some("đà-nẵng")),
            ("UBND TP. Đề", None),
            ("Đảng ủy Tập", None),
            ("Đảng ủy Khối Doanh nghiệp", None),
            // No place: a body alone, a unit alone, a central body.
            ("Ban Thường vụ Tỉnh ủy", None),
            ("UBND TP", None),
            ("UBND tỉnh đồng ý", None),
            ("Bộ Chính trị", None),
            ("Ban Tổ chức Trung ương", None),
            ("Chính phủ", None),
            ("", None),
        ];
        for (body, want) in rows {
            assert_eq!(place_of(body).as_deref(), want, "{body}");
        }
    }

    #[test]
    fn places_in_keys() {
        let rows = [
            (
                "nghi-quyet/5-NQ/TU/bắc-ninh",
                Some(("nghi-quyet/5-NQ/TU", "bắc-ninh")),
            ),
            (
                "quyet-dinh/33/2014/QĐ-UBND/hà-nội",
                Some(("quyet-dinh/33/2014/QĐ-UBND", "hà-nội")),
            ),
            ("nghi-quyet/5-NQ/TU", None),
            ("nghi-quyet/21-NQ/TW/2022", None),
            ("ke-hoach/23/KH-UBND", None),
            ("bao-cao/2/TTr-UBND", None),
            ("luat/đất-đai-2013", None),
            ("nghi-quyet/dh-XI-đảng-bộ-tỉnh-đắk-nông", None),
            ("nghi-quyet/21", None),
        ];
        for (key, want) in rows {
            assert_eq!(split_place(key), want, "{key}");
        }
        assert_eq!(place_label("hồ-chí-minh"), "Hồ Chí Minh");
    }
}
