//! The server's limits over a real server on 127.0.0.1:0: shedding load with 503 and
//! Retry-After, timeouts, body caps, and error bodies that give nothing away.

mod common;

use std::time::Duration;

use common::Workspace;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use tracuu::server::{Limits, ServerConfig};

async fn start(limits: Limits) -> (Workspace, String) {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let base = common::serve(
        &ws,
        ServerConfig {
            limits,
            write_token: None,
        },
    )
    .await;
    (ws, base)
}

/// Opens a request whose body never comes: it holds its slot until the timeout.
fn stalled_request(base: &str) -> TcpStream {
    let addr = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).expect("connect");
    let head = format!(
        "POST /api/extract HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("write");
    stream
}

#[tokio::test]
async fn a_saturated_server_sheds_load_with_503_and_retry_after() {
    let (_ws, base) = start(Limits {
        max_concurrent: 1,
        ..Limits::default()
    })
    .await;
    let _held = stalled_request(&base);
    // Let the server take the stalled request (and its only slot) first.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let client = reqwest::Client::new();
    let requests = (0..32).map(|i| {
        let client = client.clone();
        let url = format!("{base}/api/search?q=dang+{i}");
        tokio::spawn(async move { client.get(url).send().await.expect("request") })
    });
    let mut shed = 0;
    for request in requests {
        let response = request.await.expect("task");
        let status = response.status().as_u16();
        assert!(status == 200 || status == 503, "status {status}");
        if status == 503 {
            shed += 1;
            assert_eq!(
                response.headers().get("retry-after").map(|v| v.as_bytes()),
                Some(&b"1"[..])
            );
            let body: Value = response.json().await.expect("JSON");
            assert!(body["error"].as_str().is_some_and(|e| e.contains("busy")));
        }
    }
    assert!(shed > 0, "no request was shed");
    // Health checks are not limited: they answer while the server is full.
    let health = client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .expect("health");
    assert_eq!(health.status().as_u16(), 200);
}

#[tokio::test]
async fn a_stuck_request_times_out_with_a_json_503() {
    let (_ws, base) = start(Limits {
        timeout: Duration::from_millis(500),
        ..Limits::default()
    })
    .await;
    let mut stream = stalled_request(&base);
    // The test's own limit, far above the server's: a hang fails instead of blocking.
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    let answer = tokio::task::spawn_blocking(move || {
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    })
    .await
    .expect("reader");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(
        answer.contains(r#"{"error":"the request took too long"#),
        "{answer}"
    );
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("access-control-allow-origin: *"),
        "{answer}"
    );
}

#[tokio::test]
async fn a_method_the_api_does_not_take_gets_a_json_405() {
    let (_ws, base) = start(Limits::default()).await;
    let answer = reqwest::Client::new()
        .delete(format!("{base}/api/search?q=x"))
        .send()
        .await
        .expect("delete");
    assert_eq!(answer.status().as_u16(), 405);
    assert!(answer.headers().get("allow").is_some());
    let body: Value = answer.json().await.expect("a JSON error body");
    assert_eq!(body["error"], "DELETE is not allowed on /api/search");
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let (_ws, base) = start(Limits {
        max_body_bytes: 1024,
        ..Limits::default()
    })
    .await;
    let client = reqwest::Client::new();
    let small = client
        .post(format!("{base}/api/extract"))
        .body("Nghị quyết số 21-NQ/TW")
        .send()
        .await
        .expect("small");
    assert_eq!(small.status().as_u16(), 200);
    for path in ["/api/extract", "/api/search", "/"] {
        let large = client
            .post(format!("{base}{path}"))
            .body("x".repeat(4096))
            .send()
            .await
            .expect("large");
        assert_eq!(large.status().as_u16(), 413, "{path}");
        if path.starts_with("/api/") {
            // Readable by the embedded box on another site, like the route's answers.
            let origin = large.headers().get("access-control-allow-origin");
            assert_eq!(origin.map(|v| v.as_bytes()), Some(&b"*"[..]), "{path}");
            let body: Value = large.json().await.expect("a JSON error body");
            let message = body["error"].as_str().expect("error message");
            assert!(message.contains("at most 1 KB"), "{message}");
        }
    }
    // A chunked body has no Content-Length: the extractor cuts it off, with the same answer.
    let chunks = futures_util::stream::iter(
        (0..8).map(|_| Ok::<_, std::io::Error>("y".repeat(512).into_bytes())),
    );
    let chunked = client
        .post(format!("{base}/api/extract"))
        .body(reqwest::Body::wrap_stream(chunks))
        .send()
        .await
        .expect("chunked");
    assert_eq!(chunked.status().as_u16(), 413);
    let body: Value = chunked.json().await.expect("a JSON error body");
    assert!(body["error"]
        .as_str()
        .is_some_and(|m| m.contains("too large")));
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status_in_prometheus_text() {
    let (_ws, base) = start(Limits::default()).await;
    let client = reqwest::Client::new();
    for query in ["nghi+quyet", "dang", "limit"] {
        client
            .get(format!("{base}/api/search?q={query}"))
            .send()
            .await
            .expect("search");
    }
    client
        .get(format!("{base}/api/search?q=x&limit=abc"))
        .send()
        .await
        .expect("bad search");
    client
        .get(format!("{base}/api/documents/000_a9977e4e1fe89f14"))
        .send()
        .await
        .expect("document");
    let response = client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .expect("metrics");
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response.headers()[reqwest::header::CONTENT_TYPE]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(content_type.starts_with("application/openmetrics-text"));
    let text = response.text().await.expect("text");
    let value = |series: &str| -> f64 {
        text.lines()
            .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
            .unwrap_or_else(|| panic!("no series {series} in\n{text}"))
    };
    assert_eq!(
        value(r#"tracuu_http_requests_total{method="GET",route="/api/search",status="200"}"#),
        3.0
    );
    assert_eq!(
        value(r#"tracuu_http_requests_total{method="GET",route="/api/search",status="400"}"#),
        1.0
    );
    // The route pattern, not the id: one series for every document.
    assert_eq!(
        value(
            r#"tracuu_http_requests_total{method="GET",route="/api/documents/{*id}",status="200"}"#
        ),
        1.0
    );
    assert_eq!(
        value(r#"tracuu_http_request_duration_seconds_count{route="/api/search"}"#),
        4.0
    );
    assert!(value("tracuu_index_documents") >= 14.0);
    assert!(value("tracuu_process_resident_memory_bytes") > 1e6);
    assert!(!text.contains("000_a9977e4e1fe89f14"));
}

#[tokio::test]
async fn error_bodies_never_show_paths_or_stack_traces() {
    let (ws, base) = start(Limits {
        max_concurrent: 4,
        ..Limits::default()
    })
    .await;
    let client = reqwest::Client::new();
    let private = ws.dir.path().to_string_lossy().into_owned();
    let requests = [
        client.get(format!("{base}/api/documents/..%2F..%2Fetc%2Fpasswd")),
        client.get(format!("{base}/api/documents/nope")),
        client.get(format!("{base}/api/search?q=x&limit=abc")),
        client.get(format!("{base}/api/search?q={}", "a ".repeat(3000))),
        client.get(format!("{base}/api/citations/nope")),
        client.get(format!("{base}/api/nope")),
        client.post(format!("{base}/api/extract")).body("  "),
        client.post(format!("{base}/api/documents")).body("{}"),
        client.get(format!("{base}/documents/nope")),
    ];
    for request in requests {
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let body = response.text().await.expect("body");
        assert!(status >= 400, "{status}: {body}");
        for leak in [
            private.as_str(),
            "/tmp/",
            "/work/",
            "src/",
            ".rs:",
            "panicked",
            "backtrace",
            "RUST_BACKTRACE",
        ] {
            assert!(!body.contains(leak), "{status} body shows {leak:?}: {body}");
        }
    }
}

#[tokio::test]
async fn a_path_that_is_not_utf8_gets_a_json_400() {
    let (_ws, base) = start(Limits::default()).await;
    for path in ["/api/documents/%FF", "/api/citations/nghi-quyet/%FF"] {
        let answer = reqwest::get(format!("{base}{path}")).await.expect("get");
        assert_eq!(answer.status().as_u16(), 400, "{path}");
        let body: Value = answer.json().await.expect("a JSON error body");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(message.contains("UTF-8"), "{path}: {body}");
    }
}
