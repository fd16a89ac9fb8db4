//! Ingest over real formats and bad input: every file either indexed or skipped with a
//! reason, nothing else lost.

mod common;

use std::io::Write;

use common::{ids, Workspace};
use flate2::write::GzEncoder;
use tracuu::search::SearchRequest;

#[test]
fn seeds_get_their_own_publication_dates_and_the_aggregator_is_split() {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let engine = ws.engine();
    let date = |id: &str| engine.document(id).expect("lookup").expect("exists").date;
    assert_eq!(date("000_a9977e4e1fe89f14").as_deref(), Some("2022-11-15"));
    assert_eq!(date("001_2d22f94ed71eb3a4"), None);
    assert_eq!(date("002_1b17c64f24c0bdbf").as_deref(), Some("2017-10-24"));
    assert_eq!(date("003_e5dc76e73b2910e6").as_deref(), Some("2019-07-04"));
    let title = |id: &str| engine.document(id).expect("lookup").expect("exists").title;
    assert_eq!(
        title("000_a9977e4e1fe89f14"),
        "Đổi mới nội dung và phương thức hoạt động của tổ chức cơ sở Đảng"
    );
    // Seed 004 glues ten articles together; each is its own document, link lists are not body.
    let first = engine
        .document("004_72a11eb13c2f540b#1")
        .expect("lookup")
        .expect("split");
    assert_eq!(first.title, "Nhiệm Vụ Của Tổ Chức Cơ Sở Đảng");
    assert!(!first.text.contains("Bài mới hơn") && !first.text.contains("Phân Biệt Quầy Thuốc"));
    assert!(engine
        .document("004_72a11eb13c2f540b#10")
        .expect("lookup")
        .is_some());
    assert!(engine
        .document("004_72a11eb13c2f540b")
        .expect("lookup")
        .is_none());
}

#[test]
fn html_and_json_lines_are_read() {
    let ws = Workspace::new();
    ws.write(
        "pages/bai.html",
        r#"<!doctype html><html><head><title>Tin tức - Báo Tỉnh</title>
        <meta property="og:title" content="Học tập Chỉ thị 05-CT/TW">
        <meta property="article:published_time" content="2021-05-19T08:00:00+07:00"></head>
        <body><nav>Trang chủ | Thời sự</nav><article><h1>Học tập Chỉ thị 05-CT/TW</h1>
        <p>Chi bộ tổ chức học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05-CT/TW của Bộ Chính trị.</p>
        <p>Đảng viên cam kết thực hiện.</p></article><footer>Bản quyền thuộc Báo Tỉnh</footer></body></html>"#,
    );
    ws.write(
        "export.jsonl",
        concat!(
            r#"{"id": "rec-1", "title": "Kết luận 80", "body": "Thực hiện Kết luận số 80 của Ban Bí thư.", "date": "2020-06-01", "url": "https://example.vn/a"}"#,
            "\n",
            r#"{"id": "rec-2", "title": "Trang HTML", "html": "<p>Sinh hoạt chi bộ theo Hướng dẫn 12</p>"}"#,
            "\n",
            "{not json}\n",
            r#"{"id": "rec-3"}"#,
            "\n"
        ),
    );
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(
        r#"{"id": "gz-1", "title": "Nén", "body": "Văn bản trong tệp nén về thủy lợi."}"#
            .as_bytes(),
    )
    .expect("gzip");
    ws.write("more.jsonl.gz", gz.finish().expect("gzip"));
    let report = ws.ingest();
    assert_eq!(report.documents_total, 4, "{report:?}");
    let reasons: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("line 3: invalid JSON")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("line 4:") && r.contains("neither")),
        "{reasons:?}"
    );

    let engine = ws.engine();
    let page = engine
        .document("pages/bai")
        .expect("lookup")
        .expect("html indexed");
    assert_eq!(page.title, "Học tập Chỉ thị 05-CT/TW");
    assert_eq!(page.date.as_deref(), Some("2021-05-19"));
    assert!(
        !page.text.contains("Trang chủ") && !page.text.contains("Bản quyền"),
        "{}",
        page.text
    );
    assert!(page.citations.iter().any(|c| c.key == "chi-thi/5-CT/TW"));
    let record = engine
        .document("rec-1")
        .expect("lookup")
        .expect("record indexed");
    assert_eq!(record.url.as_deref(), Some("https://example.vn/a"));
    assert_eq!(record.date.as_deref(), Some("2020-06-01"));
    assert_eq!(ids(&engine, "thuy loi"), ["gz-1"]);
    assert_eq!(ids(&engine, "sinh hoat chi bo"), ["rec-2"]);
}

#[test]
fn bad_files_are_skipped_with_reasons_and_lose_nothing_else() {
    let ws = Workspace::with_seeds();
    ws.write("empty.txt", "");
    ws.write("blank.txt", " \n\t \r\n");
    ws.write("binary.txt", [0u8, 159, 146, 150, 0, 1, 2, 3]);
    ws.write("notes.pdf", "%PDF-1.4");
    ws.write(
        "latin1.txt",
        b"Ti\xeau \xf0\xe8 v\xe0 n\xf4i dung sai m\xe3 h\xf3a\n\nM\xf4t d\xf2ng v\xe2n b\xe2n.",
    );
    ws.write("one-line.txt", "Đảng ủy ".repeat(700_000));
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent/target.txt", ws.corpus().join("broken.txt"))
        .expect("symlink");
    let report = ws.ingest();
    let reason = |path: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.path == path)
            .map(|s| s.reason.clone())
            .unwrap_or_else(|| panic!("{path} not skipped: {report:?}"))
    };
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("blank.txt").contains("empty"));
    assert!(reason("binary.txt").contains("binary"));
    assert!(reason("notes.pdf").contains("unknown format"));
    #[cfg(unix)]
    assert!(reason("broken.txt").contains("broken link"));
    // Invalid UTF-8 is repaired with a warning, and the file is indexed.
    assert!(
        report.warnings.iter().any(|w| w.path == "latin1.txt"),
        "{report:?}"
    );
    let engine = ws.engine();
    assert!(engine.document("latin1").expect("lookup").is_some());
    // A 5 MB single line is one (long) document, searchable.
    assert!(engine.document("one-line").expect("lookup").is_some());
    // The seeds are all there.
    let all = engine
        .search(&SearchRequest {
            q: "đảng".into(),
            limit: Some(100),
            ..SearchRequest::default()
        })
        .expect("search");
    assert!(all.hits.iter().any(|h| h.id == "003_e5dc76e73b2910e6"));
}

#[test]
fn a_touched_file_is_not_read_again_and_a_change_of_the_same_size_is() {
    let ws = Workspace::new();
    let lines = |word: &str| {
        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        for i in 0..3 {
            let line = format!("{{\"id\": \"r{i}\", \"body\": \"Tin {word} số {i}.\"}}\n");
            gz.write_all(line.as_bytes()).expect("gzip");
        }
        gz.finish().expect("gzip")
    };
    // The file's time moves on each write, whatever the clock's resolution.
    let write_at = |bytes: &[u8], second: u64| {
        ws.write("news.jsonl.gz", bytes);
        let file = std::fs::File::options()
            .write(true)
            .open(ws.corpus().join("news.jsonl.gz"))
            .expect("open");
        let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000 + second);
        file.set_modified(at).expect("set time");
    };
    let (apples, pears) = (lines("táo"), lines("mận"));
    assert_eq!(
        apples.len(),
        pears.len(),
        "the test wants two files of one size"
    );
    write_at(&apples, 1);
    assert_eq!(ws.ingest().documents_written, 3);

    write_at(&apples, 2);
    let touched = ws.ingest();
    assert_eq!((touched.files_unchanged, touched.bytes_read), (1, 0));
    assert_eq!(touched.documents_written, 0);
    assert_eq!(ids(&ws.engine(), "tao").len(), 3);

    write_at(&pears, 3);
    let changed = ws.ingest();
    assert_eq!((changed.files_updated, changed.documents_written), (1, 3));
    let engine = ws.engine();
    assert!(ids(&engine, "tao").is_empty());
    assert_eq!(ids(&engine, "man").len(), 3);
    assert_eq!(ws.ingest().files_unchanged, 1);
}

#[test]
fn oversized_files_are_refused_by_a_configurable_limit() {
    let ws = Workspace::with_seeds();
    ws.write("big.txt", "Văn bản dài. ".repeat(100_000));
    let mut options = tracuu::ingest::IngestOptions::new(ws.corpus(), ws.index());
    options.max_file_bytes = 1024 * 1024;
    let report = tracuu::ingest::run(&options, |_| {}).expect("ingest");
    let skipped = report
        .skipped
        .iter()
        .find(|s| s.path == "big.txt")
        .expect("refused");
    assert!(
        skipped.reason.contains("over the limit"),
        "{}",
        skipped.reason
    );
    assert_eq!(report.files_added, 5);
}

#[test]
fn a_second_ingest_while_one_holds_the_lock_is_refused_clearly() {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let (index, fields) = tracuu::index::open_or_create(&ws.index()).expect("open");
    let _holder = tracuu::index::writer::Writer::open(&index, fields, &ws.index()).expect("lock");
    let err = tracuu::ingest::run(
        &tracuu::ingest::IngestOptions::new(ws.corpus(), ws.index()),
        |_| {},
    )
    .expect_err("second writer refused");
    assert!(err.to_string().contains("another ingest"), "{err}");
}

#[test]
fn lines_every_page_repeats_are_learned_as_boilerplate() {
    let ws = Workspace::new();
    let topics = [
        "thủy lợi",
        "giáo dục",
        "y tế",
        "giao thông",
        "nông nghiệp",
        "du lịch",
    ];
    for (i, topic) in topics.iter().enumerate() {
        ws.write(
            &format!("site/bai-{i}.txt"),
            format!(
                "Tin về {topic}\n\nCổng thông tin điện tử tỉnh Quảng Nam\n\n\
                 Bài viết số {i} bàn về công tác {topic} của tỉnh trong năm qua, với nhiều kết quả.\n\n\
                 Cơ quan chủ quản: Ban Tuyên giáo Tỉnh ủy Quảng Nam\n"
            ),
        );
    }
    ws.ingest();
    let engine = ws.engine();
    let doc = engine
        .document("site/bai-0")
        .expect("lookup")
        .expect("indexed");
    assert!(doc.text.contains("công tác thủy lợi"), "{}", doc.text);
    assert!(!doc.text.contains("Cơ quan chủ quản"), "{}", doc.text);
    assert!(!doc.text.contains("Cổng thông tin điện tử"), "{}", doc.text);
    assert!(ids(&engine, "\"co quan chu quan\"").is_empty());
}

#[test]
fn a_file_that_vanishes_mid_ingest_is_skipped_and_nothing_else_is_lost() {
    let ws = Workspace::new();
    ws.write(
        "a.txt",
        "Tin thôn\n\nChi bộ thôn Đông học tập Nghị quyết số 21-NQ/TW.",
    );
    ws.write(
        "b.txt",
        "Tin xã\n\nĐảng ủy xã Tây tổng kết công tác kiểm tra năm 2023.",
    );
    ws.write(
        "c.txt",
        "Tin huyện\n\nHội nghị cán bộ chủ chốt huyện Nam bàn về chuyển đổi số.",
    );
    let options = tracuu::ingest::IngestOptions::new(ws.corpus(), ws.index());
    // The scan has seen b.txt; it is gone by the time it would be read.
    let vanish = |progress: tracuu::ingest::Progress<'_>| {
        if let tracuu::ingest::Progress::Scanned { .. } = progress {
            std::fs::remove_file(ws.corpus().join("b.txt")).expect("remove");
        }
    };
    let report = tracuu::ingest::run(&options, vanish).expect("ingest completes");
    assert_eq!(report.documents_total, 2, "{report:?}");
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.path, s.reason))
        .collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped[0].contains("b.txt") && skipped[0].contains("cannot read"),
        "{skipped:?}"
    );
    let engine = ws.engine();
    assert_eq!(ids(&engine, "thon dong"), ["a"]);
    assert_eq!(ids(&engine, "chuyen doi so"), ["c"]);
    assert!(ids(&engine, "xa tay").is_empty());

    // An indexed file that changes and then vanishes mid-ingest keeps its old documents
    // until a scan sees it missing: an unreadable moment is not a deletion.
    ws.write(
        "b.txt",
        "Tin xã\n\nĐảng ủy xã Tây tổng kết công tác kiểm tra năm 2023.",
    );
    ws.ingest();
    std::thread::sleep(std::time::Duration::from_millis(20));
    ws.write(
        "b.txt",
        "Tin xã\n\nĐảng ủy xã Tây tổng kết công tác kiểm tra năm 2024.",
    );
    let report = tracuu::ingest::run(&options, vanish).expect("ingest completes");
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.documents_total, 3);
    let engine = ws.engine();
    assert_eq!(ids(&engine, "xa tay 2023"), ["b"]);
    let report = ws.ingest();
    assert_eq!((report.files_removed, report.documents_total), (1, 2));
    let engine = ws.engine();
    assert!(ids(&engine, "xa tay").is_empty());
    assert_eq!(ids(&engine, "thon dong"), ["a"]);
}

#[test]
fn documents_of_a_directory_that_cannot_be_read_are_kept_until_it_can() {
    let ws = Workspace::new();
    ws.write(
        "a.txt",
        "Tin một\n\nBài viết về Hướng dẫn 38 của Ban Tổ chức Trung ương.",
    );
    ws.write(
        "sub/b.txt",
        "Tin hai\n\nBài viết về Chỉ thị 05-CT/TW của Bộ Chính trị.",
    );
    assert_eq!(ws.ingest().documents_total, 2);
    // The directory becomes unreadable, as a failing mount or a permission would make it
    // (root reads through permissions, so a link to itself stands in: it does not resolve).
    let sub = ws.corpus().join("sub");
    let aside = ws.corpus().join(".sub-aside");
    std::fs::rename(&sub, &aside).expect("move aside");
    std::os::unix::fs::symlink("sub", &sub).expect("self link");
    let report = ws.ingest();
    assert!(
        report.skipped.iter().any(|s| s.path == "sub"),
        "{:?}",
        report.skipped
    );
    assert_eq!(report.files_removed, 0, "{report:?}");
    assert_eq!(report.documents_total, 2, "{report:?}");
    assert_eq!(ids(&ws.engine(), "chỉ thị 05"), ["sub/b"]);
    // Readable again, nothing changed: nothing to do; the file gone, its document goes.
    std::fs::remove_file(&sub).expect("unlink");
    std::fs::rename(&aside, &sub).expect("move back");
    assert_eq!(ws.ingest().documents_total, 2);
    std::fs::remove_file(sub.join("b.txt")).expect("remove");
    assert_eq!(ws.ingest().documents_total, 1);
}

#[test]
fn an_id_an_unchanged_file_holds_is_reported_when_another_file_brings_it() {
    let ws = Workspace::new();
    ws.write(
        "a.jsonl",
        "{\"id\": \"x\", \"title\": \"Bản đầu\", \"body\": \"Nội dung về Chỉ thị 05-CT/TW của Bộ Chính trị.\"}\n",
    );
    assert_eq!(ws.ingest().documents_total, 1);
    ws.write(
        "x.txt",
        "Bản sau\n\nMột bài khác hẳn về Hướng dẫn 38 của Ban Tổ chức Trung ương.",
    );
    let report = ws.ingest();
    let clash = report.skipped.iter().find(|s| s.path == "x.txt");
    assert!(
        clash.is_some_and(|s| s.reason.contains("duplicate id x") && s.reason.contains("a.jsonl")),
        "{:?}",
        report.skipped
    );
    assert_eq!(report.documents_total, 1, "{report:?}");
    assert_eq!(ids(&ws.engine(), "chỉ thị 05"), ["x"]);
    assert!(ids(&ws.engine(), "hướng dẫn 38").is_empty());
}

#[test]
fn copies_of_one_page_keep_one_document_and_are_not_taken_for_furniture() {
    let ws = Workspace::new();
    let page = "Tin ngắn\n\nHội nghị quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị.";
    for name in ["a.txt", "b.txt", "c.txt", "d/e.txt"] {
        ws.write(name, page);
    }
    let report = ws.ingest();
    assert_eq!(report.documents_total, 1, "{report:?}");
    assert_eq!(report.duplicates.len(), 3, "{report:?}");
    assert_eq!(ids(&ws.engine(), "chỉ thị 05").len(), 1);
}

#[test]
fn a_file_named_in_nfd_gets_an_nfc_id_and_its_nfc_twin_is_kept_too() {
    use unicode_normalization::UnicodeNormalization;
    let ws = Workspace::new();
    let nfd: String = "Hướng dẫn tệp".nfd().collect();
    ws.write(
        &format!("{nfd}.txt"),
        "Bài một\n\nQuán triệt Hướng dẫn 38 của Ban Tổ chức Trung ương.",
    );
    ws.ingest();
    let engine = ws.engine();
    assert_eq!(ids(&engine, "hướng dẫn 38"), ["Hướng dẫn tệp"]);
    let by_nfd = engine.document(&nfd).expect("lookup");
    assert_eq!(by_nfd.map(|d| d.id).as_deref(), Some("Hướng dẫn tệp"));
    // The same name in NFC is another file on Linux: it has the name, and the first keeps
    // its own as spelt.
    ws.write(
        "Hướng dẫn tệp.txt",
        "Bài hai\n\nHọc tập Chỉ thị 05-CT/TW của Bộ Chính trị.",
    );
    let report = ws.ingest();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.documents_total, 2);
    assert_eq!(ids(&ws.engine(), "hướng dẫn 38"), [nfd]);
    assert_eq!(ids(&ws.engine(), "chỉ thị 05"), ["Hướng dẫn tệp"]);
}
