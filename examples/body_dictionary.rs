//! Trains the zstd dictionary that stored bodies are compressed with
//! (`src/index/body.dict`, see `tracuu::index::body_codec`), from Vietnamese text that is
//! not the benchmark's: the ALQAC 2023 law articles and the seed articles, normalised as
//! documents are before they are stored.
//!
//! `cargo run --release --example body_dictionary [-- SHARED_DIR OUT]`: SHARED_DIR defaults
//! to `../shared`, OUT to `src/index/body.dict`. Needs the `zstd` command (`apt-get install
//! zstd`): the `zstd` crate trains with fixed defaults only, and for the compression level
//! the bodies are stored at, which the trainer tunes its tables for, its dictionary stores
//! vnnews's bodies 11 % larger (0.388 of the text against 0.350). A new dictionary changes
//! the stored format: bump `index::manifest::PIPELINE_VERSION` with it.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Bytes of the dictionary: zstd's default, the size its trainer is tuned for.
const DICTIONARY_BYTES: usize = 112 * 1024;
/// The trainer's segment and d-mer sizes: of k 32-200 and d 6 or 8, the best on vnnews's
/// bodies, all within 1 % of each other.
const TRAINER: &str = "--train-fastcover=k=50,d=6";

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let shared = PathBuf::from(args.next().unwrap_or_else(|| "../shared".into()));
    let out = PathBuf::from(args.next().unwrap_or_else(|| "src/index/body.dict".into()));
    let articles = shared.join("data/alqac2023/articles.jsonl");
    let mut samples: Vec<String> = Vec::new();
    let text = std::fs::read_to_string(&articles)
        .with_context(|| format!("read {}", articles.display()))?;
    for line in text.lines() {
        let record: serde_json::Value = serde_json::from_str(line)?;
        if let Some(article) = record["text"].as_str() {
            samples.push(tracuu::text::normalize(article));
        }
    }
    let seeds = shared.join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .with_context(|| format!("read {}", seeds.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    for path in paths {
        let page = String::from_utf8_lossy(&std::fs::read(&path)?).into_owned();
        samples.push(tracuu::text::normalize(&page));
    }
    let dir = tempfile::tempdir()?;
    for (n, sample) in samples.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{n:05}.txt")), sample)?;
    }
    let status = Command::new("zstd")
        .args(["-q", "-f", TRAINER, "-5", "-r"])
        .arg(dir.path())
        .arg(format!("--maxdict={DICTIONARY_BYTES}"))
        .arg("-o")
        .arg(&out)
        .status()
        .context("run zstd (apt-get install zstd)")?;
    if !status.success() {
        bail!("zstd --train failed: {status}");
    }
    let bytes: usize = samples.iter().map(String::len).sum();
    println!(
        "{}: {} bytes from {} samples ({bytes} bytes)",
        out.display(),
        std::fs::metadata(&out)?.len(),
        samples.len()
    );
    Ok(())
}
