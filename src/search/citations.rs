//! The citation graph as the index holds it: which documents are cited and how often,
//! who cites a directive and in what words, and what is cited alongside it.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::AllQuery;
use tantivy::schema::TantivyDocument;
use tantivy::Searcher;

use super::build::citing_any;
use super::facets::CitedCount;
use super::response::CitationFacet;
use super::snippet::escape_into;
use super::{by_date, stored_body, stored_text, terms, Engine, SearchError};
use crate::cite::issuers::is_party_code;
use crate::cite::key::is_undated_title;
use crate::cite::key::kind_of_key;
use crate::cite::versions::{party_term_years, year_of};
use crate::cite::{label_for_key, Citation};
use crate::index::manifest::Manifest;
use crate::index::stored::stored_citations;
use crate::text::fold::fold;
use crate::text::sentence::sentence_around;

/// Citing documents listed on a directive's page; the count covers all of them.
const MAX_CITING: usize = 200;
/// Directives listed as cited alongside.
const MAX_CITED_WITH: usize = 15;

/// A document cited somewhere in the corpus (`GET /api/citations`).
#[derive(Clone, Debug, Serialize)]
pub struct CitedDocument {
    /// Citation key.
    pub key: String,
    /// Human label.
    pub label: String,
    /// Document type slug.
    #[serde(rename = "type")]
    pub kind: String,
    /// Documents citing it.
    pub count: u64,
}

/// A cited directive with everything known of it (`GET /api/citations/{key}`).
#[derive(Clone, Debug, Default, Serialize)]
pub struct DirectiveView {
    /// Citation key.
    pub key: String,
    /// Human label.
    pub label: String,
    /// Document type slug.
    #[serde(rename = "type")]
    pub kind: String,
    /// Number.
    pub number: Option<String>,
    /// Symbol, e.g. "21-NQ/TW".
    pub symbol: Option<String>,
    /// Issuer code.
    pub issuer: Option<String>,
    /// Issuing body as written.
    pub issuing_body: Option<String>,
    /// Signing date.
    pub date: Option<String>,
    /// Term, Roman numerals.
    pub term: Option<String>,
    /// Plenum.
    pub plenum: Option<u32>,
    /// Congress, Roman numerals.
    pub congress: Option<String>,
    /// Documents citing it, or one of the documents it stands for.
    pub count: usize,
    /// The documents it stands for, most cited first: each year's of a symbol several
    /// documents share, each province's, each year's of a law's title; empty for most.
    pub versions: Vec<CitedDocument>,
    /// The citing documents (newest first), each with the sentence that cites.
    pub citing: Vec<CitingDocument>,
    /// Other directives most often cited by the same documents.
    pub cited_with: Vec<CitationFacet>,
}

/// A document citing a directive, with the citing sentence.
#[derive(Clone, Debug, Serialize)]
pub struct CitingDocument {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publication date.
    pub date: Option<String>,
    /// The sentence around the first mention.
    pub sentence: String,
    /// The same, HTML-escaped, with the mention in `<b>`.
    pub sentence_html: String,
    /// Mentions of the directive in the document.
    pub mentions: usize,
    /// On the page of a key standing for several documents, the one of them its first
    /// mention names (a key of [`DirectiveView::versions`]); `None` when it names the key.
    pub cited_as: Option<String>,
}

impl CitedDocument {
    /// The entry of `key`, cited by `count` documents.
    fn of(key: &str, count: u64) -> CitedDocument {
        CitedDocument {
            key: key.to_string(),
            label: label_for_key(key),
            kind: kind_of_key(key).to_string(),
            count,
        }
    }
}

impl Engine {
    /// Every cited document, most cited first; `q` filters on the label or key, accents optional.
    /// A key standing for others ("Luật Đất đai" for each year's) counts every document
    /// citing any of them, as its facet and its `cites=` filter do.
    pub fn citations(&self, q: Option<&str>) -> Result<Vec<CitedDocument>, SearchError> {
        let searcher = self.reader.searcher();
        let counts = searcher.search(&AllQuery, &self.facet_collector())?;
        let needle = q.map(|q| fold(q.trim())).filter(|q| !q.is_empty());
        let mut out: Vec<CitedDocument> = counts
            .citations()
            .into_iter()
            .map(|(key, count, _)| CitedDocument::of(key, count))
            .filter(|c| {
                needle
                    .as_deref()
                    .is_none_or(|n| fold(&c.label).contains(n) || fold(&c.key).contains(n))
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        Ok(out)
    }

    /// A cited directive with its citing documents; `None` when nothing cites `key`.
    pub fn directive(&self, key: &str) -> Result<Option<DirectiveView>, SearchError> {
        let searcher = self.reader.searcher();
        if let Some(view) = self.directive_keyed(&searcher, key)? {
            return Ok(Some(view));
        }
        // A key the corpus taught a fuller one for is that one's page: every mention of it
        // now has it.
        match self.alias_of(key) {
            Some(target) => self.directive_keyed(&searcher, &target),
            None => Ok(None),
        }
    }

    /// The key the corpus learned `key` to stand for ("chi-thi/5" is the one directive 05
    /// it cites, "chi-thi/5-CT/TW"), if any; no document is indexed under an alias.
    pub(super) fn alias_of(&self, key: &str) -> Option<String> {
        Manifest::load(&self.index).aliases.remove(key)
    }

    /// The directive cited with `key`, or with a key it stands for: a symbol several
    /// documents share ("nghi-quyet/21-NQ/TW" for its 2012 and 2022 resolutions), a law's
    /// title without its year. Such a page lists every one's citing documents and each
    /// one under [`DirectiveView::versions`]; what it says of the document itself (date,
    /// term, issuing body) comes from the mentions of `key` alone, so that no page mixes
    /// the facts of two documents.
    fn directive_keyed(
        &self,
        searcher: &Searcher,
        key: &str,
    ) -> Result<Option<DirectiveView>, SearchError> {
        let narrower = terms::sharing(searcher, self.fields.cites, key);
        let keys = std::iter::once(key).chain(narrower.iter().map(String::as_str));
        let query = citing_any(self.fields.cites, keys, true);
        let newest = TopDocs::with_limit(MAX_CITING)
            .order_by(by_date::newest_first(searcher.schema(), &self.fields));
        let (docs, count, facets) =
            searcher.search(&*query, &(newest, Count, self.facet_collector()))?;
        if count == 0 {
            return Ok(None);
        }
        let mut view = DirectiveView {
            key: key.to_string(),
            label: label_for_key(key),
            kind: kind_of_key(key).to_string(),
            count,
            ..DirectiveView::default()
        };
        let is_version = |k: &str| narrower.iter().any(|n| n == k);
        // Each year's of a symbol is that symbol; each year's of a law's title is a law of
        // its own number.
        let shares_symbol = !is_undated_title(key);
        let (mut dates, mut terms) = (Vec::new(), Vec::new());
        for (_, address) in docs {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = stored_body(&doc, &self.fields).unwrap_or_default();
            let citations = stored_citations(&doc, &self.fields);
            let mentions: Vec<&Citation> = citations
                .iter()
                .filter(|c| c.key == key || is_version(&c.key))
                .collect();
            for mention in &mentions {
                if mention.key == key {
                    view.learn(mention);
                    dates.extend(mention.date.clone());
                    terms.extend(mention.term.clone());
                } else if shares_symbol {
                    view.learn_shared(mention);
                }
            }
            let (sentence, sentence_html) = mentions
                .first()
                .map(|m| citing_sentence(&text, m))
                .unwrap_or_default();
            view.citing.push(CitingDocument {
                id: stored_text(&doc, self.fields.id)
                    .unwrap_or_default()
                    .to_string(),
                title: stored_text(&doc, self.fields.title)
                    .unwrap_or_default()
                    .to_string(),
                date: self.date_of(&doc),
                sentence,
                sentence_html,
                mentions: mentions.len(),
                cited_as: mentions
                    .first()
                    .filter(|m| m.key != key)
                    .map(|m| m.key.clone()),
            });
        }
        let party = view.issuer.as_deref().is_some_and(is_party_code);
        (view.date, view.term) = agreeing(&dates, &terms, party);
        let cited = facets.citations();
        let listed = |&(k, count, weight): &CitedCount<'_>| CitationFacet {
            label: label_for_key(k),
            key: k.to_string(),
            count,
            weight,
        };
        view.versions = cited
            .iter()
            .filter(|(k, _, _)| is_version(k))
            .map(|&(k, count, _)| CitedDocument::of(k, count))
            .collect();
        view.versions
            .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| b.key.cmp(&a.key)));
        // The key standing for this one ("Luật Đất đai" for its 2013 title) and those it
        // stands for are no other document cited alongside: the facets give them to every
        // citing document.
        let broader = terms::broader(key);
        let mut cited_with: Vec<CitationFacet> = cited
            .iter()
            .filter(|&&(k, _, _)| k != key && broader.as_deref() != Some(k) && !is_version(k))
            .map(listed)
            .collect();
        cited_with.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        cited_with.truncate(MAX_CITED_WITH);
        view.cited_with = cited_with;
        Ok(Some(view))
    }
}

impl DirectiveView {
    /// Fills what is still unknown from one more mention: full mentions teach the rest
    /// (the date and term are settled over every mention, by `agreeing`).
    fn learn(&mut self, c: &Citation) {
        self.learn_shared(c);
        fill(&mut self.issuing_body, &c.issuing_body);
        fill(&mut self.plenum, &c.plenum);
        fill(&mut self.congress, &c.congress);
    }

    /// Fills what a document shares with the others of its key ([`DirectiveView::versions`]):
    /// one symbol is one number and one issuer, whichever year or province's.
    fn learn_shared(&mut self, c: &Citation) {
        fill(&mut self.number, &c.number);
        fill(&mut self.symbol, &c.symbol);
        fill(&mut self.issuer, &c.issuer);
    }
}

/// The date and term most mentions give, unless they contradict each other: a Party
/// document of term XI was not signed in 1962. Then the one fewer mentions give is left
/// out (one article on the 1962 resolution 39-NQ/TW among twenty on the 2015 one, when
/// no mention of the latter is dated and the corpus could not tell them apart by year).
fn agreeing(dates: &[String], terms: &[String], party: bool) -> (Option<String>, Option<String>) {
    let (date, dated) = commonest(dates);
    let (term, termed) = commonest(terms);
    let years = term.as_deref().and_then(party_term_years).filter(|_| party);
    let year = date.as_deref().and_then(year_of);
    match (years, year) {
        (Some(years), Some(year)) if !years.contains(&year) => {
            if dated > termed {
                (date, None)
            } else {
                (None, term)
            }
        }
        _ => (date, term),
    }
}

/// The value given most often (the first so given on a tie), and how often.
fn commonest(values: &[String]) -> (Option<String>, usize) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let mut best: (Option<&String>, usize) = (None, 0);
    for v in values {
        let n = counts.get(v.as_str()).copied().unwrap_or(0);
        if n > best.1 {
            best = (Some(v), n);
        }
    }
    (best.0.cloned(), best.1)
}

fn fill<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

/// The sentence around a mention, plain and as HTML with the mention in `<b>`.
fn citing_sentence(text: &str, mention: &Citation) -> (String, String) {
    let (start, end) = (mention.start.min(text.len()), mention.end.min(text.len()));
    if !(text.is_char_boundary(start) && text.is_char_boundary(end)) || start > end {
        return (String::new(), String::new());
    }
    let (from, to) = sentence_around(text, start, end);
    let (from, to) = (from.min(start), to.max(end));
    let mut html = String::new();
    escape_into(&text[from..start], &mut html);
    html.push_str("<b>");
    escape_into(&text[start..end], &mut html);
    html.push_str("</b>");
    escape_into(&text[end..to], &mut html);
    (text[from..to].replace('\n', " "), html)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn a_date_and_a_term_of_two_documents_are_not_mixed() {
        let rows = [
            // One mention dates the 1962 resolution; three give the term of the 2015 one.
            (
                vec!["1962-01-20"],
                vec!["XI", "XI", "XI"],
                true,
                (None, Some("XI")),
            ),
            (
                vec!["1962-01-20", "1962-01-20"],
                vec!["XI"],
                true,
                (Some("1962-01-20"), None),
            ),
            // Agreeing, both stay; the commonest of each is taken.
            (
                vec!["2015-04-17", "2015-04-17", "2014-04-17"],
                vec!["XI"],
                true,
                (Some("2015-04-17"), Some("XI")),
            ),
            // A State term (the National Assembly's) is not the Party's: no check.
            (
                vec!["2020-06-17"],
                vec!["XIV"],
                false,
                (Some("2020-06-17"), Some("XIV")),
            ),
            (vec![], vec![], true, (None, None)),
        ];
        for (dates, terms, party, want) in rows {
            let got = agreeing(&strings(&dates), &strings(&terms), party);
            let got = (got.0.as_deref(), got.1.as_deref());
            assert_eq!(got, want, "{dates:?} {terms:?}");
        }
    }
}
