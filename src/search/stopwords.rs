//! Vietnamese function words: in a long, natural-language question they carry the grammar,
//! not the topic, so a document need not contain them to match (they still score).
//!
//! The list is the common function words of Vietnamese grammars (possessive, conjunctions,
//! copula, modal and aspect markers, prepositions, question words), not fitted to a corpus.

/// Function words with their accents, as written.
const STOP_WORDS: &[&str] = &[
    "ai", "bao", "bị", "các", "cho", "có", "của", "cũng", "đã", "đang", "để", "đến", "đó", "được",
    "gì", "hay", "hoặc", "khi", "không", "là", "lại", "mà", "một", "nào", "này", "nếu", "nhiêu",
    "những", "như", "ra", "rằng", "sẽ", "thì", "theo", "trên", "trong", "từ", "và", "vào", "về",
    "với", "vậy",
];

/// Whether the clause's single word is a function word: compared with its accents when the
/// user typed them, folded when the user typed none ("cua" is "của" to a phone user).
pub fn is_stop_word(exact: &[String], fold: &[String]) -> bool {
    let ([exact], [fold]) = (exact, fold) else {
        return false;
    };
    if exact == fold {
        STOP_WORDS
            .iter()
            .any(|w| crate::text::fold(w) == fold.as_str())
    } else {
        STOP_WORDS.contains(&exact.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn function_words_with_or_without_accents() {
        let table = [
            ("của", "cua", true),
            ("cua", "cua", true),
            ("cửa", "cua", false),
            ("được", "duoc", true),
            ("đảng", "dang", false),
            ("dang", "dang", true),
            ("hôn", "hon", false),
            ("của và", "cua va", false),
        ];
        for (exact, fold, expected) in table {
            assert_eq!(
                is_stop_word(&words(exact), &words(fold)),
                expected,
                "{exact}"
            );
        }
    }
}
