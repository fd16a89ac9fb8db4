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

/// Returns the syllable with its tone mark on the canonical vowel, or `None` when it is
/// already canonical or is not a Vietnamese syllable (foreign words, acronyms, two tones).
pub fn canonical_tone(word: &str) -> Option<String> {
    // Most syllables have a single vowel, and with one vowel there is nowhere to move a tone.
    let mut vowel_count = 0;
    let mut has_tone = false;
    for v in word.chars().filter_map(vowel) {
        vowel_count += 1;
        has_tone |= v.tone != 0;
    }
    if vowel_count < 2 || !has_tone {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    let vowels: Vec<Option<Vowel>> = chars.iter().map(|&c| vowel(c)).collect();
    let mut toned = vowels
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_some_and(|v| v.tone != 0));
    let (current, tone) = match (toned.next(), toned.next()) {
        (Some((i, Some(v))), None) => (i, v.tone),
        _ => return None,
    };
    // The skeleton: lower-case letters with tones stripped, to parse onset and coda.
    let skeleton: String = chars
        .iter()
        .zip(&vowels)
        .map(|(&c, v)| match v {
            Some(v) => v.with_tone(0).to_lowercase().next().unwrap_or(c),
            None => c.to_lowercase().next().unwrap_or(c),
        })
        .collect();
    let onset_len = onset_chars(&skeleton, &vowels);
    let nucleus_len = vowels[onset_len..]
        .iter()
        .take_while(|v| v.is_some())
        .count();
    if nucleus_len == 0 || nucleus_len > MAX_NUCLEUS {
        return None;
    }
    let coda: String = skeleton.chars().skip(onset_len + nucleus_len).collect();
    if !CODAS.contains(&coda.as_str()) {
        return None;
    }
    let nucleus = &vowels[onset_len..onset_len + nucleus_len];
    let target = onset_len + tone_position(nucleus, !coda.is_empty());
    if target == current {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 2);
    for (i, (&c, v)) in chars.iter().zip(&vowels).enumerate() {
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
pub(super) fn onset_chars(skeleton: &str, vowels: &[Option<Vowel>]) -> usize {
    for onset in ONSETS {
        if skeleton.starts_with(onset) {
            let n = onset.chars().count();
            let vowel_follows = vowels.get(n).is_some_and(|v| v.is_some());
            if (onset == "gi" || onset == "qu") && !vowel_follows {
                continue;
            }
            return n;
        }
    }
    0
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
