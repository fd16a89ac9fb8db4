//! The two Vietnamese analyzers, `vi_exact` and `vi_fold`, assembled from the text filters.

use tantivy::tokenizer::{RemoveLongFilter, TextAnalyzer};
use tantivy::Index;

use crate::text::bigram_filter::BigramFilter;
use crate::text::exact_filter::ExactFilter;
use crate::text::fold_filter::FoldFilter;
use crate::text::tokenizer::ViTokenizer;

/// Name of the analyzer that keeps accents (normalised, lower-cased).
pub const VI_EXACT: &str = "vi_exact";
/// Name of the analyzer that folds accents away.
pub const VI_FOLD: &str = "vi_fold";

/// Name of the analyzer that pairs adjacent folded words.
pub const VI_BIGRAM: &str = "vi_bigram";

/// Tokens longer than this are URLs, hashes or glued garbage, never words people search.
const MAX_TOKEN_BYTES: usize = 64;

/// `vi_exact`: words normalised and lower-cased, accents kept.
pub fn vi_exact() -> TextAnalyzer {
    TextAnalyzer::builder(ViTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(ExactFilter)
        .build()
}

/// `vi_fold`: words folded (no marks, đ → d, lower-case).
pub fn vi_fold() -> TextAnalyzer {
    TextAnalyzer::builder(ViTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(FoldFilter)
        .build()
}

/// `vi_bigram`: adjacent folded words of one clause as one token ("tổ chức" → "to chuc").
pub fn vi_bigram() -> TextAnalyzer {
    TextAnalyzer::builder(ViTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(FoldFilter)
        .filter(BigramFilter)
        .build()
}

/// Registers the analyzers; tantivy does not persist tokenizers, so every open needs this.
pub fn register(index: &Index) {
    index.tokenizers().register(VI_EXACT, vi_exact());
    index.tokenizers().register(VI_FOLD, vi_fold());
    index.tokenizers().register(VI_BIGRAM, vi_bigram());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn exact_and_fold_tokens() {
        let text = "Đảng uỷ Khối, 21-NQ/TW; 1.832 đảng viên";
        assert_eq!(
            tokens(vi_exact(), text),
            ["đảng", "ủy", "khối", "21", "nq", "tw", "1.832", "đảng", "viên"]
        );
        assert_eq!(
            tokens(vi_fold(), text),
            ["dang", "uy", "khoi", "21", "nq", "tw", "1.832", "dang", "vien"]
        );
    }

    #[test]
    fn bigram_tokens_are_folded_word_pairs() {
        assert_eq!(
            tokens(vi_bigram(), "Tổ chức cơ sở Đảng, 21-NQ/TW"),
            ["to chuc", "chuc co", "co so", "so dang", "21 nq", "nq tw"]
        );
        assert!(tokens(vi_bigram(), "Đảng").is_empty());
        // Clause punctuation with a space breaks the pairs; inside a symbol it does not.
        assert_eq!(
            tokens(vi_bigram(), "Tổ chức. Cơ sở (TP.HCM): “Đảng” 1.832 người"),
            ["to chuc", "co so", "tp hcm", "1.832 nguoi"]
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Hướng dẫn";
        let mut analyzer = vi_fold();
        let mut stream = analyzer.token_stream(text);
        let first = stream
            .next()
            .map(|t| (t.offset_from, t.offset_to, t.text.clone()));
        assert_eq!(first, Some((0, "Hướng".len(), "huong".to_string())));
    }
}
