//! Citation keys learned from the whole corpus the index will hold: what one document says
//! in full teaches what another means by a short mention (`cite::graph`), and the years
//! that tell apart documents sharing a symbol (`cite::versions`).

use crate::cite::{own_keys, Citation, CorpusKeys};
use crate::document::Document;
use crate::index::writer::Writer;
use crate::index::IndexError;

/// Learns what the corpus teaches about keys afresh, from each mention's own key, in every
/// citing document the index will hold: the committed ones but those `skip` names (by
/// source and id: being rewritten or removed) and `new`. Re-keys the committed ones whose
/// keys change, keys `new`, and keeps the keys for the commit. Learning from the whole
/// corpus each time gives the same corpus the same keys whatever order its documents came
/// in: an alias a new document teaches re-keys the old ones, and one it makes ambiguous
/// gives them their own keys back. Returns how many were re-keyed.
pub fn relearn(
    writer: &mut Writer,
    skip: impl Fn(&str, &str) -> bool,
    new: &mut [Document],
) -> Result<usize, IndexError> {
    let committed = writer.committed_citing(skip)?;
    let mut all: Vec<Vec<Citation>> = committed.citations().map(<[Citation]>::to_vec).collect();
    all.extend(new.iter().map(|d| d.citations.clone()));
    for citations in &mut all {
        own_keys(citations);
    }
    let keys = CorpusKeys::learn(&all);
    let rekeyed = writer.rekey(committed, &keys)?;
    for doc in new {
        keys.apply(&mut doc.citations, doc.date.map(|d| d.year()));
    }
    writer.set_corpus_keys(keys);
    Ok(rekeyed)
}
