//! The plain-tantivy peer: the same documents with tantivy's default tokenizer, parsed on
//! one thread and indexed by two, the two threads' segments merged into one as tracuu's
//! are: the ceiling of the engine for our pipeline.

use std::path::Path;

use anyhow::Result;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{Field, Schema, STORED, STRING, TEXT};
use tantivy::{Index, IndexReader, TantivyDocument};

use crate::corpus;

/// Memory for the two indexing threads together, as tracuu's writer has.
const WRITER_MEMORY_BYTES: usize = 256 * 1024 * 1024;

/// What an ingest did.
pub struct Ingested {
    /// Documents indexed.
    pub docs: u64,
    /// Bytes of JSON Lines read (after decompression).
    pub input_bytes: u64,
}

fn schema() -> (Schema, Field, Field, Field) {
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING | STORED);
    let title = b.add_text_field("title", TEXT | STORED);
    let body = b.add_text_field("body", TEXT | STORED);
    (b.build(), id, title, body)
}

/// Indexes the corpus at `data` into a new index in `dir`.
pub fn ingest(data: &Path, dir: &Path) -> Result<Ingested> {
    std::fs::create_dir_all(dir)?;
    let (schema, id, title, body) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    let mut writer = index.writer_with_num_threads(2, WRITER_MEMORY_BYTES)?;
    let mut done = Ingested {
        docs: 0,
        input_bytes: 0,
    };
    for line in corpus::lines(data)? {
        let line = line?;
        done.input_bytes += line.len() as u64 + 1;
        let Some(record) = corpus::parse(&line) else {
            continue;
        };
        done.docs += 1;
        let mut doc = TantivyDocument::default();
        doc.add_text(id, &record.id);
        doc.add_text(title, &record.title);
        doc.add_text(body, &record.body);
        writer.add_document(doc)?;
    }
    writer.commit()?;
    // As tracuu's ingest does, so that both serve one segment.
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    writer.wait_merging_threads()?;
    Ok(done)
}

/// An open plain index answering top-10 + count.
pub struct Plain {
    reader: IndexReader,
    parser: QueryParser,
}

impl Plain {
    /// Opens the index in `dir`.
    pub fn open(dir: &Path) -> Result<Plain> {
        let index = Index::open_in_dir(dir)?;
        let schema = index.schema();
        let fields = vec![schema.get_field("title")?, schema.get_field("body")?];
        let mut parser = QueryParser::for_index(&index, fields);
        // All words required, as tracuu does.
        parser.set_conjunction_by_default();
        Ok(Plain {
            reader: index.reader()?,
            parser,
        })
    }

    /// The number of matches of `q` (the top ten are collected too).
    pub fn search(&self, q: &str) -> Result<usize> {
        let (query, _) = self.parser.parse_query_lenient(q);
        let searcher = self.reader.searcher();
        let (top, count) =
            searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
        std::hint::black_box(top);
        Ok(count)
    }
}
