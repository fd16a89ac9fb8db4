//! Canonical tone placement: "hoà" → "hòa", "uỷ" → "ủy", "khoá" → "khóa", "thuỷ" → "thủy".
//!
//! Vietnamese has two conventions for where the tone mark sits in the vowel clusters
//! oa, oe and uy. Both are everywhere in real text, so one syllable reaches the index in two
//! spellings. We parse every syllable into onset, nucleus and coda and put the tone where the
//! traditional rule puts it; words that do not parse as a Vietnamese syllable are left alone.

use super::vowels::{vowel, Vowel};

/// Onsets, longest first so that "ngh" wins over "ng" and "n".
const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Codas a Vietnamese syllable may end with.
pub(super) const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// A syllable holds at most three vowels ("oai", "ươu", "uyê").
const MAX_NUCLEUS: usize = 3;

/// A syllable is at most onset (3) + nucleus (3) + coda (2) characters: a longer word never
/// parses, and the parse works in arrays of this size instead of allocating.
const MAX_SYLLABLE: usize = 8;

/// Returns the syllable with its tone mark on the canonical vowel, or `None` when it is
/// already canonical or is not a Vietnamese syllable (foreign words, acronyms, two tones).
pub fn canonical_tone(word: &str) -> Option<String> {
    let mut chars = ['\0'; MAX_SYLLABLE];
    let mut vowels: [Option<Vowel>; MAX_SYLLABLE] = [None; MAX_SYLLABLE];
    let mut len = 0;
    let mut vowel_count = 0;
    let mut toned: Option<(usize, u8)> = None;
    for (i, c) in word.chars().enumerate() {
        if i == MAX_SYLLABLE {
            return None;
        }
        let v = vowel(c);
        if let Some(v) = v {
            vowel_count += 1;
            if v.tone != 0 {
                // Two tone marks: not a syllable.
                if toned.is_some() {
                    return None;
                }
                toned = Some((i, v.tone));
            }
        }
        chars[i] = c;
        vowels[i] = v;
        len = i + 1;
    }
    // Most syllables have a single vowel, and with one vowel there is nowhere to move a tone.
    let (current, tone) = toned?;
    if vowel_count < 2 {
        return None;
    }
    let (chars, vowels) = (&chars[..len], &vowels[..len]);
    // The skeleton: lower-case letters with tones stripped, to parse onset and coda.
    let mut skeleton = ['\0'; MAX_SYLLABLE];
    for (slot, (&c, v)) in skeleton.iter_mut().zip(chars.iter().zip(vowels)) {
        *slot = match v {
            Some(v) => Vowel { upper: false, ..*v }.with_tone(0),
            None if c.is_ascii() => c.to_ascii_lowercase(),
            None => c.to_lowercase().next().unwrap_or(c),
        };
    }
    let skeleton = &skeleton[..len];
    let onset_len = onset_chars(skeleton, vowels);
    let nucleus_len = vowels[onset_len..]
        .iter()
        .take_while(|v| v.is_some())
        .count();
    if nucleus_len == 0 || nucleus_len > MAX_NUCLEUS {
        return None;
    }
    let coda = &skeleton[onset_len + nucleus_len..];
    if !CODAS.iter().any(|c| c.chars().eq(coda.iter().copied())) {
        return None;
    }
    let nucleus = &vowels[onset_len..onset_len + nucleus_len];
    let target = onset_len + tone_position(nucleus, !coda.is_empty());
    if target == current {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 2);
    for (i, (&c, v)) in chars.iter().zip(vowels).enumerate() {
        match v {
            Some(v) if i == current => out.push(v.with_tone(0)),
            Some(v) if i == target => out.push(v.with_tone(tone)),
            _ => out.push(c),
        }
    }
    Some(out)
}

/// How many characters of the skeleton are the onset; "gi" and "qu" count only when a
/// vowel follows ("gì" is g + i, "già" is gi + a).
pub(super) fn onset_chars(skeleton: &[char], vowels: &[Option<Vowel>]) -> usize {
    for onset in ONSETS {
        if let Some(n) = prefix_chars(skeleton, onset) {
            let vowel_follows = vowels.get(n).is_some_and(|v| v.is_some());
            if (onset == "gi" || onset == "qu") && !vowel_follows {
                continue;
            }
            return n;
        }
    }
    0
}

/// How many chars `prefix` has, if `skeleton` starts with it.
fn prefix_chars(skeleton: &[char], prefix: &str) -> Option<usize> {
    prefix.chars().enumerate().try_fold(0, |_, (i, c)| {
        (skeleton.get(i) == Some(&c)).then_some(i + 1)
    })
}

/// Index in the nucleus that carries the tone: a vowel with its own mark (the last one, for
/// "ươ"); else the last vowel before a coda; else the second-to-last ("hòa", "thủy", "ngoài").
fn tone_position(nucleus: &[Option<Vowel>], has_coda: bool) -> usize {
    if let Some(i) = nucleus
        .iter()
        .rposition(|v| v.is_some_and(|v| v.has_vowel_mark()))
    {
        return i;
    }
    if has_coda || nucleus.len() == 1 {
        nucleus.len() - 1
    } else {
        nucleus.len() - 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies the rule, keeping the word when it is already canonical.
    fn canon(word: &str) -> String {
        canonical_tone(word).unwrap_or_else(|| word.to_string())
    }

    #[test]
    fn moves_tone_to_the_canonical_vowel() {
        let table = [
            ("hoà", "hòa"),
            ("uỷ", "ủy"),
            ("khoá", "khóa"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("Hoà", "Hòa"),
            ("HOÀ", "HÒA"),
            ("UỶ", "ỦY"),
            ("Thuỵ", "Thụy"),
            ("hoạ", "họa"),
            ("loà", "lòa"),
            ("xoà", "xòa"),
            ("tuỳ", "tùy"),
            ("luỹ", "lũy"),
            ("qúy", "quý"),
            ("ngoaì", "ngoài"),
            ("muà", "mùa"),
            ("hoáng", "hoáng"),
        ];
        for (input, expected) in table {
            assert_eq!(canon(input), expected, "{input}");
        }
    }

    #[test]
    fn leaves_canonical_syllables_alone() {
        let table = [
            "hòa", "ủy", "khóa", "quý", "quả", "quốc", "già", "gì", "gìn", "giữa", "hoàng",
            "thuyết", "người", "rượu", "mưa", "cửa", "hữu", "xuân", "hoặc", "thuế", "tiếng", "yếu",
            "khuỷu", "khuya", "ngoài", "huỳnh", "Nguyễn", "Đảng", "nghị", "quyết", "chỉ", "thị",
            "ương",
        ];
        for word in table {
            assert_eq!(canonical_tone(word), None, "{word}");
        }
    }

    #[test]
    fn leaves_foreign_words_and_acronyms_alone() {
        for word in ["café", "résumé", "NQTW", "COVID", "Ðà", "hoàà", "stròng"] {
            assert_eq!(canonical_tone(word), None, "{word}");
        }
    }
}
