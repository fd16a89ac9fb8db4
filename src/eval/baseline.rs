//! The peer to beat: plain BM25 over syllables, as a stock tantivy index gives it (the
//! `default` tokenizer: split on non-alphanumerics, lower-case, drop long tokens), queried
//! with tantivy's `QueryParser` in its default OR mode. Optionally over folded text.

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, Schema, TantivyDocument, Value, STORED, STRING, TEXT};
use tantivy::{Index, IndexReader};

use super::alqac::Article;
use super::EvalError;
use crate::text::fold;

/// Memory for the baseline's index writer.
const WRITER_MEMORY_BYTES: usize = 64 * 1024 * 1024;

/// A stock BM25 index over the articles, in memory.
pub struct Bm25 {
    reader: IndexReader,
    parser: QueryParser,
    id: Field,
    folded: bool,
}

impl Bm25 {
    /// Indexes `articles` (their text as given, or folded when `folded`).
    pub fn build(articles: &[Article], folded: bool) -> Result<Bm25, EvalError> {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | STORED);
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(WRITER_MEMORY_BYTES)?;
        for article in articles {
            let mut doc = TantivyDocument::default();
            doc.add_text(id, &article.id);
            if folded {
                doc.add_text(text, fold(&article.text));
            } else {
                doc.add_text(text, &article.text);
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        let parser = QueryParser::for_index(&index, vec![text]);
        Ok(Bm25 {
            reader,
            parser,
            id,
            folded,
        })
    }

    /// The ids of the best `limit` articles for `question` (folded first if the index is).
    pub fn search(&self, question: &str, limit: usize) -> Result<Vec<String>, EvalError> {
        let question = if self.folded {
            fold(question)
        } else {
            question.to_string()
        };
        let query = self.parser.parse_query(&escape(&question))?;
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut ids = Vec::with_capacity(top.len());
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(id) = doc.get_first(self.id).and_then(|v| v.as_str()) {
                ids.push(id.to_string());
            }
        }
        Ok(ids)
    }
}

/// The question as plain words for the query parser: its syntax characters become spaces
/// (the `default` tokenizer splits on them anyway), so no question is an error.
fn escape(question: &str) -> String {
    question
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            law: "Luật".into(),
            article: "1".into(),
            text: text.into(),
        }
    }

    #[test]
    fn escape_leaves_only_words() {
        assert_eq!(escape("Điều 3: (a) \"x\"?"), "Điều 3   a   x  ");
        assert_eq!(escape("title:x AND -y"), "title x AND  y");
    }

    #[test]
    fn ranks_by_bm25_in_or_mode() {
        let articles = [
            article("a", "Sổ hộ khẩu còn hiệu lực"),
            article("b", "Cơ sở dữ liệu về cư trú"),
        ];
        let accented = Bm25::build(&articles, false).unwrap();
        assert_eq!(accented.search("dữ liệu cư trú?", 10).unwrap(), ["b"]);
        assert!(accented.search("du lieu cu tru", 10).unwrap().is_empty());
        let folded = Bm25::build(&articles, true).unwrap();
        assert_eq!(folded.search("dữ liệu cư trú?", 10).unwrap(), ["b"]);
        // "Cơ sở" folds to "co so": b matches too, below a.
        assert_eq!(folded.search("so ho khau", 10).unwrap()[0], "a");
    }
}
