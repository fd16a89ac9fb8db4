//! Citation extraction: finds mentions of Party directives, State legal documents, plenum and
//! congress resolutions and the Party Charter in Vietnamese text, with byte spans and keys.
//!
//! Stages, in the eyecite manner, each in its own file:
//! 1. `folded` folds the text once (`text::fold`), keeping a map back to original offsets;
//! 2. `find` runs one Aho-Corasick pass for type words and abbreviations, then applies the
//!    grammar locally after each hit: `numbered` (type word, "số", numbers, symbols, lists),
//!    `named` (plenum, congress, charter), `law` (laws by title), `symbol`, `clause` (date,
//!    term, issuing body);
//! 3. `key` gives each citation its canonical key;
//! 4. `resolve` completes short mentions from fuller ones in the same document;
//! 5. `graph` (corpus level, optional) unifies keys across documents.
//!
//! The grammar is data in `grammar`. Everything is pure: `&str` in, values out.

mod clause;
mod draft;
mod find;
mod folded;
pub mod grammar;
pub mod graph;
pub mod issuers;
pub mod key;
mod law;
pub mod law_names;
pub mod model;
mod named;
mod numbered;
pub mod place;
pub mod resolve;
mod symbol;
pub mod versions;

pub use graph::{apply_aliases, close as close_aliases, corpus_aliases, own_keys, CorpusKeys};
pub use key::{key_for, label_for_key};
pub use model::{doc_type, type_name, Citation, DocType, DOC_TYPES};

/// Every citation in `text`, in order, with short mentions resolved within the text.
pub fn extract(text: &str) -> Vec<Citation> {
    let folded = folded::Folded::new(text);
    let drafts = find::find(&folded);
    let mut citations: Vec<Citation> = drafts
        .into_iter()
        .map(|d| d.into_citation(&folded))
        .collect();
    resolve::resolve(&mut citations);
    citations
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn design_example() {
        let text = "Kế hoạch cụ thể hóa đưa Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 (khóa XIII) về";
        let got = extract(text);
        assert_eq!(got.len(), 1, "{got:?}");
        let c = &got[0];
        assert_eq!(c.text, "Nghị quyết số 21-NQ/TW ngày 16/6/2022");
        assert_eq!(&text[c.start..c.end], c.text);
        assert_eq!(c.kind, "nghi-quyet");
        assert_eq!(c.number.as_deref(), Some("21"));
        assert_eq!(c.symbol.as_deref(), Some("21-NQ/TW"));
        assert_eq!(c.issuer.as_deref(), Some("TW"));
        assert_eq!(c.issuing_body.as_deref(), Some("Hội nghị Trung ương 5"));
        assert_eq!(c.date.as_deref(), Some("2022-06-16"));
        assert_eq!(c.term.as_deref(), Some("XIII"));
        assert_eq!(c.plenum, Some(5));
        assert_eq!(c.key, "nghi-quyet/21-NQ/TW");
        assert_eq!(c.label(), "Nghị quyết 21-NQ/TW");
    }

    #[test]
    fn empty_and_plain_text() {
        assert!(extract("").is_empty());
        assert!(extract("quán triệt các nghị quyết, chỉ thị của cấp trên").is_empty());
    }
}
