//! Corpus-level unification of keys: what one document says in full teaches what another
//! means by a shorter mention. Pure: takes the citations of every document, returns aliases.
//!
//! - A plenum's mention ("Nghị quyết Trung ương 5 (khóa XIII)") keeps its own key across
//!   documents: a plenum issues several resolutions (the fifth of the 13th term issued
//!   18-, 19-, 20- and 21-NQ/TW), and a corpus citing one of them with the plenum does not
//!   tell which one another text means. Within one text, `resolve` links them.
//! - A law cited by name and symbol ("Luật Trẻ em số 102/2016/QH13") makes its symbol's key
//!   an alias of the key of its title and the symbol's year (`luat/trẻ-em-2016`), its name
//!   for readers, if the corpus sees that symbol with no other title nor that title with
//!   another symbol.
//! - A key from a number alone (`nghi-quyet/21`), a State number and issuer (`nghi-dinh/30-CP`),
//!   or a plenum without term (`nghi-quyet/tw4`) becomes an alias of the single fuller key of
//!   the same type and number (or plenum) in the corpus; with two or more, it stays as is.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::clause::is_year;
use super::key::title_key;
use super::model::Citation;
use super::versions::{versioned_key, versions, year_meant, year_of, Versions};

/// How many times as many documents as the other years' cite the year a mention without
/// one is taken to mean ([`dominant_year`]).
const DOMINANCE: usize = 3;
/// Fewest documents citing that year in full.
const MIN_DOMINANT: usize = 3;
/// Longest alias chain followed when closing the map (chains are short: number → plenum → symbol).
const MAX_CHAIN: usize = 8;

/// Alias key → canonical key, learned from every document's citations.
pub fn corpus_aliases(docs: &[Vec<Citation>]) -> HashMap<String, String> {
    let all: Vec<&Citation> = docs.iter().flatten().collect();
    let mut aliases = HashMap::new();
    let mut by_number: HashMap<(&str, &str), Vec<&Citation>> = HashMap::new();
    let mut by_plenum: HashMap<(&str, u32), Vec<&Citation>> = HashMap::new();
    // "Luật Trẻ em số 102/2016/QH13" teaches that its symbol's law is "Luật Trẻ em 2016".
    let mut symbol_titles: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for c in &all {
        if let (Some(name), Some(symbol)) = (&c.name, &c.symbol) {
            if let Some(year) = symbol_year(symbol) {
                let title = title_key(&c.kind, name, year);
                symbol_titles.entry(&c.key).or_default().insert(title);
            }
        } else if c.name.is_some() {
            // A law by title: its number is a year, shared by unrelated laws.
            continue;
        }
        if let Some(n) = &c.number {
            by_number.entry((&c.kind, n)).or_default().push(c);
        } else if let (Some(p), None) = (c.plenum, &c.congress) {
            by_plenum.entry((&c.kind, p)).or_default().push(c);
        }
    }
    // A law's title names it for readers ("Bộ luật Hình sự 2015", not "100/2015/QH13"): its
    // symbol's key becomes an alias of its title's, when each names only the other.
    let mut title_symbols: HashMap<&str, usize> = HashMap::new();
    for titles in symbol_titles.values() {
        for title in titles {
            *title_symbols.entry(title).or_default() += 1;
        }
    }
    for (symbol, titles) in &symbol_titles {
        if let (1, Some(title)) = (titles.len(), titles.first()) {
            if title_symbols.get(title.as_str()) == Some(&1) {
                aliases.insert((*symbol).to_string(), title.clone());
            }
        }
    }
    // A key that a symbol spells is a document's own: a bare mention sharing it ("Nghị quyết
    // 21 của Bộ Chính trị" and "21-NQ/TW") must not carry it off to another spelling.
    let symbol_keys: HashSet<&str> = all
        .iter()
        .filter(|c| !lacks_its_year(c))
        .filter(|c| c.symbol.is_some())
        .map(|c| c.key.as_str())
        .collect();
    let citing = documents_citing(docs);
    for group in by_number.values() {
        let bare = group
            .iter()
            .filter(|c| lacks_its_year(c) && !symbol_keys.contains(c.key.as_str()));
        for c in bare {
            let fuller: BTreeSet<&str> = group
                .iter()
                .filter(|o| o.key != c.key && more_specific(o, c))
                .map(|o| o.key.as_str())
                // A decree's symbol without its year is completed by one with it.
                .filter(|key| c.symbol.is_none() || key_year(key).is_some())
                .collect();
            let target = match fuller.len() {
                1 => fuller.first().copied(),
                // Ministries number their circulars and decisions each on its own: a
                // "Thông tư 02" has dozens of candidates a year, the decrees one.
                _ if c.kind == "nghi-dinh" => dominant_year(&fuller, &citing),
                _ => None,
            };
            // A mention dated 1973 is no decree of 2006. (The candidates stay as they are:
            // one ruled out by its year does not make the one left the document meant.)
            let signed = c.date.as_deref().and_then(year_of);
            let target = target.filter(|key| match (key_year(key), signed) {
                (Some(theirs), Some(mine)) => theirs == mine,
                _ => true,
            });
            if let Some(target) = target {
                aliases.insert(c.key.clone(), target.to_string());
            }
        }
    }
    // "Nghị quyết Trung ương 4" is the fourth plenum of the one term the corpus cites it with.
    for group in by_plenum.values() {
        for c in group.iter().filter(|c| c.term.is_none()) {
            let fuller = group
                .iter()
                .filter(|o| o.term.is_some())
                .map(|o| o.key.as_str());
            learn(&mut aliases, &c.key, fuller);
        }
    }
    close(aliases)
}

/// Whether a mention names its document without the symbol that would tell which: no
/// symbol at all ("Nghị định 67", "Nghị định 67 của Chính phủ"), or a decree's without the
/// year every decree's symbol has had since 1997 ("67/NĐ-CP"; "67/CP" or "67-CP" are the
/// symbols of the decrees before, and stay theirs).
fn lacks_its_year(c: &Citation) -> bool {
    match &c.symbol {
        None => true,
        Some(symbol) => {
            c.kind == "nghi-dinh" && symbol.ends_with("/NĐ-CP") && symbol_year(symbol).is_none()
        }
    }
}

/// How many documents cite each key (a key once a document).
fn documents_citing(docs: &[Vec<Citation>]) -> HashMap<&str, usize> {
    let mut citing: HashMap<&str, usize> = HashMap::new();
    for doc in docs {
        let keys: HashSet<&str> = doc.iter().map(|c| c.key.as_str()).collect();
        for key in keys {
            *citing.entry(key).or_default() += 1;
        }
    }
    citing
}

/// Of several documents of one number, the one a mention without its year means: the
/// Government numbers its decrees afresh each year, and a text leaves the year out of one
/// everybody knows ("Nghị định 67" is the 2014 decree on fishing boats, cited in full by
/// 26 vnnews articles against 3 for the other two decrees 67). So the year-carrying key
/// cited by [`DOMINANCE`] times as many documents as the other years' together, and by
/// [`MIN_DOMINANT`] at least; none when no candidate carries a year (two Party bodies'
/// resolutions 21 are not told apart by counting). The yearless candidates ("67/CP") are
/// other spellings, not other documents, and are not counted.
fn dominant_year<'a>(
    candidates: &BTreeSet<&'a str>,
    citing: &HashMap<&str, usize>,
) -> Option<&'a str> {
    let mut dated: Vec<(usize, &str)> = candidates
        .iter()
        .filter(|key| key_year(key).is_some())
        .map(|&key| (citing.get(key).copied().unwrap_or(0), key))
        .collect();
    dated.sort_unstable_by(|a, b| b.cmp(a));
    let (&(top, key), rest) = dated.split_first()?;
    let others: usize = rest.iter().map(|(n, _)| n).sum();
    (top >= MIN_DOMINANT && top >= DOMINANCE * others).then_some(key)
}

/// The year of a State symbol that carries one ("102/2016/QH13" → "2016").
fn symbol_year(symbol: &str) -> Option<&str> {
    let year = symbol.split('/').nth(1)?;
    is_year(year).then_some(year)
}

/// The year of a State symbol's key ("nghi-dinh/15/2016/NĐ-CP" → 2016).
fn key_year(key: &str) -> Option<i32> {
    let year = key.split('/').nth(2)?;
    if is_year(year) {
        year.parse().ok()
    } else {
        None
    }
}

/// Whether `o` names the document more precisely than `c` and does not contradict it.
fn more_specific(o: &Citation, c: &Citation) -> bool {
    match (&c.issuer, &o.issuer) {
        (None, Some(_)) => true,
        (Some(mine), Some(theirs)) => mine == theirs && o.symbol.is_some(),
        _ => false,
    }
}

/// Records `alias → target` when the candidates name exactly one target.
fn learn<'a>(
    aliases: &mut HashMap<String, String>,
    alias: &str,
    candidates: impl Iterator<Item = &'a str>,
) {
    let distinct: BTreeSet<&str> = candidates.filter(|k| *k != alias).collect();
    if let (1, Some(target)) = (distinct.len(), distinct.first()) {
        aliases.insert(alias.to_string(), (*target).to_string());
    }
}

/// Follows chains so every alias points at a key that is not itself an alias.
pub fn close(aliases: HashMap<String, String>) -> HashMap<String, String> {
    let mut closed = HashMap::with_capacity(aliases.len());
    for (alias, mut target) in aliases.iter().map(|(a, t)| (a.clone(), t.clone())) {
        for _ in 0..MAX_CHAIN {
            match aliases.get(&target) {
                Some(next) if *next != alias => target.clone_from(next),
                _ => break,
            }
        }
        if target != alias {
            closed.insert(alias, target);
        }
    }
    closed
}

/// Keys each citation through the aliases from the key of its own mention, so that keys
/// follow the aliases as they change (an empty map gives every mention its own key back).
/// Says whether any key changed.
pub fn apply_aliases(citations: &mut [Citation], aliases: &HashMap<String, String>) -> bool {
    let mut changed = false;
    for c in citations {
        let own = c.aliased_from.clone().unwrap_or_else(|| c.key.clone());
        let (key, aliased_from) = match aliases.get(&own) {
            Some(target) if *target != own => (target.clone(), Some(own)),
            _ => (own, None),
        };
        changed |= key != c.key || aliased_from != c.aliased_from;
        c.key = key;
        c.aliased_from = aliased_from;
    }
    changed
}

/// Gives every citation back the key of its own mention, undoing what the corpus taught
/// (aliases, years), so that keys can be learned afresh. Says whether any key changed.
pub fn own_keys(citations: &mut [Citation]) -> bool {
    apply_aliases(citations, &HashMap::new())
}

/// What the corpus teaches about keys: the aliases of shorter mentions, and the years that
/// tell apart the documents sharing a yearless symbol (`cite::versions`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorpusKeys {
    /// Alias key → canonical key.
    pub aliases: HashMap<String, String>,
    /// Symbol key → the documents sharing it.
    pub versions: Versions,
}

impl CorpusKeys {
    /// Learns both from every citing document's citations, keyed as their mentions are
    /// (see [`own_keys`]).
    pub fn learn(docs: &[Vec<Citation>]) -> CorpusKeys {
        CorpusKeys {
            aliases: close(corpus_aliases(docs)),
            versions: versions(docs.iter().map(Vec::as_slice)),
        }
    }

    /// Keys each citation of a document written in `written` (its year) from the key of its
    /// own mention: through the aliases, then to the year of the document it means when
    /// that key is shared. Says whether any key changed.
    pub fn apply(&self, citations: &mut [Citation], written: Option<i32>) -> bool {
        let before: Vec<(String, Option<String>)> = citations
            .iter()
            .map(|c| (c.key.clone(), c.aliased_from.clone()))
            .collect();
        apply_aliases(citations, &self.aliases);
        // A text cites nothing issued after it was written: "Nghị định 15 của Chính phủ" in
        // an article of 2015 is not the corpus's 15/2016/NĐ-CP (the Government numbers its
        // decrees afresh each year).
        for c in citations.iter_mut() {
            let later = key_year(&c.key)
                .zip(written)
                .is_some_and(|(year, w)| year > w);
            if later {
                if let Some(own) = c.aliased_from.take() {
                    c.key = own;
                }
            }
        }
        // A text that dates one mention of a shared symbol means that document by its
        // undated mentions too ("Nghị quyết số 21-NQ/TW ngày 22/11/2012 … Nghị quyết 21/NQ-TW").
        let meant: Vec<Option<i32>> = citations
            .iter()
            .map(|c| year_meant(self.versions.get(&c.key)?, c, written))
            .collect();
        let mut dated_in_text: HashMap<&str, BTreeSet<i32>> = HashMap::new();
        for (c, year) in citations.iter().zip(&meant) {
            if let (Some(_), Some(year)) = (&c.date, year) {
                dated_in_text.entry(&c.key).or_default().insert(*year);
            }
        }
        let years: Vec<Option<i32>> = citations
            .iter()
            .zip(meant)
            .map(|(c, meant)| match dated_in_text.get(c.key.as_str()) {
                Some(years) if years.len() == 1 && c.date.is_none() => years.first().copied(),
                _ => meant,
            })
            .collect();
        for (c, year) in citations.iter_mut().zip(years) {
            if let Some(year) = year {
                let own = c.aliased_from.take().unwrap_or_else(|| c.key.clone());
                c.key = versioned_key(&c.key, year);
                c.aliased_from = Some(own);
            }
        }
        citations
            .iter()
            .zip(before)
            .any(|(c, (key, from))| c.key != key || c.aliased_from != from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::extract;

    #[test]
    fn learns_number_and_term_aliases_but_no_plenum_s_resolution() {
        let docs = vec![
            extract(
                "Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 (khóa XIII) về",
            ),
            extract("Thực hiện Nghị quyết Trung ương 5 khóa XIII và Nghị quyết 21."),
            extract("Nghị định số 30/2020/NĐ-CP quy định"),
            extract("theo Nghị định 30 của Chính phủ."),
            extract("NQTW5 đã đi vào cuộc sống."),
        ];
        let aliases = corpus_aliases(&docs);
        let get = |k: &str| aliases.get(k).map(String::as_str);
        // The plenum issued 21-NQ/TW and others: which one the second text means, it does
        // not say.
        assert_eq!(get("nghi-quyet/tw5-XIII"), None);
        assert_eq!(get("nghi-quyet/21"), Some("nghi-quyet/21-NQ/TW"));
        assert_eq!(get("nghi-dinh/30-CP"), Some("nghi-dinh/30/2020/NĐ-CP"));
        assert_eq!(get("nghi-quyet/tw5"), Some("nghi-quyet/tw5-XIII"));
        let mut second = docs[1].clone();
        assert_eq!(second.len(), 2);
        apply_aliases(&mut second, &aliases);
        let keys: Vec<&str> = second.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["nghi-quyet/tw5-XIII", "nghi-quyet/21-NQ/TW"]);
        assert!(own_keys(&mut second));
        let own: Vec<&str> = second.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(own, ["nghi-quyet/tw5-XIII", "nghi-quyet/21"]);
        assert!(second.iter().all(|c| c.aliased_from.is_none()));
        assert!(
            !own_keys(&mut second),
            "giving own keys twice changes nothing"
        );
    }

    #[test]
    fn a_key_some_symbol_spells_is_never_an_alias() {
        let mut other = extract("Nghị quyết số 22-NQ/TW ngày 10/2/2018");
        other[0].key = "nghi-quyet/22/NQ-TW".into();
        other[0].symbol = Some("22/NQ-TW".into());
        let docs = vec![
            extract("Nghị quyết 22 của Bộ Chính trị"),
            extract("Nghị quyết số 22-NQ/TW"),
            other,
        ];
        assert_eq!(docs[0][0].key, "nghi-quyet/22-NQ/TW");
        let aliases = corpus_aliases(&docs);
        assert_eq!(aliases.get("nghi-quyet/22-NQ/TW"), None, "{aliases:?}");
    }

    #[test]
    fn a_bare_number_is_no_document_issued_after_the_text() {
        let docs = vec![
            extract("Nghị định số 15/2016/NĐ-CP quy định"),
            extract("theo Nghị định 15 của Chính phủ."),
        ];
        let keys = CorpusKeys::learn(&docs);
        for (written, want) in [
            (Some(2015), "nghi-dinh/15-CP"),
            (Some(2016), "nghi-dinh/15/2016/NĐ-CP"),
            (Some(2018), "nghi-dinh/15/2016/NĐ-CP"),
            (None, "nghi-dinh/15/2016/NĐ-CP"),
        ] {
            let mut bare = docs[1].clone();
            keys.apply(&mut bare, written);
            assert_eq!(bare[0].key, want, "{written:?}");
            let own = bare[0].aliased_from.as_deref();
            assert_eq!(own.is_some(), want != "nghi-dinh/15-CP", "{written:?}");
        }
        assert_eq!(key_year("nghi-dinh/15/2016/NĐ-CP"), Some(2016));
        assert_eq!(key_year("nghi-quyet/21-NQ/TW/2012"), None);
        assert_eq!(key_year("luat/đất-đai-2013"), None);
    }

    #[test]
    fn a_number_without_its_year_is_the_year_cited_most() {
        let full = |year: u32| extract(&format!("Nghị định số 67/{year}/NĐ-CP quy định"));
        let yearless = [
            ("Tàu đóng theo Nghị định 67.", "nghi-dinh/67"),
            (
                "Vốn vay theo Nghị định 67 của Chính phủ.",
                "nghi-dinh/67-CP",
            ),
            (
                "Ngư dân đóng tàu theo Nghị định 67/NĐ-CP.",
                "nghi-dinh/67/NĐ-CP",
            ),
            // The symbol of a decree before 1997, which carried no year.
            ("Theo Nghị định 67/CP của Chính phủ.", "nghi-dinh/67/CP"),
        ];
        let mentions: Vec<Vec<Citation>> = yearless.iter().map(|(text, _)| extract(text)).collect();
        for (doc, (_, key)) in mentions.iter().zip(yearless) {
            assert_eq!(doc[0].key, key);
        }
        let dominant = "nghi-dinh/67/2014/NĐ-CP";
        for (years, want) in [
            // Four documents cite 2014's in full, one 2017's: 2014's is the one meant.
            (&[2014, 2014, 2014, 2014, 2017][..], Some(dominant)),
            (&[2014, 2014, 2014][..], Some(dominant)),
            // Two cite 2014's and one 2017's, or too few to tell: each stays its own.
            (&[2014, 2014, 2017][..], None),
            (&[2014, 2014, 2014, 2014, 2017, 2015][..], None),
        ] {
            let mut docs: Vec<Vec<Citation>> = years.iter().map(|&y| full(y)).collect();
            docs.extend(mentions.iter().cloned());
            let aliases = close(corpus_aliases(&docs));
            for (_, key) in &yearless[..3] {
                assert_eq!(
                    aliases.get(*key).map(String::as_str),
                    want,
                    "{key} {years:?}"
                );
            }
            assert_eq!(aliases.get("nghi-dinh/67/CP"), None, "{aliases:?}");
        }
        // Alone beside one full symbol, a decree's symbol without its year is that one, never
        // another spelling without a year.
        let docs = vec![
            full(2014),
            extract("theo Nghị định 67/NĐ-CP và Nghị định 67/CP"),
        ];
        let aliases = corpus_aliases(&docs);
        assert_eq!(
            aliases.get("nghi-dinh/67/NĐ-CP").map(String::as_str),
            Some(dominant)
        );
        let docs = vec![extract("theo Nghị định 67/NĐ-CP và Nghị định 67/CP")];
        assert_eq!(corpus_aliases(&docs).get("nghi-dinh/67/NĐ-CP"), None);
        // A mention dated another year is not the year's decree, however often cited.
        let docs = vec![
            full(2014),
            full(2014),
            full(2014),
            extract("Nghị định số 67/NĐ-CP ngày 2/3/1973 của Hội đồng Chính phủ"),
            extract("Nghị định 67 ngày 1/2/2016 của Chính phủ"),
        ];
        let aliases = corpus_aliases(&docs);
        assert_eq!(aliases.get("nghi-dinh/67/NĐ-CP"), None, "{aliases:?}");
        assert_eq!(docs[4][0].key, "nghi-dinh/67/2016/NĐ-CP", "its own year");
    }

    #[test]
    fn ambiguous_stays() {
        let docs = vec![
            extract("Nghị quyết 21 của Tỉnh ủy; Nghị quyết số 21-NQ/TW."),
            extract("Nghị quyết 21 đã được triển khai."),
            extract("Nghị quyết Trung ương 4 (khóa XI) và Nghị quyết Trung ương 4 (khóa XII)."),
            extract("NQTW4 được quán triệt."),
        ];
        let aliases = corpus_aliases(&docs);
        assert_eq!(aliases.get("nghi-quyet/21"), None, "{aliases:?}");
        assert_eq!(aliases.get("nghi-quyet/tw4"), None, "{aliases:?}");
    }

    #[test]
    fn a_text_dating_one_mention_of_a_shared_symbol_means_that_one_throughout() {
        let text = extract(
            "Nghị quyết số 21-NQ/TW ngày 22/11/2012 của Bộ Chính trị về bảo hiểm xã hội. \
             Sau mười năm, Nghị quyết số 21/NQ-TW vẫn là định hướng.",
        );
        let docs = vec![
            text.clone(),
            extract("Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5"),
        ];
        let keys = CorpusKeys::learn(&docs);
        let mut cited = text;
        // Written in 2023: alone, the undated mention would be the latest before it, 2022's.
        keys.apply(&mut cited, Some(2023));
        let got: Vec<&str> = cited.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            got,
            ["nghi-quyet/21-NQ/TW/2012", "nghi-quyet/21-NQ/TW/2012"]
        );
    }

    #[test]
    fn a_law_named_with_its_symbol_is_the_law_of_that_title_and_year() {
        let docs = vec![
            extract("Căn cứ Luật Trẻ em số 102/2016/QH13 ngày 5/4/2016;"),
            extract("theo Luật Trẻ em 2016 và Bộ luật Hình sự năm 2015"),
            extract("Bộ luật Hình sự số 100/2015/QH13 và Luật Hình sự năm 2015"),
            // Two symbols with one title and year: neither is the title's.
            extract("Luật Đất đai số 45/2013/QH13; Luật Đất đai số 46/2013/QH13"),
            extract("Luật Đất đai năm 2013"),
        ];
        let aliases = corpus_aliases(&docs);
        let get = |k: &str| aliases.get(k).map(String::as_str);
        assert_eq!(get("luat/102/2016/QH13"), Some("luat/trẻ-em-2016"));
        assert_eq!(get("bo-luat/100/2015/QH13"), Some("bo-luat/hình-sự-2015"));
        assert_eq!(get("luat/45/2013/QH13"), None, "{aliases:?}");
        assert_eq!(get("luat/46/2013/QH13"), None, "{aliases:?}");
        let mut first = docs[0].clone();
        apply_aliases(&mut first, &aliases);
        assert_eq!(first[0].key, "luat/trẻ-em-2016");
        assert_eq!(first[0].aliased_from.as_deref(), Some("luat/102/2016/QH13"));
        assert_eq!(first[0].symbol.as_deref(), Some("102/2016/QH13"));
    }
}
