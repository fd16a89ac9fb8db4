//! Facets over every matching document: cited directives (counted, and weighted by the
//! relevance of the citing documents: "which guidance applies to X"), the types of the cited
//! directives, and publication years.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentReader;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal};

/// Per cited key: documents citing it, and the sum of their scores.
#[derive(Clone, Debug, Default)]
pub struct FacetCounts {
    /// Cited key → (count, score sum).
    pub citations: HashMap<String, (u64, f64)>,
    /// Type slug of a cited directive ("nghi-quyet") → documents citing one of that type.
    pub types: HashMap<String, u64>,
    /// Year → count.
    pub years: HashMap<i32, u64>,
}

/// Collects [`FacetCounts`] from the `cites` and `date` fast fields.
pub struct FacetCollector;

/// One segment's share of the work, by term ordinal until the merge.
pub struct FacetSegmentCollector {
    cites: Option<StrColumn>,
    dates: Option<Column<DateTime>>,
    by_ord: HashMap<u64, (u64, f64)>,
    /// The key ordinals of every citing document, one after the other; their names (and
    /// so their types) are looked up once, at the end.
    doc_ords: Vec<u64>,
    /// Where each citing document's ordinals end in `doc_ords`.
    doc_ends: Vec<usize>,
    years: HashMap<i32, u64>,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        Ok(FacetSegmentCollector {
            cites: reader.fast_fields().str("cites")?,
            dates: reader.fast_fields().date("date").ok(),
            by_ord: HashMap::new(),
            doc_ords: Vec::new(),
            doc_ends: Vec::new(),
            years: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut total = FacetCounts::default();
        for fruit in fruits {
            for (key, (count, weight)) in fruit.citations {
                let entry = total.citations.entry(key).or_default();
                entry.0 += count;
                entry.1 += weight;
            }
            for (kind, count) in fruit.types {
                *total.types.entry(kind).or_default() += count;
            }
            for (year, count) in fruit.years {
                *total.years.entry(year).or_default() += count;
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(cites) = &self.cites {
            let before = self.doc_ords.len();
            for ord in cites.term_ords(doc) {
                let entry = self.by_ord.entry(ord).or_default();
                entry.0 += 1;
                entry.1 += f64::from(score);
                self.doc_ords.push(ord);
            }
            if self.doc_ords.len() > before {
                self.doc_ends.push(self.doc_ords.len());
            }
        }
        if let Some(date) = self.dates.as_ref().and_then(|d| d.first(doc)) {
            let year = date.into_utc().year();
            *self.years.entry(year).or_default() += 1;
        }
    }

    fn harvest(self) -> FacetCounts {
        let Some(cites) = &self.cites else {
            return FacetCounts {
                years: self.years,
                ..FacetCounts::default()
            };
        };
        let mut ords: Vec<u64> = self.by_ord.keys().copied().collect();
        ords.sort_unstable();
        let keys = keys_of(cites, &ords);
        // The type of each key, as an index into `names`.
        let mut names: Vec<&str> = Vec::new();
        let kinds: Vec<usize> = keys
            .iter()
            .map(|key| {
                let kind = key.split('/').next().unwrap_or_default();
                names.iter().position(|n| *n == kind).unwrap_or_else(|| {
                    names.push(kind);
                    names.len() - 1
                })
            })
            .collect();
        // A document citing two resolutions counts once for "nghi-quyet".
        let mut type_counts = vec![0u64; names.len()];
        let mut start = 0;
        let mut doc_types: Vec<usize> = Vec::new();
        for &end in &self.doc_ends {
            doc_types.clear();
            for ord in self.doc_ords.get(start..end).unwrap_or_default() {
                if let Ok(i) = ords.binary_search(ord) {
                    let kind = kinds[i];
                    if !doc_types.contains(&kind) {
                        doc_types.push(kind);
                    }
                }
            }
            for &kind in &doc_types {
                type_counts[kind] += 1;
            }
            start = end;
        }
        let types = names
            .iter()
            .zip(type_counts)
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| (name.to_string(), n))
            .collect();
        let citations = ords
            .iter()
            .zip(&keys)
            .filter_map(|(ord, key)| Some((key.clone(), *self.by_ord.get(ord)?)))
            .collect();
        FacetCounts {
            citations,
            types,
            years: self.years,
        }
    }
}

/// The keys of the sorted ordinals `ords`, in one pass over the dictionary: looking each up
/// alone decompresses a dictionary block per ordinal, which made broad queries slow.
fn keys_of(cites: &StrColumn, ords: &[u64]) -> Vec<String> {
    let mut keys = Vec::with_capacity(ords.len());
    let complete = cites
        .dictionary()
        .sorted_ords_to_term_cb(ords, |bytes| {
            keys.push(String::from_utf8_lossy(bytes).into_owned());
        })
        .unwrap_or(false);
    if complete && keys.len() == ords.len() {
        return keys;
    }
    // A damaged dictionary: fall back to one lookup per ordinal, empty where it fails.
    ords.iter()
        .map(|&ord| {
            let mut key = String::new();
            if !cites.ord_to_str(ord, &mut key).unwrap_or(false) {
                key.clear();
            }
            key
        })
        .collect()
}
