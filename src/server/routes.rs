//! The HTTP handlers of the JSON API.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::error::AppError;
use super::query_string::{values, CheckedQuery, ParamError};
use crate::cite;
use crate::ingest::load::standalone_text;
use crate::search::citations::DirectiveView;
use crate::search::response::{DocumentView, SearchResponse};
use crate::search::{Engine, Filters, SearchRequest};

/// Shared state of every handler.
pub type AppState = Arc<Engine>;

/// Query string of `GET /api/search`; everything as text so that bad values get our message.
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    cites: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    verbatim: Option<String>,
}

impl SearchParams {
    fn into_request(self) -> Result<SearchRequest, ParamError> {
        let (from, to) = values::range(
            values::date("from", self.from)?,
            values::date("to", self.to)?,
        )?;
        Ok(SearchRequest {
            q: self.q.unwrap_or_default(),
            limit: values::number("limit", self.limit)?,
            offset: values::number("offset", self.offset)?,
            filters: Filters {
                cites: values::non_empty(self.cites),
                cited_type: values::doc_type(self.kind)?,
                from,
                to,
                ..Filters::default()
            },
            verbatim: values::flag("verbatim", self.verbatim)?,
        })
    }
}

/// `GET /api/search`.
pub async fn search(
    State(engine): State<AppState>,
    CheckedQuery(params): CheckedQuery<SearchParams>,
) -> Result<Json<SearchResponse>, AppError> {
    let request = params.into_request()?;
    // Searching is CPU work: keep it off the async workers.
    let response = tokio::task::spawn_blocking(move || engine.search_cached(&request)).await??;
    Ok(Json(response))
}

/// `GET /api/documents/{id}`: ids may contain `/` (nested corpus folders) and `#` (split pages).
pub async fn document(
    State(engine): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<DocumentView>, AppError> {
    let Path(id) = id.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let lookup = id.clone();
    match tokio::task::spawn_blocking(move || engine.document(&lookup)).await?? {
        Some(view) => Ok(Json(view)),
        None => Err(AppError::NotFound(format!("no document with id {id:?}"))),
    }
}

/// `GET /healthz`.
pub async fn healthz(State(engine): State<AppState>) -> Json<Value> {
    Json(json!({ "status": "ok", "documents": engine.num_docs() }))
}

/// Query string with only `q`.
#[derive(Debug, Default, Deserialize)]
pub struct TextParam {
    q: Option<String>,
}

/// `GET /api/citations?q=`: every cited document with the count of citing documents.
pub async fn citations(
    State(engine): State<AppState>,
    CheckedQuery(params): CheckedQuery<TextParam>,
) -> Result<Json<Value>, AppError> {
    let list = tokio::task::spawn_blocking(move || engine.citations(params.q.as_deref())).await??;
    Ok(Json(json!({ "total": list.len(), "citations": list })))
}

/// `GET /api/citations/{key}`: the directive and the documents citing it.
pub async fn directive(
    State(engine): State<AppState>,
    key: Result<Path<String>, PathRejection>,
) -> Result<Json<DirectiveView>, AppError> {
    let Path(key) = key.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let lookup = key.clone();
    match tokio::task::spawn_blocking(move || engine.directive(&lookup)).await?? {
        Some(view) => Ok(Json(view)),
        None => Err(AppError::NotFound(format!(
            "nothing in the corpus cites {key:?}"
        ))),
    }
}

/// `GET /api/suggest?q=`: completions for a search box.
pub async fn suggest(
    State(engine): State<AppState>,
    CheckedQuery(params): CheckedQuery<TextParam>,
) -> Result<Json<Value>, AppError> {
    let q = params.q.unwrap_or_default();
    let suggestions = tokio::task::spawn_blocking(move || engine.suggest(&q)).await??;
    Ok(Json(json!({ "suggestions": suggestions })))
}

/// `POST /api/extract`: the citations in the posted text or HTML, spans into its normalised form.
pub async fn extract(headers: HeaderMap, body: Bytes) -> Result<Json<Value>, AppError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(AppError::BadRequest(
            "the request body is empty: post the text to read".into(),
        ));
    }
    let html_hint = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let citations = tokio::task::spawn_blocking(move || {
        let text = standalone_text(&body, html_hint);
        cite::extract(&text)
    })
    .await?;
    Ok(Json(json!({ "citations": citations })))
}
