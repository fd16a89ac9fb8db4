//! The growth corpora: the corpus 1, 2 or 4 times, each copy with new ids and its words
//! reordered, so that the copies are neither exact nor near duplicates (tracuu would index
//! them once) while the vocabulary and the lengths stay those of the real articles.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use crate::corpus;

/// Most copies: four word orders are known to share no 5-word shingle.
pub const MAX_COPIES: usize = 4;

/// Writes `copies` copies of the corpus at `data` to the JSON Lines file `out`.
pub fn write(data: &Path, copies: usize, out: &Path) -> Result<u64> {
    let copies = copies.clamp(1, MAX_COPIES);
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    let mut written = 0;
    for line in corpus::lines(data)? {
        let Some(record) = corpus::parse(&line?) else {
            continue;
        };
        for copy in 0..copies {
            let id = if copy == 0 {
                record.id.clone()
            } else {
                format!("{}~{copy}", record.id)
            };
            let row = json!({"id": id, "title": record.title, "body": reorder(&record.body, copy)});
            serde_json::to_writer(&mut w, &row)?;
            w.write_all(b"\n")?;
            written += 1;
        }
    }
    w.flush()?;
    Ok(written)
}

/// Copy 0 as it is; 1 words reversed; 2 adjacent words swapped; 3 swapped and reversed.
fn reorder(body: &str, copy: usize) -> String {
    if copy == 0 {
        return body.to_string();
    }
    let mut words: Vec<&str> = body.split_whitespace().collect();
    if copy >= 2 {
        for pair in words.chunks_mut(2) {
            pair.reverse();
        }
    }
    if copy % 2 == 1 {
        words.reverse();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::reorder;

    #[test]
    fn copies_reorder_words() {
        assert_eq!(reorder("a b c d e", 0), "a b c d e");
        assert_eq!(reorder("a b c d e", 1), "e d c b a");
        assert_eq!(reorder("a b c d e", 2), "b a d c e");
        assert_eq!(reorder("a b c d e", 3), "e c d a b");
    }
}
