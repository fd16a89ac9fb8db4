//! A quick proof that a word's tone mark is already where [`canonical_tone`] puts it, so the
//! normaliser parses only the few words whose tone may move (old placement, "gi"/"qu").
//!
//! [`canonical_tone`]: super::tone::canonical_tone

use super::vowels::{vowel, Vowel};

/// A syllable is at most this many chars; `canonical_tone` leaves longer words alone.
const MAX_SYLLABLE: usize = 8;

/// Whether `canonical_tone(word)` may give `Some`; `false` proves it gives `None`.
pub(super) fn tone_may_move(word: &str) -> bool {
    let mut count = 0;
    let mut vowels = 0;
    let mut toned: Option<(usize, Vowel)> = None;
    // A vowel with its own mark (ă â ê ô ơ ư) after the toned one, which would take the tone.
    let mut marked_after_tone = false;
    let mut marked = false;
    // The first run of vowels, as char indices, and the char just before it.
    let mut run: Option<(usize, usize)> = None;
    let mut before_run: Option<char> = None;
    let mut prev: Option<char> = None;
    for c in word.chars() {
        if count == MAX_SYLLABLE {
            return false;
        }
        if let Some(v) = vowel(c) {
            vowels += 1;
            marked |= v.has_vowel_mark();
            if v.tone != 0 {
                if toned.is_some() {
                    return false; // two tones: not a syllable
                }
                toned = Some((count, v));
            } else if toned.is_some() && v.has_vowel_mark() {
                marked_after_tone = true;
            }
            match run {
                None => {
                    run = Some((count, count + 1));
                    before_run = prev;
                }
                Some((start, end)) if end == count => run = Some((start, count + 1)),
                Some(_) => {}
            }
        }
        prev = Some(c);
        count += 1;
    }
    let Some((at, v)) = toned else {
        return false;
    };
    if vowels < 2 {
        return false;
    }
    // A marked vowel takes the tone, and only a later marked vowel could take it instead
    // (a marked vowel is never part of an onset or a coda).
    if v.has_vowel_mark() {
        return marked_after_tone;
    }
    // Unmarked tone: consonants, one run of unmarked vowels, then the coda. Unless "gi" or
    // "qu" takes the run's first vowel into the onset, the run is the nucleus and the tone
    // belongs on its last vowel before a coda, else on the second-to-last.
    let Some((start, end)) = run else {
        return true;
    };
    let plain_onset = match before_run {
        None => true,
        Some(c) => matches!(c, 'đ' | 'Đ') || (c.is_ascii() && !matches!(c, 'g' | 'G' | 'q' | 'Q')),
    };
    if marked || vowels != end - start || !plain_onset {
        return true;
    }
    let has_coda = end < count;
    let place = if has_coda { end - 1 } else { end - 2 };
    at != place
}

#[cfg(test)]
mod tests {
    use super::super::tone::canonical_tone;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn old_placement_and_onsets_may_move() {
        for word in [
            "hoà", "uỷ", "khoá", "thuỷ", "qúy", "gìa", "ngoaì", "muà", "hóan", "ừơ",
        ] {
            assert!(tone_may_move(word), "{word}");
        }
    }

    #[test]
    fn new_placement_is_proved_in_place() {
        let table = [
            "hòa", "ủy", "khóa", "người", "của", "cái", "tuổi", "việc", "hoạt", "loại", "đó",
            "Nguyễn", "CỦA", "đoàn", "thuyết", "ab", "khuỷu",
        ];
        for word in table {
            assert!(!tone_may_move(word), "{word}");
            assert_eq!(canonical_tone(word), None, "{word}");
        }
    }

    /// Letters that make up syllables and near-syllables, in both cases.
    const ALPHABET: &str = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữự\
                            yỳýỷỹỵbcdđghklmnpqrstvxAÀÁẢÃẠĂÂÊÔƠƯÙÚỦỲÝỶGQĐN1ðÐçé";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn never_misses_a_move(picks in prop::collection::vec(0usize..1000, 0..10)) {
            let letters: Vec<char> = ALPHABET.chars().collect();
            let word: String = picks.iter().map(|&p| letters[p % letters.len()]).collect();
            if !tone_may_move(&word) {
                prop_assert_eq!(canonical_tone(&word), None, "{}", word);
            }
        }
    }

    #[test]
    fn never_misses_a_move_among_short_words() {
        // Every word of up to three letters over a small alphabet, exhaustively.
        let letters: Vec<char> = "aàăằâầeêiìoòôồơờuùưừyỳgqđnhAÀ".chars().collect();
        let mut words = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |&c| format!("{w}{c}")))
                .collect();
            for word in &longer {
                if !tone_may_move(word) {
                    assert_eq!(canonical_tone(word), None, "{word}");
                }
            }
            words = longer;
        }
    }
}
