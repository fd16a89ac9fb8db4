//! The raw query string, checked as form decoding will read it but strictly: form decoding
//! keeps a bad `%` as text and turns bytes that are not UTF-8 into U+FFFD.

use percent_encoding::percent_decode_str;

use super::{quoted, ParamError};

/// Control characters a query string may hold: a query pasted from a document brings tabs
/// and line breaks, and the query language reads them as the spaces they stand for.
const WHITESPACE_CONTROLS: [char; 3] = ['\t', '\n', '\r'];

/// Checks every name and value of a raw query string as form decoding will read it.
pub fn check(query: &str) -> Result<(), ParamError> {
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = decode(raw_name, &quoted(raw_name))?;
        decode(raw_value, &name)?;
    }
    Ok(())
}

/// One name or value decoded strictly; `name` is the parameter to blame.
fn decode(raw: &str, name: &str) -> Result<String, ParamError> {
    for (at, _) in raw.match_indices('%') {
        let hex = raw.get(at + 1..at + 3);
        if !hex.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) {
            return Err(ParamError::Encoding {
                name: name.to_string(),
                found: raw[at..].chars().take(3).collect(),
            });
        }
    }
    let spaced = raw.replace('+', " ");
    let text = percent_decode_str(&spaced)
        .decode_utf8()
        .map_err(|_| ParamError::NotUtf8 {
            name: name.to_string(),
        })?;
    if let Some(found) = text
        .chars()
        .find(|c| c.is_control() && !WHITESPACE_CONTROLS.contains(c))
    {
        return Err(ParamError::Control {
            name: name.to_string(),
            found,
        });
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_query_strings() {
        let bad = |name: &str, found: &str| {
            Err(ParamError::Encoding {
                name: name.into(),
                found: found.into(),
            })
        };
        let control = |found: char| {
            Err(ParamError::Control {
                name: "q".into(),
                found,
            })
        };
        let not_utf8 = || Err(ParamError::NotUtf8 { name: "q".into() });
        let rows = [
            ("", Ok(())),
            (
                "q=h%C6%B0%E1%BB%9Bng+d%E1%BA%ABn&cites=nghi-quyet%2F21-NQ%2FTW",
                Ok(()),
            ),
            ("q=ho%CC%80a", Ok(())),
            ("q=a%09b%0Ac%0D%0A", Ok(())),
            ("q=%22chi+b%E1%BB%99%22", Ok(())),
            ("q&&limit=", Ok(())),
            ("q=%ZZ", bad("q", "%ZZ")),
            ("q=abc%", bad("q", "%")),
            ("q=abc%4", bad("q", "%4")),
            ("limit=1&%G1=x", bad("%G1", "%G1")),
            ("q=%C3", not_utf8()),
            ("q=%FF%FE", not_utf8()),
            ("q=a%01b", control('\u{1}')),
            ("q=%1b%5b31m", control('\u{1b}')),
            ("q=%7F", control('\u{7f}')),
            ("q=%C2%85", control('\u{85}')),
        ];
        for (query, expected) in rows {
            assert_eq!(check(query), expected, "{query}");
        }
    }
}
