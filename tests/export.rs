//! `tracuu export` end to end: the OpenSearch and Quickwit definitions checked as JSON
//! against the fields exported, every NDJSON line checked against the bulk format, and the
//! documents re-imported into a fresh index of ours giving the same search results.
//! Indexes the seeds and, where present, a slice of `../shared/data/vnnews.jsonl.gz`.

mod common;

use std::collections::{BTreeSet, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Workspace;
use flate2::read::MultiGzDecoder;
use serde_json::{Map, Value};
use tracuu::search::{Engine, Filters, SearchRequest};

/// Articles of vnnews added to the seeds: real term statistics, quick in a debug build.
const SLICE: usize = 1000;
/// Largest bulk file the exporter may write.
const MAX_CHUNK_BYTES: u64 = 10 * 1024 * 1024;
/// Fields every exported document carries.
const REQUIRED: &[&str] = &[
    "id",
    "title",
    "title_folded",
    "body",
    "body_folded",
    "citations",
    "source",
];
/// Analyzers OpenSearch has without any plugin.
const BUILT_IN_ANALYZERS: &[&str] = &["standard", "simple", "whitespace", "keyword"];
/// Letters with Vietnamese marks: none may survive folding.
const MARKED: &str = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ\
                      ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ";

fn tracuu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tracuu"))
}

fn workspace() -> Workspace {
    let ws = Workspace::with_seeds();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/vnnews.jsonl.gz");
    match std::fs::File::open(&data) {
        Ok(file) => {
            let mut slice = Vec::new();
            for line in BufReader::new(MultiGzDecoder::new(file))
                .lines()
                .take(SLICE)
            {
                writeln!(slice, "{}", line.expect("read vnnews")).expect("buffer");
            }
            ws.write("vnnews.jsonl", slice);
        }
        Err(_) => eprintln!(
            "NOTE: {} is absent; exporting the seeds only",
            data.display()
        ),
    }
    ws.ingest();
    ws
}

fn export(ws: &Workspace, format: &str) -> PathBuf {
    let out = ws.dir.path().join(format!("export-{format}"));
    let result = tracuu()
        .args(["export", "--format", format, "--index"])
        .arg(ws.index())
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run export");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    out
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read json");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The NDJSON files of an export, in order.
fn ndjson_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read export dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ndjson"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no NDJSON in {}", dir.display());
    files
}

/// Every line of the files, each checked to end with a newline (the bulk API requires it).
fn lines(files: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for file in files {
        let size = std::fs::metadata(file).expect("size").len();
        assert!(
            size <= MAX_CHUNK_BYTES,
            "{} is {size} bytes",
            file.display()
        );
        let text = std::fs::read_to_string(file).expect("read ndjson");
        assert!(
            text.ends_with('\n'),
            "{} lacks the final newline",
            file.display()
        );
        out.extend(text.lines().map(str::to_string));
    }
    out
}

fn object(line: &str) -> Map<String, Value> {
    match serde_json::from_str(line) {
        Ok(Value::Object(map)) => map,
        other => panic!("not a JSON object ({other:?}): {line}"),
    }
}

fn is_iso_date(s: &str) -> bool {
    time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
}

/// Checks one exported document against the fields the engine maps; returns its id.
fn check_source(doc: &Map<String, Value>, mapped: &HashSet<String>) -> String {
    for field in REQUIRED {
        assert!(doc.contains_key(*field), "`{field}` missing: {doc:?}");
    }
    for key in doc.keys() {
        assert!(
            mapped.contains(key),
            "`{key}` is not mapped (strict mapping)"
        );
    }
    for field in [
        "id",
        "title",
        "title_folded",
        "body",
        "body_folded",
        "source",
    ] {
        assert!(doc[field].is_string(), "`{field}` is not text: {doc:?}");
    }
    let citations = doc["citations"].as_array().expect("citations array");
    assert!(citations.iter().all(Value::is_string));
    if let Some(date) = doc.get("date") {
        assert!(is_iso_date(date.as_str().unwrap_or("")), "date {date}");
    }
    for field in ["title_folded", "body_folded"] {
        let folded = doc[field].as_str().unwrap_or_default();
        assert!(
            !folded.chars().any(|c| MARKED.contains(c)),
            "`{field}` keeps marks: {folded}"
        );
    }
    let id = doc["id"].as_str().unwrap_or_default().to_string();
    assert!(!id.is_empty());
    id
}

/// The OpenSearch export: template, search template and bulk lines; returns the sources.
fn check_opensearch(dir: &Path, documents: u64) -> Vec<String> {
    let template = read_json(&dir.join("template.json"));
    assert!(template["index_patterns"].is_array());
    let template = &template["template"];
    let analyzers: HashSet<String> = template["settings"]["analysis"]["analyzer"]
        .as_object()
        .expect("custom analyzers")
        .keys()
        .cloned()
        .chain(BUILT_IN_ANALYZERS.iter().map(|a| a.to_string()))
        .collect();
    let mappings = &template["mappings"];
    assert_eq!(mappings["dynamic"], "strict");
    let properties = mappings["properties"].as_object().expect("properties");
    let kind = |field: &str| properties[field]["type"].as_str().unwrap_or_default();
    for (field, expected) in [
        ("id", "keyword"),
        ("title", "text"),
        ("title_folded", "text"),
        ("body", "text"),
        ("body_folded", "text"),
        ("citations", "keyword"),
        ("date", "date"),
    ] {
        assert_eq!(kind(field), expected, "type of `{field}`");
    }
    for (field, mapping) in properties {
        if mapping["type"] == "text" {
            let analyzer = mapping["analyzer"].as_str().unwrap_or("standard");
            assert!(
                analyzers.contains(analyzer),
                "{field}: no analyzer {analyzer}"
            );
        }
    }
    let mapped: HashSet<String> = properties.keys().cloned().collect();

    let search = read_json(&dir.join("query-template.json"));
    assert_eq!(search["script"]["lang"], "mustache");
    let multi = &search["script"]["source"]["query"]["multi_match"];
    assert_eq!(multi["query"], "{{q}}");
    assert_eq!(multi["type"], "most_fields");
    let boost = |f: &str| -> f64 {
        f.split_once('^')
            .map_or(1.0, |(_, b)| b.parse().expect("boost"))
    };
    let fields: Vec<&str> = multi["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for field in &fields {
        let name = field.split('^').next().unwrap_or_default();
        assert_eq!(kind(name), "text", "the template searches `{name}`");
    }
    let weight = |name: &str| {
        fields
            .iter()
            .find(|f| f.split('^').next() == Some(name))
            .map(|f| boost(f))
            .unwrap_or_else(|| panic!("`{name}` not searched"))
    };
    assert!(weight("body") > weight("body_folded"), "exact over folded");
    assert!(
        weight("title") > weight("title_folded"),
        "exact over folded"
    );

    let all = lines(&ndjson_files(dir));
    assert_eq!(all.len() % 2, 0, "bulk lines come in pairs");
    let mut ids = HashSet::new();
    let mut sources = Vec::new();
    for pair in all.chunks(2) {
        let action = object(&pair[0]);
        assert_eq!(action.len(), 1, "{action:?}");
        let meta = action["index"].as_object().expect("an `index` action");
        assert_eq!(meta["_index"], "tracuu");
        let id = check_source(&object(&pair[1]), &mapped);
        assert_eq!(meta["_id"], id.as_str());
        assert!(ids.insert(id.clone()), "id {id} twice");
        sources.push(pair[1].clone());
    }
    assert_eq!(ids.len() as u64, documents, "every document exported once");
    sources
}

/// The Quickwit export: config and documents; returns the documents.
fn check_quickwit(dir: &Path, documents: u64) -> Vec<String> {
    let config = read_json(&dir.join("index-config.json"));
    assert_eq!(config["index_id"], "tracuu");
    assert_eq!(config["doc_mapping"]["mode"], "strict");
    let fields = config["doc_mapping"]["field_mappings"]
        .as_array()
        .expect("field_mappings");
    let mut mapped = HashSet::new();
    for field in fields {
        let name = field["name"].as_str().expect("name").to_string();
        if let Some(tokenizer) = field.get("tokenizer") {
            assert!(
                tokenizer == "default" || tokenizer == "raw",
                "{name}: tokenizer {tokenizer}"
            );
        }
        mapped.insert(name);
    }
    let date = fields.iter().find(|f| f["name"] == "date").expect("date");
    assert_eq!(date["type"], "datetime");
    for name in config["search_settings"]["default_search_fields"]
        .as_array()
        .expect("default fields")
    {
        assert!(mapped.contains(name.as_str().unwrap_or_default()));
    }
    let all = lines(&ndjson_files(dir));
    let ids: HashSet<String> = all
        .iter()
        .map(|line| check_source(&object(line), &mapped))
        .collect();
    assert_eq!(ids.len() as u64, documents);
    assert_eq!(ids.len(), all.len(), "ids unique");
    all
}

/// What a search returns: the total, and the hits (id, citation keys, score) best first.
type Results = (usize, Vec<(String, Vec<String>, f32)>);

fn results(engine: &Engine, q: &str, filters: &Filters) -> Results {
    let response = engine
        .search(&SearchRequest {
            q: q.into(),
            limit: Some(50),
            filters: filters.clone(),
            ..SearchRequest::default()
        })
        .expect("search");
    let hits = response
        .hits
        .into_iter()
        .map(|h| (h.id, h.citations, h.score))
        .collect();
    (response.total, hits)
}

/// The same results: same total, same hits with the same citations, the same score at every
/// rank. Scores may differ a hair, since the original index still counts documents deleted
/// by re-keying in its term statistics, so two hits of near-equal score may trade places.
fn assert_same(before: &Results, after: &Results, what: &str) {
    assert_eq!(before.0, after.0, "total for {what}");
    let keyed = |r: &Results| {
        let mut hits: Vec<(String, Vec<String>)> =
            r.1.iter()
                .map(|(id, c, _)| (id.clone(), c.clone()))
                .collect();
        hits.sort();
        hits
    };
    assert_eq!(keyed(before), keyed(after), "hits for {what}");
    for (rank, (b, a)) in before.1.iter().zip(&after.1).enumerate() {
        let close = (b.2 - a.2).abs() <= 0.01 * b.2.abs().max(a.2.abs());
        assert!(
            b.0 == a.0 || close,
            "{what}: rank {rank} is {} ({}) before, {} ({}) after",
            b.0,
            b.2,
            a.0,
            a.2
        );
    }
}

#[test]
fn export_validates_and_round_trips() {
    let ws = workspace();
    let engine = ws.engine();
    let documents = engine.num_docs();

    let sources = check_opensearch(&export(&ws, "opensearch"), documents);
    let docs = check_quickwit(&export(&ws, "quickwit"), documents);
    let as_set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
    assert_eq!(
        as_set(&sources),
        as_set(&docs),
        "both formats export the same documents"
    );

    // Back into our own index, through `tracuu ingest`'s JSON Lines reader.
    let again = Workspace::new();
    again.write("export.jsonl", sources.join("\n") + "\n");
    let report = again.ingest();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let reimported = again.engine();
    assert_eq!(reimported.num_docs(), documents);

    let mut queries: Vec<(String, Filters)> = [
        "huong dan 38",
        "Hướng dẫn 38",
        "21-NQ/TW",
        "đảng viên",
        "\"cán bộ\" -huyện",
        "Việt Nam",
        "viet nam",
        "tham nhũng",
        "bóng đá",
        "giá xăng dầu",
        "công an tỉnh",
        "làm thế nào để phát triển kinh tế nông thôn bền vững",
    ]
    .iter()
    .map(|q| (q.to_string(), Filters::default()))
    .collect();
    let cited = results(&engine, "nghị quyết", &Filters::default());
    assert!(cited.0 > 0);
    if let Some(key) = cited.1.iter().flat_map(|(_, keys, _)| keys).next() {
        let filters = Filters {
            cites: Some(key.clone()),
            ..Filters::default()
        };
        queries.push((String::new(), filters));
    }
    let mut compared = 0;
    for (q, filters) in &queries {
        let before = results(&engine, q, filters);
        let after = results(&reimported, q, filters);
        assert_same(&before, &after, &format!("{q:?} {filters:?}"));
        compared += usize::from(before.0 > 0);
    }
    assert!(compared >= 5, "only {compared} queries found anything");
}
