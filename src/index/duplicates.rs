//! Finds an already indexed (or already accepted in this run) copy of a document.

use std::collections::{HashMap, HashSet};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{DocAddress, Index, Searcher, Term};

use super::stored::{stored_body, stored_text};
use super::{Fields, IndexError};
use crate::document::Document;
use crate::ingest::dedup::{Fingerprint, BINS};

/// Candidates checked per document: near copies share bands, so few are needed.
const MAX_CANDIDATES: usize = 8;

/// A document seen before, as far as duplicate detection cares.
#[derive(Clone, Debug)]
struct Seen {
    id: String,
    exact: u64,
    sketch: Option<[u32; BINS]>,
}

/// Looks for copies in the committed index and among documents accepted in this run.
pub struct DuplicateFinder {
    /// The committed index, to read a candidate's id, source and body.
    searcher: Searcher,
    fields: Fields,
    /// Every key of the committed index's live documents, sorted, with its document: read
    /// from the `dedup` fast field (about 17 a document) when the first document is
    /// checked, so that a run with nothing new reads none; a lookup is then a search in
    /// memory. Empty for a first ingest.
    committed: Option<Vec<(u64, DocAddress)>>,
    by_key: HashMap<u64, Vec<usize>>,
    seen: Vec<Seen>,
}

impl DuplicateFinder {
    /// A finder over the index as last committed.
    pub fn new(index: &Index, fields: Fields) -> Result<DuplicateFinder, IndexError> {
        Ok(DuplicateFinder {
            searcher: index.reader()?.searcher(),
            fields,
            committed: None,
            by_key: HashMap::new(),
            seen: Vec::new(),
        })
    }

    /// The id of an earlier copy of `doc`, ignoring documents from `replaced` sources
    /// (their documents are being rewritten or removed in this run).
    pub fn original_of(
        &mut self,
        doc: &Document,
        replaced: &HashSet<String>,
    ) -> Result<Option<String>, IndexError> {
        let fp = &doc.fingerprint;
        let keys = fp.keys();
        let mut checked = HashSet::new();
        for &i in keys.iter().filter_map(|k| self.by_key.get(k)).flatten() {
            let seen = &self.seen[i];
            if checked.insert(i) && fp.same_article(seen.exact, seen.sketch.as_ref()) {
                return Ok(Some(seen.id.clone()));
            }
        }
        if self.committed.is_none() {
            self.committed = Some(committed_keys(&self.searcher, &self.fields)?);
        }
        let committed = self.committed.as_deref().unwrap_or_default();
        for address in candidates(committed, &keys) {
            let stored: TantivyDocument = self.searcher.doc(address)?;
            let text = |field| stored_text(&stored, field).unwrap_or("");
            if replaced.contains(text(self.fields.source)) {
                continue;
            }
            // The hash and sketch are not stored: recomputed from the body, for the few
            // candidates that share a key.
            let other = Fingerprint::of(&stored_body(&stored, &self.fields).unwrap_or_default());
            if fp.same_article(other.exact, other.sketch.as_ref()) {
                return Ok(Some(text(self.fields.id).to_string()));
            }
        }
        Ok(None)
    }

    /// The source of a committed document with the id `id`, when that source is kept by
    /// this run (not in `replaced`): a new document from `source` with the id would clash
    /// with it. The document's own earlier version, from `source`, is left out by the query,
    /// so that rewriting a large file reads no stored document.
    pub fn id_kept_elsewhere(
        &self,
        id: &str,
        source: &str,
        replaced: &HashSet<String>,
    ) -> Result<Option<String>, IndexError> {
        let term = |field, text| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        let elsewhere = BooleanQuery::new(vec![
            (Occur::Must, term(self.fields.id, id)),
            (Occur::MustNot, term(self.fields.source, source)),
        ]);
        let top = TopDocs::with_limit(8).order_by_score();
        for (_, address) in self.searcher.search(&elsewhere, &top)? {
            let stored: TantivyDocument = self.searcher.doc(address)?;
            let holder = stored_text(&stored, self.fields.source).unwrap_or("");
            if !replaced.contains(holder) {
                return Ok(Some(holder.to_string()));
            }
        }
        Ok(None)
    }

    /// Remembers a document accepted in this run.
    pub fn remember(&mut self, doc: &Document) {
        let i = self.seen.len();
        for key in doc.fingerprint.keys() {
            self.by_key.entry(key).or_default().push(i);
        }
        self.seen.push(Seen {
            id: doc.id.clone(),
            exact: doc.fingerprint.exact,
            sketch: doc.fingerprint.sketch,
        });
    }
}

/// The documents of `committed` sharing any of `keys`, those sharing most first, at most
/// [`MAX_CANDIDATES`].
fn candidates(committed: &[(u64, DocAddress)], keys: &[u64]) -> Vec<DocAddress> {
    let mut shared: HashMap<DocAddress, usize> = HashMap::new();
    for key in keys {
        let from = committed.partition_point(|(k, _)| k < key);
        for (_, address) in committed[from..].iter().take_while(|(k, _)| k == key) {
            *shared.entry(*address).or_default() += 1;
        }
    }
    let mut candidates: Vec<(usize, DocAddress)> = shared
        .into_iter()
        .map(|(address, n)| (n, address))
        .collect();
    candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|(_, address)| address)
        .collect()
}

/// The keys of every live document of the committed index, sorted.
fn committed_keys(
    searcher: &Searcher,
    fields: &Fields,
) -> Result<Vec<(u64, DocAddress)>, IndexError> {
    let name = searcher.schema().get_field_name(fields.dedup);
    let mut keys = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let column = segment.fast_fields().u64(name)?;
        let ord = ord as u32;
        for doc in segment.doc_ids_alive() {
            keys.extend(
                column
                    .values_for_doc(doc)
                    .map(|key| (key, DocAddress::new(ord, doc))),
            );
        }
    }
    keys.sort_unstable();
    Ok(keys)
}
