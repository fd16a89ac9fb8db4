//! A search with filters and no words lists the newest documents first, undated last, ties
//! by id, across segments and pages, over a real index and through a real server.

mod common;

use std::sync::Arc;

use common::web::{cite, date, document, engine_of};
use tracuu::document::Document;
use tracuu::search::{Engine, Filters, SearchRequest};

/// The key every document cites, for the `cites` filter.
const KEY: &str = "chi-thi/05-CT/TW";

/// A publication day as (year, month, day); `None` for an undated document.
type Day = Option<(i32, u8, u8)>;

/// `(id, date)` in the order the documents are committed, three to a commit: not their
/// dates' order, nor their ids'.
const COMMITTED: [(&str, Day); 9] = [
    ("b", Some((2022, 11, 15))),
    ("c", Some((2017, 10, 24))),
    ("undated", None),
    ("d", Some((2019, 7, 4))),
    ("h", Some((2020, 3, 1))),
    ("a", Some((2020, 3, 1))),
    ("e", Some((2023, 1, 5))),
    ("f", Some((2016, 2, 2))),
    ("g", Some((2020, 3, 2))),
];

/// The order a filter-only search lists them in.
const NEWEST_FIRST: [&str; 9] = ["e", "b", "g", "a", "h", "d", "c", "f", "undated"];

fn batches() -> Vec<Vec<Document>> {
    let docs: Vec<Document> = COMMITTED
        .iter()
        .map(|&(id, day)| {
            let body = format!("Văn bản {id} thực hiện Chỉ thị số 05-CT/TW.");
            let mut doc = document(
                id,
                &format!("Văn bản {id}"),
                day.and_then(|(y, m, d)| date(y, m, d)),
                &body,
            );
            doc.citations = vec![cite(
                &body,
                "Chỉ thị số 05-CT/TW",
                "chi-thi",
                Some("05-CT/TW"),
                KEY,
            )];
            doc
        })
        .collect();
    docs.chunks(3).map(<[Document]>::to_vec).collect()
}

fn filters(cites: Option<&str>, from: Option<time::Date>) -> Filters {
    Filters {
        cites: cites.map(str::to_string),
        from,
        ..Filters::default()
    }
}

/// Every page of `filters` with no words, `limit` hits a page, and the totals each gave.
fn pages(engine: &Engine, filters: &Filters, limit: usize) -> (Vec<String>, Vec<usize>) {
    let (mut ids, mut totals) = (Vec::new(), Vec::new());
    for offset in (0..COMMITTED.len()).step_by(limit) {
        let response = engine
            .search(&SearchRequest {
                q: String::new(),
                limit: Some(limit),
                offset: Some(offset),
                filters: filters.clone(),
                ..SearchRequest::default()
            })
            .expect("search");
        ids.extend(response.hits.into_iter().map(|h| h.id));
        totals.push(response.total);
    }
    (ids, totals)
}

#[test]
fn filters_without_words_list_the_newest_first_on_every_page() {
    let (_dir, engine) = engine_of(&batches());
    let segments = engine.index().searchable_segment_ids().expect("segments");
    assert!(segments.len() > 1, "one segment a commit: {segments:?}");
    let dated: Vec<&str> = NEWEST_FIRST
        .iter()
        .copied()
        .filter(|&id| id != "undated")
        .collect();
    let rows: [(Filters, &[&str]); 2] = [
        (filters(Some(KEY), None), &NEWEST_FIRST),
        (filters(None, date(1900, 1, 1)), &dated),
    ];
    for (filters, expected) in rows {
        // Pages of 4 cut between the two documents of 2020-03-01 (a, h).
        for limit in [1, 4, 9] {
            let (ids, totals) = pages(&engine, &filters, limit);
            assert_eq!(ids, expected, "{filters:?}, {limit} a page");
            assert!(
                totals.iter().all(|&t| t == expected.len()),
                "{filters:?}: {totals:?}"
            );
        }
    }
}

#[tokio::test]
async fn the_api_lists_a_filter_only_search_newest_first() {
    let (_dir, engine) = engine_of(&batches());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(tracuu::server::serve(listener, Arc::new(engine)));
    let mut ids = Vec::new();
    for offset in [0, 4, 8] {
        let url = format!("{base}/api/search?q=&cites={KEY}&limit=4&offset={offset}");
        let body: serde_json::Value = reqwest::get(&url)
            .await
            .expect("request")
            .json()
            .await
            .expect("JSON");
        assert_eq!(body["total"], NEWEST_FIRST.len(), "{url}: {body}");
        let hits = body["hits"].as_array().cloned().unwrap_or_default();
        ids.extend(
            hits.iter()
                .filter_map(|h| h["id"].as_str().map(str::to_string)),
        );
    }
    assert_eq!(ids, NEWEST_FIRST);
}
