//! The index schema: one tantivy document per document, text indexed twice (exact, folded)
//! and stored once. The bodies keep no positions: phrases in the body are matched by their
//! adjacent pairs in `body_bigram`, and the exact body only says which accented words a
//! document holds. Titles, short, keep theirs.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, FAST, STORED, STRING,
};

use super::analyzers::{VI_BIGRAM, VI_EXACT, VI_FOLD};

/// Handles to every field of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Document id, exact.
    pub id: Field,
    /// Source file or URL, exact; re-ingesting a file deletes by it.
    pub source: Field,
    /// Original address, stored.
    pub url: Field,
    /// Title, `vi_exact`, stored.
    pub title: Field,
    /// Title, `vi_fold`.
    pub title_fold: Field,
    /// Title, `vi_bigram`: the pairs of adjacent words, for the bonus of a query's words
    /// side by side in a title (`search::title_pair`). No lengths: it is scored with
    /// `title_fold`'s.
    pub title_bigram: Field,
    /// Body, `vi_exact`; frequencies without positions.
    pub body: Field,
    /// Body as stored: the normalised text, compressed (see [`crate::index::body_codec`]).
    pub body_stored: Field,
    /// Body, `vi_fold`.
    pub body_fold: Field,
    /// Body, `vi_bigram`: adjacent words of one clause as one term, scored without positions.
    pub body_bigram: Field,
    /// Publication date, filterable and sortable.
    pub date: Field,
    /// Author, stored.
    pub author: Field,
    /// Keys of the documents cited, one value each (filter and facet).
    pub cites: Field,
    /// Types of the documents cited (filter).
    pub cited_types: Field,
    /// Citations with spans, as JSON, stored.
    pub citations_json: Field,
    /// Duplicate-detection keys, a fast field of numbers: the exact body hash and the
    /// MinHash bands (`ingest::dedup`). The hash and the sketch themselves are not stored:
    /// they are recomputed from the stored body.
    pub dedup: Field,
}

fn text_options(analyzer: &str, record: IndexRecordOption, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(record);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema.
pub fn build() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("id", STRING | STORED | FAST);
    b.add_text_field("source", STRING | STORED);
    b.add_text_field("url", STORED);
    let positions = IndexRecordOption::WithFreqsAndPositions;
    b.add_text_field("title", text_options(VI_EXACT, positions, true));
    b.add_text_field("title_fold", text_options(VI_FOLD, positions, false));
    let pairs = TextFieldIndexing::default()
        .set_tokenizer(VI_BIGRAM)
        .set_index_option(IndexRecordOption::WithFreqs)
        .set_fieldnorms(false);
    b.add_text_field(
        "title_bigram",
        TextOptions::default().set_indexing_options(pairs),
    );
    // Phrases in the body are matched by their chain of pairs in `body_bigram`
    // (search::build), so neither body field needs positions: they were 27 MB each on vnnews.
    b.add_text_field(
        "body",
        text_options(VI_EXACT, IndexRecordOption::WithFreqs, false),
    );
    // The body is stored as bytes, compressed on its own (`index::body_codec`), so that a
    // hit decompresses its own body only.
    b.add_bytes_field("body_stored", STORED);
    b.add_text_field(
        "body_fold",
        text_options(VI_FOLD, IndexRecordOption::WithFreqs, false),
    );
    // Pairs keep their frequencies: without them the pairs' postings were 12.6 MB (36 %)
    // smaller on vnnews, but ALQAC MRR@10 fell from 0.870 to 0.832 (0.877 to 0.805
    // unaccented): how often a pair recurs is most of what the proximity bonus knows.
    b.add_text_field(
        "body_bigram",
        text_options(VI_BIGRAM, IndexRecordOption::WithFreqs, false),
    );
    b.add_date_field(
        "date",
        DateOptions::default()
            .set_indexed()
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_text_field("author", STORED);
    b.add_text_field("cites", STRING | STORED | FAST);
    b.add_text_field("cited_types", STRING);
    b.add_text_field("citations_json", STORED);
    // Numbers in a column, not terms: `index::duplicates` reads them all once per ingest,
    // and 17 unique terms a document made the term dictionary and the merge pay for each.
    b.add_u64_field("dedup", FAST);
    b.build()
}

impl Fields {
    /// Looks every field up in a schema; fails with the missing name for an old index.
    pub fn from_schema(schema: &Schema) -> Result<Fields, String> {
        let get = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| format!("field `{name}` missing"))
        };
        Ok(Fields {
            id: get("id")?,
            source: get("source")?,
            url: get("url")?,
            title: get("title")?,
            title_fold: get("title_fold")?,
            title_bigram: get("title_bigram")?,
            body: get("body")?,
            body_stored: get("body_stored")?,
            body_fold: get("body_fold")?,
            body_bigram: get("body_bigram")?,
            date: get("date")?,
            author: get("author")?,
            cites: get("cites")?,
            cited_types: get("cited_types")?,
            citations_json: get("citations_json")?,
            dedup: get("dedup")?,
        })
    }
}
