//! Ingest: read a corpus directory into the index, incrementally.
//!
//! A file whose size, time and hash match the manifest of the last commit is not read
//! again; a changed file has all its documents replaced; a deleted file's documents go.

pub mod boilerplate;
pub mod byline;
pub mod dates;
pub mod decode;
pub mod dedup;
pub mod hashed;
pub mod html;
mod html_depth;
mod html_meta;
mod html_text;
pub mod jsonl;
pub mod keys;
pub mod links;
pub mod load;
pub mod page;
pub mod put;
pub mod report;
pub mod sources;
pub mod split;
pub mod text_article;

pub use page::Page;
pub use report::{Duplicate, IngestReport, Progress};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Instant;

use boilerplate::{BoilerplateLearner, BoilerplateSet};

use crate::document::Document;
use crate::index::duplicates::DuplicateFinder;
use crate::index::manifest::{is_api_source, FileState, Manifest};
use crate::index::writer::Writer;
use crate::index::{self, IndexError};
use sources::{Skipped, SourceFile};

/// Files larger than this are rejected unless the caller raises it: a 200 MB "article" is
/// almost always a mistake, and a page is read whole (JSON Lines stream, so raising the
/// limit for a large export costs no memory).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Errors that stop an ingest as a whole (per-file problems are skipped and reported).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The corpus directory cannot be read.
    #[error("cannot read corpus directory {path}: {source}")]
    Corpus {
        /// The directory.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The index cannot be opened or written.
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// What to ingest where.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// The corpus directory.
    pub corpus: PathBuf,
    /// The index directory.
    pub index: PathBuf,
    /// Larger files are skipped with a reason.
    pub max_file_bytes: u64,
}

impl IngestOptions {
    /// Options with the default limits.
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> Self {
        IngestOptions {
            corpus: corpus.into(),
            index: index.into(),
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// What the files of one run share.
struct RunState<'a> {
    /// Lines that are not article text, built in and learned from the corpus.
    boilerplate: &'a BoilerplateSet,
    /// Document ids accepted so far, with their file.
    seen_ids: &'a mut HashMap<String, String>,
    /// Copies of documents already accepted or indexed.
    duplicates: &'a mut DuplicateFinder,
    /// Sources whose documents this run rewrites or removes.
    replaced: &'a HashSet<String>,
    /// Documents that cite something, waiting for the corpus-level citation keys before
    /// they are written. Only these wait: the keys learned from the whole corpus change
    /// nothing in a document that cites nothing, so the rest is written as it is read.
    pending: Vec<Document>,
}

/// Ingests `options.corpus` into `options.index`, telling `progress` how it goes.
pub fn run(
    options: &IngestOptions,
    mut progress: impl FnMut(Progress<'_>),
) -> Result<IngestReport, IngestError> {
    let started = Instant::now();
    let scan = sources::scan(&options.corpus).map_err(|source| IngestError::Corpus {
        path: options.corpus.clone(),
        source,
    })?;
    let (index, fields) = match index::open_or_create(&options.index) {
        // The index is generated from the corpus: one built by another version is rebuilt.
        Err(IndexError::Incompatible { path, reason }) => {
            tracing::warn!(%reason, "rebuilding the index at {}", path.display());
            index::remove(&path)?;
            index::open_or_create(&options.index)?
        }
        other => other?,
    };
    let mut writer = Writer::open(&index, fields, &options.index)?;
    let committed = writer.committed().clone();
    let files = &scan.files;
    let mut report = IngestReport {
        files_seen: files.len(),
        skipped: scan.skipped.clone(),
        ..IngestReport::default()
    };
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let mut duplicates = DuplicateFinder::new(&index, fields)?;
    // Sources whose documents this run rewrites or removes: not originals to compare with.
    // What could not be read is kept as it was, not taken for deleted.
    let present: HashSet<&str> = files
        .iter()
        .map(|f| f.rel.as_str())
        .chain(
            committed
                .files
                .keys()
                .map(String::as_str)
                .filter(|k| scan.hides(k)),
        )
        .collect();
    let replaced: HashSet<String> = files
        .iter()
        .filter(|f| {
            committed
                .files
                .get(&f.rel)
                .is_none_or(|old| old.size != f.size || old.mtime_ns != f.mtime_ns)
        })
        .map(|f| f.rel.clone())
        .chain(
            committed
                .files
                .keys()
                .filter(|k| !present.contains(k.as_str()) && !is_api_source(k))
                .cloned(),
        )
        .collect();
    let boilerplate = if files.iter().any(|f| {
        replaced.contains(&f.rel) && !matches!(f.format, sources::Format::JsonLines { .. })
    }) {
        learn_boilerplate(files, options.max_file_bytes)
    } else {
        BoilerplateSet::builtin()
    };
    let mut run = RunState {
        boilerplate: &boilerplate,
        seen_ids: &mut seen_ids,
        duplicates: &mut duplicates,
        replaced: &replaced,
        pending: Vec::new(),
    };
    progress(Progress::Scanned {
        files: files.len(),
        bytes: files.iter().map(|f| f.size).sum(),
    });

    for file in files {
        let result = ingest_file(
            file,
            options,
            &mut writer,
            &committed,
            &mut report,
            &mut run,
            &mut progress,
        );
        progress(Progress::Done(file.size));
        result?;
    }

    let gone: Vec<String> = committed
        .files
        .keys()
        .filter(|k| !present.contains(k.as_str()) && !is_api_source(k))
        .cloned()
        .collect();
    // What one document says in full teaches what another means by a short mention: the
    // keys are learned again from the whole corpus the index will hold.
    let changed = !run.pending.is_empty() || !replaced.is_empty() || !gone.is_empty();
    if changed {
        let leaving =
            |source: &str, _id: &str| replaced.contains(source) || gone.iter().any(|g| g == source);
        report.documents_rekeyed = keys::relearn(&mut writer, leaving, &mut run.pending)?;
        for doc in std::mem::take(&mut run.pending) {
            writer.add(&doc)?;
            report.documents_written += 1;
        }
    }
    for gone in &gone {
        writer.remove_source(gone);
        report.files_removed += 1;
    }
    progress(Progress::Committing);
    let manifest = writer.commit()?;
    report.documents_total = manifest.documents();
    // Whatever was there before and is neither kept nor rewritten was removed.
    report.documents_removed =
        (committed.documents() + report.documents_written).saturating_sub(report.documents_total);
    report.elapsed = started.elapsed();
    Ok(report)
}

/// A line on at least this many pages, and on this share of them, is the site's furniture.
const LEARNED_MIN_PAGES: usize = 4;
/// See [`LEARNED_MIN_PAGES`]: a third of the pages still leaves real repeated sentences out.
const LEARNED_MIN_SHARE: f64 = 0.3;

/// Learns the lines the corpus's pages repeat (footers, menus, bylines of the site) from
/// every text and HTML file, so that no single page's extraction has to know its site.
fn learn_boilerplate(files: &[SourceFile], max_file_bytes: u64) -> BoilerplateSet {
    let mut learner = BoilerplateLearner::new();
    // A page saved twice (or reached twice through a link) is one page: its copies must not
    // teach that its own lines are the site's furniture, which would empty every copy.
    let mut pages_seen = HashSet::new();
    for file in files {
        if matches!(file.format, sources::Format::JsonLines { .. }) || file.size > max_file_bytes {
            continue;
        }
        if let Ok(bytes) = std::fs::read(&file.path) {
            if !pages_seen.insert(hashed::content_hash(&bytes)) {
                continue;
            }
            let lines = load::page_lines(file, &bytes);
            learner.observe(lines.iter().map(String::as_str));
        }
    }
    learner.finish(LEARNED_MIN_PAGES, LEARNED_MIN_SHARE)
}

/// Brings one file's documents in the index up to date.
fn ingest_file(
    file: &SourceFile,
    options: &IngestOptions,
    writer: &mut Writer,
    committed: &Manifest,
    report: &mut IngestReport,
    run: &mut RunState<'_>,
    progress: &mut impl FnMut(Progress<'_>),
) -> Result<(), IngestError> {
    let old = committed.files.get(&file.rel);
    if old.is_some_and(|old| old.size == file.size && old.mtime_ns == file.mtime_ns) {
        report.files_unchanged += 1;
        return Ok(());
    }
    if file.size > options.max_file_bytes {
        report.skip(
            file,
            format!(
                "file is {} bytes, over the limit of {} (raise --max-file-mb)",
                file.size, options.max_file_bytes
            ),
        );
        // A file that grew past the limit must not keep its stale documents.
        if old.is_some() {
            writer.remove_source(&file.rel);
        }
        return Ok(());
    }
    progress(Progress::Reading(file));
    // JSON Lines stream through the hash, so that a large file is never whole in memory;
    // a page is read whole first, so that a read error leaves its old documents alone.
    let mut input = match Input::open(file) {
        Ok(input) => input,
        Err(e) => return cannot_read(file, &e, report),
    };
    // A file of the size it had may have been touched, not changed: its hash tells.
    if let Some(old) = old.filter(|old| old.size == file.size) {
        match input.hash_ahead(&file.path) {
            Ok(hash) if hash == old.hash => {
                let state = FileState {
                    mtime_ns: file.mtime_ns,
                    ..old.clone()
                };
                writer.set_source_state(&file.rel, state);
                report.files_unchanged += 1;
                return Ok(());
            }
            Ok(_) => {}
            Err(e) => return cannot_read(file, &e, report),
        }
    }
    // The file's old documents go before its first new one is added; a rejected file's go
    // too (it hands over nothing).
    writer.clear_source(&file.rel);
    let mut accepted = 0;
    let mut copies = BTreeMap::new();
    let mut failed = None;
    let boilerplate = run.boilerplate;
    let take = |documents: Vec<Document>| {
        for doc in documents {
            match accept(doc, file, report, run, &mut copies) {
                Ok(None) => {}
                Ok(Some(doc)) if !doc.citations.is_empty() => {
                    accepted += 1;
                    run.pending.push(doc);
                }
                Ok(Some(doc)) => {
                    accepted += 1;
                    if let Err(e) = writer.add(&doc) {
                        failed = Some(e);
                        return ControlFlow::Break(());
                    }
                    report.documents_written += 1;
                }
                Err(e) => {
                    failed = Some(e);
                    return ControlFlow::Break(());
                }
            }
        }
        ControlFlow::Continue(())
    };
    let loaded = match &mut input {
        Input::Whole(bytes) => load::load(file, bytes, boilerplate, take),
        Input::Stream(reader) => load::load_json_lines(file, &mut **reader, take),
    };
    if let Some(e) = failed {
        return Err(e.into());
    }
    let hash = input.hash().unwrap_or_else(|e| {
        // Hash 0 matches no content: the next ingest reads the file again.
        report.skip(file, format!("cannot read the rest: {e}"));
        0
    });
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(reason) => {
            report.skip(file, reason);
            if old.is_some() {
                writer.remove_source(&file.rel);
            }
            return Ok(());
        }
    };
    report.bytes_read += loaded.bytes;
    for reason in loaded.skipped {
        report.skip(file, reason);
    }
    for reason in loaded.warnings {
        report.warnings.push(Skipped {
            path: file.rel.clone(),
            reason,
        });
    }
    let state = FileState {
        size: file.size,
        mtime_ns: file.mtime_ns,
        hash,
        docs: accepted,
        duplicates: copies,
    };
    writer.set_source_state(&file.rel, state);
    if old.is_some() {
        report.files_updated += 1;
    } else {
        report.files_added += 1;
    }
    Ok(())
}

/// Takes `doc` unless its id was seen before in this run or it copies a document already
/// accepted or indexed (then it is reported, and a copy recorded in `copies`).
fn accept(
    doc: Document,
    file: &SourceFile,
    report: &mut IngestReport,
    run: &mut RunState<'_>,
    copies: &mut BTreeMap<String, String>,
) -> Result<Option<Document>, IndexError> {
    if let Some(first) = run.seen_ids.get(&doc.id) {
        report.skip(
            file,
            format!("duplicate id {} (first seen in {first})", doc.id),
        );
        return Ok(None);
    }
    if let Some(holder) = run
        .duplicates
        .id_kept_elsewhere(&doc.id, &file.rel, run.replaced)?
    {
        report.skip(
            file,
            format!("duplicate id {} (already indexed from {holder})", doc.id),
        );
        return Ok(None);
    }
    run.seen_ids.insert(doc.id.clone(), file.rel.clone());
    if let Some(original) = run.duplicates.original_of(&doc, run.replaced)? {
        report.duplicates.push(Duplicate {
            id: doc.id.clone(),
            source: file.rel.clone(),
            original: original.clone(),
        });
        copies.insert(doc.id, original);
        return Ok(None);
    }
    run.duplicates.remember(&doc);
    Ok(Some(doc))
}

/// A corpus file as it is read: whole, or streamed through its hash.
enum Input {
    Whole(Vec<u8>),
    /// Boxed: the hash state is 640 bytes.
    Stream(Box<hashed::HashingReader<std::fs::File>>),
}

impl Input {
    /// Reads a page whole; opens a JSON Lines file to stream.
    fn open(file: &SourceFile) -> std::io::Result<Input> {
        Ok(match file.format {
            sources::Format::JsonLines { .. } => Input::Stream(Box::new(
                hashed::HashingReader::new(std::fs::File::open(&file.path)?),
            )),
            sources::Format::Text | sources::Format::Html => {
                Input::Whole(std::fs::read(&file.path)?)
            }
        })
    }

    /// The file's hash before it is loaded: from the bytes held, or by reading the file at
    /// `path` through once ahead of the stream.
    fn hash_ahead(&self, path: &std::path::Path) -> std::io::Result<u64> {
        match self {
            Input::Whole(bytes) => Ok(hashed::content_hash(bytes)),
            Input::Stream(_) => hashed::file_hash(path),
        }
    }

    /// The hash of the whole file, whatever part of it was read.
    fn hash(self) -> std::io::Result<u64> {
        match self {
            Input::Whole(bytes) => Ok(hashed::content_hash(&bytes)),
            Input::Stream(reader) => reader.finish(),
        }
    }
}

/// Skips a file that cannot be read; it may have vanished since the scan, and its old
/// documents stay until a scan sees it missing.
fn cannot_read(
    file: &SourceFile,
    error: &std::io::Error,
    report: &mut IngestReport,
) -> Result<(), IngestError> {
    report.skip(file, format!("cannot read: {error}"));
    Ok(())
}
