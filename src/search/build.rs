//! Turns a parsed query and filters into a tantivy query: every clause must match in the
//! exact or the folded fields; exact matches and title matches weigh more; words near each
//! other weigh more. A long question is not a keyword list: there a document must hold only
//! a share of its content words, and function words are not required at all.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, Term};

use super::query::UserQuery;
use super::stopwords::is_stop_word;
use crate::index::analyzers::{vi_bigram, vi_exact, vi_fold};
use crate::index::Fields;
use crate::text::bigram_filter::bigram;

/// Weight of a match with the user's exact accents over a folded-only match. With 2.0 a
/// document with "đảng" outranks one with "đang" for the query "đảng" even when the latter
/// repeats the word more often.
const EXACT_BOOST: f32 = 2.0;
/// Weight of a title match over a body match: titles say what a document is about.
const TITLE_BOOST: f32 = 2.5;
/// Weight of the bonus for two query words standing next to each other, as one word
/// (docs/ranking.md: flat from 4 to 6, lower below 3).
const PAIR_BOOST: f32 = 4.0;
/// Up to this many unquoted words a query is a keyword list ("huong dan 38 thanh ly") and
/// every word is required; beyond it it reads as a question, whose answer rarely repeats
/// all its words.
const KEYWORD_QUERY_WORDS: usize = 5;
/// Share of a question's content words a document must contain: enough to keep out
/// documents sharing a stray word, low enough for answers phrased otherwise (docs/ranking.md:
/// results are flat from 0.1 to 0.5 and drop beyond).
const QUESTION_MIN_SHARE: f64 = 0.4;

/// Filters that restrict the result set without affecting scores.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Only documents citing this key.
    pub cites: Option<String>,
    /// Only documents citing a document of this type.
    pub cited_type: Option<String>,
    /// Publication date on or after.
    pub from: Option<time::Date>,
    /// Publication date on or before.
    pub to: Option<time::Date>,
}

impl Filters {
    /// Whether any filter is set.
    pub fn is_empty(&self) -> bool {
        self.cites.is_none()
            && self.cited_type.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }
}

/// The words of one clause as each analyzer sees them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseTerms {
    /// `vi_exact` tokens.
    pub exact: Vec<String>,
    /// `vi_fold` tokens.
    pub fold: Vec<String>,
    /// `vi_bigram` tokens: the adjacent pairs of `fold` that no clause break separates, as
    /// the index holds them.
    pub pairs: Vec<String>,
}

/// Runs `text` through an analyzer.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// The analysed clauses of a query, positive ones first-class, negated ones apart.
#[derive(Clone, Debug, Default)]
pub struct AnalyzedQuery {
    /// Clauses that must match, with whether each was a quoted phrase.
    pub required: Vec<(ClauseTerms, bool)>,
    /// Clauses that must not match.
    pub excluded: Vec<ClauseTerms>,
}

impl AnalyzedQuery {
    /// Analyses every clause; clauses with no searchable word (punctuation only) drop out.
    pub fn new(query: &UserQuery) -> AnalyzedQuery {
        let (mut exact, mut fold, mut pairs) = (vi_exact(), vi_fold(), vi_bigram());
        let mut out = AnalyzedQuery::default();
        for clause in &query.clauses {
            let terms = ClauseTerms {
                exact: analyze(&mut exact, &clause.text),
                fold: analyze(&mut fold, &clause.text),
                pairs: analyze(&mut pairs, &clause.text),
            };
            if terms.exact.is_empty() {
                continue;
            }
            if clause.negated {
                out.excluded.push(terms);
            } else {
                out.required.push((terms, clause.phrase));
            }
        }
        out
    }

    /// Every folded word the user asked for, for snippets.
    pub fn fold_words(&self) -> impl Iterator<Item = &str> {
        self.required
            .iter()
            .flat_map(|(t, _)| t.fold.iter().map(String::as_str))
    }

    /// Every exact word the user asked for, for snippets.
    pub fn exact_words(&self) -> impl Iterator<Item = &str> {
        self.required
            .iter()
            .flat_map(|(t, _)| t.exact.iter().map(String::as_str))
    }
}

/// Builds the tantivy query; `None` when nothing can match (no required words and no filter).
pub fn build(query: &AnalyzedQuery, filters: &Filters, fields: &Fields) -> Option<Box<dyn Query>> {
    let mut clauses = word_clauses(query, fields);
    for bonus in proximity_queries(query, fields) {
        clauses.push((Occur::Should, bonus));
    }
    for terms in &query.excluded {
        clauses.push((Occur::MustNot, clause_query(terms, fields)));
    }
    for filter in filter_queries(filters, fields) {
        clauses.push((Occur::Must, filter));
    }
    if query.required.is_empty() {
        if filters.is_empty() {
            return None;
        }
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// The clauses for the words and phrases: all required in a keyword query; in a question,
/// phrases required, a share of the content words required, function words scoring only.
fn word_clauses(query: &AnalyzedQuery, fields: &Fields) -> Vec<(Occur, Box<dyn Query>)> {
    let loose = query.required.iter().filter(|(_, phrase)| !phrase).count();
    let keywords = loose <= KEYWORD_QUERY_WORDS;
    let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut content: Vec<Box<dyn Query>> = Vec::new();
    let mut function: Vec<Box<dyn Query>> = Vec::new();
    for (terms, phrase) in &query.required {
        let q = clause_query(terms, fields);
        if keywords || *phrase {
            out.push((Occur::Must, q));
        } else if is_stop_word(&terms.exact, &terms.fold) {
            function.push(q);
        } else {
            content.push(q);
        }
    }
    if content.is_empty() {
        content = std::mem::take(&mut function);
    }
    if !content.is_empty() {
        let min = ((content.len() as f64 * QUESTION_MIN_SHARE).ceil() as usize).max(1);
        let any = BooleanQuery::union_with_minimum_required_clauses(content, min);
        out.push((Occur::Must, Box::new(any)));
    }
    out.extend(function.into_iter().map(|q| (Occur::Should, q)));
    out
}

/// One clause: its words in any of the four text fields, exact and title matches boosted.
/// Numbers and symbols read the same exact and folded, so for them the exact fields would
/// only count every match twice over the words of the query: they are left out.
fn clause_query(terms: &ClauseTerms, fields: &Fields) -> Box<dyn Query> {
    let mut should: Vec<(Occur, Box<dyn Query>)> = vec![
        boosted(body_words_query(terms, fields), 1.0),
        boosted(words_query(fields.title_fold, &terms.fold), TITLE_BOOST),
    ];
    let has_letters = terms
        .exact
        .iter()
        .any(|w| w.chars().any(char::is_alphabetic));
    if has_letters {
        should.push(boosted(exact_body_query(terms, fields), EXACT_BOOST));
        should.push(boosted(
            words_query(fields.title, &terms.exact),
            EXACT_BOOST * TITLE_BOOST,
        ));
    }
    Box::new(BooleanQuery::new(should))
}

/// A should-clause scoring `query` times `boost`.
fn boosted(query: Box<dyn Query>, boost: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(BoostQuery::new(query, boost)))
}

/// The clause with the user's accents in the body. The exact body keeps no positions, so
/// several words are matched by their folded pairs, and each accented word is required on
/// the exact body without scoring: the accents filter, the pairs score.
fn exact_body_query(terms: &ClauseTerms, fields: &Fields) -> Box<dyn Query> {
    if let [word] = terms.exact.as_slice() {
        return words_query(fields.body, std::slice::from_ref(word));
    }
    let mut must: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, body_words_query(terms, fields))];
    for word in &terms.exact {
        let term = TermQuery::new(
            Term::from_field_text(fields.body, word),
            IndexRecordOption::Basic,
        );
        must.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(term), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(must))
}

/// Folded words in the body: one word as a term of `body_fold`, several as every adjacent
/// pair required in `body_bigram`. The body keeps no positions (they were a sixth of the
/// index): a phrase of two words is exactly its pair; a longer one is its chain of pairs,
/// which in practice only the phrase itself holds. Pairs stop at clause punctuation ("Hà
/// Nội, Việt Nam"), in the index as here: a phrase broken so also needs each of its words.
fn body_words_query(terms: &ClauseTerms, fields: &Fields) -> Box<dyn Query> {
    let fold = &terms.fold;
    if fold.len() < 2 {
        return words_query(fields.body_fold, fold);
    }
    let pair_query = |pair: &String| {
        let term = Term::from_field_text(fields.body_bigram, pair);
        let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
        (Occur::Must, q)
    };
    let mut must: Vec<(Occur, Box<dyn Query>)> = terms.pairs.iter().map(pair_query).collect();
    if terms.pairs.len() + 1 < fold.len() {
        // A break leaves a word out of every pair: require the words themselves.
        for word in fold {
            let term = Term::from_field_text(fields.body_fold, word);
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
            must.push((Occur::Must, q));
        }
    }
    Box::new(BooleanQuery::new(must))
}

/// A term query for one word, a phrase query for several (a quoted phrase, or a symbol such
/// as "21-NQ/TW" that analyses to several words); the phrase needs a field with positions.
fn words_query(field: Field, words: &[String]) -> Box<dyn Query> {
    let terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    match terms.as_slice() {
        // Scoring one term needs its frequencies, not its positions.
        [term] => Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
        _ => Box::new(PhraseQuery::new(terms)),
    }
}

/// Bonuses for the unquoted words standing together: each adjacent pair ("nghị định",
/// "định 100") as one term of the body's pairs (scored by BM25 with the pair's own rarity,
/// which a phrase of two common syllables does not have) and as a phrase in the title,
/// since Vietnamese words are mostly two syllables. (All the words within a few of each
/// other was a bonus too; it needed the body's positions and changed no measured result.)
fn proximity_queries(query: &AnalyzedQuery, fields: &Fields) -> Vec<Box<dyn Query>> {
    let loose: Vec<String> = query
        .required
        .iter()
        .filter(|(_, phrase)| !phrase)
        .flat_map(|(t, _)| t.fold.iter().cloned())
        .collect();
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    if loose.len() < 2 {
        return out;
    }
    for pair in loose.windows(2) {
        let term = Term::from_field_text(fields.body_bigram, &bigram(&pair[0], &pair[1]));
        out.push(Box::new(BoostQuery::new(
            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
            PAIR_BOOST,
        )));
        out.push(Box::new(BoostQuery::new(
            words_query(fields.title_fold, pair),
            PAIR_BOOST * TITLE_BOOST,
        )));
    }
    out
}

fn filter_queries(filters: &Filters, fields: &Fields) -> Vec<Box<dyn Query>> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let exact = |field: Field, value: &str| -> Box<dyn Query> {
        let term = TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        );
        Box::new(ConstScoreQuery::new(Box::new(term), 0.0))
    };
    if let Some(key) = &filters.cites {
        out.push(exact(fields.cites, key));
    }
    if let Some(kind) = &filters.cited_type {
        out.push(exact(fields.cited_types, kind));
    }
    if filters.from.is_some() || filters.to.is_some() {
        let bound = |date: time::Date| {
            Term::from_field_date(
                fields.date,
                DateTime::from_utc(date.midnight().assume_utc()),
            )
        };
        let lower = filters
            .from
            .map_or(Bound::Unbounded, |d| Bound::Included(bound(d)));
        let upper = filters
            .to
            .map_or(Bound::Unbounded, |d| Bound::Included(bound(d)));
        let range = RangeQuery::new(lower, upper);
        out.push(Box::new(ConstScoreQuery::new(Box::new(range), 0.0)));
    }
    out
}
