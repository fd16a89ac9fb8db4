//! Bytes to text (temporary).

/// Decoded text.
pub struct Decoded {
    /// Text.
    pub text: String,
    /// Encoding used.
    pub encoding: &'static str,
    /// Whether invalid bytes were replaced.
    pub lossy: bool,
}

/// Decodes bytes.
pub fn decode(bytes: &[u8], _is_html: bool) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            lossy: false,
        },
        Err(_) => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: "UTF-8",
            lossy: true,
        },
    }
}

/// Whether bytes look binary.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}
