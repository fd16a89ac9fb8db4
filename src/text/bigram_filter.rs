//! Token filter for `vi_bigram`: each pair of adjacent words as one token ("tổ chức" →
//! "to chuc"), since Vietnamese words are mostly two syllables and a syllable alone is
//! often ambiguous ("tổ", "chức"). The pair is scored by BM25 like any word, with its own
//! document frequency.
//!
//! Function words form pairs too: folded, "dang" is both "đang" (a function word) and
//! "đảng", so the filter cannot tell them apart.
//!
//! Words on either side of clause punctuation followed or preceded by a space ("Hà Nội.
//! Sáng nay", "ông nói: “Chúng") make no pair: such pairs are rarely searched, and most are
//! seen once, each a term of its own (on vnnews, pairs stopping there made the index
//! smaller by the figure in README "Performance"). Punctuation inside a symbol ("21-NQ/TW",
//! "TP.HCM", "1.832") has no space and keeps its pairs.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Joins the two words of a pair; no token contains it, so a pair never equals a word.
pub const BIGRAM_SEPARATOR: char = ' ';

/// The pair of two words as the index holds it.
pub fn bigram(first: &str, second: &str) -> String {
    let mut out = String::with_capacity(first.len() + second.len() + 1);
    out.push_str(first);
    out.push(BIGRAM_SEPARATOR);
    out.push_str(second);
    out
}

/// Characters that end a clause when a space stands beside them.
const CLAUSE_PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '…', '(', ')', '[', ']', '"', '“', '”',
];

/// Whether the text between two words separates clauses (so the words make no pair).
pub fn is_clause_break(gap: &str) -> bool {
    gap.contains(char::is_whitespace) && gap.contains(CLAUSE_PUNCTUATION)
}

/// Emits a token for every two adjacent tokens of the inner stream that no clause break
/// separates, and nothing else.
#[derive(Clone, Copy, Default)]
pub struct BigramFilter;

impl TokenFilter for BigramFilter {
    type Tokenizer<T: Tokenizer> = BigramFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> BigramFilterWrapper<T> {
        BigramFilterWrapper { inner: tokenizer }
    }
}

/// [`BigramFilter`] around a tokenizer.
#[derive(Clone)]
pub struct BigramFilterWrapper<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for BigramFilterWrapper<T> {
    type TokenStream<'a> = BigramTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        BigramTokenStream {
            tail: self.inner.token_stream(text),
            text,
            previous: None,
            token: Token::default(),
        }
    }
}

/// The last word seen, kept as the tail of the token's text (the second word of the pair
/// just given, or the whole text after a word that paired with nothing).
#[derive(Clone, Copy)]
struct Previous {
    /// Where the word starts in the token's text.
    at: usize,
    /// Its start offset, position and end offset.
    from: usize,
    position: usize,
    to: usize,
}

/// Pairs of adjacent tokens of the inner stream.
pub struct BigramTokenStream<'a, S> {
    tail: S,
    /// The text tokenized, to see what stands between two words.
    text: &'a str,
    previous: Option<Previous>,
    token: Token,
}

impl<S: TokenStream> TokenStream for BigramTokenStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let current = self.tail.token();
            let paired = self.previous.filter(|previous| {
                current.position == previous.position + 1
                    && !self
                        .text
                        .get(previous.to..current.offset_from)
                        .is_some_and(is_clause_break)
            });
            // The previous word is already in the text: it moves to the front, and the
            // current word is the only one copied (building the pair afresh and keeping a
            // copy of the word made three copies a token).
            let text = &mut self.token.text;
            match paired {
                Some(previous) => {
                    text.drain(..previous.at);
                    text.push(BIGRAM_SEPARATOR);
                }
                None => text.clear(),
            }
            let at = text.len();
            text.push_str(&current.text);
            self.previous = Some(Previous {
                at,
                from: current.offset_from,
                position: current.position,
                to: current.offset_to,
            });
            if let Some(previous) = paired {
                self.token.offset_from = previous.from;
                self.token.offset_to = current.offset_to;
                self.token.position = previous.position;
                self.token.position_length = 2;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{SimpleTokenizer, TextAnalyzer};

    use super::*;

    /// A pair as the stream gives it: text, start and end offsets, position.
    type Pair = (String, usize, usize, usize);

    fn pairs(text: &str) -> Vec<Pair> {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(BigramFilter)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn adjacent_words_pair_up() {
        type Expected<'a> = &'a [(&'a str, usize, usize, usize)];
        let table: [(&str, Expected); 7] = [
            ("", &[]),
            ("to", &[]),
            ("to chuc", &[("to chuc", 0, 7, 0)]),
            // Words of unlike lengths, each the first of one pair and the second of another.
            (
                "a bbb cc dddd",
                &[
                    ("a bbb", 0, 5, 0),
                    ("bbb cc", 2, 8, 1),
                    ("cc dddd", 6, 13, 2),
                ],
            ),
            // A break between pairs, and a word alone between two breaks.
            (
                "to chuc. co so",
                &[("to chuc", 0, 7, 0), ("co so", 9, 14, 2)],
            ),
            ("mot, hai, ba bon", &[("ba bon", 10, 16, 2)]),
            (
                "to chuc co so",
                &[
                    ("to chuc", 0, 7, 0),
                    ("chuc co", 3, 10, 1),
                    ("co so", 8, 13, 2),
                ],
            ),
        ];
        for (text, expected) in table {
            let expected: Vec<Pair> = expected
                .iter()
                .map(|&(t, from, to, position)| (t.to_string(), from, to, position))
                .collect();
            assert_eq!(pairs(text), expected, "{text}");
        }
    }

    #[test]
    fn clause_punctuation_with_a_space_is_a_break() {
        for gap in [". ", ", ", " (", ") ", ": “", "” ", "? ", " …"] {
            assert!(is_clause_break(gap), "{gap:?}");
        }
        for gap in [" ", " - ", "-", "/", ".", ",", "\u{a0}"] {
            assert!(!is_clause_break(gap), "{gap:?}");
        }
    }

    #[test]
    fn a_pair_is_never_a_word() {
        assert_eq!(bigram("to", "chuc"), "to chuc");
        assert!(bigram("a", "b").contains(BIGRAM_SEPARATOR));
    }
}
