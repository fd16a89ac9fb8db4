//! The foundation's acceptance tests: the seed corpus through ingest, index and search.

mod common;

use common::{ids, Workspace};
use tracuu::search::SearchRequest;

const S000: &str = "000_a9977e4e1fe89f14";
const S001: &str = "001_2d22f94ed71eb3a4";
const S002: &str = "002_1b17c64f24c0bdbf";
const S003: &str = "003_e5dc76e73b2910e6";
const S004: &str = "004_72a11eb13c2f540b";

fn seeds() -> (Workspace, tracuu::search::Engine) {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let engine = ws.engine();
    (ws, engine)
}

/// Whether a hit id is the seed or an article split out of it.
fn from_seed(id: &str, seed: &str) -> bool {
    id == seed
        || id
            .strip_prefix(seed)
            .is_some_and(|rest| rest.starts_with('#'))
}

fn contains_seed(hits: &[String], seed: &str) -> bool {
    hits.iter().any(|id| from_seed(id, seed))
}

#[test]
fn unaccented_query_finds_the_guidance_first() {
    let (_ws, engine) = seeds();
    let hits = ids(&engine, "huong dan 38");
    assert!(from_seed(&hits[0], S000), "{hits:?}");
}

#[test]
fn resolution_21_is_found_in_both_seeds_that_cite_it() {
    let (_ws, engine) = seeds();
    let hits = ids(&engine, "nghi quyet 21");
    assert!(
        contains_seed(&hits, S000) && contains_seed(&hits, S001),
        "{hits:?}"
    );
}

#[test]
fn quoted_phrase_matches_only_adjacent_words() {
    let (_ws, engine) = seeds();
    let hits = ids(&engine, "\"sinh hoạt chi bộ\"");
    for seed in [S001, S002, S004] {
        assert!(contains_seed(&hits, seed), "{seed} missing from {hits:?}");
    }
    // Seed 003 has "sinh hoạt" and "chi bộ", never together.
    assert!(!contains_seed(&hits, S003), "{hits:?}");
    let unaccented = ids(&engine, "\"sinh hoat chi bo\"");
    assert_eq!(hits.len(), unaccented.len());
}

#[test]
fn old_and_new_tone_placement_meet() {
    let (_ws, engine) = seeds();
    for q in ["Đảng uỷ", "Đảng ủy", "dang uy", "ĐẢNG UỶ"] {
        let hits = ids(&engine, q);
        assert!(contains_seed(&hits, S003), "{q}: {hits:?}");
    }
}

#[test]
fn nfd_query_finds_what_nfc_finds() {
    use unicode_normalization::UnicodeNormalization;
    let (_ws, engine) = seeds();
    let nfc = "Việt";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    let expected = ids(&engine, nfc);
    assert!(!expected.is_empty());
    assert_eq!(ids(&engine, &nfd), expected);
}

#[test]
fn directive_symbols_are_searchable_in_every_spelling() {
    let (_ws, engine) = seeds();
    for q in ["21-NQ/TW", "21 NQ TW", "NQ/TW", "21-nq/tw"] {
        let hits = ids(&engine, q);
        assert!(contains_seed(&hits, S001), "{q}: {hits:?}");
    }
    // "1.832" is one number, not 1 and 832.
    let hits = ids(&engine, "1.832");
    assert!(contains_seed(&hits, S000), "{hits:?}");
}

#[test]
fn snippet_highlights_the_original_accented_words() {
    let (_ws, engine) = seeds();
    let response = engine
        .search(&SearchRequest {
            q: "huong dan".into(),
            ..SearchRequest::default()
        })
        .expect("search");
    // Every snippet shows the words as written, accents and case kept.
    for hit in &response.hits {
        let s = &hit.snippet_html;
        assert!(
            s.contains("<b>Hướng</b>") || s.contains("<b>hướng</b>"),
            "{s}"
        );
        assert!(!s.contains("<b>huong</b>"), "{s}");
    }
    let guidance = response
        .hits
        .iter()
        .find(|h| h.id == S000)
        .expect("seed 000 found");
    assert!(
        guidance.snippet_html.contains("<b>Hướng</b> <b>dẫn</b>"),
        "{}",
        guidance.snippet_html
    );
}

#[test]
fn and_is_the_default_and_minus_excludes() {
    let (_ws, engine) = seeds();
    let both = ids(&engine, "huong dan 38 thanh ly");
    assert!(
        both.is_empty() || both.iter().all(|id| from_seed(id, S000)),
        "{both:?}"
    );
    let without = ids(&engine, "chi bo -\"huong dan\"");
    let with = ids(&engine, "chi bo");
    assert!(without.len() < with.len(), "{without:?} vs {with:?}");
}

#[test]
fn ingest_is_incremental() {
    let ws = Workspace::with_seeds();
    let first = ws.ingest();
    assert_eq!(
        (first.files_added, first.documents_written),
        (5, first.documents_total)
    );
    let again = ws.ingest();
    assert_eq!(again.files_unchanged, 5);
    assert_eq!((again.documents_written, again.bytes_read), (0, 0));
    assert!(!again.changed());

    // A changed file is replaced, a deleted one removed, a new one added.
    ws.write(
        "000_a9977e4e1fe89f14.txt",
        "Bài viết mới\n\nNội dung hoàn toàn khác: thủy lợi.",
    );
    std::fs::remove_file(ws.corpus().join("003_e5dc76e73b2910e6.txt")).expect("remove");
    ws.write(
        "new/extra.txt",
        "Tin thủy lợi\n\nMột văn bản mới về thủy lợi.",
    );
    let changed = ws.ingest();
    assert_eq!(
        (
            changed.files_updated,
            changed.files_removed,
            changed.files_added,
            changed.files_unchanged
        ),
        (1, 1, 1, 3)
    );
    let engine = ws.engine();
    let hits = ids(&engine, "thuy loi");
    assert!(
        hits.contains(&S000.to_string()) && hits.contains(&"new/extra".to_string()),
        "{hits:?}"
    );
    assert!(ids(&engine, "huong dan 38").iter().all(|id| id != S000));
    assert!(ids(&engine, "Đảng uỷ")
        .iter()
        .all(|id| !from_seed(id, S003)));
}

#[test]
fn telex_and_vni_queries_are_read_as_vietnamese() {
    let (_ws, engine) = seeds();
    let search = |q: &str, verbatim: bool| {
        engine
            .search(&SearchRequest {
                q: q.into(),
                limit: Some(100),
                verbatim,
                ..SearchRequest::default()
            })
            .expect("search")
    };
    let accented = search("nghị quyết 21", false);
    assert_eq!(accented.searched_for, None);
    assert!(accented.total >= 2, "{}", accented.total);
    for q in ["nghij quyeets 21", "nghi5 quye6t1 21"] {
        let response = search(q, false);
        assert_eq!(response.query, q);
        assert_eq!(
            response.searched_for.as_deref(),
            Some("nghị quyết 21"),
            "{q}"
        );
        let hits: Vec<String> = response.hits.iter().map(|h| h.id.clone()).collect();
        assert!(
            contains_seed(&hits, S000) && contains_seed(&hits, S001),
            "{q}: {hits:?}"
        );
        assert_eq!(response.total, accented.total, "{q}");
        // Asked to search exactly what was typed, it does: nothing has those words.
        let exact = search(q, true);
        assert_eq!((exact.total, exact.searched_for), (0, None), "{q}");
    }
}

#[test]
fn warming_up_builds_the_facet_tables_and_changes_no_answer() {
    let (ws, engine) = seeds();
    let request = SearchRequest {
        q: "huong dan 38".into(),
        ..SearchRequest::default()
    };
    let cold = engine.search(&request).expect("search");

    let fresh = ws.engine();
    assert!(
        !fresh.has_facet_tables(),
        "a new engine has read no segment yet"
    );
    fresh.warm().expect("warm");
    assert!(fresh.has_facet_tables());
    let warm = fresh.search(&request).expect("search");
    let hits = |r: &tracuu::search::response::SearchResponse| {
        let ids: Vec<(String, String)> = r
            .hits
            .iter()
            .map(|h| (h.id.clone(), h.snippet_html.clone()))
            .collect();
        (r.total, ids)
    };
    assert_eq!(hits(&cold), hits(&warm));
    assert_eq!(
        serde_json::to_value(&cold.facets).expect("json"),
        serde_json::to_value(&warm.facets).expect("json")
    );
}

#[test]
fn an_empty_index_warms_up() {
    let ws = Workspace::new();
    ws.ingest();
    let engine = ws.engine();
    engine.warm().expect("warm");
    assert!(engine.has_facet_tables());
}
