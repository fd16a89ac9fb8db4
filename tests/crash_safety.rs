//! Crash safety: `tracuu ingest` killed with SIGKILL at random moments, some of them during
//! the commit, never leaves an index that fails to open or search, nor one whose documents
//! disagree with its manifest; a clean ingest afterwards completes with every document.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::Workspace;
use tracuu::index::manifest::Manifest;
use tracuu::search::Engine;

/// Generated documents, on top of the seeds: enough for an ingest to take a while in debug.
const GENERATED: usize = 300;
/// Kills: each one lands somewhere between the start of the run and just past its end.
const KILLS: usize = 20;
/// Files rewritten before each kill, so that every run has something to write and commit.
const REWRITTEN: usize = 25;

const VOCABULARY: &[&str] = &[
    "Đảng",
    "Nhà nước",
    "nhân dân",
    "cán bộ",
    "đảng viên",
    "tổ chức",
    "cơ sở",
    "kinh tế",
    "xã hội",
    "văn hóa",
    "giáo dục",
    "khoa học",
    "công nghệ",
    "quốc phòng",
    "an ninh",
    "đối ngoại",
    "hội nhập",
    "phát triển",
    "bền vững",
    "chuyển đổi",
    "số",
    "thực hiện",
    "kiểm tra",
    "giám sát",
    "kỷ luật",
    "tham nhũng",
    "lãng phí",
    "tiêu cực",
    "đoàn kết",
    "thống nhất",
    "lãnh đạo",
    "chỉ đạo",
    "quán triệt",
    "triển khai",
    "tổng kết",
    "đánh giá",
    "nông nghiệp",
    "nông thôn",
    "đô thị",
    "môi trường",
    "biển",
    "đảo",
    "thanh niên",
    "phụ nữ",
    "Mặt trận",
    "Tổ quốc",
    "chính quyền",
    "địa phương",
    "Trung ương",
    "tỉnh",
    "huyện",
    "xã",
];

/// A small deterministic generator; the seed is printed so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn write_document(ws: &Workspace, rng: &mut Rng, n: usize, generation: usize) {
    let mut body = format!("Bài số {n}: tài liệu sinh tự động\n\nmadoc{n}lan{generation} ");
    for i in 0..250 {
        body.push_str(VOCABULARY[rng.below(VOCABULARY.len() as u64) as usize]);
        body.push_str(if i % 17 == 16 { ".\n\n" } else { " " });
    }
    body.push_str("Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022.\n");
    ws.write(&format!("gen/{n:03}.txt"), body);
}

fn ingest(corpus: &Path, index: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tracuu"));
    command
        .args(["ingest", "--corpus"])
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// The index opens, searches, and holds exactly the documents its manifest lists.
fn check_consistent(index: &Path, round: usize) {
    let engine = Engine::open(index).unwrap_or_else(|e| panic!("round {round}: open: {e}"));
    let hits = common::ids(&engine, "nghị quyết");
    let manifest = Manifest::load(engine.index());
    let listed = manifest.documents() as u64;
    assert_eq!(
        engine.num_docs(),
        listed,
        "round {round}: the index and its manifest disagree"
    );
    assert!(hits.len() as u64 <= listed, "round {round}");
}

#[test]
fn ingest_killed_at_random_moments_leaves_a_usable_index() {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    println!("crash_safety seed {seed}");
    let mut rng = Rng(seed);
    let ws = Workspace::with_seeds();
    for n in 0..GENERATED {
        write_document(&ws, &mut rng, n, 0);
    }

    // A clean run on the side: how long an ingest takes, and how many documents it gives.
    let reference = ws.dir.path().join("reference");
    let started = Instant::now();
    let status = ingest(&ws.corpus(), &reference).status().expect("run");
    let full = started.elapsed();
    assert!(status.success());
    let expected = Engine::open(&reference).expect("reference").num_docs();
    assert!(expected as usize > GENERATED, "{expected} documents");

    let index = ws.index();
    let mut generation = 0;
    for round in 0..KILLS {
        if round % 5 == 0 {
            // From nothing now and then, so that kills also land in a first ingest.
            let _ = std::fs::remove_dir_all(&index);
        } else {
            generation += 1;
            for _ in 0..REWRITTEN {
                let n = rng.below(GENERATED as u64) as usize;
                write_document(&ws, &mut rng, n, generation);
            }
        }
        // Anywhere from the start to a little past a full run's length, so that some kills
        // land in the commit at the end.
        let window = full.as_millis() as u64 * 6 / 5;
        let delay = Duration::from_millis(rng.below(window.max(1)));
        let mut child = ingest(&ws.corpus(), &index).spawn().expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        check_consistent(&index, round);
    }

    let status = ingest(&ws.corpus(), &index).status().expect("final run");
    assert!(status.success());
    check_consistent(&index, KILLS);
    let engine = Engine::open(&index).expect("open");
    assert_eq!(engine.num_docs(), expected);
}
