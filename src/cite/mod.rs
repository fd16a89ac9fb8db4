//! Citations of directives and legal documents.

use serde::{Deserialize, Serialize};

/// A citation found in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// The cited words as they stand in the text.
    pub text: String,
    /// Byte offset of the start in the normalised text.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// Document type slug.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical key.
    pub key: String,
}

impl Citation {
    /// A human label.
    pub fn label(&self) -> String {
        self.key.clone()
    }
}

/// Extracts citations.
pub fn extract(_text: &str) -> Vec<Citation> {
    Vec::new()
}

/// A label from a key alone.
pub fn label_for_key(key: &str) -> String {
    key.to_string()
}
