//! Recent answers, so that a popular query is searched once per index generation: a key
//! holds the generation of the searcher that computed the answer, so a commit (or a swapped
//! snapshot) makes every older answer unreachable, and they age out.

use std::sync::Arc;

use quick_cache::sync::Cache;
use quick_cache::Weighter;

use super::response::SearchResponse;
use super::{Filters, SearchRequest};

/// Memory the answers of a serving engine may take unless told otherwise: a few thousand
/// result pages.
pub const DEFAULT_RESULT_CACHE_BYTES: u64 = 32 << 20;

/// What identifies an answer: the request, as parsed, and the index generation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    generation: u64,
    q: String,
    limit: Option<usize>,
    offset: Option<usize>,
    cites: Option<String>,
    cited_type: Option<String>,
    from: Option<time::Date>,
    to: Option<time::Date>,
    verbatim: bool,
}

impl Key {
    fn new(generation: u64, request: &SearchRequest) -> Key {
        let Filters {
            cites,
            cited_type,
            from,
            to,
            // Read from the index, whose generation the key has.
            cites_versions: _,
        } = &request.filters;
        Key {
            generation,
            q: request.q.clone(),
            limit: request.limit,
            offset: request.offset,
            cites: cites.clone(),
            cited_type: cited_type.clone(),
            from: *from,
            to: *to,
            verbatim: request.verbatim,
        }
    }
}

/// An answer with the memory it takes, measured once.
#[derive(Debug)]
struct Entry {
    response: SearchResponse,
    bytes: u64,
}

#[derive(Clone, Copy, Debug)]
struct ByBytes;

impl Weighter<Key, Arc<Entry>> for ByBytes {
    fn weight(&self, key: &Key, entry: &Arc<Entry>) -> u64 {
        (key.q.len() as u64 + entry.bytes).max(1)
    }
}

/// The cache of recent answers, bounded by the memory they take.
pub struct ResultCache {
    answers: Cache<Key, Arc<Entry>, ByBytes>,
}

impl ResultCache {
    /// A cache holding answers of up to `bytes` in all.
    pub fn new(bytes: u64) -> ResultCache {
        // quick_cache sizes its tables from an item estimate: a result page is ~8 KB.
        let items = (bytes / 8192).clamp(16, 1 << 20) as usize;
        ResultCache {
            answers: Cache::with_weighter(items, bytes.max(1), ByBytes),
        }
    }

    /// The answer computed for `request` on `generation`, if it is still here.
    pub fn get(&self, generation: u64, request: &SearchRequest) -> Option<SearchResponse> {
        let entry = self.answers.get(&Key::new(generation, request))?;
        Some(entry.response.clone())
    }

    /// Keeps `response` as the answer to `request` on `generation`.
    pub fn insert(&self, generation: u64, request: &SearchRequest, response: &SearchResponse) {
        let bytes = response_bytes(response);
        let entry = Entry {
            response: response.clone(),
            bytes,
        };
        self.answers
            .insert(Key::new(generation, request), Arc::new(entry));
    }

    /// Answers held.
    pub fn len(&self) -> usize {
        self.answers.len()
    }

    /// Whether no answer is held.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
}

/// The heap memory of a response, roughly: its text and a fixed cost per item.
fn response_bytes(response: &SearchResponse) -> u64 {
    const ITEM: usize = 64;
    let hits: usize = response
        .hits
        .iter()
        .map(|hit| {
            ITEM + hit.id.len()
                + hit.title.len()
                + hit.snippet_html.len()
                + hit.date.as_ref().map_or(0, String::len)
                + hit.citations.iter().map(|c| ITEM + c.len()).sum::<usize>()
        })
        .sum();
    let facets = &response.facets;
    let citations: usize = facets
        .citations
        .iter()
        .map(|c| ITEM + c.key.len() + c.label.len())
        .sum();
    let types: usize = facets
        .types
        .iter()
        .map(|t| ITEM + t.kind.len() + t.label.len())
        .sum();
    let text = response.query.len() + response.searched_for.as_ref().map_or(0, String::len);
    (ITEM + hits + citations + types + facets.years.len() * ITEM + text) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::response::Hit;

    fn request(q: &str) -> SearchRequest {
        SearchRequest {
            q: q.to_string(),
            ..SearchRequest::default()
        }
    }

    fn response(total: usize) -> SearchResponse {
        SearchResponse {
            total,
            hits: vec![Hit {
                id: "a".into(),
                title: "Nghị quyết".into(),
                date: None,
                score: 1.0,
                snippet_html: "x".repeat(300),
                citations: vec![],
            }],
            ..SearchResponse::default()
        }
    }

    #[test]
    fn answers_only_the_same_request_on_the_same_generation() {
        let cache = ResultCache::new(1 << 20);
        cache.insert(7, &request("đảng"), &response(3));
        assert_eq!(cache.get(7, &request("đảng")).map(|r| r.total), Some(3));
        assert!(cache.get(8, &request("đảng")).is_none(), "a newer index");
        assert!(cache.get(7, &request("dang")).is_none(), "another query");
        let mut paged = request("đảng");
        paged.offset = Some(10);
        assert!(cache.get(7, &paged).is_none(), "another page");
        let mut filtered = request("đảng");
        filtered.filters.cites = Some("NQ-21-TW".into());
        assert!(cache.get(7, &filtered).is_none(), "another filter");
    }

    #[test]
    fn stays_within_its_memory() {
        let cache = ResultCache::new(64 << 10);
        for n in 0..1000 {
            cache.insert(1, &request(&format!("q{n}")), &response(n));
        }
        let held = cache.len() as u64;
        assert!(held > 10, "{held}");
        assert!(held * response_bytes(&response(0)) <= 64 << 10, "{held}");
    }
}
