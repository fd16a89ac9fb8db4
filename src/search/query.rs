//! The query language users type: words (all required), "quoted phrases", and -excluded
//! words. Everything else is text: `field:` prefixes, AND/OR/NOT and stray punctuation are
//! searched as words or dropped, never an error, because people paste whatever they have.

/// Longest query accepted, in bytes; longer ones are refused with a message, not truncated.
pub const MAX_QUERY_BYTES: usize = 2000;

/// Most clauses a query may have: each is several tantivy queries.
pub const MAX_CLAUSES: usize = 64;

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserQuery {
    /// The clauses in the order typed.
    pub clauses: Vec<Clause>,
}

/// A word or phrase of the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// The text as typed (without quotes or the minus sign).
    pub text: String,
    /// Typed inside quotes: its words must be adjacent.
    pub phrase: bool,
    /// Prefixed with `-`: documents containing it are excluded.
    pub negated: bool,
}

/// Why a query cannot be run.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// Over [`MAX_QUERY_BYTES`].
    #[error("query is too long ({0} bytes; at most {MAX_QUERY_BYTES})")]
    TooLong(usize),
    /// Over [`MAX_CLAUSES`].
    #[error("query has too many words or phrases ({0}; at most {MAX_CLAUSES})")]
    TooManyClauses(usize),
}

/// Parses what the user typed. An unbalanced quote runs to the end of the query.
pub fn parse(input: &str) -> Result<UserQuery, QueryError> {
    if input.len() > MAX_QUERY_BYTES {
        return Err(QueryError::TooLong(input.len()));
    }
    let mut clauses = Vec::new();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let negated = rest.starts_with('-') && rest.len() > 1;
        let after_sign = if negated { &rest[1..] } else { rest };
        let (text, phrase, remaining) =
            if let Some(inner) = after_sign.strip_prefix(['"', '“', '”']) {
                match inner.find(['"', '“', '”']) {
                    Some(end) => {
                        let close_len = inner[end..].chars().next().map_or(1, char::len_utf8);
                        (&inner[..end], true, &inner[end + close_len..])
                    }
                    None => (inner, true, ""),
                }
            } else {
                let end = after_sign
                    .find(char::is_whitespace)
                    .unwrap_or(after_sign.len());
                (&after_sign[..end], false, &after_sign[end..])
            };
        let text = text.trim();
        if !text.is_empty() {
            clauses.push(Clause {
                text: text.to_string(),
                phrase,
                negated,
            });
        }
        rest = remaining.trim_start();
    }
    if clauses.len() > MAX_CLAUSES {
        return Err(QueryError::TooManyClauses(clauses.len()));
    }
    Ok(UserQuery { clauses })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(text: &str, phrase: bool, negated: bool) -> Clause {
        Clause {
            text: text.into(),
            phrase,
            negated,
        }
    }

    #[test]
    fn parses_words_phrases_and_exclusions() {
        let table: [(&str, Vec<Clause>); 8] = [
            (
                "huong dan 38",
                vec![
                    clause("huong", false, false),
                    clause("dan", false, false),
                    clause("38", false, false),
                ],
            ),
            (
                "\"sinh hoạt chi bộ\"",
                vec![clause("sinh hoạt chi bộ", true, false)],
            ),
            (
                "đảng -đoàn",
                vec![clause("đảng", false, false), clause("đoàn", false, true)],
            ),
            (
                "-\"chi bộ\" x",
                vec![clause("chi bộ", true, true), clause("x", false, false)],
            ),
            ("“chi bộ”", vec![clause("chi bộ", true, false)]),
            (
                "\"unbalanced quote",
                vec![clause("unbalanced quote", true, false)],
            ),
            ("- a", vec![clause("a", false, false)]),
            ("   ", vec![]),
        ];
        for (input, expected) in table {
            assert_eq!(parse(input).unwrap().clauses, expected, "{input}");
        }
    }

    #[test]
    fn refuses_monsters_with_a_reason() {
        let long = "a".repeat(MAX_QUERY_BYTES + 1);
        assert_eq!(parse(&long), Err(QueryError::TooLong(MAX_QUERY_BYTES + 1)));
        let many = "a ".repeat(MAX_CLAUSES + 1);
        assert_eq!(
            parse(&many),
            Err(QueryError::TooManyClauses(MAX_CLAUSES + 1))
        );
    }

    #[test]
    fn odd_input_is_text_not_an_error() {
        for input in [
            "AND OR NOT",
            "title: x",
            "((",
            "\"",
            "\"\"",
            "--",
            "\u{0}\u{7}",
        ] {
            assert!(parse(input).is_ok(), "{input}");
        }
    }
}
