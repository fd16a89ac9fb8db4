//! Ingest while serving: a running server keeps answering during an ingest into the index it
//! serves, and shows the new documents after the commit without a restart.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::Workspace;
use serde_json::Value;
use tracuu::server::ServerConfig;

/// How long a commit may take to reach the server's reader (tantivy reloads shortly after).
const VISIBLE_WITHIN: Duration = Duration::from_secs(30);

async fn hit_ids(client: &reqwest::Client, base: &str, q: &str) -> (u16, Vec<String>) {
    let response = client
        .get(format!("{base}/api/search"))
        .query(&[("q", q), ("limit", "50")])
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let body: Value = response.json().await.expect("json");
    let ids = body["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter_map(|h| h["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (status, ids)
}

/// Polls until `q` finds exactly `want`, or the time is up.
async fn wait_for(client: &reqwest::Client, base: &str, q: &str, want: &[&str]) -> Vec<String> {
    let deadline = Instant::now() + VISIBLE_WITHIN;
    loop {
        let (_, ids) = hit_ids(client, base, q).await;
        if ids == want || Instant::now() > deadline {
            return ids;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_while_serving_keeps_answering_and_shows_new_documents_after_commit() {
    let ws = Arc::new(Workspace::with_seeds());
    ws.ingest();
    let base = common::serve(&ws, ServerConfig::default()).await;
    let client = reqwest::Client::new();
    assert!(hit_ids(&client, &base, "che lung phin").await.1.is_empty());

    // Enough new files that the ingest takes a while, and a reader hammering the server
    // all the time it runs.
    for i in 0..300 {
        ws.write(
            &format!("moi/{i:03}.txt"),
            format!(
                "Bản tin số {i}\n\nHợp tác xã chè Lũng Phìn số {i} tổ chức học tập Chỉ thị 05-CT/TW \
                 về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
            ),
        );
    }
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (client, base, done) = (client.clone(), base.clone(), Arc::clone(&done));
        tokio::spawn(async move {
            let mut answered = 0;
            while !done.load(Ordering::Relaxed) {
                for q in ["nghi quyet 21", "Đảng ủy", "hop tac xa", "\"chi bộ\""] {
                    let (status, _) = hit_ids(&client, &base, q).await;
                    assert_eq!(status, 200, "{q} answered {status} during the ingest");
                    answered += 1;
                }
            }
            answered
        })
    };
    let ingest = {
        let ws = Arc::clone(&ws);
        tokio::task::spawn_blocking(move || ws.ingest())
    };
    let report = ingest.await.expect("ingest task");
    done.store(true, Ordering::Relaxed);
    let answered = reader.await.expect("reader saw only 200s");
    assert!(answered > 0);
    assert_eq!(report.files_added, 300);

    // Visible without a restart: one new document by its own words, all of them by a shared one.
    let one = wait_for(&client, &base, "che lung phin so 123", &["moi/123"]).await;
    assert_eq!(one.first().map(String::as_str), Some("moi/123"), "{one:?}");
    let health: Value = client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .expect("healthz")
        .json()
        .await
        .expect("json");
    assert_eq!(
        health["documents"].as_u64(),
        Some(report.documents_total as u64)
    );

    // A deletion is seen the same way.
    std::fs::remove_file(ws.corpus().join("moi/123.txt")).expect("remove");
    let report = {
        let ws = Arc::clone(&ws);
        tokio::task::spawn_blocking(move || ws.ingest())
            .await
            .expect("ingest task")
    };
    assert_eq!(report.files_removed, 1);
    let deadline = Instant::now() + VISIBLE_WITHIN;
    loop {
        let (_, ids) = hit_ids(&client, &base, "che lung phin so 123").await;
        if !ids.iter().any(|id| id == "moi/123") {
            break;
        }
        assert!(Instant::now() < deadline, "deleted document still served");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
