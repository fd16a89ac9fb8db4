//! The query parser never panics and respects its clause limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tracuu::search::query::{parse, MAX_CLAUSES};

fuzz_target!(|text: &str| {
    if let Ok(query) = parse(text) {
        assert!(query.clauses.len() <= MAX_CLAUSES);
    }
});
