//! Facets over a corpus whose documents carry citations.

mod common;

use common::web::{self, FILLERS};
use tracuu::search::SearchRequest;

#[test]
fn cited_types_count_each_document_once() {
    let (_dir, engine) = web::engine();
    let response = engine
        .search(&SearchRequest {
            q: "huong dan".into(),
            ..SearchRequest::default()
        })
        .expect("search");
    assert_eq!(response.total, FILLERS + 3);
    let types: Vec<(&str, &str, u64)> = response
        .facets
        .types
        .iter()
        .map(|t| (t.kind.as_str(), t.label.as_str(), t.count))
        .collect();
    // chi-thi: every third filler and the injected key of the script document.
    // nghi-quyet: three documents, one of them citing two resolutions.
    assert_eq!(
        types,
        [
            ("chi-thi", "Chỉ thị", (FILLERS / 3 + 1) as u64),
            ("nghi-quyet", "Nghị quyết", 3),
            ("huong-dan", "Hướng dẫn", 2),
            ("nghi-dinh", "Nghị định", 1),
        ]
    );
    let filtered = engine
        .search(&SearchRequest {
            q: "huong dan".into(),
            filters: tracuu::search::Filters {
                cited_type: Some("nghi-quyet".into()),
                ..Default::default()
            },
            ..SearchRequest::default()
        })
        .expect("search");
    assert_eq!(filtered.total, 3, "the count is what the filter finds");
}
