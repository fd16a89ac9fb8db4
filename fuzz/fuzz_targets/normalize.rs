//! `normalize` never panics, is idempotent, and folding ignores it word by word.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tracuu::text::{fold, normalize};

fuzz_target!(|text: &str| {
    let once = normalize(text);
    assert_eq!(normalize(&once), once, "not idempotent");
    for word in text.split_whitespace() {
        if word.chars().all(tracuu::text::chars::is_word_char) {
            assert_eq!(
                fold(&normalize(word)),
                fold(word),
                "fold differs on {word:?}"
            );
        }
    }
});
