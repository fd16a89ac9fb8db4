//! The shell every page shares (head, header with the search box, footer) and the HTML
//! response with its security headers.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};

use super::params::SearchState;

/// No inline script or style anywhere, so injected markup could not run even if it slipped
/// past escaping; the pages are framed only by ourselves.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'self'";

/// Site name shown in the header and titles.
const SITE: &str = "tracuu";

/// A rendered page with its status code.
pub struct HtmlPage {
    /// 200, or the error's status.
    pub status: StatusCode,
    /// The whole document.
    pub markup: Markup,
}

impl HtmlPage {
    /// A 200 page.
    pub fn ok(markup: Markup) -> HtmlPage {
        HtmlPage {
            status: StatusCode::OK,
            markup,
        }
    }
}

impl IntoResponse for HtmlPage {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.markup.into_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        );
        response
    }
}

/// Where the search box goes: big in the middle of the home page, or in the header.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SearchBox {
    /// In the header bar.
    Header,
    /// In the page body (the home page); the header shows only the name.
    Body,
}

/// The full document: `title` (before the site name), the search box, then `main`.
pub fn page(title: &str, state: &SearchState, search_box: SearchBox, main: Markup) -> Markup {
    let full_title = if title.is_empty() {
        format!("{SITE} — tra cứu văn bản Đảng và tin tức")
    } else {
        format!("{title} — {SITE}")
    };
    html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (full_title) }
                meta name="description" content="Tra cứu văn bản Đảng, nghị quyết, chỉ thị, hướng dẫn và tin tức; tìm có dấu hay không dấu.";
                link rel="stylesheet" href="/static/style.css";
                link rel="icon" href="/static/favicon.svg" type="image/svg+xml";
                link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" title=(SITE);
                script src="/static/app.js" defer {}
            }
            body {
                a.skip-link href="#main" { "Bỏ qua, đến nội dung chính" }
                header.site-header {
                    div.wrap.header-row {
                        a.brand href="/" aria-label="tracuu — trang chủ" {
                            span.brand-mark aria-hidden="true" { "tc" }
                            span.brand-name { "tra" b { "cứu" } }
                        }
                        @if search_box == SearchBox::Header {
                            (search_form(state, false))
                        }
                    }
                }
                main #main tabindex="-1" {
                    div.wrap { (main) }
                }
                footer.site-footer {
                    div.wrap {
                        p {
                            "tracuu — tra cứu văn bản Đảng và tin tức. Tìm có dấu hoặc không dấu: "
                            i { "huong dan 38" }
                            " tìm được “Hướng dẫn 38”."
                        }
                    }
                }
            }
        }
    }
}

/// The search form: works as a plain GET form; `app.js` adds live results and suggestions.
/// Active filters ride along as hidden fields so a new query keeps them.
pub fn search_form(state: &SearchState, large: bool) -> Markup {
    html! {
        form.search-form.large[large] #search-form role="search" action="/" method="get" {
            label.visually-hidden for="q" { "Tìm kiếm văn bản" }
            div.combo {
                input #q name="q" type="search" value=(state.q) autocomplete="off" spellcheck="false"
                    placeholder="Tìm văn bản, nghị quyết, chỉ thị… (có dấu hoặc không dấu)";
                ul #suggestions.suggestions role="listbox" aria-label="Gợi ý tìm kiếm" hidden {}
            }
            @for (name, value) in state.filter_pairs() {
                input type="hidden" name=(name) value=(value);
            }
            button.search-button type="submit" { "Tìm kiếm" }
        }
    }
}

/// `2022-11-15` → `15/11/2022`, as Vietnamese readers write dates; anything else as is.
pub fn vi_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) if y.len() == 4 => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// A date as a `<time>` element, or nothing.
pub fn date(iso: Option<&str>) -> Markup {
    html! {
        @if let Some(iso) = iso {
            time datetime=(iso) { (vi_date(iso)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_day_first() {
        assert_eq!(vi_date("2022-11-15"), "15/11/2022");
        assert_eq!(vi_date("2022"), "2022");
    }

    #[test]
    fn pages_carry_the_policy() {
        let markup = page("x", &SearchState::default(), SearchBox::Header, html! {});
        let response = HtmlPage::ok(markup).into_response();
        let csp = response.headers().get(header::CONTENT_SECURITY_POLICY);
        assert_eq!(
            csp.and_then(|v| v.to_str().ok()),
            Some(CONTENT_SECURITY_POLICY)
        );
    }
}
