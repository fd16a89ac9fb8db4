//! What the `explain` of this crate's query weights shares: tantivy asks a weight why a
//! document scores as it does, and each starts from its own scorer standing on it.

use tantivy::query::{Scorer, Weight};
use tantivy::{DocId, SegmentReader, TantivyError};

/// `weight`'s scorer in the segment, standing on `doc`; an error when `doc` does not match.
/// What the `explain` of our weights starts from.
pub(crate) fn scorer_on(
    weight: &dyn Weight,
    reader: &SegmentReader,
    doc: DocId,
) -> tantivy::Result<Box<dyn Scorer>> {
    let mut scorer = weight.scorer(reader, 1.0)?;
    if scorer.seek(doc) != doc {
        return Err(TantivyError::InvalidArgument(format!(
            "document {doc} does not match"
        )));
    }
    Ok(scorer)
}
