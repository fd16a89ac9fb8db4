//! Retrieval metrics over one ranked list of ids and the set of relevant ids: recall@k,
//! reciprocal rank (MRR@k averaged), nDCG@k with binary relevance; and their averages.

use serde::Serialize;

/// Recall at `k`: the share of the relevant ids found in the first `k` ranked ids.
pub fn recall_at(ranked: &[String], relevant: &[String], k: usize) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let found = relevant
        .iter()
        .filter(|r| ranked.iter().take(k).any(|id| id == *r))
        .count();
    found as f64 / relevant.len() as f64
}

/// Reciprocal rank of the first relevant id within the first `k`, 0 when none.
pub fn reciprocal_rank(ranked: &[String], relevant: &[String], k: usize) -> f64 {
    ranked
        .iter()
        .take(k)
        .position(|id| relevant.contains(id))
        .map_or(0.0, |p| 1.0 / (p as f64 + 1.0))
}

/// nDCG at `k` with binary gains: DCG of the ranking over DCG of the ideal one.
pub fn ndcg_at(ranked: &[String], relevant: &[String], k: usize) -> f64 {
    let discount = |rank: usize| 1.0 / (rank as f64 + 2.0).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .filter(|(_, id)| relevant.contains(id))
        .map(|(rank, _)| discount(rank))
        .sum();
    let ideal: f64 = (0..relevant.len().min(k)).map(discount).sum();
    if ideal == 0.0 {
        0.0
    } else {
        dcg / ideal
    }
}

/// The reported metrics, each averaged over the questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Recall@1.
    pub recall_1: f64,
    /// Recall@5.
    pub recall_5: f64,
    /// Recall@10.
    pub recall_10: f64,
    /// Recall@100.
    pub recall_100: f64,
    /// Mean reciprocal rank within the first 10.
    pub mrr_10: f64,
    /// nDCG@10.
    pub ndcg_10: f64,
}

impl Scores {
    /// Averages the metrics over `(ranked, relevant)` pairs, one per question.
    pub fn average<'a>(runs: impl IntoIterator<Item = (&'a [String], &'a [String])>) -> Scores {
        let mut sum = Scores::default();
        let mut n = 0usize;
        for (ranked, relevant) in runs {
            sum.recall_1 += recall_at(ranked, relevant, 1);
            sum.recall_5 += recall_at(ranked, relevant, 5);
            sum.recall_10 += recall_at(ranked, relevant, 10);
            sum.recall_100 += recall_at(ranked, relevant, 100);
            sum.mrr_10 += reciprocal_rank(ranked, relevant, 10);
            sum.ndcg_10 += ndcg_at(ranked, relevant, 10);
            n += 1;
        }
        if n == 0 {
            return sum;
        }
        let n = n as f64;
        Scores {
            recall_1: sum.recall_1 / n,
            recall_5: sum.recall_5 / n,
            recall_10: sum.recall_10 / n,
            recall_100: sum.recall_100 / n,
            mrr_10: sum.mrr_10 / n,
            ndcg_10: sum.ndcg_10 / n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn recall_table() {
        // (ranked, relevant, k, expected)
        let table: [(&[&str], &[&str], usize, f64); 6] = [
            (&["a", "b", "c"], &["a"], 1, 1.0),
            (&["a", "b", "c"], &["b"], 1, 0.0),
            (&["a", "b", "c"], &["b"], 5, 1.0),
            (&["a", "b", "c"], &["c", "z"], 10, 0.5),
            (&[], &["a"], 10, 0.0),
            (&["a"], &[], 10, 0.0),
        ];
        for (ranked, relevant, k, expected) in table {
            let got = recall_at(&ids(ranked), &ids(relevant), k);
            assert!(close(got, expected), "{ranked:?} {relevant:?} @{k}: {got}");
        }
    }

    #[test]
    fn reciprocal_rank_table() {
        let table: [(&[&str], &[&str], usize, f64); 5] = [
            (&["a", "b"], &["a"], 10, 1.0),
            (&["x", "a"], &["a"], 10, 0.5),
            (&["x", "y", "z", "a"], &["a", "z"], 10, 1.0 / 3.0),
            (&["x", "y", "a"], &["a"], 2, 0.0),
            (&[], &["a"], 10, 0.0),
        ];
        for (ranked, relevant, k, expected) in table {
            let got = reciprocal_rank(&ids(ranked), &ids(relevant), k);
            assert!(close(got, expected), "{ranked:?} {relevant:?} @{k}: {got}");
        }
    }

    #[test]
    fn ndcg_table() {
        let d = |rank: usize| 1.0 / (rank as f64 + 2.0).log2();
        let table: [(&[&str], &[&str], usize, f64); 5] = [
            (&["a", "b"], &["a"], 10, 1.0),
            (&["x", "a"], &["a"], 10, d(1)),
            (
                &["x", "a", "b"],
                &["a", "b"],
                10,
                (d(1) + d(2)) / (d(0) + d(1)),
            ),
            (&["x", "a"], &["a"], 1, 0.0),
            (&["x"], &[], 10, 0.0),
        ];
        for (ranked, relevant, k, expected) in table {
            let got = ndcg_at(&ids(ranked), &ids(relevant), k);
            assert!(close(got, expected), "{ranked:?} {relevant:?} @{k}: {got}");
        }
    }

    #[test]
    fn averages_over_questions() {
        let first = (ids(&["a", "b"]), ids(&["a"]));
        let second = (ids(&["x", "b"]), ids(&["b"]));
        let scores = Scores::average([
            (first.0.as_slice(), first.1.as_slice()),
            (second.0.as_slice(), second.1.as_slice()),
        ]);
        assert!(close(scores.recall_1, 0.5));
        assert!(close(scores.recall_10, 1.0));
        assert!(close(scores.mrr_10, 0.75));
        assert_eq!(Scores::average([]), Scores::default());
    }
}
