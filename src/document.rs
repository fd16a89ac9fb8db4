//! The document as it flows from ingest through citation extraction into the index.

use serde::Serialize;

use crate::cite::Citation;
use crate::ingest::dedup::Fingerprint;

/// One searchable document: a file, a JSON Lines record, or an article split out of a page.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// Stable id: the path under the corpus without extension, a record's `id`, or `<id>#<n>`.
    pub id: String,
    /// The corpus file it came from, relative to the corpus root.
    pub source: String,
    /// The original address, when known.
    pub url: Option<String>,
    /// Title; empty when none could be found.
    pub title: String,
    /// Publication date of the document itself, when it prints one.
    #[serde(with = "crate::document::iso_date")]
    pub date: Option<time::Date>,
    /// Author or byline.
    pub author: Option<String>,
    /// The normalised text; citation spans are byte offsets into it.
    pub body: String,
    /// Citations found in the body, resolved within the document.
    pub citations: Vec<Citation>,
    /// What duplicate detection compares.
    #[serde(skip)]
    pub fingerprint: Fingerprint,
}

/// Dates as `YYYY-MM-DD` strings in JSON.
pub mod iso_date {
    use serde::Serializer;
    use time::macros::format_description;

    /// Formats a date as `YYYY-MM-DD`.
    pub fn format(date: time::Date) -> String {
        date.format(format_description!("[year]-[month]-[day]"))
            .unwrap_or_default()
    }

    /// Serialises an optional date as `"YYYY-MM-DD"` or `null`.
    pub fn serialize<S: Serializer>(date: &Option<time::Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&format(*d)),
            None => s.serialize_none(),
        }
    }
}
