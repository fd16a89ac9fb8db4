//! The HTTP server: JSON API over the search engine, and the web pages over the API's engine.

pub mod error;
pub mod limits;
pub mod live;
pub mod metrics;
pub mod query_string;
pub mod routes;
pub mod web;
pub mod write;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use tower_http::cors::{Any, CorsLayer};

use crate::search::Engine;
pub use limits::Limits;
pub use live::LiveEngine;
use metrics::Metrics;
use write::WriteState;

/// Largest text `POST /api/extract` reads: a long directive is a few hundred KB.
const MAX_EXTRACT_BYTES: usize = 2 * 1024 * 1024;

/// How a server is set up: its limits, and the token that switches writing on.
#[derive(Clone, Debug, Default)]
pub struct ServerConfig {
    /// Timeout, body size and concurrency limits.
    pub limits: Limits,
    /// Bearers of this token may `POST /api/documents`; without one, nobody may.
    pub write_token: Option<String>,
}

/// Builds the router over an engine with the default limits and writing off.
pub fn router(engine: Arc<Engine>) -> Router {
    router_with(engine, &ServerConfig::default())
}

/// Builds the router over an engine, or over a [`LiveEngine`] that may be swapped while
/// serving (writes go to the engine current at start).
pub fn router_with(engine: impl Into<LiveEngine>, config: &ServerConfig) -> Router {
    let live = engine.into();
    // Other portals call the API and load the embeddable box from their pages, from
    // anywhere. POST is only the read-only /api/extract, which writes nothing. The pages
    // themselves are same-origin only, and so is the write route, which sits outside this
    // layer: a browser's preflight for it gets no CORS grant.
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
        .merge(web::embed())
        .layer(cors);
    let writes = Router::new()
        .route("/api/documents", post(write::put_document))
        .with_state(WriteState::new(
            live.current(),
            config.write_token.as_deref(),
        ));
    let limited = Router::new()
        .merge(api)
        .merge(writes)
        .merge(web::pages())
        .fallback(web::not_found);
    let metrics = Arc::new(Metrics::new());
    // Scrapes are same-origin (Prometheus), outside CORS, and outside the limits like /healthz.
    let scrape = Router::new()
        .route("/metrics", get(metrics::scrape))
        .with_state((Arc::clone(&metrics), live.clone()));
    limits::apply(limited, config.limits)
        // Health checks stay answerable when the server is saturated: that is when they matter.
        .route(
            "/healthz",
            get(routes::healthz).layer(CorsLayer::new().allow_origin(Any)),
        )
        .with_state(live)
        .merge(scrape)
        // Outermost, so that requests the limits refuse are counted too.
        .layer(middleware::from_fn_with_state(metrics, metrics::track))
}

/// Serves with the default limits and writing off until Ctrl-C or SIGTERM.
pub async fn serve(listener: tokio::net::TcpListener, engine: Arc<Engine>) -> std::io::Result<()> {
    serve_with(listener, engine, &ServerConfig::default()).await
}

/// Serves until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    engine: impl Into<LiveEngine>,
    config: &ServerConfig,
) -> std::io::Result<()> {
    let app = router_with(engine, config).into_make_service_with_connect_info::<SocketAddr>();
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
