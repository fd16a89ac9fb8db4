//! Reads a document back from its stored fields: whole, to rewrite it without its source
//! file, or only what a search hit shows, straight from its stored bytes.

use std::borrow::Cow;

use tantivy::schema::{Field, TantivyDocument, Value};
use tantivy::DateTime;

use super::{body_codec, Fields};
use crate::cite::Citation;
use crate::document::Document;
use crate::ingest::dedup::Fingerprint;

/// The first text value of a stored field.
pub fn stored_text(stored: &TantivyDocument, field: Field) -> Option<&str> {
    stored.get_first(field).and_then(|v| v.as_str())
}

/// The stored body; `None` when absent or unreadable (only a damaged index).
pub fn stored_body<'a>(stored: &'a TantivyDocument, fields: &Fields) -> Option<Cow<'a, str>> {
    let bytes = stored.get_first(fields.body_stored)?.as_bytes()?;
    body_codec::decode(bytes).ok()
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
        // Not stored: recomputed from the body it was computed from.
        fingerprint: Fingerprint::of(&body),
        body: body.into_owned(),
        citations,
    })
}

/// What a search hit shows of a document, borrowed from its stored bytes.
#[derive(Debug, Default, PartialEq)]
pub struct StoredHit<'a> {
    /// Document id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// The normalised body as stored, for [`body_codec::BodyReader`] to decode as far as
    /// the caller needs it.
    pub body: &'a [u8],
    /// Publication date.
    pub date: Option<DateTime>,
    /// Keys of the documents it cites.
    pub cites: Vec<&'a str>,
}

/// Type codes of tantivy's doc store for the values this schema stores.
const TEXT_CODE: u8 = 0;
const BYTES_CODE: u8 = 4;
const DATE_CODE: u8 = 5;

/// Reads a hit's fields from a document's bytes as tantivy's doc store keeps them (a count,
/// then each value as field id, type code and value), borrowing the texts. Building a
/// `TantivyDocument` instead copies every field, and the body one byte at a time (tantivy
/// reads a bytes value through `Vec<u8>`'s generic deserialiser): 4 % of a search. `None`
/// for damaged bytes or a value of a type this schema never stores. The body is left
/// compressed: a snippet mostly needs only its head.
pub fn read_hit<'a>(mut bytes: &'a [u8], fields: &Fields) -> Option<StoredHit<'a>> {
    let count = vint(&mut bytes)?;
    let mut hit = StoredHit::default();
    let text = |value: &'a [u8]| simdutf8::basic::from_utf8(value).ok();
    for _ in 0..count {
        let field = u32::from_le_bytes(take(&mut bytes, 4)?.try_into().ok()?);
        let [code] = *take(&mut bytes, 1)? else {
            return None;
        };
        match code {
            TEXT_CODE | BYTES_CODE => {
                let len = usize::try_from(vint(&mut bytes)?).ok()?;
                let value = take(&mut bytes, len)?;
                if field == fields.id.field_id() {
                    hit.id = text(value)?;
                } else if field == fields.title.field_id() {
                    hit.title = text(value)?;
                } else if field == fields.body_stored.field_id() {
                    hit.body = value;
                } else if field == fields.cites.field_id() {
                    hit.cites.push(text(value)?);
                }
            }
            DATE_CODE => {
                let nanos = i64::from_le_bytes(take(&mut bytes, 8)?.try_into().ok()?);
                if field == fields.date.field_id() {
                    hit.date = Some(DateTime::from_timestamp_nanos(nanos));
                }
            }
            _ => return None,
        }
    }
    Some(hit)
}

/// The first `n` bytes of `bytes`, which it moves past.
fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, tail) = bytes.split_at_checked(n)?;
    *bytes = tail;
    Some(head)
}

/// tantivy's variable-length integer: seven bits a byte, low bits first, the last byte
/// marked by its high bit.
fn vint(bytes: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let [b] = *take(bytes, 1)? else {
            return None;
        };
        value |= u64::from(b & 0x7F) << shift;
        if b & 0x80 != 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;

    #[test]
    fn the_body_reads_back_from_its_stored_bytes_and_damage_gives_none() {
        let fields = Fields::from_schema(&schema::build()).expect("fields");
        let mut doc = TantivyDocument::default();
        let body = "Đảng ủy hòa. ".repeat(10);
        let mut encoder = body_codec::BodyEncoder::new().expect("encoder");
        doc.add_bytes(fields.body_stored, &encoder.encode(&body));
        assert_eq!(stored_body(&doc, &fields).as_deref(), Some(body.as_str()));
        let mut damaged = TantivyDocument::default();
        damaged.add_bytes(fields.body_stored, &b"\x00\xC4 broken"[..]);
        assert_eq!(stored_body(&damaged, &fields), None);
        assert_eq!(stored_body(&TantivyDocument::default(), &fields), None);
    }

    /// Documents written by the real writer into a temp index, and each one's stored
    /// bytes beside tantivy's own reading of them.
    fn stored_documents(docs: &[Document]) -> Vec<(Vec<u8>, TantivyDocument)> {
        let (_dir, index, _) = crate::index::writer::written_index(docs);
        let searcher = index.reader().expect("reader").searcher();
        let mut out = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let store = segment.get_store_reader(0).expect("store");
            for doc_id in 0..segment.max_doc() {
                let bytes = store.get_document_bytes(doc_id).expect("bytes");
                let address = tantivy::DocAddress::new(ord as u32, doc_id);
                out.push((
                    bytes.as_slice().to_vec(),
                    searcher.doc(address).expect("doc"),
                ));
            }
        }
        out
    }

    #[test]
    fn a_hit_reads_from_the_stored_bytes_as_tantivy_reads_them() {
        let fields = Fields::from_schema(&schema::build()).expect("fields");
        let body = format!(
            "Thực hiện Nghị quyết số 21-NQ/TW và Chỉ thị 05-CT/TW của Đảng ủy. {}",
            "Hướng dẫn số 38 được quán triệt. ".repeat(200)
        );
        let full = Document {
            id: "tin/1".into(),
            source: "a.jsonl".into(),
            url: Some("https://example.vn/tin/1".into()),
            title: "Đảng ủy quán triệt Nghị quyết".into(),
            date: time::Date::from_calendar_date(2022, time::Month::June, 16).ok(),
            author: Some("Phóng viên".into()),
            citations: crate::cite::extract(&body),
            fingerprint: Fingerprint::of(&body),
            body,
        };
        let bare = Document {
            id: "tin/2".into(),
            source: "a.jsonl".into(),
            url: None,
            title: String::new(),
            date: None,
            author: None,
            body: "Ngắn.".into(),
            citations: Vec::new(),
            fingerprint: Fingerprint::of("Ngắn."),
        };
        let stored = stored_documents(&[full, bare]);
        assert_eq!(stored.len(), 2);
        for (bytes, doc) in &stored {
            let hit = read_hit(bytes, &fields).expect("a hit");
            assert_eq!(Some(hit.id), stored_text(doc, fields.id));
            assert_eq!(
                hit.title,
                stored_text(doc, fields.title).unwrap_or_default()
            );
            assert_eq!(body_codec::decode(hit.body).ok(), stored_body(doc, &fields));
            let date = doc.get_first(fields.date).and_then(|v| v.as_datetime());
            assert_eq!(hit.date, date);
            let cites: Vec<&str> = doc
                .get_all(fields.cites)
                .filter_map(|v| v.as_str())
                .collect();
            assert_eq!(hit.cites, cites);
        }
        let full_bytes = stored
            .iter()
            .map(|(bytes, _)| bytes)
            .find(|bytes| read_hit(bytes, &fields).is_some_and(|hit| hit.id == "tin/1"))
            .expect("the full document");
        let hit = read_hit(full_bytes, &fields).expect("a hit");
        let body = body_codec::decode(hit.body).expect("the body");
        assert!(body.len() > body_codec::HEAD_BYTES, "{}", body.len());
        let head = body_codec::BodyReader::open(hit.body).expect("the head");
        assert!(
            !head.is_whole() && body.starts_with(head.text()),
            "{}",
            head.text()
        );
        assert!(hit.date.is_some() && hit.cites.len() >= 2, "{hit:?}");
        // Damage gives `None`, never a panic or a wrong hit.
        for end in 0..full_bytes.len().min(300) {
            assert_eq!(read_hit(&full_bytes[..end], &fields), None, "cut at {end}");
        }
        // A body that does not decompress still leaves the hit (the search shows it without
        // a snippet).
        let value = |field: Field, code: u8, payload: &[u8]| {
            let mut out = field.field_id().to_le_bytes().to_vec();
            out.push(code);
            out.push(0x80 | payload.len() as u8); // a VInt of one byte
            out.extend_from_slice(payload);
            out
        };
        let mut damaged = vec![0x80 | 2];
        damaged.extend(value(fields.id, TEXT_CODE, b"tin/3"));
        damaged.extend(value(
            fields.body_stored,
            BYTES_CODE,
            b"\x01not a zstd frame",
        ));
        let hit = read_hit(&damaged, &fields).expect("a hit");
        assert_eq!(hit.id, "tin/3");
        assert!(
            body_codec::decode(hit.body).is_err()
                && body_codec::BodyReader::open(hit.body).is_err()
        );
        let mut unknown = full_bytes.clone();
        unknown[5] = 42; // the first value's type code
        assert_eq!(read_hit(&unknown, &fields), None);
    }
}
