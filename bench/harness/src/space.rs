//! Where an index's bytes go: per component (postings, terms, positions, fieldnorms, fast
//! fields, store) and per field, from tantivy's own accounting, so that a change to the
//! schema or the store can be weighed field by field.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use tantivy::schema::{TantivyDocument, Value};
use tantivy::space_usage::PerFieldSpaceUsage;
use tantivy::{DocAddress, Index};

/// Bytes of one index, by component and field.
#[derive(Debug, Default, Serialize)]
pub struct Space {
    /// Every file of the directory together (what the report divides by the raw text).
    pub directory_bytes: u64,
    /// What tantivy accounts for, all segments together.
    pub total_bytes: u64,
    /// Segments.
    pub segments: usize,
    /// Component → field → bytes, all segments together.
    pub components: BTreeMap<String, BTreeMap<String, u64>>,
    /// The document store compressed: data and block offsets.
    pub store_bytes: u64,
    /// Stored bytes before compression, per field (the store is compressed as a whole, so
    /// this is the best per-field split there is).
    pub stored_raw_bytes: BTreeMap<String, u64>,
}

/// Measures the index in `dir`.
pub fn measure(dir: &Path) -> Result<Space> {
    let index = Index::open_in_dir(dir)?;
    let searcher = index.reader()?.searcher();
    let usage = searcher.space_usage()?;
    let mut space = Space {
        directory_bytes: directory_bytes(dir)?,
        total_bytes: usage.total().get_bytes(),
        segments: usage.segments().len(),
        ..Space::default()
    };
    for segment in usage.segments() {
        let parts = [
            ("postings", segment.postings()),
            ("terms", segment.termdict()),
            ("positions", segment.positions()),
            ("fieldnorms", segment.fieldnorms()),
            ("fast", segment.fast_fields()),
        ];
        for (name, per_field) in parts {
            add(space.components.entry(name.into()).or_default(), per_field);
        }
        space.store_bytes += segment.store().total().get_bytes();
    }
    let schema = index.schema();
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            let stored: TantivyDocument = searcher.doc(DocAddress::new(ordinal as u32, doc))?;
            for (field, value) in stored.field_values() {
                let name = schema.get_field_name(field).to_string();
                *space.stored_raw_bytes.entry(name).or_default() += value_bytes(value);
            }
        }
    }
    Ok(space)
}

fn add(into: &mut BTreeMap<String, u64>, usage: &PerFieldSpaceUsage) {
    for field in usage.fields() {
        *into.entry(field.field_name().to_string()).or_default() += field.total().get_bytes();
    }
}

/// Bytes a stored value stands for: its text, or eight for a number or date.
fn value_bytes<'a>(value: impl Value<'a>) -> u64 {
    match (value.as_str(), value.as_bytes()) {
        (Some(text), _) => text.len() as u64,
        (None, Some(bytes)) => bytes.len() as u64,
        (None, None) => 8,
    }
}

fn directory_bytes(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let meta = entry?.metadata()?;
        if meta.is_file() {
            total += meta.len();
        }
    }
    Ok(total)
}
