//! Runs the benchmark: indexes the articles through the real pipeline (normalise, cite,
//! `Writer`), asks every question through `Engine::search`, and the same of the baselines.

use std::path::Path;

use tantivy::Index;

use super::alqac::{self, Article, Benchmark, Question};
use super::baseline::Bm25;
use super::metrics::Scores;
use super::report::{Report, Row};
use super::EvalError;
use crate::index::manifest::FileState;
use crate::index::writer::Writer;
use crate::index::{self, analyzers, schema, Fields};
use crate::ingest::load::build_document;
use crate::ingest::Page;
use crate::search::{Engine, SearchRequest, MAX_LIMIT};
use crate::text::fold;

/// Our engine, in the report.
pub const OURS: &str = "tracuu";
/// Plain BM25 over syllables with accents, in the report.
pub const BM25: &str = "BM25 syllables";
/// Plain BM25 over folded text, in the report.
pub const BM25_FOLDED: &str = "BM25 folded text";
/// The questions as written.
pub const ACCENTED: &str = "accented";
/// The questions with every accent removed, as typed on a phone.
pub const UNACCENTED: &str = "unaccented";

/// The source name the articles are indexed under.
const SOURCE: &str = "alqac2023/articles.jsonl";

/// Evaluates on the benchmark in `data`; our index goes to `index_dir` (rebuilt) or memory.
pub fn run(data: &Path, index_dir: Option<&Path>) -> Result<Report, EvalError> {
    let bench = alqac::load(data)?;
    let engine = build_engine(&bench.articles, index_dir)?;
    let mut report = Report {
        articles: bench.articles.len(),
        questions: bench.questions.len(),
        rows: Vec::new(),
    };
    let ours = |q: &str| ranked_by_engine(&engine, q);
    report.rows.push(row(OURS, ACCENTED, &bench, false, ours)?);
    report.rows.push(row(OURS, UNACCENTED, &bench, true, ours)?);
    let plain = Bm25::build(&bench.articles, false)?;
    let bm25 = |q: &str| plain.search(q, MAX_LIMIT);
    report.rows.push(row(BM25, ACCENTED, &bench, false, bm25)?);
    report.rows.push(row(BM25, UNACCENTED, &bench, true, bm25)?);
    let folded = Bm25::build(&bench.articles, true)?;
    let bm25_folded = |q: &str| folded.search(q, MAX_LIMIT);
    report
        .rows
        .push(row(BM25_FOLDED, UNACCENTED, &bench, true, bm25_folded)?);
    Ok(report)
}

/// Asks every question (folded first when `unaccented`) and averages the metrics.
fn row(
    system: &str,
    questions: &str,
    bench: &Benchmark,
    unaccented: bool,
    search: impl Fn(&str) -> Result<Vec<String>, EvalError>,
) -> Result<Row, EvalError> {
    let ranked: Vec<Vec<String>> = bench
        .questions
        .iter()
        .map(|q| search(&question_text(q, unaccented)))
        .collect::<Result<_, _>>()?;
    let scores = Scores::average(
        ranked
            .iter()
            .zip(&bench.questions)
            .map(|(r, q)| (r.as_slice(), q.relevant.as_slice())),
    );
    Ok(Row {
        system: system.to_string(),
        questions: questions.to_string(),
        scores,
    })
}

fn question_text(question: &Question, unaccented: bool) -> String {
    if unaccented {
        fold(&question.text)
    } else {
        question.text.clone()
    }
}

fn ranked_by_engine(engine: &Engine, question: &str) -> Result<Vec<String>, EvalError> {
    let response = engine.search(&SearchRequest {
        q: question.to_string(),
        limit: Some(MAX_LIMIT),
        ..SearchRequest::default()
    })?;
    Ok(response.hits.into_iter().map(|h| h.id).collect())
}

/// Indexes the articles, each one document with its id kept, as ingest would write them.
fn build_engine(articles: &[Article], index_dir: Option<&Path>) -> Result<Engine, EvalError> {
    let (index, fields, dir) = match index_dir {
        Some(dir) => {
            let (index, fields) = index::open_or_create(dir)?;
            (index, fields, dir.to_path_buf())
        }
        None => {
            let index = Index::create_in_ram(schema::build());
            analyzers::register(&index);
            let fields = Fields::from_schema(&index.schema()).map_err(|reason| {
                index::IndexError::Incompatible {
                    path: "memory".into(),
                    reason,
                }
            })?;
            (index, fields, "memory".into())
        }
    };
    let mut documents = Vec::with_capacity(articles.len());
    for article in articles {
        let page = Page {
            body: article.text.clone(),
            ..Page::default()
        };
        let doc = build_document(article.id.clone(), SOURCE.to_string(), page)
            .ok_or_else(|| EvalError::EmptyArticle(article.id.clone()))?;
        documents.push(doc);
    }
    let mut writer = Writer::open(&index, fields, &dir)?;
    let state = FileState {
        size: 0,
        mtime_ns: 0,
        hash: documents.len() as u64,
        docs: documents.len(),
        duplicates: Default::default(),
    };
    writer.replace_source(SOURCE, &documents, state)?;
    writer.commit()?;
    let engine = Engine::from_index(&index, fields)?;
    engine.reload()?;
    Ok(engine)
}
