//! The JSON API over a real server on 127.0.0.1:0.

mod common;

use std::sync::Arc;

use common::Workspace;
use serde_json::Value;

/// Starts the server on an ephemeral port over the seed corpus; returns its base URL.
async fn start() -> (Workspace, String) {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let engine = Arc::new(ws.engine());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(tracuu::server::serve(listener, engine));
    (ws, format!("http://{addr}"))
}

async fn get(url: &str) -> (u16, Value) {
    let response = reqwest::get(url).await.expect("request");
    let status = response.status().as_u16();
    let body = response.json().await.expect("JSON body");
    (status, body)
}

#[tokio::test]
async fn search_returns_the_documented_shape() {
    let (_ws, base) = start().await;
    let (status, body) = get(&format!("{base}/api/search?q=huong%20dan%2038&limit=3")).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["total"].as_u64().is_some_and(|n| n >= 1), "{body}");
    assert!(body["took_ms"].is_number());
    let hit = &body["hits"][0];
    assert_eq!(hit["id"], "000_a9977e4e1fe89f14");
    for field in ["id", "title", "date", "score", "snippet_html", "citations"] {
        assert!(hit.get(field).is_some(), "hit lacks {field}: {hit}");
    }
    assert!(body["facets"]["citations"].is_array() && body["facets"]["years"].is_array());
}

#[tokio::test]
async fn telex_query_says_what_it_searched_for() {
    let (_ws, base) = start().await;
    let (status, body) = get(&format!("{base}/api/search?q=nghij%20quyeets%2021")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["query"], "nghij quyeets 21", "{body}");
    assert_eq!(body["searched_for"], "nghị quyết 21", "{body}");
    assert!(body["total"].as_u64().is_some_and(|n| n >= 2), "{body}");
    let (_, exact) = get(&format!(
        "{base}/api/search?q=nghij%20quyeets%2021&verbatim=1"
    ))
    .await;
    assert_eq!(exact["total"], 0, "{exact}");
    assert!(exact["searched_for"].is_null(), "{exact}");
    let (_, plain) = get(&format!("{base}/api/search?q=nghi%20quyet%2021")).await;
    assert_eq!(plain["query"], "nghi quyet 21", "{plain}");
    assert!(plain["searched_for"].is_null(), "{plain}");
}

#[tokio::test]
async fn documents_by_id_and_unknown_ids() {
    let (_ws, base) = start().await;
    let (status, doc) = get(&format!("{base}/api/documents/001_2d22f94ed71eb3a4")).await;
    assert_eq!(status, 200, "{doc}");
    assert!(
        doc["text"].as_str().is_some_and(|t| t.contains("21-NQ/TW")),
        "{doc}"
    );
    assert!(doc["citations"].is_array());
    for id in ["nope", "..%2F..%2Fetc%2Fpasswd", "../Cargo.toml"] {
        let (status, body) = get(&format!("{base}/api/documents/{id}")).await;
        assert_eq!(status, 404, "{id}: {body}");
        assert!(body["error"].is_string());
    }
}

#[tokio::test]
async fn bad_parameters_get_400_with_a_message() {
    let (_ws, base) = start().await;
    let long = "a".repeat(5000);
    // (path and query, words the message must hold: the parameter and what is wrong)
    let rows: Vec<(String, &[&str])> = vec![
        (
            "/api/search?q=x&limit=abc".into(),
            &["limit", "whole number"],
        ),
        (
            "/api/search?q=x&limit=-1".into(),
            &["limit", "whole number"],
        ),
        ("/api/search?q=x&limit=0".into(), &["limit"]),
        ("/api/search?q=x&limit=100000".into(), &["limit"]),
        ("/api/search?q=x&offset=99999999".into(), &["offset"]),
        (
            "/api/search?q=x&from=2022-13-45".into(),
            &["from", "YYYY-MM-DD"],
        ),
        (format!("/api/search?q={long}"), &["too long"]),
        // The raw query string, before form decoding would read it leniently.
        (
            "/api/search?q=%ZZ".into(),
            &["q", "%ZZ", "percent-encoding"],
        ),
        ("/api/search?q=abc%".into(), &["q", "percent-encoding"]),
        ("/api/search?q=x&cites=%E1%BB".into(), &["cites", "UTF-8"]),
        ("/api/search?q=%C3".into(), &["q", "UTF-8"]),
        (
            "/api/search?q=a%01b".into(),
            &["q", "control character U+0001"],
        ),
        (
            "/api/search?q=%1b%5b31m".into(),
            &["q", "control character U+001B"],
        ),
        (
            "/api/search?q=%00%07".into(),
            &["q", "control character U+0000"],
        ),
        ("/api/search?q=x&%ZZ=1".into(), &["%ZZ", "percent-encoding"]),
        ("/api/search?q=a&q=b".into(), &["duplicate"]),
        // The values.
        (
            "/api/search?q=x&type=foo".into(),
            &["type", "\"foo\"", "nghi-quyet"],
        ),
        (
            "/api/search?q=&from=2023-01-01&to=2020-01-01".into(),
            &["from", "to", "2023-01-01", "2020-01-01"],
        ),
        ("/api/search?q=x&verbatim=2".into(), &["verbatim", "\"2\""]),
        // The other routes read their query string the same way.
        ("/api/suggest?q=%ZZ".into(), &["q", "percent-encoding"]),
        ("/api/citations?q=a%01b".into(), &["q", "control character"]),
    ];
    for (path, words) in rows {
        let (status, body) = get(&format!("{base}{path}")).await;
        assert_eq!(status, 400, "{path}: {body}");
        let message = body["error"].as_str().unwrap_or_default();
        for word in words {
            assert!(message.contains(word), "{path}: {message:?} lacks {word:?}");
        }
        assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
    }
}

#[tokio::test]
async fn odd_queries_get_sane_results() {
    let (_ws, base) = start().await;
    // (query string, hits at least): accents composed and decomposed (NFD "hoà" is
    // "hòa"), quotes, spaces as + or %20, a tab pasted from a document (read as a space),
    // filters and switches spelt every accepted way, a cited key the corpus does not know
    // (keys are open-ended: no document, not an error), stray syntax.
    let rows = [
        ("q=h%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn", 1),
        ("q=huong+dan", 1),
        ("q=huong%20dan", 1),
        ("q=huong%09dan", 1),
        ("q=ho%CC%80a", 1),
        ("q=%22t%E1%BB%95%20ch%E1%BB%A9c%22", 1),
        ("q=%E2%80%9Ct%E1%BB%95+ch%E1%BB%A9c%E2%80%9D", 1),
        ("q=huong+dan&verbatim=1", 1),
        ("q=huong+dan&verbatim=true", 1),
        ("q=huong+dan&verbatim=0&type=&cites=&from=&to=", 1),
        ("q=&from=2017-10-24&to=2017-10-24", 1),
        ("q=&type=nghi-quyet", 1),
        ("q=&cites=nghi-quyet%2F999-NQ%2FTW", 0),
        ("q=%22", 0),
        ("q=AND%20OR%20NOT", 0),
        ("q=title%3Ax", 0),
        ("q=...%2C%3B", 0),
        ("q=(((", 0),
        ("q=", 0),
        ("q=100%25", 0),
    ];
    for (query, at_least) in rows {
        let (status, body) = get(&format!("{base}/api/search?{query}")).await;
        assert_eq!(status, 200, "{query}: {body}");
        let hits = body["hits"].as_array().map_or(0, Vec::len);
        assert!(hits >= at_least, "{query}: {hits} hits: {body}");
    }
}

#[tokio::test]
async fn health_and_cors() {
    let (_ws, base) = start().await;
    let (status, body) = get(&format!("{base}/healthz")).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ok")));
    // Four articles and the ten split out of the aggregator page.
    assert_eq!(body["documents"].as_u64(), Some(14));
    let response = reqwest::Client::new()
        .get(format!("{base}/api/search?q=dang"))
        .header("Origin", "https://portal.example")
        .send()
        .await
        .expect("request");
    assert_eq!(
        response
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.as_bytes()),
        Some(&b"*"[..])
    );
}

#[tokio::test]
async fn citation_endpoints() {
    let (_ws, base) = start().await;
    let (status, list) = get(&format!("{base}/api/citations?q=huong%20dan")).await;
    assert_eq!(status, 200, "{list}");
    let keys: Vec<&str> = list["citations"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|c| c["key"].as_str())
        .collect();
    assert!(keys.contains(&"huong-dan/38-HD/BTCTW"), "{keys:?}");
    for c in list["citations"].as_array().expect("array") {
        for field in ["key", "label", "type", "count"] {
            assert!(c.get(field).is_some(), "{c}");
        }
    }

    // Keys hold "/" and non-ASCII letters: both go through the path as they are.
    let (status, directive) = get(&format!("{base}/api/citations/nghi-quyet/21-NQ/TW")).await;
    assert_eq!(status, 200, "{directive}");
    assert_eq!(directive["symbol"], "21-NQ/TW");
    assert!(
        directive["citing"].as_array().is_some_and(|c| c.len() >= 2),
        "{directive}"
    );
    assert!(directive["citing"][0]["sentence"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
    let (status, body) = get(&format!("{base}/api/citations/nghi-quyet/999-NQ/TW")).await;
    assert_eq!(status, 404, "{body}");

    let (status, body) = get(&format!("{base}/api/suggest?q=nghi%20quyet%202")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["suggestions"][0]["text"], "Nghị quyết 21-NQ/TW",
        "{body}"
    );
    assert_eq!(body["suggestions"][0]["kind"], "directive");

    // The last word of what is typed may be the start of a longer one ("lượ" of "lượng").
    let (status, body) = get(&format!(
        "{base}/api/suggest?q=ch%E1%BA%A5t%20l%C6%B0%E1%BB%A3"
    ))
    .await;
    assert_eq!(status, 200, "{body}");
    let first_title = body["suggestions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["kind"] == "document")
        .and_then(|s| s["text"].as_str())
        .map(str::to_lowercase);
    assert!(
        first_title.is_some_and(|t| t.contains("chất lượng")),
        "{body}"
    );
}

#[tokio::test]
async fn extract_endpoint_reads_text_and_html() {
    let (_ws, base) = start().await;
    let client = reqwest::Client::new();
    let post = |body: &'static str, content_type: &'static str| {
        client
            .post(format!("{base}/api/extract"))
            .header("Content-Type", content_type)
            .body(body)
            .send()
    };
    let response = post(
        "Thực hiện Hướng dẫn số 38-HD/BTCTW và Chỉ thị 05 của Bộ Chính trị.",
        "text/plain",
    )
    .await
    .expect("request");
    assert_eq!(response.status().as_u16(), 200);
    let json: Value = response.json().await.expect("JSON");
    let keys: Vec<&str> = json["citations"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|c| c["key"].as_str())
        .collect();
    assert_eq!(keys, ["huong-dan/38-HD/BTCTW", "chi-thi/5-CT/TW"]);

    let html = "<html><body><nav>Menu</nav><article><p>Theo Nghị định 30/2020/NĐ-CP về công tác văn thư.</p></article></body></html>";
    let json: Value = post(html, "text/html")
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        json["citations"][0]["key"], "nghi-dinh/30/2020/NĐ-CP",
        "{json}"
    );

    let response = post("   ", "text/plain").await.expect("request");
    assert_eq!(response.status().as_u16(), 400);
    let too_big = "x".repeat(3 * 1024 * 1024);
    let response = client
        .post(format!("{base}/api/extract"))
        .body(too_big)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 413);
}
