//! Queries typed in Telex or VNI on a keyboard without Vietnamese input ("nghij quyeets",
//! "nghi5 quye6t1") read back as Vietnamese ("nghị quyết").
//!
//! The keystrokes are composed by the `vi` crate (the engine of an input method); what we
//! add is the judgement of which words were typed that way: a word is converted only when
//! it is not a Vietnamese syllable as it stands and becomes one once composed, so "hoa",
//! "ios", "facebook", "2020" and "21-NQ/TW" stay as they are.

use super::chars::capitalize;
use super::normalize::normalize;
use super::syllable::is_syllable;

/// Fewest letters in a word worth converting: a lone letter ("a", "w") is too ambiguous.
const MIN_LETTERS: usize = 2;
/// Fewest letters in a word typed in capitals worth converting: shorter ones are
/// acronyms ("TW" would compose into "TƯ").
const MIN_CAPITAL_LETTERS: usize = 4;

/// The query with its Telex or VNI words composed into Vietnamese, normalised; `None` when
/// no word looks typed that way. Quotes, a leading minus and punctuation around a word stay.
pub fn convert_query(query: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = query
        .split_whitespace()
        .map(|chunk| {
            let core = chunk.trim_matches(|c: char| !c.is_alphanumeric());
            match convert_word(core) {
                Some(word) if !core.is_empty() => {
                    changed = true;
                    let start = chunk.find(core).unwrap_or(0);
                    let end = start + core.len();
                    format!("{}{word}{}", &chunk[..start], &chunk[end..])
                }
                _ => chunk.to_string(),
            }
        })
        .collect();
    changed.then(|| normalize(&words.join(" ")))
}

/// One word composed from Telex (letters as keys: "dduwowngf") or VNI (digits as keys:
/// "d9u7o7ng2"), with canonical tone placement, in the case it was typed ("DDANGR" →
/// "ĐẢNG"); `None` when the word is a syllable as typed, an acronym ("TW", "NQTW"), has
/// anything but ASCII letters and digits, mixes cases ("iPhone"), or does not compose into
/// a syllable.
pub fn convert_word(word: &str) -> Option<String> {
    let first = word.chars().next()?;
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let capitals = upper == letters && letters >= MIN_CAPITAL_LETTERS;
    if !first.is_ascii_alphabetic()
        || !word.chars().all(|c| c.is_ascii_alphanumeric())
        || letters < MIN_LETTERS
        || upper > 1 && !capitals
        || is_syllable(word)
    {
        return None;
    }
    let method = if letters == word.len() {
        &vi::TELEX
    } else {
        &vi::VNI
    };
    let lower = word.to_ascii_lowercase();
    if tone_keys(&lower) > 1 {
        return None;
    }
    let mut composed = String::with_capacity(word.len() + 4);
    vi::transform_buffer(method, lower.chars(), &mut composed);
    if composed == lower || !is_syllable(&composed) {
        return None;
    }
    let composed = normalize(&composed);
    Some(if capitals {
        composed.to_uppercase()
    } else if first.is_ascii_uppercase() {
        capitalize(&composed)
    } else {
        composed
    })
}

/// How many of the keys after the word's first vowel set a tone: Telex's "s f r x j" (no
/// Vietnamese syllable ends in one of them) and VNI's "1"–"5". A syllable typed takes one;
/// a word with two ("saros", "afx") is a name or a foreign word, not a syllable retyped.
fn tone_keys(lower: &str) -> usize {
    let after_vowel = lower.trim_start_matches(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
    after_vowel
        .chars()
        .skip(1)
        .filter(|c| matches!(c, 's' | 'f' | 'r' | 'x' | 'j' | '1'..='5'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_telex_and_vni_words() {
        let table = [
            ("nghij", "nghị"),
            ("quyeets", "quyết"),
            ("dduwowngf", "đường"),
            ("hoaf", "hòa"),
            ("hoaf", "hòa"),
            ("Hoaf", "Hòa"),
            ("ddangr", "đảng"),
            ("toor", "tổ"),
            ("chuwcs", "chức"),
            ("nguoiwf", "người"),
            ("thuyr", "thủy"),
            ("khoas", "khóa"),
            ("hoaf", "hòa"),
            ("nghi5", "nghị"),
            ("quye6t1", "quyết"),
            ("d9u7o7ng2", "đường"),
            ("hoa2", "hòa"),
            ("d9a3ng", "đảng"),
            ("Vie65t", "Việt"),
            ("VIEETJ", "VIỆT"),
            ("DDANGR", "ĐẢNG"),
            ("QUYE6T1", "QUYẾT"),
        ];
        for (typed, expected) in table {
            assert_eq!(convert_word(typed).as_deref(), Some(expected), "{typed}");
        }
    }

    #[test]
    fn leaves_words_not_typed_in_telex_or_vni() {
        let table = [
            "hoa", "nghi", "quyet", "duong", "xoong", "ios", "facebook", "email", "zalo", "covid",
            "2020", "21", "NQ", "TW", "NQTW", "21-NQ/TW", "a4", "u23", "mp3", "h5n1", "w", "",
            "nghị", "quyết", "đảng", "UBND", "HDND", "BHXH", "TTXVN", "COVID", "NAM", "iPhone",
            "VieETJ", "Saros", "afx", "mars", "Paris",
        ];
        for word in table {
            assert_eq!(convert_word(word), None, "{word}");
        }
    }

    #[test]
    fn converts_the_words_of_a_query() {
        let table = [
            ("nghij quyeets 21", Some("nghị quyết 21")),
            ("nghi5 quye6t1 21", Some("nghị quyết 21")),
            ("\"toor chuwcs\" -ddangr", Some("\"tổ chức\" -đảng")),
            ("huongws daanx 38", Some("hướng dẫn 38")),
            ("21-NQ/TW nghij quyeets,", Some("21-NQ/TW nghị quyết,")),
            ("VIEETJ NAM", Some("VIỆT NAM")),
            ("nghi quyet 21", None),
            ("nghị quyết 21-NQ/TW", None),
            ("facebook ios 2020", None),
            ("", None),
        ];
        for (query, expected) in table {
            assert_eq!(convert_query(query).as_deref(), expected, "{query}");
        }
    }
}
