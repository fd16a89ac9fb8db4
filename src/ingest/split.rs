//! Aggregator pages (temporary).
use super::page::Page;

/// Splits aggregator pages.
pub fn split_aggregator(_text: &str) -> Option<Vec<Page>> {
    None
}
