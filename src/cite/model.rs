//! The citation record and the table of document types it refers to.

use serde::{Deserialize, Serialize};

/// One mention of a directive, law or Party document in a text (JSON shape of DESIGN.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The mention as written, `text[start..end]`.
    pub text: String,
    /// Byte offset of the mention in the input, on a char boundary.
    pub start: usize,
    /// Byte offset just past the mention, on a char boundary.
    pub end: usize,
    /// Document type slug, e.g. "nghi-quyet" (see [`DOC_TYPES`]).
    #[serde(rename = "type")]
    pub kind: String,
    /// Document number without leading zeros ("05" → "5").
    pub number: Option<String>,
    /// Canonical symbol as printed: "21-NQ/TW", "30/2020/NĐ-CP".
    pub symbol: Option<String>,
    /// A law's name from its title: "Đất đai" ("Luật Đất đai 2013", "Luật Đất đai số
    /// 45/2013/QH13"), abbreviations spelt out ("Luật BHXH": "Bảo hiểm xã hội").
    pub name: Option<String>,
    /// Issuer code: "TW", "BTCTW", "TU", "CP", "QH"…
    pub issuer: Option<String>,
    /// Issuing body as written: "Ban Tổ chức Trung ương", "Hội nghị Trung ương 5".
    pub issuing_body: Option<String>,
    /// Signing date, ISO "YYYY-MM-DD".
    pub date: Option<String>,
    /// Term of the issuing body in Roman numerals ("khóa 13" → "XIII").
    pub term: Option<String>,
    /// Plenum of the Central Committee ("Trung ương 4" → 4).
    pub plenum: Option<u32>,
    /// Party congress in Roman numerals ("Đại hội lần thứ XII" → "XII").
    pub congress: Option<String>,
    /// Pinpoint article ("Điều 23 Điều lệ Đảng" → 23).
    pub article: Option<u32>,
    /// Stable canonical id shared by every mention of the same document (see `key`).
    pub key: String,
    /// For a short mention completed from a fuller one, that one's `start`.
    pub resolved_from: Option<usize>,
    /// For a mention the corpus taught a fuller key (`cite::graph`), the key of the mention
    /// itself, from which the fuller one is learned again at each ingest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aliased_from: Option<String>,
}

/// A document type: slug for keys and URLs, Vietnamese name for pages, symbol abbreviations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocType {
    /// URL slug: "nghi-quyet".
    pub slug: &'static str,
    /// Display name: "Nghị quyết".
    pub name: &'static str,
    /// Abbreviations used in symbols, canonical one first: ["QĐ", "QĐi"].
    pub abbrs: &'static [&'static str],
}

/// Every document type the finder knows, in the order of DESIGN.md.
pub static DOC_TYPES: &[DocType] = &[
    DocType {
        slug: "nghi-quyet",
        name: "Nghị quyết",
        abbrs: &["NQ"],
    },
    DocType {
        slug: "chi-thi",
        name: "Chỉ thị",
        abbrs: &["CT"],
    },
    DocType {
        slug: "huong-dan",
        name: "Hướng dẫn",
        abbrs: &["HD"],
    },
    DocType {
        slug: "quyet-dinh",
        name: "Quyết định",
        abbrs: &["QĐ"],
    },
    DocType {
        slug: "quy-dinh",
        name: "Quy định",
        abbrs: &["QĐ", "QĐi"],
    },
    DocType {
        slug: "ket-luan",
        name: "Kết luận",
        abbrs: &["KL"],
    },
    DocType {
        slug: "ke-hoach",
        name: "Kế hoạch",
        abbrs: &["KH"],
    },
    DocType {
        slug: "de-an",
        name: "Đề án",
        abbrs: &["ĐA"],
    },
    DocType {
        slug: "cong-van",
        name: "Công văn",
        abbrs: &["CV"],
    },
    DocType {
        slug: "thong-tri",
        name: "Thông tri",
        abbrs: &["TT"],
    },
    DocType {
        slug: "thong-bao",
        name: "Thông báo",
        abbrs: &["TB"],
    },
    DocType {
        slug: "chuong-trinh",
        name: "Chương trình",
        abbrs: &["CTr"],
    },
    DocType {
        slug: "quy-che",
        name: "Quy chế",
        abbrs: &["QC"],
    },
    DocType {
        slug: "bao-cao",
        name: "Báo cáo",
        abbrs: &["BC"],
    },
    DocType {
        slug: "to-trinh",
        name: "Tờ trình",
        abbrs: &["TTr"],
    },
    DocType {
        slug: "nghi-dinh",
        name: "Nghị định",
        abbrs: &["NĐ"],
    },
    DocType {
        slug: "thong-tu",
        name: "Thông tư",
        abbrs: &["TT"],
    },
    DocType {
        slug: "thong-tu-lien-tich",
        name: "Thông tư liên tịch",
        abbrs: &["TTLT"],
    },
    DocType {
        slug: "luat",
        name: "Luật",
        abbrs: &[],
    },
    DocType {
        slug: "bo-luat",
        name: "Bộ luật",
        abbrs: &[],
    },
    DocType {
        slug: "phap-lenh",
        name: "Pháp lệnh",
        abbrs: &[],
    },
    DocType {
        slug: "hien-phap",
        name: "Hiến pháp",
        abbrs: &[],
    },
    DocType {
        slug: "dieu-le",
        name: "Điều lệ",
        abbrs: &[],
    },
    DocType {
        slug: "cuong-linh",
        name: "Cương lĩnh",
        abbrs: &[],
    },
];

/// The document type with this slug.
pub fn doc_type(slug: &str) -> Option<&'static DocType> {
    DOC_TYPES.iter().find(|t| t.slug == slug)
}

/// Vietnamese display name of a type slug: "huong-dan" → "Hướng dẫn".
pub fn type_name(slug: &str) -> Option<&'static str> {
    doc_type(slug).map(|t| t.name)
}

impl Citation {
    /// Human label in Vietnamese for facets and pages: "Nghị quyết 21-NQ/TW", "Điều lệ Đảng".
    pub fn label(&self) -> String {
        let name = type_name(&self.kind).unwrap_or(self.kind.as_str());
        if self.kind == "dieu-le" {
            return "Điều lệ Đảng".to_string();
        }
        if let Some(symbol) = &self.symbol {
            return format!("{name} {symbol}");
        }
        if let (Some(title), Some(year)) = (&self.name, &self.number) {
            return format!("{name} {title} {year}");
        }
        if let Some(title) = &self.name {
            return format!("{name} {title}");
        }
        if let Some(congress) = &self.congress {
            return match &self.issuing_body {
                Some(body) => format!("{name} Đại hội {congress} ({body})"),
                None => format!("{name} Đại hội {congress}"),
            };
        }
        if let (None, Some(plenum)) = (&self.number, self.plenum) {
            return match &self.term {
                Some(term) => format!("{name} Trung ương {plenum} khóa {term}"),
                None => format!("{name} Trung ương {plenum}"),
            };
        }
        let number = self.number.as_deref().unwrap_or("");
        match (&self.issuing_body, &self.issuer) {
            (Some(body), _) => format!("{name} {number} ({body})"),
            (None, Some(issuer)) => format!("{name} {number} ({issuer})"),
            (None, None) => format!("{name} {number}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citation(kind: &str) -> Citation {
        Citation {
            text: String::new(),
            start: 0,
            end: 0,
            kind: kind.to_string(),
            number: None,
            symbol: None,
            name: None,
            issuer: None,
            issuing_body: None,
            date: None,
            term: None,
            plenum: None,
            congress: None,
            article: None,
            key: String::new(),
            resolved_from: None,
            aliased_from: None,
        }
    }

    #[test]
    fn type_names_round_trip() {
        assert_eq!(type_name("huong-dan"), Some("Hướng dẫn"));
        assert_eq!(type_name("thong-tu-lien-tich"), Some("Thông tư liên tịch"));
        assert_eq!(type_name("nope"), None);
        assert_eq!(
            doc_type("quy-dinh").map(|t| t.abbrs),
            Some(&["QĐ", "QĐi"][..])
        );
    }

    #[test]
    fn labels() {
        let mut symbol = citation("nghi-quyet");
        symbol.number = Some("21".into());
        symbol.symbol = Some("21-NQ/TW".into());
        let mut body = citation("huong-dan");
        body.number = Some("38".into());
        body.issuing_body = Some("Ban Tổ chức Trung ương".into());
        let mut plenum = citation("nghi-quyet");
        plenum.plenum = Some(4);
        plenum.term = Some("XII".into());
        let mut congress = citation("nghi-quyet");
        congress.congress = Some("XII".into());
        let mut state = citation("nghi-dinh");
        state.symbol = Some("30/2020/NĐ-CP".into());
        let mut bare = citation("chi-thi");
        bare.number = Some("33".into());
        let mut law = citation("luat");
        law.name = Some("Đất đai".into());
        law.number = Some("2013".into());
        let rows = [
            (symbol, "Nghị quyết 21-NQ/TW"),
            (body, "Hướng dẫn 38 (Ban Tổ chức Trung ương)"),
            (plenum, "Nghị quyết Trung ương 4 khóa XII"),
            (congress, "Nghị quyết Đại hội XII"),
            (citation("dieu-le"), "Điều lệ Đảng"),
            (state, "Nghị định 30/2020/NĐ-CP"),
            (bare, "Chỉ thị 33"),
            (law, "Luật Đất đai 2013"),
        ];
        for (c, want) in rows {
            assert_eq!(c.label(), want);
        }
    }

    #[test]
    fn json_keeps_nulls_and_type_name() {
        let c = citation("dieu-le");
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"type\":\"dieu-le\""), "{json}");
        assert!(json.contains("\"symbol\":null"), "{json}");
        assert!(json.contains("\"resolved_from\":null"), "{json}");
        let back: Citation = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
    }
}
