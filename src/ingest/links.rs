//! Link lists of aggregator pages: "--- Bài mới hơn ---" / "--- Bài cũ hơn ---" followed by
//! " • Title" bullets, the titles of other articles.
//!
//! The scraper that made such pages lost the line break after each list, so the last bullet of a
//! list is glued text: after "Bài mới hơn" it is the article's first paragraph (or its byline or
//! dateline), after "Bài cũ hơn" it is the next article's title. A list that ends the page has
//! nothing glued to it.

use std::sync::LazyLock;

use regex::Regex;

/// The two list headings.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^-{2,}\s*bài\s+(mới|cũ)\s+hơn\s*-{2,}$").expect("constant regex")
});

/// The bullet that starts a list item.
const BULLET: char = '•';

/// Link titles are headlines; an item longer than this is a paragraph.
const MAX_LINK_TITLE_CHARS: usize = 160;

/// Which list a marker opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// "--- Bài mới hơn ---": newer articles; the current article's body follows the list.
    Newer,
    /// "--- Bài cũ hơn ---": older articles; the next article's title is glued to the list.
    Older,
}

/// One line of a page, classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// A list heading.
    Marker(Marker),
    /// The title of another article, in a list.
    Link(&'a str),
    /// Article text (trimmed; a glued bullet without its bullet).
    Text(&'a str),
    /// An empty line.
    Blank,
}

/// Classifies every line of `text`; see the module doc for the glued last bullet.
pub fn classify(text: &str) -> Vec<Line<'_>> {
    let raw: Vec<Raw<'_>> = text.lines().map(raw_line).collect();
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&line) = raw.get(i) {
        i += 1;
        let Raw::Marker(marker) = line else {
            out.push(line.plain());
            continue;
        };
        out.push(Line::Marker(marker));
        // The list: blanks and bullets up to the first other line.
        let start = i;
        while matches!(raw.get(i), Some(Raw::Blank | Raw::Bullet(..))) {
            i += 1;
        }
        let list = raw.get(start..i).unwrap_or_default();
        let last_bullet = list.iter().rposition(|l| matches!(l, Raw::Bullet(..)));
        let glued = |item: &str| match raw.get(i) {
            None => false,
            Some(Raw::Marker(Marker::Newer)) => marker == Marker::Older,
            // A one-paragraph article between its two lists.
            Some(Raw::Marker(Marker::Older)) => marker == Marker::Newer && looks_like_prose(item),
            Some(_) => true,
        };
        for (k, &item) in list.iter().enumerate() {
            out.push(match item {
                Raw::Bullet(_, s) if Some(k) == last_bullet && glued(s) => Line::Text(s),
                Raw::Bullet(_, s) => Line::Link(s),
                other => other.plain(),
            });
        }
    }
    out
}

/// True when the page has aggregator list headings at all.
pub fn has_markers(text: &str) -> bool {
    text.lines().any(|line| MARKER.is_match(line.trim()))
}

/// True for a list item that reads as a paragraph rather than a link title.
fn looks_like_prose(item: &str) -> bool {
    item.chars().count() > MAX_LINK_TITLE_CHARS || item.ends_with(['.', '!', '?', ':', ';'])
}

/// A line before lists are taken into account.
#[derive(Debug, Clone, Copy)]
enum Raw<'a> {
    Marker(Marker),
    /// The whole line and the item after the bullet.
    Bullet(&'a str, &'a str),
    Text(&'a str),
    Blank,
}

impl<'a> Raw<'a> {
    /// The line outside any list: a bullet is then ordinary text, bullet included.
    fn plain(self) -> Line<'a> {
        match self {
            Raw::Marker(m) => Line::Marker(m),
            Raw::Bullet(s, _) | Raw::Text(s) => Line::Text(s),
            Raw::Blank => Line::Blank,
        }
    }
}

fn raw_line(line: &str) -> Raw<'_> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Raw::Blank;
    }
    if let Some(caps) = MARKER.captures(trimmed) {
        let newer = caps
            .get(1)
            .is_some_and(|m| m.as_str().to_lowercase() == "mới");
        return Raw::Marker(if newer { Marker::Newer } else { Marker::Older });
    }
    match trimmed.strip_prefix(BULLET) {
        Some(item) if !item.trim().is_empty() => Raw::Bullet(trimmed, item.trim()),
        _ => Raw::Text(trimmed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_glued_lines() {
        let text = "Nhiệm Vụ Của Tổ Chức Cơ Sở Đảng\n\n--- Bài mới hơn ---\n\n \
                    • Vai Trò Của Công Đoàn\n • Điều 23 Điều lệ Đảng đã quy định\n\n  \
                    – Một là, chấp hành.\n\n  --- Bài cũ hơn ---\n\n • Ban Tổ Chức Tiếng Anh Là Gì\n \
                    • Tìm Hiểu Về Chức Năng\n\n  --- Bài mới hơn ---\n\n • Nhiệm Vụ Của Tổ Chức\n \
                    • – Tổ chức cơ sở Đảng là\n\n  --- Bài cũ hơn ---\n\n • Web hay\n • Push";
        let want = vec![
            Line::Text("Nhiệm Vụ Của Tổ Chức Cơ Sở Đảng"),
            Line::Blank,
            Line::Marker(Marker::Newer),
            Line::Blank,
            Line::Link("Vai Trò Của Công Đoàn"),
            Line::Text("Điều 23 Điều lệ Đảng đã quy định"),
            Line::Blank,
            Line::Text("– Một là, chấp hành."),
            Line::Blank,
            Line::Marker(Marker::Older),
            Line::Blank,
            Line::Link("Ban Tổ Chức Tiếng Anh Là Gì"),
            Line::Text("Tìm Hiểu Về Chức Năng"),
            Line::Blank,
            Line::Marker(Marker::Newer),
            Line::Blank,
            Line::Link("Nhiệm Vụ Của Tổ Chức"),
            // Only the next list follows; a short item without a full stop is a link.
            Line::Link("– Tổ chức cơ sở Đảng là"),
            Line::Blank,
            Line::Marker(Marker::Older),
            Line::Blank,
            Line::Link("Web hay"),
            Line::Link("Push"),
        ];
        assert_eq!(classify(text), want);
    }

    #[test]
    fn newer_list_straight_before_older_list() {
        let text = "--- Bài mới hơn ---\n • A\n • B\n--- Bài cũ hơn ---\n • C";
        let links = classify(text)
            .into_iter()
            .filter(|l| matches!(l, Line::Link(_)))
            .count();
        assert_eq!(links, 3);
        // A one-paragraph article glued to the list.
        let text = "--- Bài mới hơn ---\n • A\n • Chi bộ họp.\n--- Bài cũ hơn ---\n • C";
        assert!(classify(text).contains(&Line::Text("Chi bộ họp.")));
    }

    #[test]
    fn bullets_outside_lists_are_text() {
        let text = "Tiêu đề\n • một ý\n • hai ý";
        assert_eq!(
            classify(text),
            vec![
                Line::Text("Tiêu đề"),
                Line::Text("• một ý"),
                Line::Text("• hai ý")
            ]
        );
        assert!(!has_markers(text));
        assert!(has_markers("a\n  --- Bài cũ hơn ---\n"));
    }

    #[test]
    fn empty_and_marker_only_pages() {
        assert!(classify("").is_empty());
        assert_eq!(
            classify("--- Bài mới hơn ---"),
            vec![Line::Marker(Marker::Newer)]
        );
    }
}
