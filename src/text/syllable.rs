//! Whether a word is one Vietnamese syllable: an onset, a vowel cluster from the table, a
//! coda that cluster allows and a tone that coda allows ("quyết" is; "quyeets", "ios",
//! "facebook" are not). Accents are optional: "quyet" is a syllable typed without them.

use super::fold;
use super::tone::{onset_chars, CODAS};
use super::vowels::vowel;

/// What may follow a vowel cluster.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Coda {
    /// A coda or none: "hoa", "hoan".
    Optional,
    /// A coda is needed: "ăn", "tiến", never "tiê".
    Required,
    /// The cluster ends in a glide and takes no coda: "ai", "yêu".
    Forbidden,
}

/// The vowel clusters of Vietnamese without tone, as they stand after the onset (the "u" of
/// "qu" and the "i" of "gi" belong to the onset).
const NUCLEI: &[(&str, Coda)] = &[
    ("a", Coda::Optional),
    ("e", Coda::Optional),
    ("ê", Coda::Optional),
    ("i", Coda::Optional),
    ("o", Coda::Optional),
    ("ô", Coda::Optional),
    ("ơ", Coda::Optional),
    ("u", Coda::Optional),
    ("ư", Coda::Optional),
    ("y", Coda::Optional),
    ("oa", Coda::Optional),
    ("oe", Coda::Optional),
    ("uê", Coda::Optional),
    ("uy", Coda::Optional),
    ("ă", Coda::Required),
    ("â", Coda::Required),
    ("iê", Coda::Required),
    ("yê", Coda::Required),
    ("uô", Coda::Required),
    ("ươ", Coda::Required),
    ("oă", Coda::Required),
    ("uâ", Coda::Required),
    ("uyê", Coda::Required),
    ("oo", Coda::Required),
    ("ai", Coda::Forbidden),
    ("ao", Coda::Forbidden),
    ("au", Coda::Forbidden),
    ("ay", Coda::Forbidden),
    ("âu", Coda::Forbidden),
    ("ây", Coda::Forbidden),
    ("eo", Coda::Forbidden),
    ("êu", Coda::Forbidden),
    ("ia", Coda::Forbidden),
    ("iu", Coda::Forbidden),
    ("oi", Coda::Forbidden),
    ("ôi", Coda::Forbidden),
    ("ơi", Coda::Forbidden),
    ("ua", Coda::Forbidden),
    ("ui", Coda::Forbidden),
    ("ưa", Coda::Forbidden),
    ("ưi", Coda::Forbidden),
    ("ưu", Coda::Forbidden),
    ("uơ", Coda::Forbidden),
    ("iêu", Coda::Forbidden),
    ("yêu", Coda::Forbidden),
    ("oai", Coda::Forbidden),
    ("oay", Coda::Forbidden),
    ("uôi", Coda::Forbidden),
    ("ươi", Coda::Forbidden),
    ("ươu", Coda::Forbidden),
    ("uây", Coda::Forbidden),
    ("uya", Coda::Forbidden),
    ("uyu", Coda::Forbidden),
    ("oeo", Coda::Forbidden),
];

/// Codas that stop the syllable short: only the sắc and nặng tones (or none, as typed in a
/// hurry) go with them ("quyết", "học"; never "quyềt").
const STOP_CODAS: [&str; 4] = ["c", "ch", "p", "t"];

/// Tones allowed before a stop coda, as indexes of `vowels::ROWS`: none, sắc, nặng.
const STOP_TONES: [u8; 3] = [0, 2, 5];

/// Whether `word` is one Vietnamese syllable, with or without its accents, in any case.
pub fn is_syllable(word: &str) -> bool {
    let mut skeleton = String::with_capacity(word.len());
    let mut vowels = Vec::with_capacity(word.len());
    let mut tone = 0;
    for c in word.chars() {
        let v = vowel(c);
        match v {
            Some(v) if v.tone != 0 && tone != 0 => return false,
            Some(v) => {
                tone = tone.max(v.tone);
                skeleton.extend(v.with_tone(0).to_lowercase());
            }
            None if c.is_alphabetic() => skeleton.extend(c.to_lowercase()),
            None => return false,
        }
        vowels.push(v);
    }
    let chars: Vec<char> = skeleton.chars().collect();
    let onset = onset_chars(&chars, &vowels);
    let nucleus_len = vowels
        .get(onset..)
        .unwrap_or_default()
        .iter()
        .take_while(|v| v.is_some())
        .count();
    let nucleus: String = skeleton.chars().skip(onset).take(nucleus_len).collect();
    let coda: String = skeleton.chars().skip(onset + nucleus_len).collect();
    if !CODAS.contains(&coda.as_str()) {
        return false;
    }
    if STOP_CODAS.contains(&coda.as_str()) && !STOP_TONES.contains(&tone) {
        return false;
    }
    // Typed without accents, "uo" may be uô, ươ or uơ: any of them will do.
    let plain = nucleus.is_ascii();
    NUCLEI
        .iter()
        .any(|&(n, allowed)| (n == nucleus || plain && fold(n) == nucleus) && allowed.admits(&coda))
}

impl Coda {
    fn admits(self, coda: &str) -> bool {
        match self {
            Coda::Optional => true,
            Coda::Required => !coda.is_empty(),
            Coda::Forbidden => coda.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables_with_or_without_accents() {
        let table = [
            "nghị",
            "quyết",
            "đường",
            "hòa",
            "hoà",
            "khuỷu",
            "khuya",
            "người",
            "rượu",
            "giữa",
            "gì",
            "già",
            "yêu",
            "tiếng",
            "xoong",
            "hoặc",
            "xuân",
            "thuở",
            "Đảng",
            "NGHỊ",
            "nghi",
            "quyet",
            "duong",
            "hoa",
            "to",
            "chuc",
            "a",
            "y",
            "ương",
        ];
        for word in table {
            assert!(is_syllable(word), "{word}");
        }
    }

    #[test]
    fn not_syllables() {
        let table = [
            "quyeets",
            "nghij",
            "hoaf",
            "dduwowngf",
            "ios",
            "ió",
            "facebook",
            "email",
            "zalo",
            "2020",
            "21-NQ",
            "nq",
            "tw",
            "tiê",
            "ăa",
            "quyềt",
            "hóà",
            "covid",
            "",
            "nghi5",
        ];
        for word in table {
            assert!(!is_syllable(word), "{word}");
        }
    }
}
