//! Reads a document back from its stored fields, to rewrite it without its source file.

use tantivy::schema::{Field, TantivyDocument, Value};
use tantivy::DateTime;

use super::Fields;
use crate::cite::Citation;
use crate::document::Document;
use crate::ingest::dedup::Fingerprint;

/// The first text value of a stored field.
pub fn stored_text(stored: &TantivyDocument, field: Field) -> Option<&str> {
    stored.get_first(field).and_then(|v| v.as_str())
}

/// The stored body; `None` when absent or not UTF-8 (only a damaged index).
pub fn stored_body<'a>(stored: &'a TantivyDocument, fields: &Fields) -> Option<&'a str> {
    let bytes = stored.get_first(fields.body_stored)?.as_bytes()?;
    simdutf8::basic::from_utf8(bytes).ok()
}

/// The citations stored with a document (empty when absent or unreadable).
pub fn stored_citations(stored: &TantivyDocument, fields: &Fields) -> Vec<Citation> {
    stored_text(stored, fields.citations_json)
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default()
}

/// The document as it was written; `None` if a field it cannot do without is missing.
pub fn document_from_stored(stored: &TantivyDocument, fields: &Fields) -> Option<Document> {
    let text = |field| stored_text(stored, field);
    let body = stored_body(stored, fields)?;
    let citations = stored_citations(stored, fields);
    let date = stored
        .get_first(fields.date)
        .and_then(|v| v.as_datetime())
        .map(|d: DateTime| d.into_utc().date());
    Some(Document {
        id: text(fields.id)?.to_string(),
        source: text(fields.source)?.to_string(),
        url: text(fields.url).map(str::to_string),
        title: text(fields.title).unwrap_or_default().to_string(),
        date,
        author: text(fields.author).map(str::to_string),
        body: body.to_string(),
        citations,
        // Not stored: recomputed from the body it was computed from.
        fingerprint: Fingerprint::of(body),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;

    #[test]
    fn the_body_reads_back_from_its_bytes_and_damage_gives_none() {
        let fields = Fields::from_schema(&schema::build()).expect("fields");
        let mut doc = TantivyDocument::default();
        doc.add_bytes(fields.body_stored, "Đảng ủy hòa".as_bytes());
        assert_eq!(stored_body(&doc, &fields), Some("Đảng ủy hòa"));
        let mut damaged = TantivyDocument::default();
        damaged.add_bytes(fields.body_stored, &b"\xC4 broken"[..]);
        assert_eq!(stored_body(&damaged, &fields), None);
        assert_eq!(stored_body(&TantivyDocument::default(), &fields), None);
    }
}
