//! The stored body, compressed on its own with a zstd dictionary of Vietnamese text.
//!
//! tantivy compresses stored documents in blocks, so a search hit decompressed its block,
//! three documents on average, and zstd rebuilt its entropy tables for every block. Alone,
//! a body is too short for zstd to learn much from; with a dictionary it starts from the
//! language's common sequences and tables: each hit decompresses its own body only, and at
//! one level the bodies of vnnews take less room than in 8 KB blocks (46.3 against 48.3 MB
//! at level 5; `LEVEL` is 3, for ingest's sake). The dictionary (`body.dict`) is
//! trained by `examples/body_dictionary.rs` on text the benchmarks do not use (the ALQAC law
//! articles and the seed articles) and is part of the stored format.
//!
//! A snippet seldom needs a whole body: most hits show a passage from its first kilobyte,
//! where nothing later could do better. So a longer body's frame ends its first zstd block
//! after its first [`HEAD_BYTES`], and says where: that head decompresses on its own,
//! and the rest of the frame still refers back to it (the split costs 2 % of the stored
//! bodies, where two frames cost 8 %).

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use zstd::bulk::{Compressor, Decompressor};
use zstd::dict::{DecoderDictionary, EncoderDictionary};
use zstd::stream::raw::{Decoder, Encoder, InBuffer, Operation, OutBuffer};

/// The dictionary; a new one is a new stored format (`manifest::PIPELINE_VERSION`).
const DICTIONARY: &[u8] = include_bytes!("body.dict");
/// zstd level. Level 5 (tantivy's store's) took 2.3 times as long over the vnnews bodies
/// for 6 % less; a hit decompresses as fast from either, and 4 saves nothing over 3.
const LEVEL: i32 = 3;
/// First byte of a stored body: the UTF-8 text as it is (too short to gain from zstd).
const PLAIN: u8 = 0;
/// First byte of a stored body: a zstd frame compressed with [`DICTIONARY`].
const ZSTD_DICTIONARY: u8 = 1;
/// First byte of a stored body: the length of its head and of the frame's bytes that hold
/// it (two bytes each, little-endian), then a zstd frame compressed with [`DICTIONARY`]
/// whose first block ends with the head.
const ZSTD_HEAD_FIRST: u8 = 2;
/// At most how many bytes a body's head holds (fewer when a char would be cut). Over the
/// benchmark's 200 queries, 87 % of the hits' snippets come out the same from their first
/// kilobyte (the others read the whole body).
pub const HEAD_BYTES: usize = 1024;
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
    /// One streaming context a thread, for heads.
    static HEAD_DECODER: RefCell<Option<Decoder<'static>>> = const { RefCell::new(None) };
}

/// Why a stored body does not read back.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    /// The bytes are not a stored body of this format.
    #[error("stored body is damaged: {0}")]
    Damaged(String),
}

/// Compresses bodies for storing; one per writer, as it keeps compression contexts.
pub struct BodyEncoder {
    compressor: Compressor<'static>,
    streaming: Encoder<'static>,
}

impl BodyEncoder {
    /// An encoder with the dictionary loaded.
    pub fn new() -> std::io::Result<BodyEncoder> {
        Ok(BodyEncoder {
            compressor: Compressor::with_prepared_dictionary(&ENCODER_DICTIONARY)?,
            streaming: Encoder::with_prepared_dictionary(&ENCODER_DICTIONARY)?,
        })
    }

    /// The bytes to store for `body`.
    pub fn encode(&mut self, body: &str) -> Vec<u8> {
        if body.len() > HEAD_BYTES {
            if let Ok(stored) = self.encode_head_first(body) {
                return stored;
            }
        }
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

impl BodyEncoder {
    /// `body` as [`ZSTD_HEAD_FIRST`]: one frame, its first block flushed after the head.
    fn encode_head_first(&mut self, body: &str) -> std::io::Result<Vec<u8>> {
        let head = body.floor_char_boundary(HEAD_BYTES);
        let (head_text, tail) = body.as_bytes().split_at(head);
        let encoder = &mut self.streaming;
        encoder.reinit()?;
        // The frame says how long the body is, as `decompress` requires.
        encoder.set_pledged_src_size(Some(body.len() as u64))?;
        // Room for the worst case of one frame, which a second block's header fits in too.
        let mut frame = Vec::with_capacity(zstd::zstd_safe::compress_bound(body.len()));
        let mut out = OutBuffer::around(&mut frame);
        run_all(encoder, head_text, &mut out)?;
        drain(&mut out, |out| encoder.flush(out))?;
        let head_frame = out.pos();
        run_all(encoder, tail, &mut out)?;
        drain(&mut out, |out| encoder.finish(out, true))?;
        let (Ok(head), Ok(head_frame)) = (u16::try_from(head), u16::try_from(head_frame)) else {
            return Err(std::io::Error::other("the head does not fit its header"));
        };
        let mut stored = Vec::with_capacity(5 + frame.len());
        stored.push(ZSTD_HEAD_FIRST);
        stored.extend_from_slice(&head.to_le_bytes());
        stored.extend_from_slice(&head_frame.to_le_bytes());
        stored.extend_from_slice(&frame);
        Ok(stored)
    }
}

/// Runs `operation` (compressing or decompressing) over all of `input` into `out`; an
/// error rather than a loop should it stop moving (a full `out`, a damaged frame).
fn run_all(
    operation: &mut impl Operation,
    input: &[u8],
    out: &mut OutBuffer<'_, Vec<u8>>,
) -> std::io::Result<()> {
    let mut input = InBuffer::around(input);
    while input.pos() < input.src.len() {
        let before = (input.pos(), out.pos());
        operation.run(&mut input, out)?;
        if (input.pos(), out.pos()) == before {
            return Err(std::io::Error::other("the frame stopped short"));
        }
    }
    Ok(())
}

/// Calls `step` (a flush or the frame's end) until it has nothing left to write.
fn drain(
    out: &mut OutBuffer<'_, Vec<u8>>,
    mut step: impl FnMut(&mut OutBuffer<'_, Vec<u8>>) -> std::io::Result<usize>,
) -> std::io::Result<()> {
    loop {
        let before = out.pos();
        if step(out)? == 0 {
            return Ok(());
        }
        if out.pos() == before {
            return Err(std::io::Error::other("no room for the frame"));
        }
    }
}

/// A stored body read head first: [`BodyReader::open`] decompresses its head (or the whole
/// body when it was stored without one), [`BodyReader::read_rest`] goes on from there.
pub struct BodyReader<'a> {
    /// The body read so far.
    text: Cow<'a, str>,
    /// What is left to read, if anything.
    rest: Option<Rest<'a>>,
}

/// The part of a frame not read yet, and the decoder standing where the head ended.
struct Rest<'a> {
    /// Taken from the thread's slot, given back on drop.
    decoder: Option<Decoder<'static>>,
    frame: &'a [u8],
    /// The body's bytes so far (the head), with room for the whole body.
    bytes: Vec<u8>,
    size: usize,
}

impl Drop for Rest<'_> {
    fn drop(&mut self) {
        let decoder = self.decoder.take();
        HEAD_DECODER.with(|cell| {
            if let Ok(mut slot) = cell.try_borrow_mut() {
                if slot.is_none() {
                    *slot = decoder;
                }
            }
        });
    }
}

impl<'a> BodyReader<'a> {
    /// The body stored as `stored`, its head read.
    pub fn open(stored: &'a [u8]) -> Result<BodyReader<'a>, BodyError> {
        let Some((&ZSTD_HEAD_FIRST, rest)) = stored.split_first() else {
            return Ok(BodyReader {
                text: decode(stored)?,
                rest: None,
            });
        };
        let (head, head_frame, frame) = head_first_parts(rest)?;
        let size = frame_content_size(frame).map_err(|e| damaged(&e.to_string()))?;
        if head > size {
            return Err(damaged("the head is longer than the body"));
        }
        let decoder =
            HEAD_DECODER.with(|cell| cell.try_borrow_mut().ok().and_then(|mut d| d.take()));
        let mut rest = Rest {
            decoder,
            frame: &frame[head_frame..],
            bytes: Vec::with_capacity(size),
            size,
        };
        let decoder = match &mut rest.decoder {
            Some(decoder) => decoder,
            empty => empty.insert(new_decoder()?),
        };
        decoder.reinit().map_err(|e| damaged(&e.to_string()))?;
        decompress_onto(decoder, &frame[..head_frame], &mut rest.bytes)?;
        if rest.bytes.len() != head {
            return Err(damaged("the head is shorter than it says"));
        }
        Ok(BodyReader {
            text: Cow::Owned(utf8(&rest.bytes)?.to_owned()),
            rest: Some(rest),
        })
    }

    /// The body read so far: its head until [`BodyReader::read_rest`], then all of it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether [`BodyReader::text`] is the whole body.
    pub fn is_whole(&self) -> bool {
        self.rest.is_none()
    }

    /// Reads the rest of the body, from where the head ended.
    pub fn read_rest(&mut self) -> Result<(), BodyError> {
        let Some(mut rest) = self.rest.take() else {
            return Ok(());
        };
        let decoder = match &mut rest.decoder {
            Some(decoder) => decoder,
            None => return Err(damaged("no decoder")),
        };
        decompress_onto(decoder, rest.frame, &mut rest.bytes)?;
        if rest.bytes.len() != rest.size {
            return Err(damaged("the frame is shorter than it says"));
        }
        self.text = Cow::Owned(utf8(&rest.bytes)?.to_owned());
        Ok(())
    }
}

/// A streaming decoder with the dictionary loaded.
fn new_decoder() -> Result<Decoder<'static>, BodyError> {
    Decoder::with_prepared_dictionary(&DECODER_DICTIONARY).map_err(|e| damaged(&e.to_string()))
}

/// Decompresses all of `input` with `decoder` onto the end of `out` (whose capacity bounds
/// it).
fn decompress_onto(
    decoder: &mut Decoder<'static>,
    input: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), BodyError> {
    let start = out.len();
    run_all(decoder, input, &mut OutBuffer::around_pos(out, start))
        .map_err(|e| damaged(&e.to_string()))
}

/// The size a frame says its body has, which must be said and not too large.
fn frame_content_size(frame: &[u8]) -> std::io::Result<usize> {
    match zstd::zstd_safe::get_frame_content_size(frame) {
        Ok(Some(size)) if size <= MAX_BODY_BYTES as u64 => Ok(size as usize),
        Ok(Some(_)) => Err(std::io::Error::other("the body is too large")),
        _ => Err(std::io::Error::other("no body size in the frame")),
    }
}

/// The lengths of the head and of the frame's bytes that hold it, and the frame, of a
/// [`ZSTD_HEAD_FIRST`] body after its format byte.
fn head_first_parts(rest: &[u8]) -> Result<(usize, usize, &[u8]), BodyError> {
    let [h0, h1, f0, f1, ref frame @ ..] = *rest else {
        return Err(damaged("no head lengths"));
    };
    let head = usize::from(u16::from_le_bytes([h0, h1]));
    let head_frame = usize::from(u16::from_le_bytes([f0, f1]));
    if head_frame > frame.len() {
        return Err(damaged("the head is longer than the frame"));
    }
    Ok((head, head_frame, frame))
}

/// The body stored as `bytes` by [`BodyEncoder::encode`].
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, BodyError> {
    let (&format, rest) = bytes.split_first().ok_or_else(|| damaged("empty"))?;
    let frame = match format {
        PLAIN => return utf8(rest).map(Cow::Borrowed),
        ZSTD_DICTIONARY => rest,
        ZSTD_HEAD_FIRST => head_first_parts(rest)?.2,
        other => return Err(damaged(&format!("unknown format {other}"))),
    };
    let bytes = decompress(frame).map_err(|e| damaged(&e.to_string()))?;
    Ok(Cow::Owned(utf8(&bytes)?.to_owned()))
}

/// `bytes` as text, checked by simdutf8: `String::from_utf8` checks with the standard
/// library, which is slow on Vietnamese (a tenth of a search with it).
fn utf8(bytes: &[u8]) -> Result<&str, BodyError> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| damaged("not UTF-8"))
}

fn damaged(why: &str) -> BodyError {
    BodyError::Damaged(why.to_string())
}

fn decompress(frame: &[u8]) -> std::io::Result<Vec<u8>> {
    // Every frame stored says how long its body is; one that does not is not ours.
    let size = frame_content_size(frame)? as u64;
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
        let sentence = "Thực hiện Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương Đảng. ";
        let long = sentence.repeat(50);
        let cut = long.floor_char_boundary(HEAD_BYTES);
        let just_over = "x".repeat(HEAD_BYTES + 1);
        // A char of three bytes standing across the head's end.
        let across = format!("{}ệ{}", "a".repeat(HEAD_BYTES - 1), sentence.repeat(3));
        // The body, how it is stored, and the head it gives.
        let table: [(&str, u8, &str); 7] = [
            ("", PLAIN, ""),
            ("Ngắn.", PLAIN, "Ngắn."),
            (&"x".repeat(MIN_COMPRESSED_BYTES), ZSTD_DICTIONARY, ""),
            (&long[..cut], ZSTD_DICTIONARY, ""),
            (&just_over, ZSTD_HEAD_FIRST, &just_over[..HEAD_BYTES]),
            (&long, ZSTD_HEAD_FIRST, &long[..cut]),
            (&across, ZSTD_HEAD_FIRST, &across[..HEAD_BYTES - 1]),
        ];
        for (body, format, head) in table {
            let stored = encoder.encode(body);
            assert_eq!(stored[0], format, "{body}");
            assert_eq!(decode(&stored).expect("decodes"), body);
            let mut reader = BodyReader::open(&stored).expect("the head decodes");
            let whole = format != ZSTD_HEAD_FIRST;
            let head = if whole { body } else { head };
            assert_eq!((reader.text(), reader.is_whole()), (head, whole), "{body}");
            reader.read_rest().expect("the rest decodes");
            assert_eq!((reader.text(), reader.is_whole()), (body, true), "{body}");
        }
        // Readers one inside another each get a decoder.
        let (long_stored, over_stored) = (encoder.encode(&long), encoder.encode(&just_over));
        let mut outer = BodyReader::open(&long_stored).expect("outer");
        let mut inner = BodyReader::open(&over_stored).expect("inner");
        inner.read_rest().expect("inner rest");
        outer.read_rest().expect("outer rest");
        assert_eq!((outer.text(), inner.text()), (&*long, &*just_over));
        let stored = encoder.encode(&long);
        assert!(stored.len() < long.len() / 10, "{} bytes", stored.len());
    }

    #[test]
    fn a_head_first_body_takes_a_few_bytes_more_than_one_frame() {
        let text = "Chiều 16/6, Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến quán triệt \
            Hướng dẫn số 38 về công tác kiểm tra, giám sát và kỷ luật của Đảng. Các đại biểu \
            đã thảo luận về việc thực hiện Nghị quyết Trung ương 4 (khóa XII). ";
        let body: String = (0..20).map(|n| format!("{n}. {text}")).collect();
        let mut encoder = BodyEncoder::new().expect("encoder");
        let head_first = encoder.encode(&body);
        let one_frame = encoder.compressor.compress(body.as_bytes()).expect("zstd");
        assert_eq!(head_first[0], ZSTD_HEAD_FIRST);
        // The format byte, the two lengths, and the second block's header and tables.
        assert!(
            head_first.len() < one_frame.len() + 32,
            "{} vs {}",
            head_first.len(),
            one_frame.len()
        );
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
        let read = |stored: &[u8]| -> Result<String, BodyError> {
            let mut reader = BodyReader::open(stored)?;
            reader.read_rest()?;
            Ok(reader.text().to_string())
        };
        assert!(decode(&[]).is_err() && read(&[]).is_err());
        assert!(decode(&[7, b'a']).is_err() && read(&[7, b'a']).is_err());
        assert!(decode(&[PLAIN, 0xC4]).is_err());
        // A head longer than the frame holds, or said to end past the frame.
        assert!(read(&[ZSTD_HEAD_FIRST, 0xFF, 0xFF, 1, 0, 0x28]).is_err());
        assert!(read(&[ZSTD_HEAD_FIRST, 1, 0, 9, 0, 0x28]).is_err());
        // A short body in one frame, a long one head first.
        for times in [20, 100] {
            let stored = encoder.encode(&"Đảng ủy quán triệt nghị quyết. ".repeat(times));
            for end in 1..stored.len() {
                assert!(decode(&stored[..end]).is_err(), "cut at {end}");
                assert!(read(&stored[..end]).is_err(), "cut at {end}");
            }
            for at in 0..stored.len() {
                // A flipped byte either fails zstd's checks or yields other text, never a
                // panic.
                let mut flipped = stored.clone();
                flipped[at] ^= 0x55;
                let _ = (decode(&flipped), read(&flipped));
            }
        }
    }
}
