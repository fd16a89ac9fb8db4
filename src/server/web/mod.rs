//! The web front end: pages rendered on the server that work without JavaScript, their
//! static files, the embeddable search box and the OpenSearch description.

mod assets;
mod directive_page;
mod document_page;
mod error;
mod facets;
mod layout;
mod markup;
mod params;
mod search_page;
mod urls;

use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::error::AppError;
use super::LiveEngine;
use error::PageError;
pub use layout::CONTENT_SECURITY_POLICY;

/// The pages and their files: same-origin only, so no CORS.
pub fn pages() -> Router<LiveEngine> {
    Router::new()
        .route("/", get(search_page::search))
        .route("/documents/{*id}", get(document_page::document))
        .route("/citations/{*key}", get(directive_page::directive))
        .route("/static/{file}", get(assets::static_file))
        .route("/opensearch.xml", get(assets::opensearch))
}

/// The embeddable box's script, which other sites load (the router adds CORS).
pub fn embed() -> Router<LiveEngine> {
    Router::new().route("/embed.js", get(assets::embed_js))
}

/// Unknown paths: JSON under `/api/`, a Vietnamese page elsewhere.
pub async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        AppError::NotFound("no such page".into()).into_response()
    } else {
        PageError::NotFound("Trang bạn tìm không tồn tại. Hãy kiểm tra lại địa chỉ.".into())
            .into_response()
    }
}
