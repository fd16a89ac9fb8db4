//! The tantivy index: schema, Vietnamese analyzers, and writing documents with their manifest.

pub mod analyzers;
pub mod body_codec;
pub mod duplicates;
pub mod index_document;
pub mod manifest;
pub mod schema;
pub mod snapshot;
pub mod stored;
pub mod writer;

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::store::Compressor;
use tantivy::{Index, IndexSettings};

pub use schema::Fields;

/// Errors opening or writing the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// The index directory could not be created or opened.
    #[error("cannot open index directory {path}: {source}")]
    Directory {
        /// The directory.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The directory holds an index this version cannot use.
    #[error("index at {path} is not a tracuu index ({reason}); delete it and ingest again")]
    Incompatible {
        /// The directory.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Another process holds the writer lock (an ingest is running).
    #[error("another ingest is writing to {path}; wait for it to finish")]
    Locked {
        /// The directory.
        path: PathBuf,
    },
    /// Any other tantivy error.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// How tantivy compresses its blocks of stored documents: not at all. The body, most of
/// what is stored, comes compressed already (`body_codec`: zstd with a dictionary, one
/// body at a time). lz4 over the blocks saved 2 MB of titles, ids and citations on vnnews,
/// but every hit paid for inflating its whole block: 4 % of a query.
const DOCSTORE_COMPRESSION: Compressor = Compressor::None;
/// Bytes of stored documents kept together in a block: none, so every document is a block
/// of its own. Uncompressed blocks gain nothing from company, and a hit copies its whole block.
const DOCSTORE_BLOCK_BYTES: usize = 0;

/// The settings every tracuu index is created with.
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: DOCSTORE_COMPRESSION,
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..IndexSettings::default()
    }
}

/// Opens the index in `dir`, creating it (and the directory) when absent, with the
/// Vietnamese analyzers registered. An index with another schema or other settings is
/// [`IndexError::Incompatible`].
pub fn open_or_create(dir: &Path) -> Result<(Index, Fields), IndexError> {
    std::fs::create_dir_all(dir).map_err(|source| IndexError::Directory {
        path: dir.to_path_buf(),
        source,
    })?;
    let directory = MmapDirectory::open(dir).map_err(|e| IndexError::Directory {
        path: dir.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let index = Index::builder()
        .schema(schema::build())
        .settings(settings())
        .open_or_create(directory)
        .map_err(|e| match e {
            tantivy::TantivyError::SchemaError(reason) => IndexError::Incompatible {
                path: dir.to_path_buf(),
                reason,
            },
            other => IndexError::Tantivy(other),
        })?;
    // Settings are fixed when an index is created: an older one is rebuilt to get them.
    let wanted = settings();
    let have = index.settings();
    if have.docstore_compression != wanted.docstore_compression
        || have.docstore_blocksize != wanted.docstore_blocksize
    {
        return Err(IndexError::Incompatible {
            path: dir.to_path_buf(),
            reason: format!(
                "document store {:?} in blocks of {} bytes, expected {:?} in blocks of {}",
                have.docstore_compression,
                have.docstore_blocksize,
                wanted.docstore_compression,
                wanted.docstore_blocksize
            ),
        });
    }
    analyzers::register(&index);
    let fields =
        Fields::from_schema(&index.schema()).map_err(|reason| IndexError::Incompatible {
            path: dir.to_path_buf(),
            reason,
        })?;
    Ok((index, fields))
}

/// Deletes the index in `dir`; refuses a directory that does not look like an index, so
/// that a mistyped `--index` cannot wipe anything else.
pub fn remove(dir: &Path) -> Result<(), IndexError> {
    let io = |source| IndexError::Directory {
        path: dir.to_path_buf(),
        source,
    };
    if !exists(dir) {
        return Err(io(std::io::Error::other(
            "no meta.json: not an index, not deleting",
        )));
    }
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_file() {
            std::fs::remove_file(&path).map_err(io)?;
        }
    }
    Ok(())
}

/// Whether `dir` already holds an index.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The current schema with `name` indexed by `analyzer` with `record` instead.
    fn schema_with(
        name: &str,
        analyzer: &str,
        record: tantivy::schema::IndexRecordOption,
        stored: bool,
    ) -> tantivy::schema::Schema {
        use tantivy::schema::{TextFieldIndexing, TextOptions};
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record);
        let mut options = TextOptions::default().set_indexing_options(indexing);
        if stored {
            options = options.set_stored();
        }
        schema_replacing(tantivy::schema::FieldEntry::new_text(
            name.to_string(),
            options,
        ))
    }

    /// The current schema without the field `name`.
    fn schema_without(name: &str) -> tantivy::schema::Schema {
        let mut b = tantivy::schema::Schema::builder();
        for (_, field) in schema::build().fields() {
            if field.name() != name {
                b.add_field(field.clone());
            }
        }
        b.build()
    }

    /// The current schema with the field of `entry`'s name replaced by it.
    fn schema_replacing(entry: tantivy::schema::FieldEntry) -> tantivy::schema::Schema {
        let mut b = tantivy::schema::Schema::builder();
        for (_, field) in schema::build().fields() {
            if field.name() == entry.name() {
                b.add_field(entry.clone());
            } else {
                b.add_field(field.clone());
            }
        }
        b.build()
    }

    /// The schemas of earlier versions: the exact body, then the folded one, with positions;
    /// the body stored as text instead of bytes; no pairs of the title's words; duplicate
    /// keys as terms.
    fn old_schemas() -> [tantivy::schema::Schema; 5] {
        use tantivy::schema::IndexRecordOption::{WithFreqs, WithFreqsAndPositions};
        [
            schema_replacing(tantivy::schema::FieldEntry::new_text(
                "dedup".to_string(),
                tantivy::schema::STRING,
            )),
            schema_without("title_bigram"),
            schema_with("body", analyzers::VI_EXACT, WithFreqs, true),
            schema_with("body", analyzers::VI_EXACT, WithFreqsAndPositions, true),
            schema_with(
                "body_fold",
                analyzers::VI_FOLD,
                WithFreqsAndPositions,
                false,
            ),
        ]
    }

    /// Opening the index in `dir` fails as incompatible.
    fn assert_incompatible(dir: &Path) {
        let err = open_or_create(dir).err();
        assert!(
            matches!(err, Some(IndexError::Incompatible { .. })),
            "{err:?}"
        );
    }

    #[test]
    fn an_index_with_an_old_schema_is_incompatible() {
        for old in old_schemas() {
            assert_ne!(old, schema::build());
            let dir = tempfile::tempdir().expect("tempdir");
            Index::builder()
                .schema(old)
                .settings(settings())
                .create_in_dir(dir.path())
                .expect("old index");
            assert_incompatible(dir.path());
        }
    }

    #[test]
    fn an_index_with_an_old_document_store_is_incompatible() {
        let dir = tempfile::tempdir().expect("tempdir");
        // tantivy's default store: lz4 in 16 KB blocks.
        Index::create_in_dir(dir.path(), schema::build()).expect("default index");
        assert_incompatible(dir.path());
        remove(dir.path()).expect("remove");
        assert!(open_or_create(dir.path()).is_ok());

        // Earlier stores of this schema: zstd blocks, before bodies were compressed one by
        // one; lz4 blocks of 8 KB, before the blocks were left uncompressed; uncompressed
        // blocks of 8 KB, before each document was a block of its own.
        let zstd = Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(5),
        });
        let stores = [
            (zstd, 8192),
            (Compressor::Lz4, 8192),
            (Compressor::None, 8192),
        ];
        for (docstore_compression, docstore_blocksize) in stores {
            let dir = tempfile::tempdir().expect("tempdir");
            let old = IndexSettings {
                docstore_compression,
                docstore_blocksize,
                ..settings()
            };
            Index::builder()
                .schema(schema::build())
                .settings(old)
                .create_in_dir(dir.path())
                .expect("old index");
            assert_incompatible(dir.path());
        }
    }
}
