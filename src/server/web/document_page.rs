//! `GET /documents/{id}`: a document's text in paragraphs, each citation a link to the
//! cited directive's page.

use std::collections::BTreeMap;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use maud::{html, Markup};

use super::error::PageError;
use super::layout::{date, page, HtmlPage, SearchBox};
use super::markup::{paragraphs, Piece};
use super::params::SearchState;
use super::urls;
use crate::cite::label_for_key;
use crate::search::response::DocumentView;
use crate::server::routes::AppState;

/// `GET /documents/{*id}`.
pub async fn document(
    State(engine): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<HtmlPage, PageError> {
    let Path(id) = id.map_err(|_| PageError::BadRequest("Mã văn bản không hợp lệ.".into()))?;
    let lookup = id.clone();
    let view = tokio::task::spawn_blocking(move || engine.document(&lookup))
        .await??
        .ok_or_else(|| {
            PageError::NotFound(format!(
                "Không có văn bản nào mang mã “{id}”. Có thể văn bản đã bị xóa khỏi kho."
            ))
        })?;
    let title = display_title(&view);
    let main = body(&view, &title);
    Ok(HtmlPage::ok(page(
        &title,
        &SearchState::default(),
        SearchBox::Header,
        main,
    )))
}

fn display_title(view: &DocumentView) -> String {
    match view.title.trim() {
        "" => "(Không có tiêu đề)".to_string(),
        title => title.to_string(),
    }
}

fn body(view: &DocumentView, title: &str) -> Markup {
    html! {
        div.doc-layout {
            article.document aria-labelledby="doc-title" {
                p.kicker { a href="/" { "Tìm kiếm" } " › Văn bản" }
                h1 #doc-title { (title) }
                (metadata(view))
                div.doc-text {
                    @for paragraph in paragraphs(&view.text, &view.citations) {
                        p {
                            @for piece in paragraph {
                                @match piece {
                                    Piece::Text(text) => (text),
                                    Piece::Cite { text, key } => {
                                        a.cite href=(urls::directive(key)) title=(label_for_key(key)) { (text) }
                                    }
                                }
                            }
                        }
                    }
                }
                p.doc-footnote {
                    "Mã văn bản: " span.mono { (view.id) }
                    @if view.url.is_some() { " · Tệp: " span.mono { (view.source) } }
                }
            }
            (cited_list(view))
        }
    }
}

fn metadata(view: &DocumentView) -> Markup {
    html! {
        dl.doc-meta {
            @if let Some(iso) = &view.date {
                div { dt { "Ngày đăng" } dd { (date(Some(iso))) } }
            }
            @if let Some(author) = view.author.as_deref().filter(|a| !a.trim().is_empty()) {
                div { dt { "Tác giả" } dd { (author) } }
            }
            div {
                dt { "Nguồn" }
                dd.url {
                    @match view.url.as_deref().filter(|u| !u.trim().is_empty()) {
                        Some(url) if urls::is_web_url(url) => {
                            a href=(url) rel="noopener noreferrer nofollow" { (url) }
                        }
                        // Not http(s): shown, never a link (it could be javascript:).
                        Some(url) => (url),
                        None => span.mono { (view.source) },
                    }
                }
            }
        }
    }
}

/// The directives this document cites, with how often, in order of first mention.
fn cited_list(view: &DocumentView) -> Markup {
    let mut first_seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for c in view.citations.iter().filter(|c| !c.key.is_empty()) {
        let entry = first_seen.entry(c.key.as_str()).or_insert((c.start, 0));
        entry.0 = entry.0.min(c.start);
        entry.1 += 1;
    }
    let mut cited: Vec<(&str, usize, usize)> = first_seen
        .into_iter()
        .map(|(key, (start, n))| (key, start, n))
        .collect();
    cited.sort_by_key(|&(key, start, _)| (start, key));
    html! {
        @if !cited.is_empty() {
            aside.doc-aside aria-labelledby="cited-heading" {
                h2 #cited-heading { "Văn bản được trích dẫn" }
                ul.directive-list {
                    @for (key, _, mentions) in &cited {
                        li {
                            a href=(urls::directive(key)) { (label_for_key(key)) }
                            span.count title="Số lần nhắc đến" { (mentions) }
                        }
                    }
                }
            }
        }
    }
}
