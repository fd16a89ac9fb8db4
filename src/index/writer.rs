//! Writes documents into the index, replacing everything that came from the same source.

use std::collections::HashSet;

use tantivy::collector::DocSetCollector;
use tantivy::index::SegmentId;
use tantivy::merge_policy::{DefaultMergePolicy, MergePolicy, NoMergePolicy};
use tantivy::query::ExistsQuery;
use tantivy::schema::{TantivyDocument, Value};
use tantivy::{DateTime, DocAddress, Index, IndexWriter, Searcher, Term};

use super::body_codec::BodyEncoder;
use super::index_document::IndexDocument;
use super::manifest::{FileState, Manifest};
use super::stored::{document_from_stored, stored_citations, stored_text};
use super::{Fields, IndexError};
use crate::cite::{Citation, CorpusKeys};
use crate::document::Document;

/// Memory for the indexing threads together; tantivy splits it between them.
const WRITER_MEMORY_BYTES: usize = 256 * 1024 * 1024;

/// The committed documents that cite anything, as one searcher reads them.
pub struct CommittedCiting {
    searcher: Searcher,
    docs: Vec<CitingDocument>,
}

impl CommittedCiting {
    /// Every document's citations, as stored.
    pub fn citations(&self) -> impl Iterator<Item = &[Citation]> {
        self.docs.iter().map(|d| d.citations.as_slice())
    }
}

/// One committed document that cites.
struct CitingDocument {
    address: DocAddress,
    citations: Vec<Citation>,
    /// The year it was written, when known.
    written: Option<i32>,
}

/// An open writer and the manifest it will commit.
pub struct Writer {
    index: Index,
    writer: IndexWriter<IndexDocument>,
    fields: Fields,
    manifest: Manifest,
    old_manifest: Manifest,
    bodies: BodyEncoder,
    /// The segments committed before this writer opened; the rest are its own.
    segments_before: HashSet<SegmentId>,
}

impl Writer {
    /// Takes the index's writer lock; fails with [`IndexError::Locked`] while another ingest runs.
    pub fn open(
        index: &Index,
        fields: Fields,
        dir: &std::path::Path,
    ) -> Result<Writer, IndexError> {
        let writer = index.writer(WRITER_MEMORY_BYTES).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => IndexError::Locked {
                path: dir.to_path_buf(),
            },
            other => IndexError::Tantivy(other),
        })?;
        // Merges happen at commit, in `merge_segments`, none while the run writes.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let old_manifest = Manifest::load(index);
        let mut manifest = old_manifest.clone();
        if old_manifest.files.is_empty() {
            // A fresh manifest over a non-empty index means another pipeline version built
            // it: start from nothing.
            writer.delete_all_documents()?;
        }
        manifest.version = super::manifest::PIPELINE_VERSION;
        let segments_before = index.searchable_segment_ids()?.into_iter().collect();
        Ok(Writer {
            index: index.clone(),
            writer,
            fields,
            manifest,
            old_manifest,
            bodies: BodyEncoder::new().map_err(|e| IndexError::Tantivy(e.into()))?,
            segments_before,
        })
    }

    /// The manifest as of the last commit.
    pub fn committed(&self) -> &Manifest {
        &self.old_manifest
    }

    /// Replaces whatever the index holds from `source` by `docs`.
    pub fn replace_source(
        &mut self,
        source: &str,
        docs: &[Document],
        state: FileState,
    ) -> Result<(), IndexError> {
        self.clear_source(source);
        for doc in docs {
            self.add(doc)?;
        }
        self.set_source_state(source, state);
        Ok(())
    }

    /// Deletes whatever the index holds from `source`; documents added after stay.
    pub fn clear_source(&mut self, source: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.source, source));
    }

    /// Adds one document (of a source cleared first, if it had any).
    pub fn add(&mut self, doc: &Document) -> Result<(), IndexError> {
        let stored = self.build_document(doc);
        self.writer.add_document(stored)?;
        Ok(())
    }

    /// Replaces the document with `doc.id`, wherever it came from, by `doc`; records it
    /// under its own source so that the manifest commits it.
    pub fn put_document(&mut self, doc: &Document, state: FileState) -> Result<(), IndexError> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, &doc.id));
        self.add(doc)?;
        self.manifest.files.insert(doc.source.clone(), state);
        Ok(())
    }

    /// Records the state of `source` for the manifest: its documents as they stay, or as
    /// they were just added.
    pub fn set_source_state(&mut self, source: &str, state: FileState) {
        self.manifest.files.insert(source.to_string(), state);
    }

    /// Replaces what the corpus taught about keys, committed with the manifest.
    pub fn set_corpus_keys(&mut self, keys: CorpusKeys) {
        self.manifest.aliases = keys.aliases.into_iter().collect();
        self.manifest.versions = keys.versions.into_iter().collect();
    }

    /// The committed documents that cite anything, with their citations as stored, but
    /// those `skip` names by source and id.
    pub fn committed_citing(
        &self,
        skip: impl Fn(&str, &str) -> bool,
    ) -> Result<CommittedCiting, IndexError> {
        let searcher = self.index.reader()?.searcher();
        let exists = ExistsQuery::new("cites".into(), false);
        let mut addresses: Vec<DocAddress> = searcher
            .search(&exists, &DocSetCollector)?
            .into_iter()
            .collect();
        addresses.sort();
        let mut docs = Vec::new();
        for address in addresses {
            let stored: TantivyDocument = searcher.doc(address)?;
            let source = stored_text(&stored, self.fields.source);
            let id = stored_text(&stored, self.fields.id);
            match source.zip(id) {
                Some((source, id)) if !skip(source, id) => docs.push(CitingDocument {
                    address,
                    citations: stored_citations(&stored, &self.fields),
                    written: stored
                        .get_first(self.fields.date)
                        .and_then(|v| v.as_datetime())
                        .map(|d| d.into_utc().year()),
                }),
                _ => {}
            }
        }
        Ok(CommittedCiting { searcher, docs })
    }

    /// Rewrites the documents of `committed` that `keys` key otherwise than they were keyed
    /// (an alias or a shared symbol's year learned, or dropped). Returns how many.
    pub fn rekey(
        &mut self,
        committed: CommittedCiting,
        keys: &CorpusKeys,
    ) -> Result<usize, IndexError> {
        let mut rewritten = 0;
        for CitingDocument {
            address,
            mut citations,
            written,
        } in committed.docs
        {
            if !keys.apply(&mut citations, written) {
                continue;
            }
            let stored: TantivyDocument = committed.searcher.doc(address)?;
            let Some(mut doc) = document_from_stored(&stored, &self.fields) else {
                continue;
            };
            doc.citations = citations;
            self.writer
                .delete_term(Term::from_field_text(self.fields.id, &doc.id));
            self.add(&doc)?;
            rewritten += 1;
        }
        Ok(rewritten)
    }

    /// Removes every document that came from `source`.
    pub fn remove_source(&mut self, source: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.source, source));
        self.manifest.files.remove(source);
    }

    /// Commits the documents and the manifest together; with nothing changed, writes nothing.
    pub fn commit(mut self) -> Result<Manifest, IndexError> {
        if self.manifest == self.old_manifest {
            return Ok(self.manifest);
        }
        let payload = serde_json::to_string(&self.manifest).map_err(|e| {
            IndexError::Tantivy(tantivy::TantivyError::InternalError(e.to_string()))
        })?;
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        merge_segments(&self.index, &mut self.writer, &self.segments_before)?;
        self.writer.wait_merging_threads()?;
        Ok(self.manifest)
    }

    /// The tantivy document of `doc`, with its body compressed for the store.
    fn build_document(&mut self, doc: &Document) -> IndexDocument {
        let f = &self.fields;
        let mut d = IndexDocument::default();
        d.add(f.id, doc.id.as_str());
        d.add(f.source, doc.source.as_str());
        if let Some(url) = &doc.url {
            d.add(f.url, url.as_str());
        }
        d.add_to_all(&[f.title, f.title_fold, f.title_bigram], doc.title.as_str());
        d.add_to_all(&[f.body, f.body_fold, f.body_bigram], doc.body.as_str());
        d.add(f.body_stored, self.bodies.encode(&doc.body));
        if let Some(date) = doc.date {
            let midnight = date.midnight().assume_utc();
            d.add(f.date, DateTime::from_utc(midnight));
        }
        if let Some(author) = &doc.author {
            d.add(f.author, author.as_str());
        }
        let mut keys: Vec<&str> = doc.citations.iter().map(|c| c.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            d.add(f.cites, key);
        }
        let mut types: Vec<&str> = doc.citations.iter().map(|c| c.kind.as_str()).collect();
        types.sort_unstable();
        types.dedup();
        for kind in types {
            d.add(f.cited_types, kind);
        }
        if let Ok(json) = serde_json::to_string(&doc.citations) {
            d.add(f.citations_json, json);
        }
        for key in doc.fingerprint.keys() {
            d.add(f.dedup, key);
        }
        d
    }
}

/// Merges the segments committed since `before` into one, then whatever tantivy's default
/// policy would merge. Each indexing thread writes segments of its own, and every query
/// pays for every segment: a term looked up, postings opened and windows of scores
/// restarted in each (vnnews in two segments instead of one cost a query about 10 %).
/// Older segments are left to the policy, so a small ingest does not rewrite the index.
/// Done here rather than in the background so that no two merges take the same segment.
fn merge_segments<D: tantivy::schema::document::Document>(
    index: &Index,
    writer: &mut IndexWriter<D>,
    before: &HashSet<SegmentId>,
) -> tantivy::Result<()> {
    let own: Vec<SegmentId> = index
        .searchable_segment_ids()?
        .into_iter()
        .filter(|id| !before.contains(id))
        .collect();
    if own.len() > 1 {
        writer.merge(&own).wait()?;
    }
    let segments = index.searchable_segment_metas()?;
    for candidate in DefaultMergePolicy::default().compute_merge_candidates(&segments) {
        writer.merge(&candidate.0).wait()?;
    }
    Ok(())
}

/// `docs` written by the real writer, as one source file, into a new index in a temp dir
/// (kept alive by the returned guard): what tests of reading an index start from.
#[cfg(test)]
pub(crate) fn written_index(docs: &[Document]) -> (tempfile::TempDir, Index, Fields) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (index, fields) = super::open_or_create(dir.path()).expect("index");
    let mut writer = Writer::open(&index, fields, dir.path()).expect("writer");
    let state = FileState {
        size: 1,
        mtime_ns: 0,
        hash: 0,
        docs: docs.len(),
        duplicates: Default::default(),
    };
    writer.replace_source("a.jsonl", docs, state).expect("add");
    writer.commit().expect("commit");
    (dir, index, fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STRING};
    use tantivy::TantivyDocument;

    /// An index in RAM and a one-thread writer that merges nothing by itself, so that each
    /// commit of documents adds exactly one segment.
    fn index_and_writer() -> (Index, IndexWriter, tantivy::schema::Field) {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING);
        let index = Index::create_in_ram(schema.build());
        let writer = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        writer.set_merge_policy(Box::new(NoMergePolicy));
        (index, writer, id)
    }

    fn commit_segment(writer: &mut IndexWriter, id: tantivy::schema::Field, name: &str) {
        let mut doc = TantivyDocument::default();
        doc.add_text(id, name);
        writer.add_document(doc).expect("add");
        writer.commit().expect("commit");
    }

    fn segment_ids(index: &Index) -> HashSet<SegmentId> {
        index
            .searchable_segment_ids()
            .expect("ids")
            .into_iter()
            .collect()
    }

    #[test]
    fn a_run_s_segments_become_one_and_older_ones_stay() {
        let (index, mut writer, id) = index_and_writer();
        commit_segment(&mut writer, id, "old");
        let before = segment_ids(&index);
        for name in ["a", "b", "c"] {
            commit_segment(&mut writer, id, name);
        }
        assert_eq!(segment_ids(&index).len(), 4);

        merge_segments(&index, &mut writer, &before).expect("merge");

        let after = segment_ids(&index);
        assert_eq!(after.len(), 2, "{after:?}");
        assert!(before.is_subset(&after), "the older segment was rewritten");
        let docs: u32 = index
            .searchable_segment_metas()
            .expect("metas")
            .iter()
            .map(|m| m.num_docs())
            .sum();
        assert_eq!(docs, 4);
    }

    #[test]
    fn small_segments_piling_up_are_merged_by_the_default_policy() {
        let (index, mut writer, id) = index_and_writer();
        for k in 0..8 {
            commit_segment(&mut writer, id, &k.to_string());
        }
        let before = segment_ids(&index);
        commit_segment(&mut writer, id, "last");

        merge_segments(&index, &mut writer, &before).expect("merge");

        assert_eq!(segment_ids(&index).len(), 1);
    }
}
