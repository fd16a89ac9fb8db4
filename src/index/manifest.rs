//! What the index holds, per source file: kept in tantivy's commit payload so that it is
//! committed atomically with the documents, and an interrupted ingest leaves no lie behind.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::cite::versions::Version;
use tantivy::Index;

/// Bumped when the way documents are built changes, so that an upgrade re-ingests everything.
/// 2: duplicate-detection terms keep 40 bits of their hashes.
/// 3: duplicate-detection terms keep 36 bits, six a character.
/// 4: body pairs stop at clause punctuation (the schema is the same, the terms are not: only
/// this version tells such an index is old).
/// 5: bodies stored compressed one by one with `body_codec`'s dictionary.
/// 6: a longer body's frame ends its first block after the head (`body_codec::HEAD_BYTES`);
/// version 5 bodies still read, but an upgrade stores every body so.
/// 7: citation keys changed (Party symbols written the State way, decrees by number and
/// year, "19-2017/NQ-CP"; a bare mention no longer re-keys a symbol's own key).
/// 8: a number's leading zeros are not part of its word ("05" is indexed "5").
/// 9: citations changed (laws by title and year, with their names; State symbol shapes;
/// shared Party symbols keyed by year; "Công ước … về Luật Biển" no law; congress keys
/// with the local body's accents).
/// 10: a local body's documents keyed by its place ("nghi-quyet/5-NQ/TU/bắc-ninh"); a
/// plenum's mention no longer aliased to a resolution of that plenum across documents;
/// U+2010 and U+2011 normalised to '-'; the Party's platforms cited (`cuong-linh/1991`).
/// 11: laws cited by their known title alone ("Luật Đất đai", `luat/đất-đai`); a bare State
/// number not aliased to a document issued after the text; a zero-width space between two
/// syllables read as a space.
/// 12: a decree given its year ("Nghị định 79 năm 2010") keyed as that year's; a decree
/// without its year the year the corpus cites far most (`cite::graph::dominant_year`).
pub const PIPELINE_VERSION: u32 = 12;

/// Prefix of the sources of documents written through the API rather than read from a
/// corpus file: an ingest neither rewrites nor removes them.
pub const API_SOURCE_PREFIX: &str = "api:";

/// Whether `source` names a document written through the API.
pub fn is_api_source(source: &str) -> bool {
    source.starts_with(API_SOURCE_PREFIX)
}

/// The state of every source file the index holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Version of the pipeline that built the documents.
    pub version: u32,
    /// Source path (relative to the corpus root) → what was indexed from it.
    pub files: BTreeMap<String, FileState>,
    /// Citation keys learned to name the same document as another key: alias → canonical.
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
    /// Symbol keys that several documents share → those documents (`cite::versions`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub versions: BTreeMap<String, Vec<Version>>,
}

/// What is known of one indexed file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u64,
    /// xxh3 hash of the bytes.
    pub hash: u64,
    /// How many documents it gave.
    pub docs: usize,
    /// Documents of this file not indexed because they copy another: id → the original's id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub duplicates: BTreeMap<String, String>,
}

impl Manifest {
    /// Reads the manifest of the last commit; an index from another pipeline version (or
    /// none) gives an empty manifest with the current version, so everything is re-ingested.
    pub fn load(index: &Index) -> Manifest {
        let fresh = Manifest {
            version: PIPELINE_VERSION,
            ..Manifest::default()
        };
        let Ok(metas) = index.load_metas() else {
            return fresh;
        };
        match metas
            .payload
            .as_deref()
            .map(serde_json::from_str::<Manifest>)
        {
            Some(Ok(m)) if m.version == PIPELINE_VERSION => m,
            _ => fresh,
        }
    }

    /// The original of a document id that was dropped as a duplicate.
    pub fn original_of(&self, id: &str) -> Option<&str> {
        self.files
            .values()
            .find_map(|f| f.duplicates.get(id))
            .map(String::as_str)
    }

    /// Ids and sources of the copies of `original`, as `(id, source)`.
    pub fn copies_of(&self, original: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (source, file) in &self.files {
            for (id, of) in &file.duplicates {
                if of == original {
                    out.push((id.clone(), source.clone()));
                }
            }
        }
        out
    }

    /// Total documents across files.
    pub fn documents(&self) -> usize {
        self.files.values().map(|f| f.docs).sum()
    }
}
