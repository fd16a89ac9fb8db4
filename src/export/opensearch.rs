//! OpenSearch (and Elasticsearch): the index template, the bulk action line, and a search
//! template reproducing our ranking: words in exact text over words in folded text, titles
//! over bodies, every word required.

use serde_json::{json, Value};

/// The analyzer of the folded fields: the text is folded by us at export; at search time
/// `asciifolding` (built in, no plugin) folds the user's words the same way, so one query
/// string serves the exact and the folded fields.
pub const FOLDED_ANALYZER: &str = "vi_folded";

/// Boosts of the search template, named after `search::build`: exact over folded (2.0),
/// titles over bodies (2.5).
const EXACT_BOOST: f32 = 2.0;
const TITLE_BOOST: f32 = 2.5;

/// The index template for indexes named `<index>*`: settings and mappings.
pub fn index_template(index: &str) -> Value {
    let text = json!({"type": "text", "analyzer": "standard"});
    let folded = json!({"type": "text", "analyzer": FOLDED_ANALYZER});
    json!({
        "index_patterns": [format!("{index}*")],
        "template": {
            "settings": {
                "analysis": {
                    "analyzer": {
                        FOLDED_ANALYZER: {
                            "type": "custom",
                            "tokenizer": "standard",
                            "filter": ["lowercase", "asciifolding"]
                        }
                    }
                }
            },
            "mappings": {
                "dynamic": "strict",
                "properties": {
                    "id": {"type": "keyword"},
                    "title": text,
                    "title_folded": folded,
                    "body": text,
                    "body_folded": folded,
                    "citations": {"type": "keyword"},
                    "date": {"type": "date", "format": "strict_date"},
                    "url": {"type": "keyword", "index": false},
                    "author": {"type": "text", "analyzer": "standard"},
                    "source": {"type": "keyword"}
                }
            }
        }
    })
}

/// The bulk action line that precedes a document's source line.
pub fn action_line(index: &str, id: &str) -> Value {
    json!({"index": {"_index": index, "_id": id}})
}

/// The fields of the search template with their boosts, strongest first.
pub fn boosted_fields() -> Vec<String> {
    vec![
        format!("title^{}", EXACT_BOOST * TITLE_BOOST),
        format!("title_folded^{TITLE_BOOST}"),
        format!("body^{EXACT_BOOST}"),
        "body_folded".to_string(),
    ]
}

/// A mustache search template: `{{q}}` is the query as typed, ideally normalised by
/// `tracuu` first (NFC, canonical tones); `most_fields` adds the scores of every field
/// matching, so a document with the accents typed outranks one matching only folded.
pub fn query_template() -> Value {
    json!({
        "script": {
            "lang": "mustache",
            "source": {
                "query": {
                    "multi_match": {
                        "query": "{{q}}",
                        "type": "most_fields",
                        "operator": "and",
                        "fields": boosted_fields()
                    }
                },
                "highlight": {
                    "fields": {"body": {}, "body_folded": {}}
                },
                "_source": ["id", "title", "date", "citations", "url"]
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_maps_every_exported_field() {
        let t = index_template("tracuu");
        let props = &t["template"]["mappings"]["properties"];
        assert_eq!(props["body"]["analyzer"], "standard");
        assert_eq!(props["body_folded"]["analyzer"], FOLDED_ANALYZER);
        assert_eq!(props["citations"]["type"], "keyword");
        assert_eq!(props["date"]["type"], "date");
        assert!(t["template"]["settings"]["analysis"]["analyzer"][FOLDED_ANALYZER].is_object());
    }

    #[test]
    fn exact_title_words_weigh_most() {
        assert_eq!(
            boosted_fields(),
            ["title^5", "title_folded^2.5", "body^2", "body_folded"]
        );
        assert_eq!(
            action_line("tracuu", "a#1").to_string(),
            r##"{"index":{"_id":"a#1","_index":"tracuu"}}"##
        );
    }
}
