//! The table of Vietnamese vowels: base vowel × tone, the ground truth for tone and folding.

use std::sync::LazyLock;

/// Each row is one base vowel with its five tones, in the order
/// none, huyền (grave), sắc (acute), hỏi (hook), ngã (tilde), nặng (dot below).
const ROWS: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// The plain ASCII letter each row folds to.
const ROW_ASCII: [char; 12] = ['a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y'];

/// What a precomposed vowel is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Vowel {
    /// Row in the table: which base vowel (a, ă, â, e, …).
    pub row: u8,
    /// Tone index, 0 for none.
    pub tone: u8,
    /// Whether the character was upper-case.
    pub upper: bool,
}

impl Vowel {
    /// Whether the base vowel carries its own mark (ă â ê ô ơ ư): such a vowel takes the tone.
    pub fn has_vowel_mark(self) -> bool {
        matches!(self.row, 1 | 2 | 4 | 7 | 8 | 10)
    }

    /// The character for this vowel with another tone, keeping case.
    pub fn with_tone(self, tone: u8) -> char {
        let lower = ROWS[usize::from(self.row)][usize::from(tone)];
        if self.upper {
            lower.to_uppercase().next().unwrap_or(lower)
        } else {
            lower
        }
    }

    /// The ASCII letter this vowel folds to.
    pub fn ascii(self) -> char {
        ROW_ASCII[usize::from(self.row)]
    }
}

/// Vowels live in two blocks: Latin-1 up to Latin Extended-B (U+00C0..U+01B0) and Latin
/// Extended Additional (U+1EA0..U+1EF9). A flat table per block makes lookup one index.
const LOW_START: u32 = 0xC0;
const LOW_END: u32 = 0x1B1;
const HIGH_START: u32 = 0x1EA0;
const HIGH_END: u32 = 0x1EFA;

struct Table {
    low: Vec<Option<Vowel>>,
    high: Vec<Option<Vowel>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut table = Table {
        low: vec![None; (LOW_END - LOW_START) as usize],
        high: vec![None; (HIGH_END - HIGH_START) as usize],
    };
    let mut put = |c: char, v: Vowel| {
        let cp = u32::from(c);
        if (LOW_START..LOW_END).contains(&cp) {
            table.low[(cp - LOW_START) as usize] = Some(v);
        } else if (HIGH_START..HIGH_END).contains(&cp) {
            table.high[(cp - HIGH_START) as usize] = Some(v);
        }
    };
    for (row, tones) in ROWS.iter().enumerate() {
        for (tone, &c) in tones.iter().enumerate() {
            let (row, tone) = (row as u8, tone as u8);
            put(
                c,
                Vowel {
                    row,
                    tone,
                    upper: false,
                },
            );
            for upper in c.to_uppercase() {
                put(
                    upper,
                    Vowel {
                        row,
                        tone,
                        upper: true,
                    },
                );
            }
        }
    }
    table
});

/// Looks a character up in the vowel table; `None` for consonants and everything else.
pub(crate) fn vowel(c: char) -> Option<Vowel> {
    let cp = u32::from(c);
    if c.is_ascii() {
        return match c.to_ascii_lowercase() {
            'a' => Some(Vowel {
                row: 0,
                tone: 0,
                upper: c.is_ascii_uppercase(),
            }),
            'e' => Some(Vowel {
                row: 3,
                tone: 0,
                upper: c.is_ascii_uppercase(),
            }),
            'i' => Some(Vowel {
                row: 5,
                tone: 0,
                upper: c.is_ascii_uppercase(),
            }),
            'o' => Some(Vowel {
                row: 6,
                tone: 0,
                upper: c.is_ascii_uppercase(),
            }),
            'u' => Some(Vowel {
                row: 9,
                tone: 0,
                upper: c.is_ascii_uppercase(),
            }),
            'y' => Some(Vowel {
                row: 11,
                tone: 0,
                upper: c.is_ascii_uppercase(),
            }),
            _ => None,
        };
    }
    if (LOW_START..LOW_END).contains(&cp) {
        TABLE.low[(cp - LOW_START) as usize]
    } else if (HIGH_START..HIGH_END).contains(&cp) {
        TABLE.high[(cp - HIGH_START) as usize]
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vowel_round_trips_in_both_cases() {
        for tones in ROWS {
            for c in tones {
                let v = vowel(c).unwrap();
                assert_eq!(v.with_tone(v.tone), c);
                let upper = c.to_uppercase().next().unwrap();
                let u = vowel(upper).unwrap();
                assert!(u.upper);
                assert_eq!(u.with_tone(u.tone), upper);
            }
        }
    }

    #[test]
    fn consonants_are_not_vowels() {
        for c in ['b', 'đ', 'Đ', 'n', '1', ' ', 'ç'] {
            assert_eq!(vowel(c), None, "{c}");
        }
    }
}
