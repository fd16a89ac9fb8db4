//! `GET /`: the home page, and the results page rendered on the server so that it works
//! without JavaScript (`app.js` re-renders the same markup as the reader types).

use axum::extract::State;
use maud::{html, Markup, PreEscaped};

use super::error::PageError;
use super::facets::{active_filters, guidance, sidebar};
use super::layout::{date, page, search_form, HtmlPage, SearchBox};
use super::params::{RawParams, SearchState};
use super::urls;
use crate::cite::label_for_key;
use crate::search::response::{Hit, SearchResponse};
use crate::search::MAX_OFFSET;
use crate::server::query_string::{CheckedQuery, ParamError};
use crate::server::routes::AppState;

/// Directives listed on the home page.
const HOME_DIRECTIVES: usize = 12;
/// Cited directives shown under a hit; the rest are counted.
const HIT_CITATIONS: usize = 4;

/// `GET /?q=&cites=&type=&from=&to=&page=&limit=`.
pub async fn search(
    State(engine): State<AppState>,
    params: Result<CheckedQuery<RawParams>, ParamError>,
) -> Result<HtmlPage, PageError> {
    let CheckedQuery(raw) = params?;
    let state = SearchState::parse(raw)?;
    if state.is_empty() {
        let cited = tokio::task::spawn_blocking(move || engine.citations(None)).await??;
        return Ok(HtmlPage::ok(home(&state, &cited)));
    }
    let request = state.request();
    let response = tokio::task::spawn_blocking(move || engine.search_cached(&request)).await??;
    let title = if state.q.trim().is_empty() {
        "Kết quả tìm kiếm".to_string()
    } else {
        format!("{} – Tìm kiếm", state.q.trim())
    };
    let main = results(&state, &response);
    Ok(HtmlPage::ok(page(&title, &state, SearchBox::Header, main)))
}

fn home(state: &SearchState, cited: &[crate::search::citations::CitedDocument]) -> Markup {
    let main = html! {
        section.hero aria-labelledby="hero-heading" {
            h1 #hero-heading { "Tra cứu văn bản Đảng và tin tức" }
            p.lead {
                "Tìm nghị quyết, chỉ thị, hướng dẫn và bài viết — gõ có dấu hay không dấu đều được."
            }
            (search_form(state, true))
            p.examples {
                "Ví dụ: "
                a href="/?q=huong%20dan%2038" { "huong dan 38" }
                " · "
                a href="/?q=21-NQ%2FTW" { "21-NQ/TW" }
                " · "
                a href="/?q=t%E1%BB%95%20ch%E1%BB%A9c%20c%C6%A1%20s%E1%BB%9F%20%C4%91%E1%BA%A3ng" { "tổ chức cơ sở đảng" }
            }
        }
        @if !cited.is_empty() {
            section.most-cited aria-labelledby="most-cited-heading" {
                h2 #most-cited-heading { "Văn bản được trích dẫn nhiều nhất" }
                ol.directive-list {
                    @for c in cited.iter().take(HOME_DIRECTIVES) {
                        li {
                            a href=(urls::directive(&c.key)) { (c.label) }
                            span.count title="Số văn bản trích dẫn" { (c.count) }
                        }
                    }
                }
            }
        }
    };
    page("", state, SearchBox::Body, main)
}

fn results(state: &SearchState, response: &SearchResponse) -> Markup {
    let per_page = state.per_page();
    let pages = response
        .total
        .div_ceil(per_page)
        .min(MAX_OFFSET / per_page + 1);
    html! {
        div.results-layout #results-area {
            section.results #results aria-labelledby="results-heading" {
                h1.visually-hidden #results-heading { "Kết quả tìm kiếm" }
                p.summary #summary aria-live="polite" {
                    @if response.total == 0 {
                        "Không tìm thấy kết quả"
                        @if !state.q.trim().is_empty() { " cho “" (state.q.trim()) "”" }
                        ". Hãy thử từ khóa khác, bớt từ hoặc bỏ bộ lọc."
                    } @else {
                        "Tìm thấy " strong { (response.total) } " văn bản"
                        @if pages > 1 { " · trang " (state.page) "/" (pages) }
                        span.muted { " (" (format!("{:.1}", response.took_ms).replace('.', ",")) " ms)" }
                    }
                }
                (searched_for(state, response))
                (active_filters(state))
                (guidance(&response.facets))
                @if !response.hits.is_empty() {
                    ol.hits start=((state.page - 1) * per_page + 1) {
                        @for hit in &response.hits { (hit_item(hit)) }
                    }
                }
                (pager(state, pages))
            }
            (sidebar(state, &response.facets))
        }
    }
}

/// "Showing results for …" when the engine read the query as Telex or VNI, with a link to
/// search exactly what was typed.
fn searched_for(state: &SearchState, response: &SearchResponse) -> Markup {
    html! {
        @if let Some(searched) = &response.searched_for {
            p.searched-for #searched-for {
                "Đang hiển thị kết quả cho " b { (searched) } ". "
                "Tìm chính xác: "
                a href=(state.as_typed().href()) { (state.q.trim()) }
            }
        }
    }
}

fn hit_item(hit: &Hit) -> Markup {
    let more = hit.citations.len().saturating_sub(HIT_CITATIONS);
    html! {
        li.hit {
            h2.hit-title {
                a href=(urls::document(&hit.id)) {
                    @if hit.title.trim().is_empty() { "(Không có tiêu đề)" } @else { (hit.title) }
                }
            }
            p.hit-meta {
                (date(hit.date.as_deref()))
                @if hit.date.is_some() { span.sep aria-hidden="true" { "·" } }
                span.hit-id { (hit.id) }
            }
            // The engine escapes the passage and adds only <b> around the matched words.
            p.hit-snippet { (PreEscaped(&hit.snippet_html)) }
            @if !hit.citations.is_empty() {
                ul.hit-cites aria-label="Văn bản được trích dẫn" {
                    @for key in hit.citations.iter().take(HIT_CITATIONS) {
                        li { a.chip href=(urls::directive(key)) { (label_for_key(key)) } }
                    }
                    @if more > 0 { li.muted { "+" (more) } }
                }
            }
        }
    }
}

fn pager(state: &SearchState, pages: usize) -> Markup {
    html! {
        @if pages > 1 {
            nav.pager aria-label="Phân trang" {
                @if state.page > 1 {
                    a.pager-prev rel="prev" href=(state.at_page(state.page - 1).href()) { "← Trang trước" }
                }
                span.pager-status { "Trang " (state.page) " / " (pages) }
                @if state.page < pages {
                    a.pager-next rel="next" href=(state.at_page(state.page + 1).href()) { "Trang sau →" }
                }
            }
        }
    }
}
