//! The `tracuu` binary end to end: ingest, search, extract.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::Workspace;

fn tracuu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tracuu"))
}

#[test]
fn ingest_then_search_json() {
    let ws = Workspace::with_seeds();
    let out = tracuu()
        .args(["ingest", "--corpus"])
        .arg(ws.corpus())
        .arg("--index")
        .arg(ws.index())
        .output()
        .expect("run ingest");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("5 added"), "{stdout}");

    let out = tracuu()
        .args(["search", "huong dan 38", "--json", "--index"])
        .arg(ws.index())
        .output()
        .expect("run search");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["hits"][0]["id"], "000_a9977e4e1fe89f14");

    // Typed in Telex: the text output says what it searched for.
    let out = tracuu()
        .args(["search", "nghij quyeets 21", "--index"])
        .arg(ws.index())
        .output()
        .expect("run search");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("Đang hiển thị kết quả cho: nghị quyết 21\n"),
        "{stdout}"
    );
}

#[test]
fn search_without_an_index_says_what_to_do() {
    let ws = Workspace::new();
    let out = tracuu()
        .args(["search", "x", "--index"])
        .arg(ws.index())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tracuu ingest"));
}

#[test]
fn ingest_of_a_missing_corpus_says_so_and_creates_nothing() {
    let ws = Workspace::new();
    let out = tracuu()
        .args(["ingest", "--corpus"])
        .arg(ws.corpus().join("no-such-folder"))
        .arg("--index")
        .arg(ws.index())
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot read corpus directory"), "{stderr}");
    assert!(!ws.index().exists(), "a failed ingest left an index behind");
}

#[test]
fn serve_without_an_index_or_a_corpus_says_what_to_do_and_creates_nothing() {
    let ws = Workspace::new();
    let out = tracuu()
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(ws.index())
        .env_remove("TRACUU_WRITE_TOKEN")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tracuu ingest"));
    assert!(!ws.index().exists(), "a mistyped path made an index");
}

#[test]
fn extract_reads_standard_input() {
    let mut child = tracuu()
        .arg("extract")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all("Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022.".as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json["citations"].is_array(), "{json}");
}

#[cfg(unix)]
#[test]
fn serve_finishes_the_request_in_flight_on_sigterm_and_exits_cleanly() {
    use std::io::{BufRead, BufReader, Read};
    use std::net::TcpStream;

    let ws = Workspace::with_seeds();
    ws.ingest();
    let mut server = tracuu()
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(ws.index())
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    let mut log = BufReader::new(server.stderr.take().expect("stderr"));
    let mut line = String::new();
    let addr = loop {
        line.clear();
        assert!(
            log.read_line(&mut line).expect("read log") > 0,
            "serve exited before listening"
        );
        if let Some(at) = line.find("serving on http://") {
            let rest = &line[at + "serving on http://".len()..];
            break rest.split_whitespace().next().expect("address").to_owned();
        }
    };
    // Keep draining the log so the server never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut log, &mut std::io::sink()));

    // A request whose body is half sent when the signal comes.
    let body = "Thực hiện Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương.";
    let mut stream = TcpStream::connect(&addr).expect("connect");
    let head = format!(
        "POST /api/extract HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("head");
    let (first, second) = body.split_at(body.find("của").expect("split point"));
    stream.write_all(first.as_bytes()).expect("first half");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    std::thread::sleep(std::time::Duration::from_millis(300));
    // Shutting down: no new connections are taken…
    assert!(
        TcpStream::connect(&addr).is_err(),
        "still accepting after SIGTERM"
    );
    // …but the one in flight is answered in full.
    stream.write_all(second.as_bytes()).expect("second half");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("21-NQ/TW"), "{answer}");
    let exit = server.wait().expect("exit");
    assert!(exit.success(), "serve exited with {exit}");
}

#[test]
fn serve_refuses_a_current_pointer_to_a_missing_snapshot_and_creates_nothing() {
    let ws = Workspace::new();
    let snapshots = ws.dir.path().join("snapshots");
    std::fs::create_dir_all(&snapshots).expect("snapshots dir");
    // A pointer ahead of its directory, as while rsync is still copying the snapshot.
    std::fs::write(snapshots.join("CURRENT"), "00000009-42\n").expect("CURRENT");
    let out = tracuu()
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(&snapshots)
        .output()
        .expect("run serve");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("CURRENT") && stderr.contains("holds no index"),
        "{stderr}"
    );
    // Refused, not served as a fresh empty index created in its place.
    assert!(!snapshots.join("00000009-42").exists());
}

#[test]
fn extract_into_a_reader_that_stops_early_exits_quietly() {
    use std::io::Read;
    let ws = Workspace::new();
    let text = "Theo Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Bộ Chính trị. ".repeat(4000);
    ws.write("dai.txt", &text);
    let mut child = tracuu()
        .arg("extract")
        .arg(ws.corpus().join("dai.txt"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run extract");
    // Read one line, as `head -1` does, and hang up.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 2];
    stdout.read_exact(&mut first).expect("first bytes");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
