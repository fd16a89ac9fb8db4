//! JSON Lines records: one document a line, `{"id", "title", "body" | "html", "date"?, "url"?, "source"?}`.

use serde::Deserialize;

/// One record as it stands in the file.
#[derive(Debug, Deserialize)]
pub struct Record {
    /// The document id, kept exactly.
    pub id: serde_json::Value,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Plain text body.
    #[serde(default)]
    pub body: Option<String>,
    /// HTML body, used when there is no plain body.
    #[serde(default)]
    pub html: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD` (a time part is ignored).
    #[serde(default)]
    pub date: Option<String>,
    /// Original URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Publisher or source name.
    #[serde(default)]
    pub source: Option<String>,
    /// Author.
    #[serde(default)]
    pub author: Option<String>,
}

/// Parses one line; the error says what is wrong with it.
pub fn parse_line(line: &str) -> Result<Record, String> {
    // A byte order mark, which Windows editors write, starts a file's first line.
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let record: Record = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    if record.body.is_none() && record.html.is_none() {
        return Err("record has neither `body` nor `html`".into());
    }
    Ok(record)
}

impl Record {
    /// The id as text: strings kept exactly, numbers written out.
    pub fn id_text(&self) -> Option<String> {
        match &self.id {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// The date, when it parses as `YYYY-MM-DD` at the start of the field.
    pub fn parsed_date(&self) -> Option<time::Date> {
        let s = self.date.as_deref()?.trim();
        let day = s.get(..10)?;
        time::Date::parse(
            day,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_records() {
        let r = parse_line(
            r#"{"id": "baomoi-1", "title": "T", "body": "B", "date": "2022-11-15T05:16:00+07:00"}"#,
        )
        .unwrap();
        assert_eq!(r.id_text().as_deref(), Some("baomoi-1"));
        assert_eq!(r.parsed_date(), Some(time::macros::date!(2022 - 11 - 15)));
        let r = parse_line(r#"{"id": 7, "html": "<p>x</p>"}"#).unwrap();
        assert_eq!(r.id_text().as_deref(), Some("7"));
    }

    #[test]
    fn a_byte_order_mark_before_the_first_record_is_not_part_of_it() {
        let record = parse_line("\u{feff}{\"id\": \"a\", \"body\": \"x\"}");
        assert_eq!(record.ok().and_then(|r| r.id_text()), Some("a".into()));
    }

    #[test]
    fn rejects_bad_records_with_a_reason() {
        assert!(parse_line("{").unwrap_err().contains("invalid JSON"));
        assert!(parse_line(r#"{"id": "x"}"#)
            .unwrap_err()
            .contains("neither"));
    }
}
