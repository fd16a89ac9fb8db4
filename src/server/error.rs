//! One error type for every handler, mapped to a status code and `{"error": message}`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::query_string::ParamError;
use crate::index::IndexError;
use crate::ingest::put::PutError;
use crate::search::SearchError;

/// What a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request is malformed: 400 with a message for the user.
    #[error("{0}")]
    BadRequest(String),
    /// No such document or citation: 404.
    #[error("{0}")]
    NotFound(String),
    /// Credentials missing or wrong: 401, with a `WWW-Authenticate: Bearer` challenge.
    #[error("{0}")]
    Unauthorized(String),
    /// The route is switched off on this server: 403.
    #[error("{0}")]
    Forbidden(String),
    /// Someone else holds what the request needs (the index writer lock): 409.
    #[error("{0}")]
    Conflict(String),
    /// Our fault: 500, with the details logged and not sent.
    #[error("internal error")]
    Internal(String),
}

impl From<SearchError> for AppError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Query(q) => AppError::BadRequest(q.to_string()),
            SearchError::Parameter(p) => AppError::BadRequest(p),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<ParamError> for AppError {
    fn from(e: ParamError) -> Self {
        AppError::BadRequest(e.to_string())
    }
}

/// A query string refused before any handler ran is the API's 400.
impl IntoResponse for ParamError {
    fn into_response(self) -> Response {
        AppError::from(self).into_response()
    }
}

impl From<PutError> for AppError {
    fn from(e: PutError) -> Self {
        match e {
            PutError::Invalid(message) => AppError::BadRequest(message),
            PutError::Index(e) => e.into(),
        }
    }
}

impl From<IndexError> for AppError {
    fn from(e: IndexError) -> Self {
        match e {
            IndexError::Locked { .. } => AppError::Conflict(
                "the index is being written by another process (an ingest); try again when it is done"
                    .into(),
            ),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Internal(detail) => {
                tracing::error!(%detail, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let mut response = (status, Json(json!({ "error": self.to_string() }))).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
