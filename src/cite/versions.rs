//! Documents that share a symbol, told apart by their year. Party bodies number their
//! documents again each term, the Government and the Prime Minister theirs each year, and
//! their symbols leave the year out: "Nghị quyết 21-NQ/TW" is the resolution on social
//! insurance of 22/11/2012 and the one on grassroots Party organisations of 16/6/2022. When
//! the corpus dates mentions of one such symbol years apart, each such document gets its year
//! in its key (`nghi-quyet/21-NQ/TW/2012`, `…/2022`); a symbol seen in one period only keeps
//! its key, and one that carries its year (`30/2020/NĐ-CP`) is never shared.
//! Pure: takes the citations of every document, returns the years of each shared symbol.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::model::Citation;
use super::symbol::is_yearless;
use crate::text::fold::fold;

/// Years closer than this are one document, dated differently (a slip, a late signing);
/// a Party body's numbers start again each five-year term.
const SAME_DOCUMENT_YEARS: i32 = 3;

/// Symbol key → the documents sharing it, oldest first; only keys of two or more documents.
pub type Versions = HashMap<String, Vec<Version>>;

/// One of the documents sharing a symbol, as its dated mentions describe it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// Its year: the commonest of its mentions' (the later on a tie).
    pub year: i32,
    /// Terms its mentions give ("XIII").
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub terms: BTreeSet<String>,
    /// Plenums its mentions give.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub plenums: BTreeSet<u32>,
    /// Issuing bodies its mentions give, folded ("bo chinh tri").
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub bodies: BTreeSet<String>,
}

impl Version {
    /// Whether `c` says something of its document and nothing this one contradicts.
    fn describes(&self, c: &Citation) -> bool {
        let term = c.term.as_ref().map(|t| self.terms.contains(t));
        let plenum = c.plenum.map(|p| self.plenums.contains(&p));
        let body = c
            .issuing_body
            .as_ref()
            .map(|b| self.bodies.contains(&fold(b)));
        let said = [term, plenum, body];
        said.iter().any(Option::is_some) && said.iter().all(|s| s.unwrap_or(true))
    }
}

/// The documents behind each yearless symbol the citations date in more than one period, from
/// the mentions that date them.
pub fn versions<'a>(docs: impl IntoIterator<Item = &'a [Citation]>) -> Versions {
    let mut dated: HashMap<&str, BTreeMap<i32, Vec<&Citation>>> = HashMap::new();
    for c in docs.into_iter().flatten() {
        let yearless = c.symbol.as_deref().is_some_and(is_yearless);
        if let (true, Some(year)) = (yearless, c.date.as_deref().and_then(year_of)) {
            dated
                .entry(&c.key)
                .or_default()
                .entry(year)
                .or_default()
                .push(c);
        }
    }
    dated
        .into_iter()
        .filter_map(|(key, by_year)| {
            let found = periods(&by_year);
            (found.len() > 1).then(|| (key.to_string(), found))
        })
        .collect()
}

/// One version for each run of years less than [`SAME_DOCUMENT_YEARS`] after the run's
/// first, in order.
fn periods(by_year: &BTreeMap<i32, Vec<&Citation>>) -> Vec<Version> {
    let mut out: Vec<Version> = Vec::new();
    let mut first = None;
    let mut most = 0;
    for (&year, mentions) in by_year {
        let same = first.is_some_and(|first| year - first < SAME_DOCUMENT_YEARS);
        if !same {
            out.push(Version::default());
            (first, most) = (Some(year), 0);
        }
        let Some(version) = out.last_mut() else {
            continue;
        };
        if mentions.len() >= most {
            (version.year, most) = (year, mentions.len());
        }
        for c in mentions {
            version.terms.extend(c.term.clone());
            version.plenums.extend(c.plenum);
            version.bodies.extend(c.issuing_body.as_deref().map(fold));
        }
    }
    out
}

/// The year of the document a mention `c` of a shared symbol names, among `versions`: the
/// nearest to its own date; undated, the one alone its term, plenum or issuing body
/// describes; otherwise the latest not after `written` (the year of the citing document:
/// it cannot cite what came later); otherwise none.
pub fn year_meant(versions: &[Version], c: &Citation, written: Option<i32>) -> Option<i32> {
    let years = versions.iter().map(|v| v.year);
    if let Some(dated) = c.date.as_deref().and_then(year_of) {
        return years.min_by_key(|y| ((y - dated).abs(), -y));
    }
    let described: Vec<i32> = versions
        .iter()
        .filter(|v| v.describes(c))
        .map(|v| v.year)
        .collect();
    if let [year] = described.as_slice() {
        return Some(*year);
    }
    let written = written?;
    years.filter(|&y| y <= written).max()
}

/// The key of the document of `year` behind the shared `key`.
pub fn versioned_key(key: &str, year: i32) -> String {
    format!("{key}/{year}")
}

/// `(key, year)` of a versioned key ("nghi-quyet/21-NQ/TW/2022"); `None` for any other.
pub fn split_version(key: &str) -> Option<(&str, i32)> {
    let (base, year) = key.rsplit_once('/')?;
    let symbol = base.split_once('/')?.1;
    let year = (year.len() == 4).then(|| year.parse().ok()).flatten()?;
    // A symbol has its issuer's letters; "nghi-quyet/21" is a bare number's key.
    let lettered = symbol.contains(char::is_alphabetic);
    (lettered && is_yearless(symbol)).then_some((base, year))
}

/// The years the Party's national congresses opened its terms, the first to the
/// fourteenth (1935 … 2026): a Party document of term XI was signed from 2011 to 2015.
const TERM_STARTS: [i32; 14] = [
    1935, 1951, 1960, 1976, 1982, 1986, 1991, 1996, 2001, 2006, 2011, 2016, 2021, 2026,
];

/// National Party congresses held so far (the fourteenth in January 2026).
pub const NATIONAL_CONGRESSES: u32 = TERM_STARTS.len() as u32;

/// The years of a Party term, `first..end` ("XI" → 2011..2016); `None` for an unknown one.
pub fn party_term_years(term: &str) -> Option<std::ops::Range<i32>> {
    let n = usize::try_from(super::grammar::parse_roman(term)?).ok()?;
    let first = *TERM_STARTS.get(n.checked_sub(1)?)?;
    let end = TERM_STARTS.get(n).copied().unwrap_or(first + 5);
    Some(first..end)
}

/// The year of an ISO date ("2022-06-16").
pub fn year_of(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::extract;

    #[test]
    fn party_terms_span_their_years() {
        assert_eq!(party_term_years("XI"), Some(2011..2016));
        assert_eq!(party_term_years("I"), Some(1935..1951));
        assert_eq!(party_term_years("XIV"), Some(2026..2031));
        assert_eq!(party_term_years("XV"), None);
        assert_eq!(party_term_years("abc"), None);
    }

    #[test]
    fn a_symbol_dated_in_two_terms_is_two_documents() {
        let docs = [
            extract("Nghị quyết số 21-NQ/TW ngày 22/11/2012 của Bộ Chính trị về bảo hiểm xã hội"),
            extract("Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 (khóa XIII)"),
            extract("theo Nghị quyết số 21-NQ/TW ngày 16/6/2021"), // a slip for 2022
            extract("Nghị quyết số 21-NQ/TW ngày 16/6/2022"),
            extract("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"),
            extract(
                "Nghị định số 30/2020/NĐ-CP ngày 5/3/2020; Nghị định 30/2020/NĐ-CP ngày 5/3/2021",
            ),
        ];
        let found = versions(docs.iter().map(Vec::as_slice));
        let shared = &found["nghi-quyet/21-NQ/TW"];
        let years: Vec<i32> = shared.iter().map(|v| v.year).collect();
        assert_eq!(years, [2012, 2022]);
        assert!(shared[0].bodies.contains("bo chinh tri"), "{shared:?}");
        assert!(shared[1].plenums.contains(&5) && shared[1].terms.contains("XIII"));
        // One period, or a symbol with its year in it: one document.
        assert_eq!(found.len(), 1, "{found:?}");
        // The Government numbers its resolutions again each year.
        let docs = [
            extract("Nghị quyết số 35/NQ-CP ngày 16/5/2016 của Chính phủ về hỗ trợ doanh nghiệp"),
            extract("Nghị quyết 35/NQ-CP ngày 4/6/2021 của Chính phủ"),
        ];
        let found = versions(docs.iter().map(Vec::as_slice));
        let years: Vec<i32> = found["nghi-quyet/35/NQ-CP"]
            .iter()
            .map(|v| v.year)
            .collect();
        assert_eq!(years, [2016, 2021]);
    }

    #[test]
    fn a_mention_means_the_nearest_year_what_it_says_or_the_latest_before_it_was_written() {
        let docs = [
            extract("Nghị quyết số 21-NQ/TW ngày 22/11/2012 của Bộ Chính trị"),
            extract("Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII"),
            extract("Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 (khóa XIII)"),
        ];
        let found = versions(docs.iter().map(Vec::as_slice));
        let shared = &found["nghi-quyet/21-NQ/TW"];
        let mention = |text: &str| extract(text).remove(0);
        let table = [
            ("Nghị quyết số 21-NQ/TW ngày 1/1/2021", None, Some(2022)),
            (
                "Nghị quyết số 21-NQ/TW ngày 1/1/2013",
                Some(2023),
                Some(2012),
            ),
            (
                "Nghị quyết 21-NQ/TW của Bộ Chính trị",
                Some(2023),
                Some(2012),
            ),
            ("Nghị quyết 21-NQ/TW (khóa XII)", None, Some(2017)),
            ("Nghị quyết 21-NQ/TW", Some(2020), Some(2017)),
            ("Nghị quyết 21-NQ/TW", Some(2022), Some(2022)),
            ("Nghị quyết 21-NQ/TW", Some(2010), None),
            ("Nghị quyết 21-NQ/TW", None, None),
        ];
        for (text, written, want) in table {
            assert_eq!(
                year_meant(shared, &mention(text), written),
                want,
                "{text} {written:?}"
            );
        }
    }

    #[test]
    fn versioned_keys_split_back() {
        let key = versioned_key("nghi-quyet/21-NQ/TW", 2022);
        assert_eq!(key, "nghi-quyet/21-NQ/TW/2022");
        assert_eq!(split_version(&key), Some(("nghi-quyet/21-NQ/TW", 2022)));
        assert_eq!(
            split_version("nghi-quyet/35/NQ-CP/2016"),
            Some(("nghi-quyet/35/NQ-CP", 2016))
        );
        for other in [
            "nghi-quyet/21-NQ/TW",
            "nghi-quyet/21/2012",
            "nghi-dinh/30/2020/NĐ-CP/2021",
            "nghi-dinh/30/2020/NĐ-CP",
            "luat/đất-đai-2013",
            "hien-phap/2013",
        ] {
            assert_eq!(split_version(other), None, "{other}");
        }
    }
}
