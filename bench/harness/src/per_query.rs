//! Each query of the set timed alone (best of several rounds) and, optionally, its answer
//! written out: for comparing two builds query by query, both on speed and on sameness.
//! Reproduce: `tracuu-bench per-query --tracuu DIR/index --dump old.txt > old.tsv` with one
//! build, the same with the other, then `diff old.txt new.txt` and compare the columns.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use tracuu::search::response::SearchResponse;
use tracuu::search::{Engine, SearchRequest};

/// One query's best time over the rounds, and how many documents it found.
pub struct Timing {
    /// The query.
    pub query: String,
    /// Fastest round, in milliseconds.
    pub best_ms: f64,
    /// Documents found.
    pub total: usize,
}

/// Times every query `rounds` times with the result cache off, slowest first; with
/// `evict_mb`, after writing over that many MB, so that each query meets cold caches.
pub fn time(
    index: &Path,
    queries: &[String],
    rounds: usize,
    evict_mb: usize,
) -> Result<Vec<Timing>> {
    let engine = Engine::open(index)?.with_result_cache(0);
    let mut eviction = vec![0u8; evict_mb << 20];
    let mut out: Vec<Timing> = queries
        .iter()
        .map(|q| Timing {
            query: q.clone(),
            best_ms: f64::INFINITY,
            total: 0,
        })
        .collect();
    for _ in 0..rounds.max(1) {
        for timing in &mut out {
            evict(&mut eviction);
            let started = Instant::now();
            let response = engine.search(&request(&timing.query))?;
            timing.best_ms = timing.best_ms.min(started.elapsed().as_secs_f64() * 1000.0);
            timing.total = response.total;
        }
    }
    out.sort_by(|a, b| b.best_ms.total_cmp(&a.best_ms));
    Ok(out)
}

/// Writes over every cache line of `buffer`, pushing whatever the caches held out.
fn evict(buffer: &mut [u8]) {
    for line in buffer.chunks_mut(64) {
        line[0] = line[0].wrapping_add(1);
    }
    std::hint::black_box(buffer);
}

/// Every query's answer as text: total, then each hit's id, score and snippet, then the
/// cited-directive facet; two builds that rank alike write the same file.
pub fn dump(index: &Path, queries: &[String]) -> Result<String> {
    let engine = Engine::open(index)?.with_result_cache(0);
    let mut out = String::new();
    for q in queries {
        let response = engine.search(&request(q))?;
        write_answer(&mut out, q, &response)?;
    }
    Ok(out)
}

fn request(q: &str) -> SearchRequest {
    SearchRequest {
        q: q.to_string(),
        limit: Some(10),
        ..SearchRequest::default()
    }
}

fn write_answer(out: &mut String, q: &str, response: &SearchResponse) -> std::fmt::Result {
    writeln!(out, "## {q} total={}", response.total)?;
    for hit in &response.hits {
        writeln!(out, "{} {:.4} {}", hit.id, hit.score, hit.snippet_html)?;
    }
    for cited in &response.facets.citations {
        writeln!(
            out,
            "cites {} {} {:.2}",
            cited.key, cited.count, cited.weight
        )?;
    }
    Ok(())
}
