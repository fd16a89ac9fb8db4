//! Exact accents first: for a keyword query typed with accents, the documents holding every
//! accented word as typed ("bão lũ") rank above those that match only once folded ("cảnh
//! báo lũ"), whatever their scores.
//!
//! Boosting the exact fields is not enough: the bonus for words side by side is counted on
//! folded pairs, and a title holding "báo lũ" outscored bodies holding "bão lũ". Collection
//! sorts by (holds every accented word, score) instead: each segment marks, in bits, the
//! documents holding every accented word in the exact body or title, and a match is looked
//! up there as it is collected.

use tantivy::postings::BlockSegmentPostings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, SegmentReader, Term};

use super::build::AnalyzedQuery;

/// Sort key of a hit: whether it holds every accented word as typed, then its score.
pub type ExactFirstKey = (bool, Score);

/// The accented words of a query and the exact fields they are looked up in.
#[derive(Clone, Debug)]
pub struct ExactFirst {
    /// Per accented word, its term in each exact field.
    words: Vec<Vec<Term>>,
}

impl ExactFirst {
    /// `None` when the query has no word typed with accents, or reads as a question (whose
    /// answers hold only a share of its words).
    pub fn for_query(query: &AnalyzedQuery, exact_fields: &[Field]) -> Option<ExactFirst> {
        if !query.is_keyword_query() {
            return None;
        }
        let words: Vec<Vec<Term>> = query
            .accented_words()
            .map(|word| {
                exact_fields
                    .iter()
                    .map(|&field| Term::from_field_text(field, word))
                    .collect()
            })
            .collect();
        (!words.is_empty()).then_some(ExactFirst { words })
    }

    /// The sort key function for one segment.
    pub fn for_segment(&self, segment: &SegmentReader) -> impl Fn(DocId, Score) -> ExactFirstKey {
        let exact = self.exact_documents(segment);
        move |doc, score| {
            let (word, bit) = (doc as usize / 64, doc % 64);
            let holds = exact.get(word).is_some_and(|bits| bits >> bit & 1 == 1);
            (holds, score)
        }
    }

    /// The segment's documents holding every accented word in an exact field, as bits.
    /// Reading the words' postings whole, a block of 128 at a time, costs less than
    /// seeking them for each match: the matches of a common query are most documents,
    /// and a seek per match mispredicts its branches.
    fn exact_documents(&self, segment: &SegmentReader) -> Vec<u64> {
        let words = (segment.max_doc() as usize).div_ceil(64);
        let mut exact = vec![u64::MAX; words];
        let mut holding = vec![0u64; words];
        for terms in &self.words {
            holding.fill(0);
            for term in terms {
                // A term that fails to read marks nothing: its documents rank as folded.
                if let Some(mut postings) = read_postings(segment, term) {
                    while !postings.docs().is_empty() {
                        for &doc in postings.docs() {
                            if let Some(bits) = holding.get_mut(doc as usize / 64) {
                                *bits |= 1 << (doc % 64);
                            }
                        }
                        postings.advance();
                    }
                }
            }
            for (bits, held) in exact.iter_mut().zip(&holding) {
                *bits &= held;
            }
        }
        exact
    }
}

fn read_postings(segment: &SegmentReader, term: &Term) -> Option<BlockSegmentPostings> {
    let index = segment.inverted_index(term.field()).ok()?;
    index
        .read_block_postings(term, IndexRecordOption::Basic)
        .ok()
        .flatten()
}
