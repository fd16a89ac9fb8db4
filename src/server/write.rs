//! `POST /api/documents`: pushes one document into the index. Off unless the server was
//! started with a write token; then only a request bearing that token may write.

use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use subtle::ConstantTimeEq;

use super::error::AppError;
use crate::ingest::put::{self, NewDocument};
use crate::search::Engine;

/// The environment variable whose value, at `serve` start, switches writing on.
pub const TOKEN_VARIABLE: &str = "TRACUU_WRITE_TOKEN";

/// What the write route needs.
#[derive(Clone)]
pub struct WriteState {
    engine: Arc<Engine>,
    token: Option<Arc<[u8]>>,
    /// One write at a time from this server: two would fight over the writer lock.
    serial: Arc<Mutex<()>>,
}

impl WriteState {
    /// Writing over `engine`, allowed to bearers of `token` (never, without one).
    pub fn new(engine: Arc<Engine>, token: Option<&str>) -> WriteState {
        WriteState {
            engine,
            token: token
                .filter(|t| !t.is_empty())
                .map(|t| Arc::from(t.as_bytes())),
            serial: Arc::new(Mutex::new(())),
        }
    }
}

/// The JSON body of `POST /api/documents`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentBody {
    id: String,
    title: String,
    body: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// `POST /api/documents`: 201 once the document is committed and searchable.
pub async fn put_document(
    State(state): State<WriteState>,
    headers: HeaderMap,
    body: Result<Json<DocumentBody>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    authorize(&state, &headers)?;
    let Json(body) = body.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let new = NewDocument {
        date: parse_date(body.date.as_deref())?,
        id: body.id,
        title: body.title,
        body: body.body,
        url: body.url,
    };
    let engine = Arc::clone(&state.engine);
    let serial = Arc::clone(&state.serial);
    let (id, citations) = tokio::task::spawn_blocking(move || {
        let doc = put::prepare(new)?;
        let id = doc.id.clone();
        let citations = doc.citations.len();
        // A poisoned lock only means an earlier write panicked; the index is still whole.
        let _one_at_a_time = serial.lock().unwrap_or_else(|e| e.into_inner());
        // The path is only for error messages, which the client never sees (see below).
        put::put(engine.index(), engine.fields(), Path::new("index"), doc)?;
        engine.reload()?;
        Ok::<_, AppError>((id, citations))
    })
    .await??;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "citations": citations })),
    ))
}

fn authorize(state: &WriteState, headers: &HeaderMap) -> Result<(), AppError> {
    let Some(token) = &state.token else {
        return Err(AppError::Forbidden(format!(
            "writing is disabled on this server (start it with {TOKEN_VARIABLE} set)"
        )));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(|| {
            AppError::Unauthorized("an `Authorization: Bearer <token>` header is required".into())
        })?;
    // Constant time, so that the answer's timing does not tell how much of a guess was right.
    if bool::from(given.as_bytes().ct_eq(token)) {
        Ok(())
    } else {
        Err(AppError::Unauthorized("wrong token".into()))
    }
}

fn parse_date(date: Option<&str>) -> Result<Option<time::Date>, AppError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match date.map(str::trim).filter(|d| !d.is_empty()) {
        None => Ok(None),
        Some(d) => time::Date::parse(d, format)
            .map(Some)
            .map_err(|_| AppError::BadRequest(format!("date must be YYYY-MM-DD, not {d:?}"))),
    }
}
