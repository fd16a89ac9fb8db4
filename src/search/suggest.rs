//! Completions for a search box: cited directives whose label matches what was typed so
//! far ("nghi quyet 2" → "Nghị quyết 21-NQ/TW"), then titles of matching documents.

use serde::Serialize;
use tantivy::schema::Field;

use super::{terms, Engine, SearchError, SearchRequest, SearchResponse};
use crate::text::exact_filter::exact_word;
use crate::text::fold::fold;

/// Directive completions offered at most.
const MAX_DIRECTIVES: usize = 8;
/// Title completions offered at most.
const MAX_TITLES: usize = 5;
/// Words a last word being typed is tried as ("tr": "trong", "tren", "tra"…).
const MAX_COMPLETIONS: usize = 5;

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
        let titles = self.search_as_typed(q)?;
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

    /// The titles for `q` read as typed so far: its last word, unless a space ends it, may
    /// be the start of a longer one ("Nguyễn Phú Tr"). Each of the commonest title words it
    /// begins (see [`Engine::completions_of`]) is tried in its place, and the reading that finds the most documents wins.
    fn search_as_typed(&self, q: &str) -> Result<SearchResponse, SearchError> {
        let titles = |q: String| {
            self.search(&SearchRequest {
                q,
                limit: Some(MAX_TITLES),
                ..SearchRequest::default()
            })
        };
        let (head, last) = q.rsplit_once(char::is_whitespace).unwrap_or(("", q));
        if last.is_empty() {
            return titles(q.to_string());
        }
        let mut best: Option<SearchResponse> = None;
        for word in self.completions_of(last)? {
            let found = titles(format!("{head} {word}"))?;
            if best.as_ref().is_none_or(|b| found.total > b.total) {
                best = Some(found);
            }
        }
        match best {
            Some(found) if found.total > 0 => Ok(found),
            _ => titles(q.to_string()),
        }
    }

    /// The commonest title words the unfinished word `last` may become. Typed with
    /// accents, it keeps them: "bố" becomes "bốn" or "bối", not the commoner "bộ"; where
    /// no title word so begins (an accent still to come), its folded form is completed.
    fn completions_of(&self, last: &str) -> Result<Vec<String>, SearchError> {
        let folded = fold(last);
        let exact = exact_word(last);
        if *exact != folded {
            let words = self.title_words_starting(self.fields.title, &exact)?;
            if !words.is_empty() {
                return Ok(words);
            }
        }
        self.title_words_starting(self.fields.title_fold, &folded)
    }

    /// Up to [`MAX_COMPLETIONS`] words of the title `field` starting with `prefix`, the
    /// commonest first.
    fn title_words_starting(&self, field: Field, prefix: &str) -> Result<Vec<String>, SearchError> {
        let searcher = self.reader.searcher();
        let counts = terms::starting_with(&searcher, field, prefix)?;
        let mut words: Vec<(String, u64)> = counts.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(words
            .into_iter()
            .take(MAX_COMPLETIONS)
            .map(|(w, _)| w)
            .collect())
    }
}
