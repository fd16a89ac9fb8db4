//! `GET /metrics` in the Prometheus (OpenMetrics) text format: requests by route and status,
//! their latency, requests in flight, and the index and process memory read at scrape time.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use super::LiveEngine;

/// The content type Prometheus asks for when it scrapes OpenMetrics.
const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Labels of one counted request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

/// Labels of one latency observation.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

/// Every metric the server keeps, and the registry that writes them out.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    in_flight: Gauge,
    documents: Gauge,
    resident_memory: Gauge,
    peak_resident_memory: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A fresh set of metrics, all zero.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("tracuu");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route and status",
            requests.clone(),
        );
        // 0.25 ms to about 8 s: searches take milliseconds, the timeout is 10 s.
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(
            (|| Histogram::new(exponential_buckets(0.000_25, 2.0, 16))) as fn() -> Histogram,
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from request to response head, by route",
            latency.clone(),
        );
        let in_flight = Gauge::default();
        registry.register(
            "http_requests_in_flight",
            "Requests being handled now",
            in_flight.clone(),
        );
        let documents = Gauge::default();
        registry.register(
            "index_documents",
            "Documents in the index being served",
            documents.clone(),
        );
        let resident_memory = Gauge::default();
        registry.register(
            "process_resident_memory_bytes",
            "Resident memory of the server process",
            resident_memory.clone(),
        );
        let peak_resident_memory = Gauge::default();
        registry.register(
            "process_peak_resident_memory_bytes",
            "Highest resident memory of the server process so far",
            peak_resident_memory.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            in_flight,
            documents,
            resident_memory,
            peak_resident_memory,
        }
    }

    /// Counts one answered request.
    fn observe(&self, method: &str, route: &str, status: StatusCode, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_owned(),
                route: route.to_owned(),
                status: status.as_u16(),
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_owned(),
            })
            .observe(seconds);
    }

    /// Writes every metric out, reading the gauges that describe the present first.
    pub fn render(&self, documents: u64) -> String {
        self.documents
            .set(i64::try_from(documents).unwrap_or(i64::MAX));
        if let Some(memory) = process_memory() {
            self.resident_memory.set(memory.resident);
            self.peak_resident_memory.set(memory.peak);
        }
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut text, &self.registry);
        text
    }
}

/// The method as a label: any token is a method to HTTP, and those no route answers are
/// one series, not one each.
fn method_label(method: &Method) -> &str {
    const KNOWN: [Method; 7] = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::PATCH,
    ];
    if KNOWN.contains(method) {
        method.as_str()
    } else {
        "other"
    }
}

/// Middleware that counts and times every request, by the route pattern it matched (never
/// the raw path: ids in paths would make one series per document).
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let method = method_label(request.method()).to_owned();
    let started = Instant::now();
    metrics.in_flight.inc();
    let response = next.run(request).await;
    metrics.in_flight.dec();
    metrics.observe(
        &method,
        &route,
        response.status(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// `GET /metrics`.
pub async fn scrape(State((metrics, live)): State<(Arc<Metrics>, LiveEngine)>) -> Response {
    let text = metrics.render(live.current().num_docs());
    ([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response()
}

/// Resident and peak resident memory in bytes.
struct ProcessMemory {
    resident: i64,
    peak: i64,
}

/// Reads the process's memory from `/proc/self/status`; `None` where there is no procfs.
fn process_memory() -> Option<ProcessMemory> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    Some(ProcessMemory {
        resident: status_kb(&status, "VmRSS:")? * 1024,
        peak: status_kb(&status, "VmHWM:")? * 1024,
    })
}

/// The value of a `Name:   123 kB` line of `/proc/self/status`.
fn status_kb(status: &str, name: &str) -> Option<i64> {
    let line = status.lines().find(|l| l.starts_with(name))?;
    line[name.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_methods_share_one_label() {
        assert_eq!(method_label(&Method::GET), "GET");
        assert_eq!(method_label(&Method::OPTIONS), "OPTIONS");
        let made_up = Method::from_bytes(b"M12345").unwrap();
        assert_eq!(method_label(&made_up), "other");
    }

    #[test]
    fn reads_kilobyte_lines_of_proc_status() {
        let status = "Name:\ttracuu\nVmHWM:\t  20480 kB\nVmRSS:\t   10240 kB\n";
        assert_eq!(status_kb(status, "VmRSS:"), Some(10240));
        assert_eq!(status_kb(status, "VmHWM:"), Some(20480));
        assert_eq!(status_kb(status, "VmSwap:"), None);
    }

    #[test]
    fn renders_counted_requests_by_route_and_status() {
        let metrics = Metrics::new();
        metrics.observe("GET", "/api/search", StatusCode::OK, 0.001);
        metrics.observe("GET", "/api/search", StatusCode::OK, 0.002);
        metrics.observe("GET", "/api/search", StatusCode::BAD_REQUEST, 0.001);
        let text = metrics.render(42);
        assert!(text.contains(
            r#"tracuu_http_requests_total{method="GET",route="/api/search",status="200"} 2"#
        ));
        assert!(text.contains(
            r#"tracuu_http_requests_total{method="GET",route="/api/search",status="400"} 1"#
        ));
        assert!(
            text.contains(r#"tracuu_http_request_duration_seconds_count{route="/api/search"} 3"#)
        );
        assert!(text.contains("tracuu_index_documents 42"));
        assert!(text.ends_with("# EOF\n"));
    }
}
