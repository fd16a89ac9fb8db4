//! Properties of the pure core over generated text: normalisation, folding, citation spans,
//! the query parser, the Telex and VNI reading of queries and the snippet generator.
//!
//! `fold(normalize(x)) == fold(x)` cannot hold literally: normalisation canonicalises white
//! space (runs of spaces, NBSP, CRLF, indentation) and drops invisible characters, which fold
//! keeps. What holds, and what search relies on, is tested instead: on single words the two
//! folds agree, and on whole texts the `vi_fold` token streams of `x` and `normalize(x)` agree.

use std::collections::HashSet;

use proptest::prelude::*;
use tantivy::tokenizer::TokenStream;
use tracuu::index::analyzers::vi_fold;
use tracuu::search::query;
use tracuu::search::snippet::{snippet_html, Highlight};
use tracuu::text::exact_filter::exact_word;
use tracuu::text::syllable::is_syllable;
use tracuu::text::telex::{convert_query, convert_word};
use tracuu::text::{fold, normalize};

/// Letters of Vietnamese words as they arrive: precomposed, decomposed (a base and
/// combining marks), with the old tone placement, and the look-alikes of Đ.
const LETTER: &str = "[a-zA-Z0-9ăâêôơưđĂÂÊÔƠƯĐÐðƉáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{0306}\u{0302}\u{031B}]";

fn word() -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("{LETTER}{{1,8}}")).expect("word pattern")
}

/// Texts of words separated by every kind of white space and punctuation, but no invisible
/// characters: those join what they separate once dropped (see the module doc).
fn text() -> impl Strategy<Value = String> {
    let separator = proptest::string::string_regex("[ \u{00A0}\t\r\n\u{2028},.;:\\-/“”\"()%]{1,3}")
        .expect("separator pattern");
    proptest::collection::vec((word(), separator), 0..12)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| w + &s).collect())
}

/// Strings of the pieces citation grammar and query syntax care about, glued at random.
fn tricky() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Nghị quyết số ".to_string()),
        Just("21-NQ/TW".to_string()),
        Just("Chỉ thị ".to_string()),
        Just("Hội nghị Trung ương 5 khóa XIII".to_string()),
        Just("Điều 23 Điều lệ Đảng".to_string()),
        Just("ngày 16/6/2022".to_string()),
        Just("\"".to_string()),
        Just("-".to_string()),
        Just("“".to_string()),
        Just("\u{0301}".to_string()),
        Just("Ð".to_string()),
        word(),
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..10).prop_map(|p| p.concat())
}

fn fold_tokens(text: &str) -> Vec<String> {
    let mut analyzer = vi_fold();
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.token().text.clone());
    }
    tokens
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn normalize_is_idempotent(x in any::<String>()) {
        let once = normalize(&x);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn normalize_is_idempotent_on_vietnamese(x in text()) {
        let once = normalize(&x);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn folding_a_word_ignores_normalisation(w in word()) {
        prop_assert_eq!(fold(&normalize(&w)), fold(&w));
    }

    #[test]
    fn folding_is_idempotent(x in any::<String>()) {
        let once = fold(&x);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn fold_tokens_ignore_normalisation(x in text()) {
        prop_assert_eq!(fold_tokens(&normalize(&x)), fold_tokens(&x));
    }

    #[test]
    fn citation_spans_are_the_cited_text(x in tricky()) {
        let text = normalize(&x);
        for c in tracuu::cite::extract(&text) {
            prop_assert!(c.start < c.end && c.end <= text.len(), "{:?}", c);
            prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            prop_assert_eq!(&text[c.start..c.end], c.text.as_str());
        }
    }

    /// Keys arrive from URLs (`cites=`, `/api/citations/{key}`): any string gets a label,
    /// and every key a citation gets reads back to a label naming its type.
    #[test]
    fn any_key_gets_a_label(x in any::<String>(), w in word()) {
        for key in [
            x.clone(),
            format!("nghi-quyet/dh-XI-{x}"),
            format!("nghi-quyet/dh-XI-đảng-bộ-{w}-tỉnh"),
            format!("luat/{x}-2013"),
            format!("nghi-quyet/{x}/2012"),
        ] {
            let _ = tracuu::cite::label_for_key(&key);
        }
    }

    #[test]
    fn citation_keys_read_back_to_labels(x in tricky()) {
        for c in tracuu::cite::extract(&normalize(&x)) {
            let label = tracuu::cite::label_for_key(&c.key);
            let kind = tracuu::cite::type_name(&c.kind).unwrap_or(c.kind.as_str());
            prop_assert!(label.starts_with(kind), "{} → {}", c.key, label);
        }
    }

    #[test]
    fn citation_spans_hold_on_raw_strings(x in any::<String>()) {
        for c in tracuu::cite::extract(&x) {
            prop_assert_eq!(x.get(c.start..c.end), Some(c.text.as_str()));
        }
    }

    #[test]
    fn the_query_parser_never_panics(x in prop_oneof![any::<String>(), tricky()]) {
        if let Ok(parsed) = query::parse(&x) {
            prop_assert!(parsed.clauses.len() <= query::MAX_CLAUSES);
        }
    }

    #[test]
    fn telex_and_vni_words_compose_into_normalised_syllables(x in "[a-zA-Z][a-zA-Z0-9]{0,9}") {
        if let Some(word) = convert_word(&x) {
            prop_assert!(is_syllable(&word), "{} -> {}", x, word);
            prop_assert_eq!(normalize(&word), word);
        }
    }

    #[test]
    fn reading_a_query_as_telex_never_panics(x in prop_oneof![any::<String>(), tricky()]) {
        if let Some(read) = convert_query(&x) {
            prop_assert_eq!(normalize(&read), read);
        }
    }

    #[test]
    fn snippets_never_panic(
        text in prop_oneof![any::<String>(), tricky(), text()],
        q in prop_oneof![any::<String>(), word(), text()],
        max_bytes in 0usize..400,
    ) {
        let text = normalize(&text);
        let words: Vec<&str> = q.split_whitespace().collect();
        let highlight = Highlight {
            exact: words.iter().map(|w| exact_word(w).into_owned()).collect::<HashSet<_>>(),
            fold: words.iter().map(|w| fold(w)).collect::<HashSet<_>>(),
        };
        let html = snippet_html(&text, &highlight, max_bytes);
        prop_assert_eq!(html.matches("<b>").count(), html.matches("</b>").count());
        prop_assert!(!html.contains('<') || html.contains("<b>"));
    }
}
