//! A corpus file's content hash, which tells a touched file from a changed one, taken as
//! the file streams so that a large JSON Lines file is never whole in memory.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// The hash of content held whole.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// The hash of a file's content, read a buffer at a time.
pub fn file_hash(path: &Path) -> io::Result<u64> {
    HashingReader::new(File::open(path)?).finish()
}

/// A reader that hashes what passes through it.
pub struct HashingReader<R> {
    inner: R,
    hasher: Xxh3,
}

impl<R: Read> HashingReader<R> {
    /// Starts hashing at the reader's current position.
    pub fn new(inner: R) -> Self {
        HashingReader {
            inner,
            hasher: Xxh3::new(),
        }
    }

    /// Reads what is left and returns the hash of all of it, equal to [`content_hash`]
    /// of the whole.
    pub fn finish(mut self) -> io::Result<u64> {
        io::copy(&mut self, &mut io::sink())?;
        Ok(self.hasher.digest())
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(buf.get(..n).unwrap_or(buf));
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streamed_hash_equals_the_hash_of_the_whole_however_it_is_read() {
        let content: Vec<u8> = (0..100_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let whole = content_hash(&content);
        let mut reader = HashingReader::new(content.as_slice());
        let mut head = [0u8; 1234];
        reader.read_exact(&mut head).expect("read");
        assert_eq!(reader.finish().expect("finish"), whole);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f");
        std::fs::write(&path, &content).expect("write");
        assert_eq!(file_hash(&path).expect("hash"), whole);
        assert_ne!(content_hash(b""), whole);
    }
}
