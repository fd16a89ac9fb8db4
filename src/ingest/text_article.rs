//! Plain text articles (temporary).
use super::page::Page;

/// Extracts a text article.
pub fn extract_text(text: &str) -> Page {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string);
    Page {
        title,
        date: None,
        author: None,
        body: text.to_string(),
    }
}
