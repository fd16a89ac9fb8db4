//! Real data at scale: a slice of `../shared/data/vnnews.jsonl.gz` (35,440 real articles)
//! through ingest and search. Skips, loudly, where the data is absent. The full file is
//! ingested by `tracuu ingest --corpus DIR` (see README, Performance) outside the test suite.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use common::{ids, Workspace};
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;

/// Articles taken: enough for real term statistics, few enough for a debug build in CI.
const SLICE: usize = 3000;

fn data() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/vnnews.jsonl.gz");
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; the vnnews test needs it",
            path.display()
        );
        None
    }
}

#[test]
fn a_slice_of_vnnews_ingests_and_searches() {
    let Some(path) = data() else { return };
    let file = std::fs::File::open(&path).expect("open vnnews");
    let lines: Vec<String> = BufReader::new(MultiGzDecoder::new(file))
        .lines()
        .take(SLICE)
        .collect::<Result<_, _>>()
        .expect("read vnnews");
    let ws = Workspace::new();
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for line in &lines {
        writeln!(gz, "{line}").expect("gzip");
    }
    ws.write("vnnews.jsonl.gz", gz.finish().expect("gzip"));

    let report = ws.ingest();
    assert_eq!(report.files_added, 1);
    // Every record is either indexed, dropped as a copy, or skipped with a reason.
    let accounted = report.documents_written + report.duplicates.len() + report.skipped.len();
    assert_eq!(accounted, SLICE, "{:?}", report.skipped);
    assert!(report.documents_written > SLICE * 9 / 10);

    let engine = ws.engine();
    let accented = ids(&engine, "Việt Nam");
    let folded = ids(&engine, "viet nam");
    assert_eq!(accented.len(), 100, "a common query fills a page");
    // Accents are optional: the same documents come back (the order may differ a little,
    // since "Viet Nam" written without accents also counts as exact for the folded query).
    let shared = folded.iter().filter(|id| accented.contains(id)).count();
    assert!(shared >= 95, "{shared} of 100 shared");
    assert_eq!(accented[..4], folded[..4]);
    let response = engine
        .search(&tracuu::search::SearchRequest {
            q: "bao hiem xa hoi".into(),
            ..Default::default()
        })
        .expect("search");
    assert!(response.total > 0);
    let snippet = &response.hits[0].snippet_html;
    assert!(
        snippet.contains("<b>hiểm</b>") || snippet.contains("<b>Hiểm</b>"),
        "{snippet}"
    );
}
