//! Text throughput per core on real articles (NFC input), each beside a simpler peer doing
//! part of the job in the same run: `normalize` vs Unicode NFC alone, `fold` vs
//! `str::to_lowercase`, `cite::extract` vs one regex scan for directive symbols.
//! Reproduce: `cd bench/harness && cargo bench --bench text` (bench/run does it).

use std::hint::black_box;
use std::io::{BufRead, BufReader};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
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

fn text(c: &mut Criterion) {
    let raw = sample();
    let nfc = tracuu::text::normalize(&raw);
    let symbol = regex::Regex::new(r"\d+[-/][\p{L}\d]+(?:[/-][\p{L}\d]+)*")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.bench_function("normalize", |b| {
        b.iter(|| tracuu::text::normalize(black_box(&raw)))
    });
    group.bench_function("nfc_peer", |b| {
        b.iter(|| black_box(&raw).nfc().collect::<String>())
    });
    group.throughput(Throughput::Bytes(nfc.len() as u64));
    group.bench_function("fold", |b| b.iter(|| tracuu::text::fold(black_box(&nfc))));
    group.bench_function("lowercase_peer", |b| {
        b.iter(|| black_box(&nfc).to_lowercase())
    });
    group.bench_function("cite_extract", |b| {
        b.iter(|| tracuu::cite::extract(black_box(&nfc)))
    });
    group.bench_function("regex_peer", |b| {
        b.iter(|| symbol.find_iter(black_box(&nfc)).count())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(4));
    targets = text
}
criterion_main!(benches);
