//! Token filter for `vi_fold`: each word folded ("Đảng" → "dang").

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::fold::fold_word_into;

/// Folds each token: no marks, đ → d, lower-case.
#[derive(Clone, Copy, Default)]
pub struct FoldFilter;

impl TokenFilter for FoldFilter {
    type Tokenizer<T: Tokenizer> = FoldFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldFilterWrapper<T> {
        FoldFilterWrapper {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

/// [`FoldFilter`] around a tokenizer.
#[derive(Clone)]
pub struct FoldFilterWrapper<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for FoldFilterWrapper<T> {
    type TokenStream<'a> = FoldTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldTokenStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

/// Tokens of the inner stream, folded.
pub struct FoldTokenStream<'a, S> {
    tail: S,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for FoldTokenStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token.text.is_ascii() {
            token.text.make_ascii_lowercase();
        } else {
            fold_word_into(&token.text, self.buffer);
            std::mem::swap(&mut token.text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
