//! An HTML page's own statements about its article: Open Graph and `<meta>` tags, microdata,
//! JSON-LD, `<time>`, `<h1>`, `<title>` and byline elements.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use time::Date;

use super::boilerplate::normalize_line;
use super::byline;
use super::dates;
use super::html_text::{is_furniture, Mode};

/// Separators between a headline and the site's name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " :: ", " » ", " - ", " – ", " — "];

/// Separators that never occur inside a Vietnamese headline: what follows is always the site.
const SITE_ONLY_SEPARATORS: &[&str] = &[" | ", " :: ", " » "];

/// Words of a site or organisation name ("Báo Nhân Dân", "Tạp chí Cộng sản").
const SITE_WORDS: &[&str] = &[
    "báo",
    "tạp chí",
    "cổng thông tin",
    "trang thông tin",
    "trang tin",
    "đài ",
    "website",
    "online",
    "điện tử",
    "thông tấn",
    "ttxvn",
    "vnexpress",
    "đảng cộng sản",
    "tòa soạn",
    "toà soạn",
    "ban tuyên giáo",
    "tỉnh ủy",
    "thành ủy",
    "cơ quan",
];

/// `<meta>` tags whose `content` is the publication date, best first.
const META_DATE_SOURCES: &[&str] = &[
    r#"meta[property="article:published_time"]"#,
    r#"meta[itemprop="datePublished"]"#,
    r#"meta[name="pubdate"]"#,
    r#"meta[name="publishdate"]"#,
    r#"meta[name="date"]"#,
    r#"meta[name="dc.date.issued"]"#,
    r#"meta[name="DC.date.issued"]"#,
];

/// Elements in the page whose `datetime`, `content` or text is a date. Teasers in related lists
/// carry them too, so they come after `<meta>` and JSON-LD and only outside page furniture.
const INLINE_DATE_SOURCES: &[&str] = &[r#"[itemprop="datePublished"]"#, "time[datetime]"];

/// Elements that name the author, best first. No descendant combinators: matching one walks
/// every ancestor, and pages nest 100,000 deep.
const AUTHOR_SOURCES: &[&str] = &[
    r#"meta[name="author"]"#,
    r#"[itemprop="author"]"#,
    r#"a[rel="author"]"#,
    ".author-name",
    ".author",
    ".byline",
    ".tacgia",
    ".tac-gia",
    // "author_mail", "article-author__name": names are checked strictly, so a loose match is safe.
    r#"[class*="author"]"#,
];

/// Elements whose `content` is the headline, best first; `<h1>` and `<title>` come after.
const TITLE_SOURCES: &[&str] = &[
    r#"meta[property="og:title"]"#,
    r#"meta[name="twitter:title"]"#,
];

/// Where pages without `<h1>` print the headline. Attribute selectors only, no combinators.
const HEADLINE_FALLBACK_SOURCES: &str =
    "h2, h3, [class*=title], [class*=tieude], [class*=headline], [id*=title]";

fn selectors(sources: &[&str]) -> Vec<Selector> {
    sources
        .iter()
        .map(|s| Selector::parse(s).expect("constant selector"))
        .collect()
}

static META_DATE_SELECTORS: LazyLock<Vec<Selector>> =
    LazyLock::new(|| selectors(META_DATE_SOURCES));
static INLINE_DATE_SELECTORS: LazyLock<Vec<Selector>> =
    LazyLock::new(|| selectors(INLINE_DATE_SOURCES));
static AUTHOR_SELECTORS: LazyLock<Vec<Selector>> = LazyLock::new(|| selectors(AUTHOR_SOURCES));
static TITLE_SELECTORS: LazyLock<Vec<Selector>> = LazyLock::new(|| selectors(TITLE_SOURCES));
static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("constant selector"));
static HEADLINE_FALLBACK: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(HEADLINE_FALLBACK_SOURCES).expect("constant selector"));
static TITLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("title").expect("constant selector"));
static ITEMPROP_NAME: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(r#"[itemprop="name"]"#).expect("constant selector"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse(r#"script[type="application/ld+json"]"#).expect("constant selector")
});

/// The headline: `og:title`, then the article's `<h1>`, then `<title>`, without the site's name.
pub(crate) fn title(doc: &Html) -> Option<String> {
    let from_meta = TITLE_SELECTORS
        .iter()
        .flat_map(|sel| doc.select(sel))
        .filter_map(|el| el.attr("content"))
        .map(|s| strip_site_suffix(s.trim()).to_string())
        .find(|s| !s.is_empty());
    from_meta
        .or_else(|| headline_element(doc, None).map(|h1| squeeze(&text_of(h1))))
        .or_else(|| {
            let title = squeeze(&text_of(doc.select(&TITLE).next()?));
            Some(strip_site_suffix(&title).to_string()).filter(|s| !s.is_empty())
        })
}

/// The element printing the headline: the first `<h1>` outside the page header and logo, else
/// (old CMSs without `<h1>`) a title-like element whose text is `title`.
pub(crate) fn headline_element<'a>(doc: &'a Html, title: Option<&str>) -> Option<ElementRef<'a>> {
    let h1 = doc.select(&H1).find(|h1| {
        let logo = h1.attr("class").is_some_and(|c| c.contains("logo"));
        !logo && !in_page_chrome(*h1) && !squeeze(&text_of(*h1)).is_empty()
    });
    h1.or_else(|| {
        let key = normalize_line(title?);
        doc.select(&HEADLINE_FALLBACK)
            .find(|el| el.value().name() != "title" && normalize_line(&text_of(*el)) == key)
    })
}

/// True inside the page's `<header>` or `<nav>`; an article's own `<header>` is not chrome.
fn in_page_chrome(el: ElementRef<'_>) -> bool {
    // Nearest ancestor first: chrome is a header or nav with no article above it.
    let mut chrome = false;
    for name in el
        .ancestors()
        .filter_map(ElementRef::wrap)
        .map(|a| a.value().name())
    {
        match name {
            "header" | "nav" => chrome = true,
            "article" => chrome = false,
            _ => {}
        }
    }
    chrome
}

/// The publication date the page declares in `<meta>`, JSON-LD, microdata or `<time>`.
pub(crate) fn date(doc: &Html) -> Option<Date> {
    let from_meta = META_DATE_SELECTORS
        .iter()
        .flat_map(|sel| doc.select(sel))
        .find_map(|el| dates::parse_date(el.attr("content")?));
    let from_json =
        || json_ld_field(doc, "datePublished").and_then(|v| dates::parse_date(v.as_str()?));
    let from_inline = || {
        INLINE_DATE_SELECTORS
            .iter()
            .flat_map(|sel| doc.select(sel))
            .filter(|el| !in_furniture(*el))
            .find_map(
                |el| match el.attr("datetime").or_else(|| el.attr("content")) {
                    Some(value) => dates::parse_date(value),
                    None => dates::parse_date(&text_of(el)),
                },
            )
    };
    from_meta.or_else(from_json).or_else(from_inline)
}

/// True inside navigation, sidebars, related lists, the page header and the like.
fn in_furniture(el: ElementRef<'_>) -> bool {
    in_page_chrome(el)
        || el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_furniture(a, Mode::WithMeta))
}

/// The author the page names in markup or JSON-LD; site and organisation names are not authors.
pub(crate) fn author(doc: &Html) -> Option<String> {
    let from_json = json_ld_field(doc, "author").and_then(|v| author_from_json(&v));
    let from_markup = || {
        AUTHOR_SELECTORS
            .iter()
            .flat_map(|sel| doc.select(sel))
            .find_map(|el| {
                // Microdata nests the name: <span itemprop=author><span itemprop=name>…
                let el = el.select(&ITEMPROP_NAME).next().unwrap_or(el);
                let text = el
                    .attr("content")
                    .map_or_else(|| text_of(el), str::to_string);
                name_from_text(&squeeze(&text))
            })
    };
    from_json.or_else(from_markup)
}

/// A person's name from a credit, byline or bare name; `None` for organisations.
pub(crate) fn name_from_text(text: &str) -> Option<String> {
    byline::parse_credit(text)
        .or_else(|| byline::parse_byline(text))
        .or_else(|| byline::clean_name(text))
        .filter(|name| !is_organisation(name))
}

/// `<title>` without the site's name: "Tiêu đề - Báo Đắk Nông" → "Tiêu đề".
pub(crate) fn strip_site_suffix(title: &str) -> &str {
    let Some((at, sep)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|&(at, _)| at)
    else {
        return title;
    };
    let (head, tail) = (
        title.get(..at).unwrap_or_default(),
        title.get(at + sep.len()..).unwrap_or_default(),
    );
    let site_like = SITE_ONLY_SEPARATORS.contains(&sep)
        || is_organisation(tail)
        || tail.contains('.')
        || !tail.trim().contains(' ');
    if site_like && !head.trim().is_empty() {
        head.trim()
    } else {
        title
    }
}

/// True for the name of a site or organisation rather than a person.
pub(crate) fn is_organisation(name: &str) -> bool {
    let lower = format!("{} ", name.to_lowercase());
    SITE_WORDS.iter().any(|w| lower.contains(w)) || name.contains(".vn") || name.contains(".com")
}

/// The first value of `key` in any JSON-LD object of the page.
fn json_ld_field(doc: &Html, key: &str) -> Option<Value> {
    doc.select(&JSON_LD).find_map(|script| {
        let json: Value = serde_json::from_str(&text_of(script)).ok()?;
        // Iterative: JSON-LD from the web nests arbitrarily (`@graph`, arrays of arrays).
        let mut stack = vec![&json];
        while let Some(value) = stack.pop() {
            match value {
                Value::Object(map) => {
                    if let Some(found) = map.get(key) {
                        return Some(found.clone());
                    }
                    stack.extend(map.values());
                }
                Value::Array(items) => stack.extend(items.iter().rev()),
                _ => {}
            }
        }
        None
    })
}

fn author_from_json(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => name_from_text(s),
        Value::Array(items) => items.iter().find_map(author_from_json),
        Value::Object(map) => {
            let kind = map.get("@type").and_then(Value::as_str).unwrap_or_default();
            if kind == "Organization" || kind == "NewsMediaOrganization" {
                return None;
            }
            name_from_text(map.get("name")?.as_str()?)
        }
        _ => None,
    }
}

fn text_of(el: ElementRef<'_>) -> String {
    el.text().collect()
}

/// Single spaces, trimmed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn site_suffixes() {
        let rows: &[(&str, &str)] = &[
            (
                "Xây dựng tổ chức đảng - Báo Quảng Nam",
                "Xây dựng tổ chức đảng",
            ),
            ("Tiêu đề | Tạp chí Xây dựng Đảng", "Tiêu đề"),
            ("Tiêu đề - VnExpress", "Tiêu đề"),
            ("Tiêu đề – baodaknong.vn", "Tiêu đề"),
            (
                "Các tổ chức chính trị - xã hội",
                "Các tổ chức chính trị - xã hội",
            ),
            ("Một - Hai ba", "Một - Hai ba"),
            ("| Báo X", "| Báo X"),
            ("Không có hậu tố", "Không có hậu tố"),
        ];
        for (input, want) in rows {
            assert_eq!(strip_site_suffix(input), *want, "{input}");
        }
    }

    #[test]
    fn json_ld_date_and_person_author() {
        let html = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@graph":[{"@type":"WebSite","name":"Báo X"},{"@type":"NewsArticle",
            "datePublished":"2020-02-26T11:16:00+07:00",
            "author":[{"@type":"Person","name":"Thu Hà"}]}]}</script>"#;
        let doc = Html::parse_document(html);
        assert_eq!(date(&doc), Some(date!(2020 - 02 - 26)));
        assert_eq!(author(&doc).as_deref(), Some("Thu Hà"));
    }

    #[test]
    fn organisations_are_not_authors() {
        let html = r#"<meta name="author" content="Báo Nhân Dân">
            <script type="application/ld+json">{"author":{"@type":"Organization","name":"ND"}}</script>
            <p class="author">Tác giả: Lam Giang</p>"#;
        let doc = Html::parse_document(html);
        assert_eq!(author(&doc).as_deref(), Some("Lam Giang"));
    }

    #[test]
    fn loose_author_classes() {
        let doc = Html::parse_document(
            "<div class='author-box'>Giới thiệu tác giả: phóng viên ban Xây dựng Đảng, 10 năm</div>\
             <p class='author_mail'><strong>Hoàng Thùy</strong></p>",
        );
        assert_eq!(author(&doc).as_deref(), Some("Hoàng Thùy"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let doc = Html::parse_document(
            r#"<script type="application/ld+json">{"datePublished": </script>"#,
        );
        assert_eq!(date(&doc), None);
        assert_eq!(author(&doc), None);
    }

    #[test]
    fn headline_skips_the_logo() {
        let html = "<header><h1 class='logo'>Báo X</h1></header><div><h1> Tiêu  đề </h1></div>\
                    <title>Khác - Báo X</title>";
        let doc = Html::parse_document(html);
        assert_eq!(title(&doc).as_deref(), Some("Tiêu đề"));
        let doc = Html::parse_document("<title>Chỉ có title - Báo X</title>");
        assert_eq!(title(&doc).as_deref(), Some("Chỉ có title"));
    }
}
