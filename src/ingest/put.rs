//! One document written from outside a corpus (the HTTP write endpoint): normalised and cited
//! like an ingested one, replacing any document with the same id, committed at once.

use std::path::Path;

use tantivy::Index;

use super::load::build_document;
use super::page::Page;
use crate::document::Document;
use crate::index::manifest::{FileState, API_SOURCE_PREFIX};
use crate::index::writer::Writer;
use crate::index::{Fields, IndexError};

/// A document as a client sends it.
#[derive(Clone, Debug, Default)]
pub struct NewDocument {
    /// Its id, kept exactly; a document with the same id is replaced.
    pub id: String,
    /// Title.
    pub title: String,
    /// Plain text body.
    pub body: String,
    /// Publication date.
    pub date: Option<time::Date>,
    /// Original address.
    pub url: Option<String>,
}

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PutError {
    /// The document itself is unusable: the client's fault.
    #[error("{0}")]
    Invalid(String),
    /// The index refused: locked by an ingest, or broken.
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// Normalises, cites and builds the document; `Invalid` when it has no id or no text.
pub fn prepare(new: NewDocument) -> Result<Document, PutError> {
    if new.id.trim().is_empty() {
        return Err(PutError::Invalid("`id` must not be empty".into()));
    }
    let source = format!("{API_SOURCE_PREFIX}{}", new.id);
    let page = Page {
        title: Some(new.title),
        date: new.date,
        author: None,
        body: new.body,
    };
    let mut doc = build_document(new.id, source, page)
        .ok_or_else(|| PutError::Invalid("`body` has no text".into()))?;
    doc.url = new.url.filter(|u| !u.trim().is_empty());
    Ok(doc)
}

/// Writes `doc` into the index in `dir` and commits; fails with [`IndexError::Locked`] at
/// once, without waiting, while an ingest holds the writer lock.
pub fn put(index: &Index, fields: Fields, dir: &Path, mut doc: Document) -> Result<(), PutError> {
    let mut writer = Writer::open(index, fields, dir)?;
    // What the corpus teaches about keys is learned again with this document in it, in place
    // of the one it replaces: it may teach an alias the others use, or a shared symbol's year.
    let id = doc.id.clone();
    let replaced = |_source: &str, stored: &str| stored == id;
    super::keys::relearn(&mut writer, replaced, std::slice::from_mut(&mut doc))?;
    // The manifest entry changes with the content, so that a changed document is committed
    // and the same one posted twice writes nothing.
    let content = serde_json::to_vec(&doc).unwrap_or_default();
    let state = FileState {
        size: doc.body.len() as u64,
        mtime_ns: 0,
        hash: xxhash_rust::xxh3::xxh3_64(&content),
        docs: 1,
        duplicates: Default::default(),
    };
    writer.put_document(&doc, state)?;
    writer.commit()?;
    Ok(())
}
