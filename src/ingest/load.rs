//! Turns the bytes of one corpus file into documents: decode, extract, normalise, cite.

use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;

use flate2::read::MultiGzDecoder;
use rayon::prelude::*;

use super::boilerplate::BoilerplateSet;
use super::decode::{decode, looks_binary};
use super::dedup::Fingerprint;
use super::html::{extract_html, extract_html_with};
use super::jsonl;
use super::page::Page;
use super::sources::{Format, SourceFile};
use super::split::split_aggregator_with;
use super::text_article::extract_text_with;
use crate::cite;
use crate::document::Document;
use crate::text::normalize;

/// What reading one file met, besides the documents it handed over.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents handed over.
    pub documents: usize,
    /// Parts skipped (a bad JSON line, an empty record), with reasons.
    pub skipped: Vec<String>,
    /// Things repaired on the way (invalid UTF-8 replaced).
    pub warnings: Vec<String>,
    /// Bytes of content read (after decompression).
    pub bytes: u64,
}

/// Reads one file's bytes into documents, handing them to `take` as they are ready: a JSON
/// Lines file a batch at a time, so that a large one's documents are never all in memory
/// together. `take` may stop the reading with [`ControlFlow::Break`]. A rejected file (with
/// the reason why) has handed over nothing. Lines in `boilerplate` (built in, and learned
/// from the corpus) are not article text.
pub fn load(
    file: &SourceFile,
    bytes: &[u8],
    boilerplate: &BoilerplateSet,
    take: impl FnMut(Vec<Document>) -> ControlFlow<()>,
) -> Result<Loaded, String> {
    match file.format {
        Format::JsonLines { .. } => load_json_lines(file, bytes, take),
        Format::Text | Format::Html => load_single(file, bytes, boilerplate, take),
    }
}

/// [`load`] for a JSON Lines file (`file.format`), read from `input` as it streams.
pub fn load_json_lines(
    file: &SourceFile,
    input: impl Read + Send,
    take: impl FnMut(Vec<Document>) -> ControlFlow<()>,
) -> Result<Loaded, String> {
    match file.format {
        Format::JsonLines { gzip: true } => load_jsonl(file, MultiGzDecoder::new(input), take),
        _ => load_jsonl(file, input, take),
    }
}

/// The lines a page shows, for learning which of them every page repeats.
pub fn page_lines(file: &SourceFile, bytes: &[u8]) -> Vec<String> {
    if looks_binary(bytes) {
        return Vec::new();
    }
    let is_html = file.format == Format::Html;
    let decoded = decode(bytes, is_html);
    let text = if is_html {
        extract_html(&decoded.text).body
    } else {
        decoded.text
    };
    text.lines().map(str::to_string).collect()
}

fn load_single(
    file: &SourceFile,
    bytes: &[u8],
    boilerplate: &BoilerplateSet,
    mut take: impl FnMut(Vec<Document>) -> ControlFlow<()>,
) -> Result<Loaded, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".into());
    }
    if looks_binary(bytes) {
        return Err("binary content (NUL or control bytes), not text".into());
    }
    let is_html = file.format == Format::Html;
    let decoded = decode(bytes, is_html);
    let mut loaded = Loaded {
        bytes: bytes.len() as u64,
        ..Loaded::default()
    };
    if decoded.lossy {
        loaded
            .warnings
            .push("invalid UTF-8 replaced with U+FFFD".to_string());
    } else if decoded.encoding != "UTF-8" {
        loaded
            .warnings
            .push(format!("decoded from {}", decoded.encoding));
    }
    let pages = if is_html {
        vec![extract_html_with(&decoded.text, boilerplate)]
    } else {
        split_aggregator_with(&decoded.text, boilerplate)
            .unwrap_or_else(|| vec![extract_text_with(&decoded.text, boilerplate)])
    };
    let split = pages.len() > 1;
    let mut documents = Vec::with_capacity(pages.len());
    for (n, page) in pages.into_iter().enumerate() {
        let id = if split {
            format!("{}#{}", file.doc_id(), n + 1)
        } else {
            file.doc_id().to_string()
        };
        match build_document(id, file.rel.clone(), page) {
            Some(doc) => documents.push(doc),
            None if split => loaded.skipped.push(format!("article {} is empty", n + 1)),
            None => return Err("no text after extraction".into()),
        }
    }
    loaded.documents = documents.len();
    if !documents.is_empty() {
        // A page's articles come together: there is nothing left to read for a stop to save.
        let _ = take(documents);
    }
    Ok(loaded)
}

/// Bytes of JSON Lines read per batch: records are normalised and cited on every core
/// while the next batch is read (and inflated), which was a second alone on one core.
const BATCH_BYTES: u64 = 4 << 20;

fn load_jsonl(
    file: &SourceFile,
    reader: impl Read + Send,
    mut take: impl FnMut(Vec<Document>) -> ControlFlow<()>,
) -> Result<Loaded, String> {
    let mut loaded = Loaded::default();
    let mut lines = LineBatches {
        reader: BufReader::with_capacity(1 << 16, reader),
        number: 0,
        done: false,
    };
    let mut batch = lines.next_batch();
    if let (Some(e), 0) = (&batch.error, lines.number) {
        return Err(format!("cannot read: {e}"));
    }
    loop {
        // Normalising and citing is the costly part: spread the records over the cores.
        let (next, results) = rayon::join(
            || (!lines.done).then(|| lines.next_batch()),
            || {
                batch
                    .lines
                    .par_iter()
                    .map(|(number, text)| {
                        record_document(file, text).map_err(|e| format!("line {number}: {e}"))
                    })
                    .collect::<Vec<_>>()
            },
        );
        loaded.bytes += batch.bytes;
        let mut documents = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(doc) => documents.push(doc),
                Err(reason) => loaded.skipped.push(reason),
            }
        }
        if let Some(e) = batch.error {
            loaded
                .skipped
                .push(format!("stopped after line {}: {e}", batch.last_line));
        }
        loaded.documents += documents.len();
        if !documents.is_empty() && take(documents).is_break() {
            break;
        }
        match next {
            Some(next) => batch = next,
            None => break,
        }
    }
    if loaded.documents == 0 && loaded.skipped.is_empty() {
        return Err("empty file".into());
    }
    Ok(loaded)
}

/// Reads JSON Lines a batch at a time.
struct LineBatches<R> {
    reader: BufReader<R>,
    /// Lines read so far.
    number: usize,
    /// The end of the input or a read error was met.
    done: bool,
}

/// Non-blank lines with their numbers, and how reading them ended.
#[derive(Default)]
struct LineBatch {
    lines: Vec<(usize, String)>,
    /// Bytes read, blank lines included.
    bytes: u64,
    /// The number of the last line read whole.
    last_line: usize,
    /// The error that stopped reading, if any.
    error: Option<std::io::Error>,
}

impl<R: Read> LineBatches<R> {
    /// The next lines, about [`BATCH_BYTES`] of them.
    fn next_batch(&mut self) -> LineBatch {
        let mut batch = LineBatch::default();
        while batch.bytes < BATCH_BYTES {
            let mut line = Vec::new();
            match self.reader.read_until(b'\n', &mut line) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(n) => batch.bytes += n as u64,
                Err(e) => {
                    batch.error = Some(e);
                    self.done = true;
                    break;
                }
            }
            self.number += 1;
            // Valid UTF-8 is taken as it is; `from_utf8_lossy` alone scans far slower.
            let text = String::from_utf8(line)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            if !text.trim().is_empty() {
                batch.lines.push((self.number, text));
            }
        }
        batch.last_line = self.number;
        batch
    }
}

fn record_document(file: &SourceFile, line: &str) -> Result<Document, String> {
    let record = jsonl::parse_line(line)?;
    let id = record
        .id_text()
        .ok_or_else(|| "record has no usable `id`".to_string())?;
    let page = record_page(&record);
    let mut doc = build_document(id, file.rel.clone(), page).ok_or("empty body")?;
    doc.url = record.url;
    Ok(doc)
}

fn record_page(record: &jsonl::Record) -> Page {
    let mut page = match (&record.body, &record.html) {
        (Some(body), _) => Page {
            body: body.clone(),
            ..Page::default()
        },
        (None, Some(html)) => extract_html(html),
        (None, None) => Page::default(),
    };
    if record.title.is_some() {
        page.title = record.title.clone();
    }
    if let Some(date) = record.parsed_date() {
        page.date = Some(date);
    }
    if record.author.is_some() {
        page.author = record.author.clone();
    }
    page
}

/// The normalised text of a standalone input (a file given to `tracuu extract`, a body
/// posted to `/api/extract`): HTML when it says so or looks like it, otherwise text.
pub fn standalone_text(bytes: &[u8], html_hint: bool) -> String {
    let is_html = html_hint || looks_like_html(bytes);
    let decoded = decode(bytes, is_html);
    let body = if is_html {
        extract_html(&decoded.text).body
    } else {
        decoded.text
    };
    normalize(&body)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

/// Normalises a page into a document and extracts its citations; `None` when it has no text.
pub fn build_document(id: String, source: String, page: Page) -> Option<Document> {
    let body = normalize(&page.body);
    if body.is_empty() {
        return None;
    }
    let title = page.title.as_deref().map(normalize).unwrap_or_default();
    let citations = cite::extract(&body);
    let fingerprint = Fingerprint::of(&body);
    Some(Document {
        id,
        source,
        url: None,
        title,
        date: page.date,
        author: page
            .author
            .as_deref()
            .map(normalize)
            .filter(|a| !a.is_empty()),
        body,
        citations,
        fingerprint,
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::path::PathBuf;

    use super::*;

    fn jsonl_file(gzip: bool) -> SourceFile {
        SourceFile {
            rel: "records.jsonl".into(),
            path: PathBuf::from("records.jsonl"),
            format: Format::JsonLines { gzip },
            size: 0,
            mtime_ns: 0,
        }
    }

    /// Loads all of a file, keeping every document handed over.
    fn load_all(file: &SourceFile, bytes: &[u8]) -> Result<(Loaded, Vec<Document>), String> {
        let mut documents = Vec::new();
        let loaded = load(file, bytes, &BoilerplateSet::builtin(), |batch| {
            documents.extend(batch);
            ControlFlow::Continue(())
        })?;
        assert_eq!(loaded.documents, documents.len());
        Ok((loaded, documents))
    }

    fn record(i: usize, words: usize) -> String {
        let body = format!("Nghị quyết số {i} về công tác cán bộ. ").repeat(words);
        format!("{{\"id\": \"r{i}\", \"title\": \"Bài {i}\", \"body\": \"{body}\"}}\n")
    }

    /// Lines `line(1)`, `line(2)`… until they pass `bytes`, and how many.
    fn lines_past(bytes: u64, line: impl Fn(usize) -> String) -> (String, usize) {
        let mut text = String::new();
        let mut n = 0;
        while text.len() as u64 <= bytes {
            n += 1;
            text.push_str(&line(n));
        }
        (text, n)
    }

    #[test]
    fn records_over_many_batches_keep_their_order_and_line_numbers() {
        let (text, n) = lines_past(2 * BATCH_BYTES, |n| match n {
            1000 => "{not json}\n".to_string(),
            1001 => " \n".to_string(),
            _ => record(n, 100),
        });
        let (loaded, documents) = load_all(&jsonl_file(false), text.as_bytes()).expect("loaded");
        let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        let expected: Vec<String> = (1..=n)
            .filter(|i| *i != 1000 && *i != 1001)
            .map(|i| format!("r{i}"))
            .collect();
        assert_eq!(ids, expected);
        assert_eq!(loaded.skipped.len(), 1, "{:?}", loaded.skipped);
        assert!(loaded.skipped[0].starts_with("line 1000: invalid JSON"));
        assert_eq!(loaded.bytes, text.len() as u64);
    }

    #[test]
    fn a_large_file_comes_in_batches_and_a_stop_ends_the_reading() {
        let (text, n) = lines_past(3 * BATCH_BYTES, |n| record(n, 100));
        let mut batches = Vec::new();
        let loaded = load(
            &jsonl_file(false),
            text.as_bytes(),
            &BoilerplateSet::builtin(),
            |batch| {
                batches.push(batch.len());
                if batches.len() == 2 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        )
        .expect("loaded");
        assert_eq!(batches.len(), 2, "{batches:?}");
        assert!(batches[0] < n / 2, "{batches:?} of {n}");
        assert_eq!(loaded.documents, batches.iter().sum::<usize>());
    }

    #[test]
    fn a_truncated_gzip_keeps_the_lines_read_before_it_broke() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        for i in 1..=50 {
            gz.write_all(record(i, 20).as_bytes()).expect("gzip");
        }
        let mut bytes = gz.finish().expect("gzip");
        bytes.truncate(bytes.len() * 3 / 4);
        let (loaded, documents) = load_all(&jsonl_file(true), &bytes).expect("loaded");
        let kept = documents.len();
        assert!(kept > 10 && kept < 50, "{kept}");
        assert_eq!(documents[kept - 1].id, format!("r{kept}"));
        let reason = loaded.skipped.last().expect("a reason");
        assert!(
            reason.starts_with(&format!("stopped after line {kept}: ")),
            "{reason}"
        );
    }

    #[test]
    fn a_stream_broken_before_its_first_line_rejects_the_file() {
        let err = load_all(&jsonl_file(true), b"not gzip at all").expect_err("rejected");
        assert!(err.starts_with("cannot read:"), "{err}");
    }

    #[test]
    fn invalid_utf8_inside_a_record_is_repaired() {
        let text = b"{\"id\": \"x\", \"body\": \"Ch\xff th\xe1\xbb\x8b 05\"}\n";
        let (loaded, documents) = load_all(&jsonl_file(false), text).expect("loaded");
        assert_eq!(documents.len(), 1, "{:?}", loaded.skipped);
        assert_eq!(documents[0].body, "Ch\u{FFFD} thị 05");
    }
}
