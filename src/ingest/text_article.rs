//! Scraped plain-text articles: the headline, the dateline and byline under it, and the body
//! without share bars, counters and the related-article tail.

use super::boilerplate::{self, BoilerplateSet};
use super::byline;
use super::dates;
use super::links::{self, Line};
use super::page::Page;

/// How many content lines at the top may hold the headline (boilerplate lines are not counted).
const TITLE_SEARCH_LINES: usize = 3;

/// A headline longer than this is a paragraph: the page printed none (seed 003's headline, a
/// full sentence, has 150 characters).
const MAX_TITLE_CHARS: usize = 200;

/// How many content lines under the headline may be the dateline or byline.
const HEADER_LINES: usize = 4;

/// How many closing lines may carry the author's credit ("Tác giả bài viết: …", "K.ANH").
const TAIL_LINES: usize = 3;

/// Extracts title, date, author and body from a scraped plain-text article.
pub fn extract_text(text: &str) -> Page {
    extract_text_with(text, &BoilerplateSet::builtin())
}

/// As `extract_text`, with boilerplate learned from the corpus.
pub fn extract_text_with(text: &str, boilerplate: &BoilerplateSet) -> Page {
    let lines: Vec<&str> = links::classify(text)
        .into_iter()
        .filter_map(|line| match line {
            Line::Text(s) => Some(s),
            _ => None,
        })
        .collect();
    let title_at = find_title(&lines, boilerplate);
    let title = title_at.and_then(|i| lines.get(i)).map(|s| s.to_string());
    let rest: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| Some(i) != title_at)
        .map(|(_, line)| *line)
        .collect();
    let mut page = article_from_lines(title, &rest, boilerplate);
    // A text of one short line is a note, not a headline over nothing: its line is its text.
    if page.body.is_empty() {
        if let Some(title) = &page.title {
            page.body.clone_from(title);
        }
    }
    page
}

/// Builds a page from a known title and the lines under it: dateline, byline, body.
pub(crate) fn article_from_lines(
    title: Option<String>,
    lines: &[&str],
    boilerplate: &BoilerplateSet,
) -> Page {
    let mut content: Vec<&str> = Vec::with_capacity(lines.len());
    for line in lines.iter().map(|l| l.trim()) {
        if line.is_empty() {
            continue;
        }
        if boilerplate::is_section_end(line) && !content.is_empty() {
            break;
        }
        if !boilerplate.is_boilerplate(line) {
            content.push(line);
        }
    }
    let header: Vec<&str> = content.iter().take(HEADER_LINES).copied().collect();
    let date = dates::find_publication_date(&header);
    let mut author = None;
    let mut body: Vec<&str> = Vec::with_capacity(content.len());
    for (i, &line) in content.iter().enumerate() {
        if i < HEADER_LINES {
            if let Some(name) = byline::parse_byline(line) {
                author.get_or_insert(name);
                continue;
            }
            if dates::is_dateline(line) {
                continue;
            }
        }
        // Scrapers print an image's alt text and its caption: the same line twice.
        if body.last() != Some(&line) {
            body.push(line);
        }
    }
    let tail = body
        .get(body.len().saturating_sub(TAIL_LINES)..)
        .unwrap_or_default();
    let author = author
        .or_else(|| tail.iter().find_map(|l| byline::parse_credit(l)))
        .or_else(|| body.last().and_then(|l| byline::parse_signature(l)));
    Page {
        title,
        date,
        author,
        body: body.join("\n\n"),
    }
}

/// Index of the headline: the first content line near the top, if it is short enough.
fn find_title(lines: &[&str], boilerplate: &BoilerplateSet) -> Option<usize> {
    let (i, line) = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !boilerplate.is_boilerplate(l))
        .take(TITLE_SEARCH_LINES)
        .find(|(_, l)| !dates::is_dateline(l) && byline::parse_byline(l).is_none())?;
    looks_like_title(line).then_some(i)
}

/// True for a line that can be a headline: short, and not a dateline, byline or section heading.
pub(crate) fn looks_like_title(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_CHARS
        && !dates::is_dateline(line)
        && byline::parse_byline(line).is_none()
        && !boilerplate::is_section_end(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn headline_dateline_and_tail() {
        let text = "Theo dõi trên\n\nĐổi mới nội dung\n\n15/11/2022, 05:16 - Lượt đọc: 510\n\n\
                    Đoạn một.\n\nĐoạn hai.\n\nK.ANH\n\n\n(0) Bình luận\nBài liên quan\n\
                    Bài khác\nNổi bật\nPOWERED BY ONECMS - A PRODUCT OF NEKO\nĐổi mới nội dung";
        let page = extract_text(text);
        assert_eq!(page.title.as_deref(), Some("Đổi mới nội dung"));
        assert_eq!(page.date, Some(date!(2022 - 11 - 15)));
        assert_eq!(page.author.as_deref(), Some("K.ANH"));
        assert_eq!(page.body, "Đoạn một.\n\nĐoạn hai.\n\nK.ANH");
    }

    #[test]
    fn byline_with_bar() {
        let page = extract_text("Tiêu đề\n\nHÀN GIANG |\n\nMở đầu.\n\nẢnh: N.Đ\nẢnh: N.Đ\n\nHết.");
        assert_eq!(page.author.as_deref(), Some("HÀN GIANG"));
        assert_eq!(page.date, None);
        assert_eq!(page.body, "Mở đầu.\n\nẢnh: N.Đ\n\nHết.");
    }

    #[test]
    fn dateline_before_title_and_credit_line() {
        let text = "Thứ năm - 04/07/2019 15:06\nTiêu đề bài\nNội dung.\n\
                    Tác giả bài viết: Đức Thuận - Ban Tuyên giáo\n\n\
                    Tổng số điểm của bài viết là: 0 trong 0 đánh giá\nNhững tin mới hơn";
        let page = extract_text(text);
        assert_eq!(page.title.as_deref(), Some("Tiêu đề bài"));
        assert_eq!(page.date, Some(date!(2019 - 07 - 04)));
        assert_eq!(page.author.as_deref(), Some("Đức Thuận"));
        assert!(page.body.starts_with("Nội dung."));
        assert!(!page.body.contains("Tổng số điểm"));
    }

    #[test]
    fn no_title_when_page_starts_with_a_paragraph() {
        let long = "Nâng cao chất lượng tổ chức cơ sở đảng là nhiệm vụ trọng tâm. ".repeat(8);
        let page = extract_text(&long);
        assert_eq!(page.title, None);
        assert_eq!(page.body, long.trim());
    }

    #[test]
    fn a_text_of_one_short_line_is_its_own_body() {
        let page = extract_text("Hội nghị quán triệt Chỉ thị 05-CT/TW.\n");
        assert_eq!(page.body, "Hội nghị quán triệt Chỉ thị 05-CT/TW.");
        assert_eq!(
            page.title.as_deref(),
            Some("Hội nghị quán triệt Chỉ thị 05-CT/TW.")
        );
    }

    #[test]
    fn empty_and_boilerplate_only_input() {
        assert_eq!(extract_text(""), Page::default());
        let page = extract_text("Chia sẻ\nLượt đọc\n(0) Bình luận");
        assert_eq!(page.title, None);
        assert_eq!(page.body, "");
    }
}
