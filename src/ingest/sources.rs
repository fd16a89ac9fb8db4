//! Finds the files of a corpus, tells their format, and says why any other file is skipped.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use unicode_normalization::UnicodeNormalization;

/// How a file's content is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: one article, or an aggregator page of several.
    Text,
    /// An HTML page.
    Html,
    /// JSON Lines, one document a line, optionally gzip-compressed.
    JsonLines {
        /// Whether the file is gzip-compressed (`.jsonl.gz`).
        gzip: bool,
    },
}

/// A file of the corpus that will be read.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the corpus root, with `/` separators: the file's source name.
    pub rel: String,
    /// Full path.
    pub path: PathBuf,
    /// Format from the file name.
    pub format: Format,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u64,
}

impl SourceFile {
    /// The document id of a single-document file: the relative path without its extension.
    pub fn doc_id(&self) -> &str {
        let rel = self.rel.as_str();
        let name_start = rel.rfind('/').map_or(0, |i| i + 1);
        match rel[name_start..].find('.') {
            Some(dot) if dot > 0 => &rel[..name_start + dot],
            _ => rel,
        }
    }
}

/// A file that was not ingested, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// Path relative to the corpus root.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// Tells the format from the file name; `None` for files we do not read.
pub fn format_of(name: &str) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl.gz") || lower.ends_with(".ndjson.gz") {
        Some(Format::JsonLines { gzip: true })
    } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        Some(Format::JsonLines { gzip: false })
    } else if lower.ends_with(".html") || lower.ends_with(".htm") {
        Some(Format::Html)
    } else if lower.ends_with(".txt") {
        Some(Format::Text)
    } else {
        None
    }
}

/// What a scan of the corpus found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The files to read, in path order.
    pub files: Vec<SourceFile>,
    /// What is not read, and why, in path order.
    pub skipped: Vec<Skipped>,
    /// Directories and entries that could not be listed or looked at (no permission, a
    /// failing disk): what was indexed from them is kept, not taken for deleted.
    pub unreadable: Vec<String>,
}

impl Scan {
    /// Whether the source `rel` lies in, or is, an entry that could not be read.
    pub fn hides(&self, rel: &str) -> bool {
        self.unreadable.iter().any(|u| {
            u.is_empty()
                || rel == u
                || rel
                    .strip_prefix(u.as_str())
                    .is_some_and(|r| r.starts_with('/'))
        })
    }
}

/// Lists the corpus files under `root`, recursively, in path order, with the skipped ones.
/// Hidden files and directories (".git", ".DS_Store") are passed over silently.
pub fn scan(root: &Path) -> std::io::Result<Scan> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut unreadable = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    // Fail loudly when the root itself is unusable; below it, failures are per file.
    std::fs::read_dir(root)?;
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                unreadable.push(relative(root, &dir));
                skipped.push(Skipped {
                    path: relative(root, &dir),
                    reason: format!("cannot read directory (its documents are kept): {e}"),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = relative(root, &path);
            // `metadata` follows symlinks: a broken one fails here.
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) => {
                    // A link to nothing is a file gone; anything else may come back.
                    if e.kind() != std::io::ErrorKind::NotFound {
                        unreadable.push(rel.clone());
                    }
                    skipped.push(Skipped {
                        path: rel,
                        reason: format!("cannot read (broken link or no permission): {e}"),
                    });
                    continue;
                }
            };
            if meta.is_dir() {
                pending.push(path);
                continue;
            }
            let Some(format) = format_of(&name) else {
                skipped.push(Skipped {
                    path: rel,
                    reason: "unknown format (expected .txt, .html, .htm, .jsonl, .jsonl.gz)".into(),
                });
                continue;
            };
            let mtime_ns = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
            files.push(SourceFile {
                rel,
                path,
                format,
                size: meta.len(),
                mtime_ns,
            });
        }
    }
    // Two names that differ only in how their accents are encoded (NFC and NFD) would have
    // one source name: the one spelt in NFC has it, and the other keeps its name as spelt,
    // so that neither is read over the other.
    let spelt_otherwise = |file: &SourceFile| raw_relative(root, &file.path) != file.rel;
    files.sort_by_cached_key(|file| (spelt_otherwise(file), file.path.clone()));
    let mut names = std::collections::HashSet::new();
    for file in &mut files {
        if !names.insert(file.rel.clone()) {
            file.rel = raw_relative(root, &file.path);
        }
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Scan {
        files,
        skipped,
        unreadable,
    })
}

/// `path` relative to `root`, `/`-separated, as the file system spells it.
fn raw_relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The source name of `path`: relative to `root`, `/`-separated, in NFC, so that a file
/// named on macOS (NFD) and the same name typed elsewhere (NFC) give one document id.
fn relative(root: &Path, path: &Path) -> String {
    raw_relative(root, path).nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_cannot_be_read_hides_the_sources_under_it() {
        let scan = Scan {
            unreadable: vec!["a/b".into()],
            ..Scan::default()
        };
        assert!(scan.hides("a/b"));
        assert!(scan.hides("a/b/c.txt"));
        assert!(!scan.hides("a/bc.txt"));
        assert!(!scan.hides("a/c.txt"));
    }

    #[test]
    fn formats_from_names() {
        let table = [
            ("a.txt", Some(Format::Text)),
            ("A.HTML", Some(Format::Html)),
            ("a.htm", Some(Format::Html)),
            ("x.jsonl", Some(Format::JsonLines { gzip: false })),
            ("x.jsonl.gz", Some(Format::JsonLines { gzip: true })),
            ("x.pdf", None),
            ("README.md", None),
        ];
        for (name, expected) in table {
            assert_eq!(format_of(name), expected, "{name}");
        }
    }

    #[test]
    fn doc_ids_drop_the_extension() {
        let file = |rel: &str| SourceFile {
            rel: rel.into(),
            path: PathBuf::new(),
            format: Format::Text,
            size: 0,
            mtime_ns: 0,
        };
        assert_eq!(
            file("000_a9977e4e1fe89f14.txt").doc_id(),
            "000_a9977e4e1fe89f14"
        );
        assert_eq!(file("news/2022/a.b.html").doc_id(), "news/2022/a");
        assert_eq!(file("noext").doc_id(), "noext");
        assert_eq!(file("dir.d/.hidden").doc_id(), "dir.d/.hidden");
    }
}
