//! A union of a few queries that scores only the documents it is asked about.
//!
//! tantivy's union (`BooleanQuery` of should-clauses) buffers a window of 4,096 documents
//! and scores every posting of every clause in it. That pays when the union is walked
//! from end to end, but a query word is a union of four fields inside an intersection with
//! the other words, which seeks it to the few documents they share: each seek past the
//! window scored thousands of postings to use one. This union seeks its clauses to the
//! target and scores the ones that land on it, so a seek costs a skip in each clause.

use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use super::explain::scorer_on;

/// Matches the documents any clause matches, scored by the sum of the clauses that match.
#[derive(Debug)]
pub struct AnyOfQuery {
    clauses: Vec<Box<dyn Query>>,
}

impl AnyOfQuery {
    /// The union of `clauses`.
    pub fn new(clauses: Vec<Box<dyn Query>>) -> AnyOfQuery {
        AnyOfQuery { clauses }
    }
}

impl Clone for AnyOfQuery {
    fn clone(&self) -> Self {
        AnyOfQuery {
            clauses: self.clauses.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl Query for AnyOfQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let clauses = self
            .clauses
            .iter()
            .map(|q| q.weight(enable_scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(AnyOfWeight { clauses }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for clause in &self.clauses {
            clause.query_terms(visitor);
        }
    }
}

/// The weight of an [`AnyOfQuery`]: one weight a clause.
struct AnyOfWeight {
    clauses: Vec<Box<dyn Weight>>,
}

impl Weight for AnyOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.clauses.len());
        for weight in &self.clauses {
            let scorer = weight.scorer(reader, boost)?;
            // A word absent from this segment's field matches nothing here.
            if scorer.doc() != TERMINATED {
                scorers.push(scorer);
            }
        }
        Ok(match scorers.len() {
            0 => Box::new(EmptyScorer),
            1 => scorers.remove(0),
            _ => Box::new(AnyOfScorer::new(scorers)),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = scorer_on(self, reader, doc)?;
        let mut explanation = Explanation::new("sum of the clauses that match", scorer.score());
        for weight in &self.clauses {
            if let Ok(detail) = weight.explain(reader, doc) {
                explanation.add_detail(detail);
            }
        }
        Ok(explanation)
    }
}

/// The union as a doc set: every clause stands on its next document, `doc` on the least.
pub struct AnyOfScorer {
    clauses: Vec<Box<dyn Scorer>>,
    /// The document each clause stands on, kept here so that finding the least one costs
    /// no call through the clause's vtable.
    docs: Vec<DocId>,
    doc: DocId,
}

impl AnyOfScorer {
    /// The union of `clauses`, each on its first document.
    pub fn new(clauses: Vec<Box<dyn Scorer>>) -> AnyOfScorer {
        let docs: Vec<DocId> = clauses.iter().map(|c| c.doc()).collect();
        let doc = least(&docs);
        AnyOfScorer { clauses, docs, doc }
    }
}

/// The least of `docs`, or [`TERMINATED`] for none.
#[inline]
fn least(docs: &[DocId]) -> DocId {
    docs.iter().copied().min().unwrap_or(TERMINATED)
}

impl DocSet for AnyOfScorer {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for (clause, doc) in self.clauses.iter_mut().zip(&mut self.docs) {
            if *doc == current {
                *doc = clause.advance();
            }
        }
        self.doc = least(&self.docs);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for (clause, doc) in self.clauses.iter_mut().zip(&mut self.docs) {
            if *doc < target {
                *doc = clause.seek(target);
            }
        }
        self.doc = least(&self.docs);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // At most the sum, at least the largest: the sum overcounts shared documents,
        // which for the fields of one word are most of them.
        self.clauses
            .iter()
            .map(|c| c.size_hint())
            .max()
            .unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.clauses.iter().map(|c| c.cost()).sum()
    }
}

impl Scorer for AnyOfScorer {
    fn score(&mut self) -> Score {
        let current = self.doc;
        let mut sum = 0.0;
        for (clause, &doc) in self.clauses.iter_mut().zip(&self.docs) {
            if doc == current {
                sum += clause.score();
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index};

    /// An index of `docs`, each a list of (field, word).
    fn index(docs: &[&[(&str, &str)]]) -> (Index, [tantivy::schema::Field; 2]) {
        let mut schema = Schema::builder();
        let a = schema.add_text_field("a", STRING);
        let b = schema.add_text_field("b", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).expect("writer");
        for words in docs {
            let mut d = doc!();
            for &(field, word) in *words {
                d.add_text(if field == "a" { a } else { b }, word);
            }
            writer.add_document(d).expect("add");
        }
        writer.commit().expect("commit");
        (index, [a, b])
    }

    fn term(field: tantivy::schema::Field, word: &str, boost: f32) -> Box<dyn Query> {
        let q = TermQuery::new(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        );
        Box::new(BoostQuery::new(Box::new(q), boost))
    }

    /// Doc ids and scores of `query`, best first.
    fn results(index: &Index, query: &dyn Query) -> Vec<(u32, f32)> {
        let searcher = index.reader().expect("reader").searcher();
        let (top, count) = searcher
            .search(
                query,
                &(TopDocs::with_limit(10_000).order_by_score(), Count),
            )
            .expect("search");
        assert_eq!(top.len(), count);
        let mut out: Vec<(u32, f32)> = top.into_iter().map(|(s, a)| (a.doc_id, s)).collect();
        out.sort_by_key(|&(doc, _)| doc);
        out
    }

    #[test]
    fn scores_like_a_boolean_union_alone_and_inside_an_intersection() {
        // x in a or b, sometimes both; y in a, over enough documents to cross the
        // 4,096-document window of tantivy's union.
        let docs: Vec<Vec<(&str, &str)>> = (0..10_000)
            .map(|n| {
                let mut d = Vec::new();
                if n % 3 == 0 {
                    d.push(("a", "x"));
                }
                if n % 5 == 0 {
                    d.push(("b", "x"));
                }
                if n % 7 == 0 || n == 9_999 {
                    d.push(("a", "y"));
                }
                d.push(("b", "filler"));
                d
            })
            .collect();
        let refs: Vec<&[(&str, &str)]> = docs.iter().map(Vec::as_slice).collect();
        let (index, [a, b]) = index(&refs);
        let clauses = || vec![term(a, "x", 1.0), term(b, "x", 2.5), term(b, "absent", 3.0)];
        let boolean = |clauses: Vec<Box<dyn Query>>| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(
                clauses.into_iter().map(|q| (Occur::Should, q)).collect(),
            ))
        };
        let ours: Box<dyn Query> = Box::new(AnyOfQuery::new(clauses()));
        let theirs = boolean(clauses());
        let same = |left: Vec<(u32, f32)>, right: Vec<(u32, f32)>| {
            assert_eq!(left.len(), right.len());
            for ((d1, s1), (d2, s2)) in left.iter().zip(&right) {
                assert_eq!(d1, d2);
                assert!((s1 - s2).abs() < 1e-4, "{d1}: {s1} vs {s2}");
            }
        };
        same(results(&index, &*ours), results(&index, &*theirs));
        let and = |x: Box<dyn Query>| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, x),
                (Occur::Must, term(a, "y", 1.0)),
            ]))
        };
        let anded = results(&index, &*and(ours));
        assert!(anded.iter().any(|&(doc, _)| doc == 9_999));
        same(anded, results(&index, &*and(theirs)));
    }

    #[test]
    fn one_or_no_clause_in_a_segment_is_that_clause_or_nothing() {
        let (index, [a, b]) = index(&[&[("a", "x")], &[("b", "y")]]);
        let one = AnyOfQuery::new(vec![term(a, "x", 1.0), term(b, "absent", 1.0)]);
        assert_eq!(results(&index, &one).len(), 1);
        let none = AnyOfQuery::new(vec![term(a, "absent", 1.0)]);
        assert!(results(&index, &none).is_empty());
        let searcher = index.reader().expect("reader").searcher();
        let explained = one
            .explain(&searcher, tantivy::DocAddress::new(0, 0))
            .expect("explain");
        assert!(explained.value() > 0.0);
        assert!(one
            .explain(&searcher, tantivy::DocAddress::new(0, 1))
            .is_err());
    }
}
