//! Tiers of a result list, above the score.
//!
//! - A query naming a document ("nghị quyết 21", "21-NQ/TW", "chỉ thị 05") ranks the
//!   documents citing it first, and finds them even where the text spells the document
//!   otherwise ("21-NQ/TƯ", "NQ21" resolved from a fuller mention): the citation keys say so.
//! - A keyword query typed with accents ranks the documents holding every accented word as
//!   typed ("bão lũ") above those that match only once folded ("cảnh báo lũ"), whatever
//!   their scores. Boosting the exact fields is not enough: the bonus for words side by side
//!   is counted on folded pairs, and a title holding "báo lũ" outscored bodies holding
//!   "bão lũ".
//!
//! Collection sorts by (cites, holds every accented word, score): each segment marks, in
//! bits, the documents of each tier, from the postings of its terms read whole, and a match
//! is looked up there as it is collected.

use std::collections::BTreeSet;

use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, Searcher, SegmentReader, Term};

use super::build::AnalyzedQuery;
use super::terms;
use crate::cite;
use crate::text::chars::capitalize;

/// Sort key of a hit: whether it cites what the query names, whether it holds every
/// accented word as typed, then its score, packed in one integer so that collecting
/// compares once: the two tiers are the top bits, the score's bits the low 32 (a score is
/// never negative, and the bits of non-negative floats sort as the floats do).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TierKey(u64);

impl TierKey {
    fn new(cites: bool, exact: bool, score: Score) -> TierKey {
        let tiers = u64::from(cites) << 33 | u64::from(exact) << 32;
        TierKey(tiers | u64::from(score.max(0.0).to_bits()))
    }

    /// The score the key was made with.
    pub fn score(self) -> Score {
        Score::from_bits(self.0 as u32)
    }
}

/// Most citation keys a query's named document may stand for ("nghị quyết 21" is every
/// resolution 21 the corpus cites, of any issuer).
const MAX_CITED_KEYS: usize = 64;

/// What puts a hit in a higher tier.
#[derive(Clone, Debug)]
pub struct Tiers {
    /// The citation keys of the documents the query names.
    cited: Vec<Term>,
    /// Per accented word, its term in each exact field.
    accented: Vec<Vec<Term>>,
}

impl Tiers {
    /// `None` when neither tier applies: the query names no document the corpus cites, and
    /// has no word typed with accents or reads as a question (whose answers hold only a
    /// share of its words).
    pub fn for_query(
        query: &AnalyzedQuery,
        cited: Vec<Term>,
        exact_fields: &[Field],
    ) -> Option<Tiers> {
        let accented: Vec<Vec<Term>> = if query.is_keyword_query() {
            query
                .accented_words()
                .map(|word| {
                    exact_fields
                        .iter()
                        .map(|&field| Term::from_field_text(field, word))
                        .collect()
                })
                .collect()
        } else {
            Vec::new()
        };
        (!cited.is_empty() || !accented.is_empty()).then_some(Tiers { cited, accented })
    }

    /// The sort key function for one segment.
    pub fn for_segment(&self, segment: &SegmentReader) -> impl Fn(DocId, Score) -> TierKey {
        let cited =
            (!self.cited.is_empty()).then(|| any_of(segment, &self.cited, vec![0; words(segment)]));
        let exact = (!self.accented.is_empty()).then(|| self.exact_documents(segment));
        move |doc, score| {
            TierKey::new(
                holds(cited.as_deref(), doc),
                holds(exact.as_deref(), doc),
                score,
            )
        }
    }

    /// The segment's documents holding every accented word in an exact field, as bits.
    /// Reading the words' postings whole, a block of 128 at a time, costs less than
    /// seeking them for each match: the matches of a common query are most documents,
    /// and a seek per match mispredicts its branches.
    fn exact_documents(&self, segment: &SegmentReader) -> Vec<u64> {
        let mut exact = vec![u64::MAX; words(segment)];
        let mut holding = vec![0u64; exact.len()];
        for terms in &self.accented {
            holding.fill(0);
            holding = any_of(segment, terms, holding);
            for (bits, held) in exact.iter_mut().zip(&holding) {
                *bits &= held;
            }
        }
        exact
    }
}

/// 64-document words of a segment's bitset.
fn words(segment: &SegmentReader) -> usize {
    (segment.max_doc() as usize).div_ceil(64)
}

/// Whether bit `doc` is set; every document is in a tier that does not apply (`None`).
fn holds(bits: Option<&[u64]>, doc: DocId) -> bool {
    bits.is_none_or(|bits| {
        let (word, bit) = (doc as usize / 64, doc % 64);
        bits.get(word).is_some_and(|w| w >> bit & 1 == 1)
    })
}

/// `bits` with the documents holding any of `terms` set. A term that fails to read marks
/// nothing: its documents rank in the lower tier.
fn any_of(segment: &SegmentReader, terms: &[Term], mut bits: Vec<u64>) -> Vec<u64> {
    for term in terms {
        if let Some(mut postings) = read_postings(segment, term) {
            while !postings.docs().is_empty() {
                for &doc in postings.docs() {
                    if let Some(word) = bits.get_mut(doc as usize / 64) {
                        *word |= 1 << (doc % 64);
                    }
                }
                postings.advance();
            }
        }
    }
    bits
}

/// The citation keys, in `field`, of the documents the query `q` names: "21-NQ/TW" its key;
/// "nghị quyết 21", with no issuer, every key of a resolution 21 the corpus cites
/// ("nghi-quyet/21-NQ/TW", "nghi-quyet/21/NQ-CP"). Queries come in lower case, where the
/// extractor takes "nghị quyết 21" for a common noun: the words are capitalised first.
pub fn cited_keys(q: &str, searcher: &Searcher, field: Field) -> Vec<Term> {
    let capitalised = q.split(' ').map(capitalize).collect::<Vec<_>>().join(" ");
    let mut keys = BTreeSet::new();
    for citation in cite::extract(&capitalised) {
        let key = citation.key;
        // A law by its title alone ("luật đất đai") is the query's words already: its citing
        // documents added to the matches put other laws' articles first (ALQAC MRR@10 0.871
        // → 0.866).
        if cite::key::is_undated_title(&key) {
            continue;
        }
        if citation.symbol.is_some() || citation.issuer.is_some() {
            keys.extend(terms::sharing(searcher, field, &key));
            keys.insert(key);
            continue;
        }
        // A bare number or plenum: the keys that complete it ("21-…", "21/…", "tw5-…").
        let found = terms::starting_with(searcher, field, &key).unwrap_or_default();
        keys.extend(found.into_keys().filter(|found| {
            let rest = &found[key.len()..];
            rest.is_empty() || rest.starts_with('-') || rest.starts_with('/')
        }));
    }
    keys.iter()
        .take(MAX_CITED_KEYS)
        .map(|key| Term::from_field_text(field, key))
        .collect()
}

/// `query`, or a document citing any of `cited`: such documents match however they spell
/// what the query names ("21-NQ/TƯ" for "21-NQ/TW"), unscored, for the tier to rank. A
/// union of term queries: a `TermSetQuery` builds an FST for its terms, which cost more
/// than the rest of such a query.
pub fn or_citing(query: Box<dyn Query>, cited: &[Term]) -> Box<dyn Query> {
    let any: Vec<(Occur, Box<dyn Query>)> = cited
        .iter()
        .map(|key| {
            let term = TermQuery::new(key.clone(), IndexRecordOption::Basic);
            (Occur::Should, Box::new(term) as Box<dyn Query>)
        })
        .collect();
    let citing = ConstScoreQuery::new(Box::new(BooleanQuery::new(any)), 0.0);
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, query),
        (Occur::Should, Box::new(citing)),
    ]))
}

fn read_postings(segment: &SegmentReader, term: &Term) -> Option<BlockSegmentPostings> {
    let index = segment.inverted_index(term.field()).ok()?;
    index
        .read_block_postings(term, IndexRecordOption::Basic)
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_by_tier_then_score_and_keep_the_score() {
        let keys = [
            TierKey::new(false, false, 900.5),
            TierKey::new(false, true, 0.25),
            TierKey::new(false, true, 3.0),
            TierKey::new(true, false, 0.0),
            TierKey::new(true, true, 1.5),
        ];
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        assert_eq!(keys[0].score(), 900.5);
        assert_eq!(keys[4].score(), 1.5);
        assert_eq!(TierKey::new(false, false, -0.0).score(), 0.0);
    }
}
