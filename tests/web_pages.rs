//! The server-rendered pages over HTTP, without JavaScript, on a corpus whose documents carry
//! citations (see `common::web`).

mod common;

use common::web::{self, xss_path, FILLERS, GUIDANCE_ID, HD38, ND30, NQ19, NQ21};
use reqwest::header::HeaderMap;
use scraper::{ElementRef, Html, Selector};

struct Page {
    status: u16,
    headers: HeaderMap,
    body: String,
    html: Html,
}

impl Page {
    fn all(&self, css: &str) -> Vec<ElementRef<'_>> {
        let selector = Selector::parse(css).expect("selector");
        self.html.select(&selector).collect()
    }

    fn hrefs(&self, css: &str) -> Vec<String> {
        self.all(css)
            .iter()
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect()
    }

    fn text(&self, css: &str) -> String {
        self.all(css)
            .iter()
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

async fn get(url: &str) -> Page {
    let response = reqwest::get(url).await.expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.text().await.expect("body");
    let html = Html::parse_document(&body);
    Page {
        status,
        headers,
        body,
        html,
    }
}

#[tokio::test]
async fn unaccented_query_shows_accented_highlights_and_links() {
    let (_dir, base) = web::start().await;
    let page = get(&format!("{base}/?q=huong+dan")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<b>Hướng</b> <b>dẫn</b>"),
        "{}",
        page.body
    );
    assert!(page.text(".summary").contains(&(FILLERS + 3).to_string()));
    let titles = page.hrefs(".hit-title a");
    assert_eq!(titles.len(), 10, "first page of {}", FILLERS + 3);
    assert!(
        titles.contains(&format!("/documents/{GUIDANCE_ID}")),
        "{titles:?}"
    );
    assert!(page.all("html[lang=vi]").len() == 1);
    assert_eq!(
        page.hrefs("link[rel=search]"),
        ["/opensearch.xml"],
        "every page offers OpenSearch"
    );
    assert_eq!(
        page.all("label[for=q]").len(),
        1,
        "the search box is labelled"
    );
}

#[tokio::test]
async fn facets_filter_and_pages_follow() {
    let (_dir, base) = web::start().await;
    let page = get(&format!("{base}/?q=huong+dan")).await;
    let facets = page.text(".facet h2");
    for heading in [
        "Văn bản được trích dẫn",
        "Loại văn bản được trích dẫn",
        "Năm",
    ] {
        assert!(facets.contains(heading), "{facets}");
    }
    // "Which guidance applies": directives the matches cite, linking to their pages.
    let guidance = page.hrefs(".guidance a");
    assert!(
        guidance.contains(&format!("/citations/{NQ21}")),
        "{guidance:?}"
    );

    let by_directive = page.hrefs(".facet-link");
    let cites = by_directive
        .iter()
        .find(|h| h.contains("cites=nghi-quyet%2F21-NQ%2FTW"))
        .expect("a link filtering on the resolution");
    let filtered = get(&format!("{base}{cites}")).await;
    assert_eq!(filtered.all(".hit").len(), 3, "{}", filtered.body);
    assert!(filtered.text(".active-filters").contains("Trích dẫn"));

    let by_type = by_directive
        .iter()
        .find(|h| h.contains("type=huong-dan"))
        .expect("a link filtering on the type");
    assert_eq!(get(&format!("{base}{by_type}")).await.all(".hit").len(), 2);

    let by_year = by_directive
        .iter()
        .find(|h| h.contains("from=2022-01-01") && h.contains("to=2022-12-31"))
        .expect("a link filtering on the year");
    let year = get(&format!("{base}{by_year}")).await;
    assert!(year.text(".active-filters").contains("Năm 2022"));
    assert!(year.all(".hit time").iter().all(|t| t
        .value()
        .attr("datetime")
        .is_some_and(|d| d.starts_with("2022"))));

    assert_eq!(page.text(".pager-status"), "Trang 1 / 2");
    let next = page.hrefs("a[rel=next]");
    assert_eq!(next.len(), 1);
    assert!(page.text(".pager").contains("Trang sau"));
    let second = get(&format!("{base}{}", next[0])).await;
    assert_eq!(second.all(".hit").len(), FILLERS + 3 - 10);
    assert!(second.text(".pager").contains("Trang trước"));
    assert!(second.hrefs("a[rel=next]").is_empty());
}

#[tokio::test]
async fn home_lists_the_most_cited_directives() {
    let (_dir, base) = web::start().await;
    let page = get(&format!("{base}/")).await;
    assert_eq!(page.status, 200);
    assert!(page
        .text("h2")
        .contains("Văn bản được trích dẫn nhiều nhất"));
    let links = page.hrefs(".most-cited a");
    assert!(links.contains(&format!("/citations/{NQ21}")), "{links:?}");
    assert_eq!(page.all("form[role=search] input[name=q]").len(), 1);
}

#[tokio::test]
async fn document_page_links_every_citation() {
    let (_dir, base) = web::start().await;
    let page = get(&format!("{base}/documents/{GUIDANCE_ID}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.text("h1").contains("Hướng dẫn 38"));
    assert_eq!(page.all(".doc-text p").len(), 3, "paragraphs");
    let cites = page.hrefs("a.cite");
    assert_eq!(
        cites,
        [
            format!("/citations/{HD38}"),
            format!("/citations/{NQ21}"),
            "/citations/nghi-dinh/30/2020/N%C4%90-CP".to_string(),
        ]
    );
    assert!(page.text("a.cite").contains("Nghị quyết số 21-NQ/TW"));
    assert_eq!(
        page.hrefs(".doc-meta a"),
        ["https://example.vn/bai-viet/1"],
        "an http(s) url is a link"
    );
    // The non-ASCII key round-trips through its encoded link.
    let decree = get(&format!("{base}{}", cites[2])).await;
    assert_eq!(decree.status, 200, "{}", decree.body);
    assert!(decree.text(".doc-meta").contains(ND30));
}

#[tokio::test]
async fn directive_page_lists_citing_documents() {
    let (_dir, base) = web::start().await;
    let page = get(&format!("{base}/citations/{NQ21}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.text("h2").contains("Được trích dẫn trong 3 văn bản"));
    let citing = page.hrefs(".citing .hit-title a");
    assert_eq!(citing.len(), 3, "{citing:?}");
    assert!(citing.contains(&format!("/documents/{GUIDANCE_ID}")));
    assert!(citing.contains(&xss_path()));
    assert!(
        page.body.contains("<b>Nghị quyết số 21-NQ/TW</b>"),
        "citing sentence with the mention: {}",
        page.body
    );
    let facts = page.text(".facts");
    for fact in ["Nghị quyết", "21-NQ/TW", "XIII", "16/06/2022"] {
        assert!(facts.contains(fact), "{fact} in {facts}");
    }
    let alongside = page.hrefs(".doc-aside a");
    for key in [HD38, NQ19] {
        assert!(
            alongside.contains(&format!("/citations/{key}")),
            "{alongside:?}"
        );
    }
    let search = page.hrefs(".actions a");
    assert_eq!(search, ["/?cites=nghi-quyet%2F21-NQ%2FTW"]);
    let citing_search = get(&format!("{base}{}", search[0])).await;
    assert_eq!(
        citing_search.all(".hit").len(),
        3,
        "a filter alone searches"
    );
}

/// Three articles citing the Land Law: by its 2013 title, its 2024 one, and its title alone.
fn land_law_articles() -> Vec<tracuu::document::Document> {
    [
        (
            "y2013",
            2014,
            "Theo Luật Đất đai 2013, người sử dụng đất được chuyển nhượng.",
            "Luật Đất đai 2013",
            "luat/đất-đai-2013",
        ),
        (
            "y2024",
            2024,
            "Luật Đất đai 2024 có hiệu lực từ ngày 1/8/2024.",
            "Luật Đất đai 2024",
            "luat/đất-đai-2024",
        ),
        (
            "undated",
            2017,
            "Tỉnh rà soát việc thu hồi đất theo Luật Đất đai.",
            "Luật Đất đai",
            "luat/đất-đai",
        ),
    ]
    .into_iter()
    .map(|(id, year, body, mention, key)| {
        let mut doc = web::document(id, &format!("Tin {id}"), web::date(year, 3, 1), body);
        doc.citations = vec![web::cite(body, mention, "luat", None, key)];
        doc
    })
    .collect()
}

#[tokio::test]
async fn a_name_several_documents_share_has_a_page_of_them_all() {
    let (_dir, engine) = web::engine_of(&[land_law_articles()]);
    let base = web::serve(engine).await;
    let page = get(&format!("{base}/citations/luat/%C4%91%E1%BA%A5t-%C4%91ai")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.text("h1").contains("Luật Đất đai"));
    assert!(
        page.text("h2").contains("Gồm 2 văn bản"),
        "{}",
        page.text("h2")
    );
    let versions = page.text(".versions li");
    for label in ["Luật Đất đai 2013", "Luật Đất đai 2024"] {
        assert!(versions.contains(label), "{label} in {versions}");
    }
    let links = page.hrefs(".versions a");
    assert!(
        links.contains(&"/citations/luat/%C4%91%E1%BA%A5t-%C4%91ai-2013".to_string()),
        "{links:?}"
    );
    // Every article citing any of them, newest first; none of them "cited alongside".
    assert!(page.text("h2").contains("Được trích dẫn trong 3 văn bản"));
    assert_eq!(
        page.hrefs(".citing .hit-title a"),
        ["/documents/y2024", "/documents/undated", "/documents/y2013"]
    );
    assert!(
        page.all(".doc-aside").is_empty(),
        "{}",
        page.text(".doc-aside")
    );
    // Each says which of them it cites, linking to its page.
    assert_eq!(
        page.hrefs(".citing .cited-as"),
        [
            "/citations/luat/%C4%91%E1%BA%A5t-%C4%91ai-2024",
            "/citations/luat/%C4%91%E1%BA%A5t-%C4%91ai-2013"
        ]
    );
    // A year's page is its own, with no list of others.
    let year = get(&format!("{base}{}", links[0])).await;
    assert_eq!(year.status, 200, "{}", year.body);
    assert!(year.all(".versions").is_empty());
    assert!(year.text("h2").contains("Được trích dẫn trong 1 văn bản"));
}

/// No script can run from the document's data: the only script is ours, no element has an
/// event handler attribute, no link is `javascript:`.
fn assert_inert(page: &Page) {
    let scripts = page.hrefs("script");
    assert!(scripts.is_empty(), "scripts have src, not href");
    for script in page.all("script") {
        assert_eq!(script.value().attr("src"), Some("/static/app.js"));
    }
    for element in page.all("*") {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "{name}={value}");
            assert!(
                !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                "{name}={value}"
            );
        }
    }
    assert!(!page.body.contains("<script>window"), "{}", page.body);
    assert!(!page.body.contains("<img src=x"), "{}", page.body);
}

#[tokio::test]
async fn script_in_documents_is_shown_as_text() {
    let (_dir, base) = web::start().await;
    let results = get(&format!("{base}/?q=script+ma+doc")).await;
    assert_eq!(results.status, 200);
    assert_eq!(results.all(".hit").len(), 1, "{}", results.body);
    assert!(results
        .text(".hit-title")
        .contains("<script>window.__xss=1</script>"));
    assert!(
        results.body.contains("&lt;<b>script</b>&gt;"),
        "{}",
        results.body
    );
    assert_inert(&results);

    let page = get(&format!("{base}{}", xss_path())).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(
        page.text("h1"),
        "<script>window.__xss=1</script> Hướng dẫn có mã độc"
    );
    let text = page.text(".doc-text");
    assert!(
        text.contains("<img src=x onerror=\"window.__xss=5\">"),
        "{text}"
    );
    assert!(
        text.contains("<a href=\"javascript:window.__xss=6\">"),
        "{text}"
    );
    let meta = page.text(".doc-meta");
    assert!(
        meta.contains("javascript:window.__xss=3"),
        "shown as text: {meta}"
    );
    assert!(
        meta.contains("<img src=x onerror"),
        "author as text: {meta}"
    );
    // The good citation is a link; the broken spans are skipped; the evil key is encoded.
    let cites = page.hrefs("a.cite");
    assert_eq!(
        cites,
        [
            format!("/citations/{NQ21}"),
            "/citations/chi-thi/%22%3E%3Cscript%3Ewindow.__xss%3D7%3C/script%3E".to_string(),
        ]
    );
    assert_inert(&page);
    // The evil key's own page escapes it too.
    let evil = get(&format!("{base}{}", cites[1])).await;
    assert_eq!(evil.status, 200, "{}", evil.body);
    assert!(evil.text("h1").contains("<script>"));
    assert_inert(&evil);
}

#[tokio::test]
async fn pages_carry_security_headers_and_no_cors() {
    let (_dir, base) = web::start().await;
    let client = reqwest::Client::new();
    for path in [
        "/",
        "/?q=dang",
        "/documents/nope",
        &format!("/citations/{NQ21}"),
    ] {
        let response = client
            .get(format!("{base}{path}"))
            .header("Origin", "https://portal.example")
            .send()
            .await
            .expect("request");
        let headers = response.headers();
        assert_eq!(
            headers
                .get("content-security-policy")
                .and_then(|v| v.to_str().ok()),
            Some(tracuu::server::web::CONTENT_SECURITY_POLICY),
            "{path}"
        );
        assert_eq!(
            headers.get("x-content-type-options").map(|v| v.as_bytes()),
            Some(&b"nosniff"[..])
        );
        assert!(
            headers.get("access-control-allow-origin").is_none(),
            "{path}"
        );
    }
    let embed = client
        .get(format!("{base}/embed.js"))
        .header("Origin", "https://portal.example")
        .send()
        .await
        .expect("request");
    assert_eq!(embed.status(), 200);
    assert_eq!(
        embed
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.as_bytes()),
        Some(&b"*"[..])
    );
    let opensearch = get(&format!("{base}/opensearch.xml")).await;
    let host = base.trim_start_matches("http://");
    assert!(
        opensearch
            .body
            .contains(&format!("template=\"http://{host}/?q={{searchTerms}}\"")),
        "{}",
        opensearch.body
    );
    for (path, kind) in [
        ("/static/style.css", "text/css"),
        ("/static/app.js", "text/javascript"),
        ("/embed.js", "text/javascript"),
    ] {
        let asset = get(&format!("{base}{path}")).await;
        assert_eq!(asset.status, 200, "{path}");
        assert!(asset
            .header("content-type")
            .is_some_and(|t| t.starts_with(kind)));
    }
}

#[tokio::test]
async fn bad_requests_and_unknown_pages_get_vietnamese_pages() {
    let (_dir, base) = web::start().await;
    let long = "a".repeat(5000);
    let rows = [
        ("/?q=x&limit=abc".to_string(), 400, "số nguyên dương"),
        ("/?q=x&page=0".to_string(), 400, "Số trang"),
        ("/?q=x&from=2022-13-45".to_string(), 400, "NNNN-TT-NN"),
        (format!("/?q={long}"), 400, "quá dài"),
        ("/?q=a&q=b".to_string(), 400, "không hợp lệ"),
        ("/?q=%ZZ".to_string(), 400, "Câu tìm kiếm (q) có “%ZZ”"),
        ("/?q=%C3".to_string(), 400, "UTF-8"),
        ("/?q=%1b%5b31m".to_string(), 400, "ký tự điều khiển U+001B"),
        (
            "/?q=x&type=foo".to_string(),
            400,
            "Loại văn bản (type) “foo”",
        ),
        (
            "/?q=x&from=2023-01-01&to=2020-01-01".to_string(),
            400,
            "không có ngày nào",
        ),
        (
            "/?q=x&verbatim=2".to_string(),
            400,
            "Tìm chính xác (verbatim)",
        ),
        ("/documents/khong-co".to_string(), 404, "Không có văn bản"),
        (
            "/citations/nghi-quyet/99-NQ/TW".to_string(),
            404,
            "trích dẫn",
        ),
        ("/trang/khong/co".to_string(), 404, "không tồn tại"),
        ("/static/nope.js".to_string(), 404, "Không có tệp"),
    ];
    for (path, status, message) in rows {
        let page = get(&format!("{base}{path}")).await;
        assert_eq!(page.status, status, "{path}: {}", page.body);
        assert!(
            page.header("content-type")
                .is_some_and(|t| t.starts_with("text/html")),
            "{path}"
        );
        let shown = page.text(".error-message");
        assert!(shown.contains(message), "{path}: {shown}");
        assert!(page.all("html[lang=vi]").len() == 1);
        assert!(
            page.body.len() < 20_000,
            "{path}: the bad value is not echoed whole"
        );
    }
    let api = reqwest::get(format!("{base}/api/khong-co"))
        .await
        .expect("request");
    assert_eq!(api.status(), 404);
    let body: serde_json::Value = api.json().await.expect("JSON under /api/");
    assert!(body["error"].is_string());
}

#[tokio::test]
async fn telex_query_says_what_was_searched_and_links_to_the_query_as_typed() {
    let (_dir, base) = web::start().await;
    let q = "nghij quyeets -\"<script>window.__xss=8</script>\"";
    let url = reqwest::Url::parse_with_params(&format!("{base}/"), [("q", q)]).expect("url");
    let page = get(url.as_str()).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.all(".hit").len() >= 2, "{}", page.body);
    assert_eq!(
        page.text("#searched-for b"),
        "nghị quyết -\"<script>window.__xss=8</script>\""
    );
    assert!(
        page.text("#searched-for")
            .starts_with("Đang hiển thị kết quả cho nghị quyết"),
        "{}",
        page.text("#searched-for")
    );
    assert_eq!(page.text("#searched-for a"), q);
    let links = page.hrefs("#searched-for a");
    let [as_typed] = links.as_slice() else {
        panic!("one link to the query as typed: {links:?}");
    };
    assert!(as_typed.ends_with("&verbatim=1"), "{as_typed}");
    assert_inert(&page);

    let exact = get(&format!("{base}{as_typed}")).await;
    assert_eq!(exact.status, 200, "{}", exact.body);
    assert!(exact.all("#searched-for").is_empty(), "{}", exact.body);
    assert!(exact.all(".hit").is_empty(), "{}", exact.body);
    assert!(exact.text("#summary").starts_with("Không tìm thấy"));

    let plain = get(&format!("{base}/?q=nghi+quyet")).await;
    assert!(plain.all("#searched-for").is_empty(), "{}", plain.body);
}
