//! The benchmark corpus (JSON Lines, gzipped or not) and the query set.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::{Context, Result};
use flate2::read::MultiGzDecoder;
use serde::Deserialize;

/// One article as the peers index it.
#[derive(Debug, Deserialize)]
pub struct Record {
    /// Its id.
    pub id: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// Its text.
    #[serde(default)]
    pub body: String,
}

/// A reader over the lines of `path`, decompressing `.gz`.
pub fn lines(path: &Path) -> Result<impl Iterator<Item = std::io::Result<String>>> {
    let file = File::open(path).with_context(|| format!("open {}", path.display()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    Ok(BufReader::with_capacity(1 << 20, reader).lines())
}

/// Parses one line; `None` for a blank or broken one (the peers skip what tracuu skips).
pub fn parse(line: &str) -> Option<Record> {
    serde_json::from_str(line).ok()
}

/// The queries of a query file: one a line, `#` starts a comment line.
pub fn queries(path: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("read {}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}
