//! Text throughput per core on real articles (NFC input), each beside a simpler peer doing
//! part of the job in the same run: `normalize` vs Unicode NFC alone, `fold` vs
//! `str::to_lowercase`, `cite::extract` vs one regex scan for directive symbols.
//! Throughput is in decimal MB/s; after the group each function's mean is printed with its
//! ratio to the peer.
//! Reproduce: `cd bench/harness && cargo bench --bench text` (bench/run does it).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Bencher, Criterion, Throughput};
use flate2::read::MultiGzDecoder;
use unicode_normalization::UnicodeNormalization;

/// Articles in the sample: a few MB, enough to leave the caches.
const ARTICLES: usize = 1000;

fn sample() -> String {
    let path = std::env::var("BENCH_DATA").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/vnnews.jsonl.gz"
        )
        .to_string()
    });
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    for line in BufReader::new(MultiGzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .take(ARTICLES)
    {
        let record: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        if let Some(body) = record["body"].as_str() {
            text.push_str(body);
            text.push('\n');
        }
    }
    text
}

/// Total time and iterations per function, all samples together, for the ratios.
type Timings = RefCell<BTreeMap<&'static str, (Duration, u64, usize)>>;

/// Times `f` for Criterion and adds the time to `timings` under `name`.
fn timed<R>(
    b: &mut Bencher,
    timings: &Timings,
    name: &'static str,
    bytes: usize,
    f: impl Fn() -> R,
) {
    b.iter_custom(|iters| {
        let start = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        let elapsed = start.elapsed();
        let mut t = timings.borrow_mut();
        let entry = t.entry(name).or_insert((Duration::ZERO, 0, bytes));
        entry.0 += elapsed;
        entry.1 += iters;
        elapsed
    });
}

/// Decimal MB/s of `name` over all its runs.
fn mbps(timings: &Timings, name: &str) -> Option<f64> {
    let t = timings.borrow();
    let &(time, iters, bytes) = t.get(name)?;
    Some(bytes as f64 * iters as f64 / 1e6 / time.as_secs_f64())
}

fn text(c: &mut Criterion) {
    let raw = sample();
    let nfc = tracuu::text::normalize(&raw);
    let symbol = regex::Regex::new(r"\d+[-/][\p{L}\d]+(?:[/-][\p{L}\d]+)*")
        .unwrap_or_else(|e| panic!("{e}"));
    let timings = Timings::default();
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::BytesDecimal(raw.len() as u64));
    group.bench_function("normalize", |b| {
        timed(b, &timings, "normalize", raw.len(), || {
            tracuu::text::normalize(black_box(&raw))
        })
    });
    group.bench_function("nfc_peer", |b| {
        timed(b, &timings, "nfc_peer", raw.len(), || {
            black_box(&raw).nfc().collect::<String>()
        })
    });
    group.throughput(Throughput::BytesDecimal(nfc.len() as u64));
    group.bench_function("fold", |b| {
        timed(b, &timings, "fold", nfc.len(), || {
            tracuu::text::fold(black_box(&nfc))
        })
    });
    group.bench_function("lowercase_peer", |b| {
        timed(b, &timings, "lowercase_peer", nfc.len(), || {
            black_box(&nfc).to_lowercase()
        })
    });
    group.bench_function("cite_extract", |b| {
        timed(b, &timings, "cite_extract", nfc.len(), || {
            tracuu::cite::extract(black_box(&nfc))
        })
    });
    group.bench_function("regex_peer", |b| {
        timed(b, &timings, "regex_peer", nfc.len(), || {
            symbol.find_iter(black_box(&nfc)).count()
        })
    });
    group.finish();
    for (ours, peer) in [
        ("normalize", "nfc_peer"),
        ("fold", "lowercase_peer"),
        ("cite_extract", "regex_peer"),
    ] {
        if let (Some(o), Some(p)) = (mbps(&timings, ours), mbps(&timings, peer)) {
            println!("{ours}: {o:.1} MB/s, {:.2}× {peer} ({p:.1} MB/s)", o / p);
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(4));
    targets = text
}
criterion_main!(benches);
