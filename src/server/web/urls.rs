//! Links between the pages: ids and keys percent-encoded segment by segment (they contain
//! `/`, `#` and Vietnamese letters), query strings built from pairs.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986 unreserved characters is encoded, inside a segment or a value.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The page of a document: `/documents/tin/2022/bai%231`.
pub fn document(id: &str) -> String {
    format!("/documents/{}", path_segments(id))
}

/// The page of a cited directive: `/citations/nghi-dinh/30/2020/N%C4%90-CP`.
pub fn directive(key: &str) -> String {
    format!("/citations/{}", path_segments(key))
}

/// `id` with each `/`-separated segment encoded and the slashes kept, so the URL reads like
/// the id. A `.` or `..` segment would be resolved away by the browser: then the slashes are
/// encoded too (the server decodes `%2F` back to `/`).
fn path_segments(id: &str) -> String {
    if id.split('/').any(|s| s == "." || s == "..") {
        return utf8_percent_encode(id, COMPONENT).to_string();
    }
    id.split('/')
        .map(|s| utf8_percent_encode(s, COMPONENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// A query string from pairs, empty values left out: `?q=huong%20dan&page=2`, or `` for none.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (name, value) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        out.extend(utf8_percent_encode(value, COMPONENT));
    }
    out
}

/// Whether `url` may be shown as a link: only http and https, never `javascript:` or `data:`.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_encode_each_segment_and_keep_slashes() {
        let rows = [
            ("nghi-quyet/21-NQ/TW", "/citations/nghi-quyet/21-NQ/TW"),
            (
                "nghi-dinh/30/2020/NĐ-CP",
                "/citations/nghi-dinh/30/2020/N%C4%90-CP",
            ),
            ("a b/c?d#e", "/citations/a%20b/c%3Fd%23e"),
            ("x/../y", "/citations/x%2F..%2Fy"),
            ("\"><script>", "/citations/%22%3E%3Cscript%3E"),
        ];
        for (key, want) in rows {
            assert_eq!(directive(key), want, "{key}");
        }
        assert_eq!(document("xss/bai#1"), "/documents/xss/bai%231");
    }

    #[test]
    fn query_strings_skip_empty_values() {
        assert_eq!(query(&[]), "");
        assert_eq!(query(&[("q", ""), ("page", "2")]), "?page=2");
        assert_eq!(
            query(&[("q", "hướng dẫn & co"), ("cites", "nghi-quyet/21-NQ/TW")]),
            "?q=h%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn%20%26%20co&cites=nghi-quyet%2F21-NQ%2FTW"
        );
    }

    #[test]
    fn only_web_urls_become_links() {
        for (url, ok) in [
            ("https://example.vn/a", true),
            ("HTTP://example.vn", true),
            ("javascript:alert(1)", false),
            (" javascript:alert(1)", false),
            ("data:text/html,x", false),
            ("//evil.example", false),
            ("ftp://x", false),
        ] {
            assert_eq!(is_web_url(url), ok, "{url}");
        }
    }
}
