//! An article extracted from a page or a text file, before normalisation.

/// The extracted article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<time::Date>,
    /// Author.
    pub author: Option<String>,
    /// Body text.
    pub body: String,
}
