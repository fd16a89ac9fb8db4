//! Turns the bytes of one corpus file into documents: decode, extract, normalise, cite.

use std::io::{BufRead, BufReader, Read};

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

/// The documents of one file, with what went wrong inside it.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents ready to index.
    pub documents: Vec<Document>,
    /// Parts skipped (a bad JSON line, an empty record), with reasons.
    pub skipped: Vec<String>,
    /// Things repaired on the way (invalid UTF-8 replaced).
    pub warnings: Vec<String>,
    /// Bytes of content read (after decompression).
    pub bytes: u64,
}

/// Reads one file's bytes into documents, or says why the whole file is rejected; lines in
/// `boilerplate` (built in, and learned from the corpus) are not article text.
pub fn load(
    file: &SourceFile,
    bytes: &[u8],
    boilerplate: &BoilerplateSet,
) -> Result<Loaded, String> {
    match file.format {
        Format::JsonLines { gzip: true } => load_jsonl(file, MultiGzDecoder::new(bytes)),
        Format::JsonLines { gzip: false } => load_jsonl(file, bytes),
        Format::Text | Format::Html => load_single(file, bytes, boilerplate),
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
    for (n, page) in pages.into_iter().enumerate() {
        let id = if split {
            format!("{}#{}", file.doc_id(), n + 1)
        } else {
            file.doc_id().to_string()
        };
        match build_document(id, file.rel.clone(), page) {
            Some(doc) => loaded.documents.push(doc),
            None if split => loaded.skipped.push(format!("article {} is empty", n + 1)),
            None => return Err("no text after extraction".into()),
        }
    }
    Ok(loaded)
}

fn load_jsonl(file: &SourceFile, reader: impl Read) -> Result<Loaded, String> {
    let mut loaded = Loaded::default();
    let mut reader = BufReader::new(reader);
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if number == 0 => return Err(format!("cannot read: {e}")),
            Err(e) => {
                loaded
                    .skipped
                    .push(format!("stopped after line {number}: {e}"));
                break;
            }
        }
        number += 1;
        loaded.bytes += line.len() as u64;
        let text = String::from_utf8_lossy(&line);
        if !text.trim().is_empty() {
            lines.push((number, text.into_owned()));
        }
    }
    // Normalising and citing is the costly part: spread the records over the cores.
    let results: Vec<Result<Document, String>> = lines
        .par_iter()
        .map(|(number, text)| {
            record_document(file, text).map_err(|e| format!("line {number}: {e}"))
        })
        .collect();
    for result in results {
        match result {
            Ok(doc) => loaded.documents.push(doc),
            Err(reason) => loaded.skipped.push(reason),
        }
    }
    if loaded.documents.is_empty() && loaded.skipped.is_empty() {
        return Err("empty file".into());
    }
    Ok(loaded)
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
