//! The evaluation's result: one row per system and question form, as Markdown or JSON.

use serde::Serialize;

use super::Scores;

/// The scores of one system on one form of the questions.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// What ranked: our engine or a baseline.
    pub system: String,
    /// Which questions: "accented" (as written) or "unaccented" (folded, as phones type).
    pub questions: String,
    /// The metrics averaged over the questions.
    pub scores: Scores,
}

/// Every row of one evaluation run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// Articles indexed.
    pub articles: usize,
    /// Questions asked (each in both forms).
    pub questions: usize,
    /// The rows, ours first.
    pub rows: Vec<Row>,
}

impl Report {
    /// The scores of `system` on `questions`, if that row exists.
    pub fn scores(&self, system: &str, questions: &str) -> Option<Scores> {
        self.rows
            .iter()
            .find(|r| r.system == system && r.questions == questions)
            .map(|r| r.scores)
    }

    /// A Markdown table, one row per system and question form.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "ALQAC 2023: {} articles, {} questions\n\n",
            self.articles, self.questions
        );
        out.push_str("| system | questions | R@1 | R@5 | R@10 | R@100 | MRR@10 | nDCG@10 |\n");
        out.push_str("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for row in &self.rows {
            let s = &row.scores;
            out.push_str(&format!(
                "| {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
                row.system,
                row.questions,
                s.recall_1,
                s.recall_5,
                s.recall_10,
                s.recall_100,
                s.mrr_10,
                s.ndcg_10
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_has_a_row_per_system() {
        let report = Report {
            articles: 2,
            questions: 1,
            rows: vec![Row {
                system: "tracuu".into(),
                questions: "accented".into(),
                scores: Scores {
                    mrr_10: 0.5,
                    ..Scores::default()
                },
            }],
        };
        let md = report.markdown();
        assert!(md.contains("| tracuu | accented | 0.000 |"), "{md}");
        assert!(md.contains("| 0.500 | 0.000 |\n"), "{md}");
        assert_eq!(
            report.scores("tracuu", "accented").map(|s| s.mrr_10),
            Some(0.5)
        );
        assert!(report.scores("tracuu", "unaccented").is_none());
    }
}
