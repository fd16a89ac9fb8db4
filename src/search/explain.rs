//! What the `explain` of this crate's query weights shares: tantivy asks a weight why a
//! document scores as it does, and each starts from its own scorer standing on it.

use tantivy::query::{Scorer, Weight};
use tantivy::{DocId, DocSet, SegmentReader, TantivyError};

/// `weight`'s scorer in the segment, standing on `doc`; an error when `doc` does not match.
/// What the `explain` of our weights starts from.
pub(crate) fn scorer_on(
    weight: &dyn Weight,
    reader: &SegmentReader,
    doc: DocId,
) -> tantivy::Result<Box<dyn Scorer>> {
    seek_to(weight.scorer(reader, 1.0)?, doc)
}

/// `scorer` moved to `doc`; an error when `doc` does not match.
pub(crate) fn seek_to<S: DocSet>(mut scorer: S, doc: DocId) -> tantivy::Result<S> {
    if scorer.seek(doc) != doc {
        return Err(does_not_match(doc));
    }
    Ok(scorer)
}

/// The error of explaining a document the query does not match.
pub(crate) fn does_not_match(doc: DocId) -> TantivyError {
    TantivyError::InvalidArgument(format!("document {doc} does not match"))
}
