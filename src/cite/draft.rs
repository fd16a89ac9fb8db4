//! A citation while the finder assembles it: offsets still in the folded text.

use super::folded::Folded;
use super::key::key_for;
use super::model::Citation;

/// A citation under construction; `start..end` is the span, `tail` where parsing stopped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// Folded span start.
    pub start: usize,
    /// Folded span end.
    pub end: usize,
    /// Folded end of everything consumed, issuer clause included.
    pub tail: usize,
    /// Type slug.
    pub kind: &'static str,
    /// Number without leading zeros.
    pub number: Option<String>,
    /// Canonical symbol.
    pub symbol: Option<String>,
    /// Law's name, when its title is written.
    pub name: Option<String>,
    /// Issuer code.
    pub issuer: Option<String>,
    /// Issuing body as written.
    pub issuing_body: Option<String>,
    /// Whether a "của …" clause names the issuer, or confirms the symbol's (it then extends
    /// to a list before it).
    pub explicit_issuer: bool,
    /// ISO date.
    pub date: Option<String>,
    /// Term, Roman.
    pub term: Option<String>,
    /// Plenum.
    pub plenum: Option<u32>,
    /// Congress, Roman.
    pub congress: Option<String>,
    /// Pinpoint article.
    pub article: Option<u32>,
}

impl Draft {
    /// An empty draft of type `kind` spanning folded `start..end`.
    pub fn new(kind: &'static str, start: usize, end: usize) -> Self {
        Draft {
            start,
            end,
            tail: end,
            kind,
            ..Draft::default()
        }
    }

    /// Sets issuer fields from a body unless already known (a symbol's issuer wins).
    pub fn set_body(&mut self, code: &str, text: String, explicit: bool) {
        let agrees = self.issuer.as_deref().is_none_or(|known| known == code);
        if !agrees {
            return;
        }
        self.issuer = Some(code.to_string());
        self.explicit_issuer |= explicit;
        if self.issuing_body.is_none() {
            self.issuing_body = Some(text);
        }
    }

    /// The finished citation: original offsets and text, canonical key.
    pub fn into_citation(self, f: &Folded) -> Citation {
        let (start, end) = (f.orig(self.start), f.orig(self.end));
        let mut citation = Citation {
            text: f.original.get(start..end).unwrap_or("").to_string(),
            start,
            end,
            kind: self.kind.to_string(),
            number: self.number,
            symbol: self.symbol,
            name: self.name,
            issuer: self.issuer,
            issuing_body: self.issuing_body,
            date: self.date,
            term: self.term,
            plenum: self.plenum,
            congress: self.congress,
            article: self.article,
            key: String::new(),
            resolved_from: None,
            aliased_from: None,
        };
        citation.key = key_for(&citation);
        citation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_issuer_wins_over_body() {
        let mut d = Draft::new("huong-dan", 0, 1);
        d.issuer = Some("BTCTW".into());
        d.set_body("TW", "Trung ương".into(), true);
        assert_eq!(d.issuer.as_deref(), Some("BTCTW"));
        assert_eq!(d.issuing_body, None);
        assert!(!d.explicit_issuer);
        let mut d = Draft::new("chi-thi", 0, 1);
        d.set_body("TW", "Bộ Chính trị".into(), true);
        assert_eq!(d.issuer.as_deref(), Some("TW"));
        assert!(d.explicit_issuer);
        // A clause that confirms the symbol's issuer is explicit too: it reaches a list.
        let mut d = Draft::new("nghi-quyet", 0, 1);
        d.issuer = Some("TW".into());
        d.set_body("TW", "Hội nghị Trung ương 7".into(), true);
        assert!(d.explicit_issuer);
    }

    #[test]
    fn converts_offsets() {
        let f = Folded::new("theo Chỉ thị 33 của");
        let start = f.text.find("chi").unwrap();
        let end = f.text.find(" cua").unwrap();
        let mut d = Draft::new("chi-thi", start, end);
        d.number = Some("33".into());
        let c = d.into_citation(&f);
        assert_eq!(c.text, "Chỉ thị 33");
        assert_eq!(&f.original[c.start..c.end], "Chỉ thị 33");
        assert_eq!(c.key, "chi-thi/33");
    }
}
