//! Ranking quality on ALQAC 2023 (real legal articles and questions): our engine must stay
//! above floors a little under what it measures, and above plain BM25.
//! Reproduce the figures with `cargo run --release -- eval`.

use std::path::PathBuf;

use tracuu::eval::runner::{ACCENTED, BM25, OURS, UNACCENTED};

fn data_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/alqac2023");
    dir.join("queries.jsonl").is_file().then_some(dir)
}

#[test]
fn ranking_quality_on_alqac() {
    let Some(dir) = data_dir() else {
        eprintln!("\n!!!!! SKIPPED eval_alqac: ../shared/data/alqac2023 is absent !!!!!\n");
        return;
    };
    let report = tracuu::eval::run(&dir, None).expect("eval runs");
    eprintln!("{}", report.markdown());
    assert_eq!(report.articles, 2249);
    assert_eq!(report.questions, 100);
    let score = |system, questions| report.scores(system, questions).expect("row present");
    let ours = score(OURS, ACCENTED);
    let ours_phone = score(OURS, UNACCENTED);
    let bm25 = score(BM25, ACCENTED);
    let bm25_phone = score(BM25, UNACCENTED);
    // Floors: a little below the measured figures (see docs/ranking.md).
    let floors = [
        ("ours accented MRR@10", ours.mrr_10, FLOOR_MRR),
        ("ours accented recall@10", ours.recall_10, FLOOR_RECALL_10),
        (
            "ours unaccented MRR@10",
            ours_phone.mrr_10,
            FLOOR_MRR_UNACCENTED,
        ),
        (
            "ours unaccented recall@10",
            ours_phone.recall_10,
            FLOOR_RECALL_10_UNACCENTED,
        ),
        ("ours accented nDCG@10", ours.ndcg_10, FLOOR_NDCG),
    ];
    for (what, got, floor) in floors {
        assert!(got >= floor, "{what}: {got:.3} < floor {floor:.3}");
    }
    assert!(
        ours.mrr_10 - bm25.mrr_10 >= FLOOR_LEAD_OVER_BM25,
        "ours {ours:?} vs BM25 {bm25:?}"
    );
    // Accented index, unaccented questions: what a plain search gives phone users.
    assert!(bm25_phone.mrr_10 < 0.5 * bm25.mrr_10, "{bm25_phone:?}");
}

/// Measured floors; see docs/ranking.md for the figures they sit under.
const FLOOR_MRR: f64 = 0.85;
/// Recall@10, accented questions.
const FLOOR_RECALL_10: f64 = 0.96;
/// MRR@10, unaccented questions.
const FLOOR_MRR_UNACCENTED: f64 = 0.86;
/// Recall@10, unaccented questions.
const FLOOR_RECALL_10_UNACCENTED: f64 = 0.96;
/// nDCG@10, accented questions.
const FLOOR_NDCG: f64 = 0.88;
/// Lead over plain BM25 in MRR@10, accented questions (measured +0.055; target +0.05).
const FLOOR_LEAD_OVER_BM25: f64 = 0.04;
