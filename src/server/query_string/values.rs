//! The values of the search parameters, checked once for the API and the pages. An empty
//! value is an absent one (a form sends every field).

use super::ParamError;
use crate::cite;

/// A whole number, `None` when absent.
pub fn number(name: &'static str, value: Option<String>) -> Result<Option<usize>, ParamError> {
    match non_empty(value) {
        None => Ok(None),
        Some(v) => v
            .parse()
            .map(Some)
            .map_err(|_| ParamError::NotNumber { name, value: v }),
    }
}

/// A day `YYYY-MM-DD`, `None` when absent.
pub fn date(name: &'static str, value: Option<String>) -> Result<Option<time::Date>, ParamError> {
    match non_empty(value) {
        None => Ok(None),
        Some(v) => parse_date(&v)
            .map(Some)
            .ok_or(ParamError::NotDate { name, value: v }),
    }
}

/// `from` and `to` as a range that holds at least one day.
pub fn range(
    from: Option<time::Date>,
    to: Option<time::Date>,
) -> Result<(Option<time::Date>, Option<time::Date>), ParamError> {
    match (from, to) {
        (Some(from), Some(to)) if from > to => Err(ParamError::EmptyRange { from, to }),
        _ => Ok((from, to)),
    }
}

/// A document type slug of [`cite::DOC_TYPES`], `None` when absent. Unlike a cited key,
/// which is open-ended, the types are a closed list: another slug is a typo that would
/// silently find nothing.
pub fn doc_type(value: Option<String>) -> Result<Option<String>, ParamError> {
    match non_empty(value) {
        None => Ok(None),
        Some(v) if cite::doc_type(&v).is_some() => Ok(Some(v)),
        Some(v) => Err(ParamError::UnknownType(v)),
    }
}

/// A switch: on for `1` or `true`, off for `0`, `false` or absent; anything else is an
/// error rather than a guess.
pub fn flag(name: &'static str, value: Option<String>) -> Result<bool, ParamError> {
    match non_empty(value) {
        None => Ok(false),
        Some(v) if v == "1" || v.eq_ignore_ascii_case("true") => Ok(true),
        Some(v) if v == "0" || v.eq_ignore_ascii_case("false") => Ok(false),
        Some(v) => Err(ParamError::NotBoolean { name, value: v }),
    }
}

/// The value trimmed, `None` when absent or blank.
pub fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A day `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(value, format).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn switches() {
        let rows = [
            (None, Some(false)),
            (some(""), Some(false)),
            (some(" 0 "), Some(false)),
            (some("false"), Some(false)),
            (some("1"), Some(true)),
            (some("TRUE"), Some(true)),
            (some("2"), None),
            (some("yes"), None),
        ];
        for (value, expected) in rows {
            assert_eq!(flag("verbatim", value.clone()).ok(), expected, "{value:?}");
        }
    }

    #[test]
    fn types_are_a_closed_list() {
        let rows = [
            (None, Some(None)),
            (some(" "), Some(None)),
            (some("chi-thi"), Some(some("chi-thi"))),
            (some(" nghi-quyet "), Some(some("nghi-quyet"))),
            (some("foo"), None),
            (some("Chi-thi"), None),
        ];
        for (value, expected) in rows {
            assert_eq!(doc_type(value.clone()).ok(), expected, "{value:?}");
        }
    }

    #[test]
    fn ranges_hold_a_day() {
        let day = |v: &str| parse_date(v);
        let rows = [
            (None, None, true),
            (day("2023-01-01"), None, true),
            (None, day("2020-01-01"), true),
            (day("2020-01-01"), day("2020-01-01"), true),
            (day("2020-01-01"), day("2023-01-01"), true),
            (day("2023-01-01"), day("2020-01-01"), false),
        ];
        for (from, to, ok) in rows {
            assert_eq!(range(from, to).is_ok(), ok, "{from:?} {to:?}");
        }
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(number("limit", some(" 5 ")), Ok(Some(5)));
        assert_eq!(number("limit", some("")), Ok(None));
        assert!(number("limit", some("-3")).is_err());
        assert_eq!(
            date("from", some("2022-06-16")),
            Ok(parse_date("2022-06-16"))
        );
        assert!(date("from", some("2022-13-45")).is_err());
    }
}
