//! Resolution within one document: a short mention ("Hướng dẫn số 38", "Chỉ thị 05", "NQ21",
//! "NQTW4") is completed from a fuller mention of the same document, preferably the nearest
//! earlier one, and takes its key.

use std::collections::{BTreeSet, HashMap};

use super::key::key_for;
use super::model::Citation;
use super::place::{place_of, split_place};
use crate::text::fold::fold;

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
    let place = |c: &Citation| c.issuing_body.as_deref().and_then(place_of);
    if full.kind != short.kind
        || !agree(&full.issuer, &short.issuer)
        || !agree(&full.term, &short.term)
        || !agree(&place(full), &place(short))
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
    share_places(citations);
    date_titles(citations);
}

/// Gives a law cited by its title alone ("Luật Đất đai") the year or symbol of the text's
/// fuller mention of that title ("Luật Đất đai năm 2013"), the nearest earlier one, else the
/// later ones when they agree: one text means one law by one title.
fn date_titles(citations: &mut [Citation]) {
    let title = |c: &Citation| c.name.as_deref().map(|name| (c.kind.clone(), fold(name)));
    let mut fuller: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, c) in citations.iter().enumerate() {
        if let (Some(title), true) = (title(c), c.number.is_some() || c.symbol.is_some()) {
            fuller.entry(title).or_default().push(i);
        }
    }
    for i in 0..citations.len() {
        let short = &citations[i];
        if short.number.is_some() || short.symbol.is_some() {
            continue;
        }
        let Some(group) = title(short).and_then(|t| fuller.get(&t)) else {
            continue;
        };
        let at = group.partition_point(|&j| j < i);
        let later = &group[at..];
        let chosen = match (group[..at].last(), later.first()) {
            (Some(&j), _) => Some(j),
            (None, Some(&first)) => later
                .iter()
                .all(|&j| citations[j].key == citations[first].key)
                .then_some(first),
            (None, None) => None,
        };
        let Some(full) = chosen.map(|j| citations[j].clone()) else {
            continue;
        };
        if let Some(c) = citations.get_mut(i) {
            c.number.clone_from(&full.number);
            complete(c, &full);
        }
    }
}

/// Gives a local body's document mentioned without its place the place the text's other
/// mentions of it name, when they name one ("Chỉ thị 15-CT/TU của Thành ủy TP.HCM …
/// Chỉ thị 15-CT/TU"): one text means one document by one symbol. Two places leave it be.
fn share_places(citations: &mut [Citation]) {
    let mut placed: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for (i, c) in citations.iter().enumerate() {
        if let Some((base, _)) = split_place(&c.key) {
            placed.entry(base.to_string()).or_default().insert(i);
        }
    }
    for i in 0..citations.len() {
        let Some(sources) = placed.get(&citations[i].key) else {
            continue;
        };
        let keys: BTreeSet<&str> = sources.iter().map(|&j| citations[j].key.as_str()).collect();
        let (1, Some(&j)) = (keys.len(), sources.first()) else {
            continue;
        };
        let (body, key) = (citations[j].issuing_body.clone(), citations[j].key.clone());
        if let Some(c) = citations.get_mut(i) {
            c.issuing_body = body;
            c.key = key;
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
    // "Nghị quyết 05 của Tỉnh ủy Hà Giang" after a "Nghị quyết 05-NQ/TU" that names no
    // province: the symbol is the fuller mention's, the province the short one's own.
    if split_place(&full.key).is_none() {
        let own = key_for(c);
        if split_place(&own).is_some() {
            c.key = own;
        }
    }
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
    fn provinces_number_their_own_documents() {
        let text = "Nghị quyết số 05-NQ/TU ngày 12/3/2021 của Tỉnh ủy Bắc Ninh về chuyển đổi số. \
            Chỉ thị 15-CT/TU của Thành ủy TP.HCM. Nghị quyết số 05-NQ/TU của Tỉnh ủy Hà Giang. \
            Nghị quyết 05-NQ/TU. Chỉ thị 15-CT/TU. Nghị quyết 05 của Tỉnh ủy Hà Giang. \
            Kế hoạch 125 của Ban Thường vụ Tỉnh ủy Bắc Giang. Kế hoạch 125 tiếp tục. \
            Quyết định 13/QĐ-UBND của UBND tỉnh. Theo đó, Quyết định 14/QĐ-UBND của UBND \
            tỉnh Thái Bình và Quyết định 15/QĐ-UBND của UBND TP. Đề nghị";
        let got: Vec<String> = keys(text).into_iter().map(|g| g.1).collect();
        let want = [
            "nghi-quyet/5-NQ/TU/bắc-ninh",
            "chi-thi/15-CT/TU/hồ-chí-minh",
            "nghi-quyet/5-NQ/TU/hà-giang",
            // Two provinces' 05-NQ/TU in one text: a mention naming neither is neither's.
            "nghi-quyet/5-NQ/TU",
            // One province's 15-CT/TU in the text: a mention naming none is that one.
            "chi-thi/15-CT/TU/hồ-chí-minh",
            // A short mention resolves to the mention of its own province only.
            "nghi-quyet/5-NQ/TU/hà-giang",
            "ke-hoach/125-KH/TU/bắc-giang",
            "ke-hoach/125-KH/TU/bắc-giang",
            // A full stop after a unit ends the sentence, not a place's abbreviation.
            "quyet-dinh/13/QĐ-UBND",
            "quyet-dinh/14/QĐ-UBND/thái-bình",
            "quyet-dinh/15/QĐ-UBND",
        ];
        assert_eq!(got, want);
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
    fn a_law_by_title_alone_takes_the_year_the_text_gives_it() {
        let got = keys("Luật Đất đai 2003 và Luật Đất đai 2013 khác nhau. Theo Luật Đất đai, đất thuộc sở hữu toàn dân.");
        assert_eq!(
            got[2].1, "luat/đất-đai-2013",
            "the nearest earlier: {got:?}"
        );
        let got = keys("Luật Đất đai quy định rõ; Luật Đất đai năm 2013 có hiệu lực từ 2014.");
        assert_eq!(got[0].1, "luat/đất-đai-2013", "{got:?}");
        assert!(
            got[0].2.is_some(),
            "resolved from the dated mention: {got:?}"
        );
        // Later mentions of two years say neither.
        let got = keys("Luật Đất đai được sửa: Luật Đất đai 2003, rồi Luật Đất đai 2013.");
        assert_eq!(got[0].1, "luat/đất-đai", "{got:?}");
        // Another law's year is not this one's.
        let got = keys("Luật Đầu tư công năm 2019 và Luật Đầu tư.");
        assert_eq!(got[1].1, "luat/đầu-tư", "{got:?}");
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
