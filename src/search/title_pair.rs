//! Two words side by side in a title, matched as one term of the title's pairs and scored
//! as the phrase of the two words in the folded title would be.
//!
//! The bonus for a query's adjacent words in a title was a phrase query on `title_fold`:
//! it intersected the two words' postings and compared their positions, for every document
//! holding both (7 % of a query). The pair is one term in `title_bigram`, walked like any
//! term; its score keeps the phrase's: BM25 with the two words' summed idf, the folded
//! title's length, and the pair's count as the phrase's. The one difference is the pairs'
//! own rule: no pair across clause punctuation ("Hà Nội, Việt Nam" holds no "nội việt").

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

use super::explain::{does_not_match, seek_to};
use crate::text::bigram_filter::bigram;

/// Documents whose title holds `first` and `second` side by side (folded words).
#[derive(Clone, Debug)]
pub struct TitlePairQuery {
    /// The pair in the title's pairs field.
    pair: Term,
    /// The two words in the folded title field, for the phrase's statistics.
    words: [Term; 2],
}

impl TitlePairQuery {
    /// The pair of the folded words `first` and `second`, looked up in `pairs_field` and
    /// scored with the statistics of `words_field`.
    pub fn new(
        pairs_field: Field,
        words_field: Field,
        first: &str,
        second: &str,
    ) -> TitlePairQuery {
        TitlePairQuery {
            pair: Term::from_field_text(pairs_field, &bigram(first, second)),
            words: [
                Term::from_field_text(words_field, first),
                Term::from_field_text(words_field, second),
            ],
        }
    }
}

impl Query for TitlePairQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = match enable_scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Bm25Weight::for_terms(statistics_provider, &self.words)?,
            // Unscored (a count): any weight will do.
            EnableScoring::Disabled { .. } => Bm25Weight::for_one_term(1, 1, 1.0),
        };
        Ok(Box::new(TitlePairWeight {
            pair: self.pair.clone(),
            words_field: self.words[0].field(),
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        visitor(&self.pair, false);
    }
}

/// The weight of a [`TitlePairQuery`].
struct TitlePairWeight {
    pair: Term,
    words_field: Field,
    bm25: Bm25Weight,
}

impl TitlePairWeight {
    fn pair_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<PairScorer>> {
        let postings = reader
            .inverted_index(self.pair.field())?
            .read_postings(&self.pair, IndexRecordOption::WithFreqs)?;
        let Some(postings) = postings else {
            return Ok(None);
        };
        // The phrase's length normalisation: the folded title's word count.
        let fieldnorms = reader.get_fieldnorms_reader(self.words_field)?;
        Ok(Some(PairScorer {
            postings,
            fieldnorms,
            bm25: self.bm25.boost_by(boost),
        }))
    }
}

impl Weight for TitlePairWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.pair_scorer(reader, boost)? {
            Some(scorer) => Box::new(scorer),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let scorer = self.pair_scorer(reader, 1.0)?;
        let scorer = seek_to(scorer.ok_or_else(|| does_not_match(doc))?, doc)?;
        let fieldnorm_id = scorer.fieldnorms.fieldnorm_id(doc);
        let mut explanation = scorer
            .bm25
            .explain(fieldnorm_id, scorer.postings.term_freq());
        explanation.add_context("the pair of words side by side in the title".to_string());
        Ok(explanation)
    }
}

/// The pair's postings, scored with the phrase's weight and the folded title's lengths.
struct PairScorer {
    postings: SegmentPostings,
    fieldnorms: FieldNormReader,
    bm25: Bm25Weight,
}

impl DocSet for PairScorer {
    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }
}

impl Scorer for PairScorer {
    fn score(&mut self) -> Score {
        let fieldnorm_id = self.fieldnorms.fieldnorm_id(self.doc());
        self.bm25.score(fieldnorm_id, self.postings.term_freq())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::index::writer::written_index;
    use crate::index::Fields;
    use crate::ingest::dedup::Fingerprint;
    use crate::text::fold::fold;
    use tantivy::collector::TopDocs;
    use tantivy::query::PhraseQuery;
    use tantivy::Index;

    /// An index of documents with `titles`, written by the real writer.
    fn index_of(titles: &[&str]) -> (tempfile::TempDir, Index, Fields) {
        let docs: Vec<Document> = titles
            .iter()
            .enumerate()
            .map(|(n, title)| Document {
                id: format!("tin/{n}"),
                source: "a.jsonl".into(),
                url: None,
                title: crate::text::normalize(title),
                date: None,
                author: None,
                body: "Nội dung.".into(),
                citations: Vec::new(),
                fingerprint: Fingerprint::of("Nội dung."),
            })
            .collect();
        written_index(&docs)
    }

    /// Document ids and scores of `query`, by id.
    fn results(index: &Index, query: &dyn Query) -> Vec<(u32, f32)> {
        let searcher = index.reader().expect("reader").searcher();
        let top = searcher
            .search(query, &TopDocs::with_limit(100).order_by_score())
            .expect("search");
        let mut out: Vec<(u32, f32)> = top.into_iter().map(|(s, a)| (a.doc_id, s)).collect();
        out.sort_by_key(|&(doc, _)| doc);
        out
    }

    /// Titles with pairs once, twice ("nghị định"), in capitals, in symbols, and across a
    /// colon ("thị: những").
    const TITLES: [&str; 8] = [
        "Nghị định 100 về xử phạt vi phạm giao thông",
        "Xử phạt nghị định nghị định",
        "Chính phủ ban hành nghị định mới về nhà hàng",
        "Nhà hàng Việt Nam tại Tây Ban Nha",
        "Nghị quyết 21-NQ/TW về công tác tổ chức xây dựng Đảng",
        "Hướng dẫn 38 của Ban Tổ chức Trung ương",
        "Giao thông đô thị: những điều cần biết",
        "THỦ TƯỚNG chủ trì họp Chính phủ thường kỳ",
    ];

    #[test]
    fn scores_as_the_phrase_of_the_two_folded_words() {
        let (_dir, index, fields) = index_of(&TITLES);
        let pairs = [
            ("nghi", "dinh"),
            ("dinh", "100"),
            ("nha", "hang"),
            ("chinh", "phu"),
            ("21", "nq"),
            ("nq", "tw"),
            ("huong", "dan"),
            ("thu", "tuong"),
            ("xu", "phat"),
            ("viet", "nam"),
            ("phat", "vi"),
        ];
        for (first, second) in pairs {
            let pair = TitlePairQuery::new(fields.title_bigram, fields.title_fold, first, second);
            let phrase = PhraseQuery::new(vec![
                Term::from_field_text(fields.title_fold, first),
                Term::from_field_text(fields.title_fold, second),
            ]);
            let want = results(&index, &phrase);
            assert!(!want.is_empty(), "{first} {second}");
            assert_eq!(results(&index, &pair), want, "{first} {second}");
        }
    }

    #[test]
    fn no_pair_across_clause_punctuation() {
        let (_dir, index, fields) = index_of(&TITLES);
        let across = [fold("thị"), fold("những")];
        let phrase = PhraseQuery::new(
            across
                .iter()
                .map(|w| Term::from_field_text(fields.title_fold, w))
                .collect(),
        );
        assert_eq!(results(&index, &phrase).len(), 1);
        let pair = TitlePairQuery::new(
            fields.title_bigram,
            fields.title_fold,
            &across[0],
            &across[1],
        );
        assert!(results(&index, &pair).is_empty());
    }

    #[test]
    fn explains_the_score_of_a_match() {
        let (_dir, index, fields) = index_of(&TITLES);
        let pair = TitlePairQuery::new(fields.title_bigram, fields.title_fold, "huong", "dan");
        let searcher = index.reader().expect("reader").searcher();
        let [(doc, score)] = results(&index, &pair)[..] else {
            panic!("one match expected");
        };
        let explanation = pair
            .explain(&searcher, tantivy::DocAddress::new(0, doc))
            .expect("explanation");
        assert!((explanation.value() - score).abs() < 1e-5);
        assert!(pair
            .explain(&searcher, tantivy::DocAddress::new(0, doc + 1))
            .is_err());
    }
}
