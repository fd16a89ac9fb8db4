//! `POST /api/documents` over a real server: off without a token, 401 with a wrong one,
//! searchable at once with the right one, teaching the corpus its keys, 409 while an ingest
//! holds the lock, never CORS.

mod common;

use common::Workspace;
use serde_json::{json, Value};
use tracuu::server::ServerConfig;

const TOKEN: &str = "s3cret-token-for-tests";

async fn start(token: Option<&str>) -> (Workspace, String) {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let config = ServerConfig {
        write_token: token.map(str::to_string),
        ..ServerConfig::default()
    };
    let base = common::serve(&ws, config).await;
    (ws, base)
}

fn document(id: &str, body: &str) -> Value {
    json!({
        "id": id,
        "title": "Thông báo kết luận của Bộ Chính trị",
        "body": body,
        "date": "2024-05-02",
        "url": "https://example.vn/a"
    })
}

async fn post(base: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{base}/api/documents"))
        .json(body);
    if let Some(token) = token {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn hits(base: &str, q: &str) -> Vec<String> {
    let body: Value = reqwest::get(format!("{base}/api/search?q={q}"))
        .await
        .expect("search")
        .json()
        .await
        .expect("JSON");
    body["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter_map(|h| h["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn without_a_token_writing_is_off() {
    let (_ws, base) = start(None).await;
    let (status, body) = post(&base, Some("anything"), &document("x", "Văn bản.")).await;
    assert_eq!(status, 403, "{body}");
    assert!(body["error"]
        .as_str()
        .is_some_and(|e| e.contains("TRACUU_WRITE_TOKEN")));
}

#[tokio::test]
async fn missing_or_wrong_tokens_get_401() {
    let (_ws, base) = start(Some(TOKEN)).await;
    for token in [None, Some("wrong"), Some(""), Some("s3cret-token-for-test")] {
        let (status, body) = post(&base, token, &document("x", "Văn bản.")).await;
        assert_eq!(status, 401, "{token:?}: {body}");
        assert!(body["error"].is_string());
    }
    let response = reqwest::Client::new()
        .post(format!("{base}/api/documents"))
        .header("Authorization", "Basic dXNlcjpwYXNz")
        .json(&document("x", "Văn bản."))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(
        response
            .headers()
            .get("www-authenticate")
            .map(|v| v.as_bytes()),
        Some(&b"Bearer"[..])
    );
}

#[tokio::test]
async fn a_written_document_is_searchable_and_replaced_by_id() {
    let (ws, base) = start(Some(TOKEN)).await;
    let body = "Ban Bí thư ban hành Chỉ thị số 35-CT/TW về xúc tiến zyxwqv đại hội.";
    let (status, answer) = post(&base, Some(TOKEN), &document("api-1", body)).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["id"], "api-1");
    assert_eq!(answer["citations"], 1);
    assert_eq!(hits(&base, "zyxwqv").await, ["api-1"]);
    let doc: Value = reqwest::get(format!("{base}/api/documents/api-1"))
        .await
        .expect("document")
        .json()
        .await
        .expect("JSON");
    assert_eq!(doc["date"], "2024-05-02");
    assert!(doc["text"].as_str().is_some_and(|t| t.contains("35-CT/TW")));

    // The same id again replaces the document: the old words are gone, the new ones found,
    // though both searches were answered (and their answers cached) before.
    assert!(hits(&base, "qqvvxx").await.is_empty());
    let (status, _) = post(
        &base,
        Some(TOKEN),
        &document("api-1", "Nội dung qqvvxx mới."),
    )
    .await;
    assert_eq!(status, 201);
    assert!(hits(&base, "zyxwqv").await.is_empty());
    assert_eq!(hits(&base, "qqvvxx").await, ["api-1"]);
    let health: Value = reqwest::get(format!("{base}/healthz"))
        .await
        .expect("health")
        .json()
        .await
        .expect("JSON");
    assert_eq!(health["documents"], 15);

    // An ingest of the corpus leaves documents written through the API alone.
    let report = ws.ingest();
    assert_eq!(report.documents_removed, 0, "{report:?}");
    assert_eq!(common::ids(&ws.engine(), "qqvvxx"), ["api-1"]);
}

#[tokio::test]
async fn bad_documents_get_400() {
    let (_ws, base) = start(Some(TOKEN)).await;
    for body in [
        json!({"id": "a", "title": "t"}),
        json!({"id": "", "title": "t", "body": "Văn bản."}),
        json!({"id": "a", "title": "t", "body": "   "}),
        json!({"id": "a", "title": "t", "body": "x", "date": "2024-13-45"}),
        json!({"id": "a", "title": "t", "body": "x", "extra": 1}),
        json!("not an object"),
    ] {
        let (status, answer) = post(&base, Some(TOKEN), &body).await;
        assert_eq!(status, 400, "{body}: {answer}");
        assert!(answer["error"].is_string(), "{answer}");
    }
}

#[tokio::test]
async fn a_held_writer_lock_gets_409_not_a_hang() {
    let (ws, base) = start(Some(TOKEN)).await;
    let (index, fields) = tracuu::index::open_or_create(&ws.index()).expect("index");
    let held = tracuu::index::writer::Writer::open(&index, fields, &ws.index()).expect("lock");
    let (status, answer) = post(&base, Some(TOKEN), &document("api-2", "Văn bản.")).await;
    assert_eq!(status, 409, "{answer}");
    assert!(answer["error"]
        .as_str()
        .is_some_and(|e| e.contains("ingest")));
    drop(held);
    let (status, answer) = post(&base, Some(TOKEN), &document("api-2", "Văn bản.")).await;
    assert_eq!(status, 201, "{answer}");
}

#[tokio::test]
async fn the_write_route_is_not_open_to_other_origins() {
    let (_ws, base) = start(Some(TOKEN)).await;
    let client = reqwest::Client::new();
    let preflight = |path: &str| {
        client
            .request(reqwest::Method::OPTIONS, format!("{base}{path}"))
            .header("Origin", "https://portal.example")
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization, content-type",
            )
            .send()
    };
    let write = preflight("/api/documents").await.expect("preflight");
    assert!(write.headers().get("access-control-allow-origin").is_none());
    assert!(write
        .headers()
        .get("access-control-allow-methods")
        .is_none());
    let read = preflight("/api/extract").await.expect("preflight");
    assert!(read.headers().get("access-control-allow-origin").is_some());
    let posted = client
        .post(format!("{base}/api/documents"))
        .header("Origin", "https://portal.example")
        .header("Authorization", format!("Bearer {TOKEN}"))
        .json(&document("api-3", "Văn bản."))
        .send()
        .await
        .expect("post");
    assert!(posted
        .headers()
        .get("access-control-allow-origin")
        .is_none());
}

/// The ids of the documents citing `key`, or `None` when nothing cites it (404).
async fn citing(base: &str, key: &str) -> Option<Vec<String>> {
    let response = reqwest::get(format!("{base}/api/citations/{key}"))
        .await
        .expect("directive");
    if response.status().as_u16() == 404 {
        return None;
    }
    let body: Value = response.json().await.expect("JSON");
    let mut ids: Vec<String> = body["citing"]
        .as_array()
        .expect("citing")
        .iter()
        .filter_map(|d| d["id"].as_str().map(str::to_string))
        .collect();
    ids.sort();
    Some(ids)
}

#[tokio::test]
async fn a_written_document_teaches_the_corpus_its_keys() {
    let (_ws, base) = start(Some(TOKEN)).await;
    let short = "Quán triệt Chỉ thị 99 về văn hóa.";
    let (status, answer) = post(&base, Some(TOKEN), &document("api-short", short)).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(
        citing(&base, "chi-thi/99").await,
        Some(vec!["api-short".to_string()])
    );
    assert_eq!(citing(&base, "chi-thi/99-CT/TW").await, None);

    // A document that names the directive in full re-keys the one written before.
    let full = "Chỉ thị số 99-CT/TW ngày 2/3/2024 của Ban Bí thư về văn hóa.";
    let (status, answer) = post(&base, Some(TOKEN), &document("api-full", full)).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(
        citing(&base, "chi-thi/99-CT/TW").await,
        Some(vec!["api-full".to_string(), "api-short".to_string()])
    );

    // Replaced by one that names nothing, it takes its lesson with it.
    let (status, _) = post(&base, Some(TOKEN), &document("api-full", "Nội dung khác.")).await;
    assert_eq!(status, 201);
    assert_eq!(citing(&base, "chi-thi/99-CT/TW").await, None);
    assert_eq!(
        citing(&base, "chi-thi/99").await,
        Some(vec!["api-short".to_string()])
    );
}
