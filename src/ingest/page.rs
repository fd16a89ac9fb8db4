//! The extracted article: what every extractor (plain text, HTML, aggregator split) returns.

use time::Date;

/// An article's metadata and body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The headline, if one was found.
    pub title: Option<String>,
    /// The publication date of the article itself (not of documents it cites).
    pub date: Option<Date>,
    /// The byline's author, as printed ("Lam Giang", "HÀN GIANG").
    pub author: Option<String>,
    /// Plain text, paragraphs separated by blank lines, boilerplate removed.
    pub body: String,
}
