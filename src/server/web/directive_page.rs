//! `GET /citations/{key}`: what is known of a cited directive, the documents citing it with
//! the citing sentence, and the directives cited alongside it.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use maud::{html, Markup, PreEscaped};

use super::error::PageError;
use super::layout::{date, page, vi_date, HtmlPage, SearchBox};
use super::params::SearchState;
use super::urls;
use crate::cite::label_for_key;
use crate::cite::model::type_name;
use crate::search::citations::DirectiveView;
use crate::server::routes::AppState;

/// `GET /citations/{*key}`.
pub async fn directive(
    State(engine): State<AppState>,
    key: Result<Path<String>, PathRejection>,
) -> Result<HtmlPage, PageError> {
    let Path(key) = key.map_err(|_| PageError::BadRequest("Mã văn bản không hợp lệ.".into()))?;
    let lookup = key.clone();
    let view = tokio::task::spawn_blocking(move || engine.directive(&lookup))
        .await??
        .ok_or_else(|| {
            PageError::NotFound(format!("Không có văn bản nào trong kho trích dẫn “{key}”."))
        })?;
    let main = body(&view);
    Ok(HtmlPage::ok(page(
        &view.label,
        &SearchState::default(),
        SearchBox::Header,
        main,
    )))
}

fn body(view: &DirectiveView) -> Markup {
    let kind = type_name(&view.kind).unwrap_or(&view.kind);
    let search = SearchState::default().with("cites", &view.key);
    html! {
        div.doc-layout {
            article.directive aria-labelledby="directive-title" {
                p.kicker { a href="/" { "Tìm kiếm" } " › " (kind) }
                h1 #directive-title { (view.label) }
                (facts(view, kind))
                @if !view.versions.is_empty() {
                    section aria-labelledby="versions-heading" {
                        h2 #versions-heading { "Gồm " (view.versions.len()) " văn bản" }
                        p.muted { "Tên này được dùng cho nhiều văn bản; mỗi văn bản có trang riêng." }
                        ul.directive-list.versions {
                            @for v in &view.versions {
                                li {
                                    a href=(urls::directive(&v.key)) { (v.label) }
                                    span.count title="Số văn bản trích dẫn" { (v.count) }
                                }
                            }
                        }
                    }
                }
                p.actions {
                    a.button href=(search.href()) { "Tìm trong " (view.count) " văn bản trích dẫn" }
                }
                section aria-labelledby="citing-heading" {
                    h2 #citing-heading { "Được trích dẫn trong " (view.count) " văn bản" }
                    ol.citing {
                        @for doc in &view.citing {
                            li.hit {
                                h3.hit-title {
                                    a href=(urls::document(&doc.id)) {
                                        @if doc.title.trim().is_empty() { "(Không có tiêu đề)" } @else { (doc.title) }
                                    }
                                }
                                p.hit-meta {
                                    (date(doc.date.as_deref()))
                                    @if doc.date.is_some() { span.sep aria-hidden="true" { "·" } }
                                    (doc.mentions) " lần nhắc đến"
                                    @if let Some(version) = &doc.cited_as {
                                        span.sep aria-hidden="true" { "·" }
                                        a.cited-as href=(urls::directive(version)) { (label_for_key(version)) }
                                    }
                                }
                                @if !doc.sentence_html.is_empty() {
                                    // Escaped by the engine, the mention in <b>.
                                    blockquote.citing-sentence { (PreEscaped(&doc.sentence_html)) }
                                }
                            }
                        }
                    }
                    @if view.citing.len() < view.count {
                        p.muted { "Hiển thị " (view.citing.len()) " trong " (view.count) " văn bản." }
                    }
                }
            }
            @if !view.cited_with.is_empty() {
                aside.doc-aside aria-labelledby="cited-with-heading" {
                    h2 #cited-with-heading { "Thường được trích dẫn cùng" }
                    ul.directive-list {
                        @for c in &view.cited_with {
                            li {
                                a href=(urls::directive(&c.key)) { (c.label) }
                                span.count title="Số văn bản trích dẫn cả hai" { (c.count) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// What is known of the directive, only the fields that are.
fn facts(view: &DirectiveView, kind: &str) -> Markup {
    let rows: Vec<(&str, String)> = [
        ("Loại văn bản", Some(kind.to_string())),
        ("Số", view.number.clone()),
        ("Số hiệu", view.symbol.clone()),
        ("Cơ quan ban hành", view.issuing_body.clone()),
        ("Mã cơ quan", view.issuer.clone()),
        ("Ngày ban hành", view.date.as_deref().map(vi_date)),
        ("Khóa", view.term.clone()),
        (
            "Hội nghị Trung ương",
            view.plenum.map(|p| format!("lần thứ {p}")),
        ),
        ("Đại hội", view.congress.clone()),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| (name, v)))
    .collect();
    html! {
        dl.doc-meta.facts {
            @for (name, value) in &rows {
                div { dt { (name) } dd { (value) } }
            }
            div { dt { "Mã trích dẫn" } dd.mono { (view.key) } }
        }
    }
}
