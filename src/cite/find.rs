//! Candidate finding: one Aho-Corasick pass over the folded text for type words and
//! abbreviations, then the grammar applied locally (bounded lookahead) after each hit.
//! Every step after a hit reads at most a few hundred bytes, so finding is linear.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use super::clause::article_before;
use super::draft::Draft;
use super::folded::Folded;
use super::grammar::{Abbrev, ABBREVIATIONS, ABBREV_FOLDED, TYPE_WORDS};
use super::law::{constitution, law, LAW_KINDS};
use super::named::{charter, congress, platform, plenum};
use super::numbered::{bare_symbol, numbered};
use super::symbol::parse_symbol;

/// What a prefilter hit is.
enum Trigger {
    /// A type word: "nghi quyet" → "nghi-quyet".
    Word(&'static str),
    /// A symbol abbreviation: "nq", "qd".
    Abbrev(&'static Abbrev),
    /// "NQTW4", "NQTƯ 4": resolution of a plenum.
    PlenumAbbrev,
}

/// Folded forms of "NQTW" and "NQTƯ".
const PLENUM_ABBREVS: &[&str] = &["nqtw", "nqtu"];
/// Lookbehind for the number part of a symbol before its abbreviation ("30/2020/" of NĐ-CP).
const SYMBOL_LOOKBEHIND: usize = 16;
/// Longest gap between two items of a list that share an issuer (", ", " và các ").
const MAX_LIST_GAP: usize = 24;

static PREFILTER: LazyLock<(AhoCorasick, Vec<Trigger>)> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut triggers = Vec::new();
    for (phrase, slug) in TYPE_WORDS.iter() {
        patterns.push(phrase.clone());
        triggers.push(Trigger::Word(slug));
    }
    for (folded, abbrev) in ABBREV_FOLDED.iter().zip(ABBREVIATIONS) {
        patterns.push(folded.clone());
        triggers.push(Trigger::Abbrev(abbrev));
    }
    for p in PLENUM_ABBREVS {
        patterns.push((*p).to_string());
        triggers.push(Trigger::PlenumAbbrev);
    }
    // A DFA without prefilter: two-letter abbreviations ("da", "tt") occur every few bytes
    // of folded text, so the prefilter (a third of `extract` in perf) keeps handing over to
    // the automaton; the DFA takes one table lookup per byte instead.
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(&patterns)
        .unwrap();
    (ac, triggers)
});

/// Digits (and a year) ending right before an abbreviation: "21-", "84 ", "30/2020/",
/// "19-2017/".
static SYMBOL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9a-z/.,\-–])(\d{1,5}(?:\s?[-–]\s?(?:\d{4}\s?/\s?)?|\s|\s?/\s?(?:\d{4}\s?/\s?)?)?)$",
    )
    .unwrap()
});
/// Between two list items: ", ", " và ", "; ", " và các ".
static LIST_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:,|;|va|hoac)?\s*(?:cac\s+)?$").unwrap());

/// Every citation draft in the text, in order, with list issuers shared.
pub fn find(f: &Folded) -> Vec<Draft> {
    let (ac, triggers) = &*PREFILTER;
    let mut drafts: Vec<Draft> = Vec::new();
    let mut cursor = 0;
    for hit in ac.find_iter(&f.text) {
        let (start, end) = (hit.start(), hit.end());
        if start < cursor || f.word_before(start) || f.letter_at(end) {
            continue;
        }
        let found = match triggers.get(hit.pattern().as_usize()) {
            Some(Trigger::Word(kind)) => at_word(f, kind, start, end),
            Some(Trigger::Abbrev(abbrev)) => at_abbrev(f, abbrev, start, end),
            Some(Trigger::PlenumAbbrev) if f.all_upper(start, end) => {
                plenum(f, start, start + 2).into_iter().collect()
            }
            _ => Vec::new(),
        };
        if let Some(tail) = found.iter().map(|d| d.tail.max(d.end)).max() {
            cursor = tail;
        }
        drafts.extend(found.into_iter().map(|d| with_article(f, d)));
    }
    share_list_issuers(f, &mut drafts);
    drafts
}

fn at_word(f: &Folded, kind: &'static str, start: usize, end: usize) -> Vec<Draft> {
    match kind {
        "dieu-le" => charter(f, start, end).into_iter().collect(),
        "hien-phap" => constitution(f, start, end).into_iter().collect(),
        "luat" | "bo-luat" | "phap-lenh" => law(f, kind, start, end),
        "cuong-linh" => platform(f, start, end).into_iter().collect(),
        "nghi-quyet" => resolution(f, start, end),
        _ => numbered(f, kind, start, end),
    }
}

/// The draft with the pinpoint article written before it, which its span then takes in
/// ("Điều 5 Nghị định 30/2020/NĐ-CP", "Điều 23 Điều lệ Đảng").
fn with_article(f: &Folded, mut draft: Draft) -> Draft {
    if let Some((start, article)) = article_before(f, draft.start) {
        draft.start = start;
        draft.article = Some(article);
    }
    draft
}

/// "Nghị quyết" is followed by a number, a plenum or a congress.
fn resolution(f: &Folded, start: usize, end: usize) -> Vec<Draft> {
    let found = numbered(f, "nghi-quyet", start, end);
    if !found.is_empty() {
        return found;
    }
    if let Some(draft) = plenum(f, start, end) {
        return vec![draft];
    }
    congress(f, start, end)
}

/// An abbreviation is part of a symbol ("21-NQ/TW"), or, upper-case, a type word ("NQ số 03").
fn at_abbrev(f: &Folded, abbrev: &Abbrev, start: usize, end: usize) -> Vec<Draft> {
    if let Some(draft) = symbol_around(f, start) {
        return vec![draft];
    }
    // Glued to one digit, an abbreviation names a building or a block, not a document
    // ("tòa nhà CT2", "CT1-CT2"); glued to more, it is shorthand ("NQ21").
    let ahead = f.ahead(end, 4).as_bytes();
    let digit = |i: usize| ahead.get(i).is_some_and(u8::is_ascii_digit);
    let glued = digit(0) && !digit(1);
    // Joined to the word before, it ends a name: "Sanatech.KH 2 0 1 1" is a team's row.
    let joined = f
        .text
        .get(..start)
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| !c.is_whitespace() && !"(“\"'".contains(c));
    if !abbrev.as_word || !f.all_upper(start, end) || glued || joined {
        return Vec::new();
    }
    match abbrev.party_type {
        "nghi-quyet" => resolution(f, start, end),
        kind => numbered(f, kind, start, end),
    }
}

/// A symbol written without a type word, whose abbreviation starts at `abbrev_start`.
fn symbol_around(f: &Folded, abbrev_start: usize) -> Option<Draft> {
    // Most hits are syllables ("đã" folds to "da"): a digit must come within a separator.
    let mut before = f.text.get(..abbrev_start)?.chars().rev().take(4);
    let first_kept = before.find(|c| !matches!(c, ' ' | '-' | '–' | '/'));
    if !first_kept.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let (base, window) = f.behind(abbrev_start, SYMBOL_LOOKBEHIND);
    let c = SYMBOL_BEFORE.captures(window)?;
    let symbol = parse_symbol(f, base + c.get(1)?.start())?;
    if symbol.end <= abbrev_start || symbol.abbrev.is_none() {
        return None;
    }
    bare_symbol(f, symbol)
}

/// "Kết luận số 80 và Chỉ thị 33 của Ban Bí thư", "Nghị quyết số 26-NQ/TW và Nghị quyết số
/// 27-NQ/TW của Hội nghị Trung ương 7 khóa XII": the clause after the last item of a list
/// (issuer, plenum, term) also belongs to the items before it, as in a list under one type
/// word (`numbered::complete`), unless an item has a clause or another issuer of its own.
/// An item with no issuer takes it only from a clause that named it, not from one that
/// repeats the last item's symbol ("Điều lệ Đảng và Quy định số 24-QĐ/TW của Ban Chấp hành
/// Trung ương": the Charter is not the Central Committee's "TW" document).
fn share_list_issuers(f: &Folded, drafts: &mut [Draft]) {
    // Whose these are their kind says: the Charter is the Congress's, a constitution and a
    // law the National Assembly's, whatever issued the next item of a list.
    let issued_by_its_kind =
        |kind: &str| matches!(kind, "dieu-le" | "hien-phap") || LAW_KINDS.contains(&kind);
    for i in (1..drafts.len()).rev() {
        let (head, tail) = drafts.split_at_mut(i);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        if issued_by_its_kind(a.kind) {
            continue;
        }
        let shares = match &a.issuer {
            None => b.symbol.is_none(),
            Some(issuer) => b.issuer.as_ref() == Some(issuer),
        };
        if a.explicit_issuer || !b.explicit_issuer || !shares {
            continue;
        }
        let gap = f.text.get(a.tail..b.start).unwrap_or("");
        if gap.len() > MAX_LIST_GAP || !LIST_GAP.is_match(gap) {
            continue;
        }
        a.issuer.clone_from(&b.issuer);
        if a.issuing_body.is_none() {
            a.issuing_body.clone_from(&b.issuing_body);
        }
        a.explicit_issuer = true;
        a.plenum = a.plenum.or(b.plenum);
        if a.term.is_none() {
            a.term.clone_from(&b.term);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (span, kind or congress, issuer or body) of each expected draft.
    type Expected<'a> = &'a [(&'a str, &'a str, Option<&'a str>)];

    fn found(text: &str) -> Vec<(String, &'static str, Option<String>)> {
        let f = Folded::new(text);
        find(&f)
            .into_iter()
            .map(|d| (f.orig_str(d.start, d.end).to_string(), d.kind, d.issuer))
            .collect()
    }

    #[test]
    fn triggers() {
        let rows: &[(&str, Expected)] = &[
            (
                "theo 21-NQ/TW của",
                &[("21-NQ/TW", "nghi-quyet", Some("TW"))],
            ),
            (
                "NQ số 03-NQ/QU “Về",
                &[("NQ số 03-NQ/QU", "nghi-quyet", Some("QU"))],
            ),
            (
                "thực hiện NQTW4, Chỉ thị 05.",
                &[
                    ("NQTW4", "nghi-quyet", Some("TW")),
                    ("Chỉ thị 05", "chi-thi", None),
                ],
            ),
            (
                "CT 05 và NQ21",
                &[("CT 05", "chi-thi", None), ("NQ21", "nghi-quyet", None)],
            ),
            (
                "bảo vệ tòa nhà CT2 Bắc Hà, các tòa CT1, CT2A và nhà CT1-CT2",
                &[],
            ),
            ("3 Sanatech.KH 11 5 5 1 36 22 20 4 Sanna.KH 11 6", &[]),
            (
                "(NQ 21) và “CT 05”",
                &[("NQ 21", "nghi-quyet", None), ("CT 05", "chi-thi", None)],
            ),
            ("POWERED BY ONECMS - A PRODUCT OF NEKO CT OF NEKO", &[]),
            ("số 865-QĐ/TU", &[("865-QĐ/TU", "quyet-dinh", Some("TU"))]),
            (
                "Nghị định số 30/2020/NĐ-CP",
                &[("Nghị định số 30/2020/NĐ-CP", "nghi-dinh", Some("CP"))],
            ),
            (
                "theo 30/2020/nđ-cp",
                &[("30/2020/nđ-cp", "nghi-dinh", Some("CP"))],
            ),
            ("đã ban hành, đã 5 năm", &[]),
            (
                "Quy định số 59-QĐ/TW",
                &[("Quy định số 59-QĐ/TW", "quy-dinh", Some("TW"))],
            ),
            (
                "Thông báo kết luận số 12-TB/TW",
                &[("Thông báo kết luận số 12-TB/TW", "thong-bao", Some("TW"))],
            ),
            ("kỷ luật 127 đảng viên", &[]),
        ];
        for (text, want) in rows {
            let got = found(text);
            let got: Vec<_> = got
                .iter()
                .map(|(s, k, i)| (s.as_str(), *k, i.as_deref()))
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn pinpoint_articles() {
        // (text, span, article)
        let rows = [
            (
                "• Điều 23 Điều lệ Đảng đã quy định",
                "Điều 23 Điều lệ Đảng",
                23,
            ),
            (
                "Điều 5 Nghị định 30/2020/NĐ-CP quy định.",
                "Điều 5 Nghị định 30/2020/NĐ-CP",
                5,
            ),
            (
                "Khoản 2 Điều 23 Luật Cán bộ, công chức số 22/2008/QH12",
                "Điều 23 Luật Cán bộ, công chức số 22/2008/QH12",
                23,
            ),
            (
                "vi phạm Điều 61, Luật Đầu tư năm 2014",
                "Điều 61, Luật Đầu tư năm 2014",
                61,
            ),
        ];
        for (text, span, article) in rows {
            let f = Folded::new(text);
            let got: Vec<_> = find(&f)
                .into_iter()
                .map(|d| (f.orig_str(d.start, d.end), d.article))
                .collect();
            assert_eq!(got, [(span, Some(article))], "{text}");
        }
        let f = Folded::new("Điều 3. Quyết định số 12-QĐ/TU có hiệu lực");
        let got: Vec<_> = find(&f).into_iter().map(|d| d.article).collect();
        assert_eq!(got, [None]);
    }

    #[test]
    fn lists_share_issuer() {
        let got = found("theo Kết luận số 80 và Chỉ thị 33 của Ban Bí thư; giải thể");
        assert_eq!(got.len(), 2);
        assert!(
            got.iter().all(|(_, _, i)| i.as_deref() == Some("TW")),
            "{got:?}"
        );
        let got = found("Chỉ thị 10 của Ban Bí thư và Hướng dẫn 09 của Ban Tổ chức Trung ương.");
        let issuers: Vec<_> = got.iter().map(|(_, _, i)| i.as_deref()).collect();
        assert_eq!(issuers, [Some("TW"), Some("BTCTW")]);
        // No issuer of its own, and the clause only repeats the last symbol's: not shared.
        let got = found(
            "Theo Điều 14 Điều lệ Đảng và Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương về",
        );
        let issuers: Vec<_> = got.iter().map(|(_, _, i)| i.as_deref()).collect();
        assert_eq!(issuers, [None, Some("TW")]);
        // Whose the Charter and a law are, their kind says.
        for text in [
            "Thực hiện Điều lệ Đảng và Chỉ thị 33 của Ban Bí thư về kê khai.",
            "theo Luật Đất đai năm 2013 và Nghị định 43 của Chính phủ.",
        ] {
            let got = found(text);
            let issuers: Vec<_> = got.iter().map(|(_, _, i)| i.as_deref()).collect();
            assert_eq!(issuers.len(), 2, "{text}: {got:?}");
            assert_eq!(issuers[0], None, "{text}: {got:?}");
        }
    }

    #[test]
    fn lists_share_plenum_and_term() {
        // (text, (plenum, term) of each draft)
        type Row<'a> = (&'a str, &'a [(Option<u32>, Option<&'a str>)]);
        let rows: &[Row] = &[
            (
                "Nghị quyết số 26-NQ/TW và Nghị quyết số 27-NQ/TW của Hội nghị Trung ương 7 khóa XII.",
                &[(Some(7), Some("XII")), (Some(7), Some("XII"))],
            ),
            (
                "Nghị quyết số 18-NQ/TW, 19-NQ/TW của Hội nghị Trung ương 6 khóa XII.",
                &[(Some(6), Some("XII")), (Some(6), Some("XII"))],
            ),
            // Each has its own clause: nothing is shared.
            (
                "Nghị quyết số 26-NQ/TW của Hội nghị Trung ương 6 và Nghị quyết số 27-NQ/TW của Hội nghị Trung ương 7 khóa XII.",
                &[(Some(6), None), (Some(7), Some("XII"))],
            ),
            // Another issuer of its own: nothing is shared.
            (
                "Nghị quyết số 05-NQ/TU và Nghị quyết số 27-NQ/TW của Hội nghị Trung ương 7 khóa XII.",
                &[(None, None), (Some(7), Some("XII"))],
            ),
            // Not a list: a sentence between.
            (
                "Nghị quyết số 26-NQ/TW đã đi vào cuộc sống; tiếp đó Nghị quyết số 27-NQ/TW của Hội nghị Trung ương 7 khóa XII.",
                &[(None, None), (Some(7), Some("XII"))],
            ),
        ];
        for (text, want) in rows {
            let f = Folded::new(text);
            let got: Vec<_> = find(&f).into_iter().map(|d| (d.plenum, d.term)).collect();
            let got: Vec<_> = got.iter().map(|(p, t)| (*p, t.as_deref())).collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
