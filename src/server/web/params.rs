//! The search page's query string: read as text, checked with Vietnamese messages, and
//! written back into links (next page, add or drop a filter).

use serde::Deserialize;

use super::error::PageError;
use super::urls;
use crate::document::iso_date;
use crate::search::query::MAX_QUERY_BYTES;
use crate::search::{Filters, SearchRequest, DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET};
use crate::server::query_string::values;

/// The query string as sent; everything text so that bad values get our message.
#[derive(Debug, Default, Deserialize)]
pub struct RawParams {
    q: Option<String>,
    cites: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<String>,
    limit: Option<String>,
    verbatim: Option<String>,
}

/// A checked search: what the page shows and what its links keep.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchState {
    /// What was typed.
    pub q: String,
    /// Only documents citing this key.
    pub cites: String,
    /// Only documents citing a directive of this type.
    pub kind: String,
    /// Published on or after, `YYYY-MM-DD`.
    pub from: String,
    /// Published on or before, `YYYY-MM-DD`.
    pub to: String,
    /// 1-based page.
    pub page: usize,
    /// Results per page, when not the default.
    pub limit: Option<usize>,
    /// Search exactly what was typed, never its Telex or VNI reading.
    pub verbatim: bool,
}

impl SearchState {
    /// Checks the parameters.
    pub fn parse(raw: RawParams) -> Result<SearchState, PageError> {
        let q = raw.q.unwrap_or_default();
        if q.len() > MAX_QUERY_BYTES {
            return Err(PageError::BadRequest(format!(
                "Câu tìm kiếm quá dài ({} byte, tối đa {MAX_QUERY_BYTES}). Hãy rút gọn câu tìm kiếm.",
                q.len()
            )));
        }
        let limit = match values::number("limit", raw.limit)? {
            Some(n) if !(1..=MAX_LIMIT).contains(&n) => {
                return Err(PageError::BadRequest(format!(
                    "Số kết quả mỗi trang (limit) phải từ 1 đến {MAX_LIMIT}."
                )))
            }
            other => other,
        };
        let page = values::number("page", raw.page)?.unwrap_or(1);
        let per_page = limit.unwrap_or(DEFAULT_LIMIT);
        let last_page = MAX_OFFSET / per_page + 1;
        if page == 0 || page > last_page {
            return Err(PageError::BadRequest(format!(
                "Số trang (page) phải từ 1 đến {last_page}. Hãy thu hẹp tìm kiếm thay vì xem quá sâu."
            )));
        }
        let (from, to) =
            values::range(values::date("from", raw.from)?, values::date("to", raw.to)?)?;
        Ok(SearchState {
            q,
            cites: values::non_empty(raw.cites).unwrap_or_default(),
            kind: values::doc_type(raw.kind)?.unwrap_or_default(),
            from: from.map(iso_date::format).unwrap_or_default(),
            to: to.map(iso_date::format).unwrap_or_default(),
            page,
            limit,
            verbatim: values::flag("verbatim", raw.verbatim)?,
        })
    }

    /// Whether there is anything to search for.
    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && self.filter_pairs().is_empty()
    }

    /// The engine's request for this page.
    pub fn request(&self) -> SearchRequest {
        let per_page = self.per_page();
        SearchRequest {
            q: self.q.clone(),
            limit: Some(per_page),
            offset: Some((self.page - 1) * per_page),
            filters: Filters {
                cites: Some(self.cites.clone()).filter(|s| !s.is_empty()),
                cited_type: Some(self.kind.clone()).filter(|s| !s.is_empty()),
                from: values::parse_date(&self.from),
                to: values::parse_date(&self.to),
                ..Filters::default()
            },
            verbatim: self.verbatim,
        }
    }

    /// Results per page.
    pub fn per_page(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT)
    }

    /// The filters that are set, as query-string pairs.
    pub fn filter_pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("cites", self.cites.as_str()),
            ("type", self.kind.as_str()),
            ("from", self.from.as_str()),
            ("to", self.to.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }

    /// The link to this search.
    pub fn href(&self) -> String {
        let page = (self.page > 1).then(|| self.page.to_string());
        let limit = self.limit.map(|n| n.to_string());
        let mut pairs = vec![("q", self.q.as_str())];
        pairs.extend(self.filter_pairs());
        pairs.push(("limit", limit.as_deref().unwrap_or("")));
        pairs.push(("page", page.as_deref().unwrap_or("")));
        pairs.push(("verbatim", if self.verbatim { "1" } else { "" }));
        format!("/{}", urls::query(&pairs))
    }

    /// The same search on another page.
    pub fn at_page(&self, page: usize) -> SearchState {
        SearchState {
            page,
            ..self.clone()
        }
    }

    /// The same search with a filter changed (back to page 1): `name` is a query-string name.
    pub fn with(&self, name: &str, value: &str) -> SearchState {
        let mut next = SearchState {
            page: 1,
            ..self.clone()
        };
        match name {
            "cites" => next.cites = value.to_string(),
            "type" => next.kind = value.to_string(),
            "from" => next.from = value.to_string(),
            "to" => next.to = value.to_string(),
            _ => {}
        }
        next
    }

    /// The same search of exactly what was typed (back to page 1).
    pub fn as_typed(&self) -> SearchState {
        SearchState {
            page: 1,
            verbatim: true,
            ..self.clone()
        }
    }

    /// The same search restricted to one publication year.
    pub fn in_year(&self, year: i32) -> SearchState {
        self.with("from", &format!("{year:04}-01-01"))
            .with("to", &format!("{year:04}-12-31"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawParams {
        let mut r = RawParams::default();
        for (name, value) in pairs {
            let v = Some(value.to_string());
            match *name {
                "q" => r.q = v,
                "cites" => r.cites = v,
                "type" => r.kind = v,
                "from" => r.from = v,
                "to" => r.to = v,
                "page" => r.page = v,
                "limit" => r.limit = v,
                "verbatim" => r.verbatim = v,
                _ => {}
            }
        }
        r
    }

    #[test]
    fn bad_values_are_refused_in_vietnamese() {
        let long = "a".repeat(5000);
        let rows: [&[(&str, &str)]; 7] = [
            &[("limit", "abc")],
            &[("limit", "0")],
            &[("limit", "1000")],
            &[("page", "0")],
            &[("page", "-3")],
            &[("from", "2022-13-45")],
            &[("q", &long)],
        ];
        for pairs in rows {
            match SearchState::parse(raw(pairs)) {
                Err(PageError::BadRequest(message)) => {
                    assert!(
                        message.contains("phải") || message.contains("quá dài"),
                        "{message}"
                    );
                    assert!(message.chars().count() < 200, "{message}");
                }
                other => panic!("{pairs:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn links_keep_the_search_and_reset_the_page() {
        let state = SearchState::parse(raw(&[
            ("q", "hướng dẫn"),
            ("cites", "nghi-quyet/21-NQ/TW"),
            ("page", "3"),
        ]))
        .unwrap_or_default();
        assert_eq!(
            state.href(),
            "/?q=h%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn&cites=nghi-quyet%2F21-NQ%2FTW&page=3"
        );
        assert!(!state.at_page(1).href().contains("page"));
        let year = state.in_year(2022);
        assert_eq!(
            (year.from.as_str(), year.to.as_str(), year.page),
            ("2022-01-01", "2022-12-31", 1)
        );
        assert_eq!(
            state.with("cites", "").href(),
            "/?q=h%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn"
        );
        let request = state.request();
        assert_eq!((request.limit, request.offset), (Some(10), Some(20)));
        assert!(!request.verbatim);
        let typed = state.as_typed();
        assert!(typed.request().verbatim);
        assert_eq!(
            typed.href(),
            "/?q=h%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn&cites=nghi-quyet%2F21-NQ%2FTW&verbatim=1"
        );
    }
}
