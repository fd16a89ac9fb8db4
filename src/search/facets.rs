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
    /// Type of each key ordinal seen so far, as an index into `type_names`: looked up once
    /// per ordinal, not once per document.
    type_of_ord: HashMap<u64, usize>,
    type_names: Vec<String>,
    type_counts: Vec<u64>,
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
            type_of_ord: HashMap::new(),
            type_names: Vec::new(),
            type_counts: Vec::new(),
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
            // A document citing two resolutions counts once for "nghi-quyet".
            let mut doc_types: Vec<usize> = Vec::new();
            for ord in cites.term_ords(doc) {
                let entry = self.by_ord.entry(ord).or_default();
                entry.0 += 1;
                entry.1 += f64::from(score);
                let kind = match self.type_of_ord.get(&ord) {
                    Some(&kind) => kind,
                    None => {
                        let kind = intern_type(cites, ord, &mut self.type_names);
                        self.type_counts.resize(self.type_names.len(), 0);
                        self.type_of_ord.insert(ord, kind);
                        kind
                    }
                };
                if !doc_types.contains(&kind) {
                    doc_types.push(kind);
                }
            }
            for kind in doc_types {
                if let Some(n) = self.type_counts.get_mut(kind) {
                    *n += 1;
                }
            }
        }
        if let Some(date) = self.dates.as_ref().and_then(|d| d.first(doc)) {
            let year = date.into_utc().year();
            *self.years.entry(year).or_default() += 1;
        }
    }

    fn harvest(self) -> FacetCounts {
        let mut citations = HashMap::with_capacity(self.by_ord.len());
        if let Some(cites) = &self.cites {
            for (ord, value) in self.by_ord {
                let mut key = String::new();
                if cites.ord_to_str(ord, &mut key).unwrap_or(false) {
                    citations.insert(key, value);
                }
            }
        }
        let types = self
            .type_names
            .into_iter()
            .zip(self.type_counts)
            .filter(|(_, n)| *n > 0)
            .collect();
        FacetCounts {
            citations,
            types,
            years: self.years,
        }
    }
}

/// The type slug of the key with ordinal `ord` ("nghi-quyet/21-NQ/TW" → "nghi-quyet"),
/// as an index into `names`, adding it when new.
fn intern_type(cites: &StrColumn, ord: u64, names: &mut Vec<String>) -> usize {
    let mut key = String::new();
    if !cites.ord_to_str(ord, &mut key).unwrap_or(false) {
        key.clear();
    }
    let kind = key.split('/').next().unwrap_or_default();
    match names.iter().position(|n| n == kind) {
        Some(i) => i,
        None => {
            names.push(kind.to_string());
            names.len() - 1
        }
    }
}
