//! What a page can fail with, shown as a page in Vietnamese with the right status code.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use super::layout::{page, HtmlPage, SearchBox};
use super::params::SearchState;
use crate::search::{QueryError, SearchError};
use crate::server::query_string::ParamError;

/// A failed page.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// Bad parameters: 400, with a message for the reader.
    #[error("{0}")]
    BadRequest(String),
    /// No such document or directive: 404, with a message for the reader.
    #[error("{0}")]
    NotFound(String),
    /// Our fault: 500, details logged and not shown.
    #[error("internal error")]
    Internal(String),
}

impl From<SearchError> for PageError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Query(QueryError::TooLong(n)) => PageError::BadRequest(format!(
                "Câu tìm kiếm quá dài ({n} byte). Hãy rút gọn câu tìm kiếm."
            )),
            SearchError::Query(QueryError::TooManyClauses(n)) => PageError::BadRequest(format!(
                "Câu tìm kiếm có quá nhiều từ hoặc cụm từ ({n}). Hãy rút gọn câu tìm kiếm."
            )),
            SearchError::Parameter(p) => {
                PageError::BadRequest(format!("Tham số không hợp lệ: {p}."))
            }
            other => PageError::Internal(other.to_string()),
        }
    }
}

impl From<ParamError> for PageError {
    fn from(e: ParamError) -> Self {
        PageError::BadRequest(e.vietnamese())
    }
}

impl From<tokio::task::JoinError> for PageError {
    fn from(e: tokio::task::JoinError) -> Self {
        PageError::Internal(e.to_string())
    }
}

impl PageError {
    fn status(&self) -> StatusCode {
        match self {
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::NotFound(_) => StatusCode::NOT_FOUND,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.status();
        let (heading, message) = match &self {
            PageError::BadRequest(m) => ("Yêu cầu không hợp lệ", m.as_str()),
            PageError::NotFound(m) => ("Không tìm thấy trang", m.as_str()),
            PageError::Internal(detail) => {
                tracing::error!(%detail, "page failed");
                (
                    "Đã có lỗi xảy ra",
                    "Máy chủ gặp sự cố khi xử lý yêu cầu. Xin vui lòng thử lại sau.",
                )
            }
        };
        let main = html! {
            section.error-page aria-labelledby="error-heading" {
                p.error-code { "Lỗi " (status.as_u16()) }
                h1 #error-heading { (heading) }
                p.error-message role="alert" { (message) }
                p { a href="/" { "Về trang tìm kiếm" } }
            }
        };
        let markup = page(heading, &SearchState::default(), SearchBox::Header, main);
        HtmlPage { status, markup }.into_response()
    }
}
