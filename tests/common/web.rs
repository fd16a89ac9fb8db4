//! A small corpus for the web tests whose documents carry citations, written straight into
//! an index so the pages can be tested whatever the citation extractor finds, plus a server.

use std::sync::Arc;

use tempfile::TempDir;
use tracuu::cite::Citation;
use tracuu::document::Document;
use tracuu::index::manifest::FileState;
use tracuu::index::writer::Writer;
use tracuu::ingest::dedup::Fingerprint;
use tracuu::search::Engine;

/// A news article citing three directives; its id has a `/` in it.
pub const GUIDANCE_ID: &str = "tin/2022/doi-moi-huong-dan-38";
/// A document whose title, author, url and text try to inject script; id has `/` and `#`.
pub const XSS_ID: &str = "xss/bai#1";
/// The script document's page: `#` must be written `%23` in a path.
pub fn xss_path() -> String {
    format!("/documents/{}", XSS_ID.replace('#', "%23"))
}
/// Key of the resolution most documents cite.
pub const NQ21: &str = "nghi-quyet/21-NQ/TW";
/// Another resolution, cited beside [`NQ21`] by one document.
pub const NQ19: &str = "nghi-quyet/19-NQ/TW";
/// Key of the guidance cited by the first article.
pub const HD38: &str = "huong-dan/38-HD/BTCTW";
/// A key with non-ASCII letters.
pub const ND30: &str = "nghi-dinh/30/2020/NĐ-CP";
/// A key that tries to break out of an attribute.
pub const EVIL_KEY: &str = "chi-thi/\"><script>window.__xss=7</script>";
/// Filler documents, enough for two pages of "huong dan".
pub const FILLERS: usize = 12;

/// A citation of `mention` (its first occurrence in `body`).
pub fn cite(body: &str, mention: &str, kind: &str, symbol: Option<&str>, key: &str) -> Citation {
    let start = body.find(mention).unwrap_or(0);
    Citation {
        text: mention.to_string(),
        start,
        end: start + mention.len(),
        kind: kind.to_string(),
        number: symbol.and_then(|s| s.split(['-', '/']).next().map(str::to_string)),
        symbol: symbol.map(str::to_string),
        issuer: symbol.and_then(|s| s.rsplit('/').next().map(str::to_string)),
        name: None,
        issuing_body: None,
        date: None,
        term: None,
        plenum: None,
        congress: None,
        article: None,
        key: key.to_string(),
        resolved_from: None,
        aliased_from: None,
    }
}

/// A document of `id`, from the file `<id>.txt`, without citations.
pub fn document(id: &str, title: &str, date: Option<time::Date>, body: &str) -> Document {
    Document {
        id: id.to_string(),
        source: format!("{id}.txt"),
        url: None,
        title: title.to_string(),
        date,
        author: None,
        body: body.to_string(),
        citations: Vec::new(),
        fingerprint: Fingerprint::of(body),
    }
}

/// A day, `None` if there is no such day.
pub fn date(year: i32, month: u8, day: u8) -> Option<time::Date> {
    let month = time::Month::try_from(month).ok()?;
    time::Date::from_calendar_date(year, month, day).ok()
}

/// The documents of the corpus.
pub fn documents() -> Vec<Document> {
    let body = "Qua hơn 2 năm thực hiện Hướng dẫn số 38-HD/BTCTW của Ban Tổ chức Trung ương \
        về xây dựng mô hình tổ chức cơ sở Đảng, hoạt động của các chi bộ được đổi mới.\n\n\
        Các cấp ủy tiếp tục quán triệt Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị \
        Trung ương 5 khóa XIII về tăng cường củng cố, xây dựng tổ chức cơ sở đảng.\n\n\
        Việc lưu trữ hồ sơ được hướng dẫn theo Nghị định số 30/2020/NĐ-CP về công tác văn thư.";
    let mut guidance = document(
        GUIDANCE_ID,
        "Đổi mới hoạt động của tổ chức cơ sở Đảng theo Hướng dẫn 38",
        date(2022, 11, 15),
        body,
    );
    guidance.author = Some("Minh Anh".into());
    guidance.url = Some("https://example.vn/bai-viet/1".into());
    let mut c = cite(
        body,
        "Hướng dẫn số 38-HD/BTCTW",
        "huong-dan",
        Some("38-HD/BTCTW"),
        HD38,
    );
    c.issuing_body = Some("Ban Tổ chức Trung ương".into());
    let mut r = cite(
        body,
        "Nghị quyết số 21-NQ/TW",
        "nghi-quyet",
        Some("21-NQ/TW"),
        NQ21,
    );
    r.date = Some("2022-06-16".into());
    r.term = Some("XIII".into());
    r.plenum = Some(5);
    r.issuing_body = Some("Hội nghị Trung ương 5".into());
    let d = cite(
        body,
        "Nghị định số 30/2020/NĐ-CP",
        "nghi-dinh",
        Some("30/2020/NĐ-CP"),
        ND30,
    );
    guidance.citations = vec![c, r, d];

    let body = "Chi bộ thực hiện đúng hướng dẫn về sinh hoạt định kỳ, bám sát Nghị quyết số \
        21-NQ/TW, Nghị quyết số 19-NQ/TW và Hướng dẫn số 38-HD/BTCTW để nâng cao chất lượng sinh hoạt.";
    let mut quality = document(
        "chat-luong-sinh-hoat",
        "Nâng cao chất lượng sinh hoạt chi bộ",
        date(2023, 3, 10),
        body,
    );
    quality.citations = vec![
        cite(
            body,
            "Nghị quyết số 21-NQ/TW",
            "nghi-quyet",
            Some("21-NQ/TW"),
            NQ21,
        ),
        cite(
            body,
            "Nghị quyết số 19-NQ/TW",
            "nghi-quyet",
            Some("19-NQ/TW"),
            NQ19,
        ),
        cite(
            body,
            "Hướng dẫn số 38-HD/BTCTW",
            "huong-dan",
            Some("38-HD/BTCTW"),
            HD38,
        ),
    ];

    let mut docs = vec![guidance, quality, xss_document()];
    for n in 1..=FILLERS {
        let body = format!(
            "Bản tin số {n}: hướng dẫn công tác kiểm tra, giám sát của chi bộ năm {}.",
            2016 + n % 7
        );
        let mut filler = document(
            &format!("ban-tin/{n:02}"),
            &format!("Bản tin công tác Đảng số {n}"),
            date(2016 + (n % 7) as i32, 5, 1),
            &body,
        );
        if n % 3 == 0 {
            filler.body.push_str(" Thực hiện Chỉ thị số 05-CT/TW.");
            let b = filler.body.clone();
            filler.citations = vec![cite(
                &b,
                "Chỉ thị số 05-CT/TW",
                "chi-thi",
                Some("05-CT/TW"),
                "chi-thi/05-CT/TW",
            )];
        }
        docs.push(filler);
    }
    docs
}

/// Script in every field a page shows, and citations with spans a page must skip.
fn xss_document() -> Document {
    let body = "Văn bản hướng dẫn này chứa <script>window.__xss=4</script> và \
        <img src=x onerror=\"window.__xss=5\"> cùng liên kết \
        <a href=\"javascript:window.__xss=6\">bấm vào đây</a>.\n\
        Theo Nghị quyết số 21-NQ/TW, mọi thẻ phải hiện ra như chữ.";
    let mut doc = document(
        XSS_ID,
        "<script>window.__xss=1</script> Hướng dẫn có mã độc",
        date(2021, 2, 3),
        body,
    );
    doc.author = Some("<img src=x onerror=\"window.__xss=2\">".into());
    doc.url = Some("javascript:window.__xss=3".into());
    let good = cite(
        body,
        "Nghị quyết số 21-NQ/TW",
        "nghi-quyet",
        Some("21-NQ/TW"),
        NQ21,
    );
    let evil = cite(body, "mọi thẻ", "chi-thi", None, EVIL_KEY);
    let mut out_of_range = good.clone();
    (out_of_range.start, out_of_range.end) = (body.len() - 2, body.len() + 40);
    let mut overlapping = good.clone();
    (overlapping.start, overlapping.end) = (good.start + 3, good.end + 3);
    let mut mid_char = good.clone();
    // "Văn": 'ă' is two bytes, so byte 2 is inside it.
    (mid_char.start, mid_char.end) = (2, 6);
    doc.citations = vec![good, evil, out_of_range, overlapping, mid_char];
    doc
}

/// Writes the corpus into a fresh index in a temp dir and opens it.
pub fn engine() -> (TempDir, Engine) {
    engine_of(&[documents()])
}

/// Writes `batches` into a fresh index in a temp dir, one commit each (a segment each, as
/// long as no merge joins them), and opens it.
pub fn engine_of(batches: &[Vec<Document>]) -> (TempDir, Engine) {
    let dir = tempfile::tempdir().expect("temp dir");
    let index_dir = dir.path().join("index");
    let (index, fields) = tracuu::index::open_or_create(&index_dir).expect("index");
    for batch in batches {
        let mut writer = Writer::open(&index, fields, &index_dir).expect("writer");
        for doc in batch {
            let state = FileState {
                size: doc.body.len() as u64,
                mtime_ns: 0,
                hash: 0,
                docs: 1,
                duplicates: Default::default(),
            };
            writer
                .replace_source(&doc.source, std::slice::from_ref(doc), state)
                .expect("add");
        }
        writer.commit().expect("commit");
    }
    let engine = Engine::open(&index_dir).expect("engine");
    (dir, engine)
}

/// Serves the corpus on 127.0.0.1:0; returns the temp dir to keep and the base URL.
pub async fn start() -> (TempDir, String) {
    let (dir, engine) = engine();
    (dir, serve(engine).await)
}

/// Serves `engine` on 127.0.0.1:0; returns the base URL.
pub async fn serve(engine: Engine) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(tracuu::server::serve(listener, Arc::new(engine)));
    format!("http://{addr}")
}
