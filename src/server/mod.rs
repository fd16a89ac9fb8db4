//! The HTTP server: JSON API over the search engine, and the web pages over the API's engine.

pub mod error;
pub mod routes;
pub mod web;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{get, post};
use axum::Router;
use tower_http::cors::{Any, CorsLayer};

use crate::search::Engine;

/// Largest text `POST /api/extract` reads: a long directive is a few hundred KB.
const MAX_EXTRACT_BYTES: usize = 2 * 1024 * 1024;

/// Builds the router over an engine.
pub fn router(engine: Arc<Engine>) -> Router {
    // Other portals call the API and load the embeddable box from their pages, from
    // anywhere. POST is only the read-only /api/extract, which writes nothing. The pages
    // themselves are same-origin only.
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers(Any);
    let api = Router::new()
        .route("/api/search", get(routes::search))
        .route("/api/documents/{*id}", get(routes::document))
        .route("/api/citations", get(routes::citations))
        .route("/api/citations/{*key}", get(routes::directive))
        .route("/api/suggest", get(routes::suggest))
        .route(
            "/api/extract",
            post(routes::extract).layer(DefaultBodyLimit::max(MAX_EXTRACT_BYTES)),
        )
        .route("/healthz", get(routes::healthz))
        .merge(web::embed())
        .layer(cors);
    Router::new()
        .merge(api)
        .merge(web::pages())
        .fallback(web::not_found)
        .with_state(engine)
}

/// Serves until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve(listener: tokio::net::TcpListener, engine: Arc<Engine>) -> std::io::Result<()> {
    let app = router(engine).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
