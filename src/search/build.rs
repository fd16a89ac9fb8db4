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

use super::all_words::{AllWordsQuery, BoostedTerms, TermSet};
use super::any_of::AnyOfQuery;
use super::query::UserQuery;
use super::stopwords::is_stop_word;
use super::title_pair::TitlePairQuery;
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
    /// The keys of the documents sharing the symbol of `cites`, one a year
    /// (`cite::versions`), which it stands for too: filled in from the index.
    pub cites_versions: Vec<String>,
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

    /// Whether every unquoted word is required: a keyword list, not a question.
    pub fn is_keyword_query(&self) -> bool {
        self.required.iter().filter(|(_, phrase)| !phrase).count() <= KEYWORD_QUERY_WORDS
    }

    /// The required words typed with accents ("bão" in "bão lu"), in their exact form.
    pub fn accented_words(&self) -> impl Iterator<Item = &str> {
        self.required.iter().flat_map(|(t, _)| {
            t.exact
                .iter()
                .zip(&t.fold)
                .filter(|(exact, fold)| exact != fold)
                .map(|(exact, _)| exact.as_str())
        })
    }

    /// Every exact word the user asked for, for snippets.
    pub fn exact_words(&self) -> impl Iterator<Item = &str> {
        self.required
            .iter()
            .flat_map(|(t, _)| t.exact.iter().map(String::as_str))
    }
}

/// How many documents hold a term, for planning: the index's statistics, or an estimate.
pub type DocFreq<'a> = &'a dyn Fn(&Term) -> u64;

/// A clause is seeked rather than walked when it holds this many times the documents of
/// the rarest required clause, which leads the intersection (see [`AnyOfQuery`]).
const SEEKED_RATIO: u64 = 4;

/// Builds the tantivy query; `None` when nothing can match (no required words and no filter).
/// `doc_freq` sizes the clauses, to pick how each is walked; scores do not depend on it.
pub fn build(
    query: &AnalyzedQuery,
    filters: &Filters,
    fields: &Fields,
    doc_freq: DocFreq,
) -> Option<Box<dyn Query>> {
    let sizes = required_sizes(query, filters, fields, doc_freq);
    let lead = lead_size(&sizes, filters, fields, doc_freq);
    let seeked = |size: u64| lead.is_some_and(|lead| size > lead.saturating_mul(SEEKED_RATIO));
    let pairs = proximity_queries(query, fields);
    // The bonuses only score the documents the required clauses find; they are sized by
    // their terms in the body.
    let size = lead.and_then(|_| pairs.iter().map(|(term, _)| doc_freq(term)).max());
    let pairs_seeked = size.is_some_and(seeked);
    if filters.is_empty() && query.excluded.is_empty() {
        if let Some(words) = single_words(query, fields, &sizes, &seeked) {
            let (in_body, in_title): (BoostedTerms, Vec<_>) = pairs
                .into_iter()
                .map(|(term, title)| ((term, PAIR_BOOST), title))
                .unzip();
            let bonus = (!in_title.is_empty()).then(|| union(in_title, pairs_seeked));
            let mut optional = TermSet {
                terms: in_body,
                seeked: pairs_seeked,
            };
            if query.is_keyword_query() {
                return Some(Box::new(AllWordsQuery::new(words, optional, bonus)));
            }
            // A question: its function words only score, as the pairs' terms do.
            let terms = query.required.iter().map(|(terms, _)| terms);
            let (content, function) = question_words(terms.zip(words));
            let required = question_share(content.len());
            optional
                .terms
                .extend(function.into_iter().flat_map(|w| w.terms));
            let question = AllWordsQuery::new(content, optional, bonus).requiring(required);
            return Some(Box::new(question));
        }
    }
    let mut clauses = word_clauses(query, fields, &sizes, &seeked);
    if !pairs.is_empty() {
        let bonuses = pairs
            .into_iter()
            .flat_map(|(term, title)| {
                let in_body = TermQuery::new(term, IndexRecordOption::WithFreqs);
                [boosted(Box::new(in_body), PAIR_BOOST), title]
            })
            .collect();
        clauses.push((Occur::Should, union(bonuses, pairs_seeked)));
    }
    for terms in &query.excluded {
        let size = lead.map(|_| clause_size(terms, fields, doc_freq));
        let q = clause_query(terms, fields, size.is_some_and(seeked));
        clauses.push((Occur::MustNot, q));
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

/// The union of `queries`: tantivy's, which is fastest walked from end to end, or, when the
/// union will mostly be seeked to the few documents rarer clauses found, [`AnyOfQuery`].
/// Both score a document alike: the sum of the queries that match it.
fn union(queries: Vec<Box<dyn Query>>, seeked: bool) -> Box<dyn Query> {
    if seeked {
        Box::new(AnyOfQuery::new(queries))
    } else {
        Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))
    }
}

/// The size of each required clause that the intersection takes whole (every word of a
/// keyword list, a question's phrases), when there is an intersection to lead: sizing costs
/// a dictionary lookup a word.
fn required_sizes(
    query: &AnalyzedQuery,
    filters: &Filters,
    fields: &Fields,
    doc_freq: DocFreq,
) -> Vec<Option<u64>> {
    let keywords = query.is_keyword_query();
    let intersected = |phrase: bool| keywords || phrase;
    let musts = query
        .required
        .iter()
        .filter(|(_, p)| intersected(*p))
        .count();
    let others = usize::from(!filters.is_empty() || !query.excluded.is_empty());
    query
        .required
        .iter()
        .map(|(terms, phrase)| {
            (intersected(*phrase) && musts + others >= 2)
                .then(|| clause_size(terms, fields, doc_freq))
        })
        .collect()
}

/// Documents of the rarest clause every result must match, which leads the intersection:
/// the least of the required clauses' `sizes` and the citation filters; `None` when nothing
/// was sized.
fn lead_size(
    sizes: &[Option<u64>],
    filters: &Filters,
    fields: &Fields,
    doc_freq: DocFreq,
) -> Option<u64> {
    let words = sizes.iter().flatten().copied().min()?;
    let cites = filters.cites.as_deref().map(|key| {
        std::iter::once(key)
            .chain(filters.cites_versions.iter().map(String::as_str))
            .map(|key| doc_freq(&Term::from_field_text(fields.cites, key)))
            .sum()
    });
    let cited_type = filters
        .cited_type
        .as_deref()
        .map(|kind| doc_freq(&Term::from_field_text(fields.cited_types, kind)));
    [cites, cited_type, Some(words)].into_iter().flatten().min()
}

/// At most how many documents a clause matches: those of its rarest folded word or pair in
/// the body (a title rarely holds a word its body lacks).
fn clause_size(terms: &ClauseTerms, fields: &Fields, doc_freq: DocFreq) -> u64 {
    let words = terms
        .fold
        .iter()
        .map(|w| doc_freq(&Term::from_field_text(fields.body_fold, w)));
    let pairs = terms
        .pairs
        .iter()
        .map(|p| doc_freq(&Term::from_field_text(fields.body_bigram, p)));
    words.chain(pairs).min().unwrap_or(0)
}

/// The clauses for the words and phrases: all required in a keyword query; in a question,
/// phrases required, a share of the content words required, function words scoring only.
fn word_clauses(
    query: &AnalyzedQuery,
    fields: &Fields,
    sizes: &[Option<u64>],
    seeked: &dyn Fn(u64) -> bool,
) -> Vec<(Occur, Box<dyn Query>)> {
    let keywords = query.is_keyword_query();
    let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut loose = Vec::new();
    for ((terms, phrase), size) in query.required.iter().zip(sizes) {
        let q = clause_query(terms, fields, size.is_some_and(seeked));
        if keywords || *phrase {
            out.push((Occur::Must, q));
        } else {
            loose.push((terms, q));
        }
    }
    let (content, function) = question_words(loose);
    if !content.is_empty() {
        let min = question_share(content.len());
        let any = BooleanQuery::union_with_minimum_required_clauses(content, min);
        out.push((Occur::Must, Box::new(any)));
    }
    out.extend(function.into_iter().map(|q| (Occur::Should, q)));
    out
}

/// How many of a question's `content` words a document must hold.
fn question_share(content: usize) -> usize {
    ((content as f64 * QUESTION_MIN_SHARE).ceil() as usize).max(1)
}

/// A question's unquoted words (each with what stands for it: a clause, a word's terms)
/// split into the content words, of which a share is required, and the function words,
/// which only score; all are content when every one is a function word.
fn question_words<'a, T>(
    words: impl IntoIterator<Item = (&'a ClauseTerms, T)>,
) -> (Vec<T>, Vec<T>) {
    let (mut content, mut function) = (Vec::new(), Vec::new());
    for (terms, word) in words {
        if is_stop_word(&terms.exact, &terms.fold) {
            function.push(word);
        } else {
            content.push(word);
        }
    }
    if content.is_empty() {
        return (function, Vec::new());
    }
    (content, function)
}

/// The terms of every required word, each walked or seeked, when the query is two or more
/// single words (no phrase): what [`AllWordsQuery`] matches fastest.
fn single_words(
    query: &AnalyzedQuery,
    fields: &Fields,
    sizes: &[Option<u64>],
    seeked: &dyn Fn(u64) -> bool,
) -> Option<Vec<TermSet>> {
    if query.required.len() < 2 {
        return None;
    }
    query
        .required
        .iter()
        .zip(sizes)
        .map(|((terms, phrase), size)| {
            if *phrase {
                return None;
            }
            Some(TermSet {
                terms: word_terms(terms, fields)?,
                seeked: size.is_some_and(seeked),
            })
        })
        .collect()
}

/// A single word's term in each text field with the weight of that field (the fields and
/// weights of [`clause_query`]); `None` for a clause of several words.
fn word_terms(terms: &ClauseTerms, fields: &Fields) -> Option<BoostedTerms> {
    let ([fold], [exact]) = (terms.fold.as_slice(), terms.exact.as_slice()) else {
        return None;
    };
    let mut out = vec![
        (Term::from_field_text(fields.body_fold, fold), 1.0),
        (Term::from_field_text(fields.title_fold, fold), TITLE_BOOST),
    ];
    if has_letters(terms) {
        out.push((Term::from_field_text(fields.body, exact), EXACT_BOOST));
        let title = Term::from_field_text(fields.title, exact);
        out.push((title, EXACT_BOOST * TITLE_BOOST));
    }
    Some(out)
}

/// Whether the clause has a letter; numbers and symbols read the same exact and folded.
fn has_letters(terms: &ClauseTerms) -> bool {
    terms
        .exact
        .iter()
        .any(|w| w.chars().any(char::is_alphabetic))
}

/// One clause: its words in any of the four text fields, exact and title matches boosted.
/// Numbers and symbols read the same exact and folded, so for them the exact fields would
/// only count every match twice over the words of the query: they are left out.
fn clause_query(terms: &ClauseTerms, fields: &Fields, seeked: bool) -> Box<dyn Query> {
    if let Some(single) = word_terms(terms, fields) {
        // One word: a term in each field, weighed as `word_terms` says.
        let any = single
            .into_iter()
            .map(|(term, boost)| {
                let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
                boosted(Box::new(query), boost)
            })
            .collect();
        return union(any, seeked);
    }
    let mut any: Vec<Box<dyn Query>> = vec![
        boosted(body_words_query(terms, fields), 1.0),
        boosted(words_query(fields.title_fold, &terms.fold), TITLE_BOOST),
    ];
    if has_letters(terms) {
        any.push(boosted(exact_body_query(terms, fields), EXACT_BOOST));
        any.push(boosted(
            words_query(fields.title, &terms.exact),
            EXACT_BOOST * TITLE_BOOST,
        ));
    }
    union(any, seeked)
}

/// `query` scored times `boost`.
fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
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
/// "định 100") as one term of the body's pairs (to be scored by BM25 with the pair's own
/// rarity, which a phrase of two common syllables does not have, and boosted by
/// `PAIR_BOOST`), and as a pair in the title ([`TitlePairQuery`], scored as the phrase of
/// the two words), boosted, since Vietnamese words are mostly two syllables. (All the words within a few of each other was a bonus too; it needed the
/// body's positions and changed no measured result.)
fn proximity_queries(query: &AnalyzedQuery, fields: &Fields) -> Vec<(Term, Box<dyn Query>)> {
    let loose: Vec<String> = query
        .required
        .iter()
        .filter(|(_, phrase)| !phrase)
        .flat_map(|(t, _)| t.fold.iter().cloned())
        .collect();
    loose
        .windows(2)
        .map(|pair| {
            let term = Term::from_field_text(fields.body_bigram, &bigram(&pair[0], &pair[1]));
            let in_title =
                TitlePairQuery::new(fields.title_bigram, fields.title_fold, &pair[0], &pair[1]);
            (term, boosted(Box::new(in_title), PAIR_BOOST * TITLE_BOOST))
        })
        .collect()
}

/// The documents citing any of `keys` in the `cites` field: the filter `cites=` (which
/// scores nothing: `scored` false) and a directive's page (a key and the keys it stands
/// for, `terms::sharing`; scored, for the weights of what is cited alongside).
pub fn citing_any<'a>(
    cites: Field,
    keys: impl IntoIterator<Item = &'a str>,
    scored: bool,
) -> Box<dyn Query> {
    let term = |key: &str| -> Box<dyn Query> {
        let term = Box::new(TermQuery::new(
            Term::from_field_text(cites, key),
            IndexRecordOption::Basic,
        ));
        if scored {
            term
        } else {
            Box::new(ConstScoreQuery::new(term, 0.0))
        }
    };
    let mut any: Vec<(Occur, Box<dyn Query>)> = keys
        .into_iter()
        .map(|key| (Occur::Should, term(key)))
        .collect();
    match any.len() {
        1 => any.swap_remove(0).1,
        _ => Box::new(BooleanQuery::new(any)),
    }
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
        let keys = std::iter::once(key).chain(&filters.cites_versions);
        out.push(citing_any(fields.cites, keys.map(String::as_str), false));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;
    use crate::search::query::parse;

    /// How many of the query's unions are walked by tantivy, how many clauses are seeked
    /// (by [`AnyOfQuery`] or inside an [`AllWordsQuery`]), and whether its words are matched
    /// as one [`AllWordsQuery`], with every folded word's size taken from `sizes` (1,000 for
    /// the others).
    fn unions(q: &str, filters: &Filters, sizes: &[(&str, u64)]) -> (usize, usize, bool) {
        let fields = Fields::from_schema(&schema::build()).expect("fields");
        let analyzed = AnalyzedQuery::new(&parse(q).expect("query"));
        let doc_freq = |term: &Term| {
            let value = term.value();
            let text = value.as_str().unwrap_or_default();
            sizes
                .iter()
                .find(|(word, _)| *word == text)
                .map_or(1_000, |&(_, n)| n)
        };
        let query = build(&analyzed, filters, &fields, &doc_freq).expect("query");
        let plan = format!("{query:?}");
        (
            plan.matches("BooleanQuery { subqueries: [(Should").count(),
            plan.matches("AnyOfQuery").count() + plan.matches("seeked: true").count(),
            plan.starts_with("AllWordsQuery"),
        )
    }

    #[test]
    fn seeks_only_the_clauses_far_larger_than_the_rarest() {
        let none = Filters::default();
        // One word: nothing to intersect, every union walked.
        assert_eq!(unions("đảng", &none, &[("dang", 30_000)]), (1, 0, false));
        // Two common words of like size: both walked, a window at a time, and the pair bonus
        // walked by tantivy; not so beside an excluded word or a phrase.
        let common = [("thu", 12_000), ("tuong", 14_000)];
        assert_eq!(unions("thủ tướng", &none, &common), (1, 0, true));
        assert_eq!(unions("thủ tướng -bộ", &none, &common), (4, 0, false));
        assert!(!unions("thủ \"tướng chính\"", &none, &common).2);
        // A rare word leads and is walked; the common ones are seeked to its documents, and
        // so are the pair bonuses (the body's pair terms and the title's pairs) once one is
        // common.
        let rare = [("u23", 300), ("viet", 15_000), ("nam", 25_000)];
        assert_eq!(unions("u23 việt nam", &none, &rare), (1, 2, true));
        let pair = bigram("viet", "nam");
        let common_pair = [
            ("u23", 300),
            ("viet", 15_000),
            ("nam", 25_000),
            (&*pair, 11_000),
        ];
        assert_eq!(unions("u23 việt nam", &none, &common_pair), (0, 4, true));
        // Beside a filter, tantivy's intersection: the rare word and the bonuses walked, the
        // others seeked.
        let cites = Filters {
            cites: Some("chi-thi/05-ct/tw".to_string()),
            ..Filters::default()
        };
        assert_eq!(unions("u23 việt nam", &cites, &rare), (2, 2, false));
        // A question of single words: a share of its content words in a window at a time,
        // nothing seeked; with a phrase, tantivy's union requiring the share.
        let question = "vệ sinh an toàn thực phẩm bẩn";
        assert_eq!(unions(question, &none, &[("ve", 300)]), (1, 0, true));
        assert!(!unions(&format!("{question} \"hà nội\""), &none, &[]).2);
        // A rare cited directive leads as well.
        let sizes = [("chi-thi/05-ct/tw", 20), ("dang", 30_000)];
        assert_eq!(unions("đảng", &cites, &sizes), (0, 1, false));
    }
}
