//! Phrases in the body match as their chain of adjacent pairs, and pairs stop at clause
//! punctuation: a phrase stays exact within a clause and still finds a phrase typed with
//! the break.

mod common;

use common::{ids, Workspace};

fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "together.txt",
        "Tin một\n\nĐoàn công tác đến Hà Nội sáng nay, họp về tổ chức cơ sở Đảng.",
    );
    ws.write(
        "broken.txt",
        "Tin hai\n\nĐoàn đi Hải Phòng. Hà Nội, Việt Nam đón khách; tổ chức lễ.",
    );
    ws.write(
        "apart.txt",
        "Tin ba\n\nCơ sở vật chất của tổ chức được nâng cấp ở Hà Tĩnh và Nội Bài.",
    );
    ws.ingest();
    ws
}

#[test]
fn a_quoted_phrase_matches_its_words_in_a_row_only() {
    let ws = workspace();
    let engine = ws.engine();
    assert_eq!(ids(&engine, "\"tổ chức cơ sở\""), ["together"]);
    assert_eq!(ids(&engine, "\"to chuc co so dang\""), ["together"]);
    let mut hits = ids(&engine, "\"Hà Nội\"");
    hits.sort();
    assert_eq!(hits, ["broken", "together"]);
}

#[test]
fn words_across_a_clause_break_make_no_pair() {
    let ws = workspace();
    let engine = ws.engine();
    // "Nội, Việt" is no pair in the index: the phrase as typed, with its comma, still
    // finds the document through its words; without the comma it is a pair nobody holds.
    assert_eq!(ids(&engine, "\"Hà Nội, Việt Nam\""), ["broken"]);
    assert!(ids(&engine, "\"noi viet\"").is_empty());
    // "sáng nay, họp": the same on the other side of a comma.
    assert!(ids(&engine, "\"nay hop\"").is_empty());
    assert_eq!(ids(&engine, "\"sáng nay, họp\""), ["together"]);
}

#[test]
fn numbers_match_with_or_without_leading_zeros_and_are_highlighted_whole() {
    let ws = Workspace::new();
    ws.write(
        "zeros.txt",
        "Tin bốn\n\nNgày 24/05/2017, chi bộ học tập Chỉ thị 05-CT/TW của Bộ Chính trị.",
    );
    ws.write(
        "plain.txt",
        "Tin năm\n\nNgày 24/5/2017, đoàn viên học Chỉ thị 5 về công tác dân vận.",
    );
    ws.write(
        "other.txt",
        "Tin sáu\n\nNgày 24/15/2017 và 240/5/2017 là khác.",
    );
    ws.ingest();
    let engine = ws.engine();
    for q in ["\"24/05/2017\"", "\"24/5/2017\"", "\"ngày 24/05/2017\""] {
        let mut hits = ids(&engine, q);
        hits.sort();
        assert_eq!(hits, ["plain", "zeros"], "{q}");
    }
    let response = engine
        .search(&tracuu::search::SearchRequest {
            q: "chỉ thị 5".into(),
            ..Default::default()
        })
        .expect("search");
    let zeros = response
        .hits
        .iter()
        .find(|h| h.id == "zeros")
        .expect("found");
    assert!(
        zeros
            .snippet_html
            .contains("<b>Chỉ</b> <b>thị</b> <b>05</b>"),
        "{}",
        zeros.snippet_html
    );
}
