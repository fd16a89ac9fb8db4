//! Limits that keep one client or one stuck request from taking the server down: a timeout
//! per request, a cap on request bodies, and a cap on requests in flight that sheds the excess.

use std::time::Duration;

use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, Method, StatusCode, Uri};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::{BoxError, Json, Router};
use serde_json::json;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::ServiceBuilder;
use tower_http::limit::RequestBodyLimitLayer;

/// Searches answer in milliseconds; a request still running after this is stuck, not slow.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request body: a long directive posted to `/api/extract` is a few hundred KB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Requests in flight at once: searches are CPU-bound, so a few per core keep every core
/// busy while the rest are told to come back instead of queueing without bound.
pub const DEFAULT_MAX_CONCURRENT: usize = 64;
/// Seconds a shed client is asked to wait: load spikes from a search box pass quickly.
const RETRY_AFTER_SECS: &str = "1";

/// The limits one server applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Longest a request may run before it is answered 503.
    pub timeout: Duration,
    /// Largest request body in bytes; more is answered 413.
    pub max_body_bytes: usize,
    /// Requests handled at once; more are answered 503 with `Retry-After`.
    pub max_concurrent: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: DEFAULT_TIMEOUT,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_concurrent: DEFAULT_MAX_CONCURRENT,
        }
    }
}

/// Wraps every route of `router` in the limits (routes added afterwards are not limited).
pub fn apply<S>(router: Router<S>, limits: Limits) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let guard = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(refusal))
        // Shed rather than wait: a queue in front of a saturated server only makes every
        // client time out later instead of a few being told to retry now.
        .load_shed()
        // Global: the router applies a layer to each route apart, and a per-route semaphore
        // would let every route have its own `max_concurrent`.
        .layer(GlobalConcurrencyLimitLayer::new(
            limits.max_concurrent.max(1),
        ))
        .timeout(limits.timeout);
    router
        .layer(guard)
        // The extractors' own cap, so that a body without Content-Length is cut off too.
        .layer(DefaultBodyLimit::max(limits.max_body_bytes))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(middleware::map_response_with_state(
            limits.max_body_bytes,
            refusals_as_api_errors,
        ))
}

/// Gives the API's refusals the API's shape: 413s an `{"error": …}` body (the body-limit
/// layer and the body extractors answer in plain text, or not at all), 405s too (axum's
/// is empty), and 413s and 503s the CORS header of the routes they stand for, so that a
/// box embedded on another site can read why it was refused rather than see no answer.
/// The write route grants no other origin anything, refused or not.
async fn refusals_as_api_errors(
    State(max_body_bytes): State<usize>,
    method: Method,
    uri: Uri,
    response: Response,
) -> Response {
    let path = uri.path();
    if !path.starts_with("/api/") {
        return response;
    }
    let status = response.status();
    let mut response = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            let message = format!(
                "the request body is too large: at most {} KB is accepted",
                max_body_bytes / 1024
            );
            (status, Json(json!({ "error": message }))).into_response()
        }
        StatusCode::METHOD_NOT_ALLOWED => {
            let message = format!("{method} is not allowed on {path}");
            let mut json = (status, Json(json!({ "error": message }))).into_response();
            if let Some(allow) = response.headers().get(header::ALLOW) {
                json.headers_mut().insert(header::ALLOW, allow.clone());
            }
            json
        }
        _ => response,
    };
    let writes = path == "/api/documents" && method == Method::POST;
    let refused = matches!(
        status,
        StatusCode::PAYLOAD_TOO_LARGE | StatusCode::SERVICE_UNAVAILABLE
    );
    if refused && !writes {
        response.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            header::HeaderValue::from_static("*"),
        );
    }
    response
}

/// Answers a request the limits refused: 503, with `Retry-After` when the server is full.
async fn refusal(uri: Uri, error: BoxError) -> Response {
    let (message, retry) = if error.is::<tower::load_shed::error::Overloaded>() {
        ("the server is busy; retry in a moment", true)
    } else if error.is::<tower::timeout::error::Elapsed>() {
        ("the request took too long and was stopped", false)
    } else {
        tracing::error!(%error, "request refused by a limit");
        ("the server could not handle the request", false)
    };
    let mut response = if uri.path().starts_with("/api/") {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "error": message })),
        )
            .into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, message).into_response()
    };
    if retry {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static(RETRY_AFTER_SECS),
        );
    }
    response
}
