//! A quick proof that a word's tone mark is already where [`canonical_tone`] puts it, so the
//! normaliser parses only the few words whose tone may move (old placement).
//!
//! [`canonical_tone`]: super::tone::canonical_tone

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::vowels::vowel;

/// A syllable is at most this many chars; `canonical_tone` leaves longer words alone.
const MAX_SYLLABLE: u8 = 8;

/// Whether `canonical_tone(word)` may give `Some`; `false` proves it gives `None`.
pub(super) fn tone_may_move(word: &str) -> bool {
    let mut scan = ToneScan::default();
    for c in word.chars() {
        scan.push(tone_bits(c));
    }
    scan.may_move()
}

/// The char is a vowel.
pub(super) const VOWEL: u8 = 1;
/// The char is a vowel with its own mark (ă â ê ô ơ ư), which takes the tone.
pub(super) const MARKED: u8 = 2;
/// The char is a vowel with a tone mark.
pub(super) const TONED: u8 = 4;
/// The char is a [`plain_onset`].
pub(super) const PLAIN_ONSET: u8 = 8;
/// The char is "g" (a consonant), or a vowel "i" with any tone: the two halves of the onset
/// "gi" when a vowel follows.
pub(super) const G_OR_I: u8 = 16;
/// The char is "q" (a consonant), or a vowel "u" with any tone: the halves of "qu".
pub(super) const Q_OR_U: u8 = 32;
/// Every bit [`tone_bits`] sets.
pub(super) const TONE_BITS: u8 = 63;

/// Rows of the vowel table whose vowels make an onset after "g" and "q".
const I_ROW: u8 = 5;
const U_ROW: u8 = 9;

/// What [`ToneScan`] needs of `c`, as bits: scanners keep them in their per-char tables.
pub(super) fn tone_bits(c: char) -> u8 {
    let vowel_bits = match vowel(c) {
        None => 0,
        Some(v) => {
            VOWEL
                | if v.has_vowel_mark() { MARKED } else { 0 }
                | if v.tone != 0 { TONED } else { 0 }
                | match v.row {
                    I_ROW => G_OR_I,
                    U_ROW => Q_OR_U,
                    _ => 0,
                }
        }
    };
    let onset_bits = match c {
        'g' | 'G' => G_OR_I,
        'q' | 'Q' => Q_OR_U,
        _ => 0,
    };
    vowel_bits | onset_bits | if plain_onset(c) { PLAIN_ONSET } else { 0 }
}

/// Whether `c`, just before a word's vowels, leaves them all to the nucleus: a consonant
/// that cannot start "gi" or "qu" (those take the vowel after them into the onset).
pub(super) fn plain_onset(c: char) -> bool {
    matches!(c, 'đ' | 'Đ') || (c.is_ascii() && !matches!(c, 'g' | 'G' | 'q' | 'Q'))
}

/// What [`tone_may_move`] needs to know of a word, gathered one char at a time so that a
/// scanner already looking at every char pays no second pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct ToneScan {
    count: u8,
    vowels: u8,
    /// Index of the toned char, if any, and whether its vowel is marked.
    toned: Option<(u8, bool)>,
    two_tones: bool,
    /// A vowel with its own mark (ă â ê ô ơ ư) after the toned one, which would take the tone.
    marked_after_tone: bool,
    marked: bool,
    /// The first run of vowels, as char indices, and whether the char before it is plain.
    run: Option<(u8, u8)>,
    plain_before_run: bool,
    plain_prev: bool,
    /// The first char's bits, until the second comes.
    first: u8,
    /// The word starts with the onset "gi" or "qu" (if a vowel follows them).
    gi_qu: bool,
}

impl ToneScan {
    /// Adds the word's next char, as its [`tone_bits`].
    #[inline]
    pub(super) fn push(&mut self, bits: u8) {
        if bits & VOWEL != 0 {
            let marked = bits & MARKED != 0;
            self.vowels = self.vowels.saturating_add(1);
            self.marked |= marked;
            if bits & TONED != 0 {
                self.two_tones |= self.toned.is_some();
                self.toned = Some((self.count, marked));
            } else if self.toned.is_some() && marked {
                self.marked_after_tone = true;
            }
            match self.run {
                None => {
                    self.run = Some((self.count, self.count.saturating_add(1)));
                    self.plain_before_run = self.count == 0 || self.plain_prev;
                }
                Some((start, end)) if end == self.count => {
                    self.run = Some((start, end.saturating_add(1)));
                }
                Some(_) => {}
            }
        }
        self.plain_prev = bits & PLAIN_ONSET != 0;
        match self.count {
            0 => self.first = bits,
            1 => {
                // g then i, or q then u ("gìa" too: the i's tone is in the wrong place).
                let consonant_then_vowel = self.first & VOWEL == 0 && bits & VOWEL != 0;
                self.gi_qu = consonant_then_vowel && self.first & bits & (G_OR_I | Q_OR_U) != 0;
                self.first = 0;
            }
            _ => {}
        }
        self.count = self.count.saturating_add(1);
    }

    /// The state standing for this one in [`ToneTable`]: the same answers to every
    /// continuation, with what no continuation reads cleared, so that the table is built
    /// from a few thousand states rather than tens of thousands.
    fn canonical(self) -> ToneScan {
        // Too long or two tones: the answer is "no" for good.
        if self.count > MAX_SYLLABLE || self.two_tones {
            return ToneScan {
                count: MAX_SYLLABLE + 1,
                ..ToneScan::default()
            };
        }
        ToneScan {
            // Read only when the first run starts.
            plain_prev: self.plain_prev && self.run.is_none(),
            ..self
        }
    }

    /// Whether the tone of the word pushed so far may move; `false` is a proof it does not.
    pub(super) fn may_move(&self) -> bool {
        let Some((at, toned_marked)) = self.toned else {
            return false;
        };
        // Too long, two tones or one vowel: `canonical_tone` leaves the word alone.
        if self.count > MAX_SYLLABLE || self.two_tones || self.vowels < 2 {
            return false;
        }
        // A marked vowel takes the tone, and only a later marked vowel could take it instead
        // (a marked vowel is never part of an onset or a coda).
        if toned_marked {
            return self.marked_after_tone;
        }
        // Unmarked tone: consonants, one run of unmarked vowels, then the coda. Unless "gi"
        // or "qu" takes the run's first vowel into the onset, the run is the nucleus and the
        // tone belongs on its last vowel before a coda, else on the second-to-last.
        let Some((start, end)) = self.run else {
            return true;
        };
        if self.marked || self.vowels != end - start {
            return true;
        }
        // After "gi" or "qu", the run's first vowel is the onset's (the run starts at the
        // second char, and holds both vowels of the word, so a vowel follows it).
        let start = if self.plain_before_run {
            start
        } else if self.gi_qu {
            start + 1
        } else {
            return true;
        };
        let has_coda = end < self.count;
        let place = if has_coda || end - start == 1 {
            end - 1
        } else {
            end - 2
        };
        at != place
    }
}

/// [`ToneScan`] as a table: a state a word's chars so far leave it in, the next state for
/// each [`tone_bits`], and whether a state's word may move its tone. A scanner pays one
/// lookup a char and one a word, where replaying a word through `ToneScan` branched on
/// every char (a fifth of the normaliser's time).
pub(super) struct ToneTable {
    /// `next[state * COLUMNS + bits]`.
    next: Box<[u8; MAX_STATES * COLUMNS]>,
    may_move: Box<[bool; MAX_STATES]>,
}

/// States the table has room for, a power of two so that indices are masked, not checked.
const MAX_STATES: usize = 128;
/// A column for every value of [`tone_bits`].
const COLUMNS: usize = TONE_BITS as usize + 1;

/// The state of a word with no chars yet.
pub(super) const TONE_START: u8 = 0;

/// Every value [`tone_bits`] takes: those of the chars up to U+2FFF (Vietnamese is in
/// Latin Extended Additional) and of one char beyond, which is neither a vowel nor g or q.
/// The table's other columns are never looked up.
fn symbols() -> Vec<u8> {
    let chars = (0..0x3000).filter_map(char::from_u32).chain(['中']);
    let mut seen = [false; COLUMNS];
    for c in chars {
        seen[usize::from(tone_bits(c))] = true;
    }
    (0..=TONE_BITS).filter(|&b| seen[usize::from(b)]).collect()
}

/// The table, built once from `ToneScan` itself.
pub(super) static TONE_TABLE: LazyLock<ToneTable> = LazyLock::new(ToneTable::build);

impl ToneTable {
    /// The state after a char with these [`tone_bits`].
    #[inline(always)]
    pub(super) fn next(&self, state: u8, bits: u8) -> u8 {
        self.next[(usize::from(state) * COLUMNS + usize::from(bits & TONE_BITS))
            & (MAX_STATES * COLUMNS - 1)]
    }

    /// [`ToneScan::may_move`] of the chars that led to `state`.
    #[inline(always)]
    pub(super) fn may_move(&self, state: u8) -> bool {
        self.may_move[usize::from(state) & (MAX_STATES - 1)]
    }

    /// Every state `ToneScan` reaches, a word longer than a syllable being one state (it
    /// never moves), then states that answer alike for every continuation merged (Moore's
    /// refinement): 69 states, a table that stays in the cache. Were there more than it has
    /// room for, the last would stand for the rest and always answer "may move", which
    /// is never wrong, only slower (`canonical_tone` decides).
    fn build() -> ToneTable {
        // The tone bits chars have: 12 of the 64 values.
        let symbols = symbols();
        // Reachable states, breadth first, each in its canonical form.
        let mut states = vec![ToneScan::default()];
        let mut ids = FxHashMap::from_iter([(ToneScan::default(), 0usize)]);
        let mut next = Vec::new();
        let mut at = 0;
        while at < states.len() {
            let state = states[at];
            for &bits in &symbols {
                let mut scan = state;
                scan.push(bits);
                let scan = scan.canonical();
                let id = *ids.entry(scan).or_insert_with(|| {
                    states.push(scan);
                    states.len() - 1
                });
                next.push(id);
            }
            at += 1;
        }
        // Classes: first by the answer, then split by the classes of the successors until
        // no class splits.
        let width = symbols.len();
        let mut class: Vec<usize> = states.iter().map(|s| usize::from(s.may_move())).collect();
        let mut classes = usize::from(class.contains(&0)) + usize::from(class.contains(&1));
        loop {
            let signatures: Vec<usize> = next.iter().map(|&t| class[t]).collect();
            let mut numbering = FxHashMap::default();
            let refined: Vec<usize> = (0..states.len())
                .map(|s| {
                    let key = (class[s], &signatures[s * width..(s + 1) * width]);
                    let fresh = numbering.len();
                    *numbering.entry(key).or_insert(fresh)
                })
                .collect();
            let stable = numbering.len() == classes;
            classes = numbering.len();
            class = refined;
            if stable {
                break;
            }
        }
        // The start state is class 0: it is numbered first.
        let spare = MAX_STATES - 1;
        let slot = |class: usize| class.min(spare);
        let mut table = ToneTable {
            next: Box::new([0; MAX_STATES * COLUMNS]),
            may_move: Box::new([false; MAX_STATES]),
        };
        for (s, state) in states.iter().enumerate() {
            table.may_move[slot(class[s])] = state.may_move();
            for (k, &bits) in symbols.iter().enumerate() {
                let to = slot(class[next[s * width + k]]);
                let column = usize::from(bits);
                table.next[slot(class[s]) * COLUMNS + column] = u8::try_from(to).unwrap_or(u8::MAX);
            }
        }
        if class.iter().any(|&c| c >= spare) {
            // The spare state: always "may move", and it stays there.
            table.may_move[spare] = true;
            table.next[spare * COLUMNS..].fill(u8::try_from(spare).unwrap_or(u8::MAX));
        }
        table
    }
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
            "Nguyễn", "CỦA", "đoàn", "thuyết", "ab", "khuỷu", "quá", "giá", "quả", "giải", "quán",
            "già", "QUÁ", "Giá", "quý", "giày",
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
    fn table_has_room_for_every_state() {
        // Without the spare state, whose use would make the scan slower, not wrong.
        let used = TONE_TABLE.next.iter().map(|&s| usize::from(s)).max();
        assert!(used.is_some_and(|u| u < MAX_STATES - 1), "{used:?}");
    }

    proptest! {
        #[test]
        fn table_agrees_with_scan(picks in prop::collection::vec(0usize..64, 0..14)) {
            let symbols = symbols();
            let bits: Vec<u8> = picks.iter().map(|&p| symbols[p % symbols.len()]).collect();
            let mut scan = ToneScan::default();
            let mut state = TONE_START;
            for &b in &bits {
                scan.push(b);
                state = TONE_TABLE.next(state, b);
            }
            prop_assert_eq!(TONE_TABLE.may_move(state), scan.may_move(), "{:?}", bits);
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
