//! Snapshots for read replicas: published while ingests keep committing (and tantivy keeps
//! merging and deleting segment files), each one opens and holds exactly one commit's
//! documents; `CURRENT` always names a whole snapshot; old ones are collected.

mod common;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use common::{ids, Workspace};
use tracuu::index::snapshot::{self, publish};
use tracuu::index::writer::Writer;
use tracuu::search::Engine;

/// Ingests run while snapshots are published: enough commits for tantivy to merge.
const COMMITS: usize = 12;

fn article(n: usize) -> String {
    format!(
        "Bản tin số {n}\n\nNgày {d}/3/2024, Đảng ủy xã tổ chức hội nghị quán triệt Nghị quyết \
         số 21-NQ/TW, lần thứ {n}, với sự tham gia của {m} đảng viên.",
        d = n % 28 + 1,
        m = n * 7 + 3
    )
}

#[test]
fn publishes_while_the_writer_lock_is_held() {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let (index, fields) = tracuu::index::open_or_create(&ws.index()).expect("open");
    let writer = Writer::open(&index, fields, &ws.index()).expect("writer lock");
    let out = ws.dir.path().join("snapshots");
    let published = publish(&ws.index(), &out, 3).expect("publish under the writer lock");
    drop(writer);
    assert!(published.created);
    assert_eq!(snapshot::current(&out), Some(published.name.clone()));
    let engine = Engine::open(&out.join(&published.name)).expect("open snapshot");
    assert_eq!(engine.num_docs(), ws.engine().num_docs());
    assert_eq!(
        ids(&engine, "huong dan 38"),
        ids(&ws.engine(), "huong dan 38")
    );
    // The same commit again is not a new snapshot.
    let again = publish(&ws.index(), &out, 3).expect("publish again");
    assert_eq!(again.name, published.name);
    assert!(!again.created);
}

#[test]
fn snapshots_taken_during_ingests_are_whole_commits() {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let out = ws.dir.path().join("snapshots");
    let base = ws.engine().num_docs();
    // Every document count a commit can leave: the seeds plus the first k articles.
    let committed: HashSet<u64> = (0..=COMMITS as u64).map(|k| base + k).collect();

    let done = Arc::new(AtomicBool::new(false));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let publisher = {
        let (index, out, done, seen) = (ws.index(), out.clone(), done.clone(), seen.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                let published = publish(&index, &out, 2).expect("publish during ingest");
                let dir = out.join(&published.name);
                let engine = Engine::open(&dir).expect("snapshot opens");
                // Searching reads every segment's files: a missing one fails here.
                assert!(!ids(&engine, "đảng viên").is_empty());
                seen.lock()
                    .expect("lock")
                    .push((published.name, engine.num_docs()));
            }
        })
    };
    for n in 0..COMMITS {
        ws.write(&format!("ban-tin-{n}.txt"), article(n));
        ws.ingest();
    }
    done.store(true, Ordering::Relaxed);
    publisher.join().expect("publisher");
    let last = publish(&ws.index(), &out, 2).expect("last publish");

    let seen = seen.lock().expect("lock");
    assert!(!seen.is_empty());
    for (name, documents) in seen.iter() {
        assert!(
            committed.contains(documents),
            "{name} holds {documents} documents, no commit had that many"
        );
    }
    let names: HashSet<&String> = seen.iter().map(|(name, _)| name).collect();
    assert!(
        names.len() > 1,
        "ingests committed but no new snapshot came"
    );
    // The newest snapshot has every commit; two are kept, CURRENT among them.
    let engine = Engine::open(&out.join(&last.name)).expect("open last");
    assert_eq!(engine.num_docs(), base + COMMITS as u64);
    assert_eq!(snapshot::current(&out), Some(last.name.clone()));
    let kept: Vec<String> = std::fs::read_dir(&out)
        .expect("read snapshots")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| snapshot::generation_of(n).is_some())
        .collect();
    assert!(kept.len() <= 2, "{kept:?}");
    assert!(kept.contains(&last.name));
}

#[test]
fn refuses_a_directory_without_an_index() {
    let ws = Workspace::new();
    let err = publish(&ws.corpus(), &ws.dir.path().join("out"), 3).unwrap_err();
    assert!(err.to_string().contains("not a readable index"), "{err}");
}
