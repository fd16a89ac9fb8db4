//! Quickwit: the index config. Its `default` tokenizer splits on non-alphanumerics and
//! lower-cases but does not fold, so the folded fields hold text folded by us and a search
//! on them needs the query folded by us too; `raw` keeps ids and citation keys whole.

use serde_json::{json, Value};

/// The Quickwit version whose config format this follows.
const CONFIG_VERSION: &str = "0.8";

/// The index config (Quickwit reads JSON as well as YAML).
pub fn index_config(index: &str) -> Value {
    let text = |name: &str, stored: bool| {
        json!({"name": name, "type": "text", "tokenizer": "default", "record": "position",
               "stored": stored})
    };
    json!({
        "version": CONFIG_VERSION,
        "index_id": index,
        "doc_mapping": {
            "mode": "strict",
            "field_mappings": [
                {"name": "id", "type": "text", "tokenizer": "raw", "stored": true},
                text("title", true),
                text("title_folded", false),
                text("body", true),
                text("body_folded", false),
                {"name": "citations", "type": "array<text>", "tokenizer": "raw",
                 "stored": true, "fast": true},
                {"name": "date", "type": "datetime", "input_formats": ["%Y-%m-%d"],
                 "output_format": "rfc3339", "stored": true, "fast": true},
                {"name": "url", "type": "text", "indexed": false, "stored": true},
                {"name": "author", "type": "text", "tokenizer": "default", "stored": true},
                {"name": "source", "type": "text", "tokenizer": "raw", "stored": true}
            ]
        },
        "search_settings": {
            "default_search_fields": ["title", "title_folded", "body", "body_folded"]
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_uses_quickwit_tokenizers() {
        let c = index_config("tracuu");
        let fields = c["doc_mapping"]["field_mappings"].as_array().unwrap();
        let tokenizer = |name: &str| {
            fields
                .iter()
                .find(|f| f["name"] == name)
                .map(|f| f["tokenizer"].clone())
        };
        assert_eq!(tokenizer("body"), Some(json!("default")));
        assert_eq!(tokenizer("body_folded"), Some(json!("default")));
        assert_eq!(tokenizer("citations"), Some(json!("raw")));
        assert_eq!(tokenizer("id"), Some(json!("raw")));
    }
}
