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
