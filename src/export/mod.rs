//! Export to a distributed engine: every document of the index as NDJSON, with the index
//! definition the engine needs (OpenSearch: index template, bulk files, search template;
//! Quickwit: index config, documents), text pre-normalised and pre-folded by our code.

pub mod ndjson;
pub mod opensearch;
pub mod quickwit;
pub mod record;

use std::fs;
use std::path::{Path, PathBuf};

use tantivy::schema::TantivyDocument;

use crate::index::stored::document_from_stored;
use crate::index::{self, IndexError};
use ndjson::{ChunkWriter, MAX_CHUNK_BYTES};
pub use record::ExportRecord;

/// Documents' blocks the store reader keeps decompressed while walking a segment.
const STORE_CACHE_BLOCKS: usize = 16;

/// The engine to export for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// OpenSearch or Elasticsearch: `template.json`, `bulk-NNNN.ndjson`, `query-template.json`.
    OpenSearch,
    /// Quickwit: `index-config.json`, `docs-NNNN.ndjson`.
    Quickwit,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// There is no index to export.
    #[error("no index at {0}")]
    NoIndex(PathBuf),
    /// The index could not be opened.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// The index failed while reading.
    #[error("reading the index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// An output file could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// What an export wrote.
#[derive(Debug, Default)]
pub struct ExportReport {
    /// Documents exported.
    pub documents: usize,
    /// Stored documents that could not be read back, skipped.
    pub unreadable: usize,
    /// Every file written.
    pub files: Vec<PathBuf>,
}

/// Exports every document of the index in `index_dir` into `out` for `format`, under the
/// engine's index name `name`.
pub fn run(
    index_dir: &Path,
    out: &Path,
    format: Format,
    name: &str,
) -> Result<ExportReport, ExportError> {
    if !index::exists(index_dir) {
        return Err(ExportError::NoIndex(index_dir.to_path_buf()));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    fs::create_dir_all(out).map_err(io(out))?;
    let mut report = ExportReport::default();
    let (definitions, stem) = match format {
        Format::OpenSearch => (
            vec![
                ("template.json", opensearch::index_template(name)),
                ("query-template.json", opensearch::query_template()),
            ],
            "bulk",
        ),
        Format::Quickwit => (
            vec![("index-config.json", quickwit::index_config(name))],
            "docs",
        ),
    };
    for (file, value) in definitions {
        let path = out.join(file);
        let text = serde_json::to_string_pretty(&value).map_err(|e| ExportError::Io {
            path: path.clone(),
            source: e.into(),
        })?;
        fs::write(&path, text + "\n").map_err(io(&path))?;
        report.files.push(path);
    }

    let (index, fields) = index::open_or_create(index_dir)?;
    let searcher = index.reader()?.searcher();
    let mut chunks = ChunkWriter::new(out, stem, MAX_CHUNK_BYTES);
    for segment in searcher.segment_readers() {
        let store = segment
            .get_store_reader(STORE_CACHE_BLOCKS)
            .map_err(|e| ExportError::Tantivy(e.into()))?;
        for doc_id in segment.doc_ids_alive() {
            let stored: TantivyDocument = store.get(doc_id)?;
            let Some(doc) = document_from_stored(&stored, &fields) else {
                report.unreadable += 1;
                continue;
            };
            let record = ExportRecord::of(&doc);
            let source = serde_json::to_string(&record).map_err(|e| ExportError::Io {
                path: out.to_path_buf(),
                source: e.into(),
            })?;
            let written = match format {
                Format::OpenSearch => {
                    let action = opensearch::action_line(name, &record.id).to_string();
                    chunks.write_group(&[&action, &source])
                }
                Format::Quickwit => chunks.write_group(&[&source]),
            };
            written.map_err(io(out))?;
            report.documents += 1;
        }
    }
    report.files.extend(chunks.finish().map_err(io(out))?);
    Ok(report)
}
