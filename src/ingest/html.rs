//! HTML pages (temporary).
use super::page::Page;

/// Extracts the article of an HTML page.
pub fn extract_html(html: &str) -> Page {
    let doc = scraper::Html::parse_document(html);
    let body = doc.root_element().text().collect::<Vec<_>>().join(" ");
    Page {
        title: None,
        date: None,
        author: None,
        body,
    }
}
