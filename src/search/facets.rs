//! Facets over every matching document: cited directives (counted, and weighted by the
//! relevance of the citing documents: "which guidance applies to X"), the types of the cited
//! directives, and publication years.
//!
//! What does not depend on the query (each cited key's name and type, each document's
//! year) is read from a segment once, into a [`SegmentTable`] kept in [`FacetTables`], so a
//! search only counts: decoding the key dictionary and the date column per search was half
//! the time of a broad query.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use itertools::{EitherOrBoth, Itertools};
use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::index::{SegmentId, SegmentReader};
use tantivy::{DocId, Score, Searcher, SegmentOrdinal};

use super::terms;
use crate::cite::key::kind_of_key;

/// Types beyond this many in one segment share the last slot (there are about fifteen).
const MAX_KINDS: usize = 64;
/// Segments remembered; past it the tables are rebuilt (merges retire segments).
const MAX_SEGMENTS: usize = 256;
/// The year slot of a document without a date.
const NO_YEAR: u16 = u16::MAX;

/// One cited key's documents and the sum of their scores.
pub type CitedCount<'a> = (&'a str, u64, f64);

/// A cited key's ordinal in its segment's table, its documents and their score sum.
type OrdCount = (u32, u64, f64);

/// Per cited key: documents citing it, and the sum of their scores.
#[derive(Clone, Debug, Default)]
pub struct FacetCounts {
    /// Per segment, its table and the (key ordinal, documents, score sum) of each key a
    /// matching document cites, in key order. Keys stay in the tables until
    /// [`FacetCounts::citations`] borrows them: a broad query counts thousands, and an
    /// `Arc` cloned for each one in every search is an atomic increment on memory that
    /// every search thread shares.
    cited: Vec<(Arc<SegmentTable>, Vec<OrdCount>)>,
    /// Type slug of a cited directive ("nghi-quyet") → documents citing one of that type.
    pub types: HashMap<Arc<str>, u64>,
    /// Year → count.
    pub years: HashMap<i32, u64>,
}

impl FacetCounts {
    /// Cited keys with their counts, in key order, added up over the segments: each
    /// segment's keys come in the order of its dictionary, so this is a merge of sorted
    /// lists, with no hashing.
    pub fn citations(&self) -> Vec<CitedCount<'_>> {
        let mut merged = Vec::new();
        for (table, counts) in &self.cited {
            let keyed = counts
                .iter()
                .filter_map(|&(ord, count, weight)| {
                    let key = table.keys.get(ord as usize)?;
                    Some((&**key, count, weight))
                })
                .collect();
            merged = merge_sorted(merged, keyed);
        }
        merged
    }
}

/// The query-independent facts of one segment.
#[derive(Debug, Default)]
pub struct SegmentTable {
    /// Cited keys in key order: the `cites` column's, and the broader key of each
    /// ([`terms::broader`]) that no document of the segment cites as such.
    keys: Vec<Box<str>>,
    /// The key ordinals each document cites, and the broader ones standing for them ("Luật
    /// Đất đai" for "Luật Đất đai 2013"), each once: `cited[cited_from[doc]..cited_from[doc
    /// + 1]]` (reading the column per matching document was a tenth of a broad query). So
    /// the facet of a broader key counts what `cites=` on it finds.
    cited: Vec<u32>,
    /// Where each document's ordinals start in `cited`, plus the end.
    cited_from: Vec<u32>,
    /// Type of each key, as an index into `kinds`.
    kind_of: Vec<u8>,
    /// Type slugs ("nghi-quyet").
    kinds: Vec<Arc<str>>,
    /// Publication year by document, as an index into `year_values`; [`NO_YEAR`] when undated.
    year_of: Vec<u16>,
    /// The years of the segment.
    year_values: Vec<i32>,
    /// Documents citing each key, by ordinal.
    df: Vec<u32>,
    /// Documents citing anything.
    citing: u32,
}

impl SegmentTable {
    /// Reads the key dictionary and the date column of a segment.
    fn read(reader: &SegmentReader) -> tantivy::Result<SegmentTable> {
        let mut table = SegmentTable::default();
        if let Some(cites) = reader.fast_fields().str("cites")? {
            let ords = table.read_keys(&cites)?;
            table.read_cited(&cites, reader.max_doc(), &ords);
        }
        table.year_of = vec![NO_YEAR; reader.max_doc() as usize];
        if let Ok(dates) = reader.fast_fields().date("date") {
            for (doc, slot) in table.year_of.iter_mut().enumerate() {
                let Some(date) = dates.first(doc as DocId) else {
                    continue;
                };
                let year = date.into_utc().year();
                *slot = match table.year_values.iter().position(|&y| y == year) {
                    Some(i) => i as u16,
                    // Years are a few dozen; a damaged column cannot fill the slots.
                    None if table.year_values.len() < usize::from(NO_YEAR) => {
                        table.year_values.push(year);
                        (table.year_values.len() - 1) as u16
                    }
                    None => NO_YEAR,
                };
            }
        }
        Ok(table)
    }

    /// Each document's key ordinals, with the broader ones: `ords` maps a column ordinal to
    /// its table ordinal and the broader key's, if any.
    fn read_cited(&mut self, cites: &StrColumn, max_doc: DocId, ords: &[KeyOrds]) {
        self.cited_from.reserve(max_doc as usize + 1);
        let mut own = Vec::new();
        for doc in 0..max_doc {
            self.cited_from.push(self.cited.len() as u32);
            own.clear();
            for ord in cites.term_ords(doc) {
                if let Some(&(key, broader)) = ords.get(ord as usize) {
                    own.extend(key);
                    own.extend(broader);
                }
            }
            // A document citing both "Luật Đất đai" and "Luật Đất đai 2013" counts once for
            // the former.
            own.sort_unstable();
            own.dedup();
            self.cited.extend_from_slice(&own);
            self.citing += u32::from(!own.is_empty());
        }
        self.cited_from.push(self.cited.len() as u32);
        self.df = vec![0; self.keys.len()];
        for &ord in &self.cited {
            if let Some(df) = self.df.get_mut(ord as usize) {
                *df += 1;
            }
        }
    }

    /// The key ordinals `doc` cites.
    fn cited_by(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match (self.cited_from.get(doc), self.cited_from.get(doc + 1)) {
            (Some(&from), Some(&to)) => self.cited.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Reads the column's keys and adds the broader keys missing from them, in key order;
    /// gives each column ordinal's table ordinals.
    fn read_keys(&mut self, cites: &StrColumn) -> tantivy::Result<Vec<KeyOrds>> {
        let mut column_keys: Vec<Box<str>> = Vec::new();
        let mut terms = cites.dictionary().stream()?;
        while terms.advance() {
            column_keys.push(Box::from(String::from_utf8_lossy(terms.key()).as_ref()));
        }
        let broader: Vec<Option<Box<str>>> = column_keys
            .iter()
            .map(|key| terms::broader(key).map(Box::from))
            .collect();
        let mut keys = column_keys.clone();
        keys.extend(broader.iter().flatten().cloned());
        keys.sort_unstable();
        keys.dedup();
        let ord_of = |key: &str| {
            keys.binary_search_by(|k| (**k).cmp(key))
                .ok()
                .map(|i| i as u32)
        };
        let ords = column_keys
            .iter()
            .zip(&broader)
            .map(|(key, broader)| (ord_of(key), broader.as_deref().and_then(ord_of)))
            .collect();
        for key in &keys {
            let kind = kind_of_key(key);
            let slot = match self.kinds.iter().position(|k| &**k == kind) {
                Some(slot) => slot,
                None if self.kinds.len() < MAX_KINDS => {
                    self.kinds.push(Arc::from(kind));
                    self.kinds.len() - 1
                }
                None => MAX_KINDS - 1,
            };
            self.kind_of.push(slot as u8);
        }
        self.keys = keys;
        Ok(ords)
    }
}

/// A column key's table ordinal, and its broader key's (both are in the table).
type KeyOrds = (Option<u32>, Option<u32>);

/// How many documents of a whole index cite each key, and how many cite anything: what a
/// key cited by every other article is, against one cited by the few on one subject.
#[derive(Debug, Default)]
pub struct CorpusCitations {
    /// The segments counted.
    segments: Vec<SegmentId>,
    /// Key → documents citing it (looked up for a hundred keys in every search: FxHash).
    df: FxHashMap<Box<str>, u32>,
    /// Documents citing anything.
    citing: u32,
}

impl CorpusCitations {
    /// The weight of a citation of `key` in "which guidance applies": BM25's inverse
    /// document frequency over the citing documents, so that a directive cited everywhere
    /// (the Congress's resolution, a plenum's) ranks for a subject only when the documents
    /// about it cite it more than the rest do.
    pub fn idf(&self, key: &str) -> f64 {
        let n = f64::from(self.citing);
        let df = f64::from(self.df.get(key).copied().unwrap_or(0)).min(n);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// Segment tables, shared by every search of an engine.
#[derive(Debug, Default)]
pub struct FacetTables {
    by_segment: Mutex<HashMap<SegmentId, Arc<SegmentTable>>>,
    /// The counts of the last searcher's segments, summed once for every search of it.
    corpus: Mutex<Arc<CorpusCitations>>,
}

impl FacetTables {
    /// The citation counts of every segment `searcher` reads, summed on first use.
    pub fn corpus(&self, searcher: &Searcher) -> tantivy::Result<Arc<CorpusCitations>> {
        let segments: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(SegmentReader::segment_id)
            .collect();
        {
            let cached = self.corpus_lock();
            if cached.segments == segments {
                return Ok(Arc::clone(&cached));
            }
        }
        let mut counted = CorpusCitations {
            segments,
            ..CorpusCitations::default()
        };
        for reader in searcher.segment_readers() {
            let table = self.of(reader)?;
            counted.citing += table.citing;
            for (key, &df) in table.keys.iter().zip(&table.df) {
                *counted.df.entry(key.clone()).or_default() += df;
            }
        }
        let counted = Arc::new(counted);
        *self.corpus_lock() = Arc::clone(&counted);
        Ok(counted)
    }

    fn corpus_lock(&self) -> std::sync::MutexGuard<'_, Arc<CorpusCitations>> {
        self.corpus
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether the table of every segment of `searcher` is built.
    pub fn holds_all(&self, searcher: &Searcher) -> bool {
        let tables = self.lock();
        searcher
            .segment_readers()
            .iter()
            .all(|reader| tables.contains_key(&reader.segment_id()))
    }

    /// The table of a segment, read on first use.
    fn of(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentTable>> {
        let id = reader.segment_id();
        if let Some(table) = self.lock().get(&id) {
            return Ok(Arc::clone(table));
        }
        // Read outside the lock: two searches may both read a new segment, which is cheaper
        // than making every search wait for one.
        let table = Arc::new(SegmentTable::read(reader)?);
        let mut tables = self.lock();
        if tables.len() >= MAX_SEGMENTS {
            tables.clear();
        }
        tables.insert(id, Arc::clone(&table));
        Ok(table)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentTable>>> {
        // A panic while holding the lock leaves a map that is still whole.
        self.by_segment
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Collects [`FacetCounts`] from the `cites` column and the segment tables.
pub struct FacetCollector {
    tables: Arc<FacetTables>,
}

impl FacetCollector {
    /// A collector reading (and filling) `tables`.
    pub fn new(tables: &Arc<FacetTables>) -> FacetCollector {
        FacetCollector {
            tables: Arc::clone(tables),
        }
    }
}

/// One segment's share of the work, by term ordinal until the harvest.
pub struct FacetSegmentCollector {
    table: Arc<SegmentTable>,
    /// Citing documents and their score sum, by key ordinal.
    by_ord: Vec<(u32, f64)>,
    /// Citing documents, by type slot.
    by_kind: [u32; MAX_KINDS],
    /// Documents by year slot.
    by_year: Vec<u32>,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let table = self.tables.of(reader)?;
        Ok(FacetSegmentCollector {
            by_ord: vec![(0, 0.0); table.keys.len()],
            by_kind: [0; MAX_KINDS],
            by_year: vec![0; table.year_values.len()],
            table,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut fruits = fruits.into_iter();
        let mut total = fruits.next().unwrap_or_default();
        for fruit in fruits {
            total.cited.extend(fruit.cited);
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

/// The union of two key-ordered lists of counts, in key order, adding up shared keys.
fn merge_sorted<'a>(left: Vec<CitedCount<'a>>, right: Vec<CitedCount<'a>>) -> Vec<CitedCount<'a>> {
    if left.is_empty() {
        return right;
    }
    left.into_iter()
        .merge_join_by(right, |l, r| l.0.cmp(r.0))
        .map(|pair| match pair {
            EitherOrBoth::Left(one) | EitherOrBoth::Right(one) => one,
            EitherOrBoth::Both((key, c1, w1), (_, c2, w2)) => (key, c1 + c2, w1 + w2),
        })
        .collect()
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, score: Score) {
        // A document citing two resolutions counts once for "nghi-quyet".
        let mut kinds: u64 = 0;
        for &ord in self.table.cited_by(doc) {
            let ord = ord as usize;
            if let Some(entry) = self.by_ord.get_mut(ord) {
                entry.0 += 1;
                entry.1 += f64::from(score);
            }
            if let Some(&kind) = self.table.kind_of.get(ord) {
                kinds |= 1 << kind;
            }
        }
        while kinds != 0 {
            let kind = kinds.trailing_zeros() as usize;
            self.by_kind[kind] += 1;
            kinds &= kinds - 1;
        }
        let slot = self.table.year_of.get(doc as usize).copied();
        if let Some(count) = slot.and_then(|slot| self.by_year.get_mut(usize::from(slot))) {
            *count += 1;
        }
    }

    fn harvest(self) -> FacetCounts {
        let table = &self.table;
        let citations = self
            .by_ord
            .iter()
            .enumerate()
            .filter(|(_, (count, _))| *count > 0)
            .map(|(ord, &(count, weight))| (ord as u32, u64::from(count), weight))
            .collect();
        let types = self
            .by_kind
            .iter()
            .zip(&table.kinds)
            .filter(|(count, _)| **count > 0)
            .map(|(&count, kind)| (Arc::clone(kind), u64::from(count)))
            .collect();
        let years = self
            .by_year
            .iter()
            .zip(&table.year_values)
            .filter(|(count, _)| **count > 0)
            .map(|(&count, &year)| (year, u64::from(count)))
            .collect();
        FacetCounts {
            cited: vec![(Arc::clone(&self.table), citations)],
            types,
            years,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts<'a>(keys: &[(&'a str, u64)]) -> Vec<CitedCount<'a>> {
        keys.iter()
            .map(|&(key, n)| (key, n, n as f64 / 2.0))
            .collect()
    }

    #[test]
    fn citations_add_up_segments_by_key_not_by_ordinal() {
        let table = |keys: &[&str]| {
            Arc::new(SegmentTable {
                keys: keys.iter().map(|&k| Box::from(k)).collect(),
                ..SegmentTable::default()
            })
        };
        let fruit = FacetCounts {
            cited: vec![
                (table(&["a", "c", "d"]), vec![(0, 1, 0.5), (1, 3, 1.5)]),
                // Ordinal 0 is "b" here, and "c" is ordinal 1 in both.
                (table(&["b", "c"]), vec![(0, 2, 1.0), (1, 4, 2.0)]),
                (table(&[]), vec![]),
            ],
            ..FacetCounts::default()
        };
        assert_eq!(fruit.citations(), counts(&[("a", 1), ("b", 2), ("c", 7)]));
    }

    #[test]
    fn merges_key_ordered_counts_adding_shared_keys() {
        type Counts<'a> = &'a [(&'a str, u64)];
        let table: [(Counts, Counts, Counts); 4] = [
            (&[], &[], &[]),
            (&[("a", 1)], &[], &[("a", 1)]),
            (&[], &[("b", 2)], &[("b", 2)]),
            (
                &[("a", 1), ("c", 3), ("d", 1)],
                &[("b", 2), ("c", 4), ("e", 5)],
                &[("a", 1), ("b", 2), ("c", 7), ("d", 1), ("e", 5)],
            ),
        ];
        for (left, right, want) in table {
            let merged = merge_sorted(counts(left), counts(right));
            assert_eq!(merged, counts(want), "{left:?} + {right:?}");
        }
    }
}
