//! Completions for a search box: cited directives whose label matches what was typed so
//! far ("nghi quyet 2" → "Nghị quyết 21-NQ/TW"), then titles of matching documents.

use serde::Serialize;

use super::{Engine, SearchError, SearchRequest};
use crate::text::fold::fold;

/// Directive completions offered at most.
const MAX_DIRECTIVES: usize = 8;
/// Title completions offered at most.
const MAX_TITLES: usize = 5;

/// One completion.
#[derive(Clone, Debug, Serialize)]
pub struct Suggestion {
    /// What to show and put in the box.
    pub text: String,
    /// `directive` or `document`.
    pub kind: &'static str,
    /// The directive's key, for a directive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The document's id, for a document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Citing documents, for a directive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

impl Engine {
    /// Completions for `q`; empty for an empty prefix.
    pub fn suggest(&self, q: &str) -> Result<Vec<Suggestion>, SearchError> {
        let typed = fold(q.trim());
        if typed.is_empty() {
            return Ok(Vec::new());
        }
        let mut directives: Vec<(bool, u64, Suggestion)> = self
            .citations(None)?
            .into_iter()
            .filter_map(|c| {
                let label = fold(&c.label);
                let prefix = label.starts_with(&typed) || fold(&c.key).starts_with(&typed);
                let inside = prefix || label.contains(&typed);
                inside.then(|| {
                    let suggestion = Suggestion {
                        text: c.label,
                        kind: "directive",
                        key: Some(c.key),
                        id: None,
                        count: Some(c.count),
                    };
                    (prefix, c.count, suggestion)
                })
            })
            .collect();
        directives.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<Suggestion> = directives
            .into_iter()
            .take(MAX_DIRECTIVES)
            .map(|(_, _, s)| s)
            .collect();
        let titles = self.search(&SearchRequest {
            q: q.to_string(),
            limit: Some(MAX_TITLES),
            ..SearchRequest::default()
        })?;
        out.extend(
            titles
                .hits
                .into_iter()
                .filter(|h| !h.title.is_empty())
                .map(|h| Suggestion {
                    text: h.title,
                    kind: "document",
                    key: None,
                    id: Some(h.id),
                    count: None,
                }),
        );
        Ok(out)
    }
}
