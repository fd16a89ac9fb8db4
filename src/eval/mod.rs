//! Ranking quality on a real Vietnamese retrieval benchmark (ALQAC 2023): our engine and
//! plain BM25 peers, with the questions as written and with their accents removed.

pub mod alqac;
pub mod baseline;
pub mod metrics;
pub mod report;
pub mod runner;

use std::path::PathBuf;

pub use metrics::Scores;
pub use report::{Report, Row};
pub use runner::run;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A benchmark file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A line of a benchmark file is not the record expected.
    #[error("{path} line {line}: {source}")]
    Record {
        /// The file.
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// What is wrong with it.
        source: serde_json::Error,
    },
    /// An article has no text to index.
    #[error("article {0} has no text")]
    EmptyArticle(String),
    /// Our index could not be built.
    #[error(transparent)]
    Index(#[from] crate::index::IndexError),
    /// Our engine failed on a question.
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    /// The baseline index failed.
    #[error("baseline index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The baseline could not parse a question.
    #[error("baseline query: {0}")]
    Parse(#[from] tantivy::query::QueryParserError),
}
