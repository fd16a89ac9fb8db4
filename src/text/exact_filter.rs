//! Token filter for `vi_exact`: each word normalised like a document is, then lower-cased.
//!
//! Documents are normalised before indexing, but queries and third-party text may not be, so
//! the filter applies NFC, look-alikes and tone placement to each token itself.

use std::borrow::Cow;
use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use unicode_normalization::char::is_combining_mark;

use super::normalize::normalize;
use super::tone::canonical_tone;
use super::vowels::vowel;

/// Lower-cases and normalises each token ("Uỷ" → "ủy", "Ðảng" → "đảng").
#[derive(Clone, Copy, Default)]
pub struct ExactFilter;

impl TokenFilter for ExactFilter {
    type Tokenizer<T: Tokenizer> = ExactFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ExactFilterWrapper<T> {
        ExactFilterWrapper { inner: tokenizer }
    }
}

/// [`ExactFilter`] around a tokenizer.
#[derive(Clone)]
pub struct ExactFilterWrapper<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ExactFilterWrapper<T> {
    type TokenStream<'a> = ExactTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ExactTokenStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// Tokens of the inner stream, normalised.
pub struct ExactTokenStream<S> {
    tail: S,
}

/// Normalises one word for the exact field: the same function documents go through, then
/// lower case (tone placement is decided before case, which it preserves).
/// Borrows `word` when it is already so (most words of a normalised text).
pub fn exact_word(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
    }
    if is_plain_lower(word) {
        return canonical_tone(word).map_or(Cow::Borrowed(word), Cow::Owned);
    }
    let needs_full = word
        .chars()
        .any(|c| is_combining_mark(c) || matches!(c, 'Ð' | 'Ɖ' | 'ð' | 'ɖ') || c.is_whitespace());
    let lower = if needs_full {
        normalize(word).to_lowercase()
    } else {
        word.to_lowercase()
    };
    Cow::Owned(canonical_tone(&lower).unwrap_or(lower))
}

/// Whether `word` is made of lower-case ASCII, lower-case precomposed Vietnamese vowels and
/// "đ" only, as nearly every word of a normalised document is: lower-casing and NFC leave
/// such a word as it is, and only its tone placement may change.
fn is_plain_lower(word: &str) -> bool {
    word.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            c == 'đ' || vowel(c).is_some_and(|v| !v.upper)
        }
    })
}

impl<S: TokenStream> TokenStream for ExactTokenStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token.text.is_ascii() {
            token.text.make_ascii_lowercase();
        } else if is_plain_lower(&token.text) {
            // The common case allocates nothing unless the tone moves.
            if let Some(fixed) = canonical_tone(&token.text) {
                token.text = fixed;
            }
        } else {
            let word = exact_word(&token.text).into_owned();
            drop(mem::replace(&mut token.text, word));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_words() {
        let table = [
            ("Đảng", "đảng"),
            ("UỶ", "ủy"),
            ("uỷ", "ủy"),
            ("Ðảng", "đảng"),
            ("NQ", "nq"),
            ("1.832", "1.832"),
            ("Vie\u{0302}\u{0323}t", "việt"),
            ("hoà", "hòa"),
            ("người", "người"),
            ("đảng", "đảng"),
            ("Hoà", "hòa"),
        ];
        for (input, expected) in table {
            let word = exact_word(input);
            assert_eq!(word, expected, "{input}");
            // A word already as the exact field has it is borrowed, not copied.
            assert_eq!(
                matches!(word, Cow::Borrowed(_)),
                input == expected,
                "{input}"
            );
        }
    }

    #[test]
    fn plain_lower_words() {
        for word in ["đảng", "người", "hoà", "abc"] {
            assert!(is_plain_lower(word), "{word}");
        }
        for word in ["Đảng", "ÐẢNG", "Vie\u{0302}t", "Café", "ǅ", "ç"] {
            assert!(!is_plain_lower(word), "{word}");
        }
    }
}
