//! Vietnamese text analysis: normalisation, tone placement, folding and tokenisation.
//!
//! Everything here is pure: `&str` in, values out. The index and the query side call the
//! same functions, so a document and a query typed in any of the usual ways meet.

pub mod bigram_filter;
mod block_table;
pub mod chars;
#[cfg(test)]
mod corpus_identity;
pub mod exact_filter;
pub mod fold;
pub mod fold_filter;
pub mod normalize;
#[cfg(test)]
mod normalize_reference;
pub mod sentence;
pub mod syllable;
pub mod telex;
pub mod tokenizer;
pub mod tone;
mod tone_scan;
mod utf8;
mod vowels;

pub use fold::{fold, fold_char};
pub use normalize::normalize;
