//! State documents named by title rather than type word + number: laws, codes and
//! ordinances with their National Assembly symbol ("Luật Doanh nghiệp số 59/2020/QH14") and
//! constitutions with their year ("Hiến pháp năm 2013").

use std::sync::LazyLock;

use regex::Regex;

use super::clause::is_year;
use super::draft::Draft;
use super::folded::Folded;
use super::grammar::TYPE_WORDS;
use super::numbered::{complete, from_symbol, QUALIFIER_STOP};
use super::symbol::parse_symbol;

/// Words of a law's name between "Luật" and its symbol ("Luật Doanh nghiệp số …").
const MAX_NAME_WORDS: usize = 8;

/// One word of a law's name, a comma allowed before it ("Luật Cán bộ, công chức").
static NAME_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,?\s+[a-z]+").unwrap());
static LAW_LEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+(?:so\s*[:.]?\s*)?").unwrap());
static CONSTITUTION_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:nam\s+)?(\d{4})").unwrap());

/// "Luật Doanh nghiệp số 59/2020/QH14": a law needs a State symbol within a few name words.
pub fn law(f: &Folded, kind: &'static str, start: usize, pos: usize) -> Vec<Draft> {
    let mut at = pos;
    for _ in 0..=MAX_NAME_WORDS {
        let lead = LAW_LEAD.find(f.ahead(at, 16)).map_or(0, |m| m.end());
        if let Some(symbol) = parse_symbol(f, at + lead).filter(|s| !s.party) {
            let mut drafts = vec![from_symbol(kind, start, symbol)];
            complete(f, &mut drafts);
            return drafts;
        }
        let Some(word) = NAME_WORD.find(f.ahead(at, 32)) else {
            break;
        };
        let name_word = word
            .as_str()
            .trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        let word_start = at + word.end() - name_word.len();
        // A law's name is capitalised ("Luật Doanh nghiệp"); "kỷ luật thực hiện theo" is not.
        if at == pos && !(f.upper_at(start) && f.upper_at(word_start)) {
            break;
        }
        if QUALIFIER_STOP.contains(&name_word) {
            break;
        }
        // "Căn cứ Luật Thanh tra, Nghị định số 86/2011/NĐ-CP": after a comma a type word
        // starts the next document of a list, not a word of this law's name.
        if word.as_str().starts_with(',') && starts_type_word(f, word_start) {
            break;
        }
        at += word.end();
    }
    Vec::new()
}

/// Whether a type phrase ("nghi dinh", "thong tu") starts at folded `pos` as whole words.
fn starts_type_word(f: &Folded, pos: usize) -> bool {
    let ahead = f.ahead(pos, 32);
    TYPE_WORDS
        .iter()
        .any(|(phrase, _)| ahead.starts_with(phrase.as_str()) && !f.letter_at(pos + phrase.len()))
}

/// "Hiến pháp năm 2013", "Hiến pháp 1992": the year is its number.
pub fn constitution(f: &Folded, start: usize, pos: usize) -> Option<Draft> {
    let c = CONSTITUTION_YEAR.captures(f.ahead(pos, 16))?;
    let end = pos + c.get(0)?.end();
    if f.word_at(end) || !is_year(c.get(1)?.as_str()) {
        return None;
    }
    let mut draft = Draft::new("hien-phap", start, end);
    draft.number = Some(c.get(1)?.as_str().to_string());
    Some(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laws_and_constitution() {
        let f = Folded::new("theo Luật Doanh nghiệp số 59/2020/QH14 ngày 17/6/2020");
        let start = f.text.find("luat").unwrap();
        let d = law(&f, "luat", start, start + 4);
        assert_eq!(d.len(), 1);
        assert_eq!(
            f.orig_str(d[0].start, d[0].end),
            "Luật Doanh nghiệp số 59/2020/QH14 ngày 17/6/2020"
        );
        assert_eq!(d[0].term.as_deref(), Some("XIV"));
        let f = Folded::new("Căn cứ Luật Cán bộ, công chức số 22/2008/QH12;");
        let start = f.text.find("luat").unwrap();
        assert_eq!(law(&f, "luat", start, start + 4).len(), 1);
        // A type word after a comma is the list's next document, not part of the name.
        let f = Folded::new("Căn cứ Luật Thanh tra, Nghị định số 86/2011/NĐ-CP ngày 22-9-2011");
        let start = f.text.find("luat").unwrap();
        assert!(law(&f, "luat", start, start + 4).is_empty());
        let f = Folded::new("kỷ luật thực hiện theo Nghị định 112/2020/NĐ-CP");
        assert!(law(&f, "luat", 4, 9).is_empty());
        let f = Folded::new("kỷ luật Đảng");
        assert!(law(&f, "luat", 4, 9).is_empty());
        let f = Folded::new("Hiến pháp năm 2013 quy định");
        assert_eq!(
            constitution(&f, 0, 9).and_then(|d| d.number),
            Some("2013".into())
        );
    }
}
