//! The parts of the results page built from facets: the filters in the sidebar (cited
//! directive, its type, year), the active filters, and "which guidance applies".

use maud::{html, Markup};

use super::layout::vi_date;
use super::params::SearchState;
use super::urls;
use crate::search::response::Facets;

/// Cited directives listed in the sidebar; the engine gives up to 20.
const SIDEBAR_DIRECTIVES: usize = 10;
/// Directives in the "which guidance applies" box: a glance, not a list.
const GUIDANCE_DIRECTIVES: usize = 5;

/// The sidebar of filters, each value a link with its count.
pub fn sidebar(state: &SearchState, facets: &Facets) -> Markup {
    html! {
        aside.facets #facets aria-label="Bộ lọc kết quả" {
            @if !facets.citations.is_empty() {
                section.facet {
                    h2 { "Văn bản được trích dẫn" }
                    ul {
                        @for c in facets.citations.iter().take(SIDEBAR_DIRECTIVES) {
                            (facet_link(&state.with("cites", &c.key), &c.label, c.count, state.cites == c.key))
                        }
                    }
                }
            }
            @if !facets.types.is_empty() {
                section.facet {
                    h2 { "Loại văn bản được trích dẫn" }
                    ul {
                        @for t in &facets.types {
                            (facet_link(&state.with("type", &t.kind), &t.label, t.count, state.kind == t.kind))
                        }
                    }
                }
            }
            @if !facets.years.is_empty() {
                section.facet {
                    h2 { "Năm" }
                    ul {
                        @for y in &facets.years {
                            (facet_link(&state.in_year(y.year), &y.year.to_string(), y.count, year_filter(state) == Some(y.year)))
                        }
                    }
                }
            }
        }
    }
}

fn facet_link(target: &SearchState, label: &str, count: u64, active: bool) -> Markup {
    html! {
        li {
            a.facet-link.active[active] href=(target.href()) aria-current=[active.then_some("true")] {
                span.facet-label { (label) }
                span.count { (count) }
            }
        }
    }
}

/// The directives the matching documents cite most, weighted by relevance, with links to
/// their pages: what guidance applies to what was searched.
pub fn guidance(facets: &Facets) -> Markup {
    html! {
        @if !facets.citations.is_empty() {
            section.guidance aria-labelledby="guidance-heading" {
                h2 #guidance-heading { "Văn bản chỉ đạo liên quan" }
                ol {
                    @for c in facets.citations.iter().take(GUIDANCE_DIRECTIVES) {
                        li {
                            a href=(urls::directive(&c.key)) { (c.label) }
                            span.muted { " · " (c.count) " văn bản trích dẫn" }
                        }
                    }
                }
            }
        }
    }
}

/// The filters in force, each with a link that drops it.
pub fn active_filters(state: &SearchState) -> Markup {
    let mut chips: Vec<(String, SearchState)> = Vec::new();
    if !state.cites.is_empty() {
        let label = crate::cite::label_for_key(&state.cites);
        chips.push((format!("Trích dẫn {label}"), state.with("cites", "")));
    }
    if !state.kind.is_empty() {
        let name = crate::cite::model::type_name(&state.kind).unwrap_or(&state.kind);
        chips.push((format!("Trích dẫn {name}"), state.with("type", "")));
    }
    match year_filter(state) {
        Some(year) => chips.push((format!("Năm {year}"), state.with("from", "").with("to", ""))),
        None => {
            if !state.from.is_empty() {
                let label = format!("Từ ngày {}", vi_date(&state.from));
                chips.push((label, state.with("from", "")));
            }
            if !state.to.is_empty() {
                let label = format!("Đến ngày {}", vi_date(&state.to));
                chips.push((label, state.with("to", "")));
            }
        }
    }
    html! {
        @if !chips.is_empty() {
            div.active-filters {
                span.muted { "Đang lọc:" }
                @for (label, without) in &chips {
                    a.chip.removable href=(without.href()) aria-label=(format!("Bỏ lọc: {label}")) {
                        (label) span aria-hidden="true" { " ×" }
                    }
                }
            }
        }
    }
}

/// The year when the date filter is exactly one calendar year (as the year facet sets it).
fn year_filter(state: &SearchState) -> Option<i32> {
    let year = state.from.strip_suffix("-01-01")?;
    (state.to.strip_suffix("-12-31") == Some(year))
        .then(|| year.parse().ok())
        .flatten()
}
