//! Read replicas behind nginx, end to end with the real binary: three `tracuu serve --watch`
//! replicas of a published snapshot, mixed queries through nginx while one replica is
//! killed (clients see no error: nginx retries on the next), then a new snapshot that every
//! replica serves without dropping a request. Skips, loudly, where nginx cannot be had.

#[path = "common/nginx.rs"]
mod nginx;

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::Workspace;
use nginx::{ensure_nginx, Nginx};

/// Longest wait for a process to answer or a replica to pick up a snapshot: the machine is
/// shared with other builds.
const WAIT: Duration = Duration::from_secs(30);
/// Clients sending at once.
const CLIENTS: usize = 6;
/// Requests each client sends through nginx; one replica dies after a third of them.
const REQUESTS_PER_CLIENT: usize = 60;
/// A word found in no seed, only in the document the second snapshot adds.
const MARKER: &str = "Quỳnhlưuxyz";

/// What a portal's search box sends: accented, unaccented, citations, phrases, filters,
/// documents, suggestions.
const MIXED: &[&str] = &[
    "/api/search?q=h%C6%B0%E1%BB%9Bng+d%E1%BA%ABn+38",
    "/api/search?q=huong+dan+38",
    "/api/search?q=21-NQ%2FTW",
    "/api/search?q=%22%C4%91%E1%BA%A3ng+vi%C3%AAn%22&limit=5",
    "/api/search?q=can+bo&from=2017-01-01",
    "/api/search?q=nghi+quyet&offset=5",
    "/api/suggest?q=huong+dan",
    "/api/citations?q=nghi+quyet",
    "/api/documents/000_a9977e4e1fe89f14",
    "/?q=ki%E1%BB%83m+tra",
    "/healthz",
];

fn tracuu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tracuu"))
}

fn run(command: &mut Command) -> String {
    let out = command.output().expect("run tracuu");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn snapshot(ws: &Workspace, out: &Path) -> String {
    run(tracuu()
        .arg("snapshot")
        .arg("--index")
        .arg(ws.index())
        .arg("--out")
        .arg(out))
}

/// A `tracuu serve --watch` process; killed on drop.
struct Replica {
    child: Child,
    port: u16,
}

impl Replica {
    /// Starts a replica on `port` (0: any), reads the port it got from its log line.
    fn start(snapshots: &Path, port: u16) -> Replica {
        let mut child = tracuu()
            .arg("serve")
            .arg("--index")
            .arg(snapshots)
            .args(["--watch", "--watch-secs", "1", "--addr"])
            .arg(format!("127.0.0.1:{port}"))
            .env("NO_COLOR", "1")
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start replica");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let port = loop {
            let line = lines
                .next()
                .expect("the replica exited before listening")
                .expect("read replica log");
            if let Some(rest) = line.split("serving on http://127.0.0.1:").nth(1) {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                break digits.parse().expect("port in the log line");
            }
        };
        // Keep reading, so that the replica never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Replica { child, port }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `url` until `check` accepts the body, for at most [`WAIT`].
async fn wait_until(client: &reqwest::Client, url: &str, check: impl Fn(&str) -> bool) {
    let started = Instant::now();
    loop {
        if let Ok(response) = client.get(url).send().await {
            if response.status().is_success() && check(&response.text().await.unwrap_or_default()) {
                return;
            }
        }
        assert!(started.elapsed() < WAIT, "gave up waiting for {url}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Sends `requests` of the mixed queries to `base`; returns the failures (status or
/// transport error) and counts every request done in `done`.
async fn drive(
    client: reqwest::Client,
    base: String,
    first: usize,
    requests: usize,
    done: Arc<AtomicUsize>,
) -> Vec<String> {
    let mut failures = Vec::new();
    for i in 0..requests {
        let path = MIXED[(first + i) % MIXED.len()];
        match client.get(format!("{base}{path}")).send().await {
            Ok(r) if r.status().is_success() => {
                if r.bytes().await.is_err() {
                    failures.push(format!("{path}: body cut off"));
                }
            }
            Ok(r) => failures.push(format!("{path}: {}", r.status())),
            Err(e) => failures.push(format!("{path}: {e}")),
        }
        done.fetch_add(1, Ordering::Relaxed);
    }
    failures
}

fn search_total(body: &str) -> u64 {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["total"].as_u64())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_behind_nginx_survive_a_kill_and_follow_snapshots() {
    if let Err(why) = ensure_nginx() {
        eprintln!("SKIPPED: the replica test needs nginx: {why}");
        return;
    }
    let ws = Workspace::with_seeds();
    ws.ingest();
    let snapshots = ws.dir.path().join("snapshots");
    let first = snapshot(&ws, &snapshots);
    assert!(first.starts_with("published"), "{first}");

    let mut replicas: Vec<Replica> = (0..3).map(|_| Replica::start(&snapshots, 0)).collect();
    let ports: Vec<u16> = replicas.iter().map(|r| r.port).collect();
    let proxy = Nginx::start(&ports).expect("start nginx");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client");
    for replica in &replicas {
        wait_until(&client, &format!("{}/healthz", replica.url()), |_| true).await;
    }
    wait_until(&client, &format!("{}/healthz", proxy.url), |_| true).await;

    // Mixed queries through nginx; a third of the way in, one replica dies with SIGKILL.
    let done = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            tokio::spawn(drive(
                client.clone(),
                proxy.url.clone(),
                c,
                REQUESTS_PER_CLIENT,
                Arc::clone(&done),
            ))
        })
        .collect();
    let total = CLIENTS * REQUESTS_PER_CLIENT;
    while done.load(Ordering::Relaxed) < total / 3 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let victim = replicas.remove(1);
    let victim_port = victim.port;
    drop(victim);
    let killed_at = done.load(Ordering::Relaxed);
    let mut failures = Vec::new();
    for c in clients {
        failures.extend(c.await.expect("client task"));
    }
    assert!(
        killed_at < total,
        "the replica died after the run ({killed_at} of {total})"
    );
    assert!(failures.is_empty(), "clients saw errors: {failures:?}");
    // nginx noticed the dead replica and retried on another: the kill really hit the run.
    let log = proxy.error_log();
    assert!(
        log.contains(&format!("127.0.0.1:{victim_port}")),
        "nginx never tried the killed replica: {log}"
    );

    // A new document, a new snapshot: the live replicas swap it in while clients keep
    // querying them directly (no nginx to hide an error); the restarted one starts on it.
    ws.write(
        "moi.txt",
        format!("Thông báo mới\n\nHội nghị {MARKER} triển khai Nghị quyết số 21-NQ/TW."),
    );
    ws.ingest();
    let marker_query = format!("/api/search?q={MARKER}");
    let before = client
        .get(format!("{}{marker_query}", replicas[0].url()))
        .send()
        .await
        .expect("search")
        .text()
        .await
        .expect("body");
    assert_eq!(search_total(&before), 0, "{before}");

    let stop = Arc::new(AtomicBool::new(false));
    let direct: Vec<_> = replicas
        .iter()
        .map(|r| {
            let (client, base, stop) = (client.clone(), r.url(), Arc::clone(&stop));
            tokio::spawn(async move {
                let mut failures = Vec::new();
                let mut sent = 0;
                while !stop.load(Ordering::Relaxed) {
                    let counter = Arc::new(AtomicUsize::new(0));
                    failures.extend(drive(client.clone(), base.clone(), sent, 5, counter).await);
                    sent += 5;
                }
                (sent, failures)
            })
        })
        .collect();
    let second = snapshot(&ws, &snapshots);
    assert!(second.starts_with("published"), "{second}");
    let restarted = Replica::start(&snapshots, victim_port);
    replicas.push(restarted);
    for replica in &replicas {
        let url = format!("{}{marker_query}", replica.url());
        wait_until(&client, &url, |body| search_total(body) == 1).await;
    }
    stop.store(true, Ordering::Relaxed);
    for task in direct {
        let (sent, failures) = task.await.expect("client task");
        assert!(sent > 0);
        assert!(
            failures.is_empty(),
            "a replica dropped requests while swapping: {failures:?}"
        );
    }
    wait_until(&client, &format!("{}{marker_query}", proxy.url), |body| {
        search_total(body) == 1
    })
    .await;
}
