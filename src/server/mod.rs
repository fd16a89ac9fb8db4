//! The HTTP server: JSON API over the search engine.

pub mod error;
pub mod routes;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::Method;
use axum::routing::get;
use axum::Router;
use tower_http::cors::{Any, CorsLayer};

use crate::search::Engine;
use error::AppError;

/// Builds the router over an engine.
pub fn router(engine: Arc<Engine>) -> Router {
    // Other portals call the API from their pages: reads only, from anywhere.
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET])
        .allow_headers(Any);
    Router::new()
        .route("/api/search", get(routes::search))
        .route("/api/documents/{*id}", get(routes::document))
        .route("/healthz", get(routes::healthz))
        .fallback(|| async { AppError::NotFound("no such page".into()) })
        .layer(cors)
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
