//! Byte identity of the fast text paths with their references on every document of the
//! news corpus. Slow and needs the data: `cargo test --release --lib corpus -- --ignored`
//! (`VNNEWS` overrides the path).

use std::io::{BufRead, BufReader};

use flate2::read::MultiGzDecoder;
use unicode_normalization::UnicodeNormalization;

use super::fold::{fold, fold_reference};
use super::normalize::normalize;
use super::normalize_reference;

#[test]
#[ignore = "needs ../shared/data/vnnews.jsonl.gz; run on demand"]
fn fast_paths_agree_with_references_on_the_corpus() {
    let path = std::env::var("VNNEWS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/vnnews.jsonl.gz"
        )
        .to_string()
    });
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (mut docs, mut bytes) = (0, 0);
    for line in BufReader::new(MultiGzDecoder::new(file)).lines() {
        let line = line.unwrap();
        let record: serde_json::Value = serde_json::from_str(&line).unwrap();
        docs += 1;
        for field in ["title", "body"] {
            let Some(text) = record[field].as_str() else {
                continue;
            };
            bytes += text.len();
            // As stored, and as NFD (the other spelling that reaches us).
            let nfd: String = text.nfd().collect();
            for input in [text, nfd.as_str()] {
                let normalized = normalize(input);
                assert_eq!(
                    normalized,
                    normalize_reference::normalize(input),
                    "{input:?}"
                );
                assert_eq!(fold(input), fold_reference(input), "{input:?}");
                assert_eq!(fold(&normalized), fold_reference(&normalized), "{input:?}");
            }
        }
    }
    assert_eq!(docs, 35_440);
    eprintln!("{docs} documents, {bytes} bytes: identical");
}
