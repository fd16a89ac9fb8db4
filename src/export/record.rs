//! One exported document: the fields a distributed engine indexes, pre-normalised by our own
//! code (NFC, canonical tones; folded copies) so that it needs no Vietnamese plugin.

use serde::{Deserialize, Serialize};

use crate::document::{iso_date, Document};
use crate::text::fold::fold;

/// A document as exported, one JSON object; also a record `tracuu ingest` reads back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportRecord {
    /// The document id.
    pub id: String,
    /// Title, normalised.
    pub title: String,
    /// Title folded: no tone or vowel marks, đ → d, lower case.
    pub title_folded: String,
    /// Body, normalised (the text our citation spans point into).
    pub body: String,
    /// Body folded.
    pub body_folded: String,
    /// Keys of the documents cited, sorted, each once.
    pub citations: Vec<String>,
    /// Publication date, `YYYY-MM-DD`; absent when the document prints none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Original address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Author or byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The corpus file it came from.
    pub source: String,
}

impl ExportRecord {
    /// The exported form of a document.
    pub fn of(doc: &Document) -> ExportRecord {
        let mut citations: Vec<String> = doc.citations.iter().map(|c| c.key.clone()).collect();
        citations.sort_unstable();
        citations.dedup();
        ExportRecord {
            id: doc.id.clone(),
            title: doc.title.clone(),
            title_folded: fold(&doc.title),
            body: doc.body.clone(),
            body_folded: fold(&doc.body),
            citations,
            date: doc.date.map(iso_date::format),
            url: doc.url.clone(),
            author: doc.author.clone(),
            source: doc.source.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::load::build_document;
    use crate::ingest::page::Page;

    #[test]
    fn exports_normalised_and_folded_text_with_citation_keys() {
        let page = Page {
            title: Some("Hướng dẫn thực hiện".into()),
            body: "Đảng uỷ thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 và Nghị quyết 21-NQ/TW."
                .into(),
            date: Some(time::macros::date!(2022 - 11 - 15)),
            ..Page::default()
        };
        let doc = build_document("a#1".into(), "a.txt".into(), page).unwrap();
        let r = ExportRecord::of(&doc);
        assert_eq!(r.id, "a#1");
        assert!(r.body.starts_with("Đảng ủy thực hiện"), "{}", r.body);
        assert!(
            r.body_folded.starts_with("dang uy thuc hien"),
            "{}",
            r.body_folded
        );
        assert_eq!(r.title_folded, "huong dan thuc hien");
        assert_eq!(r.citations, ["nghi-quyet/21-NQ/TW"]);
        assert_eq!(r.date.as_deref(), Some("2022-11-15"));
        let json = serde_json::to_value(&r).unwrap();
        assert!(
            json.get("url").is_none(),
            "absent fields are left out: {json}"
        );
        assert_eq!(serde_json::from_value::<ExportRecord>(json).unwrap(), r);
    }
}
