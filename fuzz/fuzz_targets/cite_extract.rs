//! `cite::extract` never panics and its spans are the citations' text, on raw and normalised input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tracuu::text::normalize;

fuzz_target!(|text: &str| {
    for input in [text.to_string(), normalize(text)] {
        for c in tracuu::cite::extract(&input) {
            assert_eq!(input.get(c.start..c.end), Some(c.text.as_str()), "{c:?}");
        }
    }
});
