//! End to end in a real headless Chromium: results as you type, a citation link from a
//! document to its directive, the embeddable box on another origin, and script in a
//! document never running anywhere it is shown.

#[path = "common/chrome.rs"]
mod chrome;
mod common;

use anyhow::{ensure, Context, Result};
use chrome::{ensure_browser, eventually, screenshot, wait_for, Driver};
use common::web::{self, GUIDANCE_ID, NQ21};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::Value;

/// Hits the embedded box shows; fewer than the corpus has, to see the option work.
const EMBED_LIMIT: usize = 3;
/// The filters the portal's second box fixes: four fillers cite this directive.
const FIXED_CITES: &str = "chi-thi/05-CT/TW";
/// The type the portal's second box fixes.
const FIXED_TYPE: &str = "chi-thi";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_work_in_a_real_browser() {
    if let Err(why) = ensure_browser() {
        let bar = "!".repeat(78);
        eprintln!("\n{bar}\n!!! SKIPPED the browser test: no Chromium here.\n!!! {why:#}\n{bar}\n");
        return;
    }
    let (_dir, base) = web::start().await;
    let portal = start_portal(&base).await.expect("portal server");
    let driver = Driver::start().await.expect("chromedriver");
    let client = driver.connect().await.expect("browser session");
    let outcome = scenario(&client, &base, &portal).await;
    // Close the browser before reporting, so a failure does not leave it running.
    let _ = client.close().await;
    drop(driver);
    if let Err(e) = outcome {
        panic!("browser test failed: {e:#}");
    }
}

async fn scenario(client: &Client, base: &str, portal: &str) -> Result<()> {
    live_results(client, base).await.context("live results")?;
    citation_link(client, base).await.context("citation link")?;
    script_document(client, base)
        .await
        .context("script document")?;
    embedded_box(client, base, portal)
        .await
        .context("embedded box")?;
    embedded_box_with_filters(client, base, portal)
        .await
        .context("embedded box with fixed filters")?;
    narrow_screen(client, base).await.context("narrow screen")?;
    Ok(())
}

/// Runs `script` in the page and returns its result.
async fn js(client: &Client, script: &str) -> Result<Value> {
    Ok(client.execute(script, Vec::new()).await?)
}

async fn assert_no_script_ran(client: &Client, where_: &str) -> Result<()> {
    // An <img onerror> fires after its load fails: wait for the page to finish loading.
    eventually("the page to finish loading", || async {
        let state = js(client, "return document.readyState").await?;
        Ok((state == "complete").then_some(()))
    })
    .await?;
    let xss = js(client, "return typeof window.__xss").await?;
    ensure!(
        xss == "undefined",
        "script from a document ran on {where_}: {xss}"
    );
    // The CSP would stop the script even if it got into the page as markup: check that it
    // did not, in the page and in the embedded box's shadow root.
    let injected = js(client, INJECTED).await?;
    ensure!(
        injected == serde_json::json!([]),
        "markup from a document on {where_}: {injected}"
    );
    Ok(())
}

/// Elements a document's text could inject, as `tag attr…` strings.
const INJECTED: &str = r#"
    const roots = [document].concat(Array.from(document.querySelectorAll('[data-tracuu]'))
        .map(h => h.shadowRoot).filter(Boolean));
    const found = [];
    for (const root of roots) {
        for (const e of root.querySelectorAll('*')) {
            const handlers = Array.from(e.attributes).filter(a => a.name.startsWith('on')
                || /^\s*javascript:/i.test(a.value));
            const tag = e.tagName.toLowerCase();
            const inContent = e.closest('main, .hit') !== null;
            if (handlers.length || (inContent && ['script', 'img', 'iframe'].includes(tag))) {
                found.push(tag + ' ' + handlers.map(a => a.name).join(' '));
            }
        }
    }
    return found;"#;

async fn live_results(client: &Client, base: &str) -> Result<()> {
    client.goto(&format!("{base}/")).await?;
    let input = wait_for(client, "#q").await?;
    // Anything the policy blocks while the script renders would be a broken page.
    js(client, "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));").await?;
    input.send_keys("huong dan").await?;
    let html = eventually("highlighted results", || async {
        let html = js(
            client,
            "const h = document.querySelector('#results .hits'); return h ? h.innerHTML : null",
        )
        .await?;
        Ok(html
            .as_str()
            .map(str::to_string)
            .filter(|h| h.contains("<b>Hướng</b>")))
    })
    .await?;
    ensure!(html.contains("<b>dẫn</b>"), "{html}");
    let url = client.current_url().await?;
    ensure!(
        url.query() == Some("q=huong+dan"),
        "address kept in step: {url}"
    );
    // Facets and paging come with the results.
    let facets = js(
        client,
        "return document.querySelectorAll('#facets .facet-link').length",
    )
    .await?;
    ensure!(facets.as_u64().is_some_and(|n| n > 3), "facets: {facets}");
    let next = js(
        client,
        "const a = document.querySelector('a[rel=next]'); return a && a.getAttribute('href')",
    )
    .await?;
    ensure!(
        next.as_str().is_some_and(|h| h.contains("page=2")),
        "next page: {next}"
    );

    // Suggestions: a listbox the keyboard can walk and close.
    eventually("suggestions", || async {
        let n = js(
            client,
            "return document.querySelectorAll('#suggestions [role=option]').length",
        )
        .await?;
        Ok(n.as_u64().filter(|&n| n > 0))
    })
    .await?;
    ensure!(input.attr("aria-expanded").await? == Some("true".into()));
    input.send_keys(&Key::Down).await?;
    let active = input.attr("aria-activedescendant").await?;
    ensure!(active.as_deref() == Some("suggestion-0"), "{active:?}");
    input.send_keys(&Key::Escape).await?;
    ensure!(input.attr("aria-expanded").await? == Some("false".into()));
    let violations = js(client, "return window.__csp").await?;
    ensure!(
        violations == serde_json::json!([]),
        "CSP violations: {violations}"
    );
    let shot = screenshot(client, "results.png").await?;
    eprintln!("browser test: results page saved to {}", shot.display());

    // The document full of script, through the live results.
    input.clear().await?;
    input.send_keys("ma doc").await?;
    let title = eventually("the script document's hit", || async {
        let t = js(
            client,
            "const a = document.querySelector('#results .hit-title a'); return a && a.textContent",
        )
        .await?;
        Ok(t.as_str()
            .map(str::to_string)
            .filter(|t| t.contains("mã độc")))
    })
    .await?;
    ensure!(
        title.starts_with("<script>"),
        "title shown as text: {title}"
    );

    // Typed in Telex: the results say what was searched and link to the query as typed.
    input.clear().await?;
    input.send_keys("nghij quyeets").await?;
    let notice = "const p = document.querySelector('#searched-for'); \
        return p && p.querySelector('b').textContent + '|' + p.querySelector('a').getAttribute('href')";
    let notice = eventually("the Telex notice", || async {
        Ok(js(client, notice).await?.as_str().map(str::to_string))
    })
    .await?;
    ensure!(
        notice == "nghị quyết|/?q=nghij+quyeets&verbatim=1",
        "{notice}"
    );
    assert_no_script_ran(client, "the live results").await
}

async fn citation_link(client: &Client, base: &str) -> Result<()> {
    let input = client.find(Locator::Css("#q")).await?;
    input.clear().await?;
    input.send_keys("doi moi huong dan 38").await?;
    let selector = format!("#results a[href='/documents/{GUIDANCE_ID}']");
    // Results re-render while the typing settles: a link found a moment ago may be gone,
    // so find and click again until a click lands.
    eventually("the guidance article among the hits, clicked", || async {
        Ok(match client.find(Locator::Css(&selector)).await {
            Ok(hit) => hit.click().await.ok(),
            Err(_) => None,
        })
    })
    .await?;
    let cite = wait_for(client, "a.cite[href*='nghi-quyet']").await?;
    let url = client.current_url().await?;
    ensure!(
        url.as_str() == format!("{base}/documents/{GUIDANCE_ID}"),
        "on the document page: {url}"
    );
    screenshot(client, "document.png").await?;
    cite.click().await?;
    let want = format!("/citations/{NQ21}");
    eventually("the directive page", || async {
        Ok((client.current_url().await?.path() == want).then_some(()))
    })
    .await?;
    let h1 = wait_for(client, "h1").await?.text().await?;
    ensure!(h1.contains("21-NQ/TW"), "{h1}");
    let citing = client.find_all(Locator::Css(".citing .hit")).await?;
    ensure!(
        citing.len() == 3,
        "citing documents listed: {}",
        citing.len()
    );
    screenshot(client, "directive.png").await?;
    Ok(())
}

async fn script_document(client: &Client, base: &str) -> Result<()> {
    client.goto(&format!("{base}{}", web::xss_path())).await?;
    let h1 = wait_for(client, "h1").await?.text().await?;
    ensure!(h1.starts_with("<script>"), "{h1}");
    assert_no_script_ran(client, "the document page").await?;
    client.goto(&format!("{base}/?q=script")).await?;
    wait_for(client, ".hit").await?;
    assert_no_script_ran(client, "the server-rendered results").await
}

async fn embedded_box(client: &Client, base: &str, portal: &str) -> Result<()> {
    client.goto(portal).await?;
    let host = wait_for(client, "[data-tracuu]").await?;
    let root = eventually("the box's shadow root", || async {
        Ok(host.shadow_root().await.ok())
    })
    .await?;
    let input = eventually("the box's input", || async {
        Ok(root.find(Locator::Css("input")).await.ok())
    })
    .await?;
    ensure!(
        input.attr("placeholder").await?.as_deref() == Some("Tìm trên tracuu"),
        "data-placeholder"
    );
    input.send_keys("huong dan").await?;
    let count =
        "return document.querySelector('[data-tracuu]').shadowRoot.querySelectorAll('.hit').length";
    let hits = eventually("results in the box", || async {
        Ok(js(client, count).await?.as_u64().filter(|&n| n > 0))
    })
    .await?;
    ensure!(hits as usize == EMBED_LIMIT, "data-tracuu-limit: {hits}");
    let link = js(
        client,
        "return document.querySelector('[data-tracuu]').shadowRoot.querySelector('.hit a').href",
    )
    .await?;
    ensure!(
        link.as_str()
            .is_some_and(|l| l.starts_with(&format!("{base}/documents/"))),
        "absolute links to our pages: {link}"
    );
    let snippet = js(client, "return document.querySelector('[data-tracuu]').shadowRoot.querySelector('.snippet').innerHTML").await?;
    ensure!(
        snippet.as_str().is_some_and(|s| s.contains("<b>")),
        "{snippet}"
    );
    let leaked = js(
        client,
        "return document.querySelectorAll('.hit, .snippet').length",
    )
    .await?;
    ensure!(leaked == 0, "the box's markup stays in its shadow root");
    screenshot(client, "embed.png").await?;

    input.clear().await?;
    input.send_keys("ma doc").await?;
    let title = "const a = document.querySelector('[data-tracuu]').shadowRoot.querySelector('.hit .title'); return a && a.textContent";
    eventually("the script document in the box", || async {
        let t = js(client, title).await?;
        Ok(t.as_str().filter(|t| t.starts_with("<script>")).map(|_| ()))
    })
    .await?;

    input.clear().await?;
    input.send_keys("nghij quyeets").await?;
    let notice = "const p = document.querySelector('[data-tracuu]').shadowRoot.querySelector('.searched-for'); \
        return p && !p.hidden ? p.querySelector('b').textContent + '|' + p.querySelector('a').href : null";
    let notice = eventually("the Telex notice in the box", || async {
        Ok(js(client, notice).await?.as_str().map(str::to_string))
    })
    .await?;
    ensure!(
        notice == format!("nghị quyết|{base}/?q=nghij+quyeets&verbatim=1"),
        "{notice}"
    );
    assert_no_script_ran(client, "the embedded box").await
}

/// A box with fixed filters keeps them in its popover, its link to every result and its
/// form, and the full page it opens counts what the box counted.
async fn embedded_box_with_filters(client: &Client, base: &str, portal: &str) -> Result<()> {
    let filtered = reqwest::Url::parse_with_params(
        &format!("{base}/api/search"),
        [
            ("q", "huong dan"),
            ("cites", FIXED_CITES),
            ("type", FIXED_TYPE),
        ],
    )?;
    let api: Value = reqwest::get(filtered).await?.json().await?;
    let total = api["total"].as_u64().context("total")?;
    let all: Value = reqwest::get(format!("{base}/api/search?q=huong+dan"))
        .await?
        .json()
        .await?;
    ensure!(
        total as usize > EMBED_LIMIT && all["total"].as_u64() > Some(total),
        "the filters leave more hits than the box shows, and fewer than the corpus has: {total}, {}",
        all["total"]
    );

    client.goto(portal).await?;
    wait_for(client, "#fixed").await?;
    let input = eventually("the filtered box's input", || async {
        let root = client
            .find(Locator::Css("#fixed"))
            .await?
            .shadow_root()
            .await
            .ok();
        Ok(match root {
            Some(root) => root.find(Locator::Css("input[name=q]")).await.ok(),
            None => None,
        })
    })
    .await?;
    input.send_keys("huong dan").await?;
    let status = "const r = document.querySelector('#fixed').shadowRoot;         return r.querySelectorAll('.hit').length ? r.querySelector('.status').textContent : null";
    let status = eventually("results in the filtered box", || async {
        Ok(js(client, status).await?.as_str().map(str::to_string))
    })
    .await?;
    ensure!(status == format!("Tìm thấy {total} văn bản"), "{status}");
    let want = format!(
        "q=huong+dan&cites={}&type={FIXED_TYPE}",
        FIXED_CITES.replace('/', "%2F")
    );
    let more = js(
        client,
        "return document.querySelector('#fixed').shadowRoot.querySelector('.more').href",
    )
    .await?;
    ensure!(
        more.as_str() == Some(format!("{base}/?{want}").as_str()),
        "the link to every result keeps the filters: {more}"
    );
    let submitted = js(
        client,
        "const f = document.querySelector('#fixed').shadowRoot.querySelector('form');          return new URLSearchParams(new FormData(f)).toString()",
    )
    .await?;
    ensure!(
        submitted.as_str() == Some(want.as_str()),
        "the form submits the filters: {submitted}"
    );

    client.goto(&format!("{base}/?{want}")).await?;
    let shown = wait_for(client, "#summary strong").await?.text().await?;
    ensure!(
        shown == total.to_string(),
        "the full page counts what the box did: {shown} for {total}"
    );
    Ok(())
}

/// The results on a phone-sized window, for a look at the responsive layout.
async fn narrow_screen(client: &Client, base: &str) -> Result<()> {
    client.set_window_size(390, 844).await?;
    client.goto(&format!("{base}/?q=huong+dan")).await?;
    wait_for(client, ".hit").await?;
    let overflow = js(
        client,
        "return document.documentElement.scrollWidth > window.innerWidth",
    )
    .await?;
    ensure!(
        overflow == false,
        "the page scrolls sideways on a narrow screen"
    );
    screenshot(client, "results-narrow.png").await?;
    Ok(())
}

/// Another site, on another port, that embeds the box; returns its URL.
async fn start_portal(base: &str) -> Result<String> {
    let page = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng thông tin</title></head>\
         <body><h1>Cổng thông tin tỉnh</h1>\
         <div data-tracuu data-tracuu-limit=\"{EMBED_LIMIT}\" data-placeholder=\"Tìm trên tracuu\"></div>\
         <div id=\"fixed\" data-tracuu data-tracuu-limit=\"{EMBED_LIMIT}\" \
         data-tracuu-cites=\"{FIXED_CITES}\" data-tracuu-type=\"{FIXED_TYPE}\"></div>\
         <script src=\"{base}/embed.js\" async></script></body></html>"
    );
    let app = axum::Router::new().route(
        "/",
        axum::routing::get(move || {
            let page = page.clone();
            async move { axum::response::Html(page) }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(format!("http://{addr}/"))
}
