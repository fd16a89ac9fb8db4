//! The query string of the search routes, read the same way for the API and the pages: the
//! raw string is checked first (percent-encoding, UTF-8, control characters), because form
//! decoding is lenient and would search `%ZZ` literally and `%C3` as U+FFFD; then it is
//! decoded, and `values` checks each parameter.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::cite::DOC_TYPES;

mod raw;
pub mod values;

/// Longest bad value quoted back in a message.
const QUOTED_CHARS: usize = 40;

/// What is wrong with a query string; each names the parameter at fault.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParamError {
    /// A `%` not followed by two hex digits.
    #[error("{name}: {found:?} is not percent-encoding: a % must be followed by two hex digits (write a % itself as %25)")]
    Encoding {
        /// The parameter.
        name: String,
        /// The bad sequence.
        found: String,
    },
    /// The bytes decoded are not UTF-8.
    #[error("{name} is not UTF-8 once percent-decoded")]
    NotUtf8 {
        /// The parameter.
        name: String,
    },
    /// A control character other than a tab or a line break.
    #[error("{name} contains the control character U+{:04X}", u32::from(*found))]
    Control {
        /// The parameter.
        name: String,
        /// The character.
        found: char,
    },
    /// The decoded string does not fit the parameters (a parameter given twice).
    #[error("{0}")]
    Form(String),
    /// Not a whole number.
    #[error("{name} must be a non-negative whole number, not {value:?}")]
    NotNumber {
        /// The parameter.
        name: &'static str,
        /// What it was.
        value: String,
    },
    /// Not a day.
    #[error("{name} must be a date YYYY-MM-DD, not {value:?}")]
    NotDate {
        /// The parameter.
        name: &'static str,
        /// What it was.
        value: String,
    },
    /// `from` after `to`: no day is in the range.
    #[error("from ({from}) is after to ({to}): no day is in that range")]
    EmptyRange {
        /// The first day.
        from: time::Date,
        /// The last day.
        to: time::Date,
    },
    /// Not one of [`DOC_TYPES`].
    #[error("type must be a document type ({slugs}), not {0:?}", slugs = type_slugs())]
    UnknownType(String),
    /// Not a switch.
    #[error("{name} must be 1 or 0 (or true or false), not {value:?}")]
    NotBoolean {
        /// The parameter.
        name: &'static str,
        /// What it was.
        value: String,
    },
}

impl ParamError {
    /// The message in Vietnamese, for the pages.
    pub fn vietnamese(&self) -> String {
        match self {
            ParamError::Encoding { name, found } => format!(
                "{} có “{}” không phải mã hóa URL hợp lệ (sau % phải là hai chữ số hex).",
                label(name),
                quoted(found)
            ),
            ParamError::NotUtf8 { name } => {
                format!("{} không phải văn bản UTF-8 hợp lệ.", label(name))
            }
            ParamError::Control { name, found } => format!(
                "{} chứa ký tự điều khiển U+{:04X}.",
                label(name),
                u32::from(*found)
            ),
            ParamError::Form(_) => {
                "Địa chỉ tìm kiếm không hợp lệ (tham số lặp lại hoặc sai mã hóa).".into()
            }
            ParamError::NotNumber { name, value } => format!(
                "{} phải là số nguyên dương, không phải “{}”.",
                label(name),
                quoted(value)
            ),
            ParamError::NotDate { name, value } => format!(
                "{} phải là ngày dạng NNNN-TT-NN, ví dụ 2022-06-16, không phải “{}”.",
                label(name),
                quoted(value)
            ),
            ParamError::EmptyRange { from, to } => format!(
                "Từ ngày (from) {from} sau đến ngày (to) {to}: không có ngày nào trong khoảng này."
            ),
            ParamError::UnknownType(value) => format!(
                "Loại văn bản (type) “{}” không có. Các loại: {}.",
                quoted(value),
                type_slugs()
            ),
            ParamError::NotBoolean { name, value } => format!(
                "{} phải là 1 hoặc 0, không phải “{}”.",
                label(name),
                quoted(value)
            ),
        }
    }
}

/// Parameters as the pages name them.
const LABELS: &[(&str, &str)] = &[
    ("q", "Câu tìm kiếm (q)"),
    ("cites", "Văn bản được trích dẫn (cites)"),
    ("type", "Loại văn bản (type)"),
    ("from", "Từ ngày (from)"),
    ("to", "Đến ngày (to)"),
    ("page", "Số trang (page)"),
    ("limit", "Số kết quả mỗi trang (limit)"),
    ("offset", "Vị trí bắt đầu (offset)"),
    ("verbatim", "Tìm chính xác (verbatim)"),
];

fn label(name: &str) -> String {
    LABELS.iter().find(|(n, _)| *n == name).map_or_else(
        || format!("Tham số {}", quoted(name)),
        |(_, l)| l.to_string(),
    )
}

fn type_slugs() -> String {
    DOC_TYPES
        .iter()
        .map(|t| t.slug)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A bad value quoted back, cut so that a huge one does not fill the answer.
pub fn quoted(value: &str) -> String {
    match value.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

/// A query string checked raw, then decoded into `T`. Refused, it answers the API's JSON
/// 400; a page takes `Result<CheckedQuery<T>, ParamError>` to answer its own.
#[derive(Debug)]
pub struct CheckedQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for CheckedQuery<T> {
    type Rejection = ParamError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ParamError> {
        raw::check(parts.uri.query().unwrap_or_default())?;
        let Query(value) =
            Query::try_from_uri(&parts.uri).map_err(|e| ParamError::Form(e.body_text()))?;
        Ok(CheckedQuery(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_parameter() {
        let rows = [
            (
                ParamError::Encoding {
                    name: "q".into(),
                    found: "%ZZ".into(),
                },
                "q: \"%ZZ\"",
                "Câu tìm kiếm (q)",
            ),
            (
                ParamError::UnknownType("foo".into()),
                "type must be",
                "Loại văn bản (type)",
            ),
            (
                ParamError::NotBoolean {
                    name: "verbatim",
                    value: "2".into(),
                },
                "verbatim must be 1 or 0",
                "Tìm chính xác (verbatim)",
            ),
        ];
        for (error, english, vietnamese) in rows {
            assert!(error.to_string().contains(english), "{error}");
            assert!(error.vietnamese().contains(vietnamese), "{error:?}");
        }
    }
}
