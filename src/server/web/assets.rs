//! Files built into the binary (no CDN, no build step): the style sheet, the page script,
//! the embeddable search box and the OpenSearch description.

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

use super::error::PageError;

const STYLE_CSS: &str = include_str!("assets/style.css");
const APP_JS: &str = include_str!("assets/app.js");
const EMBED_JS: &str = include_str!("assets/embed.js");
const FAVICON_SVG: &str = include_str!("assets/favicon.svg");
const OPENSEARCH_XML: &str = include_str!("assets/opensearch.xml");

/// Browsers may reuse a file this long before asking again; short, because the names carry
/// no version and a new release should show within minutes.
const CACHE_CONTROL: &str = "public, max-age=300";

/// `GET /static/{file}`.
pub async fn static_file(Path(name): Path<String>) -> Result<Response, PageError> {
    let (body, kind) = match name.as_str() {
        "style.css" => (STYLE_CSS, "text/css; charset=utf-8"),
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "favicon.svg" => (FAVICON_SVG, "image/svg+xml"),
        _ => {
            return Err(PageError::NotFound(
                "Không có tệp này trong phần tĩnh của trang.".into(),
            ))
        }
    };
    Ok(file(body, kind))
}

/// `GET /embed.js`: the search box other sites include (served with CORS by the router).
pub async fn embed_js() -> Response {
    file(EMBED_JS, "text/javascript; charset=utf-8")
}

/// `GET /opensearch.xml`: lets browsers add the site as a search engine; the URL template
/// points at the host the request came to.
pub async fn opensearch(headers: HeaderMap) -> Response {
    let base = format!("{}://{}", scheme(&headers), host(&headers));
    let xml = OPENSEARCH_XML.replace("{base}", &xml_escape(&base));
    file(xml, "application/opensearchdescription+xml; charset=utf-8")
}

fn file(body: impl IntoResponse, kind: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The `Host` header when it looks like a host (name or address, optional port); anything
/// else is a forged header and gets a neutral default rather than into the XML.
fn host(headers: &HeaderMap) -> String {
    const MAX_HOST: usize = 255;
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| !h.is_empty() && h.len() <= MAX_HOST)
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or("localhost")
        .to_string()
}

/// `https` behind a proxy that says so, else `http`.
fn scheme(headers: &HeaderMap) -> &'static str {
    let forwarded = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok());
    if forwarded.is_some_and(|p| p.eq_ignore_ascii_case("https")) {
        "https"
    } else {
        "http"
    }
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_is_checked_before_it_goes_into_xml() {
        for (value, want) in [
            ("127.0.0.1:8080", "127.0.0.1:8080"),
            ("tracuu.example.vn", "tracuu.example.vn"),
            ("[::1]:3000", "[::1]:3000"),
            ("evil\"><x", "localhost"),
            ("a b", "localhost"),
        ] {
            let mut headers = HeaderMap::new();
            if let Ok(v) = HeaderValue::from_str(value) {
                headers.insert(header::HOST, v);
            }
            assert_eq!(host(&headers), want, "{value}");
        }
    }
}
