//! An HTML subtree as lines of text: block elements break lines, inline text joins with the
//! spacing the source had, and page furniture (scripts, navigation, share bars, comments,
//! related-article boxes) is left out. The tree walk is iterative: pages nest deeply.

use scraper::{ElementRef, Node};

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "nav", "footer", "aside", "form",
    "button", "input", "select", "option", "textarea", "label", "iframe", "svg", "canvas", "video",
    "audio", "object", "embed", "map", "dialog", "menu",
];

/// Elements that start and end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Fragments of a `class` or `id` that mark furniture wherever they occur in it.
const NOISE_FRAGMENTS: &[&str] = &[
    "related",
    "lienquan",
    "lien-quan",
    "lien_quan",
    "binhluan",
    "binh-luan",
    "comment",
    "share",
    "social",
    "breadcrumb",
    "sidebar",
    "advert",
    "quangcao",
    "quang-cao",
    "banner",
    "newsletter",
    "subscribe",
    "pagination",
    "tinkhac",
    "tin-khac",
    "other-news",
    "othernews",
    "morenews",
    "more-news",
    "most-read",
    "mostread",
    "xemnhieu",
    "xem-nhieu",
    "docnhieu",
    "doc-nhieu",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "addthis",
    "rating",
    "cungchuyenmuc",
];

/// Whole words (class and id split at `-`, `_` and spaces) that mark furniture.
const NOISE_WORDS: &[&str] = &[
    "nav", "ads", "ad", "qc", "tags", "tag", "keywords", "widget", "print", "vote", "toolbar",
    "popup", "modal", "search", "login", "cookie", "tools", "utility",
];

/// Words that mark an article's metadata: not body text, but where datelines and bylines live.
const META_WORDS: &[&str] = &[
    "author",
    "byline",
    "date",
    "time",
    "datetime",
    "publish",
    "published",
    "pubdate",
    "meta",
    "tacgia",
    "ngaydang",
];

/// Containers that are content by definition: their classes (WordPress puts "tag-…" and
/// "category-…" on every `<article>`) do not make them furniture.
const CONTENT_CONTAINERS: &[&str] = &["html", "body", "main", "article"];

/// ARIA roles of page chrome.
const SKIP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
];

/// What to keep besides body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Article text only.
    Body,
    /// Also datelines and bylines, to read the date and author from.
    WithMeta,
}

/// Receives the walk's events; `skip` says whether an element's subtree is left out.
pub(crate) trait Visitor<'a> {
    /// True to leave `el` and everything in it out.
    fn skip(&mut self, el: ElementRef<'a>) -> bool;
    /// An element starts.
    fn open(&mut self, el: ElementRef<'a>);
    /// An element ends.
    fn close(&mut self, el: ElementRef<'a>);
    /// A text node.
    fn text(&mut self, text: &'a str);
}

enum Step<'a> {
    Enter(ElementRef<'a>),
    Leave(ElementRef<'a>),
    Text(&'a str),
}

/// Walks `root` depth first with an explicit stack (100,000 nested `<div>`s must not overflow).
pub(crate) fn walk<'a>(root: ElementRef<'a>, visitor: &mut impl Visitor<'a>) {
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Text(text) => visitor.text(text),
            Step::Leave(el) => visitor.close(el),
            Step::Enter(el) => {
                if el != root && visitor.skip(el) {
                    continue;
                }
                visitor.open(el);
                stack.push(Step::Leave(el));
                for child in el.children().rev() {
                    match child.value() {
                        Node::Text(text) => stack.push(Step::Text(&text.text)),
                        Node::Element(_) => stack.extend(ElementRef::wrap(child).map(Step::Enter)),
                        _ => {}
                    }
                }
            }
        }
    }
}

/// The text of `root` as trimmed, non-empty lines.
pub(crate) fn render(root: ElementRef<'_>, mode: Mode) -> Vec<String> {
    let in_article = root
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|el| el.value().name() == "article");
    let mut renderer = Renderer {
        mode,
        article_depth: usize::from(in_article),
        lines: Vec::new(),
        line: String::new(),
        pending_space: false,
    };
    walk(root, &mut renderer);
    renderer.break_line();
    renderer.lines
}

/// True for an element that is page furniture in `mode` (see the tables above).
pub(crate) fn is_furniture(el: ElementRef<'_>, mode: Mode) -> bool {
    let value = el.value();
    if SKIP_TAGS.contains(&value.name()) || value.attr("hidden").is_some() {
        return true;
    }
    if value.attr("role").is_some_and(|r| SKIP_ROLES.contains(&r)) {
        return true;
    }
    if value.attr("style").is_some_and(|s| {
        s.replace(' ', "")
            .to_ascii_lowercase()
            .contains("display:none")
    }) {
        return true;
    }
    if CONTENT_CONTAINERS.contains(&value.name()) {
        return false;
    }
    let names = format!(
        "{} {}",
        value.attr("class").unwrap_or_default(),
        value.id().unwrap_or_default()
    )
    .to_ascii_lowercase();
    if names.trim().is_empty() {
        return false;
    }
    if NOISE_FRAGMENTS.iter().any(|f| names.contains(f)) {
        return true;
    }
    let mut words = names.split(|c: char| !c.is_ascii_alphanumeric());
    words.any(|w| NOISE_WORDS.contains(&w) || (mode == Mode::Body && META_WORDS.contains(&w)))
}

/// True for elements that break lines.
pub(crate) fn is_block(el: ElementRef<'_>) -> bool {
    BLOCK_TAGS.contains(&el.value().name())
}

struct Renderer {
    mode: Mode,
    article_depth: usize,
    lines: Vec<String>,
    line: String,
    pending_space: bool,
}

impl Renderer {
    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            self.lines.push(trimmed.to_string());
        }
        self.pending_space = false;
    }
}

impl<'a> Visitor<'a> for Renderer {
    fn skip(&mut self, el: ElementRef<'a>) -> bool {
        // A page's own header is chrome; an article's header holds its headline and lead.
        (el.value().name() == "header" && self.article_depth == 0) || is_furniture(el, self.mode)
    }

    fn open(&mut self, el: ElementRef<'a>) {
        let name = el.value().name();
        if name == "article" {
            self.article_depth += 1;
        }
        if name == "br" || is_block(el) {
            self.break_line();
        } else if name == "img" {
            // An image separates the words around it even without spaces in the source.
            self.pending_space = !self.line.is_empty();
        }
    }

    fn close(&mut self, el: ElementRef<'a>) {
        if el.value().name() == "article" {
            self.article_depth = self.article_depth.saturating_sub(1);
        }
        if is_block(el) {
            self.break_line();
        }
    }

    fn text(&mut self, text: &'a str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = !self.line.is_empty();
            } else {
                if self.pending_space {
                    self.line.push(' ');
                    self.pending_space = false;
                }
                self.line.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn lines(html: &str, mode: Mode) -> Vec<String> {
        let doc = Html::parse_document(html);
        render(doc.root_element(), mode)
    }

    #[test]
    fn blocks_breaks_and_inline_spacing() {
        let html = "<div><p>Đổi <b>mới</b><i>nội</i>  dung\n và <a href=#>phương&nbsp;thức</a></p>\
                    <p>Dòng một<br>Dòng hai</p><ul><li>Một</li><li>Hai</li></ul>\
                    <table><tr><td>Ô một</td><td>Ô hai</td></tr></table>Cuối &amp; hết</div>";
        assert_eq!(
            lines(html, Mode::Body),
            vec![
                "Đổi mớinội dung và phương thức",
                "Dòng một",
                "Dòng hai",
                "Một",
                "Hai",
                "Ô một",
                "Ô hai",
                "Cuối & hết"
            ]
        );
    }

    #[test]
    fn furniture_is_left_out() {
        let html = "<body><header>Trang chủ</header><nav>Menu</nav><script>var x;</script>\
                    <style>p{}</style><article><header><h1>Tiêu đề</h1>\
                    <span class='post-date'>15/11/2022</span></header><p>Nội dung.</p>\
                    <div class='box-tinlienquan'>Tin liên quan</div>\
                    <div class='social-share'>Facebook</div><div id='comments'>Bình luận</div>\
                    <!-- quảng cáo --><div style='display: none'>Ẩn</div><p hidden>Ẩn</p></article>\
                    <aside>Đọc nhiều</aside><form>Tìm</form><footer>Bản quyền</footer></body>";
        assert_eq!(lines(html, Mode::Body), vec!["Tiêu đề", "Nội dung."]);
        assert_eq!(
            lines(html, Mode::WithMeta),
            vec!["Tiêu đề", "15/11/2022", "Nội dung."]
        );
    }

    #[test]
    fn wordpress_article_classes_are_not_furniture() {
        let html = "<article class='post hentry category-tin-tuc tag-dang-vien'><p>Nội dung.</p>\
                    <div class='tags-links'>Thẻ</div></article>";
        assert_eq!(lines(html, Mode::Body), vec!["Nội dung."]);
    }

    #[test]
    fn the_root_itself_is_never_skipped() {
        let doc = Html::parse_document("<div class='post tag-dang-vien'><p>Nội dung.</p></div>");
        let sel = scraper::Selector::parse("div").expect("constant selector");
        let root = doc.select(&sel).next().expect("fixture has a div");
        assert_eq!(render(root, Mode::Body), vec!["Nội dung."]);
    }

    #[test]
    fn the_walk_is_iterative() {
        // A recursive walk needs far more than this stack for 3,000 levels. (Deeper trees take
        // html5ever quadratic time to build; `html_depth` caps them before parsing.)
        const STACK_BYTES: usize = 192 * 1024;
        let depth = 3_000;
        let worker = std::thread::Builder::new()
            .stack_size(STACK_BYTES)
            .spawn(move || {
                let html = format!(
                    "{}<p>Sâu.</p>{}",
                    "<div>".repeat(depth),
                    "</div>".repeat(depth)
                );
                lines(&html, Mode::Body)
            })
            .expect("spawn test thread");
        assert_eq!(worker.join().ok(), Some(vec!["Sâu.".to_string()]));
    }
}
