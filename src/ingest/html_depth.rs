//! Caps how deeply a page's tags nest, before it is parsed. html5ever checks "has an element in
//! scope" by walking the stack of open elements for every tag, so parse time grows with the
//! square of the nesting depth: 16,000 nested `<div>`s take half a minute, 100,000 take hours.
//! Real articles nest a few dozen deep; tags beyond the cap are dropped and their text kept.

use std::borrow::Cow;

/// Deepest nesting kept. News pages reach 40–80; this leaves room and bounds each scope check.
pub(crate) const MAX_NESTING: usize = 256;

/// Elements without end tags: they never deepen the tree.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame",
];

/// Elements the parser closes by itself when a sibling starts: they do not accumulate.
const IMPLIED_END_TAGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead",
    "tbody", "tfoot", "colgroup",
];

/// Elements whose content is text, not tags: skipped to their end tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "iframe",
    "plaintext",
];

/// `html` with start and end tags nested deeper than `max_depth` removed.
pub(crate) fn cap_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    if bytes.iter().filter(|&&b| b == b'<').count() <= max_depth {
        return Cow::Borrowed(html);
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(lt) = find(bytes, b"<", i) {
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        if bytes
            .get(lt..)
            .is_some_and(|rest| rest.starts_with(b"<!--"))
        {
            i = find(bytes, b"-->", lt + 4).map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if next == b'!' || next == b'?' {
            i = find(bytes, b">", lt).map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { lt + 2 } else { lt + 1 };
        let name = tag_name(bytes, name_start);
        if name.is_empty() {
            i = lt + 1;
            continue;
        }
        let end = tag_end(bytes, name_start + name.len());
        let counted = !VOID_TAGS.contains(&name.as_str())
            && !IMPLIED_END_TAGS.contains(&name.as_str())
            && !RAW_TEXT_TAGS.contains(&name.as_str());
        let self_closing = end > 1 && bytes.get(end - 2) == Some(&b'/');
        let mut drop = false;
        if counted && closing {
            drop = depth > max_depth;
            depth = depth.saturating_sub(1);
        } else if counted && !self_closing {
            depth += 1;
            drop = depth > max_depth;
        }
        if drop {
            out.push_str(html.get(copied..lt).unwrap_or_default());
            copied = end;
        }
        i = end;
        if !closing && RAW_TEXT_TAGS.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ignore_case(bytes, close.as_bytes(), end).unwrap_or(bytes.len());
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(html.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// The lower-cased tag name starting at `start` (ASCII letters, digits, `-`).
fn tag_name(bytes: &[u8], start: usize) -> String {
    let rest = bytes.get(start..).unwrap_or_default();
    if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
        return String::new();
    }
    rest.iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// The index after the `>` that ends the tag whose attributes start at `from`; quotes respected.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let hay = bytes.get(from..)?;
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ignore_case(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let hay = bytes.get(from..)?;
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<div><p>Một<br><img src=x><div>Hai</div></div>";
        assert!(matches!(cap_nesting(html, 2), Cow::Borrowed(_)));
        assert!(matches!(cap_nesting(html, 256), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_text_kept() {
        let html = "<div><div><div><b>Sâu</b></div></div></div>";
        assert_eq!(cap_nesting(html, 2), "<div><div>Sâu</div></div>");
    }

    #[test]
    fn raw_text_comments_and_quotes_are_not_tags() {
        let html = "<div a='>'><script>if (a<b) {'<div><div>'}</script><!-- <div><div> -->\
                    <div title=\"<div>\"><span>x</span></div></div>";
        assert_eq!(
            cap_nesting(html, 2),
            "<div a='>'><script>if (a<b) {'<div><div>'}</script><!-- <div><div> -->\
             <div title=\"<div>\">x</div></div>"
        );
    }

    #[test]
    fn implied_end_tags_do_not_count() {
        let html = format!("<ul>{}</ul>", "<li>mục".repeat(10));
        assert_eq!(cap_nesting(&html, 2), html);
    }

    #[test]
    fn malformed_input() {
        for html in [
            "<", "<<<", "</", "<div", "<div a='", "<!--", "<script>", "<a<b<c",
        ] {
            assert!(cap_nesting(html, 0).len() <= html.len());
        }
    }

    #[test]
    fn hundred_thousand_divs_become_shallow() {
        let depth = 100_000;
        let html = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let capped = cap_nesting(&html, MAX_NESTING);
        assert_eq!(capped.matches("<div>").count(), MAX_NESTING);
        assert_eq!(capped.matches("</div>").count(), MAX_NESTING);
    }
}
