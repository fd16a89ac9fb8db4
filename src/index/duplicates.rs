//! Finds an already indexed (or already accepted in this run) copy of a document.

use std::collections::{HashMap, HashSet};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{Index, Searcher, Term};

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
    /// The committed index; `None` when it is empty (a first ingest), so that no document
    /// pays for a lookup that cannot find anything.
    searcher: Option<Searcher>,
    fields: Fields,
    by_term: HashMap<String, Vec<usize>>,
    seen: Vec<Seen>,
}

impl DuplicateFinder {
    /// A finder over the index as last committed.
    pub fn new(index: &Index, fields: Fields) -> Result<DuplicateFinder, IndexError> {
        let searcher = index.reader()?.searcher();
        Ok(DuplicateFinder {
            searcher: (searcher.num_docs() > 0).then_some(searcher),
            fields,
            by_term: HashMap::new(),
            seen: Vec::new(),
        })
    }

    /// The id of an earlier copy of `doc`, ignoring documents from `replaced` sources
    /// (their documents are being rewritten or removed in this run).
    pub fn original_of(
        &self,
        doc: &Document,
        replaced: &HashSet<String>,
    ) -> Result<Option<String>, IndexError> {
        let fp = &doc.fingerprint;
        let terms = fp.terms();
        let mut checked = HashSet::new();
        for &i in terms.iter().filter_map(|t| self.by_term.get(t)).flatten() {
            let seen = &self.seen[i];
            if checked.insert(i) && fp.same_article(seen.exact, seen.sketch.as_ref()) {
                return Ok(Some(seen.id.clone()));
            }
        }
        let Some(searcher) = &self.searcher else {
            return Ok(None);
        };
        let should: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|t| {
                let q = TermQuery::new(
                    Term::from_field_text(self.fields.dedup, t),
                    IndexRecordOption::Basic,
                );
                (Occur::Should, Box::new(q) as Box<dyn Query>)
            })
            .collect();
        let top = TopDocs::with_limit(MAX_CANDIDATES).order_by_score();
        for (_, address) in searcher.search(&BooleanQuery::new(should), &top)? {
            let stored: TantivyDocument = searcher.doc(address)?;
            let text = |field| stored_text(&stored, field).unwrap_or("");
            if replaced.contains(text(self.fields.source)) {
                continue;
            }
            // The hash and sketch are not stored: recomputed from the body, for the few
            // candidates that share a term.
            let other = Fingerprint::of(&stored_body(&stored, &self.fields).unwrap_or_default());
            if fp.same_article(other.exact, other.sketch.as_ref()) {
                return Ok(Some(text(self.fields.id).to_string()));
            }
        }
        Ok(None)
    }

    /// Remembers a document accepted in this run.
    pub fn remember(&mut self, doc: &Document) {
        let i = self.seen.len();
        for term in doc.fingerprint.terms() {
            self.by_term.entry(term).or_default().push(i);
        }
        self.seen.push(Seen {
            id: doc.id.clone(),
            exact: doc.fingerprint.exact,
            sketch: doc.fingerprint.sketch,
        });
    }
}
