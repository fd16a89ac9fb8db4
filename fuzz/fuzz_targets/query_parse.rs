//! The query parser never panics and respects its clause limit; reading a query as Telex or
//! VNI never panics and gives a query that parses whenever the original did.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tracuu::search::query::{parse, MAX_CLAUSES};
use tracuu::text::telex::convert_query;

fuzz_target!(|text: &str| {
    let parsed = parse(text);
    if let Ok(query) = &parsed {
        assert!(query.clauses.len() <= MAX_CLAUSES);
    }
    if let Some(read) = convert_query(text) {
        if parsed.is_ok() {
            let query = parse(&read).expect("a converted query parses like its original");
            assert!(query.clauses.len() <= MAX_CLAUSES);
        }
    }
});
