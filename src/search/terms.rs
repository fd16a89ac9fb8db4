//! A field's terms by prefix, over every segment: the words the last word typed in a search
//! box may become, the citation keys a bare number or a shared symbol may stand for.

use std::collections::BTreeMap;

use tantivy::schema::Field;
use tantivy::Searcher;

use crate::cite::key::{is_title_year_of, is_undated_title};
use crate::cite::place::split_place;
use crate::cite::versions::split_version;

/// Every term of `field` starting with `prefix`, with the documents holding it.
pub fn starting_with(
    searcher: &Searcher,
    field: Field,
    prefix: &str,
) -> tantivy::Result<BTreeMap<String, u64>> {
    let mut terms: BTreeMap<String, u64> = BTreeMap::new();
    let mut end = prefix.as_bytes().to_vec();
    end.push(0xff);
    for segment in searcher.segment_readers() {
        let index = segment.inverted_index(field)?;
        let mut stream = index.terms().range().ge(prefix).lt(&end).into_stream()?;
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                *terms.entry(term.to_string()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(terms)
}

/// The keys, in `field`, of the documents sharing the symbol of `key`, one a year
/// ("nghi-quyet/21-NQ/TW/2012", "…/2022", see `cite::versions`); empty for any other key.
pub fn versions_of(searcher: &Searcher, field: Field, key: &str) -> Vec<String> {
    if split_version(key).is_some() {
        return Vec::new();
    }
    let found = starting_with(searcher, field, &format!("{key}/")).unwrap_or_default();
    found
        .into_keys()
        .filter(|k| split_version(k).is_some_and(|(base, _)| base == key))
        .collect()
}

/// The keys, in `field`, of every document a symbol's `key` may stand for: the years it
/// was shared in ([`versions_of`]) and the places of the local bodies each numbering their
/// own ("nghi-quyet/5-NQ/TU/bắc-ninh", "…/hà-giang", see `cite::place`), with their years.
/// A law's title without a year ("luat/đất-đai") stands for the title of each year
/// ("luat/đất-đai-2013"). Empty for a key already of one year or one place.
pub fn sharing(searcher: &Searcher, field: Field, key: &str) -> Vec<String> {
    if is_undated_title(key) {
        let found = starting_with(searcher, field, &format!("{key}-")).unwrap_or_default();
        return found
            .into_keys()
            .filter(|k| is_title_year_of(key, k))
            .collect();
    }
    if split_version(key).is_some() || split_place(key).is_some() {
        return Vec::new();
    }
    let base_is_key = |k: &str| {
        let unversioned = split_version(k).map_or(k, |(base, _)| base);
        let unplaced = split_place(unversioned).map_or(unversioned, |(base, _)| base);
        unplaced == key && unplaced != k
    };
    let found = starting_with(searcher, field, &format!("{key}/")).unwrap_or_default();
    found.into_keys().filter(|k| base_is_key(k)).collect()
}
