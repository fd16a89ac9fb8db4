//! Citations through ingest, index and search: keys unified across the corpus, the
//! `cites` filter, "which guidance applies", directive pages.

mod common;

use std::collections::BTreeMap;

use common::{ids, Workspace};
use tracuu::search::{Filters, SearchRequest};

const PLENUM_ONLY: &str =
    "Hội nghị chi bộ\n\nChi bộ quán triệt Nghị quyết Trung ương 5 (khóa XIII) \
    về tăng cường củng cố, xây dựng tổ chức cơ sở đảng.";
const FULL: &str =
    "Kế hoạch của Tỉnh ủy\n\nKế hoạch cụ thể hóa Nghị quyết số 21-NQ/TW ngày 16/6/2022 \
    của Hội nghị Trung ương 5 (khóa XIII) về tổ chức cơ sở đảng.";
/// A directive by its number alone, and by its full symbol.
const BARE: &str =
    "Sinh hoạt chi bộ\n\nChi bộ tiếp tục thực hiện Chỉ thị 05 về học tập và làm theo \
    tư tưởng, đạo đức, phong cách Hồ Chí Minh.";
const SYMBOL: &str =
    "Kế hoạch của Đảng ủy\n\nKế hoạch thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 \
    của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh.";

fn citing(engine: &tracuu::search::Engine, key: &str) -> Vec<String> {
    let response = engine
        .search(&SearchRequest {
            filters: Filters {
                cites: Some(key.into()),
                ..Filters::default()
            },
            ..SearchRequest::default()
        })
        .expect("search");
    let mut ids: Vec<String> = response.hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    ids
}

/// The cited facet of the documents matching `q`: key → documents.
fn cited_facets(engine: &tracuu::search::Engine, q: &str) -> BTreeMap<String, u64> {
    let response = engine
        .search(&SearchRequest {
            q: q.into(),
            ..SearchRequest::default()
        })
        .expect("search");
    response
        .facets
        .citations
        .into_iter()
        .map(|f| (f.key, f.count))
        .collect()
}

/// The documents a directive's page stands for, with their citing documents.
fn versions(page: &tracuu::search::citations::DirectiveView) -> Vec<(&str, u64)> {
    page.versions
        .iter()
        .map(|v| (v.key.as_str(), v.count))
        .collect()
}

#[test]
fn a_plenum_reference_keeps_its_own_key_beside_a_resolution_of_that_plenum() {
    // The plenum issued several resolutions: the corpus citing one of them with the plenum
    // does not make every mention of the plenum that one.
    let ws = Workspace::new();
    ws.write("plenum.txt", PLENUM_ONLY);
    ws.write("full.txt", FULL);
    ws.ingest();
    let engine = ws.engine();
    assert_eq!(citing(&engine, "nghi-quyet/21-NQ/TW"), ["full"]);
    assert_eq!(citing(&engine, "nghi-quyet/tw5-XIII"), ["plenum"]);
    assert_eq!(
        engine
            .directive("nghi-quyet/tw5-XIII")
            .expect("directive")
            .map(|p| p.key)
            .as_deref(),
        Some("nghi-quyet/tw5-XIII")
    );
}

#[test]
fn documents_indexed_earlier_are_rekeyed_when_a_later_one_teaches_the_alias() {
    let ws = Workspace::new();
    ws.write("bare.txt", BARE);
    ws.ingest();
    assert_eq!(citing(&ws.engine(), "chi-thi/5"), ["bare"]);
    ws.write("symbol.txt", SYMBOL);
    let report = ws.ingest();
    assert_eq!((report.files_added, report.documents_rekeyed), (1, 1));
    assert_eq!(report.documents_total, 2);
    let engine = ws.engine();
    assert_eq!(keyed(&engine, "chi-thi/5-CT/TW"), ["bare", "symbol"]);
    assert!(keyed(&engine, "chi-thi/5").is_empty());
    // The number's own key, an alias now, still filters the documents citing it.
    assert_eq!(citing(&engine, "chi-thi/5"), ["bare", "symbol"]);
    // Still one document each: rekeying replaced, it did not add.
    assert_eq!(ids(&engine, "chi thi").len(), 2);
}

/// A second directive numbered 05, of another issuer.
const ANOTHER_OF_THE_NUMBER: &str =
    "Công điện của tỉnh\n\nThực hiện Chỉ thị số 05/CT-TTg ngày 28/2/2023 của Thủ tướng \
    Chính phủ về tiếp tục chấn chỉnh hoạt động đăng kiểm.";

/// The documents whose citations are keyed `key` as indexed (the `cites` filter also follows
/// the corpus's aliases to it).
fn keyed(engine: &tracuu::search::Engine, key: &str) -> Vec<String> {
    let mut ids: Vec<String> = ["bare", "symbol", "another"]
        .into_iter()
        .filter_map(|id| engine.document(id).expect("document"))
        .filter(|doc| doc.citations.iter().any(|c| c.key == key))
        .map(|doc| doc.id)
        .collect();
    ids.sort();
    ids
}

/// Every document's key for the bare mention, as `(keyed 05-CT/TW, keyed the number)`.
fn bare_keys(engine: &tracuu::search::Engine) -> (Vec<String>, Vec<String>) {
    (keyed(engine, "chi-thi/5-CT/TW"), keyed(engine, "chi-thi/5"))
}

#[test]
fn keys_are_the_corpus_s_whatever_order_its_documents_came_in() {
    let ws = Workspace::new();
    ws.write("bare.txt", BARE);
    ws.write("symbol.txt", SYMBOL);
    ws.ingest();
    let one_directive = (vec!["bare".to_string(), "symbol".into()], vec![]);
    assert_eq!(bare_keys(&ws.engine()), one_directive);
    // A second directive 05: "Chỉ thị 05" may be either, and the mention indexed earlier
    // gets its own key back, as a fresh ingest would give it.
    ws.write("another.txt", ANOTHER_OF_THE_NUMBER);
    let report = ws.ingest();
    assert_eq!(report.documents_rekeyed, 1, "{report:?}");
    let two_directives = (vec!["symbol".to_string()], vec!["bare".to_string()]);
    assert_eq!(bare_keys(&ws.engine()), two_directives);
    let fresh = Workspace::new();
    for (name, text) in [
        ("bare.txt", BARE),
        ("symbol.txt", SYMBOL),
        ("another.txt", ANOTHER_OF_THE_NUMBER),
    ] {
        fresh.write(name, text);
    }
    fresh.ingest();
    assert_eq!(bare_keys(&fresh.engine()), two_directives);
    // And back, when the second one goes.
    std::fs::remove_file(ws.corpus().join("another.txt")).expect("remove");
    let report = ws.ingest();
    assert_eq!(report.documents_rekeyed, 1, "{report:?}");
    assert_eq!(bare_keys(&ws.engine()), one_directive);
    // The number's own key leads to the page of the directive it stands for.
    let page = ws.engine().directive("chi-thi/5").expect("directive");
    assert_eq!(page.map(|p| p.key).as_deref(), Some("chi-thi/5-CT/TW"));
}

/// One JSON Lines record.
fn record(id: &str, body: &str) -> String {
    let body = body.replace('\n', "\\n");
    format!("{{\"id\": \"{id}\", \"body\": \"{body}\"}}\n")
}

#[test]
fn a_changed_file_is_replaced_whole_whether_its_documents_cite_or_not() {
    // Documents that cite nothing are written as they are read, those that cite wait for
    // the keys learned from the whole run: both halves of a file are replaced together.
    let ws = Workspace::new();
    let plain = "Tin thể thao\n\nĐội tuyển bóng đá thắng trận giao hữu.";
    ws.write(
        "mixed.jsonl",
        [
            record("short", BARE),
            record("plain", plain),
            record("full", SYMBOL),
        ]
        .concat(),
    );
    let report = ws.ingest();
    assert_eq!(report.documents_written, 3);
    let engine = ws.engine();
    assert_eq!(citing(&engine, "chi-thi/5-CT/TW"), ["full", "short"]);
    assert_eq!(ids(&engine, "bong da"), ["plain"]);

    let other = "Tin văn hóa\n\nLiên hoan phim khai mạc tối qua.";
    ws.write(
        "mixed.jsonl",
        [record("short", BARE), record("other", other)].concat(),
    );
    let report = ws.ingest();
    assert_eq!((report.files_updated, report.documents_written), (1, 2));
    assert_eq!(report.documents_total, 2);
    let engine = ws.engine();
    // The document that taught the alias is gone, and with it the alias: the bare
    // mention has its own key, as a fresh ingest of this corpus gives it.
    assert!(citing(&engine, "chi-thi/5-CT/TW").is_empty());
    assert_eq!(citing(&engine, "chi-thi/5"), ["short"]);
    assert!(ids(&engine, "bong da").is_empty());
    assert_eq!(ids(&engine, "lien hoan phim"), ["other"]);
}

#[test]
fn the_seed_corpus_citation_graph() {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let engine = ws.engine();

    // Both seeds citing Resolution 21 share its key, whatever the wording.
    let citers = citing(&engine, "nghi-quyet/21-NQ/TW");
    assert!(citers.iter().any(|id| id.starts_with("000_")), "{citers:?}");
    assert!(citers.iter().any(|id| id.starts_with("001_")), "{citers:?}");

    let listed = engine.citations(None).expect("citations");
    let guidance = listed
        .iter()
        .find(|c| c.key == "huong-dan/38-HD/BTCTW")
        .expect("HD 38 listed");
    assert_eq!(
        (guidance.label.as_str(), guidance.kind.as_str()),
        ("Hướng dẫn 38-HD/BTCTW", "huong-dan")
    );
    let charter = engine.citations(Some("dieu le")).expect("filtered");
    assert_eq!(
        charter.first().map(|c| c.key.as_str()),
        Some("dieu-le/dang")
    );

    let view = engine
        .directive("nghi-quyet/21-NQ/TW")
        .expect("lookup")
        .expect("known");
    assert_eq!(view.symbol.as_deref(), Some("21-NQ/TW"));
    assert_eq!(view.date.as_deref(), Some("2022-06-16"));
    assert_eq!(view.term.as_deref(), Some("XIII"));
    let from_001 = view
        .citing
        .iter()
        .find(|c| c.id.starts_with("001_"))
        .expect("001 cites it");
    assert!(
        from_001.sentence.contains("Nghị quyết số 21-NQ/TW"),
        "{}",
        from_001.sentence
    );
    assert!(
        from_001.sentence_html.contains("<b>Nghị quyết số 21-NQ/TW"),
        "{}",
        from_001.sentence_html
    );
    assert!(engine
        .directive("nghi-quyet/999-NQ/TW")
        .expect("lookup")
        .is_none());
}

#[test]
fn which_guidance_applies_ranks_directives_by_the_relevance_of_citing_documents() {
    let ws = Workspace::with_seeds();
    ws.ingest();
    let response = ws
        .engine()
        .search(&SearchRequest {
            q: "tổ chức cơ sở đảng".into(),
            ..SearchRequest::default()
        })
        .expect("search");
    let facets = &response.facets.citations;
    assert!(facets.len() >= 5, "{facets:?}");
    assert!(facets.windows(2).all(|w| w[0].weight >= w[1].weight));
    let top: Vec<&str> = facets.iter().take(8).map(|f| f.key.as_str()).collect();
    assert!(
        top.contains(&"dieu-le/dang") && top.contains(&"nghi-quyet/tw4-XII"),
        "{top:?}"
    );
    assert!(facets.iter().all(|f| !f.label.is_empty() && f.count >= 1));
}

/// One JSON Lines record with a date.
fn dated(id: &str, date: &str, body: &str) -> String {
    format!("{{\"id\": \"{id}\", \"date\": \"{date}\", \"title\": \"Tin {id}\", \"body\": \"{body}\"}}\n")
}

const RESOLUTION_2012: &str =
    "Thực hiện Nghị quyết số 21-NQ/TW ngày 22/11/2012 của Bộ Chính trị về bảo hiểm xã hội.";
const RESOLUTION_2022: &str = "Quán triệt Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 (khóa XIII) về tổ chức cơ sở đảng.";

#[test]
fn documents_sharing_a_symbol_years_apart_are_told_apart() {
    let ws = Workspace::new();
    ws.write(
        "first.jsonl",
        [
            dated("old", "2013-01-10", RESOLUTION_2012),
            dated(
                "mid",
                "2015-03-01",
                "Tiếp tục thực hiện Nghị quyết 21-NQ/TW về bảo hiểm xã hội.",
            ),
        ]
        .concat(),
    );
    ws.ingest();
    // One document of that symbol so far: its key is the symbol's.
    assert_eq!(citing(&ws.engine(), "nghi-quyet/21-NQ/TW"), ["mid", "old"]);
    ws.write(
        "second.jsonl",
        [
            dated("new", "2022-07-01", RESOLUTION_2022),
            dated(
                "late",
                "2023-02-01",
                "Nghị quyết 21-NQ/TW được quán triệt sâu rộng.",
            ),
        ]
        .concat(),
    );
    let report = ws.ingest();
    assert_eq!(report.documents_rekeyed, 2, "{report:?}");
    let engine = ws.engine();
    // A mention without its date means the latest document before it was written.
    assert_eq!(citing(&engine, "nghi-quyet/21-NQ/TW/2012"), ["mid", "old"]);
    assert_eq!(citing(&engine, "nghi-quyet/21-NQ/TW/2022"), ["late", "new"]);
    // The symbol's own key stands for both, in a filter, a query and its page.
    assert_eq!(
        citing(&engine, "nghi-quyet/21-NQ/TW"),
        ["late", "mid", "new", "old"]
    );
    let mut found = ids(&engine, "21-NQ/TW");
    found.sort();
    assert_eq!(found, ["late", "mid", "new", "old"]);
    // Its facet counts what the filter finds, though no document cites it as such now.
    let facets = cited_facets(&engine, "nghị quyết");
    for (key, count) in [
        ("nghi-quyet/21-NQ/TW", 4),
        ("nghi-quyet/21-NQ/TW/2012", 2),
        ("nghi-quyet/21-NQ/TW/2022", 2),
    ] {
        assert_eq!(facets.get(key).copied(), Some(count), "{key}: {facets:?}");
    }
    let page = engine
        .directive("nghi-quyet/21-NQ/TW/2012")
        .expect("directive")
        .expect("cited");
    assert_eq!(page.label, "Nghị quyết 21-NQ/TW (2012)");
    assert_eq!(page.date.as_deref(), Some("2012-11-22"));
    assert_eq!(page.plenum, None, "no chimera of the two: {page:?}");
    // The symbol's page is both documents': every citing document, each year's page, and
    // neither's date or plenum.
    let both = engine
        .directive("nghi-quyet/21-NQ/TW")
        .expect("directive")
        .expect("cited");
    assert_eq!(both.key, "nghi-quyet/21-NQ/TW");
    assert_eq!(both.count, 4);
    let citing_ids: Vec<&str> = both.citing.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(citing_ids, ["late", "new", "mid", "old"], "newest first");
    let cited_as: Vec<Option<&str>> = both.citing.iter().map(|c| c.cited_as.as_deref()).collect();
    assert_eq!(
        cited_as,
        [
            Some("nghi-quyet/21-NQ/TW/2022"),
            Some("nghi-quyet/21-NQ/TW/2022"),
            Some("nghi-quyet/21-NQ/TW/2012"),
            Some("nghi-quyet/21-NQ/TW/2012")
        ]
    );
    assert_eq!(
        versions(&both),
        [
            ("nghi-quyet/21-NQ/TW/2022", 2),
            ("nghi-quyet/21-NQ/TW/2012", 2)
        ]
    );
    assert_eq!(both.symbol.as_deref(), Some("21-NQ/TW"));
    assert_eq!((both.date, both.plenum), (None, None), "no chimera");
    assert!(both.cited_with.is_empty(), "{:?}", both.cited_with);
    // The list of cited documents counts it as its facet does.
    let listed = engine.citations(Some("21-NQ/TW")).expect("citations");
    let counts: Vec<(&str, u64)> = listed.iter().map(|c| (c.key.as_str(), c.count)).collect();
    assert_eq!(
        counts,
        [
            ("nghi-quyet/21-NQ/TW", 4),
            ("nghi-quyet/21-NQ/TW/2012", 2),
            ("nghi-quyet/21-NQ/TW/2022", 2)
        ]
    );
    // The same corpus ingested at once keys it the same.
    let fresh = Workspace::new();
    fresh.write(
        "first.jsonl",
        std::fs::read(ws.corpus().join("first.jsonl")).expect("read"),
    );
    fresh.write(
        "second.jsonl",
        std::fs::read(ws.corpus().join("second.jsonl")).expect("read"),
    );
    fresh.ingest();
    assert_eq!(
        citing(&fresh.engine(), "nghi-quyet/21-NQ/TW/2012"),
        ["mid", "old"]
    );
}

#[test]
fn provinces_numbering_their_own_documents_are_told_apart() {
    let ws = Workspace::new();
    ws.write(
        "local.jsonl",
        [
            dated(
                "bac-ninh",
                "2021-04-01",
                "Thực hiện Nghị quyết số 05-NQ/TU ngày 12/3/2021 của Tỉnh ủy Bắc Ninh về chuyển đổi số.",
            ),
            dated(
                "ha-giang",
                "2021-05-01",
                "Nghị quyết số 05-NQ/TU của Tỉnh ủy Hà Giang về phát triển du lịch.",
            ),
            dated(
                "unnamed",
                "2021-06-01",
                "Các huyện quán triệt Nghị quyết số 05-NQ/TU của Ban Thường vụ Tỉnh ủy.",
            ),
        ]
        .concat(),
    );
    ws.ingest();
    let engine = ws.engine();
    assert_eq!(citing(&engine, "nghi-quyet/5-NQ/TU/bắc-ninh"), ["bac-ninh"]);
    assert_eq!(citing(&engine, "nghi-quyet/5-NQ/TU/hà-giang"), ["ha-giang"]);
    // The symbol alone, which names no province, stands for each province's.
    assert_eq!(
        citing(&engine, "nghi-quyet/5-NQ/TU"),
        ["bac-ninh", "ha-giang", "unnamed"]
    );
    let mut found = ids(&engine, "05-NQ/TU");
    found.sort();
    assert_eq!(found, ["bac-ninh", "ha-giang", "unnamed"]);
    let page = engine
        .directive("nghi-quyet/5-NQ/TU/hà-giang")
        .expect("directive")
        .expect("cited");
    assert_eq!(page.label, "Nghị quyết 05-NQ/TU (Hà Giang)");
    assert_eq!(page.issuing_body.as_deref(), Some("Tỉnh ủy Hà Giang"));
    // The bare symbol's page lists every province's citing documents, and each province's
    // page, but says of the document only what its own mention does.
    let bare = engine
        .directive("nghi-quyet/5-NQ/TU")
        .expect("directive")
        .expect("cited");
    assert_eq!(bare.count, 3, "{bare:?}");
    assert_eq!(
        versions(&bare),
        [
            ("nghi-quyet/5-NQ/TU/hà-giang", 1),
            ("nghi-quyet/5-NQ/TU/bắc-ninh", 1)
        ]
    );
    assert_eq!(
        bare.issuing_body.as_deref(),
        Some("Ban Thường vụ Tỉnh ủy"),
        "no province's: {bare:?}"
    );
}

#[test]
fn which_guidance_applies_prefers_what_the_subject_cites_to_what_everything_cites() {
    // Every article cites the Congress's resolution; two on food safety also cite the
    // decree on it. For "an toàn thực phẩm" the decree is the guidance, though the
    // resolution is cited by more of the matching articles.
    let congress = "quán triệt Nghị quyết Đại hội XII của Đảng";
    let food = "Nghị định số 15/2018/NĐ-CP ngày 2/2/2018 của Chính phủ quy định chi tiết";
    let mut records = vec![
        dated(
            "food-1",
            "2018-03-01",
            &format!("Bảo đảm an toàn thực phẩm, {congress}; {food}."),
        ),
        dated(
            "food-2",
            "2018-04-01",
            &format!("Kiểm tra an toàn thực phẩm theo {food}; {congress}."),
        ),
        dated(
            "food-3",
            "2018-05-01",
            &format!("Tháng hành động vì an toàn thực phẩm, {congress}."),
        ),
    ];
    for (i, subject) in ["giao thông", "giáo dục", "y tế", "nông nghiệp", "du lịch"]
        .iter()
        .enumerate()
    {
        records.push(dated(
            &format!("other-{i}"),
            "2018-06-01",
            &format!("Ngành {subject} {congress}."),
        ));
    }
    let ws = Workspace::new();
    ws.write("news.jsonl", records.concat());
    ws.ingest();
    let response = ws
        .engine()
        .search(&SearchRequest {
            q: "an toàn thực phẩm".into(),
            ..SearchRequest::default()
        })
        .expect("search");
    let facets: Vec<(&str, u64)> = response
        .facets
        .citations
        .iter()
        .map(|f| (f.key.as_str(), f.count))
        .collect();
    assert_eq!(
        facets,
        [("nghi-dinh/15/2018/NĐ-CP", 2), ("nghi-quyet/dh-XII", 3)],
        "{:?}",
        response.facets.citations
    );
}

#[test]
fn a_law_cited_by_its_title_alone_stands_for_each_year_s() {
    let ws = Workspace::new();
    ws.write(
        "laws.jsonl",
        [
            dated(
                "y2013",
                "2014-05-01",
                "Theo Luật Đất đai năm 2013, người sử dụng đất được chuyển nhượng. \
                 Luật Đất đai cũng quy định thời hạn giao đất.",
            ),
            dated(
                "y2024",
                "2024-08-01",
                "Luật Đất đai 2024 có hiệu lực sớm từ ngày 1/8/2024.",
            ),
            dated(
                "undated",
                "2017-03-01",
                "Tỉnh rà soát việc thu hồi đất theo Luật Đất đai và Luật Đầu tư công.",
            ),
            dated(
                "other",
                "2017-03-02",
                "Dự án được phê duyệt theo Luật Đầu tư công năm 2019.",
            ),
        ]
        .concat(),
    );
    ws.ingest();
    let engine = ws.engine();
    // The title without a year is every year's; a year is its own.
    assert_eq!(
        citing(&engine, "luat/đất-đai"),
        ["undated", "y2013", "y2024"]
    );
    assert_eq!(citing(&engine, "luat/đất-đai-2013"), ["y2013"]);
    // "Đầu tư công" is its own law, not a year of "Đầu tư".
    assert_eq!(citing(&engine, "luat/đầu-tư"), Vec::<String>::new());
    assert_eq!(citing(&engine, "luat/đầu-tư-công"), ["other", "undated"]);
    // The facet of the title without a year counts every year's, as the filter does; a
    // document citing the title both ways counts once.
    let facets = cited_facets(&engine, "đất");
    for (key, count) in [
        ("luat/đất-đai", 3),
        ("luat/đất-đai-2013", 1),
        ("luat/đất-đai-2024", 1),
    ] {
        assert_eq!(facets.get(key).copied(), Some(count), "{key}: {facets:?}");
    }
    let page = engine
        .directive("luat/đất-đai")
        .expect("directive")
        .expect("cited");
    assert_eq!(page.label, "Luật Đất đai");
    assert_eq!(page.count, 3, "every year's, as its facet: {page:?}");
    assert_eq!(
        versions(&page),
        [("luat/đất-đai-2024", 1), ("luat/đất-đai-2013", 1)]
    );
    // Each year's title is a law of its own number (the year, for a law cited by its
    // title): the page of them all gives none.
    assert_eq!((page.date, page.number, page.symbol), (None, None, None));
    let page = engine
        .directive("luat/đầu-tư-công-2019")
        .expect("directive")
        .expect("cited");
    assert_eq!(page.label, "Luật Đầu tư công 2019");
    // Every document citing the 2013 title gives the undated one too; it is not "cited
    // alongside" on the 2013 title's page.
    let page = engine
        .directive("luat/đất-đai-2013")
        .expect("directive")
        .expect("cited");
    let alongside: Vec<&str> = page.cited_with.iter().map(|f| f.key.as_str()).collect();
    assert!(!alongside.contains(&"luat/đất-đai"), "{alongside:?}");
}
