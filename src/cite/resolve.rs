//! Resolution within one document: a short mention ("Hướng dẫn số 38", "Chỉ thị 05", "NQ21",
//! "NQTW4") is completed from a fuller mention of the same document, preferably the nearest
//! earlier one, and takes its key.

use std::collections::{BTreeSet, HashMap};

use super::key::key_for;
use super::model::Citation;

/// How much a mention tells about its document; a mention resolves to a fuller one.
fn score(c: &Citation) -> u32 {
    let has = |present: bool, weight: u32| if present { weight } else { 0 };
    has(c.symbol.is_some(), 8)
        + has(c.issuer.is_some(), 4)
        + has(c.term.is_some(), 2)
        + has(c.date.is_some(), 1)
}

fn agree<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Whether `full` can be the document that `short` mentions.
fn compatible(full: &Citation, short: &Citation) -> bool {
    if full.kind != short.kind
        || !agree(&full.issuer, &short.issuer)
        || !agree(&full.term, &short.term)
    {
        return false;
    }
    match (&short.number, short.plenum) {
        (Some(n), _) => full.number.as_ref() == Some(n) && agree(&full.plenum, &short.plenum),
        (None, Some(p)) => full.plenum == Some(p) && short.congress.is_none(),
        (None, None) => false,
    }
}

/// Mentions of its group looked at on each side of a short one. A real text names one
/// document a few dozen times at most; a text repeating a mention tens of thousands of times (sent
/// to `/api/extract` to stall it) must still resolve in linear time.
const MAX_CANDIDATES: usize = 256;

/// Completes short mentions in place from fuller ones of the same document.
pub fn resolve(citations: &mut [Citation]) {
    // A numbered mention can only be a mention of the same type and number, a plenum's of
    // the same type and plenum: each short mention is matched against that group, in text
    // order, not against the whole text. Completing a mention leaves its group unchanged.
    let mut by_number: HashMap<(String, String), Vec<usize>> = HashMap::new();
    let mut by_plenum: HashMap<(String, u32), Vec<usize>> = HashMap::new();
    for (i, c) in citations.iter().enumerate() {
        if let Some(n) = &c.number {
            by_number
                .entry((c.kind.clone(), n.clone()))
                .or_default()
                .push(i);
        }
        if let Some(p) = c.plenum {
            by_plenum.entry((c.kind.clone(), p)).or_default().push(i);
        }
    }
    for i in 0..citations.len() {
        let Some(short) = citations.get(i) else {
            continue;
        };
        // A law by title and year is as full as its mention gets; its number is a year.
        if short.symbol.is_some() || short.congress.is_some() || short.name.is_some() {
            continue;
        }
        let group = match (&short.number, short.plenum) {
            (Some(n), _) => by_number.get(&(short.kind.clone(), n.clone())),
            (None, Some(p)) => by_plenum.get(&(short.kind.clone(), p)),
            (None, None) => None,
        };
        let Some(group) = group else {
            continue;
        };
        let at = group.partition_point(|&j| j < i);
        let fuller = |j: &&usize| {
            let full = &citations[**j];
            compatible(full, short) && score(full) > score(short)
        };
        let earlier: Vec<usize> = group[..at]
            .iter()
            .rev()
            .take(MAX_CANDIDATES)
            .filter(fuller)
            .copied()
            .collect();
        let later: Vec<usize> = group[at..]
            .iter()
            .filter(|&&j| j != i)
            .take(MAX_CANDIDATES)
            .filter(fuller)
            .copied()
            .collect();
        let Some(j) = choose(citations, short, &earlier, &later) else {
            if let Some(term) = shared_term(citations, short, &earlier, &later) {
                if let Some(c) = citations.get_mut(i) {
                    c.term = Some(term);
                    c.key = key_for(c);
                }
            }
            continue;
        };
        let full = citations[j].clone();
        if let Some(c) = citations.get_mut(i) {
            complete(c, &full);
        }
    }
}

/// The nearest earlier fuller mention, else the first later one; a plenum reference without
/// a number takes a numbered resolution only when all candidates agree (a plenum often
/// issues several resolutions).
fn choose(
    citations: &[Citation],
    short: &Citation,
    earlier: &[usize],
    later: &[usize],
) -> Option<usize> {
    let all = || earlier.iter().chain(later);
    if short.number.is_none() {
        let first_key = all().next().map(|&j| &citations[j].key);
        let unique = all().all(|&j| Some(&citations[j].key) == first_key);
        if !unique {
            let plenum_only = |j: &&usize| citations[**j].number.is_none();
            return earlier
                .iter()
                .find(plenum_only)
                .or(later.iter().find(plenum_only))
                .copied();
        }
    }
    if let Some(&j) = earlier.first() {
        return Some(j);
    }
    let first = *later.first()?;
    all()
        .all(|&j| citations[j].key == citations[first].key)
        .then_some(first)
}

/// The term of a plenum written without one, when it names no single resolution but every
/// candidate agrees on the term ("Nghị quyết số 26-NQ/TW và … 27-NQ/TW của Hội nghị Trung
/// ương 7 khóa XII. Nghị quyết Trung ương 7 …" → `nghi-quyet/tw7-XII`).
fn shared_term(
    citations: &[Citation],
    short: &Citation,
    earlier: &[usize],
    later: &[usize],
) -> Option<String> {
    if short.number.is_some() || short.term.is_some() || short.plenum.is_none() {
        return None;
    }
    let terms: BTreeSet<&String> = earlier
        .iter()
        .chain(later)
        .filter_map(|&j| citations.get(j)?.term.as_ref())
        .collect();
    match (terms.len(), terms.first()) {
        (1, Some(term)) => Some((*term).clone()),
        _ => None,
    }
}

fn complete(c: &mut Citation, full: &Citation) {
    let fill = |mine: &mut Option<String>, theirs: &Option<String>| {
        if mine.is_none() {
            mine.clone_from(theirs);
        }
    };
    fill(&mut c.issuer, &full.issuer);
    fill(&mut c.issuing_body, &full.issuing_body);
    fill(&mut c.date, &full.date);
    fill(&mut c.symbol, &full.symbol);
    fill(&mut c.term, &full.term);
    c.key.clone_from(&full.key);
    c.resolved_from = Some(full.resolved_from.unwrap_or(full.start));
}

#[cfg(test)]
mod tests {
    use crate::cite::extract;

    fn keys(text: &str) -> Vec<(String, String, Option<usize>)> {
        extract(text)
            .into_iter()
            .map(|c| (c.text, c.key, c.resolved_from))
            .collect()
    }

    #[test]
    fn short_mentions_take_the_full_key() {
        let text =
            "Thực hiện Hướng dẫn 38 của Ban Tổ chức Trung ương. Theo Hướng dẫn số 38, tỉnh đã làm.";
        let got = keys(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, "huong-dan/38-HD/BTCTW");
        assert_eq!(got[1].2, Some(text.find("Hướng dẫn 38").unwrap()));
        let got = keys("Chỉ thị 05-CT/TW của Bộ Chính trị; thực hiện NQTW4, Chỉ thị 05.");
        assert_eq!(got[2].1, "chi-thi/5-CT/TW");
        let text = "Nghị quyết số 68-NQ/TW ngày 4/5/2025 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 68). Nghị quyết 68 và NQ68";
        let got = keys(text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got.iter().all(|g| g.1 == "nghi-quyet/68-NQ/TW"), "{got:?}");
        assert!(got[1..].iter().all(|g| g.2 == Some(0)), "{got:?}");
    }

    #[test]
    fn a_text_of_many_thousand_mentions_resolves_each_from_its_neighbours() {
        // Each short mention looks at a bounded number of its group's mentions, so such a
        // text takes linear time; those before it were completed already, so the full key
        // still reaches every one of them.
        let text = format!(
            "Hướng dẫn số 38-HD/BTCTW. {}",
            "Hướng dẫn số 38 abc. ".repeat(20_000)
        );
        let got = keys(&text);
        assert_eq!(got.len(), 20_001);
        assert!(got.iter().all(|g| g.1 == "huong-dan/38-HD/BTCTW"));
        assert!(got[1..].iter().all(|g| g.2 == Some(0)));
    }

    #[test]
    fn plenum_mentions() {
        let got = keys("Nghị quyết Trung ương 4 (khóa XII) và NQTW4; sau đó Nghị quyết Trung ương 4 (khóa XI).");
        assert_eq!(got[1].1, "nghi-quyet/tw4-XII");
        assert_eq!(got[2].1, "nghi-quyet/tw4-XI");
        let got = keys("Nghị quyết số 21-NQ/TW của Hội nghị Trung ương 5 (khóa XIII). Nghị quyết Trung ương 5 khóa XIII");
        assert_eq!(got[1].1, "nghi-quyet/21-NQ/TW");
        let got = keys("Nghị quyết số 18-NQ/TW, Nghị quyết số 21-NQ/TW của Hội nghị Trung ương 5 (khóa XIII); Nghị quyết số 19-NQ/TW của Hội nghị Trung ương 5 (khóa XIII). Nghị quyết Trung ương 5 khóa XIII");
        assert_eq!(
            got.last().map(|g| g.1.as_str()),
            Some("nghi-quyet/tw5-XIII"),
            "{got:?}"
        );
    }

    #[test]
    fn a_plenum_of_several_resolutions_names_none_of_them() {
        // The clause after a list reaches each item, so the plenum is known to have issued
        // two resolutions: the plenum-only mention stays a plenum, with the term they share.
        let got = keys("Nghị quyết số 26-NQ/TW và Nghị quyết số 27-NQ/TW của Hội nghị Trung ương 7 khóa XII. Nghị quyết Trung ương 7 được quán triệt.");
        let want = [
            "nghi-quyet/26-NQ/TW",
            "nghi-quyet/27-NQ/TW",
            "nghi-quyet/tw7-XII",
        ];
        assert_eq!(got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(), want);
        assert_eq!(got[2].2, None);
        // With one resolution of that plenum in the text, the mention is that resolution.
        let got = keys("Nghị quyết số 27-NQ/TW của Hội nghị Trung ương 7 khóa XII. Nghị quyết Trung ương 7 được quán triệt.");
        assert_eq!(got[1].1, "nghi-quyet/27-NQ/TW");
        // Candidates of two terms: no term is guessed.
        let got = keys("Nghị quyết số 26-NQ/TW của Hội nghị Trung ương 7 khóa XII; Nghị quyết số 7-NQ/TW của Hội nghị Trung ương 7 khóa XI. NQTW7 được quán triệt.");
        assert_eq!(got[2].1, "nghi-quyet/tw7");
    }

    #[test]
    fn different_issuers_do_not_mix() {
        let got = keys("Nghị quyết 13 của Tỉnh ủy và Nghị quyết 13 của Chính phủ, Nghị quyết 13.");
        assert_eq!(got[0].1, "nghi-quyet/13-NQ/TU");
        assert_eq!(got[1].1, "nghi-quyet/13-CP");
        assert_eq!(got[2].1, "nghi-quyet/13-CP", "nearest earlier wins");
    }
}
