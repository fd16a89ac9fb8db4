//! The ALQAC 2023 benchmark files: `articles.jsonl` (`id` = "<law>@<article>", `law`,
//! `article`, `text`) and `queries.jsonl` (`id`, `text`, `relevant`: article ids).

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::EvalError;

/// One article of a law: the unit retrieved.
#[derive(Clone, Debug, Deserialize)]
pub struct Article {
    /// "<law>@<article>", e.g. "Luật Cư trú@38".
    pub id: String,
    /// The law's name, e.g. "Luật Cư trú".
    pub law: String,
    /// The article number as written.
    pub article: String,
    /// The article's text, its heading first.
    pub text: String,
}

/// One question with the articles that answer it.
#[derive(Clone, Debug, Deserialize)]
pub struct Question {
    /// Question id, e.g. "DS-3".
    pub id: String,
    /// The question as written, with accents.
    pub text: String,
    /// Ids of the articles that answer it.
    pub relevant: Vec<String>,
}

/// The benchmark: articles and questions.
#[derive(Clone, Debug)]
pub struct Benchmark {
    /// Every article.
    pub articles: Vec<Article>,
    /// Every question.
    pub questions: Vec<Question>,
}

/// Reads `articles.jsonl` and `queries.jsonl` from `dir`.
pub fn load(dir: &Path) -> Result<Benchmark, EvalError> {
    Ok(Benchmark {
        articles: read_jsonl(&dir.join("articles.jsonl"))?,
        questions: read_jsonl(&dir.join("queries.jsonl"))?,
    })
}

/// Parses every non-blank line of a JSON Lines file; the error names the file and line.
fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_lines(&text, path)
}

fn parse_lines<T: DeserializeOwned>(text: &str, path: &Path) -> Result<Vec<T>, EvalError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|source| EvalError::Record {
                path: PathBuf::from(path),
                line: n + 1,
                source,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_records_and_names_bad_lines() {
        let text = concat!(
            r#"{"id": "DS-3", "text": "Sổ hộ khẩu?", "relevant": ["Luật Cư trú@38"]}"#,
            "\n\n",
            r#"{"id": "DS-4", "text": "x", "relevant": []}"#,
            "\n"
        );
        let questions: Vec<Question> = parse_lines(text, Path::new("q.jsonl")).unwrap();
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0].relevant, ["Luật Cư trú@38"]);
        let bad = parse_lines::<Question>("{}\n{", Path::new("q.jsonl")).unwrap_err();
        assert!(bad.to_string().contains("q.jsonl line 1"), "{bad}");
    }
}
