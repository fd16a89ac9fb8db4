//! The JSON shapes of search results and documents, as DESIGN.md fixes them.

use serde::Serialize;

use crate::cite::Citation;

/// `GET /api/search` and `tracuu search --json`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SearchResponse {
    /// The query as typed.
    pub query: String,
    /// The query actually searched when it differs from `query`: its Telex or VNI reading
    /// ("nghij quyeets" → "nghị quyết"), taken because the query as typed found little.
    pub searched_for: Option<String>,
    /// Documents matching.
    pub total: usize,
    /// Time taken in the engine, milliseconds.
    pub took_ms: f64,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facets over all matching documents.
    pub facets: Facets,
}

/// One result.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Relevance score.
    pub score: f32,
    /// Passage with the query words in `<b>`, HTML-escaped.
    pub snippet_html: String,
    /// Keys of the documents it cites.
    pub citations: Vec<String>,
}

/// Facet counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Facets {
    /// Cited directives, most relevant first ("which guidance applies").
    pub citations: Vec<CitationFacet>,
    /// Types of the cited directives, most cited first.
    pub types: Vec<TypeFacet>,
    /// Publication years, newest first.
    pub years: Vec<YearFacet>,
}

/// A cited directive among the matches.
#[derive(Clone, Debug, Serialize)]
pub struct CitationFacet {
    /// Citation key.
    pub key: String,
    /// Human label.
    pub label: String,
    /// Matching documents citing it.
    pub count: u64,
    /// Sum of the citing documents' relevance, which orders the list.
    pub weight: f64,
}

/// A type of cited directive among the matches ("documents citing a Hướng dẫn").
#[derive(Clone, Debug, Serialize)]
pub struct TypeFacet {
    /// Type slug, as the `type` filter takes it: "huong-dan".
    #[serde(rename = "type")]
    pub kind: String,
    /// Vietnamese name: "Hướng dẫn"; the slug for a type outside the table.
    pub label: String,
    /// Matching documents citing a directive of this type.
    pub count: u64,
}

/// A publication year among the matches.
#[derive(Clone, Debug, Serialize)]
pub struct YearFacet {
    /// The year.
    pub year: i32,
    /// Matching documents published in it.
    pub count: u64,
}

/// `GET /api/documents/{id}`.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentView {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Source file.
    pub source: String,
    /// Original address.
    pub url: Option<String>,
    /// The normalised text.
    pub text: String,
    /// Citations with spans into `text`.
    pub citations: Vec<Citation>,
    /// The same article found elsewhere in the corpus and not indexed again.
    pub copies: Vec<Copy>,
}

/// A copy of a document, dropped at ingest as a duplicate.
#[derive(Clone, Debug, Serialize)]
pub struct Copy {
    /// The copy's own id (still resolves to this document).
    pub id: String,
    /// The file it came from.
    pub source: String,
}
