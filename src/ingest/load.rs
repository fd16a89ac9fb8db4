//! Turns the bytes of one corpus file into documents: decode, extract, normalise, cite.

use std::io::{BufRead, BufReader, Read};

use flate2::read::MultiGzDecoder;

use super::decode::{decode, looks_binary};
use super::html::extract_html;
use super::jsonl;
use super::page::Page;
use super::sources::{Format, SourceFile};
use super::split::split_aggregator;
use super::text_article::extract_text;
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
}

/// Reads one file's bytes into documents, or says why the whole file is rejected.
pub fn load(file: &SourceFile, bytes: &[u8]) -> Result<Loaded, String> {
    match file.format {
        Format::JsonLines { gzip: true } => load_jsonl(file, MultiGzDecoder::new(bytes)),
        Format::JsonLines { gzip: false } => load_jsonl(file, bytes),
        Format::Text | Format::Html => load_single(file, bytes),
    }
}

fn load_single(file: &SourceFile, bytes: &[u8]) -> Result<Loaded, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".into());
    }
    if looks_binary(bytes) {
        return Err("binary content (NUL or control bytes), not text".into());
    }
    let is_html = file.format == Format::Html;
    let decoded = decode(bytes, is_html);
    let mut loaded = Loaded::default();
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
        vec![extract_html(&decoded.text)]
    } else {
        split_aggregator(&decoded.text).unwrap_or_else(|| vec![extract_text(&decoded.text)])
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
        let text = String::from_utf8_lossy(&line);
        if text.trim().is_empty() {
            continue;
        }
        let record = match jsonl::parse_line(&text) {
            Ok(record) => record,
            Err(reason) => {
                loaded.skipped.push(format!("line {number}: {reason}"));
                continue;
            }
        };
        let Some(id) = record.id_text() else {
            loaded
                .skipped
                .push(format!("line {number}: record has no usable `id`"));
            continue;
        };
        let page = record_page(&record);
        match build_document(id, file.rel.clone(), page) {
            Some(mut doc) => {
                doc.url = record.url.clone();
                loaded.documents.push(doc)
            }
            None => loaded.skipped.push(format!("line {number}: empty body")),
        }
    }
    if loaded.documents.is_empty() && loaded.skipped.is_empty() {
        return Err("empty file".into());
    }
    Ok(loaded)
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

/// Normalises a page into a document and extracts its citations; `None` when it has no text.
pub fn build_document(id: String, source: String, page: Page) -> Option<Document> {
    let body = normalize(&page.body);
    if body.is_empty() {
        return None;
    }
    let title = page.title.as_deref().map(normalize).unwrap_or_default();
    let citations = cite::extract(&body);
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
    })
}
