//! Precision, recall and field accuracy of `cite::extract` on the labelled set in
//! `tests/data/citations.jsonl` (sentences and whole texts from the seeds, plus written ones).
//! Run with `cargo test --test cite_eval -- --nocapture` to see the figures.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use tracuu::cite::{extract, Citation};

/// Precision on numbered citations must stay at or above this.
const MIN_NUMBERED_PRECISION: f64 = 0.97;
/// Recall on numbered citations must stay at or above this.
const MIN_NUMBERED_RECALL: f64 = 0.95;

#[derive(Deserialize)]
struct Record {
    text: String,
    expected: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    #[serde(rename = "type")]
    kind: String,
    number: Option<String>,
    symbol: Option<String>,
    name: Option<String>,
    issuer: Option<String>,
    date: Option<String>,
    term: Option<String>,
    plenum: Option<u32>,
    congress: Option<String>,
    article: Option<u32>,
    key: String,
}

#[derive(Default)]
struct Counts {
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }
    fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn load() -> Vec<Record> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/citations.jsonl");
    let data = std::fs::read_to_string(path).expect("labelled set is readable");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("line {}: {e}", i + 1)))
        .collect()
}

/// Field differences between a matched prediction and its label.
fn field_errors(p: &Citation, e: &Expected) -> Vec<String> {
    let mut errors = Vec::new();
    let mut check = |name: &str, got: String, want: String| {
        if got != want {
            errors.push(format!("{name}: got {got}, want {want}"));
        }
    };
    check(
        "number",
        format!("{:?}", p.number),
        format!("{:?}", e.number),
    );
    check(
        "symbol",
        format!("{:?}", p.symbol),
        format!("{:?}", e.symbol),
    );
    check("name", format!("{:?}", p.name), format!("{:?}", e.name));
    check(
        "issuer",
        format!("{:?}", p.issuer),
        format!("{:?}", e.issuer),
    );
    check("date", format!("{:?}", p.date), format!("{:?}", e.date));
    check("term", format!("{:?}", p.term), format!("{:?}", e.term));
    check(
        "plenum",
        format!("{:?}", p.plenum),
        format!("{:?}", e.plenum),
    );
    check(
        "congress",
        format!("{:?}", p.congress),
        format!("{:?}", e.congress),
    );
    check(
        "article",
        format!("{:?}", p.article),
        format!("{:?}", e.article),
    );
    check("key", p.key.clone(), e.key.clone());
    errors
}

#[test]
fn labelled_set() {
    let records = load();
    assert!(
        records.len() >= 100,
        "the set has {} records",
        records.len()
    );
    let (mut all, mut numbered) = (Counts::default(), Counts::default());
    let (mut key_groups, mut consistent_groups) = (0, 0);
    let mut problems: Vec<String> = Vec::new();
    let mut field_error_count = 0;
    for (line, record) in records.iter().enumerate() {
        let predicted = extract(&record.text);
        for p in &predicted {
            assert_eq!(
                record.text.get(p.start..p.end),
                Some(p.text.as_str()),
                "span of {p:?}"
            );
        }
        let mut used = vec![false; predicted.len()];
        let mut shared: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let where_ = |t: &str| format!("line {}: {:?}", line + 1, t);
        for e in &record.expected {
            let is_numbered = e.number.is_some();
            let found = (0..predicted.len())
                .find(|&i| !used[i] && predicted[i].text == e.text && predicted[i].kind == e.kind);
            let Some(i) = found else {
                all.false_neg += 1;
                numbered.false_neg += usize::from(is_numbered);
                problems.push(format!("missed {} ({})", where_(&e.text), e.kind));
                continue;
            };
            used[i] = true;
            all.true_pos += 1;
            numbered.true_pos += usize::from(is_numbered);
            shared.entry(&e.key).or_default().insert(&predicted[i].key);
            for err in field_errors(&predicted[i], e) {
                field_error_count += 1;
                problems.push(format!("field {} {err}", where_(&e.text)));
            }
        }
        for (i, p) in predicted.iter().enumerate().filter(|(i, _)| !used[*i]) {
            all.false_pos += 1;
            numbered.false_pos += usize::from(p.number.is_some());
            problems.push(format!(
                "spurious {} ({}, key {})",
                where_(&predicted[i].text),
                p.kind,
                p.key
            ));
        }
        key_groups += shared.len();
        consistent_groups += shared.values().filter(|keys| keys.len() == 1).count();
    }
    for problem in &problems {
        println!("{problem}");
    }
    println!(
        "all citations: precision {:.3}, recall {:.3} (tp {}, fp {}, fn {})",
        all.precision(),
        all.recall(),
        all.true_pos,
        all.false_pos,
        all.false_neg
    );
    println!(
        "numbered citations: precision {:.3}, recall {:.3} (tp {}, fp {}, fn {})",
        numbered.precision(),
        numbered.recall(),
        numbered.true_pos,
        numbered.false_pos,
        numbered.false_neg
    );
    println!(
        "key consistency: {consistent_groups}/{key_groups} groups share one key; field errors: {field_error_count}"
    );
    assert!(
        numbered.precision() >= MIN_NUMBERED_PRECISION,
        "numbered precision"
    );
    assert!(numbered.recall() >= MIN_NUMBERED_RECALL, "numbered recall");
    assert_eq!(
        consistent_groups, key_groups,
        "mentions that should share a key"
    );
    assert_eq!(field_error_count, 0, "field values of matched citations");
}
