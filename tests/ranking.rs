//! Accent-aware ranking: folded matches widen the net, exact accents rank first.

mod common;

use common::{ids, Workspace};

#[test]
fn exact_accents_rank_above_folded_matches() {
    let ws = Workspace::new();
    // Each document repeats its word the same number of times, so only accents decide.
    ws.write("dang.txt", "Tiêu đề\n\nchữ dang dang dang ở đây.");
    ws.write("dang-dang.txt", "Tiêu đề\n\nchữ đang đang đang ở đây.");
    ws.write("dang-party.txt", "Tiêu đề\n\nchữ đảng đảng đảng ở đây.");
    ws.ingest();
    let engine = ws.engine();
    let table = [
        ("đảng", "dang-party"),
        ("đang", "dang-dang"),
        ("dang", "dang"),
        ("ĐẢNG", "dang-party"),
    ];
    for (q, first) in table {
        let hits = ids(&engine, q);
        assert_eq!(
            hits.len(),
            3,
            "{q}: every spelling folds to the same word: {hits:?}"
        );
        assert_eq!(hits[0], first, "{q}: {hits:?}");
    }
}

#[test]
fn title_matches_rank_above_body_matches() {
    let ws = Workspace::new();
    ws.write(
        "a.txt",
        "Tin thể thao\n\nĐội tuyển thắng. Bàn về thủy lợi một chút.",
    );
    ws.write(
        "b.txt",
        "Công tác thủy lợi\n\nBài viết về nông nghiệp và tưới tiêu.",
    );
    ws.ingest();
    assert_eq!(ids(&ws.engine(), "thuy loi")[0], "b");
}
