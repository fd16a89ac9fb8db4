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

/// The keys, in `field`, of every document a symbol's `key` may stand for: the years it
/// was shared in ("nghi-quyet/21-NQ/TW/2012", "…/2022", see `cite::versions`) and the
/// places of the local bodies each numbering their own ("nghi-quyet/5-NQ/TU/bắc-ninh",
/// "…/hà-giang", see `cite::place`), with their years.
/// A law's title without a year ("luat/đất-đai") stands for the title of each year
/// ("luat/đất-đai-2013"). Empty for a key already of one year or one place.
pub fn sharing(searcher: &Searcher, field: Field, key: &str) -> Vec<String> {
    let prefix = if is_undated_title(key) {
        format!("{key}-")
    } else {
        format!("{key}/")
    };
    let found = starting_with(searcher, field, &prefix).unwrap_or_default();
    found
        .into_keys()
        .filter(|k| broader(k).as_deref() == Some(key))
        .collect()
}

/// The key that stands for `key` among others ([`sharing`]'s inverse): a law's title
/// without its year ("luat/đất-đai-2013" → "luat/đất-đai"), a shared symbol without its
/// year or place ("nghi-quyet/21-NQ/TW/2022" → "nghi-quyet/21-NQ/TW"); `None` for a key
/// nothing stands for.
pub fn broader(key: &str) -> Option<String> {
    if let Some((undated, _)) = key.rsplit_once('-') {
        if is_title_year_of(undated, key) {
            return Some(undated.to_string());
        }
    }
    let unversioned = split_version(key).map_or(key, |(base, _)| base);
    let unplaced = split_place(unversioned).map_or(unversioned, |(base, _)| base);
    let stands_alone = split_version(unplaced).is_none() && split_place(unplaced).is_none();
    (unplaced != key && stands_alone).then(|| unplaced.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broader_keys() {
        let table = [
            ("luat/đất-đai-2013", Some("luat/đất-đai")),
            ("bo-luat/hình-sự-2015", Some("bo-luat/hình-sự")),
            ("luat/đất-đai", None),
            ("nghi-quyet/21-NQ/TW/2022", Some("nghi-quyet/21-NQ/TW")),
            ("nghi-quyet/5-NQ/TU/bắc-ninh", Some("nghi-quyet/5-NQ/TU")),
            (
                "nghi-quyet/5-NQ/TU/bắc-ninh/2020",
                Some("nghi-quyet/5-NQ/TU"),
            ),
            ("nghi-quyet/21-NQ/TW", None),
            ("nghi-dinh/30/2020/NĐ-CP", None),
            ("luat/59/2020/QH14", None),
            ("chi-thi/5-CT/TW", None),
            ("nghi-quyet/21", None),
            ("", None),
        ];
        for (key, want) in table {
            assert_eq!(broader(key).as_deref(), want, "{key}");
        }
    }
}
