//! tracuu ("tra cứu", to look up): search for Vietnamese Party directives and news.
//!
//! The modules follow the data: `text` (normalise, fold, tokenise) → `ingest` (files to
//! documents) → `cite` (citations in them) → `index` (tantivy) → `search` (queries,
//! snippets, facets) → `server` (HTTP); `export` writes the index out for OpenSearch or
//! Quickwit; `eval` measures the ranking on a benchmark.

pub mod text;

pub mod ingest;

pub mod cite;

pub mod document;

pub mod index;

pub mod search;

pub mod export;

pub mod eval;

pub mod server;
