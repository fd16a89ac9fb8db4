//! HTML pages: the article's title, date, author and body from a news or Party CMS page, without
//! its menus, share bars, related-article lists, comments and footer.

use std::collections::HashSet;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use super::boilerplate::{normalize_line, BoilerplateSet};
use super::byline;
use super::dates;
use super::html_depth::{cap_nesting, MAX_NESTING};
use super::html_meta;
use super::html_text::{self, is_block, is_furniture, Mode, Visitor};
use super::page::Page;
use super::text_article::article_from_lines;

/// Where CMSs put the article text, most specific first: a CMS class beats `<article>`, which on
/// many sites also wraps teasers, and `<article>` beats the catch-all `#content` and `<main>`.
const CONTENT_SOURCES: &[&str] = &[
    r#"[itemprop="articleBody"]"#,
    ".fck_detail",
    ".detail-content",
    ".content-detail",
    ".detail__content",
    ".article-body",
    ".article__body",
    ".article-content",
    ".entry-content",
    ".post-content",
    ".news-content",
    ".journal-content-article",
    ".noidung",
    "#news-bodyhtml",
    ".bodytext",
    "article",
    "#content",
    "main",
];

/// The lead paragraph ("sapo"), which many CMSs print outside the content element.
const LEAD_SOURCES: &[&str] = &[
    ".sapo",
    ".detail-sapo",
    ".article-sapo",
    ".article__sapo",
    "p.description",
    "h2.description",
    ".lead-detail",
    ".hometext",
];

/// A content element with less text than this is a teaser or an empty shell.
const MIN_CONTENT_CHARS: usize = 200;

/// Blocks that are paragraphs: their text counts for the container that holds them.
const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figcaption",
    "dd",
    "dt",
    "td",
];

/// Elements that continue an article when found after its content element.
const STRAY_PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "table",
    "ul",
    "ol",
    "font",
    "span",
    "b",
    "strong",
    "i",
    "em",
    "br",
    "img",
];

/// How many lines under the headline may hold the dateline or byline.
const META_LINES: usize = 10;

/// How many of the first body lines may repeat the headline.
const TITLE_REPEAT_LINES: usize = 3;

fn selectors(sources: &[&str]) -> Vec<Selector> {
    sources
        .iter()
        .map(|s| Selector::parse(s).expect("constant selector"))
        .collect()
}

static CONTENT_SELECTORS: LazyLock<Vec<Selector>> = LazyLock::new(|| selectors(CONTENT_SOURCES));
static LEAD_SELECTORS: LazyLock<Vec<Selector>> = LazyLock::new(|| selectors(LEAD_SOURCES));

/// Extracts title, date, author and body from an HTML page.
pub fn extract_html(html: &str) -> Page {
    extract_html_with(html, &BoilerplateSet::builtin())
}

/// As `extract_html`, with boilerplate learned from the corpus.
pub fn extract_html_with(html: &str, boilerplate: &BoilerplateSet) -> Page {
    let doc = Html::parse_document(&cap_nesting(html, MAX_NESTING));
    let title = html_meta::title(&doc);
    let headline = html_meta::headline_element(&doc, title.as_deref());
    let root = content_root(&doc);
    let region = headline
        .and_then(|h1| common_ancestor(&doc, h1, root))
        .unwrap_or(root);

    let mut lines = lead(region, root);
    lines.extend(html_text::render(root, Mode::Body));
    lines.extend(stray_paragraphs(root));
    if let Some(title) = &title {
        let key = normalize_line(title);
        if let Some(at) = lines
            .iter()
            .take(TITLE_REPEAT_LINES)
            .position(|l| normalize_line(l) == key)
        {
            lines.remove(at);
        }
    }
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let article = article_from_lines(title.clone(), &refs, boilerplate);

    let region_lines = html_text::render(region, Mode::WithMeta);
    let head = lines_under_headline(&region_lines, headline);
    let date = html_meta::date(&doc)
        .or_else(|| dates::find_publication_date(&head))
        .or(article.date);
    let author = html_meta::author(&doc)
        .or_else(|| head.iter().find_map(|l| byline::parse_byline(l)))
        .or(article.author)
        // "Tác giả bài viết: …" printed under the content element (NukeViet).
        .or_else(|| region_lines.iter().find_map(|l| byline::parse_credit(l)));
    Page {
        title,
        date,
        author,
        body: article.body,
    }
}

/// The element holding the article text: a known CMS container, else the densest text block.
fn content_root(doc: &Html) -> ElementRef<'_> {
    for selector in CONTENT_SELECTORS.iter() {
        let best = doc
            .select(selector)
            .map(|el| (text_len(el), el))
            .max_by_key(|&(len, _)| len);
        if let Some((len, el)) = best {
            if len >= MIN_CONTENT_CHARS {
                return el;
            }
        }
    }
    densest_block(doc).unwrap_or_else(|| doc.root_element())
}

fn text_len(el: ElementRef<'_>) -> usize {
    html_text::render(el, Mode::Body)
        .iter()
        .map(|l| l.chars().count())
        .sum()
}

/// The lowest element containing both the headline and the content: where datelines live.
fn common_ancestor<'a>(
    doc: &'a Html,
    a: ElementRef<'a>,
    b: ElementRef<'a>,
) -> Option<ElementRef<'a>> {
    let path: HashSet<_> = std::iter::once(a.id())
        .chain(a.ancestors().map(|n| n.id()))
        .collect();
    let shared = std::iter::once(b.id())
        .chain(b.ancestors().map(|n| n.id()))
        .find(|id| path.contains(id))?;
    doc.tree.get(shared).and_then(ElementRef::wrap)
}

/// Paragraphs right after the content element: broken markup (a stray `</div>`) closes the
/// content element early and leaves the rest of the article as its siblings.
fn stray_paragraphs(root: ElementRef<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    for sibling in root.next_siblings() {
        if let Some(text) = sibling.value().as_text() {
            lines.extend(
                Some(text.trim())
                    .filter(|t| !t.is_empty())
                    .map(str::to_string),
            );
            continue;
        }
        let Some(el) = ElementRef::wrap(sibling) else {
            continue;
        };
        if !STRAY_PARAGRAPH_TAGS.contains(&el.value().name()) || is_furniture(el, Mode::Body) {
            break;
        }
        lines.extend(html_text::render(el, Mode::Body));
    }
    lines
}

/// The lead paragraph, when the CMS prints it in `region` but outside the content element.
fn lead(region: ElementRef<'_>, root: ElementRef<'_>) -> Vec<String> {
    if region == root {
        return Vec::new();
    }
    let inside_root = |el: ElementRef<'_>| el.ancestors().any(|a| a.id() == root.id());
    LEAD_SELECTORS
        .iter()
        .flat_map(|sel| region.select(sel))
        .find(|el| !inside_root(*el) && !is_furniture(*el, Mode::Body))
        .map(|el| html_text::render(el, Mode::Body))
        .unwrap_or_default()
}

/// The first lines under the headline: where datelines and bylines are printed.
fn lines_under_headline<'a>(lines: &'a [String], headline: Option<ElementRef<'_>>) -> Vec<&'a str> {
    let headline_text = headline
        .map(|h1| normalize_line(&h1.text().collect::<String>()))
        .unwrap_or_default();
    let start = lines
        .iter()
        .position(|l| normalize_line(l) == headline_text)
        .map_or(0, |at| at + 1);
    lines
        .iter()
        .skip(start)
        .take(META_LINES)
        .map(String::as_str)
        .collect()
}

/// The block element with the most paragraph text, readability-style: each text counts fully
/// for the block holding its paragraph and half for the block around that; link text does not
/// count.
fn densest_block(doc: &Html) -> Option<ElementRef<'_>> {
    let mut scorer = DensityScorer::default();
    html_text::walk(doc.root_element(), &mut scorer);
    scorer
        .blocks
        .into_iter()
        .filter(|(_, score)| *score > 0.0)
        .max_by(|(_, a), (_, b)| a.total_cmp(b))
        .map(|(el, _)| el)
}

#[derive(Default)]
struct DensityScorer<'a> {
    /// Every block element in document order, with its score.
    blocks: Vec<(ElementRef<'a>, f64)>,
    /// Indices into `blocks` of the open block elements.
    open: Vec<usize>,
    link_depth: usize,
}

impl<'a> Visitor<'a> for DensityScorer<'a> {
    fn skip(&mut self, el: ElementRef<'a>) -> bool {
        el.value().name() == "header" || is_furniture(el, Mode::Body)
    }

    fn open(&mut self, el: ElementRef<'a>) {
        if el.value().name() == "a" {
            self.link_depth += 1;
        }
        if is_block(el) {
            self.open.push(self.blocks.len());
            self.blocks.push((el, 0.0));
        }
    }

    fn close(&mut self, el: ElementRef<'a>) {
        if el.value().name() == "a" {
            self.link_depth = self.link_depth.saturating_sub(1);
        }
        if is_block(el) {
            self.open.pop();
        }
    }

    fn text(&mut self, text: &'a str) {
        if self.link_depth > 0 {
            return;
        }
        let len = text.trim().chars().count() as f64;
        let mut open = self.open.iter().rev().peekable();
        // A paragraph's text scores for the element that holds the paragraphs.
        let in_paragraph = open
            .peek()
            .and_then(|&&at| self.blocks.get(at))
            .is_some_and(|(el, _)| PARAGRAPH_TAGS.contains(&el.value().name()));
        if in_paragraph {
            open.next();
        }
        for (weight, &at) in [1.0, 0.5].iter().zip(open) {
            if let Some((_, score)) = self.blocks.get_mut(at) {
                *score += len * weight;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const PARA: &str = "Đảng ủy Khối đã lãnh đạo, chỉ đạo các tổ chức đảng chủ động nắm chắc tình \
        hình diễn biến tư tưởng của cán bộ, đảng viên, công chức, viên chức để đề ra các giải \
        pháp phù hợp, hiệu quả.";

    #[test]
    fn densest_block_without_cms_markup() {
        let html = format!(
            "<html><body><div id='menu-top'><a href=/>Trang chủ</a> <a href=/x>Xây dựng Đảng</a></div>\
             <div class='col'><div><h1>Tiêu đề bài</h1><div>Thứ năm - 04/07/2019 15:06</div>\
             <div><p>{PARA}</p><p>{PARA} Hai.</p><p>{PARA} Ba.</p></div></div>\
             <div><ul><li><a href=/1>Tin khác một rất dài dài dài dài dài dài dài</a></li></ul></div>\
             </div></body></html>"
        );
        let page = extract_html(&html);
        assert_eq!(page.title.as_deref(), Some("Tiêu đề bài"));
        assert_eq!(page.date, Some(date!(2019 - 07 - 04)));
        assert_eq!(page.body, format!("{PARA}\n\n{PARA} Hai.\n\n{PARA} Ba."));
    }

    #[test]
    fn lead_outside_content_is_kept() {
        let html = format!(
            "<article><h1>Tiêu đề</h1><p class='description'>Đoạn mở đầu.</p>\
             <div class='fck_detail'><p>{PARA}</p><p>{PARA} Hai.</p></div></article>"
        );
        let page = extract_html(&html);
        assert!(page.body.starts_with("Đoạn mở đầu.\n\n"), "{}", page.body);
        assert!(!page.body.contains("Tiêu đề"));
    }

    #[test]
    fn empty_and_garbage_input() {
        for html in [
            "",
            "<",
            "<<<>>>",
            "</div></p>",
            "<html><body></body></html>",
            "\u{0}",
        ] {
            let page = extract_html(html);
            assert_eq!(page.title, None, "{html:?}");
        }
    }

    #[test]
    fn deeply_nested_page() {
        let depth = 100_000;
        let html = format!(
            "<html><head><title>Sâu - Báo X</title></head><body>{}<p>{PARA}</p><p>{PARA} Hai.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let page = extract_html(&html);
        assert_eq!(page.title.as_deref(), Some("Sâu"));
        assert_eq!(page.body, format!("{PARA}\n\n{PARA} Hai."));
    }
}
