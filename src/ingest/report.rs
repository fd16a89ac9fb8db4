//! What an ingest tells its caller: progress as it goes, and the report at the end.

use std::time::Duration;

use serde::Serialize;

use super::sources::{Skipped, SourceFile};

/// What an ingest did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IngestReport {
    /// Corpus files found in a readable format.
    pub files_seen: usize,
    /// Files unchanged since the last ingest, not read.
    pub files_unchanged: usize,
    /// Files new to the index.
    pub files_added: usize,
    /// Files changed and re-read.
    pub files_updated: usize,
    /// Files gone from the corpus, their documents removed.
    pub files_removed: usize,
    /// Documents written from new and changed files.
    pub documents_written: usize,
    /// Documents removed: from deleted files, and the old versions of changed ones.
    pub documents_removed: usize,
    /// Documents indexed earlier whose citation keys were unified with ones learned now.
    pub documents_rekeyed: usize,
    /// Documents in the index after the commit.
    pub documents_total: usize,
    /// Files or parts of files not ingested, with reasons.
    pub skipped: Vec<Skipped>,
    /// Documents not indexed because they copy another.
    pub duplicates: Vec<Duplicate>,
    /// Problems repaired on the way.
    pub warnings: Vec<Skipped>,
    /// Bytes of content read from changed files (after decompression).
    pub bytes_read: u64,
    /// Wall time.
    #[serde(skip)]
    pub elapsed: Duration,
}

impl IngestReport {
    /// Whether the ingest changed the index.
    pub fn changed(&self) -> bool {
        self.files_added + self.files_updated + self.files_removed > 0
    }

    /// Throughput over the bytes read, in MB/s.
    pub fn megabytes_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes_read as f64 / 1e6 / secs
    }
}

/// What an ingest tells its caller as it goes, for a progress bar or log lines.
#[derive(Clone, Copy, Debug)]
pub enum Progress<'a> {
    /// The corpus was scanned: this many files and bytes may need reading.
    Scanned {
        /// Files in a readable format.
        files: usize,
        /// Their total size on disk.
        bytes: u64,
    },
    /// A file is about to be read (unchanged files are not announced).
    Reading(&'a SourceFile),
    /// A file is done with (read, unchanged or skipped); its size on disk.
    Done(u64),
    /// Everything is read; the commit is being written.
    Committing,
}

/// A document dropped as a copy of another.
#[derive(Clone, Debug, Serialize)]
pub struct Duplicate {
    /// The copy's id.
    pub id: String,
    /// The copy's file.
    pub source: String,
    /// The id of the document kept.
    pub original: String,
}

impl IngestReport {
    pub(super) fn skip(&mut self, file: &SourceFile, reason: String) {
        self.skipped.push(Skipped {
            path: file.rel.clone(),
            reason,
        });
    }
}
