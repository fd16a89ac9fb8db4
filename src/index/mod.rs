//! The tantivy index: schema, Vietnamese analyzers, and writing documents with their manifest.

pub mod analyzers;
pub mod duplicates;
pub mod manifest;
pub mod schema;
pub mod snapshot;
pub mod stored;
pub mod writer;

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::Index;

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

/// Opens the index in `dir`, creating it (and the directory) when absent, with the
/// Vietnamese analyzers registered.
pub fn open_or_create(dir: &Path) -> Result<(Index, Fields), IndexError> {
    std::fs::create_dir_all(dir).map_err(|source| IndexError::Directory {
        path: dir.to_path_buf(),
        source,
    })?;
    let directory = MmapDirectory::open(dir).map_err(|e| IndexError::Directory {
        path: dir.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let index = Index::open_or_create(directory, schema::build()).map_err(|e| match e {
        tantivy::TantivyError::SchemaError(reason) => IndexError::Incompatible {
            path: dir.to_path_buf(),
            reason,
        },
        other => IndexError::Tantivy(other),
    })?;
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
