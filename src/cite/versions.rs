//! Documents that share a Party symbol, told apart by their year. Party bodies number their
//! documents again each term: "Nghị quyết 21-NQ/TW" is the resolution on social insurance of
//! 22/11/2012 and the one on grassroots Party organisations of 16/6/2022. When the corpus
//! dates mentions of one symbol years apart, each such document gets its year in its key
//! (`nghi-quyet/21-NQ/TW/2012`, `…/2022`); a symbol seen in one period only keeps its key.
//! Pure: takes the citations of every document, returns the years of each shared symbol.

use std::collections::{BTreeMap, HashMap};

use super::model::Citation;
use super::symbol::is_party_form;

/// Years closer than this are one document, dated differently (a slip, a late signing);
/// a Party body's numbers start again each five-year term.
const SAME_DOCUMENT_YEARS: i32 = 3;

/// Symbol key → the years of the documents sharing it, oldest first; only keys of two or
/// more documents.
pub type Versions = HashMap<String, Vec<i32>>;

/// The years of the documents behind each Party symbol the citations date in more than one
/// period: each period's commonest year (the later on a tie).
pub fn versions<'a>(docs: impl IntoIterator<Item = &'a [Citation]>) -> Versions {
    let mut years: HashMap<&str, BTreeMap<i32, usize>> = HashMap::new();
    for c in docs.into_iter().flatten() {
        let party = c.symbol.as_deref().is_some_and(is_party_form);
        if let (true, Some(year)) = (party, c.date.as_deref().and_then(year_of)) {
            *years.entry(&c.key).or_default().entry(year).or_default() += 1;
        }
    }
    years
        .into_iter()
        .filter_map(|(key, counts)| {
            let found = periods(&counts);
            (found.len() > 1).then(|| (key.to_string(), found))
        })
        .collect()
}

/// The commonest year of each run of years less than [`SAME_DOCUMENT_YEARS`] after the run's
/// first, in order.
fn periods(counts: &BTreeMap<i32, usize>) -> Vec<i32> {
    let mut out = Vec::new();
    let mut run: Option<(i32, i32, usize)> = None; // (first year, best year, its count)
    for (&year, &count) in counts {
        match &mut run {
            Some((first, best, most)) if year - *first < SAME_DOCUMENT_YEARS => {
                if count >= *most {
                    (*best, *most) = (year, count);
                }
            }
            _ => {
                if let Some((_, best, _)) = run {
                    out.push(best);
                }
                run = Some((year, year, count));
            }
        }
    }
    out.extend(run.map(|(_, best, _)| best));
    out
}

/// The year of the document a mention of a shared symbol names, among `years`: the nearest
/// to its own date; undated, the latest not after `written` (the year of the citing
/// document: it cannot cite what came later); otherwise none.
pub fn year_meant(years: &[i32], dated: Option<i32>, written: Option<i32>) -> Option<i32> {
    match (dated, written) {
        (Some(dated), _) => years
            .iter()
            .copied()
            .min_by_key(|y| ((y - dated).abs(), -y)),
        (None, Some(written)) => years.iter().copied().filter(|&y| y <= written).max(),
        (None, None) => None,
    }
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
    is_party_form(symbol).then_some((base, year))
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
    fn a_symbol_dated_in_two_terms_is_two_documents() {
        let docs = [
            extract("Nghị quyết số 21-NQ/TW ngày 22/11/2012 của Bộ Chính trị về bảo hiểm xã hội"),
            extract("Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5"),
            extract("theo Nghị quyết số 21-NQ/TW ngày 16/6/2021"), // a slip for 2022
            extract("Nghị quyết số 21-NQ/TW ngày 16/6/2022"),
            extract("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"),
            extract(
                "Nghị định số 30/2020/NĐ-CP ngày 5/3/2020; Nghị định 30/2020/NĐ-CP ngày 5/3/2021",
            ),
        ];
        let found = versions(docs.iter().map(Vec::as_slice));
        assert_eq!(
            found.get("nghi-quyet/21-NQ/TW"),
            Some(&vec![2012, 2022]),
            "{found:?}"
        );
        // One period, or a State symbol (its year is in it): one document.
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_mention_means_the_nearest_year_or_the_latest_before_it_was_written() {
        let years = [2012, 2017, 2022];
        let table = [
            ((Some(2021), None), Some(2022)),
            ((Some(2013), Some(2023)), Some(2012)),
            ((None, Some(2020)), Some(2017)),
            ((None, Some(2022)), Some(2022)),
            ((None, Some(2010)), None),
            ((None, None), None),
        ];
        for ((dated, written), want) in table {
            assert_eq!(
                year_meant(&years, dated, written),
                want,
                "{dated:?} {written:?}"
            );
        }
    }

    #[test]
    fn versioned_keys_split_back() {
        let key = versioned_key("nghi-quyet/21-NQ/TW", 2022);
        assert_eq!(key, "nghi-quyet/21-NQ/TW/2022");
        assert_eq!(split_version(&key), Some(("nghi-quyet/21-NQ/TW", 2022)));
        for other in [
            "nghi-quyet/21-NQ/TW",
            "nghi-dinh/30/2020/NĐ-CP",
            "luat/đất-đai-2013",
            "hien-phap/2013",
        ] {
            assert_eq!(split_version(other), None, "{other}");
        }
    }
}
