//! The same article from two sources is indexed once; the copy is kept as an alias.

mod common;

use common::{corpus_dir, ids, Workspace};
use tracuu::ingest::IngestReport;

fn seed(name: &str) -> String {
    std::fs::read_to_string(corpus_dir().join(name)).expect("seed")
}

/// The copies a run found, as (copy, original), sorted.
fn copies(report: &IngestReport) -> Vec<(&str, &str)> {
    let mut copies: Vec<(&str, &str)> = report
        .duplicates
        .iter()
        .map(|d| (d.id.as_str(), d.original.as_str()))
        .collect();
    copies.sort();
    copies
}

#[test]
fn copies_are_indexed_once_and_resolve_to_the_original() {
    let ws = Workspace::new();
    let article = seed("002_1b17c64f24c0bdbf.txt");
    ws.write("a/original.txt", &article);
    ws.write("b/exact-copy.txt", &article);
    // A near copy: another site's header and footer around the same text.
    ws.write(
        "c/near-copy.txt",
        format!("Báo Tỉnh Nhà - Chuyên mục Xây dựng Đảng\n\n{article}\n\nBình luận (0)\nChia sẻ bài viết"),
    );
    ws.write("d/other.txt", seed("001_2d22f94ed71eb3a4.txt"));
    let report = ws.ingest();
    assert_eq!(report.documents_total, 2, "{report:?}");
    assert_eq!(
        copies(&report),
        [
            ("b/exact-copy", "a/original"),
            ("c/near-copy", "a/original")
        ]
    );

    let engine = ws.engine();
    assert_eq!(ids(&engine, "\"Đảng bộ Khối CCQ tỉnh\"").len(), 1);
    let view = engine
        .document("c/near-copy")
        .expect("lookup")
        .expect("resolves");
    assert_eq!(view.id, "a/original");
    let mut aliases: Vec<&str> = view.copies.iter().map(|c| c.id.as_str()).collect();
    aliases.sort();
    assert_eq!(aliases, ["b/exact-copy", "c/near-copy"]);

    // Nothing changed: nothing is read, and a changed original is not its own duplicate.
    assert!(!ws.ingest().changed());
    ws.write(
        "a/original.txt",
        format!("{article}\nCập nhật thêm một dòng."),
    );
    let report = ws.ingest();
    assert_eq!(report.files_updated, 1);
    assert!(report.duplicates.is_empty(), "{:?}", report.duplicates);
    assert_eq!(report.documents_total, 2);
}

#[test]
fn a_copy_arriving_later_is_found_in_the_committed_index() {
    let ws = Workspace::new();
    let article = seed("002_1b17c64f24c0bdbf.txt");
    ws.write("a/original.txt", &article);
    ws.write("d/other.txt", seed("001_2d22f94ed71eb3a4.txt"));
    assert_eq!(ws.ingest().documents_total, 2);

    // The copies come in a later run: only the committed index knows the original.
    ws.write("b/exact-copy.txt", &article);
    ws.write(
        "c/near-copy.txt",
        format!("Tin tổng hợp\n\n{article}\n\nBài mới hơn\nBài cũ hơn"),
    );
    let report = ws.ingest();
    assert_eq!(
        copies(&report),
        [
            ("b/exact-copy", "a/original"),
            ("c/near-copy", "a/original")
        ]
    );
    assert_eq!(report.documents_total, 2, "{report:?}");

    // A document removed from the index is no one's original any more.
    std::fs::remove_file(ws.corpus().join("a/original.txt")).expect("remove");
    std::fs::remove_file(ws.corpus().join("b/exact-copy.txt")).expect("remove");
    std::fs::remove_file(ws.corpus().join("c/near-copy.txt")).expect("remove");
    assert_eq!(ws.ingest().documents_total, 1);
    ws.write("e/late-copy.txt", &article);
    let report = ws.ingest();
    assert!(report.duplicates.is_empty(), "{:?}", report.duplicates);
    assert_eq!(report.documents_total, 2);
}
