//! Search: the query normalised like documents, exact accents over folded, snippets, facets.

pub mod all_words;
pub mod any_of;
pub mod build;
pub mod by_date;
pub mod cache;
pub mod citations;
mod explain;
pub mod facets;
pub mod query;
pub mod response;
pub mod snippet;
pub mod stopwords;
pub mod suggest;
pub mod terms;
pub mod tiers;
pub mod title_pair;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::store::StoreReader;
use tantivy::{Index, IndexReader, ReloadPolicy, SegmentReader, Term};
use unicode_normalization::UnicodeNormalization;

use crate::document::iso_date;
use crate::index::body_codec::{BodyError, BodyReader};
use crate::index::manifest::Manifest;
use crate::index::stored::{read_hit, stored_body, stored_citations, stored_text};
use crate::index::{self, Fields, IndexError};
use crate::text::telex;
pub use build::Filters;
use build::{build, AnalyzedQuery};
use cache::{ResultCache, DEFAULT_RESULT_CACHE_BYTES};
use facets::{CitedCount, CorpusCitations, FacetCollector, FacetCounts, FacetTables};
pub use query::QueryError;
use response::{
    CitationFacet, Copy, DocumentView, Facets, Hit, SearchResponse, TypeFacet, YearFacet,
};
use snippet::{HeadFirstSnippet, Highlight, SNIPPET_BYTES};
use tiers::{cited_keys, or_citing, TierKey, Tiers};

/// Results a page may hold; more is a scraper, not a reader.
pub const MAX_LIMIT: usize = 100;
/// Deepest page offset: beyond it, refine the query.
pub const MAX_OFFSET: usize = 10_000;
/// Results per page unless asked otherwise.
pub const DEFAULT_LIMIT: usize = 10;
/// Cited directives listed in the facet.
const CITATION_FACETS: usize = 20;
/// Cited keys, by the relevance of their citing documents alone, weighed against the corpus
/// for the facets: enough that a directive particular to the subject is among them.
const IDF_CANDIDATES: usize = 100;
/// The score of a hit when the query has no words to rank by.
const UNRANKED: f32 = 0.0;
/// Below this many documents a query typed in Telex or VNI is tried composed: such a query
/// finds nothing, or only the documents its digits ("21") happen to match.
pub const FEW_RESULTS: usize = 3;

/// A citation of each kind the grammar reads (numbered, named, plenum, law, decree, clause,
/// short mention), for [`Engine::warm`].
const WARM_TEXT: &str = "Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương; \
    Hướng dẫn 38 của Ban Tổ chức Trung ương; Chỉ thị 05-CT/TW; Nghị quyết Trung ương 4 \
    (khóa XII); Điều 5 Nghị định 30/2020/NĐ-CP; Luật số 59/2020/QH14; Luật Đất đai năm 2013; \
    Quyết định 1234/QĐ-TTg; Thông tư 01/2021/TT-BNV; Hướng dẫn số 38.";
/// Searches reaching every part of a search, for [`Engine::warm`]: words with and without
/// accents (snippets, facets, labels), a directive's number and a law's name (citations).
const WARM_QUERIES: [&str; 3] = ["việt nam", "nghị quyết 21-NQ/TW", "luat dat dai"];

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query or a parameter is malformed: the user's fault, with a message for them.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A parameter is out of range.
    #[error("{0}")]
    Parameter(String),
    /// The index could not be opened.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// The index failed while searching.
    #[error("search failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// A search as asked for.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    /// What the user typed.
    pub q: String,
    /// Page size.
    pub limit: Option<usize>,
    /// Hits to skip.
    pub offset: Option<usize>,
    /// Restrictions.
    pub filters: Filters,
    /// Search exactly what was typed, never its Telex or VNI reading.
    pub verbatim: bool,
}

/// An open index, ready to answer searches; cheap to share between threads.
pub struct Engine {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    facet_tables: Arc<FacetTables>,
    results: Option<ResultCache>,
}

impl Engine {
    /// Opens the index in `dir`; it sees new commits by itself shortly after they land.
    pub fn open(dir: &Path) -> Result<Engine, SearchError> {
        let (index, fields) = index::open_or_create(dir)?;
        Self::from_index(&index, fields)
    }

    /// Wraps an already open index.
    pub fn from_index(index: &Index, fields: Fields) -> Result<Engine, SearchError> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Engine {
            index: index.clone(),
            reader,
            fields,
            facet_tables: Arc::default(),
            results: Some(ResultCache::new(DEFAULT_RESULT_CACHE_BYTES)),
        })
    }

    /// Keeps recent answers for [`Engine::search_cached`] in up to `bytes` of memory; 0
    /// turns the cache off.
    pub fn with_result_cache(mut self, bytes: u64) -> Engine {
        self.results = (bytes > 0).then(|| ResultCache::new(bytes));
        self
    }

    /// Builds now what the first search would otherwise build while a user waits: the
    /// citation grammar's patterns and law titles, each segment's facet table and the
    /// corpus counts, the stored bodies' dictionary (up to 53 ms of the first search on vnnews).
    /// Returns how long it took.
    pub fn warm(&self) -> Result<Duration, SearchError> {
        let started = Instant::now();
        std::hint::black_box(crate::cite::extract(WARM_TEXT));
        for q in WARM_QUERIES {
            self.search(&SearchRequest {
                q: q.to_string(),
                ..SearchRequest::default()
            })?;
        }
        Ok(started.elapsed())
    }

    /// Whether every segment the searcher reads has its facet table built (by a search or
    /// by [`Engine::warm`]).
    pub fn has_facet_tables(&self) -> bool {
        self.facet_tables.holds_all(&self.reader.searcher())
    }

    /// Makes the latest commit visible now instead of after the watcher's delay.
    pub fn reload(&self) -> Result<(), SearchError> {
        Ok(self.reader.reload()?)
    }

    /// The open index, for writing into it.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The index's fields.
    pub fn fields(&self) -> Fields {
        self.fields
    }

    /// Documents in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Runs a search, or answers it as it was answered on this generation of the index if
    /// the answer is still in the result cache; `took_ms` is the time this call took.
    pub fn search_cached(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let Some(results) = &self.results else {
            return self.search(request);
        };
        let started = Instant::now();
        let generation = self.reader.searcher().generation().generation_id();
        if let Some(mut response) = results.get(generation, request) {
            response.took_ms = elapsed_ms(started);
            return Ok(response);
        }
        let response = self.search(request)?;
        results.insert(generation, request, &response);
        Ok(response)
    }

    /// Runs a search. When the query as typed finds fewer than [`FEW_RESULTS`] documents
    /// and reads as Telex or VNI ("nghij quyeets"), the composed query ("nghị quyết") is run
    /// too, and its results replace the first ones if there are more of them
    /// (`searched_for` says so); `verbatim` turns that off. A query with no words to rank by
    /// (filters only) lists the newest documents first (`search::by_date`).
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let started = Instant::now();
        let limit = request.limit.unwrap_or(DEFAULT_LIMIT);
        let offset = request.offset.unwrap_or(0);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(SearchError::Parameter(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        if offset > MAX_OFFSET {
            return Err(SearchError::Parameter(format!(
                "offset must be at most {MAX_OFFSET}"
            )));
        }
        let mut response = self.run(&request.q, &request.filters, limit, offset)?;
        if !request.verbatim && response.total < FEW_RESULTS {
            if let Some(composed) = telex::convert_query(&request.q) {
                let second = self.run(&composed, &request.filters, limit, offset)?;
                if second.total > response.total {
                    response = second;
                    response.searched_for = Some(composed);
                }
            }
        }
        response.query.clone_from(&request.q);
        response.took_ms = elapsed_ms(started);
        Ok(response)
    }

    /// One query through the index; `query` and `took_ms` are the caller's to fill in.
    fn run(
        &self,
        q: &str,
        filters: &Filters,
        limit: usize,
        offset: usize,
    ) -> Result<SearchResponse, SearchError> {
        let parsed = query::parse(q)?;
        let analyzed = AnalyzedQuery::new(&parsed);
        let searcher = self.reader.searcher();
        let doc_freq = |term: &Term| searcher.doc_freq(term).unwrap_or(0);
        let mut filters = std::borrow::Cow::Borrowed(filters);
        // An alias key (`Engine::alias_of`) filters the documents citing what it stands for.
        if let Some(key) = &filters.cites {
            if doc_freq(&Term::from_field_text(self.fields.cites, key)) == 0 {
                if let Some(target) = self.alias_of(key) {
                    filters.to_mut().cites = Some(target);
                }
            }
        }
        // A key several documents share stands for each of them ("21-NQ/TW" of 2012 and 2022,
        // "05-NQ/TU" of each province).
        if let Some(key) = &filters.cites {
            let versions = terms::sharing(&searcher, self.fields.cites, key);
            if !versions.is_empty() {
                filters.to_mut().cites_versions = versions;
            }
        }
        let filters = &*filters;
        let Some(mut query) = build(&analyzed, filters, &self.fields, &doc_freq) else {
            return Ok(SearchResponse::default());
        };
        // What the query asks for, not what it excludes, names the documents it cites.
        let wanted: Vec<&str> = parsed
            .clauses
            .iter()
            .filter(|c| !c.negated)
            .map(|c| c.text.as_str())
            .collect();
        let cited = cited_keys(&wanted.join(" "), &searcher, self.fields.cites);
        if !cited.is_empty() && filters.is_empty() && analyzed.excluded.is_empty() {
            // With filters or exclusions, the citing documents must pass them: they only rank.
            query = or_citing(query, &cited);
        }
        let top = TopDocs::with_limit(limit).and_offset(offset);
        let exact_fields = [self.fields.body, self.fields.title];
        let (top_docs, total, counts) = if analyzed.required.is_empty() {
            // No words to rank by (filters only): the newest first, not the index's order.
            let newest = top.order_by(by_date::newest_first(searcher.schema(), &self.fields));
            let (docs, total, counts) =
                searcher.search(&*query, &(newest, Count, self.facet_collector()))?;
            let docs = docs.into_iter().map(|(_, at)| (UNRANKED, at)).collect();
            (docs, total, counts)
        } else {
            match Tiers::for_query(&analyzed, cited, &exact_fields) {
                None => searcher.search(
                    &*query,
                    &(top.order_by_score(), Count, self.facet_collector()),
                )?,
                Some(tiers) => {
                    let top =
                        top.tweak_score(move |segment: &SegmentReader| tiers.for_segment(segment));
                    let (docs, total, counts) =
                        searcher.search(&*query, &(top, Count, self.facet_collector()))?;
                    let docs = docs
                        .into_iter()
                        .map(|(key, at): (TierKey, _)| (key.score(), at))
                        .collect();
                    (docs, total, counts)
                }
            }
        };
        let highlight = Highlight {
            exact: analyzed.exact_words().map(str::to_string).collect(),
            fold: analyzed.fold_words().map(str::to_string).collect(),
        };
        // Hits are read from their stored bytes (see `read_hit`), through one store reader a
        // segment, opened without a block cache: ten random hits seldom share a block.
        let mut stores: Vec<Option<StoreReader>> = Vec::new();
        stores.resize_with(searcher.segment_readers().len(), || None);
        let mut hits = Vec::with_capacity(top_docs.len());
        for (score, address) in top_docs {
            let store = match &mut stores[address.segment_ord as usize] {
                Some(store) => store,
                empty => empty.insert(
                    searcher
                        .segment_reader(address.segment_ord)
                        .get_store_reader(0)
                        .map_err(tantivy::TantivyError::from)?,
                ),
            };
            let bytes = store.get_document_bytes(address.doc_id)?;
            let hit = read_hit(bytes.as_slice(), &self.fields).ok_or_else(|| {
                tantivy::TantivyError::InternalError(format!(
                    "stored document {address:?} does not read"
                ))
            })?;
            hits.push(Hit {
                id: hit.id.to_string(),
                title: hit.title.to_string(),
                date: hit.date.map(iso_day),
                score,
                snippet_html: hit_snippet(hit.body, &highlight, hit.id),
                citations: hit.cites.iter().map(|c| c.to_string()).collect(),
            });
        }
        Ok(SearchResponse {
            total,
            hits,
            facets: facets_of(counts, &*self.facet_tables.corpus(&searcher)?),
            ..SearchResponse::default()
        })
    }

    /// A facet collector sharing this engine's segment tables.
    fn facet_collector(&self) -> FacetCollector {
        FacetCollector::new(&self.facet_tables)
    }

    /// The document with this id, with its text and citations; the id of a copy dropped as
    /// a duplicate gives the original.
    pub fn document(&self, id: &str) -> Result<Option<DocumentView>, SearchError> {
        let manifest = Manifest::load(&self.index);
        let id = manifest.original_of(id).unwrap_or(id);
        let mut found = self.stored_document(id)?;
        // Ids from file names are NFC (`ingest::sources`); a link may carry the NFD bytes.
        if found.is_none() && !unicode_normalization::is_nfc(id) {
            let nfc: String = id.nfc().collect();
            let nfc = manifest.original_of(&nfc).unwrap_or(&nfc).to_owned();
            found = self.stored_document(&nfc)?;
        }
        let Some(mut view) = found else {
            return Ok(None);
        };
        view.copies = manifest
            .copies_of(&view.id)
            .into_iter()
            .map(|(id, source)| Copy { id, source })
            .collect();
        Ok(Some(view))
    }

    fn stored_document(&self, id: &str) -> Result<Option<DocumentView>, SearchError> {
        let searcher = self.reader.searcher();
        let term = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let found = searcher.search(&term, &TopDocs::with_limit(1).order_by_score())?;
        let Some(&(_, address)) = found.first() else {
            return Ok(None);
        };
        Ok(Some(self.view(&searcher.doc(address)?)))
    }

    fn view(&self, doc: &TantivyDocument) -> DocumentView {
        let f = &self.fields;
        let citations = stored_citations(doc, f);
        DocumentView {
            id: stored_text(doc, f.id).unwrap_or_default().to_string(),
            title: stored_text(doc, f.title).unwrap_or_default().to_string(),
            date: self.date_of(doc),
            author: stored_text(doc, f.author).map(str::to_string),
            source: stored_text(doc, f.source).unwrap_or_default().to_string(),
            url: stored_text(doc, f.url).map(str::to_string),
            text: stored_body(doc, f).unwrap_or_default().to_string(),
            citations,
            copies: Vec::new(),
        }
    }

    fn date_of(&self, doc: &TantivyDocument) -> Option<String> {
        doc.get_first(self.fields.date)?.as_datetime().map(iso_day)
    }
}

/// The day of a stored date, `YYYY-MM-DD`.
fn iso_day(date: tantivy::DateTime) -> String {
    iso_date::format(date.into_utc().date())
}

/// A hit's snippet from its stored body: from the body's head when the head decides it,
/// which spares decompressing and reading the rest, else from the whole body. A body that
/// does not decompress (only a damaged index) leaves the hit without a snippet.
fn hit_snippet(stored: &[u8], highlight: &Highlight, id: &str) -> String {
    let snippet = || -> Result<String, BodyError> {
        let mut body = BodyReader::open(stored)?;
        let mut snippet = HeadFirstSnippet::new(highlight, SNIPPET_BYTES);
        if !body.is_whole() {
            if let Some(html) = snippet.of_head(body.text()) {
                return Ok(html);
            }
            body.read_rest()?;
        }
        Ok(snippet.of_text(body.text()))
    };
    snippet().unwrap_or_else(|e| {
        tracing::warn!(id, "{e}");
        String::new()
    })
}

fn elapsed_ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn facets_of(counts: FacetCounts, corpus: &CorpusCitations) -> Facets {
    let mut cited = counts.citations();
    let by_weight = |(a_key, _, a): &CitedCount, (b_key, _, b): &CitedCount| {
        b.total_cmp(a).then_with(|| a_key.cmp(b_key))
    };
    // The keys the matching documents weigh most are weighed against the corpus: a broad
    // query cites thousands, and only these few are looked up, sorted and labelled.
    if cited.len() > IDF_CANDIDATES {
        cited.select_nth_unstable_by(IDF_CANDIDATES, by_weight);
        cited.truncate(IDF_CANDIDATES);
    }
    for (key, _, weight) in &mut cited {
        *weight *= corpus.idf(key);
    }
    if cited.len() > CITATION_FACETS {
        cited.select_nth_unstable_by(CITATION_FACETS, by_weight);
        cited.truncate(CITATION_FACETS);
    }
    cited.sort_unstable_by(by_weight);
    let citations = cited
        .into_iter()
        .map(|(key, count, weight)| CitationFacet {
            label: crate::cite::label_for_key(key),
            key: key.to_string(),
            count,
            weight,
        })
        .collect();
    let mut types: Vec<TypeFacet> = counts
        .types
        .into_iter()
        .map(|(kind, count)| TypeFacet {
            label: crate::cite::model::type_name(&kind)
                .map_or_else(|| kind.to_string(), str::to_string),
            kind: kind.to_string(),
            count,
        })
        .collect();
    types.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kind.cmp(&b.kind)));
    let mut years: Vec<YearFacet> = counts
        .years
        .into_iter()
        .map(|(year, count)| YearFacet { year, count })
        .collect();
    years.sort_by_key(|y| std::cmp::Reverse(y.year));
    Facets {
        citations,
        types,
        years,
    }
}
