//! Bytes to text: BOMs, `<meta charset>` of HTML pages, lossy repair of broken UTF-8, and a
//! check that rejects binary files whatever their name says.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

/// How far into an HTML page a `<meta charset>` counts (the HTML standard's pre-scan looks at 1024
/// bytes; old Vietnamese CMSs put long `<title>`s and scripts first, so a little more).
const META_SCAN_BYTES: usize = 2048;

/// How much of a file `looks_binary` inspects: enough for any header, cheap for any file.
const BINARY_SCAN_BYTES: usize = 8192;

/// Share of control bytes above which a file is binary: text has tabs and line breaks, not this.
const MAX_CONTROL_SHARE: f64 = 0.10;

/// Magic numbers of binary formats that turn up in scraped corpora under a `.txt` or `.html` name.
const BINARY_MAGIC: &[&[u8]] = &[
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF87a",
    b"GIF89a",
    b"\x1F\x8B",
    b"Rar!",
    b"7z\xBC\xAF",
    b"\xD0\xCF\x11\xE0",
];

/// `charset=` inside a `<meta>` tag, in either the HTML5 or the `http-equiv` form.
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("constant regex")
});

/// Decoded text and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding used, as `encoding_rs` names it ("UTF-8", "windows-1258", "UTF-16LE").
    pub encoding: &'static str,
    /// True when malformed sequences were replaced with U+FFFD.
    pub lossy: bool,
}

/// Decodes a file: BOM first, then valid UTF-8, then an HTML page's declared charset, then lossy UTF-8.
pub fn decode(bytes: &[u8], is_html: bool) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return decode_with(encoding, rest);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            lossy: false,
        };
    }
    let declared = if is_html { meta_charset(bytes) } else { None };
    decode_with(declared.unwrap_or(UTF_8), bytes)
}

/// True for content that is not text: a known binary signature, NUL bytes, or many control bytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if BINARY_MAGIC.iter().any(|magic| bytes.starts_with(magic)) {
        return true;
    }
    // UTF-16 text is full of NULs; its BOM says it is text.
    if matches!(Encoding::for_bom(bytes), Some((enc, _)) if enc != UTF_8) {
        return false;
    }
    let head = bytes.get(..BINARY_SCAN_BYTES).unwrap_or(bytes);
    if head.is_empty() {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    controls as f64 / head.len() as f64 > MAX_CONTROL_SHARE
}

/// Control bytes that text files do not contain (tab, line breaks, form feed and ESC are allowed).
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F
}

/// The encoding a page declares in a `<meta>` tag near its start, if `encoding_rs` knows it.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..META_SCAN_BYTES).unwrap_or(bytes);
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    // The HTML standard: a page that reached the meta pre-scan cannot be UTF-16.
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(encoding)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        lossy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let rows: &[(&[u8], &str)] = &[
            ("Đảng bộ".as_bytes(), "Đảng bộ"),
            (b"\xEF\xBB\xBFx\xC3\xA2y", "xây"),
            (b"", ""),
        ];
        for (bytes, want) in rows {
            let d = decode(bytes, false);
            assert_eq!(d.text, *want);
            assert_eq!(d.encoding, "UTF-8");
            assert!(!d.lossy);
        }
    }

    #[test]
    fn utf16_boms() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Đảng".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Đảng".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le, false).text, "Đảng");
        assert_eq!(decode(&le, false).encoding, "UTF-16LE");
        assert_eq!(decode(&be, true).text, "Đảng");
        assert!(!looks_binary(&le));
    }

    #[test]
    fn meta_charset_windows_1258() {
        // "Đảng" in windows-1258: Đ=D0, a, combining hook above=D2, n, g.
        let rows: &[&[u8]] = &[
            b"<html><head><meta charset=\"windows-1258\"></head><body>\xD0a\xD2ng</body>",
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">\xD0a\xD2ng",
            b"<META CHARSET=windows-1258>\xD0a\xD2ng",
        ];
        for bytes in rows {
            let d = decode(bytes, true);
            assert_eq!(d.encoding, "windows-1258");
            assert!(d.text.contains("\u{110}a\u{309}ng"), "{}", d.text);
            assert!(!d.lossy);
        }
    }

    #[test]
    fn meta_charset_ignored_for_text_and_valid_utf8() {
        let latin = b"<meta charset=\"windows-1258\">\xD0a\xD2ng";
        let d = decode(latin, false);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.lossy);
        let utf8 = "<meta charset=\"windows-1258\">Đảng".as_bytes();
        assert_eq!(
            decode(utf8, true).text,
            "<meta charset=\"windows-1258\">Đảng"
        );
    }

    #[test]
    fn broken_utf8_is_repaired() {
        let d = decode(b"Nguy\xE1\xBBn \xFF v\xC4", false);
        assert!(d.lossy);
        assert_eq!(d.text, "Nguy\u{FFFD}n \u{FFFD} v\u{FFFD}");
    }

    #[test]
    fn unknown_or_utf16_meta_label_falls_back_to_utf8() {
        assert_eq!(
            decode(b"<meta charset=x-bogus>\xFF", true).encoding,
            "UTF-8"
        );
        assert_eq!(decode(b"<meta charset=utf-16>\xFF", true).encoding, "UTF-8");
    }

    #[test]
    fn binary_detection() {
        let rows: &[(&[u8], bool)] = &[
            (b"%PDF-1.7\n...", true),
            (b"PK\x03\x04\x14\x00", true),
            (b"abc\x00def", true),
            (b"\x01\x02\x03\x04\x05abcdef", true),
            ("Đảng bộ\tKhối\r\n".as_bytes(), false),
            (b"", false),
        ];
        for (bytes, want) in rows {
            assert_eq!(looks_binary(bytes), *want, "{bytes:?}");
        }
    }
}
