//! A document's text as paragraphs with its citation spans picked out, ready to render as
//! links. Spans come from stored JSON: any that is out of range, overlapping, inside a
//! character or across a paragraph break is skipped, never trusted.

use crate::cite::Citation;

/// A run of a paragraph: plain text, or a citation to link.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as written.
    Text(&'a str),
    /// A citation: the words as written and the key of the cited directive.
    Cite {
        /// `text[start..end]`.
        text: &'a str,
        /// The cited directive's key.
        key: &'a str,
    },
}

/// Paragraphs (separated by line breaks, blank ones dropped), each as pieces in order.
pub fn paragraphs<'a>(text: &'a str, citations: &'a [Citation]) -> Vec<Vec<Piece<'a>>> {
    let spans = usable_spans(text, citations);
    let mut spans = spans.into_iter().peekable();
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let (start, end) = (line_start, line_start + line.len());
        line_start = end + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut pieces = Vec::new();
        let mut cursor = start;
        while let Some(&(s, e, key)) = spans.peek() {
            if s >= end {
                break;
            }
            spans.next();
            if s > cursor {
                pieces.push(Piece::Text(&text[cursor..s]));
            }
            pieces.push(Piece::Cite {
                text: &text[s..e],
                key,
            });
            cursor = e;
        }
        if cursor < end {
            pieces.push(Piece::Text(&text[cursor..end]));
        }
        out.push(pieces);
    }
    out
}

/// Spans that can be marked up, sorted, without overlaps: the earliest-starting one wins.
fn usable_spans<'a>(text: &str, citations: &'a [Citation]) -> Vec<(usize, usize, &'a str)> {
    let mut spans: Vec<(usize, usize, &str)> = citations
        .iter()
        .filter(|c| {
            c.start < c.end
                && c.end <= text.len()
                && text.is_char_boundary(c.start)
                && text.is_char_boundary(c.end)
                && !c.key.is_empty()
                && !text[c.start..c.end].contains('\n')
        })
        .map(|c| (c.start, c.end, c.key.as_str()))
        .collect();
    spans.sort_unstable();
    let mut kept: Vec<(usize, usize, &str)> = Vec::with_capacity(spans.len());
    for span in spans {
        if kept.last().is_none_or(|last| span.0 >= last.1) {
            kept.push(span);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citation(start: usize, end: usize, key: &str) -> Citation {
        Citation {
            text: String::new(),
            start,
            end,
            kind: "nghi-quyet".into(),
            number: None,
            symbol: None,
            name: None,
            issuer: None,
            issuing_body: None,
            date: None,
            term: None,
            plenum: None,
            congress: None,
            article: None,
            key: key.into(),
            resolved_from: None,
            aliased_from: None,
        }
    }

    /// Renders pieces as `text [cite|key] text`, paragraphs joined by ` ¶ `.
    fn show(text: &str, citations: &[Citation]) -> String {
        paragraphs(text, citations)
            .iter()
            .map(|p| {
                p.iter()
                    .map(|piece| match piece {
                        Piece::Text(t) => t.to_string(),
                        Piece::Cite { text, key } => format!("[{text}|{key}]"),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ¶ ")
    }

    #[test]
    fn marks_citations_in_their_paragraphs() {
        let text = "Theo Nghị quyết 21.\n\n\nThực hiện Chỉ thị 05 và Nghị quyết 21.";
        let nq = text.find("Nghị quyết 21").unwrap_or(0);
        let ct = text.find("Chỉ thị 05").unwrap_or(0);
        let nq2 = text.rfind("Nghị quyết 21").unwrap_or(0);
        let cites = [
            citation(ct, ct + "Chỉ thị 05".len(), "ct/05"),
            citation(nq, nq + "Nghị quyết 21".len(), "nq/21"),
            citation(nq2, nq2 + "Nghị quyết 21".len(), "nq/21"),
        ];
        assert_eq!(
            show(text, &cites),
            "Theo [Nghị quyết 21|nq/21]. ¶ Thực hiện [Chỉ thị 05|ct/05] và [Nghị quyết 21|nq/21]."
        );
    }

    #[test]
    fn skips_spans_it_cannot_trust() {
        let text = "Văn bản số 1.\nDòng hai.";
        let line_break = text.find('\n').unwrap_or(0);
        let rows = [
            (citation(2, 6, "k"), "'ă' is two bytes: byte 2 is inside it"),
            (citation(10, 400, "k"), "end past the text"),
            (citation(400, 410, "k"), "start past the text"),
            (citation(5, 5, "k"), "empty"),
            (citation(7, 3, "k"), "reversed"),
            (citation(0, 4, ""), "no key"),
            (
                citation(line_break - 2, line_break + 3, "k"),
                "across paragraphs",
            ),
        ];
        for (c, why) in rows {
            assert_eq!(
                show(text, std::slice::from_ref(&c)),
                "Văn bản số 1. ¶ Dòng hai.",
                "{why}"
            );
        }
    }

    #[test]
    fn overlapping_spans_keep_the_first() {
        let text = "Nghị quyết 21-NQ/TW";
        let cites = [citation(0, text.len(), "a"), citation(5, 12, "b")];
        assert_eq!(show(text, &cites), "[Nghị quyết 21-NQ/TW|a]");
        assert_eq!(show("", &cites), "");
    }
}
