//! End-to-end extraction: HTML fixtures in the layouts of Vietnamese news and Party CMSs (each
//! wrapping one of the real seed texts), and the real scraped seeds themselves.

use std::path::{Path, PathBuf};

use time::macros::date;
use time::Date;
use tracuu::ingest::decode::decode;
use tracuu::ingest::html::extract_html;
use tracuu::ingest::split::split_aggregator;
use tracuu::ingest::text_article::extract_text;
use tracuu::ingest::Page;
use unicode_normalization::UnicodeNormalization;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html/");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/");

/// What one fixture must yield.
struct Case {
    file: &'static str,
    encoding: &'static str,
    title: &'static str,
    date: Option<Date>,
    author: Option<&'static str>,
    /// Sentences of the article (first and last paragraphs, a subheading, a caption).
    present: &'static [&'static str],
    /// Navigation, related lists, share bars, comments, footers, datelines.
    absent: &'static [&'static str],
}

/// Strings every fixture's chrome uses and no article body contains.
const CHROME: &[&str] = &[
    "Trang chủ",
    "Tin liên quan",
    "Bài liên quan",
    "bình luận",
    "Bình luận",
    "Bản quyền",
    "Chia sẻ",
    "Facebook",
];

const CASES: &[Case] = &[
    Case {
        file: "dangbo_portal_nukeviet.html",
        encoding: "UTF-8",
        title:
            "Tập trung tổng kết, đánh giá việc đổi mới phương thức lãnh đạo, rút ra bài học kinh \
                nghiệm để nâng cao chất lượng công tác Đảng, thi hành Điều lệ Đảng.",
        date: Some(date!(2019 - 07 - 04)),
        author: Some("Đức Thuận"),
        present: &[
            "Đó là chỉ đạo của đồng chí Lê Đình Sơn, Ủy viên Ban Chấp hành Trung ương",
            "theo Quyết định số 865-QĐ/TU, ngày 18/1/2019 của Ban Thường vụ Tỉnh ủy",
            "Đại biểu dự Hội nghị",
            "chỉ đạo thực hiện nhiệm vụ chính trị và công tác xây dựng Đảng.",
        ],
        absent: &[
            "Thứ năm - 04/07/2019 15:06",
            "Thứ Ba, ngày 23/11/2023",
            "Giới thiệu",
            "Văn bản chỉ đạo",
            "Trang nhất",
            "Tổng số điểm",
            "Click để đánh giá",
            "Những tin mới hơn",
            "Sơ kết 6 tháng thực hiện Chỉ thị 05-CT/TW",
            "Cơ quan chủ quản",
            "Ghi rõ nguồn",
            "nv_base_siteurl",
        ],
    },
    Case {
        file: "vnexpress_fck_detail.html",
        encoding: "UTF-8",
        title: "Đổi mới nội dung và phương thức hoạt động của tổ chức cơ sở Đảng",
        date: Some(date!(2022 - 11 - 15)),
        author: Some("K.ANH"),
        present: &[
            "Qua hơn 2 năm thực hiện Hướng dẫn 38 của Ban Tổ chức Trung ương",
            "Sắp xếp lại tổ chức cơ sở Đảng",
            "với tổng số 1.832 đảng viên",
            "sinh hoạt chi bộ phù hợp điều kiện cụ thể từng loại hình tổ chức cơ sở Đảng...",
        ],
        absent: &[
            "VnExpress",
            "Thời sự",
            "Góc nhìn",
            "(GMT+7)",
            "Hội nghị Trung ương 5 khóa XIII bế mạc",
            "Tags",
            "Copy link",
            "Ý kiến bạn đọc",
            "cảm ơn tác giả",
            "Xem nhiều",
            "Giá xăng",
            "548/GP-BTTTT",
        ],
    },
    Case {
        file: "wordpress_entry_content.html",
        encoding: "UTF-8",
        title:
            "Đảng bộ Khối Các cơ quan tỉnh: Nâng cao chất lượng tổ chức đảng, thúc đẩy hoàn thành \
                nhiệm vụ chính trị",
        date: Some(date!(2017 - 10 - 24)),
        author: Some("Lam Giang"),
        present: &[
            "Nâng cao chất lượng tổ chức cơ sở đảng là nhiệm vụ trọng tâm",
            "Chú trọng giáo dục chính trị tư tưởng",
            "nâng tổng số đảng viên của Đảng bộ lên 2.151 người.",
            "góp phần thi đua thực hiện thắng lợi nhiệm vụ chính trị được giao.",
        ],
        absent: &[
            "Chuyển đến nội dung",
            "Bài viết mới",
            "Hội nghị sơ kết công tác quý III",
            "Đăng ngày",
            "Chuyên mục",
            "Thẻ",
            "Bài trước",
            "Đảng bộ Khối tổng kết công tác năm 2016",
            "làm rất tốt công tác này",
            "Email của bạn",
            "WordPress",
        ],
    },
    Case {
        file: "nhandan_json_ld.html",
        encoding: "UTF-8",
        title: "Nâng cao chất lượng tổ chức cơ sở đảng ở địa bàn khó khăn",
        date: Some(date!(2020 - 02 - 26)),
        // The JSON-LD author is the newspaper, an organisation, not a person.
        author: None,
        present: &[
            "Sau khi kiện toàn TCCSÐ, các cấp ủy tại địa bàn khó khăn",
            "Nhiều cách làm sáng tạo",
            "Trao đổi công tác phát triển đảng viên ở Chi bộ thôn Lùng Vai 1",
            "bảo đảm an ninh chính trị, trật tự an toàn xã hội ở địa phương./.",
        ],
        absent: &[
            "English",
            "Kinh tế",
            "Đọc nhiều",
            "Thủ tướng chủ trì",
            "(Kỳ 1)",
            "Từ khóa",
            "Chỉnh đốn Đảng",
            "Tin cùng chuyên mục",
            "Kết nạp đảng viên là người dân tộc thiểu số",
            "Cơ quan của Trung ương Đảng",
            "dataLayer",
            "Thứ Tư, 26-02-2020",
        ],
    },
    Case {
        file: "old_windows1258.html",
        encoding: "windows-1258",
        title: "Nhiều giải pháp xây dựng tổ chức cơ sở đảng trong sạch vững mạnh",
        date: Some(date!(2012 - 03 - 16)),
        author: Some("ANH DŨNG"),
        present: &[
            "Thực hiện Nghị quyết (NQ) Đại hội (ĐH) Đại biểu Đảng bộ TP Cần Thơ lần thứ XI",
            "* Triển khai nhiều giải pháp hiệu quả…",
            "Đảng bộ TP Cần Thơ hiện có 707 TCCSĐ, với tổng số hơn 32.700 đảng viên.",
            "Bài, ảnh: ANH DŨNG",
        ],
        absent: &[
            "Cập nhật: 09:15",
            "Chuyên mục",
            "Thể thao",
            "In bài viết",
            "Gửi email",
            "Các tin khác",
            "Quận Ninh Kiều tổng kết",
            "Quảng cáo",
            "Giấy phép số",
        ],
    },
    Case {
        file: "malformed_baoquangnam.html",
        encoding: "UTF-8",
        title: "Xây dựng tổ chức đảng \"bốn tốt\"",
        // The page prints no publication date; 16/6/2022 is the date of a cited resolution.
        date: None,
        author: Some("HÀN GIANG"),
        present: &[
            "Đổi mới phương thức lãnh đạo của Đảng; nâng cao chất lượng sinh hoạt cấp ủy",
            "Kế hoạch cụ thể hóa đưa Nghị quyết số 21-NQ/TW ngày 16/6/2022",
            "Lấy hiệu quả làm thước đo",
            "đảng viên thiếu gương mẫu, uy tín thấp”.",
        ],
        absent: &[
            "HÀN GIANG |",
            "Thứ Tư, 23/11/2022",
            "RSS",
            "Chính trị",
            "Nâng cao chất lượng sinh hoạt chi bộ ở Thăng Bình",
            "Núi Thành sàng lọc đảng viên",
            "Ý kiến bạn đọc",
            "Gửi ý kiến",
            "Cơ quan của Đảng bộ",
            "document.write",
            "thống kê truy cập",
        ],
    },
];

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

fn read_fixture(file: &str) -> Vec<u8> {
    let path = Path::new(FIXTURES).join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

fn extract_fixture(case: &Case) -> Page {
    let decoded = decode(&read_fixture(case.file), true);
    assert_eq!(decoded.encoding, case.encoding, "{}", case.file);
    assert!(!decoded.lossy, "{}", case.file);
    extract_html(&decoded.text)
}

#[test]
fn html_fixtures() {
    for case in CASES {
        let page = extract_fixture(case);
        let (file, body) = (case.file, nfc(&page.body));
        assert_eq!(
            page.title.as_deref().map(nfc).as_deref(),
            Some(case.title),
            "{file}"
        );
        assert_eq!(page.date, case.date, "{file}");
        assert_eq!(
            page.author.as_deref().map(nfc).as_deref(),
            case.author,
            "{file}"
        );
        for sentence in case.present {
            assert!(
                body.contains(sentence),
                "{file}: missing {sentence:?}\n{body}"
            );
        }
        for chrome in case.absent.iter().chain(CHROME) {
            assert!(!body.contains(chrome), "{file}: has {chrome:?}\n{body}");
        }
        assert!(
            !body.contains(case.title),
            "{file}: headline repeated in body"
        );
        assert!(
            !body.contains("\n\n\n"),
            "{file}: paragraphs separated by one blank line"
        );
    }
}

#[test]
fn truncated_fixtures_do_not_panic() {
    for case in CASES {
        let text = decode(&read_fixture(case.file), true).text;
        let cuts = text.char_indices().map(|(i, _)| i).step_by(1499);
        for cut in cuts {
            let page = extract_html(text.get(..cut).unwrap_or_default());
            assert!(page.body.len() <= text.len());
        }
    }
}

/// The real seeds, or `None` (with a loud note) where the shared folder is not beside the crate.
fn seed(prefix: &str) -> Option<String> {
    let dir = PathBuf::from(SEEDS);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("!!! SKIPPED: seeds not found at {} ({e})", dir.display());
            return None;
        }
    };
    let path = entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix))
    });
    let Some(path) = path else {
        eprintln!("!!! SKIPPED: no seed {prefix}_* in {}", dir.display());
        return None;
    };
    Some(decode(&std::fs::read(&path).ok()?, false).text)
}

#[test]
fn real_seeds() {
    type Row = (
        &'static str,
        Option<&'static str>,
        Option<Date>,
        Option<&'static str>,
        &'static str,
    );
    let rows: &[Row] = &[
        (
            "000",
            Some("Đổi mới nội dung và phương thức hoạt động của tổ chức cơ sở Đảng"),
            Some(date!(2022 - 11 - 15)),
            Some("K.ANH"),
            "Qua hơn 2 năm thực hiện Hướng dẫn 38",
        ),
        (
            "001",
            Some("Xây dựng tổ chức đảng \"bốn tốt\""),
            None,
            Some("HÀN GIANG"),
            "Đổi mới phương thức lãnh đạo của Đảng;",
        ),
        (
            "002",
            Some(
                "Đảng bộ Khối Các cơ quan tỉnh: Nâng cao chất lượng tổ chức đảng, thúc đẩy hoàn \
                 thành nhiệm vụ chính trị",
            ),
            Some(date!(2017 - 10 - 24)),
            Some("Lam Giang"),
            "Nâng cao chất lượng tổ chức cơ sở đảng là nhiệm vụ trọng tâm",
        ),
        (
            "003",
            Some(
                "Tập trung tổng kết, đánh giá việc đổi mới phương thức lãnh đạo, rút ra bài học \
                 kinh nghiệm để nâng cao chất lượng công tác Đảng, thi hành Điều lệ Đảng.",
            ),
            Some(date!(2019 - 07 - 04)),
            Some("Đức Thuận"),
            "Đó là chỉ đạo của đồng chí Lê Đình Sơn",
        ),
    ];
    for (prefix, title, date, author, first) in rows {
        let Some(text) = seed(prefix) else { return };
        let page = extract_text(&text);
        assert_eq!(page.title.as_deref(), *title, "seed {prefix}");
        assert_eq!(page.date, *date, "seed {prefix}");
        assert_eq!(page.author.as_deref(), *author, "seed {prefix}");
        assert!(page.body.starts_with(first), "seed {prefix}: {}", page.body);
        for chrome in [
            "Theo dõi trên",
            "Lượt đọc",
            "Bình luận",
            "Bài liên quan",
            "POWERED BY",
            "Tổng số điểm",
            "Những tin",
            "Nổi bật\n",
        ] {
            assert!(!page.body.contains(chrome), "seed {prefix}: has {chrome:?}");
        }
        assert_eq!(
            split_aggregator(&text),
            None,
            "seed {prefix} is one article"
        );
    }
}

#[test]
fn real_aggregator_seed_splits_into_ten_articles() {
    let Some(text) = seed("004") else { return };
    let pages = split_aggregator(&text).unwrap_or_default();
    let want: &[(&str, &str, Option<Date>, Option<&str>)] = &[
        (
            "Nhiệm Vụ Của Tổ Chức Cơ Sở Đảng",
            "Điều 23 Điều lệ Đảng đã quy định năm nhiệm vụ",
            None,
            None,
        ),
        (
            "Tìm Hiểu Về Chức Năng Nhiệm Vụ Của Tổ Chức Cơ Sở Đảng",
            "– Tổ chức cơ sở Đảng hay còn gọi là chi bộ cơ sở",
            None,
            None,
        ),
        (
            "Nâng Cao Chất Lượng Tổ Chức Cơ Sở Đảng",
            "Nửa nhiệm kỳ qua, các cấp ủy Đảng trong thành phố",
            None,
            Some("QUỲNH LAM"),
        ),
        (
            "Nâng Cao Chất Lượng Tổ Chức Cơ Sở Đảng Và Đảng Viên",
            "TP Móng Cái khen thưởng cho các bí thư chi bộ",
            None,
            Some("Hoài Anh"),
        ),
        (
            "Chức Năng, Nhiệm Vụ Của Tổ Chức Cơ Sở Đảng Trong Quân Đội Nhân Dân",
            "Theo quy định tại Mục III Phần B Quy định 59-QĐ/TW",
            None,
            None,
        ),
        (
            "Tiếp Tục Nâng Cao Chất Lượng Tổ Chức Cơ Sở Đảng Và Đảng Viên",
            "Thực hiện Đề án số 02-ĐA/TU ngày 29/4/2011",
            None,
            None,
        ),
        (
            "Xây Dựng, Củng Cố Tổ Chức Cơ Sở Đảng Trong Sạch, Vững Mạnh",
            "Để xây dựng Đảng bộ thành phố thật sự vững mạnh",
            None,
            None,
        ),
        (
            "Nhiều Giải Pháp Xây Dựng Tổ Chức Cơ Sở Đảng Trong Sạch Vững Mạnh",
            "Thực hiện Nghị quyết (NQ) Đại hội (ĐH)",
            None,
            Some("ANH DŨNG"),
        ),
        (
            "Đẩy Mạnh Công Tác Xây Dựng Tổ Chức Cơ Sở Đảng, Nâng Cao Chất Lượng Đảng Viên",
            "Ban Thường vụ Tỉnh ủy Ninh Bình tổ chức hội nghị",
            None,
            None,
        ),
        (
            "Nâng Cao Chất Lượng Tổ Chức Cơ Sở Đảng Ở Địa Bàn Khó Khăn",
            "Sau khi kiện toàn TCCSÐ",
            Some(date!(2020 - 02 - 26)),
            None,
        ),
    ];
    assert_eq!(pages.len(), want.len());
    for (page, (title, first, date, author)) in pages.iter().zip(want) {
        assert_eq!(page.title.as_deref(), Some(*title));
        assert!(page.body.starts_with(first), "{title}: {}", page.body);
        assert_eq!(page.date, *date, "{title}");
        assert_eq!(page.author.as_deref(), *author, "{title}");
        // Link lists are titles of other articles, not body.
        for link in [
            "Vai Trò, Vị Trí Của Công Đoàn Việt Nam",
            "Ban Tổ Chức Tiếng Anh Là Gì",
            "Bài mới hơn",
            "Bài cũ hơn",
            "Chủ đề top",
            "Web hay",
        ] {
            assert!(!page.body.contains(link), "{title}: has {link:?}");
        }
    }
}
