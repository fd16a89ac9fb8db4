//! Aggregator pages: one scraped page gluing several articles between "--- Bài mới hơn ---" and
//! "--- Bài cũ hơn ---" link lists, split back into its articles.
//!
//! Such a page reads: title, newer-list, body, older-list, next title, newer-list, body, … The
//! lists themselves are links to other articles and are dropped (see `links` for the text the
//! scraper glued to each list's last bullet).

use super::boilerplate::BoilerplateSet;
use super::links::{self, Line, Marker};
use super::page::Page;
use super::text_article::{article_from_lines, looks_like_title};

/// A body shorter than this is a leftover between lists, not an article.
const MIN_ARTICLE_CHARS: usize = 200;

/// The articles of an aggregator page, or `None` for an ordinary article (fewer than two found).
pub fn split_aggregator(text: &str) -> Option<Vec<Page>> {
    split_aggregator_with(text, &BoilerplateSet::builtin())
}

/// As `split_aggregator`, with boilerplate learned from the corpus.
pub fn split_aggregator_with(text: &str, boilerplate: &BoilerplateSet) -> Option<Vec<Page>> {
    if !links::has_markers(text) {
        return None;
    }
    let mut pages = Vec::new();
    let mut head: Vec<&str> = Vec::new();
    for segment in segments(&links::classify(text)) {
        match (segment.opened_by, segment.closed_by) {
            (Some(Marker::Newer), _) => {
                let (title, mut lines) = split_head(&head, boilerplate);
                head.clear();
                lines.extend(segment.text);
                pages.push(article_from_lines(title, &lines, boilerplate));
            }
            (_, Some(Marker::Newer)) => head = segment.text,
            _ => {
                let (title, lines) = split_head(&segment.text, boilerplate);
                pages.push(article_from_lines(title, &lines, boilerplate));
            }
        }
    }
    pages.retain(|page| page.body.chars().count() >= MIN_ARTICLE_CHARS);
    (pages.len() >= 2).then_some(pages)
}

/// The text lines between two list headings.
struct Segment<'a> {
    opened_by: Option<Marker>,
    closed_by: Option<Marker>,
    text: Vec<&'a str>,
}

fn segments<'a>(lines: &[Line<'a>]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut current = Segment {
        opened_by: None,
        closed_by: None,
        text: Vec::new(),
    };
    for line in lines {
        match *line {
            Line::Marker(marker) => {
                current.closed_by = Some(marker);
                let next = Segment {
                    opened_by: Some(marker),
                    closed_by: None,
                    text: Vec::new(),
                };
                out.push(std::mem::replace(&mut current, next));
            }
            Line::Text(s) => current.text.push(s),
            Line::Link(_) | Line::Blank => {}
        }
    }
    out.push(current);
    out
}

/// A heading and the lines after it: the first content line is the title if it looks like one.
fn split_head<'a>(
    lines: &[&'a str],
    boilerplate: &BoilerplateSet,
) -> (Option<String>, Vec<&'a str>) {
    let mut content = lines
        .iter()
        .copied()
        .filter(|l| !boilerplate.is_boilerplate(l));
    let Some(first) = content.next() else {
        return (None, Vec::new());
    };
    if looks_like_title(first) {
        (Some(first.to_string()), content.collect())
    } else {
        (None, std::iter::once(first).chain(content).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &str = "Chi bộ đã tổ chức sinh hoạt chuyên đề định kỳ, nâng cao chất lượng \
        sinh hoạt, thực hiện tốt việc phân công và kiểm tra công tác của đảng viên; giữ mối liên \
        hệ với chi ủy nơi cư trú theo quy định, gương mẫu thực hiện nghĩa vụ công dân.";

    /// A second paragraph: identical neighbours would be collapsed as a repeated caption.
    const PARAGRAPH_2: &str = "Đảng ủy cũng đã tổ chức lớp bồi dưỡng cho bí thư, phó bí thư, \
        cấp ủy viên của các tổ chức cơ sở đảng về nghiệp vụ công tác xây dựng Đảng; việc lãnh đạo \
        các chi bộ trực thuộc tổ chức đại hội nhiệm kỳ cũng hoàn thành theo kế hoạch đề ra.";

    fn page(text: String) -> String {
        text.replace("{P}", PARAGRAPH).replace("{Q}", PARAGRAPH_2)
    }

    #[test]
    fn ordinary_articles_are_not_split() {
        assert_eq!(split_aggregator("Tiêu đề\n\nNội dung bài viết."), None);
        // Lists around a single article: an article with related links, not an aggregator.
        let one = page(
            "Tiêu đề\n\n--- Bài mới hơn ---\n\n • A\n • {P}\n\n{P}\n\n--- Bài cũ hơn ---\n\n • B\n • C"
                .into(),
        );
        assert_eq!(split_aggregator(&one), None);
    }

    #[test]
    fn two_articles_with_titles_dates_and_bylines() {
        let text = page(
            "Bài Một\n\n--- Bài mới hơn ---\n\n • Liên Kết A\n • {P}\n\n  {Q}\n\n  \
             --- Bài cũ hơn ---\n\n • Liên Kết B\n • Bài Hai\n\n  --- Bài mới hơn ---\n\n \
             • Liên Kết C\n • Ngày đăng: 26/02/2020 11:16\n\n  * ANH DŨNG\n\n  {P}\n\n  \
             --- Bài cũ hơn ---\n\n • Liên Kết D\n • Web hay"
                .into(),
        );
        let pages = split_aggregator(&text).unwrap_or_default();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].title.as_deref(), Some("Bài Một"));
        assert_eq!(pages[0].body, format!("{PARAGRAPH}\n\n{PARAGRAPH_2}"));
        assert_eq!(pages[1].title.as_deref(), Some("Bài Hai"));
        assert_eq!(pages[1].date, Some(time::macros::date!(2020 - 02 - 26)));
        assert_eq!(pages[1].author.as_deref(), Some("ANH DŨNG"));
        assert_eq!(pages[1].body, PARAGRAPH);
        for p in &pages {
            assert!(!p.body.contains("Liên Kết"));
        }
    }

    #[test]
    fn trivial_fragments_are_dropped() {
        let text = page(
            "Bài Một\n--- Bài mới hơn ---\n • A\n • {P}\n--- Bài cũ hơn ---\n • B\n • Bài Hai\n\
             --- Bài mới hơn ---\n • C\n • Ngắn.\n--- Bài cũ hơn ---\n • D\n • Bài Ba\n\
             --- Bài mới hơn ---\n • E\n • {P}\n--- Bài cũ hơn ---\n • F"
                .into(),
        );
        let pages = split_aggregator(&text).unwrap_or_default();
        let titles: Vec<_> = pages.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(titles, vec![Some("Bài Một"), Some("Bài Ba")]);
    }

    #[test]
    fn article_without_heading_has_no_title() {
        let text = page(
            "{P}\n--- Bài mới hơn ---\n • A\n • {Q}\n--- Bài cũ hơn ---\n • B\n • Bài Hai\n\
             --- Bài mới hơn ---\n • C\n • {P}\n--- Bài cũ hơn ---\n • D"
                .into(),
        );
        let pages = split_aggregator(&text).unwrap_or_default();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].title, None);
        assert_eq!(pages[0].body, format!("{PARAGRAPH}\n\n{PARAGRAPH_2}"));
    }
}
