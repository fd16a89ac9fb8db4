//! In-process query latency over the query set: tracuu and its peers, interleaved query by
//! query so that a noisy neighbour slows every system alike.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use serde::Serialize;
use tracuu::search::{Engine, SearchRequest};

use crate::fts5::Fts5;
use crate::plain::Plain;

/// Latency figures of one system, in milliseconds.
#[derive(Debug, Serialize)]
pub struct Latency {
    /// Which system.
    pub system: String,
    /// Searches timed.
    pub samples: usize,
    /// Median.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Mean.
    pub mean_ms: f64,
    /// Largest.
    pub max_ms: f64,
}

/// The systems to time; the peers are optional (growth runs time tracuu alone).
pub struct Systems {
    /// tracuu's index.
    pub tracuu: PathBuf,
    /// The plain-tantivy peer's index.
    pub tantivy: Option<PathBuf>,
    /// The FTS5 peer's database.
    pub fts5: Option<PathBuf>,
}

/// What the accent check found: FTS5 folds tone marks but not "đ", so "dang" misses "Đảng".
#[derive(Debug, Serialize)]
pub struct AccentCheck {
    /// tracuu's matches for "dang".
    pub tracuu_dang: u64,
    /// tracuu's matches for "đảng".
    pub tracuu_dang_accented: u64,
    /// FTS5's matches for "dang".
    pub fts5_dang: Option<usize>,
    /// FTS5's matches for "đảng".
    pub fts5_dang_accented: Option<usize>,
    /// FTS5's matches for documents with "đảng" that "dang" also finds.
    pub fts5_both: Option<usize>,
}

/// Everything one latency run measured.
#[derive(Debug, Serialize)]
pub struct LatencyReport {
    /// Queries in the set.
    pub queries: usize,
    /// Rounds over the set.
    pub rounds: usize,
    /// One entry a system.
    pub systems: Vec<Latency>,
    /// The accent check, when FTS5 ran.
    pub accents: Option<AccentCheck>,
}

/// Times every query `rounds` times on every system, after one warm-up round.
pub fn run(systems: &Systems, queries: &[String], rounds: usize) -> Result<LatencyReport> {
    let engine = Engine::open(&systems.tracuu)?;
    let plain = systems.tantivy.as_deref().map(Plain::open).transpose()?;
    let fts5 = systems.fts5.as_deref().map(Fts5::open).transpose()?;
    let tracuu_search = |q: &str| -> Result<u64> {
        let request = SearchRequest {
            q: q.to_string(),
            limit: Some(10),
            ..SearchRequest::default()
        };
        Ok(engine.search(&request)?.total as u64)
    };
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); 3];
    for round in 0..=rounds {
        for (n, q) in queries.iter().enumerate() {
            // Rotate who goes first, so that no system always meets a warm or cold cache.
            for k in 0..3 {
                let system = (n + round + k) % 3;
                let started = Instant::now();
                let ran = match system {
                    0 => tracuu_search(q).map(|_| true)?,
                    1 => match &plain {
                        Some(p) => p.search(q).map(|_| true)?,
                        None => false,
                    },
                    _ => match &fts5 {
                        Some(f) => f.search(q)?.is_some(),
                        None => false,
                    },
                };
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                if ran && round > 0 {
                    times[system].push(ms);
                }
            }
        }
    }
    let names = ["tracuu", "tantivy", "fts5"];
    let systems_out = times
        .into_iter()
        .zip(names)
        .filter(|(t, _)| !t.is_empty())
        .map(|(t, name)| summarise(name, t))
        .collect();
    let accents = match &fts5 {
        Some(f) => Some(AccentCheck {
            tracuu_dang: tracuu_search("dang")?,
            tracuu_dang_accented: tracuu_search("đảng")?,
            fts5_dang: f.search("dang")?,
            fts5_dang_accented: f.search("đảng")?,
            fts5_both: f.count_raw("dang AND đảng")?,
        }),
        None => None,
    };
    Ok(LatencyReport {
        queries: queries.len(),
        rounds,
        systems: systems_out,
        accents,
    })
}

fn summarise(system: &str, mut t: Vec<f64>) -> Latency {
    t.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        let rank = ((p / 100.0) * t.len() as f64).ceil() as usize;
        t[rank.clamp(1, t.len()) - 1]
    };
    Latency {
        system: system.to_string(),
        samples: t.len(),
        p50_ms: pct(50.0),
        p90_ms: pct(90.0),
        p99_ms: pct(99.0),
        mean_ms: t.iter().sum::<f64>() / t.len() as f64,
        max_ms: t.last().copied().unwrap_or(0.0),
    }
}
