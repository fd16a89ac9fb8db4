//! Completions for the search box: the last word typed may be the start of a longer one.

mod common;

use common::Workspace;

fn titles(engine: &tracuu::search::Engine, q: &str) -> Vec<String> {
    engine
        .suggest(q)
        .expect("suggest")
        .into_iter()
        .filter(|s| s.kind == "document")
        .map(|s| s.text)
        .collect()
}

#[test]
fn an_unfinished_word_typed_with_accents_keeps_them() {
    let ws = Workspace::new();
    // "bộ" titles outnumber the "bốn" one: by count alone, "bố" would become "bộ".
    for (i, title) in [
        "Kiện toàn tổ chức đảng bộ xã",
        "Tổ chức đảng bộ phường sáp nhập",
        "Đại hội tổ chức đảng bộ huyện",
        "Xây dựng tổ chức đảng bốn tốt",
    ]
    .iter()
    .enumerate()
    {
        ws.write(
            &format!("t{i}.txt"),
            format!("{title}\n\nBài viết số {i} về công tác xây dựng Đảng ở cơ sở."),
        );
    }
    ws.ingest();
    let engine = ws.engine();
    assert_eq!(
        titles(&engine, "tổ chức đảng bố")
            .first()
            .map(String::as_str),
        Some("Xây dựng tổ chức đảng bốn tốt")
    );
    // Typed without accents, the commonest reading wins.
    assert!(
        titles(&engine, "to chuc dang bo")
            .first()
            .is_some_and(|t| t.contains("đảng bộ")),
        "{:?}",
        titles(&engine, "to chuc dang bo")
    );
    // An accent still to come ("bô" on the way to "bốn") completes as if folded.
    assert!(!titles(&engine, "tổ chức đảng bô").is_empty());
}
