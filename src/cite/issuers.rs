//! Issuing bodies as data: folded phrase → issuer code ("ban to chuc trung uong" → BTCTW).

/// An issuing body: folded phrase, issuer code, and whether the code is a Party one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issuer {
    /// Folded phrase, words separated by one space: "ban to chuc trung uong".
    pub phrase: &'static str,
    /// Code as in symbols: "BTCTW".
    pub code: &'static str,
    /// Party bodies get keys in the Party symbol form `{n}-{ABBR}/{CODE}`.
    pub party: bool,
    /// Local bodies may be followed by a place name ("Tỉnh ủy Lào Cai").
    pub local: bool,
}

const fn party(phrase: &'static str, code: &'static str) -> Issuer {
    Issuer {
        phrase,
        code,
        party: true,
        local: false,
    }
}
const fn local(phrase: &'static str, code: &'static str) -> Issuer {
    Issuer {
        phrase,
        code,
        party: true,
        local: true,
    }
}
const fn state(phrase: &'static str, code: &'static str, local: bool) -> Issuer {
    Issuer {
        phrase,
        code,
        party: false,
        local,
    }
}

/// Issuing bodies → issuer code. Matching takes the longest phrase at a position.
pub static ISSUERS: &[Issuer] = &[
    party("ban chap hanh trung uong dang", "TW"),
    party("ban chap hanh trung uong", "TW"),
    party("bch trung uong", "TW"),
    party("bchtw", "TW"),
    party("bo chinh tri", "TW"),
    party("ban bi thu trung uong dang", "TW"),
    party("ban bi thu trung uong", "TW"),
    party("ban bi thu", "TW"),
    party("trung uong dang", "TW"),
    party("trung uong", "TW"),
    party("tw", "TW"),
    party("ban to chuc trung uong", "BTCTW"),
    party("ban tuyen giao trung uong", "BTGTW"),
    party("ban dan van trung uong", "BDVTW"),
    party("ban tuyen giao va dan van trung uong", "BTGDVTW"),
    party("ban kinh te trung uong", "BKTTW"),
    party("ban noi chinh trung uong", "BNCTW"),
    party("uy ban kiem tra trung uong", "UBKTTW"),
    party("quan uy trung uong", "QUTW"),
    party("dang uy quan su trung uong", "ĐUQSTW"),
    party("dang uy cong an trung uong", "ĐUCA"),
    party("trung uong doan", "TWĐTN"),
    party("ban bi thu trung uong doan", "TWĐTN"),
    local("ban thuong vu tinh uy", "TU"),
    local("ban chap hanh dang bo tinh", "TU"),
    local("tinh uy", "TU"),
    local("ban thuong vu thanh uy", "TU"),
    local("thanh uy", "TU"),
    local("ban thuong vu thi uy", "TU"),
    local("thi uy", "TU"),
    local("ban thuong vu huyen uy", "HU"),
    local("huyen uy", "HU"),
    local("ban thuong vu quan uy", "QU"),
    local("quan uy", "QU"),
    local("ban thuong vu dang uy", "ĐU"),
    local("dang uy", "ĐU"),
    local("dang uy khoi", "ĐUK"),
    local("ban thuong vu dang uy khoi", "ĐUK"),
    local("ban to chuc tinh uy", "BTCTU"),
    local("ban to chuc thanh uy", "BTCTU"),
    local("ban tuyen giao tinh uy", "BTGTU"),
    local("ban dan van tinh uy", "BDVTU"),
    local("uy ban kiem tra tinh uy", "UBKTTU"),
    local("ban to chuc huyen uy", "BTCHU"),
    state("chinh phu", "CP", false),
    state("thu tuong chinh phu", "TTg", false),
    state("thu tuong", "TTg", false),
    state("quoc hoi", "QH", false),
    state("uy ban thuong vu quoc hoi", "UBTVQH", false),
    state("chu tich nuoc", "CTN", false),
    state("uy ban nhan dan", "UBND", true),
    state("ubnd", "UBND", true),
    state("hoi dong nhan dan", "HĐND", true),
    state("hdnd", "HĐND", true),
    state("bo noi vu", "BNV", false),
    state("bo tai chinh", "BTC", false),
    state("bo cong an", "BCA", false),
    state("bo quoc phong", "BQP", false),
    state("bo tu phap", "BTP", false),
    state("bo y te", "BYT", false),
    state("bo giao duc va dao tao", "BGDĐT", false),
];

/// The issuing body whose phrase is `folded` (words separated by single spaces).
pub fn issuer(folded: &str) -> Option<&'static Issuer> {
    ISSUERS.iter().find(|i| i.phrase == folded)
}

/// Whether an issuer code belongs to a Party body (unknown codes count as Party: symbols
/// of the form `21-NQ/XYZ` are Party symbols).
pub fn is_party_code(code: &str) -> bool {
    ISSUERS
        .iter()
        .find(|i| i.code == code)
        .is_none_or(|i| i.party)
}

/// State issuers by code, named as a label writes them ("CP" → "Chính phủ").
#[rustfmt::skip]
const STATE_NAMES: &[(&str, &str)] = &[
    ("CP", "Chính phủ"), ("TTg", "Thủ tướng Chính phủ"), ("QH", "Quốc hội"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội"), ("CTN", "Chủ tịch nước"), ("UBND", "UBND"),
    ("HĐND", "HĐND"), ("BNV", "Bộ Nội vụ"), ("BTC", "Bộ Tài chính"), ("BCA", "Bộ Công an"),
    ("BQP", "Bộ Quốc phòng"), ("BTP", "Bộ Tư pháp"), ("BYT", "Bộ Y tế"),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo"),
];

/// A State issuer's name from its code, for labels ("TTg" → "Thủ tướng Chính phủ").
pub fn state_issuer_name(code: &str) -> Option<&'static str> {
    STATE_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// Whether `code` is a local body's ("TU", "UBND"): every province has one, numbering its
/// documents on its own.
pub fn is_local_code(code: &str) -> bool {
    ISSUERS.iter().any(|i| i.code == code && i.local)
}

/// Whether `code` is the code of a Party body this table knows ("TW", "TU", "HU").
pub fn is_known_party_code(code: &str) -> bool {
    ISSUERS.iter().any(|i| i.code == code && i.party)
}

/// Regex alternation of every issuer phrase, longest first, words joined by `[\s\-–]+`.
pub fn issuer_alternation() -> String {
    let mut phrases: Vec<&str> = ISSUERS.iter().map(|i| i.phrase).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let parts: Vec<String> = phrases
        .iter()
        .map(|p| p.replace(' ', r"[\s\-–]+"))
        .collect();
    parts.join("|")
}

/// Level word after "Đảng bộ" in a local congress → issuer code of that body.
pub const LOCAL_LEVELS: &[(&str, &str)] = &[
    ("tinh", "TU"),
    ("thanh pho", "TU"),
    ("tp", "TU"),
    ("thi xa", "TU"),
    ("huyen", "HU"),
    ("quan", "QU"),
    ("khoi", "ĐUK"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(
            issuer("ban to chuc trung uong").map(|i| i.code),
            Some("BTCTW")
        );
        assert_eq!(issuer("thu tuong chinh phu").map(|i| i.code), Some("TTg"));
        assert!(is_party_code("BTCTU-BDVTU"));
        assert!(!is_party_code("CP"));
        assert!(ISSUERS
            .iter()
            .all(|i| i.phrase.split(' ').all(|w| !w.is_empty())));
        let alternation = issuer_alternation();
        assert!(alternation.contains(r"ban[\s\-–]+to[\s\-–]+chuc"));
    }
}
