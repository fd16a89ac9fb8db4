//! The stored body, compressed on its own with a zstd dictionary of Vietnamese text.
//!
//! tantivy compresses stored documents in blocks, so a search hit decompressed its block,
//! three documents on average, and zstd rebuilt its entropy tables for every block. Alone,
//! a body is too short for zstd to learn much from; with a dictionary it starts from the
//! language's common sequences and tables: each hit decompresses its own body only, and the
//! bodies of vnnews take less room than in 8 KB blocks. The dictionary (`body.dict`) is
//! trained by `examples/body_dictionary.rs` on text the benchmarks do not use (the ALQAC law
//! articles and the seed articles) and is part of the stored format.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use zstd::bulk::{Compressor, Decompressor};
use zstd::dict::{DecoderDictionary, EncoderDictionary};

/// The dictionary; a new one is a new stored format (`manifest::PIPELINE_VERSION`).
const DICTIONARY: &[u8] = include_bytes!("body.dict");
/// zstd level: level 5 was what tantivy's store used for the same bodies.
const LEVEL: i32 = 5;
/// First byte of a stored body: the UTF-8 text as it is (too short to gain from zstd).
const PLAIN: u8 = 0;
/// First byte of a stored body: a zstd frame compressed with [`DICTIONARY`].
const ZSTD_DICTIONARY: u8 = 1;
/// Bodies shorter than this are stored plain: a frame's header outweighs what it saves.
const MIN_COMPRESSED_BYTES: usize = 64;
/// The largest body a stored frame may claim, so that damaged bytes cannot ask for more.
const MAX_BODY_BYTES: usize = 1 << 28;

static ENCODER_DICTIONARY: LazyLock<EncoderDictionary<'static>> =
    LazyLock::new(|| EncoderDictionary::copy(DICTIONARY, LEVEL));
static DECODER_DICTIONARY: LazyLock<DecoderDictionary<'static>> =
    LazyLock::new(|| DecoderDictionary::copy(DICTIONARY));

thread_local! {
    /// One decompression context a thread, made once: making one costs more than a body.
    static DECOMPRESSOR: RefCell<Option<Decompressor<'static>>> = const { RefCell::new(None) };
}

/// Why a stored body does not read back.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    /// The bytes are not a stored body of this format.
    #[error("stored body is damaged: {0}")]
    Damaged(String),
}

/// Compresses bodies for storing; one per writer, as it keeps a compression context.
pub struct BodyEncoder {
    compressor: Compressor<'static>,
}

impl BodyEncoder {
    /// An encoder with the dictionary loaded.
    pub fn new() -> std::io::Result<BodyEncoder> {
        Ok(BodyEncoder {
            compressor: Compressor::with_prepared_dictionary(&ENCODER_DICTIONARY)?,
        })
    }

    /// The bytes to store for `body`.
    pub fn encode(&mut self, body: &str) -> Vec<u8> {
        if body.len() >= MIN_COMPRESSED_BYTES {
            if let Ok(frame) = self.compressor.compress(body.as_bytes()) {
                let mut out = Vec::with_capacity(1 + frame.len());
                out.push(ZSTD_DICTIONARY);
                out.extend_from_slice(&frame);
                return out;
            }
        }
        // Plain when short, or should zstd ever fail: the body is never lost.
        let mut out = Vec::with_capacity(1 + body.len());
        out.push(PLAIN);
        out.extend_from_slice(body.as_bytes());
        out
    }
}

/// The body stored as `bytes` by [`BodyEncoder::encode`].
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, BodyError> {
    let damaged = |why: &str| BodyError::Damaged(why.to_string());
    let (&format, rest) = bytes.split_first().ok_or_else(|| damaged("empty"))?;
    match format {
        PLAIN => simdutf8::basic::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(|_| damaged("not UTF-8")),
        ZSTD_DICTIONARY => {
            let bytes = decompress(rest).map_err(|e| damaged(&e.to_string()))?;
            // Checked by simdutf8 and copied: `String::from_utf8` checks with the standard
            // library, which is slow on Vietnamese (a tenth of a search with it).
            simdutf8::basic::from_utf8(&bytes)
                .map(|text| Cow::Owned(text.to_owned()))
                .map_err(|_| damaged("not UTF-8"))
        }
        other => Err(damaged(&format!("unknown format {other}"))),
    }
}

fn decompress(frame: &[u8]) -> std::io::Result<Vec<u8>> {
    // Every frame stored says how long its body is; one that does not is not ours.
    let Ok(Some(size)) = zstd::zstd_safe::get_frame_content_size(frame) else {
        return Err(std::io::Error::other("no body size in the frame"));
    };
    DECOMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let decompressor = match &mut *slot {
            Some(d) => d,
            empty => empty.insert(Decompressor::with_prepared_dictionary(&DECODER_DICTIONARY)?),
        };
        let body = decompressor.decompress(frame, MAX_BODY_BYTES)?;
        if body.len() as u64 != size {
            return Err(std::io::Error::other("the frame is shorter than it says"));
        }
        Ok(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_read_back_as_they_were_written() {
        let mut encoder = BodyEncoder::new().expect("encoder");
        let long =
            "Thực hiện Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương Đảng. ".repeat(50);
        for body in [
            "",
            "Ngắn.",
            "x".repeat(MIN_COMPRESSED_BYTES).as_str(),
            &long,
        ] {
            let stored = encoder.encode(body);
            assert_eq!(decode(&stored).expect("decodes"), body);
        }
        assert_eq!(encoder.encode("Ngắn.")[0], PLAIN);
        let stored = encoder.encode(&long);
        assert_eq!(stored[0], ZSTD_DICTIONARY);
        assert!(stored.len() < long.len() / 10, "{} bytes", stored.len());
    }

    #[test]
    fn the_dictionary_makes_a_news_paragraph_smaller() {
        let paragraph = "Chiều 16/6, Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến \
            quán triệt Hướng dẫn số 38 về công tác kiểm tra, giám sát và kỷ luật của Đảng, \
            với sự tham dự của đại diện các tỉnh ủy, thành ủy trực thuộc Trung ương.";
        let plain = zstd::bulk::compress(paragraph.as_bytes(), LEVEL).expect("zstd");
        let stored = BodyEncoder::new().expect("encoder").encode(paragraph);
        assert!(
            stored.len() < plain.len(),
            "{} vs {}",
            stored.len(),
            plain.len()
        );
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let mut encoder = BodyEncoder::new().expect("encoder");
        let stored = encoder.encode(&"Đảng ủy quán triệt nghị quyết. ".repeat(20));
        assert!(decode(&[]).is_err());
        assert!(decode(&[7, b'a']).is_err());
        assert!(decode(&[PLAIN, 0xC4]).is_err());
        for end in 1..stored.len() {
            assert!(decode(&stored[..end]).is_err(), "cut at {end}");
        }
        let mut flipped = stored.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        // A flipped byte either fails zstd's checks or yields other text, never a panic.
        let _ = decode(&flipped);
    }
}
