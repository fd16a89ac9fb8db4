//! HTML article extraction never panics on any bytes: charset sniffing, decoding, extraction.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = tracuu::ingest::load::standalone_text(bytes, true);
});
