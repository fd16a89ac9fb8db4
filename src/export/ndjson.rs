//! NDJSON files split in chunks: a bulk request has a size limit (OpenSearch's default
//! `http.max_content_length` is 100 MB; 10 MB requests are the recommended size).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Largest chunk: the bulk request size OpenSearch recommends.
pub const MAX_CHUNK_BYTES: u64 = 10 * 1024 * 1024;

/// Writes groups of lines (a bulk action and its source stay together) into
/// `DIR/<stem>-0001.ndjson`, `-0002`…, starting a new file before one would pass the limit.
pub struct ChunkWriter {
    dir: PathBuf,
    stem: &'static str,
    limit: u64,
    current: Option<BufWriter<File>>,
    written: u64,
    files: Vec<PathBuf>,
}

impl ChunkWriter {
    /// A writer into `dir` whose files are named after `stem`.
    pub fn new(dir: &Path, stem: &'static str, limit: u64) -> ChunkWriter {
        ChunkWriter {
            dir: dir.to_path_buf(),
            stem,
            limit,
            current: None,
            written: 0,
            files: Vec::new(),
        }
    }

    /// Writes `lines` (each without its newline) into one chunk.
    pub fn write_group(&mut self, lines: &[&str]) -> io::Result<()> {
        let size: u64 = lines.iter().map(|l| l.len() as u64 + 1).sum();
        // A group larger than the limit on its own still gets a chunk of its own.
        if self.current.is_some() && self.written + size > self.limit {
            self.finish_chunk()?;
        }
        let out = match &mut self.current {
            Some(out) => out,
            None => {
                let path = self.dir.join(chunk_name(self.stem, self.files.len() + 1));
                self.files.push(path.clone());
                self.written = 0;
                self.current.insert(BufWriter::new(File::create(&path)?))
            }
        };
        for line in lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        self.written += size;
        Ok(())
    }

    /// Flushes the last chunk; returns every file written.
    pub fn finish(mut self) -> io::Result<Vec<PathBuf>> {
        self.finish_chunk()?;
        Ok(self.files)
    }

    fn finish_chunk(&mut self) -> io::Result<()> {
        if let Some(out) = self.current.take() {
            out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        }
        Ok(())
    }
}

/// The name of chunk `n` (from 1).
pub fn chunk_name(stem: &str, n: usize) -> String {
    format!("{stem}-{n:04}.ndjson")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_between_groups_never_inside_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = ChunkWriter::new(dir.path(), "bulk", 20);
        w.write_group(&["aaaa", "bbbb"]).unwrap(); // 10 bytes
        w.write_group(&["cccc", "dddd"]).unwrap(); // 20
        w.write_group(&["eeee", "ffff"]).unwrap(); // would be 30: new chunk
        w.write_group(&["a long line over the limit"]).unwrap();
        let files = w.finish().unwrap();
        let names: Vec<_> = files.iter().map(|f| f.file_name().unwrap()).collect();
        assert_eq!(
            names,
            ["bulk-0001.ndjson", "bulk-0002.ndjson", "bulk-0003.ndjson"]
        );
        let read = |i: usize| std::fs::read_to_string(&files[i]).unwrap();
        assert_eq!(read(0), "aaaa\nbbbb\ncccc\ndddd\n");
        assert_eq!(read(1), "eeee\nffff\n");
        assert_eq!(read(2), "a long line over the limit\n");
    }

    #[test]
    fn nothing_written_makes_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let w = ChunkWriter::new(dir.path(), "docs", 20);
        assert!(w.finish().unwrap().is_empty());
    }
}
