//! A keyword query of common words, matched a window of documents at a time.
//!
//! Every word of a keyword query must be in the document, in any of its fields (folded and
//! exact, body and title), and a document's score is the sum of every field's BM25 plus the
//! bonuses of the words standing together. As tantivy queries that is an intersection of
//! buffered unions with an optional union of bonuses, which for words of like frequency
//! walks every document of every word through three layers of scorers, one call at a time.
//! This query does the same arithmetic a window of 4,096 documents at a time, reading the
//! postings a block of 128 at a time: the first word's postings mark its documents and add
//! up their scores, each next word's postings keep only the documents it shares and add to
//! theirs, the optional terms add to the documents left, and those are read from the
//! window's bits; a bonus that is not a term (a phrase) walks its own documents through
//! the window, or, when the optional terms are seeked, is asked about the matches alone.
//! Terms far more common than the rarest word are not walked but seeked, through their skip
//! lists, to the few documents the walked words left (see `build`). A question needs only a
//! share of its words: there every word is walked whole, and how many words each document
//! holds is counted in bitsets, one for each count, 64 documents at a time.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

use super::explain::scorer_on;

/// Documents a window holds: tantivy's union buffers as many.
const WINDOW: u32 = 4096;
/// 64-document words of a window's bitset.
const WINDOW_WORDS: usize = WINDOW as usize / 64;

/// Terms, each with its boost: one word in each field, or optional terms.
pub type BoostedTerms = Vec<(Term, Score)>;

/// Terms (a word's, one a field, or the optional ones) and how their documents are reached.
#[derive(Clone, Debug)]
pub struct TermSet {
    /// The terms, each with its boost.
    pub terms: BoostedTerms,
    /// Seeked to the documents the walked words found, rather than walked: for terms far
    /// more common than the rarest word.
    pub seeked: bool,
}

/// Matches the documents holding every word (or, for a question, `required` of them) in at
/// least one of its fields. Scores a document by the sum of its words' and its optional
/// terms' boosted BM25 (each as a boosted `TermQuery` scores it), plus the score of `bonus`
/// where `bonus` matches too.
#[derive(Debug)]
pub struct AllWordsQuery {
    words: Vec<TermSet>,
    /// How many of the words a document must hold.
    required: usize,
    optional: TermSet,
    bonus: Option<Box<dyn Query>>,
}

impl AllWordsQuery {
    /// Every one of `words` required; `optional` terms and `bonus` only add to the score.
    pub fn new(
        words: Vec<TermSet>,
        optional: TermSet,
        bonus: Option<Box<dyn Query>>,
    ) -> AllWordsQuery {
        AllWordsQuery {
            required: words.len(),
            words,
            optional,
            bonus,
        }
    }

    /// Only `required` of the words need be in a document (at least one), as in a
    /// question. Every word is then walked: any document may hold the share.
    pub fn requiring(mut self, required: usize) -> AllWordsQuery {
        self.required = required.clamp(1, self.words.len().max(1));
        if self.required < self.words.len() {
            for word in &mut self.words {
                word.seeked = false;
            }
        }
        self
    }
}

impl Clone for AllWordsQuery {
    fn clone(&self) -> Self {
        AllWordsQuery {
            words: self.words.clone(),
            required: self.required,
            optional: self.optional.clone(),
            bonus: self.bonus.as_ref().map(|q| q.box_clone()),
        }
    }
}

/// A term with its BM25 weight, boost included, as a `TermQuery` weighs it, and the
/// statistics the weight comes from.
struct TermWeight {
    term: Term,
    /// Built without an explanation of its idf, which every clone for a segment's cursor
    /// would copy: a few allocations a term and a query. [`TermWeight::explained`] has it.
    bm25: Bm25Weight,
    doc_freq: u64,
    docs: u64,
    average_fieldnorm: Score,
    boost: Score,
}

impl TermWeight {
    /// The same weight, with the explanation of its idf.
    fn explained(&self) -> Bm25Weight {
        Bm25Weight::for_one_term(self.doc_freq, self.docs, self.average_fieldnorm)
            .boost_by(self.boost)
    }
}

/// Each of `terms` with its BM25 weight, boost included, as a `TermQuery` weighs it
/// (`Bm25Weight::for_terms` of one term, without the explanation).
fn weigh(
    terms: &[(Term, Score)],
    enable_scoring: &EnableScoring<'_>,
) -> tantivy::Result<Vec<TermWeight>> {
    let schema = enable_scoring.schema();
    terms
        .iter()
        .map(|(term, boost)| {
            let entry = schema.get_field_entry(term.field());
            if !entry.is_indexed() {
                return Err(TantivyError::SchemaError(format!(
                    "field {:?} is not indexed",
                    entry.name()
                )));
            }
            let (doc_freq, docs, average_fieldnorm) = match enable_scoring {
                EnableScoring::Enabled {
                    statistics_provider,
                    ..
                } => {
                    let docs = statistics_provider.total_num_docs()?;
                    let tokens = statistics_provider.total_num_tokens(term.field())?;
                    let doc_freq = statistics_provider.doc_freq(term)?;
                    (doc_freq, docs, tokens as Score / docs as Score)
                }
                // Any weight will do: nothing reads the scores.
                EnableScoring::Disabled { .. } => (1, 1, 1.0),
            };
            let bm25 = Bm25Weight::for_one_term_without_explain(doc_freq, docs, average_fieldnorm);
            Ok(TermWeight {
                term: term.clone(),
                bm25: bm25.boost_by(*boost),
                doc_freq,
                docs,
                average_fieldnorm,
                boost: *boost,
            })
        })
        .collect()
}

impl Query for AllWordsQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let words = self
            .words
            .iter()
            .map(|word| Ok((weigh(&word.terms, &enable_scoring)?, word.seeked)))
            .collect::<tantivy::Result<_>>()?;
        let scoring = enable_scoring.is_scoring_enabled();
        // Without scores, what only scores is left out.
        let optional = if scoring {
            weigh(&self.optional.terms, &enable_scoring)?
        } else {
            Vec::new()
        };
        let bonus = match &self.bonus {
            Some(q) if scoring => Some(q.weight(enable_scoring)?),
            _ => None,
        };
        Ok(Box::new(AllWordsWeight {
            words,
            required: self.required,
            optional: (optional, self.optional.seeked),
            bonus,
            scoring,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        let words = self.words.iter().flat_map(|word| &word.terms);
        for (term, _) in words.chain(&self.optional.terms) {
            visitor(term, false);
        }
        if let Some(bonus) = &self.bonus {
            bonus.query_terms(visitor);
        }
    }
}

/// The weight of an [`AllWordsQuery`]: the terms with their BM25 weights, boosts included,
/// and the bonus's weight.
struct AllWordsWeight {
    /// Each word's terms, and whether the word is seeked.
    words: Vec<(Vec<TermWeight>, bool)>,
    /// How many of the words a document must hold.
    required: usize,
    /// The optional terms, and whether they are seeked.
    optional: (Vec<TermWeight>, bool),
    bonus: Option<Box<dyn Weight>>,
    scoring: bool,
}

impl AllWordsWeight {
    /// The cursor of each of `terms` present in the segment.
    fn cursors(
        &self,
        terms: &[TermWeight],
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Vec<TermCursor>> {
        let record = if self.scoring {
            IndexRecordOption::WithFreqs
        } else {
            IndexRecordOption::Basic
        };
        let mut cursors = Vec::with_capacity(terms.len());
        for TermWeight { term, bm25, .. } in terms {
            let field = term.field();
            let index = reader.inverted_index(field)?;
            let Some(postings) = index.read_block_postings(term, record)? else {
                continue;
            };
            // As a `TermWeight`: without norms, or scores, every length counts as 1.
            let fieldnorms = match reader.fieldnorms_readers().get_field(field)? {
                Some(norms) if self.scoring => norms,
                _ => FieldNormReader::constant(reader.max_doc(), 1),
            };
            cursors.push(TermCursor {
                postings,
                at: 0,
                fieldnorms,
                bm25: bm25.boost_by(boost),
            });
        }
        Ok(cursors)
    }

    /// The cursors in the segment of each word it holds, the walked words first, the
    /// rarest first; `None` when fewer words than required are there, so that nothing
    /// matches.
    fn words(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Option<Vec<Word>>> {
        let mut words = Vec::with_capacity(self.words.len());
        let mut missing = 0;
        for (terms, seeked) in &self.words {
            let cursors = self.cursors(terms, reader, boost)?;
            if cursors.is_empty() {
                missing += 1;
                if self.words.len() - missing < self.required {
                    return Ok(None);
                }
                continue;
            }
            words.push(Word {
                cursors,
                seeked: *seeked,
            });
        }
        // The rarest walked word first: it marks the fewest documents for the others.
        words.sort_by_key(|word| (word.seeked, word.cost()));
        Ok(Some(words))
    }

    /// The segment's scorer; `None` when nothing can match there.
    fn all_words_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<AllWordsScorer>> {
        let Some(words) = self.words(reader, boost)?.filter(|w| !w.is_empty()) else {
            return Ok(None);
        };
        let (terms, seeked) = &self.optional;
        let optional = Word {
            cursors: self.cursors(terms, reader, boost)?,
            seeked: *seeked,
        };
        let bonus = match &self.bonus {
            Some(weight) => Some(weight.scorer(reader, boost)?),
            None => None,
        };
        Ok(Some(AllWordsScorer::new(
            words,
            self.required,
            optional,
            bonus,
        )))
    }
}

impl Weight for AllWordsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.all_words_scorer(reader, boost)? {
            Some(scorer) => Box::new(scorer),
            None => Box::new(EmptyScorer),
        })
    }

    /// tantivy's loop over the matches, on the scorer's own type rather than a boxed
    /// `Scorer`: no virtual call to advance and score each of thousands of documents.
    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        if let Some(mut scorer) = self.all_words_scorer(reader, 1.0)? {
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                callback(doc, scorer.score());
                doc = scorer.advance();
            }
        }
        Ok(())
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = scorer_on(self, reader, doc)?;
        let mut explanation = Explanation::new("sum over the terms and the bonus", scorer.score());
        let words = self.words.iter().flat_map(|(terms, _)| terms);
        for term in words.chain(&self.optional.0) {
            for mut cursor in self.cursors(std::slice::from_ref(term), reader, 1.0)? {
                if cursor.seek(doc) == doc {
                    let norm = cursor.fieldnorms.fieldnorm_id(doc);
                    let bm25 = term.explained();
                    explanation.add_detail(bm25.explain(norm, cursor.freq()));
                }
            }
        }
        if let Some(bonus) = &self.bonus {
            if let Ok(detail) = bonus.explain(reader, doc) {
                explanation.add_detail(detail);
            }
        }
        Ok(explanation)
    }
}

/// One term's postings in a segment, read a block of 128 documents at a time, with what
/// scoring it needs.
struct TermCursor {
    postings: BlockSegmentPostings,
    /// Index of the current document in the block; the block's length once the postings
    /// are exhausted.
    at: usize,
    fieldnorms: FieldNormReader,
    bm25: Bm25Weight,
}

impl TermCursor {
    /// The current document, or [`TERMINATED`].
    #[inline]
    fn doc(&self) -> DocId {
        self.postings
            .docs()
            .get(self.at)
            .copied()
            .unwrap_or(TERMINATED)
    }

    /// Moves to the first document at or after `target` and returns it, or [`TERMINATED`].
    fn seek(&mut self, target: DocId) -> DocId {
        let docs = self.postings.docs();
        match docs.last() {
            None => return TERMINATED,
            Some(&last) if last >= target => {
                // In this block: from the current document on, most often the next one.
                let rest = docs.get(self.at..).unwrap_or_default();
                self.at += match rest {
                    [doc, ..] if *doc >= target => 0,
                    [_, doc, ..] if *doc >= target => 1,
                    _ => rest.partition_point(|&doc| doc < target),
                };
            }
            // A later block, found through the skip list; past the last block the index
            // points past its documents.
            Some(_) => self.at = self.postings.seek(target),
        }
        self.doc()
    }

    /// The current document's term frequency.
    #[inline]
    fn freq(&self) -> u32 {
        freq_at(self.postings.freqs(), self.at)
    }

    /// The score of `doc` with term frequency `freq`, as a `TermScorer` scores it.
    #[inline]
    fn score(&self, doc: DocId, freq: u32) -> Score {
        self.bm25.score(self.fieldnorms.fieldnorm_id(doc), freq)
    }

    /// Documents in the posting list.
    fn cost(&self) -> u64 {
        u64::from(self.postings.doc_freq())
    }

    /// Adds the term's score to `scores` for each of its documents in the window from
    /// `start` to `horizon`, marks them in `found`, and moves past them. Every posting is
    /// taken, with no test of whether its document is still a candidate: a test is a
    /// branch mispredicted about half the time on common words, dearer than the score
    /// it saves, and a score added to a document that is not a match is never read.
    #[inline]
    fn add_window(
        &mut self,
        start: DocId,
        horizon: DocId,
        found: &mut [u64; WINDOW_WORDS],
        scores: &mut [Score],
    ) {
        if self.seek(start) >= horizon {
            return;
        }
        loop {
            let docs = self.postings.docs();
            let freqs = self.postings.freqs();
            // A local index, so that the loop keeps it in a register.
            let mut at = self.at;
            while let Some(&doc) = docs.get(at) {
                if doc >= horizon {
                    self.at = at;
                    return;
                }
                let delta = (doc - start) as usize;
                found[delta / 64] |= 1u64 << (delta % 64);
                let points = self.score(doc, freq_at(freqs, at));
                if let Some(score) = scores.get_mut(delta) {
                    *score += points;
                }
                at += 1;
            }
            if docs.is_empty() {
                self.at = at;
                return;
            }
            self.postings.advance();
            self.at = 0;
        }
    }
}

/// The term frequency at index `at` of a block's `freqs`; 1 in a field without
/// frequencies, as tantivy counts it.
#[inline]
fn freq_at(freqs: &[u32], at: usize) -> u32 {
    freqs.get(at).copied().unwrap_or(1)
}

/// One word: its terms' cursors, one a field that holds it in this segment (or the
/// optional terms).
struct Word {
    cursors: Vec<TermCursor>,
    seeked: bool,
}

impl Word {
    /// Postings to walk: the sum over the fields.
    fn cost(&self) -> u64 {
        self.cursors.iter().map(TermCursor::cost).sum()
    }

    /// The first document at or after `target` that holds the word, or [`TERMINATED`].
    fn seek(&mut self, target: DocId) -> DocId {
        self.cursors
            .iter_mut()
            .map(|cursor| cursor.seek(target))
            .min()
            .unwrap_or(TERMINATED)
    }

    /// Adds the word's score to `scores` for its documents in the window from `start`, and
    /// marks them in `found`: walked (all its documents, `keep` or not), or, for a seeked
    /// word, each term seeked to the documents of `keep` (all of them with `first`).
    fn add_window(
        &mut self,
        start: DocId,
        first: bool,
        keep: &[u64; WINDOW_WORDS],
        found: &mut [u64; WINDOW_WORDS],
        scores: &mut [Score],
    ) {
        let horizon = start.saturating_add(WINDOW);
        if first || !self.seeked {
            for cursor in &mut self.cursors {
                cursor.add_window(start, horizon, found, scores);
            }
            return;
        }
        for (k, &bits) in keep.iter().enumerate() {
            let mut rest = bits;
            while rest != 0 {
                let bit = rest & rest.wrapping_neg();
                rest ^= bit;
                let delta = k * 64 + bit.trailing_zeros() as usize;
                let doc = start + delta as DocId;
                for cursor in &mut self.cursors {
                    if cursor.seek(doc) == doc {
                        found[k] |= bit;
                        if let Some(score) = scores.get_mut(delta) {
                            *score += cursor.score(doc, cursor.freq());
                        }
                    }
                }
            }
        }
    }
}

/// The documents holding every word (or the required share of them), a window at a time.
struct AllWordsScorer {
    /// Rarest first.
    words: Vec<Word>,
    /// In a question, by position in the window: bitset `j` marks the documents holding
    /// more than `j` of the words added so far, one bitset for each word a match needs
    /// (none when every word is required).
    counts: Vec<[u64; WINDOW_WORDS]>,
    /// Terms that only add to the score of the documents the words find.
    optional: Word,
    bonus: Option<Box<dyn Scorer>>,
    /// The window's first document.
    start: DocId,
    /// Documents of the window holding every word and not yet returned.
    matches: Box<[u64; WINDOW_WORDS]>,
    /// A word's documents in the window, while it is added.
    found: Box<[u64; WINDOW_WORDS]>,
    /// Sum of the terms' scores, by position in the window.
    scores: Box<[Score]>,
    /// Index of the bitset word holding the next match.
    next_bits: usize,
    doc: DocId,
}

impl AllWordsScorer {
    /// Matches documents holding `required` of `words` (which holds at least as many).
    fn new(
        words: Vec<Word>,
        required: usize,
        optional: Word,
        bonus: Option<Box<dyn Scorer>>,
    ) -> AllWordsScorer {
        let counted = if required < words.len() { required } else { 0 };
        let mut scorer = AllWordsScorer {
            words,
            counts: vec![[0; WINDOW_WORDS]; counted],
            optional,
            bonus,
            start: 0,
            matches: Box::new([0; WINDOW_WORDS]),
            found: Box::new([0; WINDOW_WORDS]),
            scores: vec![0.0; WINDOW as usize].into_boxed_slice(),
            next_bits: WINDOW_WORDS,
            doc: 0,
        };
        scorer.doc = scorer.next_window(0);
        scorer
    }

    /// Fills the next window that holds a match, from `target` on, and returns its first
    /// match, or [`TERMINATED`].
    fn next_window(&mut self, mut target: DocId) -> DocId {
        loop {
            let start = self.window_start(target);
            if start == TERMINATED {
                return TERMINATED;
            }
            self.start = start;
            self.scores.fill(0.0);
            if self.counts.is_empty() {
                self.intersect_window(start);
            } else {
                self.count_window(start);
            }
            if self.matches.iter().any(|&bits| bits != 0) {
                // Optional terms add to the matches only: `found` takes marks no one reads.
                let (matches, found) = (&*self.matches, &mut *self.found);
                let optional = &mut self.optional;
                optional.add_window(start, false, matches, found, &mut self.scores);
                if !self.optional.seeked {
                    self.add_bonus_window(start);
                }
            }
            self.next_bits = 0;
            if let Some(doc) = self.pop() {
                return doc;
            }
            target = start.saturating_add(WINDOW);
        }
    }

    /// Adds the bonus's score to `scores` for its documents in the window from `start`,
    /// walking them: as cheap as the pairs' terms the planner had walked, where asking it
    /// about each match would seek it as many times as there are matches. The bonus comes
    /// last, as in [`Scorer::score`] when it is seeked, so the sums are the same.
    fn add_bonus_window(&mut self, start: DocId) {
        let Some(bonus) = &mut self.bonus else {
            return;
        };
        let horizon = start.saturating_add(WINDOW);
        let mut doc = bonus.doc();
        if doc < start {
            doc = bonus.seek(start);
        }
        while doc < horizon {
            if let Some(score) = self.scores.get_mut((doc - start) as usize) {
                *score += bonus.score();
            }
            doc = bonus.advance();
        }
    }

    /// The first document from `target` on that may hold the required words: the latest
    /// of the words' next documents, or, in a question, the earliest that enough of them
    /// reach.
    fn window_start(&mut self, target: DocId) -> DocId {
        if self.counts.is_empty() {
            let mut start = target;
            for word in &mut self.words {
                start = start.max(word.seek(target));
            }
            return start;
        }
        let mut next: Vec<DocId> = self.words.iter_mut().map(|w| w.seek(target)).collect();
        next.sort_unstable();
        // The earliest that as many words as `counts` has bitsets reach.
        let required = self.counts.len();
        next.get(required - 1).copied().unwrap_or(TERMINATED)
    }

    /// Marks in `matches` the window's documents holding every word, and adds up their
    /// scores.
    fn intersect_window(&mut self, start: DocId) {
        let (matches, found) = (&mut *self.matches, &mut *self.found);
        for (n, word) in self.words.iter_mut().enumerate() {
            found.fill(0);
            word.add_window(start, n == 0, matches, found, &mut self.scores);
            if n == 0 {
                matches.copy_from_slice(found);
            } else {
                for (bits, word_bits) in matches.iter_mut().zip(found.iter()) {
                    *bits &= word_bits;
                }
            }
            if matches.iter().all(|&bits| bits == 0) {
                return;
            }
        }
    }

    /// Marks in `matches` the window's documents holding the required share of the words,
    /// and adds up their scores. Each word is walked whole, and the count of words a
    /// document holds is kept a bitset per count, 64 documents at a time.
    fn count_window(&mut self, start: DocId) {
        for counts in &mut self.counts {
            counts.fill(0);
        }
        let found = &mut *self.found;
        for word in &mut self.words {
            found.fill(0);
            word.add_window(start, true, &self.matches, found, &mut self.scores);
            // From the highest count down, so that a word counts once for a document.
            for j in (1..self.counts.len()).rev() {
                let (lower, higher) = self.counts.split_at_mut(j);
                let (more, fewer) = (&mut higher[0], &lower[j - 1]);
                for ((bits, below), word_bits) in more.iter_mut().zip(fewer).zip(found.iter()) {
                    *bits |= below & word_bits;
                }
            }
            if let Some(once) = self.counts.first_mut() {
                for (bits, word_bits) in once.iter_mut().zip(found.iter()) {
                    *bits |= word_bits;
                }
            }
        }
        if let Some(enough) = self.counts.last() {
            self.matches.copy_from_slice(enough);
        }
    }

    /// The window's next match, taken out of its bits.
    fn pop(&mut self) -> Option<DocId> {
        while let Some(&bits) = self.matches.get(self.next_bits) {
            if bits != 0 {
                self.matches[self.next_bits] = bits & (bits - 1);
                let delta = self.next_bits as u32 * 64 + bits.trailing_zeros();
                return Some(self.start + delta);
            }
            self.next_bits += 1;
        }
        None
    }
}

impl DocSet for AllWordsScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.doc = match self.pop() {
            Some(doc) => doc,
            None => self.next_window(self.start.saturating_add(WINDOW)),
        };
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if target >= self.start.saturating_add(WINDOW) {
            self.doc = self.next_window(target);
            return self.doc;
        }
        while self.doc < target {
            self.advance();
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // The rarest word's documents, a word counted as its most common field; in a
        // question, the most common word's.
        let word_size = |w: &Word| w.cursors.iter().map(|c| c.postings.doc_freq()).max();
        let sizes = self.words.iter().filter_map(word_size);
        if self.counts.is_empty() {
            sizes.min().unwrap_or(0)
        } else {
            sizes.max().unwrap_or(0)
        }
    }

    fn cost(&self) -> u64 {
        self.words.iter().map(Word::cost).sum()
    }
}

impl Scorer for AllWordsScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let at = doc.wrapping_sub(self.start) as usize;
        let mut score = self.scores.get(at).copied().unwrap_or(0.0);
        // A walked bonus is in `scores` already (see `add_bonus_window`).
        if let Some(bonus) = self.bonus.as_mut().filter(|_| self.optional.seeked) {
            if bonus.doc() <= doc && bonus.seek(doc) == doc {
                score += bonus.score();
            }
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, TermQuery};
    use tantivy::schema::{Field, Schema, TEXT};
    use tantivy::{doc, DocAddress, Index, IndexWriter};

    /// An index of two text fields, a body and a title, over `docs`, in segments of
    /// `per_segment` documents.
    fn index(docs: &[(String, String)], per_segment: usize) -> (Index, [Field; 2]) {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let title = schema.add_text_field("title", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).expect("writer");
        for chunk in docs.chunks(per_segment) {
            for (text, heading) in chunk {
                writer
                    .add_document(doc!(body => text.as_str(), title => heading.as_str()))
                    .expect("add");
            }
            writer.commit().expect("commit");
        }
        (index, [body, title])
    }

    /// Documents where x, y and z turn up in the body and the title with varying counts and
    /// lengths, some of them together, over several windows and posting blocks.
    fn corpus() -> Vec<(String, String)> {
        (0..11_000)
            .map(|n: usize| {
                let mut body = vec!["filler"; n % 9];
                let mut title = vec!["other"; n % 3];
                if n.is_multiple_of(2) {
                    body.extend(std::iter::repeat_n("x", 1 + n % 4));
                }
                if n.is_multiple_of(3) {
                    body.push("y");
                }
                if n.is_multiple_of(5) {
                    title.extend(["x", "y"]);
                }
                if n.is_multiple_of(7) || (6_000..6_100).contains(&n) {
                    body.push("z");
                }
                (body.join(" "), title.join(" "))
            })
            .collect()
    }

    /// Every match of `query` with its score, in document order.
    fn results(index: &Index, query: &dyn Query) -> Vec<(DocAddress, f32)> {
        let searcher = index.reader().expect("reader").searcher();
        let (mut top, count) = searcher
            .search(
                query,
                &(TopDocs::with_limit(100_000).order_by_score(), Count),
            )
            .expect("search");
        assert_eq!(top.len(), count);
        top.sort_by_key(|&(_, address)| address);
        top.into_iter().map(|(s, a)| (a, s)).collect()
    }

    fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
        Box::new(BoostQuery::new(query, boost))
    }

    fn term(field: Field, word: &str) -> Box<dyn Query> {
        let term = Term::from_field_text(field, word);
        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
    }

    /// A bonus scorer that is not a term's: a phrase in the title.
    fn phrase(title: Field) -> Box<dyn Query> {
        let phrase = PhraseQuery::new(vec![
            Term::from_field_text(title, "x"),
            Term::from_field_text(title, "y"),
        ]);
        boosted(Box::new(phrase), 10.0)
    }

    /// The bonus of `build` as tantivy's queries: a term and a phrase, as one union.
    fn bonus(body: Field, title: Field) -> Box<dyn Query> {
        Box::new(BooleanQuery::new(vec![
            (Occur::Should, boosted(term(body, "z"), 4.0)),
            (Occur::Should, phrase(title)),
        ]))
    }

    /// A word as tantivy's queries: the union of its boosted terms.
    fn union_of(word: &BoostedTerms) -> Box<dyn Query> {
        let fields = word
            .iter()
            .map(|(t, b)| {
                let q = TermQuery::new(t.clone(), IndexRecordOption::WithFreqs);
                (Occur::Should, boosted(Box::new(q), *b))
            })
            .collect();
        Box::new(BooleanQuery::new(fields))
    }

    /// The same query as tantivy's boolean queries: every word a union of its fields,
    /// all required, the bonus optional.
    fn boolean(words: &[BoostedTerms], bonus: Option<Box<dyn Query>>) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|word| (Occur::Must, union_of(word)))
            .collect();
        clauses.extend(bonus.map(|q| (Occur::Should, q)));
        Box::new(BooleanQuery::new(clauses))
    }

    /// A question as tantivy's boolean queries: every word a union of its fields,
    /// `required` of them needed, the bonus optional.
    fn question(
        words: &[BoostedTerms],
        required: usize,
        bonus: Option<Box<dyn Query>>,
    ) -> Box<dyn Query> {
        let unions = words.iter().map(union_of).collect();
        let share = BooleanQuery::union_with_minimum_required_clauses(unions, required);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(share))];
        clauses.extend(bonus.map(|q| (Occur::Should, q)));
        Box::new(BooleanQuery::new(clauses))
    }

    /// A word in the body and, boosted, in the title.
    fn word_in(body: Field, title: Field, w: &str) -> BoostedTerms {
        vec![
            (Term::from_field_text(body, w), 1.0),
            (Term::from_field_text(title, w), 2.5),
        ]
    }

    /// The same documents in the same order, scores equal but for the order of the sums.
    fn assert_same(ours: &[(DocAddress, f32)], theirs: &[(DocAddress, f32)]) {
        assert_eq!(ours.len(), theirs.len());
        for ((d1, s1), (d2, s2)) in ours.iter().zip(theirs) {
            assert_eq!(d1, d2);
            assert!((s1 - s2).abs() <= 1e-5 * s2.abs(), "{d1:?}: {s1} vs {s2}");
        }
    }

    #[test]
    fn matches_and_scores_as_an_intersection_of_unions_with_a_bonus() {
        let (index, [body, title]) = index(&corpus(), 5_000);
        let word = |w: &str| word_in(body, title, w);
        let absent = vec![(Term::from_field_text(body, "absent"), 1.0)];
        let table: [Vec<BoostedTerms>; 4] = [
            vec![word("x"), word("y")],
            vec![word("x"), word("y"), word("z")],
            vec![word("z"), vec![(Term::from_field_text(title, "x"), 5.0)]],
            vec![word("x"), absent],
        ];
        for words in table {
            // Every word walked, or all but the first seeked; the bonus's term optional
            // (walked or seeked), its phrase as a query; or no bonus.
            for seeked in [false, true] {
                let sets: Vec<TermSet> = words
                    .iter()
                    .enumerate()
                    .map(|(n, terms)| TermSet {
                        terms: terms.clone(),
                        seeked: seeked && n > 0,
                    })
                    .collect();
                let optional = TermSet {
                    terms: vec![(Term::from_field_text(body, "z"), 4.0)],
                    seeked,
                };
                let ours = AllWordsQuery::new(sets.clone(), optional, Some(phrase(title)));
                let theirs = boolean(&words, Some(bonus(body, title)));
                assert_same(&results(&index, &ours), &results(&index, &*theirs));
                let none = TermSet {
                    terms: Vec::new(),
                    seeked,
                };
                let ours = AllWordsQuery::new(sets, none, None);
                let theirs = boolean(&words, None);
                assert_same(&results(&index, &ours), &results(&index, &*theirs));
            }
        }
    }

    #[test]
    fn matches_and_scores_a_question_as_a_union_requiring_a_share_of_its_words() {
        let (index, [body, title]) = index(&corpus(), 5_000);
        let word = |w: &str| word_in(body, title, w);
        let absent = vec![(Term::from_field_text(body, "absent"), 1.0)];
        // The words, how many a match needs, and whether anything matches.
        let table: [(Vec<BoostedTerms>, usize, bool); 5] = [
            (vec![word("x"), word("y"), word("z")], 2, true),
            (vec![word("x"), word("y"), word("z")], 1, true),
            (
                vec![word("z"), word("y"), word("x"), word("filler")],
                3,
                true,
            ),
            (vec![word("x"), absent.clone(), word("z")], 2, true),
            (vec![absent.clone(), word("y"), absent], 2, false),
        ];
        for (words, required, some) in table {
            // Asked to seek, a question still walks every word.
            let sets: Vec<TermSet> = words
                .iter()
                .map(|terms| TermSet {
                    terms: terms.clone(),
                    seeked: true,
                })
                .collect();
            let optional = TermSet {
                terms: vec![(Term::from_field_text(body, "z"), 4.0)],
                seeked: false,
            };
            let ours = AllWordsQuery::new(sets, optional, Some(phrase(title))).requiring(required);
            let theirs = question(&words, required, Some(bonus(body, title)));
            let (ours, theirs) = (results(&index, &ours), results(&index, &*theirs));
            assert_same(&ours, &theirs);
            assert_eq!(!ours.is_empty(), some);
        }
    }

    #[test]
    fn seeks_within_and_past_its_window_and_explains_a_match() {
        let (index, [body, title]) = index(&corpus(), 11_000);
        let set = |word: &str, seeked: bool| TermSet {
            terms: vec![(Term::from_field_text(body, word), 1.0)],
            seeked,
        };
        let words = vec![set("x", false), set("z", true)];
        let query = AllWordsQuery::new(words, set("z", false), Some(phrase(title)));
        let scored = results(&index, &query);
        let all: Vec<DocId> = scored.iter().map(|(a, _)| a.doc_id).collect();
        let searcher = index.reader().expect("reader").searcher();
        let weight = query
            .weight(EnableScoring::enabled_from_searcher(&searcher))
            .expect("weight");
        let reader = searcher.segment_reader(0);
        let mut scorer = weight.scorer(reader, 1.0).expect("scorer");
        // Even multiples of 7: 0, 14, 28, ... and the run 6,000..6,100.
        assert_eq!(scorer.doc(), 0);
        assert_eq!(scorer.seek(15), 28);
        assert_eq!(scorer.seek(5_000), 5_012);
        assert_eq!(scorer.seek(6_001), 6_002);
        assert_eq!(scorer.advance(), 6_004);
        assert_eq!(scorer.seek(10_997), TERMINATED);
        assert!(all.contains(&5_012) && all.contains(&6_098) && !all.contains(&6_001));
        let explained = query
            .explain(&searcher, DocAddress::new(0, 5_012))
            .expect("5,012 matches");
        let score = scored
            .iter()
            .find(|(a, _)| a.doc_id == 5_012)
            .map(|&(_, s)| s);
        assert_eq!(Some(explained.value()), score);
        // Each term's part says where its idf comes from.
        let json = explained.to_pretty_json();
        assert!(
            json.contains("n, number of docs containing this term"),
            "{json}"
        );
        assert!(query.explain(&searcher, DocAddress::new(0, 5_013)).is_err());
    }
}
