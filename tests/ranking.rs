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

#[test]
fn documents_with_every_accented_word_rank_above_folded_phrases_and_titles() {
    let ws = Workspace::new();
    // Folded, "cảnh báo lũ" is the phrase "bao lu", in the title too; the bodies that hold
    // "bão" and "lũ" as typed must still come first.
    ws.write(
        "canh-bao.txt",
        "Cảnh báo lũ quét\n\nCảnh báo lũ quét, cảnh báo lũ ống ở miền núi.",
    );
    ws.write(
        "bao-lu.txt",
        "Tin thời tiết\n\nMiền Trung hứng chịu bão lũ.",
    );
    ws.write(
        "apart.txt",
        "Tin nông nghiệp\n\nSau bão, nông dân lo mùa lũ tới.",
    );
    ws.ingest();
    let engine = ws.engine();
    for q in ["bão lũ", "\"bão lũ\"", "bão lu"] {
        let hits = ids(&engine, q);
        assert!(!hits.is_empty(), "{q}");
        assert_eq!(hits[0], "bao-lu", "{q}: {hits:?}");
        let folded_only = hits.iter().position(|h| h == "canh-bao");
        let exact_apart = hits.iter().position(|h| h == "apart");
        if let (Some(folded), Some(apart)) = (folded_only, exact_apart) {
            assert!(apart < folded, "{q}: {hits:?}");
        }
    }
    // Typed without accents, nothing is asked of them: the phrase in the title wins.
    assert_eq!(ids(&engine, "bao lu")[0], "canh-bao");
}

#[test]
fn a_query_naming_a_document_ranks_the_documents_citing_it_first() {
    let ws = Workspace::new();
    ws.write(
        "a.txt",
        "Tin bảo hiểm\n\nThực hiện Nghị quyết số 21-NQ/TƯ ngày 22/11/2012 của Bộ Chính trị về bảo hiểm xã hội.",
    );
    ws.write(
        "b.txt",
        "Đáp án 21 câu hỏi về nghị quyết\n\nĐáp án 21 câu hỏi thi tìm hiểu các nghị quyết, câu 21 khó nhất.",
    );
    ws.ingest();
    let engine = ws.engine();
    for q in ["nghị quyết 21", "nghi quyet 21", "Nghị quyết 21-NQ/TW"] {
        let hits = ids(&engine, q);
        assert_eq!(hits.first().map(String::as_str), Some("a"), "{q}: {hits:?}");
    }
    // Its text spells the issuer "TƯ": the citation key finds it all the same.
    assert_eq!(ids(&engine, "21-NQ/TW"), ["a"]);
    // A document named only in an excluded clause puts nothing in a tier.
    assert_eq!(ids(&engine, "21 -\"Nghị quyết 21-NQ/TW\"")[0], "b");
    // A query naming nothing is ranked by score alone.
    assert_eq!(ids(&engine, "câu hỏi")[0], "b");
}
