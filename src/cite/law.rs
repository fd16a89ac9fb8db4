//! State documents named by title rather than type word + number: laws, codes and
//! ordinances with their National Assembly symbol ("Luật Doanh nghiệp số 59/2020/QH14"),
//! their year ("Luật Đất đai năm 2013", "Bộ luật Hình sự 2015") or neither when their name is
//! known ("theo Luật Đất đai", `law_names`), and constitutions with their year ("Hiến pháp
//! năm 2013").

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::clause::is_year;
use super::draft::Draft;
use super::folded::Folded;
use super::grammar::TYPE_WORDS;
use super::law_names::{CODES, LAWS, ORDINANCES};
use super::numbered::{complete, from_symbol, QUALIFIER_STOP};
use super::symbol::parse_symbol;
use crate::text::fold::fold;

/// The kinds named by a title: laws, codes and ordinances.
pub const LAW_KINDS: &[&str] = &["luat", "bo-luat", "phap-lenh"];

/// Words of a law's name between "Luật" and its symbol ("Luật Doanh nghiệp số …").
const MAX_NAME_WORDS: usize = 8;

/// Words that end a law's name before a year that is not its own ("Luật Y tế vào năm 2009",
/// "Luật Nhà ở ban hành năm 2014", "Bộ luật Hình sự sửa đổi năm 2009"). With their marks,
/// in lower case: folded, "từ" would also stop "Luật Đầu tư 2014".
#[rustfmt::skip]
const TITLE_END_WORDS: &[&str] = &[
    "từ", "vào", "đến", "đầu năm", "cuối năm", "giữa năm", "sau", "trước", "có", "mà", "mới",
    "ban hành", "thông qua", "hiệu lực", "sửa đổi", "bổ sung", "ra đời", "dự kiến",
    "tuy nhiên", "hiện hành",
];

/// Laws whose names the press abbreviates, as written after "Luật" → the name in full.
#[rustfmt::skip]
const ABBREVIATED_NAMES: &[(&str, &str)] = &[
    ("BHXH", "Bảo hiểm xã hội"), ("BHYT", "Bảo hiểm y tế"), ("HTX", "Hợp tác xã"),
    ("NSNN", "Ngân sách nhà nước"), ("DN", "Doanh nghiệp"), ("HHVN", "Hàng hải Việt Nam"),
    ("TTHS", "Tố tụng hình sự"), ("TTDS", "Tố tụng dân sự"), ("GTĐB", "Giao thông đường bộ"),
    ("XLVPHC", "Xử lý vi phạm hành chính"), ("KBCB", "Khám bệnh, chữa bệnh"),
    ("TCTD", "Các tổ chức tín dụng"), ("CBCC", "Cán bộ, công chức"), ("LS", "Luật sư"),
    ("NVQS", "Nghĩa vụ quân sự"), ("THADS", "Thi hành án dân sự"),
    ("THA dân sự", "Thi hành án dân sự"), ("PCTN", "Phòng, chống tham nhũng"),
    ("Hỗ trợ DNNVV", "Hỗ trợ doanh nghiệp nhỏ và vừa"), ("Giáo dục ĐH", "Giáo dục đại học"),
    ("Khám, chữa bệnh", "Khám bệnh, chữa bệnh"), ("Phí, lệ phí", "Phí và lệ phí"),
    ("Cảnh sát biển", "Cảnh sát biển Việt Nam"), ("Đấu giá", "Đấu giá tài sản"),
    ("Ngân sách", "Ngân sách nhà nước"), ("TDTT", "Thể dục, thể thao"),
    ("Thuế BVMT", "Thuế bảo vệ môi trường"), ("Thuế TNCN", "Thuế thu nhập cá nhân"),
    ("Thuế TNDN", "Thuế thu nhập doanh nghiệp"), ("Thuế GTGT", "Thuế giá trị gia tăng"),
    ("Thuế TTĐB", "Thuế tiêu thụ đặc biệt"), ("BVMT", "Bảo vệ môi trường"),
    ("ATTP", "An toàn thực phẩm"), ("SHTT", "Sở hữu trí tuệ"),
    ("PCCC", "Phòng cháy và chữa cháy"), ("PPP", "Đầu tư theo phương thức đối tác công tư"),
    ("ATGT", "Giao thông đường bộ"), ("KDBĐS", "Kinh doanh bất động sản"),
];

/// The years of Viet Nam's constitutions: "Hiến pháp năm 2014" is another country's.
const CONSTITUTION_YEARS: &[&str] = &["1946", "1959", "1980", "1992", "2013"];

/// Countries whose laws the press reports, as a law's name ends with them ("Luật Di trú và
/// quốc tịch Mỹ năm 1965"), capitalised: another country's law is no Vietnamese law's key.
#[rustfmt::skip]
const FOREIGN_COUNTRIES: &[&str] = &[
    "Mỹ", "Hoa Kỳ", "Anh", "Pháp", "Đức", "Nga", "Nhật", "Nhật Bản", "Trung Quốc", "Hàn Quốc",
    "Triều Tiên", "Thái Lan", "Úc", "Ấn Độ", "Campuchia", "Lào", "Singapore", "Malaysia",
    "Indonesia", "Philippines", "Myanmar", "Canada", "Israel", "Iran", "Ukraine", "Đài Loan",
];

/// The codes ("Bộ luật"), folded: written "Luật Dân sự", they are still the code.
const CODE_NAMES: &[&str] = &[
    "dan su",
    "hinh su",
    "lao dong",
    "to tung dan su",
    "to tung hinh su",
    "hang hai",
    "hang hai viet nam",
];

/// One word of a law's name, a comma allowed before it ("Luật Cán bộ, công chức").
static NAME_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,?\s+[a-z]+").unwrap());
static LAW_LEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+(?:so\s*[:.]?\s*)?").unwrap());
/// The year after a title, "năm" optional: "Hiến pháp năm 2013", "Luật Đất đai 2013".
static TITLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:(nam)\s+)?(\d{4})").unwrap());
/// What may not follow a title's year: a range ("2021-2025"), a symbol ("2013/QH13").
static AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s*[-–]\s*\d|/)").unwrap());

/// A convention or treaty whose subject is a body of law, just before "Luật": "Công ước
/// Liên hợp quốc về Luật Biển năm 1982" is UNCLOS, not a Vietnamese law of 1982.
static TREATY_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:cong uoc|hiep uoc|hiep dinh)(?:\s[^.;:!?()]{0,60}\sve)?\s+$").unwrap()
});

/// "Luật Doanh nghiệp số 59/2020/QH14", "Luật Đất đai năm 2013": a law needs a State
/// symbol or a year within a few name words, the name running from the type word to either,
/// or else a known name ("Luật Đất đai quy định").
pub fn law(f: &Folded, kind: &'static str, start: usize, pos: usize) -> Vec<Draft> {
    if TREATY_ON.is_match(f.behind(start, 96).1) {
        return Vec::new();
    }
    // `dated`: whether a year here would still be the law's own (no `TITLE_END_WORDS` yet).
    let (mut at, mut name_start, mut dated) = (pos, None, true);
    for _ in 0..=MAX_NAME_WORDS {
        let name = name_start.map(|name_start| f.orig_str(name_start, at));
        if let Some(drafts) = with_symbol(f, kind, start, at, name) {
            return drafts;
        }
        let year = title_year(f, at).filter(|_| dated);
        if let (Some(name), Some((end, year))) = (name, year) {
            // "Luật Đất đai năm 2013 số 45/2013/QH13": the symbol names it best.
            if let Some(drafts) = with_symbol(f, kind, start, end, Some(name)) {
                return drafts;
            }
            if is_foreign(name) {
                return Vec::new();
            }
            let (kind, name) = law_name(kind, name);
            let mut draft = Draft::new(kind, start, end);
            draft.number = Some(year.to_string());
            draft.name = Some(name);
            return vec![draft];
        }
        let Some(word) = NAME_WORD.find(f.ahead(at, 32)) else {
            break;
        };
        let name_word = word
            .as_str()
            .trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        let word_start = at + word.end() - name_word.len();
        // A law's name is capitalised ("Luật Doanh nghiệp"); "kỷ luật thực hiện theo" is not.
        if at == pos && !(f.upper_at(start) && f.upper_at(word_start)) {
            break;
        }
        if QUALIFIER_STOP.contains(&name_word) && !in_name(f, at == pos, word_start, name_word) {
            break;
        }
        // "Căn cứ Luật Thanh tra, Nghị định số 86/2011/NĐ-CP": after a comma a type word
        // starts the next document of a list, not a word of this law's name.
        if word.as_str().starts_with(',') && starts_type_word(f, word_start) {
            break;
        }
        dated = dated && !ends_title(f, word_start);
        name_start = name_start.or(Some(word_start));
        at += word.end();
    }
    undated(f, kind, start, pos).into_iter().collect()
}

/// The known titles of one kind of law as one pattern, and each title's official name.
struct KnownTitles {
    /// White space, then any title, then a word boundary, on folded text.
    pattern: Regex,
    /// A title's words, folded and joined by one space → its official name.
    names: HashMap<String, &'static str>,
}

impl KnownTitles {
    /// `names` and the abbreviations of `abbreviated` that stand for one of them.
    fn new(names: &[&'static str], abbreviated: &[(&'static str, &'static str)]) -> Self {
        let mut known: HashMap<String, &'static str> = names
            .iter()
            .map(|&name| (title_words(name), name))
            .collect();
        for &(short, full) in abbreviated {
            if names.contains(&full) {
                known.insert(title_words(short), full);
            }
        }
        // Longest first: the regex takes the first alternative that matches, and "dau tu
        // cong" must be tried before "dau tu".
        let mut words: Vec<&String> = known.keys().collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        // Between two words, white space or a comma, hyphen or slash ("Phòng, chống" and
        // "Phòng chống", "HIV/AIDS").
        let alternatives: Vec<String> = words
            .iter()
            .map(|w| {
                w.split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"[\s,\-–/]+")
            })
            .collect();
        let pattern = format!(r"^\s+(?:{})\b", alternatives.join("|"));
        KnownTitles {
            pattern: Regex::new(&pattern).expect("the law names make a valid pattern"),
            names: known,
        }
    }

    /// The official name of the title matched, as `pattern` found it.
    fn name(&self, matched: &str) -> Option<&'static str> {
        self.names.get(&title_words(matched)).copied()
    }
}

/// A title's words, folded, joined by one space: "Phòng, chống  tham nhũng" → "phong chong
/// tham nhung".
fn title_words(title: &str) -> String {
    fold(title)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

static LAW_TITLES: LazyLock<KnownTitles> = LazyLock::new(|| {
    let names: Vec<&'static str> = LAWS.iter().chain(CODES).copied().collect();
    KnownTitles::new(&names, ABBREVIATED_NAMES)
});
static CODE_TITLES: LazyLock<KnownTitles> = LazyLock::new(|| KnownTitles::new(CODES, &[]));
static ORDINANCE_TITLES: LazyLock<KnownTitles> =
    LazyLock::new(|| KnownTitles::new(ORDINANCES, &[]));

/// Words before "Luật" that make it a field of study, not a law: "Khoa Luật Dân sự",
/// "Thạc sĩ Luật Kinh tế", "Đại học Luật".
static STUDY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:khoa|bo mon|nganh|chuyen nganh|thac si|tien si|cu nhan|dai hoc|truong)\s+$")
        .unwrap()
});

/// "Luật Đất đai quy định", "Bộ luật Hình sự": a known title with neither year nor symbol,
/// capitalised as titles are, and not another country's ("Luật Thương mại Mỹ").
fn undated(f: &Folded, kind: &'static str, start: usize, pos: usize) -> Option<Draft> {
    let titles = match kind {
        "luat" => &*LAW_TITLES,
        "bo-luat" => &*CODE_TITLES,
        _ => &*ORDINANCE_TITLES,
    };
    let found = titles.pattern.find(f.ahead(pos, 256))?;
    let name_start = pos + found.as_str().len() - found.as_str().trim_start().len();
    let end = pos + found.end();
    if !(f.upper_at(start) && f.upper_at(name_start))
        || STUDY_BEFORE.is_match(f.behind(start, 32).1)
    {
        return None;
    }
    let after = f.orig_str(end, f.floor(end + 32));
    let foreign = FOREIGN_COUNTRIES.iter().any(|country| {
        after
            .trim_start()
            .strip_prefix(country)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    });
    if foreign {
        return None;
    }
    let (kind, name) = law_name(kind, titles.name(found.as_str())?);
    let mut draft = Draft::new(kind, start, end);
    draft.name = Some(name);
    Some(draft)
}

/// Whether a word that ends a qualifier (folded `name_word` at `pos`) is a word of the law's
/// name: "Các" opening it ("Luật Các tổ chức tín dụng"), "đa" (not "đã": "Luật Đa dạng sinh
/// học"), "và" before a word in lower case that starts no document ("Luật Hôn nhân và gia
/// đình", not "Luật Đất đai và Luật Nhà ở" nor "Luật Virginia và năm 1989").
fn in_name(f: &Folded, first: bool, pos: usize, name_word: &str) -> bool {
    let end = pos + name_word.len();
    match name_word {
        "cac" => first && f.upper_at(pos),
        "da" => f.orig_str(pos, end).to_lowercase() == "đa",
        "va" => NAME_WORD.find(f.ahead(end, 32)).is_some_and(|next| {
            let word = next.as_str().trim_start();
            let next_start = end + next.end() - word.len();
            !next.as_str().starts_with(',')
                && word != "nam"
                && word.starts_with(|c: char| c.is_alphabetic())
                && !f.upper_at(next_start)
                && !starts_type_word(f, next_start)
        }),
        _ => false,
    }
}

/// Whether a law's name ends with another country's ("Di trú và quốc tịch Mỹ").
fn is_foreign(name: &str) -> bool {
    FOREIGN_COUNTRIES.iter().any(|country| {
        name.strip_suffix(country)
            .is_some_and(|before| before.ends_with(' '))
    })
}

/// Whether one of `TITLE_END_WORDS` starts at folded `pos`, as whole words.
fn ends_title(f: &Folded, pos: usize) -> bool {
    let ahead = f.orig_str(pos, f.floor(pos + 24)).to_lowercase();
    TITLE_END_WORDS.iter().any(|w| {
        ahead
            .strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

/// The law at a State symbol after `at` ("số 59/2020/QH14"), its span from `start`, with the
/// `name` written before the symbol, if any ("Doanh nghiệp").
fn with_symbol(
    f: &Folded,
    kind: &'static str,
    start: usize,
    at: usize,
    name: Option<&str>,
) -> Option<Vec<Draft>> {
    let lead = LAW_LEAD.find(f.ahead(at, 16)).map_or(0, |m| m.end());
    let symbol = parse_symbol(f, at + lead).filter(|s| !s.party)?;
    let (kind, name) = match name {
        Some(name) => {
            let (kind, name) = law_name(kind, name);
            (kind, Some(name))
        }
        None => (kind, None),
    };
    let mut draft = from_symbol(kind, start, symbol);
    draft.name = name;
    let mut drafts = vec![draft];
    complete(f, &mut drafts);
    Some(drafts)
}

/// A law's type and name as the corpus should know them, from its type word and its name as
/// written: an abbreviation spelled out ("Luật BHXH" is "Luật Bảo hiểm xã hội"), and a code
/// written "Luật" ("Luật Dân sự 2015") a "Bộ luật", as its only law of that name is.
fn law_name(kind: &'static str, written: &str) -> (&'static str, String) {
    let name = ABBREVIATED_NAMES
        .iter()
        .find(|(short, _)| *short == written)
        .map_or(written, |(_, full)| full);
    let code = fold(name);
    let kind = if kind == "luat" && CODE_NAMES.contains(&code.as_str()) {
        "bo-luat"
    } else {
        kind
    };
    (kind, name.to_string())
}

/// A year ending a title at `at` (" 2013", " năm 2013"), not a range nor a symbol → (end,
/// year).
fn title_year<'a>(f: &'a Folded, at: usize) -> Option<(usize, &'a str)> {
    let c = TITLE_YEAR.captures(f.ahead(at, 16))?;
    let end = at + c.get(0)?.end();
    let year = c.get(2)?.as_str();
    // Folded, "Nam" is "năm": "Bộ luật Hàng hải Việt Nam 2015" has no "năm".
    let nam = c.get(1).map(|m| f.orig_str(at + m.start(), at + m.end()));
    let ok = is_year(year)
        && nam.is_none_or(|w| w.contains(['ă', 'Ă']))
        && !f.word_at(end)
        && !AFTER_YEAR.is_match(f.ahead(end, 8));
    ok.then_some((end, year))
}

/// Whether a type phrase ("nghi dinh", "thong tu") starts at folded `pos` as whole words.
fn starts_type_word(f: &Folded, pos: usize) -> bool {
    let ahead = f.ahead(pos, 32);
    TYPE_WORDS
        .iter()
        .any(|(phrase, _)| ahead.starts_with(phrase.as_str()) && !f.letter_at(pos + phrase.len()))
}

/// "Hiến pháp năm 2013", "Hiến pháp 1992": the year is its number.
pub fn constitution(f: &Folded, start: usize, pos: usize) -> Option<Draft> {
    let c = TITLE_YEAR.captures(f.ahead(pos, 16))?;
    let end = pos + c.get(0)?.end();
    let year = c.get(2)?.as_str();
    if f.word_at(end) || !CONSTITUTION_YEARS.contains(&year) {
        return None;
    }
    let mut draft = Draft::new("hien-phap", start, end);
    draft.number = Some(c.get(2)?.as_str().to_string());
    Some(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laws_and_constitution() {
        let f = Folded::new("theo Luật Doanh nghiệp số 59/2020/QH14 ngày 17/6/2020");
        let start = f.text.find("luat").unwrap();
        let d = law(&f, "luat", start, start + 4);
        assert_eq!(d.len(), 1);
        assert_eq!(
            f.orig_str(d[0].start, d[0].end),
            "Luật Doanh nghiệp số 59/2020/QH14 ngày 17/6/2020"
        );
        assert_eq!(d[0].term.as_deref(), Some("XIV"));
        assert_eq!(d[0].name.as_deref(), Some("Doanh nghiệp"));
        let f = Folded::new("Căn cứ Luật Cán bộ, công chức số 22/2008/QH12;");
        let start = f.text.find("luat").unwrap();
        assert_eq!(law(&f, "luat", start, start + 4).len(), 1);
        // A type word after a comma is the list's next document, not part of the name.
        let f = Folded::new("Căn cứ Luật Thanh tra, Nghị định số 86/2011/NĐ-CP ngày 22-9-2011");
        let start = f.text.find("luat").unwrap();
        let d = law(&f, "luat", start, start + 4);
        assert_eq!(d.len(), 1);
        assert_eq!(f.orig_str(d[0].start, d[0].end), "Luật Thanh tra");
        assert_eq!(d[0].symbol, None);
        let f = Folded::new("kỷ luật thực hiện theo Nghị định 112/2020/NĐ-CP");
        assert!(law(&f, "luat", 4, 9).is_empty());
        let f = Folded::new("kỷ luật Đảng");
        assert!(law(&f, "luat", 4, 9).is_empty());
        let f = Folded::new("Luật Đất đai năm 2013 số 45/2013/QH13 quy định");
        let d = law(&f, "luat", 0, 4);
        assert_eq!(d[0].symbol.as_deref(), Some("45/2013/QH13"), "{d:?}");
        assert_eq!(d[0].name.as_deref(), Some("Đất đai"));
        let f = Folded::new("Hiến pháp năm 2013 quy định");
        assert_eq!(
            constitution(&f, 0, 9).and_then(|d| d.number),
            Some("2013".into())
        );
        // Viet Nam had no constitution of 2014: that one is Thailand's.
        let f = Folded::new("Hiến pháp năm 2014 của Thái Lan");
        assert!(constitution(&f, 0, 9).is_none());
    }

    #[test]
    fn abbreviated_and_foreign_laws() {
        let rows: &[(&str, Option<(&str, &str)>)] = &[
            ("Luật Đất đai năm 2013", Some(("luat", "Đất đai"))),
            ("Luật LS 2006", Some(("luat", "Luật sư"))),
            ("Luật NVQS 2015", Some(("luat", "Nghĩa vụ quân sự"))),
            ("Luật THA dân sự 2008", Some(("luat", "Thi hành án dân sự"))),
            ("Luật Dân sự 2015", Some(("bo-luat", "Dân sự"))),
            (
                "Bộ luật Hàng hải Việt Nam 2015",
                Some(("bo-luat", "Hàng hải Việt Nam")),
            ),
            // Another country's law.
            ("Luật Di trú và quốc tịch Mỹ năm 1965", None),
            ("Luật Phòng vệ Nhật Bản năm 2015", None),
        ];
        for (text, want) in rows {
            let f = Folded::new(text);
            let kind = if text.starts_with("Bộ") {
                "bo-luat"
            } else {
                "luat"
            };
            let pos = f.text.find("luat").unwrap() + 4;
            let got = law(&f, kind, 0, pos);
            let got = got
                .first()
                .map(|d| (d.kind, d.name.as_deref().unwrap_or("")));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn laws_by_title_and_year() {
        // (text, type word, span, name, year)
        let rows = [
            (
                "theo Bộ luật Hình sự 2015 thì",
                "bo luat",
                "bo-luat",
                "Bộ luật Hình sự 2015",
                "Hình sự",
                "2015",
            ),
            (
                "Luật Đất đai 2013 quy định",
                "luat",
                "luat",
                "Luật Đất đai 2013",
                "Đất đai",
                "2013",
            ),
            (
                "Luật Đất đai năm 2013 quy định",
                "luat",
                "luat",
                "Luật Đất đai năm 2013",
                "Đất đai",
                "2013",
            ),
            (
                "Bộ luật Lao động năm 2019.",
                "bo luat",
                "bo-luat",
                "Bộ luật Lao động năm 2019",
                "Lao động",
                "2019",
            ),
            (
                "Luật Cán bộ, công chức năm 2008;",
                "luat",
                "luat",
                "Luật Cán bộ, công chức năm 2008",
                "Cán bộ, công chức",
                "2008",
            ),
            (
                "Luật Đầu tư 2014 và",
                "luat",
                "luat",
                "Luật Đầu tư 2014",
                "Đầu tư",
                "2014",
            ),
            (
                "theo Luật Hôn nhân và gia đình năm 2014,",
                "luat",
                "luat",
                "Luật Hôn nhân và gia đình năm 2014",
                "Hôn nhân và gia đình",
                "2014",
            ),
            (
                "Luật Các tổ chức tín dụng năm 2010",
                "luat",
                "luat",
                "Luật Các tổ chức tín dụng năm 2010",
                "Các tổ chức tín dụng",
                "2010",
            ),
            (
                "tuân thủ Công ước; Luật Biển Việt Nam năm 2012 quy định",
                "luat",
                "luat",
                "Luật Biển Việt Nam năm 2012",
                "Biển Việt Nam",
                "2012",
            ),
            (
                "Luật Đa dạng sinh học 2008",
                "luat",
                "luat",
                "Luật Đa dạng sinh học 2008",
                "Đa dạng sinh học",
                "2008",
            ),
        ];
        for (text, word, kind, span, name, year) in rows {
            let f = Folded::new(text);
            let start = f.text.find(word).unwrap();
            let d = law(&f, kind, start, start + word.len());
            assert_eq!(d.len(), 1, "{text}");
            assert_eq!(f.orig_str(d[0].start, d[0].end), span, "{text}");
            assert_eq!(d[0].name.as_deref(), Some(name), "{text}");
            assert_eq!(d[0].number.as_deref(), Some(year), "{text}");
        }
        // Names as the corpus should know them: spelt out, and codes as codes.
        // (text, type word, its kind, the law's kind, name)
        let rows = [
            (
                "Bộ luật Hàng hải Việt Nam 2015",
                "bo luat",
                "bo-luat",
                "bo-luat",
                "Hàng hải Việt Nam",
            ),
            ("Luật BHXH 2014", "luat", "luat", "luat", "Bảo hiểm xã hội"),
            ("Luật Dân sự 2015", "luat", "luat", "bo-luat", "Dân sự"),
            (
                "Luật Tố tụng hình sự năm 2003",
                "luat",
                "luat",
                "bo-luat",
                "Tố tụng hình sự",
            ),
            (
                "Luật Biển Việt Nam năm 2012",
                "luat",
                "luat",
                "luat",
                "Biển Việt Nam",
            ),
        ];
        for (text, word, kind, law_kind, name) in rows {
            let f = Folded::new(text);
            let d = law(&f, kind, 0, word.len());
            assert_eq!(d.len(), 1, "{text}");
            assert_eq!(
                (d[0].kind, d[0].name.as_deref()),
                (law_kind, Some(name)),
                "{text}"
            );
        }
        // No year of the law's: at most its known title alone (`undated`).
        for text in [
            "Luật Đất đai quy định",
            "Luật Đất đai năm nay",
            "Luật 2013",
            "Luật, năm 2013",
            "kỷ luật năm 2013",
            "Luật Đất đai 2013-2024",
            "Luật Đất đai 2013/QH13",
            "Luật Đất đai và từ năm 2013",
            "Luật Đất đai 20131",
            "Luật Đất đai 1890",
            "Luật Y tế vào năm 2009",
            "Luật Cán bộ công chức từ năm 2008",
            "Luật Nhà ở ban hành năm 2014",
            "Bộ luật Hình sự sửa đổi, bổ sung năm 2009",
            "Luật Đầu tư công có hiệu lực từ năm 2015",
            "Luật Thương Mại Mỹ ra đời năm 1974",
            "Luật Viễn Thông, tuy nhiên tính đến đầu năm 2016",
            "Luật Đất đai đã sửa năm 2013",
            "Luật Đất đai và các văn bản năm 2014",
            "Luật Virginia và năm 1989",
            "Luật Đất đai và 2013",
            "Công ước Liên hợp quốc về Luật Biển năm 1982",
            "Công ước của Liên Hiệp Quốc về Luật biển 1982 (UNCLOS)",
            "thành viên Công ước Luật Biển 1982",
        ] {
            let f = Folded::new(text);
            let start = f.text.find("luat").unwrap();
            let found = law(&f, "luat", start, start + 4);
            assert!(
                found.iter().all(|d| d.number.is_none()),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn laws_by_known_title_alone() {
        // (text, type word, span, the law's kind, name); `None`: no law.
        /// The span found, the law's kind and its name.
        type Found<'a> = Option<(&'a str, &'a str, &'a str)>;
        let rows: &[(&str, &str, Found)] = &[
            (
                "Luật Đất đai quy định",
                "luat",
                Some(("Luật Đất đai", "luat", "Đất đai")),
            ),
            (
                "theo Luật Đầu tư công, các dự án",
                "luat",
                Some(("Luật Đầu tư công", "luat", "Đầu tư công")),
            ),
            (
                "Luật Đầu tư và Luật Doanh nghiệp",
                "luat",
                Some(("Luật Đầu tư", "luat", "Đầu tư")),
            ),
            // The comma may be left out; the name is the official one.
            (
                "sửa Luật Phòng chống tham nhũng",
                "luat",
                Some((
                    "Luật Phòng chống tham nhũng",
                    "luat",
                    "Phòng, chống tham nhũng",
                )),
            ),
            (
                "Luật Quản lý, sử dụng tài sản công có hiệu lực",
                "luat",
                Some((
                    "Luật Quản lý, sử dụng tài sản công",
                    "luat",
                    "Quản lý, sử dụng tài sản công",
                )),
            ),
            (
                "Luật Hỗ trợ DNNVV",
                "luat",
                Some((
                    "Luật Hỗ trợ DNNVV",
                    "luat",
                    "Hỗ trợ doanh nghiệp nhỏ và vừa",
                )),
            ),
            (
                "Luật BHXH hiện hành",
                "luat",
                Some(("Luật BHXH", "luat", "Bảo hiểm xã hội")),
            ),
            (
                "vi phạm Bộ luật Hình sự.",
                "bo luat",
                Some(("Bộ luật Hình sự", "bo-luat", "Hình sự")),
            ),
            // A code cited as a law is the code.
            (
                "Luật Lao động quy định",
                "luat",
                Some(("Luật Lao động", "bo-luat", "Lao động")),
            ),
            (
                "Pháp lệnh Ưu đãi người có công với cách mạng",
                "phap lenh",
                Some((
                    "Pháp lệnh Ưu đãi người có công với cách mạng",
                    "phap-lenh",
                    "Ưu đãi người có công với cách mạng",
                )),
            ),
            // Not a known title, or not one at all.
            ("Luật Biển quốc tế", "luat", None),
            ("Luật Y tế quy định", "luat", None),
            ("kỷ luật Đảng", "luat", None),
            ("Luật đất đai quy định", "luat", None),
            ("Luật Thương mại Mỹ", "luat", None),
            ("Khoa Luật Dân sự, Trường Đại học Luật TP.HCM", "luat", None),
            ("Đoàn Luật sư TP.HCM", "luat", None),
            ("Luật Đất đaivà", "luat", None),
        ];
        for &(text, word, want) in rows {
            let f = Folded::new(text);
            let start = f.text.find(word).unwrap();
            let kind = match word {
                "bo luat" => "bo-luat",
                "phap lenh" => "phap-lenh",
                _ => "luat",
            };
            let got = law(&f, kind, start, start + word.len());
            let got = got.first().map(|d| {
                (
                    f.orig_str(d.start, d.end),
                    d.kind,
                    d.name.as_deref().unwrap_or(""),
                )
            });
            assert_eq!(got, want, "{text}");
        }
    }
}
